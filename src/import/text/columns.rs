//! Columns extracted side by side (`pdftotext -layout`, the PDF reader's
//! lines): each raw line cut at its wide gaps into parts, each part with
//! the character columns it stood at, and the parts that stood in a right
//! column (the quốc hiệu beside the issuer, the signer beside the nơi
//! nhận) told from the rest, so that the paragraphs of one column are never
//! joined with the other's.

use std::sync::LazyLock;

use regex::Regex;

/// One column's text on one raw line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Part {
    /// The raw line's number, from 1.
    pub at: usize,
    pub text: String,
    /// Whether it stood in a right column.
    pub side: bool,
    /// The character columns it spans on its line.
    start: usize,
    end: usize,
}

impl Part {
    fn centre(&self) -> usize {
        (self.start + self.end) / 2
    }
}

/// A right column's part starts at least this share of the page's width
/// from the left when it is alone on its line: a line of a left column or
/// of the body starts at the margin or its indent.
const ALONE_FROM: usize = 25;
/// A right column's part has its centre at least this share of the page's
/// width from the left: a line centred on the page (`KẾ HOẠCH`, a trích
/// yếu) has it at half.
const CENTRE_FROM: usize = 55;
/// Parts of one column stand within this many raw lines of each other
/// (the signer's name a few lines under the title, past the signature's
/// space).
const NEAR: usize = 12;

/// The parts of every raw line of `text`, right columns marked.
pub(super) fn parts(text: &str) -> Vec<Vec<Part>> {
    let mut rows: Vec<Vec<Part>> = text
        .split(['\n', '\u{c}'])
        .enumerate()
        .map(|(i, raw)| split(i + 1, raw.trim_end_matches('\r')))
        .collect();
    mark_sides(&mut rows);
    rows
}

/// A raw line cut at its wide gaps. `Số: 2280         /QĐ-UBND`: a
/// number's ký hiệu is not a column; `1   Phường Hoàn Kiếm: …` is a
/// footnote's number and its text, not a page number beside a column; a
/// bullet and its text a tab apart are one list item.
fn split(at: usize, raw: &str) -> Vec<Part> {
    static GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[ \u{a0}]{3,}|\t").unwrap());
    let mut parts: Vec<Part> = Vec::new();
    let mut from = 0;
    let gaps = GAP
        .find_iter(raw)
        .map(|m| (m.start(), m.end()))
        .chain([(raw.len(), raw.len())]);
    for (gap_start, gap_end) in gaps {
        let piece = &raw[from..gap_start];
        let text = piece.trim();
        if !text.is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            let start = raw[..from + lead].chars().count();
            let part = Part {
                at,
                text: text.to_owned(),
                side: false,
                start,
                end: start + text.chars().count(),
            };
            merge_or_push(&mut parts, part);
        }
        from = gap_end;
    }
    parts
}

/// Adds `part` to the parts before it on its line, or onto the last of
/// them where the gap did not part columns.
fn merge_or_push(parts: &mut Vec<Part>, part: Part) {
    let first = parts.len() == 1;
    let Some(prev) = parts.last_mut() else {
        parts.push(part);
        return;
    };
    let bullet = first
        && prev.text.chars().count() == 1
        && prev
            .text
            .starts_with(|c| super::is_bullet(c) || c == '-' || c == '+');
    let footnote = first
        && prev.text.len() <= 2
        && prev.text.chars().all(|c| c.is_ascii_digit())
        && part.text.starts_with(char::is_uppercase);
    if bullet || footnote {
        prev.text.push(' ');
    } else if !(part.text.starts_with('/') && prev.text.starts_with("Số")) {
        parts.push(part);
        return;
    }
    prev.text.push_str(&part.text);
    prev.end = part.end;
}

