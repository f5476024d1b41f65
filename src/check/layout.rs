//! Checks measured on the laid-out pages, through the areas the templates
//! mark (see [`crate::stamps`]).

use typst::layout::{Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

use super::{Finding, Severity};
use crate::stamps::StampArea;

/// The widest the quốc hiệu may be: its header column (Mẫu 1.4).
const NATIONAL_MAX_WIDTH: f64 = 100.0 * 72.0 / 25.4;

/// Adds findings; returns the rules it could measure. `baselines` is, per
/// page, the PDF heights of its lines of text above the footnotes, the page
/// number left out (see [`baselines`]).
pub fn check(
    areas: &[StampArea],
    baselines: &[Vec<f64>],
    out: &mut Vec<Finding>,
) -> Vec<&'static str> {
    let area = |name: &str| areas.iter().find(|a| a.name == name);
    let lines = |page: usize| baselines.get(page - 1).map_or(&[][..], Vec::as_slice);
    let mut measured = Vec::new();
    let headings: Vec<_> = areas.iter().filter(|a| a.name == "heading").collect();
    if !headings.is_empty() {
        measured.push("R-MUC");
    }
    for heading in headings {
        // Nothing printed between the heading's last line and the page's
        // footnotes.
        if !lines(heading.page)
            .iter()
            .any(|&y| y < heading.rect[1] - 1.0)
        {
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
    if let Some(closing) = area("closing") {
        measured.push("R-SIGNER");
        // The last two lines of the text at least, as a clerk keeps them.
        let above = lines(closing.page)
            .iter()
            .filter(|&&y| y > closing.rect[3])
            .count();
        if above < 2 {
            out.push(
                Finding::new(
                    Severity::Warning,
                    "R-SIGNER",
                    "signer",
                    format!(
                        "khối chữ ký ở trang {} chỉ có {above} dòng nội dung đi kèm, cần ít nhất hai dòng cuối của nội dung",
                        closing.page
                    ),
                )
                .suggest(
                    "rút gọn nội dung hoặc nơi nhận để khối chữ ký nằm cùng trang với các dòng cuối",
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

/// Per page, the PDF heights (points above the page foot) of the baselines
/// of its lines of text above the footnotes, top to bottom; a first line
/// made only of digits is the page number and left out (R-PAGENO).
pub fn baselines(document: &PagedDocument, areas: &[StampArea]) -> Vec<Vec<f64>> {
    /// Baselines from the page's top, each with whether all its text is digits.
    fn walk(frame: &Frame, ts: Transform, floor: f64, lines: &mut Vec<(f64, bool)>) {
        for (pos, item) in frame.items() {
            let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
            match item {
                FrameItem::Group(g) => walk(&g.frame, here.pre_concat(g.transform), floor, lines),
                FrameItem::Text(t) => {
                    let y = Point::zero().transform(here).y.to_pt();
                    let digits = t.text.trim().chars().all(|c| c.is_ascii_digit());
                    match lines.iter_mut().find(|(b, _)| (b - y).abs() < 0.5) {
                        Some(line) => line.1 &= digits,
                        None if y < floor => lines.push((y, digits)),
                        None => {}
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
            let mut lines = Vec::new();
            walk(&page.frame, Transform::identity(), floor, &mut lines);
            lines.sort_by(|a, b| a.0.total_cmp(&b.0));
            if lines.first().is_some_and(|&(_, digits)| digits) {
                lines.remove(0);
            }
            lines.into_iter().map(|(y, _)| height - y).collect()
        })
        .collect()
}

/// Text drawn outside the margins or off the page (K-OVERFLOW): what the
/// plan asks cannot be laid out inside the page, and a signed copy would
/// lose it. One finding per page, naming the first text found there.
pub fn outside_the_page(document: &PagedDocument, out: &mut Vec<Finding>) {
    const MM: f64 = 72.0 / 25.4;
    /// Each text item's left and right edges and its baseline, from the
    /// page's top-left corner, with its first words.
    fn walk(frame: &Frame, ts: Transform, found: &mut Vec<(f64, f64, f64, String)>) {
        for (pos, item) in frame.items() {
            let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
            match item {
                FrameItem::Group(g) => walk(&g.frame, here.pre_concat(g.transform), found),
                FrameItem::Text(t) => {
                    let start = Point::zero().transform(here);
                    let end = Point::new(t.width(), typst::layout::Abs::zero()).transform(here);
                    let words: String = t.text.chars().take(30).collect();
                    found.push((start.x.to_pt(), end.x.to_pt(), start.y.to_pt(), words));
                }
                _ => {}
            }
        }
    }
    for (i, page) in document.pages().iter().enumerate() {
        let size = page.frame.size();
        let (width, height) = (size.x.to_pt(), size.y.to_pt());
        let mut found = Vec::new();
        walk(&page.frame, Transform::identity(), &mut found);
        // The header table reaches 2.5 mm into the left margin, as Word's
        // cell padding does; the page number sits in the top margin.
        let outside = found.iter().find(|(left, right, baseline, _)| {
            *left < 27.0 * MM || *right > width - 15.0 * MM + 1.0 || *baseline > height - 15.0 * MM
        });
        if let Some((_, _, _, words)) = outside {
            out.push(Finding::new(
                Severity::Error,
                "K-OVERFLOW",
                ".",
                format!(
                    "trang {}: chữ \"{}\" nằm ngoài lề hoặc ngoài trang, bản in và bản ký số sẽ mất phần này",
                    i + 1,
                    words.trim()
                ),
            ));
        }
    }
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
    fn a_signature_block_with_fewer_than_two_lines_above_it_is_found() {
        let areas = [
            area("closing", 2, [85.0, 700.0, 85.0, 700.0]),
            area("signature", 2, [0.0; 4]),
        ];
        let rules = |baselines: &[Vec<f64>]| {
            let mut out = Vec::new();
            check(&areas, baselines, &mut out);
            out.iter().map(|f| f.rule).collect::<Vec<_>>()
        };
        // Alone at the top of its page; one line above it.
        assert_eq!(rules(&[vec![100.0], vec![600.0]]), ["R-SIGNER"]);
        assert_eq!(rules(&[vec![100.0], vec![720.0, 600.0]]), ["R-SIGNER"]);
        assert!(rules(&[vec![100.0], vec![740.0, 720.0, 600.0]]).is_empty());
    }

    #[test]
    fn a_heading_with_nothing_below_it_is_found() {
        let heading = area("heading", 2, [85.0, 60.0, 85.0, 60.0]);
        let mut out = Vec::new();
        check(
            std::slice::from_ref(&heading),
            &[vec![40.0], vec![70.0, 61.0]],
            &mut out,
        );
        assert_eq!(out[0].rule, "R-MUC");
        let mut out = Vec::new();
        check(&[heading], &[vec![40.0], vec![70.0, 45.0]], &mut out);
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
