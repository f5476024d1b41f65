//! kehoach: official Vietnamese administrative plans (KẾ HOẠCH) laid out as
//! Nghị định 30/2020/NĐ-CP requires, rendered to PDF in-process.
//!
//! The pipeline, one module a stage:
//!
//! 1. [`model`] — the plan data contract (serde types, JSON Schema);
//! 2. [`load`] — JSON → checked plan, errors with file:line:column and path,
//!    then [`normalize`] (NFC, spaces) and [`date`] checks;
//! 3. [`view`] — the derived values (numbers, padding, punctuation; rules in
//!    [`format`]) handed to the templates;
//! 4. [`template`] — minijinja templates → Typst source, every string escaped
//!    through [`markup`];
//! 5. [`compile`] — Typst in-process, with [`fonts`] loaded once;
//! 6. [`export`] — PDF and PNG, written whole or not at all by [`fs`]; and,
//!    from the same view, [`docx`] — the Word file a draft travels as.
//!
//! Beside the pipeline, [`rollover`] moves last year's plan on to this year,
//! [`signing`] makes the PDF to sign and names its file ([`stamps`] finds where
//! to stamp, [`signature_field`] adds the empty field), and [`batch`] exports
//! many plans so.
//!
//! ```no_run
//! use kehoach::{Engine, FontOptions, Templates, export, load};
//! let engine = Engine::new(&FontOptions::default(), Templates::embedded());
//! let plan = load::load_file("samples/004-thi-dua-nganh-tu-phap-2026.json".as_ref())?;
//! let pdf = export::pdf(&engine.compile(&plan)?, &[])?;
//! # Ok::<(), kehoach::Error>(())
//! ```

pub mod batch;
pub mod check;
pub mod compile;
pub mod date;
pub mod docx;
pub mod error;
pub mod export;
pub mod fonts;
pub mod format;
pub mod fs;
pub mod import;
pub mod load;
pub mod markup;
pub mod measure;
pub mod model;
pub mod normalize;
pub mod rollover;
pub mod samples;
pub mod schema;
pub mod sequence;
pub mod serve;
pub mod signature_field;
pub mod signing;
pub mod stamps;
pub mod template;
pub mod vietnamese;
pub mod view;

pub use compile::{Compiled, Engine};
pub use error::{Error, Result};
pub use fonts::FontOptions;
pub use template::Templates;
