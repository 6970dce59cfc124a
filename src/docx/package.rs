//! The package: takes the XML parts docx-rs built ([`Docx::build`]), repairs
//! them in memory (see the `repair` submodule) and writes the .docx zip once,
//! with the entries in a fixed order and fixed times.
//!
//! The repairs are told what the builder knew ([`Facts`]) instead of guessing
//! it from the XML: which tables have header rows, which footnotes are ours,
//! whether there are footnotes at all.
//!
//! [`Docx::build`]: docx_rs::Docx::build

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::repair::{self, Repair};
use super::theme;
use crate::model::Date;

/// What the builder knows about the document that the repairs need.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    /// The BCP 47 language tag, e.g. `en-GB`.
    pub lang: &'static str,
    /// The title for the core properties.
    pub title: String,
    /// The date of the zip entries.
    pub date: Date,
    /// The top-level tables of the body, in the order they were added to it.
    pub tables: Vec<TableFacts>,
    /// The ids of the footnotes the builder wrote (docx-rs writes them as
    /// `w:id`), in order; each gets its `w:footnoteRef` mark. The repair
    /// checks that footnotes.xml holds exactly these.
    pub footnotes: Vec<usize>,
    /// The footnotes among them that print a mark of their own ("a" in an
    /// annex) instead of Word's number: id and mark.
    pub marks: Vec<(usize, String)>,
    /// Whether the document reads right to left (Arabic).
    pub rtl: bool,
    /// Paragraph styles set left to right even so: the masthead's English
    /// block.
    pub ltr_styles: Vec<&'static str>,
}

impl Facts {
    /// Whether the document has footnotes (then footnotes.xml is in use).
    pub fn has_footnotes(&self) -> bool {
        !self.footnotes.is_empty()
    }
}

/// What the builder knows about one top-level table of the body.
///
/// A table is named by its position among the body's top-level `w:tbl`
/// elements: docx-rs writes the body's children in the order they were added,
/// so the `n`th table added is the `n`th `w:tbl` child of `w:body` (tables
/// nested in cells are not counted). A position needs nothing written into the
/// document to be found again, unlike an id on the row, which docx-rs has no
/// place for. The repair checks that the body has as many tables as the facts
/// describe and that each has the number of rows recorded here, and fails
/// otherwise, so a change in what docx-rs writes cannot silently mark the
/// wrong rows.
///
/// Header rows are a count of leading rows because Word repeats only an
/// unbroken run of `w:tblHeader` rows at the top of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TableFacts {
    /// How many rows the table has.
    pub rows: usize,
    /// How many of its leading rows are header rows, repeated at the top of
    /// every page the table runs onto (`w:tblHeader`).
    pub header_rows: usize,
    /// The columns (bit `j` for column `j`, the first 64) set right to left
    /// and left to right whatever the document's direction: the two
    /// languages of a parallel text.
    pub rtl_columns: u64,
    /// See `rtl_columns`.
    pub ltr_columns: u64,
}

impl TableFacts {
    /// Rows and header rows of a table whose columns follow the document's
    /// direction.
    pub fn rows(rows: usize, header_rows: usize) -> TableFacts {
        TableFacts {
            rows,
            header_rows,
            rtl_columns: 0,
            ltr_columns: 0,
        }
    }

    /// The direction of column `j` if it has its own: right to left or not.
    pub fn column_rtl(&self, j: usize) -> Option<bool> {
        let bit = 1u64.checked_shl(u32::try_from(j).ok()?)?;
        if self.rtl_columns & bit != 0 {
            Some(true)
        } else if self.ltr_columns & bit != 0 {
            Some(false)
        } else {
            None
        }
    }
}

/// One entry of the package: its name, its bytes and the repair it needs.
struct Entry {
    name: String,
    bytes: Vec<u8>,
    repair: Repair,
}

impl Entry {
    fn new(name: impl Into<String>, bytes: Vec<u8>, repair: Repair) -> Entry {
        Entry {
            name: name.into(),
            bytes,
            repair,
        }
    }
}

/// Repairs the parts of `xml` and writes them as a .docx file, with `styles`
/// as its styles part (docx-rs's own holds none of ours).
pub(crate) fn write(xml: XMLDocx, styles: Vec<u8>, facts: &Facts) -> Result<Vec<u8>, String> {
    let mut entries = entries(xml)?;
    if let Some(entry) = entries.iter_mut().find(|e| e.name == "word/styles.xml") {
        entry.bytes = styles;
    }
    let mut para_ids = 0;
    for entry in &mut entries {
        let bytes = std::mem::take(&mut entry.bytes);
        entry.bytes = repair::apply(entry.repair, bytes, facts, &mut para_ids)
            .map_err(|e| format!("{}: {e}", entry.name))?;
    }
    entries.push(Entry::new(
        theme::PART,
        theme::xml().into_bytes(),
        Repair::None,
    ));
    zip(&entries, facts.date).map_err(|e| e.to_string())
}

