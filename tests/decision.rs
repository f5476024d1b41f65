//! A plan issued by a Quyết định, end to end on sample 005 (QĐ 2280/QĐ-UBND
//! of UBND thành phố Hà Nội and its attached plan, from corpus file 10):
//! the decision's page measured as Mẫu 1.3, the attached plan as Phụ lục
//! III's attached document, the words of the original carried, rollover,
//! batch and import from the corpus file.

mod common;

use common::{MM, Probe, coverage, engine, load, pdf_text, root, sample, words};
use kehoach::view::Part;

fn part(part: Part) -> Probe {
    let plan = load(&sample("005"));
    Probe::new(&engine().compile_part(&plan, part).unwrap())
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn the_decision_is_laid_out_as_mau_1_3() {
    let probe = part(Part::Decision);
    // Header: số and date on one baseline, the decision's own số.
    let so = probe.line(0, "Số:");
    assert_eq!(so.text, "Số: 2280/QĐ-UBND");
    let date = probe.line(0, "Hà Nội, ngày");
    assert!(close(so.baseline, date.baseline, 0.5) && date.italic);
    // QUYẾT ĐỊNH, bold, centred on the text, its trích yếu under it.
    let lines = probe.lines(0, 40.0);
    let kind = lines
        .iter()
        .find(|l| l.text == "QUYẾT ĐỊNH")
        .expect("QUYẾT ĐỊNH");
    let text_centre = (30.0 * MM + (210.0 - 15.0) * MM) / 2.0;
    assert!(kind.bold && (13.0..=14.0).contains(&kind.size));
    assert!(close(kind.centre(), text_centre, 1.0), "centred");
    let after = |l: &common::Line| l.baseline > kind.baseline;
    let title = lines.iter().find(|l| after(l)).unwrap();
    assert!(title.text.starts_with("Phê duyệt Kế hoạch") && title.bold);
    // The authority in capitals, bold and centred (R-QD-AUTH).
    let authority = lines
        .iter()
        .find(|l| after(l) && l.text == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
        .expect("the authority line");
    assert!(authority.bold && close(authority.centre(), text_centre, 1.0));
    // Căn cứ in italics, then `QUYẾT ĐỊNH:` alone on its line.
    let base = lines.iter().find(|l| l.text.starts_with("Căn cứ")).unwrap();
    assert!(base.italic && base.baseline > authority.baseline);
    let decides = lines
        .iter()
        .find(|l| l.text == "QUYẾT ĐỊNH:")
        .expect("QUYẾT ĐỊNH: alone on its line");
    assert!(decides.bold && close(decides.centre(), text_centre, 1.0));
    // Each article opens with `Điều N.` in bold.
    let all = probe.all_lines();
    for n in 1..=3 {
        let head = format!("Điều {n}.");
        let run = probe
            .runs
            .iter()
            .find(|r| r.text.starts_with(&head))
            .unwrap_or_else(|| panic!("{head}"));
        assert!(run.bold, "{head} in bold");
    }
    let end = all.iter().find(|l| l.text.ends_with("./.")).expect("./.");
    // Nơi nhận and the signer on the page of the last article's lines.
    let label = all
        .iter()
        .find(|l| l.text.starts_with("Nơi nhận:"))
        .unwrap();
    assert_eq!(label.page, end.page, "the closing block keeps with the end");
    assert!(label.bold && label.italic && close(label.size, 12.0, 0.1));
    let signer = all.iter().find(|l| l.text == "Trương Việt Dũng").unwrap();
    assert!(signer.bold && signer.page == label.page);
    for stack in ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] {
        assert!(
            all.iter().any(|l| l.text.ends_with(stack) && l.bold),
            "{stack}"
        );
    }
}

#[test]
fn the_attached_plan_has_no_so_and_no_signature() {
    let probe = part(Part::Plan);
    let first = probe.lines(0, 40.0);
    assert!(
        first.iter().all(|l| !l.text.starts_with("Số:")),
        "no số row"
    );
    assert!(
        first.iter().all(|l| !l.text.contains(", ngày")),
        "no date row"
    );
    let kind = first
        .iter()
        .find(|l| l.text == "KẾ HOẠCH")
        .expect("KẾ HOẠCH");
    assert!(kind.bold);
    let reference = first
        .iter()
        .find(|l| l.text.starts_with("(Kèm theo Quyết định"))
        .expect("the decision's line");
    assert!(reference.italic && reference.baseline > kind.baseline);
    let text = probe
        .all_lines()
        .iter()
        .map(|l| l.text.clone())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(
            "(Kèm theo Quyết định số 2280/QĐ-UBND ngày 29 tháng 4 năm 2026 của UBND Thành phố)"
        ),
        "filled from the decision"
    );
    assert!(!text.contains("Nơi nhận"), "no nơi nhận of its own");
    assert!(
        !text.contains("Trương Việt Dũng"),
        "no signature of its own"
    );
    // Its own page numbers: none on its first page, then 2, 3 …
    let top = |page: usize| -> Vec<String> {
        probe
            .page_runs(page)
            .filter(|r| r.baseline < 20.0 * MM)
            .map(|r| r.text.clone())
            .collect()
    };
    assert!(top(0).is_empty());
    assert_eq!(top(1), ["2"]);
}

