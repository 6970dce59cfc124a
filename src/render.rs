//! Rendering a project's documents: compose, then lower to PDF or DOCX.

use std::fmt;
use std::path::Path;

use crate::assets::Assets;
use crate::compose::{self, Kind};
use crate::doc::Document;
use crate::error::{Error, Result};
use crate::model::Lang;
use crate::pdf::Typesetter;
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

/// Renders documents, keeping fonts and the typst library loaded between them.
pub struct Renderer {
    assets: Assets,
    typesetter: Option<Typesetter>,
}

impl Renderer {
    /// A renderer using `assets`.
    pub fn new(assets: Assets) -> Renderer {
        Renderer {
            assets,
            typesetter: None,
        }
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

    /// Lowers a composed document to `format`.
    pub fn lower(&mut self, doc: &Document, format: Format, root: &Path) -> Result<Vec<u8>> {
        match format {
            Format::Pdf => self.typesetter()?.pdf(doc, Some(root)),
            Format::Docx => crate::docx::render(doc),
        }
    }

    /// Composes and lowers in one step.
    pub fn render(
        &mut self,
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
    pub fn lower_for(
        &mut self,
        project: &Project,
        doc: &Document,
        format: Format,
    ) -> Result<Vec<u8>> {
        self.lower(doc, format, &project.dir)
            .map_err(|e| locate_missing_glyph(e, project))
    }

    /// The typesetter, loaded on first use.
    pub fn typesetter(&mut self) -> Result<&Typesetter> {
        if self.typesetter.is_none() {
            self.typesetter = Some(Typesetter::new(&self.assets)?);
        }
        self.typesetter
            .as_ref()
            .ok_or_else(|| Error::new(crate::ErrorKind::Internal, "no typesetter"))
    }
}

/// A missing-glyph error pointed at the first place the data has the
/// character.
fn locate_missing_glyph(err: Error, project: &Project) -> Error {
    if err.location.is_some() {
        return err;
    }
    let Some(c) = crate::pdf::missing_glyphs(&err).into_iter().next() else {
        return err;
    };
    let files = std::iter::once(&project.resolution.1)
        .chain(project.translations.values().map(|t| &t.1))
        .chain(project.compilation.iter().map(|r| &r.1))
        .chain(project.progress.iter().map(|p| &p.1))
        .chain(project.fund.iter().map(|f| &f.1))
        .chain(project.reports.values().map(|r| &r.1));
    for file in files {
        if let Some(at) = file.text.find(c) {
            let span = at..at + c.len_utf8();
            return err.at(crate::error::Location::span(
                &file.path,
                file.text.clone(),
                span,
            ));
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
