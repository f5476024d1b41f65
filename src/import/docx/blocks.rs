//! Blocks: paragraphs and tables in document order, with their list
//! labels, into the importer's pieces; footnotes and endnotes into the
//! text their reference is inlined as.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::markup::{Span, render};
use super::numbering::{ListCounters, ListDefs, NumRef};
use super::runs::{Context, Seen, paragraph_spans};
use super::styles::RunProps;
use super::xml::Element;
use crate::import::source::Piece;

/// The texts of footnotes or endnotes by id: paragraphs joined by a space,
/// formatting dropped (a note is set in one style).
pub(super) fn note_texts(
    root: Option<&Element>,
    context: &Context,
    seen: &mut Seen,
) -> HashMap<String, String> {
    let mut texts = HashMap::new();
    for note in root.into_iter().flat_map(Element::elements) {
        // Separators are Word's own lines above the notes, not notes.
        let is_note = (note.is("footnote") || note.is("endnote"))
            && note.attr("type").is_none_or(|kind| kind == "normal");
        let Some(id) = note.attr("id").filter(|_| is_note) else {
            continue;
        };
        let paragraphs: Vec<String> = note
            .elements()
            .filter(|e| e.is("p"))
            .map(|p| plain(paragraph_spans(context, p, RunProps::default(), seen)))
            .filter(|text| !text.is_empty())
            .collect();
        texts.insert(id.to_string(), paragraphs.join(" "));
    }
    texts
}

fn plain(spans: Vec<Span>) -> String {
    let text: String = spans.iter().map(|span| span.text.as_str()).collect();
    text.replace('\n', " ").trim().to_string()
}

pub(super) struct Walker<'a> {
    pub(super) context: &'a Context,
    pub(super) lists: &'a ListDefs,
    pub(super) counters: ListCounters,
    /// Paragraphs met so far, empty ones included: what `at` counts.
    pub(super) paragraphs: usize,
    pub(super) pieces: Vec<Piece>,
    pub(super) seen: Seen,
    /// The first paragraph of the section being read.
    pub(super) section_start: usize,
    /// The paragraphs of the landscape sections read so far.
    pub(super) landscape: Vec<std::ops::RangeInclusive<usize>>,
}

