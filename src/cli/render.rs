//! `kehoach render PLAN.json -o PLAN.pdf`: one plan to PDF, and on request
//! its Typst source, PNG pages and Word file (`--docx`; alone, only the
//! Word file). Nothing is written unless all succeeds.

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
    /// Ghi thêm tệp Word (.docx) để sửa, góp ý; bản PDF vẫn là bản ký.
    #[arg(long, value_name = "TỆP.docx")]
    docx: Option<PathBuf>,
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
    #[arg(long, default_value_t = 110.0, value_name = "ĐỘ_PHÂN_GIẢI")]
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
    /// quyết định
    Decision,
    /// kế hoạch kèm theo
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
    // The plan is laid out even for the Word file alone: the same
    // characters are refused, the same findings on the pages reported.
    let rendered = render(args, &plan, part)?;
    let docx = match &args.docx {
        Some(_) => Some(kehoach::docx::docx(&plan, part)?),
        None => None,
    };
    // Everything is in memory now; only writing remains.
    if let (Some(path), Some(docx)) = (&args.docx, &docx) {
        write_atomic(path, docx)?;
        eprintln!("kehoach: đã ghi {}", path.display());
    }
    // `--docx` alone asks for the Word file only.
    if args.docx.is_none() || args.output.is_some() || args.png.is_some() || args.typ.is_some() {
        rendered.write(args)?;
    }
    Ok(())
}

/// The laid-out plan: its PDF, and its PNG pages and Typst source when
/// asked for.
struct Rendered {
    pdf: Vec<u8>,
    pngs: Vec<Vec<u8>>,
    source: String,
    pages: usize,
    family: String,
}

fn render(args: &RenderArgs, plan: &load::LoadedPlan, part: Part) -> Result<Rendered, Failure> {
    // The checks of the plan's data need no layout: they run beside the
    // font scan and the layout, on the other core, off a cold start's path.
    let (laid_out, report) = std::thread::scope(|scope| {
        let checks = scope.spawn(|| check::check(&plan.plan, kehoach::date::today()));
        let laid_out = args.engine.engine().and_then(|engine| {
            let compiled = engine.compile_part(plan, part)?;
            Ok((engine, compiled))
        });
        let report = checks
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (laid_out, report)
    });
    let (engine, compiled) = laid_out?;
    for w in &compiled.warnings {
        eprintln!("kehoach: {w}");
    }
    report_findings(args, plan, report, &compiled.document)?;
    let pdf = export::pdf(&compiled, &[])?;
    let pngs = match &args.png {
        Some(_) => export::png_pages(&compiled, args.ppi)?,
        None => Vec::new(),
    };
    Ok(Rendered {
        pdf,
        pngs,
        pages: compiled.document.pages().len(),
        source: compiled.source,
        family: engine.fonts().family().to_owned(),
    })
}

/// Prints the errors and warnings of `check` (hints stay with `check`),
/// with those measured on the pages; `--strict` stops at an error.
fn report_findings(
    args: &RenderArgs,
    plan: &load::LoadedPlan,
    mut report: check::Report,
    document: &typst_layout::PagedDocument,
) -> Result<(), Failure> {
    check::check_pages(&mut report, document);
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
    Ok(())
}

impl Rendered {
    fn write(self, args: &RenderArgs) -> Result<(), Failure> {
        let output = args.output.clone().unwrap_or_else(|| {
            if args.input.as_os_str() == "-" {
                PathBuf::from("kehoach.pdf")
            } else {
                args.input.with_extension("pdf")
            }
        });
        if let Some(typ) = &args.typ {
            write_atomic(typ, self.source.as_bytes())?;
        }
        if let Some(dir) = &args.png {
            std::fs::create_dir_all(dir).map_err(|source| kehoach::Error::Io {
                path: dir.clone(),
                action: "tạo thư mục",
                source,
            })?;
            for (i, png) in self.pngs.iter().enumerate() {
                write_atomic(&dir.join(format!("trang-{:02}.png", i + 1)), png)?;
            }
        }
        write_atomic(&output, &self.pdf)?;
        eprintln!(
            "kehoach: đã ghi {} ({} trang, phông {})",
            output.display(),
            self.pages,
            self.family
        );
        Ok(())
    }
}
