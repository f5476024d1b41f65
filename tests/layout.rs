//! Layout probes: every standalone sample is compiled and its laid-out
//! pages measured against the rules of `docs/nghi-dinh-30.md`. Each test
//! names the rule it checks. A plan issued with a decision is measured in
//! `tests/decision.rs`.

mod common;

use common::{MM, Probe, compile, sample, standalone_sample_paths};

const A4: (f64, f64) = (210.0 * MM, 297.0 * MM);
const LEFT: f64 = 30.0 * MM;
const RIGHT: f64 = 210.0 * MM - 15.0 * MM;

fn probes() -> Vec<(String, Probe)> {
    standalone_sample_paths()
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                Probe::new(&compile(p)),
            )
        })
        .collect()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn r_page_every_page_is_portrait_a4() {
    for (name, probe) in probes() {
        for (i, &(w, h)) in probe.pages.iter().enumerate() {
            assert!(
                close(w, A4.0, 0.01) && close(h, A4.1, 0.01),
                "{name} p{}: {w}×{h}",
                i + 1
            );
        }
    }
}

#[test]
fn r_margin_text_stays_inside_the_margins() {
    for (name, probe) in probes() {
        for run in &probe.runs {
            // The page number lives in the top margin by design (R-PAGENO).
            let is_page_number =
                run.baseline < 20.0 * MM && run.text.chars().all(|c| c.is_ascii_digit());
            if is_page_number {
                continue;
            }
            let cap_top = run.baseline - 0.66 * run.size;
            let ctx = format!("{name} p{} {:?}", run.page + 1, run.text);
            assert!(
                run.x >= LEFT - 0.5,
                "{ctx} starts {:.1} mm from the left",
                run.x / MM
            );
            assert!(
                run.right() <= RIGHT + 0.5,
                "{ctx} ends {:.1} mm from the right",
                (A4.0 - run.right()) / MM
            );
            assert!(
                cap_top >= 20.0 * MM - 0.5,
                "{ctx} is {:.1} mm from the top",
                cap_top / MM
            );
            assert!(
                run.baseline <= A4.1 - 20.0 * MM,
                "{ctx} is {:.1} mm from the bottom",
                (A4.1 - run.baseline) / MM
            );
        }
    }
}

#[test]
fn r_qh_national_title_bold_12_to_13_pt_on_one_line() {
    for (name, probe) in probes() {
        let qh = probe.line(0, "CỘNG HÒA");
        assert_eq!(
            qh.text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "{name}: wraps or differs"
        );
        assert!(qh.bold && !qh.italic, "{name}: bold upright");
        assert!((12.0..=13.0).contains(&qh.size), "{name}: {} pt", qh.size);
        assert!(qh.centre() > A4.0 / 2.0, "{name}: in the right column");
    }
}

#[test]
fn r_tn_motto_rule_as_long_as_its_text() {
    for (name, probe) in probes() {
        let qh = probe.line(0, "CỘNG HÒA");
        let tn = probe.line(0, "Độc lập");
        assert_eq!(tn.text, "Độc lập - Tự do - Hạnh phúc", "{name}");
        assert!(
            tn.bold && (13.0..=14.0).contains(&tn.size),
            "{name}: bold 13–14 pt"
        );
        assert!(
            close(tn.centre(), qh.centre(), 0.5),
            "{name}: centred under the quốc hiệu"
        );
        assert!(
            tn.baseline - qh.baseline < 1.6 * tn.size,
            "{name}: single spacing"
        );
        let rule = probe
            .rule_below(&tn, 12.0)
            .expect("a rule under the tiêu ngữ");
        assert!(
            close(rule.length(), tn.width(), 0.5),
            "{name}: rule {:.1} pt, text {:.1} pt",
            rule.length(),
            tn.width()
        );
        assert!(
            close(rule.centre(), tn.centre(), 0.5),
            "{name}: rule centred"
        );
    }
}

