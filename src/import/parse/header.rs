//! The header before `KẾ HOẠCH`: cơ quan, số and ký hiệu, địa danh and
//! date; and the trích yếu (and a subtitle) after it.

use std::sync::LazyLock;

use regex::Regex;

use super::fields::{number_symbol, place_date, unspaced};
use super::{Findings, bare, plain, text_of};
use crate::import::source::Piece;
use crate::import::text::{MARKER, is_caps};
use crate::model::{Block, Issuer};

/// What the header gives, each field only where the text has it: the
/// guesses ([`super::guess`]) fill the rest.
#[derive(Debug, Default)]
pub(super) struct Header {
    /// Without its abbreviation, which comes from the ký hiệu or the name.
    pub(super) issuer: Option<Issuer>,
    pub(super) number: Option<u32>,
    pub(super) symbol: Option<String>,
    pub(super) place: Option<String>,
    pub(super) date: Option<String>,
    pub(super) title: Option<String>,
    pub(super) subtitle: Option<String>,
}

/// Reads the header before piece `k` (`KẾ HOẠCH`) and the trích yếu after
/// it. Returns where the body starts, and the header's text that is
/// neither cơ quan, số nor date, which opens the preamble.
pub(super) fn header_and_title(
    pieces: &[Piece],
    k: usize,
    head: &mut Header,
    out: &mut Findings,
) -> (usize, Vec<Block>) {
    let stray = header(&pieces[..k], head, out);
    let rest = plain(text_of(&pieces[k]).unwrap_or_default())
        .trim_start_matches("KẾ HOẠCH")
        .trim_start_matches("QUYẾT ĐỊNH")
        .trim()
        .to_owned();
    let mut body_from = k + 1;
    let next_title = pieces
        .get(k + 1)
        .and_then(text_of)
        .filter(|t| !t.ends_with(['.', ';', ':']) && !MARKER.is_match(t));
    let title = match next_title {
        Some(t) if rest.is_empty() => {
            body_from += 1;
            plain(t).to_owned()
        }
        // `KẾ HOẠCH HÀNH ĐỘNG` over `Thực hiện Chỉ thị …`: the model prints
        // `KẾ HOẠCH`, so the name's other words open the trích yếu.
        Some(t) if is_caps(&rest) && !is_caps(plain(t)) => {
            body_from += 1;
            out.found.push(format!(
                "tên loại văn bản \"KẾ HOẠCH {rest}\": \"{rest}\" đưa vào đầu trích yếu"
            ));
            format!(
                "{} {}",
                crate::vietnamese::capitalise(&rest.to_lowercase()),
                lower_first(plain(t))
            )
        }
        _ => rest,
    };
    // A trích yếu over several lines: the next ones are bold like it, or
    // go on mid-sentence in lower case.
    let mut title = title;
    let bold = |t: &str| t.starts_with("**") && t.ends_with("**");
    let first_bold = pieces
        .get(body_from - 1)
        .and_then(text_of)
        .is_some_and(bold);
    while let Some(next) = pieces.get(body_from).and_then(text_of)
        && !title.is_empty()
        && !MARKER.is_match(plain(next))
        && !next.trim_start_matches('*').starts_with(['(', '-'])
        && (first_bold && bold(next) || plain(next).starts_with(|c: char| c.is_lowercase()))
    {
        title = format!("{title} {}", plain(next));
        body_from += 1;
    }
    // A decision's trích yếu names the plan it issues.
    for issues in [
        "BAN HÀNH KẾ HOẠCH ",
        "Ban hành Kế hoạch ",
        "Ban hành kế hoạch ",
    ] {
        if let Some(plan) = title.strip_prefix(issues) {
            title = plan.to_owned();
            out.guessed
                .push("trích yếu lấy từ quyết định ban hành kế hoạch".into());
        }
    }
    if !title.is_empty() {
        out.found.push(format!("trích yếu: \"{title}\""));
        head.title = Some(title);
    }
    if let Some(sub) = pieces.get(body_from).and_then(text_of)
        && bare(sub).starts_with('(')
        && bare(sub).ends_with(')')
    {
        head.subtitle = Some(plain(sub).to_owned());
        body_from += 1;
    }
    (body_from, stray)
}

