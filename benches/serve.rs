//! `cargo bench --bench serve`: the web form's preview, in process through
//! the app's router.
//!
//! - a big plan (sample 004 with section II copied to ~400 pages), first
//!   preview: the time to the answer (and what it is spent on), to the
//!   first screenful of page images, to every page as the browser scrolls
//!   through, and resident memory along the way;
//! - edit → new preview for sample 004 (12 pages): each edit changes the
//!   last word of a paragraph in section I, as typing does, then the page
//!   images the browser does not have yet are fetched. Median and p95 over
//!   the edits; resident memory as the edits go on, to show that it levels
//!   off. (The form sends a keystroke's plan at once, with no pause: see
//!   web/js/preview.js.)
//!
//! Page images at [`PPI`], what the form asks for on a 1366-px laptop
//! screen (the preview pane ~560 px wide).
//!
//! - keystroke → updated page image in headless Chromium (when
//!   chromedriver is installed), against this release build of the server:
//!   one letter typed into sample 004's first paragraph, from the keydown
//!   to the moment the page shows the new image, decoded (the preview's
//!   `data-version` goes up), then a pause, as when typing stops.
//!
//! Not a test: it prints numbers, it asserts nothing about time.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/browser/driver.rs"]
mod driver;

use std::collections::HashSet;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, header};
use fantoccini::Locator;
use kehoach::serve::{Options, router};
use kehoach::{Engine, FontOptions, Templates, check, date, load};
use serde_json::Value;
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:8080";
const EDITS: usize = 2000;
/// Copies of sample 004's section II in the big plan: about 400 pages.
const BIG_COPIES: usize = 43;
/// Pages in the browser's first screenful (and the look-ahead below it).
const SCREENFUL: usize = 3;
/// Runs the big-plan case alone, in the child process the bench starts.
const BIG_PLAN_ARG: &str = "--big-plan";
/// Pixels per inch of the page images asked for (see the module's doc).
const PPI: u32 = 72;

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
    // Each case in a process of its own, so that one's memory does not
    // count in the other's.
    if std::env::args().any(|a| a == BIG_PLAN_ARG) {
        big_plan(&app, &Engine::new(&fonts, Templates::embedded())).await;
        return;
    }
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .arg(BIG_PLAN_ARG)
        .status()
        .unwrap();
    assert!(status.success());

    let mut have: HashSet<String> = HashSet::new();
    let first = Instant::now();
    preview(&app, &plan, &mut have).await;
    println!(
        "sample 004, first preview (every page drawn): {:.1} ms",
        ms(first.elapsed())
    );

    // The paragraphs an edit may touch: every list item of section I.
    let targets = [
        "/sections/0/sections/0/content/0/list",
        "/sections/0/sections/1/content/0/list",
    ];
    let mut times = Vec::with_capacity(EDITS);
    let (mut drawn, mut bytes) = (0, 0);
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
        let (pages, size) = preview(&app, &plan, &mut have).await;
        drawn += pages;
        bytes += size;
        times.push(start.elapsed());
        if (i + 1) % 500 == 0 {
            println!("after {} edits: resident memory {} MB", i + 1, rss_mb());
        }
    }
    times.sort();
    println!(
        "edit → new preview, sample 004: median {:.1} ms, p95 {:.1} ms, max {:.1} ms ({EDITS} edits, {:.1} pages drawn per edit, {:.0} kB a page at {PPI} ppi)",
        ms(times[EDITS / 2]),
        ms(times[EDITS * 95 / 100]),
        ms(times[EDITS - 1]),
        drawn as f64 / EDITS as f64,
        bytes as f64 / drawn as f64 / 1024.0
    );
    println!("peak resident memory: {} MB", peak_mb());
    in_chromium(&fonts).await;
}

/// Keystrokes typed in Chromium (see the module's doc).
const KEYSTROKES: usize = 60;

