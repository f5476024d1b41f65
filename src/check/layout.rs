//! Checks measured on the laid-out pages, through the areas the templates
//! mark (see [`crate::stamps`]).

use super::{Finding, Severity};
use crate::stamps::StampArea;

/// The widest the quốc hiệu may be: its header column (Mẫu 1.4).
const NATIONAL_MAX_WIDTH: f64 = 100.0 * 72.0 / 25.4;

/// Adds findings; returns the rules it could measure (a plan whose content
/// ends in a table has no end mark, so its R-SIGNER stays unevaluated).
pub fn check(areas: &[StampArea], out: &mut Vec<Finding>) -> Vec<&'static str> {
    let area = |name: &str| areas.iter().find(|a| a.name == name);
    let mut measured = Vec::new();
    if let Some(national) = area("national") {
        measured.push("R-QH");
        let [left, bottom, right, top] = national.rect;
        if top - bottom > 20.0 || right - left > NATIONAL_MAX_WIDTH {
            out.push(Finding::new(
                Severity::Error,
                "R-QH",
                ".",
                "quốc hiệu không nằm gọn trên một dòng trong cột phải",
            ));
        }
    }
    if let (Some(end), Some(closing)) = (area("body-end"), area("closing")) {
        measured.push("R-SIGNER");
        if closing.page != end.page {
            out.push(
                Finding::new(
                    Severity::Warning,
                    "R-SIGNER",
                    "signer",
                    format!(
                        "khối chữ ký bị đẩy sang trang {} riêng, tách khỏi dòng cuối của nội dung",
                        closing.page
                    ),
                )
                .suggest(
                    "rút gọn nội dung hoặc nơi nhận để khối chữ ký nằm cùng trang với dòng cuối",
                ),
            );
        }
    }
    if let (Some(closing), Some(signature)) = (area("closing"), area("signature")) {
        measured.push("R-NOINHAN");
        if closing.page != signature.page {
            out.push(Finding::new(
                Severity::Error,
                "R-NOINHAN",
                "recipients",
                "nơi nhận và chữ ký không cùng một trang",
            ));
        }
    }
    measured
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(name: &str, page: usize, rect: [f64; 4]) -> StampArea {
        StampArea {
            name: name.into(),
            page,
            rect,
        }
    }

    #[test]
    fn a_signature_block_alone_on_its_page_is_found() {
        let mut out = Vec::new();
        check(
            &[
                area("body-end", 3, [0.0; 4]),
                area("closing", 4, [0.0; 4]),
                area("signature", 4, [0.0; 4]),
            ],
            &mut out,
        );
        assert_eq!(out.iter().map(|f| f.rule).collect::<Vec<_>>(), ["R-SIGNER"]);
        let mut out = Vec::new();
        check(
            &[
                area("body-end", 4, [0.0; 4]),
                area("closing", 4, [0.0; 4]),
                area("signature", 4, [0.0; 4]),
            ],
            &mut out,
        );
        assert!(out.is_empty());
    }

    #[test]
    fn a_wrapped_national_title_is_found() {
        let mut out = Vec::new();
        check(
            &[area("national", 1, [300.0, 780.0, 560.0, 812.0])],
            &mut out,
        );
        assert_eq!(out[0].rule, "R-QH");
    }
}
