//! Reads a Word file (.docx) into a [`Source`]: the body's paragraphs and
//! tables in document order, inline formatting already in the plan's markup.
//!
//! A .docx is a zip of XML parts. The reader needs `word/document.xml` and
//! uses, when they are there, `word/styles.xml` (bold or italic given by a
//! style), `word/numbering.xml` (Word's automatic labels such as "I.", "1.",
//! "a)", which are not in the text itself), `word/footnotes.xml` and
//! `word/endnotes.xml`. Parts are found by these usual names, which Word,
//! LibreOffice, Google Docs and WPS all use, not through the package's
//! relationships.
//!
//! Left out on purpose: headers and footers, comments, field codes,
//! equations, and text boxes and shapes (counted in a note). Tracked changes
//! are read as if all were accepted (a note says so).
//!
//! The plan's markup has no escape, so a literal `*` in the document stays
//! as it is; two of them could pair into emphasis. That is rare in plans.
//! Likewise an unbalanced `]` in a footnote would end its `^[…]` early.
//! Where two differently emphasised spans touch with no space between,
//! an invisible word joiner (U+2060) keeps their markers apart.
//!
//! Hostile input must do no harm: every failure is an `Err` with a
//! Vietnamese message, a zip entry is read to at most [`MAX_PART_BYTES`]
//! (zip bombs), and XML nesting is bounded by [`MAX_DEPTH`] so that the
//! recursive walks below cannot exhaust the stack.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use unicode_normalization::UnicodeNormalization;
use zip::ZipArchive;
use zip::result::ZipError;

use super::source::{Piece, Source};

/// The most a part may take once decompressed: far above any real plan (a
/// long one is a few hundred kB of XML), far below harm.
const MAX_PART_BYTES: u64 = 50 * 1024 * 1024;

/// The deepest XML nesting accepted. Real documents, nested tables
/// included, stay well under 50 levels.
const MAX_DEPTH: usize = 256;

/// Put between two emphasis spans that touch: `**a***b*` would read as one
/// odd run of stars, `**a**\u{2060}*b*` reads right and prints the same.
const WORD_JOINER: char = '\u{2060}';

/// List levels in Word's numbering: `w:ilvl` 0 to 8.
const LEVELS: usize = 9;

const DOCUMENT: &str = "word/document.xml";

/// WordprocessingML's namespaces: transitional (what every writer uses)
/// and strict.
const W_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Reads a .docx file's bytes into pieces, in document order.
///
/// `at` counts paragraphs from 1, body and table paragraphs alike, empty
/// ones included; a table's `at` is its first paragraph.
pub fn read(bytes: &[u8]) -> Result<Source, String> {
    let mut zip = open_zip(bytes)?;
    let document = match read_part(&mut zip, DOCUMENT)? {
        Some(text) => parse_xml(&text, DOCUMENT)?,
        None => return Err(format!("tệp DOCX thiếu {DOCUMENT}")),
    };
    let body = body_of(&document)?;

    let mut notes = Vec::new();
    let styles = Styles::parse(optional_part(&mut zip, "word/styles.xml", &mut notes).as_ref());
    let lists = ListDefs::parse(optional_part(&mut zip, "word/numbering.xml", &mut notes).as_ref());
    let mut seen = Seen::default();
    let mut context = Context {
        styles,
        footnotes: HashMap::new(),
        endnotes: HashMap::new(),
    };
    let footnotes = optional_part(&mut zip, "word/footnotes.xml", &mut notes);
    let endnotes = optional_part(&mut zip, "word/endnotes.xml", &mut notes);
    context.footnotes = note_texts(footnotes.as_ref(), &context, &mut seen);
    context.endnotes = note_texts(endnotes.as_ref(), &context, &mut seen);

    let mut walker = Walker {
        context: &context,
        lists: &lists,
        counters: ListCounters::default(),
        paragraphs: 0,
        pieces: Vec::new(),
        seen,
    };
    walker.read_blocks(body);
    notes.extend(walker.seen.notes());
    Ok(Source {
        pieces: walker.pieces,
        unit: "đoạn",
        notes,
    })
}

// ---------------------------------------------------------------------------
// The zip container

type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;

fn open_zip(bytes: &[u8]) -> Result<Zip<'_>, String> {
    // An OLE compound file is a legacy .doc, or a .docx that Word encrypted
    // with a password: worth telling apart from random bytes.
    const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(
            "tệp không phải DOCX: đây là tệp Word cũ (.doc) hoặc DOCX có đặt mật khẩu; \
                    hãy mở bằng Word và lưu lại thành .docx không mật khẩu"
                .to_string(),
        );
    }
    ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| "tệp không phải DOCX (không đọc được dạng nén zip)".to_string())
}

/// Reads one part as text; `Ok(None)` when the zip has no such entry.
fn read_part(zip: &mut Zip<'_>, name: &str) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(_) => {
            return Err(format!(
                "tệp DOCX hỏng: không đọc được {name} trong tệp nén"
            ));
        }
    };
    let too_big = || {
        format!(
            "tệp DOCX có {name} quá lớn khi giải nén (hơn {} MB)",
            MAX_PART_BYTES >> 20
        )
    };
    if file.size() > MAX_PART_BYTES {
        return Err(too_big());
    }
    // The declared size can lie: read one byte past the limit to tell.
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| format!("tệp DOCX hỏng: không giải nén được {name}"))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("tệp DOCX hỏng: {name} không phải văn bản UTF-8"))
}

/// Reads a part the document can do without: a broken one becomes a note,
/// so that a plan with, say, damaged styles is still read.
fn optional_part(zip: &mut Zip<'_>, name: &str, notes: &mut Vec<String>) -> Option<Element> {
    let part = read_part(zip, name).and_then(|text| text.map(|t| parse_xml(&t, name)).transpose());
    part.unwrap_or_else(|message| {
        notes.push(format!("{message}; đã bỏ qua phần này"));
        None
    })
}

