//! Pieces of a document → plan data: the header, the trích yếu, the
//! preamble, the section tree with its lists and tasks, the closing, the
//! nơi nhận, the signer and the appendices. What cannot be placed goes
//! into the nearest paragraph and is listed, never dropped.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value, json};

use super::source::{Piece, Source};
use super::text::{MARKER, is_caps};

/// The plan data and what the report says about it.
#[derive(Debug, Default)]
pub struct Parsed {
    pub plan: Value,
    /// What was recognised, a line each.
    pub found: Vec<String>,
    /// Fields filled by a guess from the text, to check.
    pub guessed: Vec<String>,
    /// Text that could not be placed: where it was, and where it went.
    pub unplaced: Vec<(usize, String)>,
}

pub fn parse(source: &Source) -> Parsed {
    let pieces = flatten_layout_tables(&source.pieces);
    let mut out = Parsed::default();
    let kind = pieces
        .iter()
        .position(|p| text_of(p).is_some_and(|t| plain(t).starts_with("KẾ HOẠCH")));
    let ending = pieces
        .iter()
        .position(|p| text_of(p).is_some_and(|t| plain(t).starts_with("Nơi nhận")));
    let mut plan = Map::new();

    // The header, and the trích yếu after `KẾ HOẠCH`.
    let mut body_from = 0;
    // Header text that is neither cơ quan, số nor date opens the preamble.
    let mut stray = Vec::new();
    if let Some(k) = kind {
        stray = header(&pieces[..k], &mut plan, &mut out);
        let rest = plain(text_of(&pieces[k]).unwrap_or_default())
            .trim_start_matches("KẾ HOẠCH")
            .trim()
            .to_owned();
        body_from = k + 1;
        let title = if rest.is_empty() {
            match pieces.get(k + 1).and_then(text_of) {
                Some(t) if !t.ends_with(['.', ';', ':']) && !MARKER.is_match(t) => {
                    body_from += 1;
                    plain(t).to_owned()
                }
                _ => String::new(),
            }
        } else {
            rest
        };
        if !title.is_empty() {
            out.found.push(format!("trích yếu: \"{title}\""));
            plan.insert("title".into(), title.into());
        }
        if let Some(sub) = pieces.get(body_from).and_then(text_of)
            && sub.starts_with('(')
            && sub.trim_end_matches('*').ends_with(')')
        {
            plan.insert("subtitle".into(), plain(sub).into());
            body_from += 1;
        }
    }
    let body_end = ending.unwrap_or(pieces.len());
    let appendix_at = appendix_start(&pieces, body_end);
    let body_end = body_end.min(appendix_at);
    let body = &pieces[body_from.min(body_end)..body_end];

    // The closing: `Trên đây là …`, or a last unnumbered paragraph ending `./.`.
    let closing_at = body
        .iter()
        .rposition(|p| text_of(p).is_some_and(|t| t.starts_with("Trên đây")))
        .or_else(|| {
            let last = body.len().checked_sub(1)?;
            let t = text_of(&body[last])?;
            (t.ends_with("./.") && !MARKER.is_match(t)).then_some(last)
        });
    let (body, closing) = match closing_at {
        Some(c) => (&body[..c], &body[c..]),
        None => (body, &body[body.len()..]),
    };
    let tree = Tree::build(body, false, &mut out);
    plan.insert("numbering".into(), tree.numbering().into());
    let preamble = stray.into_iter().chain(tree.preamble.iter().cloned());
    plan.insert("preamble".into(), preamble.collect());
    plan.insert("sections".into(), tree.sections());
    if !tree.labels.is_empty() {
        plan.insert("task_labels".into(), Value::Object(tree.labels.clone()));
    }
    out.found.push(format!(
        "{} đoạn mở đầu, {} mục cấp I, {} mục và khoản cả thảy, {} nhiệm vụ",
        tree.preamble.len(),
        tree.children_of(None).len(),
        tree.nodes.len(),
        tree.tasks
    ));
    let closing: Vec<Value> = closing
        .iter()
        .filter_map(text_of)
        .map(|t| t.into())
        .collect();
    if !closing.is_empty() {
        out.found.push("phần kết (\"Trên đây là …\")".into());
    }
    plan.insert("closing".into(), Value::Array(closing));

    match ending {
        Some(e) => ending_block(&pieces[e..appendix_at.max(e)], &mut plan, &mut out),
        None => {
            plan.insert("recipients".into(), json!([]));
            plan.insert("archive".into(), "VT".into());
            plan.insert("signer".into(), json!({}));
            out.guessed
                .push("không thấy \"Nơi nhận\": dòng lưu đặt là \"VT\", chưa có người ký".into());
        }
    }
    if appendix_at < pieces.len() {
        let appendices = appendices(&pieces[appendix_at..], &mut out);
        plan.insert("appendices".into(), Value::Array(appendices));
    }
    guess_missing(&pieces, &mut plan, &mut out);
    out.plan = Value::Object(plan);
    out
}

