//! The named styles of the Word file (UN-LAYOUT.md: Times New Roman 10 pt on
//! 12 pt, chapters 14 pt bold, sections 12 pt bold) and their ids.
//!
//! Built-in styles keep Word's own ids and names (`Heading1` / `heading 1`,
//! `FootnoteText` / `footnote text`, `TOC1` / `toc 1` …) so that Word, its TOC
//! field and converters such as pandoc recognise them.

use docx_rs::{
    AlignmentType, BorderType, Docx, LineSpacing, LineSpacingType, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, ParagraphProperty, RunFonts, SpecialIndentType,
    Style, StyleType, Tab, TabLeaderType, TabValueType, TableCellMargins, TableProperty,
    VertAlignType,
};

use super::pages::Geometry;

/// The one typeface.
pub(crate) const FONT: &str = "Times New Roman";
/// Word's default tab stop, in twips (1 cm).
pub(crate) const DEFAULT_TAB: usize = 567;
/// 1 cm in twips: the hanging indent of numbered paragraphs.
pub(crate) const CM: i32 = 567;
/// The hanging indent of headings (1.27 cm), wide enough for "VIII." at 14 pt;
/// also where the body text column starts.
pub(crate) const HEADING_INDENT: i32 = 720;
/// From a paragraph number or sub-paragraph label to its text (0.635 cm).
pub(crate) const TAB: i32 = 360;

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

/// Sets the document defaults (what Normal inherits): the font and size.
pub(crate) fn defaults(docx: Docx) -> Docx {
    docx.default_fonts(fonts())
        .default_size(20)
        .default_line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(240)
                .line_rule(LineSpacingType::Exact),
        )
}

