//! Batch export for signing: many plans, one process, every core.
//!
//! Inputs are loaded and named first, in input order, so that names and the
//! manifest never depend on which thread finishes first; then the plans are
//! laid out in parallel on one shared [`Engine`] (fonts, library and
//! templates loaded once), typst's memo cache trimmed after each document so
//! memory stays bounded. Each PDF gets an empty signature field over the
//! signer's area and is written atomically.

pub mod manifest;

use std::io::ErrorKind::NotFound;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use typst_pdf::PdfStandard;
use walkdir::WalkDir;

use crate::Engine;
use crate::error::{Error, Result};
use crate::fs::{remove_stale_temporaries, write_atomic};
use crate::load::{self, LoadedPlan};
use crate::signing::naming;

mod export;

use export::{export_one, isolated};
pub use manifest::{Manifest, Row, Status};

/// One plan to export.
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    /// Line `number` (from 1) of JSON Lines read from standard input.
    Line {
        number: usize,
        text: String,
    },
}

impl Input {
    fn source(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Line { number, .. } => format!("stdin:{number}"),
        }
    }
}

pub struct Options {
    pub out_dir: PathBuf,
    pub jobs: usize,
    pub standards: Vec<PdfStandard>,
    pub skip_unchanged: bool,
    /// A plan issued with a decision as two files, the decision and the
    /// attached plan, each signed on its own (`--split`).
    pub split: bool,
    /// A Word file beside each PDF, for comments on the draft (`--docx`).
    pub docx: bool,
}

/// What [`collect_inputs`] found.
#[derive(Debug, Default)]
pub struct Inputs {
    pub plans: Vec<Input>,
    /// Links to a folder that leads back into one being walked: passed
    /// over, since every plan below them is reached without them.
    pub loops: Vec<PathBuf>,
}

/// Files as given, folders as every `*.json` below them (sorted, links
/// followed), and JSON Lines from `stdin` for `-`.
pub fn collect_inputs(args: &[PathBuf], stdin: &mut dyn std::io::Read) -> Result<Inputs> {
    let mut found = Inputs::default();
    for arg in args {
        if arg.as_os_str() == "-" {
            let mut text = String::new();
            stdin
                .read_to_string(&mut text)
                .map_err(|source| Error::Io {
                    path: PathBuf::from("<stdin>"),
                    action: "đọc",
                    source,
                })?;
            for (i, line) in text.lines().enumerate() {
                if !line.trim().is_empty() {
                    found.plans.push(Input::Line {
                        number: i + 1,
                        text: line.to_owned(),
                    });
                }
            }
        } else if arg.is_dir() {
            walk_json(arg, &mut found)?;
        } else {
            found.plans.push(Input::File(arg.clone()));
        }
    }
    Ok(found)
}

/// Sorted by name within each folder, which is the order of the sorted
/// paths, so that names and the manifest never depend on the file system.
fn walk_json(dir: &Path, found: &mut Inputs) -> Result<()> {
    let is_plan = |path: &Path| {
        path.extension().is_some_and(|e| e == "json")
            && path.file_name().is_some_and(|n| n != "manifest.json")
    };
    for entry in WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_file() && is_plan(entry.path()) {
                    found.plans.push(Input::File(entry.into_path()));
                }
            }
            Err(e) if e.loop_ancestor().is_some() => {
                found.loops.extend(e.path().map(Path::to_owned));
            }
            // A dangling link: as a plan, its row says that it is missing.
            Err(e) if e.depth() > 0 && e.io_error().is_some_and(|io| io.kind() == NotFound) => {
                let path = e.path().filter(|p| is_plan(p));
                found.plans.extend(path.map(|p| Input::File(p.to_owned())));
            }
            Err(e) => {
                return Err(Error::Io {
                    path: e.path().unwrap_or(dir).to_owned(),
                    action: "đọc thư mục",
                    source: e.into(),
                });
            }
        }
    }
    Ok(())
}

/// What the first pass learns of an input: its hash and its output name,
/// or why it cannot be loaded. The plan itself is not kept, so that memory
/// does not grow with the number of inputs; the second pass loads it again.
struct Prepared {
    source: String,
    input_sha256: String,
    name: Result<String>,
}

