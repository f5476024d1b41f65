//! The inline markup of plan text, and its translation to Typst markup.
//!
//! A paragraph may use `**bold**`, `*italic*`, `***bold italic***` and
//! `^[footnote]`; every other character is literal. The translation escapes
//! each literal ASCII punctuation character, so no user string can reach
//! Typst's syntax: not `#` (code), `$` (math), `<`/`@` (labels, references),
//! `/` (comments, term lists), `=`/`-`/`+` (headings and lists at a line
//! start), `"`/`'` (smart quotes), `...`/`--` (shorthands) or `\` itself.
//! Delimiters that are not closed print as themselves.

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    LineBreak,
    Strong(Vec<Inline>),
    Emph(Vec<Inline>),
    Footnote(Vec<Inline>),
}

/// Parses a plan string into inline nodes.
pub fn parse(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    parse_span(&chars, false)
}

fn parse_span(s: &[char], in_footnote: bool) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < s.len() {
        if s[i] == '*' {
            let run = s[i..].iter().take_while(|&&c| c == '*').count().min(3);
            if let Some(end) = find_closing_stars(s, i + run, run) {
                flush(&mut text, &mut out);
                let inner = parse_span(&s[i + run..end], in_footnote);
                out.push(match run {
                    1 => Inline::Emph(inner),
                    2 => Inline::Strong(inner),
                    _ => Inline::Strong(vec![Inline::Emph(inner)]),
                });
                i = end + run;
                continue;
            }
            text.extend(&s[i..i + run]);
            i += run;
            continue;
        }
        let opens_note = !in_footnote && s[i] == '^' && s.get(i + 1) == Some(&'[');
        if let Some(end) = opens_note.then(|| find_closing_bracket(s, i + 2)).flatten() {
            flush(&mut text, &mut out);
            out.push(Inline::Footnote(parse_span(&s[i + 2..end], true)));
            i = end + 1;
            continue;
        }
        if s[i] == '\n' {
            flush(&mut text, &mut out);
            out.push(Inline::LineBreak);
        } else {
            text.push(s[i]);
        }
        i += 1;
    }
    flush(&mut text, &mut out);
    out
}

fn flush(text: &mut String, out: &mut Vec<Inline>) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}

/// Finds a run of exactly `run` stars that closes a span opened at `from`.
/// The span must not be empty, must not start with a space and must not end
/// with one: `5 * 3 * 2` stays literal.
fn find_closing_stars(s: &[char], from: usize, run: usize) -> Option<usize> {
    if s.get(from).is_none_or(|c| c.is_whitespace()) {
        return None;
    }
    let mut j = from;
    while j < s.len() {
        if s[j] == '*' {
            let len = s[j..].iter().take_while(|&&c| c == '*').count();
            if len == run && j > from && !s[j - 1].is_whitespace() {
                return Some(j);
            }
            // A longer run opens or closes a nested span: step over it whole.
            j += len;
            continue;
        }
        j += 1;
    }
    None
}

fn find_closing_bracket(s: &[char], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, &c) in s.iter().enumerate().skip(from) {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return Some(j),
            ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Translates plan text (with its inline markup) into Typst markup.
pub fn to_typst(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    write_nodes(&parse(text), &mut out);
    out
}

/// A word longer than this may break: after punctuation (`/`, `-`, `.` of
/// a long address or code), and within letters every [`FORCED_BREAK`]
/// characters, as Word breaks a word wider than the line (the narrowest
/// column, nơi nhận, holds about 25 characters). Shorter words never break.
const LONG_WORD: usize = 40;
const FORCED_BREAK: usize = 12;

/// Escapes text so that Typst markup prints it literally, markup included.
/// A very long word is set as a row of boxes, between which a line may
/// break: it wraps inside the margins instead of running off the page, and
/// its text (copied from the PDF) stays as typed.
pub fn escape_literal(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    // Characters in the open box of a long word, or None outside one.
    let mut long: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            if long.take().is_some() {
                out.push(']');
            }
        } else if long.is_none() && (i == 0 || chars[i - 1].is_whitespace()) {
            let word = chars[i..].iter().take_while(|c| !c.is_whitespace()).count();
            if word > LONG_WORD {
                out.push_str("#box[");
                long = Some(0);
            }
        }
        if let Some(n) = long.as_mut() {
            if *n == FORCED_BREAK {
                out.push_str("]#box[");
                *n = 0;
            }
            *n += 1;
        }
        match c {
            // A line break inside a string is a forced break, never a
            // paragraph break (which an empty line would be).
            '\n' => out.push_str("\\\n"),
            '\r' => {}
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
                if let Some(n) = long.as_mut()
                    && i + 1 < chars.len()
                    && !chars[i + 1].is_whitespace()
                {
                    out.push_str("]#box[");
                    *n = 0;
                }
            }
            c => out.push(c),
        }
    }
    if long.is_some() {
        out.push(']');
    }
}

