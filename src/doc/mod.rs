//! The format-neutral document that both backends lower: a first page, blocks,
//! inlines, footnotes and tables. Numbers (chapters, sections, paragraphs,
//! sub-paragraphs) are computed once, by compose, so the PDF and the DOCX
//! print the same ones.

use serde::Serialize;

use crate::model::{Date, Lang, Paper};

/// A composed document, ready for a backend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The language of the text and how it is set: direction, region,
    /// fonts.
    #[serde(flatten)]
    pub script: Script,
    /// Paper size.
    pub paper: Paper,
    /// Landscape pages instead of portrait.
    pub landscape: bool,
    /// The title for the file's metadata.
    pub title: String,
    /// The date recorded as the file's creation date (for reproducible output).
    pub date: Date,
    /// The text of the running head (the symbol), on every page but the first.
    pub running_head: Option<String>,
    /// The masthead and first-page furniture of a parliamentary document.
    pub first_page: Option<FirstPage>,
    /// Fixed words the layout needs ("Contents", "Page").
    pub labels: Labels,
    /// The body.
    pub blocks: Vec<Block>,
}

/// How text of one language is set, decided by compose for both backends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Script {
    /// The language.
    pub lang: Lang,
    /// Left to right, or right to left (Arabic).
    pub dir: Dir,
    /// The region whose conventions apply (`cn` for Chinese: GB
    /// punctuation), if any.
    pub region: Option<&'static str>,
    /// Font families, in order: a character is set in the first that has it.
    pub fonts: Vec<String>,
}

/// The direction of a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

/// Fixed words used by the layout itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labels {
    /// The heading of the table of contents.
    pub contents: String,
    /// The column head over page numbers in the contents.
    pub page: String,
}

/// The first page of a parliamentary document (UN-LAYOUT.md, "First page").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirstPage {
    /// "United Nations" / "Nations Unies".
    pub united_nations: String,
    /// The document symbol, e.g. `E/CN.15/2017/7`.
    pub symbol: String,
    /// The symbol as the masthead sets it: the part before the first "/"
    /// large ("S"), then the rest small, with the mark ("*") citing the
    /// reissue note if there is one ("/2016/233*"), as UN documents print it.
    pub symbol_parts: (String, String),
    /// "Advance unedited version", above the distribution, if it is one.
    pub advance: Option<String>,
    /// The organ, e.g. "Economic and Social Council".
    pub organ: String,
    /// "Distr.: General".
    pub distribution: String,
    /// The date of issue, written out.
    pub date: String,
    /// The document's language ("French", "Español"), in a translation.
    pub language: Option<String>,
    /// The script of the right-hand block (distribution, date, language,
    /// original) when it is in another language than the document: the
    /// English block of a Russian, Arabic or Chinese document, set left to
    /// right.
    pub block_script: Option<Script>,
    /// "Original: English".
    pub original: String,
    /// The body, the session, the place and dates: one line each.
    pub session: Vec<String>,
    /// "Item 6 of the provisional agenda" (none on a Security Council
    /// report).
    pub agenda_line: Option<String>,
    /// The agenda items' titles, one line each, in bold.
    pub agenda_titles: Vec<String>,
    /// The mark after the agenda line ("*", or "**" after a reissue mark)
    /// citing the agenda document in a note, if any.
    pub agenda_mark: Option<String>,
    /// The report's title.
    pub title: String,
    /// "Report of the Secretary-General", or none when the title says it.
    pub subtitle: Option<String>,
    /// "(for the period from … to …)", under the title.
    pub period: Option<String>,
    /// "Addendum" or "Corrigendum" under the parent's title, as the symbol
    /// says (`/Add.1`, `/Corr.1`).
    pub issue: Option<String>,
    /// A line under the title (for example, that figures are illustrative).
    pub notice: Option<String>,
    /// The notes at the foot of page 1, each with its mark, in the order of
    /// the marks: "* Reissued for technical reasons …", "** A/72/150.".
    pub notes: Vec<String>,
    /// The job number at the foot of page 1, with the reissue mark if any
    /// ("16-03552* (E)").
    pub job_number: Option<String>,
    /// The Code 39 barcode of the job number, under it.
    pub barcode: Option<Barcode>,
}