// ---------------------------------------------------------------------------
// A small XML tree: the parts are small enough to hold whole, and a tree
// keeps the walks over paragraphs, runs and tables simple.

#[derive(Debug, Default)]
struct Element {
    /// In WordprocessingML's namespace: `w:t` is text, `a:t` or `m:t` is not.
    w: bool,
    /// The local name, without prefix.
    name: String,
    /// Attributes by local name (`w:val` is `val`).
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn open(w: bool, start: &BytesStart<'_>) -> Result<Element, ()> {
        let mut attrs = Vec::new();
        for attr in start.attributes() {
            let attr = attr.map_err(drop)?;
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(drop)?;
            attrs.push((
                attr.key.local_name().into_inner().to_string(),
                value.into_owned(),
            ));
        }
        let name = start.local_name().into_inner().to_string();
        Ok(Element {
            w,
            name,
            attrs,
            children: Vec::new(),
        })
    }

    /// A WordprocessingML element of this local name.
    fn is(&self, name: &str) -> bool {
        self.w && self.name == name
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|element| element.is(name))
    }

    /// The `w:val` of a child, as in `<w:pStyle w:val="Heading1"/>`.
    fn val(&self, child: &str) -> Option<&str> {
        self.child(child)?.attr("val")
    }

    /// The element's own text (of `w:t`).
    fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|node| match node {
                Node::Text(text) => Some(text.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    fn push_text(&mut self, text: &str) {
        match self.children.last_mut() {
            Some(Node::Text(last)) => last.push_str(text),
            _ => self.children.push(Node::Text(text.to_string())),
        }
    }
}

/// Parses a part into its root element.
fn parse_xml(text: &str, part: &str) -> Result<Element, String> {
    let broken = |detail: String| format!("tệp DOCX hỏng: {part} không phải XML hợp lệ ({detail})");
    let mut reader = NsReader::from_str(text.strip_prefix('\u{feff}').unwrap_or(text));
    // The bottom of the stack only collects the root element.
    let mut stack = vec![Element::default()];
    loop {
        let (w, event) = match next_event(&mut reader) {
            Ok(next) => next,
            Err(()) => return Err(broken(format!("lỗi ở byte {}", reader.error_position()))),
        };
        let at = || format!("lỗi ở byte {}", reader.buffer_position());
        match event {
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err(format!(
                        "tệp DOCX hỏng: {part} lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)"
                    ));
                }
                stack.push(Element::open(w, &start).map_err(|()| broken(at()))?);
            }
            Event::Empty(start) => {
                let element = Element::open(w, &start).map_err(|()| broken(at()))?;
                top(&mut stack).children.push(Node::Element(element));
            }
            Event::End(_) => {
                // The reader checks that end tags match, so the stack holds
                // the element that ends above the collecting bottom.
                let element = stack
                    .pop()
                    .filter(|_| !stack.is_empty())
                    .ok_or_else(|| broken(at()))?;
                top(&mut stack).children.push(Node::Element(element));
            }
            Event::Text(text) => top(&mut stack).push_text(&text.xml10_content()),
            Event::CData(data) => top(&mut stack).push_text(&data.into_inner()),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match resolve_predefined_entity(&reference) {
                        Some(text) => text.to_string(),
                        None => {
                            return Err(broken(format!(
                                "thực thể &{}; không xác định",
                                &*reference
                            )));
                        }
                    },
                    Err(_) => return Err(broken(at())),
                };
                top(&mut stack).push_text(&resolved);
            }
            Event::Eof => break,
            // Declarations, comments, processing instructions, doctype.
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(broken("thiếu thẻ đóng".to_string()));
    }
    let bottom = stack.pop().unwrap_or_default();
    bottom
        .children
        .into_iter()
        .find_map(|node| match node {
            Node::Element(root) => Some(root),
            Node::Text(_) => None,
        })
        .ok_or_else(|| broken("không có phần tử nào".to_string()))
}

/// The next event, with whether its element is in WordprocessingML's
/// namespace. Kept apart so that the caller may ask the reader for the
/// error position once the event's borrow has ended.
fn next_event<'i>(reader: &mut NsReader<&'i [u8]>) -> Result<(bool, Event<'i>), ()> {
    let (namespace, event) = reader.read_resolved_event().map_err(drop)?;
    let w =
        matches!(namespace, ResolveResult::Bound(Namespace(uri)) if W_NAMESPACES.contains(&uri));
    Ok((w, event))
}

fn top(stack: &mut [Element]) -> &mut Element {
    // The stack never goes below its bottom element (see `Event::End`).
    let last = stack.len() - 1;
    &mut stack[last]
}

fn body_of(document: &Element) -> Result<&Element, String> {
    Some(document)
        .filter(|root| root.is("document"))
        .and_then(|root| root.child("body"))
        .ok_or_else(|| format!("tệp DOCX hỏng: {DOCUMENT} không có phần thân văn bản (w:body)"))
}

/// A WordprocessingML on/off property: present means on, unless its
/// `w:val` says otherwise.
fn on_off(element: Option<&Element>) -> Option<bool> {
    element.map(|e| !matches!(e.attr("val"), Some("0" | "false" | "off" | "none")))
}

// ---------------------------------------------------------------------------
// Styles: bold and italic often come from a style ("Tiêu đề", "Strong"),
// not from the run itself.

/// The run properties that matter here; `None` is "not said at this level".
#[derive(Debug, Default, Clone, Copy)]
struct RunProps {
    bold: Option<bool>,
    italic: Option<bool>,
    /// Shown in capitals whatever was typed: "kế hoạch" prints "KẾ HOẠCH".
    caps: Option<bool>,
    hidden: Option<bool>,
}

