//! Links from document symbols and resolution numbers in the text to their
//! documents, through the UN's document-symbol resolver
//! (`https://undocs.org/S/2019/563`), as UN reports carry them. Decided
//! here for both backends; `links: false` in the report's data turns them
//! off.
//!
//! A symbol is a word such as `S/2019/563`, `A/RES/71/1` or `E/CN.15/2017/1`:
//! a series the UN issues documents under, then parts with a figure. A
//! resolution number follows "resolution(s)" / "résolution(s)": `2466 (2019)`
//! is the Security Council's (`S/RES/2466(2019)`), `2015/23` the Economic and
//! Social Council's (`E/RES/2015/23`), `71/1` the General Assembly's
//! (`A/RES/71/1`) or, named so just before, the Human Rights Council's
//! (`A/HRC/RES/36/27`); a commission's own resolutions (`Commission …
//! resolution 25/1`) have no such symbol and stay unlinked.

use std::sync::OnceLock;

use regex::Regex;

use crate::doc::{Document, Inline};

/// The resolver.
const RESOLVER: &str = "https://undocs.org/";

/// The series whose symbols are linked: the principal organs, the
/// Secretariat and the bodies whose symbols the resolver knows.
const SERIES: &[&str] = &[
    "A", "S", "E", "ST", "T", "DP", "UNEP", "TD", "HSP", "ICEF", "CRC", "CEDAW", "CERD", "CCPR",
    "CAT", "CMW", "CRPD", "CED", "ISBA", "SPLOS", "PBC", "FCCC", "JIU",
];

/// Links every symbol and resolution number in the body of `doc` (not in the
/// masthead, which is the document's own symbol).
pub(crate) fn apply(doc: &mut Document) {
    doc.each_inlines_mut(&mut |items| link(items));
}

fn link(items: &mut Vec<Inline>) {
    let mut out = Vec::with_capacity(items.len());
    for mut item in std::mem::take(items) {
        match &mut item {
            Inline::Text(t) => {
                out.extend(split(t));
                continue;
            }
            Inline::Unbroken(t) => {
                if let Some(url) = symbol_url(t.trim_end_matches(['.', ',', ';', ':'])) {
                    out.push(Inline::Link {
                        url,
                        content: vec![item],
                    });
                    continue;
                }
            }
            Inline::Emph(c)
            | Inline::Strong(c)
            | Inline::Note(c)
            | Inline::MarkedNote { content: c, .. } => link(c),
            Inline::Link { .. } | Inline::NoteRef(_) | Inline::Break | Inline::Super(_) => {}
        }
        out.push(item);
    }
    *items = out;
}

/// `text` with its symbols and resolution numbers as links.
fn split(text: &str) -> Vec<Inline> {
    let mut spans = symbols(text);
    spans.extend(resolutions(text));
    spans.sort_by_key(|(r, _)| r.start);
    let mut out = Vec::new();
    let mut from = 0;
    for (range, url) in spans {
        if range.start < from {
            continue;
        }
        if range.start > from {
            out.push(Inline::Text(text[from..range.start].to_owned()));
        }
        out.push(Inline::Link {
            url,
            content: vec![Inline::Text(text[range.clone()].to_owned())],
        });
        from = range.end;
    }
    if from < text.len() || out.is_empty() {
        out.push(Inline::Text(text[from..].to_owned()));
    }
    out
}

type Span = (std::ops::Range<usize>, String);

/// The symbols in `text`.
fn symbols(text: &str) -> Vec<Span> {
    static SYMBOL: OnceLock<Regex> = OnceLock::new();
    let symbol =
        SYMBOL.get_or_init(|| Regex::new(r"[A-Z]+(?:/[A-Za-z0-9.\-]+)+").expect("a valid pattern"));
    symbol
        .find_iter(text)
        .filter(|m| {
            // A whole word: not the tail of another ("UNODC/…", "x.A/…").
            !text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-'))
        })
        .filter_map(|m| {
            let s = m.as_str().trim_end_matches(['.', '-']);
            symbol_url(s).map(|url| (m.start()..m.start() + s.len(), url))
        })
        .collect()
}

/// The resolver's address for `symbol`, if it is one.
fn symbol_url(symbol: &str) -> Option<String> {
    let mut parts = symbol.split('/');
    let series = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    let ok = SERIES.contains(&series)
        && !rest.is_empty()
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        })
        && rest.iter().any(|p| p.chars().any(|c| c.is_ascii_digit()));
    ok.then(|| format!("{RESOLVER}{symbol}"))
}

