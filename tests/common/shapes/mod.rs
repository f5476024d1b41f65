//! A shape generator that measures the importer (issue 23): plans made from
//! the model, varied along the axes real plans vary on (`generate`), each
//! presented in every shape the importer reads — kehoach's own PDF and Word
//! file, `pdftotext -layout`-style text, one line a field, a legal portal's
//! Markdown, OCR-spaced text (`present`) — imported, and compared field by
//! field (`compare`), into a table by axis value × shape (`report`).
//!
//! No corpus gives this variety; the importer was fitted to the few files
//! it has seen. Used by `tests/import_shapes.rs` (a sample, with the
//! issue's targets) and `benches/shapes.rs` (the whole run).

pub mod compare;
mod document;
pub mod generate;
mod pools;
mod present;
mod print;
pub mod report;
mod rng;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use kehoach::import::import_bytes;
use kehoach::load::{self, LoadedPlan};
use kehoach::model::Plan;

use compare::{Field, Invented, Regions};
use generate::Case;
use print::Print;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
    Pdf,
    Docx,
    Layout,
    Lines,
    Markdown,
    Ocr,
}

impl Shape {
    pub const ALL: [Shape; 6] = [
        Shape::Pdf,
        Shape::Docx,
        Shape::Layout,
        Shape::Lines,
        Shape::Markdown,
        Shape::Ocr,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Pdf => "pdf",
            Shape::Docx => "docx",
            Shape::Layout => "pdftotext",
            Shape::Lines => "one a line",
            Shape::Markdown => "markdown",
            Shape::Ocr => "ocr",
        }
    }

    /// The kind the importer reads it as.
    pub fn extension(self) -> &'static str {
        match self {
            Shape::Pdf => "pdf",
            Shape::Docx => "docx",
            Shape::Markdown => "md",
            Shape::Layout | Shape::Lines | Shape::Ocr => "txt",
        }
    }
}

/// A generated plan, loaded as `render` loads it, with its presented files.
pub struct Prepared {
    pub case: Case,
    pub loaded: LoadedPlan,
    pub regions: Regions,
    pub files: Vec<(Shape, Vec<u8>)>,
}

pub fn prepare(seed: u64, index: usize) -> Prepared {
    let case = generate::case(seed, index);
    let json = serde_json::to_string_pretty(&case.plan).expect("a plan serialises");
    let loaded = load::load_str(&json, "generated.json", &super::root())
        .unwrap_or_else(|e| panic!("generated plan #{index} does not load: {e}\n{json}"));
    let plain = document::document(&loaded.plan, &Print::plain());
    let printed = document::document(&loaded.plan, &case.print);
    let ocr = present::ocr(&printed, &case.print);
    let regions = Regions::of([&plain[..], &printed[..], &ocr[..]]);
    let compiled = super::engine()
        .compile(&loaded)
        .unwrap_or_else(|e| panic!("generated plan #{index} does not render: {e}"));
    let pdf = kehoach::export::pdf(&compiled, &[]).expect("a PDF");
    // Its text alone: with the plan it stores, the file would come back
    // whole and measure nothing of the reader.
    let docx = super::docx_zip::without_plan_part(
        &kehoach::docx::docx(&loaded, Default::default()).expect("a Word file"),
    );
    let files = vec![
        (Shape::Pdf, pdf),
        (Shape::Docx, docx),
        (
            Shape::Layout,
            present::layout(&printed, &case.print).into_bytes(),
        ),
        (
            Shape::Lines,
            present::lines(&printed, &case.print).into_bytes(),
        ),
        (
            Shape::Markdown,
            present::markdown(&printed, &case.print).into_bytes(),
        ),
        (Shape::Ocr, present::layout(&ocr, &case.print).into_bytes()),
    ];
    Prepared {
        case,
        loaded,
        regions,
        files,
    }
}

pub enum Outcome {
    Imported {
        fields: Vec<Field>,
        invented: Vec<Invented>,
    },
    Refused {
        reason: String,
        fields: Vec<Field>,
    },
}

impl Outcome {
    pub fn fields(&self) -> &[Field] {
        match self {
            Outcome::Imported { fields, .. } | Outcome::Refused { fields, .. } => fields,
        }
    }
}

