//! `cargo bench --bench render`: the render speed of sample 004 (12 pages).
//!
//! - warm: one engine (fonts, Typst library, templates loaded once), the
//!   plan loaded, compiled and exported to PDF again and again: with typst's
//!   memo cache kept (an unchanged plan re-rendered), with another plan
//!   rendered in between and the cache trimmed as the batch exporter does,
//!   and with the cache emptied before every run (the worst case);
//! - cold: one `kehoach render` process per run, as a user runs it.
//!
//! Not a test: it prints numbers, it asserts nothing about time.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use kehoach::{Engine, FontOptions, Templates, export, load};

const RUNS: usize = 30;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = root.join("samples/004-thi-dua-nganh-tu-phap-2026.json");
    let setup = Instant::now();
    let engine = Engine::new(
        &FontOptions {
            system: true,
            dirs: Vec::new(),
        },
        Templates::embedded(),
    );
    println!(
        "engine set-up (fonts, library, templates): {:.1} ms",
        ms(setup.elapsed())
    );

    let render = || {
        let plan = load::load_file(&sample).unwrap();
        let compiled = engine.compile(&plan).unwrap();
        export::pdf(&compiled, &[]).unwrap()
    };
    let pages = engine
        .compile(&load::load_file(&sample).unwrap())
        .unwrap()
        .document
        .pages()
        .len();
    println!(
        "sample 004: {pages} pages, font {}",
        engine.fonts().family()
    );

    let kept = time(
        RUNS,
        || {},
        || {
            render();
        },
    );
    report("warm, memo cache kept (same plan again)", &kept);
    // As the batch exporter and the web form run: another plan in between,
    // and typst's memo cache trimmed after every document (`evict(10)`).
    let other = root.join("samples/003-thi-dua-nganh-tu-phap-2025.json");
    let between = || {
        let plan = load::load_file(&other).unwrap();
        export::pdf(&engine.compile(&plan).unwrap(), &[]).unwrap();
        typst::comemo::evict(10);
    };
    let alternating = time(RUNS, between, || {
        render();
        typst::comemo::evict(10);
    });
    report("warm, another plan in between (batch-like)", &alternating);
    let evicted = time(
        RUNS,
        || typst::comemo::evict(0),
        || {
            render();
        },
    );
    report("warm, memo cache evicted (as a new plan)", &evicted);
    let load_only = time(
        RUNS,
        || {},
        || {
            load::load_file(&sample).unwrap();
        },
    );
    report(
        "  of which loading the plan (JSON, checks, NFC)",
        &load_only,
    );
    let plan = load::load_file(&sample).unwrap();
    let template_only = time(
        RUNS,
        || {},
        || {
            engine.typst_source(&plan).unwrap();
        },
    );
    report("  of which the templates (Typst source)", &template_only);
    let compile_only = time(
        RUNS,
        || typst::comemo::evict(0),
        || {
            engine.compile(&plan).unwrap();
        },
    );
    report(
        "  of which templates + typst layout, cache evicted",
        &compile_only,
    );
    let compiled = engine.compile(&plan).unwrap();
    let pdf_only = time(
        RUNS,
        || {},
        || {
            export::pdf(&compiled, &[]).unwrap();
        },
    );
    report("  of which PDF export", &pdf_only);

    let exe = env!("CARGO_BIN_EXE_kehoach");
    let out = std::env::temp_dir().join("kehoach-bench.pdf");
    let cold = time(
        RUNS,
        || {},
        || {
            let status = Command::new(exe)
                .args(["render", "-o"])
                .arg(&out)
                .arg(&sample)
                .stderr(std::process::Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
        },
    );
    report("cold, one `kehoach render` process", &cold);
}

/// Times `f` `runs` times, after one warm-up; `before` runs untimed first.
fn time(runs: usize, before: impl Fn(), mut f: impl FnMut()) -> Vec<Duration> {
    f();
    (0..runs)
        .map(|_| {
            before();
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect()
}

fn report(what: &str, samples: &[Duration]) {
    let mut v: Vec<f64> = samples.iter().copied().map(ms).collect();
    v.sort_by(f64::total_cmp);
    let median = v[v.len() / 2];
    let p90 = v[v.len() * 9 / 10];
    println!(
        "{what}: median {median:.1} ms, p90 {p90:.1} ms, min {:.1} ms ({} runs)",
        v[0],
        v.len()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