impl Walker<'_> {
    pub(super) fn read_blocks(&mut self, container: &Element) {
        for child in container.elements().filter(|e| e.w) {
            match child.name.as_str() {
                "p" => {
                    if let Some(text) = self.read_paragraph(child) {
                        self.pieces.push(Piece::Text {
                            at: self.paragraphs,
                            text,
                        });
                    }
                }
                "tbl" => {
                    if let Some(table) = self.read_table(child) {
                        self.pieces.push(table);
                    }
                }
                "sdt" => {
                    if let Some(content) = child.child("sdtContent") {
                        self.read_blocks(content);
                    }
                }
                "customXml" => self.read_blocks(child),
                // sectPr, bookmarks, and the like.
                _ => {}
            }
        }
    }

    /// Ends the section whose properties are `sect_pr` after the paragraphs
    /// read so far (a paragraph's `w:sectPr` ends its section with it; the
    /// body's own, the last section).
    pub(super) fn end_section(&mut self, sect_pr: &Element) {
        let size = sect_pr.child("pgSz");
        let number = |name: &str| {
            size.and_then(|s| s.attr(name))
                .and_then(|v| v.parse::<u64>().ok())
        };
        let landscape = size.and_then(|s| s.attr("orient")) == Some("landscape")
            || matches!((number("w"), number("h")), (Some(w), Some(h)) if w > h);
        if landscape && self.paragraphs >= self.section_start {
            self.landscape.push(self.section_start..=self.paragraphs);
        }
        self.section_start = self.paragraphs + 1;
    }

    /// Counts a paragraph and gives its text, `None` when it is empty.
    fn read_paragraph(&mut self, p: &Element) -> Option<String> {
        self.paragraphs += 1;
        let p_pr = p.child("pPr");
        if let Some(sect_pr) = p_pr.and_then(|pp| pp.child("sectPr")) {
            self.end_section(sect_pr);
        }
        let style = p_pr.and_then(|pp| pp.val("pStyle")).or(self
            .context
            .styles
            .default_paragraph
            .as_deref());
        // Counted even when the paragraph turns out empty: Word shows and
        // counts its label all the same.
        let label = self
            .numbering_of(p_pr, style)
            .and_then(|(id, level)| self.counters.next_label(self.lists, &id, level));
        // `w:pPr/w:rPr` formats only the paragraph mark, so it is not used.
        let base = self.context.styles.run_props(style);
        let text = render(paragraph_spans(self.context, p, base, &mut self.seen));
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let text = match label {
            Some(label) if !label.is_empty() => format!("{label} {text}"),
            _ => text.to_string(),
        };
        Some(text.nfc().collect())
    }

    /// The list and level of a paragraph, from its own `w:numPr` or its style's.
    fn numbering_of(&self, p_pr: Option<&Element>, style: Option<&str>) -> Option<(String, usize)> {
        let own = NumRef::of(p_pr.and_then(|p| p.child("numPr")));
        let num = own.or(self.context.styles.numbering(style));
        // numId 0 is how a paragraph turns its style's numbering off.
        let id = num.id.filter(|id| id.trim() != "0")?;
        let level = num
            .level
            .or_else(|| self.lists.level_for_style(&id, style?))
            .unwrap_or(0);
        Some((id, level))
    }

    /// A table as rows of cells; `None` when no cell has text.
    fn read_table(&mut self, tbl: &Element) -> Option<Piece> {
        let at = self.paragraphs + 1;
        let mut rows = Vec::new();
        for tr in wrapped_children(tbl, "tr") {
            let mut cells = Vec::new();
            for tc in wrapped_children(tr, "tc") {
                // Read even when merged away: its paragraphs count.
                let lines = self.cell_lines(tc);
                match merge_of(tc) {
                    Merge::Own => cells.push(lines.join("\n")),
                    Merge::FromAbove => cells.push(String::new()),
                    Merge::FromLeft => {}
                }
            }
            rows.push(cells);
        }
        let has_text = rows.iter().flatten().any(|cell| !cell.is_empty());
        has_text.then_some(Piece::Table { at, rows })
    }

    /// A cell's non-empty paragraphs; a nested table's cells are flattened
    /// into lines of the cell.
    fn cell_lines(&mut self, container: &Element) -> Vec<String> {
        let mut lines = Vec::new();
        for child in container.elements().filter(|e| e.w) {
            match child.name.as_str() {
                "p" => lines.extend(self.read_paragraph(child)),
                "tbl" => {
                    for tr in wrapped_children(child, "tr") {
                        for tc in wrapped_children(tr, "tc") {
                            lines.extend(self.cell_lines(tc));
                        }
                    }
                }
                "sdt" => {
                    if let Some(content) = child.child("sdtContent") {
                        lines.extend(self.cell_lines(content));
                    }
                }
                "customXml" => lines.extend(self.cell_lines(child)),
                _ => {}
            }
        }
        lines
    }
}

/// Children of this name, looking through the content controls and custom
/// XML that may wrap table rows and cells.
fn wrapped_children<'e>(element: &'e Element, name: &str) -> Vec<&'e Element> {
    let mut found = Vec::new();
    for child in element.elements().filter(|e| e.w) {
        if child.name == name {
            found.push(child);
        } else if child.name == "customXml" {
            found.extend(wrapped_children(child, name));
        } else if let Some(content) = child.child("sdtContent").filter(|_| child.name == "sdt") {
            found.extend(wrapped_children(content, name));
        }
    }
    found
}

enum Merge {
    Own,
    /// A `w:vMerge` continuation: the cell above holds the text.
    FromAbove,
    /// A legacy `w:hMerge` continuation: the cell to the left holds it.
    FromLeft,
}

