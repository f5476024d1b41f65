//! Years before the plan's own left in its running text: `được giao năm
//! 2025` in a plan for 2027. Rollover flags them in the plan it makes and
//! `check` (K-YEAR) in any plan, with the one classification rollover uses
//! to move the plan's own year on: a mention it would move, had the plan
//! been of that earlier year, reads as the plan's period. Citations,
//! ranges, quoted names and anniversaries' base dates are left out by the
//! same rules.

use std::collections::BTreeSet;

use super::text::{YEAR, roll_text};

/// How far back a year is taken for a leftover. A plan is copied forward
/// from the last few years' plans; a year further back in running text is
/// history (`năm 1945`, `ngày 30/4/1975`) that a plan names on purpose.
pub const LEFTOVER_YEARS: i32 = 5;

/// One year left behind: the year and the words around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierYear {
    pub year: i32,
    pub text: String,
}

/// The mentions in `text` of a year before `year` (at most
/// [`LEFTOVER_YEARS`] before) that read as the plan's own period, in order.
pub fn earlier_years(text: &str, year: i32) -> Vec<EarlierYear> {
    let years: BTreeSet<i32> = YEAR
        .find_iter(text)
        .filter_map(|m| m.as_str().parse().ok())
        .filter(|y| (year - LEFTOVER_YEARS..year).contains(y))
        .collect();
    years
        .into_iter()
        .flat_map(|y| {
            roll_text(text, y)
                .edits
                .into_iter()
                .map(move |e| EarlierYear {
                    year: y,
                    text: e.before,
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, year: i32) -> Vec<i32> {
        earlier_years(text, year)
            .into_iter()
            .map(|e| e.year)
            .collect()
    }

    #[test]
    fn a_year_two_back_is_found_as_the_last_one_is() {
        let text = "thực hiện thắng lợi các nhiệm vụ chính trị được giao năm 2025 của Bộ";
        assert_eq!(found(text, 2027), [2025]);
        assert_eq!(found(text, 2026), [2025]);
        assert_eq!(
            found("báo cáo trước ngày 15/12/2024, Quý IV/2023", 2027),
            [2023, 2024]
        );
        // An anniversary counted to an earlier year is last year's.
        assert_eq!(
            found(
                "kỷ niệm 81 năm Ngày truyền thống (28/8/1945 - 28/8/2026)",
                2027
            ),
            [2026]
        );
        assert_eq!(
            earlier_years(text, 2027)[0].text,
            "được giao năm 2025 của Bộ"
        );
    }

    #[test]
    fn citations_ranges_history_and_this_year_are_not_leftovers() {
        for text in [
            "Thực hiện Nghị quyết số 12/2024/NQ-HĐND ngày 10/7/2024 của HĐND tỉnh",
            "Căn cứ Luật Thi đua, khen thưởng năm 2022;",
            "theo Quyết định 626/QĐ-BTP ngày 5/3/2024 của Bộ trưởng",
            "kỷ niệm 82 năm Ngày truyền thống ngành Tư pháp (28/8/1945 - 28/8/2027)",
            "Cách mạng Tháng Tám năm 1945",
            "giai đoạn 2021-2025",
            "phong trào “Xóa nhà tạm, nhà dột nát năm 2025”",
            "tổng kết công tác năm 2027, chuẩn bị năm 2028",
        ] {
            assert!(
                found(text, 2027).is_empty(),
                "{text}: {:?}",
                earlier_years(text, 2027)
            );
        }
    }
}
