//! The body of the plan as the templates print it: numbered sections,
//! paragraphs, lists, tables, and the `./.` that ends the text.

use super::tasks::{Labels, task_table};
use super::widths::widths;
use super::{BlockView, ColumnView, SectionView, TableView, Tail};
use crate::format;
use crate::model::{Align, Block, Numbering, Section, TaskField, Width};

pub(super) fn sections(
    list: &[Section],
    style: Numbering,
    labels: &Labels,
    parent: &[u32],
    wide: bool,
) -> Vec<SectionView> {
    list.iter()
        .enumerate()
        .map(|(i, s)| {
            let mut path = parent.to_vec();
            path.push(i as u32 + 1);
            SectionView {
                level: path.len(),
                number: s
                    .number
                    .clone()
                    .unwrap_or_else(|| format::section_number(style, &path)),
                title: s.title.clone(),
                runs_into: runs_into(s),
                content: blocks(&s.content, labels, wide),
                sections: sections(&s.sections, style, labels, &path, wide),
                after: blocks(&s.after, labels, wide),
            }
        })
        .collect()
}

/// Whether the section's number (and run-in title) opens its first
/// paragraph rather than standing on a line of its own (R-KHOAN).
fn runs_into(s: &Section) -> bool {
    let opens_with_paragraph = match s.content.first() {
        Some(Block::Paragraph(_)) => true,
        Some(Block::Task(t)) => matches!(t.task.content.first(), Some(Block::Paragraph(_))),
        _ => false,
    };
    (s.run_in || s.title.is_none()) && opens_with_paragraph
}

/// `wide`: the blocks are on landscape pages (a landscape appendix), where
/// a table has more width to share out.
pub(super) fn blocks(list: &[Block], labels: &Labels, wide: bool) -> Vec<BlockView> {
    list.iter().map(|b| block(b, labels, wide)).collect()
}

fn block(b: &Block, labels: &Labels, wide: bool) -> BlockView {
    match b {
        Block::Paragraph(text) => BlockView::paragraph(text.clone()),
        Block::List(l) => BlockView::List {
            marker: l.marker.clone().unwrap_or_else(|| "-".into()),
            items: blocks(&l.list, labels, wide),
        },
        Block::Task(t) => BlockView::Task {
            content: blocks(&t.task.content, labels, wide),
            lines: labels.lines(&t.task),
        },
        Block::Table(t) => {
            let t = &t.table;
            let mut header = vec![t.columns.iter().map(|c| c.title.clone()).collect()];
            header.extend(t.header_rows.iter().cloned());
            let rows: Vec<Vec<Vec<BlockView>>> = t
                .rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| vec![BlockView::paragraph(c.clone())])
                        .collect()
                })
                .collect();
            let given: Vec<_> = t.columns.iter().map(|c| c.width).collect();
            let widths = widths(&given, &header, &rows, t.landscape || wide);
            TableView {
                caption: t.caption.clone(),
                columns: t
                    .columns
                    .iter()
                    .zip(widths)
                    .map(|(c, w)| column(w, c.align))
                    .collect(),
                header,
                rows,
                landscape: t.landscape,
            }
            .into()
        }
        Block::TaskTable(t) => {
            let t = &t.task_table;
            let columns: Vec<(TaskField, String, Option<Width>, Option<Align>)> = t
                .columns
                .iter()
                .map(|c| (c.field, c.title.clone(), c.width, c.align))
                .collect();
            task_table(
                &columns,
                t.number_row,
                &t.header_rows,
                &t.items,
                t.landscape,
                labels,
                wide,
            )
        }
    }
}

impl BlockView {
    pub(super) fn paragraph(text: String) -> Self {
        BlockView::Paragraph {
            text,
            tail: Tail::Body,
        }
    }
}

impl From<TableView> for BlockView {
    fn from(t: TableView) -> Self {
        BlockView::Table(t)
    }
}

