//! The Word file as other programs read it.
//!
//! An office suite: LibreOffice (Debian's `libreoffice-writer-nogui`;
//! skipped locally when it is missing, required under CI=true) converts
//! each sample's .docx (and that of `tests/fixtures/full.json`, with its
//! tables, landscape pages, images and footnotes, and sample 004 issued
//! by a commune, whose name is the longest header line) to PDF, which
//! must carry the words of kehoach's own PDF (recall ≥ 0.99) on as many
//! pages, page 1 starting where the PDF's does, in the Times-compatible
//! font only, with the issuer on as many
//! lines and the seal within 2 mm of the PDF's; and a paragraph a clerk
//! adds at the end of the text never leaves the signature block alone on
//! a page.
//!
//! LibreOffice is given the repository's fonts and nothing else (a
//! fontconfig file of its own): Debian's Liberation 1.07 has no
//! Vietnamese letters, and LibreOffice would set every accented letter in
//! DejaVu, wider, as a machine without Times New Roman would.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::office::Office;
use common::{
    Probe, coverage, engine, grow_last_paragraph_of_004, have_python_docx, have_tool, load,
    pdf_text, root, run, sample, sample_paths, standalone_sample_paths, words,
};
use kehoach::load::LoadedPlan;
use kehoach::view::Part;

/// A plan, its Word file and both PDFs: kehoach's and LibreOffice's.
struct Converted {
    name: String,
    plan: LoadedPlan,
    ours: Vec<u8>,
    theirs: PathBuf,
}

/// Sample 004 issued by a commune's UBND under its district's: the
/// longest issuer line a header holds on one line.
fn commune_plan() -> LoadedPlan {
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample("004")).unwrap()).unwrap();
    plan["issuer"] = serde_json::json!({
        "parent": "UBND HUYỆN BÌNH XUYÊN",
        "name": "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
        "abbreviation": "UBND",
        "name_in_text": "Ủy ban nhân dân xã An Bình"
    });
    kehoach::load::load_str(&plan.to_string(), "commune.json", &root()).unwrap()
}

/// Every sample, full.json and the commune's plan, converted once for
/// the tests below; none when LibreOffice is missing.
fn converted() -> Option<&'static [Converted]> {
    static CONVERTED: OnceLock<Option<(Office, Vec<Converted>)>> = OnceLock::new();
    let done = CONVERTED.get_or_init(|| {
        if !have_tool("soffice") {
            return None;
        }
        let office = Office::new();
        let full = root().join("tests/fixtures/full.json");
        let mut plans: Vec<(String, LoadedPlan)> = sample_paths()
            .into_iter()
            .chain([full])
            .map(|p| (p.file_stem().unwrap().to_string_lossy().into(), load(&p)))
            .collect();
        plans.push(("commune".into(), commune_plan()));
        let pdfs = office.convert(&office.write(&plans));
        let all = plans
            .into_iter()
            .zip(pdfs)
            .map(|((name, plan), theirs)| Converted {
                ours: kehoach::export::pdf(&engine().compile(&plan).unwrap(), &[]).unwrap(),
                name,
                plan,
                theirs,
            })
            .collect();
        Some((office, all))
    });
    done.as_ref().map(|(_, all)| all.as_slice())
}

fn pages(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf).unwrap().get_pages().len()
}

