//! A plan's structure as comparable lines: the section tree, the tasks,
//! nơi nhận and the signer; for round trips, where two plans should agree.

use serde_json::Value;

use super::words;

/// The section tree as `number title` lines, indented by depth.
fn tree(sections: &Value, depth: usize, out: &mut Vec<String>) {
    for s in sections.as_array().into_iter().flatten() {
        let title = s["title"].as_str().map(words).unwrap_or_default().join(" ");
        let number = s["number"].as_str().unwrap_or("");
        out.push(format!("{}{number} {title}", "  ".repeat(depth)));
        tree(&s["sections"], depth + 1, out);
    }
}

fn tasks(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(task) = map.get("task") {
                let field = |f: &str| match &task[f] {
                    Value::Array(a) => a
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join("; "),
                    v => v.as_str().unwrap_or("").to_owned(),
                };
                out.push(
                    ["lead", "support", "deadline"]
                        .map(|f| words(&field(f)).join(" "))
                        .join(" | "),
                );
            }
            map.values().for_each(|v| tasks(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| tasks(v, out)),
        _ => {}
    }
}

/// What the import and the sample should share, as comparable lines.
pub fn shape(plan: &Value) -> Vec<String> {
    let mut out = Vec::new();
    tree(&plan["sections"], 0, &mut out);
    let mut task_lines = Vec::new();
    tasks(&plan["sections"], &mut task_lines);
    out.extend(task_lines.into_iter().map(|t| format!("task {t}")));
    for r in plan["recipients"].as_array().into_iter().flatten() {
        out.push(format!("nơi nhận {}", words(r.as_str().unwrap()).join(" ")));
    }
    out.push(format!(
        "lưu {}",
        words(plan["archive"].as_str().unwrap_or("")).join(" ")
    ));
    let signer = &plan["signer"];
    for a in signer["authority"].as_array().into_iter().flatten() {
        out.push(format!(
            "ký {} {}",
            a["prefix"].as_str().unwrap(),
            a["of"].as_str().unwrap()
        ));
    }
    out.push(format!("ký {}", signer["title"].as_str().unwrap_or("")));
    out.push(format!("ký {}", signer["name"].as_str().unwrap_or("")));
    out
}

pub fn differences(a: &[String], b: &[String]) -> Vec<String> {
    let mut diff = Vec::new();
    for line in a.iter().filter(|l| !b.contains(l)) {
        diff.push(format!("- {line}"));
    }
    for line in b.iter().filter(|l| !a.contains(l)) {
        diff.push(format!("+ {line}"));
    }
    diff
}

/// How two plans (their JSON) differ in shape, under `name`, as `- ` and
/// `+ ` lines; nothing when they agree.
pub fn shape_differences(name: &str, expected: &str, got: &str) -> Option<String> {
    let parse = |json: &str| -> Value { serde_json::from_str(json).unwrap() };
    let diff = differences(&shape(&parse(expected)), &shape(&parse(got)));
    (!diff.is_empty()).then(|| format!("{name}:\n{}", diff.join("\n")))
}
