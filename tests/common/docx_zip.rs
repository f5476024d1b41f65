//! A Word file's package edited as a clerk's tools would: entries
//! changed or dropped, the rest copied as they are.

use std::io::{Read, Write};

/// The package with each entry passed through `edit` (`None` drops it).
pub fn rezip(bytes: &[u8], edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if let Some(data) = edit(&name, data) {
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&data).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

/// The Word file as a tool that drops custom XML saves it: kehoach's
/// stored plan gone, so that only its text is read.
pub fn without_plan_part(bytes: &[u8]) -> Vec<u8> {
    rezip(bytes, |name, data| {
        (!name.starts_with("customXml/")).then_some(data)
    })
}
