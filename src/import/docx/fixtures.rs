//! Small Word files built for the reader's tests, and what they should
//! read as.

use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::read;
use crate::import::source::{Piece, Source};

pub(super) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pub(super) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"#;

/// A zip of these entries.
pub(super) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A .docx (one Word opens) with this body and these extra parts
/// (`styles.xml`, `numbering.xml`, `footnotes.xml`, by their names in `word/`).
pub(super) fn docx(body: &str, parts: &[(&str, String)]) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), CONTENT_TYPES.into()),
        ("_rels/.rels".into(), PACKAGE_RELS.into()),
        ("word/_rels/document.xml.rels".into(), DOCUMENT_RELS.into()),
        ("word/document.xml".into(), document.into_bytes()),
    ];
    for (name, xml) in parts {
        entries.push((format!("word/{name}"), xml.clone().into_bytes()));
    }
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    zip_of(&refs)
}

pub(super) fn part(root: &str, inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} xmlns:w="{W}">{inner}</w:{root}>"#
    )
}

/// A run: `fmt` holds "b" for bold and "i" for italic.
pub(super) fn r(text: &str, fmt: &str) -> String {
    let mut props = String::new();
    if fmt.contains('b') {
        props.push_str("<w:b/>");
    }
    if fmt.contains('i') {
        props.push_str("<w:i/>");
    }
    let props = if props.is_empty() {
        props
    } else {
        format!("<w:rPr>{props}</w:rPr>")
    };
    format!(r#"<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

pub(super) fn p(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

/// A paragraph of one plain run.
pub(super) fn pt(text: &str) -> String {
    p(&r(text, ""))
}

pub(super) fn numbered(num_id: u32, level: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>{}</w:p>"#,
        r(text, "")
    )
}

pub(super) fn tc(paragraphs: &[String]) -> String {
    format!("<w:tc><w:tcPr/>{}</w:tc>", paragraphs.concat())
}

pub(super) fn tbl(rows: &[Vec<String>]) -> String {
    let rows: String = rows
        .iter()
        .map(|cells| format!("<w:tr>{}</w:tr>", cells.concat()))
        .collect();
    format!("<w:tbl><w:tblPr/><w:tblGrid/>{rows}</w:tbl>")
}

pub(super) fn text(at: usize, text: &str) -> Piece {
    Piece::Text {
        at,
        text: text.to_string(),
    }
}

pub(super) fn table(at: usize, rows: &[&[&str]]) -> Piece {
    let rows = rows
        .iter()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect();
    Piece::Table { at, rows }
}

pub(super) fn read_ok(bytes: &[u8]) -> Source {
    read(bytes).unwrap_or_else(|e| panic!("read failed: {e}"))
}

/// A level of a list definition.
pub(super) fn lvl(level: u32, format: &str, text: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/></w:lvl>"#
    )
}

/// numbering.xml: list 1 is "I." / "1." / "a)", list 2 is bullets "-" then "+".
pub(super) fn plan_numbering() -> String {
    let sections = [
        lvl(0, "upperRoman", "%1."),
        lvl(1, "decimal", "%2."),
        lvl(2, "lowerLetter", "%3)"),
    ]
    .concat();
    let bullets = [lvl(0, "bullet", "\u{F0BE}"), lvl(1, "bullet", "+")].concat();
    part(
        "numbering",
        &format!(
            r#"<w:abstractNum w:abstractNumId="0">{sections}</w:abstractNum><w:abstractNum w:abstractNumId="1">{bullets}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#
        ),
    )
}

/// The message of a read that must fail: every bad input is an `Err`,
/// never a panic.
pub(super) fn err(bytes: &[u8]) -> String {
    match read(bytes) {
        Err(reason) => reason.to_string(),
        Ok(source) => panic!("expected an error, got {source:?}"),
    }
}
