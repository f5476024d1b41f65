//! Column widths for a table whose columns set none, taken from what its
//! cells hold, as a clerk sets them in Word: a number or note column just
//! wide enough for its longest word, the columns with the most text (the
//! task) the widest. The PDF and the Word file both print these widths:
//! they are the view's, which both read.

use std::collections::HashMap;

use super::BlockView;
use crate::markup::plain_text;
use crate::measure::text_width;
use crate::model::Width;

/// The size table text is set in (`size.table` in templates/style.typ; the
/// Word file's cells use the same).
const SIZE: f64 = 13.0;
/// What a cell takes beside its text: Typst's inset of 4 pt on each side
/// (templates/style.typ), a little more than Word's 1.5 mm padding.
const PADDING: f64 = 8.0 * 25.4 / 72.0;
/// No column is narrower than this, even an empty one: a clerk must be
/// able to write in it.
const NARROWEST: f64 = 8.0;
/// The part of the line one word may claim: a long address or code wraps
/// inside its cell rather than squeeze every other column.
const LONGEST_WORD: f64 = 0.3;
/// A column whose longest paragraph takes no more than this part of the
/// line (a unit's name, a date, a note) is kept on one line when the line
/// has room: a clerk does not let `Quý II/2026` wrap.
const SHORT: f64 = 0.12;
/// The text width of a portrait and a landscape A4 page (margins 30 + 15 mm).
const PORTRAIT: f64 = 165.0;
const LANDSCAPE: f64 = 252.0;

/// The widths to print: the ones given, or, when no column gives one, a
/// share for each column fitted to the content (in millimetres of the
/// page's text width, so that the shares read as lengths).
pub(super) fn widths(
    given: &[Option<Width>],
    header: &[Vec<String>],
    rows: &[Vec<Vec<BlockView>>],
    landscape: bool,
) -> Vec<Option<Width>> {
    if given.iter().any(Option::is_some) || given.is_empty() {
        return given.to_vec();
    }
    let line = if landscape { LANDSCAPE } else { PORTRAIT };
    let mut measure = Measure::default();
    let columns: Vec<Column> = (0..given.len())
        .map(|i| {
            let mut texts = Vec::new();
            for row in rows {
                if let Some(cell) = row.get(i) {
                    cell_texts(cell, &mut texts);
                }
            }
            let head = header.iter().filter_map(|r| r.get(i)).map(String::as_str);
            measure.column(head, &texts, line)
        })
        .collect();
    fit(&columns, line)
        .into_iter()
        .map(|mm| Some(Width::Share((mm * 10.0).round() / 10.0)))
        .collect()
}

/// What one column needs, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Column {
    /// Its longest word (bold in the head): it must not break.
    least: f64,
    /// Its longest paragraph on one line: more would stay empty.
    most: f64,
    /// All its text on one line: what a share of the width is for.
    text: f64,
}

/// Word widths met so far: a table's text is mostly the same few hundred
/// syllables, each shaped once.
#[derive(Default)]
struct Measure {
    regular: HashMap<String, f64>,
    bold: HashMap<String, f64>,
}

impl Measure {
    fn word(&mut self, word: &str, bold: bool) -> f64 {
        let cache = if bold {
            &mut self.bold
        } else {
            &mut self.regular
        };
        if let Some(&w) = cache.get(word) {
            return w;
        }
        let w = text_width(word, SIZE, bold);
        cache.insert(word.to_owned(), w);
        w
    }

    fn column<'a>(
        &mut self,
        head: impl Iterator<Item = &'a str>,
        texts: &[&str],
        line: f64,
    ) -> Column {
        let space = self.word(" ", false);
        let mut least: f64 = 0.0;
        for title in head {
            for word in plain_text(title).split_whitespace() {
                least = least.max(self.word(word, true));
            }
        }
        let (mut most, mut text): (f64, f64) = (0.0, 0.0);
        for paragraph in texts {
            let plain = plain_text(paragraph);
            let mut width = 0.0;
            for (i, word) in plain.split_whitespace().enumerate() {
                let w = self.word(word, false);
                least = least.max(w);
                width += w + if i > 0 { space } else { 0.0 };
            }
            most = most.max(width);
            text += width;
        }
        let least = (least.min(LONGEST_WORD * line) + PADDING).max(NARROWEST);
        Column {
            least,
            most: (most + PADDING).max(least),
            text,
        }
    }
}

