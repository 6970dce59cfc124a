//! typst draws a missing glyph as an empty box without a warning; this check
//! finds glyph id 0 in the laid-out pages and names the characters.

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use crate::error::{Error, ErrorKind, Result};

/// The characters that were set with the "missing glyph" (id 0), in order of
/// first appearance.
pub fn missing(doc: &PagedDocument) -> Vec<char> {
    fn walk(frame: &Frame, out: &mut Vec<char>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, out),
                FrameItem::Text(text) => {
                    for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                        for c in text.text[glyph.range()].chars() {
                            if !out.contains(&c) {
                                out.push(c);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for page in doc.pages() {
        walk(&page.frame, &mut out);
    }
    out
}

/// Fails when any character came out as a missing glyph.
pub fn check(doc: &PagedDocument) -> Result<()> {
    let chars = missing(doc);
    if chars.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = chars
        .iter()
        .take(10)
        .map(|c| format!("'{c}' (U+{:04X})", *c as u32))
        .collect();
    Err(Error::new(
        ErrorKind::Typeset,
        format!("the fonts have no glyph for {}", list.join(", ")),
    )
    .hint("add a font that covers these characters with --font-path DIR"))
}

/// The characters a [`check`] error names, to find them in the data.
pub fn named_in(err: &Error) -> Vec<char> {
    if err.kind != ErrorKind::Typeset {
        return Vec::new();
    }
    err.message
        .split("(U+")
        .skip(1)
        .filter_map(|s| s.split(')').next())
        .filter_map(|hex| u32::from_str_radix(hex, 16).ok())
        .filter_map(char::from_u32)
        .collect()
}
