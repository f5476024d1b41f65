//! The named styles of the Word file (`word/styles.xml`): what a clerk
//! changes to change every paragraph of a kind. Word's built-in names
//! (Title, heading 1–3, List, footnote text) where Word has one, so that
//! the navigation pane shows the plan's mục, khoản and điểm; the others
//! named in Vietnamese. Each style is the PDF's look of its kind
//! (templates/style.typ), written as what differs from its parent.

use super::para::{Align, Para, Spacing};
use super::text::{Look, half_points, look};
use super::xml::Xml;

/// A paragraph style: the paragraph and text it gives.
pub struct StyleDef {
    pub id: &'static str,
    pub name: &'static str,
    pub based_on: Option<&'static StyleDef>,
    /// The style of the paragraph Word starts when Enter is pressed at
    /// the end of one of this style: itself when none.
    pub next: Option<&'static str>,
    pub para: Para,
    pub look: Look,
    /// The level in the navigation pane (0 for heading 1).
    pub outline: Option<u8>,
}

/// A body paragraph (R-BODY); a paragraph a clerk adds looks like the rest.
pub const NORMAL: StyleDef = StyleDef {
    id: "Normal",
    name: "Normal",
    based_on: None,
    next: None,
    para: Para::BODY,
    look: Look::PLAIN,
    outline: None,
};

/// A style based on Normal, Enter at whose end starts another of it.
const fn of_normal(id: &'static str, name: &'static str, para: Para, look: Look) -> StyleDef {
    StyleDef {
        id,
        name,
        based_on: Some(&NORMAL),
        next: None,
        para,
        look,
        outline: None,
    }
}

const fn heading(id: &'static str, name: &'static str, level: u8) -> StyleDef {
    StyleDef {
        id,
        name,
        based_on: Some(&NORMAL),
        next: Some("Normal"),
        para: Para {
            style: id,
            keep_next: true,
            keep_lines: true,
            ..Para::BODY
        },
        look: Look {
            bold: true,
            ..Look::PLAIN
        },
        outline: Some(level),
    }
}

/// Mục, khoản and điểm (R-MUC, R-KHOAN, R-DIEM): bold, kept with what
/// follows, on the navigation pane's levels 1–3.
pub const HEADINGS: [StyleDef; 3] = [
    heading("Heading1", "heading 1", 0),
    heading("Heading2", "heading 2", 1),
    heading("Heading3", "heading 3", 2),
];

/// The trích yếu and the kind above it (R-TITLE): bold, centred, lines
/// 1.03 em apart as the PDF's title block.
pub const TITLE: StyleDef = StyleDef {
    id: "Title",
    name: "Title",
    based_on: Some(&NORMAL),
    next: Some("Normal"),
    para: Para {
        style: "Title",
        align: Align::Center,
        first_line: 0.0,
        // The PDF's 2 pt between KẾ HOẠCH and the trích yếu, less what
        // Word's exact line puts above the text more than the PDF's.
        before: 0.3,
        after: 0.0,
        spacing: Spacing::Exactly(TITLE_PITCH),
        keep_next: true,
        ..Para::BODY
    },
    look: Look {
        bold: true,
        ..Look::PLAIN
    },
    outline: None,
};

/// The title block's line pitch: the PDF's 0.91 em line and 0.12 em leading.
pub const TITLE_PITCH: f64 = 14.4;

/// The line under the trích yếu (`Kèm theo Quyết định …`), in italics.
pub const SUBTITLE: StyleDef = StyleDef {
    id: "Subtitle",
    name: "Subtitle",
    based_on: Some(&TITLE),
    next: Some("Normal"),
    para: Para {
        style: "Subtitle",
        before: 3.0,
        ..TITLE.para
    },
    look: Look {
        bold: false,
        italic: true,
        size: 14.0,
    },
    outline: None,
};

/// Dash lists and a task's lines (R-DASH): set as body paragraphs, their
/// marker typed, so that they survive copying between offices.
pub const LIST: StyleDef = of_normal(
    "List",
    "List",
    Para {
        style: "List",
        ..Para::BODY
    },
    Look::PLAIN,
);

/// The text's last paragraphs, kept whole on the page of the closing
/// block (R-SIGNER); a paragraph a clerk starts at their end is one too.
pub const CLOSING_TEXT: StyleDef = of_normal(
    "ClosingText",
    "Đoạn cuối (giữ với chữ ký)",
    Para {
        style: "ClosingText",
        keep_next: true,
        keep_lines: true,
        ..Para::BODY
    },
    Look::PLAIN,
);

/// Text in a table of the body: 13 pt, unindented, 4 pt after.
pub const TABLE_TEXT: StyleDef = of_normal(
    "TableText",
    "Chữ trong bảng",
    Para {
        style: "TableText",
        align: Align::Left,
        first_line: 0.0,
        after: 4.0,
        spacing: Spacing::Single,
        ..Para::BODY
    },
    Look {
        size: 13.0,
        ..Look::PLAIN
    },
);

