//! Reads a Word file (.docx) into a [`Source`]: the body's paragraphs and
//! tables in document order, inline formatting already in the plan's markup.
//!
//! A .docx is a zip of XML parts. The reader needs `word/document.xml` and
//! uses, when they are there, `word/styles.xml` (bold or italic given by a
//! style), `word/numbering.xml` (Word's automatic labels such as "I.", "1.",
//! "a)", which are not in the text itself), `word/footnotes.xml` and
//! `word/endnotes.xml`. Parts are found by these usual names, which Word,
//! LibreOffice, Google Docs and WPS all use, not through the package's
//! relationships.
//!
//! Left out on purpose: headers and footers, comments, field codes,
//! equations, and text boxes and shapes (counted in a note). Tracked changes
//! are read as if all were accepted (a note says so).
//!
//! The plan's markup has no escape, so a literal `*` in the document stays
//! as it is; two of them could pair into emphasis. That is rare in plans.
//! Likewise an unbalanced `]` in a footnote would end its `^[…]` early.
//! Where two differently emphasised spans touch with no space between,
//! an invisible word joiner (U+2060) keeps their markers apart.
//!
//! Hostile input must do no harm: every failure is an `Err` with a
//! Vietnamese message, a zip entry is read to a bounded size ([`package`])
//! and XML nesting to a bounded depth ([`xml`]), so that the recursive
//! walks cannot exhaust the stack.
//!
//! One concern a file: [`package`] the zip, [`xml`] the one place quick-xml
//! is driven, [`styles`], [`numbering`] (list labels), [`runs`] (inline
//! content), [`markup`] (spans written as the plan's markup) and [`blocks`]
//! (paragraphs, tables and notes into pieces).
//!
//! Why not a DOCX crate: `docx-rs` 0.4.22, its current version, was tried
//! on the ten Word plans of the corpus. It finds the same paragraphs and
//! tables as this reader, but it reads no footnotes (neither
//! `footnotes.xml` nor the reference in a run: the corpus's one footnote
//! is lost), it computes no list labels (it gives `w:numPr` and the
//! definitions; the counting in [`numbering`] would stay), it refuses a
//! package without `[Content_Types].xml` and `_rels/.rels`, bounds no
//! part's size, and it panics on 288 of 367 truncated or byte-damaged
//! copies of a corpus file, where this reader never panics. It would also
//! bring a second quick-xml and a second zip. So this reader stays.

mod blocks;
#[cfg(test)]
mod fixtures;
mod markup;
mod merge;
mod numbering;
mod package;
mod runs;
mod stored;
mod styles;
mod xml;

use std::collections::HashMap;

pub(super) use package::MAX_PART_BYTES;
pub(super) use stored::with_stored;

use super::source::Source;
use super::unreadable::{PartFault, Unreadable};
use blocks::{Walker, note_texts};
use numbering::{ListCounters, ListDefs};
use package::{open_zip, optional_part, read_part};
use runs::{Context, Seen};
use styles::Styles;
use xml::{Element, parse_xml};

const DOCUMENT: &str = "word/document.xml";

/// Reads a .docx file's bytes into pieces, in document order.
///
/// `at` counts paragraphs from 1, body and table paragraphs alike, empty
/// ones included; a table's `at` is its first paragraph.
pub fn read(bytes: &[u8]) -> Result<Source, Unreadable> {
    let mut zip = open_zip(bytes)?;
    let document = match read_part(&mut zip, DOCUMENT)? {
        Some(text) => parse_xml(&text, DOCUMENT)?,
        None => return Err(Unreadable::part(DOCUMENT, PartFault::Missing)),
    };
    let body = body_of(&document)?;

    let mut notes = Vec::new();
    let styles = Styles::parse(optional_part(&mut zip, "word/styles.xml", &mut notes).as_ref());
    let lists = ListDefs::parse(optional_part(&mut zip, "word/numbering.xml", &mut notes).as_ref());
    let mut seen = Seen::default();
    let mut context = Context {
        styles,
        footnotes: HashMap::new(),
        endnotes: HashMap::new(),
    };
    let footnotes = optional_part(&mut zip, "word/footnotes.xml", &mut notes);
    let endnotes = optional_part(&mut zip, "word/endnotes.xml", &mut notes);
    context.footnotes = note_texts(footnotes.as_ref(), &context, &mut seen);
    context.endnotes = note_texts(endnotes.as_ref(), &context, &mut seen);

    let mut walker = Walker {
        context: &context,
        lists: &lists,
        counters: ListCounters::default(),
        paragraphs: 0,
        pieces: Vec::new(),
        seen,
        section_start: 1,
        landscape: Vec::new(),
    };
    walker.read_blocks(body);
    if let Some(last) = body.child("sectPr") {
        walker.end_section(last);
    }
    notes.extend(walker.seen.notes());
    Ok(Source {
        pieces: walker.pieces,
        unit: "đoạn",
        notes,
        emphasis: true,
        landscape: walker.landscape,
    })
}

fn body_of(document: &Element) -> Result<&Element, Unreadable> {
    Some(document)
        .filter(|root| root.is("document"))
        .and_then(|root| root.child("body"))
        .ok_or_else(|| Unreadable::part(DOCUMENT, PartFault::NoBody))
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::read;

    #[test]
    fn zip_without_document() {
        let bytes = zip_of(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes())]);
        assert_eq!(err(&bytes), "tệp DOCX thiếu word/document.xml");
    }

    #[test]
    fn damaged_files_never_panic() {
        let good = docx(
            &[
                numbered(1, 0, "MỤC ĐÍCH"),
                tbl(&[vec![tc(&[pt("a")]), tc(&[pt("b")])]]),
            ]
            .concat(),
            &[("numbering.xml", plan_numbering())],
        );
        assert!(read(&good).is_ok());
        // Truncations, and bytes changed by a small deterministic generator.
        for len in (0..good.len()).step_by(97) {
            let _ = read(&good[..len]);
        }
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..300 {
            let mut bytes = good.clone();
            for _ in 0..1 + next() % 8 {
                let i = (next() % bytes.len() as u64) as usize;
                bytes[i] = next() as u8;
            }
            let _ = read(&bytes);
        }
        // Random bytes that start like a zip.
        for _ in 0..100 {
            let mut bytes = b"PK\x03\x04".to_vec();
            bytes.extend((0..next() % 400).map(|_| next() as u8));
            let _ = read(&bytes);
        }
    }
}
