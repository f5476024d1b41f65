//! Characters no font can draw. Typst sets them as glyph 0 (`.notdef`): an
//! empty box or nothing in a plain PDF, an error in PDF/A. One policy for
//! every output: the plan is refused with the field and the character, so
//! that `render`, `batch`, `check` and the form say the same thing.

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use crate::error::{Error, Location};
use crate::load::LoadedPlan;

/// The first character of the document that its fonts cannot draw.
fn undrawable(document: &PagedDocument) -> Option<char> {
    fn walk(frame: &Frame) -> Option<char> {
        frame.items().find_map(|(_, item)| match item {
            FrameItem::Group(g) => walk(&g.frame),
            FrameItem::Text(t) => t.glyphs.iter().find(|g| g.id == 0).and_then(|g| {
                let range = g.range.start as usize..g.range.end as usize;
                t.text.get(range)?.chars().next()
            }),
            _ => None,
        })
    }
    document.pages().iter().find_map(|page| walk(&page.frame))
}

/// An error naming the field and the character when the document has one
/// its fonts cannot draw.
pub fn refuse_undrawable(
    document: &PagedDocument,
    plan: &LoadedPlan,
    family: &str,
) -> Result<(), Error> {
    let Some(c) = undrawable(document) else {
        return Ok(());
    };
    let mut path = None;
    plan.plan.visit_strings(&mut |at, _, text| {
        if path.is_none() && text.contains(c) {
            path = Some(at.to_owned());
        }
    });
    Err(Error::input(
        Location::new(&plan.source_name, path.unwrap_or_else(|| ".".into())),
        format!(
            "ký tự \"{c}\" (U+{:04X}) không có trong phông chữ {family}: không in được; hãy xóa hoặc thay bằng chữ khác",
            c as u32
        ),
    ))
}
