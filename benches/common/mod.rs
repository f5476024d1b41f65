//! What more than one bench needs: timing a closure and a child process's
//! peak memory. Each bench uses part of it.
#![allow(dead_code)]

use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

/// Times `f` `runs` times, after one warm-up; `before` runs untimed first.
pub fn time(runs: usize, before: impl Fn(), mut f: impl FnMut()) -> Vec<Duration> {
    f();
    (0..runs)
        .map(|_| {
            before();
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect()
}

/// Median and 90th percentile, in milliseconds.
pub fn median_p90(samples: &[Duration]) -> (f64, f64) {
    let mut v: Vec<f64> = samples.iter().copied().map(ms).collect();
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[v.len() * 9 / 10])
}

pub fn report(what: &str, samples: &[Duration]) {
    let (median, p90) = median_p90(samples);
    let min = samples.iter().min().copied().map(ms).unwrap_or_default();
    println!(
        "{what}: median {median:.1} ms, p90 {p90:.1} ms, min {min:.1} ms ({} runs)",
        samples.len()
    );
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Waits for a child, sampling its peak resident memory (VmHWM, in KiB)
/// every 10 ms meanwhile; the last sample is taken while the process
/// still exists, so a peak in its final 10 ms may be missed.
pub fn wait_with_peak_memory(mut child: Child) -> (ExitStatus, u64) {
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            let hwm = text
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok());
            peak = peak.max(hwm.unwrap_or(0));
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (status, peak);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The exit status, wall time and peak memory of one run of a child
/// process, its output discarded.
pub fn run_measured(command: &mut std::process::Command) -> (ExitStatus, Duration, u64) {
    let start = Instant::now();
    let child = command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (status, peak) = wait_with_peak_memory(child);
    (status, start.elapsed(), peak)
}
