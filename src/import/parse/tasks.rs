//! Tasks: `Chủ trì thực hiện: …` lines under a section, and tables whose
//! headings are task fields.

use std::sync::LazyLock;

use regex::Regex;

use super::body::Tree;
use super::{bare, plain};
use crate::model::{
    Block, Task, TaskBlock, TaskColumn, TaskField, TaskTable, TaskTableBlock, Units, numbering_row,
};

pub(super) static TASK_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-–+•]?\s*(Chủ trì thực hiện|Đơn vị chủ trì|Cơ quan chủ trì|Chủ trì|Phối hợp thực hiện|Đơn vị phối hợp|Cơ quan phối hợp|Phối hợp|Thời gian thực hiện|Thời gian hoàn thành|Thời hạn hoàn thành|Thời gian|Sản phẩm|Lãnh đạo phụ trách)\s*:\s*(.*)$").unwrap()
});

/// The field a task line's label (one of [`TASK_LINE`]'s) fills.
pub(super) fn task_field(label: &str) -> TaskField {
    match label {
        l if l.to_lowercase().contains("chủ trì") => TaskField::Lead,
        l if l.contains("hối hợp") => TaskField::Support,
        l if l.starts_with("Thời") => TaskField::Deadline,
        "Sản phẩm" => TaskField::Output,
        _ => TaskField::Leader,
    }
}

impl Tree {
    /// A `Chủ trì thực hiện: …` line: the open task takes it, or a new task
    /// takes the section's content since the last task as its own.
    pub(super) fn task_line(&mut self, node: usize, field: TaskField, value: String) {
        let n = &mut self.nodes[node];
        n.maybe_title = false;
        // A field the open task has already starts the next task.
        if let Some(i) = n.task
            && let Block::Task(TaskBlock { task }) = &mut n.content[i]
            && !is_set(task, field)
        {
            set_line(task, field, &value);
            return;
        }
        let start = n
            .content
            .iter()
            .rposition(|b| matches!(b, Block::Task(_)))
            .map_or(0, |i| i + 1);
        let mut task = Task {
            content: n.content.drain(start..).collect(),
            ..Task::default()
        };
        set_line(&mut task, field, &value);
        n.content.push(Block::Task(TaskBlock { task }));
        n.task = Some(n.content.len() - 1);
        self.tasks += 1;
    }
}

/// Puts a task line's or a cell's text into `field`: lead and support as
/// one unit, the content a paragraph a line; the index is the table's own
/// count, not kept.
fn set(task: &mut Task, field: TaskField, text: &str) {
    let text = text.to_owned();
    match field {
        TaskField::Index => {}
        TaskField::Content => {
            task.content = text
                .split('\n')
                .map(|l| Block::Paragraph(l.to_owned()))
                .collect()
        }
        TaskField::Lead => task.lead = Some(Units::One(text)),
        TaskField::Support => task.support = Some(Units::One(text)),
        TaskField::Deadline => task.deadline = Some(text),
        TaskField::Output => task.output = Some(text),
        TaskField::Leader => task.leader = Some(text),
        TaskField::Note => task.note = Some(text),
    }
}

/// Puts a task line's text into `field`. A line's units are printed from
/// a list joined by `; ` (`Phối hợp thực hiện: Sở Tài chính; Sở Tư
/// pháp.`): read back as that list, so that two units are not one. A
/// table's cell keeps its text whole, as tables are typed.
fn set_line(task: &mut Task, field: TaskField, text: &str) {
    let units = || {
        let parts: Vec<&str> = text.split("; ").map(str::trim).collect();
        if parts.len() > 1 && parts.iter().all(|p| !p.is_empty()) {
            Units::Many(parts.into_iter().map(str::to_owned).collect())
        } else {
            Units::One(text.to_owned())
        }
    };
    match field {
        TaskField::Lead => task.lead = Some(units()),
        TaskField::Support => task.support = Some(units()),
        _ => set(task, field, text),
    }
}

fn is_set(task: &Task, field: TaskField) -> bool {
    match field {
        TaskField::Index => false,
        TaskField::Content => !task.content.is_empty(),
        TaskField::Lead => task.lead.is_some(),
        TaskField::Support => task.support.is_some(),
        TaskField::Deadline => task.deadline.is_some(),
        TaskField::Output => task.output.is_some(),
        TaskField::Leader => task.leader.is_some(),
        TaskField::Note => task.note.is_some(),
    }
}

