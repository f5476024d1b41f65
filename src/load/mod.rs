//! Reading plan data: JSON text → a checked, normalised [`Plan`] with the
//! images it names, or one Vietnamese error naming file, line:column and
//! JSON path.

mod locate;
mod messages;

use std::path::{Path, PathBuf};

pub use locate::locate;

use crate::date::{self, PlanDate};
use crate::error::{Error, Location, Result};
use crate::model::{Block, Plan, TableBlock, TaskTableBlock};
use crate::normalize::normalize;

/// A plan ready for the template, with everything it refers to in memory.
#[derive(Debug, Clone)]
pub struct LoadedPlan {
    pub plan: Plan,
    /// The name used in messages: the file path, or `<stdin>`.
    pub source_name: String,
    /// Images by the path the plan gives, read from beside the plan file.
    pub images: Vec<(String, Vec<u8>)>,
}

/// Reads a plan file (`-` for standard input).
pub fn load_file(path: &Path) -> Result<LoadedPlan> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|source| {
            Error::Io {
                path: PathBuf::from("<stdin>"),
                action: "đọc",
                source,
            }
        })?;
        let cwd = std::env::current_dir().unwrap_or_default();
        return load_str(&text, "<stdin>", &cwd);
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        action: "đọc",
        source,
    })?;
    let name = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = locate_byte(e.as_bytes(), e.utf8_error().valid_up_to());
        Error::input(
            Location::new(&name, ".").at(line, column),
            "tệp không phải văn bản UTF-8 (hãy lưu lại tệp với mã UTF-8)",
        )
    })?;
    let base = path.parent().map(Path::to_owned).unwrap_or_default();
    load_str(&text, &name, &base)
}

/// Parses plan JSON; `base` is where relative image paths start.
pub fn load_str(text: &str, source_name: &str, base: &Path) -> Result<LoadedPlan> {
    let json_error = |path: &str, e: &serde_json::Error| {
        let location = Location::new(source_name, display_path(path)).at(e.line(), e.column());
        Error::input(location, messages::serde_message(e))
    };
    // Notepad on Windows starts a UTF-8 file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let plan: Plan = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| json_error(&e.path().to_string(), e.inner()))?;
    de.end().map_err(|e| json_error(".", &e))?;
    let plan = ready(plan, text, source_name)?;
    let images = read_images(&plan, base, &|path| at(text, source_name, path))?;
    Ok(LoadedPlan {
        plan,
        source_name: source_name.to_owned(),
        images,
    })
}

/// What every plan goes through before it renders, however it was made:
/// its text normalised, then the checks its types cannot express. `text` is
/// the plan as JSON, where an error is located.
pub fn ready(plan: Plan, text: &str, source_name: &str) -> Result<Plan> {
    let plan = normalize(plan);
    check(&plan, &|path| at(text, source_name, path))?;
    Ok(plan)
}

/// Where the value at JSON `path` is in `text`.
fn at(text: &str, source_name: &str, path: &str) -> Location {
    let (line, column) = locate(text, path);
    Location::new(source_name, display_path(path)).at(line, column)
}

/// `.` for the document itself; serde_path_to_error's `?` (a place it could
/// not name, such as the end of a cut-off file) is dropped.
fn display_path(path: &str) -> String {
    let path = path.trim_end_matches(".?").trim_end_matches('?');
    if path.is_empty() || path == "." {
        ".".to_owned()
    } else {
        path.to_owned()
    }
}

fn locate_byte(bytes: &[u8], pos: usize) -> (usize, usize) {
    let before = &bytes[..pos];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (
        line,
        String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1,
    )
}

/// The checks a type cannot express: real dates, numbers in range, tables
/// whose rows fit their columns, printable characters.
fn check(plan: &Plan, at: &dyn Fn(&str) -> Location) -> Result<()> {
    table_shapes(plan, at)?;
    control_characters(plan, at)?;
    if let Some(date) = &plan.date {
        PlanDate::parse(date).map_err(|e| Error::input(at("date"), e.to_string()))?;
    }
    if let Some(year) = plan.year.filter(|y| !date::YEARS.contains(y)) {
        return Err(Error::input(at("year"), date::year_out_of_range(year)));
    }
    if plan.number == Some(0) {
        return Err(Error::input(
            at("number"),
            "số văn bản phải từ 1 trở lên (để trống thì ghi null)",
        ));
    }
    // An empty cơ quan, địa danh, trích yếu, lưu or year is not refused:
    // it prints as a visible mark and `check` names it (`check::header`), so a
    // plan half filled in — or imported from a file that lacks them —
    // still lays out.
    Ok(())
}

/// A control character (`\u0001`, pasted with the text) prints as nothing
/// in one PDF and fails another: refused, named, in every output alike.
/// A control character (pasted with the text), or one of the two
/// noncharacters no XML file may hold (the Word file is XML).
fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

fn control_characters(plan: &Plan, at: &dyn Fn(&str) -> Location) -> Result<()> {
    let mut first = None;
    plan.visit_strings(&mut |path, _, text| {
        if first.is_none()
            && let Some(c) = text.chars().find(|&c| unprintable(c))
        {
            first = Some((path.to_owned(), c));
        }
    });
    match first {
        Some((path, c)) => Err(Error::input(
            at(&path),
            format!(
                "có ký tự điều khiển U+{:04X} (không in được, thường do sao chép từ tệp khác): hãy xóa ký tự này",
                c as u32
            ),
        )),
        None => Ok(()),
    }
}

