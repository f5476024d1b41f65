//! The inline markup of plan text, and its translation to Typst markup.
//!
//! A paragraph may use `**bold**`, `*italic*`, `***bold italic***` and
//! `^[footnote]`; every other character is literal. Stars are emphasis only
//! where they stand at the edges of words, so that text a clerk types —
//! `(*)`, `7*7`, `a * b`, `{{ 7*7 }}` — prints as typed:
//!
//! - a run of one to three `*` opens where it is not after a letter or a
//!   digit and touches one on its inside (directly, or through an opening
//!   bracket or quote: `*(Kèm theo …)*`, `**“Đoàn kết”**`);
//! - the same run closes after anything but a space or an opening bracket,
//!   and not before a letter or a digit;
//! - a backslash before a run that would open, or before `^[`, makes it
//!   literal and is not printed (`\*nghiêm túc*`); every other backslash
//!   prints as itself (`\*`, `C:\`).
//!
//! A mark that opens but is never closed prints as typed, and
//! [`loose_marks`] names it for `check`. [`escape`] turns literal text into
//! plan text that prints it unchanged, for the importers.
//!
//! The translation escapes each literal ASCII punctuation character, so no
//! user string can reach Typst's syntax: not `#` (code), `$` (math),
//! `<`/`@` (labels, references), `/` (comments, term lists), `=`/`-`/`+`
//! (headings and lists at a line start), `"`/`'` (smart quotes),
//! `...`/`--` (shorthands) or `\` itself.

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    LineBreak,
    Strong(Vec<Inline>),
    Emph(Vec<Inline>),
    Footnote(Vec<Inline>),
}

/// A mark that would open emphasis or a footnote but has no partner: it
/// prints as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loose {
    /// `*`, `**`, `***` or `^[`.
    pub mark: String,
    /// The words that follow it, a few, to find it by.
    pub before: String,
}

/// Parses a plan string into inline nodes.
pub fn parse(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    parse_span(&chars, false, &mut Vec::new())
}

/// The marks of `text` that open but are never closed.
pub fn loose_marks(text: &str) -> Vec<Loose> {
    let chars: Vec<char> = text.chars().collect();
    let mut loose = Vec::new();
    parse_span(&chars, false, &mut loose);
    loose
}

/// Plan text that prints `literal` as it is: a backslash before each run
/// of stars that would open emphasis and before each `^[`.
pub fn escape(literal: &str) -> String {
    let chars: Vec<(char, bool)> = literal.chars().map(|c| (c, true)).collect();
    escape_marked(&chars)
}