/// The resolution numbers in `text`, each after "resolution(s)" or in a list
/// following it ("resolutions 2466 (2019) and 2476 (2019)").
fn resolutions(text: &str) -> Vec<Span> {
    static WORD: OnceLock<Regex> = OnceLock::new();
    static NUMBER: OnceLock<Regex> = OnceLock::new();
    static BETWEEN: OnceLock<Regex> = OnceLock::new();
    let word = WORD.get_or_init(|| {
        Regex::new(r"(?i)\b(?:résolutions?|resolutions?)[\s\u{a0}]+").expect("a valid pattern")
    });
    let number = NUMBER.get_or_init(|| {
        Regex::new(r"^(?:(\d{1,4})[\s\u{a0}]\((\d{4})\)|(\d{4})/(\d{1,3})\b|(\d{1,3})/(\d{1,4})\b)")
            .expect("a valid pattern")
    });
    let between = BETWEEN.get_or_init(|| {
        Regex::new(
            r"^(?:,[\s\u{a0}]*(?:and[\s\u{a0}]+|et[\s\u{a0}]+)?|[\s\u{a0}]+(?:and|et)[\s\u{a0}]+)",
        )
        .expect("a valid pattern")
    });
    let mut out = Vec::new();
    for w in word.find_iter(text) {
        let series = session_series(&text[..w.start()]);
        let mut at = w.end();
        while let Some(c) = number.captures(&text[at..]) {
            let whole = c.get(0).expect("the whole match");
            let range = at..at + whole.end();
            let url = if let (Some(n), Some(y)) = (c.get(1), c.get(2)) {
                Some(format!("{RESOLVER}S/RES/{}({})", n.as_str(), y.as_str()))
            } else if let (Some(y), Some(n)) = (c.get(3), c.get(4)) {
                Some(format!("{RESOLVER}E/RES/{}/{}", y.as_str(), n.as_str()))
            } else {
                series.map(|s| format!("{RESOLVER}{s}{}", whole.as_str()))
            };
            if let Some(url) = url {
                out.push((range.clone(), url));
            }
            at = range.end;
            match between.find(&text[at..]) {
                Some(sep) if number.is_match(&text[at + sep.end()..]) => at += sep.end(),
                _ => break,
            }
        }
    }
    out
}

/// The series of a "session/number" resolution, by the organ named last
/// before it: the Human Rights Council's, none for a commission's, else the
/// General Assembly's.
fn session_series(before: &str) -> Option<&'static str> {
    let start = before.char_indices().rev().nth(80).map_or(0, |(i, _)| i);
    let near = &before[start..];
    let last = |names: &[&str]| names.iter().filter_map(|n| near.rfind(n)).max();
    let hrc = last(&["Human Rights Council", "Conseil des droits de l’homme"]);
    let commission = last(&["Commission"]);
    let assembly = last(&["General Assembly", "Assemblée générale"]);
    match [hrc, commission, assembly].into_iter().flatten().max() {
        Some(i) if Some(i) == hrc => Some("A/HRC/RES/"),
        Some(i) if Some(i) == commission => None,
        _ => Some("A/RES/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(String, String)> {
        split(text)
            .into_iter()
            .filter_map(|i| match i {
                Inline::Link { url, content } => Some((Inline::plain(&content), url)),
                _ => None,
            })
            .collect()
    }

    fn pair(text: &str, url: &str) -> (String, String) {
        (text.to_owned(), format!("{RESOLVER}{url}"))
    }

    #[test]
    fn symbols_are_linked_whole_without_the_punctuation_after_them() {
        assert_eq!(
            links("since my previous report (S/2019/563), and A/RES/71/1."),
            [
                pair("S/2019/563", "S/2019/563"),
                pair("A/RES/71/1", "A/RES/71/1")
            ]
        );
        assert_eq!(
            links("See E/CN.15/2017/1 and A/HRC/36/27."),
            [
                pair("E/CN.15/2017/1", "E/CN.15/2017/1"),
                pair("A/HRC/36/27", "A/HRC/36/27")
            ]
        );
        // Not symbols: no known series, no figure, part of a word, a date.
        assert!(links("UNODC/2016, A/B, xS/2019/1, 15/03/2016, and/or").is_empty());
    }

    #[test]
    fn resolution_numbers_are_linked_by_their_form_and_organ() {
        assert_eq!(
            links("Security Council resolutions 2466 (2019) and 2476 (2019), by which"),
            [
                pair("2466 (2019)", "S/RES/2466(2019)"),
                pair("2476 (2019)", "S/RES/2476(2019)")
            ]
        );
        assert_eq!(
            links("Economic and Social Council resolution 2015/23 of 29 July 2015"),
            [pair("2015/23", "E/RES/2015/23")]
        );
        assert_eq!(
            links("General Assembly resolutions 70/1, 71/1 and 72/149"),
            [
                pair("70/1", "A/RES/70/1"),
                pair("71/1", "A/RES/71/1"),
                pair("72/149", "A/RES/72/149")
            ]
        );
        assert_eq!(
            links("la résolution 36/27 du Conseil des droits de l’homme"),
            [pair("36/27", "A/RES/36/27")],
            "an organ named after the number is not seen: the Assembly's form"
        );
        assert_eq!(
            links("Human Rights Council resolution 36/27"),
            [pair("36/27", "A/HRC/RES/36/27")]
        );
        assert!(links("Commission on Narcotic Drugs resolution 59/1").is_empty());
        assert!(links("the resolution of the parties, paragraph 2 of resolution").is_empty());
    }

    #[test]
    fn links_reach_into_notes_and_emphasis_and_keep_the_text() {
        let mut items = vec![
            Inline::Text("See ".into()),
            Inline::Note(vec![Inline::Emph(vec![Inline::Text(
                "report S/2019/563".into(),
            )])]),
            Inline::Unbroken("A/72/150,".into()),
        ];
        let before = Inline::plain(&items);
        link(&mut items);
        assert_eq!(Inline::plain(&items), before);
        let Inline::Note(note) = &items[1] else {
            panic!("{items:?}")
        };
        let Inline::Emph(e) = &note[0] else {
            panic!("{note:?}")
        };
        assert!(matches!(&e[1], Inline::Link { url, .. } if url.ends_with("S/2019/563")));
        assert!(matches!(&items[2], Inline::Link { url, .. } if url.ends_with("A/72/150")));
    }
}
