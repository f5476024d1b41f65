//! The reader of a born-digital PDF (one Word or a typesetter exported):
//! its text layer, glyph by glyph with positions, laid out again as lines
//! in reading order, columns kept apart by wide gaps (the two-column header
//! and the nơi nhận | signature row), one page after another. The text
//! reader ([`super::text`]) then reads those lines as it reads the output
//! of `pdftotext -layout`: page numbers dropped, lines joined into
//! paragraphs, footnotes moved to their reference.
//!
//! A scanned PDF has pictures of pages and no text layer: it is refused
//! with a message saying so.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};

use super::source::Source;
use super::unreadable::Unreadable;

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
    let mut glyphs = Glyphs::default();
    // The extractor panics on some malformed fonts: a broken file is the
    // user's problem to hear about, not a crash.
    let loaded = catch_unwind(AssertUnwindSafe(|| {
        let doc = Document::load_mem(bytes).map_err(|_| Unreadable::PdfDamaged)?;
        if doc.is_encrypted() {
            return Err(Unreadable::PdfLocked);
        }
        pdf_extract::output_doc(&doc, &mut glyphs).map_err(|_| Unreadable::PdfDamaged)
    }));
    loaded.unwrap_or(Err(Unreadable::PdfDamaged))?;
    let pages = glyphs.pages.len().max(1);
    let letters = glyphs
        .pages
        .iter()
        .flatten()
        .filter(|g| g.text.chars().any(char::is_alphabetic))
        .count();
    if letters < LETTERS_PER_PAGE * pages {
        return Err(Unreadable::Scanned { pages });
    }
    let text: Vec<String> = glyphs
        .pages
        .iter()
        .map(|page| {
            if has_widths(page) {
                layout(page)
            } else {
                in_stream_order(page)
            }
        })
        .collect();
    let mut source = super::text::read(text.join("\u{c}").as_bytes())?;
    source
        .notes
        .insert(0, format!("đọc lớp chữ của tệp PDF: {pages} trang"));
    Ok(source)
}

/// One glyph where the page shows it, from the top left, in points.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    /// Where the next glyph would start.
    end: f64,
    size: f64,
    text: String,
}

/// The extractor's sink: every glyph of every page.
#[derive(Default)]
struct Glyphs {
    pages: Vec<Vec<Glyph>>,
    height: f64,
}

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.pages.push(Vec::new());
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
        let (x, y) = (trm.m31, self.height - trm.m32);
        if let Some(page) = self.pages.last_mut()
            && size > 0.5
            && !text.is_empty()
        {
            page.push(Glyph {
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

/// A page's glyphs as lines of text, top to bottom: glyphs on one baseline
/// (within half their size, so that a superscript `m³` or a footnote's
/// number stays on its line) make a line, left to right; a gap of a
/// space's width is a space, a gap of several is a column break, written
/// as a wide gap as `pdftotext -layout` would.
fn layout(page: &[Glyph]) -> String {
    let mut glyphs: Vec<&Glyph> = page.iter().collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in glyphs {
        match lines.last_mut() {
            Some(line) if (line[0].y - glyph.y).abs() < line[0].size.max(glyph.size) / 2.0 => {
                line.push(glyph)
            }
            _ => lines.push(vec![glyph]),
        }
    }
    let mut out = String::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut text = String::new();
        let mut last_end: Option<f64> = None;
        for glyph in line {
            if let Some(end) = last_end {
                let gap = glyph.x - end;
                if gap > glyph.size * 2.0 {
                    text.push_str("     ");
                } else if gap > glyph.size * 0.15 && !text.ends_with(' ') {
                    text.push(' ');
                }
            }
            text.push_str(&glyph.text);
            last_end = Some(glyph.end.max(last_end.unwrap_or(f64::MIN)));
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// Whether the glyphs advance: pdf-extract 0.12 reads a CID font's widths
/// only in the `c [w1 w2 …]` form of `/W`; in the `c_first c_last w` form
/// (typst's, among others) every glyph has width 0 and the page's positions
/// cannot order the glyphs of a line.
fn has_widths(page: &[Glyph]) -> bool {
    let advancing = page.iter().filter(|g| g.end - g.x > 0.01).count();
    advancing * 2 >= page.len()
}

/// A page whose glyphs have no widths, in the order the content stream
/// draws them (which such producers write in reading order, a column
/// after another): a new line where the baseline moves, a column gap where
/// a run starts far from the last on the same baseline.
fn in_stream_order(page: &[Glyph]) -> String {
    let mut out = String::new();
    let mut last: Option<&Glyph> = None;
    for glyph in page {
        if let Some(prev) = last {
            if (prev.y - glyph.y).abs() >= prev.size.max(glyph.size) / 2.0 {
                out.push('\n');
            } else if (glyph.x - prev.x).abs() > glyph.size * 2.0 {
                out.push_str("     ");
            }
        }
        out.push_str(&glyph.text);
        last = Some(glyph);
    }
    out.push('\n');
    out
}
