//! A plan's PDF ready for signing, the one `batch` writes and the web form's
//! "Tải PDF" downloads: PDF/A with an empty signature field over the
//! signer's area ([`crate::signature_field`]), the stamp areas that signing
//! tools need ([`crate::stamps`]), and its file name ([`naming`]).

pub mod naming;

use typst_pdf::PdfStandard;

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
    let compiled = engine.compile(plan)?;
    let mut pdf = crate::export::pdf(&compiled, standards)?;
    let areas = stamp_areas(&compiled.document);
    if let Some(signature) = areas.iter().find(|a| a.name == "signature") {
        let signer = plan.plan.signer.name.as_deref().unwrap_or("Người ký");
        pdf = add_signature_field(&pdf, signature, signer)?;
    }
    Ok(Signable {
        pdf,
        pages: compiled.document.pages().len(),
        areas,
    })
}
