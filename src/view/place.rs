//! A place in a plan in the words a clerk uses for it — `Mục II.1.1 Công
//! tác xây dựng pháp luật, đoạn 2`, `Phần đầu · Năm`, `Căn cứ, đoạn 2` —
//! from the JSON path the model's walk gives ([`crate::model::visit`]).
//!
//! Sections are named by the numbers the page prints, read off the view
//! itself, so a kept number or another numbering style is named as printed.
//! Paragraphs are counted as the page shows them: each item of a list is a
//! paragraph of its own. A path this does not know is named by the nearest
//! place it does know, never by its JSON.

use crate::markup::plain_text;
use crate::model::visit::{Step, steps};
use crate::model::{Block, Plan, Section, Table, Task, TaskField, TaskTable};

use super::{SectionView, View, default_label};

/// The places of one plan: its view is built once for many paths.
pub struct Places<'p> {
    plan: &'p Plan,
    view: View,
}

/// The words for one path of `plan` (see [`Places`] for many).
pub fn place_in_words(plan: &Plan, path: &str) -> String {
    Places::new(plan).words(path)
}

const HEADER: &str = "Phần đầu";
const SIGNER: &str = "Người ký";
const DECISION: &str = "Quyết định ban hành";

impl<'p> Places<'p> {
    pub fn new(plan: &'p Plan) -> Places<'p> {
        Places {
            plan,
            view: View::new(plan, ""),
        }
    }

    pub fn words(&self, path: &str) -> String {
        let plan = self.plan;
        let all = steps(path);
        match all.as_slice() {
            [Step::Key("issuer"), Step::Key(field), ..] => field_of(HEADER, issuer_field(field)),
            [Step::Key(key @ ("number" | "symbol" | "place" | "date" | "year" | "urgency"))] => {
                field_of(HEADER, header_field(key))
            }
            [Step::Key("title"), ..] => "Trích yếu".into(),
            [Step::Key("subtitle"), ..] => "Dòng dưới trích yếu".into(),
            [Step::Key("numbering"), ..] => "Cách đánh số mục".into(),
            [Step::Key("preamble"), rest @ ..] => {
                self.blocks("Phần mở đầu".into(), &plan.preamble, rest)
            }
            [Step::Key("bases"), rest @ ..] => lines("Căn cứ", "đoạn", rest),
            [Step::Key("sections"), ..] => {
                self.sections(String::new(), &plan.sections, &self.view.sections, &all)
            }
            [Step::Key("closing"), rest @ ..] => {
                self.blocks("Phần kết".into(), &plan.closing, rest)
            }
            [Step::Key("recipients"), rest @ ..] => lines("Nơi nhận", "dòng", rest),
            [Step::Key("archive"), ..] => field_of("Nơi nhận", "Lưu"),
            [Step::Key("task_labels" | "task_order"), rest @ ..] => {
                let field = match rest {
                    [Step::Key(key), ..] => task_field(key).and_then(|f| task_label(plan, f)),
                    _ => None,
                };
                let part = "Các dòng dưới nhiệm vụ";
                field.map_or(part.into(), |f| field_of(part, &f))
            }
            [Step::Key("gather_tasks"), ..] => "Phụ lục tổng hợp nhiệm vụ".into(),
            [Step::Key("signer"), rest @ ..] => signer(SIGNER, rest),
            [Step::Key("decision"), rest @ ..] => decision(rest),
            [Step::Key("appendices"), Step::Index(i), rest @ ..] => self.appendix(*i, rest),
            _ => "Kế hoạch".into(),
        }
    }

    fn appendix(&self, i: usize, rest: &[Step]) -> String {
        let (Some(appendix), Some(view)) =
            (self.plan.appendices.get(i), self.view.appendices.get(i))
        else {
            return "Phụ lục".into();
        };
        let count = self.plan.appendices.len() + usize::from(self.plan.gather_tasks);
        let label = appendix
            .label
            .as_deref()
            .map(plain_text)
            .unwrap_or_else(|| default_label(i, count));
        // `PHỤ LỤC` alone is how the page prints a single appendix; a
        // sentence names it `Phụ lục`.
        let label = if label == "PHỤ LỤC" {
            "Phụ lục".into()
        } else {
            label
        };
        match rest {
            [Step::Key("label"), ..] => field_of(&label, "Nhãn"),
            [Step::Key("title"), ..] => field_of(&label, "Tên phụ lục"),
            [Step::Key("subtitle"), ..] => field_of(&label, "Dòng dưới tên"),
            [Step::Key("reference"), ..] => field_of(&label, "Dòng kèm theo"),
            [Step::Key("content"), rest @ ..] => self.blocks(label, &appendix.content, rest),
            [Step::Key("sections"), ..] => self.sections(
                format!("{label}, "),
                &appendix.sections,
                &view.sections,
                rest,
            ),
            _ => label,
        }
    }

    /// `Mục II.1.1 Công tác xây dựng pháp luật` and what lies below it.
    fn sections(
        &self,
        lead: String,
        mut list: &[Section],
        mut views: &[SectionView],
        all: &[Step],
    ) -> String {
        let mut printed: Vec<&str> = Vec::new();
        let mut section = None;
        let mut rest = all;
        while let [Step::Key("sections"), Step::Index(i), tail @ ..] = rest {
            let (Some(s), Some(v)) = (list.get(*i), views.get(*i)) else {
                break;
            };
            printed.push(&v.number);
            section = Some(s);
            (list, views, rest) = (&s.sections, &v.sections, tail);
        }
        let Some(section) = section else {
            return format!("{lead}Nội dung");
        };
        let mut heading = format!("{lead}Mục {}", full_number(&printed));
        if let Some(title) = section.title.as_deref() {
            // A run-in title's colon belongs to its sentence, not to its name.
            let title = plain_text(title);
            let title = first_words(title.trim_end_matches([':', '.', ' ']), 60);
            if !title.is_empty() {
                heading = format!("{heading} {title}");
            }
        }
        match rest {
            [Step::Key("title"), ..] => format!("{heading}, tên mục"),
            [Step::Key("number"), ..] => format!("{heading}, số mục"),
            [Step::Key("content"), rest @ ..] => self.blocks(heading, &section.content, rest),
            [Step::Key("after"), rest @ ..] => self.blocks(
                format!("{heading}, đoạn sau các mục con"),
                &section.after,
                rest,
            ),
            _ => heading,
        }
    }

    /// A block among `blocks`, counted as the page shows them.
    fn blocks(&self, lead: String, blocks: &[Block], rest: &[Step]) -> String {
        if let Some(n) = paragraph_at(blocks, rest) {
            return format!("{lead}, đoạn {n}");
        }
        let [Step::Index(i), rest @ ..] = rest else {
            return lead;
        };
        let Some(block) = blocks.get(*i) else {
            return lead;
        };
        let before = &blocks[..*i];
        match block {
            Block::Paragraph(_) => lead,
            Block::List(list) => match rest {
                [Step::Key("list"), more @ ..] => self.blocks(lead, &list.list, more),
                [Step::Key("marker"), ..] => format!("{lead}, dấu đầu dòng"),
                _ => lead,
            },
            Block::Task(t) => {
                let n = before
                    .iter()
                    .filter(|b| matches!(b, Block::Task(_)))
                    .count()
                    + 1;
                let name = format!("{lead}, nhiệm vụ {n}{}", task_name(&t.task));
                match rest {
                    [Step::Key("task"), rest @ ..] => self.task(name, &t.task, rest, None),
                    _ => name,
                }
            }
            Block::Table(t) => {
                let name = format!("{lead}, {}", ordinal("bảng", blocks, *i, is_table));
                table(name, &t.table, rest.get(1..).unwrap_or_default())
            }
            Block::TaskTable(t) => {
                let name = format!("{lead}, {}", ordinal("bảng nhiệm vụ", blocks, *i, is_tasks));
                self.task_table(name, &t.task_table, rest.get(1..).unwrap_or_default())
            }
        }
    }

    /// A task's content, or one of its lines (`dòng Chủ trì thực hiện`) or,
    /// in a task table, its cells (`cột Thời hạn`).
    fn task(&self, name: String, task: &Task, rest: &[Step], table: Option<&TaskTable>) -> String {
        match rest {
            [Step::Key("content"), rest @ ..] => self.blocks(name, &task.content, rest),
            [Step::Key("number"), ..] => format!("{name}, số thứ tự"),
            [Step::Key(key), more @ ..] => {
                let Some(field) = task_field(key) else {
                    return name;
                };
                let column = table
                    .and_then(|t| t.columns.iter().find(|c| c.field == field))
                    .map(|c| first_words(&plain_text(&c.title), 40))
                    .filter(|title| !title.is_empty());
                let line = match (column, task_label(self.plan, field)) {
                    (Some(title), _) => format!("cột {title}"),
                    (None, Some(label)) => format!("dòng {label}"),
                    (None, None) => "ghi chú".into(),
                };
                match more {
                    [Step::Index(u), ..] => format!("{name}, {line}, đơn vị {}", u + 1),
                    _ => format!("{name}, {line}"),
                }
            }
            _ => name,
        }
    }

    fn task_table(&self, name: String, table: &TaskTable, rest: &[Step]) -> String {
        match rest {
            [Step::Key("columns"), Step::Index(c), ..] => format!("{name}, tiêu đề cột {}", c + 1),
            [Step::Key("items"), Step::Index(i), rest @ ..] => match table.items.get(*i) {
                Some(task) => {
                    // The number the TT column prints.
                    let number = task.number.clone().unwrap_or_else(|| (i + 1).to_string());
                    let name = format!("{name}, nhiệm vụ {number}{}", task_name(task));
                    self.task(name, task, rest, Some(table))
                }
                None => name,
            },
            _ => name,
        }
    }
}

fn decision(rest: &[Step]) -> String {
    let field = |name: &str| field_of(DECISION, name);
    match rest {
        [Step::Key("authority"), ..] => field("Thẩm quyền ban hành"),
        [Step::Key("by"), ..] => field("Người ban hành trong câu văn"),
        [Step::Key("number"), ..] => field("Số"),
        [Step::Key("symbol"), ..] => field("Ký hiệu"),
        [Step::Key("date"), ..] => field("Ngày ban hành"),
        [Step::Key("title"), ..] => field("Trích yếu"),
        [Step::Key("bases"), rest @ ..] => lines(&format!("{DECISION}, căn cứ"), "đoạn", rest),
        [Step::Key("proposal"), ..] => field("Đề nghị"),
        [Step::Key("articles"), Step::Index(i), ..] => format!("{DECISION}, Điều {}", i + 1),
        [Step::Key("recipients"), rest @ ..] => {
            lines(&format!("{DECISION}, nơi nhận"), "dòng", rest)
        }
        [Step::Key("archive"), ..] => field("Lưu"),
        [Step::Key("signer"), rest @ ..] => signer(&format!("{DECISION} · {SIGNER}"), rest),
        _ => DECISION.into(),
    }
}

/// `Phần đầu · Năm`: a named field of a part.
fn field_of(part: &str, field: &str) -> String {
    format!("{part} · {field}")
}

/// `Căn cứ, đoạn 2`: a line of a list of strings.
fn lines(part: &str, noun: &str, rest: &[Step]) -> String {
    match rest {
        [Step::Index(i), ..] => format!("{part}, {noun} {}", i + 1),
        _ => part.into(),
    }
}

fn signer(part: &str, rest: &[Step]) -> String {
    let field = match rest {
        [Step::Key("authority"), Step::Index(i), ..] => format!("Thẩm quyền ký, dòng {}", i + 1),
        [Step::Key("authority"), ..] => "Thẩm quyền ký".into(),
        [Step::Key("title"), ..] => "Chức vụ".into(),
        [Step::Key("name"), ..] => "Họ và tên".into(),
        [Step::Key("signature_image"), ..] => "Ảnh chữ ký".into(),
        [Step::Key("seal_image"), ..] => "Ảnh con dấu".into(),
        _ => return part.into(),
    };
    field_of(part, &field)
}

fn issuer_field(key: &str) -> &'static str {
    match key {
        "parent" => "Cơ quan chủ quản",
        "abbreviation" => "Tên viết tắt",
        "name_in_text" => "Tên dùng trong câu văn",
        _ => "Tên cơ quan ban hành",
    }
}