fn text_of(piece: &Piece) -> Option<&str> {
    match piece {
        Piece::Text { text, .. } => Some(text),
        Piece::Table { .. } => None,
    }
}

/// Without a whole-line bold or italic mark: `**Nơi nhận:**` → `Nơi nhận:`.
fn plain(text: &str) -> &str {
    let t = text.trim();
    for mark in ["***", "**", "*"] {
        if let Some(inner) = t.strip_prefix(mark).and_then(|t| t.strip_suffix(mark))
            && !inner.contains(mark)
        {
            return inner.trim();
        }
    }
    t
}

/// Word's header table (cơ quan | quốc hiệu) and signature table (nơi
/// nhận | người ký) are layout, not tables: their cells become lines,
/// column by column.
fn flatten_layout_tables(pieces: &[Piece]) -> Vec<Piece> {
    let mut out = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Table { at, rows }
                if rows.iter().flatten().any(|c| {
                    c.contains("CỘNG HÒA")
                        || c.contains("CỘNG HOÀ")
                        || plain(c).starts_with("Nơi nhận")
                        || c.contains("Số:")
                }) =>
            {
                let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
                for col in 0..columns {
                    for row in rows {
                        for line in row.get(col).map_or("", String::as_str).split('\n') {
                            if !line.trim().is_empty() {
                                out.push(Piece::Text {
                                    at: *at,
                                    text: line.trim().to_owned(),
                                });
                            }
                        }
                    }
                }
            }
            other => out.push(other.clone()),
        }
    }
    out
}

static QUOC_HIEU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc").unwrap()
});
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Số\s*:\s*(\d*)\s*/\s*([A-ZĐ0-9][A-ZĐ0-9\-]*)").unwrap());
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}]*){0,3})\s*,\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})").unwrap()
});

