//! The importer measured on generated plans (issue 23): a sample of the
//! shape generator's run (`tests/common/shapes`, the whole run is
//! `cargo bench --bench shapes`), each plan presented in six shapes,
//! imported and compared field by field, held to the targets:
//!
//! - at least 99 % of the fields right overall;
//! - at least 97 % in every axis value × shape cell of `MIN_PLANS` plans or
//!   more (a cell of fewer plans says too little on its own: an axis value
//!   that rare in the sample is measured by the bench's run);
//! - no invented field.
//!
//! `-- --nocapture` prints the table. `KEHOACH_SHAPES_PLANS` and
//! `KEHOACH_SHAPES_SEED` choose another sample.

mod common;

use common::shapes;

const PLANS: usize = 300;
const SEED: u64 = 23;
const OVERALL: f64 = 99.0;
const CELL: f64 = 97.0;
const MIN_PLANS: usize = 8;

#[test]
fn importer_reads_generated_plans_in_every_shape() {
    let (plans, seed) = shapes::settings(PLANS, SEED);
    let start = std::time::Instant::now();
    let tally = shapes::run(plans, seed, false);
    println!("{}", tally.report(MIN_PLANS));
    println!(
        "({plans} plans, seed {seed}, {:.0} s)",
        start.elapsed().as_secs_f64()
    );

    let few: Vec<String> = tally
        .cells()
        .filter(|c| c.3.plans < MIN_PLANS)
        .map(|(axis, value, shape, cell)| {
            format!("{axis} = {value}, {} ({})", shape.name(), cell.plans)
        })
        .collect();
    println!(
        "{} cells of fewer than {MIN_PLANS} plans not held to {CELL} %: {}",
        few.len(),
        few.join("; ")
    );

    let mut misses: Vec<String> = Vec::new();
    if tally.overall() < OVERALL {
        misses.push(format!(
            "{:.2} % of fields right overall (target {OVERALL} %)",
            tally.overall()
        ));
    }
    let low: Vec<String> = tally
        .cells()
        .filter(|c| c.3.plans >= MIN_PLANS && c.3.percent() < CELL)
        .map(|(axis, value, shape, cell)| {
            format!(
                "{axis} = {value}, {}: {:.1} %",
                shape.name(),
                cell.percent()
            )
        })
        .collect();
    if !low.is_empty() {
        misses.push(format!(
            "{} cells under {CELL} %: {}",
            low.len(),
            low.join("; ")
        ));
    }
    if tally.invented_count() > 0 {
        misses.push(format!(
            "{} invented fields (target none)",
            tally.invented_count()
        ));
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
