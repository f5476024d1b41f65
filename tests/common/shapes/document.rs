//! A plan as a printed document, before it is laid out as text: the header's
//! two columns, centred and body lines, tables, the nơi nhận | signer block
//! and page breaks. Made from kehoach's own view of the plan, so that it
//! holds the words kehoach's PDF and Word file print, with the spacing and
//! punctuation a text shape prints them in (`Print`).

use kehoach::markup::plain_text;
use kehoach::model::Plan;
use kehoach::view::{BlockView, DateView, SectionView, SignerView, View};

use super::print::{DatePrint, NumberPrint, Print};

#[derive(Clone, Debug)]
pub enum Element {
    Header(Header),
    Line(Line),
    /// Rows of cells, the first the column titles.
    Table(Vec<Vec<String>>),
    Closing(Closing),
    /// A new page whose numbering starts again (the attached plan, each
    /// appendix).
    Break,
}

#[derive(Clone, Debug)]
pub struct Header {
    /// Cơ quan chủ quản and the issuer's lines.
    pub left: Vec<String>,
    /// Quốc hiệu and tiêu ngữ.
    pub right: Vec<String>,
    /// `Số: …` and `Địa danh, ngày …`; none on a plan attached to a decision.
    pub row: Option<(String, String)>,
}

#[derive(Clone, Debug)]
pub struct Line {
    /// May hold `\n` where the printed line breaks (a trích yếu).
    pub text: String,
    pub kind: Kind,
    pub bold: bool,
    pub italic: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Centre,
    /// A body paragraph or list item: its first line indented.
    Paragraph,
}

#[derive(Clone, Debug)]
pub struct Closing {
    /// `Nơi nhận:`, then the entries and the `Lưu` line, as printed.
    pub recipients: Vec<String>,
    /// Authority lines and title lines.
    pub signer: Vec<String>,
    pub name: Option<String>,
}

pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

pub fn document(plan: &Plan, print: &Print) -> Vec<Element> {
    let view = View::new(plan, "Times New Roman");
    let mut out = Vec::new();
    if let Some(decision) = &view.decision {
        out.push(header(
            &view,
            Some(row(
                print,
                &view,
                decision.number.as_deref(),
                &decision.symbol,
                &decision.date,
            )),
        ));
        out.push(centre("QUYẾT ĐỊNH", true, false));
        out.push(centre(&decision.title, true, false));
        out.push(centre(&decision.authority, true, false));
        for b in &decision.bases {
            out.push(line(b, Kind::Paragraph, false, true));
        }
        out.push(centre("QUYẾT ĐỊNH:", true, false));
        for (i, article) in decision.articles.iter().enumerate() {
            for (j, p) in article.iter().enumerate() {
                let text = if j == 0 {
                    format!("Điều {}. {p}", i + 1)
                } else {
                    p.clone()
                };
                out.push(line(&text, Kind::Paragraph, false, false));
            }
        }
        out.push(Element::Closing(closing(
            print,
            &decision.recipients,
            &decision.signer,
        )));
        out.push(Element::Break);
        out.push(header(&view, None));
    } else {
        out.push(header(
            &view,
            Some(row(
                print,
                &view,
                view.number.as_deref(),
                &view.symbol,
                &view.date,
            )),
        ));
    }
    out.push(centre("KẾ HOẠCH", true, false));
    out.push(centre(&view.title, true, false));
    if let Some(subtitle) = &view.subtitle {
        out.push(centre(subtitle, false, true));
    }
    for b in &view.bases {
        out.push(line(b, Kind::Paragraph, false, true));
    }
    blocks(&view.preamble, &mut out);
    sections(&view.sections, &mut out);
    blocks(&view.closing, &mut out);
    if view.decision.is_none() {
        out.push(Element::Closing(closing(
            print,
            &view.recipients,
            &view.signer,
        )));
    }
    for a in &view.appendices {
        out.push(Element::Break);
        out.push(centre(&a.label, true, false));
        out.push(centre(&a.title, true, false));
        if let Some(reference) = &a.reference {
            out.push(centre(reference, false, true));
        }
        blocks(&a.content, &mut out);
        sections(&a.sections, &mut out);
    }
    out
}

fn line(text: &str, kind: Kind, bold: bool, italic: bool) -> Element {
    Element::Line(Line {
        text: plain_text(text),
        kind,
        bold,
        italic,
    })
}

fn centre(text: &str, bold: bool, italic: bool) -> Element {
    line(text, Kind::Centre, bold, italic)
}

fn header(view: &View, row: Option<(String, String)>) -> Element {
    let mut left: Vec<String> = Vec::new();
    for part in view.issuer.parent.iter().chain([&view.issuer.name]) {
        left.extend(part.lines().map(str::to_owned));
    }
    Element::Header(Header {
        left,
        right: vec![NATION.into(), MOTTO.into()],
        row,
    })
}

