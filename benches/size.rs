//! `cargo bench --bench size`: time and peak memory of `kehoach render`
//! and `kehoach check` for sample 004 at 1×, 10× and 100× its size (its
//! section II's subsections repeated), each run a process of its own.
//! The curve should be a straight line: time and memory per page flat.
//!
//! Not a test: it prints numbers, it asserts nothing about time.

mod common;

#[path = "../tests/common/mod.rs"]
#[allow(dead_code)]
mod plans;

use std::process::Command;

const SIZES: [usize; 3] = [1, 10, 100];

fn main() {
    let exe = env!("CARGO_BIN_EXE_kehoach");
    let dir = std::env::temp_dir().join(format!("kehoach-bench-size-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    println!("| size | JSON | pages | render | memory | ms a page | MB a page | check | memory |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for size in SIZES {
        let json = plans::big_plan(size).to_string();
        let input = dir.join(format!("{size}x.json"));
        std::fs::write(&input, &json).unwrap();
        let output = dir.join(format!("{size}x.pdf"));
        let (status, render, render_kib) = common::run_measured(
            Command::new(exe)
                .args(["render", "-o"])
                .arg(&output)
                .arg(&input),
        );
        assert!(status.success(), "render {size}×");
        let pages = page_count(&std::fs::read(&output).unwrap());
        // `check` exits 1 when it finds errors; only a failure to run counts.
        let (status, check, check_kib) =
            common::run_measured(Command::new(exe).arg("check").arg(&input));
        assert!(matches!(status.code(), Some(0 | 1)), "check {size}×");
        let mb = |kib: u64| kib as f64 / 1024.0;
        println!(
            "| {size}× | {:.2} MB | {pages} | {:.2} s | {:.0} MB | {:.1} | {:.2} | {:.2} s | {:.0} MB |",
            json.len() as f64 / 1e6,
            render.as_secs_f64(),
            mb(render_kib),
            common::ms(render) / pages as f64,
            mb(render_kib) / pages as f64,
            check.as_secs_f64(),
            mb(check_kib),
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The pages of a PDF, from its page tree.
fn page_count(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
}
