//! Checks of the typing, each with its safe fix: spaces around
//! punctuation and dates padded as Decree 30 pads them. Words are never
//! changed, only the characters between and around them.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{Finding, Severity};
use crate::model::Plan;

pub fn check(plan: &Plan, out: &mut Vec<Finding>) {
    for (path, text) in plan.prose() {
        let spaced = spacing(&text);
        if spaced != text {
            out.push(
                Finding::new(
                    Severity::Hint,
                    "K-SPACE",
                    &path,
                    "thừa hoặc thiếu dấu cách quanh dấu câu",
                )
                .fixed_to(spaced),
            );
        }
        let padded = padding(&text);
        if padded != text {
            out.push(
                Finding::new(
                    Severity::Warning,
                    "K-PAD",
                    &path,
                    "ngày dưới 10 và tháng 1, 2 viết thêm số 0; tháng 3–12 không (như R-DATE)",
                )
                .fixed_to(padded),
            );
        }
    }
}

/// One space between words; none before `, . ; : ! ? )` or after `(`; one
/// after `,` and `;` when a word follows; nothing at either end.
pub fn spacing(text: &str) -> String {
    static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" {2,}").unwrap());
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" +([,.;:!?)])").unwrap());
    static AFTER_OPEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\( +").unwrap());
    static NO_SPACE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([,;])(\p{L})").unwrap());
    let text = SPACES.replace_all(text.trim(), " ");
    let text = BEFORE.replace_all(&text, "$1");
    let text = AFTER_OPEN.replace_all(&text, "(");
    NO_SPACE.replace_all(&text, "$1 $2").into_owned()
}

/// `ngày 4 tháng 03 năm 2025` → `ngày 04 tháng 3 năm 2025`.
pub fn padding(text: &str) -> String {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"ngày(\s+)([0-9]{1,2})(\s+)tháng(\s+)([0-9]{1,2})(\s+)năm(?-u:\b)").unwrap()
    });
    DATE.replace_all(text, |c: &Captures| {
        let (Ok(day), Ok(month)) = (c[2].parse::<u32>(), c[5].parse::<u32>()) else {
            return c[0].to_owned();
        };
        let month = if month < 3 {
            format!("{month:02}")
        } else {
            month.to_string()
        };
        format!(
            "ngày{}{day:02}{}tháng{}{month}{}năm",
            &c[1], &c[3], &c[4], &c[6]
        )
    })
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_around_punctuation() {
        assert_eq!(
            spacing(" Tổ chức  hội nghị ,tập huấn ( trực tuyến ) ;xong . "),
            "Tổ chức hội nghị, tập huấn (trực tuyến); xong."
        );
        // Numbers, dates, symbols and markup are left as they are.
        for kept in [
            "1,5 tỷ đồng",
            "25/02/2025",
            "Số 45/KH-STP",
            "**Mục tiêu:** a",
            "8:30",
        ] {
            assert_eq!(spacing(kept), kept);
        }
    }

    #[test]
    fn dates_are_padded_as_the_decree_pads_them() {
        assert_eq!(
            padding("ngày 4 tháng 03 năm 2025 và ngày 15 tháng 1 năm 2026"),
            "ngày 04 tháng 3 năm 2025 và ngày 15 tháng 01 năm 2026"
        );
        assert_eq!(
            padding("ngày 04 tháng 3 năm 2025"),
            "ngày 04 tháng 3 năm 2025"
        );
    }
}
