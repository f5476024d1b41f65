//! The rollover of running text: what moves, what is flagged, what stays.

use super::*;

fn rolled(text: &str) -> String {
    roll_text(text, 2025).text
}

/// The words of the citations flagged in `r`.
fn citations(r: &Rolled) -> Vec<&str> {
    r.flags
        .iter()
        .filter(|f| f.kind == FlagKind::OldCitation)
        .map(|f| f.text.as_str())
        .collect()
}

fn flags(text: &str) -> Vec<FlagKind> {
    roll_text(text, 2025)
        .flags
        .into_iter()
        .map(|f| f.kind)
        .collect()
}

#[test]
fn a_citation_with_a_quoted_title_keeps_its_date() {
    // Sample 003: the own body's plan cited with the movement it answers.
    let text = "ban hành kèm theo Quyết định 626/QĐ-BTP ngày 20/02/2025 của Bộ trưởng Bộ Tư pháp; Kế hoạch số 42/KH-STP ngày 28/02/2025 của Sở Tư pháp hưởng ứng thực hiện phong trào thi đua “Xây dựng xã hội học tập” của ngành Tư pháp tỉnh Lạng Sơn.";
    let r = roll_text(text, 2025);
    assert_eq!(r.text, text);
    let cited = citations(&r);
    assert_eq!(
        cited,
        [
            "Quyết định 626/QĐ-BTP ngày 20/02/2025 của Bộ trưởng Bộ Tư pháp",
            "Kế hoạch số 42/KH-STP ngày 28/02/2025 của Sở Tư pháp hưởng ứng thực hiện phong trào thi đua"
        ]
    );
}

#[test]
fn a_numbered_document_of_any_kind_keeps_its_date() {
    for text in [
        "Thực hiện Văn bản số 312/STP-VP ngày 05/3/2025 của Sở Tư pháp, các phòng báo cáo.",
        "Theo Tờ trình số 12/TTr-SNV ngày 4 tháng 3 năm 2025 của Sở Nội vụ.",
        "Thực hiện số 88/UBND-NC ngày 10/01/2025 của UBND tỉnh.",
    ] {
        let r = roll_text(text, 2025);
        assert_eq!(r.text, text);
        assert!(
            r.flags.iter().any(|f| f.kind == FlagKind::OldCitation),
            "{text}"
        );
    }
}

#[test]
fn anniversaries_keep_their_dash() {
    assert_eq!(
        rolled("Kỷ niệm 80 năm Ngày truyền thống ngành Tư pháp (28/8/1945 – 28/8/2025)"),
        "Kỷ niệm 81 năm Ngày truyền thống ngành Tư pháp (28/8/1945 – 28/8/2026)"
    );
}

#[test]
fn a_quoted_name_keeps_its_year_and_is_flagged() {
    // Seed 003: the 2025 special movement is named after that year's anniversary.
    let text = "Phong trào thi đua đặc biệt “Đẩy nhanh tiến độ, về đích sớm …, lập thành tích xuất sắc chào mừng Kỷ niệm 80 năm Ngày truyền thống ngành Tư pháp (28/8/1945 – 28/8/2025) và Đại hội Thi đua yêu nước ngành Tư pháp lần thứ VI” trong năm 2025";
    let r = roll_text(text, 2025);
    assert!(
        r.text.contains("Kỷ niệm 80 năm") && r.text.contains("28/8/2025)"),
        "the name stays"
    );
    assert!(
        r.text.ends_with("trong năm 2026"),
        "the year outside the name moves"
    );
    assert_eq!(
        r.flags.iter().map(|f| f.kind).collect::<Vec<_>>(),
        [FlagKind::QuotedName]
    );
    assert_eq!(
        flags("phong trào “Xóa nhà tạm, nhà dột nát năm 2025”"),
        [FlagKind::QuotedName]
    );
}

#[test]
fn anniversaries_are_recomputed_from_their_base_date() {
    // Seed 003 → seed 004.
    assert_eq!(
        rolled("kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/2/1930-30/2/2025);"),
        "kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/2/1930 - 30/2/2026);"
    );
    assert_eq!(
        rolled("kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890-19/5/2025)"),
        "kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2026)"
    );
    assert_eq!(
        rolled(
            "kỷ niệm 77 năm Ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi thi đua ái quốc (11/6/1948-11/6/2025)"
        ),
        "kỷ niệm 78 năm Ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2026)"
    );
}

#[test]
fn an_anniversary_without_its_base_is_flagged_not_guessed() {
    let text = "chào mừng kỷ niệm 80 năm Ngày truyền thống ngành Tư pháp Việt Nam;";
    assert_eq!(rolled(text), text);
    assert_eq!(flags(text), [FlagKind::AnniversaryWithoutBase]);
}

#[test]
fn a_wrong_anniversary_count_is_flagged_not_changed() {
    let text = "kỷ niệm 94 năm Ngày thành lập Đảng (03/2/1930-03/2/2025)";
    assert_eq!(rolled(text), text);
    assert_eq!(flags(text), [FlagKind::AnniversaryMismatch]);
}

