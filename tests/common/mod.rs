//! Shared test helpers: one engine per test binary, the samples, and a probe
//! that reads the laid-out document (typst's frames) into positioned text
//! runs and rules, in points from the page's top-left corner.
#![allow(dead_code)]

pub mod docx_zip;
pub mod office;
pub mod shape;
pub mod shapes;
pub mod shared;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kehoach::load::{self, LoadedPlan};
use kehoach::{Compiled, Engine, FontOptions, Templates};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::visualize::Geometry;

pub const MM: f64 = 72.0 / 25.4;

/// The engine of the tests: embedded fonts only, so that results do not
/// depend on the fonts of the machine.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&FontOptions::default(), Templates::embedded()))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert_eq!(
        paths.len(),
        6,
        "samples/ holds the five seed plans and one decision with its plan"
    );
    paths
}

/// The samples that are plans on their own, not attached to a decision:
/// what the probes of a standalone KẾ HOẠCH measure.
pub fn standalone_sample_paths() -> Vec<PathBuf> {
    sample_paths()
        .into_iter()
        .filter(|p| load(p).plan.decision.is_none())
        .collect()
}

pub fn sample(prefix: &str) -> PathBuf {
    sample_paths()
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no sample {prefix}"))
}

pub fn load(path: &Path) -> LoadedPlan {
    load::load_file(path).unwrap_or_else(|e| panic!("{e}"))
}

pub fn compile(path: &Path) -> Compiled {
    engine()
        .compile(&load(path))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn compile_str(json: &str) -> Compiled {
    let plan = load::load_str(json, "test.json", &root()).unwrap_or_else(|e| panic!("{e}"));
    engine().compile(&plan).unwrap_or_else(|e| panic!("{e}"))
}

/// A big plan as the web form may get one: sample 004 with the
/// subsections of its section II repeated `copies` times (each copy about
/// ten pages). Also used by `benches/serve.rs`.
pub fn big_plan(copies: usize) -> serde_json::Value {
    let text = std::fs::read_to_string(sample("004")).unwrap();
    let mut plan: serde_json::Value = serde_json::from_str(&text).unwrap();
    let subsections = plan["sections"][1]["sections"].as_array_mut().unwrap();
    let once = subsections.clone();
    for _ in 1..copies {
        subsections.extend(once.iter().cloned());
    }
    plan
}

/// `text` longer by `n` clauses of about a line each.
pub fn grown(text: &str, n: usize) -> String {
    let mut text = text.trim_end_matches('.').to_owned();
    for _ in 0..n {
        text.push_str(", đồng thời báo cáo kết quả về Văn phòng Sở theo định kỳ hằng quý");
    }
    text + "."
}

/// Sample 004 (as JSON) with its last paragraph longer by about `n` lines,
/// so that a page break falls once on every line near the end.
pub fn grow_last_paragraph_of_004(plan: &mut serde_json::Value, n: usize) {
    let last = plan["sections"]
        .as_array_mut()
        .and_then(|s| s.last_mut())
        .and_then(|s| s["sections"].as_array_mut()?.last_mut())
        .and_then(|s| s["sections"].as_array_mut()?.last_mut())
        .and_then(|s| s["content"].as_array_mut()?.last_mut())
        .unwrap();
    *last = grown(last.as_str().unwrap(), n).into();
}

/// A run of text as laid out: baseline position, width, size and style.
#[derive(Debug, Clone)]
pub struct Run {
    pub page: usize,
    pub x: f64,
    pub baseline: f64,
    pub width: f64,
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    pub text: String,
}

impl Run {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
    pub fn centre(&self) -> f64 {
        self.x + self.width / 2.0
    }
}

/// A straight horizontal rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub page: usize,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
}

