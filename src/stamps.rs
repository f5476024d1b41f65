//! Where signing tools stamp (R-ESIG): the signer's signature area, the
//! seal, and the số and date blanks a draft leaves. The areas are read from
//! the laid-out document — the templates mark their corners with
//! `<kehoach-mark>` metadata — never guessed from the template's numbers.

use serde::Serialize;
use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

/// One area, in PDF user space: points from the page's bottom-left corner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StampArea {
    /// `signature`, `seal`, `number`, `day`, `month` or `year`.
    pub name: String,
    /// The page, from 1.
    pub page: usize,
    /// `[left, bottom, right, top]`, as a PDF `/Rect`.
    pub rect: [f64; 4],
}

/// Every marked area of the document, in the order they first appear.
pub fn stamp_areas(document: &PagedDocument) -> Vec<StampArea> {
    let introspector = document.introspector();
    let label = Label::new(PicoStr::intern("kehoach-mark")).expect("a valid label");
    let marks: Vec<(String, usize, f64, f64)> = introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|content| {
            let Value::Str(name) = &content.to_packed::<MetadataElem>()?.value else {
                return None;
            };
            let pos = introspector.position(content.location()?)?;
            Some((
                name.to_string(),
                pos.page.get(),
                pos.point.x.to_pt(),
                pos.point.y.to_pt(),
            ))
        })
        .collect();
    let mut areas = Vec::new();
    for (i, (name, page, x0, y0)) in marks.iter().enumerate() {
        let Some(area) = name.strip_suffix("/start") else {
            continue;
        };
        // Areas of one name (headings) repeat: a start pairs with the end
        // that follows it.
        let end = format!("{area}/end");
        let Some((_, _, x1, y1)) = marks[i + 1..].iter().find(|m| m.0 == end && m.1 == *page)
        else {
            continue;
        };
        let height = document.pages()[page - 1].frame.size().y.to_pt();
        areas.push(StampArea {
            name: area.to_owned(),
            page: *page,
            rect: [
                round(*x0),
                round(height - y1),
                round(*x1),
                round(height - y0),
            ],
        });
    }
    areas
}

/// Hundredths of a point: stable across platforms, finer than any stamp.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