async fn in_chromium(fonts: &FontOptions) {
    if !common::have_tool("chromedriver") {
        return;
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = router(
        Engine::new(fonts, Templates::embedded()),
        Options { dir: None, addr },
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let scratch = tempfile::tempdir().unwrap();
    let (downloads, profile) = (scratch.path().join("d"), scratch.path().join("p"));
    let browser = driver::start_browser(&downloads, &profile).await;
    browser.goto(&format!("http://{addr}/")).await.unwrap();
    browser
        .wait()
        .for_element(Locator::Css("#sample option[value^='004']"))
        .await
        .unwrap();
    let sample = browser.find(Locator::Id("sample")).await.unwrap();
    sample
        .select_by_value("004-thi-dua-nganh-tu-phap-2026")
        .await
        .unwrap();
    browser
        .find(Locator::Id("load-sample"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let ready = "const p = document.getElementById('preview');
        return p.dataset.state === 'ready' && window.kehoach.plan.title.includes('2026')
            && document.querySelector('#preview img[src]')?.complete === true";
    until(&browser, ready).await;
    // The page's own clock: from the keydown to the preview's new version,
    // which comes once the changed page in view is decoded.
    let watch = "window.lat = []; let t0 = 0;
        document.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, true);
        new MutationObserver(() => { if (t0) window.lat.push(performance.now() - t0); })
            .observe(document.getElementById('preview'), { attributeFilter: ['data-version'] });";
    browser.execute(watch, vec![]).await.unwrap();
    let field = browser
        .find(Locator::Css("[data-path=\"preamble[0]\"]"))
        .await
        .unwrap();
    let end = "const t = document.querySelector('[data-path=\"preamble[0]\"]');
        t.focus(); t.setSelectionRange(t.value.length, t.value.length)";
    for i in 0..KEYSTROKES {
        browser.execute(end, vec![]).await.unwrap();
        let letter = char::from(b'a' + (i % 26) as u8).to_string();
        field.send_keys(&letter).await.unwrap();
        until(&browser, &format!("return window.lat.length > {i}")).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let lat = browser.execute("return window.lat", vec![]).await.unwrap();
    let mut lat: Vec<f64> = lat
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    lat.sort_by(f64::total_cmp);
    let ppi = browser
        .execute(
            "return document.querySelector('#preview img[src]').dataset.ppi",
            vec![],
        )
        .await
        .unwrap();
    let ppi = ppi.as_str().unwrap_or("?");
    println!(
        "keystroke → updated page image in Chromium, sample 004: median {:.1} ms, p95 {:.1} ms, max {:.1} ms ({} keystrokes, pages at {ppi} ppi)",
        lat[lat.len() / 2],
        lat[lat.len() * 95 / 100],
        lat[lat.len() - 1],
        lat.len()
    );
    browser.client.close().await.unwrap();
}

/// Waits until `script` returns true.
async fn until(browser: &driver::Browser, script: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while browser.execute(script, vec![]).await.unwrap() != Value::Bool(true) {
        assert!(Instant::now() < deadline, "never: {script}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The big plan's first preview as the browser makes it: the answer, the
/// first screenful's images, then the rest as the user scrolls. Then what
/// the answer's time is spent on, the whole and each part with typst's
/// memo cache emptied first, as for a never-seen plan.
async fn big_plan(app: &Router, engine: &Engine) {
    let text = common::big_plan(BIG_COPIES).to_string();
    let start = Instant::now();
    let answer = preview_answer(app, &text).await;
    let answered = start.elapsed();
    let ids: Vec<&str> = answer["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let after_answer = rss_mb();
    for id in &ids[..SCREENFUL] {
        page(app, id).await;
    }
    let screenful = start.elapsed();
    println!(
        "big plan ({:.1} MB JSON, {} pages), first preview: answer {:.0} ms, first {SCREENFUL} pages drawn {:.0} ms; resident memory {after_answer} MB",
        text.len() as f64 / 1e6,
        ids.len(),
        ms(answered),
        ms(screenful),
    );
    let scroll = Instant::now();
    for id in &ids[SCREENFUL..] {
        page(app, id).await;
    }
    println!(
        "big plan, every other page drawn as if scrolled through: {:.1} s ({:.0} ms a page); resident memory {} MB, peak {} MB",
        scroll.elapsed().as_secs_f64(),
        ms(scroll.elapsed()) / (ids.len() - SCREENFUL) as f64,
        rss_mb(),
        peak_mb()
    );

    let parts = [
        "load (JSON, checks, NFC)",
        "layout (templates, typst)",
        "check",
        "check_pages",
    ];
    let mut times = vec![Vec::new(); parts.len()];
    for _ in 0..3 {
        typst::comemo::evict(0);
        let mut t = Instant::now();
        let mut lap = |i: usize| {
            times[i].push(t.elapsed());
            t = Instant::now();
        };
        let plan = load::load_str(&text, "big.json", std::path::Path::new("")).unwrap();
        lap(0);
        let compiled = engine.compile(&plan).unwrap();
        lap(1);
        let mut report = check::check(&plan.plan, date::today());
        lap(2);
        check::check_pages(&mut report, &compiled.document);
        lap(3);
    }
    // The whole answer again, measured as the parts were: this process's
    // first layout also paid for loading fonts and warming up.
    let mut whole = Vec::new();
    for _ in 0..3 {
        typst::comemo::evict(0);
        let start = Instant::now();
        preview_answer(app, &text).await;
        whole.push(start.elapsed());
    }
    whole.sort();
    println!(
        "big plan, preview answer, memo cache emptied first: median {:.0} ms",
        ms(whole[1])
    );
    let mut measured = Duration::ZERO;
    for (part, times) in parts.iter().zip(&mut times) {
        times.sort();
        measured += times[1];
        println!(
            "big plan, preview answer — {part}: median {:.0} ms",
            ms(times[1])
        );
    }
    println!(
        "big plan, preview answer — the rest (page ids by hash, JSON, HTTP): about {:.0} ms",
        ms(whole[1].saturating_sub(measured))
    );
}

/// One preview and the new pages' images; returns how many were fetched
/// and their bytes.
async fn preview(app: &Router, plan: &Value, have: &mut HashSet<String>) -> (usize, usize) {
    let answer = preview_answer(app, &plan.to_string()).await;
    let (mut fetched, mut bytes) = (0, 0);
    for p in answer["pages"].as_array().expect("pages") {
        let id = p["id"].as_str().unwrap();
        if have.insert(id.to_owned()) {
            bytes += page(app, id).await;
            fetched += 1;
        }
    }
    (fetched, bytes)
}

async fn preview_answer(app: &Router, plan: &str) -> Value {
    let request = Request::post("/api/preview")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(plan.to_owned()))
        .unwrap();
    body(app, request).await
}

/// A page image; returns its size in bytes.
async fn page(app: &Router, id: &str) -> usize {
    let request = Request::get(format!("/api/pages/{id}.png?ppi={PPI}"))
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert!(response.status().is_success());
    to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .len()
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
