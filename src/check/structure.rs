//! Checks of the structure: kept section numbers in sequence, empty
//! sections, mục titles in capitals, run-in punctuation, recipients and
//! the archive line.

use super::{Finding, Severity};
use crate::format;
use crate::markup::plain_text;
use crate::model::{Plan, Section};

pub fn check(plan: &Plan, out: &mut Vec<Finding>) {
    let style = plan.numbering.unwrap_or_default();
    if plan.sections.is_empty() {
        out.push(
            Finding::new(
                Severity::Error,
                "K-EMPTY",
                "sections",
                "phần nội dung chưa có mục nào (I, II, …): kế hoạch không có nội dung",
            )
            .suggest("thêm các mục, ví dụ \"I. MỤC ĐÍCH, YÊU CẦU\", \"II. NỘI DUNG\""),
        );
    }
    sections(&plan.sections, style, &[], "sections", out);
    recipients(plan, out);
    end_mark_inside(plan, out);
}

/// `./.` closes the content (R-END): one left in the middle of it by an
/// edit (a paragraph moved up, one added after it) says the text ends
/// there.
fn end_mark_inside(plan: &Plan, out: &mut Vec<Finding>) {
    let mut texts: Vec<(String, String)> = Vec::new();
    plan.visit_strings(&mut |path, _, text| {
        if ["preamble", "sections", "closing"]
            .iter()
            .any(|part| path.starts_with(part))
        {
            texts.push((path.to_owned(), text.to_owned()));
        }
    });
    let last = texts.len().saturating_sub(1);
    for (i, (path, text)) in texts.iter().enumerate() {
        let at = text.find("./.");
        let at_end =
            i == last && text.trim_end().ends_with("./.") && at == text.trim_end().rfind("./.");
        if at.is_some() && !at_end {
            out.push(
                Finding::new(
                    Severity::Warning,
                    "R-END",
                    path.clone(),
                    "dấu \"./.\" chỉ đặt ở cuối nội dung văn bản; ở đây nó ở giữa",
                )
                .suggest("xóa dấu ./. này: chương trình tự đặt ./. sau đoạn cuối"),
            );
        }
    }
}

fn sections(
    list: &[Section],
    style: crate::model::Numbering,
    parent: &[u32],
    path: &str,
    out: &mut Vec<Finding>,
) {
    let printed: Vec<String> = list
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut at = parent.to_vec();
            at.push(i as u32 + 1);
            s.number
                .clone()
                .unwrap_or_else(|| format::section_number(style, &at))
        })
        .collect();
    for (i, pair) in printed.windows(2).enumerate() {
        if let (Some(a), Some(b)) = (last_number(&pair[0]), last_number(&pair[1]))
            && b != a + 1
        {
            let what = if b == a { "lặp lại" } else { "bị nhảy" };
            out.push(
                Finding::new(
                    Severity::Warning,
                    "K-NUM",
                    format!("{path}[{}].number", i + 1),
                    format!("số thứ tự {what}: \"{}\" sau \"{}\"", pair[1], pair[0]),
                )
                .suggest("bỏ trường \"number\" để chương trình tự đánh số"),
            );
        }
    }
    let run_in_marks: Vec<char> = list
        .iter()
        .filter(|s| s.run_in)
        .filter_map(|s| s.title.as_deref()?.chars().last())
        .collect();
    if run_in_marks.windows(2).any(|w| w[0] != w[1]) {
        out.push(
            Finding::new(
                Severity::Hint,
                "K-RUNIN",
                path,
                "các tên liền đoạn cùng cấp kết thúc bằng dấu câu khác nhau",
            )
            .suggest("thống nhất dùng \":\" hoặc \".\""),
        );
    }
    for (i, s) in list.iter().enumerate() {
        let here = format!("{path}[{i}]");
        let mut at = parent.to_vec();
        at.push(i as u32 + 1);
        if s.content.is_empty() && s.sections.is_empty() && s.after.is_empty() {
            out.push(Finding::new(
                Severity::Warning,
                "K-EMPTY",
                &here,
                "mục không có nội dung",
            ));
        }
        // A plan set out in khoản only (`1.`, `2.` kept as numbered) has
        // no mục to write in capitals.
        let mục = s
            .number
            .as_deref()
            .is_none_or(|n| roman_value(n.trim().trim_end_matches('.')).is_some());
        if at.len() == 1
            && mục
            && let Some(title) = s
                .title
                .as_deref()
                .filter(|t| plain_text(t) != plain_text(t).to_uppercase())
        {
            let finding = Finding::new(
                Severity::Error,
                "R-MUC",
                format!("{here}.title"),
                "tên mục (cấp I, II, …) phải viết in hoa",
            );
            // A footnote's text stays as typed: only the title is capitals.
            out.push(if title.contains("^[") {
                finding.suggest(plain_text(title).to_uppercase())
            } else {
                finding.fixed_to(title.to_uppercase())
            });
        }
        sections(&s.sections, style, &at, &format!("{here}.sections"), out);
    }
}