/// Marks the parts that stood in a right column: on a line of one or two
/// parts (three or more make a table row, read in order, and so are the
/// lines next to it, its cells' wrapped lines), the last part
/// when it stands right of the page's middle (its centre past
/// [`CENTRE_FROM`], a part alone on its line starting past
/// [`ALONE_FROM`]) and, on lines near it, another such part is centred
/// where it is or two others start where it does, as a column's lines are.
/// A gap in a justified line of the body has no such neighbour, nor has a
/// title centred on the page under the quốc hiệu (`KẾ HOẠCH` may start
/// where it does, its centre is elsewhere). A part alone in its column is
/// marked where it [`interrupts`] the left column's line.
fn mark_sides(rows: &mut [Vec<Part>]) {
    let width = page_width(rows);
    // A table's rows, and the rows of its cells' wrapped lines around them.
    let in_table = |r: usize| {
        rows[r.saturating_sub(2)..rows.len().min(r + 3)]
            .iter()
            .any(|parts| parts.len() > 2)
    };
    let candidates: Vec<(usize, usize)> = rows
        .iter()
        .enumerate()
        .filter(|&(r, parts)| matches!(parts.len(), 1 | 2) && !in_table(r))
        .filter_map(|(r, parts)| {
            let last = parts.last()?;
            let right = last.centre() * 100 >= width * CENTRE_FROM
                && (parts.len() == 2 || last.start * 100 >= width * ALONE_FROM);
            right.then_some((r, parts.len() - 1))
        })
        .collect();
    for &(r, p) in &candidates {
        let part = &rows[r][p];
        let near: Vec<&Part> = candidates
            .iter()
            .filter(|&&(r2, _)| r2 != r && r.abs_diff(r2) <= NEAR)
            .map(|&(r2, p2)| &rows[r2][p2])
            .collect();
        let centred = near.iter().any(|o| part.centre().abs_diff(o.centre()) <= 3);
        let started = near
            .iter()
            .filter(|o| part.start.abs_diff(o.start) <= 2)
            .count();
        if centred || started >= 2 || p == 1 && interrupts(rows, r) {
            rows[r][p].side = true;
        }
    }
}

/// `- Các cơ quan, đơn vị, doanh      PHÓ GIÁM ĐỐC` over `nghiệp …;`,
/// `- Bộ Khoa học và Công nghệ (b/      KT. CHỦ TỊCH` over `c);`: whether
/// the part beside row `r`'s left part stands between that part and where
/// it goes on, at the next line's start in small letters or a bracket —
/// it is the other column's, however alone in it. It opens with a capital
/// (`KT.`, a title, a name): a justified line's gap parts a sentence, whose
/// words go on in small letters.
fn interrupts(rows: &[Vec<Part>], r: usize) -> bool {
    let opens = rows[r][1].text.starts_with(char::is_uppercase);
    let unfinished = !rows[r][0].text.ends_with(['.', ';', ':', '!', '?']);
    let goes_on = rows[r + 1..]
        .iter()
        .find_map(|parts| parts.first())
        .is_some_and(|next| {
            next.text
                .starts_with(|c: char| c.is_lowercase() || "();,.".contains(c))
        });
    opens && unfinished && goes_on
}