/// Every table has columns, and no row more cells than columns: a cell
/// with no column would have nowhere to go on the page.
fn table_shapes(plan: &Plan, at: &dyn Fn(&str) -> Location) -> Result<()> {
    let mut first = None;
    plan.visit_blocks(&mut |path, block| {
        if first.is_some() {
            return;
        }
        first = match block {
            Block::Table(TableBlock { table }) if table.columns.is_empty() => Some((
                format!("{path}.table.columns"),
                "bảng cần ít nhất một cột: ghi các cột trong \"columns\"".to_owned(),
            )),
            Block::Table(TableBlock { table }) => overflow(
                &format!("{path}.table"),
                &[("header_rows", &table.header_rows), ("rows", &table.rows)],
                table.columns.len(),
            ),
            Block::TaskTable(TaskTableBlock { task_table }) if task_table.columns.is_empty() => {
                Some((
                    format!("{path}.task_table.columns"),
                    "bảng nhiệm vụ cần ít nhất một cột: ghi các cột trong \"columns\"".to_owned(),
                ))
            }
            Block::TaskTable(TaskTableBlock { task_table }) => overflow(
                &format!("{path}.task_table"),
                &[("header_rows", &task_table.header_rows)],
                task_table.columns.len(),
            ),
            _ => None,
        };
    });
    match first {
        Some((path, message)) => Err(Error::input(at(&path), message)),
        None => Ok(()),
    }
}

/// The first row of `lists` with more cells than the table's `columns`.
fn overflow(
    table: &str,
    lists: &[(&str, &Vec<Vec<String>>)],
    columns: usize,
) -> Option<(String, String)> {
    lists
        .iter()
        .flat_map(|(key, rows)| rows.iter().enumerate().map(move |(i, row)| (key, i, row)))
        .find(|(_, _, row)| row.len() > columns)
        .map(|(key, i, row)| {
            (
                format!("{table}.{key}[{i}]"),
                format!(
                    "dòng có {} ô nhưng bảng chỉ có {columns} cột: thêm cột trong \"columns\" hoặc bớt ô",
                    row.len()
                ),
            )
        })
}

/// The most pixels a signature or seal image may have: a 600 dpi scan of a
/// 4 cm seal is under 1 million; decoding 200 million took 600 MB.
const MAX_IMAGE_PIXELS: u64 = 25_000_000;

/// A PNG's width and height, from its IHDR chunk.
pub(crate) fn png_size(bytes: &[u8]) -> Option<(u64, u64)> {
    let ihdr = bytes.get(12..24).filter(|h| h.starts_with(b"IHDR"))?;
    let number = |b: &[u8]| u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    Some((number(&ihdr[4..8]), number(&ihdr[8..12])))
}

/// Reads the signature and seal images, which must be PNG files beside the plan.
fn read_images(
    plan: &Plan,
    base: &Path,
    at: &dyn Fn(&str) -> Location,
) -> Result<Vec<(String, Vec<u8>)>> {
    // The decision signs a plan issued with one; the images are its.
    let (at_signer, signer) = match &plan.decision {
        Some(decision) => ("decision.signer", &decision.signer),
        None => ("signer", &plan.signer),
    };
    let (signature_field, seal_field) = (
        format!("{at_signer}.signature_image"),
        format!("{at_signer}.seal_image"),
    );
    let named = [
        (signature_field.as_str(), &signer.signature_image),
        (seal_field.as_str(), &signer.seal_image),
    ];
    let mut images = Vec::new();
    for (field, value) in named {
        let Some(rel) = value else { continue };
        // A plan names files beside it, never elsewhere: the web form's
        // plans come from a browser and must not reach outside its folder.
        let beside = Path::new(rel)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !beside {
            return Err(Error::input(
                at(field),
                format!(
                    "ảnh \"{rel}\" phải là tệp nằm trong thư mục của kế hoạch (không dùng đường dẫn tuyệt đối hay \"..\")"
                ),
            ));
        }
        let path = base.join(rel);
        let bytes = std::fs::read(&path).map_err(|e| {
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound => "không tìm thấy".to_owned(),
                _ => e.to_string(),
            };
            Error::input(
                at(field),
                format!("ảnh \"{rel}\" ({}): {reason}", path.display()),
            )
        })?;
        if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(Error::input(
                at(field),
                format!("ảnh \"{rel}\" không phải tệp PNG"),
            ));
        }
        if let Some((width, height)) = png_size(&bytes)
            && width * height > MAX_IMAGE_PIXELS
        {
            return Err(Error::input(
                at(field),
                format!(
                    "ảnh \"{rel}\" quá lớn ({width}×{height} điểm ảnh, tối đa {} triệu): chữ ký hay con dấu chỉ cần khoảng 1000×1000",
                    MAX_IMAGE_PIXELS / 1_000_000
                ),
            ));
        }
        images.push((rel.clone(), bytes));
    }
    Ok(images)
}
