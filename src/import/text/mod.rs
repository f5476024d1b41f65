//! The reader of text copied or extracted from a PDF (`.txt`) and of
//! Markdown (`.md`): the encoding found and converted, extraction
//! artefacts removed (page numbers, website lines, form feeds, repeated
//! spaces), hard line breaks joined into paragraphs, footnote bodies moved
//! to their reference, pipe tables read as tables.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

mod columns;
mod footnotes;
mod paragraphs;

use super::legacy;
use super::source::Source;
use super::unreadable::Unreadable;
use columns::Part;
use footnotes::{move_footnotes, refers_to};
pub(crate) use paragraphs::join;
use paragraphs::paragraphs;

/// The largest text read: a plan is a few hundred kB at most.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// A numbered or bulleted start: `I.`, `1.`, `1.1.`, `a)`, `-`, `+`, `•`.
pub static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[IVXL]+\.|\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.|[a-zđ]\)|[-–+•])\s").unwrap()
});

/// Reads text as Markdown, its stars that edge words its emphasis: text
/// converted from Word (the seeds) writes bold and italic so.
pub fn read(bytes: &[u8]) -> Result<Source, Unreadable> {
    read_as(bytes, false)
}

/// Reads text whose every character but its footnotes' `^[…]` is literal
/// (a PDF's text layer): a star that would read as emphasis is escaped, so the plan
/// prints what the source printed.
pub fn read_literal(bytes: &[u8]) -> Result<Source, Unreadable> {
    read_as(bytes, true)
}

fn read_as(bytes: &[u8], literal: bool) -> Result<Source, Unreadable> {
    if bytes.len() > MAX_BYTES {
        return Err(Unreadable::TooLarge {
            megabytes: bytes.len() >> 20,
        });
    }
    if bytes.iter().take(8192).filter(|&&b| b == 0).count() > 8 {
        return Err(Unreadable::Binary);
    }
    let mut notes = Vec::new();
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            notes.push("tệp không phải UTF-8: đọc theo bảng mã Windows-1252".into());
            legacy::decode_8bit(bytes)
        }
    };
    let text = match legacy::detect(&text) {
        Some(found) => {
            notes.push(format!(
                "văn bản ở bảng mã cũ {}: đã chuyển sang Unicode",
                found.name()
            ));
            legacy::to_unicode(&text, found)
        }
        None => text.nfc().collect(),
    };
    let lines = clean_lines(&text, literal, &mut notes);
    let lines = move_footnotes(lines, &mut notes);
    let typical = typical_width(&lines);
    Ok(Source {
        pieces: paragraphs(&lines, typical),
        unit: "dòng",
        notes,
        emphasis: false,
        landscape: Vec::new(),
    })
}

/// A line of the file that survived cleaning, with its number.
#[derive(Debug, Clone)]
struct Line {
    at: usize,
    text: String,
    /// Markdown `#` heading or a line that was wholly bold: its own paragraph.
    alone: bool,
    /// Whether it stood in a right column, beside other text: it is joined
    /// only with the lines of its column.
    side: bool,
}

fn clean_lines(text: &str, literal: bool, notes: &mut Vec<String>) -> Vec<Line> {
    static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[ \t\u{a0}]+").unwrap());
    static PAGE_NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^Trang \d+(?:/\d+)?$").unwrap());
    static WEB: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:https?://|www\.)\S+$").unwrap());
    let mut dropped = Vec::new();
    let mut out = Vec::new();
    let columns = columns::parts(text).into_iter().flatten();
    // A footnote's number alone on its line, its text on the next: kept
    // when the text before has its reference (`… Thăng Long2;`).
    let mut mark: Option<String> = None;
    // A bullet alone on its line, its text on the next.
    let mut bullet = false;
    let (mut bullets, mut private) = (Vec::new(), Vec::new());
    let mut symbols: Vec<char> = Vec::new();
    for Part { at, text, side, .. } in columns {
        let line = SPACES.replace_all(&text, " ");
        // Escaped line by line: lines are joined after a space, a `-` or
        // a `/`, none of which changes what a star next to it would be.
        // A `^[` is the PDF reader's own mark of a footnote put back.
        let mut line = match literal {
            true => {
                let chars: Vec<(char, bool)> = line.trim().chars().map(|c| (c, c != '^')).collect();
                crate::markup::escape_marked(&chars)
            }
            false => line.trim().to_owned(),
        };
        if line.chars().count() == 1 && line.starts_with(is_bullet) {
            bullet = true;
            continue;
        }
        if let Some(item) = line.strip_prefix(is_bullet) {
            line = format!("- {}", item.trim_start());
            bullets.push(at);
        } else if bullet && !line.is_empty() {
            bullet = false;
            line = format!("- {line}");
            bullets.push(at);
        }
        // Any other glyph of a symbol font prints in no other font.
        if line.contains(is_private) {
            symbols.extend(line.chars().filter(|&c| is_private(c)));
            line = SPACES
                .replace_all(&line.replace(is_private, ""), " ")
                .trim()
                .to_owned();
            private.push(at);
        }
        if line.is_empty() {
            continue;
        }
        if let Some(number) = mark.take()
            && line.starts_with(char::is_uppercase)
        {
            line = format!("{number} {line}");
        } else if line.len() <= 2
            && line.chars().all(|c| c.is_ascii_digit())
            && out
                .iter()
                .rev()
                .take(80)
                .any(|l: &Line| refers_to(&l.text, &line))
        {
            mark = Some(line);
            continue;
        }
        if PAGE_NUMBER.is_match(&line) || WEB.is_match(&line) {
            dropped.push(at);
            continue;
        }
        let mut alone = false;
        if line.starts_with('#') {
            line = line.trim_start_matches('#').trim().to_owned();
            alone = true;
        }
        // `**II. NỘI DUNG**` wholly bold: the bold is the heading's own.
        if let Some(inner) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**"))
            && !inner.contains("**")
        {
            line = inner.trim().to_owned();
            alone = true;
        }
        out.push(Line {
            at,
            text: line,
            alone,
            side,
        });
    }
    if !dropped.is_empty() {
        notes.push(format!(
            "đã bỏ {} dòng số trang hoặc địa chỉ web (dòng {})",
            dropped.len(),
            list(&dropped)
        ));
    }
    if !bullets.is_empty() {
        notes.push(format!(
            "đọc {} dòng mở đầu bằng ký hiệu đầu dòng (•, ▪, ◦ hoặc ký hiệu của phông Symbol, \
             Wingdings) như gạch đầu dòng (dòng {})",
            bullets.len(),
            list(&bullets)
        ));
    }
    if !private.is_empty() {
        symbols.sort_unstable();
        symbols.dedup();
        let named: Vec<String> = symbols
            .iter()
            .map(|&c| format!("U+{:04X}", c as u32))
            .collect();
        notes.push(format!(
            "đã bỏ ký tự riêng của phông chữ ({}), không in được bằng phông khác (dòng {})",
            named.join(", "),
            list(&private)
        ));
    }
    out
}

