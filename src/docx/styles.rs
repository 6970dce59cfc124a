//! The named styles of the Word file and their ids. The styles themselves
//! (UN-LAYOUT.md: Times New Roman 10 pt on 12 pt, chapters 14 pt bold,
//! sections 12 pt bold) are `templates/word/styles.xml`, which `--templates`
//! can replace with an office's own, as `un.typ` is for the PDF; the ids
//! here are what the document's paragraphs cite, and the file must define
//! each of them.
//!
//! Built-in styles keep Word's own ids and names (`Heading1` / `heading 1`,
//! `FootnoteText` / `footnote text`, `TOC1` / `toc 1` …) so that Word, its TOC
//! field and converters such as pandoc recognise them.

use super::pages::Geometry;
use crate::assets::Asset;
use crate::error::{Error, Result};

/// Word's default tab stop, in twips (1 cm).
pub(crate) const DEFAULT_TAB: usize = 567;
/// The hanging indent of headings (1.27 cm), wide enough for "VIII." at 14 pt;
/// also where the body text column starts.
pub(crate) const HEADING_INDENT: i32 = 720;

/// The default paragraph style.
pub(crate) const NORMAL: &str = "Normal";
/// Headings of levels 1 (chapter), 2 (section) and 3 (minor).
pub(crate) const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
/// A numbered body paragraph: number, tab, text.
pub(crate) const NUMBERED: &str = "NumberedParagraph";
/// An unnumbered body paragraph, aligned with the text of numbered ones.
pub(crate) const BODY: &str = "BodyText";
/// A paragraph opened by an indent (a resolution's preambular paragraphs).
pub(crate) const PREAMBULAR: &str = "PreambularParagraph";
/// A lettered sub-paragraph: label, tab, text.
pub(crate) const SUB: &str = "SubParagraph";
/// The heading of the summary.
pub(crate) const SUMMARY_HEADING: &str = "SummaryHeading";
/// The text of the summary.
pub(crate) const SUMMARY_TEXT: &str = "SummaryText";
/// The heading of the contents.
pub(crate) const CONTENTS_HEADING: &str = "TOCHeading";
/// The "Page" line over the contents.
pub(crate) const CONTENTS_PAGE: &str = "ContentsPage";
/// Contents entries of levels 1 and 2.
pub(crate) const TOC: [&str; 2] = ["TOC1", "TOC2"];
/// "United Nations" in the masthead.
pub(crate) const MAST_UN: &str = "MastheadUnitedNations";
/// The symbol in the masthead.
pub(crate) const MAST_SYMBOL: &str = "MastheadSymbol";
/// The organ in the masthead.
pub(crate) const MAST_ORGAN: &str = "MastheadOrgan";
/// Distribution, date and original language in the masthead.
pub(crate) const MAST_DISTR: &str = "MastheadDistribution";
/// A line of the session block.
pub(crate) const SESSION: &str = "SessionLine";
/// The agenda item's title.
pub(crate) const AGENDA_TITLE: &str = "AgendaTitle";
/// The report's title.
pub(crate) const TITLE: &str = "ReportTitle";
/// "Report of the Secretary-General".
pub(crate) const SUBTITLE: &str = "ReportSubtitle";
/// A notice under the title.
pub(crate) const NOTICE: &str = "Notice";
/// Header paragraphs.
pub(crate) const HEADER: &str = "Header";
/// The running head: the symbol in bold over a rule.
pub(crate) const RUNNING_HEAD: &str = "RunningHead";
/// Footer paragraphs.
pub(crate) const FOOTER: &str = "Footer";
/// The page number line ("2/15").
pub(crate) const PAGE_NUMBER: &str = "FooterPageNumber";
/// The short rule over the first page's asterisk note.
pub(crate) const NOTE_RULE: &str = "FirstPageNoteRule";
/// The first page's asterisk note.
pub(crate) const FIRST_NOTE: &str = "FirstPageNote";
/// The job number at the foot of the first page.
pub(crate) const JOB_NUMBER: &str = "JobNumber";
/// Footnote text.
pub(crate) const FOOTNOTE_TEXT: &str = "FootnoteText";
/// The footnote mark (character style).
pub(crate) const FOOTNOTE_REF: &str = "FootnoteReference";
/// A link to a document (character style).
pub(crate) const HYPERLINK: &str = "Hyperlink";
/// The default character style.
pub(crate) const DEFAULT_FONT: &str = "DefaultParagraphFont";
/// The default table style.
pub(crate) const TABLE_NORMAL: &str = "TableNormal";
/// The style of UN tables.
pub(crate) const UN_TABLE: &str = "UNTable";
/// Text in table cells.
pub(crate) const TABLE_TEXT: &str = "TableText";
/// Column heads (italic), the text of header rows.
pub(crate) const TABLE_HEADING: &str = "TableHeading";
/// A totals row (bold).
pub(crate) const TABLE_TOTAL: &str = "TableTotal";
/// A lettered note under a table.
pub(crate) const TABLE_NOTE: &str = "TableNote";
/// "[Original: French]" under an annex's heading, at right.
pub(crate) const ANNEX_ORIGINAL: &str = "AnnexOriginal";

