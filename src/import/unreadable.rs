//! Why a file given to `import` is not read: each reason says what the
//! clerk can do about it. The library wraps it, with the file's name, in
//! [`Error::Import`](crate::error::Error::Import).

use std::fmt;

use super::docx::MAX_PART_BYTES;
use super::text::MAX_BYTES;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// An extension no reader takes.
    UnknownKind(String),
    /// Nothing but blank lines or empty paragraphs.
    Empty,
    /// A text file over [`MAX_BYTES`].
    TooLarge { megabytes: usize },
    /// Many zero bytes: an image, a PDF, a UTF-16 file.
    Binary,
    /// An OLE compound file: a legacy .doc, or a .docx Word encrypted.
    LegacyWord,
    /// A PDF whose pages are pictures: nothing to read without OCR.
    Scanned { pages: usize },
    /// A PDF whose text layer gives other letters than the page shows
    /// (a signing tool's rewritten fonts): its garbled pages, from 1.
    Garbled { pages: Vec<usize> },
    /// A PDF that cannot be parsed.
    PdfDamaged,
    /// A PDF locked with a password.
    PdfLocked,
    /// Not a zip archive at all.
    NotZip,
    /// A part of a .docx that the reader needs.
    Part { part: String, fault: PartFault },
    /// The importer made a plan that does not pass the loader's checks:
    /// kehoach's fault, said plainly rather than writing a file `render`
    /// refuses.
    NotRenderable(String),
}

/// What is wrong with one part (one XML file) inside a .docx.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartFault {
    Missing,
    /// The zip entry cannot be read or inflated.
    Damaged,
    /// Over [`MAX_PART_BYTES`] once inflated (a zip bomb, say).
    TooLarge,
    NotUtf8,
    /// Not well-formed XML; the detail says where or what.
    Xml(XmlFault),
    /// Nested deeper than any document is.
    TooDeep {
        limit: usize,
    },
    /// `word/document.xml` with no `w:body`.
    NoBody,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XmlFault {
    AtByte(u64),
    UnknownEntity(String),
    Unclosed,
    NoElement,
}

impl Unreadable {
    pub(super) fn part(part: &str, fault: PartFault) -> Self {
        Unreadable::Part {
            part: part.to_owned(),
            fault,
        }
    }
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Unreadable::UnknownKind(ext) => {
                write!(
                    f,
                    "không đọc được tệp .{ext}: chỉ nhận .docx, .pdf, .txt và .md"
                )
            }
            Unreadable::Empty => write!(f, "tệp không có nội dung nào"),
            Unreadable::TooLarge { megabytes } => write!(
                f,
                "tệp quá lớn ({megabytes} MB, nhận tối đa {} MB); một kế hoạch chỉ vài trăm kB",
                MAX_BYTES >> 20
            ),
            Unreadable::Binary => {
                write!(f, "tệp không phải văn bản (có nhiều byte 0: tệp nhị phân?)")
            }
            Unreadable::LegacyWord => write!(
                f,
                "tệp không phải DOCX: đây là tệp Word cũ (.doc) hoặc DOCX có đặt mật khẩu; \
                 hãy mở bằng Word và lưu lại thành .docx không mật khẩu"
            ),
            Unreadable::Scanned { pages } => write!(
                f,
                "tệp PDF là bản quét ({pages} trang ảnh), không có lớp chữ để đọc; \
                 hãy nhập tệp Word gốc hoặc bản PDF xuất từ Word"
            ),
            Unreadable::Garbled { pages } => write!(
                f,
                "lớp chữ của tệp PDF không đọc được ({}: {}): \
                 hãy nhập tệp Word gốc hoặc bản PDF khác",
                pages_named(pages),
                super::pdf::GARBLED
            ),
            Unreadable::PdfDamaged => {
                write!(f, "tệp PDF hỏng: không đọc được cấu trúc hoặc phông chữ")
            }
            Unreadable::PdfLocked => write!(f, "tệp PDF có đặt mật khẩu: hãy mở khóa rồi nhập lại"),
            Unreadable::NotZip => write!(f, "tệp không phải DOCX (không đọc được dạng nén zip)"),
            Unreadable::Part { part, fault } => match fault {
                PartFault::Missing => write!(f, "tệp DOCX thiếu {part}"),
                PartFault::Damaged => {
                    write!(f, "tệp DOCX hỏng: không đọc hoặc giải nén được {part}")
                }
                PartFault::TooLarge => write!(
                    f,
                    "tệp DOCX có {part} quá lớn khi giải nén (hơn {} MB)",
                    MAX_PART_BYTES >> 20
                ),
                PartFault::NotUtf8 => {
                    write!(f, "tệp DOCX hỏng: {part} không phải văn bản UTF-8")
                }
                PartFault::Xml(detail) => {
                    write!(f, "tệp DOCX hỏng: {part} không phải XML hợp lệ ({detail})")
                }
                PartFault::TooDeep { limit } => {
                    write!(
                        f,
                        "tệp DOCX hỏng: {part} lồng nhau quá sâu (hơn {limit} cấp)"
                    )
                }
                PartFault::NoBody => write!(
                    f,
                    "tệp DOCX hỏng: {part} không có phần thân văn bản (w:body)"
                ),
            },
            Unreadable::NotRenderable(error) => {
                write!(
                    f,
                    "kế hoạch nhập được không qua được bước kiểm tra trước khi in: {error}"
                )
            }
        }
    }
}

/// `trang 1–4`, `trang 2, 5–7`: pages in runs.
pub(super) fn pages_named(pages: &[usize]) -> String {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &page in pages {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == page => *last = page,
            _ => runs.push((page, page)),
        }
    }
    let runs: Vec<String> = runs
        .into_iter()
        .map(|(first, last)| match last - first {
            0 => first.to_string(),
            1 => format!("{first}, {last}"),
            _ => format!("{first}–{last}"),
        })
        .collect();
    format!("trang {}", runs.join(", "))
}

impl fmt::Display for XmlFault {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            XmlFault::AtByte(byte) => write!(f, "lỗi ở byte {byte}"),
            XmlFault::UnknownEntity(name) => write!(f, "thực thể &{name}; không xác định"),
            XmlFault::Unclosed => write!(f, "thiếu thẻ đóng"),
            XmlFault::NoElement => write!(f, "không có phần tử nào"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_named_in_runs() {
        assert_eq!(pages_named(&[1, 2, 3, 4]), "trang 1–4");
        assert_eq!(pages_named(&[2, 5, 6, 7, 9, 10]), "trang 2, 5–7, 9, 10");
        assert_eq!(pages_named(&[3]), "trang 3");
    }
}
