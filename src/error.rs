//! Errors, worded in Vietnamese for the people who fix them.
//!
//! An input error names the file, the line and column when known, and the
//! JSON path of the field (`sections[1].content[0].task.lead`), so that a
//! clerk can find the place in any editor. How an error ends the process
//! (its exit code) is the command line's business, not the library's.

use std::fmt;
use std::path::PathBuf;

/// Where in a plan file something is: always the file and the JSON path,
/// and the line and column when the text was at hand (a check made on the
/// plan alone knows no line, and says none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub position: Option<Position>,
    /// JSON path, `.` for the whole document.
    pub path: String,
}

/// A line and column, both from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The field at `path` of `file`, with no line known.
    pub fn new(file: impl Into<String>, path: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            position: None,
            path: path.into(),
        }
    }

    /// The same place, found at `line`:`column` of the text.
    pub fn at(self, line: usize, column: usize) -> Self {
        Location {
            position: Some(Position { line, column }),
            ..self
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.position {
            Some(Position { line, column }) => {
                write!(f, "{}:{line}:{column}: {}", self.file, self.path)
            }
            None => write!(f, "{}: {}", self.file, self.path),
        }
    }
}

#[derive(Debug)]
pub enum Error {
    /// The plan data is wrong; the user fixes the file.
    Input { at: Location, message: String },
    /// A file given to `import` is not a document kehoach reads.
    Import {
        file: String,
        reason: crate::import::Unreadable,
    },
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
}

impl Error {
    pub fn input(at: Location, message: impl Into<String>) -> Self {
        Error::Input {
            at,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Error::Input { at, message } => write!(f, "{at}: {message}"),
            Error::Import { file, reason } => write!(f, "{file}: {reason}"),
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