/// Word's bullets as a PDF's text layer gives them — the Symbol and
/// Wingdings fonts' glyphs at private-use code points (`U+F0B7` •,
/// `U+F0A7` ▪, `U+F076` ❖, `U+F0D8` ➢, `U+F0FC` ✓ …) — or the usual
/// bullet characters.
fn is_bullet(c: char) -> bool {
    is_private(c) || matches!(c, '•' | '▪' | '◦')
}

/// A code point of Unicode's private use areas: a glyph of a symbol font,
/// which no other font prints.
fn is_private(c: char) -> bool {
    matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}')
}

/// A line's width in characters, its footnotes (`^[…]`) left out: they
/// are not printed on the line.
fn width(text: &str) -> usize {
    let mut width = 0;
    let mut depth = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '^' if chars.peek() == Some(&'[') => {
                chars.next();
                depth += 1;
            }
            '[' if depth > 0 => depth += 1,
            ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => width += 1,
            _ => {}
        }
    }
    width
}

/// The median width of the lines: the page's.
fn typical_width(lines: &[Line]) -> usize {
    let mut widths: Vec<usize> = lines.iter().map(|l| width(&l.text)).collect();
    widths.sort_unstable();
    widths.get(widths.len() / 2).copied().unwrap_or(80)
}

/// Letters all capitals (at least four of them).
pub fn is_caps(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| !c.is_lowercase())
}

/// `| a | b |` → the cells.
fn pipe_row(line: &str) -> Option<Vec<String>> {
    let inner = line.strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(|c| c.trim().to_owned()).collect())
}

