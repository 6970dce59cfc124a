//! The body: headings, numbered paragraphs, sub-paragraphs, the summary, the
//! table of contents (a real TOC field, prefilled), tables and page breaks.

use docx_rs::{
    BreakType, FieldCharType, InstrPAGEREF, InstrText, InstrToC, Paragraph, Run, SpecialIndentType,
};

use super::inlines::{self, Notes};
use super::pages::Geometry;
use super::{styles, table, Part};
use crate::doc::{Block, Document, Inline};

/// A heading listed in the contents.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    /// 1 or 2.
    level: u8,
    /// "I.", "A." or none.
    number: Option<String>,
    /// The heading's plain text.
    title: String,
    /// The bookmark around the heading, for the page reference.
    bookmark: String,
}

/// The name of the bookmark around the `n`th heading of level 1 or 2 (from 1).
/// The `_Toc` prefix keeps it out of Word's list of bookmarks.
fn bookmark_name(n: usize) -> String {
    format!("_TocResolute{n:04}")
}

/// The heading level a block is typeset at (1 to 3).
fn level_of(level: u8) -> u8 {
    level.clamp(1, 3)
}

/// The body of `doc`, in order.
pub(crate) fn body(doc: &Document, g: &Geometry, notes: &mut Notes) -> crate::Result<Vec<Part>> {
    let entries = entries(&doc.blocks);
    let mut parts = Vec::new();
    let mut bookmarks = 0;
    let mut page_break = false;
    for block in &doc.blocks {
        let new = match block {
            Block::Heading {
                level,
                number,
                content,
            } => {
                let level = level_of(*level);
                let style = styles::HEADINGS[usize::from(level) - 1];
                let mut p = Paragraph::new().style(style);
                if number.is_none() && level >= 3 {
                    // A minor heading without a number is set flush left;
                    // chapter and section titles keep their runover lines
                    // indented (1.27 cm), as in the PDF.
                    p = p.indent(Some(0), Some(SpecialIndentType::Hanging(0)), None, None);
                }
                let p = if level <= 2 {
                    bookmarks += 1;
                    let p = p.add_bookmark_start(bookmarks, bookmark_name(bookmarks));
                    inlines::fill(p, number.as_deref(), content, notes)?.add_bookmark_end(bookmarks)
                } else {
                    inlines::fill(p, number.as_deref(), content, notes)?
                };
                vec![Part::para(p)]
            }
            Block::Paragraph { number, content } => {
                let style = if number.is_some() {
                    styles::NUMBERED
                } else {
                    styles::BODY
                };
                vec![Part::para(inlines::paragraph(
                    style,
                    number.as_deref(),
                    content,
                    notes,
                )?)]
            }
            Block::Part { number, heading } => {
                // Bold at the text column, the heading on the line under the
                // number; kept with the paragraph after it (Heading 3).
                let mut p = Paragraph::new().style(styles::HEADINGS[2]).indent(
                    Some(styles::HEADING_INDENT),
                    Some(SpecialIndentType::Hanging(0)),
                    None,
                    None,
                );
                p = p.add_run(inlines::plain_run(number));
                if !heading.is_empty() {
                    p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
                    for run in inlines::runs(heading, notes)? {
                        p = p.add_run(run);
                    }
                }
                vec![Part::para(p)]
            }
            Block::Preambular { content } => {
                vec![Part::para(inlines::paragraph(
                    styles::PREAMBULAR,
                    None,
                    content,
                    notes,
                )?)]
            }
            Block::SubParagraph { label, content } => {
                vec![Part::para(inlines::paragraph(
                    styles::SUB,
                    Some(label),
                    content,
                    notes,
                )?)]
            }
            Block::Summary {
                heading,
                paragraphs,
            } => {
                let mut out = vec![Part::para(
                    Paragraph::new()
                        .style(styles::SUMMARY_HEADING)
                        .add_run(inlines::plain_run(heading)),
                )];
                for content in paragraphs {
                    out.push(Part::para(inlines::paragraph(
                        styles::SUMMARY_TEXT,
                        None,
                        content,
                        notes,
                    )?));
                }
                out
            }
            Block::Contents => contents(&doc.labels.contents, &doc.labels.page, &entries),
            Block::Table(t) => {
                let (table, facts) = table::lower(t, g, notes)?;
                let mut out = vec![Part::table(table, facts)];
                for note in &t.notes {
                    out.push(Part::para(inlines::fill(
                        Paragraph::new()
                            .style(styles::TABLE_NOTE)
                            .add_run(inlines::raised(inlines::plain_run(&note.mark)))
                            .add_run(Run::new().add_tab()),
                        None,
                        &note.content,
                        notes,
                    )?));
                }
                // Word needs a paragraph between two tables and after the last one.
                out.push(Part::para(Paragraph::new().style(styles::NORMAL)));
                out
            }
            Block::Annex {
                label,
                title,
                original,
            } => {
                // A chapter-level heading on a new page: the label, a line
                // break, the title; listed in the contents as both.
                bookmarks += 1;
                let p = Paragraph::new()
                    .style(styles::HEADINGS[0])
                    .indent(Some(0), Some(SpecialIndentType::Hanging(0)), None, None)
                    .page_break_before(true)
                    .add_bookmark_start(bookmarks, bookmark_name(bookmarks))
                    .add_run(inlines::plain_run(label).add_break(docx_rs::BreakType::TextWrapping));
                let p = inlines::fill(p, None, title, notes)?.add_bookmark_end(bookmarks);
                let mut out = vec![Part::para(p)];
                if let Some(original) = original {
                    out.push(Part::para(
                        Paragraph::new()
                            .style(styles::ANNEX_ORIGINAL)
                            .add_run(inlines::plain_run(original)),
                    ));
                }
                page_break = false;
                out
            }
            Block::Closing { lines } => lines
                .iter()
                .map(|l| {
                    inlines::paragraph(styles::BODY, None, l, notes)
                        .map(|p| Part::para(p.align(docx_rs::AlignmentType::Right)))
                })
                .collect::<crate::Result<_>>()?,
            Block::PageBreak => {
                page_break = true;
                continue;
            }
        };
        let mut new = new.into_iter();
        if std::mem::take(&mut page_break) {
            match new.next() {
                Some(Part::Paragraph(p)) => parts.push(Part::para(p.page_break_before(true))),
                Some(other) => {
                    parts.push(Part::para(break_paragraph()));
                    parts.push(other);
                }
                None => {}
            }
        }
        parts.extend(new);
    }
    if page_break {
        parts.push(Part::para(break_paragraph()));
    }
    Ok(parts)
}

