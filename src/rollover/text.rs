//! The rules that move one string of a plan from its year to the next.
//!
//! A string is cut into spans, most specific rule first: anniversaries
//! (recomputed from their base date), citations of issued documents and
//! year ranges (kept whole), then dates, month/quarter–year pairs and
//! `năm YYYY` mentions of the plan's own year (moved on). Anything about the
//! old year that no rule is sure of is flagged and left as it is: a wrong
//! silent change is the worst outcome.

use std::sync::LazyLock;

use regex::Regex;

use crate::date::days_in_month;

/// One replaced piece of a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub before: String,
    pub after: String,
}

/// Something a person must decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub kind: FlagKind,
    /// The words the flag is about, as they stand in the text.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlagKind {
    /// A document issued in the old year is cited (a căn cứ to replace).
    OldCitation,
    /// An anniversary with no base date: its count cannot be recomputed.
    AnniversaryWithoutBase,
    /// An anniversary whose count does not match its dates.
    AnniversaryMismatch,
    /// A one-off event of the old year (a congress, an election).
    OneOffEvent,
    /// The old year in a role no rule recognises.
    UnclearYear,
    /// A year after the plan's own: a target or a next-year mention.
    LaterYear,
    /// A date that does not exist in the new year (29/2).
    ImpossibleDate,
    /// The plan does not say who signs this year.
    SignerUnknown,
    /// A quoted name (a movement, a theme) that holds the old year.
    QuotedName,
    /// A year before the new plan's own, left in its running text as if it
    /// were the plan's period (`được giao năm 2025` in a plan for 2027).
    EarlierYear,
}

impl FlagKind {
    /// The reason, for the review report.
    pub fn reason(self) -> &'static str {
        match self {
            FlagKind::OldCitation => {
                "căn cứ là văn bản ban hành năm cũ: kế hoạch mới phải dẫn văn bản của năm nay"
            }
            FlagKind::AnniversaryWithoutBase => {
                "ngày kỷ niệm không ghi mốc gốc (ngày/tháng/năm bắt đầu): không tự tính lại số năm"
            }
            FlagKind::AnniversaryMismatch => {
                "số năm kỷ niệm không khớp với các mốc ngày ghi trong ngoặc: giữ nguyên để người soạn sửa"
            }
            FlagKind::OneOffEvent => {
                "sự kiện diễn ra một lần (đại hội, bầu cử): kiểm tra còn đúng với năm nay"
            }
            FlagKind::UnclearYear => {
                "năm cũ xuất hiện ở chỗ không rõ nghĩa: giữ nguyên, cần người soạn quyết định"
            }
            FlagKind::LaterYear => {
                "năm sau năm kế hoạch (mục tiêu hay mốc năm sau?): giữ nguyên, cần kiểm tra"
            }
            FlagKind::ImpossibleDate => "ngày này không có trong năm mới: giữ nguyên, cần sửa tay",
            FlagKind::SignerUnknown => {
                "kế hoạch không ghi họ tên người ký: cần ghi người ký năm nay"
            }
            FlagKind::QuotedName => {
                "tên trong ngoặc kép (phong trào, chủ đề) có năm cũ: tên riêng được giữ nguyên, kiểm tra năm nay còn dùng không"
            }
            FlagKind::EarlierYear => {
                "năm trước năm kế hoạch còn trong câu văn, như thể là năm thực hiện (thường sót lại từ kế hoạch cũ): kiểm tra có phải là năm nay không"
            }
        }
    }
}

/// The result of moving one string on by one year.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Rolled {
    pub text: String,
    pub edits: Vec<Edit>,
    pub flags: Vec<Flag>,
}

/// `95 năm Ngày thành lập … (03/2/1930-30/2/2025)`.
pub(crate) static ANNIVERSARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<count>[0-9]{1,4})(?P<mid>\s+năm\s+[^()]{1,200}?\s*)\((?P<base>[0-9]{1,2}/[0-9]{1,2}/(?P<by>[0-9]{4}))\s*(?P<dash>[-–])\s*(?P<endday>[0-9]{1,2}/[0-9]{1,2}/)(?P<ey>[0-9]{4})\)",
    )
    .unwrap()
});

/// `kỷ niệm 81 năm` with no base date after it.
static BARE_ANNIVERSARY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)kỷ niệm\s+\d{1,4}\s+năm").unwrap());

