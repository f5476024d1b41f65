//! The phụ lục after the signer: each read like the body.

use super::body::Tree;
use super::{Findings, plain, text_of};
use crate::import::source::Piece;
use crate::import::text::is_caps;
use crate::model::Appendix;

/// Where the appendices start: a `PHỤ LỤC` line after the ending (the
/// signer's lines stop there).
pub(super) fn appendix_start(pieces: &[Piece], from: usize) -> usize {
    let from = from.min(pieces.len());
    pieces[from..]
        .iter()
        .position(|p| text_of(p).is_some_and(|t| plain(t).starts_with("PHỤ LỤC")))
        .map_or(pieces.len(), |i| from + i)
}

/// Each `PHỤ LỤC` and what follows it, read like the body.
pub(super) fn appendices(pieces: &[Piece], out: &mut Findings) -> Vec<Appendix> {
    let starts: Vec<usize> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| text_of(p).is_some_and(|t| plain(t).starts_with("PHỤ LỤC")))
        .map(|(i, _)| i)
        .collect();
    let mut list = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(pieces.len());
        let part = &pieces[start + 1..end];
        let (title, rest) = match part.first().and_then(text_of) {
            Some(t) if is_caps(t) => (plain(t).to_owned(), &part[1..]),
            _ => (String::new(), part),
        };
        let tree = Tree::build(rest, true, out);
        list.push(Appendix {
            title,
            sections: tree.sections(),
            content: tree.preamble,
            ..Appendix::default()
        });
    }
    out.found.push(format!("{} phụ lục", list.len()));
    list
}
