//! The body as a tree of sections: numbered paragraphs open sections
//! (`I.`, `1.`, `1.1.`, `a)`), with their titles, run-in or not; bullets
//! make lists; task lines make tasks; the rest are paragraphs and tables.

use std::sync::LazyLock;

use regex::Regex;

use super::tasks::{TASK_LINE, numbers_columns, task_field, task_table};
use super::{Findings, plain};
use crate::import::source::Piece;
use crate::import::text::MARKER;
use crate::model::{Block, Column, ListBlock, Numbering, Section, Table, TableBlock, TaskLabels};

/// The body as a tree of sections, built as the pieces come.
#[derive(Default)]
pub(super) struct Tree {
    pub(super) preamble: Vec<Block>,
    /// Whether blocks before the first section stay blocks (a phụ lục).
    blocks_first: bool,
    /// Whether the source marks bold (see [`Source::emphasis`]).
    ///
    /// [`Source::emphasis`]: crate::import::Source::emphasis
    emphasis: bool,
    pub(super) nodes: Vec<Node>,
    /// The open sections, outermost first.
    open: Vec<usize>,
    decimal: bool,
    pub(super) tasks: usize,
    /// The plan's own wording of task labels, where it is not the default.
    pub(super) labels: Option<TaskLabels>,
}

pub(super) struct Node {
    parent: Option<usize>,
    kind: MarkKind,
    depth: usize,
    marker: String,
    title: Option<String>,
    run_in: bool,
    pub(super) content: Vec<Block>,
    /// A task whose lines are still coming: its index in `content`.
    pub(super) task: Option<usize>,
    /// Its only text is a short sentence, which is its run-in title if a
    /// paragraph follows (the PDF put the bold title in a run of its own).
    pub(super) maybe_title: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum MarkKind {
    Roman,
    Decimal,
    Letter,
}

impl Tree {
    pub(super) fn build(
        pieces: &[Piece],
        blocks_first: bool,
        emphasis: bool,
        out: &mut Findings,
    ) -> Tree {
        let mut tree = Tree {
            blocks_first,
            emphasis,
            ..Tree::default()
        };
        for piece in pieces {
            match piece {
                Piece::Table { rows, .. } => tree.push_block(table(rows), out, piece.at()),
                Piece::Text { at, text } => tree.push_text(*at, text, out),
            }
        }
        tree
    }

    fn push_text(&mut self, at: usize, text: &str, out: &mut Findings) {
        if let Some(c) = TASK_LINE.captures(text)
            && let Some(&node) = self.open.last()
        {
            let field = task_field(&c[1]);
            // The plan's own wording (`Đơn vị chủ trì`) becomes its label.
            if field.default_label() != Some(&c[1]) {
                self.labels
                    .get_or_insert_default()
                    .set(field, c[1].to_owned());
            }
            let value = c[2].trim().trim_end_matches(['.', ';']).trim().to_owned();
            self.task_line(node, field, value);
            return;
        }
        match numbered(text) {
            Some((m, item)) if m.starts_with(['-', '–', '+', '•']) => {
                self.push_list_item(item);
            }
            Some((m, rest)) => self.open_section(&m, &rest),
            None => self.push_block(Block::Paragraph(text.to_owned()), out, at),
        }
    }

    fn open_section(&mut self, marker: &str, rest: &str) {
        let (kind, depth) = if marker.ends_with(')') {
            (MarkKind::Letter, 0)
        } else if marker.starts_with(|c: char| c.is_ascii_digit()) {
            let depth = marker.trim_end_matches('.').split('.').count();
            if depth > 1 {
                self.decimal = true;
            }
            (MarkKind::Decimal, depth)
        } else {
            (MarkKind::Roman, 0)
        };
        // Close the sections this one is not inside.
        while let Some(&top) = self.open.last() {
            let t = &self.nodes[top];
            let inside = match kind {
                MarkKind::Roman => false,
                MarkKind::Decimal => {
                    t.kind == MarkKind::Roman || (t.kind == MarkKind::Decimal && t.depth < depth)
                }
                MarkKind::Letter => t.kind != MarkKind::Letter,
            };
            if inside {
                break;
            }
            self.open.pop();
        }
        let (title, run_in, content) = split_heading(rest, self.emphasis);
        let maybe_title = title.is_none()
            && content.as_deref().is_some_and(|c| {
                c.ends_with('.') && !c.contains([',', ';']) && c.split_whitespace().count() <= 25
            });
        let node = Node {
            maybe_title,
            parent: self.open.last().copied(),
            kind,
            depth,
            marker: marker.to_owned(),
            title,
            run_in,
            content: content.into_iter().map(Block::Paragraph).collect(),
            task: None,
        };
        self.nodes.push(node);
        self.open.push(self.nodes.len() - 1);
    }

