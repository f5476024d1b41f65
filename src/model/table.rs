//! Tables and task tables: columns, widths, alignment.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Task, TaskField};

/// Căn lề ô bảng.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Căn trái
    Left,
    /// Căn giữa
    Center,
    /// Căn phải
    Right,
    /// Căn đều hai bên
    Justify,
}

/// Độ rộng cột: "1.2cm", "15%", hoặc một số (tỷ lệ của phần rộng còn lại).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(try_from = "WidthSpec", into = "WidthSpec")]
pub enum Width {
    /// A share of the free width (`2` takes twice what `1` takes).
    Share(f64),
    /// A fixed length in millimetres.
    Millimetres(f64),
    /// A percentage of the line width.
    Percent(f64),
}

/// Độ rộng cột: một số (tỷ lệ phần rộng còn lại) hoặc "1.2cm", "12mm", "15%".
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum WidthSpec {
    /// Tỷ lệ của phần rộng còn lại
    Share(f64),
    /// Độ dài cố định hoặc phần trăm
    Text(String),
}

impl TryFrom<WidthSpec> for Width {
    type Error = String;

    fn try_from(spec: WidthSpec) -> Result<Self, String> {
        let bad = |s: &str| {
            format!("độ rộng \"{s}\" không hợp lệ: dùng dạng 1.2cm, 12mm, 15% hoặc một số dương")
        };
        let width = match spec {
            WidthSpec::Share(n) if n > 0.0 && n.is_finite() => Width::Share(n),
            WidthSpec::Share(n) => return Err(bad(&n.to_string())),
            WidthSpec::Text(s) => {
                let t = s.trim();
                let (num, factor) = if let Some(n) = t.strip_suffix("cm") {
                    (n, Some(10.0))
                } else if let Some(n) = t.strip_suffix("mm") {
                    (n, Some(1.0))
                } else if let Some(n) = t.strip_suffix('%') {
                    (n, None)
                } else {
                    (t, Some(0.0))
                };
                let value: f64 = num
                    .trim()
                    .parse()
                    .ok()
                    .filter(|v: &f64| *v > 0.0 && v.is_finite())
                    .ok_or_else(|| bad(&s))?;
                match factor {
                    Some(0.0) => Width::Share(value),
                    Some(f) => Width::Millimetres(value * f),
                    None => Width::Percent(value),
                }
            }
        };
        // Past these a column cannot fit on a landscape A4 page, or its
        // share dwarfs the others to nothing.
        match width {
            Width::Share(n) if n > MAX_SHARE => Err(format!(
                "tỷ lệ độ rộng {} quá lớn: dùng số từ 0 đến {MAX_SHARE}",
                short(n)
            )),
            Width::Millimetres(mm) if mm > MAX_MILLIMETRES => Err(format!(
                "độ rộng {}mm lớn hơn trang A4 nằm ngang: tối đa {MAX_MILLIMETRES}mm",
                short(mm)
            )),
            Width::Percent(p) if p > 100.0 => Err(format!(
                "độ rộng {}% lớn hơn cả dòng: tối đa 100%",
                short(p)
            )),
            _ => Ok(width),
        }
    }
}

/// `1e308` rather than its 309 digits.
fn short(n: f64) -> String {
    if n < 1e6 {
        n.to_string()
    } else {
        format!("{n:e}")
    }
}

const MAX_SHARE: f64 = 1000.0;
/// The width of an A4 page.
const MAX_MILLIMETRES: f64 = 297.0;

impl From<Width> for WidthSpec {
    fn from(w: Width) -> Self {
        match w {
            Width::Share(n) => WidthSpec::Share(n),
            Width::Millimetres(mm) => WidthSpec::Text(format!("{mm}mm")),
            Width::Percent(p) => WidthSpec::Text(format!("{p}%")),
        }
    }
}

impl JsonSchema for Width {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Width".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        WidthSpec::json_schema(generator)
    }
}

/// Cột bảng.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Tiêu đề cột, in đậm ở dòng đầu bảng.
    #[schemars(title = "Tiêu đề cột")]
    pub title: String,
    #[schemars(title = "Độ rộng")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<Width>,
    #[schemars(title = "Căn lề")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub align: Option<Align>,
}

/// Bảng.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Tên bảng, in đậm căn giữa phía trên.
    #[schemars(title = "Tên bảng")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Các cột, theo thứ tự từ trái sang phải.
    #[schemars(title = "Các cột")]
    pub columns: Vec<Column>,
    /// Các dòng tiêu đề thêm dưới dòng tên cột.
    #[schemars(title = "Dòng tiêu đề thêm")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_rows: Vec<Vec<String>>,
    /// Các dòng; mỗi ô là một đoạn văn.
    #[schemars(title = "Các dòng")]
    pub rows: Vec<Vec<String>>,
    /// Trang nằm ngang cho bảng rộng.
    #[schemars(title = "Trang ngang")]
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub landscape: bool,
}

/// Cột của bảng nhiệm vụ.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TaskColumn {
    #[schemars(title = "Trường nhiệm vụ")]
    pub field: TaskField,
    #[schemars(title = "Tiêu đề cột")]
    pub title: String,
    #[schemars(title = "Độ rộng")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<Width>,
    #[schemars(title = "Căn lề")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub align: Option<Align>,
}

/// Bảng nhiệm vụ.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TaskTable {
    #[schemars(title = "Các cột")]
    pub columns: Vec<TaskColumn>,
    /// Thêm dòng (1) (2) … dưới tiêu đề.
    #[schemars(title = "Dòng đánh số cột")]
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub number_row: bool,
    /// Các dòng tiêu đề thêm dưới dòng tên cột (và dưới dòng đánh số cột,
    /// nếu có), in lặp lại ở mỗi trang như dòng tên cột: một dòng đánh số
    /// cột in khác dạng (1) (2) …, như văn bản gốc in nó.
    #[schemars(title = "Dòng tiêu đề thêm")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_rows: Vec<Vec<String>>,
    #[schemars(title = "Các nhiệm vụ")]
    pub items: Vec<Task>,
    #[schemars(title = "Trang ngang")]
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub landscape: bool,
}

/// The row `number_row` prints under a task table's headings: nothing over
/// the running number, `(1)`, `(2)` … over the other columns.
pub fn numbering_row(fields: impl IntoIterator<Item = TaskField>) -> Vec<String> {
    let mut n = 0;
    fields
        .into_iter()
        .map(|f| {
            if f == TaskField::Index {
                String::new()
            } else {
                n += 1;
                format!("({n})")
            }
        })
        .collect()
}
