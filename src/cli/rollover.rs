//! `kehoach rollover PLAN.json [--year 2026] [-o NEW.json] [--report REVIEW.md]`:
//! next year's plan from last year's, with a review of what changed and
//! what a person must decide. A folder in gives a folder out.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;
use kehoach::error::{Error, Location};
use kehoach::fs::write_atomic;
use kehoach::load;
use kehoach::rollover::{self, Rollover, report};
use walkdir::WalkDir;

use super::Outcome;
use super::terminal::{self, Paint};

#[derive(Args)]
pub struct RolloverArgs {
    /// Tệp kế hoạch năm cũ (JSON), hoặc một thư mục các kế hoạch.
    #[arg(value_name = "KẾ_HOẠCH")]
    input: PathBuf,
    /// Năm mới (mặc định: năm của kế hoạch + 1).
    #[arg(long, value_name = "NĂM")]
    year: Option<i32>,
    /// Tệp (hoặc thư mục, khi đầu vào là thư mục) ghi kế hoạch mới.
    #[arg(short, long, value_name = "ĐẦU_RA")]
    output: Option<PathBuf>,
    /// Ghi báo cáo rà soát (Markdown) vào tệp này.
    #[arg(long, value_name = "TỆP.md")]
    report: Option<PathBuf>,
}

pub fn run(args: &RolloverArgs) -> Outcome {
    let inputs = inputs(&args.input)?;
    let folder = args.input.is_dir();
    let mut done: Vec<(PathBuf, PathBuf, Rollover)> = Vec::new();
    // Everything is computed before anything is written.
    for input in &inputs {
        let loaded = load::load_file(input)?;
        let from = rollover::plan_year(&loaded.plan);
        let to = args.year.or(from.map(|y| y + 1)).unwrap_or_default();
        let rolled = rollover::rollover(&loaded.plan, to).map_err(|e| {
            Error::input(
                Location::new(input.display().to_string(), e.path()),
                e.to_string(),
            )
        })?;
        let output = output_path(args, input, folder, to);
        done.push((input.clone(), output, rolled));
    }
    if let Some(dir) = args.output.as_ref().filter(|_| folder) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.clone(),
            action: "tạo thư mục",
            source,
        })?;
    }
    for (_, output, rolled) in &done {
        let mut json = serde_json::to_string_pretty(&rolled.plan).expect("a plan serialises");
        json.push('\n');
        write_atomic(output, json.as_bytes())?;
    }
    let parts: Vec<(String, &Rollover)> = done
        .iter()
        .map(|(input, _, r)| (display_name(input), r))
        .collect();
    if let Some(path) = &args.report {
        write_atomic(path, report::document(&parts).as_bytes())?;
    }
    let tty = std::io::stderr().is_terminal();
    let paint = Paint::stderr();
    for ((input, output, rolled), (name, _)) in done.iter().zip(&parts) {
        if tty {
            eprint!("{}", terminal::rollover_listing(name, rolled, paint));
        }
        eprintln!(
            "kehoach: {} → {} ({})",
            input.display(),
            output.display(),
            report::summary(rolled)
        );
    }
    Ok(())
}

/// The file, or the `*.json` files of the folder (not below it: the new
/// plans go side by side into one folder), sorted by name.
fn inputs(input: &Path) -> kehoach::Result<Vec<PathBuf>> {
    if !input.is_dir() {
        return Ok(vec![input.to_owned()]);
    }
    let mut files = Vec::new();
    let walk = WalkDir::new(input)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name();
    for entry in walk {
        let path = entry
            .map_err(|e| Error::Io {
                path: input.to_owned(),
                action: "đọc thư mục",
                source: e.into(),
            })?
            .into_path();
        if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
    Ok(files)
}

/// Beside the input with the new year in its name, unless told otherwise.
fn output_path(args: &RolloverArgs, input: &Path, folder: bool, to: i32) -> PathBuf {
    let file_name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match (&args.output, folder) {
        (Some(dir), true) => dir.join(file_name),
        (Some(file), false) => file.clone(),
        (None, _) => {
            let stem = input
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            input.with_file_name(format!("{stem}.{to}.json"))
        }
    }
}

fn display_name(input: &Path) -> String {
    input.file_name().map_or_else(
        || input.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
