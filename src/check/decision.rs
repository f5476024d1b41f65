//! A plan issued with a Quyết định (Mẫu 1.3): the decision names its
//! authority in capitals, its Điều 1 issues this plan by its title, and it
//! has the nơi nhận and the signer the attached plan does without.

use super::header::findings_for_signer;
use super::{Finding, Severity};
use crate::markup::plain_text;
use crate::model::{Decision, Plan};

pub fn check(plan: &Plan, out: &mut Vec<Finding>) {
    let Some(decision) = &plan.decision else {
        return;
    };
    authority(decision, out);
    names_the_plan(plan, decision, out);
    // The plan's own line under its trích yếu replaces the decision's.
    if let Some(subtitle) = &plan.subtitle
        && !plain_text(subtitle).contains("Quyết định")
    {
        out.push(
            Finding::new(
                Severity::Warning,
                "R-QD-PLAN",
                "subtitle",
                "dòng dưới trích yếu của kế hoạch kèm theo phải nêu quyết định ban hành: \"(Kèm theo Quyết định số … ngày … của …)\"",
            )
            .suggest("bỏ trống để chương trình điền từ quyết định"),
        );
    }
    if decision.recipients.is_empty() {
        out.push(
            Finding::new(
                Severity::Error,
                "R-NOINHAN",
                "decision.recipients",
                "quyết định chưa ghi nơi nhận nào",
            )
            .suggest("thêm nơi nhận, ví dụ \"Như Điều 3\""),
        );
    }
    out.extend(findings_for_signer(&decision.signer, "decision.signer"));
}

/// R-QD-AUTH: the authority line, in capitals.
fn authority(decision: &Decision, out: &mut Vec<Finding>) {
    let text = decision.authority.trim();
    if text.is_empty() {
        out.push(
            Finding::new(
                Severity::Error,
                "R-QD-AUTH",
                "decision.authority",
                "chưa ghi thẩm quyền ban hành quyết định",
            )
            .suggest("ví dụ \"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …\""),
        );
    } else if text != text.to_uppercase() {
        out.push(
            Finding::new(
                Severity::Error,
                "R-QD-AUTH",
                "decision.authority",
                "thẩm quyền ban hành phải viết in hoa",
            )
            .fixed_to(text.to_uppercase()),
        );
    }
}

/// R-QD-PLAN: the decision's Điều 1 (or its trích yếu, when Điều 1 is the
/// default) names the plan it issues by the plan's trích yếu.
fn names_the_plan(plan: &Plan, decision: &Decision, out: &mut Vec<Finding>) {
    let words = |text: &str| -> String {
        plain_text(text)
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let title = words(&plan.title);
    let said: Vec<&String> = decision
        .articles
        .first()
        .into_iter()
        .chain(decision.title.as_ref())
        .collect();
    if title.is_empty() || said.is_empty() {
        return;
    }
    if !said.iter().any(|text| words(text).contains(&title)) {
        let path = if decision.articles.is_empty() {
            "decision.title"
        } else {
            "decision.articles[0]"
        };
        out.push(
            Finding::new(
                Severity::Warning,
                "R-QD-PLAN",
                path,
                format!(
                    "Điều 1 và trích yếu của quyết định không nêu đúng tên kế hoạch \"{}\"",
                    plain_text(&plan.title)
                ),
            )
            .suggest("sửa cho khớp với trích yếu của kế hoạch kèm theo"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Signer, testing};

    fn rules(plan: &Plan) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        check(plan, &mut out);
        out.into_iter().map(|f| (f.rule, f.path)).collect()
    }

    #[test]
    fn a_decision_is_checked_as_mau_1_3() {
        let mut plan = testing::plan();
        plan.title = "Thi đua năm 2026".into();
        let decision = Decision {
            authority: "GIÁM ĐỐC SỞ TƯ PHÁP".into(),
            title: Some("Ban hành Kế hoạch thi đua năm 2026".into()),
            recipients: vec!["Như Điều 3".into()],
            archive: "VT".into(),
            signer: Signer {
                title: Some("GIÁM ĐỐC".into()),
                name: Some("Nguyễn Văn A".into()),
                ..Signer::default()
            },
            ..Decision::default()
        };
        plan.decision = Some(decision.clone());
        assert!(rules(&plan).is_empty(), "{:?}", rules(&plan));

        let mut wrong = decision;
        wrong.authority = "Giám đốc Sở Tư pháp".into();
        wrong.articles = vec!["Ban hành kèm theo Quyết định này Kế hoạch khác.".into()];
        wrong.title = None;
        wrong.recipients.clear();
        wrong.signer = Signer::default();
        plan.decision = Some(wrong);
        plan.subtitle = Some("(Dự thảo lần 2)".into());
        let found = rules(&plan);
        for (rule, path) in [
            ("R-QD-AUTH", "decision.authority"),
            ("R-QD-PLAN", "decision.articles[0]"),
            ("R-NOINHAN", "decision.recipients"),
            ("R-SIGNER", "decision.signer.title"),
            ("R-QD-PLAN", "subtitle"),
        ] {
            assert!(
                found.contains(&(rule, path.to_owned())),
                "{rule} {path} in {found:?}"
            );
        }
    }
}
