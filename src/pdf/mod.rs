//! The typst backend: lays the document out with the style file
//! `templates/un.typ` and writes a PDF with every font embedded. All `typst`
//! use stays in this module.

mod glyphs;
mod passes;
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
use crate::doc::{Document, Inline};
use crate::error::{Error, ErrorKind, Location, Result};

use world::SandboxWorld;

/// Fonts loaded once and shared by every compilation.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// How many of `fonts` come from `--font-path` (they are first).
    given: usize,
}

/// The full Noto Serif CJK collections of Debian's `fonts-noto-cjk`,
/// used when the system has them: the bundled Chinese face holds the GB2312
/// characters only, these hold names such as 镕 too.
const SYSTEM_CJK: [&str; 2] = [
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
];

impl Fonts {
    /// Every .ttf/.otf/.ttc in `dirs`, then the bundled fonts. typst takes
    /// a family's first font of a weight and style, so a font given with
    /// `--font-path` comes before the bundled one of the same name.
    pub fn load(dirs: &[std::path::PathBuf]) -> Result<Fonts> {
        let mut fonts: Vec<Font> = Vec::new();
        for path in crate::assets::font_files(dirs)? {
            let data = crate::input::read(&path, &crate::input::FONT)?;
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(data)));
            if fonts.len() == before {
                return Err(Error::new(
                    ErrorKind::Data,
                    format!("{} is not a font resolute can read", path.display()),
                )
                .hint("remove it from the font folder, or replace it with a TrueType or OpenType font (.ttf, .otf, .ttc)"));
            }
        }
        let given = fonts.len();
        fonts.extend(FONTS.iter().flat_map(|data| Font::iter(Bytes::new(*data))));
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Ok(Fonts { book, fonts, given })
    }

    /// These fonts with the system's full Noto Serif CJK put before the
    /// bundled ones, if the system has it: for a document with characters
    /// the bundled fonts lack. Read as any font file is (a regular file, of
    /// bounded size); one that cannot be read is left out.
    fn with_system_cjk(&self) -> Option<Fonts> {
        let system: Vec<Font> = SYSTEM_CJK
            .iter()
            .filter_map(|path| crate::input::read(Path::new(path), &crate::input::FONT).ok())
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        if system.is_empty() {
            return None;
        }
        let mut fonts = self.fonts[..self.given].to_vec();
        fonts.extend(system);
        fonts.extend_from_slice(&self.fonts[self.given..]);
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Some(Fonts {
            book,
            fonts,
            given: self.given,
        })
    }
}

/// A typesetter: the standard library and fonts, reused across documents.
pub struct Typesetter {
    library: LazyHash<Library>,
    fonts: Fonts,
    /// `fonts` with the system's full CJK faces, loaded the first time a
    /// document needs a character the others lack (none: the system has
    /// none).
    with_system: std::sync::OnceLock<Option<Fonts>>,
    sources: world::Sources,
    style_path: std::path::PathBuf,
    /// The last layout of each document, by title and language, when
    /// layouts are kept (`watch`): the next layout of that document starts
    /// from its answers.
    earlier: Option<std::sync::Mutex<std::collections::HashMap<String, PagedDocument>>>,
}

impl Typesetter {
    /// Loads fonts and the style file from `assets`; `keep_layouts` keeps
    /// each document's last layout to start its next one from.
    pub fn new(assets: &Assets, keep_layouts: bool) -> Result<Typesetter> {
        let style = assets.require(
            "un.typ",
            "restore templates/un.typ in the --templates folder or remove it",
        )?;
        Ok(Typesetter {
            library: LazyHash::new(Library::default()),
            fonts: Fonts::load(assets.font_dirs())?,
            with_system: std::sync::OnceLock::new(),
            sources: world::Sources::new(&style.text),
            style_path: style.path,
            earlier: keep_layouts.then(Default::default),
        })
    }

    /// Lays out `doc`; `root` is the only folder the style may read from.
    /// Returns typst's warnings beside the pages.
    pub fn layout(
        &self,
        doc: &Document,
        root: Option<&Path>,
    ) -> std::result::Result<(PagedDocument, Vec<Error>), PdfError> {
        match self.layout_with(&self.fonts, doc, root) {
            Err(PdfError::MissingGlyphs(missing)) => {
                // A name outside the bundled Chinese face (镕): the system's
                // full one may have it.
                match self
                    .with_system
                    .get_or_init(|| self.fonts.with_system_cjk())
                {
                    Some(fonts) => self.layout_with(fonts, doc, root),
                    None => Err(PdfError::MissingGlyphs(missing)),
                }
            }
            other => other,
        }
    }

