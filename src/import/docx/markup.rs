//! Spans of emphasis written as the plan's markup: `**bold**`, `*italic*`,
//! `***both***`, spaces kept outside the markers.

use super::styles::RunProps;

/// Put between two emphasis spans that touch: `**a***b*` would read as one
/// odd run of stars, `**a**\u{2060}*b*` reads right and prints the same.
const WORD_JOINER: char = '\u{2060}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Emphasis {
    Plain,
    Bold,
    Italic,
    BoldItalic,
    /// Markup made here (a footnote), written as it is.
    Verbatim,
}

impl Emphasis {
    pub(super) fn of(props: RunProps) -> Emphasis {
        match (props.bold == Some(true), props.italic == Some(true)) {
            (false, false) => Emphasis::Plain,
            (true, false) => Emphasis::Bold,
            (false, true) => Emphasis::Italic,
            (true, true) => Emphasis::BoldItalic,
        }
    }

    fn marker(self) -> &'static str {
        match self {
            Emphasis::Plain | Emphasis::Verbatim => "",
            Emphasis::Bold => "**",
            Emphasis::Italic => "*",
            Emphasis::BoldItalic => "***",
        }
    }
}

#[derive(Debug)]
pub(super) struct Span {
    pub(super) emphasis: Emphasis,
    pub(super) text: String,
}

pub(super) fn push_span(spans: &mut Vec<Span>, emphasis: Emphasis, text: String) {
    if !text.is_empty() {
        spans.push(Span { emphasis, text });
    }
}

/// The spans of a paragraph, `base` being what its style gives its runs.

/// Writes spans as plan text: `**bold**`, `*italic*`, `***both***`.
pub(super) fn render(mut spans: Vec<Span>) -> String {
    absorb_blank_spans(&mut spans);
    let mut out = String::new();
    for span in merge_spans(spans) {
        write_span(&mut out, &span);
    }
    out
}

fn is_blank(span: &Span) -> bool {
    span.emphasis != Emphasis::Verbatim && span.text.trim().is_empty()
}

/// A run of spaces takes its neighbours' emphasis when they agree, so
/// that "**Nơi**", " ", "**nhận:**" make one span; otherwise it is plain.
/// Emphasis on spaces alone shows nothing, and would only split spans.
fn absorb_blank_spans(spans: &mut [Span]) {
    // The emphasis of the next non-blank span after each span.
    let mut after = vec![None; spans.len()];
    let mut next = None;
    for (i, span) in spans.iter().enumerate().rev() {
        after[i] = next;
        if !is_blank(span) {
            next = Some(span.emphasis);
        }
    }
    let mut before = None;
    for (span, after) in spans.iter_mut().zip(after) {
        if !is_blank(span) {
            before = Some(span.emphasis);
        } else {
            span.emphasis = before
                .filter(|&b| Some(b) == after)
                .unwrap_or(Emphasis::Plain);
        }
    }
}

/// Joins neighbouring spans of the same emphasis: Word splits text into
/// runs at every edit, and `**Nơi** **nhận**` would read badly.
fn merge_spans(spans: Vec<Span>) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if last.emphasis == span.emphasis => last.text.push_str(&span.text),
            _ => merged.push(span),
        }
    }
    merged
}

/// Writes one span, its surrounding spaces outside the markers: the
/// markup takes no emphasis that starts or ends with a space.
fn write_span(out: &mut String, span: &Span) {
    let marker = span.emphasis.marker();
    let core = span.text.trim();
    if marker.is_empty() || core.is_empty() {
        out.push_str(&span.text);
        return;
    }
    let lead = span.text.len() - span.text.trim_start().len();
    out.push_str(&span.text[..lead]);
    if out.ends_with('*') {
        out.push(WORD_JOINER);
    }
    out.push_str(marker);
    out.push_str(core);
    out.push_str(marker);
    out.push_str(&span.text[lead + core.len()..]);
}

/// The texts of footnotes or endnotes by id: paragraphs joined by a space,

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;

    #[test]
    fn bold_and_italic_runs() {
        let body = [
            // Mixed in one paragraph.
            p(&[
                r("Chủ đề ", ""),
                r("“Đoàn kết”", "b"),
                r(", ", ""),
                r("in nghiêng", "i"),
            ]
            .concat()),
            // Spaces stay outside the markers; runs of one format merge.
            p(&[
                r("Nơi", "b"),
                r(" ", ""),
                r("nhận: ", "b"),
                r("các đơn vị", ""),
            ]
            .concat()),
            p(&[r("Cả hai", "bi"), r(" và ", "b"), r("đậm", "b")].concat()),
            // w:val="0" and "false" switch it off.
            p(r#"<w:r><w:rPr><w:b w:val="0"/><w:i w:val="false"/></w:rPr><w:t>thường</w:t></w:r>"#),
            // Touching spans are kept apart by a word joiner.
            p(&[r("đậm", "b"), r("nghiêng", "i")].concat()),
            // The paragraph mark's formatting is not the text's.
            r#"<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>dấu đoạn</w:t></w:r></w:p>"#
                .to_string(),
        ]
        .concat();
        let source = read_ok(&docx(&body, &[]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "Chủ đề **“Đoàn kết”**, *in nghiêng*"),
                text(2, "**Nơi nhận:** các đơn vị"),
                text(3, "***Cả hai*** **và đậm**"),
                text(4, "thường"),
                text(5, "**đậm**\u{2060}*nghiêng*"),
                text(6, "dấu đoạn"),
            ]
        );
    }
}
