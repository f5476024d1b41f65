//! Styles: bold and italic often come from a style ("Tiêu đề", "Strong"),
//! not from the run itself, and heading styles often carry numbering.

use std::collections::HashMap;

use super::numbering::NumRef;
use super::xml::{Element, on_off};

/// The run properties that matter here; `None` is "not said at this level".
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct RunProps {
    pub(super) bold: Option<bool>,
    pub(super) italic: Option<bool>,
    /// Shown in capitals whatever was typed: "kế hoạch" prints "KẾ HOẠCH".
    pub(super) caps: Option<bool>,
    pub(super) hidden: Option<bool>,
}

impl RunProps {
    pub(super) fn of(r_pr: Option<&Element>) -> RunProps {
        let flag = |name| on_off(r_pr.and_then(|r| r.child(name)));
        RunProps {
            bold: flag("b"),
            italic: flag("i"),
            caps: flag("caps"),
            hidden: flag("vanish"),
        }
    }

    /// These properties, with `fallback` filling what they leave unsaid.
    pub(super) fn or(self, fallback: RunProps) -> RunProps {
        RunProps {
            bold: self.bold.or(fallback.bold),
            italic: self.italic.or(fallback.italic),
            caps: self.caps.or(fallback.caps),
            hidden: self.hidden.or(fallback.hidden),
        }
    }
}

#[derive(Debug)]
struct Style {
    based_on: Option<String>,
    run: RunProps,
    /// Heading styles are often tied to a list, so their paragraphs are
    /// numbered with no `w:numPr` of their own.
    numbering: NumRef,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
    /// The style of a paragraph that names none ("Normal").
    pub(super) default_paragraph: Option<String>,
}

impl Styles {
    pub(super) fn parse(root: Option<&Element>) -> Styles {
        let mut styles = Styles::default();
        for style in root
            .into_iter()
            .flat_map(Element::elements)
            .filter(|e| e.is("style"))
        {
            let Some(id) = style.attr("styleId") else {
                continue;
            };
            let is_default = matches!(style.attr("default"), Some("1" | "true" | "on"));
            if is_default && style.attr("type") == Some("paragraph") {
                styles.default_paragraph = Some(id.to_string());
            }
            let num_pr = style.child("pPr").and_then(|p| p.child("numPr"));
            styles.by_id.insert(
                id.to_string(),
                Style {
                    based_on: style.val("basedOn").map(str::to_string),
                    run: RunProps::of(style.child("rPr")),
                    numbering: NumRef::of(num_pr),
                },
            );
        }
        styles
    }

    /// A style and those it is based on, nearest first. Chains are short;
    /// the bound stops a cycle.
    fn chain(&self, id: Option<&str>) -> impl Iterator<Item = &Style> {
        let first = id.and_then(|id| self.by_id.get(id));
        let parent = |style: &Style| style.based_on.as_deref().and_then(|id| self.by_id.get(id));
        std::iter::successors(first, move |style| parent(style)).take(8)
    }

    pub(super) fn run_props(&self, id: Option<&str>) -> RunProps {
        self.chain(id)
            .fold(RunProps::default(), |props, style| props.or(style.run))
    }

    pub(super) fn numbering(&self, id: Option<&str>) -> NumRef {
        self.chain(id).fold(NumRef::default(), |num, style| {
            num.or(style.numbering.clone())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;

    #[test]
    fn bold_from_styles() {
        let styles = part(
            "styles",
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
               <w:style w:type="paragraph" w:styleId="Base"><w:rPr><w:b/></w:rPr></w:style>
               <w:style w:type="paragraph" w:styleId="Title"><w:basedOn w:val="Base"/><w:rPr><w:caps/></w:rPr></w:style>
               <w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
               <w:style w:type="character" w:styleId="Emphasis"><w:rPr><w:i/></w:rPr></w:style>"#,
        );
        let body = [
            r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>kế hoạch</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>điều 1</w:t></w:r><w:r><w:t xml:space="preserve"> và </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t>phụ lục</w:t></w:r></w:p>"#,
            // A run can switch off what its paragraph style turns on.
            r#"<w:p><w:pPr><w:pStyle w:val="Base"/></w:pPr><w:r><w:t xml:space="preserve">Đậm </w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>thường</w:t></w:r></w:p>"#,
        ]
        .concat();
        let source = read_ok(&docx(&body, &[("styles.xml", styles)]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "**KẾ HOẠCH**"),
                text(2, "Xem **điều 1** và *phụ lục*"),
                text(3, "**Đậm** thường")
            ]
        );
    }
}
