//! `kehoach check`: the seeds' real faults are found in the samples, the
//! report is stable (a snapshot per sample), and the exit code says whether
//! there are errors.

mod common;

use std::process::Command;

use common::{load, root, sample, sample_paths};
use kehoach::check::{Severity, check};

const TODAY: (i32, u32, u32) = (2026, 11, 23);

fn rules(prefix: &str) -> Vec<(Severity, &'static str, String)> {
    check(&load(&sample(prefix)).plan, TODAY)
        .findings
        .into_iter()
        .map(|f| (f.severity, f.rule, f.message))
        .collect()
}

#[test]
fn the_seeds_real_faults_are_found() {
    let f003 = rules("003");
    assert!(
        f003.iter()
            .any(|f| f.1 == "K-DATE" && f.2.contains("30/2/2025")),
        "{f003:?}"
    );
    assert!(
        f003.iter()
            .any(|f| f.1 == "K-NUM" && f.2.contains("\"1.1.5.\" sau \"1.1.3.\"")),
        "{f003:?}"
    );
    let f004 = rules("004");
    assert!(
        f004.iter()
            .any(|f| f.1 == "K-YEAR" && f.2.contains("năm 2025")),
        "seed 004 keeps 'năm 2025': {f004:?}"
    );
    assert!(
        f004.iter()
            .any(|f| f.1 == "K-DATE" && f.2.contains("30/2/2026"))
    );
    assert!(
        rules("001").iter().all(|f| f.0 != Severity::Error),
        "001 has no errors"
    );
}

#[test]
fn every_sample_has_a_stable_report() {
    for path in sample_paths() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let run = || {
            let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
                .current_dir(root())
                .args(["check", "--today", "2026-11-23"])
                .arg(path.strip_prefix(root()).unwrap())
                .output()
                .unwrap();
            (out.status.code(), String::from_utf8(out.stdout).unwrap())
        };
        let (code, report) = run();
        assert_eq!(
            run(),
            (code, report.clone()),
            "{name}: the same report twice"
        );
        let has_errors = report.contains("  lỗi [");
        assert_eq!(code, Some(if has_errors { 1 } else { 0 }), "{name}");
        let snapshot = root().join(format!("tests/snapshots/check-{name}.txt"));
        if std::env::var("KEHOACH_BLESS").is_ok() {
            std::fs::write(&snapshot, &report).unwrap();
        }
        let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
        assert!(
            expected == report,
            "{name}: report differs from {}:\n{report}",
            snapshot.display()
        );
    }
}

#[test]
fn json_output_and_unreadable_plans() {
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .current_dir(root())
        .args(["check", "--format", "json", "--today", "2026-11-23"])
        .arg(sample("003"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json[0]["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["rule"] == "K-NUM"
        && f["severity"] == "warning"
        && f["path"].as_str().unwrap().ends_with(".number")));
    assert!(
        !json[0]["not_evaluated"].as_array().unwrap().is_empty(),
        "unevaluated rules are named"
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(["check", "khong-co.json"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn render_reports_findings_and_strict_refuses() {
    let dir = std::env::temp_dir().join(format!("kehoach-strict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("p.pdf");
    let run = |strict: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kehoach"));
        cmd.args(["render", "--no-system-fonts"])
            .arg(sample("003"))
            .arg("-o")
            .arg(&pdf);
        if strict {
            cmd.arg("--strict");
        }
        cmd.output().unwrap()
    };
    let lenient = run(false);
    assert!(lenient.status.success());
    assert!(
        String::from_utf8_lossy(&lenient.stderr).contains("lỗi [K-DATE]"),
        "render prints the errors"
    );
    std::fs::remove_file(&pdf).unwrap();
    let strict = run(true);
    assert_eq!(strict.status.code(), Some(1));
    assert!(!pdf.exists(), "--strict writes nothing");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn layout_rules_are_measured_unless_there_is_nothing_to_measure() {
    let plan = load(&sample("004"));
    let mut report = check(&plan.plan, TODAY);
    let compiled = common::engine().compile(&plan).unwrap();
    kehoach::check::check_pages(
        &mut report,
        &kehoach::stamps::stamp_areas(&compiled.document),
    );
    assert!(report.not_evaluated.iter().all(|r| !r.starts_with("R-QH")
        && !r.starts_with("R-SIGNER")
        && !r.starts_with("R-NOINHAN")));
    assert!(
        report
            .findings
            .iter()
            .all(|f| !matches!(f.rule, "R-QH" | "R-NOINHAN")),
        "sample 004 lays out cleanly"
    );
    // Content that ends in a task's lines has no ending paragraph, so no end
    // mark: R-SIGNER stays unevaluated rather than passed.
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample("001")).unwrap()).unwrap();
    json["closing"] = serde_json::json!([]);
    json["sections"][5]["sections"] = serde_json::json!([]);
    json["sections"][5]["content"] =
        serde_json::json!([{ "task": { "content": ["Việc."], "lead": "Văn phòng" } }]);
    let plan = kehoach::load::load_str(&json.to_string(), "t.json", &root()).unwrap();
    let mut report = check(&plan.plan, TODAY);
    let compiled = common::engine().compile(&plan).unwrap();
    kehoach::check::check_pages(
        &mut report,
        &kehoach::stamps::stamp_areas(&compiled.document),
    );
    assert!(
        report
            .not_evaluated
            .iter()
            .any(|r| r.starts_with("R-SIGNER"))
    );
}
