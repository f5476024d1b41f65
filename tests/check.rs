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
        .args([
            "check",
            "--format",
            "json",
            "--no-layout",
            "--today",
            "2026-11-23",
        ])
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
        json[0]["not_evaluated"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().starts_with("R-MUC")),
        "without layout, the layout rules are named as not evaluated"
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
fn layout_rules_are_measured_on_every_ending() {
    let plan = load(&sample("004"));
    let mut report = check(&plan.plan, TODAY);
    let compiled = common::engine().compile(&plan).unwrap();
    kehoach::check::check_pages(&mut report, &compiled.document);
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
    // Content that ends in a task's lines: its last line carries the
    // signature block, which is measured and passes like any other ending.
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample("001")).unwrap()).unwrap();
    json["closing"] = serde_json::json!([]);
    json["sections"][5]["sections"] = serde_json::json!([]);
    json["sections"][5]["content"] =
        serde_json::json!([{ "task": { "content": ["Việc."], "lead": "Văn phòng" } }]);
    let plan = kehoach::load::load_str(&json.to_string(), "t.json", &root()).unwrap();
    let mut report = check(&plan.plan, TODAY);
    let compiled = common::engine().compile(&plan).unwrap();
    kehoach::check::check_pages(&mut report, &compiled.document);
    assert!(
        !report
            .not_evaluated
            .iter()
            .any(|r| r.starts_with("R-SIGNER"))
            && report.findings.iter().all(|f| f.rule != "R-SIGNER"),
        "{report:?}"
    );
}

#[test]
fn fix_writes_the_safe_fixes_and_keeps_the_wording() {
    let dir = std::env::temp_dir().join(format!("kehoach-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ke-hoach.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample("004")).unwrap()).unwrap();
    json["place"] = "hà tĩnh".into();
    json["archive"] = "vp".into();
    json["preamble"][0] = serde_json::Value::String(format!(
        "{}  , ngày 4 tháng 03 năm 2025",
        json["preamble"][0].as_str().unwrap()
    ));
    json["signer"]["name"] = "ThS. nguyễn văn a".into();
    std::fs::write(&file, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
            .args(["check", "--no-layout", "--today", "2026-11-23"])
            .args(args)
            .arg(&file)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (_, report) = run(&["--fix"]);
    for rule in ["R-PLACE", "R-NOINHAN", "K-SPACE", "K-PAD", "R-SIGNER"] {
        assert!(
            report.contains(&format!("đã sửa [{rule}]")),
            "{rule}:\n{report}"
        );
    }
    let fixed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(fixed["place"], "Hà Tĩnh");
    assert_eq!(fixed["archive"], "VT, VP");
    assert!(
        fixed["preamble"][0]
            .as_str()
            .unwrap()
            .ends_with(", ngày 04 tháng 3 năm 2025")
    );
    // The academic title is reported, not removed: that is wording.
    assert_eq!(fixed["signer"]["name"], "ThS. Nguyễn Văn A");
    assert!(report.contains("lỗi [R-SIGNER]"));
    // Nothing left to fix: a second run leaves the file byte for byte.
    let before = std::fs::read(&file).unwrap();
    let (code, again) = run(&["--fix"]);
    assert!(!again.contains("đã sửa"), "{again}");
    assert_eq!(code, Some(1), "the academic title is still an error");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file is left behind");
    std::fs::remove_dir_all(dir).unwrap();
}

/// The full fixture with one more mục before its second: `section`.
fn with_section(section: serde_json::Value) -> kehoach::compile::Compiled {
    let mut json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/full.json")).unwrap(),
    )
    .unwrap();
    json["sections"].as_array_mut().unwrap().insert(1, section);
    let plan = kehoach::load::load_str(
        &json.to_string(),
        "full.json",
        &root().join("tests/fixtures"),
    )
    .unwrap();
    common::engine().compile(&plan).unwrap()
}

fn layout_findings(compiled: &kehoach::compile::Compiled) -> Vec<kehoach::check::Finding> {
    let mut report = check(&compiled_plan(), TODAY);
    report.findings.clear();
    kehoach::check::check_pages(&mut report, &compiled.document);
    assert!(
        report.not_evaluated.iter().all(|r| !r.starts_with("R-MUC")),
        "headings were measured"
    );
    report.findings
}

fn compiled_plan() -> kehoach::model::Plan {
    load(&root().join("tests/fixtures/full.json")).plan
}

#[test]
fn a_heading_is_never_left_alone_before_a_landscape_page() {
    let table = serde_json::json!({ "table": { "landscape": true,
        "columns": [ { "title": "TT", "width": "1.2cm" }, { "title": "Nội dung", "width": 4 } ],
        "rows": [["1", "Kiểm tra"]] } });
    // The renderer moves a heading onto the landscape page its table opens.
    let moved = with_section(serde_json::json!({ "title": "LỊCH KIỂM TRA", "content": [table] }));
    let probe = common::Probe::new(&moved);
    let heading = probe
        .all_lines()
        .into_iter()
        .find(|l| l.text.contains("LỊCH KIỂM TRA"))
        .unwrap();
    let cell = probe
        .all_lines()
        .into_iter()
        .find(|l| l.text.contains("Kiểm tra") && !l.text.contains("LỊCH"))
        .unwrap();
    assert_eq!(
        heading.page, cell.page,
        "the heading sits on its table's page"
    );
    assert!(layout_findings(&moved).iter().all(|f| f.rule != "R-MUC"));
    // A parent heading before it stays behind on the portrait page: check
    // measures that and says so.
    let nested = with_section(serde_json::json!({ "title": "LỊCH KIỂM TRA",
        "sections": [ { "title": "Lịch năm", "content": [table] } ] }));
    let found = layout_findings(&nested);
    assert!(found.iter().any(|f| f.rule == "R-MUC"), "{found:?}");
}

/// The form's blank plan with every mục deleted, as a clerk may leave it:
/// nothing prints but `./.`, and `check` must say so (issue 12, case 3).
#[test]
fn an_empty_plan_has_errors() {
    let mut blank: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("web/blank.json")).unwrap())
            .unwrap();
    // The header filled in, as the form asks before it previews.
    blank["issuer"] = serde_json::json!({ "name": "SỞ TƯ PHÁP", "abbreviation": "STP" });
    blank["place"] = "Lạng Sơn".into();
    blank["title"] = "Kế hoạch công tác năm 2026".into();
    blank["date"] = "2026-03-04".into();
    blank["sections"] = serde_json::json!([]);
    let text = blank.to_string();
    let plan = kehoach::load::load_str(&text, "trong.json", &root())
        .unwrap()
        .plan;
    let errors: Vec<(&str, String)> = check(&plan, TODAY)
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule, f.path))
        .collect();
    for expected in [
        ("K-EMPTY", "sections"),
        ("R-NOINHAN", "recipients[0]"),
        ("R-SIGNER", "signer.title"),
    ] {
        assert!(
            errors.iter().any(|(r, p)| (*r, p.as_str()) == expected),
            "{expected:?} in {errors:?}"
        );
    }
}

