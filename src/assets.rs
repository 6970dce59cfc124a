//! Templates, locale strings, the typst style file and fonts: embedded in the
//! binary, and overridable file by file from a `--templates` folder.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The embedded template files, by their path under `templates/`.
const TEMPLATES: &[(&str, &str)] = &[
    ("report/en.md", include_str!("../templates/report/en.md")),
    ("report/fr.md", include_str!("../templates/report/fr.md")),
    (
        "report/en/status-summary.md",
        include_str!("../templates/report/en/status-summary.md"),
    ),
    (
        "report/en/actions.md",
        include_str!("../templates/report/en/actions.md"),
    ),
    (
        "report/en/fund-summary.md",
        include_str!("../templates/report/en/fund-summary.md"),
    ),
    (
        "report/en/contributions-table.md",
        include_str!("../templates/report/en/contributions-table.md"),
    ),
    (
        "report/en/expenditures-table.md",
        include_str!("../templates/report/en/expenditures-table.md"),
    ),
    (
        "report/fr/status-summary.md",
        include_str!("../templates/report/fr/status-summary.md"),
    ),
    (
        "report/fr/actions.md",
        include_str!("../templates/report/fr/actions.md"),
    ),
    (
        "report/fr/fund-summary.md",
        include_str!("../templates/report/fr/fund-summary.md"),
    ),
    (
        "report/fr/contributions-table.md",
        include_str!("../templates/report/fr/contributions-table.md"),
    ),
    (
        "report/fr/expenditures-table.md",
        include_str!("../templates/report/fr/expenditures-table.md"),
    ),
    (
        "locales/en.yaml",
        include_str!("../templates/locales/en.yaml"),
    ),
    (
        "locales/fr.yaml",
        include_str!("../templates/locales/fr.yaml"),
    ),
    ("un.typ", include_str!("../templates/un.typ")),
    (
        "word/styles.xml",
        include_str!("../templates/word/styles.xml"),
    ),
    (
        "import/en.yaml",
        include_str!("../templates/import/en.yaml"),
    ),
    (
        "import/fr.yaml",
        include_str!("../templates/import/fr.yaml"),
    ),
];

/// The embedded fonts (Liberation Serif, SIL Open Font License 1.1).
pub const FONTS: &[&[u8]] = &[
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The files below `dir` (not following links to folders), a few levels
/// deep, as the templates folder is laid out.
fn files_below(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    const DEEPEST: usize = 4;
    const MOST: usize = 10_000;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if out.len() >= MOST {
            return;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() && depth < DEEPEST => files_below(&path, depth + 1, out),
            Ok(t) if !t.is_dir() => out.push(path),
            _ => {}
        }
    }
}

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
            files_below(dir, 0, &mut out);
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
