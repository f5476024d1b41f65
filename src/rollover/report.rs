//! The review report of a rollover, in Vietnamese: every change with its
//! place, in the clerk's words, and before → after, every flag with its reason, and the counts.
//! Markdown for a file, and a one-line summary; the coloured listing on a
//! terminal is the command line's.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{FlagKind, Rollover};

/// The Markdown report of one plan (`name` is its file).
pub fn markdown(name: &str, r: &Rollover) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {name}: năm {} → năm {}\n", r.from, r.to);
    let changes: Vec<[String; 3]> = r
        .changes
        .iter()
        .map(|c| [c.at.words.clone(), c.before.clone(), c.after.clone()])
        .collect();
    table(
        &mut out,
        "Đã thay đổi",
        ["Vị trí", "Trước", "Sau"],
        &changes,
        "Không có thay đổi nào trong nội dung.",
    );
    let flags: Vec<[String; 3]> = r
        .flags
        .iter()
        .map(|f| {
            [
                f.at.words.clone(),
                f.flag.text.clone(),
                f.flag.kind.reason().to_owned(),
            ]
        })
        .collect();
    table(
        &mut out,
        "Cần người soạn kiểm tra",
        ["Vị trí", "Nội dung", "Lý do"],
        &flags,
        "Không có.",
    );
    let _ = writeln!(out, "### Tổng kết\n\n{}\n", summary(r));
    out
}

/// The whole report of a run over one or more plans.
pub fn document(parts: &[(String, &Rollover)]) -> String {
    let mut out = String::from("# Rà soát kế hoạch chuyển sang năm mới\n\n");
    out.push_str(
        "Chương trình đã tự chuyển năm, ngày, thời hạn và số năm kỷ niệm; các văn bản căn cứ, \
         sự kiện một lần và những chỗ không chắc chắn được giữ nguyên và liệt kê dưới đây để người \
         soạn quyết định. Số và ngày ban hành để trống cho văn thư.\n\n",
    );
    for (name, r) in parts {
        out.push_str(&markdown(name, r));
    }
    out
}

/// `12 thay đổi; 5 điểm cần kiểm tra: 2 căn cứ năm cũ, …`
pub fn summary(r: &Rollover) -> String {
    let mut by_kind: BTreeMap<FlagKind, usize> = BTreeMap::new();
    for f in &r.flags {
        *by_kind.entry(f.flag.kind).or_default() += 1;
    }
    let kinds: Vec<String> = by_kind
        .iter()
        .map(|(k, n)| format!("{n} {}", short(*k)))
        .collect();
    let mut s = format!(
        "{} thay đổi; {} điểm cần kiểm tra",
        r.changes.len(),
        r.flags.len()
    );
    if !kinds.is_empty() {
        let _ = write!(s, " ({})", kinds.join(", "));
    }
    s.push('.');
    s
}

fn short(kind: FlagKind) -> &'static str {
    match kind {
        FlagKind::OldCitation => "căn cứ năm cũ",
        FlagKind::AnniversaryWithoutBase => "kỷ niệm không có mốc gốc",
        FlagKind::AnniversaryMismatch => "kỷ niệm sai số năm",
        FlagKind::OneOffEvent => "sự kiện một lần",
        FlagKind::UnclearYear => "chỗ không rõ",
        FlagKind::LaterYear => "năm sau năm kế hoạch",
        FlagKind::ImpossibleDate => "ngày không có thật",
        FlagKind::SignerUnknown => "người ký chưa rõ",
        FlagKind::QuotedName => "tên trong ngoặc kép có năm cũ",
        FlagKind::EarlierYear => "năm cũ sót lại trong câu văn",
    }
}

/// A numbered Markdown table under a `###` heading with its count.
fn table(out: &mut String, heading: &str, columns: [&str; 3], rows: &[[String; 3]], empty: &str) {
    let _ = writeln!(out, "### {heading} ({})\n", rows.len());
    if rows.is_empty() {
        let _ = writeln!(out, "{empty}\n");
        return;
    }
    let _ = writeln!(out, "| # | {} |\n|---|---|---|---|", columns.join(" | "));
    for (i, row) in rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} |",
            i + 1,
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        );
    }
    out.push('\n');
}

/// Text in a Markdown table cell: no pipes or line breaks.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
