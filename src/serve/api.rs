//! The form's endpoints: start data, samples, preview (page images and
//! findings), PDF, safe fixes and rollover. Every one takes plan JSON as
//! the browser holds it and answers JSON, or an error in the same shape
//! as the command line's: a Vietnamese message with the field's path.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::App;
use super::assets::BLANK;
use crate::check;
use crate::date::today;
use crate::error::Error;
use crate::load::{self, LoadedPlan};
use crate::rollover::{self, plan_year};
use crate::samples::SAMPLES;
use crate::signing::{self, naming};

/// An error answer: `{ "error": { "message", "path", "line", "column" } }`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    path: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: String) -> Self {
        ApiError {
            status,
            message,
            path: None,
            line: None,
            column: None,
        }
    }

    fn at(path: &str, message: String) -> Self {
        ApiError {
            path: Some(path.to_owned()),
            ..ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, message)
        }
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        match e {
            Error::Input { at, message } => ApiError {
                line: at.position.map(|p| p.line),
                column: at.position.map(|p| p.column),
                ..ApiError::at(&at.path, message)
            },
            Error::Io { .. } => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
            other => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({ "error": {
            "message": self.message, "path": self.path, "line": self.line, "column": self.column
        } });
        (self.status, Json(body)).into_response()
    }
}

type Answer<T = Json<Value>> = Result<T, ApiError>;

pub async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "không có trang này".into())
}

/// What the form starts from: the samples, whether a folder is open, and a
/// blank plan dated this year.
pub async fn start(State(app): State<Arc<App>>) -> Json<Value> {
    let samples: Vec<Value> = SAMPLES
        .iter()
        .map(|(id, text)| {
            let plan: Value = serde_json::from_str(text).expect("samples are JSON");
            json!({ "id": id, "title": plan["title"] })
        })
        .collect();
    let mut blank: Value = serde_json::from_str(BLANK).expect("the blank plan is JSON");
    blank["date"] = today().0.to_string().into();
    Json(json!({ "samples": samples, "dir": app.dir.is_some(), "blank": blank }))
}

pub async fn sample(Path(id): Path<String>) -> Answer<Response> {
    let (_, text) = SAMPLES
        .iter()
        .find(|(name, _)| *name == id)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("không có mẫu \"{id}\"")))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], *text).into_response())
}

/// The pages (ids and sizes, see [`super::pages`]; not drawn yet), the
/// findings of `check` and the PDF's file name.
pub async fn preview(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let plan = read_plan(&app, &body)?;
    layout(app, move |app| {
        let compiled = app.engine.compile(&plan)?;
        let mut report = check::check(&plan.plan, today());
        check::check_pages(&mut report, &compiled.document);
        let pages = compiled.document.pages();
        let ids = app.pages.keep(pages);
        let pages: Vec<Value> = pages
            .iter()
            .zip(ids)
            .map(|(page, id)| {
                let size = page.frame.size();
                json!({ "id": id, "width": size.x.to_pt(), "height": size.y.to_pt() })
            })
            .collect();
        Ok(Json(json!({
            "pages": pages,
            "findings": report.findings,
            "not_evaluated": report.not_evaluated,
            "file_name": naming::file_name(&plan.plan),
        })))
    })
    .await
}

/// A page image, drawn when first asked for; its id is its content's hash,
/// so it never goes stale.
pub async fn page(State(app): State<Arc<App>>, Path(file): Path<String>) -> Answer<Response> {
    let expired = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "trang xem trước này đã cũ; hãy xem trước lại".into(),
        )
    };
    let id = file.strip_suffix(".png").ok_or_else(expired)?.to_owned();
    let png = on_a_core(app, move |app| app.pages.png(&id).transpose())
        .await?
        .ok_or_else(expired)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "private, max-age=86400, immutable"),
        ],
        png,
    )
        .into_response())
}

/// The PDF as `batch` makes it: PDF/A-2b with an empty signature field.
pub async fn pdf(State(app): State<Arc<App>>, body: Bytes) -> Answer<Response> {
    let plan = read_plan(&app, &body)?;
    let name = naming::file_name(&plan.plan);
    let pdf = layout(app, move |app| {
        let signable = signing::export(&app.engine, &plan, &[typst_pdf::PdfStandard::A_2b])?;
        Ok(signable.pdf)
    })
    .await?;
    Ok(attachment("application/pdf", &name, pdf))
}

/// "Tải Word": the draft as a Word file, for comments.
pub async fn docx(State(app): State<Arc<App>>, body: Bytes) -> Answer<Response> {
    let plan = read_plan(&app, &body)?;
    let name = format!("{}.docx", naming::base_name(&plan.plan));
    // Laid out first, so that what the PDF refuses is refused here too.
    let docx = layout(app, move |app| {
        app.engine.compile(&plan)?;
        crate::docx::docx(&plan, Default::default())
    })
    .await?;
    Ok(attachment(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &name,
        docx,
    ))
}

