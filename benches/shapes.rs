//! `cargo bench --bench shapes`: the importer measured on 2,000 generated
//! plans (issue 23), each presented in six shapes (kehoach's PDF and Word
//! file, `pdftotext -layout`-style text, one line a field, a legal portal's
//! Markdown, OCR-spaced text), imported and compared field by field; prints
//! the table by axis value × shape, the worst cells and failing examples.
//! The generator is `tests/common/shapes`; `tests/import_shapes.rs` holds a
//! sample of this run to the targets.
//!
//! - `KEHOACH_SHAPES_PLANS` (default 2000) and `KEHOACH_SHAPES_SEED`
//!   (default 23) choose the run;
//! - `KEHOACH_SHAPES_DUMP=dir KEHOACH_SHAPES_ONLY=17` writes plan 17's JSON,
//!   its six files and what each imports into to `dir`, and runs nothing
//!   else.
//!
//! Not a test: it prints numbers and asserts nothing.

#[path = "../tests/common/mod.rs"]
mod common;

use common::shapes;

/// Cells of fewer plans are left out of the worst cells.
const MIN_PLANS: usize = 20;

fn main() {
    let (plans, seed) = shapes::settings(2000, 23);
    if let (Some(dir), Some(only)) = (
        std::env::var_os("KEHOACH_SHAPES_DUMP"),
        std::env::var("KEHOACH_SHAPES_ONLY")
            .ok()
            .and_then(|v| v.parse().ok()),
    ) {
        shapes::dump(seed, only, dir.as_ref());
        println!(
            "plan {only} of seed {seed} written to {}",
            dir.to_string_lossy()
        );
        return;
    }
    let start = std::time::Instant::now();
    let tally = shapes::run(plans, seed, true);
    println!("{}", tally.report(MIN_PLANS));
    println!(
        "({plans} plans, seed {seed}, {:.0} s on {} threads)",
        start.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
}
