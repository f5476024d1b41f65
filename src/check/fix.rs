//! `check --fix`: applies the findings' safe fixes to the plan data and
//! checks again, until nothing more can be fixed.

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
        // The first fix found for a path wins this round; the others are
        // checked again against the fixed text in the next.
        let mut round: Vec<(Finding, bool)> = Vec::new();
        for finding in check(&plan, today).findings {
            if finding.fix.is_some() && !round.iter().any(|(f, _)| f.path == finding.path) {
                round.push((finding, false));
            }
        }
        plan.visit_strings_mut(&mut |path, _, s| {
            if let Some((finding, done)) = round.iter_mut().find(|(f, _)| f.path == path) {
                *s = finding.fix.clone().unwrap_or_default();
                *done = true;
            }
        });
        let before = applied.len();
        applied.extend(round.into_iter().filter(|(_, done)| *done).map(|(f, _)| f));
        if applied.len() == before {
            break;
        }
    }
    Fixed { plan, applied }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{self, section, text};

    #[test]
    fn safe_faults_are_fixed_and_wording_is_kept() {
        let mut plan = testing::plan();
        plan.issuer.name = "Sở Tư pháp".into();
        plan.place = "lạng sơn".into();
        plan.sections = vec![section(
            Some("Mục đích"),
            &["Họp  ngày 4 tháng 03 năm 2025 ,tại Sở ."],
        )];
        plan.recipients = vec!["Lãnh đạo Sở".into()];
        plan.archive = "vp".into();
        plan.signer.name = Some("TS. nguyễn văn a".into());
        let fixed = fix(&plan, (2025, 3, 1));
        let p = &fixed.plan;
        assert_eq!(p.place, "Lạng Sơn");
        assert_eq!(p.issuer.name, "SỞ TƯ PHÁP");
        assert_eq!(p.archive, "VT, VP");
        assert_eq!(p.sections[0].title.as_deref(), Some("MỤC ĐÍCH"));
        assert_eq!(
            p.sections[0].content[0],
            text("Họp ngày 04 tháng 3 năm 2025, tại Sở.")
        );
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
