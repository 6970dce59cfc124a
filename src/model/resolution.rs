//! A resolution as adopted: preamble, operative part, footnotes.
//!
//! Footnote markers are written inline in the text as `[^1]`, where `1` is the
//! `marker` of an entry in `footnotes`; a footnote may be cited more than once.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Lang, Organ};

/// A resolution of a UN organ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// The organ that adopted it.
    pub organ: Organ,
    /// Its number as printed: `2015/23` (ECOSOC), `74/176` (General Assembly), `1445 (2002)`.
    pub number: String,
    /// The date of adoption, when known (the text of a resolution as printed
    /// in a compilation may give it only in the meeting line, or not at all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The language of this text.
    pub language: Lang,
    /// The title, without the number.
    pub title: String,
    /// The enacting formula, e.g. "Le Conseil économique et social,".
    pub formula: String,
    /// Preambular paragraphs, in order.
    #[serde(default)]
    pub preamble: Vec<PreambularParagraph>,
    /// Operative paragraphs, in order (those before any part, when the
    /// resolution is divided into parts).
    #[serde(default)]
    pub operative: Vec<OperativeParagraph>,
    /// The parts the resolution is divided into after its preamble ("A", "B" …
    /// in Security Council resolutions, "I", "II" … in General Assembly ones),
    /// in order. Operative paragraphs are numbered through the parts or
    /// afresh in each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// Footnotes, each cited in the text by `[^marker]`.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// The closing meeting line, e.g. "45e séance plénière" and the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Meeting>,
    /// Where this text comes from (document symbol, Official Records reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Annexes that follow the operative part, kept as text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
    /// The bracketed line over a General Assembly resolution's heading,
    /// without its brackets: "on the report of the Third Committee
    /// (A/72/432)", "without reference to a Main Committee (A/80/L.7)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// The agenda item it was adopted under, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<AgendaItem>,
}

/// An agenda item, as printed over a General Assembly resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// Its number as printed: "89", "69 (b)".
    pub number: String,
    /// Its title, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A part of a resolution: a lettered or roman-numbered division with its
/// own paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Its number as printed: "A", "B" …, "I", "II" …
    pub number: String,
    /// Its heading, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Preambular paragraphs that open the part, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<PreambularParagraph>,
    /// Its operative paragraphs.
    #[serde(default)]
    pub operative: Vec<OperativeParagraph>,
}

/// An annex to a resolution, kept as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// The heading as printed ("Annex", "Annexe I").
    pub heading: String,
    /// Its title, if any.
    #[serde(default)]
    pub title: Option<String>,
    /// Its paragraphs, as text.
    #[serde(default)]
    pub paragraphs: Vec<String>,
}

/// A preambular paragraph: italic lead words, then the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PreambularParagraph {
    /// The opening words printed in italics ("Conscient", "Recalling").
    pub lead: String,
    /// The text after the lead words.
    pub text: String,
    /// Lettered sub-paragraphs that follow it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subparagraphs: Vec<SubParagraph>,
}

/// A numbered operative paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OperativeParagraph {
    /// Its number, 1, 2, 3 …
    pub number: u32,
    /// The lead verb in italics ("Souligne de nouveau", "Requests").
    pub lead: String,
    /// The text after the lead verb.
    pub text: String,
    /// Lettered sub-paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subparagraphs: Vec<SubParagraph>,
    /// A short form of the provision, for tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
}

/// The "letter" of a dash item: an unnumbered item printed after a dash, as
/// in many Security Council resolutions.
pub const DASH: &str = "—";

/// A lettered sub-paragraph, (a) or a), or a dash item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubParagraph {
    /// Its letter: `a`, `b` …, or `—` ([`DASH`]) for a dash item.
    pub letter: String,
    /// Opening words in italics, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// The text.
    pub text: String,
}

/// A footnote of the resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// The marker cited in the text as `[^marker]`, usually its number.
    pub marker: String,
    /// The footnote text.
    pub text: String,
}

/// The meeting at which the resolution was adopted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The meeting as printed: "45e séance plénière", "45th plenary meeting".
    pub name: String,
    /// The date of the meeting.
    pub date: Date,
}

/// A place in a text where a footnote is cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The footnote marker.
    pub marker: String,
    /// Where: "preambular paragraph 2 (a)", "operative paragraph 1".
    pub place: String,
}

