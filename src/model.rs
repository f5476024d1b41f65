//! The plan data contract (`../shared/spec/plan-data.md`) as Rust types.
//!
//! Field names are the contract: they are never renamed. Unknown fields are
//! rejected so that a typo cannot vanish silently. The JSON Schema in
//! `schema/kehoach.schema.json` is generated from these types (with the
//! Vietnamese titles and descriptions below) and kept in sync by a test.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Một kế hoạch: dữ liệu để sinh văn bản KẾ HOẠCH theo Nghị định 30/2020/NĐ-CP.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Kế hoạch")]
pub struct Plan {
    /// Cơ quan ban hành (và cơ quan chủ quản, nếu có).
    #[schemars(title = "Cơ quan ban hành")]
    pub issuer: Issuer,
    /// Số văn bản; null để trống cho văn thư điền. Số dưới 10 in thêm số 0 ở trước.
    #[schemars(title = "Số", range(min = 1))]
    #[serde(default)]
    pub number: Option<u32>,
    /// Ký hiệu; mặc định "KH-" + tên viết tắt của cơ quan ban hành.
    #[schemars(title = "Ký hiệu")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Địa danh, ví dụ "Lạng Sơn".
    #[schemars(title = "Địa danh")]
    pub place: String,
    /// Ngày ban hành "2025-03-04", hoặc chỉ tháng "2026-03" / năm "2026" khi còn là dự thảo; null để trống.
    #[schemars(title = "Ngày ban hành", regex(pattern = r"^\d{4}(-\d{2}(-\d{2})?)?$"))]
    #[serde(default)]
    pub date: Option<String>,
    /// Năm kế hoạch; mặc định là năm của ngày ban hành.
    #[schemars(title = "Năm kế hoạch")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Trích yếu nội dung; có thể xuống dòng bằng "\n".
    #[schemars(title = "Trích yếu")]
    pub title: String,
    /// Dòng in nghiêng dưới trích yếu.
    #[schemars(title = "Dòng dưới trích yếu")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Độ khẩn.
    #[schemars(title = "Độ khẩn")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    /// Cách đánh số mục, khoản, điểm.
    #[schemars(title = "Cách đánh số")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<Numbering>,
    /// Phần mở đầu ("Thực hiện …", "Căn cứ …") trước mục I.
    #[schemars(title = "Phần mở đầu")]
    #[serde(default)]
    pub preamble: Vec<Block>,
    /// Các căn cứ in nghiêng, mỗi căn cứ một dòng.
    #[schemars(title = "Căn cứ")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<String>,
    /// Nội dung: các mục.
    #[schemars(title = "Nội dung")]
    pub sections: Vec<Section>,
    /// Phần kết ("Trên đây là Kế hoạch …"); dấu "./." do chương trình thêm.
    #[schemars(title = "Phần kết")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<Block>,
    /// Nơi nhận, không gõ dấu "-" đầu dòng và ";" cuối dòng.
    #[schemars(title = "Nơi nhận")]
    pub recipients: Vec<String>,
    /// Nhãn in trước các thông tin của nhiệm vụ.
    #[schemars(title = "Nhãn nhiệm vụ")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_labels: Option<TaskLabels>,
    /// Thứ tự các dòng in dưới nội dung nhiệm vụ.
    #[schemars(title = "Thứ tự dòng nhiệm vụ")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_order: Option<Vec<TaskField>>,
    /// Gom mọi nhiệm vụ trong nội dung thành bảng ở phụ lục "PHÂN CÔNG NHIỆM VỤ".
    #[schemars(title = "Gom nhiệm vụ thành phụ lục")]
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub gather_tasks: bool,
    /// Nơi lưu, ví dụ "VT, VP (CTH)" → "- Lưu: VT, VP (CTH)."
    #[schemars(title = "Lưu")]
    pub archive: String,
    /// Người ký.
    #[schemars(title = "Người ký")]
    pub signer: Signer,
    /// Các phụ lục.
    #[schemars(title = "Phụ lục")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<Appendix>,
}

/// Cơ quan ban hành.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    /// Cơ quan chủ quản, ví dụ "UBND TỈNH LẠNG SƠN".
    #[schemars(title = "Cơ quan chủ quản")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Tên cơ quan ban hành, chữ in hoa; "\n" để xuống dòng.
    #[schemars(title = "Tên cơ quan ban hành")]
    pub name: String,
    /// Tên viết tắt, ví dụ "STP".
    #[schemars(title = "Tên viết tắt")]
    pub abbreviation: String,
    /// Tên cơ quan như dùng trong câu văn, ví dụ "Sở Tư pháp".
    #[schemars(title = "Tên trong câu văn")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_in_text: Option<String>,
}

/// Độ khẩn.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
pub enum Urgency {
    /// Khẩn
    #[serde(rename = "khan")]
    Khan,
    /// Thượng khẩn
    #[serde(rename = "thuong-khan")]
    ThuongKhan,
    /// Hỏa tốc
    #[serde(rename = "hoa-toc")]
    HoaToc,
}