pub(super) fn column(width: Option<Width>, align: Option<Align>) -> ColumnView {
    let size = width.unwrap_or(Width::Share(1.0));
    let width = match width {
        None => "1fr".to_owned(),
        Some(Width::Share(n)) => format!("{n}fr"),
        Some(Width::Millimetres(mm)) => format!("{mm}mm"),
        Some(Width::Percent(p)) => format!("{p}%"),
    };
    let align = align.unwrap_or(Align::Left);
    let justify = align == Align::Justify;
    let align = match align {
        Align::Left | Align::Justify => "left",
        Align::Center => "center",
        Align::Right => "right",
    };
    ColumnView {
        width,
        size,
        align,
        justify,
    }
}

/// Appends `./.` to the last paragraph-like text of the blocks, if any.
pub(super) fn end_mark(blocks: &mut [BlockView]) -> bool {
    let Some(last) = blocks.last_mut() else {
        return false;
    };
    match last {
        BlockView::Paragraph { text, tail } => {
            *text = format::with_end_mark(text);
            *tail = Tail::Last;
            true
        }
        BlockView::List { items, .. } => end_mark(items),
        BlockView::Task { content, lines } => match lines.last_mut() {
            Some(line) => {
                line.value = format::with_end_mark(&line.value);
                line.tail = Tail::Last;
                true
            }
            None => end_mark(content),
        },
        BlockView::Table(_) => false,
    }
}

pub(super) fn end_mark_sections(sections: &mut [SectionView]) -> bool {
    let Some(last) = sections.last_mut() else {
        return false;
    };
    end_mark(&mut last.after)
        || (last.after.is_empty() && end_mark_sections(&mut last.sections))
        || (last.after.is_empty() && last.sections.is_empty() && end_mark(&mut last.content))
}

/// A text of the body in the order it is printed, or something printed
/// between two texts (a heading on a line of its own, a table).
enum Piece<'a> {
    Text(&'a mut Tail),
    Other,
}

/// Marks the text printed just before the last one (see [`Tail`]).
pub(super) fn mark_before_last(
    preamble: &mut [BlockView],
    body: &mut [SectionView],
    closing: &mut [BlockView],
) {
    let mut pieces = pieces(preamble, body, closing);
    let Some(last) = pieces
        .iter()
        .position(|p| matches!(p, Piece::Text(t) if **t == Tail::Last))
    else {
        return;
    };
    let (before, rest) = pieces.split_at_mut(last);
    if let (Some(Piece::Text(before)), Piece::Text(last)) = (before.last_mut(), &mut rest[0]) {
        **before = Tail::BeforeLast;
        **last = Tail::LastAfterText;
    }
}

/// Every text back to [`Tail::Body`], `./.` kept: for a plan attached to a
/// decision, which has no closing block of its own.
pub(super) fn clear_tails(
    preamble: &mut [BlockView],
    body: &mut [SectionView],
    closing: &mut [BlockView],
) {
    for piece in pieces(preamble, body, closing) {
        if let Piece::Text(tail) = piece {
            *tail = Tail::Body;
        }
    }
}

/// The texts of the preamble, the body and the closing, in print order.
fn pieces<'a>(
    preamble: &'a mut [BlockView],
    body: &'a mut [SectionView],
    closing: &'a mut [BlockView],
) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    block_pieces(preamble, &mut pieces);
    section_pieces(body, &mut pieces);
    block_pieces(closing, &mut pieces);
    pieces
}

fn block_pieces<'a>(blocks: &'a mut [BlockView], out: &mut Vec<Piece<'a>>) {
    for b in blocks {
        match b {
            BlockView::Paragraph { tail, .. } => out.push(Piece::Text(tail)),
            BlockView::List { items, .. } => block_pieces(items, out),
            BlockView::Task { content, lines } => {
                block_pieces(content, out);
                out.extend(lines.iter_mut().map(|l| Piece::Text(&mut l.tail)));
            }
            BlockView::Table(_) => out.push(Piece::Other),
        }
    }
}

fn section_pieces<'a>(sections: &'a mut [SectionView], out: &mut Vec<Piece<'a>>) {
    for s in sections {
        if !s.runs_into {
            out.push(Piece::Other);
        }
        block_pieces(&mut s.content, out);
        section_pieces(&mut s.sections, out);
        block_pieces(&mut s.after, out);
    }
}
