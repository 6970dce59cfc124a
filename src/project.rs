//! A report folder: the resolution, its progress data, the trust fund and one
//! report file per language.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::load::{find_data_file, load, Format, SourceFile};
use crate::model::{Lang, Progress, Report, Resolution, StatusFile, TrustFund};

/// Everything read from a report folder.
#[derive(Debug, Clone)]
pub struct Project {
    /// The folder.
    pub dir: PathBuf,
    /// The resolution and its file.
    pub resolution: (Resolution, SourceFile),
    /// Progress data, if the folder has `progress.*` (YAML, JSON, TOML, CSV
    /// or XLSX).
    pub progress: Option<(Progress, SourceFile)>,
    /// For progress read from a spreadsheet, the row of each entry.
    pub progress_rows: Option<crate::sheet::SheetProgress>,
    /// The `statuses.yaml` file that defines statuses for a progress
    /// spreadsheet (its definitions are in `progress.statuses`).
    pub statuses_file: Option<SourceFile>,
    /// The trust fund, if the folder has `trust-fund.*`.
    pub fund: Option<(TrustFund, SourceFile)>,
    /// Report metadata by language, from `report.<lang>.*`.
    pub reports: BTreeMap<Lang, (Report, SourceFile)>,
    /// Other language versions of the resolution, from `resolution.<lang>.*`.
    pub translations: BTreeMap<Lang, (Resolution, SourceFile)>,
    /// Further resolutions for a compilation, from the `resolutions/` folder.
    pub compilation: Vec<(Resolution, SourceFile)>,
}

impl Project {
    /// Loads a folder, or the folder of a single report file (then only that
    /// report is loaded).
    pub fn load(target: &Path) -> Result<Project> {
        let (dir, only) = if target.is_dir() {
            (target.to_owned(), None)
        } else if target.is_file() {
            let dir = target.parent().map(Path::to_owned).unwrap_or_default();
            let dir = if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir
            };
            (dir, Some(target.to_owned()))
        } else {
            return Err(Error::new(
                crate::ErrorKind::Io,
                format!("{} does not exist", target.display()),
            )
            .hint("give a report folder (such as examples/ecosoc-2015-23) or a report.<lang>.yaml file"));
        };

        if let Some(file) = &only {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.starts_with("report.") {
                return Err(Error::new(
                    crate::ErrorKind::Usage,
                    format!("{} is not a report file", file.display()),
                )
                .hint("give the report folder, or one of its report.<lang>.yaml files"));
            }
        }
        check_folder(&dir)?;
        let resolution_path = find_data_file(&dir, "resolution").ok_or_else(|| {
            Error::data(format!("{} has no resolution file", dir.display()))
                .hint("add resolution.yaml (or .json, .toml); `resolute schema` describes it")
        })?;
        let resolution = load::<Resolution>(&resolution_path)?;
        let sheets: Vec<PathBuf> = ["csv", "xlsx"]
            .iter()
            .map(|ext| dir.join(format!("progress.{ext}")))
            .filter(|p| p.is_file())
            .collect();
        if sheets.len() > 1 {
            return Err(
                Error::data(format!("{} has two progress spreadsheets", dir.display()))
                    .hint("keep either progress.csv or progress.xlsx"),
            );
        }
        let sheet = sheets.into_iter().next();
        let statuses = find_data_file(&dir, "statuses")
            .map(|p| load::<StatusFile>(&p))
            .transpose()?;
        let defined = statuses.as_ref().map_or(&[][..], |s| &s.0.statuses);
        let (progress, progress_rows) = match (find_data_file(&dir, "progress"), sheet) {
            (Some(_), Some(s)) => {
                return Err(
                    Error::data(format!("{} has two progress files", dir.display())).hint(format!(
                        "keep either {} or the YAML/JSON/TOML one",
                        s.display()
                    )),
                )
            }
            (Some(p), None) => {
                if let Some((_, file)) = &statuses {
                    return Err(Error::data(format!(
                        "{} defines statuses for a progress spreadsheet, but the progress data is {}",
                        file.path.display(),
                        p.display()
                    ))
                    .hint("list the statuses under `statuses:` in the progress file and delete statuses.yaml"));
                }
                (Some(load::<Progress>(&p)?), None)
            }
            (None, Some(s)) => {
                let rows = crate::sheet::read_sheet(&s, &resolution.0.number, defined)?;
                let file = SourceFile::new(s, "");
                (Some((rows.progress.clone(), file)), Some(rows))
            }
            (None, None) => {
                if let Some((_, file)) = &statuses {
                    return Err(Error::data(format!(
                        "{} defines statuses, but the folder has no progress spreadsheet",
                        file.path.display()
                    ))
                    .hint("add progress.csv or progress.xlsx, or delete statuses.yaml"));
                }
                (None, None)
            }
        };
        let statuses_file = statuses.map(|(_, file)| file);
        let fund = find_data_file(&dir, "trust-fund")
            .map(|p| load::<TrustFund>(&p))
            .transpose()?;

