//! Errors, worded in Vietnamese for the people who fix them.
//!
//! An input error names the file, the line and column, and the JSON path of
//! the field (`sections[1].content[0].task.lead`), so that a clerk can find
//! the place in any editor.

use std::fmt;
use std::path::PathBuf;

/// Where in a plan file something is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// JSON path, `.` for the whole document.
    pub path: String,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.path
        )
    }
}

#[derive(Debug)]
pub enum Error {
    /// The plan data is wrong; the user fixes the file.
    Input { at: Location, message: String },
    /// A file could not be read or written.
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    /// A template failed to render (a broken `--templates` override).
    Template { message: String },
    /// Typst rejected the generated source; with a user template this points
    /// at the template line.
    Typst { messages: Vec<String> },
    /// The PDF or PNG exporter failed.
    Export { message: String },
    /// Some plans of a batch failed (each was reported on its own).
    Batch { failed: usize },
    /// `check` found errors in a plan (already printed).
    Findings,
}

impl Error {
    pub fn input(at: Location, message: impl Into<String>) -> Self {
        Error::Input {
            at,
            message: message.into(),
        }
    }

    /// The process exit code: 2 for anything the user must fix in the input.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input { .. } | Error::Io { .. } | Error::Template { .. } => 2,
            Error::Typst { .. } | Error::Export { .. } | Error::Batch { .. } | Error::Findings => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Error::Input { at, message } => write!(f, "{at}: {message}"),
            Error::Io {
                path,
                action,
                source,
            } => {
                write!(
                    f,
                    "{}: không {action} được: {}",
                    path.display(),
                    io_reason(source)
                )
            }
            Error::Template { message } => write!(f, "lỗi mẫu trình bày: {message}"),
            Error::Typst { messages } => {
                write!(f, "lỗi dàn trang (Typst):")?;
                for m in messages {
                    write!(f, "\n  {m}")?;
                }
                Ok(())
            }
            Error::Export { message } => write!(f, "không xuất được tệp: {message}"),
            Error::Batch { failed } => {
                write!(f, "{failed} kế hoạch không xuất được (xem manifest)")
            }
            Error::Findings => write!(f, "kế hoạch có lỗi cần sửa"),
        }
    }
}

impl std::error::Error for Error {}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "không tìm thấy tệp hoặc thư mục".into(),
        PermissionDenied => "không có quyền truy cập".into(),
        AlreadyExists => "tệp đã tồn tại".into(),
        InvalidData => "dữ liệu không hợp lệ (không phải UTF-8?)".into(),
        _ => e.to_string(),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
