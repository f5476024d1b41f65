//! A task table whose columns set no width, as an import leaves it, laid out
//! on a landscape phụ lục: measured on the laid-out pages, the number and
//! note columns are narrow and the task column is the widest; its tasks take
//! fewer lines than with the columns sharing the width equally (what such a
//! table got before); the column-numbering row is part of the head, on
//! every page, and no task. The Word file has the same widths, and its
//! numbering row imports back into the head, however it is printed.

mod common;

use std::io::Read;

use common::{MM, Probe, compile_str, load, sample};
use kehoach::model::Block;
use serde_json::{Value, json};

/// The right edge of a landscape page's text (297 mm less the 15 mm margin).
const RIGHT: f64 = (297.0 - 15.0) * MM;
const ROWS: usize = 24;

/// Sample 004 with a landscape phụ lục holding a task table of `ROWS`
/// tasks; `widths` gives every column that width, or none.
fn plan(widths: Option<f64>) -> Value {
    let mut plan: Value =
        serde_json::from_str(&std::fs::read_to_string(sample("004")).unwrap()).unwrap();
    let column = |field: &str, title: &str| {
        let mut c = json!({ "field": field, "title": title });
        if let Some(w) = widths {
            c["width"] = json!(w);
        }
        c
    };
    let items: Vec<Value> = (1..=ROWS)
        .map(|i| {
            json!({
                "content": [format!(
                    "Nhiệm vụ số {i}: rà soát, sửa đổi, bổ sung các văn bản quy phạm pháp luật \
                     của tỉnh về công tác thi đua, khen thưởng cho phù hợp với quy định mới \
                     của Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành"
                )],
                "lead": "Sở Nội vụ",
                "support": "Các sở, ban, ngành; Ủy ban nhân dân cấp xã",
                "deadline": "Quý II/2026",
                "note": "Mới",
            })
        })
        .collect();
    plan["appendices"] = json!([{
        "title": "DANH MỤC NHIỆM VỤ",
        "landscape": true,
        "content": [{ "task_table": {
            "columns": [
                column("index", "TT"),
                column("content", "Tên nhiệm vụ"),
                column("lead", "Cơ quan chủ trì"),
                column("support", "Cơ quan phối hợp"),
                column("deadline", "Thời gian hoàn thành"),
                column("note", "Ghi chú"),
            ],
            "number_row": true,
            "items": items,
        }}],
    }]);
    plan
}

/// The laid-out table: its columns' widths in millimetres, measured from
/// where the first task row's cells start, and the number of lines the
/// task column takes over the whole table.
struct Measured {
    widths: Vec<f64>,
    task_lines: usize,
    probe: Probe,
    first_page: usize,
}

fn measure(plan: &Value) -> Measured {
    let probe = Probe::new(&compile_str(&plan.to_string()));
    let start = probe
        .runs
        .iter()
        .find(|r| r.text.starts_with("Nhiệm vụ số 1:"))
        .expect("the first task")
        .clone();
    let first_page = start.page;
    let left_of = |text: &str| {
        probe
            .page_runs(first_page)
            .filter(|r| r.text.starts_with(text) && (r.baseline - start.baseline).abs() < 1.0)
            .map(|r| r.x)
            .fold(f64::INFINITY, f64::min)
    };
    let index = probe
        .page_runs(first_page)
        .filter(|r| r.text.trim() == "1" && (r.baseline - start.baseline).abs() < 1.0)
        .map(|r| r.x)
        .fold(f64::INFINITY, f64::min);
    let lefts = [
        index,
        start.x,
        left_of("Sở"),
        left_of("Các sở"),
        left_of("Quý"),
        left_of("Mới"),
    ];
    assert!(lefts.iter().all(|x| x.is_finite()), "{lefts:?}");
    // Each cell's text starts one inset (4 pt) right of its column's edge.
    let inset = 4.0;
    let mut edges: Vec<f64> = lefts.iter().map(|x| x - inset).collect();
    edges.push(RIGHT);
    let widths = edges.windows(2).map(|w| (w[1] - w[0]) / MM).collect();
    let task_lines = probe
        .runs
        .iter()
        .filter(|r| r.page >= first_page && (r.x - start.x).abs() < 0.5 && r.size < 13.5)
        .map(|r| (r.page, (r.baseline * 10.0).round() as i64))
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    Measured {
        widths,
        task_lines,
        probe,
        first_page,
    }
}

#[test]
fn a_task_table_without_widths_gets_them_from_its_content() {
    let fitted = measure(&plan(None));
    let w = &fitted.widths;
    let [tt, task, lead, support, deadline, note] = w[..] else {
        panic!("{w:?}")
    };
    assert!(tt < 15.0, "TT {tt:.1} mm of {w:.1?}");
    assert!(note < 22.0, "Ghi chú {note:.1} mm of {w:.1?}");
    for other in [tt, lead, support, deadline, note] {
        assert!(
            task > 1.5 * other,
            "the task column {task:.1} mm of {w:.1?}"
        );
    }
    // The columns fill the line as before.
    assert!((w.iter().sum::<f64>() - 252.0).abs() < 1.0, "{w:.1?}");

    let even = measure(&plan(Some(1.0)));
    assert!(
        (even.widths[1] - 252.0 / 6.0).abs() < 1.0,
        "equal shares: {:.1?}",
        even.widths
    );
    assert!(
        fitted.task_lines * 2 <= even.task_lines,
        "the tasks take {} lines, {} with equal columns",
        fitted.task_lines,
        even.task_lines
    );
}

