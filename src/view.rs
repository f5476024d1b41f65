//! The template context: a plan with every derived value worked out —
//! numbers, padded dates, punctuation, the `./.` mark, task lines, table
//! headers. Templates only lay it out; the rules live here and in
//! [`crate::format`], where they are unit-tested.

use serde::Serialize;

use crate::date::PlanDate;
use crate::format;
use crate::markup::plain_text;
use crate::model::{
    Align, AuthorityPrefix, Block, Numbering, Plan, Reference, Section, Task, TaskField,
    TaskLabels, Urgency, Width,
};
use crate::vietnamese::capitalise;

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
    pub run_in: bool,
    pub content: Vec<BlockView>,
    pub sections: Vec<SectionView>,
    pub after: Vec<BlockView>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockView {
    Paragraph {
        text: String,
        /// The paragraph that ends the content (with `./.`): it marks where
        /// the body ends, for the check that the signature block follows it.
        ending: bool,
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
        let style = plan.numbering.unwrap_or_default();
        let labels = Labels::new(plan.task_labels.as_ref(), plan.task_order.as_deref());
        let date = plan.date.as_deref().and_then(|d| PlanDate::parse(d).ok());
        let number = plan.number.map(format::pad_number);
        let symbol = plan.symbol();

        let mut body = sections(&plan.sections, style, &labels, &[]);
        let mut closing = blocks(&plan.closing, &labels);
        if !end_mark(&mut closing) && !end_mark_sections(&mut body) {
            closing.push(BlockView::Paragraph {
                text: "./.".into(),
                ending: true,
            });
        }

        let mut recipients: Vec<String> = plan
            .recipients
            .iter()
            .map(|r| format::recipient_line(r, false))
            .collect();
        recipients.push(format::archive_line(&plan.archive));

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
                content: blocks(&a.content, &labels),
                sections: sections(&a.sections, style, &labels, &[]),
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
                name: plan.issuer.name.clone(),
            },
            number,
            symbol,
            place: plan.place.clone(),
            date: DateView {
                day: date.and_then(|d| d.day).map(format::pad_day),
                month: date.and_then(|d| d.month).map(format::pad_month),
                year: date.map(|d| d.year).or(plan.year).map(|y| y.to_string()),
            },
            title: plan.title.clone(),
            subtitle: plan.subtitle.clone(),
            urgency: plan.urgency.map(urgency),
            bases: bases(&plan.bases),
            preamble: blocks(&plan.preamble, &labels),
            sections: body,
            closing,
            recipients,
            signer: SignerView {
                authority: plan
                    .signer
                    .authority
                    .iter()
                    .map(|a| format!("{}. {}", prefix(a.prefix), a.of))
                    .collect(),
                title: plan.signer.title.clone(),
                name: plan.signer.name.clone(),
                signature_image: plan
                    .signer
                    .signature_image
                    .as_ref()
                    .map(|_| SIGNATURE_PATH.into()),
                seal_image: plan.signer.seal_image.as_ref().map(|_| SEAL_PATH.into()),
            },
            appendices,
            plain_title: plain_text(&plan.title),
        }
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
fn bases(lines: &[String]) -> Vec<String> {
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

fn default_label(i: usize, count: usize) -> String {
    if count == 1 {
        "PHỤ LỤC".into()
    } else {
        format!("Phụ lục {}", format::roman(i as u32 + 1))
    }
}

/// `(Kèm theo Kế hoạch số 45/KH-STP ngày 04 tháng 3 năm 2025 của Sở Tư pháp)`,
/// with blanks where the number or date is not yet known (R-PL). The blanks
/// are runs of dots, which print on one line and can be stamped over.
fn reference(
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
    const BLANK: &str = "…";
    let day = date
        .and_then(|d| d.day)
        .map_or(BLANK.into(), format::pad_day);
    let month = date
        .and_then(|d| d.month)
        .map_or(BLANK.into(), format::pad_month);
    let year = date
        .map(|d| d.year)
        .or(plan.year)
        .map_or(BLANK.into(), |y| y.to_string());
    let body = plan
        .issuer
        .name_in_text
        .clone()
        .unwrap_or_else(|| sentence_case(&plan.issuer.name));
    Some(format!(
        "(Kèm theo Kế hoạch số {}/{symbol} ngày {day} tháng {month} năm {year} của {body})",
        number.unwrap_or(BLANK)
    ))
}

/// `SỞ TƯ PHÁP` → `Sở Tư pháp`: the first word capitalised and the next one
/// too (the type and field of a body, Phụ lục II), the rest lower case.
fn sentence_case(name: &str) -> String {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    words
        .iter()
        .enumerate()
        .map(|(i, w)| if i < 2 { capitalise(w) } else { w.clone() })
        .collect::<Vec<_>>()
        .join(" ")
}

fn sections(
    list: &[Section],
    style: Numbering,
    labels: &Labels,
    parent: &[u32],
) -> Vec<SectionView> {
    list.iter()
        .enumerate()
        .map(|(i, s)| {
            let mut path = parent.to_vec();
            path.push(i as u32 + 1);
            SectionView {
                level: path.len(),
                number: s
                    .number
                    .clone()
                    .unwrap_or_else(|| format::section_number(style, &path)),
                title: s.title.clone(),
                run_in: s.run_in,
                content: blocks(&s.content, labels),
                sections: sections(&s.sections, style, labels, &path),
                after: blocks(&s.after, labels),
            }
        })
        .collect()
}

fn blocks(list: &[Block], labels: &Labels) -> Vec<BlockView> {
    list.iter().map(|b| block(b, labels)).collect()
}

fn block(b: &Block, labels: &Labels) -> BlockView {
    match b {
        Block::Paragraph(text) => BlockView::paragraph(text.clone()),
        Block::List(l) => BlockView::List {
            marker: l.marker.clone().unwrap_or_else(|| "-".into()),
            items: blocks(&l.list, labels),
        },
        Block::Task(t) => BlockView::Task {
            content: blocks(&t.task.content, labels),
            lines: labels.lines(&t.task),
        },
        Block::Table(t) => {
            let t = &t.table;
            let mut header = vec![t.columns.iter().map(|c| c.title.clone()).collect()];
            header.extend(t.header_rows.iter().cloned());
            TableView {
                caption: t.caption.clone(),
                columns: t.columns.iter().map(|c| column(c.width, c.align)).collect(),
                header,
                rows: t
                    .rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|c| vec![BlockView::paragraph(c.clone())])
                            .collect()
                    })
                    .collect(),
                landscape: t.landscape,
            }
            .into()
        }
        Block::TaskTable(t) => {
            let t = &t.task_table;
            let columns: Vec<(TaskField, String, Option<Width>, Option<Align>)> = t
                .columns
                .iter()
                .map(|c| (c.field, c.title.clone(), c.width, c.align))
                .collect();
            task_table(&columns, t.number_row, &t.items, t.landscape, labels)
        }
    }
}

