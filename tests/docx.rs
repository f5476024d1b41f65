//! The Word file of a plan (`render --docx`), measured in the package's
//! own XML as Word reads it: A4 and the PDF's margins, Times New Roman 14
//! named and not embedded, the header as a borderless table with rules of
//! the PDF's lengths, body paragraphs set as the PDF's, numbers as text,
//! header rows that repeat, real footnotes, page numbers from page 2,
//! appendices in sections of their own, the images, the document's
//! properties; the same bytes for the same plan. The round trip through
//! `import` is in `tests/import.rs`, other readers (LibreOffice, python-docx) in
//! `tests/docx_readers.rs`.

mod common;

use common::{MM, Probe, compile, load, root, sample};
use kehoach::view::Part;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

/// An element of a parsed part, with what it holds.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn parse(xml: &str) -> Node {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut stack = vec![Node::default()];
        let element = |e: &quick_xml::events::BytesStart| Node {
            name: e.name().into_inner().to_string(),
            attrs: e
                .attributes()
                .map(|a| {
                    let a = a.unwrap();
                    let value = a.normalized_value(XmlVersion::Implicit1_0).unwrap();
                    (a.key.into_inner().to_string(), value.into_owned())
                })
                .collect(),
            ..Node::default()
        };
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => stack.push(element(&e)),
                Event::Empty(e) => stack.last_mut().unwrap().children.push(element(&e)),
                Event::End(_) => {
                    let done = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(done);
                }
                Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => {
                    let c = resolve_predefined_entity(&r).expect("a predefined entity");
                    stack.last_mut().unwrap().text.push_str(c);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        stack.pop().unwrap()
    }

    fn all<'a>(&'a self, name: &str) -> Vec<&'a Node> {
        let mut out = Vec::new();
        self.collect(name, &mut out);
        out
    }

    fn collect<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            c.collect(name, out);
        }
    }

    fn first(&self, name: &str) -> &Node {
        self.all(name)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no {name} in {}", self.name))
    }

    fn has(&self, name: &str) -> bool {
        !self.all(name).is_empty()
    }

    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn num(&self, key: &str) -> f64 {
        self.attr(key)
            .unwrap_or_else(|| panic!("{} has no {key}", self.name))
            .parse()
            .unwrap()
    }

    /// The text of a paragraph (or anything holding runs).
    fn text(&self) -> String {
        self.all("w:t").iter().map(|t| t.text.as_str()).collect()
    }
}

struct Package {
    zip: zip::ZipArchive<std::io::Cursor<Vec<u8>>>,
}

impl Package {
    fn of(path: &std::path::Path) -> Package {
        Package::new(kehoach::docx::docx(&load(path), Part::All).unwrap())
    }

    fn new(bytes: Vec<u8>) -> Package {
        Package {
            zip: zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap(),
        }
    }

    fn part(&mut self, name: &str) -> Node {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut self.zip.by_name(name).unwrap(), &mut text).unwrap();
        Node::parse(&text)
    }

    fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .map(|n| n.unwrap().into_owned())
            .collect()
    }
}

fn full_path() -> std::path::PathBuf {
    root().join("tests/fixtures/full.json")
}

fn twips(mm: f64) -> f64 {
    (mm * 1440.0 / 25.4).round()
}

/// The paragraph whose text contains `needle`.
fn paragraph<'a>(body: &'a Node, needle: &str) -> &'a Node {
    body.all("w:p")
        .into_iter()
        .find(|p| p.text().contains(needle) && !p.has("w:p"))
        .unwrap_or_else(|| panic!("no paragraph with {needle:?}"))
}

/// The paragraph right after the one whose text contains `needle`.
fn paragraph_after<'a>(body: &'a Node, needle: &str) -> &'a Node {
    let all = body.all("w:p");
    let i = all
        .iter()
        .position(|p| p.text().contains(needle))
        .unwrap_or_else(|| panic!("no paragraph with {needle:?}"));
    all[i + 1]
}

/// The styles of a package, to read a paragraph or a run as Word shows
/// it: its own properties, else its style's, else those the style is
/// based on, else the document's defaults.
struct Styles(Node);

impl Styles {
    fn of(docx: &mut Package) -> Styles {
        Styles(docx.part("word/styles.xml"))
    }

