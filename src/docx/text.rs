//! Runs: the plan's inline markup (`**bold**`, `*italic*`, `^[footnote]`,
//! line breaks) as Word runs, footnotes as real Word footnotes. A run
//! writes only what differs from its paragraph's style. Properties are
//! written in the order the schema requires.

use super::para::switch;
use super::styles::{self, StyleDef};
use super::xml::Xml;
use crate::markup::{Inline, parse};

/// The look of a run of text, and that of its paragraph's style, which
/// the run need not repeat.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    /// A colour as six hex digits; black when none.
    pub colour: Option<&'static str>,
    pub style: Look,
}

/// Size and weight as a style gives them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
}

impl Look {
    pub const PLAIN: Look = Look {
        size: 14.0,
        bold: false,
        italic: false,
    };
}

impl Font {
    /// Text of `size` points in a paragraph of the body style.
    pub const fn size(size: f64) -> Font {
        Font {
            size,
            bold: false,
            italic: false,
            colour: None,
            style: Look::PLAIN,
        }
    }

    /// The text of a paragraph of style `def`, as the style sets it.
    pub const fn of(def: &StyleDef) -> Font {
        let look = def.look;
        Font {
            size: look.size,
            bold: look.bold,
            italic: look.italic,
            colour: None,
            style: look,
        }
    }

    pub const fn regular(self) -> Font {
        Font {
            bold: false,
            ..self
        }
    }

    pub const fn bold(self) -> Font {
        Font { bold: true, ..self }
    }

    pub const fn italic(self) -> Font {
        Font {
            italic: true,
            ..self
        }
    }
}

/// The footnotes of the document, numbered from 1 in the order written
/// (0 and -1 are Word's separators).
#[derive(Default)]
pub struct Footnotes {
    pub notes: Vec<Xml>,
}

/// Writes plan text, with its inline markup, as runs in `font`.
pub fn runs(xml: &mut Xml, text: &str, font: Font, notes: &mut Footnotes) {
    nodes(xml, &parse(text), font, notes);
}

fn nodes(xml: &mut Xml, nodes: &[Inline], font: Font, notes: &mut Footnotes) {
    for node in nodes {
        match node {
            Inline::Text(text) => run(xml, text, font),
            Inline::LineBreak => xml.element("w:r", &[], |xml| xml.empty("w:br", &[])),
            Inline::Strong(inner) => self::nodes(xml, inner, font.bold(), notes),
            // Emphasis inside italic text sets it upright, as typst does.
            Inline::Emph(inner) => self::nodes(
                xml,
                inner,
                Font {
                    italic: !font.italic,
                    ..font
                },
                notes,
            ),
            Inline::Footnote(inner) => {
                let id = (notes.notes.len() + 1).to_string();
                let mut note = Xml::fragment();
                note.element("w:footnote", &[("w:id", &id)], |xml| {
                    xml.element("w:p", &[], |xml| {
                        xml.element("w:pPr", &[], |xml| {
                            xml.empty("w:pStyle", &[("w:val", styles::FOOTNOTE.id)]);
                        });
                        xml.element("w:r", &[], |xml| {
                            xml.element("w:rPr", &[], |xml| {
                                xml.empty("w:rStyle", &[("w:val", "FootnoteReference")]);
                            });
                            xml.empty("w:footnoteRef", &[]);
                        });
                        let size = Font::of(&styles::FOOTNOTE);
                        run(xml, " ", size);
                        let mut inner_notes = Footnotes::default();
                        self::nodes(xml, inner, size, &mut inner_notes);
                    });
                });
                notes.notes.push(note);
                xml.element("w:r", &[], |xml| {
                    xml.element("w:rPr", &[], |xml| {
                        xml.empty("w:rStyle", &[("w:val", "FootnoteReference")]);
                    });
                    xml.empty("w:footnoteReference", &[("w:id", &id)]);
                });
            }
        }
    }
}

/// One run of literal text.
pub fn run(xml: &mut Xml, text: &str, font: Font) {
    xml.element("w:r", &[], |xml| {
        run_properties(xml, font);
        xml.text_element("w:t", &[("xml:space", "preserve")], text);
    });
}

/// What differs from the paragraph's style; nothing when nothing does.
pub fn run_properties(xml: &mut Xml, font: Font) {
    let style = font.style;
    let differs = font.bold != style.bold
        || font.italic != style.italic
        || font.size != style.size
        || font.colour.is_some();
    if !differs {
        return;
    }
    xml.element("w:rPr", &[], |xml| {
        look(xml, font, style);
        if let Some(colour) = font.colour {
            xml.empty("w:color", &[("w:val", colour)]);
        }
        if font.size != style.size {
            half_points(xml, font.size);
        }
    });
}

/// Bold and italic where they differ from `base` (the part before colour
/// and size in `w:rPr`).
pub fn look(xml: &mut Xml, font: Font, base: Look) {
    switch(xml, "w:b", font.bold, base.bold);
    switch(xml, "w:bCs", font.bold, base.bold);
    switch(xml, "w:i", font.italic, base.italic);
    switch(xml, "w:iCs", font.italic, base.italic);
}

pub fn half_points(xml: &mut Xml, size: f64) {
    let half_points = ((size * 2.0).round() as i64).to_string();
    xml.empty("w:sz", &[("w:val", &half_points)]);
    xml.empty("w:szCs", &[("w:val", &half_points)]);
}
