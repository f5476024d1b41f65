//! Places in words: every part of a plan, as the clerk sees it on the page.

use serde_json::json;

use super::*;
use crate::model::testing::{self, section, text};
use crate::model::{Appendix, Numbering};

fn block(value: serde_json::Value) -> Block {
    serde_json::from_value(value).unwrap()
}

/// Letter numbering, a kept number, a list, a table, two appendices.
fn plan() -> Plan {
    let mut plan = testing::plan();
    plan.numbering = Some(Numbering::Letter);
    plan.bases = vec!["Căn cứ A;".into(), "Căn cứ B.".into()];
    plan.recipients = vec!["Sở A".into(), "Sở B".into()];
    let mut purpose = section(Some("Mục đích:"), &[]);
    purpose.sections = vec![section(None, &["Điểm a."]), section(None, &["Điểm b."])];
    let mut first = section(Some("MỤC ĐÍCH, YÊU CẦU"), &[]);
    first.sections = vec![purpose];
    let mut second = section(Some("NỘI DUNG"), &["Mở."]);
    second.number = Some("V.".into());
    second
        .content
        .push(block(json!({ "list": ["Ý một.", "Ý hai."] })));
    second.content.push(block(json!({ "table": {
        "columns": [{ "title": "STT" }, { "title": "Nội dung" }],
        "rows": [["1", "Việc"]]
    } })));
    second.content.push(text("Đóng."));
    plan.sections = vec![first, second];
    let appendix = |label: Option<&str>| Appendix {
        label: label.map(str::to_owned),
        title: "DANH MỤC".into(),
        subtitle: None,
        reference: None,
        landscape: false,
        content: vec![text("Một.")],
        sections: vec![section(Some("Tên"), &["Đoạn."])],
    };
    plan.appendices = vec![appendix(Some("Phụ lục A")), appendix(None)];
    plan
}

#[test]
fn every_part_of_a_plan_is_named_as_the_page_shows_it() {
    let plan = plan();
    let places = Places::new(&plan);
    for (path, words) in [
        (".", "Kế hoạch"),
        ("year", "Phần đầu · Năm"),
        ("issuer.name_in_text", "Phần đầu · Tên dùng trong câu văn"),
        ("bases[1]", "Căn cứ, đoạn 2"),
        ("recipients[0]", "Nơi nhận, dòng 1"),
        ("archive", "Nơi nhận · Lưu"),
        ("signer.name", "Người ký · Họ và tên"),
        (
            "sections[0].sections[0].sections[1].content[0]",
            "Mục I.1.b, đoạn 1",
        ),
        ("sections[0].sections[0].title", "Mục I.1 Mục đích, tên mục"),
        ("sections[1].title", "Mục V NỘI DUNG, tên mục"),
        ("sections[1].content[1].list[1]", "Mục V NỘI DUNG, đoạn 3"),
        ("sections[1].content[3]", "Mục V NỘI DUNG, đoạn 4"),
        (
            "sections[1].content[2].table.rows[0][1]",
            "Mục V NỘI DUNG, bảng, hàng 1, cột Nội dung",
        ),
        (
            "appendices[0].sections[0].content[0]",
            "Phụ lục A, Mục I Tên, đoạn 1",
        ),
        ("appendices[1].title", "Phụ lục II · Tên phụ lục"),
        ("appendices[1].content[0]", "Phụ lục II, đoạn 1"),
        ("sections[9].title", "Nội dung"),
        ("decision.articles[1]", "Quyết định ban hành, Điều 2"),
    ] {
        assert_eq!(places.words(path), words, "{path}");
    }
}

#[test]
fn printed_numbers_join_into_the_full_number() {
    assert_eq!(full_number(&["II.", "1.", "1.1."]), "II.1.1");
    assert_eq!(full_number(&["II.", "1.", "1.1.", "1.1.2."]), "II.1.1.2");
    assert_eq!(full_number(&["III.", "2.", "b)"]), "III.2.b");
    assert_eq!(full_number(&["III.", "2.", "b)", "-"]), "III.2.b");
}

#[test]
fn long_titles_are_cut_at_a_word() {
    assert_eq!(first_words("Mục đích", 60), "Mục đích");
    assert_eq!(
        first_words("Công tác tổ chức thi hành pháp luật, theo dõi thi hành", 40),
        "Công tác tổ chức thi hành pháp luật…"
    );
}
