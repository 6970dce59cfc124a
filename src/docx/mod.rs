//! The DOCX backend: lowers a [`Document`] to a Word file with docx-rs.
//!
//! The file uses real named styles (Normal, heading 1–3, numbered paragraphs,
//! sub-paragraphs, summary, contents, footnotes, tables), a UN masthead on the
//! first page, running heads on even and odd pages, Word footnotes and a real
//! table-of-contents field. What docx-rs cannot write (repeating table header
//! rows, the order of property elements the schema requires, the footnote
//! separators and marks, the document language, `w:updateFields`) is added to
//! the XML parts docx-rs builds, before they are zipped (see the `package` and
//! `repair` submodules). What the builder knows and the repairs need (which
//! table rows are header rows, which footnotes are ours) is handed to them as
//! data (`package::Facts`), not recovered from the XML afterwards.
//!
//! All `docx_rs` use stays inside this module.

// `crate::Error` is the crate's one error type and carries a location and notes
// by design; boxing it here alone would not help.

mod barcode;
mod blocks;
mod direction;
mod inlines;
mod masthead;
mod order;
mod package;
mod pages;
mod repair;
mod styles;
mod table;
mod theme;
mod xml;

use docx_rs::{Docx, Paragraph, Table};

use package::{Facts, TableFacts};

use crate::assets::Asset;
use crate::doc::{Dir, Document};
use crate::model::{Date, Lang};
use crate::{Error, ErrorKind};

/// The Word styles file under `templates/`, which `--templates` can replace.
pub const STYLES: &str = styles::FILE;

/// Renders `doc` as the bytes of a .docx file, with the embedded Word
/// styles (for tests).
#[cfg(test)]
pub(crate) fn render(doc: &Document) -> crate::Result<Vec<u8>> {
    let file = crate::assets::Assets::embedded().require(styles::FILE, "rebuild resolute")?;
    render_with(doc, &file)
}

/// Renders `doc` as the bytes of a .docx file whose styles are `styles_file`
/// (`templates/word/styles.xml` or an office's own).
///
/// The output is deterministic: the same document gives the same bytes (dates
/// come from `doc.date`, ids are counted, the package's entries have fixed
/// times and a fixed order).
pub fn render_with(doc: &Document, styles_file: &Asset) -> crate::Result<Vec<u8>> {
    let geometry = pages::Geometry::of(doc);
    let styles = styles::part(styles_file, &geometry, &styles::WordFonts::of(doc))?;
    let mut docx = Docx::new().default_tab_stop(styles::DEFAULT_TAB);

    let mut parts = Vec::new();
    if let Some(first) = &doc.first_page {
        parts.extend(masthead::first_page(first, &geometry));
    }
    let mut notes = inlines::Notes::default();
    parts.extend(blocks::body(doc, &geometry, &mut notes)?);
    let mut tables = Vec::new();
    for part in parts {
        docx = match part {
            Part::Paragraph(p) => docx.add_paragraph(*p),
            Part::Table(t, facts) => {
                tables.push(facts);
                docx.add_table(*t)
            }
        };
    }

    docx = pages::furnish(docx, doc, &geometry)?;
    let stamp = timestamp(doc.date);
    docx = docx.created_at(&stamp).updated_at(&stamp);

    let facts = Facts {
        lang: language_tag(doc.script.lang),
        title: inlines::clean(&doc.title).into_owned(),
        date: doc.date,
        tables,
        footnotes: notes.ids(),
        marks: notes.marks(),
        rtl: doc.script.dir == Dir::Rtl,
        // The masthead block of a Russian, Arabic or Chinese document is
        // English, set left to right.
        ltr_styles: doc
            .first_page
            .as_ref()
            .and_then(|f| f.block_script.as_ref())
            .filter(|s| s.dir == Dir::Ltr)
            .map_or_else(Vec::new, |_| vec![styles::MAST_DISTR]),
    };
    package::write(docx.build(), styles, &facts)
        .map_err(|e| internal(format!("cannot write the DOCX package: {e}")))
}

/// A piece of the body: docx-rs keeps paragraphs and tables apart.
pub(crate) enum Part {
    /// A paragraph (boxed: docx-rs paragraphs are large).
    Paragraph(Box<Paragraph>),
    /// A table (boxed, likewise) and what its builder knows about its rows.
    Table(Box<Table>, TableFacts),
}

impl Part {
    /// A paragraph part.
    fn para(p: Paragraph) -> Part {
        Part::Paragraph(Box::new(p))
    }

    /// A table part.
    fn table(t: Table, facts: TableFacts) -> Part {
        Part::Table(Box::new(t), facts)
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
