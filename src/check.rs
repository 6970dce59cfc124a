//! Consistency checks across the files of a project: numbering, footnote
//! citations, progress entries that name real paragraphs.

use crate::error::{Error, Result};
use crate::load::SourceFile;
use crate::model::{Lang, Progress, Resolution, Status, StatusDefinition, Text, TrustFund};
use crate::project::Project;

/// Runs every check on a loaded project; the first problem found is returned.
pub fn project(project: &Project) -> Result<()> {
    let (resolution, file) = &project.resolution;
    check_resolution(resolution, file)?;
    for (r, rfile) in &project.compilation {
        check_resolution(r, rfile)?;
    }
    let others: Vec<&Resolution> = project.compilation.iter().map(|(r, _)| r).collect();
    if let Some((progress, pfile)) = &project.progress {
        let langs = project.languages();
        match (&project.progress_rows, &project.statuses_file) {
            (Some(rows), statuses) => {
                if let Some(sfile) = statuses {
                    check_statuses(&progress.statuses, &langs, |j, key| {
                        sfile.key_location_after("statuses", key, j)
                    })?;
                }
                check_progress_at(progress, resolution, &others, |i, key| {
                    rows.location(&pfile.path, i, key)
                })?
            }
            (None, _) => {
                check_statuses(&progress.statuses, &langs, |j, key| {
                    pfile.key_location_after("statuses", key, j)
                })?;
                check_progress(progress, pfile, resolution, &others)?
            }
        }
    }
    if let Some((fund, ffile)) = &project.fund {
        check_fund(fund, ffile)?;
    }
    for (report, rfile) in project.reports.values() {
        if report.session.end < report.session.start {
            return Err(Error::data(format!(
                "the session ends ({}) before it starts ({})",
                report.session.end, report.session.start
            ))
            .at(rfile.key_location("end", 0))
            .hint("swap `start` and `end`"));
        }
    }
    let mut files = vec![file];
    files.extend(project.compilation.iter().map(|r| &r.1));
    files.extend(project.statuses_file.iter());
    files.extend(project.progress.iter().map(|p| &p.1));
    files.extend(project.fund.iter().map(|f| &f.1));
    files.extend(project.reports.values().map(|r| &r.1));
    for f in files {
        check_characters(f)?;
    }
    Ok(())
}

/// Refuses control characters in a data file: they print as nothing or as
/// garbage, and can disturb a terminal when an error quotes the line.
pub fn check_characters(file: &SourceFile) -> Result<()> {
    if let Some((at, c, what)) = forbidden_char(&file.text) {
        return Err(
            Error::data(format!("the file contains {what} U+{:04X}", c as u32))
                .at(crate::error::Location::span(
                    &file.path,
                    file.text.clone(),
                    at..at + c.len_utf8(),
                ))
                .hint(forbidden_hint(c)),
        );
    }
    Ok(())
}

/// The first character of `text` that no document may contain, with its
/// byte offset and what it is: control characters other than line breaks
/// and tabs, and the bidirectional formatting characters (embeddings,
/// overrides, isolates and marks), which would reorder the printed text
/// ("Conseil" printed as "liesnoC"). No rule allows the bidirectional ones
/// yet: Arabic documents, when they come, will say where marks belong.
pub fn forbidden_char(text: &str) -> Option<(usize, char, &'static str)> {
    text.char_indices().find_map(|(at, c)| {
        let what = if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
            "the control character"
        } else if matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            "the bidirectional formatting character"
        } else {
            return None;
        };
        Some((at, c, what))
    })
}

/// What to do about a character [`forbidden_char`] found.
pub fn forbidden_hint(c: char) -> &'static str {
    if c.is_control() {
        "remove it; use a space or a new paragraph instead"
    } else {
        "remove it: it changes the order in which the text prints; the bidirectional algorithm orders mixed text by itself"
    }
}

