//! The PDF reader of `kehoach import`: a text layer that gives other
//! letters than the page shows is refused, naming its pages; Word's symbol
//! bullets become list items; kehoach's own footnotes go back to their
//! marks; a PDF and its `pdftotext -layout` text read the same.
//!
//! The PDFs with a garbled text layer or Word's bullets are built here with
//! lopdf: a font whose text layer gives each code as the character of that
//! code point, drawing either the words or what a rewritten font's text
//! layer gives for them.

mod common;

use std::path::Path;

use common::shared::corpus_dir;
use common::{compile_str, engine, load, sample};
use kehoach::import::{Imported, import_bytes, import_file};
use lopdf::{Document, Object, Stream, dictionary};
use serde_json::Value;

/// A line: runs of text on one baseline, each drawn at `x` points from
/// the left.
type Line = Vec<(f64, String)>;

/// A PDF of A4 pages, each a list of lines (runs on one baseline), drawn
/// at 13 pt with a font of widths 0.5 em whose ToUnicode map gives every
/// code (two bytes) as the character of that code point.
fn pdf(pages: &[Vec<Line>]) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut codes: Vec<u32> = pages
        .iter()
        .flatten()
        .flatten()
        .flat_map(|(_, text)| text.chars().map(|c| c as u32))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    for chunk in codes.chunks(100) {
        cmap += &format!("{} beginbfchar\n", chunk.len());
        for code in chunk {
            cmap += &format!("<{code:04X}> <{code:04X}>\n");
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap CMapName currentdict /CMap defineresource pop end end\n";
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor", "FontName" => "TestSerif", "Flags" => 32,
        "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 900.into()],
        "ItalicAngle" => 0, "Ascent" => 900, "Descent" => -200, "CapHeight" => 700,
        "StemV" => 80,
    });
    // Widths in the `c_first c_last w` form, as typst writes them.
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "TestSerif",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0,
        },
        "FontDescriptor" => descriptor, "DW" => 500,
        "W" => vec![0.into(), 4095.into(), 500.into()],
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "TestSerif",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![cid_font.into()],
        "ToUnicode" => to_unicode,
    });
    let mut kids = Vec::new();
    for lines in pages {
        let mut content = String::new();
        for (i, line) in lines.iter().enumerate() {
            let y = 780.0 - 18.0 * i as f64;
            for (x, text) in line {
                let hex: String = text.chars().map(|c| format!("{:04X}", c as u32)).collect();
                content += &format!("BT /F1 13 Tf 1 0 0 1 {x} {y} Tm <{hex}> Tj ET\n");
            }
        }
        let contents = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => contents,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Count" => count, "Kids" => kids }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// A page of plain lines from the left margin.
fn page(lines: impl IntoIterator<Item = String>) -> Vec<Line> {
    lines.into_iter().map(|l| vec![(72.0, l)]).collect()
}

/// What the text layer of a signing tool's rewritten font gives for
/// `text`: each glyph's number in the font read as a code point, the
/// letters of Latin text 29 below their own (`S` → `6`, a space → U+0003)
/// and Vietnamese letters somewhere in Cyrillic (`Ở` → `Ӣ`), as on the
/// page that gave `6Ӣ CÔNG 7+ѬѪ1*` for `SỞ CÔNG THƯƠNG`.
fn garble(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            code @ 0x20..=0x7e => char::from_u32(code - 29).unwrap(),
            code => char::from_u32(0x400 + code % 0x100).unwrap(),
        })
        .collect()
}

/// The body of a plan, in lines of about 60 characters: 45 words a page.
const BODY: [&str; 6] = [
    "Thực hiện kế hoạch của Ủy ban nhân dân tỉnh về công tác",
    "thi đua, khen thưởng năm nay, Sở Công Thương xây dựng kế",
    "hoạch triển khai các nhiệm vụ trọng tâm như sau để các",
    "phòng, đơn vị thuộc Sở tổ chức thực hiện nghiêm túc, đúng",
    "tiến độ và báo cáo kết quả về Văn phòng Sở trước ngày mười",
    "lăm hằng tháng; các phòng chủ động phối hợp thực hiện.",
];

fn readable_page() -> Vec<Line> {
    page(BODY.map(str::to_owned))
}

fn garbled_page() -> Vec<Line> {
    page(BODY.map(garble))
}

