//! The Word file as other programs read it.
//!
//! An office suite: LibreOffice (Debian's
//! `libreoffice-writer-nogui`; skipped locally when it is missing,
//! required under CI=true) converts each sample's .docx (and that of
//! `tests/fixtures/full.json`, with its tables, landscape pages, images
//! and footnotes) to PDF, which must
//! carry the words of kehoach's own PDF (recall ≥ 0.99), on as many pages
//! give or take one, in the Times-compatible font only.
//!
//! LibreOffice is given the repository's fonts and nothing else (a
//! fontconfig file of its own): Debian's Liberation 1.07 has no
//! Vietnamese letters, and LibreOffice would set every accented letter in
//! DejaVu, wider, as a machine without Times New Roman would.

mod common;

use std::path::Path;
use std::process::Command;

use common::{
    coverage, engine, have_python_docx, have_tool, load, pdf_text, root, sample_paths, words,
};
use kehoach::view::Part;

#[test]
fn libreoffice_reads_every_sample_as_kehoach_prints_it() {
    if !have_tool("soffice") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fonts_conf = dir.path().join("fonts.conf");
    std::fs::write(
        &fonts_conf,
        format!(
            r#"<?xml version="1.0"?>
<fontconfig>
  <dir>{}</dir>
  <cachedir>{}</cachedir>
  <alias><family>Times New Roman</family><prefer><family>Liberation Serif</family></prefer></alias>
</fontconfig>"#,
            root().join("fonts").display(),
            dir.path().join("font-cache").display()
        ),
    )
    .unwrap();
    let mut inputs = Vec::new();
    let full = root().join("tests/fixtures/full.json");
    for path in sample_paths().into_iter().chain([full]) {
        let docx = dir
            .path()
            .join(path.with_extension("docx").file_name().unwrap());
        std::fs::write(&docx, kehoach::docx::docx(&load(&path), Part::All).unwrap()).unwrap();
        inputs.push((path, docx));
    }
    let out = dir.path().join("pdf");
    let profile = format!("file://{}", dir.path().join("profile").display());
    let status = Command::new("soffice")
        .env("FONTCONFIG_FILE", &fonts_conf)
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .args(inputs.iter().map(|(_, docx)| docx))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );

    let mut failures = Vec::new();
    for (path, docx) in &inputs {
        let name = docx.file_name().unwrap().to_string_lossy().into_owned();
        let converted = std::fs::read(out.join(Path::new(&name).with_extension("pdf")))
            .unwrap_or_else(|e| panic!("{name}: LibreOffice wrote no PDF: {e}"));
        let ours = kehoach::export::pdf(&engine().compile(&load(path)).unwrap(), &[]).unwrap();
        let pages = |pdf: &[u8]| lopdf::Document::load_mem(pdf).unwrap().get_pages().len();
        let (theirs_pages, our_pages) = (pages(&converted), pages(&ours));
        let recall = coverage(&words(&pdf_text(&ours)), &words(&pdf_text(&converted)));
        let fonts = font_names(&converted);
        println!(
            "{name}: {theirs_pages} pages (PDF {our_pages}), word recall {recall:.4}, fonts {fonts:?}"
        );
        if theirs_pages.abs_diff(our_pages) > 1 {
            failures.push(format!("{name}: {theirs_pages} pages, the PDF {our_pages}"));
        }
        if recall < 0.99 {
            failures.push(format!("{name}: word recall {recall:.4}"));
        }
        if fonts.iter().any(|f| !f.contains("LiberationSerif")) {
            failures.push(format!("{name}: fonts {fonts:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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

/// A second, independent reader: python-docx (PyPI; skipped locally when
/// it is missing, required under CI=true), with Python's warnings made
/// errors, finds the paragraphs, tables, sections and properties kehoach
/// wrote, and the plan's text.
#[test]
fn python_docx_reads_every_sample_without_a_warning() {
    if !have_python_docx() {
        return;
    }
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
}))
"#;
    let dir = tempfile::tempdir().unwrap();
    let full = root().join("tests/fixtures/full.json");
    for path in sample_paths().into_iter().chain([full]) {
        let plan = load(&path);
        let docx = dir.path().join("plan.docx");
        std::fs::write(&docx, kehoach::docx::docx(&plan, Part::All).unwrap()).unwrap();
        let out = Command::new("python3")
            .args(["-W", "error", "-c", READ])
            .arg(&docx)
            .output()
            .unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
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