fn break_paragraph() -> Paragraph {
    Paragraph::new()
        .style(styles::NORMAL)
        .add_run(Run::new().add_break(BreakType::Page))
}

/// The headings of levels 1 and 2, with the bookmarks [`body`] puts around them.
fn entries(blocks: &[Block]) -> Vec<Entry> {
    let mut out = Vec::new();
    for block in blocks {
        let (level, number, title) = match block {
            Block::Heading {
                level,
                number,
                content,
            } => (level_of(*level), number.clone(), content),
            Block::Annex { label, title, .. } => (1, Some(label.clone()), title),
            _ => continue,
        };
        if level <= 2 {
            out.push(Entry {
                level,
                number,
                title: Inline::plain(title),
                bookmark: bookmark_name(out.len() + 1),
            });
        }
    }
    out
}

/// The contents: its heading, the "Page" line, and a TOC field over headings
/// of levels 1 and 2, prefilled with the entries so that it reads well before
/// Word updates it (page references point at bookmarks on the headings).
fn contents(heading: &str, page: &str, entries: &[Entry]) -> Vec<Part> {
    let mut out = vec![
        Part::para(
            Paragraph::new()
                .style(styles::CONTENTS_HEADING)
                .add_run(inlines::plain_run(heading)),
        ),
        Part::para(
            Paragraph::new()
                .style(styles::CONTENTS_PAGE)
                .add_run(inlines::plain_run(page)),
        ),
    ];
    let instr = InstrToC::new()
        .heading_styles_range(1, 2)
        .hyperlink()
        .hide_tab_and_page_numbers_in_webview()
        .use_applied_paragraph_line_level();
    let begin = || {
        [
            Run::new().add_field_char(FieldCharType::Begin, true),
            Run::new().add_instr_text(InstrText::TOC(instr.clone())),
            Run::new().add_field_char(FieldCharType::Separate, false),
        ]
    };
    let end = || Run::new().add_field_char(FieldCharType::End, false);
    if entries.is_empty() {
        let mut p = Paragraph::new().style(styles::TOC[0]);
        for run in begin() {
            p = p.add_run(run);
        }
        out.push(Part::para(p.add_run(end())));
        return out;
    }
    for (i, entry) in entries.iter().enumerate() {
        let mut p = Paragraph::new().style(styles::TOC[usize::from(entry.level) - 1]);
        if i == 0 {
            for run in begin() {
                p = p.add_run(run);
            }
        }
        let mut text = Run::new();
        if let Some(number) = &entry.number {
            text = text.add_text(inlines::clean(number)).add_tab();
        }
        p = p
            .add_run(text.add_text(inlines::clean(&entry.title)).add_tab())
            .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
            .add_run(Run::new().add_instr_text(InstrText::PAGEREF(
                InstrPAGEREF::new(&entry.bookmark).hyperlink(),
            )))
            .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
            .add_run(end());
        if i + 1 == entries.len() {
            p = p.add_run(end());
        }
        out.push(Part::para(p));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, number: &str, title: &str) -> Block {
        Block::Heading {
            level,
            number: Some(number.into()),
            content: vec![Inline::Text(title.into())],
        }
    }

    #[test]
    fn contents_lists_levels_one_and_two_only() {
        let blocks = vec![
            heading(1, "I.", "Intro"),
            heading(3, "1.", "Minor"),
            heading(2, "A.", "Section"),
        ];
        let e = entries(&blocks);
        assert_eq!(e.len(), 2);
        assert_eq!(
            (e[1].level, e[1].bookmark.as_str()),
            (2, "_TocResolute0002")
        );
    }
}
