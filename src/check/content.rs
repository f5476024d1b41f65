//! Checks of the words: real dates, a trích yếu of another year,
//! anniversary arithmetic, the dates of cited documents.

use std::sync::LazyLock;

use regex::Regex;

use super::{Finding, Severity};
use crate::date::{PlanDate, days_in_month};
use crate::model::Plan;
use crate::rollover::earlier::earlier_years;
use crate::rollover::plan_year;
use crate::rollover::text::{ANNIVERSARY, CITATION, CITATION_DATE};

pub fn check(plan: &Plan, out: &mut Vec<Finding>) {
    let year = plan_year(plan);
    let issued = plan.date.as_deref().and_then(|d| PlanDate::parse(d).ok());
    if let Some(year) = year
        && earlier_years(&plan.title, year).is_empty()
        && let Some(named) = title_year_mismatch(&plan.title, year, issued)
    {
        out.push(
            Finding::new(
                Severity::Warning,
                "K-YEAR",
                "title",
                format!("trích yếu ghi năm {named} nhưng kế hoạch là của năm {year}"),
            )
            .suggest("kiểm tra lại năm trong trích yếu và ngày ban hành"),
        );
    }
    for (path, text) in plan.prose() {
        out.extend(unreal_dates(&text).into_iter().map(|d| {
            Finding::new(
                Severity::Error,
                "K-DATE",
                &path,
                format!("ngày \"{d}\" không có thật"),
            )
            .suggest("sửa lại ngày, tháng cho đúng")
        }));
        out.extend(
            anniversary_mismatches(&text)
                .into_iter()
                .map(|(found, right)| {
                    Finding::new(
                        Severity::Error,
                        "K-ANNIV",
                        &path,
                        format!("số năm kỷ niệm không khớp mốc ngày: \"{found}\""),
                    )
                    .suggest(format!("theo các mốc ngày thì là {right} năm"))
                }),
        );
        if let Some(year) = year {
            // Laws and decrees stay in force for years: only the body's own
            // plan of an earlier year, cited as a căn cứ, hints at a copy
            // of an old plan.
            let is_basis = path.starts_with("preamble") || path.starts_with("bases");
            let own_plan = format!("/{}", plan.symbol());
            for (citation, cited_year) in citations(&text) {
                if issued.is_some_and(|d| cited_year > d.year) {
                    out.push(Finding::new(
                        Severity::Error,
                        "K-CITE",
                        &path,
                        format!("văn bản được dẫn ban hành sau kế hoạch: \"{citation}\""),
                    ));
                } else if is_basis && cited_year < year - 1 && citation.contains(&own_plan) {
                    out.push(
                        Finding::new(
                            Severity::Hint,
                            "K-CITE",
                            &path,
                            format!(
                                "căn cứ là kế hoạch năm {cited_year} của chính cơ quan: \"{citation}\""
                            ),
                        )
                        .suggest("kiểm tra đã có kế hoạch của năm nay thay thế chưa"),
                    );
                }
            }
        }
    }
}

/// `dd/mm/yyyy` and `ngày dd tháng mm năm yyyy` that no calendar has.
pub fn unreal_dates(text: &str) -> Vec<String> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?-u:\b)([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?-u:\b)|ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})",
        )
        .unwrap()
    });
    DATE.captures_iter(text)
        .filter_map(|c| {
            let num = |a: usize, b: usize| {
                c.get(a)
                    .or(c.get(b))
                    .and_then(|m| m.as_str().parse::<u32>().ok())
            };
            let (day, month, year) = (num(1, 4)?, num(2, 5)?, num(3, 6)? as i32);
            let real = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
            (!real).then(|| c[0].to_owned())
        })
        .collect()
}

/// `kỷ niệm N năm … (base - end)` with `N ≠ end − base`: the text and the right count.
pub fn anniversary_mismatches(text: &str) -> Vec<(String, i32)> {
    ANNIVERSARY
        .captures_iter(text)
        .filter_map(|c| {
            let count: i32 = c["count"].parse().ok()?;
            let right = c["ey"].parse::<i32>().ok()? - c["by"].parse::<i32>().ok()?;
            (count != right).then(|| (c[0].to_owned(), right))
        })
        .collect()
}

/// The year a title names as its period (`năm 2025`, `giai đoạn 2026-2030`,
/// citations left out) when none of them is the plan's `year`; a plan
/// dated in the last quarter may be for the year after.
fn title_year_mismatch(title: &str, year: i32, issued: Option<PlanDate>) -> Option<i32> {
    static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(đến (?:năm )?)?(?-u:\b)([0-9]{4})(?:\s*[-–]\s*([0-9]{4}))?(?-u:\b)")
            .unwrap()
    });
    let title = crate::markup::plain_text(title);
    let cited: Vec<_> = CITATION.find_iter(&title).map(|m| m.range()).collect();
    let periods: Vec<(i32, i32)> = PERIOD
        .captures_iter(&title)
        .filter(|c| !cited.iter().any(|r| r.contains(&c.get(0).unwrap().start())))
        .filter_map(|c| {
            let named: i32 = c[2].parse().ok()?;
            let to = c
                .get(3)
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(named);
            // `… đến năm 2030` runs from now to then.
            let from = if c.get(1).is_some() { year } else { named };
            crate::date::YEARS.contains(&named).then_some((from, to))
        })
        .collect();
    let late_in_year = issued.is_some_and(|d| d.month.is_some_and(|m| m >= 10));
    let covers = |y: i32| periods.iter().any(|&(from, to)| (from..=to).contains(&y));
    let fits = covers(year) || (late_in_year && covers(year + 1));
    match periods.first() {
        Some(&(from, to)) if !fits => Some(if from == year { to } else { from }),
        _ => None,
    }
}

