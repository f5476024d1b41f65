//! The body's blocks as Word paragraphs and tables: paragraphs, dash
//! lists, tasks, tables and the numbered sections, with their numbers as
//! text (R-BODY, R-MUC, R-KHOAN, R-DIEM, R-DASH) so that they survive
//! copying between offices.

use super::document::{Body, Section};
use super::para::{Align, Para};
use super::styles::{self, StyleDef};
use super::table::{CELL_PADDING, Grid, RowKind, cell, row};
use super::text::{Font, Footnotes, runs};
use super::xml::Xml;
use crate::measure::text_width;
use crate::model::Width;
use crate::view::{BlockView, ColumnView, SectionView, TableView, Tail};

/// How text is set where blocks are written: the body's paragraphs, or a
/// table cell's.
#[derive(Clone)]
pub struct Setting {
    pub para: Para,
    /// A list item's or a task line's paragraph.
    pub list: Para,
    pub font: Font,
    /// The text's last lines keep with the closing block that follows.
    pub keep_tails: bool,
}

impl Setting {
    pub fn body(keep_tails: bool) -> Setting {
        Setting {
            para: Para::BODY,
            list: styles::LIST.para,
            font: Font::size(14.0),
            keep_tails,
        }
    }

    /// Table text (13 pt), aligned as its column says.
    fn cell(column: Option<&ColumnView>) -> Setting {
        let align = match column {
            Some(c) if c.justify => Align::Justify,
            Some(c) if c.align == "center" => Align::Center,
            Some(c) if c.align == "right" => Align::Right,
            _ => Align::Left,
        };
        let para = styles::TABLE_TEXT.para.align(align);
        Setting {
            list: para.clone(),
            para,
            font: Font::of(&styles::TABLE_TEXT),
            keep_tails: false,
        }
    }
}

/// The heading style of a section at `level` (1: mục).
fn heading_style(level: usize) -> &'static StyleDef {
    &styles::HEADINGS[level.clamp(1, styles::HEADINGS.len()) - 1]
}

pub fn blocks(body: &mut Body, list: &[BlockView], setting: &Setting) {
    for b in list {
        block(body, b, None, setting);
    }
}

/// One block; `lead`: the section whose number (and run-in title) opens
/// its first paragraph.
fn block(body: &mut Body, b: &BlockView, lead: Option<&SectionView>, setting: &Setting) {
    match b {
        BlockView::Paragraph { text, tail } => paragraph(body, text, *tail, lead, None, setting),
        BlockView::List { marker, items } => {
            for item in items {
                match item {
                    BlockView::Paragraph { text, tail } => {
                        paragraph(body, text, *tail, None, Some(marker), setting);
                    }
                    other => block(body, other, None, setting),
                }
            }
        }
        BlockView::Task { content, lines } => {
            for (i, c) in content.iter().enumerate() {
                block(body, c, lead.filter(|_| i == 0), setting);
            }
            for l in lines {
                let text = format!("- {}: {}", l.label, l.value);
                paragraph(body, &text, l.tail, None, None, setting);
            }
        }
        BlockView::Table(t) => table(body, t, None, setting),
    }
}

fn paragraph(
    body: &mut Body,
    text: &str,
    tail: Tail,
    lead: Option<&SectionView>,
    marker: Option<&str>,
    setting: &Setting,
) {
    // The text's last paragraph keeps with the closing block, by a style
    // whose next paragraph is of the same style: a paragraph a clerk
    // starts at its end keeps with it too. Only a mục's own paragraph
    // stays a heading, for the navigation pane. Its lines are kept
    // together: LibreOffice moves a paragraph kept with the next whole,
    // and so Word and the PDF do too (templates/closing.typ); a last text
    // of one line takes the paragraph before it along.
    let closing = setting.keep_tails && matches!(tail, Tail::Last | Tail::LastAfterText);
    if closing && tail == Tail::LastAfterText && one_line(text, body.width) {
        body.keep_pending_with_next(styles::CLOSING_TEXT.id);
    }
    let heading = lead
        .filter(|s| !closing || s.level == 1)
        .map(|s| heading_style(s.level));
    let mut font = setting.font;
    let mut para = match (heading, marker) {
        // The section's paragraph, for the navigation pane, but laid out
        // as the body paragraph it opens.
        (Some(style), _) => {
            font = Font::of(style).regular();
            Para {
                keep_next: false,
                keep_lines: false,
                ..style.para.clone()
            }
        }
        _ if closing => styles::CLOSING_TEXT.para,
        (None, Some(_)) => setting.list.clone(),
        (None, None) => setting.para.clone(),
    };
    para.keep_next |= closing;
    para.keep_lines |= closing;
    body.paragraph(para, |xml, notes| {
        if let Some(s) = lead {
            heading_runs(xml, s, font, notes);
            runs(xml, " ", font, notes);
        }
        if let Some(marker) = marker {
            runs(xml, &format!("{marker} "), font, notes);
        }
        runs(xml, text, font, notes);
    });
}

