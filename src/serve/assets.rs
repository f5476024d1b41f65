//! The form's files, built into the binary so that it works offline with
//! nothing to install. `KEHOACH_WEB_DIR` makes a developer's server read
//! them from disk on every request instead, to edit the page without a
//! rebuild.

use axum::http::header;
use axum::response::IntoResponse;

const INDEX: &str = include_str!("../../web/index.html");
const SCRIPT: &str = include_str!("../../web/app.js");
const STYLE: &str = include_str!("../../web/style.css");

/// The plan a blank form starts from: the mục every kế hoạch has.
pub const BLANK: &str = include_str!("../../web/blank.json");

/// The samples, by file stem.
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "000-thi-dua-doi-moi-sang-tao-lang-son",
        include_str!("../../samples/000-thi-dua-doi-moi-sang-tao-lang-son.json"),
    ),
    (
        "001-thi-dua-doi-moi-sang-tao-ha-tinh",
        include_str!("../../samples/001-thi-dua-doi-moi-sang-tao-ha-tinh.json"),
    ),
    (
        "002-nghi-quyet-57-chuyen-doi-so",
        include_str!("../../samples/002-nghi-quyet-57-chuyen-doi-so.json"),
    ),
    (
        "003-thi-dua-nganh-tu-phap-2025",
        include_str!("../../samples/003-thi-dua-nganh-tu-phap-2025.json"),
    ),
    (
        "004-thi-dua-nganh-tu-phap-2026",
        include_str!("../../samples/004-thi-dua-nganh-tu-phap-2026.json"),
    ),
];

pub async fn index() -> impl IntoResponse {
    asset("index.html", INDEX, "text/html; charset=utf-8")
}

pub async fn script() -> impl IntoResponse {
    asset("app.js", SCRIPT, "text/javascript; charset=utf-8")
}

pub async fn style() -> impl IntoResponse {
    asset("style.css", STYLE, "text/css; charset=utf-8")
}

fn asset(name: &str, built_in: &'static str, mime: &'static str) -> impl IntoResponse {
    let body = std::env::var_os("KEHOACH_WEB_DIR")
        .and_then(|dir| std::fs::read_to_string(std::path::Path::new(&dir).join(name)).ok())
        .unwrap_or_else(|| built_in.to_owned());
    (
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "no-cache"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
            ),
        ],
        body,
    )
}
