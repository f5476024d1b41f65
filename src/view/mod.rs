//! The template context: a plan with every derived value worked out —
//! numbers, padded dates, punctuation, the `./.` mark, task lines, table
//! headers. Templates only lay it out; the rules live here and in
//! [`crate::format`], where they are unit-tested.

mod body;
mod decision;
mod place;
mod tasks;
mod widths;

use serde::Serialize;

use body::{blocks, clear_tails, end_mark, end_mark_sections, mark_before_last, sections};
pub use decision::DecisionView;
use decision::attached_line;
pub use place::{Places, place_in_words};
use tasks::{Labels, gathered_tasks};

use crate::date::PlanDate;
use crate::format;
use crate::markup::plain_text;
use crate::model::{AuthorityPrefix, Plan, Reference, Signer, Urgency, Width};

#[derive(Debug, Serialize)]
pub struct View {
    pub font: String,
    pub issuer: IssuerView,
    /// The padded number, or none for the văn thư's blank.
    pub number: Option<String>,
    pub symbol: String,
    pub place: String,
    pub date: DateView,
    pub title: String,
    pub subtitle: Option<String>,
    pub urgency: Option<UrgencyView>,
    pub bases: Vec<String>,
    pub preamble: Vec<BlockView>,
    pub sections: Vec<SectionView>,
    pub closing: Vec<BlockView>,
    /// Nơi nhận entries with their punctuation, the `Lưu:` line last.
    pub recipients: Vec<String>,
    pub signer: SignerView,
    pub appendices: Vec<AppendixView>,
    /// The plain trích yếu, for the PDF's metadata.
    pub plain_title: String,
    /// The Quyết định that issues the plan, printed before it; the plan
    /// is then the attached document, without số, date or signature.
    pub decision: Option<DecisionView>,
    /// Which part to print: `all`, `decision` or `plan`.
    pub part: &'static str,
    /// The nơi nhận list may not fit on one page with the signature: the
    /// closing block then breaks across pages instead of hanging whole
    /// under the last line of text.
    pub closing_breaks: bool,
}

/// What `render --only` prints of a plan issued with a decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Part {
    #[default]
    All,
    Decision,
    Plan,
}