/// `Quyết định số 644/QĐ-BTP ngày 25/02/2025 của … về …` (or without `số`
/// when a symbol follows: `Quyết định 626/QĐ-BTP`; or a bare `số 12/STP-VP`
/// of a document whose kind the list does not name) up to the end of its
/// clause: a `;`, a `.`, or a comma that opens a new clause (followed by a
/// capital: `…, Sở Tư pháp triển khai`), while a comma inside the cited
/// title (`về công tác thi đua, khen thưởng năm 2025`) does not end it.
/// Laws are also cited by their name and date or year alone (`Luật Tổ
/// chức chính quyền địa phương ngày 16/6/2025`, `Luật Đất đai năm 2024`,
/// `Luật sửa đổi, bổ sung một số điều của Luật … ngày 27 tháng 11 năm 2024`).
/// A ký hiệu is spelt with ASCII letters, `Đ`, digits, `-` and `/`: the
/// Unicode classes `\w` and `\d` would cost a cold `render` ~8 ms more to
/// compile, for letters no ký hiệu has.
pub(crate) static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?:Bộ luật|Luật|Pháp lệnh|Hiến pháp)\s+(?:\p{Lu}|sửa đổi)[^;.()]{0,150}?\s(?:ngày\s+[0-9]{1,2}(?:/[0-9]{1,2}/|\s+tháng\s+[0-9]{1,2}\s+năm\s+)[0-9]{4}|năm\s+[0-9]{4})|(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết|Nghị định|Thông tư|Công văn|Công điện|Văn bản|Tờ trình|Hướng dẫn|Chương trình(?: hành động)?|Kết luận|Thông báo|Báo cáo|Luật|Pháp lệnh|Đề án|Quy chế|Quy định)\s+(?:số\s+[0-9][0-9A-Za-zĐđ_/\-]*|[0-9]+[0-9A-Za-zĐđ_\-]*/[0-9A-Za-zĐđ_/\-]+)|\bsố\s+[0-9]+[0-9A-Za-zĐđ_\-]*/[0-9A-Za-zĐđ_/\-]+)(?:[^;.,]|,\s*(?:\p{Ll}|[0-9]))*",
    )
    .unwrap()
});

/// A date inside a citation: `ngày 25/02/2025` or `ngày 25 tháng 02 năm 2025`.
pub(crate) static CITATION_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"ngày\s+[0-9]{1,2}(?:/[0-9]{1,2}/|\s+tháng\s+[0-9]{1,2}\s+năm\s+)(?P<y>[0-9]{4})")
        .unwrap()
});

/// `2021-2025`, `2026 - 2030`.
///
/// Numbers are bounded by ASCII word boundaries, `(?-u:\b)`, and spelt
/// `[0-9]`: with Unicode's `\b` the regex crate cannot use its DFA on
/// Vietnamese text and falls back to a backtracker, which made the
/// content checks of a plan take 9 ms instead of 2. Next to a digit the
/// two boundaries differ only for a letter glued to the number.
static RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[0-9]{4}\s*[-–]\s*[0-9]{4}(?-u:\b)").unwrap());

/// A congress or an election named in the text.
static ONE_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:Đại hội[^;.,]{0,150}?lần thứ [IVXLCDM]+|[Bb]ầu cử [^;.,]{0,80}?khóa [IVXLCDM]+)",
    )
    .unwrap()
});

