//! `kehoach check PLAN.json… [--format text|json] [--fix]`: findings grouped
//! by severity, with rule ids, JSON paths and suggestions; the rules the
//! data cannot decide are named. `--fix` first writes the safe fixes back to
//! the file. Exit 0 (no errors), 1 (errors), 2 (unreadable).

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use kehoach::check::{self, Severity};
use kehoach::date::PlanDate;
use kehoach::fs::write_atomic;
use kehoach::load;

use super::terminal::{self, Paint};
use super::{Failure, Outcome};

#[derive(Args)]
pub struct CheckArgs {
    /// Các tệp kế hoạch JSON.
    #[arg(value_name = "KẾ_HOẠCH.json", required = true)]
    inputs: Vec<PathBuf>,
    /// Dạng kết quả.
    #[arg(long, value_enum, default_value_t = Format::Text, value_name = "DẠNG")]
    format: Format,
    /// Ngày hôm nay (YYYY-MM-DD), thay cho đồng hồ máy.
    #[arg(long, hide = true)]
    today: Option<String>,
    /// Sửa những lỗi an toàn (số 0 trước ngày, tháng; dấu cách, dấu câu; chữ
    /// hoa) và ghi lại vào tệp; không bao giờ sửa câu chữ.
    #[arg(long)]
    fix: bool,
    /// Chỉ kiểm tra dữ liệu, không dàn trang (bỏ các kiểm tra đo trên trang).
    #[arg(long)]
    no_layout: bool,
    #[command(flatten)]
    engine: super::EngineArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// chữ để đọc trên màn hình
    Text,
    /// JSON cho các chương trình khác
    Json,
}

pub fn run(args: &CheckArgs) -> Outcome {
    if args.fix && args.inputs.iter().any(|i| i.as_os_str() == "-") {
        return Err(Failure::Usage(
            "--fix ghi lại vào tệp, không dùng được với \"-\" (đầu vào chuẩn)".into(),
        ));
    }
    let today = match &args.today {
        Some(d) => {
            let d = PlanDate::parse(d).map_err(|e| Failure::Usage(format!("--today: {e}")))?;
            (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1))
        }
        None => kehoach::date::today(),
    };
    let engine = if args.no_layout {
        None
    } else {
        Some(args.engine.engine()?)
    };
    let check_one = |input: &std::path::PathBuf| -> Result<_, Failure> {
        let mut plan = load::load_file(input)?;
        let mut fixed = Vec::new();
        if args.fix {
            let result = check::fix(&plan.plan, today);
            if !result.applied.is_empty() {
                let mut json =
                    serde_json::to_string_pretty(&result.plan).expect("a plan serialises");
                json.push('\n');
                write_atomic(input, json.as_bytes())?;
                plan.plan = result.plan;
                fixed = result.applied;
            }
        }
        let mut report = check::check(&plan.plan, today);
        if let Some(engine) = &engine {
            let compiled = engine.compile(&plan)?;
            check::check_pages(&mut report, &compiled.document);
        }
        Ok((input.display().to_string(), fixed, report))
    };
    let mut reports = Vec::new();
    // In JSON a plan that cannot be read is an entry of its own, in its
    // place, so that a program reading the output learns why; the text
    // says it and stops.
    let mut entries = Vec::new();
    let mut unreadable = 0;
    for input in &args.inputs {
        match check_one(input) {
            Ok((file, fixed, r)) => {
                entries.push(serde_json::json!({ "file": file, "fixed": fixed, "findings": r.findings, "not_evaluated": r.not_evaluated }));
                reports.push((file, fixed, r));
            }
            Err(Failure::Error(e)) if matches!(args.format, Format::Json) => {
                unreadable += 1;
                entries.push(serde_json::json!({
                    "file": input.display().to_string(),
                    "error": e.to_string(),
                }));
            }
            Err(other) => return Err(other),
        }
    }
    match args.format {
        Format::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&entries).expect("findings serialise")
            );
        }
        Format::Text => {
            let paint = Paint::stdout();
            for (file, fixed, report) in &reports {
                print!("{}", terminal::check_report(file, fixed, report, paint));
            }
        }
    }
    if unreadable > 0 {
        return Err(Failure::Unreadable { count: unreadable });
    }
    if reports.iter().any(|(_, _, r)| r.count(Severity::Error) > 0) {
        return Err(Failure::Findings);
    }
    Ok(())
}
