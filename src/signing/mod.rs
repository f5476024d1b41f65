//! A plan's PDF ready for signing, the one `batch` writes and the web form's
//! "Tải PDF" downloads: PDF/A with an empty signature field over the
//! signer's area ([`crate::signature_field`]), the stamp areas that signing
//! tools need ([`crate::stamps`]), and its file name ([`naming`]).

pub mod naming;

use typst_pdf::PdfStandard;

use crate::view::Part;

use crate::Engine;
use crate::error::Result;
use crate::load::LoadedPlan;
use crate::signature_field::add_signature_field;
use crate::stamps::{StampArea, stamp_areas};

pub struct Signable {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub areas: Vec<StampArea>,
}

/// The plan laid out and exported to `standards`, with a signature field
/// named after the signer when the document has a signature area.
pub fn export(engine: &Engine, plan: &LoadedPlan, standards: &[PdfStandard]) -> Result<Signable> {
    export_part(engine, plan, standards, Part::All)
}

/// One part of a plan issued with a decision, as a file of its own: the
/// decision with its signer's field, or the attached plan with the văn
/// thư's field at the top right of its first page (R-ESIG-ATT).
pub fn export_part(
    engine: &Engine,
    plan: &LoadedPlan,
    standards: &[PdfStandard],
    part: Part,
) -> Result<Signable> {
    let compiled = engine.compile_part(plan, part)?;
    let mut pdf = crate::export::pdf(&compiled, standards)?;
    let areas = stamp_areas(&compiled.document);
    if let Some(signature) = areas.iter().find(|a| a.name == "signature") {
        let signer = plan
            .plan
            .signer_of_record()
            .name
            .as_deref()
            .unwrap_or("Người ký");
        pdf = add_signature_field(&pdf, signature, signer)?;
    } else if let Some(attached) = areas.iter().find(|a| a.name == "attached")
        && part == Part::Plan
    {
        pdf = add_signature_field(&pdf, attached, "Văn thư")?;
    }
    Ok(Signable {
        pdf,
        pages: compiled.document.pages().len(),
        areas,
    })
}
