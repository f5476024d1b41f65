//! `kehoach check`: a plan against Decree 30 and common sense, before the
//! leader sends it back. Each check is a small function that returns
//! findings with a rule id (R-… from the decree spec, K-… for the project's
//! content checks), the JSON path and a Vietnamese message.
//!
//! Most checks read the plan data; [`check_pages`] adds those measured on
//! the laid-out pages. A rule neither can decide is listed as not
//! evaluated, never passed silently.

mod content;
mod decision;
mod fix;
mod header;
mod layout;
mod markup;
mod structure;
mod typography;
mod years;

pub use fix::{Fixed, fix};

use serde::Serialize;

use crate::model::Plan;

/// A plan issued with a Quyết định (its subtitle says `(Kèm theo Quyết
/// định …)`): the decision carries the signature and the nơi nhận, so the
/// plan has none of its own (Decree 30, Phụ lục III).
fn attached_to_decision(plan: &Plan) -> bool {
    plan.decision.is_some()
        || plan.subtitle.as_deref().is_some_and(|s| {
            let s = crate::markup::plain_text(s);
            let s = s.trim_start_matches(['(', ' ']);
            s.starts_with("Kèm theo Quyết định") || s.starts_with("Ban hành kèm theo Quyết định")
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
            Severity::Hint => "gợi ý",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub rule: &'static str,
    /// The JSON path of the field, `.` for the plan as a whole.
    pub path: String,
    pub message: String,
    pub suggestion: Option<String>,
    /// The field's value after a safe, mechanical fix (padding, spacing,
    /// punctuation, capitals) that `--fix` may write; never new wording.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

impl Finding {
    fn new(
        severity: Severity,
        rule: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            severity,
            rule,
            path: path.into(),
            message: message.into(),
            suggestion: None,
            fix: None,
        }
    }

    fn suggest(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    /// A safe fix, shown as the suggestion too.
    fn fixed_to(mut self, value: String) -> Self {
        self.suggestion = Some(value.clone());
        self.fix = Some(value);
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Rules this check could not decide from the plan data.
    pub not_evaluated: Vec<&'static str>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Rules decided only on the laid-out pages, until [`check_pages`] runs.
const LAYOUT_RULES: &[&str] = &[
    "R-QH (quốc hiệu trên một dòng)",
    "R-SIGNER (khối chữ ký cùng trang với ít nhất hai dòng cuối của nội dung)",
    "R-NOINHAN (nơi nhận và chữ ký cùng một trang)",
    "R-MUC (tên mục không nằm một mình cuối trang)",
];

/// Checks a plan; `today` is `(year, month, day)`.
pub fn check(plan: &Plan, today: (i32, u32, u32)) -> Report {
    let mut findings = Vec::new();
    header::check(plan, today, &mut findings);
    content::check(plan, &mut findings);
    years::check(plan, &mut findings);
    typography::check(plan, &mut findings);
    markup::check(plan, &mut findings);
    structure::check(plan, &mut findings);
    decision::check(plan, &mut findings);
    findings.sort_by_key(|a| a.severity);
    Report {
        findings,
        not_evaluated: LAYOUT_RULES.to_vec(),
    }
}

/// Adds the checks measured on the laid-out pages to a report.
pub fn check_pages(report: &mut Report, document: &typst_layout::PagedDocument) {
    let areas = crate::stamps::stamp_areas(document);
    let baselines = layout::baselines(document, &areas);
    let measured = layout::check(&areas, &baselines, &mut report.findings);
    layout::outside_the_page(document, &mut report.findings);
    report.findings.sort_by_key(|f| f.severity);
    report
        .not_evaluated
        .retain(|r| !measured.iter().any(|m| r.starts_with(&format!("{m} "))));
}