/// The name of the styles file under `templates/`.
pub(crate) const FILE: &str = "word/styles.xml";

/// Every style id the document cites, which the styles file must define.
pub(crate) const IDS: &[&str] = &[
    NORMAL,
    HEADINGS[0],
    HEADINGS[1],
    HEADINGS[2],
    NUMBERED,
    BODY,
    PREAMBULAR,
    SUB,
    SUMMARY_HEADING,
    SUMMARY_TEXT,
    CONTENTS_HEADING,
    CONTENTS_PAGE,
    TOC[0],
    TOC[1],
    MAST_UN,
    MAST_SYMBOL,
    MAST_ORGAN,
    MAST_DISTR,
    SESSION,
    AGENDA_TITLE,
    TITLE,
    SUBTITLE,
    NOTICE,
    HEADER,
    RUNNING_HEAD,
    FOOTER,
    PAGE_NUMBER,
    NOTE_RULE,
    FIRST_NOTE,
    JOB_NUMBER,
    FOOTNOTE_TEXT,
    FOOTNOTE_REF,
    HYPERLINK,
    DEFAULT_FONT,
    TABLE_NORMAL,
    UN_TABLE,
    TABLE_TEXT,
    TABLE_HEADING,
    TABLE_TOTAL,
    TABLE_NOTE,
    ANNEX_ORIGINAL,
];

/// The fonts Word is told to use, by script.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct WordFonts {
    /// Latin and Cyrillic.
    pub latin: String,
    /// Arabic (complex script).
    pub complex: String,
    /// Chinese.
    pub east_asian: String,
}

/// Word's name for the Latin face the PDF sets in Liberation Serif, whose
/// metrics it shares.
const TIMES: &str = "Times New Roman";

impl Default for WordFonts {
    fn default() -> WordFonts {
        WordFonts {
            latin: TIMES.into(),
            complex: TIMES.into(),
            east_asian: TIMES.into(),
        }
    }
}

impl WordFonts {
    /// The fonts of `doc`'s scripts: its own, and those of table columns in
    /// another language. The first family of an Arabic script sets Arabic,
    /// of a Chinese one Chinese.
    pub fn of(doc: &crate::doc::Document) -> WordFonts {
        let mut fonts = WordFonts::default();
        let columns = doc.blocks.iter().flat_map(|b| match b {
            crate::doc::Block::Table(t) => t.langs.iter().flatten().collect::<Vec<_>>(),
            _ => Vec::new(),
        });
        for script in std::iter::once(&doc.script).chain(columns) {
            let first = script.fonts.first().cloned();
            match script.lang {
                crate::model::Lang::Ar => fonts.complex = first.unwrap_or(fonts.complex),
                crate::model::Lang::Zh => fonts.east_asian = first.unwrap_or(fonts.east_asian),
                _ => {}
            }
        }
        fonts
    }
}

