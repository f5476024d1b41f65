//! Pieces of a document → plan data: the header, the trích yếu, the
//! preamble, the section tree with its lists and tasks, the closing, the
//! nơi nhận, the signer and the appendices. What cannot be placed goes
//! into the nearest paragraph and is listed, never dropped.
//!
//! The steps, in the order of a plan: [`header`] (cơ quan, số, địa danh
//! and date, trích yếu), [`body`] (the section tree, its lists and
//! tables, with [`tasks`]), [`ending`] (the closing, nơi nhận and signer),
//! [`appendix`] (the phụ lục), then [`guess`] reports what none of them
//! found: it stays empty, never filled from the body.

mod appendix;
mod body;
mod decision;
mod ending;
mod fields;
mod guess;
mod header;
mod landmarks;
mod syllables;
mod tasks;

use std::sync::LazyLock;

use regex::Regex;

use super::source::{Piece, Source};
use crate::model::{Block, Issuer, Plan};
use appendix::{appendices, appendix_start};
use body::Tree;
use ending::{Ending, closing_start, ending_block, last_blocks, without_end_mark};
use guess::fill;
use header::{Header, header_and_title};

/// The plan data and what the report says about it.
#[derive(Debug)]
pub struct Parsed {
    pub plan: Plan,
    pub findings: Findings,
}

/// What the report says about the plan, gathered step by step.
#[derive(Debug, Default)]
pub struct Findings {
    /// What was recognised, a line each.
    pub found: Vec<String>,
    /// Fields filled by a guess from the text, to check.
    pub guessed: Vec<String>,
    /// Text that could not be placed: where it was, and where it went.
    pub unplaced: Vec<(usize, String)>,
}

pub fn parse(source: &Source) -> Parsed {
    let mut pieces = landmarks::split_at_landmarks(&flatten_layout_tables(&source.pieces));
    let mut out = Findings::default();
    // A Quyết định that sets the plan out in its articles has no `KẾ
    // HOẠCH` line: its own name heads it.
    let find_kind = |pieces: &[Piece]| {
        let line = |word: &str| {
            pieces
                .iter()
                .position(|p| text_of(p).is_some_and(|t| bare(t).starts_with(word)))
        };
        line("KẾ HOẠCH").or_else(|| line("QUYẾT ĐỊNH"))
    };
    let mut kind = find_kind(&pieces);
    // A decision before the plan: read into `decision`; its header's date
    // and địa danh are the attached plan's too.
    let mut issued = Header::default();
    let mut decision = None;
    if let Some(start) = kind.and_then(|k| decision::plan_start(&pieces, k)) {
        let (read, head) = decision::read(&pieces[..start], &mut out);
        issued = head;
        decision = Some(read);
        pieces.drain(..start);
        kind = find_kind(&pieces);
    }
    let ending = pieces
        .iter()
        .position(|p| text_of(p).is_some_and(|t| bare(t).starts_with("Nơi nhận")));
    let mut head = Header::default();

    // Header text that is neither cơ quan, số nor date opens the preamble.
    let (body_from, stray) = match kind {
        Some(k) => header_and_title(&pieces, k, &mut head, &mut out),
        None => (0, Vec::new()),
    };
    // A decision that sets the plan out itself: its số is the decision's.
    if kind
        .and_then(|k| text_of(&pieces[k]))
        .is_some_and(|t| bare(t).starts_with("QUYẾT ĐỊNH"))
        && let Some(symbol) = head.symbol.take()
    {
        out.guessed.push(format!(
            "văn bản là Quyết định đặt kế hoạch trong các điều của nó: số {}/{symbol} là của quyết định, kế hoạch để trống số",
            head.number.take().map_or(String::new(), |n| n.to_string())
        ));
        issued.symbol = Some(symbol);
    }
    // `(Kèm theo Quyết định số … của UBND Thành phố)` is the line the
    // program writes from the decision: only its `của …` is kept.
    if let Some(decision) = &mut decision
        && let Some(line) = head
            .subtitle
            .take_if(|s| bare(s).starts_with("(Kèm theo Quyết định"))
    {
        decision.by = line
            .rsplit_once(" của ")
            .map(|(_, by)| by.trim_end_matches([')', '*', ' ']).to_owned());
    }
    if head.date.is_none() {
        head.date = issued.date;
    }
    if head.place.is_none() {
        head.place = issued.place;
    }
    // An attached plan prints no số or ký hiệu of its own; the decision's
    // ký hiệu (`QĐ-UBND`) names the body's abbreviation.
    let issued_symbol = issued.symbol.clone();
    let body_end = ending.unwrap_or(pieces.len());
    // The phụ lục follow the ending; a plan without one (attached to a
    // decision) ends at its first `./.`.
    let appendices_from = ending.unwrap_or_else(|| {
        pieces
            .iter()
            .enumerate()
            .skip(body_from)
            .find(|(_, p)| text_of(p).is_some_and(|t| bare(t).ends_with("./.")))
            .map_or(body_from, |(i, _)| i + 1)
    });
    let appendix_at = appendix_start(&pieces, appendices_from);
    let body_end = body_end.min(appendix_at);
    let body = &pieces[body_from.min(body_end)..body_end];

    let (body, closing) = body.split_at(closing_start(body));
    let tree = Tree::build(body, false, source.emphasis, &mut out);
    out.found.push(format!(
        "{} đoạn mở đầu, {} mục cấp I, {} mục và khoản cả thảy, {} nhiệm vụ",
        tree.preamble.len(),
        tree.children_of(None).len(),
        tree.nodes.len(),
        tree.tasks
    ));
    let mut closing: Vec<Block> = closing
        .iter()
        .map(|piece| match piece {
            Piece::Text { text, .. } => Block::Paragraph(text.clone()),
            Piece::Table { rows, .. } => body::table(rows),
        })
        .collect();
    if !closing.is_empty() {
        out.found.push("phần kết (\"Trên đây là …\")".into());
    }
    without_end_mark(&mut closing, "");
    let content_ends_the_body = closing.is_empty();

    let end = match ending {
        Some(e) => ending_block(&pieces[e..appendix_at.max(e)], &mut out),
        None => Ending::missing(&mut out),
    };
    // Text in the ending that is neither nơi nhận nor signer stays text.
    closing.extend(end.stray.iter().cloned().map(Block::Paragraph));
    let appendices = if appendix_at < pieces.len() {
        appendices(&pieces[appendix_at..], source, &mut out)
    } else {
        Vec::new()
    };
    let mut filled = fill(&pieces, &head, source.unit, &mut out);
    if filled.issuer.abbreviation.is_empty()
        && let Some(body) = issued_symbol.as_deref().and_then(|s| s.rsplit('-').next())
    {
        filled.issuer.abbreviation = body.to_owned();
    }
    let mut sections = tree.sections();
    if content_ends_the_body && let Some(last) = last_blocks(&mut sections) {
        without_end_mark(last, ".");
    }
    let plan = Plan {
        issuer: filled.issuer,
        number: head.number,
        symbol: head.symbol,
        place: filled.place,
        date: filled.date,
        year: None,
        title: filled.title,
        subtitle: head.subtitle,
        urgency: None,
        numbering: Some(tree.numbering()),
        preamble: stray.into_iter().chain(tree.preamble).collect(),
        bases: Vec::new(),
        sections,
        closing,
        recipients: end.recipients,
        task_labels: tree.labels,
        task_order: None,
        gather_tasks: false,
        archive: end.archive,
        signer: end.signer,
        decision,
        appendices,
    };
    Parsed {
        plan,
        findings: out,
    }
}

