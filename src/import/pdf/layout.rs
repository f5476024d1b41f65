//! A page's glyphs as lines of text, top to bottom, as `pdftotext -layout`
//! gives them: glyphs on one baseline make a line, left to right; a gap of
//! a space's width is a space, a gap of several a column break, written as
//! a wide gap.

use std::collections::HashMap;
use std::ops::Range;

use super::{Glyph, footnotes};

/// One line of a page: its glyphs, left to right.
pub(super) struct Line<'a> {
    pub glyphs: Vec<&'a Glyph>,
    /// The baseline of most of its glyphs.
    pub y: f64,
    /// The size of most of its glyphs.
    pub size: f64,
}

pub(super) fn text(glyphs: &[Glyph]) -> String {
    let lines = lines(glyphs);
    let mut out = String::new();
    for line in footnotes::restore(&lines) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Glyphs on one baseline make a line: within half their size of the
/// line's first (so that a footnote's mark or an exponent stays on its
/// line, and cells of a table row, each centred in its cell, make one
/// line as `pdftotext` makes it); a row of small glyphs without letters
/// close above a line is raised on that line.
pub(super) fn lines(glyphs: &[Glyph]) -> Vec<Line<'_>> {
    let mut glyphs: Vec<&Glyph> = glyphs.iter().collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in glyphs {
        match rows.last_mut() {
            Some(row) if glyph.y - row[0].y < row[0].size.max(glyph.size) / 2.0 => row.push(glyph),
            _ => rows.push(vec![glyph]),
        }
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut raised: Option<Vec<&Glyph>> = None;
    for mut glyphs in rows {
        let (y, size) = main_baseline(&glyphs);
        if let Some(small) = raised.take() {
            let top = small.iter().map(|g| g.size).fold(0.0, f64::max);
            if top < size * 0.85 && y - small[0].y < size * 0.75 {
                glyphs.extend(small);
            } else {
                lines.push(line(small));
            }
        }
        if glyphs
            .iter()
            .any(|g| g.text.chars().any(char::is_alphabetic))
        {
            lines.push(line(glyphs));
        } else {
            raised = Some(glyphs);
        }
    }
    lines.extend(raised.map(line));
    lines
}

/// A line of glyphs, left to right.
fn line(mut glyphs: Vec<&Glyph>) -> Line<'_> {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    drop_covered_spaces(&mut glyphs);
    let (y, size) = main_baseline(&glyphs);
    Line { glyphs, y, size }
}

/// A space mostly under a glyph drawn over it — a số stamped by a
/// signing system into the blanks left for it — is not a space (one
/// that a tight line pushes a little under the next letter is).
fn drop_covered_spaces(glyphs: &mut Vec<&Glyph>) {
    let inked: Vec<(f64, f64)> = glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .map(|g| (g.x, g.end))
        .collect();
    glyphs.retain(|g| {
        !g.text.trim().is_empty()
            || !inked
                .iter()
                .any(|&(x0, x1)| x1.min(g.end) - x0.max(g.x) > (g.end - g.x) * 0.6)
    });
}

/// The baseline and size most of a line's glyphs have: a superscript's
/// are not the line's.
fn main_baseline(glyphs: &[&Glyph]) -> (f64, f64) {
    let mut counts: HashMap<(i64, i64), usize> = HashMap::new();
    for g in glyphs {
        *counts
            .entry(((g.y * 2.0).round() as i64, (g.size * 2.0).round() as i64))
            .or_default() += 1;
    }
    let ((y, size), _) = counts
        .into_iter()
        .max_by_key(|&(key, n)| (n, key))
        .expect("a line has a glyph");
    (y as f64 / 2.0, size as f64 / 2.0)
}

/// Glyphs as text: a gap of a space's width is a space, a gap of several
/// a column break; each range of glyphs in `instead` is written as its
/// text (a footnote's mark as the note).
pub(super) fn spell(glyphs: &[&Glyph], instead: &[(Range<usize>, String)]) -> String {
    let mut text = String::new();
    let mut last_end: Option<f64> = None;
    for (i, glyph) in glyphs.iter().enumerate() {
        if let Some((range, other)) = instead.iter().find(|(r, _)| r.contains(&i)) {
            if range.start == i {
                text.push_str(other);
            }
            last_end = Some(glyph.end.max(last_end.unwrap_or(f64::MIN)));
            continue;
        }
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
    text
}