fn header_field(key: &str) -> &'static str {
    match key {
        "number" => "Số",
        "symbol" => "Ký hiệu",
        "place" => "Địa danh",
        "date" => "Ngày ban hành",
        "year" => "Năm",
        _ => "Độ khẩn",
    }
}

fn task_field(key: &str) -> Option<TaskField> {
    Some(match key {
        "lead" => TaskField::Lead,
        "support" => TaskField::Support,
        "deadline" => TaskField::Deadline,
        "output" => TaskField::Output,
        "leader" => TaskField::Leader,
        "note" => TaskField::Note,
        _ => return None,
    })
}

/// The words the page prints before a task's line.
fn task_label(plan: &Plan, field: TaskField) -> Option<String> {
    plan.task_labels
        .clone()
        .unwrap_or_default()
        .label(field)
        .map(|l| l.trim_end_matches([':', ' ']).to_owned())
}

fn table(name: String, table: &Table, rest: &[Step]) -> String {
    let column = |c: usize| {
        table
            .columns
            .get(c)
            .map(|col| first_words(&plain_text(&col.title), 40))
            .filter(|t| !t.is_empty())
            .map_or(format!("cột {}", c + 1), |t| format!("cột {t}"))
    };
    match rest {
        [Step::Key("caption"), ..] => format!("{name}, tên bảng"),
        [Step::Key("columns"), Step::Index(c), ..] => format!("{name}, tiêu đề cột {}", c + 1),
        // The column titles are the head's first row.
        [Step::Key("header_rows"), Step::Index(r), Step::Index(c), ..] => {
            format!("{name}, hàng tiêu đề {}, {}", r + 2, column(*c))
        }
        [Step::Key("rows"), Step::Index(r), Step::Index(c), ..] => {
            format!("{name}, hàng {}, {}", r + 1, column(*c))
        }
        [Step::Key("rows"), Step::Index(r), ..] => format!("{name}, hàng {}", r + 1),
        _ => name,
    }
}