fn merge_of(tc: &Element) -> Merge {
    let tc_pr = tc.child("tcPr");
    let continues = |name| {
        tc_pr
            .and_then(|p| p.child(name))
            .is_some_and(|m| m.attr("val") != Some("restart"))
    };
    if continues("vMerge") {
        Merge::FromAbove
    } else if continues("hMerge") {
        Merge::FromLeft
    } else {
        Merge::Own
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;

    #[test]
    fn header_table_then_title() {
        let left = tc(&[
            pt("UBND TỈNH LẠNG SƠN"),
            pt("SỞ TƯ PHÁP"),
            p(""),
            pt("Số: 45/KH-STP"),
        ]);
        let right = tc(&[
            pt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            pt("Độc lập - Tự do - Hạnh phúc"),
            pt("Lạng Sơn, ngày 04 tháng 3 năm 2025"),
        ]);
        let body = [tbl(&[vec![left, right]]), p(""), p(&r("KẾ HOẠCH", "b"))].concat();
        let source = read_ok(&docx(&body, &[]));
        assert_eq!(source.unit, "đoạn");
        assert_eq!(
            source.pieces,
            vec![
                table(
                    1,
                    &[&[
                        "UBND TỈNH LẠNG SƠN\nSỞ TƯ PHÁP\nSố: 45/KH-STP",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLạng Sơn, ngày 04 tháng 3 năm 2025",
                    ]]
                ),
                // 7 table paragraphs, an empty one, then the title.
                text(9, "**KẾ HOẠCH**"),
            ]
        );
        assert!(source.notes.is_empty(), "{:?}", source.notes);
    }

    #[test]
    fn footnote_is_inlined() {
        let footnotes = part(
            "footnotes",
            r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
               <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
               <w:footnote w:id="1"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Luật số </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>06/2022/QH15</w:t></w:r></w:p><w:p><w:r><w:t>ngày 15/6/2022.</w:t></w:r></w:p></w:footnote>"#,
        );
        let body = p(&[
            r("Căn cứ Luật Thi đua, khen thưởng", ""),
            r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>"#.to_string(),
            r(" năm 2022;", ""),
        ]
        .concat());
        let source = read_ok(&docx(&body, &[("footnotes.xml", footnotes)]));
        assert_eq!(
            source.pieces,
            vec![text(
                1,
                "Căn cứ Luật Thi đua, khen thưởng^[Luật số 06/2022/QH15 ngày 15/6/2022.] năm 2022;"
            )]
        );
    }

    #[test]
    fn body_table_with_merged_cells() {
        let merged_start = r#"<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"#;
        let merged_rest = r#"<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"#;
        let wide = r#"<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Tổng cộng</w:t></w:r></w:p></w:tc>"#;
        let nested = tbl(&[vec![tc(&[pt("Phòng A")]), tc(&[pt("Phòng B")])]]);
        let body = [
            pt("Phân công:"),
            tbl(&[
                vec![
                    tc(&[p(&r("STT", "b"))]),
                    tc(&[p(&r("Nội dung", "b"))]),
                    tc(&[p(&r("Thời gian", "b"))]),
                ],
                vec![
                    merged_start.to_string(),
                    tc(&[pt("Tuyên truyền")]),
                    tc(&[pt("Quý I/2025")]),
                ],
                vec![
                    merged_rest.to_string(),
                    tc(&[pt("Sơ kết")]),
                    format!("<w:tc>{nested}<w:p/></w:tc>"),
                ],
                vec![wide.to_string(), tc(&[pt("12")])],
            ]),
            pt("Sau bảng."),
        ]
        .concat();
        let source = read_ok(&docx(&body, &[]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "Phân công:"),
                table(
                    2,
                    &[
                        &["**STT**", "**Nội dung**", "**Thời gian**"],
                        &["1", "Tuyên truyền", "Quý I/2025"],
                        &["", "Sơ kết", "Phòng A\nPhòng B"],
                        &["Tổng cộng", "12"],
                    ]
                ),
                // 3 + 3 + (1 + 1 + 2 nested + 1) + 2 = 13 table paragraphs.
                text(15, "Sau bảng."),
            ]
        );
    }

    #[test]
    fn recipients_and_signer_table() {
        let left = tc(&[
            p(&r("Nơi nhận:", "bi")),
            pt("- Bộ Tư pháp (b/c);"),
            pt("- UBND tỉnh (b/c);"),
            pt("- Lưu: VT, VP."),
        ]);
        let right = tc(&[
            p(&r("KT. GIÁM ĐỐC", "b")),
            p(&r("PHÓ GIÁM ĐỐC", "b")),
            p(""),
            p(""),
            p(""),
            p(&r("Nguyễn Văn An", "b")),
        ]);
        let body = [
            p(&r("Trên đây là Kế hoạch ... thực hiện./.", "")),
            tbl(&[vec![left, right]]),
        ]
        .concat();
        let source = read_ok(&docx(&body, &[]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "Trên đây là Kế hoạch ... thực hiện./."),
                table(
                    2,
                    &[&[
                        "***Nơi nhận:***\n- Bộ Tư pháp (b/c);\n- UBND tỉnh (b/c);\n- Lưu: VT, VP.",
                        "**KT. GIÁM ĐỐC**\n**PHÓ GIÁM ĐỐC**\n**Nguyễn Văn An**",
                    ]]
                ),
            ]
        );
    }

    #[test]
    fn text_is_nfc() {
        // "Tiếng Việt" typed with combining marks.
        let decomposed = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t";
        let source = read_ok(&docx(&pt(decomposed), &[]));
        assert_eq!(source.pieces, vec![text(1, "Tiếng Việt")]);
    }

    #[test]
    fn content_controls_are_looked_through() {
        let body = r#"<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:sdt><w:sdtContent><w:r><w:t>Trong ô nhập</w:t></w:r></w:sdtContent></w:sdt></w:p></w:sdtContent></w:sdt>"#;
        let source = read_ok(&docx(body, &[]));
        assert_eq!(source.pieces, vec![text(1, "Trong ô nhập")]);
    }

    #[test]
    fn deep_but_allowed_nesting_is_read() {
        // Within the depth bound, the recursive walks must not run out of
        // stack (a test thread has 2 MB).
        let mut cell = pt("trong cùng");
        for _ in 0..80 {
            cell = tbl(&[vec![tc(&[cell])]]);
        }
        let links = format!(
            "{}{}{}",
            "<w:hyperlink>".repeat(240),
            r("liên kết", "b"),
            "</w:hyperlink>".repeat(240)
        );
        let body = [cell, p(&links)].concat();
        let source = read_ok(&docx(&body, &[]));
        assert_eq!(
            source.pieces,
            vec![table(1, &[&["trong cùng"]]), text(2, "**liên kết**")]
        );
    }

    #[test]
    fn landscape_sections_are_known_by_their_paragraphs() {
        let portrait = r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>"#;
        let landscape =
            r#"<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>"#;
        let ends = |text: &str, sect: &str| {
            format!(r#"<w:p><w:pPr>{sect}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
        };
        // Paragraphs 1–2 portrait, 3–4 landscape, 5 portrait (the body's
        // own section), 6–7 landscape by its size alone.
        let body = [
            pt("Kế hoạch"),
            ends("hết phần dọc", portrait),
            pt("PHỤ LỤC I"),
            ends("bảng ngang", landscape),
            ends("PHỤ LỤC II", portrait),
            pt("PHỤ LỤC III"),
            pt("bảng rộng"),
            r#"<w:sectPr><w:pgSz w:w="16838" w:h="11906"/></w:sectPr>"#.to_owned(),
        ]
        .concat();
        let source = read_ok(&docx(&body, &[]));
        assert_eq!(source.landscape, vec![3..=4, 6..=7]);
        let on_landscape: Vec<usize> = (1..=7).filter(|&at| source.is_landscape(at)).collect();
        assert_eq!(on_landscape, [3, 4, 6, 7]);
    }
}
