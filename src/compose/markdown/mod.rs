//! Reads the Markdown that templates write into document blocks, numbering
//! chapters (I.), sections (A.), body paragraphs (1.) and sub-paragraphs.
//!
//! `#` is a chapter, `##` a section, `###` an unnumbered minor heading; every
//! top-level paragraph is a numbered body paragraph; list items are lettered
//! sub-paragraphs; `[^id]` footnotes become real footnotes; pipe tables become
//! tables whose header row repeats, and a row whose first cell is all bold is a
//! totals row; `---` starts a new page; `# Title {.annex}` starts an annex
//! (`{.annex original=fr}` when it was written in another language), on a new
//! page, with its paragraphs numbered from 1 and its notes lettered.

use std::collections::HashMap;
use std::path::Path;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::compose::locale::{fill, Locale};
use crate::doc::{Align, Block, Inline, Row, Table};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::Lang;

mod notes;

use notes::NOTE_REF;

/// The running numbers of a document.
#[derive(Debug, Default)]
struct Counters {
    chapter: usize,
    section: usize,
    paragraph: usize,
}

/// An open container of inlines.
enum Open {
    Paragraph(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    /// An annex's title, and the language it was written in.
    Annex(Option<Lang>, Vec<Inline>),
    Emph(Vec<Inline>),
    Strong(Vec<Inline>),
    Item(Vec<Inline>),
    Cell(Vec<Inline>),
    Definition(String, Vec<Inline>),
    Link(Vec<Inline>),
}

impl Open {
    fn inlines(&mut self) -> &mut Vec<Inline> {
        match self {
            Open::Paragraph(v)
            | Open::Heading(_, v)
            | Open::Annex(_, v)
            | Open::Emph(v)
            | Open::Strong(v)
            | Open::Item(v)
            | Open::Cell(v)
            | Open::Definition(_, v)
            | Open::Link(v) => v,
        }
    }
}

struct TableState {
    align: Vec<Align>,
    header: Vec<Vec<Inline>>,
    rows: Vec<Row>,
    row: Vec<Vec<Inline>>,
}

/// Opens a paragraph that stands for blocks composed elsewhere (the
/// implementation table): the character, then the insert's name. Data cannot
/// write it (`check` refuses control characters in values and narratives).
pub const INSERT: char = '\u{2}';

/// Converts Markdown written by the template `origin` into blocks; `original`
/// is the language the document was written in (an annex written in another
/// says so); a paragraph [`INSERT`]`name` is replaced by `insert(name)`.
pub fn blocks(
    markdown: &str,
    locale: &Locale,
    origin: &Path,
    original: Lang,
    insert: &dyn Fn(&str) -> Result<Vec<Block>>,
) -> Result<Vec<Block>> {
    let options =
        Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut lists: Vec<usize> = Vec::new();
    let mut table: Option<TableState> = None;
    let mut definitions: HashMap<String, Vec<Inline>> = HashMap::new();
    let mut counters = Counters::default();

    let error = |message: String, range: std::ops::Range<usize>| {
        Error::new(ErrorKind::Template, message)
            .at(Location::span(origin, markdown.into(), range))
            .note("the location is in the Markdown the template wrote")
    };

    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    if let Some(top) = stack.last_mut() {
                        push_space(top.inlines());
                    } else {
                        stack.push(Open::Paragraph(Vec::new()));
                    }
                }
                Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                } => stack.push(match heading_kind(level, id.as_deref(), &classes, &attrs) {
                    Ok(None) => Open::Heading(heading_level(level), Vec::new()),
                    Ok(Some(lang)) => Open::Annex(lang, Vec::new()),
                    Err((message, hint)) => return Err(error(message, range).hint(hint)),
                }),
                Tag::Emphasis => stack.push(Open::Emph(Vec::new())),
                Tag::Strong => stack.push(Open::Strong(Vec::new())),
                Tag::Link { .. } => stack.push(Open::Link(Vec::new())),
                Tag::List(_) => {
                    if lists.len() == 2 {
                        return Err(error(
                            "sub-paragraphs nest two levels deep at most".into(),
                            range,
                        ));
                    }
                    lists.push(0);
                }
                Tag::Item => {
                    if let Some(n) = lists.last_mut() {
                        *n += 1;
                    }
                    stack.push(Open::Item(Vec::new()));
                }
                Tag::FootnoteDefinition(label) => {
                    stack.push(Open::Definition(label.to_string(), Vec::new()))
                }
                Tag::Table(alignments) => {
                    table = Some(TableState {
                        align: alignments.iter().map(|a| align(*a)).collect(),
                        header: Vec::new(),
                        rows: Vec::new(),
                        row: Vec::new(),
                    })
                }
                Tag::TableHead | Tag::TableRow => {}
                Tag::TableCell => stack.push(Open::Cell(Vec::new())),
                Tag::HtmlBlock => {}
                other => {
                    return Err(
                        error(format!("templates cannot use Markdown {other:?}"), range).hint(
                            "use headings, paragraphs, lists, emphasis, footnotes and pipe tables",
                        ),
                    )
                }
            },
            Event::End(end) => match end {
                TagEnd::Paragraph if stack.len() == 1 && matches!(stack[0], Open::Paragraph(_)) => {
                    if let Some(Open::Paragraph(content)) = stack.pop() {
                        if let [Inline::Text(t)] = content.as_slice() {
                            if let Some(name) = t.trim().strip_prefix(INSERT) {
                                out.extend(insert(name).map_err(|e| {
                                    e.at(Location::span(origin, markdown.into(), range.clone()))
                                })?);
                                continue;
                            }
                        }
                        counters.paragraph += 1;
                        out.push(Block::Paragraph {
                            number: Some(locale.paragraph(counters.paragraph)),
                            content: trim(content),
                        });
                    }
                }
                TagEnd::Heading(_) => {
                    let open = stack.pop();
                    if let Some(Open::Annex(lang, title)) = open {
                        // An annex numbers its chapters and paragraphs anew.
                        counters = Counters::default();
                        out.push(Block::Annex {
                            label: String::new(),
                            title: trim(title),
                            original: lang.filter(|l| *l != original).map(|l| {
                                let name = locale.languages.get(&l).map_or(l.code(), |n| n);
                                fill(&locale.annex_original, &[("language", name)])
                            }),
                        });
                    } else if let Some(Open::Heading(level, content)) = open {
                        let number = match level {
                            1 => {
                                counters.chapter += 1;
                                counters.section = 0;
                                Some(locale.chapter(counters.chapter))
                            }
                            2 => {
                                counters.section += 1;
                                Some(locale.section(counters.section))
                            }
                            _ => None,
                        };
                        out.push(Block::Heading {
                            level,
                            number,
                            content: trim(content),
                        });
                    }
                }
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => {
                    let inline = match stack.pop() {
                        Some(Open::Emph(c)) => Inline::Emph(c),
                        Some(Open::Strong(c)) => Inline::Strong(c),
                        Some(Open::Link(c)) => {
                            if let Some(top) = stack.last_mut() {
                                top.inlines().extend(c);
                            }
                            continue;
                        }
                        _ => continue,
                    };
                    if let Some(top) = stack.last_mut() {
                        top.inlines().push(inline);
                    }
                }
                TagEnd::List(_) => {
                    lists.pop();
                }
                TagEnd::Item => {
                    if let Some(Open::Item(content)) = stack.pop() {
                        let n = lists.last().copied().unwrap_or(1);
                        let label = if lists.len() <= 1 {
                            locale.letter(n - 1)
                        } else {
                            roman(n).to_lowercase()
                        };
                        out.push(Block::SubParagraph {
                            label: locale.subparagraph(&label),
                            content: trim(content),
                        });
                    }
                }
                TagEnd::FootnoteDefinition => {
                    if let Some(Open::Definition(label, content)) = stack.pop() {
                        definitions.insert(label, trim(content));
                    }
                }
                TagEnd::TableCell => {
                    if let (Some(Open::Cell(content)), Some(t)) = (stack.pop(), table.as_mut()) {
                        t.row.push(trim(content));
                    }
                }
                TagEnd::TableHead => {
                    if let Some(t) = table.as_mut() {
                        t.header = std::mem::take(&mut t.row);
                    }
                }
                TagEnd::TableRow => {
                    if let Some(t) = table.as_mut() {
                        let cells = std::mem::take(&mut t.row);
                        let total =
                            matches!(cells.first().map(Vec::as_slice), Some([Inline::Strong(_)]));
                        t.rows.push(if total {
                            Row::totals(cells)
                        } else {
                            Row::new(cells)
                        });
                    }
                }
                TagEnd::Table => {
                    if let Some(t) = table.take() {
                        let mut widths = vec![1.0; t.align.len()];
                        if let Some(first) = widths.first_mut() {
                            *first = 3.0;
                        }
                        out.push(Block::Table(Table {
                            widths,
                            width: None,
                            align: t.align,
                            header: vec![t.header],
                            rows: t.rows,
                            notes: Vec::new(),
                            langs: Vec::new(),
                        }));
                    }
                }
                _ => {}
            },
            Event::Text(text) | Event::Code(text) => match stack.last_mut() {
                Some(top) => push_text(top.inlines(), &text),
                None => return Err(error("text outside any paragraph".into(), range)),
            },
            Event::SoftBreak | Event::HardBreak => {
                if let Some(top) = stack.last_mut() {
                    push_space(top.inlines());
                }
            }
            Event::FootnoteReference(label) => {
                if let Some(top) = stack.last_mut() {
                    top.inlines().push(Inline::Note(vec![Inline::Text(format!(
                        "{NOTE_REF}{label}"
                    ))]));
                }
            }
            Event::Rule => out.push(Block::PageBreak),
            Event::Html(html) | Event::InlineHtml(html) => {
                let t = html.trim();
                if !(t.starts_with("<!--") && t.ends_with("-->")) {
                    return Err(error("templates cannot write raw HTML".into(), range)
                        .hint("HTML comments are allowed; anything else is not"));
                }
            }
            other => {
                return Err(error(
                    format!("templates cannot use Markdown {other:?}"),
                    range,
                ));
            }
        }
    }

    // pulldown-cmark prints a reference to an undefined footnote as text, so
    // look for raw `[^label]` in the template's output (escaped data never has one).
    for (at, _) in markdown.match_indices("[^") {
        if markdown[..at].ends_with('\\') {
            continue;
        }
        let rest = &markdown[at + 2..];
        let Some(label) = rest
            .split(']')
            .next()
            .filter(|l| !l.is_empty() && !l.contains(char::is_whitespace))
        else {
            continue;
        };
        if !definitions.contains_key(label) {
            return Err(error(
                format!("footnote [^{label}] is cited but never defined"),
                at..at + label.len() + 3,
            )
            .hint(format!("add a line `[^{label}]: text` to the template")));
        }
    }
    unnumber_lone_sections(&mut out);
    label_annexes(&mut out, locale);
    if let Some(label) = notes::fill(&mut out, &definitions) {
        let at = markdown.find(&format!("[^{label}]")).unwrap_or(0);
        return Err(error(
            format!("footnote [^{label}] is cited but never defined"),
            at..at,
        )
        .hint(format!("add a line `[^{label}]: text` to the template")));
    }
    Ok(out)
}