/// Cơ quan, số and ký hiệu, địa danh and date, from the lines before
/// `KẾ HOẠCH` in any of their extracted shapes.
/// Returns the header's other text, which the preamble takes.
fn header(pieces: &[Piece], plan: &mut Map<String, Value>, out: &mut Parsed) -> Vec<Value> {
    let mut stray = Vec::new();
    let mut issuer_lines = Vec::new();
    for piece in pieces {
        let Some(text) = text_of(piece) else {
            out.unplaced
                .push((piece.at(), "một bảng trước chữ KẾ HOẠCH".into()));
            continue;
        };
        let mut line = QUOC_HIEU.replace_all(plain(text), " ").into_owned();
        if let Some(c) = NUMBER.captures(&line) {
            match c[1].parse::<u32>() {
                Ok(n) if n >= 1 => {
                    plan.insert("number".into(), n.into());
                }
                _ if !c[1].is_empty() => out
                    .guessed
                    .push(format!("số \"{}\" không hợp lệ: để trống", &c[1])),
                _ => {}
            }
            plan.insert("symbol".into(), c[2].into());
            out.found.push(format!("số, ký hiệu: \"{}\"", c[0].trim()));
            line = line.replace(&c[0], " ");
        }
        if let Some(c) = DATE.captures(&line) {
            let place = c[1].trim().to_owned();
            let date = match (c.get(2), c.get(3)) {
                (Some(d), Some(m)) => {
                    format!("{}-{:02}-{:02}", &c[4], num(m.as_str()), num(d.as_str()))
                }
                (None, Some(m)) => format!("{}-{:02}", &c[4], num(m.as_str())),
                _ => c[4].to_owned(),
            };
            // A date no calendar has keeps its year only, and says so.
            let real = |d: &str| crate::date::PlanDate::parse(d).is_ok();
            let date = if real(&date) {
                Some(date)
            } else {
                out.guessed.push(format!(
                    "ngày \"{}\" không có thật: chỉ giữ năm",
                    c[0].trim()
                ));
                real(&c[4]).then(|| c[4].to_owned())
            };
            out.found.push(format!(
                "địa danh, ngày: \"{place}\", {}",
                date.as_deref().unwrap_or("không rõ")
            ));
            plan.insert("place".into(), place.into());
            if let Some(date) = date {
                plan.insert("date".into(), date.into());
            }
            line = line.replace(&c[0], " ");
        }
        // Two columns run together leave the left column's words.
        for part in line.split("  ").map(str::trim).filter(|p| !p.is_empty()) {
            if is_caps(part) {
                issuer_lines.push(part.to_owned());
            } else if part.chars().any(char::is_alphanumeric) {
                out.unplaced
                    .push((piece.at(), format!("\"{part}\" (đưa vào phần mở đầu)")));
                stray.push(part.into());
            }
        }
    }
    let issuer = match issuer_lines.as_slice() {
        [] => return stray,
        [name] => json!({ "name": name }),
        [parent @ .., name] => json!({ "parent": parent.join(" "), "name": name }),
    };
    out.found.push(format!("cơ quan: {issuer}"));
    plan.insert("issuer".into(), issuer);
    stray
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

/// Where the appendices start: a `PHỤ LỤC` line after the ending (the
/// signer's lines stop there).
fn appendix_start(pieces: &[Piece], from: usize) -> usize {
    let from = from.min(pieces.len());
    pieces[from..]
        .iter()
        .position(|p| text_of(p).is_some_and(|t| plain(t).starts_with("PHỤ LỤC")))
        .map_or(pieces.len(), |i| from + i)
}

static TASK_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-–+•]?\s*(Chủ trì thực hiện|Đơn vị chủ trì|Cơ quan chủ trì|Chủ trì|Phối hợp thực hiện|Đơn vị phối hợp|Cơ quan phối hợp|Phối hợp|Thời gian thực hiện|Thời gian hoàn thành|Thời hạn hoàn thành|Thời gian|Sản phẩm|Lãnh đạo phụ trách)\s*:\s*(.*)$").unwrap()
});

/// The field a task line fills, and the label the plan prints for it.
fn task_field(label: &str) -> (&'static str, &'static str) {
    match label {
        l if l.to_lowercase().contains("chủ trì") => ("lead", "Chủ trì thực hiện"),
        l if l.contains("hối hợp") => ("support", "Phối hợp thực hiện"),
        l if l.starts_with("Thời") => ("deadline", "Thời gian thực hiện"),
        "Sản phẩm" => ("output", "Sản phẩm"),
        _ => ("leader", "Lãnh đạo phụ trách"),
    }
}

/// The body as a tree of sections, built as the pieces come.
#[derive(Default)]
struct Tree {
    preamble: Vec<Value>,
    /// Whether blocks before the first section stay blocks (a phụ lục).
    blocks_first: bool,
    nodes: Vec<Node>,
    /// The open sections, outermost first.
    open: Vec<usize>,
    decimal: bool,
    tasks: usize,
    labels: Map<String, Value>,
}