/// `Thực hiện …` → `thực hiện …`: a sentence's first word going on another.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// Quốc hiệu and tiêu ngữ, however OCR spaced their letters.
static QUOC_HIEU: LazyLock<Regex> = LazyLock::new(|| {
    let phrases = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ];
    let spaced: Vec<String> = phrases
        .iter()
        .map(|p| super::fields::spaced_pattern(p))
        .collect();
    Regex::new(&format!("(?i){}", spaced.join("|"))).unwrap()
});

/// Cơ quan, số and ký hiệu, địa danh and date, from the lines before
/// `KẾ HOẠCH` in any of their extracted shapes.
/// Returns the header's other text, which the preamble takes.
pub(super) fn header(pieces: &[Piece], head: &mut Header, out: &mut Findings) -> Vec<Block> {
    let mut stray = Vec::new();
    let mut issuer_lines = Vec::new();
    let pieces = &dates_whole(pieces);
    for piece in pieces {
        let Some(text) = text_of(piece) else {
            out.unplaced
                .push((piece.at(), "một bảng trước chữ KẾ HOẠCH".into()));
            continue;
        };
        // The rules under the names, typed as dashes or underscores.
        static RULE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\s*(?:-{3,}|_{3,}|[–—]{2,})\s*").unwrap());
        // A pipe table's empty cells (`| |`) are no text.
        let text = plain(text).replace('|', "  ");
        let text = unspaced(&text);
        let line = QUOC_HIEU.replace_all(&text, " ");
        let mut line = RULE.replace_all(&line, "  ").into_owned();
        if let Some(read) = number_symbol(&line) {
            head.number = read.number;
            if let Some(bad) = &read.bad_number {
                out.guessed
                    .push(format!("số \"{bad}\" không hợp lệ: để trống"));
            }
            out.found
                .push(format!("số, ký hiệu: \"{}\"", read.matched.trim()));
            head.symbol = Some(read.symbol);
            line = line.replace(&read.matched, " ");
        }
        if let Some(read) = place_date(&line) {
            // A date no calendar has keeps its year only, and says so.
            let real = |d: &str| crate::date::PlanDate::parse(d).is_ok();
            let year = &read.date[..4];
            let date = if real(&read.date) {
                Some(read.date.clone())
            } else {
                out.guessed.push(format!(
                    "ngày \"{}\" không có thật: chỉ giữ năm",
                    read.matched.trim()
                ));
                real(year).then(|| year.to_owned())
            };
            out.found.push(format!(
                "địa danh, ngày: \"{}\", {}",
                read.place,
                date.as_deref().unwrap_or("không rõ")
            ));
            head.place = Some(read.place);
            // A later line's date replaces an earlier one; a later date no
            // calendar has does not remove it.
            if date.is_some() {
                head.date = date;
            }
            line = line.replace(&read.matched, " ");
        }
        // Two columns run together leave the left column's words.
        for part in line.split("  ").map(str::trim).filter(|p| !p.is_empty()) {
            if is_caps(part) {
                issuer_lines.extend(split_bodies(part));
            } else if part.chars().any(char::is_alphanumeric) {
                out.unplaced
                    .push((piece.at(), format!("\"{part}\" (đưa vào phần mở đầu)")));
                stray.push(Block::Paragraph(part.to_owned()));
            }
        }
    }
    let issuer_lines = whole_names(issuer_lines);
    let Some((name, parent)) = issuer_lines.split_last() else {
        return stray;
    };
    let issuer = Issuer {
        parent: (!parent.is_empty()).then(|| parent.join("\n")),
        name: name.clone(),
        abbreviation: String::new(),
        name_in_text: None,
    };
    out.found
        .push(format!("cơ quan: {}", super::shown(&issuer)));
    head.issuer = Some(issuer);
    stray
}

/// The date line whole again where its blanks were wide enough for a reader
/// to cut it into columns (`Tuyên Quang, ngày` | `tháng` | `năm 2027`, its
/// day and month left for the văn thư): a piece that ends waiting for the
/// date's next part takes the pieces that give it.
fn dates_whole(pieces: &[Piece]) -> Vec<Piece> {
    let waiting = |text: &str| {
        let t = text.trim_end_matches([' ', '.', '…', '_']);
        t.ends_with("ngày") || t.ends_with("tháng")
    };
    let mut out: Vec<Piece> = Vec::new();
    for piece in pieces {
        if let (Some(Piece::Text { text: prev, .. }), Piece::Text { text, .. }) =
            (out.last_mut(), piece)
            && waiting(prev)
            && (text.trim_start().starts_with("tháng") || text.trim_start().starts_with("năm"))
        {
            prev.push(' ');
            prev.push_str(text.trim());
            continue;
        }
        out.push(piece.clone());
    }
    out
}

