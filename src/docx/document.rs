//! The body of `word/document.xml` as it is written: top-level paragraphs
//! and tables in order, and the sections they fall into. A section's
//! properties end it, inside its last paragraph, so the last paragraph
//! is held back until the next element shows whether a section ends there.

use super::measure::twips;
use super::para::Para;
use super::text::Footnotes;
use super::xml::Xml;

/// The page of a section (R-PAGE, R-MARGIN: A4, 20/15/20/30 mm as the PDF).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Section {
    pub landscape: bool,
    /// Page numbers start again at 1: the plan after its decision, and
    /// each appendix (R-PAGENO).
    pub restart: bool,
    /// No page number on the first page (R-PAGENO).
    pub title_page: bool,
}

/// The PDF's 20 mm (R-MARGIN), less [`LINE_DROP`]: Word's first line of a
/// page is a box as high as the line pitch, its text at the box's foot,
/// where the PDF's first line starts at the margin with its text 0.7 em
/// down. So the text of every page stands where the PDF's does, and a
/// page holds as many lines as the PDF's (measured in LibreOffice 7.4:
/// the same baselines within 0.3 pt, the same page breaks).
pub const MARGIN_TOP: f64 = 20.0 - LINE_DROP;
/// 17.5 pt of body line, less the font's descent (3.0 pt) and the PDF's
/// 9.8 pt from the margin to the first baseline: 4.7 pt.
pub const LINE_DROP: f64 = 4.7 * 25.4 / 72.0;
pub const MARGIN_BOTTOM: f64 = 20.0;
pub const MARGIN_LEFT: f64 = 30.0;
pub const MARGIN_RIGHT: f64 = 15.0;
/// From the page's top edge to the top of the page number's line: its
/// baseline where the PDF's is, 31.3 pt down.
const HEADER_DISTANCE: f64 = 6.75;

impl Section {
    /// The first section of a document, or a part that starts anew.
    pub const PART: Section = Section {
        landscape: false,
        restart: true,
        title_page: true,
    };

    /// The width of the text between the margins, in millimetres.
    pub fn text_width(&self) -> f64 {
        let page = if self.landscape { 297.0 } else { 210.0 };
        page - MARGIN_LEFT - MARGIN_RIGHT
    }

    fn write(&self, xml: &mut Xml) {
        xml.element("w:sectPr", &[], |xml| {
            xml.empty(
                "w:headerReference",
                &[
                    ("w:type", "default"),
                    ("r:id", super::parts::HEADER_NUMBERED),
                ],
            );
            if self.title_page {
                xml.empty(
                    "w:headerReference",
                    &[("w:type", "first"), ("r:id", super::parts::HEADER_BLANK)],
                );
            }
            let (w, h) = if self.landscape {
                (297.0, 210.0)
            } else {
                (210.0, 297.0)
            };
            let mut size = vec![("w:w", twips(w).to_string()), ("w:h", twips(h).to_string())];
            if self.landscape {
                size.push(("w:orient", "landscape".into()));
            }
            xml.empty("w:pgSz", &borrowed(&size));
            let margins = [
                ("w:top", MARGIN_TOP),
                ("w:right", MARGIN_RIGHT),
                ("w:bottom", MARGIN_BOTTOM),
                ("w:left", MARGIN_LEFT),
                ("w:header", HEADER_DISTANCE),
                ("w:footer", HEADER_DISTANCE),
                ("w:gutter", 0.0),
            ]
            .map(|(k, mm)| (k, twips(mm).to_string()));
            xml.empty("w:pgMar", &borrowed(&margins));
            if self.restart {
                xml.empty("w:pgNumType", &[("w:start", "1")]);
            }
            if self.title_page {
                xml.empty("w:titlePg", &[]);
            }
        });
    }
}

fn borrowed<'a>(pairs: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    pairs.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

pub struct Body {
    xml: Xml,
    /// The last top-level paragraph, not yet written.
    pending: Option<(Para, Xml)>,
    pub section: Section,
    /// The width text takes, in millimetres: the section's, or a cell's.
    pub width: f64,
    pub notes: Footnotes,
}

impl Body {
    pub fn new(first: Section) -> Body {
        Body {
            xml: Xml::fragment(),
            pending: None,
            section: first,
            width: first.text_width(),
            notes: Footnotes::default(),
        }
    }

    /// The content of a table cell `width` mm wide, written by `write` as
    /// a body of its own that shares the document's footnotes.
    pub fn cell(notes: &mut Footnotes, width: f64, write: impl FnOnce(&mut Body)) -> Xml {
        let mut inner = Body {
            width,
            notes: std::mem::take(notes),
            ..Body::new(Section::PART)
        };
        write(&mut inner);
        inner.flush();
        *notes = inner.notes;
        inner.xml
    }

    /// A top-level paragraph; `content` writes its runs.
    pub fn paragraph(&mut self, para: Para, content: impl FnOnce(&mut Xml, &mut Footnotes)) {
        self.flush();
        let mut runs = Xml::fragment();
        content(&mut runs, &mut self.notes);
        self.pending = Some((para, runs));
    }

    /// Keeps the last paragraph written with the next, and whole, in style
    /// `style` unless it is a heading's.
    pub fn keep_pending_with_next(&mut self, style: &'static str) {
        if let Some((para, _)) = &mut self.pending {
            para.keep_next = true;
            para.keep_lines = true;
            if !para.style.starts_with("Heading") {
                para.style = style;
            }
        }
    }

    /// A top-level table (or anything else that is not a paragraph).
    pub fn block(&mut self, content: impl FnOnce(&mut Xml, &mut Footnotes)) {
        self.flush();
        content(&mut self.xml, &mut self.notes);
    }

    /// Ends the current section; what follows is on the pages of `next`.
    pub fn new_section(&mut self, next: Section) {
        // After a table, an empty paragraph carries the section.
        let (para, runs) = self
            .pending
            .take()
            .unwrap_or_else(|| (Para::hairline(), Xml::fragment()));
        let ending = self.section;
        write_paragraph(&mut self.xml, &para, Some(&|xml| ending.write(xml)), runs);
        self.section = next;
        self.width = next.text_width();
    }

    fn flush(&mut self) {
        if let Some((para, runs)) = self.pending.take() {
            write_paragraph(&mut self.xml, &para, None, runs);
        }
    }

    /// The body's XML, the last section's properties last.
    pub fn finish(mut self) -> (Xml, Footnotes) {
        self.flush();
        // Word wants a paragraph after a table at the end of a body.
        if !self.xml_ends_with_paragraph() {
            write_paragraph(&mut self.xml, &Para::hairline(), None, Xml::fragment());
        }
        self.section.write(&mut self.xml);
        (self.xml, self.notes)
    }

    fn xml_ends_with_paragraph(&self) -> bool {
        self.xml.as_bytes().ends_with(b"</w:p>")
    }
}

/// `<w:p>` with its properties and runs.
pub fn write_paragraph(xml: &mut Xml, para: &Para, section: Option<&dyn Fn(&mut Xml)>, runs: Xml) {
    xml.element("w:p", &[], |xml| {
        para.write(xml, section);
        xml.append(runs);
    });
}
