//! `cargo bench --bench render`: the render speed of sample 004 (12 pages).
//!
//! - warm: one engine (fonts, Typst library, templates loaded once), the
//!   plan loaded, compiled and exported to PDF again and again: with typst's
//!   memo cache kept (an unchanged plan re-rendered), with another plan
//!   rendered in between and the cache trimmed as the batch exporter does,
//!   and with the cache emptied before every run (the worst case);
//! - cold: one `kehoach render` process per run, as a user runs it, and
//!   alternately the typst CLI compiling kehoach's generated source of the
//!   same plan (when `TYPST` or `typst` on PATH names one);
//! - the checks a render runs besides the layout, and the Word file.
//!
//! Not a test: it prints numbers, it asserts nothing about time.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use common::{ms, report, time};

use kehoach::{Engine, FontOptions, Templates, check, export, load};

const RUNS: usize = 30;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = root.join("samples/004-thi-dua-nganh-tu-phap-2026.json");
    // First, as in a cold `kehoach render`: the checks' first run in a
    // process, which builds what they keep (their patterns).
    let loaded = load::load_file(&sample).unwrap();
    let first = Instant::now();
    check::check(&loaded.plan, kehoach::date::today());
    println!(
        "content checks, first run in the process: {:.1} ms",
        ms(first.elapsed())
    );
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
    let docx_only = time(
        RUNS,
        || {},
        || {
            kehoach::docx::docx(&plan, Default::default()).unwrap();
        },
    );
    report(
        "the Word file (render --docx), from the loaded plan",
        &docx_only,
    );

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

    // The checks every render runs besides the layout: those on the plan's
    // data (content, header, typography, structure) and those measured on
    // the laid-out pages.
    let today = kehoach::date::today();
    let content = time(
        RUNS,
        || {},
        || {
            check::check(&plan.plan, today);
        },
    );
    report("content checks on the plan's data", &content);
    let report_of_data = check::check(&plan.plan, today);
    let on_pages = time(
        RUNS,
        || {},
        || {
            let mut findings = report_of_data.clone();
            check::check_pages(&mut findings, &compiled.document);
        },
    );
    report("checks on the laid-out pages", &on_pages);

    cold_against_typst(root, &engine, &plan, exe, &sample);
}

/// A cold `kehoach render` against the typst CLI compiling the Typst
/// source kehoach generates for the same plan, alternately, in one run;
/// both find the same fonts (the system's and `fonts/`).
fn cold_against_typst(
    root: &Path,
    engine: &Engine,
    plan: &load::LoadedPlan,
    exe: &str,
    sample: &Path,
) {
    let typst = std::env::var_os("TYPST").unwrap_or_else(|| "typst".into());
    let version = Command::new(&typst).arg("--version").output();
    let Some(version) = version.ok().filter(|o| o.status.success()) else {
        println!(
            "typst CLI not found: set TYPST=/path/to/typst (cargo install typst-cli) to compare"
        );
        return;
    };
    let dir = std::env::temp_dir().join(format!("kehoach-bench-typst-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("main.typ");
    std::fs::write(&source, engine.typst_source(plan).unwrap().1).unwrap();
    let mut typst_cli = Command::new(&typst);
    typst_cli
        .arg("compile")
        .arg("--font-path")
        .arg(root.join("fonts"))
        .arg(&source)
        .arg(dir.join("typst.pdf"))
        .stderr(std::process::Stdio::null());
    let mut kehoach = Command::new(exe);
    kehoach
        .args(["render", "-o"])
        .arg(dir.join("kehoach.pdf"))
        .arg(sample)
        .stderr(std::process::Stdio::null());
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for run in 0..=RUNS {
        for (command, times) in [(&mut kehoach, &mut ours), (&mut typst_cli, &mut theirs)] {
            let start = Instant::now();
            assert!(command.status().unwrap().success(), "{command:?}");
            // The first round warms the disk cache for both.
            if run > 0 {
                times.push(start.elapsed());
            }
        }
    }
    println!(
        "{}, compiling kehoach's generated source of the same plan, alternating with `kehoach render`:",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    report(
        "  cold, `kehoach render` (load, checks, layout, page checks, PDF)",
        &ours,
    );
    report("  cold, `typst compile` (layout, PDF)", &theirs);
    let (ours, theirs) = (common::median_p90(&ours).0, common::median_p90(&theirs).0);
    println!("  ratio of medians: {:.2}", ours / theirs);
    let _ = std::fs::remove_dir_all(&dir);
}
