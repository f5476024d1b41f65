//! The plan files of the `--dir` folder: list, open, save. A name from the
//! browser is a plain file name (`ke-hoach-2026.json`), checked before it
//! becomes a path, and the path must still lie in the folder once links
//! are followed.

use std::io::ErrorKind;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use regex::Regex;
use serde::Deserialize;
use serde_json::{Value, json};

use super::App;
use super::api::ApiError;
use crate::error::Error;
use crate::fs::{write_atomic, write_atomic_new};

pub async fn list(State(app): State<Arc<App>>) -> Result<Json<Value>, ApiError> {
    let dir = folder(&app)?;
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut files: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| valid_name(name))
        .collect();
    files.sort();
    Ok(Json(json!({ "files": files })))
}

pub async fn open(
    State(app): State<Arc<App>>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let path = inside(&app, &name)?;
    let text = std::fs::read_to_string(&path).map_err(|e| match e.kind() {
        ErrorKind::NotFound => {
            ApiError::new(StatusCode::NOT_FOUND, format!("không có tệp \"{name}\""))
        }
        _ => io_error(&path, e),
    })?;
    Ok(([(header::CONTENT_TYPE, "application/json")], text).into_response())
}

/// How a save says it means to replace a file already in the folder:
/// `PUT /api/files/NAME?overwrite=1`. Without it an existing file is left
/// as it is (409), so that a blank plan saved under a sample's name asks
/// the user first instead of replacing the sample.
#[derive(Deserialize)]
pub struct SaveQuery {
    overwrite: Option<String>,
}

/// Saves what the form holds, even a draft that does not render yet; it
/// must be JSON, and is written whole or not at all.
pub async fn save(
    State(app): State<Arc<App>>,
    Path(name): Path<String>,
    Query(query): Query<SaveQuery>,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let path = inside(&app, &name)?;
    let plan: Value = serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("nội dung không phải JSON: {e}"),
        )
    })?;
    let mut text = serde_json::to_string_pretty(&plan).expect("a value serialises");
    text.push('\n');
    if query.overwrite.as_deref() == Some("1") {
        write_atomic(&path, text.as_bytes())?;
    } else {
        write_atomic_new(&path, text.as_bytes()).map_err(|e| match e {
            Error::Io { source, .. } if source.kind() == ErrorKind::AlreadyExists => ApiError::new(
                StatusCode::CONFLICT,
                format!("thư mục đã có tệp \"{name}\"; lưu đè phải được xác nhận"),
            ),
            other => other.into(),
        })?;
    }
    Ok(Json(json!({ "saved": name })))
}

fn folder(app: &App) -> Result<&std::path::Path, ApiError> {
    app.dir.as_deref().ok_or_else(|| {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "chưa mở thư mục nào: chạy kehoach serve --dir <thư mục>".into(),
        )
    })
}

/// Letters, digits, spaces, `.`, `_`, `-`, ending in `.json`, not hidden.
fn valid_name(name: &str) -> bool {
    static NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}_\-][\p{L}\p{N} ._\-]{0,150}\.json$").unwrap());
    NAME.is_match(name) && !name.contains("..")
}

/// The path of `name` in the folder, refused if the name is not a plain
/// file name or a link leads outside.
fn inside(app: &App, name: &str) -> Result<PathBuf, ApiError> {
    let dir = folder(app)?;
    if !valid_name(name) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            format!(
                "tên tệp \"{name}\" không hợp lệ: chỉ chữ, số, dấu cách, \".\", \"_\", \"-\" và kết thúc bằng .json"
            ),
        ));
    }
    let path = dir.join(name);
    let real_dir = dir.canonicalize().map_err(|e| io_error(dir, e))?;
    if let Ok(real) = path.canonicalize()
        && real.parent() != Some(real_dir.as_path())
    {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!("tệp \"{name}\" trỏ ra ngoài thư mục"),
        ));
    }
    Ok(path)
}

fn io_error(path: &std::path::Path, e: std::io::Error) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("không đọc được {}: {e}", path.display()),
    )
}

#[cfg(test)]
mod tests {
    use super::valid_name;

    #[test]
    fn only_plain_json_file_names() {
        for good in ["ke-hoach-2026.json", "Kế hoạch 2026.json", "a_b.v2.json"] {
            assert!(valid_name(good), "{good}");
        }
        for bad in [
            "../x.json",
            "a/b.json",
            ".hidden.json",
            "x.txt",
            "a..json",
            "C:\\x.json",
            "",
            "x.json\n",
        ] {
            assert!(!valid_name(bad), "{bad:?}");
        }
    }
}
