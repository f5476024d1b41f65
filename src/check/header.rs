//! Checks of the header and the signer: ký hiệu, number, date, place,
//! capitals, the authority stack and the signer's name.

use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, Severity};
use crate::date::PlanDate;
use crate::model::{AuthorityPrefix, Plan};

/// How far ahead of today a plan may be dated (drafts are dated ahead).
const DAYS_AHEAD: i64 = 60;

pub fn check(plan: &Plan, today: (i32, u32, u32), out: &mut Vec<Finding>) {
    let symbol = plan
        .symbol
        .clone()
        .unwrap_or_else(|| format!("KH-{}", plan.issuer.abbreviation));
    out.extend(symbol_findings(&symbol, &plan.issuer.abbreviation));
    if plan.number.is_some_and(|n| n > 9999) {
        out.push(Finding::new(
            Severity::Warning,
            "R-SO",
            "number",
            "số văn bản lớn bất thường",
        ));
    }
    if let Some(date) = plan.date.as_deref().and_then(|d| PlanDate::parse(d).ok()) {
        let (y, m, d) = (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1));
        if ordinal(y, m, d) > ordinal(today.0, today.1, today.2) + DAYS_AHEAD {
            out.push(Finding::new(
                Severity::Warning,
                "R-DATE",
                "date",
                format!(
                    "ngày ban hành {} còn xa trong tương lai",
                    plan.date.as_deref().unwrap_or_default()
                ),
            ));
        }
    }
    if !plan.place.split_whitespace().all(starts_upper) {
        out.push(
            Finding::new(
                Severity::Warning,
                "R-PLACE",
                "place",
                "địa danh phải viết hoa chữ cái đầu mỗi tiếng",
            )
            .suggest(title_case(&plan.place)),
        );
    }
    for (path, name) in [
        ("issuer.name", Some(&plan.issuer.name)),
        ("issuer.parent", plan.issuer.parent.as_ref()),
    ] {
        if let Some(name) = name.filter(|n| **n != n.to_uppercase()) {
            out.push(
                Finding::new(
                    Severity::Error,
                    "R-CQ",
                    path,
                    "tên cơ quan phải viết in hoa",
                )
                .suggest(name.to_uppercase()),
            );
        }
    }
    out.extend(signer_findings(plan));
}

/// `KH-STP`: type and body in capitals, `-` between groups, no spaces; the
/// last group is the issuer's abbreviation.
pub fn symbol_findings(symbol: &str, abbreviation: &str) -> Vec<Finding> {
    static SHAPE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[A-ZĐ][A-ZĐa-zđ]*(?:-[A-ZĐ0-9][A-ZĐ0-9a-zđ]*)+$").unwrap());
    let mut out = Vec::new();
    if !SHAPE.is_match(symbol) {
        out.push(Finding::new(Severity::Error, "R-SO", "symbol", format!("ký hiệu \"{symbol}\" sai dạng: các nhóm chữ in hoa nối bằng \"-\", không có dấu cách")));
    } else if !symbol.starts_with("KH-") {
        out.push(Finding::new(
            Severity::Warning,
            "R-SO",
            "symbol",
            format!("ký hiệu kế hoạch bắt đầu bằng \"KH-\", không phải \"{symbol}\""),
        ));
    }
    if !symbol.ends_with(abbreviation) {
        out.push(Finding::new(Severity::Warning, "R-SO", "symbol", format!("ký hiệu \"{symbol}\" không kết thúc bằng tên viết tắt của cơ quan \"{abbreviation}\"")));
    }
    out
}