/// "No lone sub-heading: an A needs a B" (UN-LAYOUT.md): a chapter with a
/// single section keeps its heading but not its letter.
fn unnumber_lone_sections(blocks: &mut [Block]) {
    let chapters: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Heading { level: 1, .. }))
        .map(|(i, _)| i)
        .chain([blocks.len()])
        .collect();
    let mut start = 0;
    for end in chapters {
        let sections: Vec<usize> = (start..end)
            .filter(|&i| matches!(blocks[i], Block::Heading { level: 2, .. }))
            .collect();
        if let [only] = sections.as_slice() {
            if let Block::Heading { number, .. } = &mut blocks[*only] {
                *number = None;
            }
        }
        start = end;
    }
}

/// What a heading's attributes make it: `Ok(None)` a heading, `Ok(Some(l))`
/// an annex (written in `l`, if given); an error and its hint for anything
/// else.
fn heading_kind(
    level: HeadingLevel,
    id: Option<&str>,
    classes: &[pulldown_cmark::CowStr],
    attrs: &[(pulldown_cmark::CowStr, Option<pulldown_cmark::CowStr>)],
) -> std::result::Result<Option<Option<Lang>>, (String, String)> {
    const HINT: &str = "the one attribute a heading takes is `{.annex}` (or `{.annex original=fr}`) on a `#` heading";
    if let Some(id) = id {
        return Err((format!("a heading cannot take the id `#{id}`"), HINT.into()));
    }
    match classes {
        [] if attrs.is_empty() => return Ok(None),
        [c] if c.as_ref() == "annex" => {}
        _ => {
            let names: Vec<String> = classes.iter().map(|c| format!(".{c}")).collect();
            return Err((
                format!("a heading cannot take the attributes `{}`", names.join(" ")),
                HINT.into(),
            ));
        }
    }
    if level != HeadingLevel::H1 {
        return Err((
            "an annex is a `#` heading, not a lower one".into(),
            "write `# Title {.annex}`".into(),
        ));
    }
    let mut lang = None;
    for (key, value) in attrs {
        match (key.as_ref(), value.as_deref()) {
            ("original", Some(code)) => {
                lang = Some(code.parse::<Lang>().map_err(|_| {
                    (
                        format!("`{code}` is not a language resolute knows"),
                        "write `original=` and one of ar, zh, en, fr, ru, es".to_owned(),
                    )
                })?)
            }
            (key, _) => {
                return Err((
                    format!("an annex heading cannot take `{key}`"),
                    "an annex takes `original=` and a language code, nothing else".into(),
                ))
            }
        }
    }
    Ok(Some(lang))
}