/// Plan text from characters that are each literal (`true`) or markup
/// written on purpose: the literal ones escaped as [`escape`] does, judged
/// among all their neighbours.
pub fn escape_marked(chars: &[(char, bool)]) -> String {
    let s: Vec<char> = chars.iter().map(|&(c, _)| c).collect();
    let mut out = String::with_capacity(s.len());
    for (i, &(c, literal)) in chars.iter().enumerate() {
        let run_start = c == '*' && (i == 0 || s[i - 1] != '*');
        let markup = run_start && opens(&s, i) || c == '^' && s.get(i + 1) == Some(&'[');
        if literal && markup {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The text of plan text that holds no markup, line breaks as `\n`; None
/// where it holds some.
pub fn literal_text(nodes: &[Inline]) -> Option<String> {
    let mut out = String::new();
    for node in nodes {
        match node {
            Inline::Text(t) => out.push_str(t),
            Inline::LineBreak => out.push('\n'),
            _ => return None,
        }
    }
    Some(out)
}

fn parse_span(s: &[char], in_footnote: bool, loose: &mut Vec<Loose>) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < s.len() {
        if let Some(len) = escaped(s, i) {
            text.extend(&s[i + 1..=i + len]);
            i += 1 + len;
            continue;
        }
        if s[i] == '*' {
            let run = star_run(s, i);
            if opens(s, i) {
                if let Some(end) = find_closing_stars(s, i + run, run) {
                    flush(&mut text, &mut out);
                    let inner = parse_span(&s[i + run..end], in_footnote, loose);
                    out.push(match run {
                        1 => Inline::Emph(inner),
                        2 => Inline::Strong(inner),
                        _ => Inline::Strong(vec![Inline::Emph(inner)]),
                    });
                    i = end + run;
                    continue;
                }
                loose.push(Loose::at(s, i, run));
            }
            text.extend(&s[i..i + run]);
            i += run;
            continue;
        }
        if !in_footnote && s[i] == '^' && s.get(i + 1) == Some(&'[') {
            if let Some(end) = find_closing_bracket(s, i + 2) {
                flush(&mut text, &mut out);
                out.push(Inline::Footnote(parse_span(&s[i + 2..end], true, loose)));
                i = end + 1;
                continue;
            }
            loose.push(Loose::at(s, i, 2));
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

impl Loose {
    fn at(s: &[char], i: usize, len: usize) -> Loose {
        let rest: String = s[i + len..].iter().collect();
        let before: Vec<&str> = rest.split_whitespace().take(4).collect();
        Loose {
            mark: s[i..i + len].iter().collect(),
            before: before.join(" "),
        }
    }
}

fn flush(text: &mut String, out: &mut Vec<Inline>) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}

/// The number of stars from `i` on.
fn star_run(s: &[char], i: usize) -> usize {
    s[i..].iter().take_while(|&&c| c == '*').count()
}

/// What a backslash at `i` makes literal, in characters after it: a run
/// of stars that would open emphasis, or the `^` of `^[`.
fn escaped(s: &[char], i: usize) -> Option<usize> {
    if s[i] != '\\' {
        return None;
    }
    match s.get(i + 1) {
        Some('*') if opens(s, i + 1) => Some(star_run(s, i + 1)),
        Some('^') if s.get(i + 2) == Some(&'[') => Some(1),
        _ => None,
    }
}

/// Brackets and quotes that may stand between an opening run of stars and
/// the word it emphasises.
fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '“' | '‘' | '«' | '"' | '\'')
}

/// Whether the run of stars starting at `i` opens emphasis: one to three
/// stars, not after a letter or a digit, touching one on the inside.
fn opens(s: &[char], i: usize) -> bool {
    let run = star_run(s, i);
    let inside = |k: usize| s.get(i + run + k).copied();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    run <= 3
        && (i == 0 || !s[i - 1].is_alphanumeric())
        && (word(inside(0)) || inside(0).is_some_and(is_opening) && word(inside(1)))
}

/// Whether the run of stars at `j` closes a run of `run`: as long, after
/// something that is not a space or an opening bracket, and not before a
/// letter or a digit.
fn closes(s: &[char], j: usize, run: usize) -> bool {
    star_run(s, j) == run
        && j > 0
        && !s[j - 1].is_whitespace()
        && !matches!(s[j - 1], '(' | '[' | '{' | '“' | '‘' | '«')
        && s.get(j + run).is_none_or(|c| !c.is_alphanumeric())
}

/// Finds the run of `run` stars that closes a span whose text starts at
/// `from`; the span is not empty.
fn find_closing_stars(s: &[char], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < s.len() {
        if let Some(len) = escaped(s, j) {
            j += 1 + len;
            continue;
        }
        if s[j] == '*' {
            if j > from && closes(s, j, run) {
                return Some(j);
            }
            // A run of another length opens or closes a nested span, or
            // is literal: step over it whole.
            j += star_run(s, j);
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

    fn literal(text: &str) -> Option<String> {
        literal_text(&parse(text))
    }

    #[test]
    fn stars_that_do_not_edge_a_word_print_as_typed() {
        for typed in [
            "Chỉ tiêu (*) là chỉ tiêu bắt buộc; chỉ tiêu (*) phải báo cáo hằng quý",
            "7*7 bằng 49, 7*7 vẫn bằng 49",
            "{{ 7*7 }}",
            "a * b * c",
            "*) và (**)",
            "x*y*z",
            "\\*",
            "chỉ tiêu* và chỉ tiêu**",
            "****bốn sao****",
        ] {
            assert_eq!(literal(typed).as_deref(), Some(typed), "{typed}");
            assert!(loose_marks(typed).is_empty(), "{typed}");
        }
    }

    #[test]
    fn stars_at_the_edges_of_words_are_emphasis() {
        assert_eq!(
            to_typst("**Điều 1.** *nghiêm túc*, “*Học tập số*”"),
            "#strong[Điều 1\\.] #emph[nghiêm túc]\\, “#emph[Học tập số]”"
        );
        assert_eq!(
            to_typst("*(Kèm theo Kế hoạch)* **“Đoàn kết”** **a)**"),
            "#emph[\\(Kèm theo Kế hoạch\\)] #strong[“Đoàn kết”] #strong[a\\)]"
        );
        // The import's word joiner keeps two touching spans apart.
        assert_eq!(
            to_typst("**đậm**\u{2060}*nghiêng*"),
            "#strong[đậm]\u{2060}#emph[nghiêng]"
        );
    }

    #[test]
    fn a_backslash_escapes_only_what_would_be_markup() {
        assert_eq!(literal("\\*nghiêm túc*").as_deref(), Some("*nghiêm túc*"));
        assert_eq!(literal("\\**Điều 1.**").as_deref(), Some("**Điều 1.**"));
        assert_eq!(
            literal("\\^[không phải chú thích]").as_deref(),
            Some("^[không phải chú thích]")
        );
        assert_eq!(
            literal("C:\\thư mục\\ và \\\\").as_deref(),
            Some("C:\\thư mục\\ và \\\\")
        );
    }

    #[test]
    fn marks_left_open_are_named() {
        assert_eq!(
            loose_marks("Thực hiện *nghiêm túc các nhiệm vụ được giao và **Điều 1."),
            vec![
                Loose {
                    mark: "*".into(),
                    before: "nghiêm túc các nhiệm".into()
                },
                Loose {
                    mark: "**".into(),
                    before: "Điều 1.".into()
                },
            ]
        );
        assert_eq!(loose_marks("xem^[chú thích chưa đóng")[0].mark, "^[");
        assert!(loose_marks("**Điều 1.** *nghiêm túc* ^[chú *thích*]").is_empty());
    }

    #[test]
    fn escaped_text_prints_as_it_was() {
        for text in [
            "*nghiêm túc* và **Điều 1.** ^[x]",
            "\\*a* \\\\**b** \\^[c]",
            "(*) 7*7 *(Kèm theo)*\n“*Học*”",
            "*a *b* c*",
        ] {
            assert_eq!(literal(&escape(text)).as_deref(), Some(text), "{text}");
        }
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
