//! An empty signature field (AcroForm, `/FT /Sig`) over the signer's
//! signature area, so that signing tools offer "sign here" at the right
//! place. The widget prints, has an (empty) appearance and no other
//! content, as PDF/A requires of annotations.

use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};

use crate::error::{Error, Result};
use crate::stamps::StampArea;

/// Returns the PDF with a signature field named `name` over `area`.
pub fn add_signature_field(pdf: &[u8], area: &StampArea, name: &str) -> Result<Vec<u8>> {
    let fail = |e: lopdf::Error| Error::Export {
        message: format!("thêm ô chữ ký: {e}"),
    };
    let mut doc = Document::load_mem(pdf).map_err(fail)?;
    let page_id = *doc
        .get_pages()
        .get(&(area.page as u32))
        .ok_or_else(|| Error::Export {
            message: format!("thêm ô chữ ký: không có trang {}", area.page),
        })?;
    let [left, bottom, right, top] = area.rect;
    let (width, height) = (right - left, top - bottom);
    let appearance = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), real(width), real(height)],
        },
        Vec::new(),
    ));
    let widget = doc.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => text_string(name),
        "TU" => text_string(&format!("Chữ ký số: {name}")),
        "Rect" => vec![real(left), real(bottom), real(right), real(top)],
        "F" => 4,
        "P" => page_id,
        "AP" => dictionary! { "N" => appearance },
    });
    // A page's annotations (footnote links, say) are kept: the widget joins them.
    let annots = doc
        .get_object(page_id)
        .and_then(Object::as_dict)
        .map_err(fail)?
        .get(b"Annots")
        .ok()
        .cloned();
    match annots {
        Some(Object::Reference(list)) => doc
            .get_object_mut(list)
            .and_then(Object::as_array_mut)
            .map_err(fail)?
            .push(widget.into()),
        _ => {
            let page = doc
                .get_object_mut(page_id)
                .and_then(Object::as_dict_mut)
                .map_err(fail)?;
            push_to_array(page, b"Annots", widget.into());
        }
    }
    let root = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(fail)?;
    let catalog = doc
        .get_object_mut(root)
        .and_then(Object::as_dict_mut)
        .map_err(fail)?;
    catalog.set("AcroForm", dictionary! { "Fields" => vec![widget.into()] });
    let mut out = Vec::with_capacity(pdf.len() + 1024);
    doc.save_to(&mut out).map_err(|e| Error::Export {
        message: format!("thêm ô chữ ký: {e}"),
    })?;
    Ok(out)
}

fn real(v: f64) -> Object {
    Object::Real(v as f32)
}

/// A PDF text string: UTF-16BE with its byte order mark, for Vietnamese.
fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn push_to_array(dict: &mut Dictionary, key: &[u8], item: Object) {
    match dict.get_mut(key) {
        Ok(Object::Array(items)) => items.push(item),
        _ => dict.set(key.to_vec(), vec![item]),
    }
}
