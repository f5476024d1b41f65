//! Every word of each seed's body is in its sample's PDF, in order: the text
//! is extracted from the PDF itself (lopdf), not from the template. The
//! seeds are real plans, read from the shared folder (`common::shared`).

mod common;

use common::{compile, pdf_text, sample, words};
use kehoach::export;

/// Where each seed's body starts (its header is compared by the layout
/// probes), and its words as extracted, artefacts dropped: lines that are
/// only a page number, and the website line.
fn seed_body(seed_prefix: &str, start: &str) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(common::shared::seed(seed_prefix)?).unwrap();
    let body = &text[text.find(start).expect("body start")..];
    let kept: Vec<&str> = body
        .lines()
        .filter(|l| !(l.trim().chars().all(|c| c.is_ascii_digit()) || l.contains("http")))
        .collect();
    Some(words(&kept.join("\n")))
}

/// Seed words not found in order in `pdf`. A seed word may be split or
/// glued differently (`tỉnhvề`, a footnote mark `pháp1`); a run of words the
/// PDF prints elsewhere (a footnote at the page foot) must appear there whole.
fn missing_words(seed: &[String], pdf: &[String]) -> Vec<String> {
    const WINDOW: usize = 80;
    let mut missing = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < seed.len() {
        let s = &seed[i];
        if let Some(k) = (j..pdf.len().min(j + WINDOW)).find(|&k| &pdf[k] == s) {
            j = k + 1;
            i += 1;
        } else if j + 1 < pdf.len() && format!("{}{}", pdf[j], pdf[j + 1]) == *s {
            j += 2;
            i += 1;
        } else if i + 1 < seed.len() && j < pdf.len() && format!("{}{}", s, seed[i + 1]) == pdf[j] {
            j += 1;
            i += 2;
        } else if let Some(len) = displaced_run(&seed[i..], pdf) {
            i += len;
        } else {
            missing.push(format!(
                "{s} (after: {})",
                seed[i.saturating_sub(6)..i].join(" ")
            ));
            i += 1;
        }
    }
    missing
}

/// The length of the longest run (at least 8 words) starting at `seed[0]`
/// that the PDF holds contiguously somewhere.
fn displaced_run(seed: &[String], pdf: &[String]) -> Option<usize> {
    let best = (0..pdf.len())
        .filter(|&k| pdf[k] == seed[0])
        .map(|k| {
            seed.iter()
                .zip(&pdf[k..])
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()?;
    (best >= 8).then_some(best)
}

fn check(prefix: &str, start: &str) {
    let Some(seed) = seed_body(prefix, start) else {
        return;
    };
    let pdf = export::pdf(&compile(&sample(prefix)), &[]).unwrap();
    let text = words(&pdf_text(&pdf));
    let missing = missing_words(&seed, &text);
    assert!(seed.len() > 500, "the seed body is read");
    assert!(
        missing.is_empty(),
        "{prefix}: {} of {} words missing: {:#?}",
        missing.len(),
        seed.len(),
        &missing[..missing.len().min(20)]
    );
}

#[test]
fn seed_000_words_in_order() {
    check("000", "Căn cứ Kế hoạch số 150");
}

#[test]
fn seed_001_words_in_order() {
    check("001", "Thực hiện Quyết định số 2419");
}

#[test]
fn seed_002_words_in_order() {
    check("002", "Thực hiện Kế hoạch số 56");
}

#[test]
fn seed_003_words_in_order() {
    check("003", "Thực hiện Kế hoạch số 01/KH-UBND");
}

#[test]
fn seed_004_words_in_order() {
    check("004", "Thực hiện Quyết định số 721");
}

#[test]
fn a_dropped_word_is_caught() {
    let seed = words("một hai ba bốn năm sáu bảy tám chín mười");
    let pdf = words("một hai ba năm sáu bảy tám chín mười");
    assert_eq!(missing_words(&seed, &pdf).len(), 1);
    let glued = words("tỉnh về công tác");
    assert!(missing_words(&words("tỉnhvề công tác"), &glued).is_empty());
}