#[derive(Debug, Serialize)]
pub struct IssuerView {
    pub parent: Option<String>,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct DateView {
    pub day: Option<String>,
    pub month: Option<String>,
    pub year: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct UrgencyView {
    pub text: &'static str,
    /// Box width in mm (R-URGENT).
    pub width: u32,
}

#[derive(Debug, Serialize)]
pub struct SignerView {
    pub authority: Vec<String>,
    pub title: Option<String>,
    pub name: Option<String>,
    /// Virtual paths served to Typst.
    pub signature_image: Option<String>,
    pub seal_image: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub level: usize,
    pub number: String,
    pub title: Option<String>,
    /// The number (and run-in title) opens the first paragraph instead of
    /// standing on a line of its own.
    pub runs_into: bool,
    pub content: Vec<BlockView>,
    pub sections: Vec<SectionView>,
    pub after: Vec<BlockView>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockView {
    Paragraph {
        text: String,
        tail: Tail,
    },
    List {
        marker: String,
        items: Vec<BlockView>,
    },
    Task {
        content: Vec<BlockView>,
        lines: Vec<TaskLine>,
    },
    Table(TableView),
}

#[derive(Debug, Serialize)]
pub struct TaskLine {
    pub label: String,
    pub value: String,
    pub tail: Tail,
}

/// Where a paragraph or task line stands among the text's last lines, which
/// the templates keep on one page with the closing block (R-SIGNER): as a
/// careful clerk does, the last paragraph goes whole with nơi nhận and the
/// signature when they must move to a new page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tail {
    #[default]
    Body,
    /// The text just before the last one, with no heading or table between
    /// them: a last text of one line comes under this one's last line,
    /// together with the closing block.
    BeforeLast,
    /// The text that ends the content (with `./.`), right after a
    /// [`Tail::BeforeLast`].
    LastAfterText,
    /// The text that ends the content after a heading, a table or nothing.
    Last,
}

#[derive(Debug, Serialize)]
pub struct TableView {
    pub caption: Option<String>,
    pub columns: Vec<ColumnView>,
    /// Header rows, repeated on every page.
    pub header: Vec<Vec<String>>,
    /// Body rows; each cell holds blocks.
    pub rows: Vec<Vec<Vec<BlockView>>>,
    pub landscape: bool,
}

#[derive(Debug, Serialize)]
pub struct ColumnView {
    /// A Typst length expression made only from a number and a unit.
    pub width: String,
    /// The same width, for the Word file.
    #[serde(skip)]
    pub size: Width,
    pub align: &'static str,
    /// Justified text is left-aligned text whose lines fill the cell.
    pub justify: bool,
}

#[derive(Debug, Serialize)]
pub struct AppendixView {
    pub label: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub reference: Option<String>,
    pub landscape: bool,
    pub content: Vec<BlockView>,
    pub sections: Vec<SectionView>,
}

/// Virtual paths of the images inside the Typst world.
pub const SIGNATURE_PATH: &str = "/images/signature.png";
pub const SEAL_PATH: &str = "/images/seal.png";

impl View {
    pub fn new(plan: &Plan, font: &str) -> View {
        View::of_part(plan, font, Part::All)
    }

    pub fn of_part(plan: &Plan, font: &str, part: Part) -> View {
        let style = plan.numbering.unwrap_or_default();
        let labels = Labels::new(plan.task_labels.as_ref(), plan.task_order.as_deref());
        let date = plan.date.as_deref().and_then(|d| PlanDate::parse(d).ok());
        let number = plan.number.map(format::pad_number);
        let symbol = plan.symbol();

        let mut body = sections(&plan.sections, style, &labels, &[], false);
        let mut closing = blocks(&plan.closing, &labels, false);
        if !end_mark(&mut closing) && !end_mark_sections(&mut body) {
            closing.push(BlockView::Paragraph {
                text: "./.".into(),
                tail: Tail::Last,
            });
        }
        let mut preamble = blocks(&plan.preamble, &labels, false);
        if plan.decision.is_some() {
            // The attached plan ends without a closing block to keep with.
            clear_tails(&mut preamble, &mut body, &mut closing);
        } else {
            mark_before_last(&mut preamble, &mut body, &mut closing);
        }

        let mut recipients: Vec<String> = plan
            .recipients
            .iter()
            .map(|r| format::recipient_line(r, false))
            .collect();
        recipients.push(format::archive_line(or_missing(
            &plan.archive,
            MISSING_ARCHIVE,
        )));
        let closing_breaks = recipient_lines(&recipients) > MAX_RECIPIENT_LINES;

        let mut appendices: Vec<AppendixView> = Vec::new();
        let count = plan.appendices.len() + usize::from(plan.gather_tasks);
        for (i, a) in plan.appendices.iter().enumerate() {
            let label = a.label.clone().unwrap_or_else(|| default_label(i, count));
            appendices.push(AppendixView {
                label,
                title: a.title.clone(),
                subtitle: a.subtitle.clone(),
                reference: reference(plan, a.reference.as_ref(), number.as_deref(), &symbol, date),
                landscape: a.landscape,
                content: blocks(&a.content, &labels, a.landscape),
                sections: sections(&a.sections, style, &labels, &[], a.landscape),
            });
        }
        if plan.gather_tasks {
            appendices.push(gathered_tasks(
                plan,
                count,
                &labels,
                number.as_deref(),
                &symbol,
                date,
            ));
        }

        View {
            font: font.to_owned(),
            issuer: IssuerView {
                parent: plan.issuer.parent.clone(),
                name: or_missing(&plan.issuer.name, MISSING_ISSUER).to_owned(),
            },
            number,
            symbol,
            place: or_missing(&plan.place, MISSING_PLACE).to_owned(),
            date: date_view(date, plan.year),
            title: or_missing(&plan.title, MISSING_TITLE).to_owned(),
            subtitle: plan.subtitle.clone().or_else(|| {
                plan.decision
                    .as_ref()
                    .map(|decision| attached_line(plan, decision))
            }),
            urgency: plan.urgency.map(urgency),
            bases: bases(&plan.bases),
            preamble,
            sections: body,
            closing,
            recipients,
            signer: signer_view(&plan.signer),
            appendices,
            plain_title: plain_text(&plan.title),
            decision: plan
                .decision
                .as_ref()
                .map(|decision| DecisionView::new(plan, decision)),
            closing_breaks,
            part: match part {
                Part::All => "all",
                Part::Decision => "decision",
                Part::Plan => "plan",
            },
        }
    }
}

/// The nơi nhận lines a page holds beside the signature, with room for
/// the text's last lines: about 50 lines of 11 pt fit in the text area.
const MAX_RECIPIENT_LINES: usize = 40;

/// The lines the nơi nhận column takes: an entry wraps at about 28
/// characters in its 52.8 mm.
fn recipient_lines(recipients: &[String]) -> usize {
    recipients
        .iter()
        .map(|r| r.chars().count().div_ceil(28).max(1))
        .sum()
}

fn date_view(date: Option<PlanDate>, year: Option<i32>) -> DateView {
    DateView {
        day: date.and_then(|d| d.day).map(format::pad_day),
        month: date.and_then(|d| d.month).map(format::pad_month),
        year: date.map(|d| d.year).or(year).map(|y| y.to_string()),
    }
}

fn signer_view(signer: &Signer) -> SignerView {
    SignerView {
        authority: signer
            .authority
            .iter()
            .map(|a| format!("{}. {}", prefix(a.prefix), a.of))
            .collect(),
        title: signer.title.clone(),
        name: signer.name.clone(),
        signature_image: signer
            .signature_image
            .as_ref()
            .map(|_| SIGNATURE_PATH.into()),
        seal_image: signer.seal_image.as_ref().map(|_| SEAL_PATH.into()),
    }
}

fn prefix(p: AuthorityPrefix) -> &'static str {
    match p {
        AuthorityPrefix::Tm => "TM",
        AuthorityPrefix::Kt => "KT",
        AuthorityPrefix::Q => "Q",
        AuthorityPrefix::Tl => "TL",
        AuthorityPrefix::Tuq => "TUQ",
    }
}

/// Box sizes and spelling as the decree gives them (Phụ lục I, ô 10b).
fn urgency(u: Urgency) -> UrgencyView {
    match u {
        Urgency::Khan => UrgencyView {
            text: "KHẨN",
            width: 20,
        },
        Urgency::ThuongKhan => UrgencyView {
            text: "THƯỢNG KHẨN",
            width: 40,
        },
        Urgency::HoaToc => UrgencyView {
            text: "HOẢ TỐC",
            width: 30,
        },
    }
}

/// Căn cứ lines end with `;`, the last with `.` (R-CANCU).
pub(super) fn bases(lines: &[String]) -> Vec<String> {
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let core = l.trim_end_matches([';', '.', ',']);
            format!("{core}{}", if i + 1 == n { "." } else { ";" })
        })
        .collect()
}

