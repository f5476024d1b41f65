//! `kehoach schema`: the JSON Schema of plan data on standard output.

pub fn run() -> kehoach::Result<()> {
    print!("{}", kehoach::schema::plan_schema_json());
    Ok(())
}