    fn push_list_item(&mut self, item: String) {
        let Some(&node) = self.open.last() else {
            self.preamble.push(Block::Paragraph(format!("- {item}")));
            return;
        };
        let node = &mut self.nodes[node];
        node.task = None;
        node.maybe_title = false;
        let item = Block::Paragraph(item);
        match node.content.last_mut() {
            Some(Block::List(list)) => list.list.push(item),
            _ => node.content.push(Block::List(ListBlock {
                list: vec![item],
                marker: None,
            })),
        }
    }

    fn push_block(&mut self, block: Block, out: &mut Findings, at: usize) {
        let paragraph = matches!(block, Block::Paragraph(_));
        match self.open.last() {
            Some(&node) => {
                let n = &mut self.nodes[node];
                n.task = None;
                if std::mem::take(&mut n.maybe_title)
                    && paragraph
                    && let [Block::Paragraph(title)] = n.content.as_mut_slice()
                {
                    n.title = Some(std::mem::take(title));
                    n.content.clear();
                    n.run_in = true;
                }
                n.content.push(block);
            }
            // A phụ lục's content takes any block; the plan's preamble is
            // paragraphs only.
            None if paragraph || self.blocks_first => self.preamble.push(block),
            None => {
                out.unplaced.push((
                    at,
                    "một bảng trước mục I (đưa vào phần mở đầu dưới dạng chữ)".into(),
                ));
                self.preamble.push(Block::Paragraph(table_text(&block)));
            }
        }
    }

    pub(super) fn numbering(&self) -> Numbering {
        if self.decimal {
            Numbering::Decimal
        } else {
            Numbering::Letter
        }
    }

    pub(super) fn children_of(&self, parent: Option<usize>) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|&i| self.nodes[i].parent == parent)
            .collect()
    }

    pub(super) fn sections(&self) -> Vec<Section> {
        self.section_list(None, &[])
    }

    /// Sections as plan data; a number is kept only where the original's
    /// differs from the one its place gives (`1.1.3.` → `1.1.5.`).
    fn section_list(&self, parent: Option<usize>, at: &[u32]) -> Vec<Section> {
        let style = self.numbering();
        self.children_of(parent)
            .into_iter()
            .enumerate()
            .map(|(i, id)| {
                let node = &self.nodes[id];
                let mut here = at.to_vec();
                here.push(i as u32 + 1);
                let expected = crate::format::section_number(style, &here);
                let renumbered =
                    expected.trim_end_matches('.') != node.marker.trim_end_matches('.');
                Section {
                    title: node.title.clone(),
                    run_in: node.run_in,
                    number: renumbered.then(|| node.marker.clone()),
                    content: node.content.clone(),
                    sections: self.section_list(Some(id), &here),
                    ..Section::default()
                }
            })
            .collect()
    }
}

/// A paragraph's number or bullet and the rest, where Word's emphasis may
/// wrap the number: `**I. MỤC ĐÍCH**` → `I.`, `**MỤC ĐÍCH**`;
/// `**1**. Giao …` and `**a)** Tổ chức …` → the number and `Giao …`.
fn numbered(text: &str) -> Option<(String, String)> {
    static WRAPPED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([IVXL]+|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])([.)]?)(\*{1,3})([.)]?)\s+")
            .unwrap()
    });
    if let Some(m) = MARKER.find(text) {
        return Some((
            m.as_str().trim().to_owned(),
            text[m.end()..].trim().to_owned(),
        ));
    }
    let stars = text.len() - text.trim_start_matches('*').len();
    if stars == 0 || stars > 3 {
        return None;
    }
    let inner = &text[stars..];
    if let Some(m) = MARKER.find(inner) {
        let rest = format!("{}{}", &text[..stars], &inner[m.end()..]);
        return Some((m.as_str().trim().to_owned(), rest.trim().to_owned()));
    }
    let c = WRAPPED.captures(inner)?;
    let punct = format!("{}{}", &c[2], &c[4]);
    let closes = c[3].len() == stars;
    let decimal_depth = c[1].contains('.');
    let fits = match punct.as_str() {
        ")" => c[1].len() == 1 && c[1].chars().all(|ch| ch.is_lowercase()),
        "." => !c[1].chars().all(|ch| ch.is_lowercase()),
        "" => decimal_depth,
        _ => false,
    };
    (closes && fits).then(|| {
        (
            format!("{}{punct}", &c[1]),
            inner[c[0].len()..].trim().to_owned(),
        )
    })
}

