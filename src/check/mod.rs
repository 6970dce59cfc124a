//! Consistency checks across the files of a project: numbering, footnote
//! citations, progress entries that name real paragraphs, translations,
//! characters. Every check reports every problem it finds, each at its place.

mod progress;
mod text;

use std::collections::HashSet;

use crate::error::{Error, Location};
use crate::load::{Seg, SourceFile};
use crate::model::{Lang, Report, Resolution, TrustFund, DASH};
use crate::project::Project;

pub use progress::{check_progress, check_progress_at, check_statuses};
pub use text::{check_characters, forbidden_char, forbidden_hint, MAX_TITLE};

/// The languages each part of the data is printed in.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    /// The languages of the documents that print progress data (the
    /// report and the implementation table).
    pub progress: Vec<Lang>,
    /// The languages of the documents that print the trust fund (the
    /// report).
    pub fund: Vec<Lang>,
}

impl Languages {
    /// The languages a project's documents print each part in.
    pub fn of(project: &Project) -> Languages {
        let reports: Vec<Lang> = project.reports.keys().copied().collect();
        let mut progress = reports.clone();
        if progress.is_empty() {
            progress = project.resolution_languages();
        }
        Languages {
            progress,
            fund: reports,
        }
    }
}

/// Runs every check on a loaded project and returns every problem found.
pub fn project(project: &Project) -> Vec<Error> {
    let mut out = Vec::new();
    single_files(
        project.sources(),
        project.resolutions(),
        project.reports.values().map(|(r, f)| (r, f)),
        &mut out,
    );
    let (resolution, _) = &project.resolution;
    let others: Vec<&Resolution> = project.compilation.iter().map(|(r, _)| r).collect();
    let langs = Languages::of(project);
    if let Some((progress, pfile)) = &project.progress {
        match &project.progress_rows {
            Some(rows) => {
                if let Some(sfile) = &project.statuses_file {
                    check_statuses(
                        &progress.statuses,
                        &project.languages(),
                        |j, key| {
                            sfile.locate(&[Seg::Key("statuses"), Seg::Index(j), Seg::Key(key)])
                        },
                        &mut out,
                    );
                }
                check_progress_at(
                    progress,
                    resolution,
                    &others,
                    |i, key| rows.location(&pfile.path, i, key),
                    &mut out,
                );
                text::check_sheet_languages(pfile, &langs.progress, &mut out);
            }
            None => {
                check_statuses(
                    &progress.statuses,
                    &project.languages(),
                    |j, key| pfile.locate(&[Seg::Key("statuses"), Seg::Index(j), Seg::Key(key)]),
                    &mut out,
                );
                check_progress(progress, pfile, resolution, &others, &mut out);
                text::check_progress_languages(progress, pfile, &langs.progress, &mut out);
            }
        }
    }
    for (lang, file) in &project.narratives {
        if !project.reports.contains_key(lang) {
            out.push(
                Error::data(format!(
                    "{} is the body of the report in `{lang}`, but the folder has no report.{lang}.yaml",
                    file.path.display()
                ))
                .hint(format!(
                    "add report.{lang}.yaml (its symbol, date, organ and title), or remove the narrative"
                )),
            );
        }
    }
    for (lang, (report, file)) in &project.reports {
        let narrative = project.narratives.contains_key(lang);
        out.extend(crate::compose::issue::problems(report, narrative, file));
    }
    if let Some((fund, ffile)) = &project.fund {
        check_fund(fund, ffile, &mut out);
        text::check_fund_languages(fund, ffile, &langs.fund, &mut out);
    }
    out
}

/// The checks that need one file alone: the characters of every file, and
/// each resolution and report on its own. They also run on the files that
/// loaded when others of the folder did not, so one run reports both.
pub fn single_files<'a>(
    sources: impl IntoIterator<Item = &'a SourceFile>,
    resolutions: impl IntoIterator<Item = (&'a Resolution, &'a SourceFile)>,
    reports: impl IntoIterator<Item = (&'a Report, &'a SourceFile)>,
    out: &mut Vec<Error>,
) {
    for file in sources {
        check_characters(file, out);
    }
    for (resolution, file) in resolutions {
        check_resolution(resolution, file, out);
    }
    for (report, file) in reports {
        check_report(report, file, out);
    }
}