fn row(
    print: &Print,
    view: &View,
    number: Option<&str>,
    symbol: &str,
    date: &DateView,
) -> (String, String) {
    let so = match (print.number, number) {
        (NumberPrint::Standard, Some(n)) => format!("Số: {n}/{symbol}"),
        (NumberPrint::Standard, None) => format!("Số:      /{symbol}"),
        (NumberPrint::Tight, Some(n)) => format!("Số:{n} /{symbol}"),
        (NumberPrint::Tight, None) => format!("Số: /{symbol}"),
        (NumberPrint::Spaced, Some(n)) => format!("Số: {n} /{symbol}"),
        (NumberPrint::Spaced, None) => format!("Số:   /{symbol}"),
        (NumberPrint::Wide, Some(n)) => format!("Số: {n}         /{symbol}"),
        (NumberPrint::Wide, None) => format!("Số:               /{symbol}"),
    };
    let blank = if print.date == DatePrint::Dots {
        "…"
    } else {
        "     "
    };
    let part = |p: &Option<String>| p.clone().unwrap_or_else(|| blank.to_owned());
    let (day, month, year) = (part(&date.day), part(&date.month), part(&date.year));
    let place = &view.place;
    let date = match print.date {
        DatePrint::NoSpace => format!("{place}, ngày {day} tháng{month} năm {year}"),
        DatePrint::Spaced => format!("{place},  ngày  {day}  tháng  {month}  năm  {year}"),
        DatePrint::Standard | DatePrint::Dots => {
            format!("{place}, ngày {day} tháng {month} năm {year}")
        }
    };
    (so, date)
}

fn closing(print: &Print, recipients: &[String], signer: &SignerView) -> Closing {
    let mut entries: Vec<String> = recipients.iter().map(|r| format!("- {r}")).collect();
    if let (false, Some(last)) = (print.archive_colon, entries.last_mut()) {
        *last = last.replacen("Lưu: ", "Lưu ", 1);
    }
    let mut lines = vec!["Nơi nhận:".to_owned()];
    if print.inline_recipients {
        lines.push(entries.join(" "));
    } else {
        lines.extend(entries);
    }
    let mut block: Vec<String> = signer.authority.clone();
    if let Some(title) = &signer.title {
        block.extend(title.lines().map(str::to_owned));
    }
    Closing {
        recipients: lines,
        signer: block,
        name: signer.name.clone(),
    }
}

fn sections(list: &[SectionView], out: &mut Vec<Element>) {
    for s in list {
        let head = match &s.title {
            Some(t) => format!("{} {t}", s.number),
            None => s.number.clone(),
        };
        let mut content = s.content.iter();
        if s.runs_into {
            if let Some(BlockView::Paragraph { text, .. }) = content.next() {
                out.push(line(
                    &format!("{head} {text}"),
                    Kind::Paragraph,
                    false,
                    false,
                ));
            }
        } else {
            out.push(line(&head, Kind::Paragraph, true, false));
        }
        for b in content {
            block(b, out);
        }
        sections(&s.sections, out);
        blocks(&s.after, out);
    }
}

fn blocks(list: &[BlockView], out: &mut Vec<Element>) {
    for b in list {
        block(b, out);
    }
}

fn block(b: &BlockView, out: &mut Vec<Element>) {
    match b {
        BlockView::Paragraph { text, .. } => out.push(line(text, Kind::Paragraph, false, false)),
        BlockView::List { marker, items } => {
            for item in items {
                out.push(line(
                    &format!("{marker} {}", cell_text(std::slice::from_ref(item))),
                    Kind::Paragraph,
                    false,
                    false,
                ));
            }
        }
        BlockView::Task { content, lines } => {
            blocks(content, out);
            for l in lines {
                out.push(line(
                    &format!("- {}: {}", l.label, l.value),
                    Kind::Paragraph,
                    false,
                    false,
                ));
            }
        }
        BlockView::Table(t) => {
            let mut rows: Vec<Vec<String>> = t.header.clone();
            rows.extend(
                t.rows
                    .iter()
                    .map(|r| r.iter().map(|c| cell_text(c)).collect()),
            );
            out.push(Element::Table(rows));
        }
    }
}

/// A table cell's or list item's blocks as one line of text.
fn cell_text(blocks: &[BlockView]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for b in blocks {
        match b {
            BlockView::Paragraph { text, .. } => parts.push(plain_text(text)),
            BlockView::List { items, .. } => parts.push(cell_text(items)),
            BlockView::Task { content, lines } => {
                parts.push(cell_text(content));
                parts.extend(lines.iter().map(|l| format!("{}: {}", l.label, l.value)));
            }
            BlockView::Table(_) => {}
        }
    }
    parts.join(" ")
}
