//! The parts of a kế hoạch the seed samples do not use, measured on
//! `tests/fixtures/full.json`: độ khẩn, căn cứ lines, footnotes, điểm
//! letters, tasks, tables, stacked authority, signature and seal images,
//! appendices with their own numbering, one of them landscape.

mod common;

use common::{MM, Probe, compile, root};

fn full() -> Probe {
    Probe::new(&compile(&root().join("tests/fixtures/full.json")))
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn r_urgent_box_under_the_number() {
    let p = full();
    let so = p.line(0, "Số: 05/KH-UBND");
    let word = p.line(0, "KHẨN");
    assert!(word.bold && (13.0..=14.0).contains(&word.size));
    let b = p
        .boxes
        .iter()
        .find(|b| b.page == 0 && b.y > so.baseline)
        .expect("a box under số");
    assert!(
        close(b.w, 20.0 * MM, 0.1) && close(b.h, 8.0 * MM, 0.1),
        "{:.1}×{:.1} mm",
        b.w / MM,
        b.h / MM
    );
    assert!(close(b.centre_x(), so.centre(), 1.0) && close(word.centre(), b.centre_x(), 0.5));
    assert!(
        word.baseline > b.y && word.baseline < b.y + b.h,
        "the word sits in its box"
    );
}

#[test]
fn r_date_pads_day_and_early_months() {
    assert_eq!(
        full().line(0, "ngày").text,
        "Lạng Sơn, ngày 05 tháng 01 năm 2026"
    );
}

#[test]
fn r_cancu_italic_lines_with_their_punctuation() {
    let p = full();
    // Body-size lines only: the next paragraph's footnote mark sits apart.
    let lines: Vec<_> = p
        .lines(0, 40.0)
        .into_iter()
        .filter(|l| l.size > 12.0)
        .collect();
    let at = |t: &str| lines.iter().position(|l| l.text.starts_with(t)).unwrap();
    let (first, second, end) = (
        at("Căn cứ Luật"),
        at("Căn cứ Nghị định"),
        at("Ủy ban nhân dân tỉnh ban hành"),
    );
    assert!(
        lines[first..end].iter().all(|l| l.italic),
        "căn cứ lines are italic"
    );
    assert!(
        lines[second - 1].text.ends_with("2025;"),
        "{:?}",
        lines[second - 1].text
    );
    let last: Vec<&str> = lines[second..end].iter().map(|l| l.text.as_str()).collect();
    assert!(last.join(" ").ends_with("của Chính phủ."), "{last:?}");
}

#[test]
fn r_footnote_numbered_at_the_page_foot_in_a_smaller_size() {
    let p = full();
    let note = p.line(0, "Kế hoạch này thay thế");
    assert!(note.baseline > 250.0 * MM, "at the foot of the page");
    assert!(note.size < 14.0, "smaller than the body: {} pt", note.size);
    let mark = p
        .page_runs(0)
        .find(|r| r.text == "1" && r.baseline < note.baseline - 50.0)
        .expect("a reference mark");
    assert!(mark.size < 14.0, "the mark is a superscript");
}

#[test]
fn r_diem_letters_skip_f() {
    let p = full();
    let letters: Vec<String> = p
        .lines(0, 40.0)
        .into_iter()
        .filter(|l| l.text.starts_with("Điểm") || l.text.contains(") Điểm"))
        .map(|l| l.text.split(')').next().unwrap().to_owned())
        .collect();
    assert_eq!(letters, ["a", "b", "c", "d", "đ", "e", "g"]);
}

#[test]
fn tasks_print_their_labelled_lines() {
    let p = full();
    for line in [
        "- Chủ trì thực hiện: Sở Tư pháp.",
        "- Phối hợp thực hiện: Sở Nội vụ; Văn phòng UBND tỉnh.",
        "- Thời gian thực hiện: Quý II/2026.",
        "- Sản phẩm: Báo cáo kết quả rà soát.",
    ] {
        let label = line.split(':').next().unwrap();
        assert_eq!(p.line(0, label).text, line);
    }
}

#[test]
fn tables_keep_their_columns_inside_the_margins() {
    let p = full();
    let all = p.all_lines();
    let header = all
        .iter()
        .find(|l| l.text.starts_with("STT"))
        .expect("table header");
    assert!(header.bold);
    let cell = all
        .iter()
        .find(|l| l.text.contains("thẩm định"))
        .expect("a cell with markup");
    assert!(cell.x >= 30.0 * MM && cell.right <= 195.0 * MM);
    let percent = p
        .runs
        .iter()
        .find(|r| r.text == "100%")
        .expect("right-aligned cell");
    assert!(
        percent.right() > 190.0 * MM,
        "right-aligned to the table edge"
    );
}

#[test]
fn r_auth_stacked_tm_and_kt_over_the_title() {
    let p = full();
    let lines = p.all_lines();
    let at = |t: &str| {
        lines
            .iter()
            .position(|l| l.text == t)
            .unwrap_or_else(|| panic!("{t}"))
    };
    let (tm, kt, title, name) = (
        at("TM. ỦY BAN NHÂN DÂN"),
        at("KT. CHỦ TỊCH"),
        at("PHÓ CHỦ TỊCH"),
        at("Nguyễn Văn An"),
    );
    assert!(tm < kt && kt < title && title < name);
    for i in [tm, kt, title, name] {
        assert!(lines[i].bold && close(lines[i].centre(), lines[tm].centre(), 0.5));
    }
}

#[test]
fn r_esig_images_between_title_and_name() {
    let p = full();
    let lines = p.all_lines();
    let title = lines.iter().find(|l| l.text == "PHÓ CHỦ TỊCH").unwrap();
    let name = lines.iter().find(|l| l.text == "Nguyễn Văn An").unwrap();
    assert_eq!(p.images.len(), 2, "signature and seal");
    let sig = p
        .images
        .iter()
        .find(|i| i.w > i.h)
        .expect("the wide signature image");
    let seal = p
        .images
        .iter()
        .find(|i| close(i.w, i.h, 0.5))
        .expect("the round seal");
    assert_eq!((sig.page, seal.page), (title.page, title.page));
    assert!(
        sig.y > title.baseline && sig.y + sig.h < name.baseline - 10.0,
        "signature between title and name"
    );
    // The seal, at real size, may reach over the lines; its centre does not.
    let seal_centre = seal.y + seal.h / 2.0;
    assert!(
        seal_centre > title.baseline && seal_centre < name.baseline - 10.0,
        "seal centred in the space"
    );
    assert!(
        close(sig.centre_x(), title.centre(), 0.5),
        "signature centred under the title"
    );
    let overlap = (seal.x + seal.w).min(sig.x + sig.w) - seal.x.max(sig.x);
    let share = overlap / sig.w;
    assert!(
        seal.x < sig.x && (0.2..=0.5).contains(&share),
        "seal covers {share:.2} of the signature, on its left"
    );
}

#[test]
fn r_pl_appendices_on_their_own_pages_numbered_apart() {
    let p = full();
    let label_page = |label: &str| {
        p.all_lines()
            .into_iter()
            .find(|l| l.text == label)
            .unwrap_or_else(|| panic!("{label}"))
            .page
    };
    let (one, two) = (label_page("Phụ lục I"), label_page("Phụ lục II"));
    assert!(one > 0 && two > one);
    for page in [one, two] {
        let lines = p.lines(page, 40.0);
        let label = &lines[0];
        assert!(
            label.bold && close(label.size, 14.0, 0.01),
            "label 14 pt bold first on its page"
        );
        let title = &lines[1];
        assert!(title.bold && title.text == title.text.to_uppercase());
        let reference = lines
            .iter()
            .find(|l| l.text.starts_with("(Kèm theo"))
            .expect("reference line");
        assert!(reference.italic);
        assert!(
            reference
                .text
                .contains("Kế hoạch số 05/KH-UBND ngày 05 tháng 01 năm 2026"),
            "{}",
            reference.text
        );
        // Each appendix starts its own numbering: no number on its first page.
        assert!(
            !p.page_runs(page).any(|r| r.baseline < 20.0 * MM),
            "no page number on p{}",
            page + 1
        );
    }
    let (w, h) = p.pages[two];
    assert!(w > h, "the wide task table's appendix is landscape");
    let (w, h) = p.pages[one];
    assert!(w < h);
}

#[test]
fn r_page_a_wide_body_table_takes_a_landscape_page_of_the_plan() {
    let p = full();
    let header = p
        .all_lines()
        .into_iter()
        .find(|l| l.text.contains("Nội dung công việc"))
        .expect("the wide table");
    let (w, h) = p.pages[header.page];
    assert!(w > h, "landscape");
    // It stays part of the plan: its page is numbered on, centred on the wide page.
    let number = p
        .page_runs(header.page)
        .find(|r| r.baseline < 20.0 * MM)
        .expect("a page number");
    assert_eq!(number.text, (header.page + 1).to_string());
    assert!(close(
        number.centre(),
        (30.0 * MM + w - 15.0 * MM) / 2.0,
        0.5
    ));
    let caption = p.line(header.page, "Bảng 2. Lịch kiểm tra");
    assert!(
        caption.bold && close(caption.centre(), (30.0 * MM + w - 15.0 * MM) / 2.0, 0.5),
        "caption centred"
    );
    let (w, h) = p.pages[header.page + 1];
    assert!(w < h, "portrait again after the table");
}
