//! `kehoach check PLAN.json… [--format text|json]`: findings grouped by
//! severity, with rule ids, JSON paths and suggestions; the rules the data
//! cannot decide are named. Exit 0 (no errors), 1 (errors), 2 (unreadable).

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use kehoach::check::{self, Report, Severity};
use kehoach::date::PlanDate;
use kehoach::error::{Error, Location};
use kehoach::load;

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
        None => today_utc(),
    };
    let engine = if args.no_layout {
        None
    } else {
        Some(args.engine.engine()?)
    };
    let mut reports = Vec::new();
    for input in &args.inputs {
        let plan = load::load_file(input)?;
        let mut report = check::check(&plan.plan, today);
        if let Some(engine) = &engine {
            let compiled = engine.compile(&plan)?;
            check::check_pages(
                &mut report,
                &kehoach::stamps::stamp_areas(&compiled.document),
            );
        }
        reports.push((input.display().to_string(), report));
    }
    match args.format {
        Format::Json => {
            let json: Vec<_> = reports
                .iter()
                .map(|(file, r)| serde_json::json!({ "file": file, "findings": r.findings, "not_evaluated": r.not_evaluated }))
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&json).expect("findings serialise")
            );
        }
        Format::Text => {
            for (file, report) in &reports {
                print!("{}", text(file, report));
            }
        }
    }
    Ok(reports.iter().all(|(_, r)| r.count(Severity::Error) == 0))
}

fn text(file: &str, r: &Report) -> String {
    let mut out = format!("{file}\n");
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
    out.push_str(&format!(
        "  {} lỗi, {} cảnh báo, {} gợi ý.\n  Chưa đánh giá: {}\n",
        r.count(Severity::Error),
        r.count(Severity::Warning),
        r.count(Severity::Hint),
        r.not_evaluated.join("; ")
    ));
    out
}

/// Today's date in UTC from the system clock (days-from-civil, inverted).
pub fn today_utc() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}