impl RunProps {
    fn of(r_pr: Option<&Element>) -> RunProps {
        let flag = |name| on_off(r_pr.and_then(|r| r.child(name)));
        RunProps {
            bold: flag("b"),
            italic: flag("i"),
            caps: flag("caps"),
            hidden: flag("vanish"),
        }
    }

    /// These properties, with `fallback` filling what they leave unsaid.
    fn or(self, fallback: RunProps) -> RunProps {
        RunProps {
            bold: self.bold.or(fallback.bold),
            italic: self.italic.or(fallback.italic),
            caps: self.caps.or(fallback.caps),
            hidden: self.hidden.or(fallback.hidden),
        }
    }
}

/// A reference to a list: `w:numPr`'s `w:numId` and `w:ilvl`.
#[derive(Debug, Default, Clone)]
struct NumRef {
    id: Option<String>,
    level: Option<usize>,
}

impl NumRef {
    fn of(num_pr: Option<&Element>) -> NumRef {
        NumRef {
            id: num_pr.and_then(|n| n.val("numId")).map(str::to_string),
            level: num_pr.and_then(|n| n.val("ilvl")).and_then(parse_level),
        }
    }

    fn or(self, fallback: NumRef) -> NumRef {
        NumRef {
            id: self.id.or(fallback.id),
            level: self.level.or(fallback.level),
        }
    }
}

fn parse_level(text: &str) -> Option<usize> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|&level| level < LEVELS)
}

#[derive(Debug)]
struct Style {
    based_on: Option<String>,
    run: RunProps,
    /// Heading styles are often tied to a list, so their paragraphs are
    /// numbered with no `w:numPr` of their own.
    numbering: NumRef,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    /// The style of a paragraph that names none ("Normal").
    default_paragraph: Option<String>,
}

impl Styles {
    fn parse(root: Option<&Element>) -> Styles {
        let mut styles = Styles::default();
        for style in root
            .into_iter()
            .flat_map(Element::elements)
            .filter(|e| e.is("style"))
        {
            let Some(id) = style.attr("styleId") else {
                continue;
            };
            let is_default = matches!(style.attr("default"), Some("1" | "true" | "on"));
            if is_default && style.attr("type") == Some("paragraph") {
                styles.default_paragraph = Some(id.to_string());
            }
            let num_pr = style.child("pPr").and_then(|p| p.child("numPr"));
            styles.by_id.insert(
                id.to_string(),
                Style {
                    based_on: style.val("basedOn").map(str::to_string),
                    run: RunProps::of(style.child("rPr")),
                    numbering: NumRef::of(num_pr),
                },
            );
        }
        styles
    }

    /// A style and those it is based on, nearest first. Chains are short;
    /// the bound stops a cycle.
    fn chain(&self, id: Option<&str>) -> impl Iterator<Item = &Style> {
        let first = id.and_then(|id| self.by_id.get(id));
        let parent = |style: &Style| style.based_on.as_deref().and_then(|id| self.by_id.get(id));
        std::iter::successors(first, move |style| parent(style)).take(8)
    }

    fn run_props(&self, id: Option<&str>) -> RunProps {
        self.chain(id)
            .fold(RunProps::default(), |props, style| props.or(style.run))
    }

    fn numbering(&self, id: Option<&str>) -> NumRef {
        self.chain(id).fold(NumRef::default(), |num, style| {
            num.or(style.numbering.clone())
        })
    }
}

// ---------------------------------------------------------------------------
// Automatic numbering: Word stores "I.", "1.", "a)" as list definitions in
// numbering.xml, not in the text, so the labels are computed here.

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    /// `w:numFmt`: decimal, upperRoman, lowerLetter, bullet, none, …
    format: String,
    /// `w:lvlText`: "%1." or "%1.%2." or "%1)", `%n` being level n's number.
    text: String,
    /// A paragraph style tied to this level.
    style: Option<String>,
    /// `w:isLgl`: every number in the label in decimal ("1.2", not "I.2").
    legal: bool,
}

impl Level {
    fn parse(lvl: &Element) -> Level {
        Level {
            // The schema's default is 0, but a writer that leaves it out
            // almost surely means 1.
            start: lvl
                .val("start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1),
            format: lvl.val("numFmt").unwrap_or("decimal").to_string(),
            text: lvl.val("lvlText").unwrap_or_default().to_string(),
            style: lvl.val("pStyle").map(str::to_string),
            legal: on_off(lvl.child("isLgl")).unwrap_or(false),
        }
    }
}

/// One `w:num`: an instance of an abstract list definition.
#[derive(Debug)]
struct Instance {
    abstract_id: String,
    /// `w:lvlOverride/w:startOverride`: how Word writes "restart at 1".
    start_overrides: HashMap<usize, u32>,
    /// `w:lvlOverride/w:lvl`: levels this instance defines itself.
    levels: HashMap<usize, Level>,
}

#[derive(Debug, Default)]
struct ListDefs {
    abstracts: HashMap<String, HashMap<usize, Level>>,
    instances: HashMap<String, Instance>,
}

impl ListDefs {
    fn parse(root: Option<&Element>) -> ListDefs {
        let mut defs = ListDefs::default();
        for element in root.into_iter().flat_map(Element::elements) {
            if element.is("abstractNum") {
                let Some(id) = element.attr("abstractNumId") else {
                    continue;
                };
                defs.abstracts.insert(id.to_string(), levels_of(element));
            } else if element.is("num") {
                let (Some(id), Some(abstract_id)) =
                    (element.attr("numId"), element.val("abstractNumId"))
                else {
                    continue;
                };
                defs.instances
                    .insert(id.to_string(), instance_of(element, abstract_id));
            }
        }
        defs
    }

    fn level<'a>(&'a self, instance: &'a Instance, level: usize) -> Option<&'a Level> {
        let from_abstract = || self.abstracts.get(&instance.abstract_id)?.get(&level);
        instance.levels.get(&level).or_else(from_abstract)
    }

