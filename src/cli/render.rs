//! `kehoach render PLAN.json -o PLAN.pdf`: one plan to PDF, and on request
//! its Typst source and PNG pages. Nothing is written unless all succeeds.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use kehoach::check::{self, Severity};
use kehoach::fs::write_atomic;
use kehoach::view::Part;
use kehoach::{export, load};

use super::terminal::{self, Paint};
use super::{EngineArgs, Failure, Outcome};

#[derive(Args)]
pub struct RenderArgs {
    /// Tệp kế hoạch JSON ("-" để đọc từ đầu vào chuẩn).
    #[arg(value_name = "KẾ_HOẠCH.json")]
    input: PathBuf,
    /// Tệp PDF ghi ra (mặc định: cùng tên với tệp kế hoạch, đuôi .pdf).
    #[arg(short, long, value_name = "TỆP.pdf")]
    output: Option<PathBuf>,
    /// Ghi thêm mã nguồn Typst đã sinh.
    #[arg(long, value_name = "TỆP.typ")]
    typ: Option<PathBuf>,
    /// Ghi thêm mỗi trang một ảnh PNG vào thư mục này.
    #[arg(long, value_name = "THƯ_MỤC")]
    png: Option<PathBuf>,
    /// Không dàn trang nếu kiểm tra (như `kehoach check`) thấy lỗi.
    #[arg(long)]
    strict: bool,
    /// Độ phân giải ảnh PNG (điểm ảnh mỗi inch).
    #[arg(long, default_value_t = 110.0)]
    ppi: f32,
    /// Với kế hoạch ban hành kèm theo Quyết định: chỉ in quyết định hoặc chỉ in kế hoạch.
    #[arg(long, value_enum, value_name = "PHẦN")]
    only: Option<Only>,
    #[command(flatten)]
    engine: EngineArgs,
}

/// One part of a plan issued with a decision.
#[derive(Clone, Copy, ValueEnum)]
enum Only {
    /// Quyết định
    Decision,
    /// Kế hoạch kèm theo
    Plan,
}

pub fn run(args: &RenderArgs) -> Outcome {
    let plan = load::load_file(&args.input)?;
    let part = match args.only {
        None => Part::All,
        Some(_) if plan.plan.decision.is_none() => {
            return Err(Failure::Usage(
                "--only chỉ dùng cho kế hoạch ban hành kèm theo Quyết định (có mục \"decision\")"
                    .into(),
            ));
        }
        Some(Only::Decision) => Part::Decision,
        Some(Only::Plan) => Part::Plan,
    };
    let engine = args.engine.engine()?;
    let compiled = engine.compile_part(&plan, part)?;
    for w in &compiled.warnings {
        eprintln!("kehoach: {w}");
    }
    // The errors and warnings of `check` (hints stay with `check`).
    let mut report = check::check(&plan.plan, kehoach::date::today());
    check::check_pages(&mut report, &compiled.document);
    let paint = Paint::stderr();
    for f in report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Hint)
    {
        eprintln!("{}", terminal::finding_line(&plan.source_name, f, paint));
    }
    if args.strict && report.count(Severity::Error) > 0 {
        return Err(Failure::Findings);
    }
    let pdf = export::pdf(&compiled, &[])?;
    let pngs = match &args.png {
        Some(_) => export::png_pages(&compiled, args.ppi)?,
        None => Vec::new(),
    };
    // Everything is in memory now; only writing remains.
    let output = args.output.clone().unwrap_or_else(|| {
        if args.input.as_os_str() == "-" {
            PathBuf::from("kehoach.pdf")
        } else {
            args.input.with_extension("pdf")
        }
    });
    if let Some(typ) = &args.typ {
        write_atomic(typ, compiled.source.as_bytes())?;
    }
    if let Some(dir) = &args.png {
        std::fs::create_dir_all(dir).map_err(|source| kehoach::Error::Io {
            path: dir.clone(),
            action: "tạo thư mục",
            source,
        })?;
        for (i, png) in pngs.iter().enumerate() {
            write_atomic(&dir.join(format!("trang-{:02}.png", i + 1)), png)?;
        }
    }
    write_atomic(&output, &pdf)?;
    eprintln!(
        "kehoach: đã ghi {} ({} trang, phông {})",
        output.display(),
        compiled.document.pages().len(),
        engine.fonts().family()
    );
    Ok(())
}