#[test]
fn libreoffice_reads_every_sample_as_kehoach_prints_it() {
    let Some(all) = converted() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for c in all {
        let name = &c.name;
        let converted = std::fs::read(&c.theirs)
            .unwrap_or_else(|e| panic!("{name}: LibreOffice wrote no PDF: {e}"));
        let (theirs_pages, our_pages) = (pages(&converted), pages(&c.ours));
        let recall = coverage(&words(&pdf_text(&c.ours)), &words(&pdf_text(&converted)));
        let fonts = font_names(&converted);
        println!(
            "{name}: {theirs_pages} pages (PDF {our_pages}), word recall {recall:.4}, fonts {fonts:?}"
        );
        if theirs_pages != our_pages {
            failures.push(format!("{name}: {theirs_pages} pages, the PDF {our_pages}"));
        }
        if recall < 0.99 {
            failures.push(format!("{name}: word recall {recall:.4}"));
        }
        if fonts.iter().any(|f| !f.contains("LiberationSerif")) {
            failures.push(format!("{name}: fonts {fonts:?}"));
        }
        // Page 1 starts where the PDF's does: the first word's box centred
        // alike within 3 pt (a page with a footnote once started 23 pt
        // lower). Each producer's box spans the font differently: centres.
        let ours = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&ours, &c.ours).unwrap();
        let first = |pdf: &Path| {
            let w = page_words(pdf, 1)
                .into_iter()
                .next()
                .expect("a word on page 1");
            (w.y0 + w.y1) / 2.0
        };
        let drop = first(&c.theirs) - first(&ours);
        if drop.abs() > 3.0 {
            failures.push(format!("{name}: page 1 starts {drop:+.1} pt lower"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A word and its box on a page, in points from the top left.
struct Word {
    text: String,
    x0: f64,
    y0: f64,
    y1: f64,
}

/// The words of page `page` (from 1), as poppler's `pdftotext -bbox` reads
/// them.
fn page_words(pdf: &Path, page: usize) -> Vec<Word> {
    let n = page.to_string();
    let html = common::tool_output(
        "pdftotext",
        &["-bbox", "-f", &n, "-l", &n]
            .map(std::ffi::OsStr::new)
            .into_iter()
            .chain([pdf.as_os_str(), std::ffi::OsStr::new("-")])
            .collect::<Vec<_>>(),
    );
    html.lines()
        .filter_map(|line| {
            let line = line.trim().strip_prefix("<word ")?;
            let (attrs, rest) = line.split_once('>')?;
            let text = rest.strip_suffix("</word>")?.to_owned();
            let attr = |key: &str| -> f64 {
                let from = attrs.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
                let value = &attrs[from..];
                value[..value.find('"').unwrap()].parse().unwrap()
            };
            Some(Word {
                text,
                x0: attr("xMin"),
                y0: attr("yMin"),
                y1: attr("yMax"),
            })
        })
        .collect()
}

/// How many lines the header's left column holds above `Số:`: the parent
/// body and the issuer's name.
fn issuer_lines(pdf: &Path) -> usize {
    let words = page_words(pdf, 1);
    let number = words.iter().find(|w| w.text == "Số:").expect("Số:");
    let mut lines: Vec<f64> = words
        .iter()
        .filter(|w| w.y1 < number.y0 && w.x0 < number.x0 + 100.0)
        .map(|w| w.y1)
        .collect();
    lines.sort_by(f64::total_cmp);
    lines.dedup_by(|a, b| (*a - *b).abs() < 2.0);
    lines.len()
}

#[test]
fn libreoffice_sets_the_issuer_on_as_many_lines_as_the_pdf() {
    let Some(all) = converted() else { return };
    let dir = tempfile::tempdir().unwrap();
    for c in all.iter().filter(|c| c.plan.plan.decision.is_none()) {
        let ours = dir.path().join(format!("{}.pdf", c.name));
        std::fs::write(&ours, &c.ours).unwrap();
        let (pdf, word) = (issuer_lines(&ours), issuer_lines(&c.theirs));
        println!("{}: issuer on {word} lines (PDF {pdf})", c.name);
        assert_eq!(word, pdf, "{}: the issuer's lines", c.name);
    }
}

/// The boxes (page, x, y from the top, width, height, in points) of the
/// images a PDF draws: each `Do` maps the unit square through the
/// current transformation matrix.
fn image_boxes(pdf: &[u8]) -> Vec<(usize, [f64; 4])> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut boxes = Vec::new();
    for (i, (_, id)) in doc.get_pages().into_iter().enumerate() {
        let content = doc.get_and_decode_page_content(id).unwrap();
        let mut ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
        let mut stack = Vec::new();
        for op in content.operations {
            match op.operator.as_str() {
                "q" => stack.push(ctm),
                "Q" => ctm = stack.pop().unwrap_or(ctm),
                "cm" => {
                    let m: Vec<f64> = op
                        .operands
                        .iter()
                        .map(|o| o.as_float().map(f64::from).unwrap())
                        .collect();
                    ctm = [
                        m[0] * ctm[0] + m[1] * ctm[2],
                        m[0] * ctm[1] + m[1] * ctm[3],
                        m[2] * ctm[0] + m[3] * ctm[2],
                        m[2] * ctm[1] + m[3] * ctm[3],
                        m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
                        m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
                    ];
                }
                "Do" => {
                    let (w, h) = (ctm[0].abs(), ctm[3].abs());
                    let top = 841.89 - (ctm[5] + ctm[3].max(0.0));
                    boxes.push((i, [ctm[4], top, w, h]));
                }
                _ => {}
            }
        }
    }
    boxes
}

/// A sample signed with the fixtures' signature and seal.
fn sealed(path: &Path) -> LoadedPlan {
    sealed_with(path, |_| ())
}

/// A sample changed by `change`, then signed with the fixtures' signature
/// and seal.
fn sealed_with(path: &Path, change: impl FnOnce(&mut serde_json::Value)) -> LoadedPlan {
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    change(&mut plan);
    plan["signer"]["signature_image"] = "tests/fixtures/chu-ky.png".into();
    plan["signer"]["seal_image"] = "tests/fixtures/con-dau.png".into();
    kehoach::load::load_str(&plan.to_string(), "sealed.json", &root()).unwrap()
}

#[test]
fn libreoffice_puts_the_seal_within_2_mm_of_the_pdfs() {
    if !have_tool("soffice") {
        return;
    }
    let office = Office::new();
    let full = root().join("tests/fixtures/full.json");
    let plans: Vec<(String, LoadedPlan)> = standalone_sample_paths()
        .iter()
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into(), sealed(p)))
        .chain([("full".into(), load(&full))])
        // The last paragraph longer a line at a time: the page break falls
        // into it, before it and after it.
        .chain((1..=12).map(|n| {
            let plan = sealed_with(&sample("004"), |p| grow_last_paragraph_of_004(p, n));
            (format!("004+{n}"), plan)
        }))
        .collect();
    let docx = office.write(&plans);
    let is_seal = |w: f64, h: f64| (w - h).abs() < 1.0 && w > 90.0;
    let mm = |pt: f64| pt * 25.4 / 72.0;
    let mut grown_pages = std::collections::BTreeSet::new();
    let dir = tempfile::tempdir().unwrap();
    for ((name, plan), theirs) in plans.iter().zip(office.convert(&docx)) {
        let compiled = engine().compile(plan).unwrap();
        let ours = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&ours, kehoach::export::pdf(&compiled, &[]).unwrap()).unwrap();
        let pdf = Probe::new(&compiled)
            .images
            .into_iter()
            .find(|a| is_seal(a.w, a.h))
            .map(|a| (a.page, [a.x, a.y]))
            .unwrap_or_else(|| panic!("{name}: no seal in the PDF"));
        let word = image_boxes(&std::fs::read(&theirs).unwrap())
            .into_iter()
            .find(|(_, [_, _, w, h])| is_seal(*w, *h))
            .map(|(page, [x, y, ..])| (page, [x, y]))
            .unwrap_or_else(|| panic!("{name}: no seal in LibreOffice's PDF"));
        let (dx, dy) = (mm(word.1[0] - pdf.1[0]), mm(word.1[1] - pdf.1[1]));
        let pdf_page = pdf.0;
        println!(
            "{name}: seal on p{}, {dx:+.2} mm across, {dy:+.2} mm down of the PDF's",
            pdf_page + 1
        );
        if name.starts_with("004+") {
            grown_pages.insert(pdf.0);
        }
        assert_eq!(word.0, pdf.0, "{name}: the seal's page");
        assert!(dx.abs() <= 2.0, "{name}: the seal {dx:+.2} mm across");
        assert!(dy.abs() <= 2.0, "{name}: the seal {dy:+.2} mm down");
        // Nơi nhận's last line (`- Lưu: …`) too: the list as long in Word,
        // a list that fits above the page's foot in one fits in the other.
        // Each producer's word box spans the font differently: centres.
        let lưu = |pdf: &Path| {
            let w = page_words(pdf, pdf_page + 1)
                .into_iter()
                .find(|w| w.text == "Lưu:")
                .unwrap_or_else(|| panic!("{name}: no Lưu: on the seal's page"));
            (w.y0 + w.y1) / 2.0
        };
        let dy = mm(lưu(&theirs) - lưu(&ours));
        assert!(dy.abs() <= 2.0, "{name}: Lưu: {dy:+.2} mm down");
    }
    assert!(
        grown_pages.len() > 1,
        "the page break fell into none of 004+n"
    );
}

