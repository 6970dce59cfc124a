//! Language-specific typography applied to the composed document, so both
//! backends print the same characters.
//!
//! French: the space before « : » becomes a no-break space, the space before
//! « ; ! ? » a narrow no-break space, and the spaces inside guillemets
//! no-break spaces (UN-LAYOUT.md, "French typography"). Spaces are only
//! changed, never added.

use crate::doc::{Block, Document, FirstPage, Inline};
use crate::model::Lang;

/// Applies the typography of the document's language.
pub fn apply(doc: &mut Document) {
    if doc.lang != Lang::Fr {
        return;
    }
    for block in &mut doc.blocks {
        match block {
            Block::Heading { content, .. }
            | Block::Paragraph { content, .. }
            | Block::Preambular { content }
            | Block::SubParagraph { content, .. } => inlines(content),
            Block::Summary {
                heading,
                paragraphs,
            } => {
                *heading = french(heading);
                paragraphs.iter_mut().for_each(|p| inlines(p));
            }
            Block::Table(t) => {
                t.header.iter_mut().flatten().for_each(|c| inlines(c));
                t.rows
                    .iter_mut()
                    .flat_map(|r| &mut r.cells)
                    .for_each(|c| inlines(c));
            }
            Block::Closing { lines } => lines.iter_mut().for_each(|l| *l = french(l)),
            Block::Contents | Block::PageBreak => {}
        }
    }
    if let Some(fp) = &mut doc.first_page {
        first_page(fp);
    }
}

fn first_page(fp: &mut FirstPage) {
    for s in [
        &mut fp.title,
        &mut fp.agenda_title,
        &mut fp.original,
        &mut fp.agenda_line,
    ] {
        *s = french(s);
    }
    for s in fp.session.iter_mut().chain(fp.notice.iter_mut()) {
        *s = french(s);
    }
}

fn inlines(items: &mut [Inline]) {
    for item in items {
        match item {
            Inline::Text(t) | Inline::Unbroken(t) => *t = french(t),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Note(c) => inlines(c),
            Inline::NoteRef(_) | Inline::Break => {}
        }
    }
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
    use super::french;

    #[test]
    fn french_spaces_become_unbreakable() {
        assert_eq!(
            french("élaboré : a ; b ? « c »"),
            "élaboré\u{a0}: a\u{202f}; b\u{202f}? «\u{a0}c\u{a0}»"
        );
        assert_eq!(french("http://x.org"), "http://x.org");
    }
}
