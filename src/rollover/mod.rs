//! Rollover: last year's plan → this year's, the mechanical part done
//! exactly and everything else pointed out.
//!
//! The plan's year moves on, its number and date are cleared for the văn
//! thư, and every text field goes through [`text::roll_text`]. A roll over
//! several years is that many one-year steps, so 2025 → 2026 → 2027 and
//! 2025 → 2027 give the same plan by construction.

pub mod report;
pub mod text;

use std::fmt;

use crate::date::{self, PlanDate};
use crate::format;
use crate::markup::plain_text;
use crate::model::visit::{Step, steps};
use crate::model::{Numbering, Plan, TextRole};
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

/// A place in a plan: the JSON path, and the section it belongs to as a
/// reader numbers it (`III.1.1 Đợt thi đua thứ nhất:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub section: String,
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
                let at = place(plan, path);
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
                        at: place(plan, &path),
                        before: b,
                        after: a,
                    }),
            );
        }
    }
    let header = header_changes(plan, &mut new, to);
    changes.splice(0..0, header);
    if plan.signer_of_record().name.is_none() {
        let path = match plan.decision {
            Some(_) => "decision.signer.name",
            None => "signer.name",
        };
        flags.push(Flagged {
            at: Place {
                path: path.into(),
                section: "Người ký".into(),
            },
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
fn header_changes(old: &Plan, new: &mut Plan, to: i32) -> Vec<Change> {
    let at = |path: &str| Place {
        path: path.into(),
        section: "Phần đầu".into(),
    };
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
            before: show(old.date.clone()),
            after: date.clone(),
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
                before: show(old.date.clone()),
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
    // lcs[i][j]: the common subsequence length of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // Walk the table, marking which words of each side are kept.
    let (mut keep_a, mut keep_b) = (vec![false; a.len()], vec![false; b.len()]);
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            (keep_a[i], keep_b[j]) = (true, true);
            (i, j) = (i + 1, j + 1);
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
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

/// The reader's name for the section a JSON path lies in.
fn place(plan: &Plan, path: &str) -> Place {
    let style = plan.numbering.unwrap_or_default();
    let mut numbers: Vec<u32> = Vec::new();
    let mut section = None;
    let mut sections = &plan.sections;
    let mut label = String::new();
    let all = steps(path);
    let mut rest = all.as_slice();
    if let [Step::Key("appendices"), Step::Index(i), tail @ ..] = rest {
        if let Some(a) = plan.appendices.get(*i) {
            label = a
                .label
                .clone()
                .unwrap_or_else(|| format!("Phụ lục {}", format::roman(*i as u32 + 1)));
            sections = &a.sections;
        }
        rest = tail;
    }
    while let [Step::Key("sections"), Step::Index(i), tail @ ..] = rest {
        let Some(s) = sections.get(*i) else { break };
        numbers.push(*i as u32 + 1);
        section = Some(s);
        sections = &s.sections;
        rest = tail;
    }
    let top = |name: &str| {
        if label.is_empty() {
            name.to_owned()
        } else {
            format!("{label}, {name}")
        }
    };
    let name = match section {
        Some(s) => {
            let number = match &s.number {
                // A kept number replaces the part its style would print.
                Some(kept) if style == Numbering::Decimal && numbers.len() > 1 => {
                    format!(
                        "{}.{}",
                        format::roman(numbers[0]),
                        kept.trim_end_matches('.')
                    )
                }
                Some(kept) => {
                    let parent = dotted(style, &numbers[..numbers.len() - 1]);
                    format!("{parent}.{}", kept.trim_end_matches(['.', ')']))
                }
                None => dotted(style, &numbers),
            };
            let title = s.title.as_deref().map(plain_text).unwrap_or_default();
            let title = match title.char_indices().nth(60) {
                Some((cut, _)) => format!("{}…", &title[..cut]),
                None => title,
            };
            top(format!("Mục {number} {title}").trim())
        }
        None => match all.first() {
            Some(Step::Key("title")) => "Trích yếu".into(),
            Some(Step::Key("subtitle")) => "Dòng dưới trích yếu".into(),
            Some(Step::Key("preamble")) => "Phần mở đầu".into(),
            Some(Step::Key("bases")) => "Căn cứ".into(),
            Some(Step::Key("closing")) => "Phần kết".into(),
            Some(Step::Key("recipients")) => "Nơi nhận".into(),
            Some(Step::Key("decision")) => "Quyết định ban hành".into(),
            Some(Step::Key("appendices")) => top("phần đầu"),
            Some(Step::Key(other)) => (*other).to_owned(),
            _ => String::new(),
        },
    };
    Place {
        path: path.to_owned(),
        section: name,
    }
}

/// `III.1.1` (decimal) or `II.1.a` (letter) — a section's full number.
fn dotted(style: Numbering, numbers: &[u32]) -> String {
    let Some((first, _)) = numbers.split_first() else {
        return String::new();
    };
    let mut parts = vec![format::roman(*first)];
    match style {
        Numbering::Decimal if numbers.len() > 1 => {
            parts.push(format::section_number(style, numbers))
        }
        _ => {
            parts.extend((2..=numbers.len()).map(|d| format::section_number(style, &numbers[..d])))
        }
    }
    parts
        .iter()
        .map(|p| p.trim_end_matches(['.', ')']))
        .collect::<Vec<_>>()
        .join(".")
}