/// A Code 39 barcode: its bars, measured in narrow modules from its left
/// edge, and the size to draw them at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Barcode {
    /// What it encodes, with its start and stop asterisks ("*1916958*").
    pub text: String,
    /// Each bar as (start, width), in modules.
    pub bars: Vec<(u32, u32)>,
    /// The whole width, in modules.
    pub modules: u32,
    /// The width of a module, in millimetres.
    pub module_mm: f32,
    /// The height of the bars, in millimetres.
    pub height_mm: f32,
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// A heading: level 1 is a chapter (I.), level 2 a section (A.), level 3
    /// an unnumbered minor heading (a table's title, for instance).
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// "I.", "A.", or none.
        number: Option<String>,
        /// The heading text.
        content: Vec<Inline>,
    },
    /// A part of a resolution ("A", "II"), its heading, if any, under it:
    /// bold, at the text column, kept with what follows; not in the contents.
    Part {
        /// As printed: "A", "II".
        number: String,
        /// The heading, empty if it has none.
        heading: Vec<Inline>,
    },
    /// A paragraph of text, numbered or not.
    Paragraph {
        /// "1.", "2." … for numbered body paragraphs.
        number: Option<String>,
        /// The text.
        content: Vec<Inline>,
    },
    /// An unnumbered paragraph whose first line is indented to where the text
    /// of numbered paragraphs starts: the enacting formula and preambular
    /// paragraphs of a resolution.
    Preambular {
        /// The text.
        content: Vec<Inline>,
    },
    /// A lettered sub-paragraph, indented under its paragraph.
    SubParagraph {
        /// "(a)" or "a)".
        label: String,
        /// The text.
        content: Vec<Inline>,
    },
    /// The unnumbered summary of a report, under its heading.
    Summary {
        /// "Summary" / "Résumé".
        heading: String,
        /// Its paragraphs.
        paragraphs: Vec<Vec<Inline>>,
    },
    /// The table of contents of headings of levels 1 and 2, with page numbers.
    Contents,
    /// A table.
    Table(Table),
    /// Lines set flush right, such as the meeting line closing a resolution.
    Closing {
        /// The lines.
        lines: Vec<Vec<Inline>>,
    },
    /// Start a new page.
    PageBreak,
    /// The heading of an annex, at the top of a new page: "Annex" or
    /// "Annex I", then its title. Paragraphs after it are numbered from 1
    /// again and its footnotes are lettered (compose does both).
    Annex {
        /// "Annex", "Annex II", "Annexe".
        label: String,
        /// The annex's title, in bold under the label.
        title: Vec<Inline>,
        /// "[Original: French]", at right under the heading, when the
        /// annex's original language is not the report's.
        original: Option<String>,
    },
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "content", rename_all = "kebab-case")]
pub enum Inline {
    /// Literal text.
    Text(String),
    /// Italics (lead words, titles of publications).
    Emph(Vec<Inline>),
    /// Bold.
    Strong(Vec<Inline>),
    /// A footnote, placed where it is cited; numbered by the backend in order.
    Note(Vec<Inline>),
    /// A footnote with a mark of its own ("a", "b" in an annex), which does
    /// not take a number from the footnotes numbered in order.
    MarkedNote {
        /// The mark, in the text and before the note.
        mark: String,
        /// The note's text.
        content: Vec<Inline>,
    },
    /// A second citation of an earlier footnote: its number (1-based, in the
    /// order of `Note`s), printed as a footnote mark.
    NoteRef(u32),
    /// A line break inside a paragraph or a table cell.
    Break,
    /// Raised letters: those of a French ordinal written with figures
    /// ("1<sup>er</sup>", "45<sup>e</sup>").
    Super(String),
    /// Text that must not break across lines, such as a document symbol
    /// (`E/CN.15/2016/10`, which would otherwise break after a slash).
    Unbroken(String),
    /// A link to a document: a symbol or a resolution number, to the
    /// document-symbol resolver.
    Link {
        /// Where it leads.
        url: String,
        /// What is printed.
        content: Vec<Inline>,
    },
}

/// A table with header rows that repeat on every page it spans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Relative column widths.
    pub widths: Vec<f32>,
    /// The share of the text width the table takes (`None`: all of it).
    pub width: Option<f32>,
    /// Alignment of each column.
    pub align: Vec<Align>,
    /// Header rows, repeated when the table breaks across pages.
    pub header: Vec<Vec<Cell>>,
    /// Body rows.
    pub rows: Vec<Row>,
    /// The table's notes, lettered, printed under it; their marks are in the
    /// cells as [`Inline::Super`].
    pub notes: Vec<TableNote>,
    /// The language of each column, where it is not the document's (the
    /// two columns of a parallel text); empty when all are the document's.
    pub langs: Vec<Option<Script>>,
}