#[test]
fn r_cq_issuer_bold_with_a_rule_of_a_third_to_a_half() {
    for (name, probe) in probes() {
        let issuer = probe.line(0, "SỞ TƯ PHÁP");
        assert!(
            issuer.bold && (12.0..=13.0).contains(&issuer.size),
            "{name}: bold 12–13 pt"
        );
        let rule = probe
            .rule_below(&issuer, 12.0)
            .expect("a rule under the issuing body");
        let ratio = rule.length() / issuer.width();
        assert!(
            (1.0 / 3.0..=0.5).contains(&ratio),
            "{name}: rule is {ratio:.2} of the text"
        );
        assert!(
            close(rule.centre(), issuer.centre(), 0.5),
            "{name}: rule centred"
        );
        let parent = probe.line(0, "UBND TỈNH");
        assert!(
            !parent.bold && (12.0..=13.0).contains(&parent.size),
            "{name}: R-CQ-PARENT upright 12–13 pt"
        );
        assert!(
            close(parent.centre(), issuer.centre(), 0.5),
            "{name}: R-CQ-PARENT centred over the body"
        );
    }
}

#[test]
fn r_so_and_r_date_share_one_baseline() {
    for (name, probe) in probes() {
        let so = probe.line(0, "Số:");
        let date = probe.line(0, "ngày");
        assert!(
            close(so.baseline, date.baseline, 0.1),
            "{name}: {} vs {}",
            so.baseline,
            date.baseline
        );
        assert!(
            close(so.size, 13.0, 0.01) && !so.bold,
            "{name}: R-SO 13 pt upright"
        );
        assert!(
            date.italic && (13.0..=14.0).contains(&date.size),
            "{name}: R-DATE italic 13–14 pt"
        );
        let issuer = probe.line(0, "SỞ TƯ PHÁP");
        assert!(
            close(so.centre(), issuer.centre(), 1.0),
            "{name}: số centred under the body"
        );
    }
}

#[test]
fn r_so_number_is_padded_or_blank() {
    let probe = Probe::new(&compile(&sample("003")));
    assert_eq!(probe.line(0, "Số:").text, "Số: 45/KH-STP");
    let draft = Probe::new(&compile(&sample("004")));
    let so = draft.line(0, "/KH-STP");
    assert!(
        so.text.starts_with("Số:") && !so.text.chars().any(|c| c.is_ascii_digit()),
        "{}",
        so.text
    );
    // The blank is wide enough to write a number by hand.
    let runs: Vec<_> = draft
        .page_runs(0)
        .filter(|r| r.baseline == so.baseline && r.x < A4.0 / 2.0)
        .collect();
    let gap = runs
        .windows(2)
        .map(|w| w[1].x - w[0].right())
        .fold(0.0, f64::max);
    assert!(gap >= 10.0 * MM, "blank of {:.1} mm", gap / MM);
}

#[test]
fn r_date_padding_and_blanks() {
    let probe = Probe::new(&compile(&sample("003")));
    assert_eq!(
        probe.line(0, "ngày").text,
        "Lạng Sơn, ngày 04 tháng 3 năm 2025"
    );
    let draft = Probe::new(&compile(&sample("004")));
    let date = draft.line(0, "ngày");
    assert_eq!(
        date.text.split_whitespace().collect::<Vec<_>>().join(" "),
        "Lạng Sơn, ngày tháng 3 năm 2026"
    );
}

