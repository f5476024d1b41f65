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

/// Where `reference` marks a footnote in `text`: not a number that a word
/// of dates and counts takes without a space (`tháng4`, `Quý2`, `lần3`),
/// which a table's numbered row (`4    Rà soát …`) would otherwise take
/// for its reference.
fn first_reference<'t>(reference: &Regex, text: &'t str) -> Option<regex::Match<'t>> {
    const COUNTED: [&str; 10] = [
        "ngày", "tháng", "năm", "quý", "số", "lần", "đợt", "khoản", "điểm", "điều",
    ];
    reference.find_iter(text).find(|m| {
        let word: String = text[..m.start() + m.as_str().chars().next().map_or(0, char::len_utf8)]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        !COUNTED.contains(&word.to_lowercase().as_str())
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
        let Some(host) = (0..i)
            .rev()
            .find(|&j| first_reference(&reference, &lines[j].text).is_some())
        else {
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
        let m = first_reference(&reference, host_text).expect("matched above");
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

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::first_reference;

    #[test]
    fn a_count_or_date_is_no_footnote_mark() {
        let mark = |n: &str| Regex::new(&format!(r"(\p{{Ll}}|[”)]){n}(\s|[,.;:]|$)")).unwrap();
        assert!(first_reference(&mark("4"), "Xuyên Mộc, ngày 28 tháng4 năm 2027").is_none());
        assert!(first_reference(&mark("2"), "kết quả Quý2 và lần2.").is_none());
        assert!(first_reference(&mark("1"), "thí điểm tại 01 xã1 của Thành phố").is_some());
        let m = first_reference(&mark("3"), "tháng3 của Sở Tư pháp3;").unwrap();
        assert_eq!(m.as_str(), "p3;");
    }
}