    /// The paragraph style's chain, from the style itself to Normal.
    fn chain(&self, p: &Node) -> Vec<&Node> {
        let own = p
            .all("w:pStyle")
            .first()
            .and_then(|s| s.attr("w:val"))
            .unwrap_or("Normal")
            .to_owned();
        let mut chain = Vec::new();
        let mut id = Some(own);
        while let Some(current) = id {
            let style = self
                .0
                .all("w:style")
                .into_iter()
                .find(|s| s.attr("w:styleId") == Some(current.as_str()))
                .unwrap_or_else(|| panic!("no style {current}"));
            chain.push(style);
            id = style
                .children
                .iter()
                .find(|c| c.name == "w:basedOn")
                .and_then(|b| b.attr("w:val"))
                .map(str::to_owned);
        }
        chain
    }

    /// The paragraph property `name` as it applies to `p`, if any does.
    fn find<'a>(&'a self, p: &'a Node, name: &str) -> Option<&'a Node> {
        let own = p.children.iter().find(|c| c.name == "w:pPr");
        own.into_iter()
            .chain(
                self.chain(p)
                    .into_iter()
                    .filter_map(|s| s.children.iter().find(|c| c.name == "w:pPr")),
            )
            .find_map(|props| props.children.iter().find(|c| c.name == name))
    }

    /// The paragraph property `name` as it applies to `p`.
    fn prop<'a>(&'a self, p: &'a Node, name: &str) -> &'a Node {
        self.find(p, name)
            .unwrap_or_else(|| panic!("no {name} for the paragraph"))
    }

    /// Whether an on/off paragraph property applies to `p`.
    fn on(&self, p: &Node, name: &str) -> bool {
        self.find(p, name)
            .is_some_and(|n| n.attr("w:val") != Some("0"))
    }

    /// The size in points of a run of `p`, and whether it is bold and
    /// italic.
    fn run_look(&self, p: &Node, run: &Node) -> (f64, bool, bool) {
        let defaults = self.0.first("w:rPrDefault");
        let mut look = (defaults.first("w:sz").num("w:val") / 2.0, false, false);
        let mut layers: Vec<&Node> = self
            .chain(p)
            .into_iter()
            .rev()
            .filter_map(|s| s.children.iter().find(|c| c.name == "w:rPr"))
            .collect();
        layers.extend(run.children.iter().find(|c| c.name == "w:rPr"));
        let switch = |n: &Node| n.attr("w:val") != Some("0");
        for props in layers {
            for c in &props.children {
                match c.name.as_str() {
                    "w:sz" => look.0 = c.num("w:val") / 2.0,
                    "w:b" => look.1 = switch(c),
                    "w:i" => look.2 = switch(c),
                    _ => {}
                }
            }
        }
        look
    }

    /// The look of the first run with text of `p`.
    fn look(&self, p: &Node) -> (f64, bool, bool) {
        self.run_look(p, first_run(p))
    }
}

fn first_run<'a>(p: &'a Node) -> &'a Node {
    p.all("w:r")
        .into_iter()
        .find(|r| r.has("w:t"))
        .expect("a run with text")
}

/// The length in points of a rule drawn as a paragraph's bottom border:
/// the cell's (or page's) text width less the paragraph's indents.
fn rule_length(p: &Node, width_twips: f64) -> f64 {
    assert!(p.first("w:pBdr").has("w:bottom"), "a bottom border");
    let ind = p.first("w:ind");
    (width_twips - ind.num("w:left") - ind.num("w:right")) / 20.0
}

#[test]
fn r_page_r_margin_r_font_a4_the_pdfs_margins_and_times_new_roman_named() {
    let mut docx = Package::of(&full_path());
    let document = docx.part("word/document.xml");
    let sections = document.all("w:sectPr");
    assert!(
        sections.len() >= 3,
        "the plan, the landscape table, the appendices"
    );
    for s in &sections {
        let size = s.first("w:pgSz");
        let (w, h) = (size.num("w:w"), size.num("w:h"));
        let landscape = size.attr("w:orient") == Some("landscape");
        let (short, long) = if landscape { (h, w) } else { (w, h) };
        assert_eq!((short, long), (11906.0, 16838.0), "A4");
        let m = s.first("w:pgMar");
        // 20 mm, less the 4.7 pt Word's first line of a page sets its
        // text lower than the PDF's: the text stands where the PDF's does
        // (measured in `tests/docx_readers.rs`).
        assert_eq!(m.num("w:top"), twips(20.0) - 4.7 * 20.0);
        assert_eq!(m.num("w:bottom"), twips(20.0));
        assert_eq!(m.num("w:left"), twips(30.0));
        assert_eq!(m.num("w:right"), twips(15.0));
    }
    let styles = docx.part("word/styles.xml");
    let defaults = styles.first("w:rPrDefault");
    assert_eq!(
        defaults.first("w:rFonts").attr("w:ascii"),
        Some("Times New Roman")
    );
    assert_eq!(defaults.first("w:sz").num("w:val"), 28.0, "14 pt");
    assert!(
        !docx.names().iter().any(|n| n.starts_with("word/fonts/")),
        "the font is named, not embedded"
    );
}

