//! The visitor: every string of a plan, at its path, in reading order.

use serde_json::Value;

use super::*;

/// The full fixture, with the shapes it lacks added.
fn full() -> Plan {
    let mut plan: Plan =
        serde_json::from_str(include_str!("../../../tests/fixtures/full.json")).unwrap();
    let text = |s: &str| Block::Paragraph(s.into());
    plan.issuer.parent = Some("UBND TỈNH LẠNG SƠN".into());
    plan.task_labels = Some(TaskLabels {
        lead: Some("Đơn vị chủ trì".into()),
        ..TaskLabels::default()
    });
    plan.sections[0].number = Some("I.".into());
    plan.sections[0].after.push(Block::List(ListBlock {
        list: vec![text("Ý thứ nhất.")],
        marker: Some("+".into()),
    }));
    plan.closing.push(Block::Task(TaskBlock {
        task: Task {
            content: vec![text("Việc.")],
            lead: Some(Units::Many(vec!["Sở A".into(), "Sở B".into()])),
            leader: Some("Phó Giám đốc".into()),
            note: Some("Ghi chú".into()),
            ..Task::default()
        },
    }));
    plan.appendices[0].label = Some("Phụ lục A".into());
    plan.appendices[0].reference = Some(Reference::Text("(Kèm theo Kế hoạch)".into()));
    plan
}

/// Every string of a JSON value with its path, the way serde lays the
/// plan out; only for comparing with the typed walk.
fn json_strings(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::String(_) => out.push(path.to_owned()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                json_strings(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let step = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                json_strings(item, &step, out);
            }
        }
        _ => {}
    }
}

/// Keys under which serde writes enums and widths as strings: they are
/// no `String` of the model.
const CODES: &[&str] = &[
    "urgency",
    "numbering",
    "task_order",
    "field",
    "align",
    "width",
    "prefix",
];

/// The keys whose strings were fixed in the Value walk this replaces.
const FIXED_KEYS: &[&str] = &[
    "issuer", "symbol", "place", "date", "number", "signer", "archive", "marker",
];

fn keys(path: &str) -> Vec<&str> {
    steps(path)
        .into_iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(k),
            Step::Index(_) => None,
        })
        .collect()
}

#[test]
fn every_string_is_visited_once_at_its_serde_path() {
    let plan = full();
    let mut visited = Vec::new();
    plan.visit_strings(&mut |path, role, _| visited.push((path.to_owned(), role)));
    let mut expected = Vec::new();
    json_strings(&serde_json::to_value(&plan).unwrap(), "", &mut expected);
    expected.retain(|p| !keys(p).iter().any(|k| CODES.contains(k)));
    expected.sort();
    let mut paths: Vec<String> = visited.iter().map(|(p, _)| p.clone()).collect();
    paths.sort();
    assert_eq!(paths, expected);
    for (path, role) in &visited {
        let fixed = keys(path).iter().any(|k| FIXED_KEYS.contains(k));
        assert_eq!(*role == Fixed, fixed, "{path}");
    }
    // The fixture reaches the shapes whose paths serde makes its own way.
    for shape in [
        "issuer.parent",
        "task_labels.lead",
        "sections[0].number",
        "sections[0].after[0].marker",
        ".list[0]",
        "closing[0].task.lead[1]",
        ".task.support[1]",
        ".task.note",
        ".table.header_rows[0][2]",
        ".table.rows[1][1]",
        ".task_table.items[0].content[0]",
        "appendices[0].reference",
    ] {
        assert!(paths.iter().any(|p| p.contains(shape)), "{shape}");
    }
}

#[test]
fn strings_come_in_document_order() {
    let mut visited = Vec::new();
    full().visit_strings(&mut |path, _, _| visited.push(path.to_owned()));
    let at = |p: &str| visited.iter().position(|v| v == p).unwrap();
    assert!(at("issuer.name") < at("place"));
    assert!(at("title") < at("sections[0].title"));
    assert!(at("sections[0].title") < at("recipients[0]"));
    assert!(at("recipients[0]") < at("signer.name"));
}

#[test]
fn a_rewrite_reaches_the_field() {
    let mut plan = full();
    plan.visit_strings_mut(&mut |path, _, s| {
        if path == "signer.name" {
            *s = "Nguyễn Văn A".into();
        }
    });
    assert_eq!(plan.signer.name.as_deref(), Some("Nguyễn Văn A"));
}

#[test]
fn paths_split_into_steps() {
    assert_eq!(
        steps("sections[1].content[0].table.rows[2][1]"),
        [
            Step::Key("sections"),
            Step::Index(1),
            Step::Key("content"),
            Step::Index(0),
            Step::Key("table"),
            Step::Key("rows"),
            Step::Index(2),
            Step::Index(1),
        ]
    );
    assert_eq!(steps("place"), [Step::Key("place")]);
}