/// A name in quotes: “…” or "…".
static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"“[^”]*”|"[^"]*""#).unwrap());

/// Any year-like number, to be classified by what stands around it.
pub(crate) static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[0-9]{4}(?-u:\b)").unwrap());

/// Moves the plan's own year `from` on to `from + 1` in `text`.
pub fn roll_text(text: &str, from: i32) -> Rolled {
    let to = from + 1;
    let mut out = Rolled::default();
    // Byte ranges already decided, in order.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut replacements: Vec<(usize, usize, String)> = Vec::new();
    let free =
        |taken: &[(usize, usize)], s: usize, e: usize| taken.iter().all(|&(a, b)| e <= a || s >= b);

    // A quoted name is a name: a movement of the old year keeps its words.
    let year_text = from.to_string();
    for m in QUOTED.find_iter(text) {
        taken.push((m.start(), m.end()));
        if YEAR.find_iter(m.as_str()).any(|y| y.as_str() == year_text) {
            out.flags.push(Flag {
                kind: FlagKind::QuotedName,
                text: m.as_str().to_owned(),
            });
        }
    }

    for m in ANNIVERSARY.captures_iter(text) {
        let whole = m.get(0).unwrap();
        if !free(&taken, whole.start(), whole.end()) {
            continue;
        }
        let (count, by, ey): (i32, i32, i32) = (
            m["count"].parse().unwrap_or(-1),
            m["by"].parse().unwrap_or(0),
            m["ey"].parse().unwrap_or(0),
        );
        taken.push((whole.start(), whole.end()));
        if ey != from {
            continue;
        }
        if count != ey - by {
            out.flags.push(Flag {
                kind: FlagKind::AnniversaryMismatch,
                text: whole.as_str().to_owned(),
            });
            continue;
        }
        let after = format!(
            "{}{}({} {} {}{})",
            to - by,
            &m["mid"],
            &m["base"],
            &m["dash"],
            &m["endday"],
            to
        );
        replacements.push((whole.start(), whole.end(), after));
    }

    for m in BARE_ANNIVERSARY.find_iter(text) {
        if free(&taken, m.start(), m.end()) {
            out.flags.push(Flag {
                kind: FlagKind::AnniversaryWithoutBase,
                text: m.as_str().to_owned(),
            });
        }
    }

    for m in CITATION.find_iter(text) {
        // A quoted title inside the citation was taken first; the citation's
        // number and date come before it and must still be kept whole.
        let end = taken
            .iter()
            .filter(|&&(a, b)| a < m.end() && b > m.start())
            .map(|&(a, _)| a)
            .min()
            .unwrap_or(m.end());
        if end <= m.start() {
            continue;
        }
        taken.push((m.start(), end));
        let cited = &text[m.start()..end];
        let year = CITATION_DATE
            .captures(cited)
            .and_then(|c| c["y"].parse::<i32>().ok());
        if year.is_some_and(|y| y >= from) {
            out.flags.push(Flag {
                kind: FlagKind::OldCitation,
                text: cited.trim_end().to_owned(),
            });
        }
    }

    for m in RANGE.find_iter(text) {
        if free(&taken, m.start(), m.end()) {
            taken.push((m.start(), m.end()));
        }
    }

    for m in ONE_OFF.find_iter(text) {
        if free(&taken, m.start(), m.end()) {
            out.flags.push(Flag {
                kind: FlagKind::OneOffEvent,
                text: m.as_str().to_owned(),
            });
        }
    }

    for m in YEAR.find_iter(text) {
        if !free(&taken, m.start(), m.end()) {
            continue;
        }
        let year: i32 = m.as_str().parse().unwrap_or(0);
        if year == to {
            out.flags.push(Flag {
                kind: FlagKind::LaterYear,
                text: context(text, m.start(), m.end()),
            });
            continue;
        }
        if year != from {
            continue;
        }
        match year_role(text, m.start()) {
            Role::Date { start, day, month } if day > days_in_month(to, month) => {
                out.flags.push(Flag {
                    kind: FlagKind::ImpossibleDate,
                    text: text[start..m.end()].to_owned(),
                });
            }
            Role::Date { .. } | Role::MonthOrQuarter | Role::YearWord => {
                replacements.push((m.start(), m.end(), to.to_string()));
            }
            Role::Unknown => {
                out.flags.push(Flag {
                    kind: FlagKind::UnclearYear,
                    text: context(text, m.start(), m.end()),
                });
            }
        }
    }

    replacements.sort_by_key(|r| r.0);
    let mut result = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, after) in replacements {
        result.push_str(&text[at..start]);
        let before_ctx = context(text, start, end);
        result.push_str(&after);
        let after_ctx = before_ctx.replacen(&text[start..end], &after, 1);
        out.edits.push(Edit {
            before: before_ctx,
            after: after_ctx,
        });
        at = end;
    }
    result.push_str(&text[at..]);
    out.text = result;
    out
}

enum Role {
    /// `30/6/2025`
    Date {
        start: usize,
        day: u32,
        month: u32,
    },
    /// `04/2025`, `Quý II/2025`
    MonthOrQuarter,
    /// `năm 2025`
    YearWord,
    Unknown,
}

/// What the four digits at `at` are, judged by what precedes them.
fn year_role(text: &str, at: usize) -> Role {
    static DATE_BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]{1,2})/([0-9]{1,2})/$").unwrap());
    static MONTH_BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:(?-u:\b)[0-9]{1,2}|(?-u:\b)[IVX]{1,4})/$").unwrap());
    static YEAR_WORD_BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)năm\s+$").unwrap());
    let head = &text[..at];
    if let Some(c) = DATE_BEFORE.captures(head) {
        let day = c[1].parse().unwrap_or(0);
        let month = c[2].parse().unwrap_or(0);
        if (1..=12).contains(&month) && day >= 1 {
            return Role::Date {
                start: c.get(0).unwrap().start(),
                day,
                month,
            };
        }
        return Role::Unknown;
    }
    if MONTH_BEFORE.is_match(head) {
        return Role::MonthOrQuarter;
    }
    if YEAR_WORD_BEFORE.is_match(head) {
        return Role::YearWord;
    }
    Role::Unknown
}

/// A few words around a match, for the report.
fn context(text: &str, start: usize, end: usize) -> String {
    let before = text[..start]
        .char_indices()
        .rev()
        .filter(|(_, c)| *c == ' ')
        .nth(3)
        .map_or(0, |(i, _)| i + 1);
    let after = text[end..]
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .nth(3)
        .map_or(text.len(), |(i, _)| end + i);
    text[before..after].trim().to_owned()
}

#[cfg(test)]
mod tests;
