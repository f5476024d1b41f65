//! The document mended before its glyphs are read, where the extractor
//! would read it wrong: a CID font's widths in the `c_first c_last w` form,
//! and the appearances of annotations, which the page shows (a signing
//! system stamps a decision's số and day there) but the extractor skips.

use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

/// The most annotations read: a plan's pages carry a few signatures; a
/// file with thousands of them is not worth a pass each.
const MAX_STAMPS: usize = 200;

/// The longest run of glyphs of one width expanded.
const MAX_RANGE: i64 = 4096;

/// Rewrites every `/W` array of a CID font into the `c [w1 w2 …]` form:
/// pdf-extract 0.12 reads the `c_first c_last w` form (typst's, among
/// others) as glyphs of no width, and the page's positions then cannot
/// tell a space from a glyph.
pub(super) fn expand_widths(doc: &mut Document) {
    let fonts: Vec<(ObjectId, Vec<Object>)> = doc
        .objects
        .iter()
        .filter_map(|(&id, object)| {
            let dict = object.as_dict().ok()?;
            let subtype = dict.get(b"Subtype").and_then(Object::as_name).ok()?;
            if !subtype.starts_with(b"CIDFontType") {
                return None;
            }
            let widths = match dict.get(b"W").ok()? {
                Object::Reference(id) => doc.get_object(*id).ok()?,
                direct => direct,
            };
            Some((id, expanded(widths.as_array().ok()?)?))
        })
        .collect();
    for (id, widths) in fonts {
        if let Ok(dict) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
            dict.set("W", widths);
        }
    }
}

/// The `c_first c_last w` ranges of a `/W` array as `c [w …]`; `None` when
/// there is none, or the array is not one, or a range is longer than a
/// subset font's glyphs would make it (a hostile file's `0 65535 w` left
/// alone keeps the expansion small).
fn expanded(widths: &[Object]) -> Option<Vec<Object>> {
    let mut out = Vec::new();
    let mut ranged = false;
    let mut i = 0;
    while i + 1 < widths.len() {
        if let Object::Array(_) = &widths[i + 1] {
            out.extend_from_slice(&widths[i..i + 2]);
            i += 2;
            continue;
        }
        let (first, last) = (widths[i].as_i64().ok()?, widths[i + 1].as_i64().ok()?);
        let width = widths.get(i + 2)?.as_float().ok()?;
        if first < 0 || last < first || last - first >= MAX_RANGE {
            return None;
        }
        out.push(Object::Integer(first));
        out.push(Object::Array(vec![
            Object::Real(width);
            (last - first + 1) as usize
        ]));
        ranged = true;
        i += 3;
    }
    ranged.then_some(out)
}

/// An annotation's appearance, as the page shows it.
pub(super) struct Stamp {
    /// The page it is on, from 0.
    pub page: usize,
    /// From the appearance's own space to the page's:
    /// `[a b c d e f]` as in `cm`.
    pub matrix: [f64; 6],
}

/// The annotations that show on their page with an appearance, each made
/// a page of its own whose content draws it, and these pages made the
/// document's (the extractor reads the pages of the catalog's tree): it
/// then reads an appearance's glyphs like a page's, in the appearance's
/// own space, which [`Stamp::matrix`] takes to the page. Hidden
/// annotations and those not for viewing are skipped, as a viewer does.
pub(super) fn stamp_pages(doc: &mut Document) -> Vec<Stamp> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let tree = doc.new_object_id();
    let mut stamps = Vec::new();
    let mut kids = Vec::new();
    for (page, &page_id) in pages.iter().enumerate() {
        let annotations: Vec<(ObjectId, [f64; 6], [f64; 4])> = doc
            .get_page_annotations(page_id)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|a| appearance(doc, a))
            .take(MAX_STAMPS - stamps.len())
            .collect();
        for (form, matrix, bbox) in annotations {
            let content = doc.add_object(Stream::new(Dictionary::new(), b"/Stamp Do".to_vec()));
            let media: Vec<Object> = bbox.iter().map(|&v| Object::Real(v as f32)).collect();
            kids.push(Object::Reference(doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => tree,
                "MediaBox" => media,
                "Contents" => content,
                "Resources" => dictionary! { "XObject" => dictionary! { "Stamp" => form } },
            })));
            stamps.push(Stamp { page, matrix });
        }
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        tree,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Pages", tree);
    }
    stamps
}

/// An annotation's normal appearance stream, where it is drawn on the page
/// (PDF 32000-1, 12.5.5: the form's box, through its matrix, fitted to the
/// annotation's rectangle) and its box; `None` when it shows nothing.
fn appearance(doc: &Document, annotation: &Dictionary) -> Option<(ObjectId, [f64; 6], [f64; 4])> {
    let flags = annotation.get(b"F").and_then(Object::as_i64).unwrap_or(0);
    // Hidden (2) or not for viewing (32).
    if flags & (2 | 32) != 0 {
        return None;
    }
    let normal = annotation
        .get_deref(b"AP", doc)
        .and_then(Object::as_dict)
        .ok()?
        .get(b"N")
        .ok()?;
    // A dictionary of states: the one the annotation is in.
    let form = match doc.dereference(normal).ok()? {
        (Some(id), Object::Stream(_)) => id,
        (_, Object::Dictionary(states)) => {
            let state = annotation.get(b"AS").and_then(Object::as_name).ok()?;
            states.get(state).and_then(Object::as_reference).ok()?
        }
        _ => return None,
    };
    let form_dict = &doc.get_object(form).and_then(Object::as_stream).ok()?.dict;
    let rect = numbers::<4>(doc, annotation, b"Rect")?;
    let bbox = numbers::<4>(doc, form_dict, b"BBox")?;
    let m = numbers::<6>(doc, form_dict, b"Matrix").unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    // The box's corners through the form's matrix, and their bounds.
    let corners = [
        (bbox[0], bbox[1]),
        (bbox[2], bbox[1]),
        (bbox[0], bbox[3]),
        (bbox[2], bbox[3]),
    ]
    .map(|(x, y)| (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]));
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in corners {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let (rx0, ry0) = (rect[0].min(rect[2]), rect[1].min(rect[3]));
    let sx = if x1 > x0 {
        (rect[2] - rect[0]).abs() / (x1 - x0)
    } else {
        1.0
    };
    let sy = if y1 > y0 {
        (rect[3] - rect[1]).abs() / (y1 - y0)
    } else {
        1.0
    };
    // The form's matrix, then the fit: scale about the bounds' corner and
    // move it to the rectangle's.
    let matrix = [
        m[0] * sx,
        m[1] * sy,
        m[2] * sx,
        m[3] * sy,
        (m[4] - x0) * sx + rx0,
        (m[5] - y0) * sy + ry0,
    ];
    Some((form, matrix, bbox))
}

/// An array of `N` numbers under `key`.
fn numbers<const N: usize>(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<[f64; N]> {
    let array = dict.get_deref(key, doc).and_then(Object::as_array).ok()?;
    let mut out = [0.0; N];
    for (slot, o) in out.iter_mut().zip(array) {
        *slot = match doc.dereference(o).ok()?.1 {
            Object::Integer(i) => *i as f64,
            Object::Real(r) => *r as f64,
            _ => return None,
        };
    }
    (array.len() == N).then_some(out)
}
