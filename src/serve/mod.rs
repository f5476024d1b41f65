//! `kehoach serve`: the web form, a small axum app over the same pipeline
//! as `render`. The browser edits plan JSON; the server loads, checks and
//! lays it out, and answers with page ids and findings, then the images of
//! the pages the browser shows, a PDF, a rolled-over
//! plan, a plan imported from last year's Word or text file. One [`Engine`] (fonts, library, templates) serves every request.
//!
//! Safety: the app listens on loopback, refuses foreign `Host` headers (DNS
//! rebinding) and cross-origin writes ([`guard`]), caps request bodies, and
//! touches files only inside `--dir` ([`files`]).

mod api;
mod assets;
mod files;
mod guard;
mod pages;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tokio::sync::Semaphore;

use crate::compile::Engine;

/// Layouts (or tens of page drawings, see `pages`) after which typst
/// forgets a memoised result not used since: an edit's layout reuses the
/// last ones, while old edits' layouts and drawn glyphs are let go.
const MEMO_AGE: usize = 10;

/// The largest request body: a plan with long appendices is ~200 kB.
const BODY_LIMIT: usize = 4 * 1024 * 1024;

pub struct Options {
    /// The folder whose plan files the form may open and save.
    pub dir: Option<PathBuf>,
    /// The address the server listens on: `Host` must name it.
    pub addr: SocketAddr,
}

struct App {
    engine: Engine,
    dir: Option<PathBuf>,
    hosts: Vec<String>,
    pages: pages::Pages,
    /// Layouts and page drawings at once: one per core, so a burst of
    /// previews or page images queues instead of multiplying memory.
    layouts: Semaphore,
}

/// The whole app, ready for [`axum::serve`] (or a test's `oneshot`).
pub fn router(engine: Engine, options: Options) -> Router {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let app = Arc::new(App {
        engine,
        dir: options.dir,
        hosts: guard::allowed_hosts(options.addr),
        pages: pages::Pages::default(),
        layouts: Semaphore::new(cores),
    });
    assets::routes()
        .route("/api/start", get(api::start))
        .route("/api/samples/{id}", get(api::sample))
        .route("/api/preview", post(api::preview))
        .route("/api/pages/{file}", get(api::page))
        .route("/api/pdf", post(api::pdf))
        .route("/api/docx", post(api::docx))
        .route("/api/fix", post(api::fix))
        .route("/api/rollover", post(api::rollover))
        .route("/api/import", post(api::import))
        .route("/api/files", get(files::list))
        .route("/api/files/{name}", get(files::open).put(files::save))
        .fallback(api::not_found)
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            guard::check,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(app)
}
