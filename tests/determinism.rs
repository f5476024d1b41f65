//! The same input gives a byte-identical PDF: in one process, and across
//! processes.

mod common;

use std::process::Command;

use common::{compile, sample};
use kehoach::export;

#[test]
fn same_plan_same_bytes_in_process() {
    let a = export::pdf(&compile(&sample("003")), &[]).unwrap();
    let b = export::pdf(&compile(&sample("003")), &[]).unwrap();
    assert!(a == b, "two renders differ");
    let other = export::pdf(&compile(&sample("004")), &[]).unwrap();
    assert!(a != other);
}

#[test]
fn same_plan_same_bytes_across_processes() {
    let dir = std::env::temp_dir().join(format!("kehoach-det-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut outputs = Vec::new();
    for i in 0..2 {
        let out = dir.join(format!("{i}.pdf"));
        let status = Command::new(env!("CARGO_BIN_EXE_kehoach"))
            .args(["render", "--no-system-fonts", "-o"])
            .arg(&out)
            .arg(sample("004"))
            .status()
            .unwrap();
        assert!(status.success());
        outputs.push(std::fs::read(&out).unwrap());
    }
    assert!(outputs[0] == outputs[1]);
    // The timestamp is the plan's date, never the clock.
    let text = String::from_utf8_lossy(&outputs[0]);
    assert!(
        text.contains("D:20260301"),
        "creation date from the plan (2026-03)"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