/// A file to download under `name` (ASCII, from [`naming`]).
fn attachment(kind: &str, name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// The plan with `check`'s safe fixes applied, and the list of them.
pub async fn fix(State(app): State<Arc<App>>, body: Bytes) -> Answer {
    let plan = read_plan(&app, &body)?;
    let fixed = check::fix(&plan.plan, today());
    Ok(Json(
        json!({ "plan": fixed.plan, "applied": fixed.applied }),
    ))
}

#[derive(Deserialize)]
pub struct ImportBody {
    /// The file's name: its extension says how to read it.
    name: String,
    /// The file, base64.
    data: String,
}

/// "Nhập từ tệp": a .docx, .txt or .md read as `kehoach import` reads it.
pub async fn import(body: Bytes) -> Answer {
    use base64::Engine as _;
    let body: ImportBody = serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("yêu cầu nhập tệp sai dạng: {e}"),
        )
    })?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(body.data.as_bytes())
        .map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, "tệp gửi lên hỏng (base64)".into()))?;
    let kind = body
        .name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    let imported =
        tokio::task::spawn_blocking(move || crate::import::import_bytes(&bytes, &kind, &body.name))
            .await
            .map_err(|_| {
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "lỗi bất ngờ khi nhập tệp".into(),
                )
            })?
            .map_err(ApiError::from)?;
    let r = &imported.report;
    let unplaced: Vec<Value> = r
        .unplaced
        .iter()
        .map(|(at, text)| json!({ "at": at, "unit": r.unit, "text": text }))
        .collect();
    Ok(Json(json!({
        "plan": imported.plan, "found": r.found, "guessed": r.guessed,
        "unplaced": unplaced, "notes": r.notes,
    })))
}

#[derive(Deserialize)]
pub struct RolloverQuery {
    to: Option<i32>,
}

/// Next year's plan (or the year `to`), with the review list.
pub async fn rollover(
    State(app): State<Arc<App>>,
    Query(query): Query<RolloverQuery>,
    body: Bytes,
) -> Answer {
    let plan = read_plan(&app, &body)?;
    let to = query
        .to
        .or_else(|| plan_year(&plan.plan).map(|y| y + 1))
        .ok_or_else(|| ApiError::at("date", "kế hoạch không có năm".into()))?;
    let rolled =
        rollover::rollover(&plan.plan, to).map_err(|e| ApiError::at(".", e.to_string()))?;
    let changes: Vec<Value> = rolled
        .changes
        .iter()
        .map(|c| json!({ "path": c.at.path, "section": c.at.words, "before": c.before, "after": c.after }))
        .collect();
    let flags: Vec<Value> = rolled
        .flags
        .iter()
        .map(|f| json!({ "path": f.at.path, "section": f.at.words, "text": f.flag.text, "message": f.flag.kind.reason() }))
        .collect();
    Ok(Json(json!({
        "plan": rolled.plan, "from": rolled.from, "to": rolled.to,
        "changes": changes, "flags": flags,
    })))
}

/// Plan JSON from the browser, read as `render` reads a file; images only
/// from the `--dir` folder, and not at all without one.
fn read_plan(app: &App, body: &[u8]) -> Result<LoadedPlan, ApiError> {
    let text = std::str::from_utf8(body).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "nội dung gửi lên không phải UTF-8".into(),
        )
    })?;
    let Some(dir) = &app.dir else {
        let value: Value = serde_json::from_str(text).unwrap_or_default();
        for field in ["signature_image", "seal_image"] {
            if !value["signer"][field].is_null() {
                return Err(ApiError::at(
                    &format!("signer.{field}"),
                    "muốn dùng ảnh chữ ký, con dấu thì chạy kehoach serve --dir <thư mục có ảnh>"
                        .into(),
                ));
            }
        }
        return Ok(load::load_str(text, "kế hoạch", std::path::Path::new(""))?);
    };
    Ok(load::load_str(text, "kế hoạch", dir)?)
}

/// Runs a layout off the async threads, one per core at a time, and lets
/// typst forget what it memoised for old edits.
async fn layout<T: Send + 'static>(
    app: Arc<App>,
    work: impl FnOnce(&App) -> crate::Result<T> + Send + 'static,
) -> Answer<T> {
    on_a_core(app, |app| {
        let result = work(app);
        typst::comemo::evict(super::MEMO_AGE);
        result
    })
    .await
}

/// Runs `work` off the async threads, one per core at a time.
async fn on_a_core<T: Send + 'static>(
    app: Arc<App>,
    work: impl FnOnce(&App) -> crate::Result<T> + Send + 'static,
) -> Answer<T> {
    let _permit = app.layouts.acquire().await.expect("never closed");
    let app = app.clone();
    tokio::task::spawn_blocking(move || work(&app))
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "lỗi bất ngờ khi dàn trang; hãy báo cho người phát triển".into(),
            )
        })?
        .map_err(ApiError::from)
}
