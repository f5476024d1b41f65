//! Compiling a plan in-process: template → Typst source → laid-out pages.
//!
//! An [`Engine`] holds what every document shares — fonts, the Typst
//! standard library, the compiled templates — and is built once per process
//! (the batch exporter and the web form keep one for their lifetime).

mod glyphs;
mod world;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Datetime;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;

pub use world::PlanWorld;

use crate::date::PlanDate;
use crate::error::{Error, Result};
use crate::fonts::{FontOptions, Fonts};
use crate::load::LoadedPlan;
use crate::template::Templates;
use crate::view::{Part, SEAL_PATH, SIGNATURE_PATH, View};

pub struct Engine {
    pub(crate) library: LazyHash<Library>,
    pub(crate) fonts: Fonts,
    templates: Templates,
}

/// A laid-out plan: its Typst source and its pages.
pub struct Compiled {
    pub source: String,
    pub document: PagedDocument,
    /// The plan's date, which stamps the PDF instead of the clock.
    pub date: Option<Datetime>,
    /// Identifies the document stably across renders (the PDF's /ID).
    pub ident: String,
    pub warnings: Vec<String>,
}

impl Engine {
    pub fn new(fonts: &FontOptions, templates: Templates) -> Engine {
        Engine {
            library: LazyHash::new(Library::builder().build()),
            fonts: Fonts::new(fonts),
            templates,
        }
    }

    pub fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    /// The Typst source of a plan (what `--typ` writes).
    pub fn typst_source(&self, plan: &LoadedPlan) -> Result<(View, String)> {
        self.typst_source_of(plan, Part::All)
    }

    /// The Typst source of one part of a plan issued with a decision.
    pub fn typst_source_of(&self, plan: &LoadedPlan, part: Part) -> Result<(View, String)> {
        let view = View::of_part(&plan.plan, self.fonts.family(), part);
        let source = self.templates.render(&view)?;
        Ok((view, source))
    }

    /// Lays the plan out into pages.
    pub fn compile(&self, plan: &LoadedPlan) -> Result<Compiled> {
        self.compile_part(plan, Part::All)
    }

    /// Lays out one part of a plan issued with a decision (`render --only`):
    /// the decision's pages or the attached plan's.
    pub fn compile_part(&self, plan: &LoadedPlan, part: Part) -> Result<Compiled> {
        let (view, source) = self.typst_source_of(plan, part)?;
        let date = plan_datetime(&plan.plan);
        let files = image_files(plan);
        let world = PlanWorld::new(self, source, files, date);
        let result = typst::compile::<PagedDocument>(&world);
        let explain = |diags: &[SourceDiagnostic]| -> Vec<String> {
            diags
                .iter()
                .map(|d| self.explain(&world, &view, d))
                .collect()
        };
        let warnings = explain(&result.warnings);
        let document = result.output.map_err(|errors| Error::Typst {
            messages: explain(&errors),
        })?;
        glyphs::refuse_undrawable(&document, plan, self.fonts.family())?;
        let p = &plan.plan;
        let ident = format!(
            "kehoach/{}/{}/{}/{}",
            p.issuer.abbreviation,
            p.number.map_or("-".into(), |n| n.to_string()),
            p.date.as_deref().unwrap_or("-"),
            p.title
        );
        let source = world.main_source().text().to_owned();
        Ok(Compiled {
            source,
            document,
            date,
            ident,
            warnings,
        })
    }

    /// A diagnostic, with the template line that produced the failing code.
    fn explain(&self, world: &PlanWorld, view: &View, d: &SourceDiagnostic) -> String {
        let kind = if d.severity == Severity::Error {
            "lỗi"
        } else {
            "cảnh báo"
        };
        let mut out = format!("{kind}: {}", d.message);
        let offset = typst::WorldExt::range(world, d.span).map(|r| r.start);
        if let Some(offset) = offset {
            let line = world
                .main_source()
                .lines()
                .byte_to_line(offset)
                .map_or(0, |l| l + 1);
            match self.templates.source_line(view, offset) {
                Some((name, tl)) => {
                    out.push_str(&format!(" (mẫu {name}, dòng {tl}; main.typ dòng {line})"))
                }
                None => out.push_str(&format!(" (main.typ dòng {line})")),
            }
        }
        for hint in &d.hints {
            out.push_str(&format!("\n    gợi ý: {}", hint.v));
        }
        out
    }
}

/// The plan's date as a Typst datetime: partial dates take the first day.
fn plan_datetime(plan: &crate::model::Plan) -> Option<Datetime> {
    let date = plan.date.as_deref().and_then(|d| PlanDate::parse(d).ok());
    let year = date.map(|d| d.year).or(plan.year)?;
    let month = date.and_then(|d| d.month).unwrap_or(1);
    let day = date.and_then(|d| d.day).unwrap_or(1);
    Datetime::from_ymd(year, month as u8, day as u8)
}

fn image_files(plan: &LoadedPlan) -> Vec<(String, Vec<u8>)> {
    let signer = plan.plan.signer_of_record();
    let named = [
        (&signer.signature_image, SIGNATURE_PATH),
        (&signer.seal_image, SEAL_PATH),
    ];
    named
        .into_iter()
        .filter_map(|(given, virtual_path)| {
            let given = given.as_ref()?;
            let data = plan.images.iter().find(|(p, _)| p == given)?.1.clone();
            Some((virtual_path.to_owned(), data))
        })
        .collect()
}
