//! The tally of a run and its table: % of fields right by axis value ×
//! shape, with the plans and invented fields of each cell, the overall
//! figure, the worst cells with their typical failures, and the first
//! failing examples of every cell, for whoever fixes the importer.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

use super::{Outcome, PlanRun, Shape};

/// Failing fields shown per cell, an example each.
const EXAMPLES: usize = 3;

#[derive(Default)]
pub struct Cell {
    pub plans: usize,
    pub fields: usize,
    pub right: usize,
    pub invented: usize,
    pub refused: usize,
    /// Wrong fields by name: how often, and the first time.
    failures: BTreeMap<&'static str, (usize, String)>,
    /// The first refusal.
    refusal: Option<String>,
}

impl Cell {
    pub fn percent(&self) -> f64 {
        100.0 * self.right as f64 / self.fields.max(1) as f64
    }

    fn add(&mut self, index: usize, outcome: &Outcome) {
        self.plans += 1;
        let fields = outcome.fields();
        self.fields += fields.len();
        self.right += fields.iter().filter(|f| f.right()).count();
        match outcome {
            Outcome::Refused { reason, .. } => {
                self.refused += 1;
                self.refusal
                    .get_or_insert_with(|| format!("#{index} refused: {}", cut(reason)));
            }
            Outcome::Imported { fields, invented } => {
                self.invented += invented.len();
                for f in fields.iter().filter(|f| !f.right()) {
                    let failure = self.failures.entry(f.name).or_insert_with(|| {
                        let example = difference(&f.expected, &f.got);
                        (0, format!("#{index} {}: {example}", f.name))
                    });
                    failure.0 += 1;
                }
            }
        }
    }

    /// `97.5 % ·40` and, when fields were invented, `✗3`.
    fn show(&self) -> String {
        if self.plans == 0 {
            return "—".into();
        }
        let mut s = format!("{:.1} % ·{}", self.percent(), self.plans);
        if self.invented > 0 {
            write!(s, " ✗{}", self.invented).unwrap();
        }
        s
    }

    /// The most frequent failures, `field ×n`, most frequent first.
    fn top(&self) -> Vec<(&'static str, usize, &str)> {
        let mut failures: Vec<_> = self
            .failures
            .iter()
            .map(|(f, (n, example))| (*f, *n, example.as_str()))
            .collect();
        failures.sort_by(|a, b| b.1.cmp(&a.1));
        failures
    }

    fn typical(&self) -> String {
        let mut parts: Vec<String> = self
            .top()
            .iter()
            .take(4)
            .map(|(f, n, _)| format!("{f} ×{n}"))
            .collect();
        if self.refused > 0 {
            parts.insert(0, format!("refused ×{}", self.refused));
        }
        parts.join(", ")
    }

    /// The first refusal and the first failure of each of the most
    /// frequent failing fields.
    fn examples(&self) -> Vec<&str> {
        let top = self.top();
        let failures = top.iter().take(EXAMPLES).map(|f| f.2);
        self.refusal
            .as_deref()
            .into_iter()
            .chain(failures)
            .collect()
    }
}

fn cut(s: &str) -> String {
    const MAX: usize = 90;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}

/// `"a" → "b"`; for lists (entries joined by ` | `), the first entry that
/// differs and the lengths, which a cut-off whole would hide.
fn difference(expected: &str, got: &str) -> String {
    let (e, g): (Vec<&str>, Vec<&str>) =
        (expected.split(" | ").collect(), got.split(" | ").collect());
    if e.len() > 1 || g.len() > 1 {
        if let Some(i) = (0..e.len().max(g.len())).find(|&i| e.get(i) != g.get(i)) {
            let entry = |l: &[&str]| l.get(i).map_or("(none)".to_owned(), |s| cut(s));
            return format!(
                "entry {} of {} → of {}: {:?} → {:?}",
                i + 1,
                e.len(),
                g.len(),
                entry(&e),
                entry(&g)
            );
        }
    }
    format!("{:?} → {:?}", cut(expected), cut(got))
}

fn shape_index(shape: Shape) -> usize {
    Shape::ALL.iter().position(|s| *s == shape).unwrap()
}

#[derive(Default)]
pub struct Tally {
    pub plans: usize,
    axes: Vec<&'static str>,
    /// By (axis position, value), a cell per shape.
    cells: BTreeMap<(usize, String), [Cell; 6]>,
    shapes: [Cell; 6],
    by_field: BTreeMap<&'static str, [Cell; 6]>,
    refusals: Vec<String>,
    invented: Vec<String>,
    time: [Duration; 6],
}