/// Checks that a fund's totals can be computed.
pub fn check_fund(fund: &TrustFund, file: &SourceFile) -> Result<()> {
    let too_big = |what: &str, key: &str| {
        Error::data(format!("the {what} add up to more than resolute can count"))
            .at(file.key_location(key, 0))
            .hint("amounts are whole units of the currency; check for a misplaced digit")
    };
    fund.contributions
        .iter()
        .try_fold(0u64, |sum, c| sum.checked_add(c.amount))
        .ok_or_else(|| too_big("contributions", "contributions"))?;
    fund.expenditures
        .iter()
        .try_fold(0u64, |sum, e| sum.checked_add(e.amount))
        .ok_or_else(|| too_big("expenditures", "expenditures"))?;
    Ok(())
}

/// Checks a resolution on its own: paragraphs numbered 1..N, letters in order,
/// every footnote cited and every citation defined.
pub fn check_resolution(resolution: &Resolution, file: &SourceFile) -> Result<()> {
    if resolution.operative.is_empty() {
        return Err(Error::data("the resolution has no operative paragraph")
            .at(file.key_location("operative", 0))
            .hint("list the numbered paragraphs under `operative`"));
    }
    for (i, p) in resolution.operative.iter().enumerate() {
        let expected = i as u32 + 1;
        if p.number != expected {
            return Err(Error::data(format!(
                "operative paragraph {} follows paragraph {}; expected {expected}",
                p.number, i
            ))
            .at(file.key_location_after("operative", "number", i))
            .hint("number operative paragraphs 1, 2, 3 … without gaps or repeats"));
        }
    }
    let lists = resolution
        .preamble
        .iter()
        .map(|p| &p.subparagraphs)
        .chain(resolution.operative.iter().map(|p| &p.subparagraphs));
    let mut letter_index = 0;
    for subs in lists {
        for (i, s) in subs.iter().enumerate() {
            let expected = letter(i);
            if s.letter != expected {
                return Err(Error::data(format!(
                    "sub-paragraph `{}` is the {} of its list; expected `{expected}`",
                    s.letter,
                    ordinal(i + 1)
                ))
                .at(file.key_location("letter", letter_index))
                .hint("letter sub-paragraphs a, b, c … in order"));
            }
            letter_index += 1;
        }
    }
    let citations = resolution.citations();
    for c in &citations {
        if resolution.footnote(&c.marker).is_none() {
            let markers: Vec<&str> = resolution
                .footnotes
                .iter()
                .map(|f| f.marker.as_str())
                .collect();
            return Err(Error::data(format!(
                "{} cites footnote [^{}], which `footnotes` does not define",
                c.place, c.marker
            ))
            .at(locate_text(file, &format!("[^{}]", c.marker)))
            .hint(if markers.is_empty() {
                "add the footnote under `footnotes`".to_owned()
            } else {
                format!("defined footnotes: {}", markers.join(", "))
            }));
        }
    }
    for (i, f) in resolution.footnotes.iter().enumerate() {
        if !citations.iter().any(|c| c.marker == f.marker) {
            return Err(Error::data(format!("footnote {} is never cited", f.marker))
                .at(file.key_location("marker", i))
                .hint(format!(
                    "cite it in the text as [^{}] where its marker stands",
                    f.marker
                )));
        }
        if resolution.footnotes[..i]
            .iter()
            .any(|g| g.marker == f.marker)
        {
            return Err(
                Error::data(format!("footnote {} is defined twice", f.marker))
                    .at(file.key_location("marker", i))
                    .hint("give each footnote its own marker"),
            );
        }
    }
    Ok(())
}