/// Checks a report on its own: what its organ's format needs, dates in
/// order, a title of sensible length.
fn check_report(report: &Report, file: &SourceFile, out: &mut Vec<Error>) {
    out.extend(crate::compose::first_page::problems(report, file));
    text::check_title(&report.title, file, out);
}

/// Checks that a fund's totals can be computed.
pub fn check_fund(fund: &TrustFund, file: &SourceFile, out: &mut Vec<Error>) {
    let too_big = |what: &str, key: &str| {
        Error::data(format!("the {what} add up to more than resolute can count"))
            .at(file.locate(&[Seg::Key(key)]))
            .hint("amounts are whole units of the currency; check for a misplaced digit")
    };
    let sum = |amounts: Vec<u64>| {
        amounts
            .into_iter()
            .try_fold(0u64, |sum, a| sum.checked_add(a))
    };
    if sum(fund.contributions.iter().map(|c| c.amount).collect()).is_none() {
        out.push(too_big("contributions", "contributions"));
    }
    if sum(fund.expenditures.iter().map(|e| e.amount).collect()).is_none() {
        out.push(too_big("expenditures", "expenditures"));
    }
}

/// Checks a resolution on its own: paragraphs numbered 1..N, letters in order,
/// every footnote cited and every citation defined, a title of sensible
/// length.
pub fn check_resolution(resolution: &Resolution, file: &SourceFile, out: &mut Vec<Error>) {
    text::check_title(&resolution.title, file, out);
    if resolution.operative_count() == 0 {
        out.push(
            Error::data("the resolution has no operative paragraph")
                .at(file.locate(&[Seg::Key("operative")]))
                .hint("list the numbered paragraphs under `operative`"),
        );
    }
    check_numbering(resolution, file, out);
    let mut lists: Vec<(Vec<Seg>, &[crate::model::SubParagraph])> = Vec::new();
    for (k, (part, preamble, operative)) in resolution.divisions().enumerate() {
        let base: Vec<Seg> = match part {
            Some(_) => vec![Seg::Key("parts"), Seg::Index(k - 1)],
            None => Vec::new(),
        };
        let at = |key: &'static str, i: usize| {
            let mut path = base.clone();
            path.extend([Seg::Key(key), Seg::Index(i)]);
            path
        };
        for (i, p) in preamble.iter().enumerate() {
            lists.push((at("preamble", i), &p.subparagraphs));
        }
        for (i, p) in operative.iter().enumerate() {
            lists.push((at("operative", i), &p.subparagraphs));
        }
    }
    for (path, subs) in lists {
        // A list is lettered a, b, c … or all dash items.
        let dashes = subs.first().is_some_and(|s| s.letter == DASH);
        for (j, s) in subs.iter().enumerate() {
            let expected = if dashes { DASH.to_owned() } else { letter(j) };
            if s.letter != expected {
                let mut at = path.clone();
                at.extend([Seg::Key("subparagraphs"), Seg::Index(j), Seg::Key("letter")]);
                out.push(
                    Error::data(format!(
                        "sub-paragraph `{}` is the {} of its list; expected `{expected}`",
                        s.letter,
                        ordinal(j + 1)
                    ))
                    .at(file.locate(&at))
                    .hint(if dashes {
                        "a list that opens with a dash item (`—`) is all dash items"
                    } else {
                        "letter sub-paragraphs a, b, c … in order, or give each `—` for dash items"
                    }),
                );
                break;
            }
        }
    }
    let citations = resolution.citations();
    let defined: HashSet<&str> = resolution
        .footnotes
        .iter()
        .map(|f| f.marker.as_str())
        .collect();
    let cited: HashSet<&str> = citations.iter().map(|c| c.marker.as_str()).collect();
    let mut reported: HashSet<&str> = HashSet::new();
    for c in &citations {
        if defined.contains(c.marker.as_str()) || !reported.insert(&c.marker) {
            continue;
        }
        let markers: Vec<&str> = resolution
            .footnotes
            .iter()
            .map(|f| f.marker.as_str())
            .collect();
        out.push(
            Error::data(format!(
                "{} cites footnote [^{}], which `footnotes` does not define",
                c.place, c.marker
            ))
            .at(locate_text(file, &format!("[^{}]", c.marker)))
            .hint(if markers.is_empty() {
                "add the footnote under `footnotes`".to_owned()
            } else {
                format!("defined footnotes: {}", markers.join(", "))
            }),
        );
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, f) in resolution.footnotes.iter().enumerate() {
        let at = || file.locate(&[Seg::Key("footnotes"), Seg::Index(i), Seg::Key("marker")]);
        if !seen.insert(&f.marker) {
            out.push(
                Error::data(format!("footnote {} is defined twice", f.marker))
                    .at(at())
                    .hint("give each footnote its own marker"),
            );
        } else if !cited.contains(f.marker.as_str()) {
            out.push(
                Error::data(format!("footnote {} is never cited", f.marker))
                    .at(at())
                    .hint(format!(
                        "cite it in the text as [^{}] where its marker stands",
                        f.marker
                    )),
            );
        }
    }
}