#[test]
fn r_title_kind_and_trich_yeu_with_rule() {
    for (name, probe) in probes() {
        let kind = probe.line(0, "KẾ HOẠCH");
        assert!(
            kind.bold && (13.0..=14.0).contains(&kind.size),
            "{name}: KẾ HOẠCH bold 13–14 pt"
        );
        let text_centre = (LEFT + RIGHT) / 2.0;
        assert!(
            close(kind.centre(), text_centre, 0.5),
            "{name}: KẾ HOẠCH centred"
        );
        // The trích yếu: bold lines under KẾ HOẠCH until the rule.
        let rule = probe
            .rule_below(&kind, 120.0)
            .expect("a rule under the trích yếu");
        let title: Vec<_> = probe
            .lines(0, 40.0)
            .into_iter()
            .filter(|l| l.baseline > kind.baseline && l.baseline < rule.y && l.bold)
            .collect();
        assert!(!title.is_empty(), "{name}: trích yếu");
        let longest = title.iter().map(|l| l.width()).fold(0.0, f64::max);
        let ratio = rule.length() / longest;
        assert!(
            (1.0 / 3.0..=0.5).contains(&ratio),
            "{name}: rule is {ratio:.2} of the trích yếu"
        );
        for l in &title {
            assert!(
                close(l.centre(), text_centre, 0.5),
                "{name}: trích yếu line centred"
            );
            assert!(
                (13.0..=14.0).contains(&l.size),
                "{name}: trích yếu 13–14 pt"
            );
        }
    }
}

#[test]
fn r_pageno_none_on_page_one_then_numbered_in_the_top_margin() {
    for (name, probe) in probes() {
        let top_numbers = |page: usize| -> Vec<common::Run> {
            probe
                .page_runs(page)
                .filter(|r| r.baseline < 20.0 * MM)
                .cloned()
                .collect()
        };
        assert!(top_numbers(0).is_empty(), "{name}: page 1 shows no number");
        for page in 1..probe.pages.len() {
            let nums = top_numbers(page);
            assert_eq!(nums.len(), 1, "{name} p{}", page + 1);
            let n = &nums[0];
            assert_eq!(n.text, (page + 1).to_string(), "{name}");
            assert!(
                (13.0..=14.0).contains(&n.size) && !n.bold && !n.italic,
                "{name}: 13–14 pt upright"
            );
            assert!(
                close(n.centre(), (LEFT + RIGHT) / 2.0, 0.5),
                "{name}: centred"
            );
        }
    }
}

#[test]
fn r_body_size_indent_and_spacing() {
    let probe = Probe::new(&compile(&sample("003")));
    let lines = probe.lines(0, 40.0);
    let first = lines
        .iter()
        .position(|l| l.text.starts_with("Thực hiện Kế hoạch số 01"))
        .expect("preamble");
    let para: Vec<_> = lines[first..]
        .iter()
        .take_while(|l| !l.text.starts_with("I."))
        .collect();
    // R-BODY: 14 pt, first-line indent 1 cm, other lines flush left, justified.
    assert!(para.iter().all(|l| close(l.size, 14.0, 0.01) && !l.bold));
    assert!(
        close(para[0].x - LEFT, 10.0 * MM, 0.3),
        "indent {:.2} mm",
        (para[0].x - LEFT) / MM
    );
    for l in &para[1..para.len() - 1] {
        assert!(
            close(l.x, LEFT, 0.3) && close(l.right, RIGHT, 0.5),
            "justified: {:?}",
            l.text
        );
    }
    // Line pitch between single (1.15 em) and 1.5 lines (1.725 em).
    let pitch = para[1].baseline - para[0].baseline;
    assert!(
        (1.15 * 14.0..=1.725 * 14.0).contains(&pitch),
        "pitch {pitch:.2} pt"
    );
    // At least 6 pt more between paragraphs than between lines.
    let heading = &lines[first + para.len()];
    let gap = heading.baseline - para.last().unwrap().baseline - pitch;
    assert!(gap >= 6.0 - 0.05, "paragraph gap {gap:.2} pt");
}

#[test]
fn r_muc_khoan_diem_numbering_in_both_styles() {
    let decimal = Probe::new(&compile(&sample("003")));
    let text: Vec<String> = (0..decimal.pages.len())
        .flat_map(|p| decimal.lines(p, 40.0))
        .map(|l| l.text)
        .collect();
    for start in [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "1.1. Phát động",
        "II. NỘI DUNG",
        "1.1.5.",
    ] {
        assert!(
            text.iter().any(|t| t.starts_with(start)),
            "decimal: no line starts {start:?}"
        );
    }
    let letter = Probe::new(&compile(&sample("001")));
    let text: Vec<String> = (0..letter.pages.len())
        .flat_map(|p| letter.lines(p, 40.0))
        .map(|l| l.text)
        .collect();
    for start in ["I. ", "VI. TỔ CHỨC THỰC HIỆN", "a) ", "b) "] {
        assert!(
            text.iter().any(|t| t.starts_with(start)),
            "letter: no line starts {start:?}"
        );
    }
    // R-MUC: a mục title is bold capitals.
    let muc = decimal.line(0, "I. MỤC ĐÍCH");
    assert!(muc.bold && muc.text == muc.text.to_uppercase());
}

