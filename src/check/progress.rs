//! Checks of progress data: entries for real paragraphs of real resolutions,
//! defined statuses, one entry per provision; and of the statuses the data
//! defines.

use std::collections::HashMap;

use crate::error::{Error, Location};
use crate::load::{Seg, SourceFile};
use crate::model::{Lang, Progress, Resolution, Status, StatusDefinition, Text};

/// Checks progress data read from a data file against its resolution and
/// the `others` of the folder's compilation.
pub fn check_progress(
    progress: &Progress,
    file: &SourceFile,
    resolution: &Resolution,
    others: &[&Resolution],
    out: &mut Vec<Error>,
) {
    check_progress_at(
        progress,
        resolution,
        others,
        |i, key| match i {
            usize::MAX => file.locate(&[Seg::Key(key)]),
            _ => file.locate(&[Seg::Key("paragraphs"), Seg::Index(i), Seg::Key(key)]),
        },
        out,
    )
}

/// Checks progress data, `locate(i, key)` giving where entry `i`'s `key` is
/// (`i` is `usize::MAX` for the file's own `resolution`).
pub fn check_progress_at(
    progress: &Progress,
    resolution: &Resolution,
    others: &[&Resolution],
    locate: impl Fn(usize, &str) -> Location,
    out: &mut Vec<Error>,
) {
    if progress.resolution != resolution.number {
        out.push(
            Error::data(format!(
                "the progress data is about resolution {}, but the folder's resolution is {}",
                progress.resolution, resolution.number
            ))
            .at(locate(usize::MAX, "resolution"))
            .hint(format!("set `resolution: \"{}\"`", resolution.number)),
        );
        return;
    }
    let statuses = Status::all(&progress.statuses);
    // The first entry of each provision, to find twins in one pass.
    let mut firsts: HashMap<(Option<&str>, u32, Option<&str>), usize> = HashMap::new();
    for (i, entry) in progress.paragraphs.iter().enumerate() {
        let resolution = match entry.other_resolution(&progress.resolution) {
            None => resolution,
            Some(number) => match others.iter().find(|r| r.number == number) {
                Some(r) => r,
                None => {
                    out.push(
                        not_in_folder(i, number, resolution, others).at(locate(i, "resolution")),
                    );
                    continue;
                }
            },
        };
        if !statuses.contains(&entry.status) {
            let keys: Vec<&str> = statuses.iter().map(Status::key).collect();
            let guess = crate::error::nearest(entry.status.key(), keys.iter().copied())
                .map(|k| format!("did you mean `{k}`? "))
                .unwrap_or_default();
            out.push(
                Error::data(format!(
                    "progress entry {} (paragraph {}) has the status `{}`, which is not defined",
                    i + 1,
                    entry.paragraph,
                    entry.status
                ))
                .at(locate(i, "status"))
                .hint(format!(
                    "{guess}the statuses are {}; define others under `statuses` with a key and a label",
                    keys.join(", ")
                )),
            );
        }
        if resolution.numbers_restart() {
            out.push(
                Error::data(format!(
                    "progress entry {} is for operative paragraph {}, but resolution {} numbers its paragraphs afresh in each part, so a number alone does not name one",
                    i + 1,
                    entry.paragraph,
                    resolution.number
                ))
                .at(locate(i, "paragraph"))
                .hint("progress data on a resolution whose parts restart their numbering is not supported yet"),
            );
            continue;
        }
        let last = resolution.operative_count();
        let Some(paragraph) = resolution.paragraph(entry.paragraph) else {
            out.push(
                Error::data(format!(
                    "progress entry {} is for operative paragraph {}, but resolution {} has paragraphs 1 to {last}",
                    i + 1,
                    entry.paragraph,
                    resolution.number
                ))
                .at(locate(i, "paragraph"))
                .hint(format!("use a paragraph number from 1 to {last}")),
            );
            continue;
        };
        if let Some(sub) = &entry.subparagraph {
            if !paragraph.subparagraphs.iter().any(|s| &s.letter == sub) {
                let letters: Vec<&str> = paragraph
                    .subparagraphs
                    .iter()
                    .map(|s| s.letter.as_str())
                    .collect();
                out.push(
                    Error::data(format!(
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
                    .hint("remove `subparagraph` or use a letter the paragraph has"),
                );
            }
        }
        let key = (
            entry.other_resolution(&progress.resolution),
            entry.paragraph,
            entry.subparagraph.as_deref(),
        );
        if let Some(&first) = firsts.get(&key) {
            out.push(
                Error::data(format!(
                    "paragraph {} has two progress entries (entries {} and {})",
                    entry.paragraph,
                    first + 1,
                    i + 1
                ))
                .at(locate(i, "paragraph"))
                .hint("merge the actions into one entry"),
            );
        } else {
            firsts.insert(key, i);
        }
    }
}

fn not_in_folder(i: usize, number: &str, resolution: &Resolution, others: &[&Resolution]) -> Error {
    let mut known = vec![resolution.number.as_str()];
    known.extend(others.iter().map(|r| r.number.as_str()));
    // "A/RES/79/69" for "79/69", say.
    let guess = known
        .iter()
        .find(|k| number.ends_with(&format!("/{k}")) || number.contains(*k))
        .map(|k| format!("did you mean `{k}`? "))
        .unwrap_or_default();
    Error::data(format!(
        "progress entry {} is about resolution {number}, which is not in the folder",
        i + 1
    ))
    .hint(format!(
        "{guess}the folder has resolution{} {}; put the others in its resolutions/ folder",
        if known.len() == 1 { "" } else { "s" },
        known.join(", ")
    ))
}

/// Checks the statuses the data defines: each key in lower case with
/// hyphens, not one of the UN's five, defined once, with a label in every
/// language of `langs`. `locate(j, key)` gives where definition `j`'s `key`
/// is.
pub fn check_statuses(
    defined: &[StatusDefinition],
    langs: &[Lang],
    locate: impl Fn(usize, &str) -> Location,
    out: &mut Vec<Error>,
) {
    for j in 0..defined.len() {
        if let Some(err) = status_problem(defined, j, langs) {
            let key = if err.1 { "key" } else { "label" };
            out.push(err.0.at(locate(j, key)));
        }
    }
}

/// The first problem with definition `j`, and whether it is about its key
/// (else its label).
fn status_problem(defined: &[StatusDefinition], j: usize, langs: &[Lang]) -> Option<(Error, bool)> {
    let d = &defined[j];
    let well_formed = !d.key.is_empty()
        && d.key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !well_formed {
        return Some((Error::data(format!("`{}` cannot be a status key", d.key))
            .hint("write keys in lower case, with hyphens between words, such as `partially-implemented`; the label says how it prints"), true));
    }
    if Status::new(d.key.clone()).is_un() {
        return Some((
            Error::data(format!(
                "`{}` is one of the five UN statuses; its label comes with resolute",
                d.key
            ))
            .hint("remove this definition, or give the new status a key of its own"),
            true,
        ));
    }
    if defined[..j].iter().any(|e| e.key == d.key) {
        return Some((
            Error::data(format!("the status `{}` is defined twice", d.key))
                .hint("keep one definition"),
            true,
        ));
    }
    if matches!(d.label, Text::Plain(_)) && langs.len() > 1 {
        return Some((
            Error::data(format!(
                "the status `{}` has one label for every language",
                d.key
            ))
            .hint(format!(
                "give the label in each language the documents are made in ({}): {{en: …, fr: …}}",
                langs
                    .iter()
                    .map(Lang::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            false,
        ));
    }
    if let Some(lang) = langs.iter().find(|l| !d.label.has(**l)) {
        return Some((
            Error::data(format!(
                "the status `{}` has no label in `{lang}`, a language the documents are made in",
                d.key
            ))
            .hint(format!("add `{lang}: …` to its label")),
            false,
        ));
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
    taken.map(|(_, name, status)| {
        (
            Error::data(format!(
                "the status `{}` reads as `{name}`, which is already `{status}`'s",
                d.key
            ))
            .hint(format!(
                "use `{status}` itself, or give `{}` a label of its own",
                d.key
            )),
            false,
        )
    })
}
