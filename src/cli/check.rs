//! `kehoach check PLAN.json… [--format text|json] [--fix]`: findings grouped
//! by severity, with rule ids, JSON paths and suggestions; the rules the
//! data cannot decide are named. `--fix` first writes the safe fixes back to
//! the file. Exit 0 (no errors), 1 (errors), 2 (unreadable).

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use kehoach::check::{self, Finding, Report, Severity};
use kehoach::date::PlanDate;
use kehoach::error::{Error, Location};
use kehoach::{export, load};

#[derive(Args)]
pub struct CheckArgs {
    /// Các tệp kế hoạch JSON.
    #[arg(value_name = "KẾ_HOẠCH.json", required = true)]
    inputs: Vec<PathBuf>,
    /// Dạng kết quả.
    #[arg(long, value_enum, default_value_t = Format::Text)]
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
    Text,
    Json,
}

pub fn run(args: &CheckArgs) -> kehoach::Result<bool> {
    let today = match &args.today {
        Some(d) => {
            let d = PlanDate::parse(d).map_err(|m| {
                Error::input(
                    Location {
                        file: "--today".into(),
                        line: 1,
                        column: 1,
                        path: ".".into(),
                    },
                    m,
                )
            })?;
            (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1))
        }
        None => kehoach::date::today_utc(),
    };
    let engine = if args.no_layout {
        None
    } else {
        Some(args.engine.engine()?)
    };
    let mut reports = Vec::new();
    for input in &args.inputs {
        let mut plan = load::load_file(input)?;
        let mut fixed = Vec::new();
        if args.fix {
            if input.as_os_str() == "-" {
                return Err(Error::input(
                    Location {
                        file: "<stdin>".into(),
                        line: 1,
                        column: 1,
                        path: ".".into(),
                    },
                    "--fix ghi lại vào tệp, không dùng được với \"-\" (đầu vào chuẩn)",
                ));
            }
            let result = check::fix(&plan.plan, today);
            if !result.applied.is_empty() {
                let mut json =
                    serde_json::to_string_pretty(&result.plan).expect("a plan serialises");
                json.push('\n');
                export::write_atomic(input, json.as_bytes())?;
                plan.plan = result.plan;
                fixed = result.applied;
            }
        }
        let mut report = check::check(&plan.plan, today);
        if let Some(engine) = &engine {
            let compiled = engine.compile(&plan)?;
            check::check_pages(&mut report, &compiled.document);
        }
        reports.push((input.display().to_string(), fixed, report));
    }
    match args.format {
        Format::Json => {
            let json: Vec<_> = reports
                .iter()
                .map(|(file, fixed, r)| serde_json::json!({ "file": file, "fixed": fixed, "findings": r.findings, "not_evaluated": r.not_evaluated }))
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&json).expect("findings serialise")
            );
        }
        Format::Text => {
            for (file, fixed, report) in &reports {
                print!("{}", text(file, fixed, report));
            }
        }
    }
    Ok(reports
        .iter()
        .all(|(_, _, r)| r.count(Severity::Error) == 0))
}

fn text(file: &str, fixed: &[Finding], r: &Report) -> String {
    let mut out = format!("{file}\n");
    for f in fixed {
        out.push_str(&format!(
            "  đã sửa [{}] {}: {}\n      → {}\n",
            f.rule,
            f.path,
            f.message,
            f.fix.as_deref().unwrap_or_default()
        ));
    }
    for severity in [Severity::Error, Severity::Warning, Severity::Hint] {
        for f in r.findings.iter().filter(|f| f.severity == severity) {
            out.push_str(&format!(
                "  {} [{}] {}: {}\n",
                severity.word(),
                f.rule,
                f.path,
                f.message
            ));
            if let Some(s) = &f.suggestion {
                out.push_str(&format!("      → {s}\n"));
            }
        }
    }
    let not_evaluated = if r.not_evaluated.is_empty() {
        "không có.".to_owned()
    } else {
        r.not_evaluated.join("; ")
    };
    out.push_str(&format!(
        "  {} lỗi, {} cảnh báo, {} gợi ý.\n  Chưa đánh giá: {not_evaluated}\n",
        r.count(Severity::Error),
        r.count(Severity::Warning),
        r.count(Severity::Hint),
    ));
    out
}