#[test]
fn r_diem_number_runs_into_a_task() {
    // Seed 002: an untitled điểm that holds a task opens its first paragraph.
    let probe = Probe::new(&compile(&sample("002")));
    let line = probe.line(0, "a) Tổ chức quán triệt");
    assert!(line.text.starts_with("a) Tổ chức quán triệt") && !line.bold);
}

#[test]
fn r_khoan_untitled_number_is_upright_and_runs_in() {
    let probe = Probe::new(&compile(&sample("003")));
    let runs: Vec<_> = probe
        .page_runs(0)
        .filter(|r| r.text.starts_with("1.1."))
        .collect();
    assert!(
        !runs.is_empty() && runs.iter().all(|r| !r.bold),
        "untitled khoản numbers are upright"
    );
    let line = probe.line(0, "1.1. Phát động");
    assert!(line.text.len() > 40, "the number runs into the text");
}

#[test]
fn r_noinhan_sizes_and_punctuation() {
    for (name, probe) in probes() {
        let last = probe.pages.len() - 1;
        let label = probe.line(last, "Nơi nhận:");
        assert!(
            label.bold && label.italic && close(label.size, 12.0, 0.01),
            "{name}: label bold italic 12 pt"
        );
        assert!(close(label.x, LEFT, 0.5), "{name}: flush left");
        let entries: Vec<_> = probe
            .lines(last, 20.0)
            .into_iter()
            .filter(|l| l.baseline > label.baseline && l.x < LEFT + 1.0 && l.text.starts_with('-'))
            .collect();
        assert!(
            entries.iter().all(|l| close(l.size, 11.0, 0.01) && !l.bold),
            "{name}: entries 11 pt"
        );
        let archive = entries.last().expect("entries");
        assert!(
            archive.text.starts_with("- Lưu: VT") && archive.text.ends_with('.'),
            "{name}: {:?}",
            archive.text
        );
        // R-AUTH / R-SIGNER: the signature block starts level with 'Nơi nhận:'.
        let first_signer = probe
            .lines(last, 20.0)
            .into_iter()
            .find(|l| l.x > A4.0 / 2.0 - 20.0 && close(l.baseline, label.baseline, 0.1));
        assert!(
            first_signer.is_some_and(|l| l.bold),
            "{name}: signer's first line level with Nơi nhận"
        );
    }
}

#[test]
fn r_signer_name_under_title_with_room_to_sign() {
    let probe = Probe::new(&compile(&sample("002")));
    let last = probe.pages.len() - 1;
    let kt = probe.line(last, "KT. GIÁM ĐỐC");
    let title = probe.line(last, "PHÓ GIÁM ĐỐC");
    let name = probe.line(last, "Vũ Quang Hưng");
    for l in [&kt, &title, &name] {
        assert!(l.bold && (13.0..=14.0).contains(&l.size), "{:?}", l.text);
        assert!(close(l.centre(), kt.centre(), 0.5), "{:?} centred", l.text);
    }
    assert!(title.baseline > kt.baseline);
    assert!(name.baseline - title.baseline >= 25.0 * MM, "room to sign");
}

#[test]
fn r_end_content_ends_with_the_end_mark() {
    for (name, probe) in probes() {
        let lines = probe.all_lines();
        let label = lines
            .iter()
            .position(|l| l.text.starts_with("Nơi nhận:"))
            .expect("Nơi nhận");
        let before = &lines[label - 1];
        assert!(before.text.ends_with("./."), "{name}: {:?}", before.text);
    }
}
