//! The package's fixed parts: content types, relationships, styles,
//! settings, page headers, footnotes and document properties.

use super::images::{Images, SEAL_PART, SEAL_REL, SIGNATURE_PART, SIGNATURE_REL};
use super::plan_part::{self, RELATIONSHIP};
use super::text::Footnotes;
use super::xml::Xml;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// The page headers: the page number, and none on a part's first page.
pub const HEADER_NUMBERED: &str = "rIdHeaderNumbered";
pub const HEADER_BLANK: &str = "rIdHeaderBlank";

pub fn content_types(images: &Images) -> Vec<u8> {
    let mut xml = Xml::part();
    let types = "http://schemas.openxmlformats.org/package/2006/content-types";
    xml.element("Types", &[("xmlns", types)], |xml| {
        let defaults = [
            (
                "rels",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
            ("xml", "application/xml"),
            ("png", "image/png"),
        ];
        for (extension, kind) in defaults {
            if extension != "png" || images.signature.is_some() || images.seal.is_some() {
                xml.empty(
                    "Default",
                    &[("Extension", extension), ("ContentType", kind)],
                );
            }
        }
        let overrides = [
            ("/word/document.xml", format!("{MAIN}.document.main+xml")),
            ("/word/styles.xml", format!("{MAIN}.styles+xml")),
            ("/word/settings.xml", format!("{MAIN}.settings+xml")),
            ("/word/footnotes.xml", format!("{MAIN}.footnotes+xml")),
            ("/word/header1.xml", format!("{MAIN}.header+xml")),
            ("/word/header2.xml", format!("{MAIN}.header+xml")),
            (plan_part::CONTENT_TYPE.0, plan_part::CONTENT_TYPE.1.into()),
            (
                "/docProps/core.xml",
                "application/vnd.openxmlformats-package.core-properties+xml".into(),
            ),
            (
                "/docProps/app.xml",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
            ),
        ];
        for (part, kind) in &overrides {
            xml.empty("Override", &[("PartName", part), ("ContentType", kind)]);
        }
    });
    xml.finish()
}

fn relationships(rels: &[(&str, String, &str)]) -> Vec<u8> {
    let mut xml = Xml::part();
    let ns = "http://schemas.openxmlformats.org/package/2006/relationships";
    xml.element("Relationships", &[("xmlns", ns)], |xml| {
        for (id, kind, target) in rels {
            xml.empty(
                "Relationship",
                &[("Id", id), ("Type", kind), ("Target", target)],
            );
        }
    });
    xml.finish()
}

pub fn package_rels() -> Vec<u8> {
    relationships(&[
        ("rId1", format!("{REL}/officeDocument"), "word/document.xml"),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                .into(),
            "docProps/core.xml",
        ),
        (
            "rId3",
            format!("{REL}/extended-properties"),
            "docProps/app.xml",
        ),
    ])
}

pub fn document_rels(images: &Images) -> Vec<u8> {
    let mut rels = vec![
        ("rIdStyles", format!("{REL}/styles"), "styles.xml"),
        ("rIdSettings", format!("{REL}/settings"), "settings.xml"),
        ("rIdFootnotes", format!("{REL}/footnotes"), "footnotes.xml"),
        (HEADER_NUMBERED, format!("{REL}/header"), "header1.xml"),
        (HEADER_BLANK, format!("{REL}/header"), "header2.xml"),
        (RELATIONSHIP.0, RELATIONSHIP.1.into(), RELATIONSHIP.2),
    ];
    if images.signature.is_some() {
        rels.push((SIGNATURE_REL, format!("{REL}/image"), SIGNATURE_PART));
    }
    if images.seal.is_some() {
        rels.push((SEAL_REL, format!("{REL}/image"), SEAL_PART));
    }
    relationships(&rels)
}

pub fn settings() -> Vec<u8> {
    let mut xml = Xml::part();
    xml.element("w:settings", &[("xmlns:w", W)], |xml| {
        xml.empty("w:zoom", &[("w:percent", "100")]);
        xml.empty("w:defaultTabStop", &[("w:val", "720")]);
        xml.empty("w:characterSpacingControl", &[("w:val", "doNotCompress")]);
        xml.element("w:footnotePr", &[], |xml| {
            xml.empty("w:footnote", &[("w:id", "-1")]);
            xml.empty("w:footnote", &[("w:id", "0")]);
        });
        xml.element("w:compat", &[], |xml| {
            xml.empty(
                "w:compatSetting",
                &[
                    ("w:name", "compatibilityMode"),
                    ("w:uri", "http://schemas.microsoft.com/office/word"),
                    ("w:val", "15"),
                ],
            );
        });
    });
    xml.finish()
}

/// The page header with the page number, centred (R-PAGENO); or a blank
/// one for a part's first page.
pub fn header(numbered: bool) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.element("w:hdr", &[("xmlns:w", W), ("xmlns:r", R)], |xml| {
        xml.element("w:p", &[], |xml| {
            xml.element("w:pPr", &[], |xml| {
                xml.empty("w:pStyle", &[("w:val", super::styles::PAGE_HEADER.id)]);
            });
            if numbered {
                xml.element("w:fldSimple", &[("w:instr", " PAGE ")], |xml| {
                    xml.element("w:r", &[], |xml| xml.text_element("w:t", &[], "2"));
                });
            }
        });
    });
    xml.finish()
}

pub fn footnotes(notes: Footnotes) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.element("w:footnotes", &[("xmlns:w", W), ("xmlns:r", R)], |xml| {
        for (id, kind, mark) in [
            ("-1", "separator", "w:separator"),
            ("0", "continuationSeparator", "w:continuationSeparator"),
        ] {
            xml.element("w:footnote", &[("w:type", kind), ("w:id", id)], |xml| {
                xml.element("w:p", &[], |xml| {
                    xml.element("w:pPr", &[], |xml| {
                        xml.empty("w:pStyle", &[("w:val", super::styles::FOOTNOTE.id)]);
                    });
                    xml.element("w:r", &[], |xml| xml.empty(mark, &[]));
                });
            });
        }
        for note in notes.notes {
            xml.append(note);
        }
    });
    xml.finish()
}

/// Title and author (the issuing body), and the plan's date as the date
/// of creation, so that the same plan gives the same file.
pub fn core(title: &str, author: &str, created: Option<&str>) -> Vec<u8> {
    let mut xml = Xml::part();
    let attrs = [
        (
            "xmlns:cp",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        ),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("xmlns:dcterms", "http://purl.org/dc/terms/"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ];
    xml.element("cp:coreProperties", &attrs, |xml| {
        xml.text_element("dc:title", &[], title);
        xml.text_element("dc:creator", &[], author);
        xml.text_element("dc:language", &[], "vi-VN");
        if let Some(created) = created {
            xml.text_element(
                "dcterms:created",
                &[("xsi:type", "dcterms:W3CDTF")],
                created,
            );
        }
    });
    xml.finish()
}

pub fn app() -> Vec<u8> {
    let mut xml = Xml::part();
    let ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    xml.element("Properties", &[("xmlns", ns)], |xml| {
        xml.text_element("Application", &[], "kehoach");
    });
    xml.finish()
}