/// A numbered paragraph's title and content: `Mục đích` is a title; `Đợt
/// thi đua thứ nhất: Từ …` a run-in title and its text; a sentence that
/// ends with a full stop an untitled khoản.
fn split_heading(rest: &str, emphasis: bool) -> (Option<String>, bool, Option<String>) {
    let bold = rest.trim().starts_with("**") && rest.trim().ends_with("**");
    let rest = plain(rest);
    if rest.is_empty() {
        return (None, false, None);
    }
    // A bold lead-in is a run-in title: `**Thời gian:** 13h30 ngày …`.
    if let Some(inner) = rest.strip_prefix("**")
        && let Some(close) = inner.find("**")
        && inner[..close].trim_end().ends_with([':', '.'])
        && !inner[close + 2..].trim().is_empty()
    {
        let head = inner[..close].trim().trim_start_matches('*');
        return (
            Some(head.to_owned()),
            true,
            Some(inner[close + 2..].trim_start_matches('*').trim().to_owned()),
        );
    }
    let words = |t: &str| t.split_whitespace().count();
    let sentences = rest.contains(". ");
    // The words' own end, past emphasis marks: `… *(đính kèm).*`.
    let end = rest.trim_end_matches(['*', '\u{2060}']);
    // `… thực hiện các công việc liên quan:` introduces what follows.
    let introduces = [
        "liên quan:",
        "như sau:",
        "sau đây:",
        "cụ thể:",
        "gồm:",
        "sau:",
    ]
    .iter()
    .any(|tail| end.ends_with(tail));
    // A long line without a full stop is a heading in extracted text; in
    // Word, where bold is known, a long plain one is a sentence.
    let heading_length = bold || !emphasis || words(rest) <= 30;
    if !sentences
        && (end.ends_with(':') && !introduces && words(rest) <= 30
            || !end.ends_with(['.', ';', '!', '?', ':']) && !rest.contains(": ") && heading_length)
    {
        return (Some(rest.to_owned()), false, None);
    }
    // Where bold is known, a run-in title is the bold lead-in above; a
    // plain first sentence or clause is the text itself.
    if emphasis {
        return (None, false, Some(rest.to_owned()));
    }
    if let Some(colon) = rest.find(": ") {
        let head = &rest[..colon + 1];
        // `… công việc như:` introduces a list: a sentence, not a title.
        let introduces = head
            .trim_end_matches(':')
            .split_whitespace()
            .last()
            .is_some_and(|w| matches!(w, "như" | "sau" | "gồm" | "là" | "đó"));
        if words(head) <= 30 && !head.contains(';') && !head.contains(". ") && !introduces {
            let body = rest[colon + 2..].trim();
            return (
                Some(head.trim_matches('*').to_owned()),
                true,
                Some(body.to_owned()),
            );
        }
    }
    // `Thi đua xây dựng môi trường số an toàn … của tỉnh. Tăng cường …`:
    // a short first sentence without commas is a run-in title.
    if let Some(stop) = rest.find(". ") {
        let head = &rest[..stop + 1];
        if words(head) <= 25 && !head.contains([',', ';']) {
            return (
                Some(head.to_owned()),
                true,
                Some(rest[stop + 2..].trim().to_owned()),
            );
        }
    }
    (None, false, Some(rest.to_owned()))
}

/// The first row is the headings; every row is cut or padded to their count.
pub(super) fn table(rows: &[Vec<String>]) -> Block {
    let empty = Vec::new();
    let (head, body) = rows.split_first().unwrap_or((&empty, &[]));
    if let Some(tasks) = task_table(head, body) {
        return tasks;
    }
    // As many columns as the widest row, at least one: an empty or short
    // head row (a portal's `| |`) loses no cell and never makes a table the
    // renderer refuses.
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let columns = (0..width)
        .map(|i| Column {
            title: head.get(i).map_or("", |t| plain(t)).to_owned(),
            width: None,
            align: None,
        })
        .collect();
    let padded = |r: &Vec<String>| {
        let mut r = r.clone();
        r.resize(width, String::new());
        r
    };
    // A row numbering the columns is the head's, repeated with it.
    let head_rows = usize::from(body.first().is_some_and(|r| numbers_columns(r)));
    let (header_rows, body) = body.split_at(head_rows);
    Block::Table(TableBlock {
        table: Table {
            caption: None,
            columns,
            header_rows: header_rows.iter().map(padded).collect(),
            rows: body.iter().map(padded).collect(),
            landscape: false,
        },
    })
}

/// A table's cells as one line of text; a task table before mục I gives
/// none (its cells are not kept as rows).
fn table_text(block: &Block) -> String {
    let Block::Table(TableBlock { table }) = block else {
        return String::new();
    };
    table
        .rows
        .iter()
        .map(|r| r.join(" | "))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::numbered;

    #[test]
    fn numbers_inside_bold_are_read() {
        let cases = [
            (
                "**I. MỤC ĐÍCH, YÊU CẦU**",
                Some(("I.", "**MỤC ĐÍCH, YÊU CẦU**")),
            ),
            (
                "**1**. Giao phòng Quản lý",
                Some(("1.", "Giao phòng Quản lý")),
            ),
            ("**a)** Tổ chức hội nghị", Some(("a)", "Tổ chức hội nghị"))),
            ("**1.1** Đợt 1", Some(("1.1", "Đợt 1"))),
            ("**Nơi nhận:**", None),
            ("**Ia**. không phải số", None),
        ];
        for (text, want) in cases {
            let got = numbered(text);
            let got = got.as_ref().map(|(m, r)| (m.as_str(), r.as_str()));
            assert_eq!(got, want, "{text}");
        }
    }
}
