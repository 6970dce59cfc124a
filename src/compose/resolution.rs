//! A resolution as printed in the Official Records, as document blocks: the
//! number and title, the enacting formula, preambular paragraphs with their
//! lead words in italics, lettered sub-paragraphs, numbered operative
//! paragraphs with their lead verbs in italics, footnotes, the meeting line.

use std::collections::HashMap;

use crate::compose::locale::{fill, Locale};
use crate::doc::{Block, Inline};
use crate::model::{segments, Organ, Resolution, Segment, SubParagraph};

/// Footnote numbering across a document: the first citation of a footnote is
/// a note, later ones refer to its number.
#[derive(Debug, Default)]
pub struct Notes {
    count: u32,
}

/// The footnotes of one resolution, as numbered in the document.
pub struct Cited<'r> {
    resolution: &'r Resolution,
    /// What separates lead words from the rest: a space, none in Chinese.
    space: String,
    numbers: HashMap<String, u32>,
    /// In a column of a parallel text: footnotes are marks numbered within
    /// this resolution, their texts listed here instead of set as footnotes.
    listed: Option<Vec<(u32, String)>>,
}

impl<'r> Cited<'r> {
    /// Starts numbering the footnotes of `resolution`, printed in the words
    /// of `locale`.
    pub fn new(resolution: &'r Resolution, locale: &Locale) -> Self {
        Cited {
            resolution,
            space: locale.word_space.clone(),
            numbers: HashMap::new(),
            listed: None,
        }
    }

    /// Numbers the footnotes of `resolution` on their own (1, 2, 3 … as
    /// printed), as marks whose texts [`Cited::listed`] returns.
    pub fn own_numbers(resolution: &'r Resolution, locale: &Locale) -> Self {
        Cited {
            resolution,
            space: locale.word_space.clone(),
            numbers: HashMap::new(),
            listed: Some(Vec::new()),
        }
    }

    /// The footnotes cited so far, numbered, when numbering on their own.
    pub fn listed(&self) -> &[(u32, String)] {
        self.listed.as_deref().unwrap_or_default()
    }

    /// `text` with its `[^m]` markers as notes (first citation) or references.
    pub fn inlines(&mut self, text: &str, notes: &mut Notes) -> Vec<Inline> {
        let mut out = Vec::new();
        for seg in segments(text) {
            match seg {
                Segment::Text(t) => out.push(Inline::Text(t.to_owned())),
                Segment::Note(m) => match self.numbers.get(m) {
                    Some(n) => out.push(Inline::NoteRef(*n)),
                    None => {
                        let Some(f) = self.resolution.footnote(m) else {
                            out.push(Inline::Text(format!("[^{m}]")));
                            continue;
                        };
                        if let Some(listed) = &mut self.listed {
                            let n = listed.len() as u32 + 1;
                            listed.push((n, f.text.clone()));
                            self.numbers.insert(m.to_owned(), n);
                            out.push(Inline::NoteRef(n));
                            continue;
                        }
                        notes.count += 1;
                        self.numbers.insert(m.to_owned(), notes.count);
                        out.push(Inline::Note(crate::compose::titles::inlines(&f.text)));
                    }
                },
            }
        }
        out
    }

    /// Lead words in italics, a space, then the text.
    pub fn led(&mut self, lead: Option<&str>, text: &str, notes: &mut Notes) -> Vec<Inline> {
        let mut out = Vec::new();
        if let Some(lead) = lead.filter(|l| !l.is_empty()) {
            out.push(Inline::Emph(vec![Inline::Text(lead.to_owned())]));
            if !self.space.is_empty() {
                out.push(Inline::Text(self.space.clone()));
            }
        }
        out.extend(self.inlines(text, notes));
        out
    }
}

/// The printed heading: "2015/23. Title"; for the Security Council, whose
/// resolutions bear no title, and for any resolution without one,
/// "Resolution 1445 (2002)".
pub fn heading(
    r: &Resolution,
    locale: &Locale,
    cited: &mut Cited,
    notes: &mut Notes,
) -> Vec<Inline> {
    if r.organ == Organ::SecurityCouncil || r.title.trim().is_empty() {
        return vec![Inline::Text(fill(
            &locale.resolution_heading,
            &[("number", &r.number)],
        ))];
    }
    let mut content = vec![Inline::Text(format!("{}. ", r.number))];
    content.extend(cited.inlines(&r.title, notes));
    content
}

/// Under a Security Council resolution's heading: "Adopted by the Security
/// Council at its 4653rd meeting, on 4 December 2002" (it then has no
/// meeting line at its end).
pub fn adoption_line(r: &Resolution, locale: &Locale) -> Option<String> {
    if r.organ != Organ::SecurityCouncil {
        return None;
    }
    let m = r.meeting.as_ref()?;
    Some(fill(
        &locale.adoption_line,
        &[
            ("organ", locale.organ_as_subject(r.organ)),
            ("meeting", &m.name),
            ("date", &locale.date(m.date)),
        ],
    ))
}

