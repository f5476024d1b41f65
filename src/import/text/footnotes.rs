//! Footnote bodies that the extraction left at the page foot, put back at
//! their reference as `^[…]`.

use std::sync::LazyLock;

use regex::Regex;

use super::{Line, typical_width, width};

/// Whether `text` holds a footnote reference `number` stuck to a word:
/// `xã1`, `Thăng Long2;`, `“…”3`.
pub(super) fn refers_to(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        before.is_some_and(|c| c.is_lowercase() || c == '”' || c == ')')
            && after.is_none_or(|c| c.is_whitespace() || ",.;:".contains(c))
    })
}

/// A footnote's body, dropped by the extraction where the page ended: a
/// line `1 Kế hoạch số …` whose number follows a word earlier in the text
/// (`Sở Tư pháp1`). Its lines run the page's full width in a smaller font;
/// its last line is the first short one. It is put back at the reference
/// as `^[…]`.
pub(super) fn move_footnotes(mut lines: Vec<Line>, notes: &mut Vec<String>) -> Vec<Line> {
    static START: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\[\d{1,2}\]|\d{1,2})\s*(\p{Lu}|[“\x22])").unwrap());
    let typical = typical_width(&lines);
    let mut i = 0;
    while i < lines.len() {
        let Some(mark) = START.captures(&lines[i].text).map(|c| c[1].to_owned()) else {
            i += 1;
            continue;
        };
        // `[1]` anywhere; a bare `1` right after a word or a closing quote.
        let reference = if mark.starts_with('[') {
            Regex::new(&regex::escape(&mark)).unwrap()
        } else {
            Regex::new(&format!(r"(\p{{Ll}}|[”)]){mark}(\s|[,.;:]|$)")).unwrap()
        };
        let Some(host) = (0..i).rev().find(|&j| reference.is_match(&lines[j].text)) else {
            i += 1;
            continue;
        };
        let mut end = i;
        while end + 1 < lines.len() && width(&lines[end].text) > typical + typical / 10 {
            end += 1;
        }
        let from = lines[i].at;
        let body: Vec<String> = lines.drain(i..=end).map(|l| l.text).collect();
        let body = body.join(" ");
        let body = body[mark.len()..].trim();
        let host_text = &lines[host].text;
        let m = reference.find(host_text).expect("matched above");
        let mark_at = m.start()
            + host_text[m.start()..]
                .find(mark.as_str())
                .expect("in match");
        lines[host].text = format!(
            "{}^[{body}]{}",
            &host_text[..mark_at],
            &host_text[mark_at + mark.len()..]
        );
        let number = mark.trim_matches(['[', ']']);
        notes.push(format!(
            "chú thích {number} (dòng {from}) đưa về chỗ tham chiếu (dòng {})",
            lines[host].at
        ));
    }
    lines
}
