//! What the other steps did not find, guessed from the text and listed
//! in the report, or written as a visible placeholder.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value, json};

use super::{Parsed, text_of};
use crate::import::source::Piece;

/// What the header did not give, guessed from the text and listed:
/// `Sở Tư pháp tỉnh Hà Tĩnh` gives the issuer and the place, the most
/// frequent year the date, the preamble's `xây dựng Kế hoạch …` the title.
pub(super) fn guess_missing(pieces: &[Piece], plan: &mut Map<String, Value>, out: &mut Parsed) {
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
    if !plan.contains_key("issuer") || plan["issuer"]["name"].as_str().is_none_or(str::is_empty) {
        let in_text = body
            .as_ref()
            .map(|c| c[1].to_owned())
            .or_else(|| SO.find(&all).map(|m| m.as_str().to_owned()))
            .unwrap_or_default();
        let mut issuer = json!({ "name": in_text.to_uppercase(), "name_in_text": in_text });
        if let Some(province) = &province {
            issuer["parent"] = format!("UBND TỈNH {}", province.to_uppercase()).into();
        }
        out.guessed
            .push(format!("cơ quan ban hành đoán từ nội dung: {issuer}"));
        plan.insert("issuer".into(), issuer);
    }
    if !plan.contains_key("place")
        && let Some(province) = &province
    {
        plan.insert("place".into(), province.clone().into());
        out.guessed
            .push(format!("địa danh đoán từ nội dung: {province}"));
    }
    // What no guess found is written as a visible placeholder, so that the
    // plan renders and the report says what to fill in.
    if plan["issuer"]["name"].as_str().is_none_or(str::is_empty) {
        plan["issuer"]["name"] = "TÊN CƠ QUAN BAN HÀNH".into();
        out.guessed
            .push("không thấy tên cơ quan ban hành: ghi tạm \"TÊN CƠ QUAN BAN HÀNH\"".into());
    }
    let symbol = plan
        .get("symbol")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let abbreviation = match symbol.as_deref().and_then(|s| s.rsplit('-').next()) {
        Some(a) => a.to_owned(),
        None => crate::vietnamese::initials(plan["issuer"]["name"].as_str().unwrap_or_default()),
    };
    plan["issuer"]["abbreviation"] = abbreviation.into();
    if !plan.contains_key("date")
        && let Some(year) = most_frequent(&YEAR, &all)
    {
        out.guessed.push(format!(
            "không thấy ngày ban hành: đặt năm {year} (năm gặp nhiều nhất trong bài)"
        ));
        plan.insert("date".into(), year.into());
    }
    if !plan.contains_key("title") {
        let title = TITLE
            .captures(&all)
            .map(|c| crate::vietnamese::capitalise(c[1].trim()));
        let title = title.unwrap_or_else(|| "Kế hoạch (chưa nhận ra trích yếu)".into());
        out.guessed
            .push(format!("không thấy trích yếu: đoán \"{title}\""));
        plan.insert("title".into(), title.into());
    }
    if !plan.contains_key("place") {
        plan.insert("place".into(), "Địa danh".into());
        out.guessed
            .push("không thấy địa danh: ghi tạm \"Địa danh\"".into());
    }
    if plan["issuer"]["abbreviation"]
        .as_str()
        .is_none_or(str::is_empty)
    {
        plan["issuer"]["abbreviation"] = "CQ".into();
    }
    if !plan.contains_key("date") {
        plan.insert("date".into(), crate::date::today().0.to_string().into());
        out.guessed
            .push("không thấy năm nào trong bài: đặt năm nay".into());
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
