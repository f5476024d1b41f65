//! `check --fix`: applies the findings' safe fixes to the plan data and
//! checks again, until nothing more can be fixed.

use serde_json::Value;

use super::{Finding, check};
use crate::model::Plan;

/// Each round fixes each field once; a field with two faults (spacing and
/// padding in one sentence) takes two rounds.
const MAX_ROUNDS: usize = 5;

pub struct Fixed {
    pub plan: Plan,
    /// The findings whose fix was applied, in the order they were applied.
    pub applied: Vec<Finding>,
}

/// The plan with every safe fix applied.
pub fn fix(plan: &Plan, today: (i32, u32, u32)) -> Fixed {
    let mut plan = plan.clone();
    let mut applied = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let mut value = serde_json::to_value(&plan).expect("a plan serialises");
        let mut round: Vec<Finding> = Vec::new();
        for finding in check(&plan, today).findings {
            let Some(new) = &finding.fix else { continue };
            if round.iter().any(|f| f.path == finding.path) {
                continue;
            }
            if let Some(slot) = value.pointer_mut(&pointer(&finding.path)) {
                *slot = Value::String(new.clone());
                round.push(finding);
            }
        }
        // A fix only touches characters of a string, so the shape stays
        // valid; a fix that broke it would be a bug, and is dropped.
        match serde_json::from_value(value) {
            Ok(next) if !round.is_empty() => {
                plan = next;
                applied.extend(round);
            }
            _ => break,
        }
    }
    Fixed { plan, applied }
}

/// `sections[1].title` → `/sections/1/title`.
fn pointer(path: &str) -> String {
    path.split(['.', '['])
        .filter(|s| !s.is_empty())
        .map(|s| format!("/{}", s.trim_end_matches(']')))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_pointers() {
        assert_eq!(
            pointer("sections[1].sections[0].title"),
            "/sections/1/sections/0/title"
        );
        assert_eq!(pointer("place"), "/place");
    }

    #[test]
    fn safe_faults_are_fixed_and_wording_is_kept() {
        let plan: Plan = serde_json::from_value(serde_json::json!({
            "issuer": { "name": "Sở Tư pháp", "abbreviation": "STP" }, "place": "lạng sơn",
            "date": "2025-03-04", "title": "T",
            "sections": [ { "title": "Mục đích", "content": ["Họp  ngày 4 tháng 03 năm 2025 ,tại Sở ."] } ],
            "recipients": ["Lãnh đạo Sở"], "archive": "vp",
            "signer": { "title": "GIÁM ĐỐC", "name": "TS. nguyễn văn a" }
        }))
        .unwrap();
        let fixed = fix(&plan, (2025, 3, 1));
        let p = &fixed.plan;
        assert_eq!(p.place, "Lạng Sơn");
        assert_eq!(p.issuer.name, "SỞ TƯ PHÁP");
        assert_eq!(p.archive, "VT, VP");
        assert_eq!(p.sections[0].title.as_deref(), Some("MỤC ĐÍCH"));
        let text = serde_json::to_value(&p.sections[0].content).unwrap();
        assert_eq!(text[0], "Họp ngày 04 tháng 3 năm 2025, tại Sở.");
        // The academic title is a fault, but removing it changes wording.
        assert_eq!(p.signer.name.as_deref(), Some("TS. Nguyễn Văn A"));
        let rules: Vec<_> = fixed.applied.iter().map(|f| f.rule).collect();
        for rule in [
            "R-PLACE",
            "R-CQ",
            "R-NOINHAN",
            "R-MUC",
            "K-SPACE",
            "K-PAD",
            "R-SIGNER",
        ] {
            assert!(rules.contains(&rule), "{rule} in {rules:?}");
        }
        assert!(
            check(p, (2025, 3, 1))
                .findings
                .iter()
                .all(|f| f.fix.is_none())
        );
    }
}
