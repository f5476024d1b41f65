//! A Quyết định that issues the plan (Decree 30, Phụ lục III, Mẫu 1.3):
//! with it, the plan is printed as the document attached to the decision,
//! without a số or a signature of its own.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Signer;

/// Quyết định ban hành kế hoạch: kế hoạch in kèm theo quyết định, quyết định mang chữ ký.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Default)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Quyết định ban hành")]
pub struct Decision {
    /// Thẩm quyền ban hành, chữ in hoa, ví dụ "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "BỘ TRƯỞNG BỘ TƯ PHÁP", "THỦ TƯỚNG CHÍNH PHỦ".
    #[schemars(title = "Thẩm quyền ban hành")]
    pub authority: String,
    /// Tên người hoặc cơ quan ban hành như viết trong câu, cho dòng "Kèm theo Quyết định … của …", ví dụ "Chủ tịch UBND tỉnh"; mặc định tên cơ quan trong câu văn.
    #[schemars(title = "Ban hành bởi (trong câu)")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Số của quyết định; null để trống cho văn thư điền.
    #[schemars(title = "Số quyết định", range(min = 1))]
    #[serde(default)]
    pub number: Option<u32>,
    /// Ký hiệu; mặc định "QĐ-" + tên viết tắt của cơ quan ban hành.
    #[schemars(title = "Ký hiệu quyết định")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Ngày ký quyết định "2026-04-29" (hoặc chỉ tháng, năm); mặc định ngày của kế hoạch; null để trống.
    #[schemars(
        title = "Ngày quyết định",
        regex(pattern = r"^\d{4}(-\d{2}(-\d{2})?)?$")
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Trích yếu; mặc định "Ban hành Kế hoạch " + trích yếu của kế hoạch.
    #[schemars(title = "Trích yếu quyết định")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Căn cứ ban hành, mỗi căn cứ một dòng, in nghiêng.
    #[schemars(title = "Căn cứ")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<String>,
    /// "Theo đề nghị của …", in nghiêng sau các căn cứ.
    #[schemars(title = "Theo đề nghị của")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
    /// Các điều, mỗi điều một chuỗi ("\n" tách đoạn), không ghi "Điều 1."; bỏ trống: Điều 1 ban hành kế hoạch, Điều 2 hiệu lực, Điều 3 tổ chức thi hành.
    #[schemars(title = "Các điều")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    /// Nơi nhận của quyết định, không gõ "-" đầu dòng và ";" cuối dòng.
    #[schemars(title = "Nơi nhận")]
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Nơi lưu, ví dụ "VT, KT".
    #[schemars(title = "Lưu")]
    pub archive: String,
    /// Người ký quyết định; kế hoạch kèm theo không có chữ ký riêng.
    #[schemars(title = "Người ký")]
    pub signer: Signer,
}
