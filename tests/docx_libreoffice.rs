//! The Word file as another office suite opens it: LibreOffice (Debian's
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

use common::{coverage, engine, have_tool, load, pdf_text, root, sample_paths, words};
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