/// The issuer as the report names it.
fn shown(issuer: &Issuer) -> String {
    let mut text = format!("\"{}\"", issuer.name);
    if let Some(parent) = &issuer.parent {
        text += &format!(", thuộc \"{parent}\"");
    }
    if let Some(in_text) = issuer.name_in_text.as_deref().filter(|t| !t.is_empty()) {
        text += &format!(", trong câu văn là \"{in_text}\"");
    }
    text
}

fn text_of(piece: &Piece) -> Option<&str> {
    match piece {
        Piece::Text { text, .. } => Some(text),
        Piece::Table { .. } => None,
    }
}

/// The words without any emphasis mark, for recognising labels however
/// Word split their runs: `***Nơi nhận***:` → `Nơi nhận:`.
fn bare(text: &str) -> String {
    text.replace(['*', '\u{2060}'], "").trim().to_owned()
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
/// column by column. Rows from one that opens a header (the quốc hiệu) or
/// an ending (`Nơi nhận`) on are a layout of their own, so that a page's
/// tables run together (a portal's decision ending over its plan's
/// header) stay in their order.
fn flatten_layout_tables(pieces: &[Piece]) -> Vec<Piece> {
    let opens = |cell: &String| {
        cell.contains("CỘNG HÒA")
            || cell.contains("CỘNG HOÀ")
            || cell.lines().any(|line| bare(line).starts_with("Nơi nhận"))
    };
    let mut out = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Table { at, rows }
                if rows.iter().flatten().any(|c| opens(c) || c.contains("Số:")) =>
            {
                let mut groups: Vec<&[Vec<String>]> = Vec::new();
                let mut from = 0;
                for (i, row) in rows.iter().enumerate() {
                    if i > from && row.iter().any(opens) {
                        groups.push(&rows[from..i]);
                        from = i;
                    }
                }
                groups.push(&rows[from..]);
                for group in groups {
                    let columns = group.iter().map(Vec::len).max().unwrap_or(0);
                    for col in 0..columns {
                        for row in group {
                            let cell = row.get(col).map_or("", String::as_str);
                            out.extend(
                                cell_lines(cell)
                                    .into_iter()
                                    .map(|text| Piece::Text { at: *at, text }),
                            );
                        }
                    }
                }
            }
            other => out.push(other.clone()),
        }
    }
    out
}

/// A layout cell's lines, without emphasis: bold that spans the cell's
/// lines (`**ỦY BAN NHÂN DÂN\nXÃ AN BÌNH**`) says nothing of one line,
/// and where a portal ran the lines together, each bold run was a line of
/// its own (`**TL. GIÁM ĐỐC** **CHÁNH VĂN PHÒNG** **Vũ Thắng**`).
fn cell_lines(cell: &str) -> Vec<String> {
    static BOLD_RUNS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*\*[ \t]+\*\*").unwrap());
    BOLD_RUNS
        .replace_all(cell, "**\n**")
        .split('\n')
        .map(bare)
        .filter(|line| !line.is_empty())
        .collect()
}

#[cfg(test)]
pub(super) fn parse_text(text: &str) -> Plan {
    parse(&super::text::read(text.as_bytes()).unwrap()).plan
}