/// A run of text split at footnote markers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Plain text.
    Text(&'a str),
    /// A footnote marker `[^m]`, holding `m`.
    Note(&'a str),
}

/// Splits `text` at its footnote markers `[^m]`. Anything else, including a
/// lone `[^` without a closing bracket, is plain text.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        let after = &rest[start + 2..];
        let Some(end) = after.find(']') else { break };
        let marker = &after[..end];
        if marker.is_empty() || marker.chars().any(|c| c.is_whitespace() || c == '[') {
            out.push(Segment::Text(&rest[..start + 2]));
            rest = after;
            continue;
        }
        if start > 0 {
            out.push(Segment::Text(&rest[..start]));
        }
        out.push(Segment::Note(marker));
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    // Merge neighbouring text pieces left by rejected markers.
    let mut merged: Vec<Segment<'_>> = Vec::new();
    for seg in out {
        match (merged.last_mut(), seg) {
            (Some(Segment::Text(prev)), Segment::Text(next))
                if prev.as_ptr() as usize + prev.len() == next.as_ptr() as usize =>
            {
                let start = prev.as_ptr() as usize - text.as_ptr() as usize;
                *prev = &text[start..start + prev.len() + next.len()];
            }
            (_, seg) => merged.push(seg),
        }
    }
    merged
}

impl Resolution {
    /// Every footnote citation in the text, in reading order.
    pub fn citations(&self) -> Vec<Citation> {
        let mut out = Vec::new();
        let mut scan = |place: String, text: &str| {
            for seg in segments(text) {
                if let Segment::Note(m) = seg {
                    out.push(Citation {
                        marker: m.to_owned(),
                        place: place.clone(),
                    });
                }
            }
        };
        scan("title".into(), &self.title);
        for (part, preamble, operative) in self.divisions() {
            let of = part.map_or(String::new(), |p| format!(" of part {}", p.number));
            if let Some(heading) = part.and_then(|p| p.heading.as_deref()) {
                scan(format!("heading{of}"), heading);
            }
            for (i, p) in preamble.iter().enumerate() {
                scan(format!("preambular paragraph {}{of}", i + 1), &p.text);
                for s in &p.subparagraphs {
                    scan(
                        format!("preambular paragraph {} ({}){of}", i + 1, s.letter),
                        &s.text,
                    );
                }
            }
            for p in operative {
                scan(format!("operative paragraph {}{of}", p.number), &p.text);
                for s in &p.subparagraphs {
                    scan(
                        format!("operative paragraph {} ({}){of}", p.number, s.letter),
                        &s.text,
                    );
                }
            }
        }
        for a in &self.annexes {
            for (k, p) in a.paragraphs.iter().enumerate() {
                scan(format!("{}, paragraph {}", a.heading, k + 1), p);
            }
        }
        out
    }

    /// The body in reading order: the paragraphs before any part (`None`),
    /// then each part's.
    pub fn divisions(
        &self,
    ) -> impl Iterator<Item = (Option<&Part>, &[PreambularParagraph], &[OperativeParagraph])> {
        std::iter::once((None, self.preamble.as_slice(), self.operative.as_slice())).chain(
            self.parts
                .iter()
                .map(|p| (Some(p), p.preamble.as_slice(), p.operative.as_slice())),
        )
    }

    /// Every operative paragraph, those of the parts included, in order.
    pub fn all_operative(&self) -> impl Iterator<Item = &OperativeParagraph> {
        self.operative
            .iter()
            .chain(self.parts.iter().flat_map(|p| &p.operative))
    }

    /// Every preambular paragraph, those of the parts included, in order.
    pub fn all_preamble(&self) -> impl Iterator<Item = &PreambularParagraph> {
        self.preamble
            .iter()
            .chain(self.parts.iter().flat_map(|p| &p.preamble))
    }

    /// How many operative paragraphs it has, those of the parts included.
    pub fn operative_count(&self) -> usize {
        self.operative.len() + self.parts.iter().map(|p| p.operative.len()).sum::<usize>()
    }

    /// Whether its parts number their paragraphs afresh (1, 2 … in each), so
    /// that a number alone does not name one paragraph.
    pub fn numbers_restart(&self) -> bool {
        let mut seen = std::collections::HashSet::new();
        !self.all_operative().all(|p| seen.insert(p.number))
    }

    /// The operative paragraph with this number (the first, when parts
    /// number afresh).
    pub fn paragraph(&self, number: u32) -> Option<&OperativeParagraph> {
        // Paragraphs are numbered 1, 2, 3 …: look where it should be first.
        let at = (number as usize).checked_sub(1);
        match at.and_then(|i| self.operative.get(i)) {
            Some(p) if p.number == number => Some(p),
            _ => self.all_operative().find(|p| p.number == number),
        }
    }

    /// The footnote with this marker.
    pub fn footnote(&self, marker: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.marker == marker)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_markers() {
        assert_eq!(
            segments("organisée[^1] et des enfants[^2],"),
            vec![
                Segment::Text("organisée"),
                Segment::Note("1"),
                Segment::Text(" et des enfants"),
                Segment::Note("2"),
                Segment::Text(","),
            ]
        );
    }

    #[test]
    fn leaves_non_markers_alone() {
        assert_eq!(segments("a [^ b] c"), vec![Segment::Text("a [^ b] c")]);
        assert_eq!(segments("x [^"), vec![Segment::Text("x [^")]);
        assert_eq!(segments("]<lbl>@ref"), vec![Segment::Text("]<lbl>@ref")]);
        assert_eq!(segments(""), vec![]);
    }
}
