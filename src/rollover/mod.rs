//! Rollover: last year's plan → this year's, the mechanical part done
//! exactly and everything else pointed out.
//!
//! The plan's year moves on, its number and date are cleared for the văn
//! thư, and every text field goes through [`text::roll_text`]. A roll over
//! several years is that many one-year steps, so 2025 → 2026 → 2027 and
//! 2025 → 2027 give the same plan by construction.

pub mod earlier;
pub mod report;
pub mod text;

use std::collections::HashMap;
use std::fmt;

use crate::date::{self, PlanDate};
use crate::format;
use crate::model::{Plan, TextRole};
use crate::sequence::common_subsequence;
use crate::view::Places;
pub use text::{Flag, FlagKind};

/// One change, where it is and what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub at: Place,
    pub before: String,
    pub after: String,
}

/// One flag, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flagged {
    pub at: Place,
    pub flag: Flag,
}

/// A place in a plan: the words a clerk knows it by (`Mục II.1.1 Công tác
/// xây dựng pháp luật, đoạn 2`, `Phần đầu · Năm`), which the review shows,
/// and the JSON path, by which the web form finds the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub words: String,
}

#[derive(Debug, Clone)]
pub struct Rollover {
    pub from: i32,
    pub to: i32,
    pub plan: Plan,
    pub changes: Vec<Change>,
    pub flags: Vec<Flagged>,
}

/// The plan's own year: `year`, or the year of its date.
pub fn plan_year(plan: &Plan) -> Option<i32> {
    plan.year.or_else(|| {
        plan.date
            .as_deref()
            .and_then(|d| PlanDate::parse(d).ok())
            .map(|d| d.year)
    })
}

/// Why a plan cannot be moved on to the year asked for.
#[derive(Debug)]
pub enum RolloverError {
    /// The plan has neither `year` nor `date`.
    NoYear,
    /// The new year is not after the plan's own.
    NotLater { from: i32, to: i32 },
    /// The new year is outside the years a plan may name.
    OutOfRange(i32),
}

impl RolloverError {
    /// The JSON path of the field at fault.
    pub fn path(&self) -> &'static str {
        match self {
            RolloverError::NoYear
            | RolloverError::NotLater { .. }
            | RolloverError::OutOfRange(_) => "year",
        }
    }
}

impl fmt::Display for RolloverError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            RolloverError::NoYear => {
                write!(f, "kế hoạch không có năm (\"year\" hoặc \"date\")")
            }
            RolloverError::NotLater { from, to } => {
                write!(f, "năm mới ({to}) phải sau năm của kế hoạch ({from})")
            }
            RolloverError::OutOfRange(to) => {
                write!(f, "năm mới: {}", date::year_out_of_range(*to))
            }
        }
    }
}

impl std::error::Error for RolloverError {}

/// Moves a plan on to year `to` (after its own year).
pub fn rollover(plan: &Plan, to: i32) -> Result<Rollover, RolloverError> {
    let from = plan_year(plan).ok_or(RolloverError::NoYear)?;
    if !date::YEARS.contains(&to) {
        return Err(RolloverError::OutOfRange(to));
    }
    if to <= from {
        return Err(RolloverError::NotLater { from, to });
    }
    let places = Places::new(plan);
    let place = |path: &str| Place {
        path: path.to_owned(),
        words: places.words(path),
    };
    let mut new = plan.clone();
    let mut flags: Vec<Flagged> = Vec::new();
    for year in from..to {
        new.visit_strings_mut(&mut |path, role, s| {
            if role != TextRole::Prose {
                return;
            }
            let rolled = text::roll_text(s, year);
            *s = rolled.text;
            for flag in rolled.flags {
                let at = place(path);
                let known = flags.iter().any(|f| f.at == at && f.flag == flag);
                if !known {
                    flags.push(Flagged { at, flag });
                }
            }
        });
    }
    // Rolling changes words only, so both plans have the same shape and
    // their prose pairs up in order.
    let mut changes = Vec::new();
    for ((path, before), (_, after)) in plan.prose().into_iter().zip(new.prose()) {
        if before != after {
            changes.extend(
                changed_spans(&before, &after)
                    .into_iter()
                    .map(|(b, a)| Change {
                        at: place(&path),
                        before: b,
                        after: a,
                    }),
            );
        }
    }
    // What no step moved and is still of an earlier year is what `check`
    // finds in the new plan (K-YEAR): a year left from an older plan.
    for (path, text) in new.prose() {
        for left in earlier::earlier_years(&text, to) {
            flags.push(Flagged {
                at: place(&path),
                flag: Flag {
                    kind: FlagKind::EarlierYear,
                    text: left.text,
                },
            });
        }
    }
    // In the order of the text, as a clerk reads the review; what is no
    // prose (the signer) comes last.
    let order: HashMap<String, usize> = plan
        .prose()
        .into_iter()
        .enumerate()
        .map(|(i, (path, _))| (path, i))
        .collect();
    flags.sort_by_key(|f| order.get(&f.at.path).copied().unwrap_or(usize::MAX));
    let header = header_changes(plan, &mut new, to, &place);
    changes.splice(0..0, header);
    if plan.signer_of_record().name.is_none() {
        let path = match plan.decision {
            Some(_) => "decision.signer.name",
            None => "signer.name",
        };
        flags.push(Flagged {
            at: place(path),
            flag: Flag {
                kind: FlagKind::SignerUnknown,
                text: "(không có họ tên)".into(),
            },
        });
    }
    Ok(Rollover {
        from,
        to,
        plan: new,
        changes,
        flags,
    })
}

