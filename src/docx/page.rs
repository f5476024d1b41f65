//! The parts of a page that are not body text, each as Mẫu 1.4 (and 1.3
//! for a decision) lays it out: the header table (issuing body | quốc
//! hiệu, số | địa danh–ngày), the title block, the closing table (nơi
//! nhận | signature) and an appendix's head. Sizes are the PDF's
//! (templates/style.typ), rules are paragraph borders of measured length.

use super::document::{Body, write_paragraph};
use super::para::{Para, Rule, Spacing};
use super::styles;
use super::table::{Grid, RowKind, cell, row};
use super::text::{Font, Footnotes, run, runs};
use super::xml::Xml;
use crate::markup::plain_text;
use crate::measure::{longest_line, text_width};
use crate::view::{AppendixView, DateView, UrgencyView, View};

const NATIONAL: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// Header columns of Mẫu 1.4, the table 2.5 mm left of the margin, its
/// cells unpadded: their text as wide as the PDF's, so that what holds
/// one line there holds one here (`ỦY BAN NHÂN DÂN XÃ AN BÌNH`, 65.7 mm
/// of 12-pt bold, took two lines in 64.5 mm).
const HEADER_COLUMNS: [f64; 2] = [67.5, 100.0];
const HEADER_SHIFT: f64 = -2.5;
/// Above the header table, in points: the page's text starts 4.7 pt above
/// the PDF's margin (see `document::MARGIN_TOP`), and the table's first
/// line sets its text 2.8 pt lower than the PDF's.
const HEADER_DROP: f64 = 1.9;
/// From the header table to KẾ HOẠCH, in points.
const KIND_BEFORE: f64 = 10.0;
/// The trích yếu's rule: the height of its paragraph and the space under
/// it, in points. The PDF draws it 5 pt under the last line's descent and
/// starts the text 12 pt under it; Word's line of the title style ends
/// lower than the PDF's (measured in LibreOffice), so less is added here.
const TITLE_RULE: (f64, f64) = (2.4, 9.6);
/// Rules under the issuing body and the trích yếu: 0.4 of the text.
const RULE_RATIO: f64 = 0.4;
const RULE: Rule = Rule {
    eighths: 5,
    colour: "000000",
};
/// Blanks for the văn thư's pen: about 1.4 cm and 1 cm of spaces.
const NUMBER_BLANK: &str = "            ";
const DAY_BLANK: &str = "        ";
const YEAR_BLANK: &str = "           ";

/// What the header and title block of a document print.
pub struct Head<'a> {
    pub kind: &'a str,
    pub number: Option<&'a str>,
    pub symbol: &'a str,
    pub date: &'a DateView,
    pub title: &'a str,
    pub subtitle: Option<&'a str>,
    /// The số and date row: not on a plan attached to a decision.
    pub numbered: bool,
    pub urgency: Option<&'a UrgencyView>,
}

/// One paragraph of plan text in a cell or another container.
pub fn line(xml: &mut Xml, para: Para, text: &str, font: Font, notes: &mut Footnotes) {
    let mut content = Xml::fragment();
    runs(&mut content, text, font, notes);
    write_paragraph(xml, &para, None, content);
}

/// An empty paragraph whose bottom border is a rule `length` mm long,
/// centred in `width` mm, `height` pt under the line above.
fn rule(xml: &mut Xml, length: f64, width: f64, height: f64, after: f64) {
    let side = ((width - length) / 2.0).max(0.0);
    let para = Para {
        left: side,
        right: side,
        rule_below: Some(RULE),
        ..Para::centred()
            .spacing(Spacing::Exactly(height))
            .after(after)
    };
    write_paragraph(xml, &para, None, Xml::fragment());
}

/// The text as printed, its line breaks kept for measuring.
fn plain_lines(text: &str) -> String {
    let lines: Vec<String> = text.split('\n').map(plain_text).collect();
    lines.join("\n")
}

/// The header table and the title block (ô 1–5).
pub fn header(body: &mut Body, view: &View, head: &Head) {
    // A paragraph before the table: LibreOffice sets a page that starts
    // with a table and holds a footnote 23 pt lower without one. Its
    // height puts the header's first baseline where the PDF's is.
    let drop = Para::hairline().spacing(Spacing::Exactly(HEADER_DROP));
    body.paragraph(drop, |_, _| {});
    let [left, right] = HEADER_COLUMNS;
    body.block(|xml, notes| {
        let grid = Grid {
            columns: &HEADER_COLUMNS,
            indent: HEADER_SHIFT,
            ruled: false,
        };
        grid.write_padded(xml, 0.0, |xml| {
            row(xml, RowKind::Unbroken, |xml| {
                cell(xml, left, false, |xml| {
                    if let Some(parent) = &view.issuer.parent {
                        line(xml, Para::centred(), parent, Font::size(12.0), notes);
                    }
                    let name = &view.issuer.name;
                    line(xml, Para::centred(), name, Font::size(12.0).bold(), notes);
                    let width = longest_line(&plain_lines(name), 12.0, true, left);
                    rule(xml, RULE_RATIO * width, left, 4.0, 0.0);
                });
                cell(xml, right, false, |xml| {
                    line(
                        xml,
                        Para::centred(),
                        NATIONAL,
                        Font::size(12.0).bold(),
                        notes,
                    );
                    line(xml, Para::centred(), MOTTO, Font::size(13.0).bold(), notes);
                    let width = text_width(MOTTO, 13.0, true);
                    rule(xml, width, right, 4.0, 0.0);
                });
            });
            if head.numbered {
                row(xml, RowKind::Unbroken, |xml| {
                    cell(xml, left, false, |xml| {
                        number_line(xml, head, notes);
                        if let Some(urgency) = head.urgency {
                            urgency_box(xml, urgency, left);
                        }
                    });
                    cell(xml, right, false, |xml| {
                        date_line(xml, view, head.date, notes)
                    });
                });
            }
        });
    });
    title_block(body, head);
}

