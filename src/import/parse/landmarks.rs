//! Landmarks that open a region of the document but that a reader may
//! have run into the paragraph before them: a page's text extracted as
//! lines that were then joined (`Nguyễn Văn An Phụ lục I`, a phụ lục's
//! title and its `(Kèm theo …)` line as one paragraph). Each such piece is
//! cut where the landmark begins, before the regions are read, so that
//! every region reader sees its landmark at the start of a piece.

use std::sync::LazyLock;

use regex::Regex;

use super::fields::person_name;
use crate::import::source::Piece;
use crate::import::text::is_caps;

/// `Phụ lục I`, `PHỤ LỤC`, `Phụ lục số 02` as a label (what follows is a
/// title in capitals, or nothing).
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?[IVXLC\d]+)?\s*[.:]?").unwrap()
});
/// The line under a phụ lục's (or an attached plan's) title.
static REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?:Ban hành )?[Kk]èm theo ").unwrap());

/// The pieces, each cut before a landmark that a reader ran into it.
pub(super) fn split_at_landmarks(pieces: &[Piece]) -> Vec<Piece> {
    let mut out = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text { at, text } => {
                out.extend(
                    cut(text)
                        .into_iter()
                        .map(|text| Piece::Text { at: *at, text }),
                );
            }
            table => out.push(table.clone()),
        }
    }
    out
}

/// One paragraph as the parts its landmarks open.
fn cut(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while let Some(at) = landmark_inside(rest) {
        parts.push(rest[..at].trim().to_owned());
        rest = rest[at..].trim();
    }
    parts.push(rest.to_owned());
    parts.retain(|p| !p.is_empty());
    parts
}

/// Where, past the start of `text`, a landmark begins that the text
/// before it cannot run into: a phụ lục's label after a signer's name or
/// a line in capitals, with a title in capitals or nothing after it; a
/// label's title after the label; a `(Kèm theo …)` line after a title in
/// capitals.
fn landmark_inside(text: &str) -> Option<usize> {
    let plain = |s: &str| s.replace('*', "");
    for m in LABEL.find_iter(text).filter(|m| m.start() > 0) {
        let before = plain(&text[..m.start()]);
        let after = plain(&text[m.end()..]);
        let after = after.trim();
        let closes = person_name(before.trim()).is_some() || is_caps(&before);
        let opens = after.is_empty() || is_caps(after) || REFERENCE.is_match(after);
        if closes && opens {
            return Some(m.start());
        }
    }
    // `Phụ lục I ĐỀ CƯƠNG BÁO CÁO`: the label is a line of its own.
    if let Some(m) = LABEL
        .find(text)
        .filter(|m| m.start() == 0 && m.end() < text.len())
    {
        let after = plain(&text[m.end()..]);
        if is_caps(after.trim()) || REFERENCE.is_match(after.trim_start()) {
            return Some(m.end());
        }
    }
    // `(Kèm theo …)` and what a reader ran on after its bracket closes.
    if text.starts_with('(') && REFERENCE.is_match(text) {
        let mut depth = 0;
        for (i, c) in text.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                let end = i + c.len_utf8();
                return (end < text.trim_end().len()).then_some(end);
            }
        }
    }
    // After a title in capitals any `(Kèm theo …)`; after other text one
    // that names the document it goes with by its number, as only that
    // line does (`(Kèm theo Quyết định số 844/QĐ-TTg …)`).
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\((?:Ban hành )?[Kk]èm theo (?:Quyết định|Kế hoạch|Kế hoạch hành động[^)]*Quyết định)\s+số\b").unwrap()
    });
    // Only after text: emphasis marks alone (`*(Kèm theo …)*`) are none.
    let reference = REFERENCE
        .find(text)
        .filter(|m| plain(&text[..m.start()]).chars().any(char::is_alphanumeric))?;
    (is_caps(&plain(&text[..reference.start()])) || NAMED.is_match(&text[reference.start()..]))
        .then_some(reference.start())
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn landmarks_run_into_a_paragraph_are_cut_out() {
        assert_eq!(
            cut("Thiếu tướng Ngô Hữu Thu Nghĩa Phụ lục I"),
            ["Thiếu tướng Ngô Hữu Thu Nghĩa", "Phụ lục I"]
        );
        assert_eq!(
            cut(
                "ĐỀ CƯƠNG BÁO CÁO KẾT QUẢ THỰC HIỆN (Kèm theo Kế hoạch số …/KH-SGDĐT ngày 25 tháng 7 năm 2025)"
            ),
            [
                "ĐỀ CƯƠNG BÁO CÁO KẾT QUẢ THỰC HIỆN",
                "(Kèm theo Kế hoạch số …/KH-SGDĐT ngày 25 tháng 7 năm 2025)"
            ]
        );
        assert_eq!(
            cut("(Kèm theo Quyết định số 844/QĐ-TTg) ____ STT Tên nhiệm vụ"),
            [
                "(Kèm theo Quyết định số 844/QĐ-TTg)",
                "____ STT Tên nhiệm vụ"
            ]
        );
        assert_eq!(
            cut("Phụ lục II DANH SÁCH CÁC ĐƠN VỊ"),
            ["Phụ lục II", "DANH SÁCH CÁC ĐƠN VỊ"]
        );
        assert_eq!(
            cut("Trịnh Văn Thành Phụ lục số 01: DANH MỤC NHIỆM VỤ"),
            ["Trịnh Văn Thành", "Phụ lục số 01:", "DANH MỤC NHIỆM VỤ"]
        );
    }

    #[test]
    fn the_line_that_names_the_decision_opens_its_own_piece() {
        assert_eq!(
            cut(
                "về bảo hiểm y tế toàn dân trong giai đoạn mới (Kèm theo Quyết định số 844/QĐ-TTg ngày 13 tháng 5 năm 2026)"
            ),
            [
                "về bảo hiểm y tế toàn dân trong giai đoạn mới",
                "(Kèm theo Quyết định số 844/QĐ-TTg ngày 13 tháng 5 năm 2026)"
            ]
        );
    }

    #[test]
    fn a_phu_luc_named_in_a_sentence_stays_in_it() {
        for sentence in [
            "Các đơn vị thực hiện theo Phụ lục I kèm theo Kế hoạch này.",
            "Nhiệm vụ cụ thể tại Phụ lục II (kèm theo).",
            "Giao các phòng thực hiện (Kèm theo danh sách).",
        ] {
            assert_eq!(cut(sentence), [sentence]);
        }
    }
}
