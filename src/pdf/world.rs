//! The sandboxed typst `World`: the style file, the document as JSON and the
//! bundled fonts are in memory; the report's own folder is readable; nothing
//! else is — no other path, no package, no clock.

use std::path::{Path, PathBuf};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::Fonts;
use crate::input::Refusal;

/// The path of the main source in the virtual file system.
pub const MAIN: &str = "/main.typ";
/// The path of the style file.
pub const STYLE: &str = "/un.typ";
/// The path of the document data.
pub const DATA: &str = "/doc.json";

/// One compilation's world.
pub struct SandboxWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a Fonts,
    sources: &'a Sources,
    data: Bytes,
    root: Option<PathBuf>,
    today: Datetime,
}

/// The main file and the style file, parsed once for every document a
/// typesetter lays out.
pub struct Sources {
    main: Source,
    style: Source,
    data: FileId,
}

impl Sources {
    /// The main file, which lays out the data with `style`, and the style.
    pub fn new(style: &str) -> Sources {
        let main = file_id(MAIN);
        let style_id = file_id(STYLE);
        let main_text =
            format!("#import \"{STYLE}\": un-document\n#un-document(json(\"{DATA}\"))\n");
        Sources {
            main: Source::new(main, main_text),
            style: Source::new(style_id, style.to_owned()),
            data: file_id(DATA),
        }
    }

    /// The style file's text.
    pub fn style_text(&self) -> &str {
        self.style.text()
    }

    fn get(&self, id: FileId) -> Option<&Source> {
        [&self.main, &self.style]
            .into_iter()
            .find(|source| source.id() == id)
    }
}

/// The file id of a path in the project root.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed absolute path is valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl<'a> SandboxWorld<'a> {
    /// A world whose main file lays out `data` with the style of `sources`.
    pub fn new(
        library: &'a LazyHash<Library>,
        fonts: &'a Fonts,
        sources: &'a Sources,
        data: Vec<u8>,
        root: Option<&Path>,
        today: Datetime,
    ) -> Self {
        SandboxWorld {
            library,
            fonts,
            sources,
            data: Bytes::new(data),
            root: root.and_then(|r| r.canonicalize().ok()),
            today,
        }
    }

    /// Reads a file of the report folder, refusing anything outside it.
    fn read_from_root(&self, id: FileId) -> FileResult<Vec<u8>> {
        let rooted = id.get();
        if !matches!(rooted.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some(
                "packages are not available to resolute documents".into(),
            )));
        }
        let Some(root) = &self.root else {
            return Err(FileError::AccessDenied);
        };
        let vpath = rooted.vpath();
        let path = vpath.realize(root).map_err(FileError::Realize)?;
        // Only regular files of the folder, of a bounded size: a FIFO would
        // block the compiler, /dev/zero would fill memory.
        let limit = &crate::input::STYLE_READ;
        crate::input::read_raw_inside(root, &path, limit).map_err(|refusal| match refusal {
            Refusal::Io(e) => FileError::from_io(e, &path),
            Refusal::Outside(_) => FileError::AccessDenied,
            refused => FileError::Other(Some(
                crate::input::refusal_error(&path, limit, refused)
                    .message
                    .into(),
            )),
        })
    }
}

impl World for SandboxWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.sources.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Some(source) = self.sources.get(id) {
            return Ok(source.clone());
        }
        let bytes = self.read_from_root(id)?;
        let text = String::from_utf8(bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.sources.data {
            return Ok(self.data.clone());
        }
        if let Some(source) = self.sources.get(id) {
            return Ok(Bytes::from_string(source.clone()));
        }
        self.read_from_root(id).map(Bytes::new)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
