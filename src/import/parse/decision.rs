//! A Quyết định that issues the plan, set before it in the same file: its
//! text is not the plan's (its căn cứ, articles, nơi nhận and signer would
//! land in the plan's preamble and recipients), so it is set aside for the
//! report until plan data can hold a decision.

use super::{bare, text_of};
use crate::import::source::Piece;

/// Where the attached plan starts, when a `QUYẾT ĐỊNH` comes before the
/// plan's `KẾ HOẠCH` line (at `kind`): at the plan's own header (the body's
/// name in capitals over or beside the quốc hiệu), or at `KẾ HOẠCH` itself.
pub(super) fn plan_start(pieces: &[Piece], kind: usize) -> Option<usize> {
    let decision = pieces[..kind]
        .iter()
        .rposition(|p| text_of(p).is_some_and(|t| is_decision_title(&bare(t))))?;
    let motto = (decision + 1..kind).find(|&i| {
        text_of(&pieces[i]).is_some_and(|t| {
            let t = bare(t);
            t.contains("CỘNG HÒA") || t.contains("CỘNG HOÀ") || t.starts_with("Độc lập")
        })
    });
    let Some(mut start) = motto else {
        return Some(kind);
    };
    // The body's name sits on the lines before the quốc hiệu (extracted
    // column by column) or on the same lines (side by side).
    while start > decision + 1
        && kind - start < 12
        && text_of(&pieces[start - 1]).is_some_and(|t| {
            let t = bare(t);
            crate::import::text::is_caps(&t) && !t.starts_with(['-', '–'])
        })
    {
        start -= 1;
    }
    Some(start)
}

/// `QUYẾT ĐỊNH` alone on its line: the decision's name, not its
/// `QUYẾT ĐỊNH:` before the articles.
fn is_decision_title(text: &str) -> bool {
    text == "QUYẾT ĐỊNH"
}

/// The decision's lines as the report lists them.
pub(super) fn lines(pieces: &[Piece]) -> Vec<(usize, String)> {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text { at, text } => (*at, bare(text)),
            Piece::Table { at, rows } => (
                *at,
                rows.iter()
                    .map(|row| row.join(" | "))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        })
        .collect()
}
