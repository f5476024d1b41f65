//! Checks measured on the laid-out pages, through the areas the templates
//! mark (see [`crate::stamps`]).

use typst::layout::{Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

use super::{Finding, Severity};
use crate::stamps::StampArea;

/// The widest the quốc hiệu may be: its header column (Mẫu 1.4).
const NATIONAL_MAX_WIDTH: f64 = 100.0 * 72.0 / 25.4;

/// Adds findings; returns the rules it could measure (a plan whose content
/// ends in a table has no end mark, so its R-SIGNER stays unevaluated).
/// `lowest_text` is, per page, the PDF height of the lowest baseline.
pub fn check(
    areas: &[StampArea],
    lowest_text: &[f64],
    out: &mut Vec<Finding>,
) -> Vec<&'static str> {
    let area = |name: &str| areas.iter().find(|a| a.name == name);
    let mut measured = Vec::new();
    let headings: Vec<_> = areas.iter().filter(|a| a.name == "heading").collect();
    if !headings.is_empty() {
        measured.push("R-MUC");
    }
    for heading in headings {
        // Nothing printed between the heading's last line and the page's
        // footnotes.
        let below = lowest_text
            .get(heading.page - 1)
            .is_some_and(|&y| y < heading.rect[1] - 1.0);
        if !below {
            out.push(Finding::new(
                Severity::Warning,
                "R-MUC",
                ".",
                format!("một tên mục nằm một mình cuối trang {}", heading.page),
            ));
        }
    }
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

/// Per page, the height above the page foot of the lowest baseline above
/// the footnotes, in PDF points (`f64::INFINITY` for a page without text).
pub fn lowest_text(document: &PagedDocument, areas: &[StampArea]) -> Vec<f64> {
    fn walk(frame: &Frame, ts: Transform, floor: f64, lowest: &mut f64) {
        for (pos, item) in frame.items() {
            let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
            match item {
                FrameItem::Group(g) => walk(&g.frame, here.pre_concat(g.transform), floor, lowest),
                FrameItem::Text(_) => {
                    let y = Point::zero().transform(here).y.to_pt();
                    if y < floor {
                        *lowest = lowest.max(y);
                    }
                }
                _ => {}
            }
        }
    }
    document
        .pages()
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let height = page.frame.size().y.to_pt();
            let floor = areas
                .iter()
                .find(|a| a.name == "footnotes" && a.page == i + 1)
                .map_or(f64::INFINITY, |a| height - a.rect[3]);
            let mut lowest = f64::NEG_INFINITY;
            walk(&page.frame, Transform::identity(), floor, &mut lowest);
            height - lowest
        })
        .collect()
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
            &[],
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
            &[],
            &mut out,
        );
        assert!(out.is_empty());
    }

    #[test]
    fn a_heading_with_nothing_below_it_is_found() {
        let heading = area("heading", 2, [85.0, 60.0, 85.0, 60.0]);
        let mut out = Vec::new();
        check(std::slice::from_ref(&heading), &[40.0, 61.0], &mut out);
        assert_eq!(out[0].rule, "R-MUC");
        let mut out = Vec::new();
        check(&[heading], &[40.0, 45.0], &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn a_wrapped_national_title_is_found() {
        let mut out = Vec::new();
        check(
            &[area("national", 1, [300.0, 780.0, 560.0, 812.0])],
            &[],
            &mut out,
        );
        assert_eq!(out[0].rule, "R-QH");
    }
}