/// Year on, number and date cleared for the văn thư (only the year kept).
fn header_changes(old: &Plan, new: &mut Plan, to: i32, at: &dyn Fn(&str) -> Place) -> Vec<Change> {
    let show = |v: Option<String>| v.unwrap_or_else(|| "(để trống)".into());
    let mut changes = vec![Change {
        at: at("year"),
        before: show(plan_year(old).map(|y| y.to_string())),
        after: to.to_string(),
    }];
    new.year = Some(to);
    if old.number.is_some() {
        changes.push(Change {
            at: at("number"),
            before: show(old.number.map(format::pad_number)),
            after: show(None),
        });
        new.number = None;
    }
    let date = to.to_string();
    if old.date.as_deref() != Some(date.as_str()) {
        changes.push(Change {
            at: at("date"),
            before: show(old.date.as_deref().map(date_in_words)),
            after: date_in_words(&date),
        });
        new.date = Some(date);
    }
    // The decision's số and day are the văn thư's again; its date follows
    // the plan's.
    if let (Some(old), Some(new)) = (&old.decision, &mut new.decision) {
        if old.number.is_some() {
            changes.push(Change {
                at: at("decision.number"),
                before: show(old.number.map(format::pad_number)),
                after: show(None),
            });
            new.number = None;
        }
        if old.date.is_some() {
            changes.push(Change {
                at: at("decision.date"),
                before: show(old.date.as_deref().map(date_in_words)),
                after: "(theo ngày của kế hoạch)".into(),
            });
            new.date = None;
        }
    }
    changes
}

/// The changed stretches of a string, word by word (a longest common
/// subsequence), each with up to three unchanged words around it.
fn changed_spans(before: &str, after: &str) -> Vec<(String, String)> {
    let a: Vec<&str> = before.split(' ').collect();
    let b: Vec<&str> = after.split(' ').collect();
    // Mark which words of each side are kept.
    let (mut keep_a, mut keep_b) = (vec![false; a.len()], vec![false; b.len()]);
    for (i, j) in common_subsequence(&a, &b) {
        (keep_a[i], keep_b[j]) = (true, true);
    }
    // Pair up the runs of changed words in order; add context.
    let runs = |keep: &[bool]| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < keep.len() {
            if keep[k] {
                k += 1;
                continue;
            }
            let start = k;
            while k < keep.len() && !keep[k] {
                k += 1;
            }
            out.push((start, k));
        }
        out
    };
    let show = |words: &[&str], (s, e): (usize, usize)| {
        words[s.saturating_sub(3)..(e + 3).min(words.len())].join(" ")
    };
    // Runs a few words apart are one change to a reader.
    let mut pairs: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for (ra, rb) in runs(&keep_a).into_iter().zip(runs(&keep_b)) {
        match pairs.last_mut() {
            Some((pa, pb)) if ra.0 <= pa.1 + 3 && rb.0 <= pb.1 + 3 => {
                (pa.1, pb.1) = (ra.1, rb.1);
            }
            _ => pairs.push((ra, rb)),
        }
    }
    pairs
        .into_iter()
        .map(|(ra, rb)| (show(&a, ra), show(&b, rb)))
        .collect()
}

/// A plan's date as a clerk writes it: `15/3/2026`, `tháng 3/2026`,
/// `năm 2026`; a value that is no date as it stands.
fn date_in_words(value: &str) -> String {
    match PlanDate::parse(value) {
        Ok(PlanDate {
            year,
            month: Some(month),
            day: Some(day),
        }) => format!("{day}/{month}/{year}"),
        Ok(PlanDate {
            year,
            month: Some(month),
            day: None,
        }) => format!("tháng {month}/{year}"),
        Ok(PlanDate { year, .. }) => format!("năm {year}"),
        Err(_) => value.to_owned(),
    }
}
