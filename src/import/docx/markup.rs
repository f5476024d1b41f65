//! Spans of emphasis written as the plan's markup: `**bold**`, `*italic*`,
//! `***both***`, `^[footnote]`, spaces kept outside the markers. What the
//! document printed prints again: its own stars and `^[` are escaped where
//! they would read as markup, and emphasis the markup cannot hold (inside a
//! word, around a lone sign) is dropped rather than its text changed.

use super::styles::RunProps;
use crate::markup::{Inline, escape_marked, literal_text, loose_marks, parse, plain_text};

/// Put between two runs of stars that touch: `**a***b*` would read as one
/// odd run of stars, `**a**\u{2060}*b*` reads right and prints the same.
const WORD_JOINER: char = '\u{2060}';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Emphasis {
    Plain,
    Bold,
    Italic,
    BoldItalic,
    /// A footnote's text, written as `^[…]`.
    Footnote,
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
            Emphasis::Plain | Emphasis::Footnote => "",
            Emphasis::Bold => "**",
            Emphasis::Italic => "*",
            Emphasis::BoldItalic => "***",
        }
    }

    /// Whether `node` is a span of this emphasis.
    fn is(self, node: &Inline) -> bool {
        match (self, node) {
            (Emphasis::Bold, Inline::Strong(inner)) => literal_text(inner).is_some(),
            (Emphasis::Italic, Inline::Emph(_)) => true,
            (Emphasis::BoldItalic, Inline::Strong(inner)) => {
                matches!(&inner[..], [Inline::Emph(_)])
            }
            _ => false,
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

/// Characters each literal (`true`) or markup, escaped when done.
#[derive(Default)]
struct Marked(Vec<(char, bool)>);

impl Marked {
    fn push(&mut self, text: &str, literal: bool) {
        if text.starts_with('*') && self.last() == Some('*') {
            self.0.push((WORD_JOINER, true));
        }
        self.0.extend(text.chars().map(|c| (c, literal)));
    }

    fn last(&self) -> Option<char> {
        self.0.last().map(|&(c, _)| c)
    }
}

/// Writes spans as plan text: `**bold**`, `*italic*`, `***both***`.
pub(super) fn render(mut spans: Vec<Span>) -> String {
    absorb_blank_spans(&mut spans);
    let spans = merge_spans(spans);
    let text = assemble(&spans);
    // Whatever the spans, the text prints as the document printed it; if
    // their markup would not, the paragraph's emphasis is given up.
    let printed: String = spans
        .iter()
        .filter(|span| span.emphasis != Emphasis::Footnote)
        .map(|span| span.text.replace('\n', " "))
        .collect();
    if loose_marks(&text).is_empty() && plain_text(&text).replace(WORD_JOINER, "") == printed {
        return text;
    }
    let upright: Vec<Span> = spans
        .into_iter()
        .map(|span| match span.emphasis {
            Emphasis::Footnote => span,
            _ => Span {
                emphasis: Emphasis::Plain,
                ..span
            },
        })
        .collect();
    assemble(&merge_spans(upright))
}

fn assemble(spans: &[Span]) -> String {
    let mut out = Marked::default();
    for (k, span) in spans.iter().enumerate() {
        write_span(&mut out, span, spans.get(k + 1));
    }
    escape_marked(&out.0)
}

fn is_blank(span: &Span) -> bool {
    span.emphasis != Emphasis::Footnote && span.text.trim().is_empty()
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
            Some(last) if last.emphasis == span.emphasis && span.emphasis != Emphasis::Footnote => {
                last.text.push_str(&span.text)
            }
            _ => merged.push(span),
        }
    }
    merged
}

/// Writes one span, its surrounding spaces outside the markers: the
/// markup takes no emphasis that starts or ends with a space. What comes
/// before its first word (a dash, a sign) stays outside them too.
fn write_span(out: &mut Marked, span: &Span, next: Option<&Span>) {
    if span.emphasis == Emphasis::Footnote {
        out.push("^[", false);
        out.push(&span.text, true);
        out.push("]", false);
        return;
    }
    let marker = span.emphasis.marker();
    let core = span.text.trim();
    if marker.is_empty() || core.is_empty() {
        out.push(&span.text, true);
        return;
    }
    let lead = span.text.len() - span.text.trim_start().len();
    let trail = &span.text[lead + core.len()..];
    out.push(&span.text[..lead], true);
    let (outside, inside) = core.split_at(word_start(core));
    out.push(outside, true);
    let after = trail.chars().next().or_else(|| next.map(first_written));
    if fits(out.last(), span.emphasis, inside, after) {
        out.push(marker, false);
        out.push(inside, true);
        out.push(marker, false);
    } else {
        out.push(inside, true);
    }
    out.push(trail, true);
}

