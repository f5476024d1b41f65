//! An editable Word file (.docx) of a plan, laid out to Decree 30 by
//! Word's own means, so that a clerk who edits the draft keeps the format:
//! the header and the closing block as borderless tables, rules as
//! paragraph borders of measured length, numbers as text, footnotes as
//! Word footnotes, page numbers in the page header from page 2, each
//! appendix a section of its own. The PDF stays the document that is
//! signed; the Word file is how a draft travels for comments.
//!
//! It is made from the same [`View`] as the PDF, so both print the same
//! text. One concern a file: [`xml`] drives quick-xml, [`styles`] the
//! named styles, [`para`] paragraphs and [`text`] runs (each writing only
//! what differs from its style), [`document`] the sections, [`page`] the
//! header and title, [`closing`] the closing block, [`blocks`] the body,
//! [`images`] the signature and seal, [`parts`] the rest of the package.
//!
//! Why not `docx-rs` (0.4.22, its current version): it numbers
//! paragraphs, footnotes and headers from process-wide counters, so the
//! same plan written twice in one process (a batch) gives different
//! bytes; it cannot mark a table's header rows to repeat (`w:tblHeader`)
//! nor set the document's title and author; and it would bring a second
//! zip and a second quick-xml. The parts written here are few and fixed.

mod blocks;
mod closing;
mod decision;
mod document;
mod images;
mod measure;
mod page;
mod para;
mod parts;
pub(crate) mod plan_part;
mod styles;
mod table;
mod text;
mod xml;

use std::io::Write;

use zip::write::SimpleFileOptions;

use crate::date::PlanDate;
use crate::error::{Error, Result};
use crate::load::LoadedPlan;
use crate::markup::plain_text;
use crate::view::{Part, View};
use blocks::Setting;
use closing::closing;
use document::{Body, Section};
use images::{Image, Images};
use page::Head;
use para::Para;
use text::Font;

/// The Word file of a plan, or of one part of a plan issued with a
/// decision.
pub fn docx(plan: &LoadedPlan, part: Part) -> Result<Vec<u8>> {
    let view = View::of_part(&plan.plan, crate::fonts::PREFERRED, part);
    let images = images_of(plan);
    let mut body = Body::new(Section::PART);
    if let Some(decision) = view.decision.as_ref().filter(|_| part != Part::Plan) {
        decision::write(&mut body, &view, decision, &images);
        if part == Part::All {
            body.new_section(Section::PART);
        }
    }
    if view.decision.is_none() || part != Part::Decision {
        plan_part(&mut body, &view, &images);
    }
    let (content, notes) = body.finish();

    let mut document = xml::Xml::part();
    let namespaces = [
        ("xmlns:w", parts::W),
        ("xmlns:r", parts::R),
        ("xmlns:wp", parts::WP),
    ];
    document.element("w:document", &namespaces, |xml| {
        xml.element("w:body", &[], |xml| xml.append(content));
    });
    let author = plain_text(&view.issuer.name).replace('\n', " ");
    let created = plan
        .plan
        .date
        .as_deref()
        .and_then(|d| PlanDate::parse(d).ok())
        .and_then(|d| {
            Some(format!(
                "{:04}-{:02}-{:02}T00:00:00Z",
                d.year, d.month?, d.day?
            ))
        });
    let mut files: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", parts::content_types(&images)),
        ("_rels/.rels", parts::package_rels()),
        (
            "docProps/core.xml",
            parts::core(&view.plain_title, &author, created.as_deref()),
        ),
        ("docProps/app.xml", parts::app()),
        ("word/document.xml", document.finish()),
        (
            "word/_rels/document.xml.rels",
            parts::document_rels(&images),
        ),
        ("word/styles.xml", styles::styles()),
        ("word/settings.xml", parts::settings()),
        ("word/footnotes.xml", parts::footnotes(notes)),
        ("word/header1.xml", parts::header(true)),
        ("word/header2.xml", parts::header(false)),
    ];
    let media = [
        (&images.signature, "word/media/signature.png"),
        (&images.seal, "word/media/seal.png"),
    ];
    files.extend(plan_part::files(&plan.plan, part));
    for (image, name) in media {
        if let Some(image) = image {
            files.push((name, image.data.clone()));
        }
    }
    zip_package(&files)
}

/// The plan: header, căn cứ, body, closing block and appendices.
fn plan_part(body: &mut Body, view: &View, images: &Images) {
    let standalone = view.decision.is_none();
    page::header(
        body,
        view,
        &Head {
            kind: "KẾ HOẠCH",
            number: view.number.as_deref(),
            symbol: &view.symbol,
            date: &view.date,
            title: &view.title,
            subtitle: view.subtitle.as_deref(),
            numbered: standalone,
            urgency: view.urgency.as_ref().filter(|_| standalone),
        },
    );
    bases(body, &view.bases);
    let setting = Setting::body(standalone && !view.closing_breaks);
    blocks::blocks(body, &view.preamble, &setting);
    for s in &view.sections {
        blocks::section(body, s, &setting);
    }
    blocks::blocks(body, &view.closing, &setting);
    if standalone {
        closing(
            body,
            &view.recipients,
            &view.signer,
            view.closing_breaks,
            images,
        );
    }
    for a in &view.appendices {
        body.new_section(Section {
            landscape: a.landscape,
            ..Section::PART
        });
        page::appendix_head(body, a);
        let setting = Setting::body(false);
        blocks::blocks(body, &a.content, &setting);
        for s in &a.sections {
            blocks::section(body, s, &setting);
        }
    }
}

/// Căn cứ lines in italics (R-CANCU).
fn bases(body: &mut Body, lines: &[String]) {
    for line in lines {
        let line = line.clone();
        body.paragraph(Para::BODY, |xml, notes| {
            text::runs(xml, &line, Font::size(14.0).italic(), notes);
        });
    }
}

fn images_of(plan: &LoadedPlan) -> Images {
    let signer = plan.plan.signer_of_record();
    let image = |given: &Option<String>| {
        let given = given.as_ref()?;
        let data = plan.images.iter().find(|(p, _)| p == given)?.1.clone();
        let pixels = crate::load::png_size(&data).unwrap_or((0, 0));
        Some(Image { data, pixels })
    };
    Images {
        signature: image(&signer.signature_image),
        seal: image(&signer.seal_image),
    }
}

/// The zip, entries in a fixed order with a fixed time: the same plan
/// gives the same bytes.
fn zip_package(files: &[(&str, Vec<u8>)]) -> Result<Vec<u8>> {
    let failed = |e: &dyn std::fmt::Display| Error::Export {
        message: format!("tệp Word: {e}"),
    };
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in files {
        zip.start_file(*name, options).map_err(|e| failed(&e))?;
        zip.write_all(data).map_err(|e| failed(&e))?;
    }
    let cursor = zip.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}
