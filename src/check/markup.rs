//! Inline markup left open (K-MARKUP): a `*` that would start italic or
//! bold, or a `^[` that would start a footnote, with nothing to close it.
//! It prints as typed, which is right for a literal mark and wrong for a
//! forgotten one: the clerk is told what prints and how to have either.

use super::{Finding, Severity};
use crate::markup::{Loose, loose_marks};
use crate::model::Plan;

pub fn check(plan: &Plan, out: &mut Vec<Finding>) {
    plan.visit_strings(&mut |path, _, text| {
        for loose in loose_marks(text) {
            if is_bullet(text, &loose) {
                continue;
            }
            let (message, suggestion) = explain(&loose);
            out.push(
                Finding::new(Severity::Warning, "K-MARKUP", path, message).suggest(suggestion),
            );
        }
    });
}

/// One star opening a paragraph (`*Giải pháp lâu dài:`) is how many
/// plans mark an item: a sign, not italic left open.
fn is_bullet(text: &str, loose: &Loose) -> bool {
    text.strip_prefix('*').is_some_and(|rest| {
        loose.mark == "*" && !rest.starts_with('*') && rest.starts_with(&loose.before)
    })
}

fn explain(loose: &Loose) -> (String, String) {
    let Loose { mark, before } = loose;
    if mark == "^[" {
        return (
            format!(
                "\"^[\" trước \"{before}\" mở một chú thích nhưng không có dấu \"]\" đóng: \
                 văn bản in nguyên \"^[\" như đã gõ"
            ),
            "muốn có chú thích, thêm \"]\" ngay sau nội dung chú thích; muốn in \"^[\" như đã gõ, \
             viết \"\\^[\""
                .to_owned(),
        );
    }
    let style = match mark.len() {
        1 => "in nghiêng",
        2 => "in đậm",
        _ => "in đậm nghiêng",
    };
    (
        format!(
            "\"{mark}\" trước \"{before}\" mở phần {style} nhưng không có \"{mark}\" đóng: \
             văn bản in nguyên dấu \"{mark}\" như đã gõ"
        ),
        format!(
            "muốn {style}, thêm \"{mark}\" ngay sau chữ cuối của phần đó; muốn in dấu \"{mark}\" \
             như đã gõ, viết \"\\{mark}\""
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(paragraph: &str) -> Vec<Finding> {
        let plan: Plan = serde_json::from_value(serde_json::json!({
            "issuer": { "name": "SỞ TƯ PHÁP", "abbreviation": "STP" },
            "place": "Lạng Sơn", "date": "2026-03-02", "title": "Kiểm tra",
            "sections": [ { "title": "NỘI DUNG", "content": [ paragraph ] } ],
            "recipients": ["Lãnh đạo Sở"], "archive": "VT",
            "signer": { "title": "GIÁM ĐỐC", "name": "Nguyễn Văn A" }
        }))
        .unwrap();
        let mut out = Vec::new();
        check(&plan, &mut out);
        out
    }

    #[test]
    fn a_mark_left_open_is_found_at_its_field() {
        let found = findings("Thực hiện *nghiêm túc các nhiệm vụ");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule, "K-MARKUP");
        assert_eq!(found[0].path, "sections[0].content[0]");
        assert!(found[0].message.contains("trước \"nghiêm túc các nhiệm\""));
        assert!(found[0].message.contains("in nghiêng"));
        assert!(
            found[0]
                .suggestion
                .as_ref()
                .unwrap()
                .contains("viết \"\\*\"")
        );
        let note = findings("Theo Kế hoạch^[số 12/KH-STP");
        assert!(note[0].message.contains("\"]\""), "{note:?}");
    }

    #[test]
    fn literal_stars_and_closed_marks_are_not_findings() {
        for text in [
            "Chỉ tiêu (*) là chỉ tiêu bắt buộc; chỉ tiêu (*) phải báo cáo hằng quý",
            "7*7 và {{ 7*7 }}",
            "**Điều 1.** Thực hiện *nghiêm túc*^[Theo Kế hoạch]",
            "\\*nghiêm túc như đã gõ",
            "*Giải pháp lâu dài: nạo vét kênh mương",
        ] {
            assert!(findings(text).is_empty(), "{text}");
        }
    }
}