pub(super) fn default_label(i: usize, count: usize) -> String {
    if count == 1 {
        "PHỤ LỤC".into()
    } else {
        format!("Phụ lục {}", format::roman(i as u32 + 1))
    }
}

/// The line under an appendix's title: `(Kèm theo Kế hoạch số 45/KH-STP
/// ngày 04 tháng 3 năm 2025 của Sở Tư pháp)` (R-PL), or, for a plan issued
/// with a decision, the decision's line.
pub(super) fn reference(
    plan: &Plan,
    given: Option<&Reference>,
    number: Option<&str>,
    symbol: &str,
    date: Option<PlanDate>,
) -> Option<String> {
    match given {
        Some(Reference::Omit(false)) => return None,
        Some(Reference::Text(t)) => return Some(t.clone()),
        Some(Reference::Omit(true)) | None => {}
    }
    Some(match &plan.decision {
        Some(decision) => attached_line(plan, decision),
        None => reference_line("Kế hoạch", number, symbol, date, plan.year, &text_by(plan)),
    })
}

/// `(Kèm theo {kind} số 45/KH-STP ngày 04 tháng 3 năm 2025 của {by})`, with
/// blanks where the number or date is not yet known. The blanks are runs
/// of dots, which print on one line and can be stamped over.
pub(super) fn reference_line(
    kind: &str,
    number: Option<&str>,
    symbol: &str,
    date: Option<PlanDate>,
    year: Option<i32>,
    by: &str,
) -> String {
    const BLANK: &str = "…";
    let day = date
        .and_then(|d| d.day)
        .map_or(BLANK.into(), format::pad_day);
    let month = date
        .and_then(|d| d.month)
        .map_or(BLANK.into(), format::pad_month);
    let year = date
        .map(|d| d.year)
        .or(year)
        .map_or(BLANK.into(), |y| y.to_string());
    format!(
        "(Kèm theo {kind} số {}/{symbol} ngày {day} tháng {month} năm {year} của {by})",
        number.unwrap_or(BLANK)
    )
}

/// The issuing body as a sentence names it: its own `name_in_text`, or its
/// name in sentence case.
pub(super) fn text_by(plan: &Plan) -> String {
    match &plan.issuer.name_in_text {
        Some(name) => name.clone(),
        None if plan.issuer.name.trim().is_empty() => MISSING_BY.into(),
        None => crate::vietnamese::name_in_sentence(&plan.issuer.name),
    }
}

/// What prints where a header field is empty (an import that did not find
/// it, a form not yet filled in): a mark the clerk cannot mistake for a
/// value. The plan itself keeps the field empty; `check` names it.
const MISSING_ISSUER: &str = "[TÊN CƠ QUAN BAN HÀNH]";
const MISSING_BY: &str = "[cơ quan ban hành]";
const MISSING_PLACE: &str = "[Địa danh]";
const MISSING_TITLE: &str = "[Trích yếu]";
pub(super) const MISSING_ARCHIVE: &str = "[nơi lưu]";

pub(super) fn or_missing<'a>(text: &'a str, mark: &'a str) -> &'a str {
    if text.trim().is_empty() { mark } else { text }
}
