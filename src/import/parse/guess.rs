//! The header fields the header did not give. They stay empty in the plan
//! — the render prints a visible mark, `check` names them — and the
//! report says `không thấy`, with what the text suggests and the line it
//! comes from, for the clerk to judge. Nothing from the body is ever
//! written into the header: a plan that names `Sở Tư pháp tỉnh Hà Tĩnh`
//! in a sentence may well be another body's.

use std::sync::LazyLock;

use regex::Regex;

use super::header::Header;
use super::{Findings, text_of};
use crate::import::source::Piece;
use crate::model::Issuer;

/// The header as read: what was not found is empty.
#[derive(Debug)]
pub(super) struct Filled {
    pub(super) issuer: Issuer,
    pub(super) place: String,
    pub(super) date: Option<String>,
    pub(super) title: String,
}

/// The header's fields as the header gave them; for each one it did not,
/// a `không thấy` line in the report, with a hint from the text if any.
pub(super) fn fill(pieces: &[Piece], head: &Header, unit: &str, out: &mut Findings) -> Filled {
    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:Sở [\p{Lu}][\p{L}]*(?: [\p{Ll}][\p{L}]*){0,3}?|Văn phòng [\p{Lu}][\p{L}]*(?: [\p{L}]+){0,3}?|Ủy ban nhân dân) (?:tỉnh|thành phố) \p{Lu}\p{L}*(?: \p{Lu}\p{L}*){0,3}").unwrap()
    });
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:xây dựng|ban hành) [Kk]ế hoạch (.{10,200}?)(?:,? (?:cụ thể|gồm|như sau)|[.:;])",
        )
        .unwrap()
    });
    // The first place in the text a pattern matches, and the line (or
    // paragraph) it is on: offered, never written.
    let hint = |pattern: &Regex, group: usize| {
        pieces.iter().find_map(|p| {
            let found = pattern.captures(text_of(p)?)?;
            Some(format!(
                "; trong bài có \"{}\" ({unit} {})",
                &found[group],
                p.at()
            ))
        })
    };
    let mut issuer = head.issuer.clone().unwrap_or_else(|| Issuer {
        parent: None,
        name: String::new(),
        abbreviation: String::new(),
        name_in_text: None,
    });
    if issuer.name.is_empty() {
        out.guessed.push(format!(
            "không thấy tên cơ quan ban hành ở phần đầu văn bản: để trống{}",
            hint(&BODY, 0).unwrap_or_default()
        ));
    }
    // The ký hiệu's last group is the body's own abbreviation.
    issuer.abbreviation = head
        .symbol
        .as_deref()
        .and_then(|s| s.rsplit('-').next())
        .unwrap_or_default()
        .to_owned();
    if head.place.is_none() {
        out.guessed
            .push("không thấy địa danh (dòng \"…, ngày … tháng … năm …\"): để trống".into());
    }
    if head.date.is_none() {
        out.guessed
            .push("không thấy ngày ban hành: để trống cả năm".into());
    }
    if head.title.is_none() {
        out.guessed.push(format!(
            "không thấy trích yếu dưới tên loại văn bản: để trống{}",
            hint(&TITLE, 1).unwrap_or_default()
        ));
    }
    Filled {
        issuer,
        place: head.place.clone().unwrap_or_default(),
        date: head.date.clone(),
        title: head.title.clone().unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use crate::import::text;

    #[test]
    fn a_header_not_found_stays_empty_and_the_text_is_only_offered() {
        let source = text::read(
            "KẾ HOẠCH\n\nI. MỤC ĐÍCH\nSở Tư pháp tỉnh Hà Tĩnh xây dựng Kế hoạch thi đua năm 2024 như sau:\n- Nội dung.\nNơi nhận:\n- UBND tỉnh;\n"
                .as_bytes(),
        )
        .unwrap();
        let parsed = parse(&source);
        let plan = &parsed.plan;
        assert_eq!(plan.issuer.name, "");
        assert_eq!(plan.issuer.parent, None);
        assert_eq!(plan.issuer.abbreviation, "");
        assert_eq!(plan.place, "");
        assert_eq!(plan.date, None, "a year of the body is not the plan's date");
        assert_eq!(plan.title, "");
        assert_eq!(plan.archive, "", "no `Lưu:` line, no archive");
        let report = parsed.findings.guessed.join("\n");
        assert!(
            report.contains("không thấy tên cơ quan ban hành")
                && report.contains("\"Sở Tư pháp tỉnh Hà Tĩnh\" (dòng 4)"),
            "{report}"
        );
        assert!(report.contains("không thấy trích yếu"), "{report}");
    }
}
