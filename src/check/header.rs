//! Checks of the header and the signer: ký hiệu, number, date, place,
//! capitals, the authority stack and the signer's name.

use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, Severity};
use crate::date::PlanDate;
use crate::model::{AuthorityPrefix, Plan, Signer};
use crate::vietnamese::{fold, initials, is_syllable, starts_upper, title_case};

/// How far ahead of today a plan may be dated (drafts are dated ahead).
const DAYS_AHEAD: i64 = 60;

pub fn check(plan: &Plan, today: (i32, u32, u32), out: &mut Vec<Finding>) {
    missing(plan, out);
    out.extend(symbol_findings(&plan.symbol(), &plan.issuer.abbreviation));
    if plan.number.is_some_and(|n| n > 9999) {
        out.push(Finding::new(
            Severity::Warning,
            "R-SO",
            "number",
            "số văn bản lớn bất thường",
        ));
    }
    if let Some(date) = plan.date.as_deref().and_then(|d| PlanDate::parse(d).ok()) {
        if date.days_after(today).is_some_and(|days| days > DAYS_AHEAD) {
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
            .fixed_to(title_case(&plan.place)),
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
                .fixed_to(name.to_uppercase()),
            );
        }
    }
    out.extend(issuer_name_findings(plan));
    out.extend(signer_findings(plan));
}

/// The header fields a plan may leave empty while it is drafted (or when
/// an import did not find them): each prints as a visible mark, and is
/// named here so that it is filled in before signing.
fn missing(plan: &Plan, out: &mut Vec<Finding>) {
    let empty = |text: &str| text.trim().is_empty();
    let fields = [
        (
            empty(&plan.issuer.name),
            Severity::Error,
            "R-CQ",
            "issuer.name",
            "chưa ghi tên cơ quan ban hành",
        ),
        (
            empty(&plan.place),
            Severity::Error,
            "R-PLACE",
            "place",
            "chưa ghi địa danh",
        ),
        (
            empty(&plan.title),
            Severity::Error,
            "R-TITLE",
            "title",
            "chưa ghi trích yếu của kế hoạch",
        ),
        (
            plan.date.is_none() && plan.year.is_none(),
            Severity::Warning,
            "R-DATE",
            "date",
            "chưa ghi năm ban hành: văn thư sẽ phải điền cả năm",
        ),
        (
            empty(&plan.archive) && plan.decision.is_none(),
            Severity::Warning,
            "R-NOINHAN",
            "archive",
            "chưa ghi nơi lưu (thường là \"VT\" và đơn vị soạn thảo)",
        ),
    ];
    for (is_missing, severity, rule, path, message) in fields {
        if is_missing {
            out.push(Finding::new(severity, rule, path, message));
        }
    }
    if plan.decision.as_ref().is_some_and(|d| empty(&d.archive)) {
        out.push(Finding::new(
            Severity::Warning,
            "R-NOINHAN",
            "decision.archive",
            "quyết định chưa ghi nơi lưu",
        ));
    }
}

/// Abbreviations any reader knows, allowed in the parent's name.
const COMMON_ABBREVIATIONS: &[&str] = &["UBND", "HĐND", "TP.", "TX.", "TW", "VN"];

/// Phrases the parent's name abbreviates by custom.
const ABBREVIABLE: &[(&str, &str)] = &[
    ("ỦY BAN NHÂN DÂN", "UBND"),
    ("UỶ BAN NHÂN DÂN", "UBND"),
    ("HỘI ĐỒNG NHÂN DÂN", "HĐND"),
];

/// The issuer's name in full (R-CQ), the parent's with common abbreviations
/// only and the place the body sits (R-CQ-PARENT), and an abbreviation
/// drawn from the name (R-SO).
pub fn issuer_name_findings(plan: &Plan) -> Vec<Finding> {
    let issuer = &plan.issuer;
    let mut out = Vec::new();
    let short = abbreviations(&issuer.name);
    if !short.is_empty() {
        out.push(Finding::new(
            Severity::Warning,
            "R-CQ",
            "issuer.name",
            format!(
                "tên cơ quan ban hành là tên chính thức, đầy đủ; không viết tắt \"{}\"",
                short.join("\", \"")
            ),
        ));
    }
    if let Some(parent) = &issuer.parent {
        for word in abbreviations(parent) {
            if !COMMON_ABBREVIATIONS.contains(&word.as_str()) {
                out.push(Finding::new(
                    Severity::Hint,
                    "R-CQ-PARENT",
                    "issuer.parent",
                    format!(
                        "\"{word}\" không phải chữ viết tắt thông dụng; chỉ viết tắt những cụm từ thông dụng (UBND, HĐND)"
                    ),
                ));
            }
        }
        for (full, short) in ABBREVIABLE {
            if parent.contains(full) {
                out.push(
                    Finding::new(
                        Severity::Hint,
                        "R-CQ-PARENT",
                        "issuer.parent",
                        format!(
                            "tên cơ quan chủ quản thường viết tắt \"{full}\" thành \"{short}\""
                        ),
                    )
                    .suggest(parent.replace(full, short)),
                );
            }
        }
        let local = ["UBND", "HĐND"]
            .iter()
            .chain(ABBREVIABLE.iter().map(|(full, _)| full))
            .any(|p| parent.starts_with(p));
        let place = place_name(&plan.place).to_uppercase();
        // A commune's UBND under its district's names its own place, not
        // its parent (`UBND HUYỆN BÌNH XUYÊN` over `ỦY BAN NHÂN DÂN XÃ AN
        // BÌNH`, địa danh `An Bình`): that is right.
        let own_place = issuer.name.to_uppercase().contains(&place);
        if local && !place.is_empty() && !parent.contains(&place) && !own_place {
            out.push(Finding::new(
                Severity::Warning,
                "R-CQ-PARENT",
                "issuer.parent",
                format!(
                    "cơ quan chủ quản ở địa phương ghi tên tỉnh, huyện, xã nơi cơ quan đóng trụ sở; \"{parent}\" không có \"{place}\" của địa danh"
                ),
            ));
        }
    }
    // From the initials (`STP`), or, from the first, the name's letters in
    // order where custom keeps more of a word (`TTg`, Thủ tướng).
    let letters: String = fold(&issuer.name)
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let from_letters = fold(&issuer.abbreviation).chars().next() == letters.chars().next()
        && is_subsequence(&issuer.abbreviation, &letters);
    if !is_subsequence(&issuer.abbreviation, &fold(&initials(&issuer.name))) && !from_letters {
        out.push(Finding::new(
            Severity::Hint,
            "R-SO",
            "issuer.abbreviation",
            format!(
                "tên viết tắt \"{}\" không lấy từ chữ cái đầu của \"{}\"",
                issuer.abbreviation, issuer.name
            ),
        ));
    }
    out
}