impl BlockView {
    fn paragraph(text: String) -> Self {
        BlockView::Paragraph {
            text,
            ending: false,
        }
    }
}

impl From<TableView> for BlockView {
    fn from(t: TableView) -> Self {
        BlockView::Table(t)
    }
}

fn column(width: Option<Width>, align: Option<Align>) -> ColumnView {
    let width = match width {
        None => "1fr".to_owned(),
        Some(Width::Share(n)) => format!("{n}fr"),
        Some(Width::Millimetres(mm)) => format!("{mm}mm"),
        Some(Width::Percent(p)) => format!("{p}%"),
    };
    let align = align.unwrap_or(Align::Left);
    let justify = align == Align::Justify;
    let align = match align {
        Align::Left | Align::Justify => "left",
        Align::Center => "center",
        Align::Right => "right",
    };
    ColumnView {
        width,
        align,
        justify,
    }
}

fn task_table(
    columns: &[(TaskField, String, Option<Width>, Option<Align>)],
    number_row: bool,
    items: &[Task],
    landscape: bool,
    labels: &Labels,
) -> BlockView {
    let mut header = vec![columns.iter().map(|c| c.1.clone()).collect::<Vec<_>>()];
    if number_row {
        let mut n = 0;
        header.push(
            columns
                .iter()
                .map(|c| {
                    if c.0 == TaskField::Index {
                        String::new()
                    } else {
                        n += 1;
                        format!("({n})")
                    }
                })
                .collect(),
        );
    }
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, task)| {
            columns
                .iter()
                .map(|c| match c.0 {
                    TaskField::Index => vec![BlockView::paragraph((i + 1).to_string())],
                    TaskField::Content => blocks(&task.content, labels),
                    field => task_value(task, field)
                        .map(|text| vec![BlockView::paragraph(text)])
                        .unwrap_or_default(),
                })
                .collect()
        })
        .collect();
    TableView {
        caption: None,
        columns: columns.iter().map(|c| column(c.2, c.3)).collect(),
        header,
        rows,
        landscape,
    }
    .into()
}