struct Node {
    parent: Option<usize>,
    kind: MarkKind,
    depth: usize,
    marker: String,
    title: Option<String>,
    run_in: bool,
    content: Vec<Value>,
    /// A task whose lines are still coming: its index in `content`.
    task: Option<usize>,
    /// Its only text is a short sentence, which is its run-in title if a
    /// paragraph follows (the PDF put the bold title in a run of its own).
    maybe_title: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum MarkKind {
    Roman,
    Decimal,
    Letter,
}

impl Tree {
    fn build(pieces: &[Piece], blocks_first: bool, out: &mut Parsed) -> Tree {
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
            let (field, label) = task_field(&c[1]);
            if c[1] != *label && field != "leader" {
                self.labels.insert(field.into(), c[1].to_owned().into());
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

    /// A `Chủ trì thực hiện: …` line: the open task takes it, or a new task
    /// takes the section's content since the last task as its own.
    fn task_line(&mut self, node: usize, field: &str, value: String) {
        let n = &mut self.nodes[node];
        n.maybe_title = false;
        let task = match n.task {
            Some(i) if n.content[i]["task"].get(field).is_none() => i,
            _ => {
                let start = n
                    .content
                    .iter()
                    .rposition(|b| b.get("task").is_some())
                    .map_or(0, |i| i + 1);
                let content: Vec<Value> = n.content.drain(start..).collect();
                n.content.push(json!({ "task": { "content": content } }));
                self.tasks += 1;
                n.content.len() - 1
            }
        };
        n.content[task]["task"][field] = value.into();
        n.task = Some(task);
    }

    fn numbering(&self) -> &'static str {
        if self.decimal { "decimal" } else { "letter" }
    }

    fn children_of(&self, parent: Option<usize>) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|&i| self.nodes[i].parent == parent)
            .collect()
    }

