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
    let title = if rest.is_empty() {
        match pieces.get(k + 1).and_then(text_of) {
            Some(t) if !t.ends_with(['.', ';', ':']) && !MARKER.is_match(t) => {
                body_from += 1;
                plain(t).to_owned()
            }
            _ => String::new(),
        }
    } else {
        rest
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

static QUOC_HIEU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc").unwrap()
});

/// Cơ quan, số and ký hiệu, địa danh and date, from the lines before
/// `KẾ HOẠCH` in any of their extracted shapes.
/// Returns the header's other text, which the preamble takes.
pub(super) fn header(pieces: &[Piece], head: &mut Header, out: &mut Findings) -> Vec<Block> {
    let mut stray = Vec::new();
    let mut issuer_lines = Vec::new();
    for piece in pieces {
        let Some(text) = text_of(piece) else {
            out.unplaced
                .push((piece.at(), "một bảng trước chữ KẾ HOẠCH".into()));
            continue;
        };
        // The rules under the names, typed as dashes: `-------`.
        static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*-{3,}\s*").unwrap());
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
                issuer_lines.push(part.to_owned());
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
        parent: (!parent.is_empty()).then(|| parent.join(" ")),
        name: name.clone(),
        abbreviation: String::new(),
        name_in_text: None,
    };
    out.found
        .push(format!("cơ quan: {}", super::shown(&issuer)));
    head.issuer = Some(issuer);
    stray
}

/// The header's lines of capitals as body names: a name Word broke over
/// two lines is one (`ỦY BAN NHÂN DÂN` / `TỈNH LÂM ĐỒNG`, `BỘ TÀI NGUYÊN
/// VÀ` / `MÔI TRƯỜNG`), so a UBND is not read as its own parent.
fn whole_names(lines: Vec<String>) -> Vec<String> {
    const UNITS: [&str; 8] = [
        "TỈNH ",
        "THÀNH PHỐ ",
        "HUYỆN ",
        "QUẬN ",
        "THỊ XÃ ",
        "XÃ ",
        "PHƯỜNG ",
        "ĐẶC KHU ",
    ];
    const COUNCILS: [&str; 3] = ["ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"];
    let mut names: Vec<String> = Vec::new();
    for line in lines {
        let goes_on = names.last().is_some_and(|prev: &String| {
            COUNCILS.contains(&prev.as_str()) && UNITS.iter().any(|u| line.starts_with(u))
                || prev.ends_with(" VÀ")
                || prev.ends_with(',')
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
    names
}
