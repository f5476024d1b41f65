//! Issue dates, which drafts give only in part (`2026-03`, `2026`).

use std::ops::RangeInclusive;

/// The years a plan, its issue date or a rollover may name: wide enough for
/// any real plan, narrow enough that year arithmetic cannot overflow.
pub const YEARS: RangeInclusive<i32> = 1900..=2200;

/// A full or partial issue date; unknown parts print blank (R-DATE).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PlanDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; the error says, in
    /// Vietnamese, what is wrong.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad_shape = || {
            format!(
                "ngày \"{s}\" không đúng dạng: cần năm-tháng-ngày (2025-03-04), năm-tháng (2026-03) hoặc năm (2026)"
            )
        };
        let parts: Vec<&str> = s.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let ok = match parts.as_slice() {
            [y] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2),
            [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
            _ => false,
        };
        if !ok {
            return Err(bad_shape());
        }
        let year: i32 = parts[0].parse().map_err(|_| bad_shape())?;
        let month: Option<u32> = parts.get(1).map(|m| m.parse().unwrap_or(0));
        let day: Option<u32> = parts.get(2).map(|d| d.parse().unwrap_or(0));
        if !YEARS.contains(&year) {
            return Err(year_out_of_range(year));
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("tháng {m} không có thật (chỉ từ 1 đến 12)"));
            }
            if let Some(d) = day {
                let last = days_in_month(year, m);
                if d == 0 || d > last {
                    return Err(format!(
                        "ngày {d} tháng {m} năm {year} không có thật (tháng {m} có {last} ngày)"
                    ));
                }
            }
        }
        Ok(PlanDate { year, month, day })
    }
}

/// The message for a year outside [`YEARS`].
pub fn year_out_of_range(year: i32) -> String {
    format!(
        "năm {year} nằm ngoài khoảng hợp lý ({}–{})",
        YEARS.start(),
        YEARS.end()
    )
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Today's date in UTC from the system clock (days-from-civil, inverted).
pub fn today_utc() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::PlanDate;

    #[test]
    fn full_and_partial_dates() {
        assert_eq!(
            PlanDate::parse("2025-03-04"),
            Ok(PlanDate {
                year: 2025,
                month: Some(3),
                day: Some(4)
            })
        );
        assert_eq!(
            PlanDate::parse("2026-03"),
            Ok(PlanDate {
                year: 2026,
                month: Some(3),
                day: None
            })
        );
        assert_eq!(
            PlanDate::parse("2026"),
            Ok(PlanDate {
                year: 2026,
                month: None,
                day: None
            })
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(
            PlanDate::parse("2025-02-30")
                .unwrap_err()
                .contains("không có thật")
        );
        assert!(PlanDate::parse("2024-02-29").is_ok());
        assert!(PlanDate::parse("2025-13").is_err());
        assert!(
            PlanDate::parse("4/3/2025")
                .unwrap_err()
                .contains("không đúng dạng")
        );
    }
}