/// The authority stack (R-AUTH) and the name (R-SIGNER).
pub fn signer_findings(plan: &Plan) -> Vec<Finding> {
    static ACADEMIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:GS|PGS|TS|ThS|BS|KS|CN|NGƯT|NGND|TSKH)\.?\s").unwrap());
    let signer = &plan.signer;
    let mut out = Vec::new();
    let title = signer.title.as_deref().unwrap_or_default();
    let deputy = title.starts_with("PHÓ");
    for (i, a) in signer.authority.iter().enumerate() {
        let path = format!("signer.authority[{i}]");
        match a.prefix {
            AuthorityPrefix::Kt if !deputy && i + 1 == signer.authority.len() => out.push(
                Finding::new(
                    Severity::Error,
                    "R-AUTH",
                    path,
                    "\"KT.\" chỉ dùng khi cấp phó ký thay cấp trưởng (chức vụ \"PHÓ …\")",
                )
                .suggest("bỏ dòng KT. nếu cấp trưởng ký"),
            ),
            AuthorityPrefix::Tm if is_position(&a.of) => out.push(Finding::new(
                Severity::Warning,
                "R-AUTH",
                path,
                format!(
                    "\"TM.\" đứng trước tên tập thể, không trước chức vụ \"{}\"",
                    a.of
                ),
            )),
            _ => {}
        }
    }
    if deputy
        && !signer.authority.iter().any(|a| {
            matches!(
                a.prefix,
                AuthorityPrefix::Kt | AuthorityPrefix::Tl | AuthorityPrefix::Tuq
            )
        })
    {
        out.push(
            Finding::new(
                Severity::Warning,
                "R-AUTH",
                "signer.title",
                "cấp phó ký mà không có dòng \"KT.\"",
            )
            .suggest("thêm { \"prefix\": \"KT\", \"of\": \"<chức vụ cấp trưởng>\" }"),
        );
    }
    if let Some(name) = &signer.name {
        if ACADEMIC.is_match(name) {
            out.push(Finding::new(
                Severity::Error,
                "R-SIGNER",
                "signer.name",
                "không ghi học hàm, học vị trước họ tên người ký",
            ));
        }
        if !name.split_whitespace().all(starts_upper) {
            out.push(
                Finding::new(
                    Severity::Warning,
                    "R-SIGNER",
                    "signer.name",
                    "họ tên phải viết hoa chữ cái đầu mỗi tiếng",
                )
                .suggest(title_case(name)),
            );
        }
    }
    out
}

fn is_position(of: &str) -> bool {
    ["GIÁM ĐỐC", "CHỦ TỊCH", "TRƯỞNG", "BỘ TRƯỞNG", "CHÁNH"]
        .iter()
        .any(|p| of.starts_with(p))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_none_or(|c| !c.is_lowercase())
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Days since year 0, near enough to compare dates.
fn ordinal(y: i32, m: u32, d: u32) -> i64 {
    i64::from(y) * 372 + i64::from(m) * 31 + i64::from(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_shapes() {
        assert!(symbol_findings("KH-STP", "STP").is_empty());
        assert_eq!(symbol_findings("KH - STP", "STP")[0].rule, "R-SO");
        assert_eq!(symbol_findings("QĐ-STP", "STP").len(), 1);
        assert_eq!(symbol_findings("KH-UBND", "STP").len(), 1);
    }

    fn plan_with_signer(signer: serde_json::Value) -> Plan {
        serde_json::from_value(serde_json::json!({
            "issuer": { "name": "SỞ TƯ PHÁP", "abbreviation": "STP" }, "place": "Lạng Sơn",
            "date": "2025-03-04", "title": "T", "sections": [], "recipients": [], "archive": "VT",
            "signer": signer
        }))
        .unwrap()
    }

    #[test]
    fn authority_stack_rules() {
        let ok = plan_with_signer(
            serde_json::json!({ "authority": [{ "prefix": "KT", "of": "GIÁM ĐỐC" }], "title": "PHÓ GIÁM ĐỐC", "name": "Vũ Quang Hưng" }),
        );
        assert!(signer_findings(&ok).is_empty());
        let head_with_kt = plan_with_signer(
            serde_json::json!({ "authority": [{ "prefix": "KT", "of": "GIÁM ĐỐC" }], "title": "GIÁM ĐỐC", "name": "A B" }),
        );
        assert_eq!(signer_findings(&head_with_kt)[0].rule, "R-AUTH");
        let deputy_alone =
            plan_with_signer(serde_json::json!({ "title": "PHÓ GIÁM ĐỐC", "name": "A B" }));
        assert_eq!(signer_findings(&deputy_alone).len(), 1);
        let stacked = plan_with_signer(
            serde_json::json!({ "authority": [{ "prefix": "TM", "of": "ỦY BAN NHÂN DÂN" }, { "prefix": "KT", "of": "CHỦ TỊCH" }], "title": "PHÓ CHỦ TỊCH", "name": "A B" }),
        );
        assert!(signer_findings(&stacked).is_empty());
    }

    #[test]
    fn no_academic_title_before_the_name() {
        let p = plan_with_signer(
            serde_json::json!({ "title": "GIÁM ĐỐC", "name": "TS. Nguyễn Văn A" }),
        );
        assert_eq!(signer_findings(&p)[0].rule, "R-SIGNER");
        let lower =
            plan_with_signer(serde_json::json!({ "title": "GIÁM ĐỐC", "name": "nguyễn văn a" }));
        assert_eq!(
            signer_findings(&lower)[0].suggestion.as_deref(),
            Some("Nguyễn Văn A")
        );
    }
}