/// Operative paragraphs numbered 1..N, through the parts or afresh in each
/// part (the first mistake of each run is reported).
fn check_numbering(resolution: &Resolution, file: &SourceFile, out: &mut Vec<Error>) {
    let mut last = 0u32;
    for (k, (part, _, operative)) in resolution.divisions().enumerate() {
        for (i, p) in operative.iter().enumerate() {
            // A part may start again at 1.
            let expected = if i == 0 && part.is_some() && p.number == 1 {
                1
            } else {
                last + 1
            };
            if p.number == expected {
                last = p.number;
                continue;
            }
            let mut path = match part {
                Some(_) => vec![Seg::Key("parts"), Seg::Index(k - 1)],
                None => Vec::new(),
            };
            path.extend([Seg::Key("operative"), Seg::Index(i), Seg::Key("number")]);
            let twice = operative[..i].iter().any(|q| q.number == p.number);
            let (message, hint) = if twice {
                (
                    format!("operative paragraph {} appears twice", p.number),
                    format!("this is paragraph {expected}: renumber it, or merge the two"),
                )
            } else {
                (
                    format!(
                        "operative paragraph {} follows paragraph {last}; expected {expected}",
                        p.number
                    ),
                    "number operative paragraphs 1, 2, 3 … without gaps or repeats (a part may start again at 1)".to_owned(),
                )
            };
            out.push(Error::data(message).at(file.locate(&path)).hint(hint));
            // The rest are off by the same step; one message says it.
            return;
        }
    }
}

/// The letter of the `i`-th (0-based) sub-paragraph: a … z, then aa, bb …
pub fn letter(i: usize) -> String {
    let c = (b'a' + (i % 26) as u8) as char;
    std::iter::repeat_n(c, i / 26 + 1).collect()
}

/// The rank (from 0) of a sub-paragraph letter as [`letter`] writes it:
/// `a` is 0, `z` 25, `aa` 26.
pub fn letter_rank(label: &str) -> Option<usize> {
    let first = label.bytes().next()?;
    let rank = usize::from(first.checked_sub(b'a')?);
    (rank < 26 && label.bytes().all(|b| b == first)).then(|| rank + 26 * (label.len() - 1))
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn locate_text(file: &SourceFile, needle: &str) -> Location {
    match file.text.find(needle) {
        Some(i) => Location::span(&file.path, file.text.clone(), i..i + needle.len()),
        None => file.location(1, 1),
    }
}

#[cfg(test)]
mod tests;