/// Checks progress data against its resolution and the `others` of the
/// folder's compilation.
pub fn check_progress(
    progress: &Progress,
    file: &SourceFile,
    resolution: &Resolution,
    others: &[&Resolution],
) -> Result<()> {
    check_progress_at(progress, resolution, others, |i, key| {
        // Keys an entry may leave out are counted over the entries that
        // have them.
        let before = &progress.paragraphs[..i.min(progress.paragraphs.len())];
        let occurrence = match key {
            "subparagraph" => before.iter().filter(|e| e.subparagraph.is_some()).count(),
            "resolution" => before.iter().filter(|e| e.resolution.is_some()).count(),
            _ => i,
        };
        match (key, i) {
            ("resolution", usize::MAX) => file.key_location("resolution", 0),
            _ => file.key_location_after("paragraphs", key, occurrence),
        }
    })
}

/// Checks progress data, `locate(i, key)` giving where entry `i`'s `key` is
/// (`i` is `usize::MAX` for the file's own `resolution`).
pub fn check_progress_at(
    progress: &Progress,
    resolution: &Resolution,
    others: &[&Resolution],
    locate: impl Fn(usize, &str) -> crate::error::Location,
) -> Result<()> {
    if progress.resolution != resolution.number {
        return Err(Error::data(format!(
            "the progress data is about resolution {}, but the folder's resolution is {}",
            progress.resolution, resolution.number
        ))
        .at(locate(usize::MAX, "resolution"))
        .hint(format!("set `resolution: \"{}\"`", resolution.number)));
    }
    let statuses = Status::all(&progress.statuses);
    for (i, entry) in progress.paragraphs.iter().enumerate() {
        let resolution = match entry.other_resolution(&progress.resolution) {
            None => resolution,
            Some(number) => match others.iter().find(|r| r.number == number) {
                Some(r) => r,
                None => {
                    let mut known = vec![resolution.number.as_str()];
                    known.extend(others.iter().map(|r| r.number.as_str()));
                    // "A/RES/79/69" for "79/69", say.
                    let guess = known
                        .iter()
                        .find(|k| number.ends_with(&format!("/{k}")) || number.contains(*k))
                        .map(|k| format!("did you mean `{k}`? "))
                        .unwrap_or_default();
                    return Err(Error::data(format!(
                        "progress entry {} is about resolution {number}, which is not in the folder",
                        i + 1
                    ))
                    .at(locate(i, "resolution"))
                    .hint(format!(
                        "{guess}the folder has resolution{} {}; put the others in its resolutions/ folder",
                        if known.len() == 1 { "" } else { "s" },
                        known.join(", ")
                    )));
                }
            },
        };
        if !statuses.contains(&entry.status) {
            let keys: Vec<&str> = statuses.iter().map(Status::key).collect();
            let guess = crate::error::nearest(entry.status.key(), keys.iter().copied())
                .map(|k| format!("did you mean `{k}`? "))
                .unwrap_or_default();
            return Err(Error::data(format!(
                "progress entry {} (paragraph {}) has the status `{}`, which is not defined",
                i + 1,
                entry.paragraph,
                entry.status
            ))
            .at(locate(i, "status"))
            .hint(format!(
                "{guess}the statuses are {}; define others under `statuses` with a key and a label",
                keys.join(", ")
            )));
        }
        let last = resolution.operative.len();
        let Some(paragraph) = resolution.paragraph(entry.paragraph) else {
            return Err(Error::data(format!(
                "progress entry {} is for operative paragraph {}, but resolution {} has paragraphs 1 to {last}",
                i + 1,
                entry.paragraph,
                resolution.number
            ))
            .at(locate(i, "paragraph"))
            .hint(format!("use a paragraph number from 1 to {last}")));
        };
        if let Some(sub) = &entry.subparagraph {
            if !paragraph.subparagraphs.iter().any(|s| &s.letter == sub) {
                let letters: Vec<&str> = paragraph
                    .subparagraphs
                    .iter()
                    .map(|s| s.letter.as_str())
                    .collect();
                return Err(Error::data(format!(
                    "progress entry {} is for sub-paragraph ({sub}) of paragraph {}, which has {}",
                    i + 1,
                    entry.paragraph,
                    if letters.is_empty() {
                        "no sub-paragraphs".to_owned()
                    } else {
                        format!("sub-paragraphs {}", letters.join(", "))
                    }
                ))
                .at(locate(i, "subparagraph"))
                .hint("remove `subparagraph` or use a letter the paragraph has"));
            }
        }
        let twin = progress.paragraphs[..i].iter().any(|e| {
            e.other_resolution(&progress.resolution) == entry.other_resolution(&progress.resolution)
                && e.paragraph == entry.paragraph
                && e.subparagraph == entry.subparagraph
        });
        if twin {
            return Err(Error::data(format!(
                "paragraph {} has two progress entries",
                entry.paragraph
            ))
            .at(locate(i, "paragraph"))
            .hint("merge the actions into one entry"));
        }
    }
    Ok(())
}