    fn sections(&self) -> Value {
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

/// A table's column, read as a task field from its heading.
fn task_column(title: &str) -> Option<&'static str> {
    let t = plain(title).to_lowercase();
    let t = t.trim();
    Some(match t {
        "tt" | "stt" | "số tt" => "index",
        _ if t.contains("chủ trì") => "lead",
        _ if t.contains("phối hợp") => "support",
        _ if t.contains("thời gian") || t.contains("thời hạn") => "deadline",
        _ if t.contains("sản phẩm") || t.contains("kết quả") => "output",
        _ if t.contains("ghi chú") => "note",
        _ if t.contains("lãnh đạo") => "leader",
        _ if t.contains("nhiệm vụ") || t.contains("nội dung") || t.contains("công việc") => {
            "content"
        }
        _ => return None,
    })
}

/// A table whose headings are task fields (`Nhiệm vụ | Chủ trì | Phối hợp |
/// Thời gian`), as phụ lục print the tasks: a task table.
fn task_table(head: &[String], body: &[Vec<String>]) -> Option<Value> {
    let fields: Vec<&str> = head.iter().map(|t| task_column(t)).collect::<Option<_>>()?;
    if !(fields.contains(&"content") && fields.contains(&"lead")) {
        return None;
    }
    let columns: Vec<Value> = head
        .iter()
        .zip(&fields)
        .map(|(title, field)| json!({ "field": field, "title": plain(title) }))
        .collect();
    // `(1) (2) (3)` under the headings is the column-number row.
    let numbers = body.first().is_some_and(|r| {
        r.iter()
            .all(|c| c.trim_matches(['(', ')', ' ']).parse::<u32>().is_ok())
    });
    let items: Vec<Value> = body[usize::from(numbers)..]
        .iter()
        .map(|row| {
            let mut item = Map::new();
            for (field, cell) in fields.iter().zip(row) {
                match *field {
                    "index" => {}
                    "content" => {
                        item.insert(
                            "content".into(),
                            json!(cell.split('\n').collect::<Vec<_>>()),
                        );
                    }
                    _ if !cell.trim().is_empty() => {
                        item.insert((*field).into(), cell.trim().into());
                    }
                    _ => {}
                }
            }
            item.entry("content").or_insert_with(|| json!([]));
            Value::Object(item)
        })
        .collect();
    Some(json!({ "task_table": { "columns": columns, "number_row": numbers, "items": items } }))
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

static AUTHORITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(KT|TM|TL|TUQ|Q)\.\s*(.+)$").unwrap());

/// `Nơi nhận:` and its entries, `Lưu: …`, then the signer: authority
/// lines, the title in capitals and the name.
fn ending_block(pieces: &[Piece], plan: &mut Map<String, Value>, out: &mut Parsed) {
    let mut recipients = Vec::new();
    let mut archive = None;
    let mut authority = Vec::new();
    let mut title: Option<String> = None;
    let mut name: Option<String> = None;
    let mut lines: Vec<(usize, String)> = Vec::new();
    for piece in pieces {
        let Some(text) = text_of(piece) else {
            out.unplaced
                .push((piece.at(), "một bảng sau \"Nơi nhận\"".into()));
            continue;
        };
        let text = plain(text)
            .trim_start_matches("Nơi nhận:")
            .trim_start_matches("Nơi nhận");
        // Two columns run together: `- Lãnh đạo Sở;   PHÓ GIÁM ĐỐC`.
        for part in text.split("  ").map(str::trim).filter(|p| !p.is_empty()) {
            lines.push((piece.at(), plain(part).to_owned()));
        }
    }
    for (at, line) in lines {
        let entry = line.trim_start_matches(['-', '–', '+', '•']).trim();
        if let Some(rest) = entry
            .strip_prefix("Lưu")
            .map(|r| r.trim_start_matches([':', ' ']))
        {
            archive = Some(rest.trim_end_matches(['.', ';']).trim().to_owned());
        } else if line.starts_with(['-', '–', '+', '•']) {
            recipients.push(Value::String(
                entry.trim_end_matches([';', '.', ',']).trim().to_owned(),
            ));
        } else if let Some(c) = AUTHORITY.captures(&line) {
            authority.push(json!({ "prefix": &c[1], "of": c[2].trim() }));
        } else if is_caps(&line) && name.is_none() {
            title = Some(line);
        } else if title.is_some()
            && name.is_none()
            && line.split_whitespace().count() >= 2
            && line.chars().next().is_some_and(char::is_uppercase)
        {
            name = Some(line);
        } else {
            out.unplaced
                .push((at, format!("\"{line}\" (đưa vào nơi nhận)")));
            recipients.push(Value::String(line));
        }
    }
    out.found
        .push(format!("nơi nhận: {} mục", recipients.len()));
    if archive.is_none() {
        out.guessed
            .push("không thấy dòng \"Lưu:\": đặt là \"VT\"".into());
    }
    plan.insert("recipients".into(), Value::Array(recipients));
    plan.insert(
        "archive".into(),
        archive.unwrap_or_else(|| "VT".into()).into(),
    );
    let mut signer = Map::new();
    if !authority.is_empty() {
        signer.insert("authority".into(), Value::Array(authority));
    }
    if let Some(title) = &title {
        signer.insert("title".into(), title.clone().into());
    }
    match &name {
        Some(name) => {
            signer.insert("name".into(), name.clone().into());
        }
        None => out
            .guessed
            .push("không thấy họ tên người ký: để trống".into()),
    }
    out.found.push(format!(
        "người ký: {} {}",
        title.as_deref().unwrap_or("(không rõ chức vụ)"),
        name.as_deref().unwrap_or("")
    ));
    plan.insert("signer".into(), Value::Object(signer));
}

/// Each `PHỤ LỤC` and what follows it, read like the body.
fn appendices(pieces: &[Piece], out: &mut Parsed) -> Vec<Value> {
    let starts: Vec<usize> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| text_of(p).is_some_and(|t| plain(t).starts_with("PHỤ LỤC")))
        .map(|(i, _)| i)
        .collect();
    let mut list = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(pieces.len());
        let part = &pieces[start + 1..end];
        let (title, rest) = match part.first().and_then(text_of) {
            Some(t) if is_caps(t) => (plain(t).to_owned(), &part[1..]),
            _ => (String::new(), part),
        };
        let tree = Tree::build(rest, true, out);
        list.push(json!({
            "title": title,
            "content": tree.preamble,
            "sections": tree.sections(),
        }));
    }
    out.found.push(format!("{} phụ lục", list.len()));
    list
}