impl Rule {
    pub fn length(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// A visual line: runs on one baseline, close together, joined.
#[derive(Debug, Clone)]
pub struct Line {
    pub page: usize,
    pub x: f64,
    pub right: f64,
    pub baseline: f64,
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    pub text: String,
}

impl Line {
    pub fn width(&self) -> f64 {
        self.right - self.x
    }
    pub fn centre(&self) -> f64 {
        (self.x + self.right) / 2.0
    }
}

/// A placed image or a stroked rectangle, in points.
#[derive(Debug, Clone)]
pub struct Area {
    pub page: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Area {
    pub fn centre_x(&self) -> f64 {
        self.x + self.w / 2.0
    }
}

pub struct Probe {
    pub runs: Vec<Run>,
    pub rules: Vec<Rule>,
    pub images: Vec<Area>,
    pub boxes: Vec<Area>,
    /// Page sizes in points (width, height).
    pub pages: Vec<(f64, f64)>,
}

impl Probe {
    pub fn new(compiled: &Compiled) -> Probe {
        let mut probe = Probe {
            runs: Vec::new(),
            rules: Vec::new(),
            images: Vec::new(),
            boxes: Vec::new(),
            pages: Vec::new(),
        };
        for (i, page) in compiled.document.pages().iter().enumerate() {
            let size = page.frame.size();
            probe.pages.push((size.x.to_pt(), size.y.to_pt()));
            probe.walk(i, &page.frame, Transform::identity());
        }
        probe
    }

    fn walk(&mut self, page: usize, frame: &Frame, ts: Transform) {
        for (pos, item) in frame.items() {
            let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
            match item {
                FrameItem::Group(g) => self.walk(page, &g.frame, here.pre_concat(g.transform)),
                FrameItem::Text(t) => {
                    let origin = Point::zero().transform(here);
                    let variant = t.font.font().info().variant;
                    // A line's trailing space is part of its run; it is not ink.
                    let ink = t.text.trim_end().len();
                    let advance: f64 = t
                        .glyphs
                        .iter()
                        .filter(|g| g.range().start < ink)
                        .map(|g| g.x_advance.at(t.size).to_pt())
                        .sum();
                    self.runs.push(Run {
                        page,
                        x: origin.x.to_pt(),
                        baseline: origin.y.to_pt(),
                        width: advance * here.sx.get(),
                        size: t.size.to_pt() * here.sy.get(),
                        bold: variant.weight.to_number() >= 600,
                        italic: variant.style != typst::text::FontStyle::Normal,
                        text: t.text.to_string(),
                    });
                }
                FrameItem::Image(_, size, _) => {
                    let o = Point::zero().transform(here);
                    let (x, y) = (o.x.to_pt(), o.y.to_pt());
                    self.images.push(Area {
                        page,
                        x,
                        y,
                        w: size.x.to_pt(),
                        h: size.y.to_pt(),
                    });
                }
                FrameItem::Shape(shape, _) => {
                    if let (Geometry::Rect(size), Some(_)) = (&shape.geometry, &shape.stroke) {
                        let o = Point::zero().transform(here);
                        let (x, y) = (o.x.to_pt(), o.y.to_pt());
                        self.boxes.push(Area {
                            page,
                            x,
                            y,
                            w: size.x.to_pt(),
                            h: size.y.to_pt(),
                        });
                    }
                    if let Geometry::Line(to) = shape.geometry {
                        let a = Point::zero().transform(here);
                        let b = to.transform(here);
                        if (a.y - b.y).to_pt().abs() < 0.01 {
                            let (x0, x1) =
                                (a.x.to_pt().min(b.x.to_pt()), a.x.to_pt().max(b.x.to_pt()));
                            self.rules.push(Rule {
                                page,
                                x0,
                                x1,
                                y: a.y.to_pt(),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
    }

    pub fn page_runs(&self, page: usize) -> impl Iterator<Item = &Run> {
        self.runs.iter().filter(move |r| r.page == page)
    }

    /// Visual lines of a page, top to bottom, left to right. Runs farther
    /// apart than `gap` points on one baseline are separate lines (the two
    /// header columns).
    pub fn lines(&self, page: usize, gap: f64) -> Vec<Line> {
        let mut runs: Vec<&Run> = self.page_runs(page).collect();
        runs.sort_by(|a, b| (a.baseline, a.x).partial_cmp(&(b.baseline, b.x)).unwrap());
        let mut lines: Vec<Line> = Vec::new();
        for r in runs {
            let joins = lines.last().is_some_and(|last| {
                (last.baseline - r.baseline).abs() < 0.6 && r.x - last.right < gap && r.x >= last.x
            });
            if let (true, Some(last)) = (joins, lines.last_mut()) {
                if r.x - last.right > 0.15 * r.size && !last.text.ends_with(' ') {
                    last.text.push(' ');
                }
                last.text.push_str(&r.text);
                last.right = last.right.max(r.right());
                last.bold &= r.bold;
                last.italic &= r.italic;
                last.size = last.size.max(r.size);
                continue;
            }
            lines.push(Line {
                page,
                x: r.x,
                right: r.right(),
                baseline: r.baseline,
                size: r.size,
                bold: r.bold,
                italic: r.italic,
                text: r.text.clone(),
            });
        }
        for l in &mut lines {
            l.text = l.text.trim().to_owned();
        }
        lines
    }

    /// All lines of the document but the page numbers, in reading order.
    pub fn all_lines(&self) -> Vec<Line> {
        (0..self.pages.len())
            .flat_map(|p| self.lines(p, 40.0))
            .filter(|l| !(l.baseline < 20.0 * MM && l.text.chars().all(|c| c.is_ascii_digit())))
            .collect()
    }

    /// The first line on a page whose text contains `needle`.
    pub fn line(&self, page: usize, needle: &str) -> Line {
        self.lines(page, 40.0)
            .into_iter()
            .find(|l| l.text.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} on page {}", page + 1))
    }

    /// The rule nearest below a line, within `max` points.
    pub fn rule_below(&self, line: &Line, max: f64) -> Option<Rule> {
        self.rules
            .iter()
            .filter(|r| r.page == line.page && r.y > line.baseline && r.y - line.baseline < max)
            .filter(|r| r.x1 > line.x && r.x0 < line.right)
            .min_by(|a, b| a.y.partial_cmp(&b.y).unwrap())
            .cloned()
    }
}

/// The words of a text: maximal runs of letters and digits, NFC.
pub fn words(text: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let text: String = text.nfc().collect();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An imported plan rendered to PDF, after checking that its JSON file
/// reads back as the same plan.
pub fn pdf_of(imported: &kehoach::import::Imported) -> Vec<u8> {
    let plan = load::load_str(&imported.json, "nhap.json", &root()).unwrap();
    assert_eq!(plan.plan, imported.plan, "the file reads back as the plan");
    let compiled = engine().compile(&plan).unwrap();
    kehoach::export::pdf(&compiled, &[]).unwrap()
}

/// The share of `wanted`'s items (with their counts) that `have` holds.
pub fn coverage<T: std::hash::Hash + Eq + Clone>(wanted: &[T], have: &[T]) -> f64 {
    let mut counts: std::collections::HashMap<T, usize> = std::collections::HashMap::new();
    for h in have {
        *counts.entry(h.clone()).or_default() += 1;
    }
    let found = wanted
        .iter()
        .filter(|w| {
            counts.get_mut(*w).is_some_and(|n| {
                let left = *n > 0;
                *n = n.saturating_sub(1);
                left
            })
        })
        .count();
    found as f64 / wanted.len().max(1) as f64
}

/// The text of a PDF, extracted with lopdf from its content streams.
pub fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("extractable text")
}

/// Whether an external tool is there; under CI it must be.
pub fn have_tool(name: &str) -> bool {
    let found = std::process::Command::new(name)
        .arg("--version")
        .output()
        .is_ok()
        || std::process::Command::new(name).arg("-v").output().is_ok();
    if !found && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{name} is required under CI=true (.ci/run installs it)");
    }
    if !found {
        eprintln!("skipped: {name} is not installed");
    }
    found
}

/// Whether python-docx is there; under CI it must be.
pub fn have_python_docx() -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("python-docx is required under CI=true (.ci/run installs it)");
    }
    if !found {
        eprintln!("skipped: python-docx is not installed");
    }
    found
}

/// Runs an external tool; its standard output, after asserting it succeeded.
pub fn tool_output(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let stdout = run(std::process::Command::new(tool).args(args));
    String::from_utf8_lossy(&stdout).into_owned()
}

/// Runs a command; its standard output, after asserting it succeeded.
pub fn run(command: &mut std::process::Command) -> Vec<u8> {
    let out = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{command:?}: {stderr}");
    out.stdout
}
