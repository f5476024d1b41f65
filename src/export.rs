//! Export of laid-out pages: PDF (typst-pdf) and PNG (typst-render).

use typst::foundations::Smart;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::compile::Compiled;
use crate::error::{Error, Result};

/// PDF bytes, identical for identical input: the identifier and the
/// timestamp come from the plan, never from the clock.
pub fn pdf(compiled: &Compiled, standards: &[PdfStandard]) -> Result<Vec<u8>> {
    let standards = PdfStandards::new(standards).map_err(|e| Error::Export {
        message: e.message().to_string(),
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(compiled.ident.clone()),
        creator: Smart::Custom(Some("kehoach".into())),
        timestamp: compiled.date.map(Timestamp::new_utc),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&compiled.document, &options).map_err(|diags| Error::Export {
        message: diags
            .iter()
            .map(|d| d.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    })
}

/// One PNG per page at `ppi` pixels per inch.
pub fn png_pages(compiled: &Compiled, ppi: f32) -> Result<Vec<Vec<u8>>> {
    compiled
        .document
        .pages()
        .iter()
        .map(|page| png_page(page, ppi))
        .collect()
}

/// One page as PNG at `ppi` pixels per inch.
pub fn png_page(page: &typst_layout::Page, ppi: f32) -> Result<Vec<u8>> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(ppi) / 72.0),
        ..Default::default()
    };
    typst_render::render(page, &options)
        .encode_png()
        .map_err(|e| Error::Export {
            message: e.to_string(),
        })
}
