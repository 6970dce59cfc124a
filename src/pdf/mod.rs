//! The typst backend: lays the document out with the style file
//! `templates/un.typ` and writes a PDF with every font embedded. All `typst`
//! use stays in this module.

mod glyphs;
pub use glyphs::named_in as missing_glyphs;
mod world;

use std::path::Path;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::assets::{Assets, FONTS};
use crate::doc::Document;
use crate::error::{Error, ErrorKind, Location, Result};

use world::SandboxWorld;

/// Fonts loaded once and shared by every compilation.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Fonts {
    /// The bundled fonts, then every .ttf/.otf/.ttc in `dirs`.
    pub fn load(dirs: &[std::path::PathBuf]) -> Result<Fonts> {
        let mut fonts: Vec<Font> = FONTS
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        for dir in dirs {
            let entries =
                std::fs::read_dir(dir).map_err(|e| Error::io("read the font folder", dir, e))?;
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                let is_font = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(
                        e.to_ascii_lowercase().as_str(),
                        "ttf" | "otf" | "ttc" | "otc"
                    )
                });
                if is_font {
                    let data = crate::input::read(&path, &crate::input::FONT)?;
                    fonts.extend(Font::iter(Bytes::new(data)));
                }
            }
        }
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Ok(Fonts { book, fonts })
    }
}

/// A typesetter: the standard library and fonts, reused across documents.
pub struct Typesetter {
    library: LazyHash<Library>,
    fonts: Fonts,
    style: String,
    style_path: std::path::PathBuf,
}

impl Typesetter {
    /// Loads fonts and the style file from `assets`.
    pub fn new(assets: &Assets) -> Result<Typesetter> {
        let style = assets.require(
            "un.typ",
            "restore templates/un.typ in the --templates folder or remove it",
        )?;
        Ok(Typesetter {
            library: LazyHash::new(Library::default()),
            fonts: Fonts::load(assets.font_dirs())?,
            style: style.text.into_owned(),
            style_path: style.path,
        })
    }

    /// Lays out `doc`; `root` is the only folder the style may read from.
    pub fn layout(&self, doc: &Document, root: Option<&Path>) -> Result<PagedDocument> {
        let data =
            serde_json::to_vec(doc).map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))?;
        let today = Datetime::from_ymd(doc.date.year, doc.date.month, doc.date.day)
            .ok_or_else(|| Error::data(format!("{} is not a date typst can use", doc.date)))?;
        let world = SandboxWorld::new(&self.library, &self.fonts, &self.style, data, root, today);
        let result = typst::compile::<PagedDocument>(&world);
        let laid_out = result
            .output
            .map_err(|errors| self.diagnostic(&world, errors.as_slice()))?;
        glyphs::check(&laid_out)?;
        Ok(laid_out)
    }

    /// Writes `doc` as PDF/A-2b bytes.
    pub fn pdf(&self, doc: &Document, root: Option<&Path>) -> Result<Vec<u8>> {
        let laid_out = self.layout(doc, root)?;
        let date = Datetime::from_ymd_hms(doc.date.year, doc.date.month, doc.date.day, 0, 0, 0)
            .ok_or_else(|| Error::data(format!("{} is not a date typst can use", doc.date)))?;
        let standards = PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|e| Error::new(ErrorKind::Internal, e.message().to_string()))?;
        let options = PdfOptions {
            ident: Smart::Custom(format!("resolute/{}/{}", doc.title, doc.lang)),
            timestamp: Some(Timestamp::new_utc(date)),
            standards,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(&laid_out, &options).map_err(|errors| {
            let world = SandboxWorld::new(
                &self.library,
                &self.fonts,
                &self.style,
                Vec::new(),
                root,
                date,
            );
            self.diagnostic(&world, errors.as_slice())
        })
    }

    /// Turns typst's first error into ours, pointing into the style file
    /// when the error comes from there.
    fn diagnostic(&self, world: &SandboxWorld, errors: &[SourceDiagnostic]) -> Error {
        let Some(first) = errors
            .iter()
            .find(|d| d.severity == Severity::Error)
            .or(errors.first())
        else {
            return Error::new(ErrorKind::Typeset, "typst failed without saying why");
        };
        let mut err = Error::new(
            ErrorKind::Typeset,
            format!("typesetting failed: {}", first.message),
        );
        let id = first.span.id();
        if let (Some(id), Some(range)) = (id, world.range(first.span)) {
            let vpath = id.get().vpath().get_with_slash().to_owned();
            let (path, text) = if vpath == world::STYLE {
                (self.style_path.clone(), Some(self.style.clone()))
            } else if vpath == world::MAIN {
                (Path::new("(generated main file)").to_owned(), None)
            } else {
                (Path::new(&vpath).to_owned(), None)
            };
            err = match text {
                Some(text) => err.at(Location::span(&path, text.into(), range)),
                None => err.note(format!("in {}", path.display())),
            };
        }
        for hint in &first.hints {
            err = err.note(format!("typst: {}", hint.v));
        }
        err.hint("if you edited templates/un.typ, check it against the embedded one; otherwise report this as a bug")
    }
}

/// Forgets typst's memoized work, so the next layout starts cold (for
/// benchmarks; a long-lived process keeps the cache to re-render quickly).
pub fn clear_cache() {
    comemo::evict(0);
}