/// The header's lines of capitals as body names, the issuer last and its
/// parents above it. A line that does not open with the kind of a body
/// goes on the name above it (`ỦY BAN NHÂN DÂN` / `TỈNH LÂM ĐỒNG`, `BỘ TÀI
/// NGUYÊN VÀ` / `MÔI TRƯỜNG`, `ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH` / `SỐ
/// 1050/QĐ-SCT`, `BAN CHỈ ĐẠO QUỐC GIA` / `PHÒNG, CHỐNG THIÊN TAI`), so a
/// body whose name Word broke over two lines is not read as its own
/// parent.
fn whole_names(lines: Vec<String>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in lines {
        let goes_on = names.last().is_some_and(|prev: &String| {
            !opens_a_body(&line) || prev.ends_with([',', '-']) || prev.ends_with(" VÀ")
        });
        match names.last_mut() {
            // The original's line break is kept: the name fits its column.
            Some(prev) if goes_on => {
                prev.push('\n');
                prev.push_str(&line);
            }
            _ => names.push(line),
        }
    }
    // An issuer of up to three lines under its parents: what is above is
    // the parents'.
    names
}

/// A line that holds several bodies' names run together (a portal's
/// header cell: `UBND TỈNH TUYÊN QUANG SỞ GIÁO DỤC VÀ ĐÀO TẠO`), as one
/// name each: cut before a word that opens a body, where what is before
/// is a name of more than one word that does not go on (`… VÀ`, `MÔI`
/// before `TRƯỜNG`) and what is after names more than a kind.
fn split_bodies(line: &str) -> Vec<String> {
    const KINDS: &[&str] = &[
        "UBND",
        "ỦY BAN",
        "UỶ BAN",
        "HĐND",
        "BỘ",
        "SỞ",
        "BAN",
        "TRƯỜNG",
        "ĐOÀN",
        "TỔNG CỤC",
        "CỤC",
        "CHI CỤC",
        "TRUNG TÂM",
        "PHÒNG",
        "VĂN PHÒNG",
        "VIỆN",
        "CÔNG AN",
        "THANH TRA",
    ];
    // Words that make a compound with the next one (`MÔI TRƯỜNG`, `TẬP
    // ĐOÀN`, `CỤC` in `TỔNG CỤC`), where no new name starts.
    const JOINED: &[&str] = &[
        "MÔI", "THỊ", "TẬP", "LIÊN", "CÔNG", "TỔNG", "CHI", "ỦY", "UỶ", "VĂN", "HỌC", "PHỤC",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut names: Vec<String> = Vec::new();
    let mut from = 0;
    for k in 2..words.len() {
        let rest = words[k..].join(" ");
        let Some(kind) = KINDS.iter().find(|kind| {
            rest.strip_prefix(**kind)
                .is_some_and(|r| r.starts_with(' '))
        }) else {
            continue;
        };
        let before = &words[from..k];
        let after_kind = rest[kind.len()..].split_whitespace().count();
        let goes_on = JOINED.contains(&words[k - 1])
            || ["VÀ", "-", "–"].contains(&words[k - 1])
            || words[k - 1].ends_with(',');
        if before.len() >= 2 && after_kind >= 1 && !goes_on && !words[k].ends_with(',') {
            names.push(before.join(" "));
            from = k;
        }
    }
    names.push(words[from..].join(" "));
    names
}

/// Whether a line of capitals starts a body's name by the kind of body it
/// names (`SỞ`, `BAN`, `TRƯỜNG`, `UBND` …), not a word that goes on one
/// (`TỈNH LÂM ĐỒNG`, `PHÒNG, CHỐNG …`, `SỐ 1050/QĐ-SCT`).
fn opens_a_body(line: &str) -> bool {
    const KINDS: &[&str] = &[
        "ỦY BAN",
        "UỶ BAN",
        "UBND",
        "HỘI ĐỒNG",
        "HĐND",
        "BỘ",
        "SỞ",
        "BAN",
        "TỔNG CỤC",
        "CỤC",
        "CHI CỤC",
        "VỤ",
        "VIỆN",
        "HỌC VIỆN",
        "ĐẠI HỌC",
        "TRƯỜNG",
        "TRUNG TÂM",
        "PHÒNG",
        "VĂN PHÒNG",
        "THANH TRA",
        "TÒA ÁN",
        "TOÀ ÁN",
        "CÔNG AN",
        "BỘ CHỈ HUY",
        "BỘ TƯ LỆNH",
        "QUÂN KHU",
        "ĐOÀN",
        "TỔ",
        "HỘI",
        "LIÊN ĐOÀN",
        "ĐẢNG ỦY",
        "ĐẢNG UỶ",
        "TỈNH ỦY",
        "TỈNH UỶ",
        "THÀNH ỦY",
        "THÀNH UỶ",
        "HUYỆN ỦY",
        "HUYỆN UỶ",
        "THỦ TƯỚNG",
        "CHÍNH PHỦ",
        "CHỦ TỊCH",
        "BỆNH VIỆN",
        "KHO BẠC",
        "BẢO HIỂM",
        "NGÂN HÀNG",
        "TẬP ĐOÀN",
        "TỔNG CÔNG TY",
        "CÔNG TY",
        "ĐÀI",
        "BÁO",
        "KIỂM TOÁN",
        "HẢI QUAN",
        "CHI NHÁNH",
        "BỘ ĐỘI",
        "BAN QUẢN LÝ",
        "MẶT TRẬN",
        "HIỆP HỘI",
        "LIÊN HIỆP",
    ];
    let first_word_ends = line
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with(','));
    !first_word_ends
        && KINDS.iter().any(|k| {
            line.strip_prefix(k)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
}

#[cfg(test)]
mod tests {
    use super::{split_bodies, whole_names};

    #[test]
    fn names_run_together_are_cut_at_the_next_body() {
        assert_eq!(
            split_bodies("UBND TỈNH TUYÊN QUANG SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
            ["UBND TỈNH TUYÊN QUANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
        );
        assert_eq!(
            split_bodies(
                "UBND TỈNH BÀ RỊA - VŨNG TÀU SỞ GIÁO DỤC VÀ ĐÀO TẠO TRƯỜNG THPT PHƯỚC BỬU"
            ),
            [
                "UBND TỈNH BÀ RỊA - VŨNG TÀU",
                "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                "TRƯỜNG THPT PHƯỚC BỬU"
            ]
        );
        for one in [
            "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
            "BỘ CÔNG AN",
            "BAN TUYÊN GIÁO TỈNH ỦY",
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
            "BAN CHỈ ĐẠO QUỐC GIA PHÒNG, CHỐNG THIÊN TAI",
            "TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM",
        ] {
            assert_eq!(split_bodies(one), [one]);
        }
    }

    #[test]
    fn a_date_cut_at_its_blanks_is_whole_again() {
        use crate::import::source::Piece;
        let piece = |text: &str| Piece::Text {
            at: 4,
            text: text.into(),
        };
        let pieces = [
            piece("Tuyên Quang, ngày"),
            piece("tháng"),
            piece("năm 2027"),
        ];
        assert_eq!(
            super::dates_whole(&pieces),
            [piece("Tuyên Quang, ngày tháng năm 2027")]
        );
    }

    #[test]
    fn a_name_broken_over_lines_is_one_body() {
        let lines = |l: &[&str]| whole_names(l.iter().map(|s| s.to_string()).collect());
        assert_eq!(
            lines(&["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]),
            ["ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"]
        );
        assert_eq!(
            lines(&[
                "SỞ CÔNG THƯƠNG",
                "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH",
                "SỐ 1050/QĐ-SCT"
            ]),
            [
                "SỞ CÔNG THƯƠNG",
                "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH\nSỐ 1050/QĐ-SCT"
            ]
        );
        assert_eq!(
            lines(&["BAN CHỈ ĐẠO QUỐC GIA", "PHÒNG, CHỐNG THIÊN TAI"]),
            ["BAN CHỈ ĐẠO QUỐC GIA\nPHÒNG, CHỐNG THIÊN TAI"]
        );
        assert_eq!(
            lines(&["UBND TỈNH LẠNG SƠN", "SỞ TƯ PHÁP"]),
            ["UBND TỈNH LẠNG SƠN", "SỞ TƯ PHÁP"]
        );
    }
}
