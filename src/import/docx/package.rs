//! The zip container a .docx is, and its limits: a part is read whole but
//! never past [`MAX_PART_BYTES`], so a zip bomb does no harm.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::xml::{Element, parse_xml};
use crate::import::unreadable::{PartFault, Unreadable};

/// The most a part may take once decompressed: far above any real plan (a
/// long one is a few hundred kB of XML), far below harm.
pub(crate) const MAX_PART_BYTES: u64 = 50 * 1024 * 1024;

type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;

pub(super) fn open_zip(bytes: &[u8]) -> Result<Zip<'_>, Unreadable> {
    // An OLE compound file is a legacy .doc, or a .docx that Word encrypted
    // with a password: worth telling apart from random bytes.
    const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(Unreadable::LegacyWord);
    }
    ZipArchive::new(Cursor::new(bytes)).map_err(|_| Unreadable::NotZip)
}

/// Reads one part as text; `Ok(None)` when the zip has no such entry.
pub(super) fn read_part(zip: &mut Zip<'_>, name: &str) -> Result<Option<String>, Unreadable> {
    let fault = |fault| Unreadable::part(name, fault);
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(_) => return Err(fault(PartFault::Damaged)),
    };
    if file.size() > MAX_PART_BYTES {
        return Err(fault(PartFault::TooLarge));
    }
    // The declared size can lie: read one byte past the limit to tell.
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| fault(PartFault::Damaged))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(fault(PartFault::TooLarge));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| fault(PartFault::NotUtf8))
}

/// Reads a part the document can do without: a broken one becomes a note,
/// so that a plan with, say, damaged styles is still read.
pub(super) fn optional_part(
    zip: &mut Zip<'_>,
    name: &str,
    notes: &mut Vec<String>,
) -> Option<Element> {
    let part = read_part(zip, name).and_then(|text| text.map(|t| parse_xml(&t, name)).transpose());
    part.unwrap_or_else(|reason| {
        notes.push(format!("{reason}; đã bỏ qua phần này"));
        None
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn not_a_zip() {
        assert_eq!(
            err(b"KE HOACH nam 2025"),
            "tệp không phải DOCX (không đọc được dạng nén zip)"
        );
        assert_eq!(
            err(b""),
            "tệp không phải DOCX (không đọc được dạng nén zip)"
        );
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert!(err(&ole).contains(".doc"));
    }

    #[test]
    fn oversized_part_is_refused() {
        // Deflate packs this into about 50 kB: a small zip bomb.
        let huge = vec![b' '; MAX_PART_BYTES as usize + 1];
        let bytes = zip_of(&[("word/document.xml", &huge)]);
        assert!(bytes.len() < 1 << 20);
        assert_eq!(
            super::super::read(&bytes),
            Err(Unreadable::part("word/document.xml", PartFault::TooLarge))
        );
        assert!(err(&bytes).contains("quá lớn"));
    }

    #[test]
    fn a_broken_optional_part_is_a_note() {
        let source = read_ok(&docx(
            &pt("Vẫn đọc được"),
            &[("styles.xml", "<w:styles".to_string())],
        ));
        assert_eq!(source.pieces, vec![text(1, "Vẫn đọc được")]);
        assert_eq!(source.notes.len(), 1);
        assert!(
            source.notes[0].contains("word/styles.xml"),
            "{:?}",
            source.notes
        );
    }
}