/// `Số: 45/KH-STP` (R-SO), a blank for the number not yet given.
fn number_line(xml: &mut Xml, head: &Head, notes: &mut Footnotes) {
    let number = head
        .number
        .map_or(NUMBER_BLANK.to_owned(), |n| format!(" {n}"));
    let text = format!("Số:{number}/{}", head.symbol);
    line(
        xml,
        Para::centred().before(5.0),
        &text,
        Font::size(13.0),
        notes,
    );
}

/// `Hà Nội, ngày 04 tháng 3 năm 2025` in italics (R-DATE), blanks where
/// the date is not yet known.
fn date_line(xml: &mut Xml, view: &View, date: &DateView, notes: &mut Footnotes) {
    let part = |v: &Option<String>, blank: &str| v.clone().unwrap_or_else(|| blank.to_owned());
    let text = format!(
        "{}, ngày {} tháng {} năm {}",
        view.place,
        part(&date.day, DAY_BLANK),
        part(&date.month, DAY_BLANK),
        part(&date.year, YEAR_BLANK)
    );
    line(
        xml,
        Para::centred().before(5.0),
        &text,
        Font::size(14.0).italic(),
        notes,
    );
}

/// KHẨN, THƯỢNG KHẨN, HOẢ TỐC in a red box of the decree's size (R-URGENT).
fn urgency_box(xml: &mut Xml, urgency: &UrgencyView, width: f64) {
    let side = ((width - f64::from(urgency.width)) / 2.0).max(0.0);
    let red = Rule {
        eighths: 6,
        colour: "E00000",
    };
    let para = Para {
        left: side,
        right: side,
        boxed: Some(red),
        ..Para::centred().before(6.0)
    };
    let mut content = Xml::fragment();
    let font = Font {
        colour: Some("E00000"),
        ..Font::size(13.0).bold()
    };
    run(&mut content, urgency.text, font);
    write_paragraph(xml, &para, None, content);
}

/// KẾ HOẠCH (or QUYẾT ĐỊNH), the trích yếu, the line under it and a rule
/// 0.4 of the trích yếu's longest line (R-TITLE).
fn title_block(body: &mut Body, head: &Head) {
    let kind = head.kind.to_owned();
    let title = Font::of(&styles::TITLE);
    body.paragraph(styles::TITLE.para.before(KIND_BEFORE), |xml, _| {
        run(xml, &kind, title);
    });
    let text = head.title.to_owned();
    body.paragraph(styles::TITLE.para, |xml, notes| {
        runs(xml, &text, title, notes);
    });
    if let Some(subtitle) = head.subtitle {
        let subtitle = subtitle.to_owned();
        let font = Font::of(&styles::SUBTITLE);
        body.paragraph(styles::SUBTITLE.para, |xml, notes| {
            runs(xml, &subtitle, font, notes);
        });
    }
    let text_width = body.section.text_width();
    let width = longest_line(&plain_lines(head.title), 14.0, true, text_width);
    let (drop, after) = TITLE_RULE;
    body.block(|xml, _| rule(xml, RULE_RATIO * width, text_width, drop, after));
}

/// An appendix's head on its own pages (R-PL): label, title, subtitle,
/// reference line and a 30 mm rule.
pub fn appendix_head(body: &mut Body, a: &AppendixView) {
    let lines = [
        (Some(&a.label), Font::size(14.0).bold()),
        (Some(&a.title), Font::size(14.0).bold()),
        (a.subtitle.as_ref(), Font::size(14.0)),
        (a.reference.as_ref(), Font::size(14.0).italic()),
    ];
    for (text, font) in lines {
        if let Some(text) = text {
            let text = text.clone();
            body.paragraph(Para::centred().after(3.0).keep_next(), |xml, notes| {
                runs(xml, &text, font, notes);
            });
        }
    }
    let width = body.section.text_width();
    body.block(|xml, _| rule(xml, 30.0, width, 4.0, 10.0));
}
