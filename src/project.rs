//! A report folder: the resolution, its progress data, the trust fund and one
//! report file per language.
//!
//! The folder is read once, entry by entry: every name resolute recognises is
//! loaded (and must be a regular file inside the folder), every other data
//! file is an error (a typo such as `progres.yaml` would otherwise be
//! ignored), and [`Project::files`] is the one list of what was read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Outcome, Result};
use crate::load::{load_inside, Format, Seg, SourceFile};
use crate::model::{Lang, Progress, Report, Resolution, StatusFile, TrustFund};

/// Everything read from a report folder.
#[derive(Debug, Clone)]
pub struct Project {
    /// The folder, as given.
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
    /// The office's own narrative of each report, from `report.<lang>.md`:
    /// the body of that report, in place of the built-in one.
    pub narratives: BTreeMap<Lang, SourceFile>,
    /// Other language versions of the resolution, from `resolution.<lang>.*`.
    pub translations: BTreeMap<Lang, (Resolution, SourceFile)>,
    /// Further resolutions for a compilation, from the `resolutions/` folder.
    pub compilation: Vec<(Resolution, SourceFile)>,
    /// Files of the folder resolute recognises but did not read this time
    /// (the other reports, when one report file is given): inputs all the
    /// same, which no output may replace.
    pub unread: Vec<PathBuf>,
}

/// What a file of a report folder is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Resolution,
    Translation(Lang),
    Progress,
    Sheet,
    Statuses,
    Fund,
    Report(Lang),
    Narrative(Lang),
}

/// A data file of a report folder that resolute does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stray {
    /// A name it does not know (its stem: `progres`).
    Name(String),
    /// A report or resolution in a language that is not one of the six.
    Language {
        /// `report` or `resolution`.
        known: &'static str,
        /// The language as written (`de`).
        lang: String,
    },
}

impl Role {
    /// The role of a file named `name`, `Ok(None)` for a file resolute does
    /// not read (not a data file), `Err` for a data file it does not know.
    fn of(name: &str) -> std::result::Result<Option<Role>, Stray> {
        let Some((stem, ext)) = name.rsplit_once('.') else {
            return Ok(None);
        };
        if name.starts_with('.') {
            return Ok(None);
        }
        let data = Format::EXTENSIONS.contains(&ext);
        if matches!(ext, "csv" | "xlsx") && stem == "progress" {
            return Ok(Some(Role::Sheet));
        }
        if ext == "md" {
            // Other Markdown files (a README, notes) are the user's own.
            return match stem.split_once('.') {
                Some(("report", lang)) => lang
                    .parse()
                    .map(|l| Some(Role::Narrative(l)))
                    .map_err(|_| Stray::language("report", lang)),
                _ => Ok(None),
            };
        }
        if !data {
            return Ok(None);
        }
        let role = match stem.split_once('.') {
            None => match stem {
                "resolution" => Role::Resolution,
                "progress" => Role::Progress,
                "statuses" => Role::Statuses,
                "trust-fund" => Role::Fund,
                _ => return Err(Stray::Name(stem.to_owned())),
            },
            Some(("resolution", lang)) => Role::Translation(
                lang.parse()
                    .map_err(|_| Stray::language("resolution", lang))?,
            ),
            Some(("report", lang)) => {
                Role::Report(lang.parse().map_err(|_| Stray::language("report", lang))?)
            }
            Some(_) => return Err(Stray::Name(stem.to_owned())),
        };
        Ok(Some(role))
    }

    /// The name used when two files have this role.
    fn stem(self) -> String {
        match self {
            Role::Resolution => "resolution".into(),
            Role::Translation(l) => format!("resolution.{l}"),
            Role::Progress | Role::Sheet => "progress".into(),
            Role::Statuses => "statuses".into(),
            Role::Fund => "trust-fund".into(),
            Role::Report(l) => format!("report.{l}"),
            Role::Narrative(l) => format!("report.{l}.md"),
        }
    }
}

impl Stray {
    fn language(known: &'static str, lang: &str) -> Stray {
        Stray::Language {
            known,
            lang: lang.to_owned(),
        }
    }
}

const KNOWN: &str = "a report folder holds resolution, progress, statuses, trust-fund, resolution.<lang> and report.<lang> files, and report.<lang>.md narratives (<lang>: ar, en, es, fr, ru or zh)";