/// The last number of `1.1.5.` or `III.`; letters and dashes have none.
fn last_number(printed: &str) -> Option<u32> {
    let last = printed.trim_end_matches(['.', ')']).rsplit('.').next()?;
    last.parse().ok().or_else(|| roman_value(last))
}

fn roman_value(s: &str) -> Option<u32> {
    (1..=40).find(|&n| format::roman(n) == s)
}

fn recipients(plan: &Plan, out: &mut Vec<Finding>) {
    if plan.recipients.is_empty() && !super::attached_to_decision(plan) {
        out.push(
            Finding::new(
                Severity::Error,
                "R-NOINHAN",
                "recipients",
                "chưa ghi nơi nhận nào: kế hoạch phải gửi đến ít nhất một nơi ngoài dòng \"Lưu\"",
            )
            .suggest("thêm nơi nhận, ví dụ \"Lãnh đạo Sở\""),
        );
    }
    let mut seen: Vec<String> = Vec::new();
    for (i, r) in plan.recipients.iter().enumerate() {
        let key = r.to_lowercase();
        // An empty entry prints a bare `- ;` on the page.
        if plain_text(r).trim_matches([' ', '-', ';', '.']).is_empty() {
            out.push(
                Finding::new(
                    Severity::Error,
                    "R-NOINHAN",
                    format!("recipients[{i}]"),
                    format!("nơi nhận thứ {} để trống", i + 1),
                )
                .suggest("ghi tên nơi nhận hoặc xóa dòng này"),
            );
        } else if seen.contains(&key) {
            out.push(Finding::new(
                Severity::Warning,
                "R-NOINHAN",
                format!("recipients[{i}]"),
                format!("nơi nhận \"{r}\" bị lặp"),
            ));
        }
        seen.push(key);
    }
    // An empty lưu is named once, as missing (`header::missing`): no fix
    // writes a value the plan never had.
    if plan.archive.trim().is_empty() {
        return;
    }
    let units: Vec<&str> = plan.archive.split(',').map(str::trim).collect();
    let mut fixed: Vec<String> = units.iter().map(|u| archive_unit_upper(u)).collect();
    if fixed.first().map(String::as_str) != Some("VT") {
        fixed.retain(|u| u != "VT");
        fixed.insert(0, "VT".into());
    }
    let fixed = fixed.join(", ");
    if units.first() != Some(&"VT") {
        out.push(
            Finding::new(
                Severity::Error,
                "R-NOINHAN",
                "archive",
                "dòng lưu phải bắt đầu bằng \"VT\" (văn thư): \"Lưu: VT, …\"",
            )
            .fixed_to(fixed.clone()),
        );
    }
    for unit in units {
        // `NC.Châu`, `VP(Hùng)`: the unit, then the drafter as written.
        let name = unit.split(['(', '.']).next().unwrap_or(unit).trim();
        if name != name.to_uppercase() {
            out.push(
                Finding::new(
                    Severity::Warning,
                    "R-NOINHAN",
                    "archive",
                    format!("đơn vị lưu \"{name}\" phải viết in hoa"),
                )
                .fixed_to(fixed.clone()),
            );
        }
    }
}

