//! The header before `KẾ HOẠCH`: cơ quan, số and ký hiệu, địa danh and
//! date; and the trích yếu (and a subtitle) after it.

use std::sync::LazyLock;

use regex::Regex;

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
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Số\s*:\s*(\d*)\s*/\s*([A-ZĐ0-9][A-ZĐ0-9\-]*)").unwrap());
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}]*){0,3})\s*,\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})").unwrap()
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
        let line = QUOC_HIEU.replace_all(plain(text), " ");
        let mut line = RULE.replace_all(&line, "  ").into_owned();
        if let Some(c) = NUMBER.captures(&line) {
            match c[1].parse::<u32>() {
                Ok(n) if n >= 1 => head.number = Some(n),
                _ if !c[1].is_empty() => out
                    .guessed
                    .push(format!("số \"{}\" không hợp lệ: để trống", &c[1])),
                _ => {}
            }
            head.symbol = Some(c[2].to_owned());
            out.found.push(format!("số, ký hiệu: \"{}\"", c[0].trim()));
            line = line.replace(&c[0], " ");
        }
        if let Some(c) = DATE.captures(&line) {
            let place = c[1].trim().to_owned();
            let date = match (c.get(2), c.get(3)) {
                (Some(d), Some(m)) => {
                    format!("{}-{:02}-{:02}", &c[4], num(m.as_str()), num(d.as_str()))
                }
                (None, Some(m)) => format!("{}-{:02}", &c[4], num(m.as_str())),
                _ => c[4].to_owned(),
            };
            // A date no calendar has keeps its year only, and says so.
            let real = |d: &str| crate::date::PlanDate::parse(d).is_ok();
            let date = if real(&date) {
                Some(date)
            } else {
                out.guessed.push(format!(
                    "ngày \"{}\" không có thật: chỉ giữ năm",
                    c[0].trim()
                ));
                real(&c[4]).then(|| c[4].to_owned())
            };
            out.found.push(format!(
                "địa danh, ngày: \"{place}\", {}",
                date.as_deref().unwrap_or("không rõ")
            ));
            head.place = Some(place);
            // A later line's date replaces an earlier one; a later date no
            // calendar has does not remove it.
            if date.is_some() {
                head.date = date;
            }
            line = line.replace(&c[0], " ");
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

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}