/// What the header did not give, guessed from the text and listed:
/// `Sở Tư pháp tỉnh Hà Tĩnh` gives the issuer and the place, the most
/// frequent year the date, the preamble's `xây dựng Kế hoạch …` the title.
fn guess_missing(pieces: &[Piece], plan: &mut Map<String, Value>, out: &mut Parsed) {
    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(Sở [\p{Lu}][\p{L}]*(?: [\p{Ll}][\p{L}]*){0,3}?|Văn phòng [\p{Lu}][\p{L}]*(?: [\p{L}]+){0,3}?|Ủy ban nhân dân) (tỉnh|thành phố) (\p{Lu}\p{L}*(?: \p{Lu}\p{L}*){0,3})").unwrap()
    });
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(20\d\d)\b").unwrap());
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:xây dựng|ban hành) [Kk]ế hoạch (.{10,200}?)(?:,? (?:cụ thể|gồm|như sau)|[.:;])",
        )
        .unwrap()
    });
    let all: String = pieces
        .iter()
        .filter_map(text_of)
        .collect::<Vec<_>>()
        .join("\n");
    static SO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bSở \p{Lu}\p{Ll}* \p{Ll}+").unwrap());
    static PROVINCE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\btỉnh (\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*)?)").unwrap());
    let body = BODY.captures(&all);
    // The province named most often: where a Sở sits.
    let province = body
        .as_ref()
        .map(|c| c[3].to_owned())
        .or_else(|| most_frequent(&PROVINCE, &all));
    if !plan.contains_key("issuer") || plan["issuer"]["name"].as_str().is_none_or(str::is_empty) {
        let in_text = body
            .as_ref()
            .map(|c| c[1].to_owned())
            .or_else(|| SO.find(&all).map(|m| m.as_str().to_owned()))
            .unwrap_or_default();
        let mut issuer = json!({ "name": in_text.to_uppercase(), "name_in_text": in_text });
        if let Some(province) = &province {
            issuer["parent"] = format!("UBND TỈNH {}", province.to_uppercase()).into();
        }
        out.guessed
            .push(format!("cơ quan ban hành đoán từ nội dung: {issuer}"));
        plan.insert("issuer".into(), issuer);
    }
    if !plan.contains_key("place")
        && let Some(province) = &province
    {
        plan.insert("place".into(), province.clone().into());
        out.guessed
            .push(format!("địa danh đoán từ nội dung: {province}"));
    }
    // What no guess found is written as a visible placeholder, so that the
    // plan renders and the report says what to fill in.
    if plan["issuer"]["name"].as_str().is_none_or(str::is_empty) {
        plan["issuer"]["name"] = "TÊN CƠ QUAN BAN HÀNH".into();
        out.guessed
            .push("không thấy tên cơ quan ban hành: ghi tạm \"TÊN CƠ QUAN BAN HÀNH\"".into());
    }
    let symbol = plan
        .get("symbol")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let abbreviation = match symbol.as_deref().and_then(|s| s.rsplit('-').next()) {
        Some(a) => a.to_owned(),
        None => initials(plan["issuer"]["name"].as_str().unwrap_or_default()),
    };
    plan["issuer"]["abbreviation"] = abbreviation.into();
    if !plan.contains_key("date")
        && let Some(year) = most_frequent(&YEAR, &all)
    {
        out.guessed.push(format!(
            "không thấy ngày ban hành: đặt năm {year} (năm gặp nhiều nhất trong bài)"
        ));
        plan.insert("date".into(), year.into());
    }
    if !plan.contains_key("title") {
        let title = TITLE.captures(&all).map(|c| {
            let t = c[1].trim();
            let mut chars = t.chars();
            chars
                .next()
                .map_or(String::new(), |f| f.to_uppercase().chain(chars).collect())
        });
        let title = title.unwrap_or_else(|| "Kế hoạch (chưa nhận ra trích yếu)".into());
        out.guessed
            .push(format!("không thấy trích yếu: đoán \"{title}\""));
        plan.insert("title".into(), title.into());
    }
    if !plan.contains_key("place") {
        plan.insert("place".into(), "Địa danh".into());
        out.guessed
            .push("không thấy địa danh: ghi tạm \"Địa danh\"".into());
    }
    if plan["issuer"]["abbreviation"]
        .as_str()
        .is_none_or(str::is_empty)
    {
        plan["issuer"]["abbreviation"] = "CQ".into();
    }
    if !plan.contains_key("date") {
        plan.insert("date".into(), crate::date::today().0.to_string().into());
        out.guessed
            .push("không thấy năm nào trong bài: đặt năm nay".into());
    }
}

