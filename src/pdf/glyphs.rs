//! typst draws a missing glyph as an empty box without a warning; this check
//! finds glyph id 0 in the laid-out pages and names the characters.

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

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
