//! Issue dates, which drafts give only in part (`2026-03`, `2026`); the
//! calendar itself is jiff's.

use std::fmt;

use jiff::civil::Date;
use jiff::tz::{self, TimeZone};
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
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let bad_shape = || {
            DateError(format!(
                "ngày \"{s}\" không đúng dạng: cần năm-tháng-ngày (2025-03-04), năm-tháng (2026-03) hoặc năm (2026)"
            ))
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
            return Err(DateError(year_out_of_range(year)));
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError(format!(
                    "tháng {m} không có thật (chỉ từ 1 đến 12)"
                )));
            }
            if let Some(d) = day {
                let last = days_in_month(year, m);
                if d == 0 || d > last {
                    return Err(DateError(format!(
                        "ngày {d} tháng {m} năm {year} không có thật (tháng {m} có {last} ngày)"
                    )));
                }
            }
        }
        Ok(PlanDate { year, month, day })
    }

    /// How many days the first day this date can mean (the 1st of its
    /// month, the 1st of January of its year) lies after `today`; negative
    /// when it is past, `None` when `today` is no date.
    pub fn days_after(&self, today: (i32, u32, u32)) -> Option<i64> {
        let first = civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))?;
        let today = civil(today.0, today.1, today.2)?;
        Some(i64::from((first - today).get_days()))
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

/// Why a text is not a plan date, worded for the clerk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

fn civil(year: i32, month: u32, day: u32) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// Days in `month` (1–12) of `year`; none in a month that does not exist.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    // The Gregorian calendar repeats every 400 years, so any year can be
    // asked about within jiff's range (−9999 to 9999).
    let year = 2000 + year.rem_euclid(400);
    civil(year, month, 1).map_or(0, |first| first.days_in_month().unsigned_abs().into())
}

/// Today's date in Việt Nam. The country has kept UTC+07:00, without
/// daylight saving, since 1975: a fixed offset is exact and needs no
/// time-zone database.
pub fn today() -> (i32, u32, u32) {
    let vietnam = TimeZone::fixed(tz::offset(7));
    let date = vietnam.to_datetime(jiff::Timestamp::now()).date();
    (
        date.year().into(),
        date.month().unsigned_abs().into(),
        date.day().unsigned_abs().into(),
    )
}

#[cfg(test)]
mod tests {
    use super::{PlanDate, days_in_month};

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
                .to_string()
                .contains("không có thật")
        );
        assert!(PlanDate::parse("2024-02-29").is_ok());
        assert!(PlanDate::parse("2025-13").is_err());
        assert!(
            PlanDate::parse("4/3/2025")
                .unwrap_err()
                .to_string()
                .contains("không đúng dạng")
        );
    }

    #[test]
    fn month_lengths_follow_the_gregorian_rule() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2026, 4), 30);
        assert_eq!(days_in_month(12026, 2), 28);
        assert_eq!(days_in_month(2026, 13), 0);
    }

    #[test]
    fn days_after_counts_real_days() {
        let date = |s| PlanDate::parse(s).unwrap();
        // 31 January to 1 March: 29 days in 2024, 28 in 2025.
        assert_eq!(date("2024-03-01").days_after((2024, 1, 31)), Some(30));
        assert_eq!(date("2025-03").days_after((2025, 1, 31)), Some(29));
        assert_eq!(date("2025").days_after((2025, 1, 2)), Some(-1));
        assert_eq!(date("2025").days_after((2025, 2, 30)), None);
    }
}
