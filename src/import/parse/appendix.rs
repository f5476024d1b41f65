//! The phụ lục after the signer: each read like the body.

use std::sync::LazyLock;

use regex::Regex;

use super::body::Tree;
use super::{Findings, bare, text_of};
use crate::import::source::{Piece, Source};
use crate::import::text::is_caps;
use crate::model::Appendix;

/// Where the appendices start after `from` (the ending).
pub(super) fn appendix_start(pieces: &[Piece], from: usize) -> usize {
    let from = from.min(pieces.len());
    starts(&pieces[from..])
        .first()
        .map_or(pieces.len(), |i| from + i)
}

/// Where each phụ lục opens: a `PHỤ LỤC` or `Phụ lục II` line, or a title
/// in capitals (on up to three lines) over its `(Kèm theo Kế hoạch …)`
/// line, as a Sở's task list is often attached without the word.
fn starts(pieces: &[Piece]) -> Vec<usize> {
    let line = |i: usize| pieces.get(i).and_then(text_of).map(bare);
    let mut found = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let Some(text) = line(i) else {
            i += 1;
            continue;
        };
        let mut next = i + usize::from(is_label(&text));
        while next - i < 4 && line(next).is_some_and(|t| is_caps(&t) && !is_label(&t)) {
            next += 1;
        }
        if is_label(&text) || next > i && line(next).is_some_and(|t| is_reference(&t)) {
            found.push(i);
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    found
}

fn is_label(text: &str) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?[IVXLC\d]+)?\s*[.:]?$").unwrap()
    });
    text.starts_with("PHỤ LỤC") || LABEL.is_match(text)
}

/// `(Kèm theo Kế hoạch số …)`, `(Ban hành kèm theo …)`: the line the
/// program writes itself from the plan's number and date.
fn is_reference(text: &str) -> bool {
    let text = text.trim_start_matches('(').trim_start();
    text.starts_with("Kèm theo") || text.starts_with("Ban hành kèm theo")
}

/// Each phụ lục and what follows it, read like the body: its label, the
/// title in capitals (over one or more lines), the reference line, which
/// the program writes again, then the content. One with pages in a
/// landscape section of the original Word file is landscape again.
pub(super) fn appendices(pieces: &[Piece], source: &Source, out: &mut Findings) -> Vec<Appendix> {
    let starts = starts(pieces);
    let mut list = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(pieces.len());
        let mut part = &pieces[start..end];
        let landscape = part.iter().any(|p| source.is_landscape(p.at()));
        let first = text_of(&part[0]).map(bare).unwrap_or_default();
        let mut label = None;
        if is_label(&first) {
            // A lone `PHỤ LỤC` is the default label; `Phụ lục II` is kept.
            label = (first.trim_end_matches(['.', ':']) != "PHỤ LỤC")
                .then(|| first.trim_end_matches(['.', ':']).to_owned());
            part = &part[1..];
        }
        let mut title = Vec::new();
        while let Some(t) = part.first().and_then(text_of).map(bare)
            && is_caps(&t)
            && !is_reference(&t)
        {
            title.push(t);
            part = &part[1..];
        }
        if let Some(t) = part.first().and_then(text_of)
            && is_reference(&bare(t))
        {
            part = &part[1..];
        }
        let tree = Tree::build(part, true, source.emphasis, out);
        list.push(Appendix {
            label,
            title: title.join(" "),
            sections: tree.sections(),
            content: tree.preamble,
            landscape,
            ..Appendix::default()
        });
    }
    out.found.push(format!("{} phụ lục", list.len()));
    list
}