/// The first group of `pattern` met most often in `text`; ties go to the
/// later one in sort order (the later year).
fn most_frequent(pattern: &Regex, text: &str) -> Option<String> {
    let mut counts = std::collections::BTreeMap::new();
    for c in pattern.captures_iter(text) {
        *counts.entry(c[1].to_owned()).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(found, _)| found)
}

/// `SỞ TƯ PHÁP` → `STP`.
fn initials(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| if c == 'Đ' { 'D' } else { c })
        .flat_map(|c| c.to_string().nfd().next())
        .collect::<String>()
        .to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Value {
        parse(&super::super::text::read(text.as_bytes()).unwrap()).plan
    }

    #[test]
    fn the_signer_beside_the_recipients_is_read() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. MỤC ĐÍCH\nNội dung.\nNơi nhận:        KT. GIÁM ĐỐC\n- UBND tỉnh;        PHÓ GIÁM ĐỐC\n- Lưu: VT, VP.\n\n                   Vũ Quang Hưng\n",
        );
        assert_eq!(plan["recipients"], json!(["UBND tỉnh"]));
        assert_eq!(plan["archive"], "VT, VP");
        assert_eq!(plan["signer"]["authority"][0]["of"], "GIÁM ĐỐC");
        assert_eq!(plan["signer"]["title"], "PHÓ GIÁM ĐỐC");
        assert_eq!(plan["signer"]["name"], "Vũ Quang Hưng");
    }

    #[test]
    fn a_task_table_in_a_phu_luc_is_read_as_tasks() {
        let plan = parse_text(
            "KẾ HOẠCH\nThi đua năm 2025\nI. NỘI DUNG\nNội dung.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nPHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n| TT | Nhiệm vụ | Đơn vị chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n| (1) | (2) | (3) | (4) | (5) |\n| 1 | Tổ chức hội nghị. | Văn phòng | Các phòng | Quý I |\n",
        );
        let table = &plan["appendices"][0]["content"][0]["task_table"];
        assert_eq!(table["columns"][2]["field"], "lead");
        assert_eq!(table["number_row"], true);
        assert_eq!(table["items"][0]["lead"], "Văn phòng");
        assert_eq!(table["items"][0]["content"], json!(["Tổ chức hội nghị."]));
        assert_eq!(table["items"][0]["deadline"], "Quý I");
    }
}
