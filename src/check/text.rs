//! Checks of the text itself: characters no document may print, titles of a
//! length a document can carry, and texts given in every language a document
//! prints them in (a French document never prints English silently).

use crate::error::{Error, Location};
use crate::load::{Pos, Seg, SourceFile};
use crate::model::{Lang, Progress, Text, TrustFund};

/// The longest title, in characters, a document carries (its metadata and
/// bookmarks hold the title; PDF/A limits their strings).
pub const MAX_TITLE: usize = 2_000;

/// Refuses control and bidirectional formatting characters in the values
/// of a data file, each at its place, whether written as they are or as an
/// escape (`"\x01"`, `"\u202E"`).
pub fn check_characters(file: &SourceFile, out: &mut Vec<Error>) {
    let Some(tree) = &file.tree else {
        // A file of text (a narrative) is one value; a spreadsheet has no
        // text here (its cells are checked as they are read).
        let mut rest = &file.text[..];
        let mut offset = 0;
        while let Some((at, c, what)) = forbidden_char(rest) {
            let start = offset + at;
            out.push(
                Error::data(format!("the text contains {what} U+{:04X}", c as u32))
                    .at(Location::span(
                        &file.path,
                        file.text.clone(),
                        start..start + c.len_utf8(),
                    ))
                    .hint(forbidden_hint(c)),
            );
            offset = start + c.len_utf8();
            rest = &file.text[offset..];
        }
        return;
    };
    let mut scalars = Vec::new();
    tree.scalars(&mut scalars);
    for (pos, text) in scalars {
        if let Some((at, c, what)) = forbidden_char(text) {
            out.push(
                Error::data(format!("the text contains {what} U+{:04X}", c as u32))
                    .at(place_of_char(file, pos, &text[..at], c))
                    .hint(forbidden_hint(c)),
            );
        }
    }
}

/// Where character `c` of a value starting at `pos` is: the character
/// itself when the value is written on one line as it is, else the value's
/// start (the character was written as an escape).
fn place_of_char(file: &SourceFile, pos: Pos, before: &str, c: char) -> Location {
    let start = crate::error::byte_offset(&file.text, pos.line as usize, pos.column as usize);
    let line_end = start.map(|s| s + file.text[s..].find('\n').unwrap_or(file.text.len() - s));
    if let (Some(s), Some(e)) = (start, line_end) {
        let line = &file.text[s..e];
        // The value as written starts with what comes before the character,
        // perhaps after a quote.
        let offset = line
            .find(before)
            .filter(|_| !before.contains('\n'))
            .map(|i| i + before.len());
        if let Some(o) = offset.filter(|o| line[*o..].starts_with(c)) {
            let at = s + o;
            return Location::span(&file.path, file.text.clone(), at..at + c.len_utf8());
        }
    }
    file.location(pos.line as usize, pos.column as usize)
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
        } else if matches!(
            c,
            '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        ) {
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

/// Refuses a title longer than [`MAX_TITLE`] characters.
pub fn check_title(title: &str, file: &SourceFile, out: &mut Vec<Error>) {
    let n = title.chars().count();
    if n > MAX_TITLE {
        out.push(
            Error::data(format!(
                "the title is {n} characters long; a title has at most {MAX_TITLE}"
            ))
            .at(file.locate(&[Seg::Key("title")]))
            .hint("shorten the title; put the rest in the text"),
        );
    }
}

/// Checks that every text of the progress data is given in each language
/// of `langs`.
pub fn check_progress_languages(
    progress: &Progress,
    file: &SourceFile,
    langs: &[Lang],
    out: &mut Vec<Error>,
) {
    let mut check = |text: &Text, what: String, path: &[Seg]| {
        check_text(text, &what, path, file, langs, out);
    };
    for (i, e) in progress.paragraphs.iter().enumerate() {
        let entry = |field: &str| format!("the {field} of progress entry {}", i + 1);
        let p = |rest: &[Seg<'static>]| {
            let mut v = vec![Seg::Key("paragraphs"), Seg::Index(i)];
            v.extend_from_slice(rest);
            v
        };
        check(&e.topic, entry("topic"), &p(&[Seg::Key("topic")]));
        for (k, t) in e.entities.iter().enumerate() {
            check(
                t,
                entry("entity"),
                &p(&[Seg::Key("entities"), Seg::Index(k)]),
            );
        }
        for (a, action) in e.actions.iter().enumerate() {
            let at =
                |field: &'static str| p(&[Seg::Key("actions"), Seg::Index(a), Seg::Key(field)]);
            check(&action.entity, entry("action's entity"), &at("entity"));
            check(&action.text, entry("action's text"), &at("text"));
            for (r, reference) in action.references.iter().enumerate() {
                let mut path = at("references");
                path.push(Seg::Index(r));
                check(reference, entry("action's reference"), &path);
            }
        }
    }
}

/// Checks that every text of the trust fund is given in each language of
/// `langs`.
pub fn check_fund_languages(
    fund: &TrustFund,
    file: &SourceFile,
    langs: &[Lang],
    out: &mut Vec<Error>,
) {
    check_text(
        &fund.name,
        "the fund's name",
        &[Seg::Key("name")],
        file,
        langs,
        out,
    );
    for (i, c) in fund.contributions.iter().enumerate() {
        let path = [Seg::Key("contributions"), Seg::Index(i), Seg::Key("donor")];
        check_text(
            &c.donor,
            &format!("the donor of contribution {}", i + 1),
            &path,
            file,
            langs,
            out,
        );
    }
    for (i, e) in fund.expenditures.iter().enumerate() {
        let path = [Seg::Key("expenditures"), Seg::Index(i), Seg::Key("purpose")];
        check_text(
            &e.purpose,
            &format!("the purpose of expenditure {}", i + 1),
            &path,
            file,
            langs,
            out,
        );
    }
}

/// A spreadsheet's cells are one text: documents in several languages
/// cannot all print it in their own.
pub fn check_sheet_languages(file: &SourceFile, langs: &[Lang], out: &mut Vec<Error>) {
    if langs.len() > 1 {
        out.push(
            Error::data(format!(
                "{} gives its text in one language, but the report and the table are made in {}",
                file.path.display(),
                code_list(langs)
            ))
            .hint("a spreadsheet serves documents in one language: keep the report files of that language only, or give the progress as progress.yaml with the text per language ({en: …, fr: …})"),
        );
    }
}

/// Checks one text against the languages it is printed in.
fn check_text(
    text: &Text,
    what: &str,
    path: &[Seg],
    file: &SourceFile,
    langs: &[Lang],
    out: &mut Vec<Error>,
) {
    match text {
        Text::Plain(_) if langs.len() > 1 => out.push(
            Error::data(format!(
                "{what} is given once, but documents print it in {}",
                code_list(langs)
            ))
            .at(file.locate(path))
            .hint(format!(
                "give it in each language, as {{{}}}; a text the same in all of them is written out in each",
                langs.iter().map(|l| format!("{l}: …")).collect::<Vec<_>>().join(", ")
            )),
        ),
        Text::Plain(_) => {}
        Text::PerLanguage(map) => {
            for lang in langs.iter().filter(|l| !map.contains_key(l)) {
                out.push(
                    Error::data(format!(
                        "{what} has no `{lang}` text, and a document in `{lang}` prints it"
                    ))
                    .at(file.locate(path))
                    .hint(format!("add `{lang}: …` (a translation) beside the others")),
                );
            }
        }
    }
}

fn code_list(langs: &[Lang]) -> String {
    let codes: Vec<String> = langs.iter().map(|l| format!("`{l}`")).collect();
    match codes.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
