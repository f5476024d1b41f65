//! Inline content: runs, with their bold and italic from the run or its
//! styles, breaks, tabs and footnote references, into spans.

use std::collections::HashMap;

use super::markup::{Emphasis, Span, push_span};
use super::styles::{RunProps, Styles};
use super::xml::Element;

/// What the paragraphs' inline content is read against.
pub(super) struct Context {
    pub(super) styles: Styles,
    /// Footnote texts by `w:id`, markup dropped.
    pub(super) footnotes: HashMap<String, String>,
    pub(super) endnotes: HashMap<String, String>,
}

/// What the reading passed over, for the notes of the report.
#[derive(Debug, Default)]
pub(super) struct Seen {
    text_boxes: usize,
    tracked_changes: bool,
}

impl Seen {
    pub(super) fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.text_boxes > 0 {
            notes.push(format!(
                "đã bỏ qua {} khung văn bản hoặc hình vẽ có chữ (text box): chữ trong đó không được đọc",
                self.text_boxes
            ));
        }
        if self.tracked_changes {
            notes.push(
                "tệp có theo dõi thay đổi (track changes): đã đọc như khi chấp nhận mọi thay đổi"
                    .to_string(),
            );
        }
        notes
    }
}

pub(super) fn paragraph_spans(
    context: &Context,
    p: &Element,
    base: RunProps,
    seen: &mut Seen,
) -> Vec<Span> {
    let mut spans = Vec::new();
    collect_inline(context, p, base, &mut spans, seen);
    spans
}

/// Collects the runs of a paragraph, or of an element that wraps runs.
fn collect_inline(
    context: &Context,
    container: &Element,
    base: RunProps,
    spans: &mut Vec<Span>,
    seen: &mut Seen,
) {
    for child in container.elements() {
        if !child.w {
            // mc:AlternateContent and the like, at paragraph level.
            seen.text_boxes += usize::from(has_text_box(child));
            continue;
        }
        match child.name.as_str() {
            "r" => collect_run(context, child, base, spans, seen),
            "ins" | "moveTo" => {
                seen.tracked_changes = true;
                collect_inline(context, child, base, spans, seen);
            }
            "del" | "moveFrom" => seen.tracked_changes = true,
            "hyperlink" | "smartTag" | "fldSimple" | "customXml" | "dir" | "bdo" => {
                collect_inline(context, child, base, spans, seen);
            }
            "sdt" => {
                if let Some(content) = child.child("sdtContent") {
                    collect_inline(context, content, base, spans, seen);
                }
            }
            // pPr, bookmarks, proofing marks, comments, equations.
            _ => {}
        }
    }
}

fn collect_run(
    context: &Context,
    r: &Element,
    base: RunProps,
    spans: &mut Vec<Span>,
    seen: &mut Seen,
) {
    let r_pr = r.child("rPr");
    let char_style = context.styles.run_props(r_pr.and_then(|p| p.val("rStyle")));
    let props = RunProps::of(r_pr).or(char_style).or(base);
    if props.hidden == Some(true) {
        return;
    }
    let emphasis = Emphasis::of(props);
    let mut text = String::new();
    for child in r.elements() {
        if !child.w {
            seen.text_boxes += usize::from(has_text_box(child));
            continue;
        }
        match child.name.as_str() {
            "t" if props.caps == Some(true) => text.push_str(&child.text().to_uppercase()),
            "t" => text.push_str(&child.text()),
            "tab" | "ptab" => text.push(' '),
            "br" | "cr" => text.push('\n'),
            "noBreakHyphen" => text.push('-'),
            "footnoteReference" | "endnoteReference" => {
                let notes = if child.name == "footnoteReference" {
                    &context.footnotes
                } else {
                    &context.endnotes
                };
                let note = child.attr("id").and_then(|id| notes.get(id));
                // An empty note would print as a bare footnote mark.
                if let Some(note) = note.filter(|note| !note.is_empty()) {
                    push_span(spans, emphasis, std::mem::take(&mut text));
                    push_span(spans, Emphasis::Footnote, note.clone());
                }
            }
            "drawing" | "pict" | "object" => seen.text_boxes += usize::from(has_text_box(child)),
            // sym (a symbol-font glyph), softHyphen, field codes, deleted text.
            _ => {}
        }
    }
    push_span(spans, emphasis, text);
}

/// Whether a drawing or shape holds a text box with text in it.
fn has_text_box(element: &Element) -> bool {
    element.elements().any(|child| {
        if child.is("txbxContent") {
            has_text(child)
        } else {
            has_text_box(child)
        }
    })
}

fn has_text(element: &Element) -> bool {
    element
        .elements()
        .any(|child| (child.is("t") && !child.text().trim().is_empty()) || has_text(child))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;

    #[test]
    fn special_characters_and_hidden_or_deleted_text() {
        let body = [
            r#"<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:softHyphen/></w:r></w:p>"#,
            r#"<w:p><w:r><w:t xml:space="preserve">Giữ </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>bỏ </w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>thêm</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>"#,
            r#"<w:p><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> &amp; &lt;x&gt; &#7871;</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            // A text box: skipped, and noted.
            r#"<w:p><w:r><w:t>Trước hình</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            // Equations and text in another namespace are not text.
            r#"<w:p><m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>x</m:t></m:r></m:oMath></w:p>"#,
        ]
        .concat();
        let source = read_ok(&docx(&body, &[]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "a b\nc-d"),
                text(2, "Giữ thêm"),
                text(3, "liên kết & <x> ế"),
                text(4, "3"),
                text(5, "Trước hình"),
            ]
        );
        assert_eq!(source.notes.len(), 2, "{:?}", source.notes);
        assert!(
            source.notes[0].contains("1 khung văn bản"),
            "{:?}",
            source.notes
        );
        assert!(
            source.notes[1].contains("track changes"),
            "{:?}",
            source.notes
        );
    }
}