/// The styles part for a page of geometry `g`: the styles file rendered
/// with the page's measures, checked to be XML that defines every id in
/// [`IDS`].
pub(crate) fn part(file: &Asset, g: &Geometry, fonts: &WordFonts) -> Result<Vec<u8>> {
    let located = |message: String| {
        Error::new(crate::ErrorKind::Template, message).hint(
            "start from templates/word/styles.xml in the repository, or unzip your Word \
             template (.dotx) and take its word/styles.xml",
        )
    };
    let name = file.path.display().to_string();
    let xml = crate::compose::render_plain(
        &crate::compose::Template {
            name: FILE,
            text: &file.text,
            path: &file.path,
        },
        minijinja::context! {
            text_width => g.text_width,
            column_right => g.column_right,
            fonts => minijinja::Value::from(minijinja::value::Serde(fonts)),
        },
    )?;
    let parsed = super::xml::parse(xml.as_bytes())
        .map_err(|e| located(format!("{name} is not a Word styles part: {e}")))?;
    if parsed.root.name != "w:styles" {
        return Err(located(format!(
            "{name} is not a Word styles part: its root is <{}>, not <w:styles>",
            parsed.root.name
        )));
    }
    let defined: Vec<String> = parsed
        .root
        .elements()
        .filter(|e| e.name == "w:style")
        .filter_map(|e| e.attr("w:styleId").map(|s| s.into_owned()))
        .collect();
    let missing: Vec<&str> = IDS
        .iter()
        .copied()
        .filter(|id| !defined.iter().any(|d| d == id))
        .collect();
    if !missing.is_empty() {
        return Err(located(format!(
            "{name} does not define the style{} {} that resolute's documents use",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", ")
        )));
    }
    Ok(xml.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::Assets;
    use std::borrow::Cow;

    fn shipped() -> Asset {
        Assets::embedded()
            .get(FILE)
            .expect("readable")
            .expect("embedded")
    }

    #[test]
    fn the_shipped_styles_name_every_style_and_base_each_paragraph_style_on_another() {
        let xml = part(&shipped(), &Geometry::a4_portrait(), &WordFonts::default())
            .expect("the shipped file is valid");
        let root = super::super::xml::parse(&xml).expect("XML").root;
        let mut ids = Vec::new();
        for s in root.elements().filter(|e| e.name == "w:style") {
            let id = s.attr("w:styleId").expect("an id").into_owned();
            assert!(s.child("w:name").is_some(), "{id} has no name");
            if s.attr("w:type").as_deref() == Some("paragraph") && id != NORMAL {
                assert!(s.child("w:basedOn").is_some(), "{id} is based on nothing");
            }
            ids.push(id);
        }
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate style ids");
        // The paper's measures are filled in: the contents' right tab is at
        // the A4 text width.
        let text = String::from_utf8(xml).unwrap();
        assert!(text.contains(r#"w:pos="9298""#), "{text}");
        assert!(!text.contains("{{"));
    }

    #[test]
    fn a_styles_file_without_a_style_resolute_uses_is_refused_by_name() {
        let mut file = shipped();
        file.text = Cow::Owned(
            file.text
                .replace(r#"w:styleId="JobNumber""#, r#"w:styleId="Other""#),
        );
        let e = part(&file, &Geometry::a4_portrait(), &WordFonts::default())
            .unwrap_err()
            .render();
        assert!(e.contains("does not define the style JobNumber"), "{e}");
        assert!(e.contains("styles.xml"), "{e}");
    }

    #[test]
    fn a_broken_styles_file_is_an_error_with_its_line() {
        let mut file = shipped();
        file.text = Cow::Borrowed("\n\n{{ text_width + }}");
        let e = part(&file, &Geometry::a4_portrait(), &WordFonts::default())
            .unwrap_err()
            .render();
        assert!(e.contains("styles.xml:3"), "{e}");
        file.text = Cow::Borrowed("<w:styles><w:style></w:styles>");
        let e = part(&file, &Geometry::a4_portrait(), &WordFonts::default())
            .unwrap_err()
            .render();
        assert!(e.contains("is not a Word styles part"), "{e}");
        // A runaway loop stops, at its line.
        file.text = Cow::Borrowed(
            "\n{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        );
        let e = part(&file, &Geometry::a4_portrait(), &WordFonts::default())
            .unwrap_err()
            .render();
        assert!(e.contains("styles.xml:2"), "{e}");
        assert!(e.contains("ran too long"), "{e}");
        file.text = Cow::Borrowed("<html/>");
        let e = part(&file, &Geometry::a4_portrait(), &WordFonts::default())
            .unwrap_err()
            .render();
        assert!(e.contains("not <w:styles>"), "{e}");
    }
}