/// The page's width in characters: where nine lines in ten end by (a
/// footnote's or a table's overlong line aside).
fn page_width(rows: &[Vec<Part>]) -> usize {
    let mut ends: Vec<usize> = rows
        .iter()
        .filter_map(|parts| parts.last().map(|p| p.end))
        .collect();
    ends.sort_unstable();
    ends.get(ends.len() * 9 / 10).copied().unwrap_or(80).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides(text: &str) -> Vec<(String, bool)> {
        parts(text)
            .into_iter()
            .flatten()
            .map(|p| (p.text, p.side))
            .collect()
    }

    #[test]
    fn parts_keep_their_columns() {
        let got = split(
            3,
            "     Số: 2280         /QĐ-UBND                Hà Nội, ngày 29",
        );
        let spans: Vec<(&str, usize, usize)> = got
            .iter()
            .map(|p| (p.text.as_str(), p.start, p.end))
            .collect();
        assert_eq!(
            spans,
            [("Số: 2280/QĐ-UBND", 5, 30), ("Hà Nội, ngày 29", 46, 61)]
        );
    }

    #[test]
    fn a_right_column_is_told_by_its_alignment() {
        let text = "\
Nơi nhận:                                        Q. CHỦ TỊCH
- Sở Tài chính; - Lãnh đạo Sở; - Các tổ         PHÓ CHỦ TỊCH
chuyên môn; - Sở Nội vụ; - Bộ Tư pháp; -
thuộc Sở; - Thường trực Tỉnh ủy; - Cổng     Nguyễn Hữu Xuân Trà
Thông tin điện tử tỉnh; - UBND các xã,
                                                Trần Văn An
";
        let side: Vec<String> = sides(text)
            .into_iter()
            .filter(|(_, side)| *side)
            .map(|(text, _)| text)
            .collect();
        assert_eq!(
            side,
            [
                "Q. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
                "Nguyễn Hữu Xuân Trà",
                "Trần Văn An"
            ]
        );
        // Alone in its column, beside a line that goes on under it.
        let text = "\
- Văn phòng UBND tỉnh;
- Bộ Khoa học và Công nghệ (b/                     KT. CHỦ TỊCH
c);
- Lưu: VT, KGVX.
";
        assert!(sides(text).contains(&("KT. CHỦ TỊCH".into(), true)));
        // A gap in a justified line, a title centred on the page.
        let text = "\
                               KẾ HOẠCH
      Căn cứ Luật Xây dựng     ngày 18/6/2014; Luật sửa đổi, bổ sung
một số điều của Luật Xây dựng ngày 17/6/2020 và các văn bản hướng dẫn;
";
        assert!(sides(text).iter().all(|(_, side)| !side));
    }

    fn pieces(text: &str) -> Vec<String> {
        super::super::read(text.as_bytes())
            .unwrap()
            .pieces
            .into_iter()
            .filter_map(|p| match p {
                crate::import::source::Piece::Text { text, .. } => Some(text),
                crate::import::source::Piece::Table { .. } => None,
            })
            .collect()
    }

    #[test]
    fn a_left_entry_wrapped_past_the_signers_name_goes_on_under_it() {
        let text = "\
Nơi nhận:                                                   Q. CHỦ TỊCH
- Sở Tài chính; - Lãnh đạo Sở; - Các tổ                     PHÓ CHỦ TỊCH
chuyên môn; - Sở Nội vụ; - Bộ Tư pháp; -
Đ/c Bí thư Thành ủy; - Các phòng, đơn vị
thuộc Sở; - Thường trực Tỉnh ủy; - Cổng                 Nguyễn Hữu Xuân Trà
Thông tin điện tử tỉnh; - UBND các xã,
phường; - Lưu: VT, NC.
";
        assert_eq!(
            pieces(text),
            [
                "Nơi nhận:",
                "Q. CHỦ TỊCH",
                "- Sở Tài chính; - Lãnh đạo Sở; - Các tổ chuyên môn; - Sở Nội vụ; - Bộ Tư \
                 pháp; - Đ/c Bí thư Thành ủy; - Các phòng, đơn vị thuộc Sở; - Thường trực Tỉnh \
                 ủy; - Cổng Thông tin điện tử tỉnh; - UBND các xã, phường; - Lưu: VT, NC.",
                "PHÓ CHỦ TỊCH",
                "Nguyễn Hữu Xuân Trà",
            ]
        );
    }

    #[test]
    fn a_signers_title_of_two_lines_stays_in_its_column() {
        let text = "\
Nơi nhận:                                                  KT. TỔ TRƯỞNG
- Ban Giám hiệu;                                     PHÓ TỔ TRƯỞNG THƯỜNG TRỰC
- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và   PHÓ CỤC TRƯỞNG CỤC CẢNH SÁT ĐTTP VỀ
các tổ chức chính trị - xã hội tỉnh;                        MA TÚY
- Các cơ quan, đơn vị, doanh
                                                          Phạm Thu Hải
nghiệp có hoạt động liên quan;
- Lưu: VT, NC.
";
        assert_eq!(
            pieces(text),
            [
                "Nơi nhận:",
                "KT. TỔ TRƯỞNG",
                "- Ban Giám hiệu;",
                "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC",
                "- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh;",
                "PHÓ CỤC TRƯỞNG CỤC CẢNH SÁT ĐTTP VỀ",
                "MA TÚY",
                "- Các cơ quan, đơn vị, doanh nghiệp có hoạt động liên quan;",
                "Phạm Thu Hải",
                "- Lưu: VT, NC.",
            ]
        );
    }

    #[test]
    fn the_headers_columns_are_read_line_by_line_as_before() {
        let text = "          UBND TỈNH LẠNG SƠN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
              SỞ TƯ PHÁP                        Độc lập - Tự do - Hạnh phúc
           Số: 45/KH-STP                    Lạng Sơn, ngày 10 tháng 3 năm 2025

                                  KẾ HOẠCH
             Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025
      Thực hiện Kế hoạch số 56/KH-UBND ngày 21/02/2025 của Ủy ban nhân dân tỉnh, Sở
Tư pháp xây dựng Kế hoạch như sau:
";
        let rows = parts(text);
        let side: Vec<&str> = rows
            .iter()
            .flatten()
            .filter(|p| p.side)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(
            side,
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Lạng Sơn, ngày 10 tháng 3 năm 2025"
            ]
        );
        assert_eq!(
            pieces(text),
            [
                "UBND TỈNH LẠNG SƠN",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "SỞ TƯ PHÁP",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 45/KH-STP",
                "Lạng Sơn, ngày 10 tháng 3 năm 2025",
                "KẾ HOẠCH",
                "Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025",
                "Thực hiện Kế hoạch số 56/KH-UBND ngày 21/02/2025 của Ủy ban nhân dân tỉnh, \
                 Sở Tư pháp xây dựng Kế hoạch như sau:",
            ]
        );
    }
}