/// The base names of the fonts a PDF uses, without their subset tags.
fn font_names(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut names: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Type")
                .and_then(|t| t.as_name())
                .is_ok_and(|t| t == b"Font")
        })
        .filter_map(|d| d.get(b"BaseFont").and_then(|b| b.as_name()).ok())
        .map(|n| {
            let n = String::from_utf8_lossy(n);
            n.split_once('+')
                .map_or(n.to_string(), |(_, base)| base.to_owned())
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// What python-docx reads of a Word file, as JSON.
const READ: &str = r#"
import json, sys, docx
from lxml import etree
d = docx.Document(sys.argv[1])
texts = [p.text for p in d.paragraphs]
for t in d.tables:
    for row in t.rows:
        for cell in row.cells:
            texts += [p.text for p in cell.paragraphs]
# python-docx has no API for footnotes: their part, read with its lxml.
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
for part in d.part.package.iter_parts():
    if part.partname == "/word/footnotes.xml":
        texts += [t.text or "" for t in etree.fromstring(part.blob).iter(W + "t")]
print(json.dumps({
    "sections": len(d.sections),
    "landscape": [s.page_width > s.page_height for s in d.sections],
    "title": d.core_properties.title,
    "author": d.core_properties.author,
    "text": "\n".join(texts),
    "paragraphs": [[p.style.name, p.text] for p in d.paragraphs],
}))
"#;

/// A second, independent reader: python-docx (PyPI; skipped locally when
/// it is missing, required under CI=true), with Python's warnings made
/// errors, finds the paragraphs, tables, sections and properties kehoach
/// wrote, and the plan's text.
#[test]
fn python_docx_reads_every_sample_without_a_warning() {
    if !have_python_docx() {
        return;
    }
    let full = root().join("tests/fixtures/full.json");
    for path in sample_paths().into_iter().chain([full]) {
        let plan = load(&path);
        let name = path.file_name().unwrap().to_string_lossy();
        let read = python_docx(&plan);
        let view = kehoach::view::View::new(&plan.plan, "Times New Roman");
        assert_eq!(read["title"], view.plain_title.as_str(), "{name}");
        assert_eq!(
            read["author"],
            view.issuer.name.replace('\n', " "),
            "{name}"
        );
        let sections = 1 + view.appendices.len() + usize::from(view.decision.is_some());
        let landscape_tables = if name == "full.json" { 2 } else { 0 };
        assert_eq!(read["sections"], sections + landscape_tables, "{name}");
        let text = read["text"].as_str().unwrap();
        let compiled = engine().compile(&plan).unwrap();
        let mut ours = words(&pdf_text(&kehoach::export::pdf(&compiled, &[]).unwrap()));
        // The PDF's page numbers are Word's fields, not text.
        for n in 2..=compiled.document.pages().len() {
            if let Some(i) = ours.iter().position(|w| *w == n.to_string()) {
                ours.remove(i);
            }
        }
        let recall = coverage(&ours, &words(text));
        println!("{name}: python-docx word recall {recall:.4}");
        assert!(recall >= 0.99, "{name}: word recall {recall:.4}");
    }
}

/// What python-docx reads of a plan's Word file.
fn python_docx(plan: &LoadedPlan) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("plan.docx");
    std::fs::write(&docx, kehoach::docx::docx(plan, Part::All).unwrap()).unwrap();
    let out = run(Command::new("python3")
        .args(["-W", "error", "-c", READ])
        .arg(&docx));
    serde_json::from_slice(&out).unwrap()
}

/// The navigation pane shows the plan: python-docx finds the style
/// Heading 1 on the paragraph of every first-level mục (of the plan and
/// of its appendices), in order, and on no other; the trích yếu in Title.
#[test]
fn python_docx_sees_heading_1_on_every_first_level_muc() {
    if !have_python_docx() {
        return;
    }
    let full = root().join("tests/fixtures/full.json");
    for path in sample_paths().into_iter().chain([full]) {
        let plan = load(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let read = python_docx(&plan);
        let paragraphs: Vec<(String, String)> =
            serde_json::from_value(read["paragraphs"].clone()).unwrap();
        let styled = |style: &str| -> Vec<&str> {
            paragraphs
                .iter()
                .filter(|(s, _)| s == style)
                .map(|(_, text)| text.as_str())
                .collect()
        };
        let view = kehoach::view::View::new(&plan.plan, "Times New Roman");
        let muc: Vec<String> = view
            .sections
            .iter()
            .chain(view.appendices.iter().flat_map(|a| &a.sections))
            .map(|s| {
                let title = s.title.as_deref().map(kehoach::markup::plain_text);
                match title {
                    Some(t) => format!("{} {t}", s.number),
                    None => s.number.clone(),
                }
            })
            .collect();
        let headings = styled("Heading 1");
        assert_eq!(headings.len(), muc.len(), "{name}: {headings:?}");
        for (heading, muc) in headings.iter().zip(&muc) {
            assert!(
                heading.starts_with(muc.as_str()),
                "{name}: {heading:?}, {muc:?}"
            );
        }
        assert!(
            styled("Title").contains(&view.plain_title.as_str()),
            "{name}: Title {:?}",
            styled("Title")
        );
        println!("{name}: {} mục in Heading 1", muc.len());
    }
}

/// Appends, as a clerk pressing Enter at the end of the text's last
/// paragraph would, a paragraph of the style Word gives the next
/// paragraph, of about `lines` lines, for each count given: argv is the
/// Word file, the folder to write to, then the counts.
const APPEND: &str = r#"
import os, sys, docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
src, out = sys.argv[1], sys.argv[2]
for lines in map(int, sys.argv[3:]):
    d = docx.Document(src)
    text = lambda e: "".join(t.text or "" for t in e.iter(qn("w:t")))
    closing = next(t for t in d.element.body.iter(qn("w:tbl")) if "Nơi nhận:" in text(t))
    last = closing.getprevious()
    while last.tag != qn("w:p") or not text(last).strip():
        last = last.getprevious()
    style = Paragraph(last, d._body).style.next_paragraph_style
    new = d.element.body.makeelement(qn("w:p"), {})
    last.addnext(new)
    added = Paragraph(new, d._body)
    added.style = style
    added.add_run(" ".join(["Nội dung văn thư bổ sung"] * (3 * lines)))
    name = os.path.splitext(os.path.basename(src))[0]
    d.save(os.path.join(out, f"{name}-{lines}.docx"))
"#;

/// A paragraph a clerk adds at the end of the text, of 1 to 16 lines,
/// pushes the closing block down, across a page on 004 (1 line and more)
/// and 003 (16): the block keeps the text's last lines with it and is
/// never alone on its page (it was, with the last two paragraphs only
/// kept with it: the added one, in Normal, broke the chain).
#[test]
fn a_paragraph_added_at_the_end_never_leaves_the_signature_alone() {
    if !have_tool("soffice") || !have_python_docx() {
        return;
    }
    let office = Office::new();
    let added = office.path("added");
    std::fs::create_dir_all(&added).unwrap();
    let full = root().join("tests/fixtures/full.json");
    for path in sample_paths().into_iter().chain([full]) {
        let docx = office.path(&format!("{}.docx", path.file_stem().unwrap().display()));
        std::fs::write(&docx, kehoach::docx::docx(&load(&path), Part::All).unwrap()).unwrap();
        run(Command::new("python3")
            .args(["-c", APPEND])
            .arg(&docx)
            .arg(&added)
            .args(["1", "4", "8", "16"]));
    }
    let mut docx: Vec<PathBuf> = std::fs::read_dir(&added)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    docx.sort();
    assert_eq!(docx.len(), 7 * 4);
    for pdf in office.convert(&docx) {
        let name = pdf.file_stem().unwrap().to_string_lossy().into_owned();
        let count = pages(&std::fs::read(&pdf).unwrap());
        let (page, above) = (1..=count)
            .find_map(|page| {
                let words = page_words(&pdf, page);
                let label = words.iter().position(|w| w.text == "Nơi")?;
                let top = words[label].y0;
                let above = words
                    .iter()
                    .filter(|w| w.y1 <= top && !w.text.chars().all(|c| c.is_ascii_digit()))
                    .count();
                Some((page, above))
            })
            .unwrap_or_else(|| panic!("{name}: no Nơi nhận:"));
        println!("{name}: the closing block on page {page} of {count}, {above} words above it");
        assert!(above > 0, "{name}: the closing block alone on page {page}");
    }
}
