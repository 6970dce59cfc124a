//! Rendering a project's documents: compose, then lower to PDF or DOCX.

use std::fmt;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use crate::assets::Assets;
use crate::compose::{self, Kind};
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::model::Lang;
use crate::pdf::{PdfError, Typesetter};
use crate::project::Project;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// PDF, through typst.
    Pdf,
    /// Word, through docx-rs.
    Docx,
}

impl Format {
    /// Both formats.
    pub const ALL: [Format; 2] = [Format::Pdf, Format::Docx];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    /// The format a file name's extension names.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Renders documents, keeping fonts and the typst library loaded between
/// them. One renderer serves several threads at once (`&self` throughout):
/// they share its typesetter.
pub struct Renderer {
    assets: Assets,
    typesetter: OnceLock<Typesetter>,
    warnings: Mutex<Vec<Error>>,
    keep_layouts: bool,
}

impl Renderer {
    /// A renderer using `assets`.
    pub fn new(assets: Assets) -> Renderer {
        Renderer {
            assets,
            typesetter: OnceLock::new(),
            warnings: Mutex::new(Vec::new()),
            keep_layouts: false,
        }
    }

    /// This renderer, keeping each document's last PDF layout: laying the
    /// document out again after an edit then takes fewer of typst's passes
    /// (for `watch`; the layout of each document stays in memory).
    pub fn keeping_layouts(mut self) -> Renderer {
        self.keep_layouts = true;
        self
    }

    /// Composes the document of `kind` in `lang`.
    pub fn compose(&self, project: &Project, kind: Kind, lang: Lang) -> Result<Document> {
        match kind {
            Kind::Report => compose::report(project, lang, &self.assets),
            Kind::Table => compose::table::table(project, lang, &self.assets),
            Kind::Text => compose::text::text(project, lang, &self.assets),
            Kind::Handout => compose::handout::handout(project, lang, &self.assets),
            Kind::Compact => compose::text::text(project, lang, &self.assets).map(|mut doc| {
                doc.paper = crate::model::Paper::A5;
                doc
            }),
        }
    }

    /// Lowers a composed document to `format`; `root` is the only folder
    /// the style may read from. A character no font has is reported as
    /// [`LowerError::MissingGlyphs`], for the caller to find in its data.
    pub fn lower(
        &self,
        doc: &Document,
        format: Format,
        root: &Path,
    ) -> std::result::Result<Vec<u8>, LowerError> {
        match format {
            Format::Pdf => {
                let typesetter = self.typesetter().map_err(LowerError::Failed)?;
                let (bytes, warnings) = typesetter.pdf(doc, Some(root)).map_err(|e| match e {
                    PdfError::MissingGlyphs(chars) => LowerError::MissingGlyphs(chars),
                    PdfError::Failed(e) => LowerError::Failed(e),
                })?;
                self.remember(warnings);
                Ok(bytes)
            }
            Format::Docx => {
                let styles = self
                    .assets
                    .require(crate::docx::STYLES, "rebuild resolute")
                    .map_err(LowerError::Failed)?;
                crate::docx::render_with(doc, &styles).map_err(LowerError::Failed)
            }
        }
    }

    /// Composes and lowers in one step.
    pub fn render(
        &self,
        project: &Project,
        kind: Kind,
        lang: Lang,
        format: Format,
    ) -> Result<Vec<u8>> {
        let doc = self.compose(project, kind, lang)?;
        self.lower_for(project, &doc, format)
    }

    /// Lowers a document composed from `project`; an error about a
    /// character no font has points at the first place the data has it.
    pub fn lower_for(&self, project: &Project, doc: &Document, format: Format) -> Result<Vec<u8>> {
        self.lower(doc, format, &project.dir).map_err(|e| match e {
            LowerError::Failed(e) => e,
            LowerError::MissingGlyphs(chars) => missing_glyphs(&chars, project),
        })
    }

