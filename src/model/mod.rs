//! The plan data contract (`docs/plan-data.md`) as Rust types.
//!
//! Field names are the contract: they are never renamed. Unknown fields are
//! rejected so that a typo cannot vanish silently. The JSON Schema in
//! `schema/kehoach.schema.json` is generated from these types (with the
//! Vietnamese titles and descriptions below) and kept in sync by a test.

mod block;
mod decision;
mod table;
#[cfg(test)]
pub(crate) mod testing;
pub mod visit;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use block::{
    Block, ListBlock, TableBlock, Task, TaskBlock, TaskField, TaskLabels, TaskTableBlock, Units,
};
pub use decision::Decision;
pub use table::{Align, Column, Table, TaskColumn, TaskTable, Width, WidthSpec, numbering_row};
pub use visit::TextRole;

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
    /// Quyết định ban hành kế hoạch: có thì kế hoạch in kèm theo quyết định, không có số và chữ ký riêng.
    #[schemars(title = "Ban hành kèm theo Quyết định")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Các phụ lục.
    #[schemars(title = "Phụ lục")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<Appendix>,
}

impl Plan {
    /// Who signs the document: the decision's signer when the plan is
    /// issued with one, the plan's own otherwise.
    pub fn signer_of_record(&self) -> &Signer {
        self.decision.as_ref().map_or(&self.signer, |d| &d.signer)
    }

    /// The ký hiệu, số and date of the document that is signed and
    /// registered: the decision's when the plan is issued with one.
    pub fn registered(&self) -> (String, Option<u32>, Option<&str>) {
        match &self.decision {
            Some(d) => (
                d.symbol
                    .clone()
                    .unwrap_or_else(|| self.issuer.decision_symbol()),
                d.number,
                d.date.as_deref().or(self.date.as_deref()),
            ),
            None => (self.symbol(), self.number, self.date.as_deref()),
        }
    }

    /// The ký hiệu as printed: the plan's own, or the issuer's default.
    pub fn symbol(&self) -> String {
        self.symbol
            .clone()
            .unwrap_or_else(|| self.issuer.default_symbol())
    }
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

impl Issuer {
    /// `KH-STP`: a plan's ký hiệu when it gives none (R-SO).
    pub fn default_symbol(&self) -> String {
        format!("KH-{}", self.abbreviation)
    }

    /// `QĐ-UBND`: a decision's ký hiệu when it gives none.
    pub fn decision_symbol(&self) -> String {
        format!("QĐ-{}", self.abbreviation)
    }
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

/// Người ký.
// Default: a signer not yet known, which still leaves room to sign.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Default)]
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