/// "Annex" when the document has one, "Annex I", "Annex II" … when it has
/// several.
fn label_annexes(blocks: &mut [Block], locale: &Locale) {
    let count = blocks
        .iter()
        .filter(|b| matches!(b, Block::Annex { .. }))
        .count();
    let mut n = 0;
    for block in blocks {
        if let Block::Annex { label, .. } = block {
            n += 1;
            *label = if count == 1 {
                locale.annex.clone()
            } else {
                fill(&locale.annex_numbered, &[("number", &roman(n))])
            };
        }
    }
}

fn push_text(inlines: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text(prev)) = inlines.last_mut() {
        if !prev.starts_with(NOTE_REF) {
            prev.push_str(text);
            return;
        }
    }
    inlines.push(Inline::Text(text.to_owned()));
}

/// Where a line of the source broke inside a paragraph: a noncharacter,
/// made a space or nothing when the paragraph is complete (see [`trim`]).
const LINE_BREAK: char = '\u{fdd0}';

fn push_space(inlines: &mut Vec<Inline>) {
    if !inlines.is_empty() {
        push_text(inlines, &LINE_BREAK.to_string());
    }
}

/// Whether a character belongs to a script written without spaces between
/// words: Han, kana, and full-width punctuation.
fn spaceless(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// `text` with each source line break a space, or nothing between two
/// characters of a script written without spaces (Chinese: "贩运\n人口" is
/// "贩运人口").
fn resolve_breaks(text: &str) -> String {
    if !text.contains(LINE_BREAK) {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != LINE_BREAK {
            out.push(c);
            continue;
        }
        let before = chars[..i].iter().rev().find(|c| **c != LINE_BREAK);
        let after = chars[i + 1..].iter().find(|c| **c != LINE_BREAK);
        if !(before.is_some_and(|c| spaceless(*c)) && after.is_some_and(|c| spaceless(*c))) {
            out.push(' ');
        }
    }
    out
}

/// Trims spaces at both ends of a run of inlines.
fn trim(mut inlines: Vec<Inline>) -> Vec<Inline> {
    for inline in &mut inlines {
        if let Inline::Text(t) = inline {
            *t = resolve_breaks(t);
        }
    }
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        *t = t.trim_start().to_owned();
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        *t = t.trim_end().to_owned();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    inlines
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        _ => 3,
    }
}

fn align(a: Alignment) -> Align {
    match a {
        Alignment::Right => Align::Right,
        Alignment::Center => Align::Center,
        Alignment::Left | Alignment::None => Align::Left,
    }
}

/// Upper-case Roman numerals.
pub fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Escapes text so that Markdown prints it as it stands: every ASCII
/// punctuation character gets a backslash, and line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
