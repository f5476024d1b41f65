//! The JSON Schema in `schema/` is the one the types generate, and the
//! samples are valid plan data that round-trips through the types.

mod common;

use common::{root, sample_paths};

#[test]
fn committed_schema_matches_the_types() {
    let path = root().join("schema/kehoach.schema.json");
    let generated = kehoach::schema::plan_schema_json();
    if std::env::var("KEHOACH_BLESS").is_ok() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/kehoach.schema.json is out of date: run `KEHOACH_BLESS=1 cargo test --test schema`"
    );
}

#[test]
fn schema_speaks_vietnamese() {
    let schema: serde_json::Value =
        serde_json::from_str(&kehoach::schema::plan_schema_json()).unwrap();
    assert_eq!(schema["title"], "Kế hoạch");
    assert_eq!(schema["properties"]["recipients"]["title"], "Nơi nhận");
    assert_eq!(
        schema["additionalProperties"], false,
        "unknown fields are refused"
    );
}

#[test]
fn samples_round_trip_through_the_types() {
    for path in sample_paths() {
        let text = std::fs::read_to_string(&path).unwrap();
        let plan: kehoach::model::Plan = serde_json::from_str(&text).unwrap();
        let again: kehoach::model::Plan =
            serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
        assert_eq!(plan, again, "{}", path.display());
    }
}
