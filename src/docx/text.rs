//! Paragraphs and runs: the plan's inline markup (`**bold**`, `*italic*`,
//! `^[footnote]`, line breaks) as Word runs, footnotes as real Word
//! footnotes. Properties are written in the order the schema requires.

use super::measure::twips;
use super::xml::Xml;
use crate::markup::{Inline, parse};

/// The look of a run of text.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    /// A colour as six hex digits; black when none.
    pub colour: Option<&'static str>,
}

impl Font {
    pub const fn size(size: f64) -> Font {
        Font {
            size,
            bold: false,
            italic: false,
            colour: None,
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

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum Align {
    #[default]
    Justify,
    Left,
    Center,
    Right,
}

/// Line spacing: at least this many points (a line holding an image
/// grows), or exactly.
#[derive(Debug, Clone, Copy)]
pub enum Spacing {
    AtLeast(f64),
    Exactly(f64),
    /// Word's "single".
    Single,
}

/// A horizontal rule drawn as the paragraph's bottom border.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Eighths of a point.
    pub eighths: u32,
    pub colour: &'static str,
}

/// The properties of a paragraph that kehoach sets.
#[derive(Debug, Clone)]
pub struct Para {
    pub align: Align,
    /// In millimetres.
    pub first_line: f64,
    pub left: f64,
    pub right: f64,
    /// In points.
    pub before: f64,
    pub after: f64,
    pub spacing: Spacing,
    pub keep_next: bool,
    pub keep_lines: bool,
    pub page_break_before: bool,
    pub rule_below: Option<Rule>,
    /// A box around the paragraph (the urgency mark).
    pub boxed: Option<Rule>,
}

impl Para {
    /// A body paragraph (R-BODY): justified, first line indented 1 cm, lines
    /// 1.25 em apart, 6 pt after, as the PDF sets them.
    pub fn body() -> Para {
        Para {
            align: Align::Justify,
            first_line: 10.0,
            left: 0.0,
            right: 0.0,
            before: 0.0,
            after: 6.0,
            spacing: Spacing::AtLeast(17.5),
            keep_next: false,
            keep_lines: false,
            page_break_before: false,
            rule_below: None,
            boxed: None,
        }
    }

    /// A centred line of the header, the title block or a cell.
    pub fn centred() -> Para {
        Para {
            align: Align::Center,
            first_line: 0.0,
            after: 0.0,
            spacing: Spacing::Single,
            ..Para::body()
        }
    }

    /// An empty paragraph 1 pt high, where Word needs a paragraph (after
    /// a table, to end a section) and the page should not show one.
    pub fn hairline() -> Para {
        Para::centred().spacing(Spacing::Exactly(1.0))
    }

    pub fn align(self, align: Align) -> Para {
        Para { align, ..self }
    }

    pub fn after(self, after: f64) -> Para {
        Para { after, ..self }
    }

    pub fn before(self, before: f64) -> Para {
        Para { before, ..self }
    }

    pub fn keep_next(self) -> Para {
        Para {
            keep_next: true,
            ..self
        }
    }

    pub fn spacing(self, spacing: Spacing) -> Para {
        Para { spacing, ..self }
    }

    /// Writes `<w:pPr>`, with a section's properties when it ends one.
    pub fn write(&self, xml: &mut Xml, section: Option<&dyn Fn(&mut Xml)>) {
        xml.open("w:pPr", &[]);
        if self.keep_next {
            xml.empty("w:keepNext", &[]);
        }
        if self.keep_lines {
            xml.empty("w:keepLines", &[]);
        }
        if self.page_break_before {
            xml.empty("w:pageBreakBefore", &[]);
        }
        if let Some(rule) = self.boxed {
            xml.element("w:pBdr", &[], |xml| {
                for side in ["w:top", "w:left", "w:bottom", "w:right"] {
                    border(xml, side, rule, 1);
                }
            });
        } else if let Some(rule) = self.rule_below {
            xml.element("w:pBdr", &[], |xml| border(xml, "w:bottom", rule, 0));
        }
        let (line, rule) = match self.spacing {
            Spacing::AtLeast(pt) => (twips_pt(pt), "atLeast"),
            Spacing::Exactly(pt) => (twips_pt(pt), "exact"),
            Spacing::Single => (240, "auto"),
        };
        xml.empty(
            "w:spacing",
            &[
                ("w:before", &twips_pt(self.before).to_string()),
                ("w:after", &twips_pt(self.after).to_string()),
                ("w:line", &line.to_string()),
                ("w:lineRule", rule),
            ],
        );
        xml.empty(
            "w:ind",
            &[
                ("w:left", &twips(self.left).to_string()),
                ("w:right", &twips(self.right).to_string()),
                ("w:firstLine", &twips(self.first_line).to_string()),
            ],
        );
        let jc = match self.align {
            Align::Justify => "both",
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
        };
        xml.empty("w:jc", &[("w:val", jc)]);
        if let Some(section) = section {
            section(xml);
        }
        xml.close("w:pPr");
    }
}

fn twips_pt(pt: f64) -> i64 {
    (pt * 20.0).round() as i64
}

fn border(xml: &mut Xml, side: &str, rule: Rule, space: u32) {
    xml.empty(
        side,
        &[
            ("w:val", "single"),
            ("w:sz", &rule.eighths.to_string()),
            ("w:space", &space.to_string()),
            ("w:color", rule.colour),
        ],
    );
}

/// The footnotes of the document, numbered from 1 in the order written
/// (0 and -1 are Word's separators).
#[derive(Default)]
pub struct Footnotes {
    pub notes: Vec<Xml>,
}

/// The size of footnote text (R-FOOTNOTE), as in the PDF.
pub const FOOTNOTE_SIZE: f64 = 12.0;

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
                            xml.empty("w:pStyle", &[("w:val", "FootnoteText")]);
                        });
                        xml.element("w:r", &[], |xml| {
                            xml.element("w:rPr", &[], |xml| {
                                xml.empty("w:rStyle", &[("w:val", "FootnoteReference")]);
                            });
                            xml.empty("w:footnoteRef", &[]);
                        });
                        let size = Font::size(FOOTNOTE_SIZE);
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

pub fn run_properties(xml: &mut Xml, font: Font) {
    xml.element("w:rPr", &[], |xml| {
        if font.bold {
            xml.empty("w:b", &[]);
            xml.empty("w:bCs", &[]);
        }
        if font.italic {
            xml.empty("w:i", &[]);
            xml.empty("w:iCs", &[]);
        }
        if let Some(colour) = font.colour {
            xml.empty("w:color", &[("w:val", colour)]);
        }
        let half_points = ((font.size * 2.0).round() as i64).to_string();
        xml.empty("w:sz", &[("w:val", &half_points)]);
        xml.empty("w:szCs", &[("w:val", &half_points)]);
    });
}
