//! The body as a tree of sections: numbered paragraphs open sections
//! (`I.`, `1.`, `1.1.`, `a)`), with their titles, run-in or not; bullets
//! make lists; task lines make tasks; the rest are paragraphs and tables.

use serde_json::{Map, Value, json};

use super::tasks::{TASK_LINE, task_field, task_table};
use super::{Parsed, plain};
use crate::import::source::Piece;
use crate::import::text::MARKER;

/// The body as a tree of sections, built as the pieces come.
#[derive(Default)]
pub(super) struct Tree {
    pub(super) preamble: Vec<Value>,
    /// Whether blocks before the first section stay blocks (a phụ lục).
    blocks_first: bool,
    pub(super) nodes: Vec<Node>,
    /// The open sections, outermost first.
    open: Vec<usize>,
    decimal: bool,
    pub(super) tasks: usize,
    pub(super) labels: Map<String, Value>,
}

pub(super) struct Node {
    parent: Option<usize>,
    kind: MarkKind,
    depth: usize,
    marker: String,
    title: Option<String>,
    run_in: bool,
    pub(super) content: Vec<Value>,
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
    pub(super) fn build(pieces: &[Piece], blocks_first: bool, out: &mut Parsed) -> Tree {
        let mut tree = Tree {
            blocks_first,
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

    fn push_text(&mut self, at: usize, text: &str, out: &mut Parsed) {
        if let Some(c) = TASK_LINE.captures(text)
            && let Some(&node) = self.open.last()
        {
            let field = task_field(&c[1]);
            // The plan's own wording (`Đơn vị chủ trì`) becomes its label.
            if field.default_label() != Some(&c[1]) {
                self.labels
                    .insert(field.key().into(), c[1].to_owned().into());
            }
            let value = c[2].trim().trim_end_matches(['.', ';']).trim().to_owned();
            self.task_line(node, field, value);
            return;
        }
        let marker = MARKER.find(text).map(|m| m.as_str().trim().to_owned());
        match marker.as_deref() {
            Some(m) if m.starts_with(['-', '–', '+', '•']) => {
                let item = text[MARKER.find(text).unwrap().end()..].trim().to_owned();
                self.push_list_item(item);
            }
            Some(m) => {
                let rest = text[MARKER.find(text).unwrap().end()..].trim();
                self.open_section(m, rest);
            }
            None => self.push_block(Value::String(text.to_owned()), out, at),
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
        let (title, run_in, content) = split_heading(rest);
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
            content: content.into_iter().map(Value::String).collect(),
            task: None,
        };
        self.nodes.push(node);
        self.open.push(self.nodes.len() - 1);
    }

    fn push_list_item(&mut self, item: String) {
        let Some(&node) = self.open.last() else {
            self.preamble.push(Value::String(format!("- {item}")));
            return;
        };
        let node = &mut self.nodes[node];
        node.task = None;
        node.maybe_title = false;
        if let Some(list) = node
            .content
            .last_mut()
            .and_then(|b| b.get_mut("list"))
            .and_then(Value::as_array_mut)
        {
            list.push(item.into());
        } else {
            node.content.push(json!({ "list": [item] }));
        }
    }

    fn push_block(&mut self, block: Value, out: &mut Parsed, at: usize) {
        match self.open.last() {
            Some(&node) => {
                let n = &mut self.nodes[node];
                n.task = None;
                if std::mem::take(&mut n.maybe_title) && block.is_string() && n.content.len() == 1 {
                    n.title = n.content.pop().and_then(|t| t.as_str().map(str::to_owned));
                    n.run_in = true;
                }
                n.content.push(block);
            }
            // A phụ lục's content takes any block; the plan's preamble is
            // paragraphs only.
            None if block.is_string() || self.blocks_first => self.preamble.push(block),
            None => {
                out.unplaced.push((
                    at,
                    "một bảng trước mục I (đưa vào phần mở đầu dưới dạng chữ)".into(),
                ));
                self.preamble.push(Value::String(table_text(&block)));
            }
        }
    }

    pub(super) fn numbering(&self) -> &'static str {
        if self.decimal { "decimal" } else { "letter" }
    }

    pub(super) fn children_of(&self, parent: Option<usize>) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|&i| self.nodes[i].parent == parent)
            .collect()
    }

    pub(super) fn sections(&self) -> Value {
        Value::Array(self.section_list(None, &[]))
    }

    /// Sections as plan data; a number is kept only where the original's
    /// differs from the one its place gives (`1.1.3.` → `1.1.5.`).
    fn section_list(&self, parent: Option<usize>, at: &[u32]) -> Vec<Value> {
        let style = if self.decimal {
            crate::model::Numbering::Decimal
        } else {
            crate::model::Numbering::Letter
        };
        self.children_of(parent)
            .into_iter()
            .enumerate()
            .map(|(i, id)| {
                let node = &self.nodes[id];
                let mut here = at.to_vec();
                here.push(i as u32 + 1);
                let mut s = Map::new();
                if let Some(title) = &node.title {
                    s.insert("title".into(), title.clone().into());
                }
                if node.run_in {
                    s.insert("run_in".into(), true.into());
                }
                let expected = crate::format::section_number(style, &here);
                if expected.trim_end_matches('.') != node.marker.trim_end_matches('.') {
                    s.insert("number".into(), node.marker.clone().into());
                }
                s.insert("content".into(), Value::Array(node.content.clone()));
                let children = self.section_list(Some(id), &here);
                if !children.is_empty() {
                    s.insert("sections".into(), Value::Array(children));
                }
                Value::Object(s)
            })
            .collect()
    }
}

/// A numbered paragraph's title and content: `Mục đích` is a title; `Đợt
/// thi đua thứ nhất: Từ …` a run-in title and its text; a sentence that
/// ends with a full stop an untitled khoản.
fn split_heading(rest: &str) -> (Option<String>, bool, Option<String>) {
    let rest = plain(rest);
    if rest.is_empty() {
        return (None, false, None);
    }
    let words = |t: &str| t.split_whitespace().count();
    let sentences = rest.contains(". ");
    if !sentences
        && (rest.ends_with(':') && words(rest) <= 30
            || !rest.ends_with(['.', ';', '!', '?', ':']) && !rest.contains(": "))
    {
        return (Some(rest.to_owned()), false, None);
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

fn table(rows: &[Vec<String>]) -> Value {
    let Some((head, body)) = rows.split_first() else {
        return json!({ "table": { "columns": [], "rows": [] } });
    };
    if let Some(tasks) = task_table(head, body) {
        return tasks;
    }
    let columns: Vec<Value> = head.iter().map(|t| json!({ "title": plain(t) })).collect();
    let width = head.len();
    let rows: Vec<Value> = body
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.resize(width, String::new());
            json!(r)
        })
        .collect();
    json!({ "table": { "columns": columns, "rows": rows } })
}

fn table_text(block: &Value) -> String {
    block["table"]["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            r.as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect::<Vec<_>>()
        .join("; ")
}
