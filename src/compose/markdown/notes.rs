//! The footnotes of a narrative: each citation takes its definition's text.
//! In the body they are numbered by the backend in order; in an annex they
//! are lettered, from "a" in each annex; in a table they go under the table,
//! lettered from "a" in each table (UN-LAYOUT.md: "lower-case letters in
//! annexes, tables and boxes").

use std::collections::HashMap;

use crate::check::letter;
use crate::doc::{Block, Inline, TableNote};

/// Marks a footnote reference until its definition is filled in.
pub(super) const NOTE_REF: char = '\u{1}';

/// Where the notes being filled go.
enum Marks<'a> {
    /// Numbered in order by the backend.
    Numbered,
    /// Lettered footnotes; the count so far in this annex.
    Annex(&'a mut usize),
    /// Under the table; its notes so far.
    Table(&'a mut Vec<TableNote>),
}

/// Fills every citation in `blocks` with its definition, in document order.
/// Returns a label cited but never defined, if there is one.
pub(super) fn fill(blocks: &mut [Block], defs: &HashMap<String, Vec<Inline>>) -> Option<String> {
    let mut missing = None;
    let mut annex: Option<usize> = None;
    for block in blocks {
        if let Block::Annex { title, .. } = block {
            let mut n = 0;
            walk(title, defs, &mut missing, &mut Marks::Annex(&mut n));
            annex = Some(n);
            continue;
        }
        let mut marks = match annex.as_mut() {
            Some(n) => Marks::Annex(n),
            None => Marks::Numbered,
        };
        match block {
            Block::Heading { content, .. }
            | Block::Paragraph { content, .. }
            | Block::Preambular { content }
            | Block::Part {
                heading: content, ..
            }
            | Block::SubParagraph { content, .. } => walk(content, defs, &mut missing, &mut marks),
            Block::Summary { paragraphs, .. } => paragraphs
                .iter_mut()
                .for_each(|p| walk(p, defs, &mut missing, &mut marks)),
            Block::Table(t) => {
                let mut notes = Vec::new();
                let mut marks = Marks::Table(&mut notes);
                for cell in t
                    .header
                    .iter_mut()
                    .flatten()
                    .chain(t.rows.iter_mut().flat_map(|r| &mut r.cells))
                {
                    walk(cell, defs, &mut missing, &mut marks);
                }
                t.notes = notes;
            }
            Block::Annex { .. } | Block::Contents | Block::PageBreak | Block::Closing { .. } => {}
        }
    }
    missing
}

fn walk(
    inlines: &mut [Inline],
    defs: &HashMap<String, Vec<Inline>>,
    missing: &mut Option<String>,
    marks: &mut Marks,
) {
    for inline in inlines {
        match inline {
            Inline::Note(content) => {
                let label = match content.as_slice() {
                    [Inline::Text(t)] => t.strip_prefix(NOTE_REF).map(str::to_owned),
                    _ => None,
                };
                let Some(label) = label else { continue };
                let Some(def) = defs.get(&label) else {
                    *missing = Some(label);
                    continue;
                };
                let def = def.clone();
                *inline = match marks {
                    Marks::Numbered => Inline::Note(def),
                    Marks::Annex(n) => {
                        **n += 1;
                        Inline::MarkedNote {
                            mark: letter(**n - 1),
                            content: def,
                        }
                    }
                    Marks::Table(notes) => {
                        let mark = letter(notes.len());
                        notes.push(TableNote {
                            mark: mark.clone(),
                            content: def,
                        });
                        Inline::Super(mark)
                    }
                };
            }
            Inline::Emph(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                walk(c, defs, missing, marks)
            }
            Inline::Text(_)
            | Inline::Unbroken(_)
            | Inline::Super(_)
            | Inline::MarkedNote { .. }
            | Inline::NoteRef(_)
            | Inline::Break => {}
        }
    }
}
