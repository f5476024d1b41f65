//! The import report, in Vietnamese Markdown: what was recognised, what was
//! guessed (to check), and every piece of text that could not be placed,
//! with its line or paragraph number.

use std::fmt::Write;

use super::Report;

pub fn markdown(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Nhập kế hoạch từ {}\n", r.source);
    let mut section = |title: &str, lines: Vec<String>, none: &str| {
        let _ = writeln!(out, "## {title}\n");
        if lines.is_empty() {
            let _ = writeln!(out, "{none}\n");
        } else {
            for line in lines {
                let _ = writeln!(out, "- {line}");
            }
            out.push('\n');
        }
    };
    section("Đã nhận ra", r.found.clone(), "Không nhận ra phần nào.");
    section(
        "Đã đoán, cần kiểm tra",
        r.guessed.clone(),
        "Không có trường nào phải đoán.",
    );
    section(
        "Chưa xếp được vào đúng chỗ",
        r.unplaced
            .iter()
            .map(|(at, what)| format!("{} {at}: {what}", r.unit))
            .collect(),
        "Mọi đoạn văn đều đã được xếp vào kế hoạch.",
    );
    section("Ghi chú khi đọc tệp", r.notes.clone(), "Không có.");
    out
}