fn task_value(task: &Task, field: TaskField) -> Option<String> {
    let units = |u: &crate::model::Units| match u {
        crate::model::Units::One(s) => s.clone(),
        crate::model::Units::Many(v) => v.join("; "),
    };
    match field {
        TaskField::Lead => task.lead.as_ref().map(units),
        TaskField::Support => task.support.as_ref().map(units),
        TaskField::Deadline => task.deadline.clone(),
        TaskField::Output => task.output.clone(),
        TaskField::Leader => task.leader.clone(),
        TaskField::Note => task.note.clone(),
        TaskField::Index | TaskField::Content => None,
    }
    .filter(|s| !s.is_empty())
}

/// The words printed before a task's fields and their order.
struct Labels {
    order: Vec<(TaskField, String)>,
}

impl Labels {
    fn new(custom: Option<&TaskLabels>, order: Option<&[TaskField]>) -> Labels {
        let custom = custom.cloned().unwrap_or_default();
        let default_order = [
            TaskField::Lead,
            TaskField::Support,
            TaskField::Deadline,
            TaskField::Output,
            TaskField::Leader,
        ];
        // Fields with no label (index, content, note) print no line.
        let order = order
            .unwrap_or(&default_order)
            .iter()
            .filter_map(|&f| Some((f, custom.label(f)?)))
            .collect();
        Labels { order }
    }

    fn lines(&self, task: &Task) -> Vec<TaskLine> {
        self.order
            .iter()
            .filter_map(|(field, label)| {
                task_value(task, *field).map(|v| TaskLine {
                    label: label.clone(),
                    value: format::end_sentence(&v),
                })
            })
            .collect()
    }
}

/// `gather_tasks`: every task of the body, in order, in a generated appendix.
fn gathered_tasks(
    plan: &Plan,
    count: usize,
    labels: &Labels,
    number: Option<&str>,
    symbol: &str,
    date: Option<PlanDate>,
) -> AppendixView {
    fn collect<'a>(sections: &'a [Section], out: &mut Vec<&'a Task>) {
        for s in sections {
            for b in s.content.iter().chain(&s.after) {
                if let Block::Task(t) = b {
                    out.push(&t.task);
                }
            }
            collect(&s.sections, out);
        }
    }
    let mut tasks = Vec::new();
    collect(&plan.sections, &mut tasks);
    let items: Vec<Task> = tasks.into_iter().cloned().collect();
    let columns = [
        (
            TaskField::Index,
            "TT".to_owned(),
            Some(Width::Millimetres(10.0)),
            Some(Align::Center),
        ),
        (
            TaskField::Content,
            "Nhiệm vụ".to_owned(),
            Some(Width::Share(3.0)),
            Some(Align::Justify),
        ),
        (
            TaskField::Lead,
            "Chủ trì".to_owned(),
            Some(Width::Share(1.5)),
            None,
        ),
        (
            TaskField::Support,
            "Phối hợp".to_owned(),
            Some(Width::Share(1.5)),
            None,
        ),
        (
            TaskField::Deadline,
            "Thời gian".to_owned(),
            Some(Width::Share(1.2)),
            None,
        ),
    ];
    AppendixView {
        label: default_label(count - 1, count),
        title: "PHÂN CÔNG NHIỆM VỤ".into(),
        subtitle: None,
        reference: reference(plan, None, number, symbol, date),
        landscape: false,
        content: vec![task_table(&columns, true, &items, false, labels)],
        sections: Vec::new(),
    }
}

/// Appends `./.` to the last paragraph-like text of the blocks, if any.
fn end_mark(blocks: &mut [BlockView]) -> bool {
    let Some(last) = blocks.last_mut() else {
        return false;
    };
    match last {
        BlockView::Paragraph { text, ending } => {
            *text = format::with_end_mark(text);
            *ending = true;
            true
        }
        BlockView::List { items, .. } => end_mark(items),
        BlockView::Task { content, lines } => match lines.last_mut() {
            Some(line) => {
                line.value = format::with_end_mark(&line.value);
                true
            }
            None => end_mark(content),
        },
        BlockView::Table(_) => false,
    }
}

fn end_mark_sections(sections: &mut [SectionView]) -> bool {
    let Some(last) = sections.last_mut() else {
        return false;
    };
    end_mark(&mut last.after)
        || (last.after.is_empty() && end_mark_sections(&mut last.sections))
        || (last.after.is_empty() && last.sections.is_empty() && end_mark(&mut last.content))
}
