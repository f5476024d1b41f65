//! The header checks: each rule on a correct header and on the mistakes it names.

use super::*;
use crate::model::testing;
use crate::model::{Authority, AuthorityPrefix::*};

/// The test plan with an issuer (parent, name, abbreviation) and a place.
fn plan_with_issuer((parent, name, abbreviation): (&str, &str, &str), place: &str) -> Plan {
    let mut plan = testing::plan();
    plan.issuer.parent = Some(parent.into());
    plan.issuer.name = name.into();
    plan.issuer.abbreviation = abbreviation.into();
    plan.place = place.into();
    plan
}

#[test]
fn issuer_and_parent_abbreviations() {
    let rules = |issuer, place| -> Vec<&str> {
        issuer_name_findings(&plan_with_issuer(issuer, place))
            .iter()
            .map(|f| f.rule)
            .collect()
    };
    let seed = ("UBND TỈNH LẠNG SƠN", "SỞ TƯ PHÁP", "STP");
    assert!(rules(seed, "Lạng Sơn").is_empty());
    // Copied from another province's plan.
    let moved = ("UBND TỈNH HÀ TĨNH", "SỞ TƯ PHÁP", "STP");
    assert_eq!(rules(moved, "Lạng Sơn"), ["R-CQ-PARENT"]);
    let full = ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "SỞ TƯ PHÁP", "STP");
    assert_eq!(rules(full, "Lạng Sơn"), ["R-CQ-PARENT"]);
    let odd = ("UB TỈNH LẠNG SƠN", "STP TỈNH", "QĐ");
    assert_eq!(rules(odd, "Lạng Sơn"), ["R-CQ", "R-CQ-PARENT", "R-SO"]);
    let commune = (
        "UBND HUYỆN BÌNH XUYÊN",
        "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH",
        "UBND",
    );
    assert!(
        rules(commune, "An Bình").is_empty(),
        "{:?}",
        rules(commune, "An Bình")
    );
    let city = ("UBND TP. HỒ CHÍ MINH", "SỞ TƯ PHÁP", "STP");
    assert!(rules(city, "Thành phố Hồ Chí Minh").is_empty());
    // Custom keeps more of a word: `TTg`, Thủ tướng.
    let mut prime = plan_with_issuer(("", "THỦ TƯỚNG CHÍNH PHỦ", "TTg"), "Hà Nội");
    prime.issuer.parent = None;
    assert!(issuer_name_findings(&prime).is_empty());
    let other = ("UBND TỈNH LẠNG SƠN", "SỞ TÀI CHÍNH", "STP");
    assert_eq!(rules(other, "Lạng Sơn"), ["R-SO"]);
}

#[test]
fn symbol_shapes() {
    assert!(symbol_findings("KH-STP", "STP").is_empty());
    assert_eq!(symbol_findings("KH - STP", "STP")[0].rule, "R-SO");
    assert_eq!(symbol_findings("QĐ-STP", "STP").len(), 1);
    assert_eq!(symbol_findings("KH-UBND", "STP").len(), 1);
}

/// The test plan signed under `authority` by `title` `name`.
fn plan_with_signer(authority: &[(AuthorityPrefix, &str)], title: &str, name: &str) -> Plan {
    let mut plan = testing::plan();
    plan.signer.authority = authority
        .iter()
        .map(|&(prefix, of)| Authority {
            prefix,
            of: of.into(),
        })
        .collect();
    plan.signer.title = Some(title.into());
    plan.signer.name = Some(name.into());
    plan
}

#[test]
fn authority_stack_rules() {
    let ok = plan_with_signer(&[(Kt, "GIÁM ĐỐC")], "PHÓ GIÁM ĐỐC", "Vũ Quang Hưng");
    assert!(signer_findings(&ok).is_empty());
    let head_with_kt = plan_with_signer(&[(Kt, "GIÁM ĐỐC")], "GIÁM ĐỐC", "A B");
    assert_eq!(signer_findings(&head_with_kt)[0].rule, "R-AUTH");
    let deputy_alone = plan_with_signer(&[], "PHÓ GIÁM ĐỐC", "A B");
    assert_eq!(signer_findings(&deputy_alone).len(), 1);
    let stacked = plan_with_signer(
        &[(Tm, "ỦY BAN NHÂN DÂN"), (Kt, "CHỦ TỊCH")],
        "PHÓ CHỦ TỊCH",
        "A B",
    );
    assert!(signer_findings(&stacked).is_empty());
    // A ministry plan of the corpus (Bộ Công an, KH 589).
    let ministry = plan_with_signer(&[(Kt, "BỘ TRƯỞNG")], "THỨ TRƯỞNG", "Nguyễn Văn Long");
    assert!(signer_findings(&ministry).is_empty());
    for deputy in ["PHÓ TRƯỞNG BAN", "PHÓ VIỆN TRƯỞNG", "PHÓ CHÁNH VĂN PHÒNG"] {
        let p = plan_with_signer(&[(Kt, "TRƯỞNG BAN")], deputy, "A B");
        assert!(signer_findings(&p).is_empty(), "{deputy}");
    }
    // No title: one finding (the missing title), not a KT. error too.
    let untitled = plan_with_signer(&[(Kt, "CHỦ TỊCH")], "", "A B");
    let rules: Vec<_> = signer_findings(&untitled).iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["R-SIGNER"]);
}

#[test]
fn a_plan_signed_by_nobody_is_an_error() {
    let mut nobody = plan_with_signer(&[], "", "");
    let found = signer_findings(&nobody);
    let at = |path: &str| found.iter().find(|f| f.path == path).map(|f| f.severity);
    assert_eq!(at("signer.title"), Some(Severity::Error));
    assert_eq!(at("signer.name"), Some(Severity::Warning));
    nobody.signer.title = None;
    nobody.signer.name = None;
    assert_eq!(signer_findings(&nobody).len(), 2);
    // Attached to a decision, the plan is signed by the decision.
    nobody.subtitle = Some("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026)".into());
    assert!(signer_findings(&nobody).is_empty());
}

#[test]
fn no_academic_title_before_the_name() {
    let p = plan_with_signer(&[], "GIÁM ĐỐC", "TS. Nguyễn Văn A");
    assert_eq!(signer_findings(&p)[0].rule, "R-SIGNER");
    let lower = plan_with_signer(&[], "GIÁM ĐỐC", "nguyễn văn a");
    assert_eq!(
        signer_findings(&lower)[0].suggestion.as_deref(),
        Some("Nguyễn Văn A")
    );
}
