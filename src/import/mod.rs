//! `kehoach import`: last year's plan from its Word file (`.docx`), its
//! text copied or extracted from a PDF (`.txt`) or Markdown (`.md`), into
//! plan data that renders, with a report of what was recognised, what was
//! guessed and every piece of text that could not be placed.
//!
//! Two readers make a [`Source`] (paragraphs and tables); one parser
//! ([`parse`]) makes the plan.

mod docx;
mod legacy;
mod parse;
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

/// Imports `bytes` read as `kind` (`docx`, `txt` or `md`); `name` is used
/// in messages.
pub fn import_bytes(bytes: &[u8], kind: &str, name: &str) -> Result<Imported> {
    let fail = |reason| Error::Import {
        file: name.to_owned(),
        reason,
    };
    let source = match kind {
        "docx" => docx::read(bytes),
        "txt" | "md" | "text" | "" => text::read(bytes),
        other => Err(Unreadable::UnknownKind(other.to_owned())),
    }
    .map_err(fail)?;
    if source.pieces.is_empty() {
        return Err(fail(Unreadable::Empty));
    }
    let parsed = parse::parse(&source);
    let mut json = serde_json::to_string_pretty(&parsed.plan).expect("a value serialises");
    json.push('\n');
    // Read back as `render` reads it: what is written must render.
    let loaded = crate::load::load_str(&json, name, Path::new(""))
        .map_err(|e| fail(Unreadable::NotReloaded(e.to_string())))?;
    Ok(Imported {
        plan: loaded.plan,
        json,
        report: Report {
            source: name.to_owned(),
            unit: source.unit,
            notes: source.notes,
            found: parsed.found,
            guessed: parsed.guessed,
            unplaced: parsed.unplaced,
        },
    })
}