fn list(numbers: &[usize]) -> String {
    let shown: Vec<String> = numbers.iter().take(12).map(usize::to_string).collect();
    let more = if numbers.len() > 12 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::Piece;

    fn texts(source: &str) -> Vec<String> {
        read(source.as_bytes())
            .unwrap()
            .pieces
            .into_iter()
            .filter_map(|p| match p {
                Piece::Text { text, .. } => Some(text),
                Piece::Table { .. } => None,
            })
            .collect()
    }

    #[test]
    fn hard_breaks_are_joined_and_headings_kept() {
        // Seed 000's extraction: a blank line after every line.
        let got = texts(
            " Căn cứ Kế hoạch số 150/KH-UBND, ngày 03/06/2025 của UBND tỉnh \n\nLạng Sơn về triển khai, cụ thể như sau:  \n\nI. MỤC ĐÍCH, YÊU CẦU \n\n 1. Mục đích \n\n- Khơi dậy tinh thần trách nhiệm, phát huy sáng kiến \n\nchức, viên chức. \n\n- Thực hiện Nghị quyết số 57-\n\nNQ/TW của Bộ Chính trị. \n\n2 \n\nhttp://tuyengiaolangson.vn/\n",
        );
        assert_eq!(
            got,
            [
                "Căn cứ Kế hoạch số 150/KH-UBND, ngày 03/06/2025 của UBND tỉnh Lạng Sơn về triển khai, cụ thể như sau:",
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Mục đích",
                "- Khơi dậy tinh thần trách nhiệm, phát huy sáng kiến chức, viên chức.",
                "- Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.",
            ]
        );
    }

    #[test]
    fn a_footnote_body_goes_back_to_its_reference() {
        let long = "x ".repeat(60);
        let text = format!(
            "Thực hiện các Kế hoạch của Sở Tư pháp1 và tổ chức đánh giá,\n1 Kế hoạch số 60/KH-STP ngày 29/7/2019 {long}\ngiai đoạn 2023 - 2025\nthi đua theo hướng dẫn.\n"
        );
        let got = texts(&text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("Thực hiện các Kế hoạch của Sở Tư pháp^[Kế hoạch số 60/KH-STP"));
        assert!(
            got[0].ends_with("giai đoạn 2023 - 2025] và tổ chức đánh giá, thi đua theo hướng dẫn.")
        );
    }

    #[test]
    fn bracketed_footnotes_and_side_by_side_columns() {
        let got =
            texts("Căn cứ Kế hoạch của UBND tỉnh[1] và của Bộ.\n[1] Kế hoạch số 01/KH-UBND.\n");
        assert_eq!(
            got,
            ["Căn cứ Kế hoạch của UBND tỉnh^[Kế hoạch số 01/KH-UBND.] và của Bộ."]
        );
        let got = texts(
            "Nơi nhận:        KT. GIÁM ĐỐC\n- Lãnh đạo Sở;       PHÓ GIÁM ĐỐC\n- Lưu: VT, VP.\n",
        );
        assert_eq!(
            got,
            [
                "Nơi nhận:",
                "KT. GIÁM ĐỐC",
                "- Lãnh đạo Sở;",
                "PHÓ GIÁM ĐỐC",
                "- Lưu: VT, VP."
            ]
        );
    }

    #[test]
    fn word_bullets_are_list_items_and_symbols_are_dropped() {
        let text = "Các đơn vị thực hiện:\n\u{f0b7}     Rà soát hồ sơ;\n\u{f0a7} Kiểm tra thực tế;\n\
                    •\n\nBáo cáo kết quả.\nHồ sơ gửi về Sở \u{f0e0} trước ngày 15.\n";
        let source = read(text.as_bytes()).unwrap();
        let got: Vec<&str> = source
            .pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text { text, .. } => Some(text.as_str()),
                Piece::Table { .. } => None,
            })
            .collect();
        assert_eq!(
            got,
            [
                "Các đơn vị thực hiện:",
                "- Rà soát hồ sơ;",
                "- Kiểm tra thực tế;",
                "- Báo cáo kết quả.",
                "Hồ sơ gửi về Sở trước ngày 15.",
            ]
        );
        let notes = source.notes.join("\n");
        assert!(
            notes.contains("đọc 3 dòng mở đầu bằng ký hiệu đầu dòng"),
            "{notes}"
        );
        assert!(
            notes.contains("(U+F0E0)") && notes.contains("(dòng 7)"),
            "{notes}"
        );
    }

    #[test]
    fn a_line_cut_after_a_slash_is_joined_whole() {
        let got = texts(
            "Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 41/\nTTr-SKHCN ngày 09/3/2026 và ý kiến của các sở (để b/\nc) về kế hoạch.\n",
        );
        assert_eq!(
            got,
            [
                "Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 41/TTr-SKHCN ngày 09/3/2026 và ý kiến của các sở (để b/c) về kế hoạch."
            ]
        );
        // `Lưu:` ends a line before its value; a slash standing alone, or
        // ending a web address, is no cut word.
        let got = texts(
            "- UBND các xã, phường; - Lưu:\nVT, VP.\nKèm theo Quyết định số /\nQĐ-UBND ngày /4/2026 của Ủy ban, đăng tại https://laichau.gov.vn/\ncùng các văn bản khác.\n",
        );
        assert_eq!(
            got,
            [
                "- UBND các xã, phường; - Lưu: VT, VP.",
                "Kèm theo Quyết định số / QĐ-UBND ngày /4/2026 của Ủy ban, đăng tại https://laichau.gov.vn/ cùng các văn bản khác."
            ]
        );
    }

    #[test]
    fn legacy_encodings_are_converted() {
        // TCVN3 (ABC) text pasted from an old .VnTime document.
        let source =
            read("Së T\u{ad} ph¸p tØnh L¹ng S¬n x©y dùng kÕ ho¹ch thi ®ua n¨m 2025.".as_bytes())
                .unwrap();
        assert!(
            source.notes.iter().any(|n| n.contains("TCVN3")),
            "{:?}",
            source.notes
        );
        let Piece::Text { text, .. } = &source.pieces[0] else {
            panic!("a paragraph")
        };
        assert_eq!(
            text,
            "Sở Tư pháp tỉnh Lạng Sơn xây dựng kế hoạch thi đua năm 2025."
        );
    }

    #[test]
    fn binary_and_huge_files_are_refused() {
        assert!(read(&[0u8; 100]).is_err());
        assert!(read(&vec![b'a'; MAX_BYTES + 1]).is_err());
        assert!(read(b"").unwrap().pieces.is_empty());
    }
}