/// A table's column, read as a task field from its heading.
fn task_column(title: &str) -> Option<TaskField> {
    let t = plain(title).to_lowercase();
    let t = t.trim();
    Some(match t {
        "tt" | "stt" | "số tt" => TaskField::Index,
        _ if t.contains("chủ trì") => TaskField::Lead,
        _ if t.contains("phối hợp") => TaskField::Support,
        _ if t.contains("thời gian") || t.contains("thời hạn") => TaskField::Deadline,
        _ if t.contains("sản phẩm") || t.contains("kết quả") => TaskField::Output,
        _ if t.contains("ghi chú") => TaskField::Note,
        _ if t.contains("lãnh đạo") || t.contains("theo dõi") || t.contains("đôn đốc") => {
            TaskField::Leader
        }
        _ if t.contains("nhiệm vụ") || t.contains("nội dung") || t.contains("công việc") => {
            TaskField::Content
        }
        // `Người thực hiện`, `Đơn vị thực hiện`: who carries the task out.
        _ if t.contains("thực hiện") => TaskField::Lead,
        _ => return None,
    })
}

static NUMBER_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(\d{1,2})\)?(\s*[=+×x/-]\s*\(?\d{1,2}\)?)*$|^\(?[A-E]\)?$").unwrap()
});

/// A row that numbers the columns under the headings: `(1) (2) (3) …`,
/// `1 2 3 …`, `A B 1 2`, a cell maybe empty (the number column) or a sum
/// (`(4) = (2) + (3)`), the numbers running on one by one.
pub(super) fn numbers_columns(row: &[String]) -> bool {
    let cells: Vec<String> = row
        .iter()
        .map(|c| bare(c))
        .filter(|c| !c.is_empty())
        .collect();
    let numbers: Option<Vec<u32>> = cells
        .iter()
        .map(|c| {
            let found = NUMBER_CELL.captures(c)?;
            Some(found.get(1).map_or(Ok(0), |n| n.as_str().parse()).ok()?)
        })
        .collect();
    let Some(numbers) = numbers else {
        return false;
    };
    let numbers: Vec<u32> = numbers.into_iter().filter(|&n| n > 0).collect();
    numbers.len() >= 2 && numbers.windows(2).all(|w| w[1] == w[0] + 1)
}

