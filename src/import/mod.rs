//! `kehoach import`: last year's plan from its Word file (`.docx`), its
//! PDF (`.pdf`, the text layer of one exported from Word), its text copied
//! or extracted from a PDF (`.txt`) or Markdown (`.md`), into
//! plan data that renders, with a report of what was recognised, what was
//! guessed and every piece of text that could not be placed.
//!
//! Three readers make a [`Source`] (paragraphs and tables); one parser
//! ([`parse`]) makes the plan.

mod docx;
mod legacy;
mod parse;
mod pdf;
mod report;
mod source;
mod text;
mod unreadable;

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Plan;

pub use report::markdown as report_markdown;
pub use source::{Piece, Source};
pub use unreadable::{PartFault, Unreadable, XmlFault};

/// An imported plan and its report.
#[derive(Debug)]
pub struct Imported {
    pub plan: Plan,
    /// The plan as JSON text, as `render` reads it.
    pub json: String,
    pub report: Report,
}

/// What the import found, guessed and could not place.
#[derive(Debug, Default)]
pub struct Report {
    pub source: String,
    /// `dòng` or `đoạn`: what the numbers in `unplaced` count.
    pub unit: &'static str,
    pub notes: Vec<String>,
    pub found: Vec<String>,
    pub guessed: Vec<String>,
    pub unplaced: Vec<(usize, String)>,
}

/// Imports a file, choosing the reader by its extension.
pub fn import_file(path: &Path) -> Result<Imported> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        action: "đọc",
        source,
    })?;
    let kind = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    import_bytes(&bytes, &kind, &path.display().to_string())
}

/// Imports `bytes` read as `kind` (`docx`, `pdf`, `txt` or `md`); `name` is used
/// in messages.
pub fn import_bytes(bytes: &[u8], kind: &str, name: &str) -> Result<Imported> {
    let fail = |reason| Error::Import {
        file: name.to_owned(),
        reason,
    };
    let source = match kind {
        "docx" => docx::read(bytes),
        "pdf" => pdf::read(bytes),
        "txt" | "md" | "text" | "" => text::read(bytes),
        other => Err(Unreadable::UnknownKind(other.to_owned())),
    }
    .map_err(fail)?;
    if source.pieces.is_empty() {
        return Err(fail(Unreadable::Empty));
    }
    let parse::Parsed { plan, findings } = parse::parse(&source);
    // Through a `serde_json::Value`, whose map sorts its keys: imported
    // files keep the alphabetical order they have always had.
    let value = serde_json::to_value(&plan).expect("a plan serialises");
    let mut json = serde_json::to_string_pretty(&value).expect("a value serialises");
    json.push('\n');
    // Normalised and checked as `render` does after reading the file:
    // what is written must render.
    let plan = crate::load::ready(plan, &json, name)
        .map_err(|e| fail(Unreadable::NotRenderable(e.to_string())))?;
    Ok(Imported {
        plan,
        json,
        report: Report {
            source: name.to_owned(),
            unit: source.unit,
            notes: source.notes,
            found: findings.found,
            guessed: findings.guessed,
            unplaced: findings.unplaced,
        },
    })
}