/// Exports every input into `options.out_dir`; `done` is told of each row
/// as it finishes (for a progress bar). Rows come back in input order.
pub fn run(
    engine: &Engine,
    inputs: &[Input],
    options: &Options,
    done: &(dyn Fn(&Row) + Sync),
) -> Result<Manifest> {
    std::fs::create_dir_all(&options.out_dir).map_err(|source| Error::Io {
        path: options.out_dir.clone(),
        action: "tạo thư mục",
        source,
    })?;
    // A folder that takes no files says so now, not after every plan.
    tempfile::Builder::new()
        .prefix(".kehoach-")
        .tempfile_in(&options.out_dir)
        .map_err(|source| Error::Io {
            path: options.out_dir.clone(),
            action: "ghi vào thư mục",
            source,
        })?;
    remove_stale_temporaries(&options.out_dir);
    let previous = options
        .skip_unchanged
        .then(|| std::fs::read_to_string(options.out_dir.join("manifest.json")).ok())
        .flatten()
        .and_then(|t| Manifest::from_json(&t));

    let jobs = options.jobs.max(1);
    let prepared: Vec<Prepared> = parallel_map(inputs, jobs, |_, input| prepare(input));
    let names = naming::unique(
        prepared
            .iter()
            .map(|p| p.name.as_deref().unwrap_or_default().to_owned()),
    );
    // The manifest as it stands, written as rows finish (at most once a
    // second): a run killed half-way leaves what it did, and
    // `--skip-unchanged` starts from there.
    let finished: Mutex<(Vec<Option<Row>>, Instant)> =
        Mutex::new((vec![None; prepared.len()], Instant::now()));
    let rows = parallel_map(&prepared, jobs, |i, item| {
        let export = || {
            export_one(
                engine,
                &inputs[i],
                item,
                &format!("{}.pdf", names[i]),
                options,
                previous.as_ref(),
            )
        };
        let row = isolated(item, export);
        done(&row);
        let mut finished = finished.lock().expect("no panic while holding the lock");
        finished.0[i] = Some(row.clone());
        if finished.1.elapsed() >= Duration::from_secs(1) {
            let so_far = partial(&finished.0, previous.as_ref());
            // A manifest that cannot be written now is written at the end.
            let _ = write_atomic(
                &options.out_dir.join("manifest.json"),
                so_far.to_json().as_bytes(),
            );
            finished.1 = Instant::now();
        }
        drop(finished);
        // Keep memory bounded however many plans go through.
        typst::comemo::evict(10);
        row
    });
    let manifest = Manifest { rows };
    write_atomic(
        &options.out_dir.join("manifest.json"),
        manifest.to_json().as_bytes(),
    )?;
    write_atomic(
        &options.out_dir.join("manifest.csv"),
        manifest.to_csv().as_bytes(),
    )?;
    Ok(manifest)
}

/// The rows finished so far, in input order, and the previous run's rows
/// for the inputs not reached yet.
fn partial(finished: &[Option<Row>], previous: Option<&Manifest>) -> Manifest {
    let mut rows: Vec<Row> = finished.iter().flatten().cloned().collect();
    if let Some(previous) = previous {
        let pending = previous
            .rows
            .iter()
            .filter(|old| !rows.iter().any(|r| r.source == old.source))
            .cloned()
            .collect::<Vec<_>>();
        rows.extend(pending);
    }
    Manifest { rows }
}

/// `f` over `items` on `jobs` threads; results in the items' order.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    f: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(items.len()).max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = f(i, item);
                    results
                        .lock()
                        .expect("no worker panics while holding the lock")[i] = Some(result);
                }
            });
        }
    });
    let results = results.into_inner().expect("the workers are done");
    results
        .into_iter()
        .map(|r| r.expect("every item has a result"))
        .collect()
}

fn prepare(input: &Input) -> Prepared {
    let (bytes, plan) = load_input(input);
    Prepared {
        source: input.source(),
        input_sha256: sha256(&bytes),
        name: plan.map(|p| naming::base_name(&p.plan)),
    }
}

/// The input's bytes (for its hash) and its plan, or the error `render`
/// would give.
fn load_input(input: &Input) -> (Vec<u8>, Result<LoadedPlan>) {
    match input {
        Input::File(path) => match std::fs::read(path) {
            Ok(bytes) => (bytes, load::load_file(path)),
            Err(source) => {
                let e = Error::Io {
                    path: path.clone(),
                    action: "đọc",
                    source,
                };
                (Vec::new(), Err(e))
            }
        },
        Input::Line { text, .. } => {
            let cwd = std::env::current_dir().unwrap_or_default();
            let plan = load::load_str(text, &input.source(), &cwd);
            (text.as_bytes().to_vec(), plan)
        }
    }
}

pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use export::blank_row;

    #[test]
    fn a_partial_manifest_keeps_the_previous_rows_not_yet_redone() {
        let row = |source: &str, status| Row {
            status,
            ..blank_row(&Prepared {
                source: source.into(),
                input_sha256: "0".into(),
                name: Ok(source.into()),
            })
        };
        let previous = Manifest {
            rows: vec![row("a", Status::Ok), row("b", Status::Ok)],
        };
        let finished = vec![
            None,
            Some(row("b", Status::Failed)),
            Some(row("c", Status::Ok)),
        ];
        let rows = partial(&finished, Some(&previous)).rows;
        let got: Vec<(&str, Status)> = rows.iter().map(|r| (r.source.as_str(), r.status)).collect();
        assert_eq!(
            got,
            [("b", Status::Failed), ("c", Status::Ok), ("a", Status::Ok)]
        );
    }
}