/// Footnotes (R-FOOTNOTE): 12 pt, smaller than the body, unindented.
pub const FOOTNOTE: StyleDef = of_normal(
    "FootnoteText",
    "footnote text",
    Para {
        style: "FootnoteText",
        first_line: 0.0,
        after: 0.0,
        spacing: Spacing::Single,
        ..Para::BODY
    },
    Look {
        size: 12.0,
        ..Look::PLAIN
    },
);

/// The page number's paragraph (R-PAGENO): 13 pt, centred.
pub const PAGE_HEADER: StyleDef = of_normal(
    "Header",
    "header",
    Para {
        style: "Header",
        align: Align::Center,
        first_line: 0.0,
        after: 0.0,
        spacing: Spacing::Single,
        ..Para::BODY
    },
    Look {
        size: 13.0,
        ..Look::PLAIN
    },
);

const ALL: [&StyleDef; 11] = [
    &NORMAL,
    &HEADINGS[0],
    &HEADINGS[1],
    &HEADINGS[2],
    &TITLE,
    &SUBTITLE,
    &LIST,
    &CLOSING_TEXT,
    &TABLE_TEXT,
    &FOOTNOTE,
    &PAGE_HEADER,
];

/// The style of id `id`; Normal for one kehoach does not write.
pub fn of(id: &str) -> &'static StyleDef {
    ALL.into_iter().find(|s| s.id == id).unwrap_or(&NORMAL)
}

/// Times New Roman 14 (R-FONT, R-BODY) named, not embedded, kerned, and
/// the styles above.
pub fn styles() -> Vec<u8> {
    let mut xml = Xml::part();
    xml.element("w:styles", &[("xmlns:w", super::parts::W)], |xml| {
        xml.element("w:docDefaults", &[], |xml| {
            xml.element("w:rPrDefault", &[], |xml| {
                xml.element("w:rPr", &[], |xml| {
                    let font = "Times New Roman";
                    xml.empty(
                        "w:rFonts",
                        &[
                            ("w:ascii", font),
                            ("w:hAnsi", font),
                            ("w:eastAsia", font),
                            ("w:cs", font),
                        ],
                    );
                    // Kerning at every size, as the PDF's text is kerned:
                    // a line set in one fits in the other.
                    xml.empty("w:kern", &[("w:val", "2")]);
                    half_points(xml, Look::PLAIN.size);
                    xml.empty("w:lang", &[("w:val", "vi-VN"), ("w:eastAsia", "en-US")]);
                });
            });
            xml.element("w:pPrDefault", &[], |xml| {
                xml.element("w:pPr", &[], |xml| {
                    xml.empty(
                        "w:spacing",
                        &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
                    );
                });
            });
        });
        for def in ALL {
            paragraph_style(xml, def);
        }
        let attrs = |kind, id| [("w:type", kind), ("w:styleId", id), ("w:default", "1")];
        xml.element(
            "w:style",
            &attrs("character", "DefaultParagraphFont"),
            |xml| xml.empty("w:name", &[("w:val", "Default Paragraph Font")]),
        );
        xml.element("w:style", &attrs("table", "TableNormal"), |xml| {
            xml.empty("w:name", &[("w:val", "Normal Table")]);
            xml.element("w:tblPr", &[], |xml| {
                xml.element("w:tblCellMar", &[], |xml| {
                    for (side, w) in [
                        ("w:top", "0"),
                        ("w:left", "108"),
                        ("w:bottom", "0"),
                        ("w:right", "108"),
                    ] {
                        xml.empty(side, &[("w:w", w), ("w:type", "dxa")]);
                    }
                });
            });
        });
        let reference = [("w:type", "character"), ("w:styleId", "FootnoteReference")];
        xml.element("w:style", &reference, |xml| {
            xml.empty("w:name", &[("w:val", "footnote reference")]);
            xml.element("w:rPr", &[], |xml| {
                xml.empty("w:vertAlign", &[("w:val", "superscript")]);
            });
        });
    });
    xml.finish()
}

fn paragraph_style(xml: &mut Xml, def: &StyleDef) {
    let mut attrs = vec![("w:type", "paragraph"), ("w:styleId", def.id)];
    if def.based_on.is_none() {
        attrs.push(("w:default", "1"));
    }
    xml.element("w:style", &attrs, |xml| {
        xml.empty("w:name", &[("w:val", def.name)]);
        if let Some(parent) = def.based_on {
            xml.empty("w:basedOn", &[("w:val", parent.id)]);
        }
        xml.empty("w:next", &[("w:val", def.next.unwrap_or(def.id))]);
        xml.empty("w:qFormat", &[]);
        let (parent_para, parent_look) = def
            .based_on
            .map_or((&Para::WORD, Look::PLAIN), |p| (&p.para, p.look));
        xml.element("w:pPr", &[], |xml| {
            def.para.differences(xml, parent_para);
            if let Some(level) = def.outline {
                xml.empty("w:outlineLvl", &[("w:val", &level.to_string())]);
            }
        });
        if def.look != parent_look {
            xml.element("w:rPr", &[], |xml| {
                let font = super::text::Font {
                    style: parent_look,
                    ..super::text::Font::of(def)
                };
                look(xml, font, parent_look);
                if def.look.size != parent_look.size {
                    half_points(xml, def.look.size);
                }
            });
        }
    });
}