fn refusal(pdf: &[u8]) -> String {
    import_bytes(pdf, "pdf", "ky-so.pdf")
        .map(|_| "imported".to_owned())
        .unwrap_or_else(|e| e.to_string())
}

/// A text layer whose every page gives nonsense is refused, as a scan is,
/// saying which pages and why.
#[test]
fn a_garbled_text_layer_is_refused_naming_its_pages() {
    let message = refusal(&pdf(&vec![garbled_page(); 4]));
    assert_eq!(
        message,
        "ky-so.pdf: lớp chữ của tệp PDF không đọc được (trang 1–4: chữ bị mã \
         hóa sai, có thể do phần mềm ký số): hãy nhập tệp Word gốc hoặc bản PDF khác"
    );
}

/// A readable page among garbled ones: only the garbled pages are named,
/// and the document is refused, most of its text being nonsense.
#[test]
fn a_readable_page_among_garbled_ones_is_not_named() {
    let pages = [
        readable_page(),
        garbled_page(),
        garbled_page(),
        garbled_page(),
    ];
    let message = refusal(&pdf(&pages));
    assert!(
        message.contains("(trang 2–4: chữ bị mã hóa sai"),
        "{message}"
    );
}

/// One garbled page among readable ones: the document is read, the
/// garbled page's text left out and named in the report.
#[test]
fn a_garbled_page_among_readable_ones_is_left_out_and_named() {
    let pages = [
        readable_page(),
        readable_page(),
        garbled_page(),
        readable_page(),
    ];
    let imported = import_bytes(&pdf(&pages), "pdf", "ky-so.pdf").unwrap();
    let notes = imported.report.notes.join("\n");
    assert!(
        notes.contains("bỏ chữ của trang 3: chữ bị mã hóa sai, có thể do phần mềm ký số"),
        "{notes}"
    );
    assert!(imported.json.contains("Sở Công Thương"));
    let cyrillic = |c: &char| ('\u{400}'..='\u{4ff}').contains(c);
    assert!(
        !imported.json.chars().any(|c| cyrillic(&c)),
        "{}",
        imported.json
    );
}

/// Word's bullets as a born-digital PDF's text layer gives them (Symbol's
/// `U+F0B7`, Wingdings' `U+F0A7` and `U+F076`), beside their text or a tab
/// away, are list items; another symbol font glyph is dropped and named in
/// the report; the plan renders.
#[test]
fn word_bullets_are_list_items_and_the_plan_renders() {
    let lines: Vec<Line> = [
        vec![(72.0, "SỞ CÔNG THƯƠNG")],
        vec![(250.0, "KẾ HOẠCH")],
        vec![(150.0, "Kiểm tra an toàn thực phẩm năm 2026")],
        vec![(72.0, "I. MỤC ĐÍCH, YÊU CẦU")],
        vec![(72.0, "Các phòng chuyên môn thực hiện các việc sau:")],
        vec![(90.0, "\u{f0b7}"), (110.0, "Rà soát hồ sơ của các cơ sở;")],
        vec![(90.0, "\u{f0a7} Kiểm tra thực tế tại cơ sở;")],
        vec![(90.0, "\u{f076}"), (110.0, "Báo cáo kết quả về Sở.")],
        vec![(
            72.0,
            "Hồ sơ gửi về Văn phòng Sở \u{f0e0} trước ngày 15 hằng tháng.",
        )],
    ]
    .map(|runs| runs.into_iter().map(|(x, t)| (x, t.to_owned())).collect())
    .into();
    let imported = import_bytes(&pdf(&[lines]), "pdf", "bullets.pdf").unwrap();
    let plan: Value = serde_json::from_str(&imported.json).unwrap();
    let section = &plan["sections"][0];
    assert_eq!(
        section["content"][1]["list"],
        serde_json::json!([
            "Rà soát hồ sơ của các cơ sở;",
            "Kiểm tra thực tế tại cơ sở;",
            "Báo cáo kết quả về Sở."
        ]),
        "{section:#}"
    );
    assert!(
        imported
            .json
            .contains("Hồ sơ gửi về Văn phòng Sở trước ngày 15"),
        "{}",
        imported.json
    );
    assert!(
        !imported
            .json
            .chars()
            .any(|c| ('\u{e000}'..='\u{f8ff}').contains(&c))
    );
    let notes = imported.report.notes.join("\n");
    assert!(
        notes.contains("ký tự riêng của phông chữ (U+F0E0)"),
        "{notes}"
    );
    compile_str(&imported.json);
}

