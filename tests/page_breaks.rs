//! Page breaks measured on the laid-out pages: the signature block never
//! starts a page on its own (R-SIGNER) and a heading never ends one (R-MUC).
//! Besides the samples, the same plans are rendered with 0…40 extra lines of
//! text, so that a page break falls once on every line near the end, and
//! before every heading of a long plan.

mod common;

use common::{
    Probe, compile, compile_str, grow_last_paragraph_of_004, grown, sample, sample_paths,
};
use kehoach::stamps::stamp_areas;
use serde_json::{Value, json};

/// What went wrong with one rendered plan, in words.
fn faults(compiled: &kehoach::Compiled) -> Vec<String> {
    let probe = Probe::new(compiled);
    let areas = stamp_areas(&compiled.document);
    let lines = probe.all_lines();
    let mut faults = Vec::new();

    // R-SIGNER: "Nơi nhận:" and the signature on one page, under at least
    // two lines of the text.
    let label = lines
        .iter()
        .find(|l| l.text.contains("Nơi nhận:"))
        .expect("Nơi nhận");
    let above = lines
        .iter()
        .filter(|l| l.page == label.page && l.baseline < label.baseline - 1.0)
        .count();
    if above < 2 {
        faults.push(format!(
            "p{}: {above} line(s) of text above Nơi nhận",
            label.page + 1
        ));
    }
    // The last text once (the text before it may print it).
    let ends: Vec<_> = lines.iter().filter(|l| l.text.contains("./.")).collect();
    for (i, end) in ends.iter().enumerate() {
        if ends[..i].iter().any(|e| e.text == end.text) {
            faults.push(format!("p{}: {:?} printed twice", end.page + 1, end.text));
        }
    }
    let signature = areas.iter().find(|a| a.name == "signature").unwrap();
    if signature.page != label.page + 1 {
        faults.push(format!(
            "signature on p{}, Nơi nhận on p{}",
            signature.page,
            label.page + 1
        ));
    }

    // R-MUC: a text line under every heading on its page (body or table
    // text, not a footnote).
    let headings: Vec<_> = areas.iter().filter(|a| a.name == "heading").collect();
    assert!(!headings.is_empty(), "the plans have headings");
    for heading in headings {
        let page = heading.page - 1;
        let y = probe.pages[page].1 - heading.rect[1];
        let below = lines
            .iter()
            .any(|l| l.page == page && l.baseline > y + 1.0 && l.size > 12.5);
        if !below {
            faults.push(format!("p{}: a heading ends the page", heading.page));
        }
    }
    faults
}

/// Renders sample `prefix` with `grow(plan, n)` applied for n = 0…40 and
/// asserts that no variant has a fault.
fn assert_every_variant(prefix: &str, grow: impl Fn(&mut Value, usize)) {
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(sample(prefix)).unwrap()).unwrap();
    let faulty: Vec<_> = (0..=40)
        .filter_map(|n| {
            let mut json = base.clone();
            grow(&mut json, n);
            let faults = faults(&compile_str(&json.to_string()));
            (!faults.is_empty()).then_some((n, faults))
        })
        .collect();
    assert!(
        faulty.is_empty(),
        "{prefix}: {} of 41 variants: {faulty:?}",
        faulty.len()
    );
}

/// `n` paragraphs of one line each.
fn one_liners(n: usize) -> impl Iterator<Item = Value> {
    (1..=n).map(|i| json!(format!("Nội dung bổ sung thứ {i}.")))
}

#[test]
fn samples_keep_the_signature_with_the_text_and_headings_with_theirs() {
    for path in sample_paths() {
        let faults = faults(&compile(&path));
        assert!(faults.is_empty(), "{}: {faults:?}", path.display());
    }
}

/// Sample 000 ends with a closing of one line (the plan whose signature
/// block stood alone on page 3); one-line paragraphs are inserted before it.
#[test]
fn one_line_paragraphs_before_a_one_line_ending() {
    assert_every_variant("000", |json, n| {
        let closing = json["closing"].as_array_mut().unwrap();
        closing.splice(0..0, one_liners(n));
    });
}

/// One-line paragraphs at the start of sample 003 move each of its headings
/// down a line at a time, over the foot of its page.
#[test]
fn one_line_paragraphs_before_every_heading() {
    assert_every_variant("003", |json, n| {
        json["preamble"]
            .as_array_mut()
            .unwrap()
            .extend(one_liners(n));
    });
}

/// Sample 004's last paragraph grows by about a line at a time.
#[test]
fn a_last_paragraph_growing_line_by_line() {
    assert_every_variant("004", grow_last_paragraph_of_004);
}

/// Sample 000's one-line closing after a paragraph that grows by about a
/// line at a time: the two go whole onto the closing block's page, and
/// past three quarters of a page the one-line closing hangs under the
/// paragraph's last line instead.
#[test]
fn a_growing_paragraph_before_a_one_line_ending() {
    assert_every_variant("000", |json, n| {
        let closing = json["closing"].as_array_mut().unwrap();
        closing.insert(0, json!(grown("Các đơn vị triển khai thực hiện.", n)));
    });
}
