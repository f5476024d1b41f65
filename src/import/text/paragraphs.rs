//! Hard line breaks joined into paragraphs: where a line ends a sentence,
//! a heading or a header line, and where a wrapped sentence goes on; pipe
//! lines make tables.

use std::sync::LazyLock;

use regex::Regex;

use super::{Line, MARKER, is_caps, pipe_row, width};
use crate::import::source::Piece;

/// Joins the lines of one paragraph. A line opens a new paragraph when the
/// previous one ended a sentence or was a heading, or when it starts with a
/// numbering mark after a finished line; pipe-table lines make a table.
pub(super) fn paragraphs(lines: &[Line], typical: usize) -> Vec<Piece> {
    // The length of the last line joined: a heading's last line stops
    // short of the page width, a wrapping sentence's line fills it; a
    // numbered line alone is a heading too when a capital follows.
    let mut last_line = 0;
    // Lines joined into the current paragraph so far.
    let mut joined = 0;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut current: Option<(usize, String, bool)> = None;
    let mut table: Option<(usize, Vec<Vec<String>>)> = None;
    // The trích yếu after `KẾ HOẠCH` has no full stop; it ends where the
    // preamble begins.
    let mut in_title = false;
    let flush = |current: &mut Option<(usize, String, bool)>, pieces: &mut Vec<Piece>| {
        if let Some((at, text, _)) = current.take() {
            pieces.push(Piece::Text { at, text });
        }
    };
    for line in lines {
        if let Some(row) = pipe_row(&line.text) {
            flush(&mut current, &mut pieces);
            let (_, rows) = table.get_or_insert((line.at, Vec::new()));
            if !row
                .iter()
                .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
            {
                rows.push(row);
            }
            continue;
        }
        if let Some((at, rows)) = table.take() {
            pieces.push(Piece::Table { at, rows });
        }
        let starts_new = match &current {
            None => true,
            // `(để b/` + `c)`: a word cut at a slash goes on, whatever
            // follows; so does `Lưu:` at a line's end, before its value.
            Some((_, prev, false))
                if prev.ends_with('/') && cut(prev) || prev.ends_with("Lưu:") =>
            {
                false
            }
            Some((_, prev, prev_alone)) => {
                *prev_alone
                    || line.alone
                    || is_header_line(prev)
                    || is_header_line(&line.text)
                    // A name in capitals after text (the plan's header
                    // after the decision's `Lưu:` line), and a bracketed
                    // line whole (`(Kèm theo Quyết định …)`).
                    || is_caps(&line.text)
                        && line.text.split_whitespace().nth(1).is_some()
                        && !is_caps(prev)
                    || prev.starts_with('(') && prev.ends_with(')')
                    || breaks(
                        prev,
                        &line.text,
                        joined == 1 || last_line * 100 < typical * 85,
                    )
                    || (in_title && opens_preamble(&line.text))
                    || is_kind_word(prev)
            }
        };
        if starts_new {
            in_title = current
                .as_ref()
                .is_some_and(|(_, prev, _)| is_kind_word(prev));
            flush(&mut current, &mut pieces);
            current = Some((line.at, line.text.clone(), line.alone));
            joined = 1;
        } else if let Some((_, text, _)) = &mut current {
            join(text, &line.text);
            joined += 1;
        }
        last_line = width(&line.text);
    }
    flush(&mut current, &mut pieces);
    if let Some((at, rows)) = table {
        pieces.push(Piece::Table { at, rows });
    }
    pieces
}

/// Whether `next` starts a paragraph after the (joined) paragraph `prev`.
fn breaks(prev: &str, next: &str, short_line: bool) -> bool {
    let finished = prev.ends_with(['.', ';', ':', '!', '?', '…']) || prev.ends_with(".**");
    let first = next.chars().next().unwrap_or(' ');
    let opens = first.is_uppercase() || "“\"*[".contains(first) || first.is_ascii_digit();
    if finished && first == '(' {
        return true;
    }
    let marked = MARKER.is_match(next) || is_ending_line(next);
    if finished {
        return opens || marked;
    }
    // An unfinished heading (`1. Mục đích`, `KẾ HOẠCH`) ends at its line
    // when what follows opens with a capital or a mark; a sentence wrapped
    // before a name (`… của UBND tỉnh` / `Lạng Sơn về …`) does not.
    let titled = short_line || prev.ends_with(['”', ')', '"']);
    let heading = (MARKER.is_match(prev)
        && !prev.starts_with(['-', '–', '+', '•'])
        && titled
        && !continues(prev, next))
        || is_caps(prev)
        || is_ending_line(prev);
    // A dash item or a level-1 heading starts anew after any line.
    static DEEP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,2}\.\d{1,2}(?:\.\d{1,2}){0,2}\.?|[a-zđ]\))\s").unwrap()
    });
    (heading && (opens || marked))
        || DEEP.is_match(next)
        || next.starts_with("- ")
        || next.starts_with("+ ")
        || is_caps_marker(next)
}