    /// The level of list `num_id` tied to a paragraph style, for a style
    /// whose numbering names no level.
    fn level_for_style(&self, num_id: &str, style: &str) -> Option<usize> {
        let instance = self.instances.get(num_id)?;
        (0..LEVELS).find(|&l| {
            self.level(instance, l)
                .is_some_and(|lvl| lvl.style.as_deref() == Some(style))
        })
    }

    /// The label of a level given the current counters: "II.", "1.2.", "a)".
    fn label(&self, instance: &Instance, level: usize, counters: &[Option<u32>; LEVELS]) -> String {
        let Some(this) = self.level(instance, level) else {
            return String::new();
        };
        if this.format == "bullet" {
            // The bullet glyph is often a private-use symbol-font character;
            // plans write bullets as "-", and "+" one level down.
            return if this.text.trim() == "+" { "+" } else { "-" }.to_string();
        }
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let slot = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|d| c == '%' && (1..=9).contains(d));
            let Some(slot) = slot else {
                out.push(c);
                continue;
            };
            chars.next();
            let k = slot as usize - 1;
            let other = self.level(instance, k);
            let value = counters[k].or(other.map(|l| l.start)).unwrap_or(1);
            let format = if this.legal {
                "decimal"
            } else {
                other.map_or("decimal", |l| l.format.as_str())
            };
            out.push_str(&format_number(value, format));
        }
        out.trim().to_string()
    }
}

fn levels_of(element: &Element) -> HashMap<usize, Level> {
    element
        .elements()
        .filter(|e| e.is("lvl"))
        .filter_map(|lvl| Some((parse_level(lvl.attr("ilvl")?)?, Level::parse(lvl))))
        .collect()
}

fn instance_of(num: &Element, abstract_id: &str) -> Instance {
    let mut instance = Instance {
        abstract_id: abstract_id.to_string(),
        start_overrides: HashMap::new(),
        levels: HashMap::new(),
    };
    for over in num.elements().filter(|e| e.is("lvlOverride")) {
        let Some(level) = over.attr("ilvl").and_then(parse_level) else {
            continue;
        };
        if let Some(start) = over
            .val("startOverride")
            .and_then(|s| s.trim().parse().ok())
        {
            instance.start_overrides.insert(level, start);
        }
        if let Some(lvl) = over.child("lvl") {
            instance.levels.insert(level, Level::parse(lvl));
        }
    }
    instance
}

/// Where each list has got to.
#[derive(Debug, Default)]
struct ListCounters {
    /// Kept per abstract definition, not per `w:num`: Word continues one
    /// list across the instances of a definition, and an instance restarts
    /// it only by a start override.
    by_list: HashMap<String, [Option<u32>; LEVELS]>,
    /// Instance levels whose start override has been applied: it applies
    /// once, where the instance is first used.
    restarted: HashSet<(String, usize)>,
}

impl ListCounters {
    /// Counts one more paragraph of list `num_id` at `level`, and gives
    /// its label; `None` when the list is not defined.
    fn next_label(&mut self, defs: &ListDefs, num_id: &str, level: usize) -> Option<String> {
        let instance = defs.instances.get(num_id)?;
        let start = defs.level(instance, level)?.start;
        let counters = self
            .by_list
            .entry(instance.abstract_id.clone())
            .or_insert([None; LEVELS]);
        let restart = instance
            .start_overrides
            .get(&level)
            .filter(|_| self.restarted.insert((num_id.to_string(), level)));
        counters[level] = Some(match (restart, counters[level]) {
            (Some(&start), _) => start,
            (None, Some(n)) => n.saturating_add(1),
            (None, None) => start,
        });
        // A new "II." starts its "1." again.
        counters[level + 1..].fill(None);
        Some(defs.label(instance, level, counters))
    }
}

