//! Footnotes put back at their marks, from what the page shows. A mark is
//! a run of digits smaller than its line's letters and raised above their
//! baseline, glued to the word before it — or, where the font draws its
//! own superscript glyphs on the baseline (typst does for some digits),
//! one or two digits glued to a word (`mở4.`) and, in a note, to its first
//! word (`4Dữ liệu …`). The notes are a block of lines at the page's foot
//! in a smaller size than the page's text, each opening with its number as
//! such a mark (under a short rule, which is not looked for: Word fills it
//! with an operator the extractor does not report). Each note's text goes
//! to the mark of the same number on its page as `^[…]`, the plan's own
//! markup, a raised mark before a glued one; a note whose mark is not
//! found stays where it is, as text.

use std::collections::HashMap;
use std::ops::Range;

use super::Glyph;
use super::layout::{Grid, Line, place, spell};
use crate::import::text::join;

/// A page's lines as text where they stand, its footnotes at their marks.
pub(super) fn restore(lines: &[Line], grid: &Grid) -> Vec<String> {
    let Some(top) = notes_top(lines) else {
        return lines.iter().map(|l| place(l, &[], grid)).collect();
    };
    let notes = notes(&lines[top..]);
    let mut marks = body_marks(&lines[..top]);
    // Each note to the first mark of its number; its lines then leave.
    let mut moved: Vec<Vec<(Range<usize>, String)>> = vec![Vec::new(); lines.len()];
    let mut gone = vec![false; lines.len()];
    marks.sort_by_key(|m| !m.raised);
    for note in notes {
        let Some(at) = marks.iter().position(|m| m.number == note.number) else {
            continue;
        };
        let mark = marks.remove(at);
        moved[mark.line].push((mark.glyphs, format!("^[{}]", note.text)));
        for i in note.lines {
            gone[top + i] = true;
        }
    }
    lines
        .iter()
        .enumerate()
        .filter(|&(i, _)| !gone[i])
        .map(|(i, line)| place(line, &moved[i], grid))
        .collect()
}

/// The first line of the notes at the page's foot: the topmost line that
/// opens with a mark among the lines, up from the bottom, smaller than the
/// page's text (blank lines and a page number below them aside).
fn notes_top(lines: &[Line]) -> Option<usize> {
    let body = body_size(lines)?;
    let mut top = None;
    for (i, line) in lines.iter().enumerate().rev() {
        let text = spell(&line.glyphs, &[]);
        let text = text.trim();
        if text.is_empty() || top.is_none() && text.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if line.size > body - 0.75 {
            break;
        }
        if opening_mark(line).is_some() {
            top = Some(i);
        }
    }
    top
}

/// The size most of the page's letters have.
fn body_size(lines: &[Line]) -> Option<f64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for g in lines.iter().flat_map(|l| &l.glyphs) {
        if g.text.chars().any(char::is_alphanumeric) {
            *counts.entry((g.size * 2.0).round() as i64).or_default() += 1;
        }
    }
    let (size, _) = counts.into_iter().max_by_key(|&(size, n)| (n, size))?;
    Some(size as f64 / 2.0)
}

/// A note: its number, its text and its lines (from the first note line).
struct Note {
    number: String,
    text: String,
    lines: Vec<usize>,
}

/// The notes of the lines from the first note line down: each opens with
/// its mark, the lines after it go on its text.
fn notes(lines: &[Line]) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let (number, from) = match opening_mark(line) {
            Some((number, marks)) => (Some(number), marks.end),
            None => (None, 0),
        };
        let text = spell(&line.glyphs[from..], &[]);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match (number, notes.last_mut()) {
            (Some(number), _) => notes.push(Note {
                number,
                text,
                lines: vec![i],
            }),
            (None, Some(note)) if !text.is_empty() => {
                join(&mut note.text, &text);
                note.lines.push(i);
            }
            _ => {}
        }
    }
    notes
}

/// A mark at the start of a line (after blank glyphs): its number and
/// glyphs.
fn opening_mark(line: &Line) -> Option<(String, Range<usize>)> {
    let start = line.glyphs.iter().position(|g| !g.text.trim().is_empty())?;
    let mut end = raised_end(line, start);
    if end == start {
        end = digits_end(line, start);
        let next = line.glyphs.get(end)?;
        let opens = next
            .text
            .starts_with(|c: char| c.is_uppercase() || "“\"".contains(c));
        if end == start || !opens || !glued(line, end) {
            return None;
        }
    }
    Some((number(line, start..end), start..end))
}

/// Where a run of raised, smaller digits starting at `start` ends.
fn raised_end(line: &Line, start: usize) -> usize {
    let mut end = start;
    while end < line.glyphs.len() && end - start < 3 {
        let g = line.glyphs[end];
        let small = g.size < line.size * 0.85;
        let raised = g.y < line.y - line.size * 0.15;
        if !(is_digit(g) && small && raised) {
            break;
        }
        end += 1;
    }
    end
}

/// Where a run of one or two digits starting at `start` ends (`start`
/// when there is none or more).
fn digits_end(line: &Line, start: usize) -> usize {
    let end = (start..line.glyphs.len().min(start + 3))
        .find(|&i| !is_digit(line.glyphs[i]))
        .unwrap_or(line.glyphs.len().min(start + 3));
    if end - start > 2 { start } else { end }
}

fn is_digit(g: &Glyph) -> bool {
    !g.text.is_empty() && g.text.chars().all(|c| c.is_ascii_digit())
}

/// Whether the glyph at `i` touches the one before it.
fn glued(line: &Line, i: usize) -> bool {
    let (before, glyph) = (line.glyphs[i - 1], line.glyphs[i]);
    glyph.x - before.end < glyph.size * 0.15
}

fn number(line: &Line, glyphs: Range<usize>) -> String {
    line.glyphs[glyphs]
        .iter()
        .map(|g| g.text.as_str())
        .collect()
}

/// A mark in the text: raised digits after a glyph that is not a space,
/// or digits glued to a word's last letter (or a closing quote or
/// bracket) and followed by no letter or digit.
struct Mark {
    line: usize,
    glyphs: Range<usize>,
    number: String,
    raised: bool,
}

fn body_marks(lines: &[Line]) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let mut at = 1;
        while at < line.glyphs.len() {
            let before = line.glyphs[at - 1];
            let mut end = raised_end(line, at);
            let raised = end > at;
            if raised && before.text.trim().is_empty() {
                end = at;
            } else if !raised && !is_digit(before) {
                end = digits_end(line, at);
                let after_word = before
                    .text
                    .ends_with(|c: char| c.is_lowercase() || "”)".contains(c));
                let alone = line
                    .glyphs
                    .get(end)
                    .is_none_or(|g| !g.text.starts_with(char::is_alphanumeric));
                if !(after_word && alone && glued(line, at)) {
                    end = at;
                }
            }
            if end > at {
                marks.push(Mark {
                    line: i,
                    glyphs: at..end,
                    number: number(line, at..end),
                    raised,
                });
            }
            at = end.max(at + 1);
        }
    }
    marks
}
