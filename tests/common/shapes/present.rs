//! The text shapes of a printed document, as real extracted files look
//! (corpus files 10 and more/01 for `pdftotext -layout`, 13 for a legal
//! portal's Markdown):
//!
//! - `layout`: the header's columns side by side with wide gaps, body lines
//!   hard-wrapped at 85 columns with indented first lines, form feeds and
//!   page numbers, nơi nhận | signer side by side;
//! - `lines`: every printed line on its own line, a column after the
//!   other (left, then right), paragraphs unwrapped;
//! - `markdown`: the header and the nơi nhận | signer block as pipe-table
//!   rows, `**bold**` and `*italic*`;
//! - `ocr`: the document with letters of some capital lines (and the
//!   signer's name) split by stray spaces, to be laid out as `layout`.

use super::document::{Closing, Element, Header, Kind};
use super::print::{Print, Rules};
use super::rng::Rng;

const WIDTH: usize = 85;
/// Where the header's right column and the signer's column start.
const RIGHT: usize = 40;
const SIGNER: usize = 46;
/// Lines a page holds before the text goes on past a form feed (corpus
/// files 10 and more/01 have 38–48).
const PAGE_LINES: usize = 44;

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Words of `text` in lines of at most `width` characters (a longer word
/// stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_first(text, width, width)
}

/// As [`wrap`], the first line `first` characters wide.
fn wrap_first(text: &str, first: usize, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let room = if lines.is_empty() { first } else { width };
        if !current.is_empty() && chars(&current) + 1 + chars(word) > room {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

fn centred(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(chars(text)) / 2;
    format!("{}{text}", " ".repeat(pad))
}

/// `left` padded to column `at`, then `right`; at least two spaces apart.
fn beside(left: &str, right: &str, at: usize) -> String {
    if right.trim().is_empty() {
        return left.trim_end().to_owned();
    }
    let pad = at.saturating_sub(chars(left)).max(2);
    format!("{left}{}{right}", " ".repeat(pad))
}

fn rule(rules: Rules, width: usize) -> Option<String> {
    match rules {
        Rules::None => None,
        Rules::Dashes => Some("-".repeat(width)),
        Rules::Underscores => Some("_".repeat(width)),
    }
}

/// Pages as `pdftotext -layout` prints them: a form feed starts each new
/// page, and pages after the first of their run carry their number on top.
struct Pages {
    out: String,
    on_page: usize,
    number: usize,
}

impl Pages {
    fn push(&mut self, line: String, breakable: bool) {
        if breakable && self.on_page >= PAGE_LINES {
            self.number += 1;
            self.out.push('\u{c}');
            self.out.push_str(&centred(&self.number.to_string(), WIDTH));
            self.out.push_str("\n\n");
            self.on_page = 2;
        }
        self.out.push_str(line.trim_end());
        self.out.push('\n');
        self.on_page += 1;
    }

    fn new_run(&mut self) {
        self.out.push('\u{c}');
        self.on_page = 0;
        self.number = 1;
    }
}

pub fn layout(doc: &[Element], print: &Print) -> String {
    let mut pages = Pages {
        out: String::new(),
        on_page: 0,
        number: 1,
    };
    let margin = " ".repeat(print.indent);
    for element in doc {
        match element {
            Element::Header(h) => {
                for l in header_rows(h, print, &margin) {
                    pages.push(l, false);
                }
                pages.push(String::new(), false);
            }
            Element::Line(l) => match l.kind {
                Kind::Centre => {
                    for part in l.text.lines().flat_map(|p| wrap(p, 70)) {
                        pages.push(centred(&part, WIDTH), false);
                    }
                }
                Kind::Paragraph => {
                    let indent = "      ";
                    let wrapped = wrap_first(&l.text, WIDTH - indent.len(), WIDTH);
                    for (i, part) in wrapped.into_iter().enumerate() {
                        let part = if i == 0 {
                            format!("{indent}{part}")
                        } else {
                            part
                        };
                        pages.push(part, true);
                    }
                }
            },
            Element::Table(rows) => {
                for l in table_rows(rows) {
                    pages.push(l, true);
                }
            }
            Element::Closing(c) => {
                for l in closing_rows(c) {
                    pages.push(l, false);
                }
            }
            Element::Break => pages.new_run(),
        }
    }
    pages.out.push('\u{c}');
    pages.out
}

fn header_rows(h: &Header, print: &Print, margin: &str) -> Vec<String> {
    let mut left: Vec<String> = h.left.clone();
    let mut right: Vec<String> = h.right.clone();
    left.extend(rule(print.rules, 9));
    right.extend(rule(print.rules, 27));
    let mut rows: Vec<String> = (0..left.len().max(right.len()))
        .map(|i| {
            let l = left.get(i).map_or(String::new(), |l| centred(l, RIGHT - 2));
            let r = right.get(i).map_or(String::new(), |r| centred(r, 48));
            beside(&format!("{margin}{l}"), &r, RIGHT + margin.len())
        })
        .collect();
    if let Some((so, date)) = &h.row {
        let l = format!("{margin}{}", centred(so, RIGHT - 2));
        rows.push(beside(&l, &centred(date, 48), RIGHT + margin.len()));
    }
    rows
}

fn table_rows(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let longest: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| chars(s))
                .max()
                .unwrap_or(1)
                .max(3)
        })
        .collect();
    let total: usize = longest.iter().sum();
    let widths: Vec<usize> = longest
        .iter()
        .map(|&w| (w * (WIDTH - 2 * columns) / total.max(1)).clamp(3, w.max(3)))
        .collect();
    let mut out = Vec::new();
    for row in rows {
        let cells: Vec<Vec<String>> = (0..columns)
            .map(|c| wrap(row.get(c).map_or("", String::as_str), widths[c]))
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for i in 0..height {
            let mut text = String::new();
            for (c, cell) in cells.iter().enumerate() {
                let part = cell.get(i).map_or("", String::as_str);
                text.push_str(part);
                text.push_str(&" ".repeat(widths[c] - chars(part).min(widths[c]) + 2));
            }
            out.push(text);
        }
        out.push(String::new());
    }
    out
}

