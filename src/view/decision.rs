//! The decision that issues the plan (Mẫu 1.3): its header, the authority
//! line, căn cứ, `QUYẾT ĐỊNH:`, the articles and its own nơi nhận and
//! signer; and the line under the attached plan's trích yếu that names it.

use serde::Serialize;

use super::{DateView, SignerView, date_view, reference_line, signer_view, text_by};
use crate::date::PlanDate;
use crate::format;
use crate::markup::plain_text;
use crate::model::{Decision, Plan};

#[derive(Debug, Serialize)]
pub struct DecisionView {
    /// The padded number, or none for the văn thư's blank.
    pub number: Option<String>,
    pub symbol: String,
    pub date: DateView,
    pub title: String,
    pub authority: String,
    /// Căn cứ lines and the `Theo đề nghị của …` line, punctuated.
    pub bases: Vec<String>,
    /// Each article's paragraphs; the template sets `Điều N.` before the
    /// first. The last paragraph carries `./.`.
    pub articles: Vec<Vec<String>>,
    pub recipients: Vec<String>,
    pub signer: SignerView,
}

impl DecisionView {
    pub fn new(plan: &Plan, decision: &Decision) -> DecisionView {
        let date = decision_date(plan, decision);
        let mut articles: Vec<Vec<String>> = if decision.articles.is_empty() {
            default_articles(plan)
        } else {
            decision
                .articles
                .iter()
                .map(|a| {
                    a.split('\n')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .collect()
        };
        if let Some(last) = articles.last_mut().and_then(|a| a.last_mut()) {
            *last = format::with_end_mark(last);
        }
        let mut bases: Vec<String> = decision.bases.iter().map(|b| b.trim().to_owned()).collect();
        bases.extend(decision.proposal.iter().map(|p| p.trim().to_owned()));
        let mut recipients: Vec<String> = decision
            .recipients
            .iter()
            .map(|r| format::recipient_line(r, false))
            .collect();
        recipients.push(format::archive_line(super::or_missing(
            &decision.archive,
            super::MISSING_ARCHIVE,
        )));
        DecisionView {
            number: decision.number.map(format::pad_number),
            symbol: decision_symbol(plan, decision),
            date: date_view(date, plan.year),
            title: decision
                .title
                .clone()
                .unwrap_or_else(|| format!("Ban hành Kế hoạch {}", lower_first(&plan.title))),
            authority: decision.authority.clone(),
            bases: super::bases(&bases),
            articles,
            recipients,
            signer: signer_view(&decision.signer),
        }
    }
}

fn decision_date(plan: &Plan, decision: &Decision) -> Option<PlanDate> {
    decision
        .date
        .as_deref()
        .or(plan.date.as_deref())
        .and_then(|d| PlanDate::parse(d).ok())
}

fn decision_symbol(plan: &Plan, decision: &Decision) -> String {
    decision
        .symbol
        .clone()
        .unwrap_or_else(|| plan.issuer.decision_symbol())
}

/// `(Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm … của …)`: under
/// the attached plan's trích yếu and on its appendices.
pub fn attached_line(plan: &Plan, decision: &Decision) -> String {
    reference_line(
        "Quyết định",
        decision.number.map(format::pad_number).as_deref(),
        &decision_symbol(plan, decision),
        decision_date(plan, decision),
        plan.year,
        &decision.by.clone().unwrap_or_else(|| text_by(plan)),
    )
}

/// Điều 1 issues the plan, Điều 2 says when the decision takes effect,
/// Điều 3 who carries it out: the articles a clerk starts from.
fn default_articles(plan: &Plan) -> Vec<Vec<String>> {
    vec![
        vec![format!(
            "Ban hành kèm theo Quyết định này Kế hoạch {}.",
            lower_first(plain_text(&plan.title).trim_end_matches('.'))
        )],
        vec!["Quyết định này có hiệu lực kể từ ngày ký.".into()],
        vec![
            "Chánh Văn phòng, thủ trưởng các cơ quan, đơn vị và cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này."
                .into(),
        ],
    ]
}

/// `Thi đua năm 2026` → `thi đua năm 2026`, to follow `Kế hoạch`; a word in
/// capitals (`CCHC`) or a name stays as it is.
fn lower_first(title: &str) -> String {
    let first = title.split_whitespace().next().unwrap_or_default();
    let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return title.to_owned();
    }
    let mut chars = title.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing;

    #[test]
    fn defaults_name_the_plan() {
        let mut plan = testing::plan();
        plan.title = "Thi đua năm 2026".into();
        let decision = Decision {
            authority: "GIÁM ĐỐC SỞ TƯ PHÁP".into(),
            archive: "VT, VP".into(),
            ..Decision::default()
        };
        let view = DecisionView::new(&plan, &decision);
        assert_eq!(view.title, "Ban hành Kế hoạch thi đua năm 2026");
        assert_eq!(
            view.articles[0],
            ["Ban hành kèm theo Quyết định này Kế hoạch thi đua năm 2026."]
        );
        assert!(view.articles[2][0].ends_with("Quyết định này./."));
        assert_eq!(view.symbol, format!("QĐ-{}", plan.issuer.abbreviation));
        let line = attached_line(&plan, &decision);
        assert!(line.starts_with("(Kèm theo Quyết định số …/QĐ-"), "{line}");
        assert_eq!(lower_first("CCHC năm 2026"), "CCHC năm 2026");
    }
}