fn format_number(n: u32, format: &str) -> String {
    match format {
        "upperRoman" => roman(n).unwrap_or_else(|| n.to_string()),
        "lowerRoman" => roman(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
        "upperLetter" => letters(n).map_or_else(|| n.to_string(), |l| l.to_uppercase()),
        "lowerLetter" => letters(n).unwrap_or_else(|| n.to_string()),
        "decimalZero" => format!("{n:02}"),
        "none" | "bullet" => String::new(),
        // decimal, and the formats plans do not use (ordinal words, other
        // scripts' digits), which read well enough as digits.
        _ => n.to_string(),
    }
}

/// Roman numerals as the renderer prints them; Word's range is 1–3999.
fn roman(n: u32) -> Option<String> {
    (1..4000).contains(&n).then(|| crate::format::roman(n))
}

/// Word's letters: a…z, then aa…zz, then aaa…. Bounded, so that a hostile
/// start value cannot ask for a huge label.
fn letters(n: u32) -> Option<String> {
    if !(1..=26 * 10).contains(&n) {
        return None;
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    Some(std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect())
}

// ---------------------------------------------------------------------------
// Inline content: runs to spans to marked-up text.

/// What the paragraphs' inline content is read against.
struct Context {
    styles: Styles,
    /// Footnote texts by `w:id`, markup dropped.
    footnotes: HashMap<String, String>,
    endnotes: HashMap<String, String>,
}

/// What the reading passed over, for the notes of the report.
#[derive(Debug, Default)]
struct Seen {
    text_boxes: usize,
    tracked_changes: bool,
}

impl Seen {
    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.text_boxes > 0 {
            notes.push(format!(
                "đã bỏ qua {} khung văn bản hoặc hình vẽ có chữ (text box): chữ trong đó không được đọc",
                self.text_boxes
            ));
        }
        if self.tracked_changes {
            notes.push(
                "tệp có theo dõi thay đổi (track changes): đã đọc như khi chấp nhận mọi thay đổi"
                    .to_string(),
            );
        }
        notes
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Emphasis {
    Plain,
    Bold,
    Italic,
    BoldItalic,
    /// Markup made here (a footnote), written as it is.
    Verbatim,
}

impl Emphasis {
    fn of(props: RunProps) -> Emphasis {
        match (props.bold == Some(true), props.italic == Some(true)) {
            (false, false) => Emphasis::Plain,
            (true, false) => Emphasis::Bold,
            (false, true) => Emphasis::Italic,
            (true, true) => Emphasis::BoldItalic,
        }
    }

    fn marker(self) -> &'static str {
        match self {
            Emphasis::Plain | Emphasis::Verbatim => "",
            Emphasis::Bold => "**",
            Emphasis::Italic => "*",
            Emphasis::BoldItalic => "***",
        }
    }
}

#[derive(Debug)]
struct Span {
    emphasis: Emphasis,
    text: String,
}

fn push_span(spans: &mut Vec<Span>, emphasis: Emphasis, text: String) {
    if !text.is_empty() {
        spans.push(Span { emphasis, text });
    }
}

/// The spans of a paragraph, `base` being what its style gives its runs.
fn paragraph_spans(context: &Context, p: &Element, base: RunProps, seen: &mut Seen) -> Vec<Span> {
    let mut spans = Vec::new();
    collect_inline(context, p, base, &mut spans, seen);
    spans
}

/// Collects the runs of a paragraph, or of an element that wraps runs.
fn collect_inline(
    context: &Context,
    container: &Element,
    base: RunProps,
    spans: &mut Vec<Span>,
    seen: &mut Seen,
) {
    for child in container.elements() {
        if !child.w {
            // mc:AlternateContent and the like, at paragraph level.
            seen.text_boxes += usize::from(has_text_box(child));
            continue;
        }
        match child.name.as_str() {
            "r" => collect_run(context, child, base, spans, seen),
            "ins" | "moveTo" => {
                seen.tracked_changes = true;
                collect_inline(context, child, base, spans, seen);
            }
            "del" | "moveFrom" => seen.tracked_changes = true,
            "hyperlink" | "smartTag" | "fldSimple" | "customXml" | "dir" | "bdo" => {
                collect_inline(context, child, base, spans, seen);
            }
            "sdt" => {
                if let Some(content) = child.child("sdtContent") {
                    collect_inline(context, content, base, spans, seen);
                }
            }
            // pPr, bookmarks, proofing marks, comments, equations.
            _ => {}
        }
    }
}

fn collect_run(
    context: &Context,
    r: &Element,
    base: RunProps,
    spans: &mut Vec<Span>,
    seen: &mut Seen,
) {
    let r_pr = r.child("rPr");
    let char_style = context.styles.run_props(r_pr.and_then(|p| p.val("rStyle")));
    let props = RunProps::of(r_pr).or(char_style).or(base);
    if props.hidden == Some(true) {
        return;
    }
    let emphasis = Emphasis::of(props);
    let mut text = String::new();
    for child in r.elements() {
        if !child.w {
            seen.text_boxes += usize::from(has_text_box(child));
            continue;
        }
        match child.name.as_str() {
            "t" if props.caps == Some(true) => text.push_str(&child.text().to_uppercase()),
            "t" => text.push_str(&child.text()),
            "tab" | "ptab" => text.push(' '),
            "br" | "cr" => text.push('\n'),
            "noBreakHyphen" => text.push('-'),
            "footnoteReference" | "endnoteReference" => {
                let notes = if child.name == "footnoteReference" {
                    &context.footnotes
                } else {
                    &context.endnotes
                };
                let note = child.attr("id").and_then(|id| notes.get(id));
                // An empty note would print as a bare footnote mark.
                if let Some(note) = note.filter(|note| !note.is_empty()) {
                    push_span(spans, emphasis, std::mem::take(&mut text));
                    push_span(spans, Emphasis::Verbatim, format!("^[{note}]"));
                }
            }
            "drawing" | "pict" | "object" => seen.text_boxes += usize::from(has_text_box(child)),
            // sym (a symbol-font glyph), softHyphen, field codes, deleted text.
            _ => {}
        }
    }
    push_span(spans, emphasis, text);
}

/// Whether a drawing or shape holds a text box with text in it.
fn has_text_box(element: &Element) -> bool {
    element.elements().any(|child| {
        if child.is("txbxContent") {
            has_text(child)
        } else {
            has_text_box(child)
        }
    })
}

fn has_text(element: &Element) -> bool {
    element
        .elements()
        .any(|child| (child.is("t") && !child.text().trim().is_empty()) || has_text(child))
}

/// Writes spans as plan text: `**bold**`, `*italic*`, `***both***`.
fn render(mut spans: Vec<Span>) -> String {
    absorb_blank_spans(&mut spans);
    let mut out = String::new();
    for span in merge_spans(spans) {
        write_span(&mut out, &span);
    }
    out
}

fn is_blank(span: &Span) -> bool {
    span.emphasis != Emphasis::Verbatim && span.text.trim().is_empty()
}

/// A run of spaces takes its neighbours' emphasis when they agree, so
/// that "**Nơi**", " ", "**nhận:**" make one span; otherwise it is plain.
/// Emphasis on spaces alone shows nothing, and would only split spans.
fn absorb_blank_spans(spans: &mut [Span]) {
    // The emphasis of the next non-blank span after each span.
    let mut after = vec![None; spans.len()];
    let mut next = None;
    for (i, span) in spans.iter().enumerate().rev() {
        after[i] = next;
        if !is_blank(span) {
            next = Some(span.emphasis);
        }
    }
    let mut before = None;
    for (span, after) in spans.iter_mut().zip(after) {
        if !is_blank(span) {
            before = Some(span.emphasis);
        } else {
            span.emphasis = before
                .filter(|&b| Some(b) == after)
                .unwrap_or(Emphasis::Plain);
        }
    }
}

/// Joins neighbouring spans of the same emphasis: Word splits text into
/// runs at every edit, and `**Nơi** **nhận**` would read badly.
fn merge_spans(spans: Vec<Span>) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if last.emphasis == span.emphasis => last.text.push_str(&span.text),
            _ => merged.push(span),
        }
    }
    merged
}

