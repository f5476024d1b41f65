//! The prose of a plan: every text field with its JSON path, for the
//! passes that read or rewrite words (rollover, check).

use serde_json::Value;

/// Fields that are not prose: names, codes, dates and layout settings.
pub const FIXED: &[&str] = &[
    "issuer",
    "symbol",
    "place",
    "date",
    "year",
    "number",
    "signer",
    "archive",
    "urgency",
    "numbering",
    "marker",
    "field",
    "align",
    "width",
    "task_order",
    "landscape",
];

/// Calls `f` with the JSON path of every prose string, in document order;
/// the fields in [`FIXED`] are passed over.
pub fn visit_strings(value: &mut Value, path: &mut String, f: &mut dyn FnMut(&str, &mut String)) {
    let enter =
        |path: &mut String, step: &str, item: &mut Value, f: &mut dyn FnMut(&str, &mut String)| {
            let len = path.len();
            path.push_str(step);
            visit_strings(item, path, f);
            path.truncate(len);
        };
    match value {
        Value::String(s) => f(path, s),
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                enter(path, &format!("[{i}]"), item, f);
            }
        }
        Value::Object(map) => {
            for (key, item) in map.iter_mut().filter(|(k, _)| !FIXED.contains(&k.as_str())) {
                let step = if path.is_empty() {
                    key.clone()
                } else {
                    format!(".{key}")
                };
                enter(path, &step, item, f);
            }
        }
        _ => {}
    }
}

/// Every prose string of a value with its path.
pub fn strings(value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    visit_strings(&mut value.clone(), &mut String::new(), &mut |path, s| {
        out.push((path.to_owned(), s.clone()))
    });
    out
}
