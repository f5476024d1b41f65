//! `kehoach batch INPUT… -o OUTDIR [--jobs N] [--pdf-standard a-2b] [--skip-unchanged] [--split] [--docx]`:
//! many plans to PDF/A for signing, with a manifest of where to stamp, and
//! on request a Word file beside each.

use std::path::PathBuf;
use std::time::Instant;

use clap::Args;
use kehoach::batch::{self, Options, Status};
use typst_pdf::PdfStandard;

use super::{EngineArgs, Failure, Outcome, terminal};

#[derive(Args)]
pub struct BatchArgs {
    /// Tệp kế hoạch, thư mục (mọi *.json bên trong), hoặc "-" (JSON Lines từ đầu vào chuẩn).
    #[arg(value_name = "ĐẦU_VÀO", required = true)]
    inputs: Vec<PathBuf>,
    /// Thư mục ghi PDF và bảng kê (manifest.json, manifest.csv).
    #[arg(short, long, value_name = "THƯ_MỤC")]
    output: PathBuf,
    /// Số luồng song song (mặc định: số lõi CPU).
    #[arg(long, value_name = "SỐ_LUỒNG")]
    jobs: Option<usize>,
    /// Chuẩn PDF: a-2b (lưu trữ), a-3b, a-2u, 1.7, 2.0 …
    #[arg(long, default_value = "a-2b", value_parser = parse_standard, value_name = "CHUẨN")]
    pdf_standard: PdfStandard,
    /// Bỏ qua kế hoạch không đổi so với lần xuất trước (theo bảng kê).
    #[arg(long)]
    skip_unchanged: bool,
    /// Kế hoạch ban hành kèm theo Quyết định: ghi quyết định và kế hoạch thành hai tệp PDF, mỗi tệp ký số riêng.
    #[arg(long)]
    split: bool,
    /// Ghi thêm tệp Word (.docx) cạnh mỗi PDF, để gửi lấy ý kiến góp ý.
    #[arg(long)]
    docx: bool,
    #[command(flatten)]
    engine: EngineArgs,
}

fn parse_standard(s: &str) -> Result<PdfStandard, String> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|_| format!("chuẩn PDF không hợp lệ: {s} (ví dụ: a-2b, a-3b, 1.7)"))
}

pub fn run(args: &BatchArgs) -> Outcome {
    let started = Instant::now();
    let inputs = batch::collect_inputs(&args.inputs, &mut std::io::stdin())?;
    for link in &inputs.loops {
        eprintln!(
            "kehoach: cảnh báo: bỏ qua {}: liên kết trỏ ngược về thư mục chứa nó",
            link.display()
        );
    }
    let engine = args.engine.engine()?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let options = Options {
        out_dir: args.output.clone(),
        jobs,
        standards: vec![args.pdf_standard],
        skip_unchanged: args.skip_unchanged,
        split: args.split,
        docx: args.docx,
    };
    let bar = terminal::progress_bar(inputs.plans.len());
    let manifest = batch::run(&engine, &inputs.plans, &options, &|row| {
        if row.status == Status::Failed {
            bar.suspend(|| eprintln!("kehoach: {}", row.message.as_deref().unwrap_or(&row.source)));
        }
        bar.inc(1);
    })?;
    bar.finish_and_clear();
    let count = |s: Status| manifest.rows.iter().filter(|r| r.status == s).count();
    let failed = count(Status::Failed);
    eprintln!(
        "kehoach: {} kế hoạch → {}: {} đã xuất, {} không đổi, {} lỗi ({:.1} s)",
        manifest.rows.len(),
        args.output.display(),
        count(Status::Ok),
        count(Status::Unchanged),
        failed,
        started.elapsed().as_secs_f64()
    );
    if failed > 0 {
        return Err(Failure::Batch { failed });
    }
    Ok(())
}
