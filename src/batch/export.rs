//! One plan exported for signing: its PDF (or, with `--split`, the
//! decision's and the attached plan's), its row of the manifest, and a
//! panic in a dependency kept to that plan.

use std::path::Path;

use super::manifest::{self, Manifest, Row, Status};
use super::{Input, Options, Prepared, load_input, sha256};
use crate::Engine;
use crate::error::Result;
use crate::fs::write_atomic;
use crate::load::LoadedPlan;
use crate::markup::plain_text;
use crate::signing::{self, Signable};
use crate::stamps::StampArea;
use crate::view::Part;

pub(super) fn export_one(
    engine: &Engine,
    input: &Input,
    item: &Prepared,
    file_name: &str,
    options: &Options,
    previous: Option<&Manifest>,
) -> Row {
    let mut row = blank_row(item);
    let loaded = match &item.name {
        Ok(_) => load_input(input).1,
        Err(e) => {
            row.message = Some(e.to_string());
            return row;
        }
    };
    let plan = match &loaded {
        Ok(plan) => plan,
        Err(e) => {
            row.message = Some(e.to_string());
            return row;
        }
    };
    let p = &plan.plan;
    let (symbol, number, date) = p.registered();
    row.symbol = Some(symbol);
    row.number = number;
    row.date = date.map(str::to_owned);
    row.title = Some(plain_text(&p.title));
    row.signer = p.signer_of_record().name.clone();
    row.output = Some(file_name.to_owned());
    let path = options.out_dir.join(file_name);
    if let Some(kept) = previous.and_then(|m| unchanged(m, &row, &path, options.docx)) {
        return Row {
            status: Status::Unchanged,
            ..kept
        };
    }
    let split = options.split && p.decision.is_some();
    let first = if split { Part::Decision } else { Part::All };
    let area = |areas: &[StampArea], name: &str| {
        areas
            .iter()
            .find(|a| a.name == name)
            .map(manifest::Area::from)
    };
    match write_part(engine, plan, first, &path, options) {
        Ok((Signable { pdf, pages, areas }, sha)) => {
            row.output_sha256 = Some(sha);
            row.bytes = Some(pdf.len() as u64);
            row.pages = Some(pages);
            row.signature = area(&areas, "signature");
            row.seal = area(&areas, "seal");
            row.number_blank = area(&areas, "number");
            row.day_blank = area(&areas, "day");
            row.month_blank = area(&areas, "month");
            row.attached_signature = area(&areas, "attached");
        }
        Err(e) => {
            row.message = Some(e.to_string());
            return row;
        }
    }
    if split {
        let name = format!(
            "{}-ke-hoach-kem-theo.pdf",
            file_name.trim_end_matches(".pdf")
        );
        match write_part(
            engine,
            plan,
            Part::Plan,
            &options.out_dir.join(&name),
            options,
        ) {
            Ok((Signable { areas, .. }, sha)) => {
                row.attached_signature = area(&areas, "attached");
                row.attached_output = Some(name);
                row.attached_output_sha256 = Some(sha);
            }
            Err(e) => {
                row.message = Some(e.to_string());
                return row;
            }
        }
    }
    if options.docx {
        let name = format!("{}.docx", file_name.trim_end_matches(".pdf"));
        let written = crate::docx::docx(plan, Part::All).and_then(|bytes| {
            write_atomic(&options.out_dir.join(&name), &bytes)?;
            Ok(sha256(&bytes))
        });
        match written {
            Ok(sha) => {
                row.docx_output = Some(name);
                row.docx_output_sha256 = Some(sha);
            }
            Err(e) => {
                row.message = Some(e.to_string());
                return row;
            }
        }
    }
    row.status = Status::Ok;
    row
}

/// One part exported and written whole to `path`, with its hash.
fn write_part(
    engine: &Engine,
    plan: &LoadedPlan,
    part: Part,
    path: &Path,
    options: &Options,
) -> Result<(Signable, String)> {
    let signable = signing::export_part(engine, plan, &options.standards, part)?;
    write_atomic(path, &signable.pdf)?;
    let sha = sha256(&signable.pdf);
    Ok((signable, sha))
}

/// The row of an input before anything is known of its output: failed
/// until the export succeeds.
pub(super) fn blank_row(item: &Prepared) -> Row {
    Row {
        source: item.source.clone(),
        output: None,
        status: Status::Failed,
        message: None,
        input_sha256: item.input_sha256.clone(),
        output_sha256: None,
        pages: None,
        bytes: None,
        symbol: None,
        number: None,
        date: None,
        title: None,
        signer: None,
        signature: None,
        seal: None,
        number_blank: None,
        attached_output: None,
        attached_output_sha256: None,
        docx_output: None,
        docx_output_sha256: None,
        attached_signature: None,
        day_blank: None,
        month_blank: None,
    }
}

/// `export`'s row, or, when a dependency panics while laying the plan out
/// (a font, the PDF writer), that plan's error in Vietnamese: the run goes
/// on and the manifest is written.
pub(super) fn isolated(item: &Prepared, export: impl FnOnce() -> Row) -> Row {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(export))
        .unwrap_or_else(|payload| panic_row(item, payload.as_ref()))
}

fn panic_row(item: &Prepared, payload: &(dyn std::any::Any + Send)) -> Row {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    Row {
        message: Some(format!(
            "{}: lỗi nội bộ khi dàn trang hoặc xuất PDF ({detail}); kế hoạch khác vẫn được xuất — xin báo lỗi này kèm tệp kế hoạch",
            item.source
        )),
        ..blank_row(item)
    }
}

/// The previous row for the same input, when its outputs are still on
/// disk exactly as recorded (and it has a Word file when one is asked for).
fn unchanged(previous: &Manifest, row: &Row, path: &Path, docx: bool) -> Option<Row> {
    let old = previous.rows.iter().find(|r| {
        r.source == row.source
            && r.input_sha256 == row.input_sha256
            && r.output == row.output
            && r.status != Status::Failed
            && (!docx || r.docx_output.is_some())
    })?;
    let recorded = [
        (&row.output, &old.output_sha256),
        (&old.attached_output, &old.attached_output_sha256),
        (&old.docx_output, &old.docx_output_sha256),
    ];
    let same = recorded.iter().all(|(name, sha)| match name {
        Some(name) => std::fs::read(path.with_file_name(name))
            .is_ok_and(|bytes| sha.as_deref() == Some(sha256(&bytes).as_str())),
        None => true,
    });
    same.then(|| old.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::Prepared;

    #[test]
    fn a_panic_is_that_plans_error() {
        let item = Prepared {
            source: "a.json".into(),
            input_sha256: "0".into(),
            name: Ok("a".into()),
        };
        let row = isolated(&item, || {
            panic!("end byte index 65535 is not a char boundary")
        });
        assert_eq!(row.status, Status::Failed);
        let message = row.message.unwrap();
        assert!(message.starts_with("a.json: lỗi nội bộ"), "{message}");
        assert!(message.contains("65535"), "{message}");
        let fine = isolated(&item, || Row {
            status: Status::Ok,
            ..blank_row(&item)
        });
        assert_eq!(fine.status, Status::Ok);
    }
}