    fn layout_with(
        &self,
        fonts: &Fonts,
        doc: &Document,
        root: Option<&Path>,
    ) -> std::result::Result<(PagedDocument, Vec<Error>), PdfError> {
        let data = style_data(doc).map_err(PdfError::Failed)?;
        let today =
            Datetime::from_ymd(doc.date.year, doc.date.month, doc.date.day).ok_or_else(|| {
                PdfError::Failed(Error::data(format!(
                    "{} is not a date typst can use",
                    doc.date
                )))
            })?;
        let world = SandboxWorld::new(&self.library, fonts, &self.sources, data, root, today);
        let title: String = doc.title.chars().take(80).collect();
        let step = crate::budget::Step::start(
            &format!(
                "laying out “{title}” ({}) with the style file",
                doc.script.lang
            ),
            &self.style_path,
        );
        let key = format!("{}\u{0}{}", doc.title, doc.script.lang);
        let earlier = self.earlier.as_ref().and_then(|kept| {
            kept.lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&key)
                .cloned()
        });
        let result = passes::compile(&world, earlier.as_ref());
        drop(step);
        let warnings = result
            .warnings
            .iter()
            .map(|w| self.diagnostic(&world, w, "typst warns"))
            .collect();
        let laid_out = result
            .output
            .map_err(|errors| PdfError::Failed(self.first_error(&world, errors.as_slice())))?;
        let missing = glyphs::missing(&laid_out);
        if !missing.is_empty() {
            return Err(PdfError::MissingGlyphs(missing));
        }
        if let Some(kept) = &self.earlier {
            kept.lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(key, laid_out.clone());
        }
        Ok((laid_out, warnings))
    }

    /// Writes `doc` as PDF/A-2b bytes, with typst's warnings, and a
    /// picture of each page whose hash is not the one `known` gives for its
    /// number (`watch --preview`: only the pages an edit changed are drawn
    /// again).
    pub fn pdf_and_previews(
        &self,
        doc: &Document,
        root: Option<&Path>,
        known: &[u128],
    ) -> std::result::Result<Previewed, PdfError> {
        let (laid_out, warnings) = self.layout(doc, root)?;
        let mut previews = Vec::new();
        for (i, page) in laid_out.pages().iter().enumerate() {
            let hash = typst::utils::hash128(&page.frame);
            let png = if known.get(i) == Some(&hash) {
                None
            } else {
                // 96 dpi: 4/3 pixels to the point.
                let options = typst_render::RenderOptions {
                    pixel_per_pt: typst::utils::Scalar::new(4.0 / 3.0),
                    render_bleed: false,
                };
                let pixmap = typst_render::render(page, &options);
                Some(pixmap.encode_png().map_err(|e| {
                    PdfError::Failed(Error::new(
                        ErrorKind::Internal,
                        format!("cannot encode a preview: {e}"),
                    ))
                })?)
            };
            previews.push(PagePreview {
                number: i + 1,
                hash,
                png,
            });
        }
        let bytes = self
            .write_pdf(doc, &laid_out, root)
            .map_err(PdfError::Failed)?;
        Ok((bytes, warnings, previews))
    }

    /// Writes `doc` as PDF/A-2b bytes, with typst's warnings.
    pub fn pdf(
        &self,
        doc: &Document,
        root: Option<&Path>,
    ) -> std::result::Result<(Vec<u8>, Vec<Error>), PdfError> {
        let (laid_out, warnings) = self.layout(doc, root)?;
        self.write_pdf(doc, &laid_out, root)
            .map(|bytes| (bytes, warnings))
            .map_err(PdfError::Failed)
    }

    fn write_pdf(
        &self,
        doc: &Document,
        laid_out: &PagedDocument,
        root: Option<&Path>,
    ) -> Result<Vec<u8>> {
        let date = Datetime::from_ymd_hms(doc.date.year, doc.date.month, doc.date.day, 0, 0, 0)
            .ok_or_else(|| Error::data(format!("{} is not a date typst can use", doc.date)))?;
        let standards = PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|e| Error::new(ErrorKind::Internal, e.message().to_string()))?;
        let options = PdfOptions {
            ident: Smart::Custom(format!("resolute/{}/{}", doc.title, doc.script.lang)),
            timestamp: Some(Timestamp::new_utc(date)),
            standards,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(laid_out, &options).map_err(|errors| {
            let world = SandboxWorld::new(
                &self.library,
                &self.fonts,
                &self.sources,
                Vec::new(),
                root,
                date,
            );
            let mut err = self.first_error(&world, errors.as_slice());
            if err.message.contains("PDF/A") {
                err.kind = ErrorKind::Data;
                err = err.hint("a value of the data is too long or too unusual for an archival PDF: shorten long titles and headings, and check the data for odd characters");
            }
            err
        })
    }

    /// Turns typst's first error into ours.
    fn first_error(&self, world: &SandboxWorld, errors: &[SourceDiagnostic]) -> Error {
        let Some(first) = errors
            .iter()
            .find(|d| d.severity == Severity::Error)
            .or(errors.first())
        else {
            return Error::new(ErrorKind::Typeset, "typst failed without saying why");
        };
        self.diagnostic(world, first, "typesetting failed")
            .hint(format!(
            "if you edited {}, check it against the embedded one; otherwise report this as a bug",
            self.style_path.display()
        ))
    }

    /// One of typst's diagnostics as ours, pointing into the style file
    /// when it comes from there.
    fn diagnostic(&self, world: &SandboxWorld, first: &SourceDiagnostic, what: &str) -> Error {
        // A style file's own `panic(…)` is a message of the style, not a
        // crash of resolute.
        let message = first
            .message
            .replace("panicked with: ", "the style file stopped: ");
        let mut err = Error::new(ErrorKind::Typeset, format!("{what}: {message}"));
        let id = first.span.id();
        if let (Some(id), Some(range)) = (id, world.range(first.span)) {
            let vpath = id.get().vpath().get_with_slash().to_owned();
            let (path, text) = if vpath == world::STYLE {
                (
                    self.style_path.clone(),
                    Some(self.sources.style_text().to_owned()),
                )
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
        err
    }
}

/// A PDF's bytes, typst's warnings, and its pages for `watch --preview`.
pub type Previewed = (Vec<u8>, Vec<Error>, Vec<PagePreview>);

/// A page of a PDF for `watch --preview`: its number (from 1), the hash of
/// what is on it, and its picture (PNG) when it is new or changed.
#[derive(Debug, Clone)]
pub struct PagePreview {
    /// The page's number, from 1.
    pub number: usize,
    /// The hash of its content.
    pub hash: u128,
    /// Its picture, if it changed.
    pub png: Option<Vec<u8>>,
}

/// Why the typst backend made no PDF.
#[derive(Debug)]
pub enum PdfError {
    /// The fonts have no glyph for these characters, in order of first use.
    MissingGlyphs(Vec<char>),
    /// Anything else.
    Failed(Error),
}

/// The data the style file lays out (`json("/doc.json")` in the main
/// file typst compiles): `doc` as JSON, each numbered note with its number.
pub fn style_data(doc: &Document) -> Result<Vec<u8>> {
    serde_json::to_vec(&numbered_notes(doc))
        .map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))
}

