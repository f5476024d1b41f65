//! Export of laid-out pages: PDF (typst-pdf) and PNG (typst-render), and
//! atomic writing so that a failed or interrupted run leaves no half file.

use std::io::Write;
use std::path::Path;

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

/// Writes a file through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, data: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        action: "ghi",
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(data)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}
