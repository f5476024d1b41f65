//! K-YEAR in running text: a year before the plan's own left where the
//! plan names its period (`được giao năm 2025` in a plan for 2027), by the
//! classification rollover uses ([`crate::rollover::earlier`]), so that a
//! clerk who edits a plan by hand is told what a rollover would flag.

use super::{Finding, Severity};
use crate::model::Plan;
use crate::rollover::earlier::earlier_years;
use crate::rollover::plan_year;

pub fn check(plan: &Plan, out: &mut Vec<Finding>) {
    let Some(year) = plan_year(plan) else {
        return;
    };
    for (path, text) in plan.prose() {
        out.extend(earlier_years(&text, year).into_iter().map(|left| {
            Finding::new(
                Severity::Warning,
                "K-YEAR",
                &path,
                format!(
                    "\"{}\" nhắc năm {} trong kế hoạch năm {year}",
                    left.text, left.year
                ),
            )
            .suggest(format!("kiểm tra có phải là năm {year} không"))
        }));
    }
}