#[test]
fn the_plan_year_and_its_deadlines_move_on() {
    assert_eq!(
        rolled("Thời gian từ đầu năm đến ngày 30/6/2025, lập thành tích"),
        "Thời gian từ đầu năm đến ngày 30/6/2026, lập thành tích"
    );
    assert_eq!(
        rolled("Thời gian từ ngày 01/7/2025 đến kết thúc năm 2025"),
        "Thời gian từ ngày 01/7/2026 đến kết thúc năm 2026"
    );
    assert_eq!(
        rolled("sơ kết 6 tháng đầu năm 2025"),
        "sơ kết 6 tháng đầu năm 2026"
    );
    assert_eq!(
        rolled("Hoàn thành trong tháng 04/2025 và thường xuyên"),
        "Hoàn thành trong tháng 04/2026 và thường xuyên"
    );
    assert_eq!(rolled("Quý II/2025"), "Quý II/2026");
    assert_eq!(
        rolled("6 tháng (trước ngày 05/6), năm (trước ngày 15/11)"),
        "6 tháng (trước ngày 05/6), năm (trước ngày 15/11)"
    );
}

#[test]
fn ranges_terms_history_and_ordinals_are_left_alone() {
    for text in [
        "giai đoạn 2021-2025",
        "giai đoạn 2023-2030",
        "nhiệm kỳ 2025-2030",
        "nhiệm kỳ 2026 - 2031",
        "ngày 02/9/1945",
        "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
        "chỉ tiêu 100% văn bản, 2.025 hồ sơ",
        "Nghị quyết số 57-NQ/TW ngày 22/12/2024",
        "phấn đấu đến hết năm 2030",
    ] {
        assert_eq!(rolled(text), text);
    }
}

#[test]
fn citations_are_kept_and_flagged() {
    let text = "Thực hiện Kế hoạch số 01/KH-UBND ngày 02/01/2025 của UBND tỉnh về công tác thi đua, khen thưởng năm 2025; Quyết định số 644/QĐ-BTP ngày 25/02/2025 của Bộ trưởng Bộ Tư pháp về việc ban hành Kế hoạch phát động phong trào thi đua ngành Tư pháp năm 2025, Sở Tư pháp tỉnh Lạng Sơn triển khai";
    let r = roll_text(text, 2025);
    assert_eq!(r.text, text, "a citation is never edited");
    let cited = citations(&r);
    assert_eq!(cited.len(), 2);
    assert!(cited[0].starts_with("Kế hoạch số 01/KH-UBND ngày 02/01/2025"));
    assert!(cited[1].starts_with("Quyết định số 644/QĐ-BTP ngày 25/02/2025"));
    // Without "số", a symbol still makes a citation: its date stays.
    let bare = "theo Quyết định 626/QĐ-BTP ngày 20/02/2025 của Bộ trưởng";
    assert_eq!(rolled(bare), bare);
    assert_eq!(flags(bare), [FlagKind::OldCitation]);
    // An older, standing document is cited as it is, without a flag.
    assert!(flags("theo Quyết định số 1574/QĐ-BTP ngày 11/7/2019 của Bộ trưởng").is_empty());
    // A law is cited by its name and date, with no number.
    let law = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025; Luật Đất đai năm 2025;";
    assert_eq!(rolled(law), law);
    assert_eq!(flags(law), [FlagKind::OldCitation]);
    // Corpus more/01: an amending law is named in lower case.
    let amending =
        "Luật sửa đổi, bổ sung một số điều của Luật bảo hiểm y tế ngày 27 tháng 11 năm 2025;";
    assert_eq!(rolled(amending), amending);
    assert_eq!(flags(amending), [FlagKind::OldCitation]);
}

#[test]
fn one_off_events_are_flagged() {
    let text = "Đại hội Thi đua yêu nước ngành Tư pháp, tiến tới Đại hội Thi đua yêu nước toàn quốc lần thứ XI";
    assert_eq!(rolled(text), text);
    assert_eq!(flags(text), [FlagKind::OneOffEvent]);
    assert_eq!(
        flags("bầu cử Quốc hội khóa XVI và Hội đồng nhân dân các cấp"),
        [FlagKind::OneOffEvent]
    );
}

#[test]
fn unclear_and_later_years_are_flagged_not_changed() {
    let text = "Kế hoạch 2025 của ngành";
    assert_eq!(rolled(text), text);
    assert_eq!(flags(text), [FlagKind::UnclearYear]);
    let later = "chuẩn bị cho năm 2026";
    assert_eq!(rolled(later), later);
    assert_eq!(flags(later), [FlagKind::LaterYear]);
}

#[test]
fn a_date_missing_from_the_new_year_is_flagged() {
    let r = roll_text("hạn chót ngày 29/2/2028", 2028);
    assert_eq!(r.text, "hạn chót ngày 29/2/2028");
    assert_eq!(r.flags[0].kind, FlagKind::ImpossibleDate);
}

#[test]
fn edits_show_before_and_after_in_context() {
    let r = roll_text("tổng kết công tác tư pháp năm 2025.", 2025);
    assert_eq!(r.edits.len(), 1);
    assert!(r.edits[0].before.ends_with("năm 2025.") && r.edits[0].after.ends_with("năm 2026."));
}