impl Project {
    /// Loads a folder, or the folder of a single report file (then only that
    /// report is loaded). Every file that cannot be read is reported, not
    /// just the first.
    pub fn load(target: &Path) -> Outcome<Project> {
        let (dir, only) = target_folder(target)?;
        let mut problems = Vec::new();
        let files = scan(&dir, &mut problems)?;

        let mut resolution = None;
        let mut translations = BTreeMap::new();
        let mut progress_file = None;
        let mut sheet = None;
        let mut statuses = None;
        let mut fund = None;
        let mut reports = BTreeMap::new();
        let mut narratives = BTreeMap::new();
        let mut unread = Vec::new();
        for (role, path) in files {
            match role {
                Role::Resolution => {
                    resolution = keep(load_inside::<Resolution>(&dir, &path), &mut problems)
                }
                Role::Translation(lang) => {
                    if let Some((r, file)) =
                        keep(load_inside::<Resolution>(&dir, &path), &mut problems)
                    {
                        if r.language != lang {
                            problems.push(language_mismatch("resolution", lang, r.language, &file));
                        }
                        translations.insert(lang, (r, file));
                    }
                }
                Role::Progress => progress_file = Some(path),
                Role::Sheet => {
                    match crate::input::check_inside(&dir, &path, &crate::input::SHEET) {
                        Ok(()) => sheet = Some(path),
                        Err(e) => problems.push(e),
                    }
                }
                Role::Statuses => {
                    statuses = keep(load_inside::<StatusFile>(&dir, &path), &mut problems)
                }
                Role::Fund => fund = keep(load_inside::<TrustFund>(&dir, &path), &mut problems),
                Role::Narrative(lang) => {
                    let read = only.as_ref().is_none_or(|o| {
                        o.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with(&format!("report.{lang}.")))
                    });
                    if !read {
                        unread.push(path);
                        continue;
                    }
                    if let Some(file) = keep(SourceFile::read_inside(&dir, &path), &mut problems) {
                        narratives.insert(lang, file);
                    }
                }
                Role::Report(lang) => {
                    if only.as_ref().is_some_and(|o| !same_name(o, &path)) {
                        unread.push(path);
                        continue;
                    }
                    if let Some((r, file)) = keep(load_inside::<Report>(&dir, &path), &mut problems)
                    {
                        if r.language != lang {
                            problems.push(language_mismatch("report", lang, r.language, &file));
                        }
                        reports.insert(lang, (r, file));
                    }
                }
            }
        }
        let compilation = load_compilation(&dir, &mut problems);
        let Some(resolution) = resolution else {
            check_loaded(
                translations.values().chain(&compilation),
                statuses
                    .iter()
                    .map(|s| &s.1)
                    .chain(fund.iter().map(|f| &f.1)),
                &reports,
                &narratives,
                &mut problems,
            );
            if problems.is_empty() {
                problems.push(
                    Error::data(format!("{} has no resolution file", dir.display())).hint(
                        "add resolution.yaml (or .json, .toml); `resolute schema` describes it",
                    ),
                );
            }
            return Err(problems.into());
        };
        let defined = statuses
            .as_ref()
            .map_or(&[][..], |s: &(StatusFile, SourceFile)| &s.0.statuses);
        let (progress, progress_rows) = match (progress_file, sheet) {
            (Some(_), Some(s)) => {
                problems.push(
                    Error::data(format!("{} has two progress files", dir.display())).hint(format!(
                        "keep either {} or the YAML/JSON/TOML one",
                        s.display()
                    )),
                );
                (None, None)
            }
            (Some(p), None) => {
                if let Some((_, file)) = &statuses {
                    problems.push(Error::data(format!(
                        "{} defines statuses for a progress spreadsheet, but the progress data is {}",
                        file.path.display(),
                        p.display()
                    ))
                    .hint("list the statuses under `statuses:` in the progress file and delete statuses.yaml"));
                }
                (keep(load_inside::<Progress>(&dir, &p), &mut problems), None)
            }
            (None, Some(s)) => match crate::sheet::read_sheet(&s, &resolution.0.number, defined) {
                Ok(rows) => {
                    let file = SourceFile::new(s, "");
                    (Some((rows.progress.clone(), file)), Some(rows))
                }
                Err(e) => {
                    problems.push(e);
                    (None, None)
                }
            },
            (None, None) => {
                if let Some((_, file)) = &statuses {
                    problems.push(
                        Error::data(format!(
                            "{} defines statuses, but the folder has no progress spreadsheet",
                            file.path.display()
                        ))
                        .hint("add progress.csv or progress.xlsx, or delete statuses.yaml"),
                    );
                }
                (None, None)
            }
        };
        if !problems.is_empty() {
            let progress_file = progress.as_ref().filter(|_| progress_rows.is_none());
            check_loaded(
                std::iter::once(&resolution)
                    .chain(translations.values())
                    .chain(&compilation),
                statuses
                    .iter()
                    .map(|s| &s.1)
                    .chain(fund.iter().map(|f| &f.1))
                    .chain(progress_file.map(|p| &p.1)),
                &reports,
                &narratives,
                &mut problems,
            );
            return Err(problems.into());
        }
        Ok(Project {
            dir,
            resolution,
            progress,
            progress_rows,
            statuses_file: statuses.map(|(_, file)| file),
            fund,
            reports,
            narratives,
            translations,
            compilation,
            unread,
        })
    }

    /// Every file the project was read from: the one list used to refuse
    /// output over an input, to check every file, and to find where a
    /// character comes from.
    pub fn files(&self) -> Vec<&Path> {
        let mut out: Vec<&Path> = self.sources().map(|f| f.path.as_path()).collect();
        out.extend(self.progress.iter().map(|p| p.1.path.as_path()));
        out.extend(self.unread.iter().map(PathBuf::as_path));
        out.sort();
        out.dedup();
        out
    }

    /// The data files of the project with their text (a spreadsheet has
    /// none), in reading order: the resolution, its language versions, the
    /// compilation, progress, statuses, fund, reports.
    pub fn sources(&self) -> impl Iterator<Item = &SourceFile> {
        std::iter::once(&self.resolution.1)
            .chain(self.translations.values().map(|t| &t.1))
            .chain(self.compilation.iter().map(|r| &r.1))
            .chain(
                self.progress
                    .iter()
                    .map(|p| &p.1)
                    .filter(|_| self.progress_rows.is_none()),
            )
            .chain(self.statuses_file.iter())
            .chain(self.fund.iter().map(|f| &f.1))
            .chain(self.reports.values().map(|r| &r.1))
            .chain(self.narratives.values())
    }

    /// Every resolution of the project with its file: the folder's own, its
    /// language versions, and the compilation's.
    pub fn resolutions(&self) -> impl Iterator<Item = (&Resolution, &SourceFile)> {
        std::iter::once(&self.resolution)
            .chain(self.translations.values())
            .chain(self.compilation.iter())
            .map(|(r, f)| (r, f))
    }

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

