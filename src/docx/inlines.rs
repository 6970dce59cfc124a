//! Inline content as runs: text (tabs become Word tabs), italics, bold, and
//! footnotes, which become real Word footnotes numbered by Word in order.

use std::borrow::Cow;

use docx_rs::{Footnote, Paragraph, Run};

use super::styles;
use crate::doc::Inline;
use crate::Error;

/// The footnotes written so far; hands out their ids (1, 2, 3 … in document
/// order, which is also the order Word numbers them in).
#[derive(Debug, Default)]
pub(crate) struct Notes {
    count: usize,
    marks: Vec<(usize, String)>,
}

impl Notes {
    /// The ids of the footnotes written, in order.
    pub fn ids(&self) -> Vec<usize> {
        (1..=self.count).collect()
    }

    /// The footnotes with a mark of their own: id and mark.
    pub fn marks(&self) -> Vec<(usize, String)> {
        self.marks.clone()
    }

    fn next_id(&mut self) -> usize {
        self.count += 1;
        self.count
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Format {
    bold: bool,
    italic: bool,
    link: bool,
}

/// A paragraph of `style`: the `label` and a tab if there is one, then `content`.
pub(crate) fn paragraph(
    style: &str,
    label: Option<&str>,
    content: &[Inline],
    notes: &mut Notes,
) -> crate::Result<Paragraph> {
    fill(Paragraph::new().style(style), label, content, notes)
}

/// Adds to `p` the `label` and a tab if there is one, then `content`.
pub(crate) fn fill(
    mut p: Paragraph,
    label: Option<&str>,
    content: &[Inline],
    notes: &mut Notes,
) -> crate::Result<Paragraph> {
    if let Some(label) = label {
        p = p.add_run(plain_run(label).add_tab());
    }
    for run in runs(content, notes)? {
        p = p.add_run(run);
    }
    Ok(p)
}

/// The runs of `content`.
pub(crate) fn runs(content: &[Inline], notes: &mut Notes) -> crate::Result<Vec<Run>> {
    let mut out = Vec::new();
    lower(content, Format::default(), Some(notes), &mut out)?;
    Ok(out)
}

fn lower(
    content: &[Inline],
    fmt: Format,
    mut notes: Option<&mut Notes>,
    out: &mut Vec<Run>,
) -> crate::Result<()> {
    for inline in content {
        match inline {
            Inline::Text(text) => {
                if !text.is_empty() {
                    out.push(text_run(text, fmt));
                }
            }
            Inline::Emph(c) => lower(
                c,
                Format {
                    italic: true,
                    ..fmt
                },
                notes.as_deref_mut(),
                out,
            )?,
            Inline::Strong(c) => lower(c, Format { bold: true, ..fmt }, notes.as_deref_mut(), out)?,
            Inline::NoteRef(n) => {
                out.push(
                    Run::new()
                        .style(styles::FOOTNOTE_REF)
                        .add_text(n.to_string()),
                );
            }
            Inline::Break => out.push(Run::new().add_break(docx_rs::BreakType::TextWrapping)),
            // A HYPERLINK field rather than a w:hyperlink: it needs no
            // relationship, so it works in footnotes and table cells alike.
            Inline::Link { url, content } => {
                use docx_rs::{FieldCharType, InstrText};
                out.push(Run::new().add_field_char(FieldCharType::Begin, false));
                out.push(Run::new().add_instr_text(InstrText::Unsupported(format!(
                    " HYPERLINK \"{}\" ",
                    clean(url).replace('"', "%22")
                ))));
                out.push(Run::new().add_field_char(FieldCharType::Separate, false));
                lower(
                    content,
                    Format { link: true, ..fmt },
                    notes.as_deref_mut(),
                    out,
                )?;
                out.push(Run::new().add_field_char(FieldCharType::End, false));
            }
            // A word joiner after each slash: Word may break a line after one.
            Inline::Super(text) => out.push(raised(text_run(text, fmt))),
            // A word joiner after each slash and dash, and non-breaking
            // hyphens: Word may break a line after any of them.
            Inline::Unbroken(text) => out.push(text_run(
                &text
                    .replace('/', "/\u{2060}")
                    .replace('–', "–\u{2060}")
                    .replace('-', "\u{2011}"),
                fmt,
            )),
            Inline::Note(c) | Inline::MarkedNote { content: c, .. } => {
                let Some(notes) = notes.as_deref_mut() else {
                    return Err(Error::data("a footnote cannot contain another footnote")
                        .hint("move the inner note's text into the outer note"));
                };
                let mut body = Vec::new();
                lower(c, Format::default(), None, &mut body)?;
                let mut p = Paragraph::new()
                    .style(styles::FOOTNOTE_TEXT)
                    .add_run(Run::new().add_tab());
                for run in body {
                    p = p.add_run(run);
                }
                let note = Footnote {
                    id: notes.next_id(),
                    content: vec![p],
                };
                let run = Run::new().add_footnote_reference(note);
                // A mark of its own follows the reference in its run
                // (`w:customMarkFollows`, set by the package repair), and
                // Word leaves it out of the numbered notes.
                out.push(match inline {
                    Inline::MarkedNote { mark, .. } => {
                        notes.marks.push((notes.count, mark.clone()));
                        run.add_text(clean(mark))
                    }
                    _ => run,
                });
            }
        }
    }
    Ok(())
}

/// `run` set as superscript (ordinal letters, a table note's mark).
pub(crate) fn raised(mut run: Run) -> Run {
    run.run_property = run
        .run_property
        .vert_align(docx_rs::VertAlignType::SuperScript);
    run
}

/// A run of plain `text`.
pub(crate) fn plain_run(text: &str) -> Run {
    Run::new().add_text(clean(text))
}

/// `text` without the control characters XML 1.0 cannot hold (tabs, line
/// feeds and carriage returns stay).
pub(crate) fn clean(text: &str) -> Cow<'_, str> {
    let bad = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if text.contains(bad) {
        Cow::Owned(text.chars().filter(|c| !bad(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// A run of text in `fmt`, with tab characters as Word tabs.
fn text_run(text: &str, fmt: Format) -> Run {
    let mut run = Run::new();
    if fmt.link {
        run = run.style(styles::HYPERLINK);
    }
    if fmt.bold {
        run = run.bold();
    }
    if fmt.italic {
        run = run.italic();
    }
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            run = run.add_tab();
        }
        if !piece.is_empty() {
            run = run.add_text(clean(piece));
        }
    }
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_characters_xml_cannot_hold() {
        assert_eq!(clean("a\u{0}b\u{1b}c\td\u{ffff}"), "abc\td");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn numbers_notes_in_order_and_refuses_nested_ones() {
        let mut notes = Notes::default();
        let content = vec![
            Inline::Text("a".into()),
            Inline::Note(vec![Inline::Text("one".into())]),
            Inline::Emph(vec![Inline::Note(vec![Inline::Text("two".into())])]),
        ];
        let runs = runs(&content, &mut notes).unwrap();
        assert_eq!(runs.len(), 3);
        assert_eq!(notes.ids(), [1, 2]);
        let nested = vec![Inline::Note(vec![Inline::Note(vec![])])];
        assert!(super::runs(&nested, &mut notes).is_err());
    }
}
