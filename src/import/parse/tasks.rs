//! Tasks: `Chủ trì thực hiện: …` lines under a section, and tables whose
//! headings are task fields.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value, json};

use super::body::Tree;
use super::plain;
use crate::model::TaskField;

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
        let field = field.key();
        let n = &mut self.nodes[node];
        n.maybe_title = false;
        let task = match n.task {
            Some(i) if n.content[i]["task"].get(field).is_none() => i,
            _ => {
                let start = n
                    .content
                    .iter()
                    .rposition(|b| b.get("task").is_some())
                    .map_or(0, |i| i + 1);
                let content: Vec<Value> = n.content.drain(start..).collect();
                n.content.push(json!({ "task": { "content": content } }));
                self.tasks += 1;
                n.content.len() - 1
            }
        };
        n.content[task]["task"][field] = value.into();
        n.task = Some(task);
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
        _ if t.contains("lãnh đạo") => TaskField::Leader,
        _ if t.contains("nhiệm vụ") || t.contains("nội dung") || t.contains("công việc") => {
            TaskField::Content
        }
        _ => return None,
    })
}

/// A table whose headings are task fields (`Nhiệm vụ | Chủ trì | Phối hợp |
/// Thời gian`), as phụ lục print the tasks: a task table.
pub(super) fn task_table(head: &[String], body: &[Vec<String>]) -> Option<Value> {
    let fields: Vec<TaskField> = head.iter().map(|t| task_column(t)).collect::<Option<_>>()?;
    if !(fields.contains(&TaskField::Content) && fields.contains(&TaskField::Lead)) {
        return None;
    }
    let columns: Vec<Value> = head
        .iter()
        .zip(&fields)
        .map(|(title, field)| json!({ "field": field.key(), "title": plain(title) }))
        .collect();
    // `(1) (2) (3)` under the headings is the column-number row.
    let numbers = body.first().is_some_and(|r| {
        r.iter()
            .all(|c| c.trim_matches(['(', ')', ' ']).parse::<u32>().is_ok())
    });
    let items: Vec<Value> = body[usize::from(numbers)..]
        .iter()
        .map(|row| {
            let mut item = Map::new();
            for (field, cell) in fields.iter().zip(row) {
                match *field {
                    TaskField::Index => {}
                    TaskField::Content => {
                        item.insert(
                            "content".into(),
                            json!(cell.split('\n').collect::<Vec<_>>()),
                        );
                    }
                    _ if !cell.trim().is_empty() => {
                        item.insert(field.key().into(), cell.trim().into());
                    }
                    _ => {}
                }
            }
            item.entry("content").or_insert_with(|| json!([]));
            Value::Object(item)
        })
        .collect();
    Some(json!({ "task_table": { "columns": columns, "number_row": numbers, "items": items } }))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::parse_text;

    #[test]
    fn a_task_table_in_a_phu_luc_is_read_as_tasks() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. NỘI DUNG\nNội dung.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nPHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n| TT | Nhiệm vụ | Đơn vị chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n| (1) | (2) | (3) | (4) | (5) |\n| 1 | Tổ chức hội nghị. | Văn phòng | Các phòng | Quý I |\n",
        );
        let table = &plan["appendices"][0]["content"][0]["task_table"];
        assert_eq!(table["columns"][2]["field"], "lead");
        assert_eq!(table["number_row"], true);
        assert_eq!(table["items"][0]["lead"], "Văn phòng");
        assert_eq!(table["items"][0]["content"], json!(["Tổ chức hội nghị."]));
        assert_eq!(table["items"][0]["deadline"], "Quý I");
    }
}