/// What cannot be laid out inside the page is an error of `check`,
/// measured on the pages (K-OVERFLOW): a table wider than the text.
#[test]
fn text_outside_the_margins_is_found_on_the_pages() {
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::sample("004")).unwrap()).unwrap();
    let overflowing = |plan: &serde_json::Value| {
        let compiled = common::compile_str(&plan.to_string());
        let loaded = kehoach::load::load_str(&plan.to_string(), "p.json", &common::root()).unwrap();
        let mut report = kehoach::check::check(&loaded.plan, (2026, 11, 29));
        kehoach::check::check_pages(&mut report, &compiled.document);
        report
            .findings
            .iter()
            .filter(|f| f.rule == "K-OVERFLOW")
            .count()
    };
    assert_eq!(overflowing(&plan), 0, "sample 004 fits its pages");
    plan["sections"][0]["content"] = serde_json::json!([{ "table": {
        "columns": [{ "title": "A", "width": "150mm" }, { "title": "B", "width": "150mm" }],
        "rows": [["một", "hai"]]
    }}]);
    assert_eq!(
        overflowing(&plan),
        1,
        "one finding for the page it runs off"
    );
}

/// `check --format json` on a plan it cannot read prints that plan's error
/// in the JSON, in its place among the others, and exits 2 (it printed
/// nothing on standard output).
#[test]
fn json_output_names_a_plan_it_cannot_read() {
    let dir = std::env::temp_dir().join(format!("kehoach-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("hong.json");
    std::fs::write(&broken, "{ \"issuer\": ").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(["check", "--no-layout", "--format", "json"])
        .arg(&broken)
        .arg(sample("004"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let error = entries[0]["error"].as_str().unwrap();
    assert!(
        error.contains("hong.json:1:") && error.contains("kết thúc giữa chừng"),
        "{error}"
    );
    assert!(entries[1]["findings"].is_array());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A year two back left in a plan's own period is a K-YEAR warning, as
/// rollover flags it: sample 004 rolled to 2027 keeps `được giao năm 2025`,
/// and nothing else — its căn cứ of 2026 are citations.
#[test]
fn a_year_left_from_an_older_plan_is_found_as_rollover_flags_it() {
    let rolled = kehoach::rollover::rollover(&load(&sample("004")).plan, 2027).unwrap();
    let years: Vec<(String, String)> = check(&rolled.plan, (2027, 3, 1))
        .findings
        .into_iter()
        .filter(|f| f.rule == "K-YEAR")
        .map(|f| (f.path, f.message))
        .collect();
    assert_eq!(
        years,
        [(
            "sections[0].sections[0].content[0].list[1]".to_owned(),
            "\"được giao năm 2025 của Bộ, ngành\" nhắc năm 2025 trong kế hoạch năm 2027".to_owned()
        )]
    );
    let flagged: Vec<&str> = rolled
        .flags
        .iter()
        .filter(|f| f.flag.kind == kehoach::rollover::FlagKind::EarlierYear)
        .map(|f| f.at.path.as_str())
        .collect();
    assert_eq!(flagged, [years[0].0.as_str()]);
}