/// A table whose headings are task fields (`Nhiệm vụ | Chủ trì | Phối hợp |
/// Thời gian`), as phụ lục print the tasks: a task table.
pub(super) fn task_table(head: &[String], body: &[Vec<String>]) -> Option<Block> {
    let fields: Vec<TaskField> = head.iter().map(|t| task_column(t)).collect::<Option<_>>()?;
    let once = fields
        .iter()
        .enumerate()
        .all(|(i, f)| !fields[..i].contains(f));
    if !(once && fields.contains(&TaskField::Content) && fields.contains(&TaskField::Lead)) {
        return None;
    }
    let columns = head
        .iter()
        .zip(&fields)
        .map(|(title, &field)| TaskColumn {
            field,
            title: plain(title).to_owned(),
            width: None,
            align: None,
        })
        .collect();
    // The column-numbering row under the headings is part of the head:
    // `number_row` when it is the one kehoach prints, else as printed.
    let numbers = body.first().filter(|r| numbers_columns(r));
    let printed = numbers.map(|r| r.iter().map(|c| bare(c)).collect::<Vec<_>>());
    let number_row = printed
        .as_ref()
        .is_some_and(|p| *p == numbering_row(fields.iter().copied()));
    let header_rows = printed.into_iter().filter(|_| !number_row).collect();
    let body = &body[usize::from(numbers.is_some())..];
    let index = fields.iter().position(|&f| f == TaskField::Index);
    let index_cell = |row: &Vec<String>| {
        index
            .and_then(|i| row.get(i))
            .map(|c| bare(c).trim_end_matches('.').to_owned())
            .unwrap_or_default()
    };
    // Numbers other than 1, 2, 3 … (group rows `I`, `II`, a task over two
    // rows with an empty cell) are kept as printed; Word's own numbering,
    // which leaves the cells empty, is the running number again.
    let counted = body
        .iter()
        .enumerate()
        .all(|(i, row)| index_cell(row) == (i + 1).to_string())
        || body.iter().all(|row| index_cell(row).is_empty());
    let items = body
        .iter()
        .map(|row| {
            let mut item = Task::default();
            if !counted {
                item.number = Some(index_cell(row));
            }
            for (&field, cell) in fields.iter().zip(row) {
                // The content keeps its cell's lines as they are, even
                // empty: the row is a task however little it says.
                if field == TaskField::Content {
                    set(&mut item, field, cell);
                } else if !cell.trim().is_empty() {
                    set(&mut item, field, cell.trim());
                }
            }
            item
        })
        .collect();
    Some(Block::TaskTable(TaskTableBlock {
        task_table: TaskTable {
            columns,
            number_row,
            header_rows,
            items,
            landscape: false,
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::super::parse_text;
    use super::numbers_columns;
    use crate::model::{Block, TaskField, Units};

    #[test]
    fn a_task_table_in_a_phu_luc_is_read_as_tasks() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. NỘI DUNG\nNội dung.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nPHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n| TT | Nhiệm vụ | Đơn vị chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n| (1) | (2) | (3) | (4) | (5) |\n| 1 | Tổ chức hội nghị. | Văn phòng | Các phòng | Quý I |\n",
        );
        let Block::TaskTable(block) = &plan.appendices[0].content[0] else {
            panic!("not a task table: {:?}", plan.appendices[0].content[0]);
        };
        let table = &block.task_table;
        assert_eq!(table.columns[2].field, TaskField::Lead);
        // Numbered from the TT column on, unlike kehoach's `number_row`:
        // kept as printed, in the head, and no task.
        assert!(!table.number_row);
        assert_eq!(table.header_rows, [["(1)", "(2)", "(3)", "(4)", "(5)"]]);
        assert_eq!(table.items.len(), 1);
        assert_eq!(table.items[0].lead, Some(Units::One("Văn phòng".into())));
        assert_eq!(
            table.items[0].content,
            [Block::Paragraph("Tổ chức hội nghị.".into())]
        );
        assert_eq!(table.items[0].deadline.as_deref(), Some("Quý I"));
    }

    #[test]
    fn a_row_numbering_the_columns_is_told_from_a_row_of_data() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        for numbers in [
            row(&["(1)", "(2)", "(3)", "(4)"]),
            row(&["", "**(1)**", "**(2)**", "*(3)*"]),
            row(&["1", "2", "3"]),
            row(&["A", "B", "1", "2", "3"]),
            row(&["(1)", "(2)", "(3)", "(4) = (2) + (3)"]),
        ] {
            assert!(numbers_columns(&numbers), "{numbers:?}");
        }
        for data in [
            row(&["1", "Tổ chức hội nghị", "Văn phòng"]),
            row(&["1", "120", "35"]),
            row(&["(2)", "(1)"]),
            row(&["1", "", ""]),
            row(&["", "", ""]),
        ] {
            assert!(!numbers_columns(&data), "{data:?}");
        }
    }

    #[test]
    fn the_number_row_as_kehoach_prints_it_bold_and_without_a_tt_is_no_task() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. NỘI DUNG\nNội dung.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nPHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n| TT | Nhiệm vụ | Đơn vị chủ trì |\n|---|---|---|\n|  | **(1)** | **(2)** |\n| 1 | Tổ chức hội nghị. | Văn phòng |\n| 2 | Tổng kết. | Văn phòng |\n",
        );
        let Block::TaskTable(block) = &plan.appendices[0].content[0] else {
            panic!("not a task table: {:?}", plan.appendices[0].content[0]);
        };
        assert!(block.task_table.number_row);
        assert_eq!(block.task_table.items.len(), 2);
        // A first task with only its number filled is a task still.
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. NỘI DUNG\nNội dung.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nPHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n| TT | Nhiệm vụ | Đơn vị chủ trì |\n|---|---|---|\n| 1 |  |  |\n| 2 | Tổng kết. | Văn phòng |\n",
        );
        let Block::TaskTable(block) = &plan.appendices[0].content[0] else {
            panic!("not a task table: {:?}", plan.appendices[0].content[0]);
        };
        assert!(!block.task_table.number_row);
        assert_eq!(block.task_table.items.len(), 2);
    }

    #[test]
    fn a_task_lines_units_are_the_list_they_were_printed_from() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. NỘI DUNG\nTổ chức hội nghị.\n- Chủ trì thực hiện: Văn phòng.\n- Phối hợp thực hiện: Sở Tài chính; Sở Tư pháp.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\n",
        );
        let Block::Task(block) = &plan.sections[0].content[0] else {
            panic!("not a task: {:?}", plan.sections[0].content);
        };
        assert_eq!(block.task.lead, Some(Units::One("Văn phòng".into())));
        assert_eq!(
            block.task.support,
            Some(Units::Many(vec![
                "Sở Tài chính".into(),
                "Sở Tư pháp".into()
            ]))
        );
    }
}