/// The parts of `xml` in package order: the order docx-rs itself writes them
/// in. The paragraph ids are numbered across the parts in this order.
///
/// Pictures (the first page's barcode) are PNG files under `word/media/`,
/// as docx-rs names them. Parts docx-rs writes only for features this backend
/// does not use (task panes, custom XML) are refused rather than dropped.
fn entries(xml: XMLDocx) -> Result<Vec<Entry>, String> {
    if xml.taskpanes.is_some() || !xml.web_extensions.is_empty() || !xml.custom_items.is_empty() {
        return Err("docx-rs built task panes or custom XML, which are not written".into());
    }
    let mut out = vec![
        Entry::new(
            "[Content_Types].xml",
            xml.content_type,
            Repair::ContentTypes,
        ),
        Entry::new("_rels/.rels", xml.rels, Repair::None),
        Entry::new("docProps/app.xml", xml.doc_props.app, Repair::None),
        Entry::new("docProps/core.xml", xml.doc_props.core, Repair::Core),
        Entry::new("docProps/custom.xml", xml.doc_props.custom, Repair::None),
        Entry::new(
            "word/_rels/document.xml.rels",
            xml.document_rels,
            Repair::DocumentRels,
        ),
        Entry::new("word/document.xml", xml.document, Repair::Document),
        Entry::new("word/styles.xml", xml.styles, Repair::Styles),
        Entry::new("word/settings.xml", xml.settings, Repair::Settings),
        Entry::new("word/fontTable.xml", xml.font_table, Repair::None),
        Entry::new("word/comments.xml", xml.comments, Repair::None),
        Entry::new("word/numbering.xml", xml.numberings, Repair::Numbering),
        Entry::new(
            "word/commentsExtended.xml",
            xml.comments_extended,
            Repair::None,
        ),
        Entry::new("word/footnotes.xml", xml.footnotes, Repair::Footnotes),
    ];
    for (kind, parts, rels) in [
        ("header", xml.headers, xml.header_rels),
        ("footer", xml.footers, xml.footer_rels),
    ] {
        let rels = match_rels(&parts, rels);
        for (i, (part, rels)) in parts.into_iter().zip(rels).enumerate() {
            let n = i + 1;
            out.push(Entry::new(
                format!("word/{kind}{n}.xml"),
                part,
                Repair::HeaderOrFooter,
            ));
            out.push(Entry::new(
                format!("word/_rels/{kind}{n}.xml.rels"),
                rels,
                Repair::None,
            ));
        }
    }
    for (id, bytes) in xml.media {
        out.push(Entry::new(
            format!("word/media/{id}.png"),
            bytes,
            Repair::None,
        ));
    }
    Ok(out)
}

/// The relationships of each header or footer part. docx-rs lists them as
/// default, first, even while it writes the parts sorted by id, which is
/// another order; so each relationship goes with the part that cites its id.
fn match_rels(parts: &[Vec<u8>], rels: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    const EMPTY: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships" />"#;
    let mut out = vec![EMPTY.as_bytes().to_vec(); parts.len()];
    for r in rels {
        let text = String::from_utf8_lossy(&r);
        let Some(id) = text
            .split(" Id=\"")
            .nth(1)
            .and_then(|t| t.split('"').next())
        else {
            continue;
        };
        let cited = format!("r:embed=\"{id}\"");
        if let Some(i) = parts
            .iter()
            .position(|p| String::from_utf8_lossy(p).contains(&cited))
        {
            out[i] = r;
        }
    }
    out
}

