//! Hard line breaks joined into paragraphs: where a line ends a sentence,
//! a heading or a header line, and where a wrapped sentence goes on; pipe
//! lines make tables.

use std::sync::LazyLock;

use regex::Regex;

use super::{Line, MARKER, is_caps, pipe_row, width};
use crate::import::source::Piece;

/// A paragraph being joined, in its place among the pieces.
struct Open {
    /// The index of its piece, pushed empty when it opened: a paragraph
    /// keeps the place where it starts, whatever the other column did
    /// while it went on.
    slot: usize,
    text: String,
    alone: bool,
    /// Lines joined into it so far.
    joined: usize,
    /// The length of its last line: a heading's last line stops short of
    /// the page width, a wrapping sentence's line fills it; a numbered
    /// line alone is a heading too when a capital follows.
    last_line: usize,
}

/// Writes a paragraph into its place.
fn close(open: &mut Option<Open>, pieces: &mut [Piece]) {
    if let Some(open) = open.take()
        && let Piece::Text { text, .. } = &mut pieces[open.slot]
    {
        *text = open.text;
    }
}

/// Joins the lines of one paragraph. A line opens a new paragraph when the
/// previous one ended a sentence or was a heading, or when it starts with a
/// numbering mark after a finished line; pipe-table lines make a table.
/// A right column's lines (the signer beside the nơi nhận, the quốc hiệu
/// beside the issuer) are joined only with each other, the left column's
/// (or the page's) only with each other: a left entry wrapped past the
/// signer's name goes on under it.
pub(super) fn paragraphs(lines: &[Line], typical: usize) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut main: Option<Open> = None;
    let mut side: Option<Open> = None;
    let mut table: Option<(usize, Vec<Vec<String>>)> = None;
    // The trích yếu after `KẾ HOẠCH` has no full stop; it ends where the
    // preamble begins.
    let mut in_title = false;
    for (i, line) in lines.iter().enumerate() {
        if let Some(row) = pipe_row(&line.text) {
            close(&mut main, &mut pieces);
            close(&mut side, &mut pieces);
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
        let open = if line.side { &mut side } else { &mut main };
        if starts_new(open.as_ref(), line, typical, in_title) {
            if !line.side {
                in_title = open.as_ref().is_some_and(|o| is_kind_word(&o.text));
            }
            close(open, &mut pieces);
            *open = Some(Open {
                slot: pieces.len(),
                text: line.text.clone(),
                alone: line.alone,
                joined: 1,
                last_line: width(&line.text),
            });
            pieces.push(Piece::Text {
                at: line.at,
                text: String::new(),
            });
        } else if let Some(open) = open {
            join(&mut open.text, &line.text);
            open.joined += 1;
            open.last_line = width(&line.text);
        }
        // A right column's paragraph ends at a line where the column has
        // no text.
        let beside = lines
            .get(i + 1)
            .is_some_and(|next| next.side && next.at == line.at);
        if !line.side && !beside {
            close(&mut side, &mut pieces);
        }
    }
    close(&mut main, &mut pieces);
    close(&mut side, &mut pieces);
    if let Some((at, rows)) = table {
        pieces.push(Piece::Table { at, rows });
    }
    pieces
}

/// Whether `line` starts a new paragraph after `open`, its column's.
fn starts_new(open: Option<&Open>, line: &Line, typical: usize, in_title: bool) -> bool {
    let Some(open) = open else {
        return true;
    };
    let prev = open.text.as_str();
    // `(để b/` + `c)`: a word cut at a slash goes on, whatever follows; so
    // does `Lưu:` (or `- Lưu`, printed without its colon) at a line's end,
    // before its value.
    let archive = prev.ends_with("Lưu:") || prev.ends_with("- Lưu") || prev == "Lưu";
    if !open.alone && (prev.ends_with('/') && cut(prev) || archive) {
        return false;
    }
    open.alone
        || line.alone
        || is_header_line(prev)
        || is_header_line(&line.text)
        // A name in capitals after text (the plan's header after the
        // decision's `Lưu:` line; not the list's next entry after a comma,
        // `Lưu: VT,` over `VP (CTH).`), and a bracketed line whole (`(Kèm
        // theo Quyết định …)`).
        || is_caps(&line.text)
            && line.text.split_whitespace().nth(1).is_some()
            && !is_caps(prev)
            && !prev.ends_with(',')
        || prev.starts_with('(') && prev.ends_with(')')
        || breaks(
            prev,
            &line.text,
            open.joined == 1 || open.last_line * 100 < typical * 85,
        )
        || (in_title && opens_preamble(&line.text))
        || is_kind_word(prev)
}

/// Whether `next` starts a paragraph after the (joined) paragraph `prev`.
fn breaks(prev: &str, next: &str, short_line: bool) -> bool {
    let finished = prev.ends_with(['.', ';', ':', '!', '?', '…']) || prev.ends_with(".**");
    // A star the reader escaped (`\*Ghi chú:`) opens the line as a star.
    let unescaped = next
        .strip_prefix('\\')
        .filter(|rest| rest.starts_with(['*', '^']));
    let first = unescaped.unwrap_or(next).chars().next().unwrap_or(' ');
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
        || next.starts_with("- ") && !wrapped_at_dash(prev, next)
        || next.starts_with("+ ")
        || is_caps_marker(next)
}

/// `- Ủy ban Mặt trận … các tổ chức chính trị` over `- xã hội tỉnh;`: a
/// dash item that stops without punctuation goes on where the next line
/// opens with a dash and a small letter — the dash of a compound (`chính
/// trị - xã hội`, `kinh tế - xã hội`) the line wrapped before, not an item.
fn wrapped_at_dash(prev: &str, next: &str) -> bool {
    prev.starts_with("- ") && !prev.ends_with(',') && next[2..].starts_with(char::is_lowercase)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compound_wrapped_at_its_dash_is_no_list_item() {
        assert!(wrapped_at_dash(
            "- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị",
            "- xã hội tỉnh;"
        ));
        // A finished item, an item that ends with a comma, an item in
        // capitals: a new item.
        assert!(breaks("- Công an tỉnh;", "- xã hội tỉnh;", false));
        assert!(!wrapped_at_dash(
            "- tổ chức hội nghị,",
            "- kiểm tra tại cơ sở;"
        ));
        assert!(!wrapped_at_dash("- Sở Tư pháp", "- Công an tỉnh"));
    }

    #[test]
    fn a_lưu_line_goes_on_to_its_value() {
        let line = |text: &str| Line {
            at: 1,
            text: text.into(),
            alone: false,
            side: false,
        };
        for prev in ["- Bộ Tư pháp (để b/c); - Lưu", "- Lưu:"] {
            let open = Open {
                slot: 0,
                text: prev.into(),
                alone: false,
                joined: 1,
                last_line: 40,
            };
            assert!(!starts_new(Some(&open), &line("VT, ĐTDG."), 80, false));
        }
        let open = Open {
            slot: 0,
            text: "- UBND các xã, phường; - Lưu: VT,".into(),
            alone: false,
            joined: 1,
            last_line: 40,
        };
        assert!(!starts_new(Some(&open), &line("VP (CTH)."), 80, false));
    }
}