/// Every `^[…]` of a plan's strings, with the word it follows.
fn notes_at_marks(json: &str) -> Vec<String> {
    let plan: Value = serde_json::from_str(json).unwrap();
    let mut out = Vec::new();
    strings(&plan, &mut |s| {
        let words: Vec<&str> = s.split_whitespace().collect();
        if s.contains("^[") {
            out.push(words.join(" "));
        }
    });
    out
}

fn strings(value: &Value, f: &mut impl FnMut(&str)) {
    match value {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter().for_each(|v| strings(v, f)),
        Value::Object(map) => map.values().for_each(|v| strings(v, f)),
        _ => {}
    }
}

/// Samples 003 (one footnote) and 005 (four), rendered by kehoach: each
/// footnote comes back at its mark, with the sample's text, in a paragraph
/// the same as the sample's — not left where the page ended, splitting the
/// task or paragraph the page break ran through.
#[test]
fn kehoach_footnotes_return_to_their_marks() {
    for (prefix, count) in [("003", 1), ("005", 4)] {
        let path = sample(prefix);
        let compiled = engine().compile(&load(&path)).unwrap();
        let pdf = kehoach::export::pdf(&compiled, &[]).unwrap();
        let imported = import_bytes(&pdf, "pdf", "mau.pdf").unwrap();
        let sample_json = std::fs::read_to_string(&path).unwrap();
        let want = notes_at_marks(&sample_json);
        assert_eq!(want.len(), count, "{prefix}");
        assert_eq!(notes_at_marks(&imported.json), want, "{prefix}");
        // The section tree and the tasks (the ending is the round trip's
        // of `tests/import.rs`).
        let shape = |json: &str| -> Vec<String> {
            let plan: Value = serde_json::from_str(json).unwrap();
            common::shape::shape(&plan)
                .into_iter()
                .filter(|l| {
                    !["nơi nhận ", "lưu ", "ký "]
                        .iter()
                        .any(|e| l.starts_with(e))
                })
                .collect()
        };
        assert_eq!(shape(&imported.json), shape(&sample_json), "{prefix}");
    }
}

/// Every PDF of the corpus with its `pdftotext -layout` text beside it:
/// the two import to the same header, signer, nơi nhận, decision and
/// number of mục. The signed PDF of file 10 stamps its số, day and month
/// in signature widgets' appearances, which the page shows and
/// `pdftotext` reads: the PDF reader reads them too.
#[test]
fn a_pdf_and_its_text_import_alike() {
    let Some(dir) = corpus_dir() else {
        return;
    };
    let mut pairs = 0;
    for sub in ["", "more"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        let mut pdfs: Vec<_> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .filter(|p| p.with_extension("txt").is_file())
            .collect();
        pdfs.sort();
        for pdf in pdfs {
            pairs += compare_pair(&pdf) as usize;
        }
    }
    assert!(pairs >= 2, "corpus 10 and more/01 are such pairs");
}

/// Whether the pair was compared: a scan's text file holds the signing
/// stamp's text only, and the scan is refused.
fn compare_pair(pdf: &Path) -> bool {
    let name = pdf.file_name().unwrap().to_string_lossy().into_owned();
    let from_pdf = match import_file(pdf) {
        Ok(imported) => imported,
        Err(e) if e.to_string().contains("bản quét") => {
            eprintln!("{name}: a scan, its text file only the stamp's: not compared");
            return false;
        }
        Err(e) => panic!("{name}: {e}"),
    };
    let from_text = import_file(&pdf.with_extension("txt")).unwrap_or_else(|e| panic!("{e}"));
    let fields = |imported: &Imported| -> Vec<(&'static str, Value)> {
        let plan: Value = serde_json::from_str(&imported.json).unwrap();
        let mut out: Vec<(&str, Value)> = [
            "issuer",
            "number",
            "symbol",
            "place",
            "date",
            "title",
            "signer",
            "recipients",
            "archive",
            "decision",
        ]
        .into_iter()
        .map(|f| (f, plan[f].clone()))
        .collect();
        let sections = plan["sections"].as_array().map_or(0, Vec::len);
        out.push(("sections", sections.into()));
        out
    };
    let (a, b) = (fields(&from_pdf), fields(&from_text));
    for ((field, got), (_, want)) in a.iter().zip(&b) {
        assert_eq!(got, want, "{name}: {field} (left: PDF, right: its text)");
    }
    true
}
