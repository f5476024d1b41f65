//! `cargo bench --bench batch`: 1,000 plans made by varying the samples,
//! through one `kehoach batch` process (plans per second, peak memory;
//! with and without a Word file beside each PDF), and
//! the same plans through one `kehoach render` process each.
//!
//! Not a test: it prints numbers, it asserts nothing about time.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const PLANS: usize = 1000;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exe = env!("CARGO_BIN_EXE_kehoach");
    let work = std::env::temp_dir().join(format!("kehoach-bench-batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let plans = make_plans(root, &work.join("plans"));
    println!(
        "{PLANS} plans from the standalone samples, each with its own number, title and first paragraph"
    );

    for (jobs, docx) in [(2, false), (1, false), (2, true)] {
        let out = work.join(format!("out-{jobs}-{docx}"));
        let started = Instant::now();
        let child = Command::new(exe)
            .args(["batch", "--jobs", &jobs.to_string(), "-o"])
            .arg(&out)
            .args(docx.then_some("--docx"))
            .arg(work.join("plans"))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (status, peak_kib) = common::wait_with_peak_memory(child);
        let secs = started.elapsed().as_secs_f64();
        assert!(status.success());
        let docx = if docx { " --docx" } else { "" };
        println!(
            "kehoach batch --jobs {jobs}{docx}: {secs:.1} s, {:.0} plans/s, peak memory {:.0} MB",
            PLANS as f64 / secs,
            peak_kib as f64 / 1024.0
        );
    }

    let out = work.join("render");
    std::fs::create_dir_all(&out).unwrap();
    let started = Instant::now();
    for (i, plan) in plans.iter().enumerate() {
        let status = Command::new(exe)
            .args(["render", "-o"])
            .arg(out.join(format!("{i}.pdf")))
            .arg(plan)
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "one `kehoach render` process per plan: {secs:.1} s, {:.0} plans/s",
        PLANS as f64 / secs
    );
    let _ = std::fs::remove_dir_all(&work);
}

/// Writes the varied plans and returns their paths.
fn make_plans(root: &Path, dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let samples: Vec<serde_json::Value> = std::fs::read_dir(root.join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(p).unwrap()).unwrap()
        })
        // The standalone plans, as the bench has always measured (the
        // 23-page decision sample would change the mix).
        .filter(|plan| plan.get("decision").is_none_or(serde_json::Value::is_null))
        .collect();
    (0..PLANS)
        .map(|i| {
            let mut plan = samples[i % samples.len()].clone();
            plan["number"] = (i + 1).into();
            let title = plan["title"].as_str().unwrap().to_owned();
            plan["title"] = format!("{title} (bản {})", i + 1).into();
            if let Some(first) = plan["preamble"].get_mut(0)
                && let Some(text) = first.as_str()
            {
                *first = format!("{text} Lần thứ {}.", i + 1).into();
            }
            let path = dir.join(format!("{i:04}.json"));
            std::fs::write(&path, plan.to_string()).unwrap();
            path
        })
        .collect()
}
