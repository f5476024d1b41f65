//! What the other steps did not find, guessed from the text and listed
//! in the report, or written as a visible placeholder.

use std::sync::LazyLock;

use regex::Regex;

use super::header::Header;
use super::{Findings, text_of};
use crate::import::source::Piece;
use crate::model::Issuer;

/// The header's fields a plan cannot do without, found or guessed.
#[derive(Debug)]
pub(super) struct Filled {
    pub(super) issuer: Issuer,
    pub(super) place: String,
    pub(super) date: String,
    pub(super) title: String,
}

/// What the header did not give, guessed from the text and listed:
/// `Sở Tư pháp tỉnh Hà Tĩnh` gives the issuer and the place, the most
/// frequent year the date, the preamble's `xây dựng Kế hoạch …` the title.
pub(super) fn guess_missing(pieces: &[Piece], head: &Header, out: &mut Findings) -> Filled {
    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(Sở [\p{Lu}][\p{L}]*(?: [\p{Ll}][\p{L}]*){0,3}?|Văn phòng [\p{Lu}][\p{L}]*(?: [\p{L}]+){0,3}?|Ủy ban nhân dân) (tỉnh|thành phố) (\p{Lu}\p{L}*(?: \p{Lu}\p{L}*){0,3})").unwrap()
    });
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(20\d\d)\b").unwrap());
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:xây dựng|ban hành) [Kk]ế hoạch (.{10,200}?)(?:,? (?:cụ thể|gồm|như sau)|[.:;])",
        )
        .unwrap()
    });
    let all: String = pieces
        .iter()
        .filter_map(text_of)
        .collect::<Vec<_>>()
        .join("\n");
    static SO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bSở \p{Lu}\p{Ll}* \p{Ll}+").unwrap());
    static PROVINCE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\btỉnh (\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*)?)").unwrap());
    let body = BODY.captures(&all);
    // The province named most often: where a Sở sits.
    let province = body
        .as_ref()
        .map(|c| c[3].to_owned())
        .or_else(|| most_frequent(&PROVINCE, &all));
    let mut issuer = match head.issuer.clone().filter(|i| !i.name.is_empty()) {
        Some(issuer) => issuer,
        None => {
            let in_text = body
                .as_ref()
                .map(|c| c[1].to_owned())
                .or_else(|| SO.find(&all).map(|m| m.as_str().to_owned()))
                .unwrap_or_default();
            let issuer = Issuer {
                parent: province
                    .as_ref()
                    .map(|p| format!("UBND TỈNH {}", p.to_uppercase())),
                name: in_text.to_uppercase(),
                abbreviation: String::new(),
                name_in_text: Some(in_text),
            };
            out.guessed.push(format!(
                "cơ quan ban hành đoán từ nội dung: {}",
                super::shown(&issuer)
            ));
            issuer
        }
    };
    let mut place = head.place.clone();
    if place.is_none()
        && let Some(province) = &province
    {
        place = Some(province.clone());
        out.guessed
            .push(format!("địa danh đoán từ nội dung: {province}"));
    }
    // What no guess found is written as a visible placeholder, so that the
    // plan renders and the report says what to fill in.
    if issuer.name.is_empty() {
        issuer.name = "TÊN CƠ QUAN BAN HÀNH".into();
        out.guessed
            .push("không thấy tên cơ quan ban hành: ghi tạm \"TÊN CƠ QUAN BAN HÀNH\"".into());
    }
    issuer.abbreviation = match head.symbol.as_deref().and_then(|s| s.rsplit('-').next()) {
        Some(a) => a.to_owned(),
        None => crate::vietnamese::initials(&issuer.name),
    };
    let mut date = head.date.clone();
    if date.is_none()
        && let Some(year) = most_frequent(&YEAR, &all)
    {
        out.guessed.push(format!(
            "không thấy ngày ban hành: đặt năm {year} (năm gặp nhiều nhất trong bài)"
        ));
        date = Some(year);
    }
    let title = head.title.clone().unwrap_or_else(|| {
        let title = TITLE
            .captures(&all)
            .map(|c| crate::vietnamese::capitalise(c[1].trim()));
        let title = title.unwrap_or_else(|| "Kế hoạch (chưa nhận ra trích yếu)".into());
        out.guessed
            .push(format!("không thấy trích yếu: đoán \"{title}\""));
        title
    });
    let place = place.unwrap_or_else(|| {
        out.guessed
            .push("không thấy địa danh: ghi tạm \"Địa danh\"".into());
        "Địa danh".into()
    });
    if issuer.abbreviation.is_empty() {
        issuer.abbreviation = "CQ".into();
    }
    let date = date.unwrap_or_else(|| {
        out.guessed
            .push("không thấy năm nào trong bài: đặt năm nay".into());
        crate::date::today().0.to_string()
    });
    Filled {
        issuer,
        place,
        date,
        title,
    }
}

/// The first group of `pattern` met most often in `text`; ties go to the
/// later one in sort order (the later year).
fn most_frequent(pattern: &Regex, text: &str) -> Option<String> {
    let mut counts = std::collections::BTreeMap::new();
    for c in pattern.captures_iter(text) {
        *counts.entry(c[1].to_owned()).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(found, _)| found)
}
