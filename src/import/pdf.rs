//! The reader of a born-digital PDF (one Word or a typesetter exported):
//! its text layer, glyph by glyph with positions — and the text of the
//! annotations the page shows, such as a signing system's stamped số —
//! laid out again as lines in reading order, columns kept apart by wide
//! gaps (the two-column header and the nơi nhận | signature row), footnotes
//! put back at their marks, one page after another. The text reader
//! ([`super::text`]) then reads those lines as it reads the output of
//! `pdftotext -layout`: page numbers dropped, lines joined into paragraphs.
//!
//! A scanned PDF has pictures of pages and no text layer, and some signing
//! tools leave a text layer whose glyphs map to the wrong letters: both are
//! refused with a message saying so.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};

use super::source::Source;
use super::unreadable::Unreadable;

mod columns;
mod footnotes;
mod layout;
mod legible;
mod prepare;

pub(super) use legible::GARBLED;

/// The largest PDF read: a plan with its scanned annexes stays far below.
pub const MAX_PDF_BYTES: usize = 64 * 1024 * 1024;

/// Fewer letters than this per page is a scan (a signature stamp's text at
/// most), not a text layer.
const LETTERS_PER_PAGE: usize = 50;

pub fn read(bytes: &[u8]) -> Result<Source, Unreadable> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(Unreadable::TooLarge {
            megabytes: bytes.len() >> 20,
        });
    }
    // The extractor panics on some malformed fonts: a broken file is the
    // user's problem to hear about, not a crash.
    let pages =
        catch_unwind(AssertUnwindSafe(|| pages(bytes))).unwrap_or(Err(Unreadable::PdfDamaged))?;
    let count = pages.len().max(1);
    let texts: Vec<String> = pages.iter().map(|p| layout::text(&p.glyphs)).collect();
    let garbled = legible::garbled_pages(&texts)?;
    let letters = pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .filter(|g| g.text.chars().any(char::is_alphabetic))
        .count();
    if letters < LETTERS_PER_PAGE * count {
        return Err(Unreadable::Scanned { pages: count });
    }
    let kept: Vec<&str> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| if garbled.contains(&(i + 1)) { "" } else { text })
        .collect();
    let mut source = super::text::read_literal(kept.join("\u{c}").as_bytes())?;
    let mut notes = vec![format!("đọc lớp chữ của tệp PDF: {count} trang")];
    let stamped: Vec<usize> = (1..=count).filter(|&p| pages[p - 1].stamped).collect();
    if !stamped.is_empty() {
        notes.push(format!(
            "đọc cả chữ đóng lên {} khi ký số (số, ngày, dấu chữ ký), nằm ngoài lớp chữ",
            super::unreadable::pages_named(&stamped)
        ));
    }
    if !garbled.is_empty() {
        notes.push(format!(
            "bỏ chữ của {}: {}, không phải chữ của văn bản",
            super::unreadable::pages_named(&garbled),
            legible::GARBLED
        ));
    }
    source.notes.splice(0..0, notes);
    Ok(source)
}

/// The document's pages as glyphs, the annotations' with them.
fn pages(bytes: &[u8]) -> Result<Vec<Page>, Unreadable> {
    let mut doc = Document::load_mem(bytes).map_err(|_| Unreadable::PdfDamaged)?;
    if doc.is_encrypted() {
        return Err(Unreadable::PdfLocked);
    }
    prepare::expand_widths(&mut doc);
    let mut marks = Marks::default();
    pdf_extract::output_doc(&doc, &mut marks).map_err(|_| Unreadable::PdfDamaged)?;
    let mut pages = marks.pages;
    // The annotations' appearances, read as pages of their own; a stamp
    // the extractor cannot read is left out rather than losing the page's
    // text.
    let stamps = prepare::stamp_pages(&mut doc);
    let mut stamped = Marks::default();
    let read = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::output_doc(&doc, &mut stamped)
    }));
    if matches!(read, Ok(Ok(()))) && stamped.pages.len() == stamps.len() {
        for (stamp, drawn) in stamps.iter().zip(&stamped.pages) {
            let page = &mut pages[stamp.page];
            page.stamped |= !drawn.glyphs.is_empty();
            page.glyphs
                .extend(drawn.glyphs.iter().map(|g| g.moved(&stamp.matrix)));
        }
    }
    for page in &mut pages {
        page.flip();
    }
    Ok(pages)
}

/// One glyph where the page shows it, in points; `y` is its baseline.
/// Read in the PDF's space (from the bottom left), then turned to the
/// page's from the top left.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    /// Where the next glyph would start.
    end: f64,
    size: f64,
    text: String,
}

impl Glyph {
    /// The glyph through a matrix `[a b c d e f]`.
    fn moved(&self, m: &[f64; 6]) -> Glyph {
        let at = |x: f64, y: f64| (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
        let (x, y) = at(self.x, self.y);
        let (end, _) = at(self.end, self.y);
        Glyph {
            x,
            y,
            end,
            size: self.size * (m[0] * m[3] - m[1] * m[2]).abs().sqrt(),
            text: self.text.clone(),
        }
    }
}

/// A page's glyphs.
#[derive(Debug, Default)]
struct Page {
    glyphs: Vec<Glyph>,
    /// The media box's top, where the page's `y` counts from.
    top: f64,
    /// Whether some of its glyphs are an annotation's.
    stamped: bool,
}

impl Page {
    /// From the PDF's space to the page's from the top.
    fn flip(&mut self) {
        for g in &mut self.glyphs {
            g.y = self.top - g.y;
        }
    }
}

/// The extractor's sink: every glyph of every page.
#[derive(Default)]
struct Marks {
    pages: Vec<Page>,
}

impl OutputDev for Marks {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages.push(Page {
            top: media_box.ury,
            ..Page::default()
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The font size as drawn: the text matrix scales it on both axes.
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt();
        let (x, y) = (trm.m31, trm.m32);
        if let Some(page) = self.pages.last_mut()
            && size > 0.5
            && !text.is_empty()
        {
            page.glyphs.push(Glyph {
                x,
                y,
                end: x + width * size,
                size,
                text: text.to_owned(),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
