//! Importing resolutions: from the plain text of a printed resolution, and
//! from Akoma Ntoso (AKN4UN) XML.

pub mod lexicon;
pub mod text;

use std::path::Path;

use crate::assets::Assets;
use crate::error::{Error, Result};
use crate::model::Lang;

pub use text::{Dropped, Import, Join, Warning};

/// Imports a file: `.xml` as Akoma Ntoso, anything else as printed text.
/// `lang` chooses the word lists; without it the enacting formula decides.
pub fn import_file(path: &Path, lang: Option<Lang>, assets: &Assets) -> Result<Import> {
    let bytes = crate::input::read(path, &crate::input::IMPORT)?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let binary = e.as_bytes().iter().take(4096).filter(|b| **b == 0).count() > 0;
            return Err(Error::data(if binary {
                format!("{} looks like a binary file, not text", path.display())
            } else {
                format!("{} is not UTF-8 text", path.display())
            })
            .hint("extract the text first, for example with `pdftotext FILE.pdf`, and save it as UTF-8"));
        }
    };
    if path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
    {
        let resolution = crate::akn::from_akn(&text, path)?;
        return Ok(Import {
            resolution,
            dropped: Vec::new(),
            joins: Vec::new(),
            warnings: Vec::new(),
        });
    }
    let lexicons = match lang {
        Some(l) => vec![lexicon::Lexicon::load(assets, l)?],
        None => lexicons(assets)?,
    };
    text::import(&text, path, &lexicons)
}

/// The word lists the enacting formula of a text chooses from when no
/// language is given: English and French, which must load, then Spanish,
/// Russian, Arabic and Chinese, each where its word lists and locale load
/// (a `--templates` folder may lack a locale, and a language resolute cannot
/// read is then left out rather than stopping every import).
pub fn lexicons(assets: &Assets) -> Result<Vec<lexicon::Lexicon>> {
    let mut out = vec![
        lexicon::Lexicon::load(assets, Lang::En)?,
        lexicon::Lexicon::load(assets, Lang::Fr)?,
    ];
    for lang in [Lang::Es, Lang::Ru, Lang::Ar, Lang::Zh] {
        if let Ok(l) = lexicon::Lexicon::load(assets, lang) {
            out.push(l);
        }
    }
    Ok(out)
}

/// One line saying what an import found.
pub fn summary(import: &Import) -> String {
    let r = &import.resolution;
    let (mut subs, mut dashes) = (0, 0);
    let lists = r
        .all_preamble()
        .map(|p| &p.subparagraphs)
        .chain(r.all_operative().map(|p| &p.subparagraphs));
    for s in lists.flatten() {
        if s.letter == crate::model::DASH {
            dashes += 1;
        } else {
            subs += 1;
        }
    }
    format!(
        "imported {}: {} preambular and {} operative paragraphs, {} parts, {} sub-paragraphs, {} dash items, {} footnotes cited {} times, {} annexes; dropped {} lines of page furniture, joined {} words at line ends; {} warnings",
        r.number,
        r.all_preamble().count(),
        r.operative_count(),
        r.parts.len(),
        subs,
        dashes,
        r.footnotes.len(),
        r.citations().len(),
        r.annexes.len(),
        import.dropped.len(),
        import.joins.len(),
        import.warnings.len()
    )
}

/// The resolution as YAML, or as JSON or TOML when `path` says so.
pub fn serialize(resolution: &crate::model::Resolution, path: Option<&Path>) -> Result<String> {
    use crate::load::Format;
    let internal = |e: String| Error::new(crate::ErrorKind::Internal, e);
    match path.and_then(Format::of) {
        Some(Format::Json) => serde_json::to_string_pretty(resolution)
            .map(|s| s + "\n")
            .map_err(|e| internal(e.to_string())),
        Some(Format::Toml) => toml::to_string(resolution).map_err(|e| internal(e.to_string())),
        Some(Format::Yaml) | None => {
            serde_saphyr::to_string(resolution).map_err(|e| internal(e.to_string()))
        }
    }
}
