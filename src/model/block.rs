//! Content blocks: paragraphs, lists, tasks and tables, told apart by their one key.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Table, TaskTable};

/// Một khối nội dung: đoạn văn (chuỗi có thể có **đậm**, *nghiêng*, ^[chú thích]) hoặc danh sách, nhiệm vụ, bảng.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
#[serde(untagged)]
pub enum Block {
    /// Đoạn văn.
    Paragraph(String),
    /// Danh sách gạch đầu dòng.
    List(ListBlock),
    /// Nhiệm vụ.
    Task(TaskBlock),
    /// Bảng.
    Table(TableBlock),
    /// Bảng nhiệm vụ.
    TaskTable(TaskTableBlock),
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ListBlock {
    /// Các ý, in với dấu "-" ở đầu.
    #[schemars(title = "Danh sách")]
    pub list: Vec<Block>,
    /// Dấu đầu dòng: "-" (mặc định), "–" hoặc "+".
    #[schemars(title = "Dấu đầu dòng")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TaskBlock {
    #[schemars(title = "Nhiệm vụ")]
    pub task: Task,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TableBlock {
    #[schemars(title = "Bảng")]
    pub table: Table,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TaskTableBlock {
    #[schemars(title = "Bảng nhiệm vụ")]
    pub task_table: TaskTable,
}

/// Một đơn vị hoặc danh sách đơn vị (in nối bằng "; ").
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(untagged)]
pub enum Units {
    /// Một đơn vị
    One(String),
    /// Danh sách đơn vị
    Many(Vec<String>),
}

/// Nhiệm vụ.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Nội dung nhiệm vụ.
    #[schemars(title = "Nội dung")]
    #[serde(default)]
    pub content: Vec<Block>,
    /// Đơn vị chủ trì.
    #[schemars(title = "Chủ trì")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Units>,
    /// Đơn vị phối hợp.
    #[schemars(title = "Phối hợp")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Units>,
    /// Thời gian thực hiện.
    #[schemars(title = "Thời gian thực hiện")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Sản phẩm.
    #[schemars(title = "Sản phẩm")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Lãnh đạo phụ trách.
    #[schemars(title = "Lãnh đạo phụ trách")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// Ghi chú (chỉ in trong bảng nhiệm vụ).
    #[schemars(title = "Ghi chú")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Số thứ tự in trong bảng nhiệm vụ thay cho số tự đếm: "I" cho dòng
    /// nhóm, "" cho dòng tiếp của nhiệm vụ trên.
    #[schemars(title = "Số thứ tự")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// Trường của nhiệm vụ.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TaskField {
    /// Số thứ tự
    Index,
    /// Nội dung
    Content,
    /// Chủ trì
    Lead,
    /// Phối hợp
    Support,
    /// Thời gian thực hiện
    Deadline,
    /// Sản phẩm
    Output,
    /// Lãnh đạo phụ trách
    Leader,
    /// Ghi chú
    Note,
}

/// Nhãn in trước các thông tin của nhiệm vụ (thay cho nhãn mặc định).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct TaskLabels {
    /// Mặc định "Chủ trì thực hiện".
    #[schemars(title = "Nhãn chủ trì")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Mặc định "Phối hợp thực hiện".
    #[schemars(title = "Nhãn phối hợp")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<String>,
    /// Mặc định "Thời gian thực hiện".
    #[schemars(title = "Nhãn thời gian")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Mặc định "Sản phẩm".
    #[schemars(title = "Nhãn sản phẩm")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Mặc định "Lãnh đạo phụ trách".
    #[schemars(title = "Nhãn lãnh đạo phụ trách")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
}

impl TaskField {
    /// The label printed before the field when the plan sets none; fields
    /// that print no label (index, content, note) have none.
    pub fn default_label(self) -> Option<&'static str> {
        match self {
            TaskField::Lead => Some("Chủ trì thực hiện"),
            TaskField::Support => Some("Phối hợp thực hiện"),
            TaskField::Deadline => Some("Thời gian thực hiện"),
            TaskField::Output => Some("Sản phẩm"),
            TaskField::Leader => Some("Lãnh đạo phụ trách"),
            TaskField::Index | TaskField::Content | TaskField::Note => None,
        }
    }
}

impl TaskLabels {
    /// The label printed before `field`: the plan's own or the default.
    pub fn label(&self, field: TaskField) -> Option<String> {
        let given = match field {
            TaskField::Lead => &self.lead,
            TaskField::Support => &self.support,
            TaskField::Deadline => &self.deadline,
            TaskField::Output => &self.output,
            TaskField::Leader => &self.leader,
            TaskField::Index | TaskField::Content | TaskField::Note => &None,
        };
        given
            .clone()
            .or_else(|| field.default_label().map(str::to_owned))
    }

    /// Gives `field` the plan's own label; fields that print no label
    /// (index, content, note) have none to give, and keep none.
    pub fn set(&mut self, field: TaskField, label: String) {
        let slot = match field {
            TaskField::Lead => &mut self.lead,
            TaskField::Support => &mut self.support,
            TaskField::Deadline => &mut self.deadline,
            TaskField::Output => &mut self.output,
            TaskField::Leader => &mut self.leader,
            TaskField::Index | TaskField::Content | TaskField::Note => return,
        };
        *slot = Some(label);
    }
}

/// Blocks are told apart by their one key (`list`, `task`, `table`, `task_table`)
/// rather than by serde's untagged trial and error, so that a mistake inside a
/// block is reported at its own path instead of as "matched no variant".
impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BlockVisitor)
    }
}

struct BlockVisitor;

impl<'de> serde::de::Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a paragraph string or an object with one of list, task, table, task_table")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Block, E> {
        Ok(Block::Paragraph(v.to_owned()))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        use serde::de::Error;
        const KEYS: &[&str] = &["list", "marker", "task", "table", "task_table"];
        let mut list = None;
        let mut marker = None;
        let mut block = None;
        // The block key met first: a second one would silently replace it.
        let mut kind: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            if key != "marker" && KEYS.contains(&key.as_str()) {
                match &kind {
                    Some(first) if *first == key => {
                        return Err(A::Error::custom(format!(
                            "khóa \"{key}\" được ghi hai lần trong một khối"
                        )));
                    }
                    Some(first) => {
                        return Err(A::Error::custom(format!(
                            "một khối chỉ được có một trong các khóa list, task, table, task_table; khối này có cả \"{first}\" và \"{key}\" (hãy tách thành hai khối)"
                        )));
                    }
                    None => kind = Some(key.clone()),
                }
            }
            match key.as_str() {
                "list" => list = Some(map.next_value::<Vec<Block>>()?),
                "marker" => marker = Some(map.next_value::<String>()?),
                "task" => {
                    block = Some(Block::Task(TaskBlock {
                        task: map.next_value()?,
                    }))
                }
                "table" => {
                    block = Some(Block::Table(TableBlock {
                        table: map.next_value()?,
                    }))
                }
                "task_table" => {
                    block = Some(Block::TaskTable(TaskTableBlock {
                        task_table: map.next_value()?,
                    }))
                }
                other => return Err(A::Error::unknown_field(other, KEYS)),
            }
        }
        match (list, block) {
            (Some(list), _) => Ok(Block::List(ListBlock { list, marker })),
            (None, Some(block)) if marker.is_none() => Ok(block),
            (None, Some(_)) => Err(A::Error::custom(
                "\"marker\" (dấu đầu dòng) chỉ dùng cho khối \"list\"",
            )),
            (None, None) => Err(A::Error::missing_field("list")),
        }
    }
}
