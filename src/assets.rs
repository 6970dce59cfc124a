//! Templates, locale strings, the typst style file and fonts: embedded in the
//! binary, and overridable file by file from a `--templates` folder.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Pairs of a path under `templates/` and the text of that file, embedded.
macro_rules! embedded {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../templates/", $path)))),*]
    };
}

/// The embedded template files, by their path under `templates/`: the
/// narrative and its pieces and the locale strings of every language, the
/// typst style, the Word styles and the importer's word lists.
const TEMPLATES: &[(&str, &str)] = embedded![
    "report/ar.md",
    "report/ar/status-summary.md",
    "report/ar/actions.md",
    "report/ar/fund-summary.md",
    "report/ar/contributions-table.md",
    "report/ar/expenditures-table.md",
    "report/zh.md",
    "report/zh/status-summary.md",
    "report/zh/actions.md",
    "report/zh/fund-summary.md",
    "report/zh/contributions-table.md",
    "report/zh/expenditures-table.md",
    "report/en.md",
    "report/en/status-summary.md",
    "report/en/actions.md",
    "report/en/fund-summary.md",
    "report/en/contributions-table.md",
    "report/en/expenditures-table.md",
    "report/fr.md",
    "report/fr/status-summary.md",
    "report/fr/actions.md",
    "report/fr/fund-summary.md",
    "report/fr/contributions-table.md",
    "report/fr/expenditures-table.md",
    "report/ru.md",
    "report/ru/status-summary.md",
    "report/ru/actions.md",
    "report/ru/fund-summary.md",
    "report/ru/contributions-table.md",
    "report/ru/expenditures-table.md",
    "report/es.md",
    "report/es/status-summary.md",
    "report/es/actions.md",
    "report/es/fund-summary.md",
    "report/es/contributions-table.md",
    "report/es/expenditures-table.md",
    "locales/ar.yaml",
    "locales/zh.yaml",
    "locales/en.yaml",
    "locales/fr.yaml",
    "locales/ru.yaml",
    "locales/es.yaml",
    "un.typ",
    "word/styles.xml",
    "import/ar.yaml",
    "import/zh.yaml",
    "import/en.yaml",
    "import/fr.yaml",
    "import/ru.yaml",
    "import/es.yaml",
];

/// The embedded fonts, all under the SIL Open Font License 1.1 (see
/// `fonts/README.md`): Liberation Serif for Latin and Cyrillic, Noto Naskh
/// Arabic, and Noto Serif CJK SC cut down to the GB2312 characters.
pub const FONTS: &[&[u8]] = &[
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
    include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../fonts/NotoSerifCJKsc-Regular.subset.otf"),
    include_bytes!("../fonts/NotoSerifCJKsc-Bold.subset.otf"),
];

/// The font files (.ttf, .otf, .ttc, .otc) of `dirs`, sorted by name within
/// each folder.
pub fn font_files(dirs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for dir in dirs {
        let entries =
            std::fs::read_dir(dir).map_err(|e| Error::io("read the font folder", dir, e))?;
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        out.extend(paths.into_iter().filter(|path| {
            path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                matches!(
                    e.to_ascii_lowercase().as_str(),
                    "ttf" | "otf" | "ttc" | "otc"
                )
            })
        }));
    }
    Ok(out)
}

/// A template file's text and where it came from.
#[derive(Debug, Clone)]
pub struct Asset {
    /// The text.
    pub text: Cow<'static, str>,
    /// The path to name in messages: the override file, or `templates/NAME`.
    pub path: PathBuf,
}

/// Where templates are looked up: an override folder first, then the binary.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    dir: Option<PathBuf>,
    font_dirs: Vec<PathBuf>,
}

impl Assets {
    /// Embedded templates only.
    pub fn embedded() -> Assets {
        Assets::default()
    }

    /// Templates from `dir` where it has them, embedded ones otherwise.
    pub fn with_dir(dir: Option<PathBuf>) -> Result<Assets> {
        if let Some(d) = &dir {
            if !d.is_dir() {
                return Err(Error::new(
                    crate::ErrorKind::Io,
                    format!("the templates folder {} does not exist", d.display()),
                )
                .hint("give --templates a folder laid out like templates/ in the repository"));
            }
        }
        Ok(Assets {
            dir,
            font_dirs: Vec::new(),
        })
    }

    /// Adds folders whose .ttf/.otf fonts are offered to the typesetter.
    pub fn with_font_dirs(mut self, dirs: Vec<PathBuf>) -> Assets {
        self.font_dirs = dirs;
        self
    }

    /// The extra font folders.
    pub fn font_dirs(&self) -> &[PathBuf] {
        &self.font_dirs
    }

    /// The template file `name` (a path under `templates/`), if it exists.
    pub fn get(&self, name: &str) -> Result<Option<Asset>> {
        if let Some(dir) = &self.dir {
            let path = dir.join(name);
            // A name that is there but no regular file (a folder, a FIFO, a
            // dangling link) is an error, not a fall back to the embedded
            // file.
            if std::fs::symlink_metadata(&path).is_ok() {
                let bytes = crate::input::read(&path, &crate::input::TEMPLATE)?;
                let text = String::from_utf8(bytes).map_err(|_| {
                    Error::new(
                        crate::ErrorKind::Template,
                        format!("{} is not UTF-8 text", path.display()),
                    )
                    .hint("save the template as UTF-8")
                })?;
                return Ok(Some(Asset {
                    text: Cow::Owned(text),
                    path,
                }));
            }
        }
        Ok(TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, text)| Asset {
                text: Cow::Borrowed(text),
                path: Path::new("templates").join(n),
            }))
    }

    /// The files of `--templates` and `--font-path` a run may read: every
    /// file of the templates folder (a template of another language, a word
    /// list, the style file) and the font files of the font folders. Part of
    /// the one list of a run's inputs, which no output may replace.
    pub fn files(&self) -> Result<Vec<PathBuf>> {
        let mut out: Vec<PathBuf> = Vec::new();
        if let Some(dir) = &self.dir {
            out = crate::input::files_below(dir, 4, 10_000, &|_| false).files;
        }
        out.extend(font_files(&self.font_dirs)?);
        Ok(out)
    }

    /// Like [`Assets::get`], but a missing file is an error with `hint`.
    pub fn require(&self, name: &str, hint: &str) -> Result<Asset> {
        self.get(name)?.ok_or_else(|| {
            Error::new(
                crate::ErrorKind::Template,
                format!("no template file `{name}`"),
            )
            .hint(hint.to_owned())
        })
    }
}