#[test]
fn r_qh_r_tn_r_cq_the_header_is_a_borderless_table_with_the_pdfs_rules() {
    let path = full_path();
    let mut docx = Package::of(&path);
    let document = docx.part("word/document.xml");
    let styles = Styles::of(&mut docx);
    let header = document.first("w:tbl");
    for border in header.first("w:tblBorders").children.iter() {
        assert_eq!(border.attr("w:val"), Some("nil"), "{}", border.name);
    }
    let cols: Vec<f64> = header
        .all("w:gridCol")
        .iter()
        .map(|c| c.num("w:w"))
        .collect();
    assert_eq!(cols, [twips(67.5), twips(100.0)], "Mẫu 1.4's columns");
    let padding = header.first("w:tblCellMar").first("w:left").num("w:w");

    let national = paragraph(header, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(styles.look(national), (12.0, true, false));
    let motto = paragraph(header, "Độc lập - Tự do - Hạnh phúc");
    assert_eq!(styles.look(motto), (13.0, true, false));
    assert!(
        !header.text().contains('_'),
        "rules are borders, not underscores"
    );

    // The rules are as long as the PDF's, measured on its pages.
    let pdf = Probe::new(&compile(&path));
    let under = |needle: &str| {
        let line = pdf.line(0, needle);
        pdf.rule_below(&line, 12.0)
            .expect("a rule in the PDF")
            .length()
    };
    let motto_rule = rule_length(paragraph_after(header, "Độc lập"), cols[1] - 2.0 * padding);
    assert!(
        (motto_rule - under("Độc lập")).abs() < 1.0,
        "tiêu ngữ rule {motto_rule:.1} pt, PDF {:.1} pt",
        under("Độc lập")
    );
    let issuer_rule = rule_length(
        paragraph_after(header, "TỈNH LẠNG SƠN"),
        cols[0] - 2.0 * padding,
    );
    assert!(
        (issuer_rule - under("TỈNH LẠNG SƠN")).abs() < 1.0,
        "issuer rule {issuer_rule:.1} pt, PDF {:.1} pt",
        under("TỈNH LẠNG SƠN")
    );

    let number = paragraph(header, "Số:");
    assert_eq!(number.text(), "Số: 05/KH-UBND");
    assert_eq!(styles.look(number), (13.0, false, false));
    let date = paragraph(header, "ngày");
    assert_eq!(date.text(), "Lạng Sơn, ngày 05 tháng 01 năm 2026");
    assert_eq!(styles.look(date), (14.0, false, true));
    let urgent = paragraph(header, "KHẨN");
    assert_eq!(urgent.first("w:pBdr").children.len(), 4, "boxed");
    assert_eq!(urgent.first("w:color").attr("w:val"), Some("E00000"));
}

#[test]
fn r_title_kind_trich_yeu_and_a_rule_of_its_length() {
    let path = full_path();
    let mut docx = Package::of(&path);
    let document = docx.part("word/document.xml");
    let styles = Styles::of(&mut docx);
    let kind = paragraph(&document, "KẾ HOẠCH");
    assert_eq!(styles.prop(kind, "w:jc").attr("w:val"), Some("center"));
    assert_eq!(styles.look(kind), (14.0, true, false));
    let title = paragraph(&document, "Triển khai công tác pháp chế năm 2026");
    assert_eq!(styles.look(title), (14.0, true, false));
    let pdf = Probe::new(&compile(&path));
    let line = pdf.line(0, "Triển khai công tác pháp chế");
    let subtitle = pdf.line(0, "Kèm theo Quyết định");
    let pdf_rule = pdf.rule_below(&subtitle, 20.0).expect("the PDF's rule");
    let rule = rule_length(
        paragraph_after(&document, "Kèm theo Quyết định"),
        twips(165.0),
    );
    assert!(
        (rule - pdf_rule.length()).abs() < 1.0,
        "{rule:.1} pt for {:.1} pt of trích yếu; PDF {:.1} pt",
        line.width(),
        pdf_rule.length()
    );
}

#[test]
fn r_body_paragraphs_as_the_pdf_sets_them_numbers_as_text() {
    let mut docx = Package::of(&sample("004"));
    let document = docx.part("word/document.xml");
    let styles = Styles::of(&mut docx);
    assert!(!document.has("w:numPr"), "no automatic numbering");
    let heading = paragraph(&document, "I. MỤC ĐÍCH, YÊU CẦU");
    assert!(styles.look(heading).1, "mục in bold");
    assert!(styles.on(heading, "w:keepNext"), "kept with what follows");
    let khoan = paragraph_after(&document, "I. MỤC ĐÍCH, YÊU CẦU");
    assert_eq!(khoan.text(), "1. Mục đích");
    let body = paragraph(&document, "- “Biến khẩu hiệu thành hành động");
    assert_eq!(
        styles.prop(body, "w:jc").attr("w:val"),
        Some("both"),
        "justified"
    );
    assert_eq!(
        styles.prop(body, "w:ind").num("w:firstLine"),
        twips(10.0),
        "1 cm"
    );
    let spacing = styles.prop(body, "w:spacing");
    assert_eq!(spacing.num("w:after"), 120.0, "6 pt after");
    assert_eq!(
        (spacing.num("w:line"), spacing.attr("w:lineRule")),
        (350.0, Some("atLeast")),
        "lines 17.5 pt apart, as the PDF's 1.25 em"
    );
    assert_eq!(styles.look(body), (14.0, false, false));
}

#[test]
fn tables_repeat_their_header_rows_and_take_the_columns_widths() {
    let mut docx = Package::of(&full_path());
    let document = docx.part("word/document.xml");
    let styles = Styles::of(&mut docx);
    let tables = document.all("w:tbl");
    let ruled: Vec<&&Node> = tables
        .iter()
        .filter(|t| t.first("w:tblBorders").first("w:top").attr("w:val") == Some("single"))
        .collect();
    assert_eq!(ruled.len(), 3, "two tables in the body, one task table");
    for t in &ruled {
        let first = t.first("w:tr");
        assert!(first.has("w:tblHeader"), "the header row repeats");
        assert!(styles.look(first.first("w:p")).1, "header cells in bold");
    }
    // Bảng 1: 1.2 cm, 3 shares, 20 % of 165 mm.
    let cols: Vec<f64> = ruled[0]
        .all("w:gridCol")
        .iter()
        .map(|c| c.num("w:w"))
        .collect();
    assert_eq!(cols, [twips(12.0), twips(165.0 - 12.0 - 33.0), twips(33.0)]);
    let bold = paragraph(ruled[0], "Văn bản được thẩm định");
    assert!(
        bold.all("w:r")
            .iter()
            .any(|r| styles.run_look(bold, r).1 && r.text() == "thẩm định")
    );
}

#[test]
fn footnotes_are_word_footnotes() {
    let mut docx = Package::of(&sample("005"));
    let document = docx.part("word/document.xml");
    let references = document.all("w:footnoteReference");
    let notes = docx.part("word/footnotes.xml");
    let own: Vec<&Node> = notes
        .all("w:footnote")
        .into_iter()
        .filter(|n| n.attr("w:type").is_none())
        .collect();
    let plan = std::fs::read_to_string(sample("005")).unwrap();
    assert_eq!(references.len(), plan.matches("^[").count());
    assert_eq!(own.len(), references.len());
    for (r, n) in references.iter().zip(&own) {
        assert_eq!(r.attr("w:id"), n.attr("w:id"));
        assert!(n.has("w:footnoteRef") && n.text().trim().len() > 10);
    }
}

#[test]
fn r_pageno_page_numbers_from_page_two_of_each_part() {
    let mut docx = Package::of(&full_path());
    let numbered = docx.part("word/header1.xml");
    assert_eq!(
        numbered.first("w:fldSimple").attr("w:instr").map(str::trim),
        Some("PAGE")
    );
    let blank = docx.part("word/header2.xml");
    assert!(!blank.has("w:fldSimple"));
    let document = docx.part("word/document.xml");
    let sections = document.all("w:sectPr");
    // The plan and each appendix start again at 1, their first page blank.
    let parts: Vec<&&Node> = sections.iter().filter(|s| s.has("w:pgNumType")).collect();
    assert_eq!(parts.len(), 3, "the plan and its two appendices");
    for s in &parts {
        assert!(s.has("w:titlePg"));
        assert_eq!(s.first("w:pgNumType").attr("w:start"), Some("1"));
        let first = s
            .all("w:headerReference")
            .into_iter()
            .find(|h| h.attr("w:type") == Some("first"))
            .expect("a first-page header");
        assert_eq!(first.attr("r:id"), Some("rIdHeaderBlank"));
    }
    // The landscape appendix, and the landscape table in the body between
    // two portrait sections that go on numbering.
    let orientation: Vec<bool> = sections
        .iter()
        .map(|s| s.first("w:pgSz").attr("w:orient") == Some("landscape"))
        .collect();
    assert_eq!(orientation, [false, true, false, false, true]);
}

#[test]
fn r_noinhan_r_signer_the_closing_block_with_its_images() {
    let mut docx = Package::of(&full_path());
    let document = docx.part("word/document.xml");
    let styles = Styles::of(&mut docx);
    let closing = document
        .all("w:tbl")
        .into_iter()
        .find(|t| t.text().contains("Nơi nhận:"))
        .expect("the closing table");
    assert!(closing.first("w:tr").has("w:cantSplit"), "kept on one page");
    assert_eq!(
        styles.look(paragraph(closing, "Nơi nhận:")),
        (12.0, true, true)
    );
    let entry = paragraph(closing, "Bộ Tư pháp (báo cáo);");
    assert_eq!(entry.text(), "- Bộ Tư pháp (báo cáo);");
    assert_eq!(styles.look(entry).0, 11.0);
    assert_eq!(paragraph(closing, "Lưu:").text(), "- Lưu: VT, NC.");
    for line in [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn An",
    ] {
        assert_eq!(styles.look(paragraph(closing, line)), (14.0, true, false));
    }
    // Both behind the signer's lines, the seal over the signature; the
    // signature fitted in 60 × 20 mm. Where LibreOffice puts them is
    // measured in `tests/docx_readers.rs`.
    let anchors = closing.all("wp:anchor");
    let named = |name: &str| {
        *anchors
            .iter()
            .find(|a| a.first("wp:docPr").attr("name") == Some(name))
            .unwrap_or_else(|| panic!("no image {name}"))
    };
    let (signature, seal) = (named("Chữ ký"), named("Dấu"));
    let extent = signature.first("wp:extent");
    let (w, h) = (extent.num("cx") / 36_000.0, extent.num("cy") / 36_000.0);
    assert!(
        w <= 60.01 && h <= 20.01 && (w > 59.9 || h > 19.9),
        "{w}×{h} mm"
    );
    for image in [signature, seal] {
        assert_eq!(image.attr("behindDoc"), Some("1"));
    }
    assert!(seal.num("relativeHeight") > signature.num("relativeHeight"));
    assert!(seal.first("wp:extent").num("cx") / 36_000.0 <= 36.01);
    let names = docx.names();
    assert!(names.contains(&"word/media/signature.png".into()));
    assert!(names.contains(&"word/media/seal.png".into()));
}

#[test]
fn blank_number_and_date_stay_blank() {
    let path = sample("004");
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    plan["number"] = serde_json::Value::Null;
    plan["date"] = serde_json::Value::Null;
    plan["year"] = 2026.into();
    let loaded = kehoach::load::load_str(&plan.to_string(), "x.json", &root()).unwrap();
    let mut docx = Package::new(kehoach::docx::docx(&loaded, Part::All).unwrap());
    let document = docx.part("word/document.xml");
    let number = paragraph(&document, "Số:").text();
    assert!(
        number.starts_with("Số:  ")
            && number.ends_with("/KH-STP")
            && !number.chars().any(|c| c.is_ascii_digit()),
        "{number:?}"
    );
    let date = paragraph(&document, "tháng").text();
    assert!(
        date.contains("ngày    ") && date.ends_with("năm 2026"),
        "{date:?}"
    );
}

#[test]
fn properties_name_the_plan_and_its_issuer() {
    let mut docx = Package::of(&full_path());
    let core = docx.part("docProps/core.xml");
    assert_eq!(
        core.first("dc:title").text,
        "Triển khai công tác pháp chế năm 2026"
    );
    assert_eq!(
        core.first("dc:creator").text,
        "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    );
}

#[test]
fn the_same_plan_gives_the_same_bytes() {
    let plan = load(&sample("005"));
    let once = kehoach::docx::docx(&plan, Part::All).unwrap();
    let again = kehoach::docx::docx(&plan, Part::All).unwrap();
    assert!(once == again, "two writes of one plan differ");
    // Each part alone holds only its own pages.
    let mut decision = Package::new(kehoach::docx::docx(&plan, Part::Decision).unwrap());
    let text = decision.part("word/document.xml").text();
    assert!(text.contains("QUYẾT ĐỊNH") && !text.contains("KẾ HOẠCH\n"));
    let mut attached = Package::new(kehoach::docx::docx(&plan, Part::Plan).unwrap());
    let document = attached.part("word/document.xml");
    assert!(!document.text().contains("Nơi nhận:"), "the decision signs");
    assert!(document.text().contains("(Kèm theo Quyết định số"));
    let _ = MM;
}