#[test]
fn the_column_numbering_row_heads_every_page_of_the_table() {
    let fitted = measure(&plan(None));
    let probe = &fitted.probe;
    let last = probe.pages.len() - 1;
    assert!(
        last > fitted.first_page,
        "the table runs onto a second page"
    );
    for page in fitted.first_page..=last {
        let texts: Vec<&str> = probe.page_runs(page).map(|r| r.text.trim()).collect();
        for cell in ["TT", "(1)", "(5)"] {
            assert!(texts.contains(&cell), "p{}: no {cell}", page + 1);
        }
        // The numbering row is no task: under `(1)` comes the head's end,
        // not a running number of its own.
        let numbers: Vec<&str> = probe
            .page_runs(page)
            .filter(|r| r.text.trim().parse::<usize>().is_ok() && r.baseline > 25.0 * MM)
            .map(|r| r.text.trim())
            .collect();
        assert!(
            numbers.iter().all(|n| n.parse::<usize>().unwrap() <= ROWS),
            "p{}: {numbers:?}",
            page + 1
        );
    }
    let rows: usize = (fitted.first_page..=last)
        .map(|p| {
            probe
                .page_runs(p)
                .filter(|r| r.text.starts_with("Nhiệm vụ số"))
                .count()
        })
        .sum();
    assert_eq!(rows, ROWS, "every task once, the numbering row none");
}

/// The plan's Word file, as `render --docx` writes it.
fn word_file(plan: &Value, name: &str) -> Vec<u8> {
    let dir = std::env::temp_dir().join(format!("kehoach-tables-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.json");
    std::fs::write(&path, plan.to_string()).unwrap();
    let bytes = kehoach::docx::docx(&load(&path), kehoach::view::Part::All).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    bytes
}

#[test]
fn the_word_file_gets_the_same_widths() {
    let bytes = word_file(&plan(None), "widths");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    // The task table is the one ruled table of six columns.
    let grid = xml
        .split("<w:tblGrid>")
        .skip(1)
        .map(|g| g.split("</w:tblGrid>").next().unwrap())
        .map(|g| {
            g.split("w:w=\"")
                .skip(1)
                .map(|v| v.split('"').next().unwrap().parse::<f64>().unwrap() / 1440.0 * 25.4)
                .collect::<Vec<f64>>()
        })
        .find(|cols| cols.len() == 6)
        .expect("a table of six columns");
    let pdf = measure(&plan(None)).widths;
    for (word, laid) in grid.iter().zip(&pdf) {
        assert!((word - laid).abs() < 1.0, "Word {grid:.1?}, PDF {pdf:.1?}");
    }
}

/// The task table of the plan imported from `plan`'s Word file.
fn imported_table(plan: &Value, name: &str) -> (kehoach::model::TaskTable, bool) {
    let imported =
        kehoach::import::import_bytes(&word_file(plan, name), "docx", "phu-luc.docx").unwrap();
    let appendix = &imported.plan.appendices[0];
    let Some(Block::TaskTable(t)) = appendix.content.first() else {
        panic!("no task table: {:?}", appendix.content.first());
    };
    (t.task_table.clone(), appendix.landscape)
}

/// The tasks read back, as their first paragraphs.
fn contents(table: &kehoach::model::TaskTable) -> Vec<String> {
    table
        .items
        .iter()
        .map(|t| match t.content.first() {
            Some(Block::Paragraph(p)) => p.clone(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn a_numbering_row_in_a_word_file_imports_into_the_head() {
    let original = plan(None);
    let (table, landscape) = imported_table(&original, "number-row");
    assert!(landscape, "the phụ lục is landscape again");
    assert!(table.number_row, "the (1) (2) … row under TT's empty cell");
    assert!(table.header_rows.is_empty(), "{:?}", table.header_rows);
    let tasks = contents(&table);
    assert_eq!(tasks.len(), ROWS, "{:?}", &tasks[..3]);
    assert!(tasks[0].starts_with("Nhiệm vụ số 1:"), "{}", tasks[0]);
    assert!(table.columns.iter().all(|c| c.width.is_none()));

    // A phụ lục that numbers every column, TT too, in plain digits, as
    // many real plans print it: the row is kept as printed, in the head.
    let mut numbered = original;
    let t = &mut numbered["appendices"][0]["content"][0]["task_table"];
    t["number_row"] = json!(false);
    t["header_rows"] = json!([["1", "2", "3", "4", "5", "6"]]);
    let (table, _) = imported_table(&numbered, "header-rows");
    assert!(!table.number_row);
    assert_eq!(table.header_rows, [["1", "2", "3", "4", "5", "6"]]);
    assert_eq!(contents(&table).len(), ROWS);
    // And it prints in the head of every page again.
    let probe = Probe::new(&compile_str(&numbered.to_string()));
    let pages: std::collections::BTreeSet<usize> = probe
        .runs
        .iter()
        .filter(|r| r.text.starts_with("Nhiệm vụ số"))
        .map(|r| r.page)
        .collect();
    // The head's `6` stands over the Ghi chú column, whose cells say `Mới`.
    for page in pages {
        let sixes = probe
            .page_runs(page)
            .filter(|r| r.text.trim() == "6" && r.x > 260.0 * MM)
            .count();
        assert_eq!(sixes, 1, "p{}: the head's 6", page + 1);
    }
}