/// The folder of `target`, and the report file when `target` is one.
fn target_folder(target: &Path) -> Result<(PathBuf, Option<PathBuf>)> {
    let meta = std::fs::metadata(target).map_err(|_| {
        Error::new(
            crate::ErrorKind::Io,
            format!("{} does not exist", target.display()),
        )
        .hint("give a report folder (such as examples/ecosoc-2015-23) or a report.<lang>.yaml file")
    })?;
    if meta.is_dir() {
        return Ok((target.to_owned(), None));
    }
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if !matches!(Role::of(name), Ok(Some(Role::Report(_)))) {
        return Err(Error::new(
            crate::ErrorKind::Usage,
            format!("{} is not a report file", target.display()),
        )
        .hint("give the report folder, or one of its report.<lang>.yaml files"));
    }
    Ok((crate::output::folder_of(target), Some(target.to_owned())))
}

/// The files of the folder resolute reads, by role, sorted by name;
/// unknown data files and two files for one role are problems.
fn scan(dir: &Path, problems: &mut Vec<Error>) -> Result<Vec<(Role, PathBuf)>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read the folder", dir, e))?;
    let mut names: Vec<String> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io("read the folder", dir, e))?;
        match entry.file_name().into_string() {
            Ok(name) => names.push(name),
            Err(raw) => problems.push(
                Error::data(format!(
                    "{} has a file whose name is not UTF-8: {}",
                    dir.display(),
                    raw.to_string_lossy()
                ))
                .hint("rename it, or move it out of the report folder"),
            ),
        }
    }
    names.sort();
    let mut out: Vec<(Role, PathBuf)> = Vec::new();
    for name in names {
        let path = dir.join(&name);
        match Role::of(&name) {
            Ok(None) => {}
            Ok(Some(role)) => {
                if let Some((_, first)) = out.iter().find(|(r, _)| r.stem() == role.stem()) {
                    problems.push(
                        Error::data(format!(
                            "{} has two {} files: {} and {name}",
                            dir.display(),
                            role.stem(),
                            first.file_name().and_then(|n| n.to_str()).unwrap_or("")
                        ))
                        .hint(format!("keep one {} file", role.stem())),
                    );
                    continue;
                }
                out.push((role, path));
            }
            Err(stray) => {
                // Only a regular file (or a link to one) is a data file
                // gone astray; leave folders and the like alone.
                if std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                    continue;
                }
                let hint = match stray {
                    Stray::Language { known, lang } => {
                        let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
                        format!("`{lang}` is not one of the six official languages: name the file {known}.<lang>.{ext}, <lang> one of ar, en, es, fr, ru, zh")
                    }
                    Stray::Name(stem) => {
                        let stems = ["resolution", "progress", "statuses", "trust-fund", "report"];
                        match crate::error::nearest(&stem, stems) {
                            Some(best) => format!("did you mean {best}…? {KNOWN}"),
                            None => format!("{KNOWN}; move other data elsewhere"),
                        }
                    }
                };
                problems.push(
                    Error::data(format!("{} is not a file resolute reads", path.display()))
                        .hint(hint),
                );
            }
        }
    }
    Ok(out)
}

