//! A page's glyphs as lines of text, top to bottom, as `pdftotext -layout`
//! gives them: glyphs on one baseline make a line, left to right; a gap of
//! a space's width is a space, a gap of several or the gutter between two
//! columns a column break, written as a wide gap; a line's text and each
//! of its columns start at the character column of where they stand, so
//! that the text reader tells a right column's lines as it does in
//! `pdftotext`'s.

use std::collections::HashMap;
use std::ops::Range;

use super::{Glyph, columns, footnotes};

/// One line of a page: its glyphs, left to right.
pub(super) struct Line<'a> {
    pub glyphs: Vec<&'a Glyph>,
    /// The glyphs a right column starts at, where no wide gap shows it.
    pub columns: Vec<usize>,
    /// The baseline of most of its glyphs.
    pub y: f64,
    /// The size of most of its glyphs.
    pub size: f64,
}

pub(super) fn text(glyphs: &[Glyph]) -> String {
    let mut lines = lines(glyphs);
    columns::find(&mut lines);
    let grid = Grid::of(&lines);
    let mut out = String::new();
    for line in footnotes::restore(&lines, &grid) {
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
    Line {
        glyphs,
        columns: Vec::new(),
        y,
        size,
    }
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

/// Where the characters of a page's text stand: the page's left margin and
/// the width a character takes on the lines that run to the right margin
/// (the body's, wrapped), so that those lines end at one column, and a
/// right column's text stands as far across it as on the page.
pub(super) struct Grid {
    margin: f64,
    char_width: f64,
}

impl Grid {
    fn of(lines: &[Line]) -> Grid {
        let ink: Vec<(f64, f64, &Line)> = lines
            .iter()
            .filter_map(|l| Some((l.glyphs.first()?.x, l.glyphs.last()?.end, l)))
            .collect();
        let margin = ink.iter().map(|i| i.0).fold(f64::INFINITY, f64::min);
        let right = ink.iter().map(|i| i.1).fold(f64::NEG_INFINITY, f64::max);
        let mut widths: Vec<f64> = ink
            .iter()
            .filter(|(_, end, line)| *end >= right - line.size && line.columns.is_empty())
            .filter_map(|&(start, end, line)| {
                let text = spell(&line.glyphs, &[]);
                let chars = text.chars().count();
                (!text.contains("   ") && chars > 0).then(|| (end - start) / chars as f64)
            })
            .collect();
        widths.sort_by(f64::total_cmp);
        Grid {
            margin: if margin.is_finite() { margin } else { 0.0 },
            char_width: widths.get(widths.len() / 2).copied().unwrap_or(6.0),
        }
    }

    /// The character column of `x`.
    fn column(&self, x: f64) -> usize {
        ((x - self.margin) / self.char_width).round().max(0.0) as usize
    }
}

/// Glyphs as text: a gap of a space's width is a space, a gap of several
/// a column break; each range of glyphs in `instead` is written as its
/// text (a footnote's mark as the note).
pub(super) fn spell(glyphs: &[&Glyph], instead: &[(Range<usize>, String)]) -> String {
    write(glyphs, instead, &[], None)
}

/// A line as text where it stands on the page: each of its columns (the
/// line itself when it has one) centred on the character column of the
/// middle of its glyphs, so that a centred column's lines line up however
/// much wider its capitals are than the page's average glyph.
pub(super) fn place(line: &Line, instead: &[(Range<usize>, String)], grid: &Grid) -> String {
    write(&line.glyphs, instead, &line.columns, Some(grid))
}

fn write(
    glyphs: &[&Glyph],
    instead: &[(Range<usize>, String)],
    columns: &[usize],
    grid: Option<&Grid>,
) -> String {
    let mut text = String::new();
    let mut part = Part::default();
    let mut last_end: Option<f64> = None;
    for (i, glyph) in glyphs.iter().enumerate() {
        if let Some((range, other)) = instead.iter().find(|(r, _)| r.contains(&i)) {
            if range.start == i {
                part.text.push_str(other);
            }
            last_end = Some(glyph.end.max(last_end.unwrap_or(f64::MIN)));
            continue;
        }
        if let Some(end) = last_end {
            let gap = glyph.x - end;
            if gap > glyph.size * 2.0 || columns.contains(&i) {
                part.write_into(&mut text, grid);
            } else if gap > glyph.size * 0.15 && !part.text.ends_with(' ') {
                part.text.push(' ');
            }
        }
        part.push(glyph);
        last_end = Some(glyph.end.max(last_end.unwrap_or(f64::MIN)));
    }
    part.write_into(&mut text, grid);
    text
}

/// The text of one column of a line, and where its ink spans.
#[derive(Default)]
struct Part {
    text: String,
    ink: Option<(f64, f64)>,
}

impl Part {
    fn push(&mut self, glyph: &Glyph) {
        self.text.push_str(&glyph.text);
        if !glyph.text.trim().is_empty() {
            let (start, end) = self.ink.unwrap_or((glyph.x, glyph.end));
            self.ink = Some((start.min(glyph.x), end.max(glyph.end)));
        }
    }

    /// Appends the part to `text` after a column break (at least three
    /// spaces, the text reader's), where it stands when `grid` says.
    fn write_into(&mut self, text: &mut String, grid: Option<&Grid>) {
        let part = std::mem::take(self);
        let written = part.text.trim();
        if written.is_empty() {
            return;
        }
        let least = if text.is_empty() { 0 } else { 3 };
        let at = match (grid, part.ink) {
            (Some(grid), Some((start, end))) => grid
                .column((start + end) / 2.0)
                .saturating_sub(written.chars().count() / 2),
            _ => 0,
        };
        let now = text.chars().count();
        text.push_str(&" ".repeat(at.saturating_sub(now).max(least)));
        text.push_str(written);
    }
}
