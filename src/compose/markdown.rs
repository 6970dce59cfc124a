//! Reads the Markdown that templates write into document blocks, numbering
//! chapters (I.), sections (A.), body paragraphs (1.) and sub-paragraphs.
//!
//! `#` is a chapter, `##` a section, `###` an unnumbered minor heading; every
//! top-level paragraph is a numbered body paragraph; list items are lettered
//! sub-paragraphs; `[^id]` footnotes become real footnotes; pipe tables become
//! tables whose header row repeats, and a row whose first cell is all bold is a
//! totals row; `---` starts a new page.

use std::collections::HashMap;
use std::path::Path;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::check::letter;
use crate::compose::locale::Locale;
use crate::doc::{Align, Block, Inline, Row, Table};
use crate::error::{Error, ErrorKind, Location, Result};

/// Marks a footnote reference until its definition is filled in.
const NOTE_REF: char = '\u{1}';

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

/// Converts Markdown written by the template `origin` into blocks.
pub fn blocks(markdown: &str, locale: &Locale, origin: &Path) -> Result<Vec<Block>> {
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES;
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
                Tag::Heading { level, .. } => {
                    stack.push(Open::Heading(heading_level(level), Vec::new()))
                }
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
                        counters.paragraph += 1;
                        out.push(Block::Paragraph {
                            number: Some(format!("{}.", counters.paragraph)),
                            content: trim(content),
                        });
                    }
                }
                TagEnd::Heading(_) => {
                    if let Some(Open::Heading(level, content)) = stack.pop() {
                        let number = match level {
                            1 => {
                                counters.chapter += 1;
                                counters.section = 0;
                                Some(format!("{}.", roman(counters.chapter)))
                            }
                            2 => {
                                counters.section += 1;
                                Some(format!("{}.", letter(counters.section - 1).to_uppercase()))
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
                            letter(n - 1)
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
    let mut missing = None;
    for block in &mut out {
        fill_notes(block, &definitions, &mut missing);
    }
    if let Some(label) = missing {
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

fn fill_notes(
    block: &mut Block,
    defs: &HashMap<String, Vec<Inline>>,
    missing: &mut Option<String>,
) {
    fn walk(
        inlines: &mut [Inline],
        defs: &HashMap<String, Vec<Inline>>,
        missing: &mut Option<String>,
    ) {
        for inline in inlines {
            match inline {
                Inline::Note(content) => {
                    if let [Inline::Text(t)] = content.as_slice() {
                        if let Some(label) = t.strip_prefix(NOTE_REF) {
                            match defs.get(label) {
                                Some(def) => *content = def.clone(),
                                None => *missing = Some(label.to_owned()),
                            }
                        }
                    }
                }
                Inline::Emph(c) | Inline::Strong(c) => walk(c, defs, missing),
                Inline::Text(_)
                | Inline::Unbroken(_)
                | Inline::Super(_)
                | Inline::NoteRef(_)
                | Inline::Break => {}
            }
        }
    }
    match block {
        Block::Heading { content, .. }
        | Block::Paragraph { content, .. }
        | Block::Preambular { content }
        | Block::SubParagraph { content, .. } => walk(content, defs, missing),
        Block::Table(t) => {
            for cell in t.header.iter_mut().flatten() {
                walk(cell, defs, missing);
            }
            for cell in t.rows.iter_mut().flat_map(|r| &mut r.cells) {
                walk(cell, defs, missing);
            }
        }
        Block::Summary { paragraphs, .. } => {
            paragraphs.iter_mut().for_each(|p| walk(p, defs, missing))
        }
        Block::Contents | Block::PageBreak | Block::Closing { .. } => {}
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

fn push_space(inlines: &mut Vec<Inline>) {
    if !inlines.is_empty() {
        push_text(inlines, " ");
    }
}

/// Trims spaces at both ends of a run of inlines.
fn trim(mut inlines: Vec<Inline>) -> Vec<Inline> {
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
mod tests {
    use super::*;
    use crate::assets::Assets;
    use crate::model::Lang;

    fn parse(md: &str, lang: Lang) -> Result<Vec<Block>> {
        let locale = Locale::load(&Assets::embedded(), lang).unwrap();
        blocks(md, &locale, Path::new("t.md"))
    }

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    #[test]
    fn numbers_chapters_sections_and_paragraphs_across_chapters() {
        let b = parse(
            "# Intro\n\nOne.\n\n# Action\n\n## First\n\nTwo.\n\n## Second\n\nThree.\n",
            Lang::En,
        )
        .unwrap();
        assert_eq!(
            b,
            vec![
                Block::Heading {
                    level: 1,
                    number: Some("I.".into()),
                    content: text("Intro")
                },
                Block::Paragraph {
                    number: Some("1.".into()),
                    content: text("One.")
                },
                Block::Heading {
                    level: 1,
                    number: Some("II.".into()),
                    content: text("Action")
                },
                Block::Heading {
                    level: 2,
                    number: Some("A.".into()),
                    content: text("First")
                },
                Block::Paragraph {
                    number: Some("2.".into()),
                    content: text("Two.")
                },
                Block::Heading {
                    level: 2,
                    number: Some("B.".into()),
                    content: text("Second")
                },
                Block::Paragraph {
                    number: Some("3.".into()),
                    content: text("Three.")
                },
            ]
        );
    }

    #[test]
    fn a_lone_section_loses_its_letter() {
        let b = parse(
            "# One\n\n## Only\n\nText.\n\n# Two\n\n## First\n\nA.\n\n## Second\n\nB.\n",
            Lang::En,
        )
        .unwrap();
        let numbers: Vec<Option<String>> = b
            .iter()
            .filter_map(|b| match b {
                Block::Heading { number, .. } => Some(number.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(
            numbers,
            [
                Some("I.".into()),
                None,
                Some("II.".into()),
                Some("A.".into()),
                Some("B.".into())
            ]
        );
    }

    #[test]
    fn list_items_are_lettered_per_language() {
        let md = "Intro:\n\n- first;\n- second.\n";
        let en = parse(md, Lang::En).unwrap();
        assert!(matches!(&en[2], Block::SubParagraph { label, .. } if label == "(b)"));
        let fr = parse(md, Lang::Fr).unwrap();
        assert!(matches!(&fr[1], Block::SubParagraph { label, .. } if label == "a)"));
    }

    #[test]
    fn footnotes_are_placed_where_cited() {
        let b = parse("Text.[^n] More.\n\n[^n]: The *note*.\n", Lang::En).unwrap();
        assert_eq!(b.len(), 1);
        let Block::Paragraph { content, .. } = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(
            content[1],
            Inline::Note(vec![
                Inline::Text("The ".into()),
                Inline::Emph(text("note")),
                Inline::Text(".".into())
            ])
        );
    }

    #[test]
    fn an_undefined_footnote_is_an_error() {
        let err = parse("Text.[^x]\n", Lang::En).unwrap_err();
        assert!(err.message.contains("[^x]"), "{err}");
    }

    #[test]
    fn tables_keep_header_alignment_and_totals() {
        let b = parse(
            "| Donor | 2016 |\n|:--|--:|\n| A | 1 |\n| **Total** | **1** |\n",
            Lang::En,
        )
        .unwrap();
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.align, vec![Align::Left, Align::Right]);
        assert_eq!(t.header, vec![vec![text("Donor"), text("2016")]]);
        assert!(!t.rows[0].total && t.rows[1].total);
    }

    #[test]
    fn escaped_text_prints_as_it_stands() {
        let hostile =
            "#read(\"/etc/passwd\") $x$ *a* _b_ ] <lbl> @ref \\ {{ x }} {% x %} [^1] | `c`";
        let b = parse(&escape(hostile), Lang::En).unwrap();
        assert_eq!(
            b,
            vec![Block::Paragraph {
                number: Some("1.".into()),
                content: text(hostile)
            }]
        );
    }

    #[test]
    fn raw_html_is_refused() {
        assert!(parse("<div>x</div>\n", Lang::En).is_err());
        assert!(parse("<!-- a comment -->\n\nText.\n", Lang::En).is_ok());
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
    }
}