/// Cách đánh số.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Numbering {
    /// I. / 1. / a)
    #[default]
    Letter,
    /// I. / 1. / 1.1. / 1.1.1.
    Decimal,
}

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

/// Mục, khoản hoặc điểm.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Tên mục/khoản/điểm, in đậm như đã gõ (mục cấp 1 viết hoa).
    #[schemars(title = "Tên")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// In số và tên ở đầu đoạn văn đầu tiên.
    #[schemars(title = "Tên liền đoạn")]
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub run_in: bool,
    /// Số giữ nguyên như bản gốc (chỉ khi cố ý), ví dụ "1.1.5.".
    #[schemars(title = "Số giữ nguyên")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Nội dung trước các mục con.
    #[schemars(title = "Nội dung")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<Block>,
    /// Các mục con.
    #[schemars(title = "Mục con")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// Nội dung sau các mục con.
    #[schemars(title = "Nội dung sau mục con")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<Block>,
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
        match spec {
            WidthSpec::Share(n) if n > 0.0 && n.is_finite() => Ok(Width::Share(n)),
            WidthSpec::Share(n) => Err(bad(&n.to_string())),
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
                Ok(match factor {
                    Some(0.0) => Width::Share(value),
                    Some(f) => Width::Millimetres(value * f),
                    None => Width::Percent(value),
                })
            }
        }
    }
}

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
    #[schemars(title = "Các nhiệm vụ")]
    pub items: Vec<Task>,
    #[schemars(title = "Trang ngang")]
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub landscape: bool,
}

/// Người ký.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// Quyền hạn ký: TM., KT., Q., TL., TUQ. (xếp chồng theo thứ tự).
    #[schemars(title = "Quyền hạn ký")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authority: Vec<Authority>,
    /// Chức vụ người ký, ví dụ "PHÓ GIÁM ĐỐC".
    #[schemars(title = "Chức vụ")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Họ và tên; null khi chưa biết (vẫn chừa chỗ ký).
    #[schemars(title = "Họ và tên")]
    #[serde(default)]
    pub name: Option<String>,
    /// Ảnh chữ ký (PNG), đường dẫn tương đối với tệp kế hoạch.
    #[schemars(title = "Ảnh chữ ký")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_image: Option<String>,
    /// Ảnh con dấu (PNG), đường dẫn tương đối với tệp kế hoạch.
    #[schemars(title = "Ảnh con dấu")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal_image: Option<String>,
}

/// Một dòng quyền hạn ký.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// TM, KT, Q, TL hoặc TUQ.
    #[schemars(title = "Tiền tố")]
    pub prefix: AuthorityPrefix,
    /// Tập thể hoặc chức danh, ví dụ "GIÁM ĐỐC".
    #[schemars(title = "Thay mặt / ký thay cho")]
    pub of: String,
}

/// Tiền tố quyền hạn ký.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "UPPERCASE")]
pub enum AuthorityPrefix {
    /// Thay mặt (tập thể)
    Tm,
    /// Ký thay
    Kt,
    /// Quyền
    Q,
    /// Thừa lệnh
    Tl,
    /// Thừa ủy quyền
    Tuq,
}

/// Dòng "Kèm theo …" của phụ lục: mặc định (bỏ trống), một chuỗi thay thế, hoặc false để bỏ.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(untagged)]
pub enum Reference {
    /// false: bỏ dòng "Kèm theo"; true: dòng mặc định
    Omit(bool),
    /// Dòng "Kèm theo" tự viết
    Text(String),
}

/// Phụ lục.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// Nhãn, mặc định "PHỤ LỤC" (một phụ lục) hoặc "Phụ lục I", "Phụ lục II" …
    #[schemars(title = "Nhãn")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Tên phụ lục, chữ in hoa.
    #[schemars(title = "Tên phụ lục")]
    pub title: String,
    /// Dòng in dưới tên phụ lục, căn giữa.
    #[schemars(title = "Dòng dưới tên")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// "(Kèm theo Kế hoạch số … ngày … của …)": bỏ trống để chương trình điền, một chuỗi để thay, false để bỏ.
    #[schemars(title = "Dòng kèm theo")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
    /// In phụ lục trên trang nằm ngang.
    #[schemars(title = "Trang ngang")]
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub landscape: bool,
    /// Nội dung trước các mục.
    #[schemars(title = "Nội dung")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<Block>,
    /// Các mục của phụ lục, đánh số riêng.
    #[schemars(title = "Các mục")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
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
        while let Some(key) = map.next_key::<String>()? {
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
            (Some(list), None) => Ok(Block::List(ListBlock { list, marker })),
            (None, Some(block)) if marker.is_none() => Ok(block),
            (None, None) => Err(A::Error::missing_field("list")),
            _ => Err(A::Error::custom(
                "a block has exactly one of list, task, table, task_table",
            )),
        }
    }
}
