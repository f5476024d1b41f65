//! The JSON Schema of plan data, generated from [`crate::model`] and
//! committed as `schema/kehoach.schema.json` (a test keeps it in sync).

use crate::model::Plan;

/// The schema as pretty JSON, with a trailing newline.
pub fn plan_schema_json() -> String {
    let schema = schemars::schema_for!(Plan);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}
