//! resolute turns structured data about a United Nations resolution into
//! print-ready documents: the progress report of the Secretary-General, the
//! paragraph-by-paragraph implementation table, the consolidated text and
//! handouts, in PDF (through typst) and in Word (through docx-rs).
//!
//! A run takes four steps, each with one home:
//!
//! 1. **load**: [`Project::load`] reads a report folder, every file it
//!    recognises, as regular files inside it ([`Project::files`] is the one
//!    list of them), into the [`model`];
//! 2. **check**: [`check`] returns every problem of the data (numbering,
//!    footnotes, progress entries, translations, characters), each at its
//!    file, line and column;
//! 3. **compose**: [`Renderer::compose`] writes one format-neutral
//!    [`Document`] through the templates and locale strings: what a document
//!    contains is decided there, for both formats;
//! 4. **render**: [`Renderer::lower`] lays it out as PDF or DOCX, and
//!    [`write_all`] writes a set of outputs whole or not at all, never over an
//!    input.
//!
//! ```no_run
//! use resolute::{available, check, Assets, Inputs, Project, Renderer};
//! # fn main() -> Result<(), resolute::Problems> {
//! let project = Project::load("examples/ecosoc-2015-23".as_ref())?;
//! let problems = check(&project);
//! if !problems.is_empty() {
//!     return Err(problems.into());
//! }
//! let renderer = Renderer::new(Assets::embedded());
//! let mut outputs = Vec::new();
//! for (kind, lang) in available(&project) {
//!     let doc = renderer.compose(&project, kind, lang)?;
//!     let bytes = renderer.lower_for(&project, &doc, resolute::Format::Pdf)?;
//!     outputs.push((format!("out/{}.{lang}.pdf", kind.name()).into(), bytes));
//! }
//! resolute::write_all(&outputs, &Inputs::new(project.files()))?;
//! # Ok(())
//! # }
//! ```
//!
//! Besides the pipeline: [`import_file`] reads a printed resolution into the
//! model, [`to_akn`] and [`from_akn`] write and read Akoma Ntoso, and
//! [`limits`] lists the bounds every input is held to.

mod akn;
mod assets;
mod budget;
mod check;
pub mod cli;
mod compose;
mod doc;
mod docx;
mod error;
mod import;
mod input;
mod load;
pub mod model;
mod output;
mod pdf;
mod project;
mod render;
mod schema;
mod sheet;
mod typography;

pub use akn::{from_akn, to_akn};
pub use assets::Assets;
pub use budget::Counting;
pub use check::project as check;
pub use compose::Kind;
pub use doc::Document;
pub use error::{Error, ErrorKind, Location, Outcome, Problems, Result};
pub use import::lexicon::Lexicon;
pub use import::text::import as import_text;
pub use import::{import_file, Dropped, Import, Join, Warning};
pub use output::{write_all, Inputs};
pub use pdf::{clear_cache, style_data};
pub use project::Project;
pub use render::{available, Format, LowerError, Renderer};

/// The bounds resolute holds every input to, so that a hostile or mistaken
/// file gets a clear error instead of exhausting the machine.
pub mod limits {
    pub use crate::budget::{DEFAULT_MEMORY, DEFAULT_SECONDS};
    pub use crate::check::MAX_TITLE;
    pub use crate::compose::{TEMPLATE_FUEL, TEMPLATE_OUTPUT};
    pub use crate::input::{size_text, Limit, DATA, FONT, IMPORT, SHEET, STYLE_READ, TEMPLATE};
    pub use crate::load::{MAX_DEPTH, MAX_VALUES};
    pub use crate::sheet::{SHEET_ENTRIES, SHEET_INFLATED};
}