/// `doc` with each numbered note given its number as its mark, in the
/// order of citation (the order Word numbers a DOCX's footnotes in). The
/// style prints the mark it is given: typst's own footnote numbers are
/// known only after a first layout of the whole document, and every
/// paragraph citing a note would be laid out a second time to print them.
fn numbered_notes(doc: &Document) -> Document {
    fn walk(inlines: &mut [Inline], next: &mut u32) {
        for inline in inlines {
            match inline {
                Inline::Note(content) => {
                    *next += 1;
                    let content = std::mem::take(content);
                    *inline = Inline::MarkedNote {
                        mark: next.to_string(),
                        content,
                    };
                }
                Inline::Emph(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                    walk(c, next)
                }
                _ => {}
            }
        }
    }
    let mut doc = doc.clone();
    let mut next = 0;
    doc.each_inlines_mut(&mut |inlines| walk(inlines, &mut next));
    doc
}

/// Forgets typst's memoized work, so the next layout starts cold (for
/// benchmarks; a long-lived process keeps the cache to re-render quickly).
pub fn clear_cache() {
    comemo::evict(0);
}

/// Forgets the memoized work no layout has used since the call before the
/// last: what documents laid out earlier left, not what one being laid out
/// on another thread uses now.
pub fn age_cache() {
    comemo::evict(2);
}
