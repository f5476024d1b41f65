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

/// The plan and its JSON, normalised and checked as `render` does after
/// reading the file, so that what is written renders. A block the loader
/// refuses (a table the model cannot hold) is kept as a paragraph of its
/// text, and the report says so: an import never refuses its own output.
fn loadable(plan: &Plan, name: &str, guessed: &mut Vec<String>) -> Result<(Plan, String)> {
    // Through a `serde_json::Value`, whose map sorts its keys: imported
    // files keep the alphabetical order they have always had.
    let mut value = serde_json::to_value(plan).expect("a plan serialises");
    loop {
        let mut json = serde_json::to_string_pretty(&value).expect("a value serialises");
        json.push('\n');
        let plan: Plan = serde_json::from_value(value.clone()).expect("a plan's own value");
        let error = match crate::load::ready(plan, &json, name) {
            Ok(plan) => return Ok((plan, json)),
            Err(error) => error,
        };
        let Error::Input { at, message } = &error else {
            return Err(error);
        };
        let Some(block) = block_pointer(&at.path).and_then(|p| value.pointer_mut(&p)) else {
            return Err(error);
        };
        if block.is_string() {
            return Err(error);
        }
        let mut words = Vec::new();
        strings_of(block, &mut words);
        *block = serde_json::Value::String(words.join(" "));
        guessed.push(format!("{}: {message} — giữ lại thành đoạn văn", at.path));
    }
}

/// The JSON pointer of the block a path points into: `sections[0].content[1].table.columns`
/// → `/sections/0/content/1`.
fn block_pointer(path: &str) -> Option<String> {
    static BLOCK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^.*?(?:content|closing|after|preamble)\[\d+\]").unwrap()
    });
    let block = BLOCK.find(path)?.as_str();
    Some(
        block
            .split(['.', '['])
            .map(|part| part.trim_end_matches(']'))
            .fold(String::new(), |pointer, part| pointer + "/" + part),
    )
}

fn strings_of(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) if !s.trim().is_empty() => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings_of(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings_of(v, out)),
        _ => {}
    }
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
    let parse::Parsed {
        mut plan,
        mut findings,
    } = parse::parse(&source);
    let mut notes = source.notes;
    if kind == "docx" {
        let whole;
        (plan, whole) = docx::with_stored(bytes, plan, &mut notes);
        if whole {
            findings.guessed.clear();
            findings.unplaced.clear();
        }
    }
    let (plan, json) = loadable(&plan, name, &mut findings.guessed)
        .map_err(|e| fail(Unreadable::NotRenderable(e.to_string())))?;
    Ok(Imported {
        plan,
        json,
        report: Report {
            source: name.to_owned(),
            unit: source.unit,
            notes,
            found: findings.found,
            guessed: findings.guessed,
            unplaced: findings.unplaced,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::loadable;
    use crate::model::{Block, Table, TableBlock, testing};

    #[test]
    fn a_block_the_loader_refuses_is_kept_as_its_text() {
        let mut plan = testing::plan();
        let mut section = testing::section(Some("NỘI DUNG"), &["Đoạn văn."]);
        section.content.push(Block::Table(TableBlock {
            table: Table {
                caption: None,
                columns: Vec::new(),
                header_rows: Vec::new(),
                rows: vec![vec!["Sở Tài chính".into(), "Quý II".into()]],
                landscape: false,
            },
        }));
        plan.sections.push(section);
        let mut guessed = Vec::new();
        let (plan, json) = loadable(&plan, "bang.md", &mut guessed).unwrap();
        assert_eq!(
            plan.sections[0].content[1],
            Block::Paragraph("Sở Tài chính Quý II".into())
        );
        assert!(json.contains("Sở Tài chính Quý II"));
        assert!(
            guessed[0]
                .starts_with("sections[0].content[1].table.columns: bảng cần ít nhất một cột"),
            "{guessed:?}"
        );
    }
}