/// The resolutions of the `resolutions/` folder, sorted by name.
fn load_compilation(dir: &Path, problems: &mut Vec<Error>) -> Vec<(Resolution, SourceFile)> {
    let extra = dir.join("resolutions");
    if !std::fs::symlink_metadata(&extra).is_ok_and(|m| m.is_dir() || m.is_symlink()) {
        return Vec::new();
    }
    if let Err(e) = crate::input::check_inside(dir, &extra, &crate::input::DATA) {
        problems.push(e);
        return Vec::new();
    }
    let entries = match std::fs::read_dir(&extra) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Error::io("read the folder", &extra, e));
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| Format::of(p).is_some())
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| keep(load_inside(dir, &p), problems))
        .collect()
}

/// Runs the single-file checks on the files that loaded, when others did
/// not: the whole project cannot be checked, but these files can.
fn check_loaded<'a>(
    resolutions: impl Iterator<Item = &'a (Resolution, SourceFile)>,
    others: impl Iterator<Item = &'a SourceFile>,
    reports: &'a BTreeMap<Lang, (Report, SourceFile)>,
    narratives: &'a BTreeMap<Lang, SourceFile>,
    problems: &mut Vec<Error>,
) {
    let resolutions: Vec<&(Resolution, SourceFile)> = resolutions.collect();
    let sources = resolutions
        .iter()
        .map(|r| &r.1)
        .chain(others)
        .chain(reports.values().map(|r| &r.1))
        .chain(narratives.values());
    crate::check::single_files(
        sources,
        resolutions.iter().map(|(r, f)| (r, f)),
        reports.values().map(|(r, f)| (r, f)),
        problems,
    );
}

fn keep<T>(result: Result<T>, problems: &mut Vec<Error>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(e);
            None
        }
    }
}

fn same_name(a: &Path, b: &Path) -> bool {
    a.file_name() == b.file_name()
}

fn language_mismatch(what: &str, named: Lang, actual: Lang, file: &SourceFile) -> Error {
    Error::data(format!(
        "the file name says `{named}` but the {what}'s language is `{actual}`"
    ))
    .at(file.locate(&[Seg::Key("language")]))
    .hint(format!(
        "name language versions {what}.<language>.yaml, matching their `language` field"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_have_roles() {
        assert_eq!(Role::of("resolution.yaml"), Ok(Some(Role::Resolution)));
        assert_eq!(
            Role::of("resolution.en.json"),
            Ok(Some(Role::Translation(Lang::En)))
        );
        assert_eq!(Role::of("report.fr.toml"), Ok(Some(Role::Report(Lang::Fr))));
        assert_eq!(
            Role::of("report.fr.md"),
            Ok(Some(Role::Narrative(Lang::Fr)))
        );
        assert_eq!(Role::of("README.md"), Ok(None));
        assert_eq!(
            Role::of("report.xx.md"),
            Err(Stray::language("report", "xx"))
        );
        assert_eq!(Role::of("notes.md"), Ok(None));
        assert_eq!(Role::of("progress.xlsx"), Ok(Some(Role::Sheet)));
        assert_eq!(Role::of("preview.png"), Ok(None));
        assert_eq!(Role::of(".resolute-x.part"), Ok(None));
        assert_eq!(Role::of("progres.yaml"), Err(Stray::Name("progres".into())));
        assert_eq!(
            Role::of("report.de.yaml"),
            Err(Stray::language("report", "de"))
        );
    }
}
