//! Real documents of other bodies — the corpus of plans and the five seed
//! plans the samples transcribe — are not part of this repository: they
//! live in the project's shared folder beside it (`../shared/corpus`,
//! `../shared/seeds`), or wherever `KEHOACH_CORPUS` / `KEHOACH_SEEDS`
//! point. A test that measures against them says it was skipped when they
//! are absent; under `CI=true` their absence is a failure (`.ci/run` names
//! both folders).

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use super::root;

/// The corpus of real plans (its `more/` folder included), if present.
pub fn corpus_dir() -> Option<PathBuf> {
    shared_dir("KEHOACH_CORPUS", "corpus")
}

/// The seed plans' extracted texts, if present.
pub fn seeds_dir() -> Option<PathBuf> {
    shared_dir("KEHOACH_SEEDS", "seeds")
}

/// A seed plan's extracted text by the number its file name starts with,
/// if the seeds are present.
pub fn seed(prefix: &str) -> Option<PathBuf> {
    let dir = seeds_dir()?;
    let found = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix));
    Some(found.unwrap_or_else(|| panic!("no seed {prefix} in {}", dir.display())))
}

fn shared_dir(variable: &str, name: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os(variable) {
        Some(dir) => PathBuf::from(dir),
        None => root().join("..").join("shared").join(name),
    };
    if dir.is_dir() {
        return Some(dir);
    }
    let why = format!(
        "{} is not there (set {variable} to the folder of the shared {name})",
        dir.display()
    );
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{why}: under CI=true it is required");
    }
    // Said once a test binary, past the test harness's capture of
    // `eprintln!`, so that a plain `cargo test` shows what it did not run.
    static SAID: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
    if !said.contains(&why) {
        let _ = writeln!(std::io::stderr(), "skipped: {why}");
        said.push(why);
    }
    None
}
