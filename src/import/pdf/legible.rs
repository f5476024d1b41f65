//! Whether a page's text layer can be read. Some signing tools rewrite a
//! PDF's fonts so that its text layer gives the glyphs' numbers in the
//! font instead of their letters (`6Ӣ CÔNG 7+ѬѪ1*` for `SỞ CÔNG THƯƠNG`):
//! the page shows the right words, its text layer holds nonsense. Read
//! Vietnamese is made of syllables; such nonsense is not.

use crate::import::unreadable::Unreadable;
use crate::vietnamese::is_syllable;

/// What the clerk is told of a garbled page.
pub(crate) const GARBLED: &str = "chữ bị mã hóa sai, có thể do phần mềm ký số";

/// Fewer words of letters than this on a page (a signature page, a table
/// of numbers, a page left blank) say nothing of its text layer; as many
/// control characters, which no text holds, say it is garbled (a font
/// whose glyphs were numbered from 1 gives `U+0001`, `U+0002` …).
const JUDGED: usize = 30;

/// Below this share of words that are Vietnamese syllables, a page is
/// garbled. Measured on born-digital plans (corpus 10 and more/01) and
/// kehoach's own PDFs of the samples: 0.86–1.00 a page, 0.97–0.99 a
/// document, their abbreviations (`UBND`, `KH`, `QĐ`) and single letters
/// (`a)`, `Đ/c`) the rest; on a page whose glyphs map to the wrong
/// letters, under 0.1.
const READABLE: f64 = 0.5;

/// The words of letters in `text` (runs of letters, whatever separates
/// them: a garbled space is not a space) and how many are syllables.
pub(super) fn syllables(text: &str) -> (usize, usize) {
    let mut words = 0;
    let mut syllables = 0;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        if is_syllable(word) {
            syllables += 1;
        }
    }
    (syllables, words)
}

/// The garbled pages (from 1) of a document whose pages' texts are
/// `texts`. The document is refused when they hold at least half of the
/// text of the pages judged: what is left would not be the plan, and a
/// plan of nonsense is worse than none. Fewer are dropped by the caller,
/// and named in the report.
pub(super) fn garbled_pages(texts: &[String]) -> Result<Vec<usize>, Unreadable> {
    let mut garbled = Vec::new();
    let (mut bad, mut judged) = (0, 0);
    for (i, text) in texts.iter().enumerate() {
        let (syllables, words) = syllables(text);
        let controls = text
            .chars()
            .filter(|c| c.is_control() && !c.is_whitespace())
            .count();
        let unreadable = if words >= JUDGED {
            (syllables as f64) < READABLE * words as f64
        } else if controls >= JUDGED {
            true
        } else {
            continue;
        };
        let weight = text.chars().filter(|c| !c.is_whitespace()).count();
        judged += weight;
        if unreadable {
            garbled.push(i + 1);
            bad += weight;
        }
    }
    if !garbled.is_empty() && bad * 2 >= judged {
        return Err(Unreadable::Garbled { pages: garbled });
    }
    Ok(garbled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_counted_in_runs_of_letters() {
        assert_eq!(syllables("SỞ CÔNG THƯƠNG"), (3, 3));
        assert_eq!(syllables("Số: 45/KH-STP"), (1, 3));
        // Glyph numbers read as letters: no space, no syllable.
        assert_eq!(syllables("6Ӣ\u{3}CÔNG\u{3}7+ѬѪ1*"), (1, 3));
    }

    fn page(words: &str, times: usize) -> String {
        vec![words; times].join(" ")
    }

    #[test]
    fn a_document_is_refused_when_most_of_its_text_is_garbled() {
        let read = page("Sở Công Thương xây dựng kế hoạch kiểm tra năm 2026", 4);
        let garbled = page("6Ӣ\u{3}&Ð1*\u{3}7+ѬѪ1*\u{3}[k\u{3}GQ1*", 8);
        assert_eq!(garbled_pages(&[read.clone(), read.clone()]), Ok(vec![]));
        assert_eq!(
            garbled_pages(&[read.clone(), garbled.clone(), read.clone(), read.clone()]),
            Ok(vec![2])
        );
        assert_eq!(
            garbled_pages(&[read.clone(), garbled.clone(), garbled.clone()]),
            Err(Unreadable::Garbled { pages: vec![2, 3] })
        );
        // Glyphs numbered from 1: no letters, control characters.
        let numbered: String = (1..80u8).cycle().take(1500).map(char::from).collect();
        assert_eq!(
            garbled_pages(&[numbered]),
            Err(Unreadable::Garbled { pages: vec![1] })
        );
        // A short page says nothing.
        assert_eq!(garbled_pages(&["Trang 2".into(), read]), Ok(vec![]));
    }
}
