//! Akoma Ntoso for the UN (AKN4UN): export a [`Resolution`](crate::model::Resolution) as AKN XML and
//! read it back.
//!
//! The document is `<akomaNtoso><statement name="resolution">` with:
//!
//! - `meta`: `identification` (FRBR work, expression and manifestation, whose
//!   IRIs are built only from the organ, number, date and language, so the
//!   same resolution always gives the same bytes), `references` (a
//!   `TLCOrganization` for the organ and for resolute, a `TLCEvent` for the
//!   meeting) and `proprietary source="#resolute"`, which holds, in elements of
//!   the [`RESOLUTE_NS`] namespace, what AKN has no element for: the organ key,
//!   `source`, each paragraph's `short`, and the order of the footnotes
//!   (with the text of those the resolution never cites);
//! - `preface`: `<docNumber>` and `<docTitle>`;
//! - `preamble`: `<formula name="enactingFormula">`, then one
//!   `<container eId="preamble__para_N">` per preambular paragraph, its lead
//!   words in `<i>`; lettered sub-paragraphs make a `<blockList>` of `<item>`s;
//! - `mainBody`: `<paragraph eId="para_N"><num>N.</num><content><p>…`, or,
//!   with sub-paragraphs, `<list><intro><p>…</p></intro><point><num>(a)</num>…`;
//! - parts: `<part eId="part_a"><num>A</num><heading>…</heading>`, the
//!   part's preambular paragraphs as `<container>`s in its `<intro>`, then its
//!   `<paragraph>`s (`part_a__para_N`); `<division>` is read as `<part>`;
//! - dash items: `<point><num>—</num>` like lettered ones;
//! - the committee line over a General Assembly heading: `<p
//!   class="committee"><docCommittee>` in the preface; the agenda item:
//!   `<res:agendaItem number="…">title</res:agendaItem>` in the proprietary block;
//! - footnotes: `<authorialNote marker="1" placement="bottom">` where a note is
//!   first cited, `<noteRef href="#…" marker="1"/>` where it is cited again;
//!   a `[^m]` with no footnote `m` stays as text;
//! - `conclusions`: `<p><event>…</event> <docDate date="…">…</docDate></p>`;
//! - annexes: `<attachments>`, one `<attachment><doc name="annex">` each, with
//!   its own `meta`, the heading and title in its `preface` and its paragraphs
//!   as `<p>` in its `mainBody`. A `mainBody` with nothing in it (no operative
//!   paragraph, an annex without paragraphs) holds a `<p class="empty"/>`,
//!   since AKN requires a block there; it is skipped when reading.
//!
//! When the adoption date is unknown, `FRBRdate` carries the meeting date with
//! `name="meeting"`, or `9999-01-01` with `name="unknown"`; only other names
//! are read back as the adoption date.

mod dom;
mod read;
mod write;

#[cfg(test)]
mod tests;

pub use read::from_akn;
pub use write::to_akn;

use crate::model::{Lang, Organ};

/// The Akoma Ntoso 3.0 namespace.
pub const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The namespace of resolute's own elements under `<proprietary>`.
pub const RESOLUTE_NS: &str = "urn:resolute:akn:1.0";

/// The prefix bound to [`RESOLUTE_NS`] in exported documents.
const RES: &str = "res";

/// The `class` of the `<p/>` that stands in an otherwise empty `mainBody`.
const EMPTY: &str = "empty";

/// The organs, with the AKN author code and the English name used in
/// `TLCOrganization`.
const ORGANS: [(Organ, &str, &str); 4] = [
    (Organ::GeneralAssembly, "unga", "General Assembly"),
    (
        Organ::EconomicAndSocialCouncil,
        "ecosoc",
        "Economic and Social Council",
    ),
    (Organ::SecurityCouncil, "unsc", "Security Council"),
    (Organ::HumanRightsCouncil, "unhrc", "Human Rights Council"),
];

/// The short code of an organ in AKN IRIs and `eId`s (`ecosoc`).
fn organ_code(organ: Organ) -> &'static str {
    ORGANS
        .iter()
        .find(|(o, _, _)| *o == organ)
        .map_or("un", |(_, code, _)| code)
}

/// The English name of an organ.
fn organ_name(organ: Organ) -> &'static str {
    ORGANS
        .iter()
        .find(|(o, _, _)| *o == organ)
        .map_or("United Nations", |(_, _, name)| name)
}

/// The organ with this AKN code or resolute key.
fn organ_from(code: &str) -> Option<Organ> {
    ORGANS
        .iter()
        .find(|(o, c, _)| *c == code || o.key() == code)
        .map(|(o, _, _)| *o)
}

/// ISO 639-2 codes, as AKN's `FRBRlanguage` wants them (terminology form first).
const LANGS: [(Lang, &str, &str); 6] = [
    (Lang::Ar, "ara", "ara"),
    (Lang::Zh, "zho", "chi"),
    (Lang::En, "eng", "eng"),
    (Lang::Fr, "fra", "fre"),
    (Lang::Ru, "rus", "rus"),
    (Lang::Es, "spa", "spa"),
];

/// The three-letter code of a language (`fra`).
fn lang_code(lang: Lang) -> &'static str {
    LANGS
        .iter()
        .find(|(l, _, _)| *l == lang)
        .map_or("und", |(_, code, _)| code)
}

/// The language with this ISO 639-1 or 639-2 code.
fn lang_from(code: &str) -> Option<Lang> {
    let code = code.trim().to_ascii_lowercase();
    LANGS
        .iter()
        .find(|(l, t, b)| *t == code || *b == code || l.code() == code)
        .map(|(l, _, _)| *l)
}

/// A sub-paragraph letter as printed: `a)` in French, Spanish and Russian,
/// `(a)` otherwise.
fn letter_label(lang: Lang, letter: &str) -> String {
    if letter == crate::model::DASH {
        return letter.to_owned();
    }
    match lang {
        Lang::Fr | Lang::Es | Lang::Ru => format!("{letter})"),
        _ => format!("({letter})"),
    }
}

/// The letter in a printed label, undoing [`letter_label`]; a label printed
/// another way loses its brackets and final dot.
fn letter_of(lang: Lang, label: &str) -> String {
    if matches!(label.trim(), "—" | "–" | "-") {
        return crate::model::DASH.to_owned();
    }
    let exact = match lang {
        Lang::Fr | Lang::Es | Lang::Ru => label.strip_suffix(')'),
        _ => label.strip_prefix('(').and_then(|l| l.strip_suffix(')')),
    };
    match exact {
        Some(letter) => letter.to_owned(),
        None => label
            .trim()
            .trim_end_matches('.')
            .trim_matches(|c| c == '(' || c == ')')
            .to_owned(),
    }
}