/// Where the emphasised part of `core` starts: at its first letter or
/// digit, or at the bracket or quote just before it.
fn word_start(core: &str) -> usize {
    let Some((at, _)) = core.char_indices().find(|(_, c)| c.is_alphanumeric()) else {
        return core.len();
    };
    match core[..at].char_indices().next_back() {
        Some((before, c)) if "([{“‘«\"'".contains(c) => before,
        _ => at,
    }
}

/// The first character a span writes, as far as a closing marker before
/// it can tell: a marker's star is kept apart by a word joiner.
fn first_written(span: &Span) -> char {
    match (span.emphasis, span.text.chars().next()) {
        (Emphasis::Footnote, _) => '^',
        (_, Some('*')) => WORD_JOINER,
        (Emphasis::Plain, Some(c)) => c,
        (_, Some(c)) if c.is_whitespace() => c,
        _ => WORD_JOINER,
    }
}

/// Whether `inside`, written with `emphasis`'s markers between `before`
/// and `after`, reads back as that emphasis over exactly that text.
fn fits(before: Option<char>, emphasis: Emphasis, inside: &str, after: Option<char>) -> bool {
    if inside.is_empty() {
        return false;
    }
    let mut probe = Marked::default();
    if let Some(c) = before {
        probe.push(&c.to_string(), true);
    }
    probe.push(emphasis.marker(), false);
    probe.push(inside, true);
    probe.push(emphasis.marker(), false);
    if let Some(c) = after {
        probe.push(&c.to_string(), true);
    }
    let nodes = parse(&escape_marked(&probe.0));
    let marked: Vec<&Inline> = nodes
        .iter()
        .filter(|n| !matches!(n, Inline::Text(_) | Inline::LineBreak))
        .collect();
    let inner = |node: &Inline| match node {
        Inline::Strong(inner) | Inline::Emph(inner) => match &inner[..] {
            [Inline::Emph(deeper)] => literal_text(deeper),
            _ => literal_text(inner),
        },
        _ => None,
    };
    matches!(&marked[..], [node] if emphasis.is(node) && inner(node).as_deref() == Some(inside))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

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

    #[test]
    fn the_documents_own_stars_print_as_they_did() {
        let footnotes = part(
            "footnotes",
            r#"<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">*Ghi chú* ^[x]</w:t></w:r></w:p></w:footnote>"#,
        );
        let body = [
            // Literal stars: where one would open emphasis, escaped.
            p(&r("Chỉ tiêu (*) là bắt buộc; *Ghi chú: 7*7*", "")),
            // A bold mark round a lone sign prints bold in no markup: kept
            // as text.
            p(&[r("Chỉ tiêu ", ""), r("(*)", "b"), r(" bắt buộc", "")].concat()),
            // What stands before the first word stays outside the markers.
            p(&r("- Như trên;", "i")),
            // Emphasis inside a word cannot be written: the text is kept.
            p(&[r("Đ", "b"), r("ẩy mạnh", "")].concat()),
            // Two footnotes side by side stay two.
            p(&[
                r("Căn cứ", ""),
                r#"<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r>"#.to_string(),
            ]
            .concat()),
        ]
        .concat();
        let source = read_ok(&docx(&body, &[("footnotes.xml", footnotes)]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "Chỉ tiêu (*) là bắt buộc; \\*Ghi chú: 7*7*"),
                text(2, "Chỉ tiêu (*) bắt buộc"),
                text(3, "- *Như trên;*"),
                text(4, "Đẩy mạnh"),
                text(5, "Căn cứ^[\\*Ghi chú* \\^[x]]^[\\*Ghi chú* \\^[x]]"),
            ]
        );
        for piece in &source.pieces[..4] {
            let crate::import::Piece::Text { text, .. } = piece else {
                panic!()
            };
            assert!(loose_marks(text).is_empty(), "{text}");
        }
        assert_eq!(
            plain_text("Chỉ tiêu (*) là bắt buộc; \\*Ghi chú: 7*7*"),
            "Chỉ tiêu (*) là bắt buộc; *Ghi chú: 7*7*"
        );
    }
}