/// Words that are no Vietnamese syllable: `UBND`, `TP.`, `STP`.
fn abbreviations(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| w.ends_with('.') || !is_syllable(w))
        .map(str::to_owned)
        .collect()
}

/// `Thành phố Hồ Chí Minh` → `Hồ Chí Minh`; `Lạng Sơn` stays.
fn place_name(place: &str) -> &str {
    ["Thành phố ", "Tỉnh ", "Huyện ", "Quận ", "Thị xã "]
        .iter()
        .find_map(|p| place.strip_prefix(p))
        .unwrap_or(place)
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut long = long.chars();
    fold(short)
        .chars()
        .filter(char::is_ascii_alphabetic)
        .all(|c| long.any(|l| l == c))
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

/// The authority stack (R-AUTH) and the name (R-SIGNER) of the plan's
/// signer; a plan issued with a decision has none of its own.
pub fn signer_findings(plan: &Plan) -> Vec<Finding> {
    let signer = &plan.signer;
    let unsigned = signer.title.is_none() && signer.name.is_none() && signer.authority.is_empty();
    if unsigned && super::attached_to_decision(plan) {
        return Vec::new();
    }
    findings_for_signer(signer, "signer")
}

/// The authority stack (R-AUTH) and the name (R-SIGNER) of a signer at
/// the path `at` (`signer`, `decision.signer`).
pub(super) fn findings_for_signer(signer: &Signer, at: &str) -> Vec<Finding> {
    static ACADEMIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:GS|PGS|TS|ThS|BS|KS|CN|NGƯT|NGND|TSKH)\.?\s").unwrap());
    let mut out = Vec::new();
    let title = signer.title.as_deref().unwrap_or_default();
    let deputy = is_deputy(title);
    for (i, a) in signer.authority.iter().enumerate() {
        let path = format!("{at}.authority[{i}]");
        match a.prefix {
            // With no title at all, that is the one fault to report.
            AuthorityPrefix::Kt
                if !deputy && !title.trim().is_empty() && i + 1 == signer.authority.len() =>
            {
                out.push(
                Finding::new(
                    Severity::Error,
                    "R-AUTH",
                    path,
                        "\"KT.\" chỉ dùng khi cấp phó ký thay cấp trưởng (chức vụ \"PHÓ …\", \"THỨ TRƯỞNG\")",
                )
                .suggest("bỏ dòng KT. nếu cấp trưởng ký"),
            )
            }
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
                format!("{at}.title"),
                "cấp phó ký mà không có dòng \"KT.\"",
            )
            .suggest("thêm { \"prefix\": \"KT\", \"of\": \"<chức vụ cấp trưởng>\" }"),
        );
    }
    if title.trim().is_empty() {
        out.push(
            Finding::new(
                Severity::Error,
                "R-SIGNER",
                format!("{at}.title"),
                "chưa ghi chức vụ người ký",
            )
            .suggest("ghi chức vụ, ví dụ \"GIÁM ĐỐC\""),
        );
    }
    match signer.name.as_deref().map(str::trim) {
        None | Some("") => out.push(Finding::new(
            Severity::Warning,
            "R-SIGNER",
            format!("{at}.name"),
            "chưa ghi họ tên người ký",
        )),
        Some(_) => {}
    }
    if let Some(name) = &signer.name {
        if ACADEMIC.is_match(name) {
            out.push(Finding::new(
                Severity::Error,
                "R-SIGNER",
                format!("{at}.name"),
                "không ghi học hàm, học vị trước họ tên người ký",
            ));
        }
        if !name.split_whitespace().all(starts_upper) {
            out.push(
                Finding::new(
                    Severity::Warning,
                    "R-SIGNER",
                    format!("{at}.name"),
                    "họ tên phải viết hoa chữ cái đầu mỗi tiếng",
                )
                .fixed_to(title_case(name)),
            );
        }
    }
    out
}

/// A deputy's title: `PHÓ GIÁM ĐỐC`, `PHÓ CHÁNH VĂN PHÒNG`, and a ministry's
/// `THỨ TRƯỞNG`, deputy of the `BỘ TRƯỞNG`.
fn is_deputy(title: &str) -> bool {
    let title = title.trim_start();
    title.starts_with("PHÓ ") || title.starts_with("THỨ TRƯỞNG")
}

fn is_position(of: &str) -> bool {
    ["GIÁM ĐỐC", "CHỦ TỊCH", "TRƯỞNG", "BỘ TRƯỞNG", "CHÁNH"]
        .iter()
        .any(|p| of.starts_with(p))
}

#[cfg(test)]
mod tests;
