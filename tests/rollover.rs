//! `kehoach rollover`: sample 003 (the 2025 plan) rolled on to 2026 carries
//! what seed 004 (the real 2026 plan) carries, flags what a person must
//! decide — a year left from an older plan too — in the clerk's words,
//! renders, and rolling twice equals rolling once over two years.

mod common;

use std::process::Command;

use common::{engine, load, sample, sample_paths};
use kehoach::load::LoadedPlan;
use kehoach::model::{Block, Plan, Section};
use kehoach::rollover::{FlagKind, Rollover, report, rollover};

fn plan(prefix: &str) -> Plan {
    load(&sample(prefix)).plan
}

/// The paragraph of a run-in section, by its path of positions.
fn paragraph(plan: &Plan, path: &[usize]) -> String {
    let mut sections: &[Section] = &plan.sections;
    let mut section = None;
    for &i in path {
        section = Some(&sections[i]);
        sections = &sections[i].sections;
    }
    match &section.unwrap().content[0] {
        Block::Paragraph(p) => p.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_two_rounds_carry_seed_004s_anniversaries_and_dates() {
    let rolled = rollover(&plan("003"), 2026).unwrap();
    let first = paragraph(&rolled.plan, &[2, 0, 0]);
    let second = paragraph(&rolled.plan, &[2, 0, 1]);
    let seed_first = paragraph(&plan("004"), &[2, 0, 0]);
    let seed_second = paragraph(&plan("004"), &[2, 0, 1]);
    for expected in [
        "đến ngày 30/6/2026",
        "kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/2/1930 - 30/2/2026)",
        "kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2026)",
        "kỷ niệm 78 năm Ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2026)",
    ] {
        assert!(
            first.contains(expected),
            "first round lacks {expected:?}: {first}"
        );
        assert!(
            seed_first.contains(expected),
            "seed 004 says {expected:?} too"
        );
    }
    for expected in [
        "từ ngày 01/7/2026 đến kết thúc năm 2026",
        "kỷ niệm 81 năm Ngày thành lập nước",
        "(02/9/1945 - 02/9/2026)",
        "kỷ niệm 81 năm Ngày truyền thống ngành Tư pháp Việt Nam (28/8/1945 - 28/8/2026)",
        "tổng kết công tác tư pháp năm 2026",
    ] {
        assert!(
            second.contains(expected),
            "second round lacks {expected:?}: {second}"
        );
        assert!(
            seed_second.contains(expected),
            "seed 004 says {expected:?} too"
        );
    }
}

#[test]
fn old_citations_and_one_off_events_are_flagged_and_kept() {
    let old = plan("003");
    let rolled = rollover(&old, 2026).unwrap();
    let cited: Vec<&str> = rolled
        .flags
        .iter()
        .filter(|f| f.flag.kind == FlagKind::OldCitation)
        .map(|f| f.flag.text.as_str())
        .collect();
    assert!(
        cited
            .iter()
            .any(|c| c.starts_with("Quyết định số 644/QĐ-BTP ngày 25/02/2025")),
        "{cited:?}"
    );
    assert!(
        cited
            .iter()
            .any(|c| c.starts_with("Kế hoạch số 01/KH-UBND ngày 02/01/2025")),
        "{cited:?}"
    );
    let Block::Paragraph(preamble) = &rolled.plan.preamble[0] else {
        panic!()
    };
    assert!(preamble.contains("Quyết định số 644/QĐ-BTP ngày 25/02/2025 của Bộ trưởng Bộ Tư pháp về việc ban hành Kế hoạch phát động phong trào thi đua ngành Tư pháp năm 2025"));
    assert!(
        preamble.contains("khen thưởng ngành Tư pháp năm 2026 tới toàn thể"),
        "the plan's own year moves on"
    );
    assert!(
        rolled
            .flags
            .iter()
            .any(|f| f.flag.kind == FlagKind::OneOffEvent && f.flag.text.contains("lần thứ VI"))
    );
    assert!(
        rolled
            .flags
            .iter()
            .any(|f| f.flag.kind == FlagKind::SignerUnknown),
        "003 has no signer's name"
    );
}

#[test]
fn ranges_stay_and_the_header_is_cleared_for_the_van_thu() {
    let old = plan("003");
    let rolled = rollover(&old, 2026).unwrap();
    let json = serde_json::to_string(&rolled.plan).unwrap();
    assert!(json.contains("giai đoạn 2023-2030"));
    assert_eq!(
        json.matches("giai đoạn 2021-2025").count(),
        serde_json::to_string(&old)
            .unwrap()
            .matches("giai đoạn 2021-2025")
            .count()
    );
    assert_eq!(
        (
            rolled.plan.year,
            rolled.plan.number,
            rolled.plan.date.as_deref()
        ),
        (Some(2026), None, Some("2026"))
    );
    assert!(rolled.plan.title.ends_with("năm 2026"));
    assert_eq!(rolled.plan.signer, old.signer, "the signer stays");
    // Every change names its place.
    assert!(
        rolled
            .changes
            .iter()
            .all(|c| !c.at.path.is_empty() && !c.at.words.is_empty())
    );
}

#[test]
fn the_rolled_plan_renders() {
    for path in sample_paths() {
        let old = load(&path);
        let to = kehoach::rollover::plan_year(&old.plan).unwrap() + 1;
        let rolled = rollover(&old.plan, to).unwrap();
        let plan = LoadedPlan {
            plan: rolled.plan,
            ..old
        };
        let compiled = engine()
            .compile(&plan)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!compiled.document.pages().is_empty());
    }
}

#[test]
fn two_steps_equal_one_step_over_two_years() {
    for path in sample_paths() {
        let old = load(&path).plan;
        let from = kehoach::rollover::plan_year(&old).unwrap();
        let once = rollover(&old, from + 2).unwrap().plan;
        let twice = rollover(&rollover(&old, from + 1).unwrap().plan, from + 2)
            .unwrap()
            .plan;
        assert_eq!(once, twice, "{}", path.display());
        assert_ne!(once, old);
    }
}

#[test]
fn a_year_that_is_not_later_or_out_of_range_is_refused() {
    assert!(rollover(&plan("003"), 2025).is_err());
    assert!(rollover(&plan("003"), 2020).is_err());
    for far in [2201, i32::MAX, i32::MIN] {
        let err = rollover(&plan("003"), far).unwrap_err().to_string();
        assert!(err.contains("nằm ngoài khoảng hợp lý (1900–2200)"), "{err}");
    }
}

#[test]
fn the_command_writes_a_plan_and_a_report_and_takes_folders() {
    let dir = std::env::temp_dir().join(format!("kehoach-roll-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in")).unwrap();
    for prefix in ["003", "004"] {
        let src = sample(prefix);
        std::fs::copy(&src, dir.join("in").join(src.file_name().unwrap())).unwrap();
    }
    let run = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args([
            "rollover",
            "in",
            "-o",
            "out",
            "--year",
            "2027",
            "--report",
            "review.md",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let report = std::fs::read_to_string(dir.join("review.md")).unwrap();
    assert!(report.contains("năm 2025 → năm 2027") && report.contains("năm 2026 → năm 2027"));
    assert!(report.contains("### Tổng kết") && report.contains("căn cứ năm cũ"));
    for prefix in ["003", "004"] {
        let name = sample(prefix).file_name().unwrap().to_owned();
        let new = kehoach::load::load_file(&dir.join("out").join(name)).unwrap();
        assert_eq!(new.plan.year, Some(2027));
    }
    // A year before the plan's own is an input error: exit 2, nothing written.
    let run = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .arg("rollover")
        .arg(sample("004"))
        .args(["--year", "2025", "-o"])
        .arg(dir.join("never.json"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("phải sau năm của kế hoạch"));
    assert!(!dir.join("never.json").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Sample 003 cites the department's own plan of 2025 next to the movement
/// it answers: the citation stays as issued and is flagged, never moved to a
/// date on which no such plan was signed.
#[test]
fn a_cited_plan_keeps_its_date_and_is_flagged() {
    let rolled = rollover(&plan("003"), 2026).unwrap();
    let path = [1, 0, 1, 0];
    let text = paragraph(&rolled.plan, &path);
    assert!(
        text.contains("Kế hoạch số 42/KH-STP ngày 28/02/2025 của Sở Tư pháp"),
        "{text}"
    );
    assert_eq!(text, paragraph(&plan("003"), &path));
    let at = "sections[1].sections[0].sections[1].sections[0].content[0]";
    let cited: Vec<&str> = rolled
        .flags
        .iter()
        .filter(|f| f.at.path == at && f.flag.kind == FlagKind::OldCitation)
        .map(|f| f.flag.text.as_str())
        .collect();
    assert!(
        cited
            .iter()
            .any(|t| t.starts_with("Kế hoạch số 42/KH-STP ngày 28/02/2025")),
        "{cited:?}"
    );
}

/// The change listed at a place, by the words the review shows for it.
fn change_at<'r>(rolled: &'r Rollover, words: &str) -> (&'r str, &'r str) {
    let change = rolled
        .changes
        .iter()
        .find(|c| c.at.words == words)
        .unwrap_or_else(|| {
            let places: Vec<&str> = rolled.changes.iter().map(|c| c.at.words.as_str()).collect();
            panic!("no change at {words:?}: {places:#?}")
        });
    (&change.before, &change.after)
}

/// Sample 004 rolled to 2027: each change and flag is named by the place a
/// clerk finds on the page — the mục's printed number and title, the
/// paragraph as counted there — and the plan's date as a date.
#[test]
fn the_review_names_places_as_the_clerk_sees_them() {
    let rolled = rollover(&plan("004"), 2027).unwrap();
    assert_eq!(change_at(&rolled, "Phần đầu · Năm"), ("2026", "2027"));
    assert_eq!(
        change_at(&rolled, "Phần đầu · Ngày ban hành"),
        ("tháng 3/2026", "năm 2027")
    );
    let (before, after) = change_at(&rolled, "Mục II.1.1 Công tác xây dựng pháp luật, đoạn 1");
    assert!(
        before.contains("năm 2026") && after.contains("năm 2027"),
        "{before} → {after}"
    );
    // A run-in title's colon is not part of its name.
    let (_, after) = change_at(&rolled, "Mục III.1.1 Đợt thi đua thứ nhất, đoạn 1");
    assert!(after.contains("30/6/2027"), "{after}");
    change_at(&rolled, "Phần mở đầu, đoạn 2");
    change_at(&rolled, "Trích yếu");
    // Mục I.1's list is its paragraphs on the page: the second item is đoạn 2.
    let left = rolled
        .flags
        .iter()
        .find(|f| f.flag.kind == FlagKind::EarlierYear)
        .unwrap();
    assert_eq!(left.at.words, "Mục I.1 Mục đích, đoạn 2");
    let places = rolled.changes.iter().map(|c| &c.at.words);
    for words in places.chain(rolled.flags.iter().map(|f| &f.at.words)) {
        assert!(
            !words.contains(['[', ']', '_']) && !words.contains("sections"),
            "a JSON path in the review: {words}"
        );
    }
    let markdown = report::markdown("004.json", &rolled);
    assert!(!markdown.contains("sections[") && !markdown.contains("preamble["));
    assert!(!markdown.contains("2026-03"), "a date as the JSON holds it");
    assert!(markdown.contains("| Mục I.1 Mục đích, đoạn 2 | được giao năm 2025 của Bộ, ngành |"));
}

/// Sample 005, a plan issued by a decision with tasks and a task table:
/// tasks by their number and first words, their lines by the label and
/// their cells by the column the page prints, the decision by its Điều.
#[test]
fn tasks_tables_and_the_decision_are_named_as_printed() {
    let rolled = rollover(&plan("005"), 2027).unwrap();
    assert_eq!(
        change_at(
            &rolled,
            "Phụ lục, bảng nhiệm vụ, nhiệm vụ 3 (Rà soát văn bản quy phạm pháp luật về…), cột Thời gian hoàn thành"
        ),
        ("Quý II/2026", "Quý II/2027")
    );
    assert_eq!(
        change_at(
            &rolled,
            "Mục III.2.1, nhiệm vụ 1 (Rà soát các văn bản quy phạm pháp luật…), dòng Thời gian thực hiện"
        ),
        ("Quý II/2026", "Quý II/2027")
    );
    let (_, after) = change_at(&rolled, "Quyết định ban hành, Điều 1");
    assert!(after.contains("năm 2027"), "{after}");
    assert_eq!(
        change_at(&rolled, "Quyết định ban hành · Ngày ban hành"),
        ("17/3/2026", "(theo ngày của kế hoạch)")
    );
    assert_eq!(
        change_at(&rolled, "Quyết định ban hành · Số"),
        ("468", "(để trống)")
    );
}

/// After 2026 → 2027 a year two back is a leftover as much as last year's;
/// cited documents, a law's name, a range and history are not.
#[test]
fn every_earlier_year_left_in_the_text_is_flagged_but_citations_are_not() {
    let mut old = plan("004");
    let kept = [
        "Căn cứ Nghị quyết số 12/2024/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉnh;",
        "Căn cứ Luật Thi đua, khen thưởng năm 2022;",
        "Thực hiện Quyết định số 35/QĐ-UBND ngày 5/3/2024 của Ủy ban nhân dân tỉnh, giai đoạn 2021-2025;",
        "Phát huy truyền thống Cách mạng Tháng Tám năm 1945, kỷ niệm 81 năm Ngày truyền thống ngành Tư pháp (28/8/1945 - 28/8/2026);",
    ];
    let left = "Các phòng báo cáo kết quả năm 2024 trước ngày 15/12/2024.";
    for text in kept.into_iter().chain([left]) {
        old.preamble.push(Block::Paragraph(text.into()));
    }
    let rolled = rollover(&old, 2027).unwrap();
    let earlier: Vec<(&str, &str)> = rolled
        .flags
        .iter()
        .filter(|f| f.flag.kind == FlagKind::EarlierYear)
        .map(|f| (f.at.words.as_str(), f.flag.text.as_str()))
        .collect();
    assert_eq!(
        earlier,
        [
            (
                "Phần mở đầu, đoạn 7",
                "kết quả năm 2024 trước ngày 15/12/2024."
            ),
            ("Phần mở đầu, đoạn 7", "2024 trước ngày 15/12/2024."),
            (
                "Mục I.1 Mục đích, đoạn 2",
                "được giao năm 2025 của Bộ, ngành"
            ),
        ]
    );
    let Block::Paragraph(anniversary) = &rolled.plan.preamble[5] else {
        panic!()
    };
    assert!(anniversary.contains("82 năm Ngày truyền thống ngành Tư pháp (28/8/1945 - 28/8/2027)"));
}