/// Whether `text` holds one line of body text `width` mm wide.
fn one_line(text: &str, width: f64) -> bool {
    let plain = crate::markup::plain_text(text);
    text_width(&plain, 14.0, false) <= width - Para::BODY.first_line
}

/// A section's number and title in bold; the number of an untitled
/// khoản upright (R-KHOAN).
fn heading_runs(xml: &mut Xml, s: &SectionView, font: Font, notes: &mut Footnotes) {
    match &s.title {
        Some(title) => runs(xml, &format!("{} {title}", s.number), font.bold(), notes),
        None => runs(xml, &s.number, font.regular(), notes),
    }
}

/// A heading on a line of its own, kept with what follows (R-MUC).
fn heading(body: &mut Body, s: &SectionView) {
    let style = heading_style(s.level);
    let font = Font::of(style);
    body.paragraph(style.para.clone(), |xml, notes| {
        heading_runs(xml, s, font, notes);
    });
}

pub fn section(body: &mut Body, s: &SectionView, setting: &Setting) {
    let first = s.content.first();
    let rest = s.content.get(1..).unwrap_or_default();
    match first {
        Some(first) if s.runs_into => {
            block(body, first, Some(s), setting);
            blocks(body, rest, setting);
        }
        Some(BlockView::Table(t)) if t.landscape => {
            table(body, t, Some(s), setting);
            blocks(body, rest, setting);
        }
        _ => {
            heading(body, s);
            blocks(body, &s.content, setting);
        }
    }
    for sub in &s.sections {
        section(body, sub, setting);
    }
    blocks(body, &s.after, setting);
}

/// A table with its header rows repeated on every page; a wide one on
/// landscape pages of its own, with the heading of the section it opens.
fn table(body: &mut Body, t: &TableView, title: Option<&SectionView>, setting: &Setting) {
    let around = body.section;
    let turn = t.landscape && !around.landscape;
    if turn {
        body.new_section(Section {
            landscape: true,
            restart: false,
            title_page: false,
        });
    }
    if let Some(s) = title {
        heading(body, s);
    }
    if let Some(caption) = &t.caption {
        let caption = caption.clone();
        let font = setting.font.bold();
        let para = Para::centred().after(4.0).keep_next();
        body.paragraph(para, |xml, notes| runs(xml, &caption, font, notes));
    }
    let widths = column_widths(&t.columns, body.width);
    body.block(|xml, notes| {
        let grid = Grid {
            columns: &widths,
            indent: 0.0,
            ruled: true,
        };
        grid.write(xml, |xml| {
            for header in &t.header {
                row(xml, RowKind::Header, |xml| {
                    for (i, text) in header.iter().enumerate() {
                        let width = widths.get(i).copied().unwrap_or(20.0);
                        cell(xml, width, true, |xml| {
                            let para = styles::TABLE_TEXT.para.align(Align::Center).after(2.0);
                            let font = Font::of(&styles::TABLE_TEXT).bold();
                            super::page::line(xml, para, text, font, notes);
                        });
                    }
                });
            }
            for cells in &t.rows {
                row(xml, RowKind::Body, |xml| {
                    for (i, content) in cells.iter().enumerate() {
                        let width = widths.get(i).copied().unwrap_or(20.0);
                        let inner = Body::cell(notes, width - 2.0 * CELL_PADDING, |cell_body| {
                            blocks(cell_body, content, &Setting::cell(t.columns.get(i)));
                        });
                        cell(xml, width, false, |xml| xml.append(inner));
                    }
                });
            }
        });
    });
    if turn {
        body.new_section(Section {
            restart: false,
            title_page: false,
            ..around
        });
    }
}

/// Column widths in millimetres: fixed ones and percentages of the text
/// width first, shares of what is left after them.
fn column_widths(columns: &[ColumnView], width: f64) -> Vec<f64> {
    let fixed: f64 = columns
        .iter()
        .map(|c| match c.size {
            Width::Millimetres(mm) => mm,
            Width::Percent(p) => p * width / 100.0,
            Width::Share(_) => 0.0,
        })
        .sum();
    let shares: f64 = columns
        .iter()
        .map(|c| match c.size {
            Width::Share(n) => n,
            _ => 0.0,
        })
        .sum();
    let free = (width - fixed).max(0.0);
    columns
        .iter()
        .map(|c| match c.size {
            Width::Millimetres(mm) => mm,
            Width::Percent(p) => p * width / 100.0,
            Width::Share(n) => free * n / shares,
        })
        .map(|w| w.max(5.0))
        .collect()
}