/// Every style of the document.
pub(crate) fn all(g: &Geometry) -> Vec<Style> {
    let text = g.text_width;
    let mut styles = vec![
        Style::new(NORMAL, StyleType::Paragraph)
            .name("Normal")
            .fonts(fonts())
            .size(20)
            .line_spacing(exact(240))
            .with_ppr(|p| p.widow_control(true)),
        Style::new(DEFAULT_FONT, StyleType::Character)
            .name("Default Paragraph Font")
            .q_format(false)
            .ui_priority(1)
            .semi_hidden()
            .unhide_when_used(),
        Style::new(TABLE_NORMAL, StyleType::Table)
            .name("Normal Table")
            .q_format(false)
            .ui_priority(99)
            .semi_hidden()
            .unhide_when_used()
            .table_property(
                TableProperty::without_borders()
                    .set_margins(TableCellMargins::new().margin(0, 108, 0, 108)),
            ),
        // Headings: number, tab, title, hanging under the title.
        heading(0, 28, exact(320).before(240).after(240)),
        heading(1, 24, exact(280).before(240).after(120)),
        heading(2, 20, exact(240).before(120).after(120)),
        para(NUMBERED, "Numbered Paragraph")
            .next(NUMBERED)
            .align(AlignmentType::Both)
            .line_spacing(exact(240).after(120))
            // UN "SingleTxt": the text column starts at 1.27 cm; the number
            // opens the first line and a tab takes the text to 1.9 cm;
            // runover lines return to 1.27 cm.
            .indent(Some(HEADING_INDENT), None, Some(g.column_right), None)
            .with_ppr(|p| p.add_tab(left_tab(HEADING_INDENT + TAB))),
        para(BODY, "Body Text")
            .align(AlignmentType::Both)
            .line_spacing(exact(240).after(120))
            .indent(Some(HEADING_INDENT), None, Some(g.column_right), None),
        // The first line starts where numbered paragraphs' text does
        // (1.9 cm); runover lines return to 1.27 cm.
        first_line_indented(PREAMBULAR, "Preambular Paragraph", g),
        // The label at 1.9 cm, the text from 2.54 cm, runover at 1.27 cm.
        first_line_indented(SUB, "Sub-paragraph", g)
            .with_ppr(|p| p.add_tab(left_tab(HEADING_INDENT + 2 * TAB))),
        para(SUMMARY_HEADING, "Summary Heading")
            .next(SUMMARY_TEXT)
            .bold()
            .align(AlignmentType::Center)
            .line_spacing(exact(240).before(240).after(120))
            .with_ppr(|p| p.keep_next(true)),
        para(SUMMARY_TEXT, "Summary Text")
            .align(AlignmentType::Both)
            .line_spacing(exact(240).after(120))
            .indent(
                Some(2 * HEADING_INDENT),
                None,
                Some(2 * HEADING_INDENT),
                None,
            ),
        para(CONTENTS_HEADING, "TOC Heading")
            .next(NORMAL)
            .bold()
            .size(28)
            .line_spacing(exact(320).after(120))
            .with_ppr(|p| p.keep_next(true)),
        para(CONTENTS_PAGE, "Contents Page")
            .italic()
            .size(18)
            .align(AlignmentType::Right)
            .line_spacing(exact(240).after(120))
            .with_ppr(|p| p.keep_next(true)),
        toc(0, text),
        toc(1, text),
        // The masthead and the first page.
        para(MAST_UN, "Masthead United Nations")
            .size(28)
            .line_spacing(auto()),
        para(MAST_SYMBOL, "Masthead Symbol")
            .size(40)
            .align(AlignmentType::Right)
            .line_spacing(auto()),
        para(MAST_ORGAN, "Masthead Organ")
            .size(40)
            .bold()
            .line_spacing(auto().before(120).after(120)),
        para(MAST_DISTR, "Masthead Distribution").line_spacing(exact(240)),
        para(SESSION, "Session Line").indent(None, None, Some(text * 45 / 100), None),
        para(AGENDA_TITLE, "Agenda Title")
            .bold()
            .indent(None, None, Some(text * 45 / 100), None),
        para(TITLE, "Report Title")
            .next(SUBTITLE)
            .size(28)
            .bold()
            .line_spacing(auto().before(480).after(120))
            // The title block is in the text column, as the body is.
            .indent(Some(HEADING_INDENT), None, Some(text / 4), None)
            .with_ppr(|p| p.keep_next(true)),
        para(SUBTITLE, "Report Subtitle")
            .indent(Some(HEADING_INDENT), None, None, None)
            .size(24)
            .bold()
            .line_spacing(auto().after(240))
            .with_ppr(|p| p.keep_next(true)),
        para(NOTICE, "Notice")
            .indent(Some(HEADING_INDENT), None, Some(g.column_right), None)
            .italic()
            .line_spacing(exact(240).after(240)),
        // Page furniture.
        para(HEADER, "header").size(18).line_spacing(exact(220)),
        Style::new(RUNNING_HEAD, StyleType::Paragraph)
            .name("Running Head")
            .based_on(HEADER)
            .bold()
            .with_ppr(|p| {
                p.set_borders(
                    ParagraphBorders::with_empty().set(rule(ParagraphBorderPosition::Bottom, 4)),
                )
            }),
        para(FOOTER, "footer").size(18).line_spacing(exact(220)),
        Style::new(PAGE_NUMBER, StyleType::Paragraph)
            .name("Footer Page Number")
            .based_on(FOOTER)
            .bold(),
        Style::new(JOB_NUMBER, StyleType::Paragraph)
            .name("Job Number")
            .based_on(FOOTER)
            .line_spacing(exact(220).before(120)),
        // Footnotes.
        para(FOOTNOTE_TEXT, "footnote text")
            .size(18)
            .line_spacing(exact(200).after(40))
            .indent(Some(CM), Some(SpecialIndentType::Hanging(CM)), None, None)
            .with_ppr(|p| p.add_tab(left_tab(CM))),
        Style::new(FOOTNOTE_REF, StyleType::Character)
            .name("footnote reference")
            .based_on(DEFAULT_FONT)
            .with_rpr_vert_align(),
        Style::new(NOTE_RULE, StyleType::Paragraph)
            .name("First Page Note Rule")
            .based_on(FOOTNOTE_TEXT)
            .size(4)
            .line_spacing(exact(80).after(80))
            .indent(
                Some(0),
                Some(SpecialIndentType::Hanging(0)),
                Some((text - 2880).max(0)),
                None,
            )
            .with_ppr(|p| {
                p.set_borders(
                    ParagraphBorders::with_empty().set(rule(ParagraphBorderPosition::Bottom, 4)),
                )
            }),
        Style::new(FIRST_NOTE, StyleType::Paragraph)
            .name("First Page Note")
            .based_on(FOOTNOTE_TEXT),
        // Tables.
        Style::new(UN_TABLE, StyleType::Table)
            .name("UN Table")
            .based_on(TABLE_NORMAL)
            .q_format(false)
            .table_property(
                TableProperty::without_borders()
                    .set_margins(TableCellMargins::new().margin(0, 57, 0, 57)),
            ),
        para(TABLE_TEXT, "Table Text")
            .size(18)
            .line_spacing(exact(220).before(20).after(20)),
        Style::new(TABLE_HEADING, StyleType::Paragraph)
            .name("Table Heading")
            .based_on(TABLE_TEXT)
            .italic()
            .with_ppr(|p| p.keep_next(true)),
        Style::new(TABLE_TOTAL, StyleType::Paragraph)
            .name("Table Total")
            .based_on(TABLE_TEXT)
            .bold(),
        // The mark raised at the left, the text from 0.5 cm, runover under it.
        para(TABLE_NOTE, "Table Note")
            .size(18)
            .line_spacing(exact(200).after(40))
            .indent(
                Some(CM / 2),
                Some(SpecialIndentType::Hanging(CM / 2)),
                None,
                None,
            )
            .with_ppr(|p| p.add_tab(left_tab(CM / 2))),
        para(ANNEX_ORIGINAL, "Annex Original")
            .align(AlignmentType::Right)
            .line_spacing(exact(240).after(240))
            .with_ppr(|p| p.keep_next(true)),
    ];
    for style in &mut styles {
        if style.style_type != StyleType::Paragraph || style.style_id == NORMAL {
            continue;
        }
        if style.based_on.is_none() {
            *style = std::mem::take(style).based_on(NORMAL);
        }
    }
    styles
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

fn para(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph).name(name)
}

