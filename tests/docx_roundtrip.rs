//! kehoach's own Word file, imported, gives back the plan it was written
//! from (issue 24, item 7): every sample whole — the same tree, tasks with
//! all their units, the issuer's `name_in_text`, widths, what the page
//! does not print — kept in the file's custom XML part; after LibreOffice
//! saved it again; with an edit made in the Word file winning over the
//! stored value; and without the part (a tool that drops custom XML), as
//! close as the text allows: the khoản whole, units apart, no `./.` left
//! in the text, the number row of a task table not a task.

mod common;

use std::io::Read;

use common::docx_zip::{rezip, without_plan_part};
use common::office::Office;
use common::shape::{differences, shape_differences};
use common::{have_python_docx, have_tool, load, run, sample, sample_paths};
use kehoach::import::{Imported, import_bytes};
use kehoach::load::LoadedPlan;
use kehoach::model::Plan;
use kehoach::view::Part;
use serde_json::Value;

fn word_file(plan: &kehoach::load::LoadedPlan) -> Vec<u8> {
    kehoach::docx::docx(plan, Part::All).unwrap()
}

fn import(bytes: &[u8], name: &str) -> Imported {
    import_bytes(bytes, "docx", name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn entry(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no {name}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Where two plans differ, as `- want` / `+ got` lines of their JSON.
fn plan_differences(name: &str, want: &Plan, got: &Plan) -> Option<String> {
    let lines = |plan: &Plan| -> Vec<String> {
        serde_json::to_string_pretty(plan)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    };
    (want != got).then(|| {
        format!(
            "{name}:\n{}",
            differences(&lines(want), &lines(got)).join("\n")
        )
    })
}

#[test]
fn every_sample_comes_back_from_its_word_file_as_it_was() {
    let mut failures = Vec::new();
    for path in sample_paths() {
        let plan = load(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let imported = import(&word_file(&plan), &name);
        failures.extend(plan_differences(&name, &plan.plan, &imported.plan));
        // Nothing was guessed: what the text's reading guessed is moot.
        assert!(
            imported.report.guessed.is_empty() && imported.report.unplaced.is_empty(),
            "{name}: {:?} {:?}",
            imported.report.guessed,
            imported.report.unplaced
        );
        assert!(
            imported
                .report
                .notes
                .iter()
                .any(|n| n.contains("chữ chưa sửa")),
            "{name}: {:?}",
            imported.report.notes
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The part is declared as Word declares one, holds the plan, and the
/// same plan gives the same bytes.
#[test]
fn the_plan_is_kept_as_a_custom_xml_part() {
    let plan = load(&sample("005"));
    let bytes = word_file(&plan);
    assert_eq!(bytes, word_file(&plan));
    let types = entry(&bytes, "[Content_Types].xml");
    assert!(
        types.contains(r#"PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml""#),
        "{types}"
    );
    let rels = entry(&bytes, "word/_rels/document.xml.rels");
    assert!(
        rels.contains(r#"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml""#),
        "{rels}"
    );
    assert!(entry(&bytes, "customXml/_rels/item1.xml.rels").contains(r#"Target="itemProps1.xml""#));
    assert!(entry(&bytes, "customXml/itemProps1.xml").contains(r#"ds:uri="urn:kehoach:plan:1""#));
    let item = entry(&bytes, "customXml/item1.xml");
    // The root element, in its namespace, holding the plan's JSON.
    let (open, rest) = item
        .split_once("<kehoachPlan ")
        .and_then(|(_, rest)| rest.split_once('>'))
        .unwrap_or_else(|| panic!("{item}"));
    assert!(open.contains(r#"xmlns="urn:kehoach:plan:1""#), "{open}");
    let (text, _) = rest.split_once("</kehoachPlan>").unwrap();
    let json = quick_xml::escape::unescape(text).unwrap();
    let stored: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(stored, plan.plan);
}

/// The edits made to sample 005's Word file: a paragraph's words, a
/// paragraph added after it, a task line's units.
const PARAGRAPH: &str = "Các nhiệm vụ, sản phẩm trọng tâm, cơ quan chủ trì và thời hạn hoàn thành được tổng hợp tại Phụ lục kèm theo Kế hoạch này.";
const EDITED: &str = "Các nhiệm vụ, sản phẩm trọng tâm, cơ quan chủ trì và thời hạn hoàn thành được liệt kê tại Phụ lục kèm theo Kế hoạch này.";
const ADDED: &str = "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về kết quả thực hiện.";
const UNITS: &str = "Sở Công Thương; các doanh nghiệp viễn thông trên địa bàn tỉnh";
const NEW_UNITS: &str = "Sở Công Thương; Sở Xây dựng";

/// The edits win where they were made, and everything else — the units
/// lists, the widths of the phụ lục's table, the issuer's name in text —
/// is the stored plan's.
fn assert_edits_won(plan: &Plan, imported: &Imported) {
    let json = serde_json::to_string(plan).unwrap();
    let json = json.replace(
        &format!("\"{PARAGRAPH}\""),
        &format!("\"{EDITED}\",\"{ADDED}\""),
    );
    let json = json.replace(
        r#""support":["Sở Công Thương","các doanh nghiệp viễn thông trên địa bàn tỉnh"]"#,
        r#""support":["Sở Công Thương","Sở Xây dựng"]"#,
    );
    let want: Plan = serde_json::from_str(&json).unwrap();
    assert_ne!(&want, plan, "the edits are in the plan's JSON");
    if let Some(diff) = plan_differences("005-sua.docx", &want, &imported.plan) {
        panic!("(- want, + got)\n{diff}");
    }
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|n| n.contains("đã sửa trong Word")),
        "{:?}",
        imported.report.notes
    );
}

/// The edits made in `word/document.xml` itself.
#[test]
fn an_edit_made_in_the_word_file_wins_over_the_stored_plan() {
    let plan = load(&sample("005"));
    let bytes = rezip(&word_file(&plan), |name, data| {
        if name != "word/document.xml" {
            return Some(data);
        }
        let xml = String::from_utf8(data).unwrap();
        assert_eq!(xml.matches(PARAGRAPH).count(), 1);
        assert_eq!(xml.matches(UNITS).count(), 1);
        // The paragraph's element, copied after it with other words.
        let at = xml.find(PARAGRAPH).unwrap();
        let start = xml[..at]
            .rfind("<w:p>")
            .into_iter()
            .chain(xml[..at].rfind("<w:p "))
            .max()
            .unwrap();
        let end = at + xml[at..].find("</w:p>").unwrap() + "</w:p>".len();
        let copy = xml[start..end].replace(PARAGRAPH, ADDED);
        let xml = format!("{}{copy}{}", &xml[..end], &xml[end..]);
        Some(
            xml.replace(PARAGRAPH, EDITED)
                .replace(UNITS, NEW_UNITS)
                .into_bytes(),
        )
    });
    assert_edits_won(&plan.plan, &import(&bytes, "005-sua.docx"));
}

/// The same edits made with python-docx, as a clerk's script would, which
/// saves the whole package again.
#[test]
fn an_edit_made_with_python_docx_wins_over_the_stored_plan() {
    if !have_python_docx() {
        return;
    }
    const EDIT: &str = r#"
import copy, sys, docx
d = docx.Document(sys.argv[1])
old, new, added, units, new_units = sys.argv[3:8]
paragraphs = list(d.paragraphs) + [p for t in d.tables for r in t.rows for c in r.cells for p in c.paragraphs]
for p in paragraphs:
    for r in p.runs:
        if old in r.text:
            after = copy.deepcopy(p._p)
            p._p.addnext(after)
            for t in after.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
                t.text = t.text.replace(old, added)
            r.text = r.text.replace(old, new)
        if units in r.text:
            r.text = r.text.replace(units, new_units)
d.save(sys.argv[2])
"#;
    let plan = load(&sample("005"));
    let dir = tempfile::tempdir().unwrap();
    let (from, to) = (dir.path().join("005.docx"), dir.path().join("005-sua.docx"));
    std::fs::write(&from, word_file(&plan)).unwrap();
    run(std::process::Command::new("python3")
        .args(["-W", "error", "-c", EDIT])
        .args([from.as_os_str(), to.as_os_str()])
        .args([PARAGRAPH, EDITED, ADDED, UNITS, NEW_UNITS]));
    assert_edits_won(
        &plan.plan,
        &import(&std::fs::read(&to).unwrap(), "005-sua.docx"),
    );
}

/// LibreOffice keeps the part when it saves the file again: the plan
/// comes back whole.
#[test]
fn a_word_file_saved_again_by_libreoffice_comes_back_whole() {
    if !have_tool("soffice") {
        return;
    }
    let office = Office::new();
    let plans: Vec<(String, LoadedPlan)> = sample_paths()
        .iter()
        .map(|path| {
            (
                path.file_stem().unwrap().to_string_lossy().into(),
                load(path),
            )
        })
        .collect();
    let saved = office.convert_to(&office.write(&plans), "docx:MS Word 2007 XML", "saved");
    let mut failures = Vec::new();
    for ((name, plan), file) in plans.iter().zip(&saved) {
        let saved = std::fs::read(file).unwrap_or_else(|e| panic!("{name}: {e}"));
        let imported = import(&saved, name);
        failures.extend(plan_differences(name, &plan.plan, &imported.plan));
    }
    assert!(
        failures.is_empty(),
        "(- sample, + saved by LibreOffice)\n{}",
        failures.join("\n")
    );
}

/// Every string of a plan, for what must not be left in any.
fn strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// The units of the task lines (not the task tables' cells), a list each:
/// `"A"` and `["A"]` print alike.
fn task_line_units(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            if let Some(task) = map.get("task") {
                for field in ["lead", "support"] {
                    out.push(match &task[field] {
                        Value::String(s) => Value::Array(vec![Value::String(s.clone())]),
                        other => other.clone(),
                    });
                }
            }
            map.values().for_each(|v| task_line_units(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| task_line_units(v, out)),
        _ => {}
    }
}

#[test]
fn without_its_part_a_word_file_still_comes_back_as_close_as_its_text_allows() {
    let mut failures = Vec::new();
    for path in sample_paths() {
        let plan = load(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let imported = import(&without_plan_part(&word_file(&plan)), &name);
        let sample_json = std::fs::read_to_string(&path).unwrap();
        failures.extend(shape_differences(&name, &sample_json, &imported.json));
        let (want, got) = (
            serde_json::to_value(&plan.plan).unwrap(),
            serde_json::to_value(&imported.plan).unwrap(),
        );
        let mut texts = Vec::new();
        strings(&got, &mut texts);
        if let Some(text) = texts.iter().find(|t| t.contains("./.")) {
            failures.push(format!("{name}: ./. left in {text:?}"));
        }
        let (mut want_units, mut got_units) = (Vec::new(), Vec::new());
        task_line_units(&want, &mut want_units);
        task_line_units(&got, &mut got_units);
        if want_units != got_units {
            failures.push(format!(
                "{name}: units {want_units:?}\n  read {got_units:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The phụ lục's task table: its `(1) (2) …` row, bold, its TT cell
/// empty, is the number row again, and every task is a task.
#[test]
fn without_its_part_a_task_tables_number_row_is_not_a_task() {
    let plan = load(&sample("005"));
    let imported = import(&without_plan_part(&word_file(&plan)), "005.docx");
    let tables = |plan: &Plan| -> Vec<(bool, usize)> {
        let value = serde_json::to_value(plan).unwrap();
        let mut out = Vec::new();
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Object(map) => {
                    if let Some(t) = map.get("task_table") {
                        out.push((
                            t["number_row"] == true,
                            t["items"].as_array().unwrap().len(),
                        ));
                    }
                    stack.extend(map.values());
                }
                Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
        out
    };
    let want = tables(&plan.plan);
    assert_eq!(want, [(true, 13)]);
    assert_eq!(tables(&imported.plan), want);
}

/// A plan with no closing whose last khoản has a bold title and one
/// paragraph: the paragraph stays the khoản's (the `./.` printed after it
/// not kept), it does not become the closing.
#[test]
fn without_its_part_the_last_khoans_paragraph_stays_in_the_khoan() {
    let mut plan = load(&sample("000"));
    plan.plan.closing.clear();
    let khoan = kehoach::model::Section {
        title: Some("Chế độ báo cáo".into()),
        content: vec![kehoach::model::Block::Paragraph(
            "Các phòng báo cáo kết quả trước ngày 15/11.".into(),
        )],
        ..Default::default()
    };
    let last = plan.plan.sections.last_mut().unwrap();
    *last.sections.last_mut().unwrap() = khoan.clone();
    let imported = import(&without_plan_part(&word_file(&plan)), "khoan.docx");
    assert_eq!(imported.plan.closing, []);
    assert_eq!(
        imported.plan.sections.last().unwrap().sections.last(),
        Some(&khoan)
    );
}

/// A stored plan this version cannot read (damaged, or another version's)
/// is left aside with a note: the text is read as for any Word file.
#[test]
fn a_damaged_part_is_left_aside_and_the_text_read() {
    let plan = load(&sample("004"));
    let bare = import(&without_plan_part(&word_file(&plan)), "004.docx");
    for (from, to, note) in [
        ("</kehoachPlan>", ",</kehoachPlan>", "không đọc được"),
        ("version=\"1\"", "version=\"2\"", "phiên bản khác"),
    ] {
        let bytes = rezip(&word_file(&plan), |name, data| {
            if name != "customXml/item1.xml" {
                return Some(data);
            }
            let xml = String::from_utf8(data).unwrap();
            assert_eq!(xml.matches(from).count(), 1, "{from}");
            Some(xml.replacen(from, to, 1).into_bytes())
        });
        let imported = import(&bytes, "004.docx");
        assert_eq!(imported.plan, bare.plan, "{note}");
        assert!(
            imported.report.notes.iter().any(|n| n.contains(note)),
            "{note}: {:?}",
            imported.report.notes
        );
    }
}

/// The signature and seal are files beside the plan, not its data: a plan
/// that names them comes back naming them, and the report says to put
/// them beside the imported plan.
#[test]
fn a_plan_with_images_comes_back_naming_them() {
    let plan = load(&common::root().join("tests/fixtures/full.json"));
    let imported = import(&word_file(&plan), "full.docx");
    if let Some(diff) = plan_differences("full.docx", &plan.plan, &imported.plan) {
        panic!("(- fixture, + imported)\n{diff}");
    }
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|n| n.contains("chu-ky.png, con-dau.png")),
        "{:?}",
        imported.report.notes
    );
}