/// The lines over a General Assembly resolution's heading, when given: the
/// agenda item and its title, then "[on the report of the Third Committee
/// (A/72/432)]".
fn over_heading(r: &Resolution, locale: &Locale) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(item) = &r.agenda_item {
        let mut content = vec![Inline::Text(fill(
            &locale.agenda_item.adopted,
            &[("number", &item.number)],
        ))];
        if let Some(title) = &item.title {
            content.push(Inline::Break);
            content.push(Inline::Text(title.clone()));
        }
        out.push(Block::Paragraph {
            number: None,
            content,
        });
    }
    if let Some(c) = &r.committee {
        out.push(Block::Paragraph {
            number: None,
            content: vec![Inline::Text(format!("[{c}]"))],
        });
    }
    out
}

/// The label of an operative paragraph ("1.", "1 -"); a lone paragraph is
/// not numbered.
pub fn operative_number(r: &Resolution, number: u32, locale: &Locale) -> Option<String> {
    (r.operative_count() > 1).then(|| locale.paragraph(number))
}

/// A sub-paragraph block.
pub fn subparagraph(
    s: &SubParagraph,
    locale: &Locale,
    cited: &mut Cited,
    notes: &mut Notes,
) -> Block {
    Block::SubParagraph {
        label: locale.subparagraph(&s.letter),
        content: cited.led(s.lead.as_deref(), &s.text, notes),
    }
}

/// The meeting line, flush right (none for the Security Council, whose
/// adoption line is under the heading).
pub fn closing(r: &Resolution, locale: &Locale) -> Option<Block> {
    if adoption_line(r, locale).is_some() {
        return None;
    }
    r.meeting.as_ref().map(|m| Block::Closing {
        lines: vec![
            vec![Inline::Text(m.name.clone())],
            vec![Inline::Text(locale.date(m.date))],
        ],
    })
}

/// The whole resolution as blocks.
pub fn blocks(r: &Resolution, locale: &Locale, notes: &mut Notes) -> Vec<Block> {
    let mut cited = Cited::new(r, locale);
    let mut out = over_heading(r, locale);
    out.push(Block::Heading {
        level: 1,
        number: None,
        content: heading(r, locale, &mut cited, notes),
    });
    if r.organ == Organ::SecurityCouncil && !r.title.trim().is_empty() {
        out.push(Block::Heading {
            level: 3,
            number: None,
            content: cited.inlines(&r.title, notes),
        });
    }
    if let Some(line) = adoption_line(r, locale) {
        out.push(Block::Heading {
            level: 3,
            number: None,
            content: vec![Inline::Text(line)],
        });
    }
    // Every organ prints its enacting formula in italics.
    out.push(Block::Preambular {
        content: vec![Inline::Emph(vec![Inline::Text(r.formula.clone())])],
    });
    for (part, preamble, operative) in r.divisions() {
        if let Some(part) = part {
            out.push(Block::Part {
                number: part.number.clone(),
                heading: part
                    .heading
                    .as_ref()
                    .map(|h| cited.inlines(h, notes))
                    .unwrap_or_default(),
            });
        }
        for p in preamble {
            out.push(Block::Preambular {
                content: cited.led(Some(&p.lead), &p.text, notes),
            });
            out.extend(
                p.subparagraphs
                    .iter()
                    .map(|s| subparagraph(s, locale, &mut cited, notes)),
            );
        }
        for p in operative {
            out.push(Block::Paragraph {
                number: operative_number(r, p.number, locale),
                content: cited.led(Some(&p.lead), &p.text, notes),
            });
            out.extend(
                p.subparagraphs
                    .iter()
                    .map(|s| subparagraph(s, locale, &mut cited, notes)),
            );
        }
    }
    out.extend(closing(r, locale));
    for a in &r.annexes {
        out.push(Block::PageBreak);
        out.push(Block::Heading {
            level: 2,
            number: None,
            content: vec![Inline::Text(a.heading.clone())],
        });
        if let Some(t) = &a.title {
            out.push(Block::Heading {
                level: 3,
                number: None,
                content: vec![Inline::Text(t.clone())],
            });
        }
        for p in &a.paragraphs {
            out.push(Block::Paragraph {
                number: None,
                content: cited.inlines(p, notes),
            });
        }
    }
    out
}

/// The text of a provision without footnote markers (for tables).
pub fn plain(text: &str) -> String {
    segments(text)
        .into_iter()
        .filter_map(|s| match s {
            Segment::Text(t) => Some(t),
            Segment::Note(_) => None,
        })
        .collect()
}