/// A justified body paragraph in the text column (1.27 cm) whose first line
/// is indented a tab further; the next paragraph has the same style.
fn first_line_indented(id: &str, name: &str, g: &Geometry) -> Style {
    para(id, name)
        .next(id)
        .align(AlignmentType::Both)
        .line_spacing(exact(240).after(120))
        .indent(
            Some(HEADING_INDENT),
            Some(SpecialIndentType::FirstLine(TAB)),
            Some(g.column_right),
            None,
        )
}

fn heading(level: usize, size: usize, spacing: LineSpacing) -> Style {
    Style::new(HEADINGS[level], StyleType::Paragraph)
        .name(format!("heading {}", level + 1))
        .based_on(NORMAL)
        .next(NUMBERED)
        .size(size)
        .bold()
        .line_spacing(spacing)
        .indent(
            Some(HEADING_INDENT),
            Some(SpecialIndentType::Hanging(HEADING_INDENT)),
            None,
            None,
        )
        .outline_lvl(level)
        .with_ppr(|p| {
            p.keep_next(true)
                .keep_lines(true)
                .add_tab(left_tab(HEADING_INDENT))
        })
}

fn toc(level: usize, text_width: i32) -> Style {
    let indent = CM * (level as i32 + 1);
    Style::new(TOC[level], StyleType::Paragraph)
        .name(format!("toc {}", level + 1))
        .based_on(NORMAL)
        .q_format(false)
        .ui_priority(39)
        .unhide_when_used()
        .line_spacing(exact(240).after(if level == 0 { 120 } else { 60 }))
        .indent(
            Some(indent),
            Some(SpecialIndentType::Hanging(CM)),
            Some(CM),
            None,
        )
        .with_ppr(|p| {
            p.add_tab(left_tab(indent)).add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .leader(TabLeaderType::Dot)
                    .pos(text_width.max(0) as usize),
            )
        })
}

fn exact(line: i32) -> LineSpacing {
    LineSpacing::new()
        .line(line)
        .line_rule(LineSpacingType::Exact)
}

fn auto() -> LineSpacing {
    LineSpacing::new()
        .line(240)
        .line_rule(LineSpacingType::Auto)
}

fn left_tab(pos: i32) -> Tab {
    Tab::new().val(TabValueType::Left).pos(pos.max(0) as usize)
}

/// A single rule of `size` eighths of a point.
pub(crate) fn rule(position: ParagraphBorderPosition, size: usize) -> ParagraphBorder {
    ParagraphBorder::new(position)
        .val(BorderType::Single)
        .size(size)
        .space(1)
        .color("000000")
}

/// Small additions docx-rs lacks on [`Style`].
trait StyleExt {
    fn with_ppr(self, f: impl FnOnce(ParagraphProperty) -> ParagraphProperty) -> Self;
    fn with_rpr_vert_align(self) -> Self;
}

impl StyleExt for Style {
    fn with_ppr(mut self, f: impl FnOnce(ParagraphProperty) -> ParagraphProperty) -> Self {
        self.paragraph_property = f(std::mem::take(&mut self.paragraph_property));
        self
    }

    fn with_rpr_vert_align(mut self) -> Self {
        self.run_property =
            std::mem::take(&mut self.run_property).vert_align(VertAlignType::SuperScript);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_paragraph_style_is_named_and_based_on_normal() {
        let g = Geometry::a4_portrait();
        let styles = all(&g);
        for s in &styles {
            assert_ne!(s.name, docx_rs::Name::new(""), "{} has no name", s.style_id);
            if s.style_type == StyleType::Paragraph && s.style_id != NORMAL {
                assert!(
                    s.based_on.is_some(),
                    "{} is not based on another style",
                    s.style_id
                );
            }
        }
        let mut ids: Vec<_> = styles.iter().map(|s| s.style_id.as_str()).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate style ids");
    }
}
