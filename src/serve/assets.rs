//! The form's files, built into the binary so that it works offline with
//! nothing to install. `KEHOACH_WEB_DIR` makes a developer's server read
//! them from disk on every request instead, to edit the page without a
//! rebuild.

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

/// Paths under `web/`, each embedded and served at `/<path>` (the page at
/// `/`). Only these are routes: no request names a file by itself.
macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../web/", $path)))),*]
    };
}

const INDEX: &str = "index.html";

const FILES: &[(&str, &str)] = embed![
    "index.html",
    "style.css",
    "js/api.js",
    "js/blocks.js",
    "js/confirm.js",
    "js/dates.js",
    "js/decision.js",
    "js/dialogs.js",
    "js/dom.js",
    "js/edits.js",
    "js/entries.js",
    "js/fields.js",
    "js/files.js",
    "js/findings.js",
    "js/form.js",
    "js/header.js",
    "js/history.js",
    "js/input.js",
    "js/main.js",
    "js/numbers.js",
    "js/preview.js",
    "js/signer.js",
    "js/state.js",
    "js/tree.js",
    "js/view.js",
    "js/vocab.js",
];

/// The plan a blank form starts from: the mục every kế hoạch has.
pub const BLANK: &str = include_str!("../../web/blank.json");

/// A GET route for each embedded file.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    FILES
        .iter()
        .fold(Router::new(), |router, &(path, built_in)| {
            let url = if path == INDEX {
                "/".to_owned()
            } else {
                format!("/{path}")
            };
            let mime = mime(path);
            router.route(
                &url,
                get(move || async move { asset(path, built_in, mime) }),
            )
        })
}

fn mime(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        // Browsers run a module only when it is served as JavaScript.
        Some("js") => "text/javascript; charset=utf-8",
        _ => panic!("web/{path}: no Content-Type for this kind of file"),
    }
}

fn asset(path: &str, built_in: &'static str, mime: &'static str) -> impl IntoResponse {
    let body = std::env::var_os("KEHOACH_WEB_DIR")
        .and_then(|dir| std::fs::read_to_string(std::path::Path::new(&dir).join(path)).ok())
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

#[cfg(test)]
mod tests {
    use super::FILES;

    /// A module left out of the table would be missing from the page.
    #[test]
    fn every_module_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("web/js");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let path = format!("js/{name}");
            assert!(
                FILES.iter().any(|(p, _)| *p == path),
                "{path} is not in FILES"
            );
        }
    }
}