/// The import of one file: the plan, or why not (an error, or a panic,
/// which is a refusal too).
pub fn import(shape: Shape, bytes: &[u8]) -> Result<Plan, String> {
    let name = format!("generated.{}", shape.extension());
    match catch_unwind(AssertUnwindSafe(|| {
        import_bytes(bytes, shape.extension(), &name)
    })) {
        Ok(Ok(imported)) => Ok(imported.plan),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => Err(format!(
            "panic: {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("?")
        )),
    }
}

pub struct PlanRun {
    pub index: usize,
    pub axes: Vec<(&'static str, String)>,
    pub outcomes: Vec<(Shape, Outcome, Duration)>,
}

pub fn run_plan(seed: u64, index: usize) -> PlanRun {
    let prepared = prepare(seed, index);
    let expected = &prepared.loaded.plan;
    let outcomes = prepared
        .files
        .iter()
        .map(|(shape, bytes)| {
            let start = Instant::now();
            let imported = import(*shape, bytes);
            let took = start.elapsed();
            let outcome = match imported {
                Ok(got) => Outcome::Imported {
                    fields: compare::fields(expected, Some(&got)),
                    invented: compare::invented(expected, &got, &prepared.regions),
                },
                Err(reason) => Outcome::Refused {
                    reason,
                    fields: compare::fields(expected, None),
                },
            };
            (*shape, outcome, took)
        })
        .collect();
    // Typst's memo cache would otherwise grow with every plan.
    typst::comemo::evict(10);
    PlanRun {
        index,
        axes: prepared.case.axes,
        outcomes,
    }
}

/// Plans `0..count` of the run seeded `seed`, on every core, tallied in
/// the order of their index whichever thread made them.
pub fn run(count: usize, seed: u64, progress: bool) -> report::Tally {
    let next = AtomicUsize::new(0);
    let runs: Mutex<Vec<Option<PlanRun>>> = Mutex::new((0..count).map(|_| None).collect());
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(count.max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    let run = run_plan(seed, i);
                    runs.lock().unwrap()[i] = Some(run);
                    if progress && (i + 1) % 100 == 0 {
                        eprintln!("shapes: {} of {count} plans", i + 1);
                    }
                }
            });
        }
    });
    let mut tally = report::Tally::default();
    for run in runs.into_inner().unwrap().into_iter().flatten() {
        tally.add(&run);
    }
    tally
}

/// Writes plan `index`'s generated JSON, its axis values, its six presented files and what
/// each imports into (or why it was refused) to `dir`, for an importer
/// engineer to look at.
pub fn dump(seed: u64, index: usize, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let prepared = prepare(seed, index);
    let json = serde_json::to_string_pretty(&prepared.loaded.plan).unwrap();
    std::fs::write(dir.join(format!("{index}.json")), json).unwrap();
    let axes: String = prepared
        .case
        .axes
        .iter()
        .map(|(a, v)| format!("{a} = {v}\n"))
        .collect();
    std::fs::write(dir.join(format!("{index}.axes.txt")), axes).unwrap();
    for (shape, bytes) in &prepared.files {
        let stem = format!("{index}.{}", shape.name().replace(' ', "-"));
        std::fs::write(dir.join(format!("{stem}.{}", shape.extension())), bytes).unwrap();
        let imported = match import(*shape, bytes) {
            Ok(plan) => serde_json::to_string_pretty(&plan).unwrap(),
            Err(reason) => reason,
        };
        std::fs::write(dir.join(format!("{stem}.imported.json")), imported).unwrap();
    }
}

/// The count and seed a run takes from `KEHOACH_SHAPES_PLANS` and
/// `KEHOACH_SHAPES_SEED`, or the defaults given.
pub fn settings(plans: usize, seed: u64) -> (usize, u64) {
    let var = |name: &str| std::env::var(name).ok().and_then(|v| v.parse().ok());
    (
        var("KEHOACH_SHAPES_PLANS").map_or(plans, |v: u64| v as usize),
        var("KEHOACH_SHAPES_SEED").unwrap_or(seed),
    )
}
