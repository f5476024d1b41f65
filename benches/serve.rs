//! `cargo bench --bench serve`: edit → new preview in the web form, for
//! sample 004 (12 pages), in process through the app's router: each edit
//! changes the last word of a paragraph in section I, as typing does, then
//! the page images the browser does not have yet are fetched. Median and p95 over the edits;
//! resident memory as the edits go on, to show that it levels off.
//!
//! Not a test: it prints numbers, it asserts nothing about time.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, header};
use kehoach::serve::{Options, router};
use kehoach::{Engine, FontOptions, Templates};
use serde_json::Value;
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:8080";
const EDITS: usize = 2000;

#[tokio::main]
async fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut plan: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("samples/004-thi-dua-nganh-tu-phap-2026.json")).unwrap(),
    )
    .unwrap();
    let fonts = FontOptions {
        system: true,
        dirs: Vec::new(),
    };
    let addr: SocketAddr = HOST.parse().unwrap();
    let app = router(
        Engine::new(&fonts, Templates::embedded()),
        Options { dir: None, addr },
    );
    let mut have: HashSet<String> = HashSet::new();
    let first = Instant::now();
    preview(&app, &plan, &mut have).await;
    println!(
        "first preview (every page drawn): {:.1} ms",
        ms(first.elapsed())
    );

    // The paragraphs an edit may touch: every list item of section I.
    let targets = [
        "/sections/0/sections/0/content/0/list",
        "/sections/0/sections/1/content/0/list",
    ];
    let mut times = Vec::with_capacity(EDITS);
    let mut drawn = 0;
    for i in 0..EDITS {
        let list = plan
            .pointer_mut(targets[i % 2])
            .unwrap()
            .as_array_mut()
            .unwrap();
        let n = list.len();
        let item = &mut list[(i / 2) % n];
        // Every edit a new text (no cached page helps), the plan its size:
        // the last word typed over.
        let text = item.as_str().unwrap();
        let kept = text.rsplit_once(" #").map_or(text, |(kept, _)| kept);
        *item = format!("{kept} #{i}").into();
        let start = Instant::now();
        drawn += preview(&app, &plan, &mut have).await;
        times.push(start.elapsed());
        if (i + 1) % 500 == 0 {
            println!("after {} edits: resident memory {} MB", i + 1, rss_mb());
        }
    }
    times.sort();
    println!(
        "edit → new preview, sample 004: median {:.1} ms, p95 {:.1} ms, max {:.1} ms ({EDITS} edits, {:.1} pages drawn per edit)",
        ms(times[EDITS / 2]),
        ms(times[EDITS * 95 / 100]),
        ms(times[EDITS - 1]),
        drawn as f64 / EDITS as f64
    );
    println!("peak resident memory: {} MB", peak_mb());
}

/// One preview and the new pages' images; returns how many were fetched.
async fn preview(app: &Router, plan: &Value, have: &mut HashSet<String>) -> usize {
    let request = Request::post("/api/preview")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(plan.to_string()))
        .unwrap();
    let answer: Value = body(app, request).await;
    let mut fetched = 0;
    for page in answer["pages"].as_array().expect("pages") {
        let id = page["id"].as_str().unwrap();
        if have.insert(id.to_owned()) {
            let request = Request::get(format!("/api/pages/{id}.png"))
                .header(header::HOST, HOST)
                .body(Body::empty())
                .unwrap();
            let response = app.clone().oneshot(request).await.unwrap();
            assert!(response.status().is_success());
            to_bytes(response.into_body(), usize::MAX).await.unwrap();
            fetched += 1;
        }
    }
    fetched
}

async fn body(app: &Router, request: Request<Body>) -> Value {
    let response = app.clone().oneshot(request).await.unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    serde_json::from_slice(&to_bytes(response.into_body(), usize::MAX).await.unwrap()).unwrap()
}

fn status_kb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix(key)?
                .trim()
                .strip_suffix("kB")?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

fn rss_mb() -> u64 {
    status_kb("VmRSS:") / 1024
}

fn peak_mb() -> u64 {
    status_kb("VmHWM:") / 1024
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
