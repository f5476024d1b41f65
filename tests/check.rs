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