/// The texts a cell prints, each a paragraph or a line.
fn cell_texts<'a>(blocks: &'a [BlockView], out: &mut Vec<&'a str>) {
    for b in blocks {
        match b {
            BlockView::Paragraph { text, .. } => out.push(text),
            BlockView::List { items, .. } => cell_texts(items, out),
            BlockView::Task { content, lines } => {
                cell_texts(content, out);
                for l in lines {
                    out.push(&l.label);
                    out.push(&l.value);
                }
            }
            // A table inside a cell is laid out inside whatever width the
            // cell gets; its text asks for no more.
            BlockView::Table(_) => {}
        }
    }
}

/// Every column gets its longest word, a short column its longest
/// paragraph; what is left of the line goes to
/// the columns in proportion to their text, so that their cells take about
/// as many lines each, but none beyond its longest paragraph; what even
/// that leaves goes to the columns in proportion to their widths.
fn fit(columns: &[Column], line: f64) -> Vec<f64> {
    let mut widths: Vec<f64> = columns.iter().map(|c| c.least).collect();
    let mut left = line - widths.iter().sum::<f64>();
    if left <= 0.0 {
        // Too many long words for the line: the shares stay in their
        // proportion and every column gives up some.
        return widths;
    }
    let short: Vec<f64> = columns
        .iter()
        .map(|c| {
            if c.most <= SHORT * line {
                c.most
            } else {
                c.least
            }
        })
        .collect();
    if short.iter().sum::<f64>() <= line {
        widths = short;
        left = line - widths.iter().sum::<f64>();
    }
    loop {
        let open: Vec<usize> = (0..columns.len())
            .filter(|&i| widths[i] < columns[i].most && columns[i].text > 0.0)
            .collect();
        let text: f64 = open.iter().map(|&i| columns[i].text).sum();
        if open.is_empty() || left <= 1e-9 {
            break;
        }
        let mut given = 0.0;
        let mut capped = false;
        for &i in &open {
            let more = (left * columns[i].text / text).min(columns[i].most - widths[i]);
            capped |= more < left * columns[i].text / text;
            widths[i] += more;
            given += more;
        }
        left -= given;
        if !capped {
            break;
        }
    }
    if left > 1e-9 {
        let total: f64 = widths.iter().sum();
        for w in &mut widths {
            *w += left * *w / total;
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(least: f64, most: f64, text: f64) -> Column {
        Column { least, most, text }
    }

    #[test]
    fn what_is_left_goes_by_text_and_the_line_is_filled() {
        let columns = [
            column(10.0, 12.0, 30.0),
            column(25.0, 400.0, 4000.0),
            column(20.0, 60.0, 500.0),
            column(12.0, 12.0, 0.0),
        ];
        let w = fit(&columns, 165.0);
        assert!((w.iter().sum::<f64>() - 165.0).abs() < 1e-6, "{w:?}");
        // The number column stops at its longest paragraph; the empty
        // note column keeps its longest word.
        assert!(w[0] <= 12.0 + 1e-9 && w[3] == 12.0, "{w:?}");
        assert!(w[1] > 2.0 * w[2], "{w:?}");
    }

    #[test]
    fn a_table_whose_text_fits_on_one_line_keeps_its_proportions() {
        let columns = [column(10.0, 20.0, 40.0), column(10.0, 40.0, 80.0)];
        let w = fit(&columns, 165.0);
        assert!((w.iter().sum::<f64>() - 165.0).abs() < 1e-6, "{w:?}");
        assert!((w[1] / w[0] - 2.0).abs() < 1e-6, "{w:?}");
    }

    #[test]
    fn a_short_column_stays_on_one_line_when_there_is_room() {
        // By text alone the unit column would get 10 + 150 × 60/4060.
        let columns = [column(10.0, 18.0, 60.0), column(25.0, 400.0, 4000.0)];
        let w = fit(&columns, 165.0);
        assert!((w[0] - 18.0).abs() < 1e-9, "{w:?}");
        let crowded = [column(10.0, 18.0, 60.0), column(150.0, 400.0, 4000.0)];
        // No room for both: the unit column wraps rather than the task.
        assert!(fit(&crowded, 165.0)[0] < 11.0);
    }

    #[test]
    fn long_words_past_the_line_keep_their_least_widths() {
        let columns = [column(100.0, 200.0, 900.0), column(90.0, 100.0, 90.0)];
        assert_eq!(fit(&columns, 165.0), [100.0, 90.0]);
    }

    #[test]
    fn given_widths_are_kept() {
        let given = [Some(Width::Millimetres(10.0)), None];
        assert_eq!(widths(&given, &[], &[], false), given);
    }
}
