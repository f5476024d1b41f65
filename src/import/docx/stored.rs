//! The plan a Word file of kehoach's carries in its custom XML part
//! (`crate::docx::plan_part`), made one with what the import read from
//! the file's text ([`merge`]): what the clerk did not touch comes back as
//! it was typed, with what the page does not print; what the clerk edited
//! in Word is taken from the text.
//!
//! The part is found by its root element among the package's
//! `customXml/item*.xml` (Word renumbers them when it saves). A part that
//! is damaged, or of a version this reader does not know, is left aside
//! with a note: the text alone is read, as for any Word file.

use super::package::{open_zip, read_part};
use super::xml::parse_xml;
use crate::docx::plan_part;
use crate::import::parse;
use crate::load::LoadedPlan;
use crate::model::Plan;
use crate::view::Part;

use super::merge::merge;

/// The plan stored in the file, and which of its parts the file prints.
struct Stored {
    plan: Plan,
    part: Part,
}

/// `read` (the plan the import made of the file's text) with the stored
/// plan's values wherever the text is the one kehoach printed; and
/// whether that is the stored plan whole, nothing taken from the text
/// (then what the text's reading guessed or left unplaced is moot).
pub(in crate::import) fn with_stored(
    bytes: &[u8],
    read: Plan,
    notes: &mut Vec<String>,
) -> (Plan, bool) {
    let stored = match stored(bytes) {
        Ok(Some(stored)) => stored,
        Ok(None) => return (read, false),
        Err(why) => {
            notes.push(format!(
                "tệp có dữ liệu kế hoạch của kehoach nhưng {why}: chỉ đọc phần chữ"
            ));
            return (read, false);
        }
    };
    let Some(printed) = printed(&stored) else {
        return (read, false);
    };
    let value = |plan: &Plan| serde_json::to_value(plan).expect("a plan serialises");
    let merged = merge(&value(&stored.plan), &value(&printed), &value(&read));
    match serde_json::from_value::<Plan>(merged.value) {
        Ok(plan) => {
            notes.push(match merged.edited {
                0 => "tệp Word do kehoach viết, chữ chưa sửa: lấy lại kế hoạch đúng như đã lưu trong tệp (cả những trường không in ra)".to_owned(),
                n => format!("tệp Word do kehoach viết: {n} chỗ đã sửa trong Word lấy theo chữ trong tệp, phần còn lại lấy như đã lưu trong tệp (cả những trường không in ra)"),
            });
            let signer = plan.signer_of_record();
            let images: Vec<&str> = [&signer.signature_image, &signer.seal_image]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            // The images are files beside the plan, not in its data: a
            // plan imported into another folder needs them put there.
            if !images.is_empty() {
                notes.push(format!(
                    "kế hoạch dùng ảnh {}: hãy đặt ảnh cạnh tệp kế hoạch đã nhập",
                    images.join(", ")
                ));
            }
            (plan, merged.edited == 0)
        }
        Err(_) => {
            notes.push(
                "dữ liệu kế hoạch lưu trong tệp không khớp với chữ đã sửa: chỉ đọc phần chữ".into(),
            );
            (read, false)
        }
    }
}

/// What the import reads from the stored plan's own Word file: the text
/// as kehoach printed it, to tell the clerk's edits from it.
fn printed(stored: &Stored) -> Option<Plan> {
    let loaded = LoadedPlan {
        plan: stored.plan.clone(),
        source_name: String::new(),
        images: Vec::new(),
    };
    let bytes = crate::docx::docx(&loaded, stored.part).ok()?;
    let source = super::read(&bytes).ok()?;
    Some(parse::parse(&source).plan)
}

/// The stored plan, if the file has one; `Err` with why it cannot be used.
fn stored(bytes: &[u8]) -> Result<Option<Stored>, String> {
    let Ok(mut zip) = open_zip(bytes) else {
        return Ok(None);
    };
    let mut items: Vec<String> = zip
        .file_names()
        .filter_map(|name| name.ok().filter(|n| is_item(n)).map(|n| n.into_owned()))
        .collect();
    items.sort();
    for name in items {
        let Ok(Some(text)) = read_part(&mut zip, &name) else {
            continue;
        };
        let Ok(root) = parse_xml(&text, &name) else {
            continue;
        };
        if root.name != plan_part::ROOT {
            continue;
        }
        if root.attr("version") != Some("1") {
            return Err("của một phiên bản khác".into());
        }
        let part = plan_part::part_of(root.attr("part").unwrap_or_default())
            .ok_or("không rõ phần nào được in")?;
        let plan: Plan =
            serde_json::from_str(&root.text()).map_err(|e| format!("không đọc được ({e})"))?;
        return Ok(Some(Stored { plan, part }));
    }
    Ok(None)
}

/// `customXml/item3.xml`, not its properties (`itemProps3.xml`).
fn is_item(name: &str) -> bool {
    name.strip_prefix("customXml/item")
        .and_then(|rest| rest.strip_suffix(".xml"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::is_item;

    #[test]
    fn items_not_their_properties() {
        assert!(is_item("customXml/item1.xml"));
        assert!(is_item("customXml/item12.xml"));
        assert!(!is_item("customXml/itemProps1.xml"));
        assert!(!is_item("customXml/_rels/item1.xml.rels"));
        assert!(!is_item("word/document.xml"));
    }
}