impl Tally {
    pub fn add(&mut self, run: &PlanRun) {
        self.plans += 1;
        if self.axes.is_empty() {
            self.axes = run.axes.iter().map(|a| a.0).collect();
        }
        for (shape, outcome, took) in &run.outcomes {
            let s = shape_index(*shape);
            self.time[s] += *took;
            self.shapes[s].add(run.index, outcome);
            for (a, (_, value)) in run.axes.iter().enumerate() {
                self.cells.entry((a, value.clone())).or_default()[s].add(run.index, outcome);
            }
            for f in outcome.fields() {
                let cell = &mut self.by_field.entry(f.name).or_default()[s];
                cell.plans += 1;
                cell.fields += 1;
                cell.right += usize::from(f.right());
            }
            match outcome {
                Outcome::Refused { reason, .. } => {
                    self.refusals
                        .push(format!("#{} {}: {}", run.index, shape.name(), cut(reason)))
                }
                Outcome::Imported { invented, .. } => {
                    for i in invented {
                        let why = if i.from_nothing {
                            "generated empty"
                        } else {
                            "words not in its region"
                        };
                        self.invented.push(format!(
                            "#{} {} {}: {:?} ({why})",
                            run.index,
                            shape.name(),
                            i.field,
                            cut(&i.value)
                        ));
                        self.by_field.entry(i.field).or_default()[s].invented += 1;
                    }
                }
            }
        }
    }

    /// Fields right over all plans and shapes, in %.
    pub fn overall(&self) -> f64 {
        let right: usize = self.shapes.iter().map(|c| c.right).sum();
        let fields: usize = self.shapes.iter().map(|c| c.fields).sum();
        100.0 * right as f64 / fields.max(1) as f64
    }

    pub fn invented_count(&self) -> usize {
        self.invented.len()
    }

    /// Every axis value × shape cell: (axis, value, shape, cell).
    pub fn cells(&self) -> impl Iterator<Item = (&'static str, &str, Shape, &Cell)> {
        self.cells.iter().flat_map(|((a, value), cells)| {
            Shape::ALL
                .iter()
                .zip(cells)
                .map(|(shape, cell)| (self.axes[*a], value.as_str(), *shape, cell))
        })
    }

    /// The report, in Markdown; cells of fewer than `min_plans` plans are
    /// left out of the worst cells.
    pub fn report(&self, min_plans: usize) -> String {
        let mut out = String::new();
        let imports = self.plans * Shape::ALL.len();
        writeln!(
            out,
            "{} plans × {} shapes = {imports} imports: {:.2} % of fields right, {} invented fields, {} refusals\n",
            self.plans,
            Shape::ALL.len(),
            self.overall(),
            self.invented.len(),
            self.refusals.len()
        )
        .unwrap();
        let head = |first: &str| {
            let names: Vec<&str> = Shape::ALL.iter().map(|s| s.name()).collect();
            format!(
                "| {first} | {} |\n|---|{}\n",
                names.join(" | "),
                "---|".repeat(names.len())
            )
        };
        out.push_str(&head("shape"));
        let row = |cells: &[Cell; 6]| cells.iter().map(Cell::show).collect::<Vec<_>>().join(" | ");
        writeln!(out, "| fields right | {} |", row(&self.shapes)).unwrap();
        let ms: Vec<String> = (0..6)
            .map(|s| {
                format!(
                    "{:.0} ms",
                    self.time[s].as_secs_f64() * 1000.0 / self.plans.max(1) as f64
                )
            })
            .collect();
        writeln!(out, "| import, mean | {} |", ms.join(" | ")).unwrap();
        out.push_str("\nBy field (% right ·imports ✗invented):\n\n");
        out.push_str(&head("field"));
        for (field, cells) in &self.by_field {
            writeln!(out, "| {field} | {} |", row(cells)).unwrap();
        }
        out.push_str("\nBy axis value (% of fields right ·plans ✗invented):\n\n");
        out.push_str(&head("axis = value"));
        for ((a, value), cells) in &self.cells {
            writeln!(out, "| {} = {value} | {} |", self.axes[*a], row(cells)).unwrap();
        }
        self.worst(&mut out, min_plans);
        list(&mut out, "Refusals", &self.refusals);
        list(&mut out, "Invented fields", &self.invented);
        out.push_str(
            "\n## Failing examples per cell: the first of its most frequent failures (#plan field: expected → got)\n",
        );
        for (axis, value, shape, cell) in self.cells() {
            if cell.right < cell.fields {
                writeln!(
                    out,
                    "\n{axis} = {value}, {}: {}",
                    shape.name(),
                    cell.typical()
                )
                .unwrap();
                for e in cell.examples() {
                    writeln!(out, "  {e}").unwrap();
                }
            }
        }
        out
    }

    fn worst(&self, out: &mut String, min_plans: usize) {
        let mut cells: Vec<_> = self.cells().filter(|c| c.3.plans >= min_plans).collect();
        cells.sort_by(|a, b| a.3.percent().total_cmp(&b.3.percent()));
        writeln!(out, "\n## Worst cells (of {min_plans} plans or more)\n").unwrap();
        for (axis, value, shape, cell) in cells.iter().take(15) {
            writeln!(
                out,
                "- {axis} = {value}, {}: {} — {}",
                shape.name(),
                cell.show(),
                cell.typical()
            )
            .unwrap();
            for e in cell.examples() {
                writeln!(out, "    {e}").unwrap();
            }
        }
    }
}

fn list(out: &mut String, title: &str, items: &[String]) {
    writeln!(out, "\n## {title}: {}\n", items.len()).unwrap();
    for i in items.iter().take(25) {
        writeln!(out, "- {i}").unwrap();
    }
    if items.len() > 25 {
        writeln!(out, "- … and {} more", items.len() - 25).unwrap();
    }
}