fn closing_rows(c: &Closing) -> Vec<String> {
    let left: Vec<String> = c
        .recipients
        .iter()
        .flat_map(|r| wrap(r, SIGNER - 4))
        .collect();
    let mut right: Vec<String> = c.signer.clone();
    if let Some(name) = &c.name {
        right.extend(["", "", ""].map(String::from));
        right.push(name.clone());
    }
    let mut rows = vec![String::new()];
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).map_or("", String::as_str);
        let r = right.get(i).map_or(String::new(), |r| centred(r, 40));
        rows.push(beside(l, &r, SIGNER));
    }
    rows
}

pub fn lines(doc: &[Element], print: &Print) -> String {
    let mut out: Vec<String> = Vec::new();
    for element in doc {
        match element {
            Element::Header(h) => {
                out.extend(h.left.iter().cloned());
                out.extend(rule(print.rules, 9));
                out.extend(h.row.as_ref().map(|r| r.0.clone()));
                out.extend(h.right.iter().cloned());
                out.extend(rule(print.rules, 27));
                out.extend(h.row.as_ref().map(|r| r.1.clone()));
            }
            Element::Line(l) => out.extend(l.text.lines().map(str::to_owned)),
            Element::Table(rows) => out.extend(rows.iter().flatten().cloned()),
            Element::Closing(c) => {
                out.extend(c.recipients.iter().cloned());
                out.extend(c.signer.iter().cloned());
                out.extend(c.name.iter().cloned());
            }
            Element::Break => out.push(String::new()),
        }
    }
    out.join("\n") + "\n"
}

