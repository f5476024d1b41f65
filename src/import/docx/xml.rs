//! The one place that drives quick-xml: a part becomes a small tree, as
//! the parts are small enough to hold whole, and a tree keeps the walks
//! over paragraphs, runs and tables simple. Attribute values are
//! normalised and entities resolved by quick-xml itself; nesting is
//! bounded by [`MAX_DEPTH`] so that the recursive walks cannot exhaust
//! the stack.

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};

use crate::import::unreadable::{PartFault, Unreadable, XmlFault};

/// The deepest XML nesting accepted. Real documents, nested tables
/// included, stay well under 50 levels.
const MAX_DEPTH: usize = 256;

/// WordprocessingML's namespaces: transitional (what every writer uses)
/// and strict.
const W_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

#[derive(Debug, Default)]
pub(super) struct Element {
    /// In WordprocessingML's namespace: `w:t` is text, `a:t` or `m:t` is not.
    pub(super) w: bool,
    /// The local name, without prefix.
    pub(super) name: String,
    /// Attributes by local name (`w:val` is `val`).
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn open(w: bool, start: &BytesStart<'_>) -> Result<Element, ()> {
        let mut attrs = Vec::new();
        for attr in start.attributes() {
            let attr = attr.map_err(drop)?;
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(drop)?;
            attrs.push((
                attr.key.local_name().into_inner().to_string(),
                value.into_owned(),
            ));
        }
        let name = start.local_name().into_inner().to_string();
        Ok(Element {
            w,
            name,
            attrs,
            children: Vec::new(),
        })
    }

    /// A WordprocessingML element of this local name.
    pub(super) fn is(&self, name: &str) -> bool {
        self.w && self.name == name
    }

    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub(super) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    pub(super) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|element| element.is(name))
    }

    /// The `w:val` of a child, as in `<w:pStyle w:val="Heading1"/>`.
    pub(super) fn val(&self, child: &str) -> Option<&str> {
        self.child(child)?.attr("val")
    }

    /// The element's own text (of `w:t`).
    pub(super) fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|node| match node {
                Node::Text(text) => Some(text.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    fn push_text(&mut self, text: &str) {
        match self.children.last_mut() {
            Some(Node::Text(last)) => last.push_str(text),
            _ => self.children.push(Node::Text(text.to_string())),
        }
    }
}

/// Parses a part into its root element.
pub(super) fn parse_xml(text: &str, part: &str) -> Result<Element, Unreadable> {
    let broken = |fault: XmlFault| Unreadable::part(part, PartFault::Xml(fault));
    let mut reader = NsReader::from_str(text.strip_prefix('\u{feff}').unwrap_or(text));
    // The bottom of the stack only collects the root element.
    let mut stack = vec![Element::default()];
    loop {
        let (w, event) = match next_event(&mut reader) {
            Ok(next) => next,
            Err(()) => return Err(broken(XmlFault::AtByte(reader.error_position()))),
        };
        let at = || XmlFault::AtByte(reader.buffer_position());
        match event {
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err(Unreadable::part(
                        part,
                        PartFault::TooDeep { limit: MAX_DEPTH },
                    ));
                }
                stack.push(Element::open(w, &start).map_err(|()| broken(at()))?);
            }
            Event::Empty(start) => {
                let element = Element::open(w, &start).map_err(|()| broken(at()))?;
                top(&mut stack).children.push(Node::Element(element));
            }
            Event::End(_) => {
                // The reader checks that end tags match, so the stack holds
                // the element that ends above the collecting bottom.
                let element = stack
                    .pop()
                    .filter(|_| !stack.is_empty())
                    .ok_or_else(|| broken(at()))?;
                top(&mut stack).children.push(Node::Element(element));
            }
            Event::Text(text) => top(&mut stack).push_text(&text.xml10_content()),
            Event::CData(data) => top(&mut stack).push_text(&data.into_inner()),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match resolve_predefined_entity(&reference) {
                        Some(text) => text.to_string(),
                        None => {
                            return Err(broken(XmlFault::UnknownEntity(reference[..].to_owned())));
                        }
                    },
                    Err(_) => return Err(broken(at())),
                };
                top(&mut stack).push_text(&resolved);
            }
            Event::Eof => break,
            // Declarations, comments, processing instructions, doctype.
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(broken(XmlFault::Unclosed));
    }
    let bottom = stack.pop().unwrap_or_default();
    bottom
        .children
        .into_iter()
        .find_map(|node| match node {
            Node::Element(root) => Some(root),
            Node::Text(_) => None,
        })
        .ok_or_else(|| broken(XmlFault::NoElement))
}

/// The next event, with whether its element is in WordprocessingML's
/// namespace. Kept apart so that the caller may ask the reader for the
/// error position once the event's borrow has ended.
fn next_event<'i>(reader: &mut NsReader<&'i [u8]>) -> Result<(bool, Event<'i>), ()> {
    let (namespace, event) = reader.read_resolved_event().map_err(drop)?;
    let w =
        matches!(namespace, ResolveResult::Bound(Namespace(uri)) if W_NAMESPACES.contains(&uri));
    Ok((w, event))
}

fn top(stack: &mut [Element]) -> &mut Element {
    // The stack never goes below its bottom element (see `Event::End`).
    let last = stack.len() - 1;
    &mut stack[last]
}

/// A WordprocessingML on/off property: present means on, unless its
/// `w:val` says otherwise.
pub(super) fn on_off(element: Option<&Element>) -> Option<bool> {
    element.map(|e| !matches!(e.attr("val"), Some("0" | "false" | "off" | "none")))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;

    #[test]
    fn prefixes_other_than_w_work() {
        let document = format!(
            r#"<?xml version="1.0"?><x:document xmlns:x="{W}"><x:body><x:p><x:r><x:rPr><x:b/></x:rPr><x:t>Đậm</x:t></x:r></x:p></x:body></x:document>"#
        );
        let bytes = zip_of(&[("word/document.xml", document.as_bytes())]);
        assert_eq!(read_ok(&bytes).pieces, vec![text(1, "**Đậm**")]);
    }

    #[test]
    fn malformed_xml() {
        for xml in [
            "<w:document xmlns:w=\"x\"><w:body><w:p></w:body></w:document>".to_string(),
            format!("<w:document xmlns:w=\"{W}\"><w:body><w:p>"),
            format!(
                "<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p></w:body></w:document>"
            ),
            "không phải XML".to_string(),
            String::new(),
        ] {
            let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
            assert!(
                err(&bytes).starts_with("tệp DOCX hỏng: word/document.xml"),
                "{xml}: {}",
                err(&bytes)
            );
        }
        // Well-formed, but not a Word document.
        let bytes = zip_of(&[("word/document.xml", b"<html><body/></html>")]);
        assert!(err(&bytes).contains("w:body"));
        let bytes = zip_of(&[("word/document.xml", b"\xff\xfe<\x00")]);
        assert!(err(&bytes).contains("UTF-8"));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let depth = 100_000;
        let xml = format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
        let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
        assert!(err(&bytes).contains("quá sâu"));
    }
}