fn write_nodes(nodes: &[Inline], out: &mut String) {
    for node in nodes {
        match node {
            Inline::Text(t) => escape_literal(t, out),
            Inline::LineBreak => out.push_str("\\\n"),
            Inline::Strong(inner) => wrap("#strong[", inner, out),
            Inline::Emph(inner) => wrap("#emph[", inner, out),
            Inline::Footnote(inner) => wrap("#footnote[", inner, out),
        }
    }
}

fn wrap(open: &str, inner: &[Inline], out: &mut String) {
    out.push_str(open);
    write_nodes(inner, out);
    out.push(']');
}

/// The text a reader sees, without markup and without footnotes.
pub fn plain_text(text: &str) -> String {
    fn walk(nodes: &[Inline], out: &mut String) {
        for node in nodes {
            match node {
                Inline::Text(t) => out.push_str(t),
                Inline::LineBreak => out.push(' '),
                Inline::Strong(inner) | Inline::Emph(inner) => walk(inner, out),
                Inline::Footnote(_) => {}
            }
        }
    }
    let mut out = String::new();
    walk(&parse(text), &mut out);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_a_very_long_word_is_set_in_boxes_that_may_break() {
        let escaped = |t: &str| {
            let mut out = String::new();
            super::escape_literal(t, &mut out);
            out
        };
        let symbol = "01/KH1N-01/17h00/DBQG-DBKH";
        assert!(!escaped(symbol).contains("#box"), "a ký hiệu stays whole");
        let long = "Đ".repeat(100);
        let out = escaped(&long);
        assert_eq!(out.matches("#box[").count(), 9, "a box every 12 letters");
        assert_eq!(out.replace("#box[", "").replace(']', ""), long);
        let url = format!("https://a.vn/{}/b", "x".repeat(40));
        assert!(
            escaped(&url).contains("\\/]#box["),
            "may break after a slash"
        );
    }

    use super::*;

    #[test]
    fn bold_italic_and_footnote() {
        assert_eq!(
            to_typst("a **b** *c* ***d*** e^[f *g*]"),
            "a #strong[b] #emph[c] #strong[#emph[d]] e#footnote[f #emph[g]]"
        );
    }

    #[test]
    fn italic_inside_bold() {
        assert_eq!(to_typst("**a *b* c**"), "#strong[a #emph[b] c]");
    }

    #[test]
    fn unclosed_and_spaced_stars_are_literal() {
        assert_eq!(to_typst("5 * 3 * 2"), "5 \\* 3 \\* 2");
        assert_eq!(to_typst("**open"), "\\*\\*open");
        assert_eq!(to_typst("^[open"), "\\^\\[open");
    }

    #[test]
    fn typst_syntax_is_escaped() {
        assert_eq!(
            to_typst("#read(\"/etc/passwd\") $x$ <l> @r // c"),
            "\\#read\\(\\\"\\/etc\\/passwd\\\"\\) \\$x\\$ \\<l\\> \\@r \\/\\/ c"
        );
    }

    #[test]
    fn newline_is_a_forced_break() {
        assert_eq!(to_typst("a\nb"), "a\\\nb");
    }

    #[test]
    fn plain_text_drops_markup_and_notes() {
        assert_eq!(plain_text("**Kế** *hoạch*^[x]"), "Kế hoạch");
    }
}
