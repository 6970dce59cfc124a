//! The DOCX backend: lowers a [`Document`] to a Word file with docx-rs.
//!
//! The file uses real named styles (Normal, heading 1–3, numbered paragraphs,
//! sub-paragraphs, summary, contents, footnotes, tables), a UN masthead on the
//! first page, running heads on even and odd pages, Word footnotes and a real
//! table-of-contents field. What docx-rs cannot write (repeating table header
//! rows, the order of property elements the schema requires, the footnote
//! separators, the document language, `w:updateFields`) is added by a pass over
//! the finished package (see the `package` submodule).
//!
//! All `docx_rs` use stays inside this module.

// `crate::Error` is the crate's one error type and carries a location and notes
// by design; boxing it here alone would not help.

mod blocks;
mod inlines;
mod masthead;
mod package;
mod pages;
mod styles;
mod table;
mod theme;
mod xml;

use std::io::Cursor;

use docx_rs::{Docx, Paragraph, Table};

use crate::doc::Document;
use crate::model::{Date, Lang};
use crate::{Error, ErrorKind};

/// Renders `doc` as the bytes of a .docx file.
///
/// The output is deterministic: the same document gives the same bytes (dates
/// come from `doc.date`, ids are counted, the package's entries have fixed
/// times and a fixed order).
pub fn render(doc: &Document) -> crate::Result<Vec<u8>> {
    let geometry = pages::Geometry::of(doc);
    let mut docx = Docx::new().default_tab_stop(styles::DEFAULT_TAB);
    for style in styles::all(&geometry) {
        docx = docx.add_style(style);
    }
    docx = styles::defaults(docx);

    let mut parts = Vec::new();
    if let Some(first) = &doc.first_page {
        parts.extend(masthead::first_page(first, &geometry));
    }
    let mut notes = inlines::Notes::default();
    parts.extend(blocks::body(doc, &geometry, &mut notes)?);
    for part in parts {
        docx = match part {
            Part::Paragraph(p) => docx.add_paragraph(*p),
            Part::Table(t) => docx.add_table(*t),
        };
    }

    docx = pages::furnish(docx, doc, &geometry);
    let stamp = timestamp(doc.date);
    docx = docx.created_at(&stamp).updated_at(&stamp);

    let mut raw = Cursor::new(Vec::new());
    docx.pack(&mut raw)
        .map_err(|e| internal(format!("docx-rs could not write the package: {e}")))?;
    let options = package::Options {
        lang: language_tag(doc.lang),
        title: inlines::clean(&doc.title).into_owned(),
        date: doc.date,
        has_footnotes: notes.count() > 0,
    };
    package::finish(&raw.into_inner(), &options)
        .map_err(|e| internal(format!("cannot finish the DOCX package: {e}")))
}

/// A piece of the body: docx-rs keeps paragraphs and tables apart.
pub(crate) enum Part {
    /// A paragraph (boxed: docx-rs paragraphs are large).
    Paragraph(Box<Paragraph>),
    /// A table (boxed, likewise).
    Table(Box<Table>),
}

impl Part {
    /// A paragraph part.
    fn para(p: Paragraph) -> Part {
        Part::Paragraph(Box::new(p))
    }
}

/// The W3CDTF timestamp of midnight UTC on `date`.
fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// The BCP 47 tag written as the document's language.
fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar-SA",
        Lang::Zh => "zh-CN",
        Lang::En => "en-GB",
        Lang::Fr => "fr-FR",
        Lang::Ru => "ru-RU",
        Lang::Es => "es-ES",
    }
}

fn internal(message: String) -> Error {
    Error::new(ErrorKind::Internal, message)
}

#[cfg(test)]
mod tests;
