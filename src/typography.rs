//! Language-specific typography applied to the composed document, so both
//! backends print the same characters.
//!
//! French: the space before « : » becomes a no-break space, the space before
//! « ; ! ? » a narrow no-break space, and the spaces inside guillemets
//! no-break spaces (UN-LAYOUT.md, "French typography"). Spaces are only
//! changed, never added. The letters of ordinals written with figures are
//! raised: 1<sup>er</sup> mars, 45<sup>e</sup> séance plénière.

use std::sync::OnceLock;

use regex::Regex;

use crate::doc::{Block, Document, FirstPage, Inline};
use crate::model::Lang;

/// Applies the typography of the document's language.
pub fn apply(doc: &mut Document) {
    let lang = doc.script.lang;
    doc.each_inlines_mut(&mut |items| inlines(items, lang));
    // The strings of the body that are not inline content.
    let string = |s: &mut String| *s = text(s, lang);
    for block in &mut doc.blocks {
        match block {
            Block::Summary { heading, .. } => string(heading),
            Block::Annex {
                label, original, ..
            } => {
                string(label);
                original.iter_mut().for_each(string);
            }
            _ => {}
        }
    }
    if let Some(fp) = &mut doc.first_page {
        first_page(fp, lang);
    }
}

fn first_page(fp: &mut FirstPage, lang: Lang) {
    for s in [&mut fp.title, &mut fp.original] {
        *s = text(s, lang);
    }
    for s in fp
        .session
        .iter_mut()
        .chain(fp.notice.iter_mut())
        .chain(fp.agenda_titles.iter_mut())
        .chain(fp.agenda_line.iter_mut())
        .chain(fp.period.iter_mut())
        .chain(fp.subtitle.iter_mut())
    {
        *s = text(s, lang);
    }
}

/// The typography of one string: French spacing.
fn text(s: &str, lang: Lang) -> String {
    if lang == Lang::Fr {
        french(s)
    } else {
        s.to_owned()
    }
}

/// `text` with its ranges of figures ("2015–2016", "22–26") as unbroken
/// pieces, so that a line does not break after the dash.
fn ranges(text: &str) -> Vec<Inline> {
    static RANGE: OnceLock<Regex> = OnceLock::new();
    let range = RANGE.get_or_init(|| Regex::new(r"[0-9]+–[0-9]+").expect("a valid pattern"));
    split(
        text,
        range.find_iter(text).map(|m| m.range()),
        Inline::Unbroken,
    )
}

/// `text` cut at `spans`: each span becomes `make(span)`, the text between
/// them plain text.
fn split(
    text: &str,
    spans: impl Iterator<Item = std::ops::Range<usize>>,
    make: fn(String) -> Inline,
) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut from = 0;
    for span in spans {
        if span.start > from {
            out.push(Inline::Text(text[from..span.start].to_owned()));
        }
        from = span.end;
        out.push(make(text[span].to_owned()));
    }
    if from < text.len() || out.is_empty() {
        out.push(Inline::Text(text[from..].to_owned()));
    }
    out
}

fn inlines(items: &mut Vec<Inline>, lang: Lang) {
    let mut out = Vec::with_capacity(items.len());
    for mut item in std::mem::take(items) {
        match &mut item {
            Inline::Text(t) => {
                for piece in ranges(&text(t, lang)) {
                    match piece {
                        Inline::Text(t) if lang == Lang::Fr => out.extend(ordinals(&t)),
                        other => out.push(other),
                    }
                }
                continue;
            }
            Inline::Unbroken(t) => *t = text(t, lang),
            Inline::Emph(c)
            | Inline::Strong(c)
            | Inline::Note(c)
            | Inline::MarkedNote { content: c, .. }
            | Inline::Link { content: c, .. } => inlines(c, lang),
            Inline::NoteRef(_) | Inline::Break | Inline::Super(_) => {}
        }
        out.push(item);
    }
    *items = out;
}

/// `text` with the letters of French ordinals written with figures ("1er",
/// "1re", "45e", "2es") raised.
fn ordinals(text: &str) -> Vec<Inline> {
    static ORDINAL: OnceLock<Regex> = OnceLock::new();
    let ordinal = ORDINAL
        .get_or_init(|| Regex::new(r"\b[0-9]+(ers|res|er|re|es|e)\b").expect("a valid pattern"));
    let letters = ordinal
        .captures_iter(text)
        .filter_map(|caps| caps.get(1).map(|m| m.range()));
    split(text, letters, Inline::Super)
}

/// French spacing for one string.
pub fn french(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            (' ', Some(':' | '»')) => out.push('\u{a0}'),
            (' ', Some(';' | '!' | '?')) => out.push('\u{202f}'),
            ('«', Some(' ')) => {
                out.push('«');
                out.push('\u{a0}');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{french, ordinals, ranges};
    use crate::doc::Inline;

    #[test]
    fn ranges_of_figures_stay_on_one_line() {
        let text = |s: &str| Inline::Text(s.to_owned());
        let unbroken = |s: &str| Inline::Unbroken(s.to_owned());
        assert_eq!(
            ranges("in 2015–2016, on 22–26 May"),
            vec![
                text("in "),
                unbroken("2015–2016"),
                text(", on "),
                unbroken("22–26"),
                text(" May")
            ]
        );
        for s in ["Smith–Jones, 5 – 6", "2015-2016"] {
            assert_eq!(ranges(s), vec![text(s)], "{s}");
        }
    }

    #[test]
    fn ordinal_letters_are_raised() {
        let text = |s: &str| Inline::Text(s.to_owned());
        let sup = |s: &str| Inline::Super(s.to_owned());
        assert_eq!(
            ordinals("le 1er mars, 45e séance, 1re session, les 2es"),
            vec![
                text("le 1"),
                sup("er"),
                text(" mars, 45"),
                sup("e"),
                text(" séance, 1"),
                sup("re"),
                text(" session, les 2"),
                sup("es"),
            ]
        );
        // Not inside words, symbols or figures with other letters.
        for s in [
            "E/CN.15/2016/10",
            "le 3 et le 4",
            "2e5",
            "12ème",
            "x1e",
            "A1er",
        ] {
            assert_eq!(ordinals(s), vec![text(s)], "{s}");
        }
    }

    #[test]
    fn french_spaces_become_unbreakable() {
        assert_eq!(
            french("élaboré : a ; b ? « c »"),
            "élaboré\u{a0}: a\u{202f}; b\u{202f}? «\u{a0}c\u{a0}»"
        );
        assert_eq!(french("http://x.org"), "http://x.org");
    }
}