#[test]
fn the_whole_document_starts_the_plan_on_a_new_page_numbered_anew() {
    let whole = part(Part::All);
    let decision = part(Part::Decision);
    let pages = decision.pages.len();
    let plan_first = whole.lines(pages, 40.0);
    assert!(
        plan_first.iter().any(|l| l.text == "KẾ HOẠCH"),
        "the plan opens page {}",
        pages + 1
    );
    let numbers = |page: usize| -> Vec<String> {
        whole
            .page_runs(page)
            .filter(|r| r.baseline < 20.0 * MM)
            .map(|r| r.text.clone())
            .collect()
    };
    assert!(
        numbers(pages).is_empty(),
        "no number on the plan's first page"
    );
    assert_eq!(numbers(pages + 1), ["2"]);
}

#[test]
fn the_sample_carries_the_words_of_its_original() {
    let source =
        std::fs::read_to_string(root().join(
            "tests/fixtures/corpus/10-hanoi-ubnd-qd2280-2026-kh-thoat-nuoc-chong-ung-ngap.txt",
        ))
        .unwrap();
    let plan = load(&sample("005"));
    let pdf = kehoach::export::pdf(&engine().compile(&plan).unwrap(), &[]).unwrap();
    let share = coverage(&words(&source), &words(&pdf_text(&pdf)));
    eprintln!("sample 005: {:.2} % of the original's words", share * 100.0);
    assert!(share >= 0.99, "{:.4}", share);
}

#[test]
fn the_corpus_file_imports_as_the_sample() {
    let imported =
        kehoach::import::import_file(&root().join(
            "tests/fixtures/corpus/10-hanoi-ubnd-qd2280-2026-kh-thoat-nuoc-chong-ung-ngap.txt",
        ))
        .unwrap();
    assert_eq!(imported.plan, load(&sample("005")).plan);
}

#[test]
fn rollover_moves_the_decision_with_the_plan() {
    let plan = load(&sample("005")).plan;
    let next = kehoach::rollover::rollover(&plan, 2027).unwrap();
    let decision = next.plan.decision.as_ref().unwrap();
    assert_eq!(decision.number, None, "the văn thư's số again");
    assert_eq!(decision.date, None, "dated with the plan");
    assert_eq!(next.plan.date.as_deref(), Some("2027"));
    assert!(
        decision
            .title
            .as_deref()
            .unwrap()
            .ends_with("mùa mưa năm 2027"),
        "{:?}",
        decision.title
    );
    assert!(next.plan.title.ends_with("mùa mưa năm 2027"));
    assert!(
        next.changes.iter().any(|c| c.at.path == "decision.number"),
        "the report says so"
    );
    // The rolled plan renders, with blanks where the decision's số was.
    let json = serde_json::to_string(&next.plan).unwrap();
    let loaded = kehoach::load::load_str(&json, "moi.json", &root()).unwrap();
    let compiled = engine().compile(&loaded).unwrap();
    let areas = kehoach::stamps::stamp_areas(&compiled.document);
    assert!(areas.iter().any(|a| a.name == "number" && a.page == 1));
}

#[test]
fn batch_signs_the_decision_and_with_split_the_plan_on_its_own() {
    let dir = std::env::temp_dir().join(format!("kehoach-decision-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(sample("005"), input.join("005.json")).unwrap();
    let run = |out: &str, extra: &[&str]| {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_kehoach"))
            .args(["batch", "--no-system-fonts", "-o"])
            .arg(dir.join(out))
            .arg(&input)
            .args(extra)
            .status()
            .unwrap();
        assert!(status.success());
        let text = std::fs::read_to_string(dir.join(out).join("manifest.json")).unwrap();
        kehoach::batch::Manifest::from_json(&text)
            .unwrap()
            .rows
            .remove(0)
    };
    let decision_pages = part(Part::Decision).pages.len();

    // One file: the decision's signer signs; the attached plan's place for
    // the văn thư is given, on the plan's first page.
    let one = run("one", &[]);
    assert_eq!(one.symbol.as_deref(), Some("QĐ-UBND"));
    assert_eq!(one.number, Some(2280));
    assert_eq!(one.signer.as_deref(), Some("Trương Việt Dũng"));
    assert_eq!(one.signature.as_ref().unwrap().page, decision_pages);
    assert_eq!(
        one.attached_signature.as_ref().unwrap().page,
        decision_pages + 1
    );
    assert!(one.attached_output.is_none());

    // Two files, each with its own signature field.
    let two = run("two", &["--split"]);
    assert_eq!(two.pages, Some(decision_pages));
    let attached = two.attached_output.as_deref().expect("the plan's own file");
    let area = two.attached_signature.as_ref().unwrap();
    assert_eq!(area.page, 1);
    let [_, bottom, right, top] = area.rect;
    assert!(
        top > 297.0 * MM - 20.0 * MM && right > 180.0 * MM,
        "top right: {:?}",
        area.rect
    );
    assert!(bottom < top);
    let pdf = std::fs::read(dir.join("two").join(attached)).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let form = doc
        .dereference(catalog.get(b"AcroForm").unwrap())
        .unwrap()
        .1
        .as_dict()
        .unwrap()
        .clone();
    let fields = form.get(b"Fields").unwrap().as_array().unwrap();
    assert_eq!(fields.len(), 1, "the văn thư's signature field");
    std::fs::remove_dir_all(&dir).unwrap();
}
