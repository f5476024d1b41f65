//! The JSON Schema in `schema/` is the one the types generate, and the
//! samples are valid plan data that round-trips through the types.

mod common;

use std::collections::{BTreeMap, BTreeSet};

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

/// `docs/plan-data.md` documents every field of every object of the schema,
/// and nothing else: each section whose heading names types in backticks
/// (`## Tables (`Table`, `Column`)`) lists, in its table rows, exactly the
/// union of those types' properties.
#[test]
fn contract_document_matches_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&kehoach::schema::plan_schema_json()).unwrap();
    let properties = |def: &serde_json::Value| -> BTreeSet<String> {
        def["properties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut objects: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    objects.insert("Plan".into(), properties(&schema));
    for (name, def) in schema["$defs"].as_object().unwrap() {
        if def.get("properties").is_some() {
            objects.insert(name.clone(), properties(def));
        }
    }

    let doc = std::fs::read_to_string(root().join("docs/plan-data.md")).unwrap();
    let mut documented: BTreeSet<String> = BTreeSet::new();
    let mut sections: Vec<(Vec<String>, BTreeSet<String>)> = Vec::new();
    for line in doc.lines() {
        if line.starts_with('#') {
            let types: Vec<String> = backticked(line)
                .into_iter()
                .filter(|t| objects.contains_key(t))
                .collect();
            sections.push((types, BTreeSet::new()));
        } else if let Some(field) = line.strip_prefix("| `") {
            let field = field.split('`').next().unwrap().to_owned();
            if let Some((types, fields)) = sections.last_mut()
                && !types.is_empty()
            {
                fields.insert(field);
            }
        }
    }
    for (types, fields) in &sections {
        if types.is_empty() {
            continue;
        }
        let expected: BTreeSet<String> = types.iter().flat_map(|t| objects[t].clone()).collect();
        assert_eq!(
            fields, &expected,
            "docs/plan-data.md, the section on {types:?}: its rows must be the fields of the schema"
        );
        documented.extend(types.iter().cloned());
    }
    let missing: Vec<&String> = objects
        .keys()
        .filter(|t| !documented.contains(*t))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/plan-data.md has no section on {missing:?}"
    );

    // Every value of every enumeration is named in the document.
    for (name, def) in schema["$defs"].as_object().unwrap() {
        for choice in def["oneOf"].as_array().into_iter().flatten() {
            let Some(value) = choice["const"].as_str() else {
                continue;
            };
            assert!(
                doc.contains(&format!("`{value}`")),
                "docs/plan-data.md does not name `{value}` of {name}"
            );
        }
    }
}

/// The document's example is a plan that loads and renders.
#[test]
fn contract_document_example_renders() {
    let doc = std::fs::read_to_string(root().join("docs/plan-data.md")).unwrap();
    let example = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("docs/plan-data.md has a JSON example");
    let pdf = kehoach::export::pdf(&common::compile_str(example), &[]).unwrap();
    let text = common::pdf_text(&pdf);
    assert!(text.contains("Quý II/2026"), "{text}");
}

fn backticked(line: &str) -> Vec<String> {
    line.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}