/// Cited documents with the year of their date.
fn citations(text: &str) -> Vec<(String, i32)> {
    CITATION
        .find_iter(text)
        .filter_map(|m| {
            let head: String = m.as_str().chars().take(80).collect();
            let year = CITATION_DATE.captures(m.as_str())?["y"].parse().ok()?;
            Some((head, year))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_found() {
        // Seed 003 writes 30/2 for 03/2.
        assert_eq!(
            unreal_dates("Đảng Cộng sản Việt Nam (03/2/1930-30/2/2025)"),
            ["30/2/2025"]
        );
        assert_eq!(
            unreal_dates("ngày 31 tháng 4 năm 2025"),
            ["ngày 31 tháng 4 năm 2025"]
        );
        assert!(unreal_dates("ngày 29/2/2024, ngày 04 tháng 3 năm 2025, 15/11").is_empty());
    }

    #[test]
    fn anniversary_counts_are_checked() {
        assert_eq!(
            anniversary_mismatches("kỷ niệm 95 năm Ngày sinh (19/5/1890-19/5/2026)"),
            [("95 năm Ngày sinh (19/5/1890-19/5/2026)".to_owned(), 136)]
        );
        assert!(
            anniversary_mismatches("kỷ niệm 96 năm Ngày thành lập Đảng (03/2/1930 - 03/2/2026)")
                .is_empty()
        );
    }

    #[test]
    fn laws_cited_by_name_and_date_are_not_leftovers() {
        for text in [
            "Căn cứ Luật Phòng, chống ma túy số 71/2025/QH15 ngày 14/6/2025;",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Bộ luật Lao động năm 2025;",
        ] {
            assert!(earlier_years(text, 2026).is_empty(), "{text}");
        }
        assert_eq!(
            citations("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;"),
            [(
                "Luật Tổ chức chính quyền địa phương ngày 16/6/2025".to_owned(),
                2025
            )]
        );
    }

    #[test]
    fn an_old_basis_is_a_hint_only_when_it_is_the_bodys_own_plan() {
        let mut plan = crate::model::testing::plan();
        plan.date = Some("2026-03-04".into());
        plan.preamble = vec![
            crate::model::testing::text(
                "Căn cứ Nghị định số 181/2024/NĐ-CP ngày 31/12/2024 của Chính phủ;",
            ),
            crate::model::testing::text(
                "Căn cứ Kế hoạch số 12/KH-STP ngày 05/01/2023 của Sở Tư pháp;",
            ),
        ];
        let mut found = Vec::new();
        check(&plan, &mut found);
        let cite: Vec<_> = found.iter().filter(|f| f.rule == "K-CITE").collect();
        assert_eq!(cite.len(), 1, "{found:?}");
        assert_eq!(
            (cite[0].severity, cite[0].path.as_str()),
            (Severity::Hint, "preamble[1]")
        );
    }

    #[test]
    fn a_title_of_another_year_is_found() {
        let date = |s: &str| PlanDate::parse(s).ok();
        let march = date("2027-03-04");
        let mismatch = |title: &str, year, issued| title_year_mismatch(title, year, issued);
        assert_eq!(mismatch("Thi đua năm 2025", 2027, march), Some(2025));
        assert_eq!(mismatch("Thi đua năm 2027", 2027, march), None);
        assert_eq!(
            mismatch("Cải cách hành chính giai đoạn 2026-2030", 2027, march),
            None
        );
        assert_eq!(mismatch("Triển khai Nghị quyết 57", 2027, march), None);
        // A horizon runs from now: a 2025 plan towards 2030.
        assert_eq!(
            mismatch("Chương trình phòng, chống ma túy đến năm 2030", 2025, march),
            None
        );
        // A plan for next year is often issued in December.
        assert_eq!(mismatch("Thi đua năm 2027", 2026, date("2026-12-20")), None);
        assert_eq!(
            mismatch("Thi đua năm 2027", 2026, date("2026-03-20")),
            Some(2027)
        );
        // A cited document's year is not the title's period.
        let cited = "Triển khai Quyết định số 12/QĐ-UBND ngày 05/01/2025 của UBND tỉnh năm 2027";
        assert_eq!(mismatch(cited, 2027, march), None);
    }

    #[test]
    fn last_years_year_is_found_but_not_ranges_or_citations() {
        // Seed 004, the 2026 plan, still says "năm 2025".
        let text = "góp phần thực hiện thắng lợi các nhiệm vụ chính trị được giao năm 2025 của Bộ, ngành Tư pháp.";
        assert_eq!(earlier_years(text, 2026).len(), 1);
        assert!(
            earlier_years(
                "giai đoạn 2021-2025; Kế hoạch số 258-KH/TU, ngày 29/7/2025 của Ban Thường vụ",
                2026
            )
            .is_empty()
        );
    }
}