        let mut translations = BTreeMap::new();
        for lang in Lang::ALL {
            if let Some(path) = find_data_file(&dir, &format!("resolution.{lang}")) {
                let (r, file) = load::<Resolution>(&path)?;
                if r.language != lang {
                    return Err(Error::data(format!("the file name says `{lang}` but the resolution's language is `{}`", r.language))
                        .at(file.key_location("language", 0))
                        .hint("name language versions resolution.<language>.yaml, matching their `language` field"));
                }
                translations.insert(lang, (r, file));
            }
        }
        let mut compilation = Vec::new();
        let extra = dir.join("resolutions");
        if extra.is_dir() {
            let entries =
                std::fs::read_dir(&extra).map_err(|e| Error::io("read the folder", &extra, e))?;
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| Format::of(p).is_some())
                .collect();
            paths.sort();
            for path in paths {
                compilation.push(load::<Resolution>(&path)?);
            }
        }
        let report_paths = match only {
            Some(p) => vec![p],
            None => report_files(&dir)?,
        };
        let mut reports = BTreeMap::new();
        for path in report_paths {
            let (report, file) = load::<Report>(&path)?;
            if let Some(lang) = lang_in_name(&path) {
                if lang != report.language {
                    return Err(Error::data(format!(
                        "the file name says `{lang}` but the report's language is `{}`",
                        report.language
                    ))
                    .at(file.key_location("language", 0))
                    .hint(
                        "name report files report.<language>.yaml, matching their `language` field",
                    ));
                }
            }
            if reports.contains_key(&report.language) {
                return Err(
                    Error::data(format!("two report files are in `{}`", report.language))
                        .at(file.key_location("language", 0))
                        .hint("keep one report file per language"),
                );
            }
            reports.insert(report.language, (report, file));
        }
        Ok(Project {
            dir,
            resolution,
            progress,
            progress_rows,
            statuses_file,
            fund,
            reports,
            translations,
            compilation,
        })
    }
}

impl Project {
    /// The resolution in `lang`: the main file if it is in that language,
    /// else its translation.
    pub fn resolution_in(&self, lang: Lang) -> Option<&Resolution> {
        if self.resolution.0.language == lang {
            return Some(&self.resolution.0);
        }
        self.translations.get(&lang).map(|t| &t.0)
    }

    /// The languages documents are made in: the resolution's and the
    /// reports'.
    pub fn languages(&self) -> Vec<Lang> {
        let mut out = self.resolution_languages();
        for lang in self.reports.keys() {
            if !out.contains(lang) {
                out.push(*lang);
            }
        }
        out
    }

    /// The languages the resolution exists in, the main one first.
    pub fn resolution_languages(&self) -> Vec<Lang> {
        let main = self.resolution.0.language;
        std::iter::once(main)
            .chain(self.translations.keys().copied().filter(|l| *l != main))
            .collect()
    }
}

/// Refuses a folder with two files for the same data (resolution.yaml and
/// resolution.toml) or a data file resolute does not know (a typo such as
/// progres.yaml would otherwise be silently ignored).
fn check_folder(dir: &Path) -> Result<()> {
    const STEMS: [&str; 4] = ["resolution", "progress", "trust-fund", "statuses"];
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read the folder", dir, e))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file() && Format::of(&e.path()).is_some())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    names.sort();
    let mut seen: Vec<&str> = Vec::new();
    for name in &names {
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
        let translation = stem
            .strip_prefix("resolution.")
            .is_some_and(|l| l.parse::<Lang>().is_ok());
        if stem.starts_with("report.") || translation {
            continue;
        }
        if !STEMS.contains(&stem) {
            let hint = match crate::error::nearest(stem, STEMS) {
                Some(best) => format!("did you mean {best}.yaml? a report folder holds resolution, progress, statuses, trust-fund and report.<lang> files"),
                None => "a report folder holds resolution, progress, statuses, trust-fund and report.<lang> files; move other data elsewhere".to_owned(),
            };
            return Err(Error::data(format!(
                "{} is not a file resolute reads",
                dir.join(name).display()
            ))
            .hint(hint));
        }
        if seen.contains(&stem) {
            return Err(
                Error::data(format!("{} has two {stem} files", dir.display()))
                    .hint(format!("keep one of {stem}.yaml, {stem}.json, {stem}.toml")),
            );
        }
        seen.push(stem);
    }
    Ok(())
}

/// The `report.<lang>.<ext>` files of a folder, sorted by name.
fn report_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read the folder", dir, e))?;
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && Format::of(p).is_some()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("report."))
        })
        .collect();
    out.sort();
    Ok(out)
}

/// The language code in a file name such as `report.fr.yaml`.
fn lang_in_name(path: &Path) -> Option<Lang> {
    let stem = path.file_stem()?.to_str()?;
    stem.rsplit('.').next()?.parse().ok()
}
