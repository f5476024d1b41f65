//! Command-line verbs, one file each.

mod batch;
mod check;
mod fonts;
mod help;
mod import;
mod render;
mod rollover;
mod schema;
mod serve;
mod terminal;
mod usage;

use std::fmt;
use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use kehoach::{Engine, Error, FontOptions, Templates};

/// kehoach — soạn KẾ HOẠCH đúng thể thức Nghị định 30/2020/NĐ-CP, xuất PDF.
#[derive(Parser)]
// clap's own `help` verb speaks English; ours is `Command::Help`.
#[command(name = "kehoach", version, long_about = None, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Dàn trang một kế hoạch (JSON) thành PDF.
    Render(render::RenderArgs),
    /// Xuất hàng loạt kế hoạch ra PDF/A để ký số, kèm bảng kê vị trí ký.
    Batch(batch::BatchArgs),
    /// Kiểm tra kế hoạch theo Nghị định 30 và các lỗi nội dung thường gặp.
    Check(check::CheckArgs),
    /// Tạo kế hoạch năm mới từ kế hoạch năm cũ, kèm báo cáo rà soát.
    Rollover(rollover::RolloverArgs),
    /// Nhập kế hoạch cũ từ tệp Word (.docx), PDF có lớp chữ (.pdf), văn bản (.txt) hoặc Markdown (.md).
    Import(import::ImportArgs),
    /// Mở biểu mẫu soạn kế hoạch trên trình duyệt, xem trước trực tiếp.
    Serve(serve::ServeArgs),
    /// Cho biết phông chữ nào sẽ được dùng.
    Fonts(EngineArgs),
    /// In JSON Schema của dữ liệu kế hoạch.
    Schema,
    /// In hướng dẫn chung, hoặc của một lệnh.
    Help {
        /// Lệnh cần xem hướng dẫn.
        #[arg(value_name = "LỆNH")]
        verb: Option<String>,
    },
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

/// Why a verb did not succeed, which decides the exit code.
pub enum Failure {
    /// The library's error, printed as it words it.
    Error(Error),
    /// An option that cannot be used as given.
    Usage(String),
    /// The plan has errors that `check` found; they are already printed.
    Findings,
    /// Some plans of a batch failed; each was already printed.
    Batch { failed: usize },
    /// Some plans given to `check --format json` could not be read; each is
    /// an entry of the JSON printed.
    Unreadable { count: usize },
}

/// What a verb comes to.
pub type Outcome = Result<(), Failure>;

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Error(e)
    }
}

impl Failure {
    /// 2 for what the user must fix in the input or the command, 1 for a
    /// plan that is read but has errors or cannot be laid out.
    fn exit_code(&self) -> i32 {
        match self {
            Failure::Error(
                Error::Input { .. }
                | Error::Import { .. }
                | Error::Io { .. }
                | Error::Template { .. },
            )
            | Failure::Usage(_)
            | Failure::Unreadable { .. } => 2,
            Failure::Error(Error::Typst { .. } | Error::Export { .. })
            | Failure::Findings
            | Failure::Batch { .. } => 1,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Failure::Error(e) => e.fmt(f),
            Failure::Usage(message) => f.write_str(message),
            Failure::Findings => f.write_str("kế hoạch có lỗi cần sửa"),
            Failure::Batch { failed } => {
                write!(
                    f,
                    "{failed} kế hoạch không xuất được (xem bảng kê manifest.json)"
                )
            }
            Failure::Unreadable { count } => {
                write!(
                    f,
                    "{count} kế hoạch không đọc được (xem mục \"error\" trong JSON)"
                )
            }
        }
    }
}

/// The command line as the user sees it: clap's, said in Vietnamese.
fn command() -> clap::Command {
    help::vietnamese(Cli::command())
}

/// `kehoach help [VERB]`: the same page as `--help`.
fn print_help(verb: Option<&str>) -> Outcome {
    let mut command = command();
    let page = match verb {
        None => command.render_long_help(),
        Some(verb) => command
            .find_subcommand_mut(verb)
            .ok_or_else(|| {
                Failure::Usage(format!("không có lệnh \"{verb}\" (xem kehoach --help)"))
            })?
            .render_long_help(),
    };
    print!("{}", page.ansi());
    Ok(())
}

pub fn run() -> i32 {
    let cli = command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .map_err(|error| match usage::message(&error) {
            Some(message) => Failure::Usage(message),
            None => error.exit(),
        });
    let outcome = cli.and_then(|cli| match cli.command {
        Command::Render(args) => render::run(&args),
        Command::Rollover(args) => rollover::run(&args),
        Command::Batch(args) => batch::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Serve(args) => serve::run(&args).map_err(Failure::Error),
        Command::Import(args) => import::run(&args).map_err(Failure::Error),
        Command::Fonts(args) => fonts::run(&args).map_err(Failure::Error),
        Command::Schema => schema::run().map_err(Failure::Error),
        Command::Help { verb } => print_help(verb.as_deref()),
    });
    match outcome {
        Ok(()) => 0,
        Err(failure) => {
            eprintln!("kehoach: {failure}");
            failure.exit_code()
        }
    }
}