/// The header's lines, each its own paragraph however the columns ran
/// together: quốc hiệu, tiêu ngữ, `Số: …`, `…, ngày … năm …`, `KẾ HOẠCH`.
fn is_header_line(line: &str) -> bool {
    static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[^.;]{0,60}, ngày [\d ]*tháng [\d ]*năm \d{4}\s*$").unwrap()
    });
    let line = line.trim_matches(['*', ' ']);
    line.starts_with("Số:")
        || line.contains("Độc lập - Tự do")
        || line.contains("CỘNG HÒA XÃ HỘI")
        || line.starts_with("KẾ HOẠCH")
        || DATE_LINE.is_match(line)
}

/// `KẾ HOẠCH` alone on its line.
fn is_kind_word(text: &str) -> bool {
    text.trim_matches(['*', ' ']) == "KẾ HOẠCH"
}

/// The words a preamble opens with.
fn opens_preamble(line: &str) -> bool {
    ["Thực hiện", "Căn cứ", "Để ", "Nhằm", "Triển khai", "("]
        .iter()
        .any(|w| line.starts_with(w))
}

/// A line that stops mid-phrase: after a comma, or on a word that needs
/// the next (`của`, `và`, `tỉnh` before `Lạng Sơn`, `số` before `45`).
fn continues(text: &str, next: &str) -> bool {
    const NEEDS_NEXT: &[&str] = &[
        "của",
        "và",
        "các",
        "cho",
        "với",
        "về",
        "tại",
        "theo",
        "trong",
        "những",
        "là",
        "được",
        "có",
        "thuộc",
        "tỉnh",
        "huyện",
        "xã",
        "thành",
        "phố",
        "Ban",
        "Bộ",
        "Sở",
        "UBND",
        "đến",
        "từ",
        "để",
        "như",
        "hoặc",
        "nhằm",
        "Giám",
        "đốc",
        "Chủ",
        "tịch",
        "trưởng",
    ];
    let last = text.split_whitespace().last().unwrap_or_default();
    // `… Chủ tịch Hồ` / `Chí Minh`: a capitalised word is inside a name
    // (an acronym such as `TGPL` may end a title).
    let in_name =
        last.chars().next().is_some_and(char::is_uppercase) && last.chars().any(char::is_lowercase);
    text.ends_with([',', '(', '-', '–', '/'])
        || in_name
        || NEEDS_NEXT.contains(&last)
        || (matches!(last, "số" | "ngày" | "năm") && next.starts_with(|c: char| c.is_ascii_digit()))
}

/// `II. NỘI DUNG` and the like: a level-1 heading starts a paragraph even
/// after an unfinished line.
fn is_caps_marker(line: &str) -> bool {
    static ROMAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[IVXL]+\.\s").unwrap());
    ROMAN.is_match(line) && is_caps(line)
}

/// The lines of the ending that stand alone: `Nơi nhận:`, `Lưu: …`, the
/// signer's authority.
fn is_ending_line(line: &str) -> bool {
    static ENDING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\*\*)?(?:Nơi nhận|KT\.|TM\.|TL\.|TUQ\.|Q\.\s|PHỤ LỤC)").unwrap()
    });
    ENDING.is_match(line)
}

/// `Nghị quyết số 57-` + `NQ/TW`, `Tờ trình số 41/` + `TTr-SKHCN`: a
/// word cut at a hyphen or a slash is joined whole (a slash alone, as in
/// `Số: /`, is not a cut word).
pub(crate) fn join(text: &mut String, next: &str) {
    if !cut(text) {
        text.push(' ');
    }
    text.push_str(next);
}

/// Whether `text` ends with a word cut at a hyphen or a slash (a web
/// address ending in one is whole).
fn cut(text: &str) -> bool {
    let last = text.split_whitespace().next_back().unwrap_or_default();
    text.ends_with(['-', '/'])
        && last.len() > 1
        && !last.contains("://")
        && !last.starts_with("www.")
}