/// A note under a table ("a Including …"), cited in a cell by its letter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableNote {
    /// "a", "b" …
    pub mark: String,
    /// The note's text.
    pub content: Vec<Inline>,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Its cells.
    pub cells: Vec<Cell>,
    /// A totals row, set in bold with a rule above.
    pub total: bool,
    /// Kept on one page (Word's "cannot split"): true for rows short enough
    /// to fit on one; a longer row breaks rather than run off the page.
    pub keep: bool,
}

/// The most characters in a cell of a row kept on one page: about half a
/// landscape page in a narrow column.
const KEEP_LIMIT: usize = 800;

impl Row {
    /// A body row, kept on one page if it is short enough.
    pub fn new(cells: Vec<Cell>) -> Row {
        let keep = cells
            .iter()
            .all(|c| Inline::plain(c).chars().count() <= KEEP_LIMIT);
        Row {
            cells,
            total: false,
            keep,
        }
    }

    /// A totals row.
    pub fn totals(cells: Vec<Cell>) -> Row {
        Row {
            total: true,
            ..Row::new(cells)
        }
    }
}

/// A table cell.
pub type Cell = Vec<Inline>;

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Left.
    Left,
    /// Centre.
    Center,
    /// Right, for figures.
    Right,
}

impl Inline {
    /// The plain text of inlines, footnotes left out.
    pub fn plain(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Unbroken(t) | Inline::Super(t) => out.push_str(t),
                Inline::Emph(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                    out.push_str(&Inline::plain(c))
                }
                Inline::Break => out.push(' '),
                Inline::Note(_) | Inline::MarkedNote { .. } | Inline::NoteRef(_) => {}
            }
        }
        out
    }
}

impl Document {
    /// Calls `f` on every list of inlines of the body: headings, paragraphs,
    /// the summary, table cells and notes, annex titles, closing lines.
    pub fn each_inlines_mut(&mut self, f: &mut dyn FnMut(&mut Vec<Inline>)) {
        for block in &mut self.blocks {
            match block {
                Block::Heading { content, .. }
                | Block::Paragraph { content, .. }
                | Block::Preambular { content }
                | Block::SubParagraph { content, .. } => f(content),
                Block::Summary { paragraphs, .. } => paragraphs.iter_mut().for_each(&mut *f),
                Block::Table(t) => {
                    t.header.iter_mut().flatten().for_each(&mut *f);
                    t.rows
                        .iter_mut()
                        .flat_map(|r| &mut r.cells)
                        .for_each(&mut *f);
                    t.notes.iter_mut().for_each(|n| f(&mut n.content));
                }
                Block::Annex { title, .. } | Block::Part { heading: title, .. } => f(title),
                Block::Closing { lines } => lines.iter_mut().for_each(&mut *f),
                Block::Contents | Block::PageBreak => {}
            }
        }
    }

    /// Every footnote's text, in the order of citation.
    pub fn footnotes(&self) -> Vec<String> {
        fn walk(inlines: &[Inline], out: &mut Vec<String>) {
            for inline in inlines {
                match inline {
                    Inline::Note(c) | Inline::MarkedNote { content: c, .. } => {
                        out.push(Inline::plain(c))
                    }
                    Inline::Emph(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                        walk(c, out)
                    }
                    Inline::Text(_)
                    | Inline::Unbroken(_)
                    | Inline::Super(_)
                    | Inline::NoteRef(_)
                    | Inline::Break => {}
                }
            }
        }
        let mut out = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Heading { content, .. }
                | Block::Paragraph { content, .. }
                | Block::Preambular { content }
                | Block::SubParagraph { content, .. } => walk(content, &mut out),
                Block::Summary { paragraphs, .. } => {
                    paragraphs.iter().for_each(|p| walk(p, &mut out))
                }
                Block::Table(t) => {
                    t.header.iter().flatten().for_each(|c| walk(c, &mut out));
                    t.rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .for_each(|c| walk(c, &mut out));
                    t.notes
                        .iter()
                        .for_each(|n| out.push(Inline::plain(&n.content)));
                }
                Block::Annex { title, .. } | Block::Part { heading: title, .. } => {
                    walk(title, &mut out)
                }
                Block::Contents | Block::PageBreak | Block::Closing { .. } => {}
            }
        }
        out
    }
}