/// Zips `entries` in order, deflated, all dated midnight on `date` (clamped
/// to the years a zip can hold), without directory entries.
fn zip(entries: &[Entry], date: Date) -> zip::result::ZipResult<Vec<u8>> {
    let time = DateTime::from_date_and_time(
        date.year.clamp(1980, 2107) as u16,
        date.month,
        date.day,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for entry in entries {
        out.start_file(entry.name.as_str(), options)?;
        out.write_all(&entry.bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};

    use super::*;

    /// The shipped styles, as every document has them.
    fn styles() -> Vec<u8> {
        let file = crate::assets::Assets::embedded()
            .require(crate::docx::STYLES, "")
            .unwrap();
        crate::docx::styles::part(
            &file,
            &crate::docx::pages::Geometry::a4_portrait(),
            &crate::docx::styles::WordFonts::default(),
        )
        .unwrap()
    }
    use crate::docx::styles;
    use crate::docx::xml;

    fn facts(tables: Vec<TableFacts>) -> Facts {
        Facts {
            lang: "en-GB",
            title: "Title".into(),
            date: Date::new(2020, 1, 2).unwrap(),
            tables,
            footnotes: Vec::new(),
            marks: Vec::new(),
            rtl: false,
            ltr_styles: Vec::new(),
        }
    }

    fn archive(bytes: Vec<u8>) -> zip::ZipArchive<Cursor<Vec<u8>>> {
        zip::ZipArchive::new(Cursor::new(bytes)).unwrap()
    }

    /// A table of one-cell rows, each paragraph in the style given.
    fn table(row_styles: &[&str]) -> Table {
        let row = |style: &str| {
            TableRow::new(vec![TableCell::new().add_paragraph(
                Paragraph::new()
                    .style(style)
                    .add_run(Run::new().add_text("x")),
            )])
        };
        Table::new(row_styles.iter().map(|s| row(s)).collect()).style(styles::UN_TABLE)
    }

    #[test]
    fn header_rows_come_from_the_facts_not_from_styles() {
        // The third row is set in the TableHeading style too, but it is not a
        // header row: only the two the builder names repeat. (The old pass
        // marked every leading TableHeading row of a UNTable table: three.)
        let heading = styles::TABLE_HEADING;
        let docx = Docx::new()
            .add_table(table(&[heading, heading, heading, styles::TABLE_TEXT]))
            .add_paragraph(Paragraph::new())
            .add_table(table(&[heading, styles::TABLE_TEXT]))
            .add_paragraph(Paragraph::new());
        let facts = facts(vec![TableFacts::rows(4, 2), TableFacts::rows(2, 0)]);
        let mut zip = archive(write(docx.build(), styles(), &facts).unwrap());
        let mut document = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut document)
            .unwrap();
        let root = xml::parse(document.as_bytes()).unwrap().root;
        let flags = super::super::repair::tests::marked(&root);
        assert_eq!(flags, [vec![true, true, false, false], vec![false, false]]);
    }

    #[test]
    fn facts_that_do_not_match_the_parts_are_an_error() {
        let docx = || Docx::new().add_table(table(&[styles::TABLE_HEADING]));
        let one = TableFacts::rows(1, 1);
        assert!(write(docx().build(), styles(), &facts(vec![one])).is_ok());
        let err = write(docx().build(), styles(), &facts(vec![one, one])).unwrap_err();
        assert!(err.starts_with("word/document.xml:"), "{err}");
        assert!(write(docx().build(), styles(), &facts(vec![])).is_err());
        let two = TableFacts::rows(2, 1);
        assert!(write(docx().build(), styles(), &facts(vec![two])).is_err());
        let mut notes = facts(vec![one]);
        notes.footnotes = vec![1];
        assert!(write(docx().build(), styles(), &notes).is_err());
    }

    #[test]
    fn entries_have_a_fixed_order_and_the_documents_date() {
        let docx = Docx::new()
            .add_paragraph(Paragraph::new())
            .header(docx_rs::Header::new())
            .footer(docx_rs::Footer::new());
        let mut zip = archive(write(docx.build(), styles(), &facts(vec![])).unwrap());
        let names: Vec<String> = (0..zip.len())
            .map(|i| zip.by_index(i).unwrap().name().to_owned())
            .collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "docProps/app.xml",
                "docProps/core.xml",
                "docProps/custom.xml",
                "word/_rels/document.xml.rels",
                "word/document.xml",
                "word/styles.xml",
                "word/settings.xml",
                "word/fontTable.xml",
                "word/comments.xml",
                "word/numbering.xml",
                "word/commentsExtended.xml",
                "word/footnotes.xml",
                "word/header1.xml",
                "word/_rels/header1.xml.rels",
                "word/footer1.xml",
                "word/_rels/footer1.xml.rels",
                "word/theme/theme1.xml",
            ]
        );
        for i in 0..zip.len() {
            let entry = zip.by_index(i).unwrap();
            let time = entry.last_modified().unwrap();
            assert_eq!(
                (time.year(), time.month(), time.day(), time.hour()),
                (2020, 1, 2, 0),
                "{}",
                entry.name()
            );
            assert_eq!(entry.compression(), CompressionMethod::Deflated);
        }
    }
}
