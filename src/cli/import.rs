//! `kehoach import FILE [-o PLAN.json] [--report REPORT.md]`: last year's
//! plan from .docx, .pdf, .txt or .md into plan data, with a report of what was
//! recognised, guessed and left unplaced.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use kehoach::fs::write_atomic;
use kehoach::import::{self, report_markdown};

#[derive(Args)]
pub struct ImportArgs {
    /// Tệp kế hoạch cũ: .docx, .pdf (xuất từ Word, không phải bản quét), .txt (chữ chép hoặc trích từ PDF) hoặc .md.
    #[arg(value_name = "TỆP")]
    input: PathBuf,
    /// Ghi kế hoạch JSON vào tệp này (mặc định: in ra màn hình).
    #[arg(short, long, value_name = "KẾ_HOẠCH.json")]
    output: Option<PathBuf>,
    /// Ghi báo cáo nhập (Markdown) vào tệp này.
    #[arg(long, value_name = "BÁO_CÁO.md")]
    report: Option<PathBuf>,
}

pub fn run(args: &ImportArgs) -> kehoach::Result<()> {
    let imported = import::import_file(&args.input)?;
    let report = &imported.report;
    match &args.output {
        Some(path) => write_atomic(path, imported.json.as_bytes())?,
        None => {
            let _ = std::io::stdout().write_all(imported.json.as_bytes());
        }
    }
    if let Some(path) = &args.report {
        write_atomic(path, report_markdown(report).as_bytes())?;
    }
    eprintln!(
        "kehoach: đã nhập {} — {} phần nhận ra, {} trường phải đoán, {} đoạn chưa xếp được{}",
        report.source,
        report.found.len(),
        report.guessed.len(),
        report.unplaced.len(),
        if args.report.is_none() && !(report.guessed.is_empty() && report.unplaced.is_empty()) {
            " (xem chi tiết với --report BÁO_CÁO.md)"
        } else {
            ""
        }
    );
    Ok(())
}