    /// `doc` as PDF with its pages for `watch --preview`: a picture of each
    /// page whose hash differs from the one `known` gives for its number.
    pub(crate) fn pdf_with_previews(
        &self,
        project: &Project,
        doc: &Document,
        known: &[u128],
    ) -> Result<(Vec<u8>, Vec<crate::pdf::PagePreview>)> {
        let typesetter = self.typesetter()?;
        let (bytes, warnings, pages) = typesetter
            .pdf_and_previews(doc, Some(&project.dir), known)
            .map_err(|e| match e {
                PdfError::MissingGlyphs(chars) => missing_glyphs(&chars, project),
                PdfError::Failed(e) => e,
            })?;
        self.remember(warnings);
        Ok((bytes, pages))
    }

    /// Keeps the typesetter's warnings, each once.
    fn remember(&self, warnings: Vec<Error>) {
        let mut seen = self.warnings.lock().unwrap_or_else(|e| e.into_inner());
        for w in warnings {
            if !seen.iter().any(|s| s.render() == w.render()) {
                seen.push(w);
            }
        }
    }

    /// The typesetter, loaded on first use.
    pub fn typesetter(&self) -> Result<&Typesetter> {
        if let Some(t) = self.typesetter.get() {
            return Ok(t);
        }
        // Two threads may both load it; one keeps its own.
        let _ = self
            .typesetter
            .set(Typesetter::new(&self.assets, self.keep_layouts)?);
        self.typesetter
            .get()
            .ok_or_else(|| Error::new(crate::ErrorKind::Internal, "no typesetter"))
    }

    /// Forgets what the typesetter memoized for the documents so far, so
    /// that a batch needs the memory of its largest document, not of all.
    pub fn forget(&self) {
        crate::pdf::clear_cache();
    }

    /// Forgets what the typesetter memoized for documents laid out before
    /// the last two calls: for a batch on several threads, where another
    /// thread's document keeps what it is using.
    pub fn forget_older(&self) {
        crate::pdf::age_cache();
    }

    /// The typesetter's warnings since the last call, each once.
    pub fn take_warnings(&self) -> Vec<Error> {
        std::mem::take(&mut *self.warnings.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Why a document could not be lowered.
#[derive(Debug)]
pub enum LowerError {
    /// The fonts have no glyph for these characters, in order of first use.
    MissingGlyphs(Vec<char>),
    /// Anything else.
    Failed(Error),
}

/// The error for characters no font has, pointed at the first place the
/// project's data has the first of them.
fn missing_glyphs(chars: &[char], project: &Project) -> Error {
    let list: Vec<String> = chars
        .iter()
        .take(10)
        .map(|c| format!("'{c}' (U+{:04X})", *c as u32))
        .collect();
    let mut err = Error::new(
        crate::ErrorKind::Typeset,
        format!("the fonts have no glyph for {}", list.join(", ")),
    )
    .hint("add a font that covers these characters with --font-path DIR");
    if let Some(c) = chars.first() {
        for file in project.sources() {
            if let Some(at) = file.text.find(*c) {
                let span = at..at + c.len_utf8();
                err = err.at(crate::error::Location::span(
                    &file.path,
                    file.text.clone(),
                    span,
                ));
                break;
            }
        }
    }
    err
}

/// The (kind, language) pairs a project can render.
pub fn available(project: &Project) -> Vec<(Kind, Lang)> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        match kind {
            Kind::Report => out.extend(project.reports.keys().map(|l| (kind, *l))),
            Kind::Table if project.progress.is_some() => {
                let mut langs: Vec<Lang> = project.reports.keys().copied().collect();
                if langs.is_empty() {
                    langs = project.resolution_languages();
                }
                out.extend(langs.into_iter().map(|l| (kind, l)));
            }
            Kind::Table => {}
            Kind::Text | Kind::Compact => out.extend(
                project
                    .resolution_languages()
                    .into_iter()
                    .map(|l| (kind, l)),
            ),
            Kind::Handout => out.extend(
                project
                    .resolution_languages()
                    .into_iter()
                    .filter(|l| crate::compose::handout::partner(project, *l).is_some())
                    .map(|l| (kind, l)),
            ),
        }
    }
    out
}
