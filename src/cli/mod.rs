//! Command-line verbs, one file each.

mod batch;
mod check;
mod fonts;
mod import;
mod render;
mod rollover;
mod schema;
mod serve;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use kehoach::{Engine, FontOptions, Templates};

/// kehoach — soạn KẾ HOẠCH đúng thể thức Nghị định 30/2020/NĐ-CP, xuất PDF.
#[derive(Parser)]
#[command(name = "kehoach", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Dàn trang một kế hoạch (JSON) thành PDF.
    Render(render::RenderArgs),
    /// Xuất hàng loạt kế hoạch ra PDF/A để ký số, kèm manifest vị trí ký.
    Batch(batch::BatchArgs),
    /// Kiểm tra kế hoạch theo Nghị định 30 và các lỗi nội dung thường gặp.
    Check(check::CheckArgs),
    /// Tạo kế hoạch năm mới từ kế hoạch năm cũ, kèm báo cáo rà soát.
    Rollover(rollover::RolloverArgs),
    /// Nhập kế hoạch cũ từ tệp Word (.docx), văn bản (.txt) hoặc Markdown (.md).
    Import(import::ImportArgs),
    /// Mở biểu mẫu soạn kế hoạch trên trình duyệt, xem trước trực tiếp.
    Serve(serve::ServeArgs),
    /// Cho biết phông chữ nào sẽ được dùng.
    Fonts(EngineArgs),
    /// In JSON Schema của dữ liệu kế hoạch.
    Schema,
}

/// What every verb that lays out pages shares.
#[derive(Args, Clone)]
pub struct EngineArgs {
    /// Thêm phông chữ từ thư mục này.
    #[arg(long = "font-dir", value_name = "THƯ_MỤC")]
    font_dirs: Vec<PathBuf>,
    /// Không tìm phông Times New Roman trong hệ thống (chỉ dùng phông nhúng).
    #[arg(long)]
    no_system_fonts: bool,
    /// Dùng các mẫu *.typ trong thư mục này thay cho mẫu nhúng cùng tên.
    #[arg(long, value_name = "THƯ_MỤC")]
    templates: Option<PathBuf>,
}

impl EngineArgs {
    pub fn engine(&self) -> kehoach::Result<Engine> {
        let templates = match &self.templates {
            Some(dir) => Templates::from_dir(dir)?,
            None => Templates::embedded(),
        };
        let fonts = FontOptions {
            system: !self.no_system_fonts,
            dirs: self.font_dirs.clone(),
        };
        Ok(Engine::new(&fonts, templates))
    }
}

pub fn run() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) => render::run(&args),
        Command::Rollover(args) => rollover::run(&args),
        Command::Batch(args) => batch::run(&args),
        Command::Check(args) => check::run(&args).and_then(|clean| {
            if clean {
                Ok(())
            } else {
                Err(kehoach::Error::Findings)
            }
        }),
        Command::Serve(args) => serve::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Fonts(args) => fonts::run(&args),
        Command::Schema => schema::run(),
    };
    match result {
        Ok(()) => 0,
        Err(kehoach::Error::Findings) => {
            eprintln!("kehoach: {}", kehoach::Error::Findings);
            1
        }
        Err(e) => {
            eprintln!("kehoach: {e}");
            e.exit_code()
        }
    }
}