/// Writes one span, its surrounding spaces outside the markers: the
/// markup takes no emphasis that starts or ends with a space.
fn write_span(out: &mut String, span: &Span) {
    let marker = span.emphasis.marker();
    let core = span.text.trim();
    if marker.is_empty() || core.is_empty() {
        out.push_str(&span.text);
        return;
    }
    let lead = span.text.len() - span.text.trim_start().len();
    out.push_str(&span.text[..lead]);
    if out.ends_with('*') {
        out.push(WORD_JOINER);
    }
    out.push_str(marker);
    out.push_str(core);
    out.push_str(marker);
    out.push_str(&span.text[lead + core.len()..]);
}

/// The texts of footnotes or endnotes by id: paragraphs joined by a space,
/// formatting dropped (a note is set in one style).
fn note_texts(
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

// ---------------------------------------------------------------------------
// Blocks: paragraphs and tables in document order.

struct Walker<'a> {
    context: &'a Context,
    lists: &'a ListDefs,
    counters: ListCounters,
    /// Paragraphs met so far, empty ones included: what `at` counts.
    paragraphs: usize,
    pieces: Vec<Piece>,
    seen: Seen,
}

impl Walker<'_> {
    fn read_blocks(&mut self, container: &Element) {
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

    /// Counts a paragraph and gives its text, `None` when it is empty.
    fn read_paragraph(&mut self, p: &Element) -> Option<String> {
        self.paragraphs += 1;
        let p_pr = p.child("pPr");
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
    use std::io::Write;

    use zip::ZipWriter;
    use zip::write::SimpleFileOptions;

    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"#;

    const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"#;

    const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"#;

    /// A zip of these entries.
    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in entries {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(content).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// A .docx (one Word opens) with this body and these extra parts
    /// (`styles.xml`, `numbering.xml`, `footnotes.xml`, by their names in `word/`).
    fn docx(body: &str, parts: &[(&str, String)]) -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        );
        let mut entries: Vec<(String, Vec<u8>)> = vec![
            ("[Content_Types].xml".into(), CONTENT_TYPES.into()),
            ("_rels/.rels".into(), PACKAGE_RELS.into()),
            ("word/_rels/document.xml.rels".into(), DOCUMENT_RELS.into()),
            ("word/document.xml".into(), document.into_bytes()),
        ];
        for (name, xml) in parts {
            entries.push((format!("word/{name}"), xml.clone().into_bytes()));
        }
        let refs: Vec<(&str, &[u8])> = entries
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_slice()))
            .collect();
        zip_of(&refs)
    }

    fn part(root: &str, inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} xmlns:w="{W}">{inner}</w:{root}>"#
        )
    }

    /// A run: `fmt` holds "b" for bold and "i" for italic.
    fn r(text: &str, fmt: &str) -> String {
        let mut props = String::new();
        if fmt.contains('b') {
            props.push_str("<w:b/>");
        }
        if fmt.contains('i') {
            props.push_str("<w:i/>");
        }
        let props = if props.is_empty() {
            props
        } else {
            format!("<w:rPr>{props}</w:rPr>")
        };
        format!(r#"<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    fn p(runs: &str) -> String {
        format!("<w:p>{runs}</w:p>")
    }

    /// A paragraph of one plain run.
    fn pt(text: &str) -> String {
        p(&r(text, ""))
    }

    fn numbered(num_id: u32, level: u32, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>{}</w:p>"#,
            r(text, "")
        )
    }

    fn tc(paragraphs: &[String]) -> String {
        format!("<w:tc><w:tcPr/>{}</w:tc>", paragraphs.concat())
    }

    fn tbl(rows: &[Vec<String>]) -> String {
        let rows: String = rows
            .iter()
            .map(|cells| format!("<w:tr>{}</w:tr>", cells.concat()))
            .collect();
        format!("<w:tbl><w:tblPr/><w:tblGrid/>{rows}</w:tbl>")
    }

    fn text(at: usize, text: &str) -> Piece {
        Piece::Text {
            at,
            text: text.to_string(),
        }
    }

    fn table(at: usize, rows: &[&[&str]]) -> Piece {
        let rows = rows
            .iter()
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect();
        Piece::Table { at, rows }
    }

    fn read_ok(bytes: &[u8]) -> Source {
        read(bytes).unwrap_or_else(|e| panic!("read failed: {e}"))
    }

    /// A level of a list definition.
    fn lvl(level: u32, format: &str, text: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/></w:lvl>"#
        )
    }

    /// numbering.xml: list 1 is "I." / "1." / "a)", list 2 is bullets "-" then "+".
    fn plan_numbering() -> String {
        let sections = [
            lvl(0, "upperRoman", "%1."),
            lvl(1, "decimal", "%2."),
            lvl(2, "lowerLetter", "%3)"),
        ]
        .concat();
        let bullets = [lvl(0, "bullet", "\u{F0BE}"), lvl(1, "bullet", "+")].concat();
        part(
            "numbering",
            &format!(
                r#"<w:abstractNum w:abstractNumId="0">{sections}</w:abstractNum><w:abstractNum w:abstractNumId="1">{bullets}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#
            ),
        )
    }

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
    fn automatic_numbering_gives_labels() {
        let body = [
            numbered(1, 0, "MỤC ĐÍCH, YÊU CẦU"),
            numbered(1, 1, "Mục đích"),
            numbered(1, 1, "Yêu cầu"),
            numbered(1, 0, "NỘI DUNG"),
            numbered(1, 1, "Tổ chức phong trào thi đua"),
            numbered(1, 2, "Đối tượng"),
            numbered(1, 2, "Hình thức"),
            numbered(2, 0, "Sở Tư pháp;"),
            numbered(2, 1, "Phòng Tư pháp;"),
            numbered(1, 1, "Khen thưởng"),
            numbered(1, 2, "Cá nhân"),
        ]
        .concat();
        let source = read_ok(&docx(&body, &[("numbering.xml", plan_numbering())]));
        let texts: Vec<&str> = source
            .pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text { text, .. } => text.as_str(),
                Piece::Table { .. } => panic!("no table here"),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Mục đích",
                "2. Yêu cầu",
                "II. NỘI DUNG",
                "1. Tổ chức phong trào thi đua",
                "a) Đối tượng",
                "b) Hình thức",
                "- Sở Tư pháp;",
                "+ Phòng Tư pháp;",
                "2. Khen thưởng",
                "a) Cá nhân",
            ]
        );
    }

    #[test]
    fn numbering_through_styles_and_multilevel_text() {
        let numbering = part(
            "numbering",
            &format!(
                r#"<w:abstractNum w:abstractNumId="5">{}<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>"#,
                lvl(0, "decimal", "%1.")
            ),
        );
        let styles = part(
            "styles",
            r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>
               <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>"#,
        );
        let heading = |style: &str, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
                r(text, "")
            )
        };
        let body = [
            heading("Heading1", "Chỉ tiêu"),
            heading("Heading2", "Chỉ tiêu chung"),
            heading("Heading2", "Chỉ tiêu riêng"),
            // numId 0 turns the style's numbering off.
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Không số</w:t></w:r></w:p>"#.to_string(),
            heading("Heading1", "Tổ chức"),
        ]
        .concat();
        let source = read_ok(&docx(
            &body,
            &[("numbering.xml", numbering), ("styles.xml", styles)],
        ));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "1. **Chỉ tiêu**"),
                text(2, "1.1. Chỉ tiêu chung"),
                text(3, "1.2. Chỉ tiêu riêng"),
                text(4, "**Không số**"),
                text(5, "2. **Tổ chức**"),
            ]
        );
    }

    #[test]
    fn a_list_continues_across_instances_until_restarted() {
        // As Word does: numIds 1 and 2 share a definition, so 2 goes on
        // from 1; numId 3 restarts it with a start override.
        let numbering = part(
            "numbering",
            &format!(
                r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum>
                   <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
                   <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
                   <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
                lvl(0, "lowerLetter", "%1)")
            ),
        );
        let body = [
            numbered(1, 0, "một"),
            numbered(1, 0, "hai"),
            // An empty numbered paragraph still takes its number.
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>"#.to_string(),
            numbered(2, 0, "bốn"),
            numbered(3, 0, "lại một"),
            numbered(3, 0, "lại hai"),
            // An undefined list: no label, the text is kept.
            numbered(99, 0, "không có danh sách"),
        ]
        .concat();
        let source = read_ok(&docx(&body, &[("numbering.xml", numbering)]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "a) một"),
                text(2, "b) hai"),
                text(4, "d) bốn"),
                text(5, "a) lại một"),
                text(6, "b) lại hai"),
                text(7, "không có danh sách"),
            ]
        );
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
    fn bold_and_italic_runs() {
        let body = [
            // Mixed in one paragraph.
            p(&[
                r("Chủ đề ", ""),
                r("“Đoàn kết”", "b"),
                r(", ", ""),
                r("in nghiêng", "i"),
            ]
            .concat()),
            // Spaces stay outside the markers; runs of one format merge.
            p(&[
                r("Nơi", "b"),
                r(" ", ""),
                r("nhận: ", "b"),
                r("các đơn vị", ""),
            ]
            .concat()),
            p(&[r("Cả hai", "bi"), r(" và ", "b"), r("đậm", "b")].concat()),
            // w:val="0" and "false" switch it off.
            p(r#"<w:r><w:rPr><w:b w:val="0"/><w:i w:val="false"/></w:rPr><w:t>thường</w:t></w:r>"#),
            // Touching spans are kept apart by a word joiner.
            p(&[r("đậm", "b"), r("nghiêng", "i")].concat()),
            // The paragraph mark's formatting is not the text's.
            r#"<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>dấu đoạn</w:t></w:r></w:p>"#
                .to_string(),
        ]
        .concat();
        let source = read_ok(&docx(&body, &[]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "Chủ đề **“Đoàn kết”**, *in nghiêng*"),
                text(2, "**Nơi nhận:** các đơn vị"),
                text(3, "***Cả hai*** **và đậm**"),
                text(4, "thường"),
                text(5, "**đậm**\u{2060}*nghiêng*"),
                text(6, "dấu đoạn"),
            ]
        );
    }

    #[test]
    fn bold_from_styles() {
        let styles = part(
            "styles",
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
               <w:style w:type="paragraph" w:styleId="Base"><w:rPr><w:b/></w:rPr></w:style>
               <w:style w:type="paragraph" w:styleId="Title"><w:basedOn w:val="Base"/><w:rPr><w:caps/></w:rPr></w:style>
               <w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
               <w:style w:type="character" w:styleId="Emphasis"><w:rPr><w:i/></w:rPr></w:style>"#,
        );
        let body = [
            r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>kế hoạch</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>điều 1</w:t></w:r><w:r><w:t xml:space="preserve"> và </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t>phụ lục</w:t></w:r></w:p>"#,
            // A run can switch off what its paragraph style turns on.
            r#"<w:p><w:pPr><w:pStyle w:val="Base"/></w:pPr><w:r><w:t xml:space="preserve">Đậm </w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>thường</w:t></w:r></w:p>"#,
        ]
        .concat();
        let source = read_ok(&docx(&body, &[("styles.xml", styles)]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "**KẾ HOẠCH**"),
                text(2, "Xem **điều 1** và *phụ lục*"),
                text(3, "**Đậm** thường")
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
    fn special_characters_and_hidden_or_deleted_text() {
        let body = [
            r#"<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:softHyphen/></w:r></w:p>"#,
            r#"<w:p><w:r><w:t xml:space="preserve">Giữ </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>bỏ </w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>thêm</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>"#,
            r#"<w:p><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> &amp; &lt;x&gt; &#7871;</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            // A text box: skipped, and noted.
            r#"<w:p><w:r><w:t>Trước hình</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            // Equations and text in another namespace are not text.
            r#"<w:p><m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>x</m:t></m:r></m:oMath></w:p>"#,
        ]
        .concat();
        let source = read_ok(&docx(&body, &[]));
        assert_eq!(
            source.pieces,
            vec![
                text(1, "a b\nc-d"),
                text(2, "Giữ thêm"),
                text(3, "liên kết & <x> ế"),
                text(4, "3"),
                text(5, "Trước hình"),
            ]
        );
        assert_eq!(source.notes.len(), 2, "{:?}", source.notes);
        assert!(
            source.notes[0].contains("1 khung văn bản"),
            "{:?}",
            source.notes
        );
        assert!(
            source.notes[1].contains("track changes"),
            "{:?}",
            source.notes
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
    fn prefixes_other_than_w_work() {
        let document = format!(
            r#"<?xml version="1.0"?><x:document xmlns:x="{W}"><x:body><x:p><x:r><x:rPr><x:b/></x:rPr><x:t>Đậm</x:t></x:r></x:p></x:body></x:document>"#
        );
        let bytes = zip_of(&[("word/document.xml", document.as_bytes())]);
        assert_eq!(read_ok(&bytes).pieces, vec![text(1, "**Đậm**")]);
    }

    #[test]
    fn a_broken_optional_part_is_a_note() {
        let source = read_ok(&docx(
            &pt("Vẫn đọc được"),
            &[("styles.xml", "<w:styles".to_string())],
        ));
        assert_eq!(source.pieces, vec![text(1, "Vẫn đọc được")]);
        assert_eq!(source.notes.len(), 1);
        assert!(
            source.notes[0].contains("word/styles.xml"),
            "{:?}",
            source.notes
        );
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(1994, "lowerRoman"), "mcmxciv");
        assert_eq!(format_number(0, "upperRoman"), "0");
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(u32::MAX, "lowerLetter"), u32::MAX.to_string());
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(format_number(7, "vietnameseCounting"), "7");
    }

    // Robustness: every bad input is an Err, never a panic.

    fn err(bytes: &[u8]) -> String {
        match read(bytes) {
            Err(message) => message,
            Ok(source) => panic!("expected an error, got {source:?}"),
        }
    }

    #[test]
    fn not_a_zip() {
        assert_eq!(
            err(b"KE HOACH nam 2025"),
            "tệp không phải DOCX (không đọc được dạng nén zip)"
        );
        assert_eq!(
            err(b""),
            "tệp không phải DOCX (không đọc được dạng nén zip)"
        );
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert!(err(&ole).contains(".doc"));
    }

    #[test]
    fn zip_without_document() {
        let bytes = zip_of(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes())]);
        assert_eq!(err(&bytes), "tệp DOCX thiếu word/document.xml");
    }

    #[test]
    fn malformed_xml() {
        for xml in [
            "<w:document xmlns:w=\"x\"><w:body><w:p></w:body></w:document>".to_string(),
            format!("<w:document xmlns:w=\"{W}\"><w:body><w:p>"),
            format!(
                "<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p></w:body></w:document>"
            ),
            "không phải XML".to_string(),
            String::new(),
        ] {
            let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
            assert!(
                err(&bytes).starts_with("tệp DOCX hỏng: word/document.xml"),
                "{xml}: {}",
                err(&bytes)
            );
        }
        // Well-formed, but not a Word document.
        let bytes = zip_of(&[("word/document.xml", b"<html><body/></html>")]);
        assert!(err(&bytes).contains("w:body"));
        let bytes = zip_of(&[("word/document.xml", b"\xff\xfe<\x00")]);
        assert!(err(&bytes).contains("UTF-8"));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let depth = 100_000;
        let xml = format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
        let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
        assert!(err(&bytes).contains("quá sâu"));
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
    fn oversized_part_is_refused() {
        // Deflate packs this into about 50 kB: a small zip bomb.
        let huge = vec![b' '; MAX_PART_BYTES as usize + 1];
        let bytes = zip_of(&[("word/document.xml", &huge)]);
        assert!(bytes.len() < 1 << 20);
        assert!(err(&bytes).contains("quá lớn"));
    }

    #[test]
    fn damaged_files_never_panic() {
        let good = docx(
            &[
                numbered(1, 0, "MỤC ĐÍCH"),
                tbl(&[vec![tc(&[pt("a")]), tc(&[pt("b")])]]),
            ]
            .concat(),
            &[("numbering.xml", plan_numbering())],
        );
        assert!(read(&good).is_ok());
        // Truncations, and bytes changed by a small deterministic generator.
        for len in (0..good.len()).step_by(97) {
            let _ = read(&good[..len]);
        }
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..300 {
            let mut bytes = good.clone();
            for _ in 0..1 + next() % 8 {
                let i = (next() % bytes.len() as u64) as usize;
                bytes[i] = next() as u8;
            }
            let _ = read(&bytes);
        }
        // Random bytes that start like a zip.
        for _ in 0..100 {
            let mut bytes = b"PK\x03\x04".to_vec();
            bytes.extend((0..next() % 400).map(|_| next() as u8));
            let _ = read(&bytes);
        }
    }
}