pub fn markdown(doc: &[Element], print: &Print) -> String {
    let strong = |s: &str| {
        if print.styled_markdown {
            format!("**{s}**")
        } else {
            s.to_owned()
        }
    };
    let mut out: Vec<String> = vec![
        "*Source: https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Ke-hoach-2026.aspx*".into(),
    ];
    for element in doc {
        match element {
            Element::Header(h) => {
                let left: Vec<String> = h.left.iter().map(|l| strong(l)).collect();
                let right: Vec<String> = h.right.iter().map(|l| strong(l)).collect();
                let mut table = format!(
                    "| {} ------- | {} --------------- |\n|---|---|",
                    left.join(" "),
                    right.join(" ")
                );
                if let Some((so, date)) = &h.row {
                    let date = if print.styled_markdown {
                        format!("*{date}*")
                    } else {
                        date.clone()
                    };
                    table.push_str(&format!("\n| {so} | {date} |"));
                }
                out.push(table);
            }
            Element::Line(l) => {
                let text = l.text.replace('\n', " ");
                out.push(match (l.bold, l.italic) {
                    (true, _) => format!("**{text}**"),
                    (false, true) => format!("*{text}*"),
                    _ => text,
                });
            }
            Element::Table(rows) => {
                let mut table: Vec<String> = rows
                    .iter()
                    .map(|r| format!("| {} |", r.join(" | ")))
                    .collect();
                let columns = rows.first().map_or(0, Vec::len);
                table.insert(1, format!("|{}", "---|".repeat(columns)));
                out.push(table.join("\n"));
            }
            Element::Closing(c) => {
                let (label, entries) = c.recipients.split_first().expect("Nơi nhận:");
                let mut signer: Vec<String> = c.signer.iter().map(|l| strong(l)).collect();
                signer.extend(c.name.iter().map(|n| strong(n)));
                out.push(format!(
                    "| {} {} | {} |\n|---|---|",
                    strong(label),
                    entries.join(" "),
                    signer.join(" ")
                ));
            }
            Element::Break => {}
        }
    }
    out.join("\n\n") + "\n"
}

/// The document with stray spaces inside words of some capital header
/// lines and some signer lines (and the name), as OCR leaves them:
/// `CHỦ TỊ CH`, `P HÓ CHỦ T Ị CH`, `Ngu y ễn Hữu Tín`.
pub fn ocr(doc: &[Element], print: &Print) -> Vec<Element> {
    let mut rng = Rng::for_plan(print.ocr_seed, 0);
    let mut doc = doc.to_vec();
    for element in &mut doc {
        match element {
            Element::Header(h) if print.ocr_header => {
                let mut lines: Vec<String> = h.left.iter().chain(&h.right).cloned().collect();
                split_some(&mut lines, true, &mut rng);
                h.right = lines.split_off(h.left.len());
                h.left = lines;
            }
            Element::Closing(c) if print.ocr_signer => {
                let mut lines: Vec<String> = c.signer.clone();
                lines.extend(c.name.clone());
                split_some(&mut lines, false, &mut rng);
                if c.name.is_some() {
                    c.name = lines.pop();
                }
                c.signer = lines;
            }
            _ => {}
        }
    }
    doc
}

/// Splits about half of the lines that can be split (in capitals only, if
/// `capitals`), and at least one.
fn split_some(lines: &mut [String], capitals: bool, rng: &mut Rng) {
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| !splittable(&lines[i]).is_empty())
        .filter(|&i| !capitals || !lines[i].chars().any(char::is_lowercase))
        .collect();
    let mut chosen: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|_| rng.chance(50))
        .collect();
    if chosen.is_empty() && !candidates.is_empty() {
        chosen.push(*rng.pick(&candidates));
    }
    for i in chosen {
        lines[i] = split_line(&lines[i], rng);
    }
}

/// The words of a line that OCR may split: three letters or more.
fn splittable(line: &str) -> Vec<usize> {
    line.split(' ')
        .enumerate()
        .filter(|(_, w)| chars(w) >= 3 && w.chars().all(char::is_alphabetic))
        .map(|(i, _)| i)
        .collect()
}

fn split_line(line: &str, rng: &mut Rng) -> String {
    let mut words: Vec<String> = line.split(' ').map(str::to_owned).collect();
    let which = splittable(line);
    let n = rng.range(1, 2.min(which.len() as u32)) as usize;
    for i in rng.distinct(&which, n) {
        let letters: Vec<char> = words[i].chars().collect();
        let inner: Vec<usize> = (1..letters.len()).collect();
        let n = rng.range(1, 2) as usize;
        let cuts = rng.distinct(&inner, n);
        words[i] = letters
            .iter()
            .enumerate()
            .flat_map(|(k, c)| (cuts.contains(&k).then_some(' ')).into_iter().chain([*c]))
            .collect();
    }
    words.join(" ")
}