fn is_table(b: &Block) -> bool {
    matches!(b, Block::Table(_))
}

fn is_tasks(b: &Block) -> bool {
    matches!(b, Block::TaskTable(_))
}

/// `bảng` when it is the only one of its kind in its part, `bảng 2` else.
fn ordinal(noun: &str, blocks: &[Block], i: usize, kind: fn(&Block) -> bool) -> String {
    if blocks.iter().filter(|b| kind(b)).count() == 1 {
        return noun.into();
    }
    let n = blocks[..i].iter().filter(|b| kind(b)).count() + 1;
    format!("{noun} {n}")
}

/// The place among the printed paragraphs of the paragraph at `rest`,
/// through lists: `[p, list[a, b], p]` prints four, `list[1]` is the third.
fn paragraph_at(blocks: &[Block], rest: &[Step]) -> Option<usize> {
    let [Step::Index(i), tail @ ..] = rest else {
        return None;
    };
    let before = paragraphs(blocks.get(..*i)?);
    match (blocks.get(*i)?, tail) {
        (Block::Paragraph(_), []) => Some(before + 1),
        (Block::List(list), [Step::Key("list"), more @ ..]) => {
            Some(before + paragraph_at(&list.list, more)?)
        }
        _ => None,
    }
}

/// The paragraphs the page prints for `blocks`, outside tasks and tables.
fn paragraphs(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => 1,
            Block::List(l) => paragraphs(&l.list),
            _ => 0,
        })
        .sum()
}

/// ` (Rà soát, hệ thống hóa…)`: a task's first words, to tell it apart.
fn task_name(task: &Task) -> String {
    let first = task.content.iter().find_map(|b| match b {
        Block::Paragraph(p) => Some(plain_text(p)),
        _ => None,
    });
    match first.map(|p| first_words(&p, 40)) {
        Some(words) if !words.is_empty() => format!(" ({words})"),
        _ => String::new(),
    }
}

/// The whole words of `text` that fit in `max` characters, `…` after a cut.
fn first_words(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max).collect();
    }
    format!("{}…", out.trim_end_matches([',', ';', ':', '.']))
}

/// `II.1.1` from the numbers printed at each level (`II.`, `1.`, `1.1.`):
/// a decimal number already carries its parent's (`1.1.` under `1.`), and
/// a level printed with a dash has no number to add.
fn full_number(printed: &[&str]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for number in printed {
        let number = number.trim().trim_end_matches(['.', ')']);
        if number.is_empty() || number == "-" {
            continue;
        }
        match parts.last_mut() {
            Some(last) if number.starts_with(&format!("{last}.")) => *last = number.to_owned(),
            _ => parts.push(number.to_owned()),
        }
    }
    parts.join(".")
}

#[cfg(test)]
mod tests;