/// `vp (cth)` → `VP (cth)`, `nc.Châu` → `NC.Châu`: the unit in capitals,
/// the drafter's initials and copy count as written.
fn archive_unit_upper(unit: &str) -> String {
    match unit.find(['(', '.']) {
        Some(at) if unit[at..].starts_with('(') => {
            format!("{} {}", unit[..at].trim().to_uppercase(), &unit[at..])
        }
        Some(at) => format!("{}{}", unit[..at].trim().to_uppercase(), &unit[at..]),
        None => unit.to_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{self, section};

    /// The test plan with `sections`, one recipient and a right archive line.
    fn plan(sections: Vec<Section>) -> Plan {
        let mut plan = testing::plan();
        plan.sections = sections;
        plan.recipients = vec!["Lãnh đạo Sở".into()];
        plan.archive = "VT, VP".into();
        plan
    }

    fn rules(p: &Plan) -> Vec<&'static str> {
        let mut out = Vec::new();
        check(p, &mut out);
        out.into_iter().map(|f| f.rule).collect()
    }

    #[test]
    fn kept_numbers_with_a_gap_are_found() {
        // Seed 003 jumps from 1.1.3 to 1.1.5.
        let mut points: Vec<Section> = ["a", "b", "c", "d"]
            .iter()
            .map(|p| section(None, &[*p]))
            .collect();
        points[3].number = Some("1.1.5.".into());
        let mut one = section(Some("Một"), &[]);
        one.sections = points;
        let mut body = section(Some("NỘI DUNG"), &[]);
        body.sections = vec![one];
        let mut p = plan(vec![body]);
        p.numbering = Some(crate::model::Numbering::Decimal);
        assert_eq!(rules(&p), ["K-NUM"]);
    }

    #[test]
    fn an_empty_plan_is_an_error() {
        // What the form holds after deleting every mục and clearing nơi nhận.
        let mut p = plan(Vec::new());
        p.recipients = vec!["".into(), " - ; ".into(), "Lãnh đạo Sở".into()];
        let mut found = Vec::new();
        check(&p, &mut found);
        let errors: Vec<(&str, &str)> = found
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.rule, f.path.as_str()))
            .collect();
        assert_eq!(
            errors,
            [
                ("K-EMPTY", "sections"),
                ("R-NOINHAN", "recipients[0]"),
                ("R-NOINHAN", "recipients[1]")
            ]
        );
        p.recipients.clear();
        let mut found = Vec::new();
        check(&p, &mut found);
        assert!(found.iter().any(|f| f.path == "recipients"), "{found:?}");
    }

    #[test]
    fn an_end_mark_inside_the_content_is_found() {
        let end = |p: &Plan| -> Vec<String> {
            let mut found = Vec::new();
            check(p, &mut found);
            found
                .into_iter()
                .filter(|f| f.rule == "R-END")
                .map(|f| f.path)
                .collect()
        };
        // An edit left the first paragraph's `./.` when one was added after.
        let moved = plan(vec![section(
            Some("NỘI DUNG"),
            &["Thực hiện nghiêm túc./.", "Báo cáo kết quả."],
        )]);
        assert_eq!(end(&moved), ["sections[0].content[0]"]);
        let last = plan(vec![section(
            Some("NỘI DUNG"),
            &["Thực hiện nghiêm túc.", "Báo cáo kết quả./."],
        )]);
        assert!(end(&last).is_empty());
        let inside = plan(vec![section(Some("NỘI DUNG"), &["Một./. Hai."])]);
        assert_eq!(end(&inside), ["sections[0].content[0]"]);
    }

    #[test]
    fn titles_recipients_and_archive() {
        let mut p = plan(vec![
            section(Some("Mục đích"), &["x"]),
            section(Some("TRỐNG"), &[]),
        ]);
        p.recipients = vec!["Lãnh đạo Sở".into(), "lãnh đạo sở".into()];
        p.archive = "VP, vt".into();
        let found = rules(&p);
        for rule in ["R-MUC", "K-EMPTY", "R-NOINHAN"] {
            assert!(found.contains(&rule), "{rule} in {found:?}");
        }
        assert!(rules(&plan(vec![section(Some("MỤC ĐÍCH"), &["x"])])).is_empty());
        // The drafter after the unit (`NC.Châu`) and khoản kept at the top
        // (`1.`, as a decision's articles give them) are correct.
        let mut khoan = section(Some("Tựu trường"), &["x"]);
        khoan.number = Some("1.".into());
        let mut p = plan(vec![khoan]);
        p.archive = "VT, NC.Châu".into();
        assert!(rules(&p).is_empty(), "{:?}", rules(&p));
    }
}