/// Checks the statuses the data defines: each key in lower case with
/// hyphens, not one of the UN's five, defined once, with a label in every
/// language of `langs`. `locate(j, key)` gives where definition `j`'s `key`
/// is.
pub fn check_statuses(
    defined: &[StatusDefinition],
    langs: &[Lang],
    locate: impl Fn(usize, &str) -> crate::error::Location,
) -> Result<()> {
    for (j, d) in defined.iter().enumerate() {
        let well_formed = !d.key.is_empty()
            && d.key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            return Err(Error::data(format!("`{}` cannot be a status key", d.key))
                .at(locate(j, "key"))
                .hint("write keys in lower case, with hyphens between words, such as `partially-implemented`; the label says how it prints"));
        }
        if Status::new(d.key.clone()).is_un() {
            return Err(Error::data(format!(
                "`{}` is one of the five UN statuses; its label comes with resolute",
                d.key
            ))
            .at(locate(j, "key"))
            .hint("remove this definition, or give the new status a key of its own"));
        }
        if defined[..j].iter().any(|e| e.key == d.key) {
            return Err(
                Error::data(format!("the status `{}` is defined twice", d.key))
                    .at(locate(j, "key"))
                    .hint("keep one definition"),
            );
        }
        if matches!(d.label, Text::Plain(_)) && langs.len() > 1 {
            return Err(Error::data(format!(
                "the status `{}` has one label for every language",
                d.key
            ))
            .at(locate(j, "label"))
            .hint(format!(
                "give the label in each language the documents are made in ({}): {{en: …, fr: …}}",
                langs
                    .iter()
                    .map(Lang::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        if let Some(lang) = langs.iter().find(|l| !d.label.has(**l)) {
            return Err(Error::data(format!(
                "the status `{}` has no label in `{lang}`, a language the documents are made in",
                d.key
            ))
            .at(locate(j, "label"))
            .hint(format!("add `{lang}: …` to its label")));
        }
        // A label another status has would make the two indistinguishable
        // in a table and in a spreadsheet cell.
        let taken = crate::sheet::status_names(&defined[..j])
            .into_iter()
            .find(|(folded, _, _)| {
                *folded == crate::sheet::fold(&d.key)
                    || langs
                        .iter()
                        .any(|l| *folded == crate::sheet::fold(d.label.get(*l)))
            });
        if let Some((_, name, status)) = taken {
            return Err(Error::data(format!(
                "the status `{}` reads as `{name}`, which is already `{status}`'s",
                d.key
            ))
            .at(locate(j, "label"))
            .hint(format!(
                "use `{status}` itself, or give `{}` a label of its own",
                d.key
            )));
        }
    }
    Ok(())
}

/// The letter of the `i`-th (0-based) sub-paragraph: a … z, then aa, bb …
pub fn letter(i: usize) -> String {
    let c = (b'a' + (i % 26) as u8) as char;
    std::iter::repeat_n(c, i / 26 + 1).collect()
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

fn locate_text(file: &SourceFile, needle: &str) -> crate::error::Location {
    match file.text.find(needle) {
        Some(i) => crate::error::Location::span(&file.path, file.text.clone(), i..i + needle.len()),
        None => file.location(1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile::new(name, text)
    }

    const RES: &str = "organ: economic-and-social-council\nnumber: \"2015/23\"\ndate: 2015-07-21\nlanguage: fr\ntitle: T\nformula: \"Le Conseil,\"\noperative:\n  - number: 1\n    lead: Prie\n    text: \"x[^1] ;\"\n  - number: 2\n    lead: Invite\n    text: y.\nfootnotes:\n  - marker: \"1\"\n    text: N.\n";

    #[test]
    fn a_consistent_resolution_passes() {
        let mut f = file("r.yaml", RES);
        let r: Resolution = f.parse().unwrap();
        check_resolution(&r, &f).unwrap();
    }

    #[test]
    fn progress_for_a_missing_paragraph_names_it_and_the_range() {
        let mut f = file("r.yaml", RES);
        let r: Resolution = f.parse().unwrap();
        let mut pf = file(
            "p.yaml",
            "resolution: \"2015/23\"\nparagraphs:\n  - paragraph: 1\n    topic: a\n    status: completed\n  - paragraph: 12\n    topic: b\n    status: completed\n",
        );
        let p: Progress = pf.parse().unwrap();
        let err = check_progress(&p, &pf, &r, &[]).unwrap_err();
        assert!(err.message.contains("paragraph 12"), "{err}");
        assert!(err.message.contains("1 to 2"), "{err}");
        assert_eq!(err.location.unwrap().line, 6);
    }

    const PROGRESS: &str = "resolution: \"2015/23\"\nstatuses:\n  - key: partially-implemented\n    label: {en: Partially implemented, fr: Partiellement exécuté}\nparagraphs:\n  - paragraph: 1\n    topic: a\n    status: partially-implemented\n  - paragraph: 2\n    subparagraph: a\n    topic: b\n    status: completed\n";

    fn checked(progress: &str, others: &[&Resolution]) -> Result<()> {
        let mut f = file("r.yaml", RES);
        let r: Resolution = f.parse().unwrap();
        let mut pf = file("p.yaml", progress);
        let p: Progress = pf.parse().unwrap();
        check_statuses(&p.statuses, &[Lang::En, Lang::Fr], |j, key| {
            pf.key_location_after("statuses", key, j)
        })?;
        check_progress(&p, &pf, &r, others)
    }

    #[test]
    fn defined_statuses_may_be_used() {
        let text = PROGRESS.replace("    subparagraph: a\n", "");
        checked(&text, &[]).unwrap();
    }

    #[test]
    fn an_undefined_status_is_located_and_the_nearest_suggested() {
        let text = PROGRESS.replace("    subparagraph: a\n", "").replace(
            "status: partially-implemented",
            "status: partialy-implemented",
        );
        let err = checked(&text, &[]).unwrap_err();
        assert_eq!(
            err.message,
            "progress entry 1 (paragraph 1) has the status `partialy-implemented`, which is not defined"
        );
        assert_eq!(
            err.location.as_deref().map(|l| (l.line, l.column)),
            Some((8, 5))
        );
        let hint = err.hint.unwrap();
        assert!(
            hint.starts_with("did you mean `partially-implemented`?"),
            "{hint}"
        );
        assert!(hint.contains("completed, in-progress, not-implemented, partially-implemented, not-applicable, no-indication"), "{hint}");
    }

    #[test]
    fn status_definitions_are_checked() {
        let cases = [
            (
                "key: partially-implemented",
                "key: Partially implemented",
                "cannot be a status key",
            ),
            (
                "key: partially-implemented",
                "key: completed",
                "one of the five UN statuses",
            ),
            (
                "{en: Partially implemented, fr: Partiellement exécuté}",
                "{en: Partially implemented}",
                "no label in `fr`",
            ),
            (
                "{en: Partially implemented, fr: Partiellement exécuté}",
                "Partially implemented",
                "one label for every language",
            ),
            (
                "{en: Partially implemented, fr: Partiellement exécuté}",
                "{en: Partially implemented, fr: Achevé}",
                "reads as `Achevé`, which is already `completed`'s",
            ),
        ];
        for (from, to, said) in cases {
            let err = checked(&PROGRESS.replace(from, to), &[]).unwrap_err();
            assert!(err.message.contains(said), "{to}: {err}");
            let line = if to.starts_with("key") { 3 } else { 4 };
            assert_eq!(err.location.unwrap().line, line, "{to}");
        }
        let twice = PROGRESS.replace(
            "paragraphs:",
            "  - key: partially-implemented\n    label: {en: again, fr: encore}\nparagraphs:",
        );
        let err = checked(&twice, &[]).unwrap_err();
        assert!(err.message.contains("defined twice"), "{err}");
        assert_eq!(err.location.unwrap().line, 5);
    }

    #[test]
    fn entries_about_other_resolutions_are_checked_against_them() {
        let other_text = RES
            .replace("2015/23", "2016/19")
            .replace("  - number: 2\n    lead: Invite\n    text: y.\n", "");
        let other: Resolution = file("o.yaml", &other_text).parse().unwrap();
        let base = PROGRESS.replace("    subparagraph: a\n", "");
        // Paragraph 2 of 2016/19, which has one paragraph.
        let text = base.replace(
            "  - paragraph: 2\n",
            "  - resolution: \"2016/19\"\n    paragraph: 2\n",
        );
        let err = checked(&text, &[&other]).unwrap_err();
        assert!(
            err.message
                .contains("resolution 2016/19 has paragraphs 1 to 1"),
            "{err}"
        );
        assert_eq!(err.location.unwrap().line, 10);
        // A resolution the folder lacks.
        let err = checked(&text, &[]).unwrap_err();
        assert!(
            err.message
                .contains("about resolution 2016/19, which is not in the folder"),
            "{err}"
        );
        assert_eq!(err.location.unwrap().line, 9);
        assert!(err.hint.unwrap().contains("2015/23"));
        // Written as a symbol.
        let symbol = text.replace("\"2016/19\"", "\"E/RES/2016/19\"");
        let err = checked(&symbol, &[&other]).unwrap_err();
        assert!(
            err.hint
                .as_deref()
                .unwrap()
                .starts_with("did you mean `2016/19`?"),
            "{err}"
        );
        // Paragraph 1 of each is no twin.
        let fine = base.replace(
            "  - paragraph: 2\n",
            "  - resolution: \"2016/19\"\n    paragraph: 1\n",
        );
        checked(&fine, &[&other]).unwrap();
    }

    #[test]
    fn a_missing_subparagraph_is_located_among_entries_that_have_one() {
        let err = checked(PROGRESS, &[]).unwrap_err();
        assert!(
            err.message.contains("sub-paragraph (a) of paragraph 2"),
            "{err}"
        );
        assert_eq!(err.location.unwrap().line, 10);
    }

    #[test]
    fn an_undefined_footnote_is_an_error() {
        let text = RES.replace("x[^1]", "x[^1] z[^9]");
        let mut f = file("r.yaml", &text);
        let r: Resolution = f.parse().unwrap();
        let err = check_resolution(&r, &f).unwrap_err();
        assert!(err.message.contains("[^9]"), "{err}");
        assert_eq!(err.location.unwrap().line, 10);
    }

    #[test]
    fn a_numbering_gap_is_an_error() {
        let text = RES.replace("number: 2", "number: 3");
        let mut f = file("r.yaml", &text);
        let r: Resolution = f.parse().unwrap();
        assert!(check_resolution(&r, &f)
            .unwrap_err()
            .message
            .contains("expected 2"));
    }

    #[test]
    fn letters_run_on() {
        assert_eq!(letter(0), "a");
        assert_eq!(letter(25), "z");
        assert_eq!(letter(26), "aa");
    }
}
