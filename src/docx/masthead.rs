//! The first page of a parliamentary document (UN-LAYOUT.md, "First page"): the
//! masthead as a borderless two-column table, the session block, the title,
//! and the first-page footer with the asterisk notes and the job number.

use docx_rs::{
    BorderType, Footer, Paragraph, Run, Table, TableCell, TableCellBorder, TableCellBorderPosition,
    TableCellBorders, TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::package::TableFacts;
use super::pages::Geometry;
use super::{inlines, styles, Part};
use crate::doc::FirstPage;
use crate::error::Result;

/// The size of the symbol after its first part, in half-points (12 pt; the
/// first part is the Masthead Symbol style's 20 pt).
const SYMBOL_REST: usize = 24;

/// The thickness of the masthead's rules, in eighths of a point.
const RULE: usize = 12;

/// The masthead, session block, title and notice, in order.
pub(crate) fn first_page(fp: &FirstPage, g: &Geometry) -> Vec<Part> {
    let left = g.text_width * 62 / 100;
    let right = g.text_width - left;
    let cell = |width: i32, valign: VAlignType, paragraphs: Vec<Paragraph>| {
        let mut c = TableCell::new()
            .width(width.max(0) as usize, WidthType::Dxa)
            .vertical_align(valign)
            .set_borders(
                TableCellBorders::with_empty().set(
                    TableCellBorder::new(TableCellBorderPosition::Bottom)
                        .border_type(BorderType::Single)
                        .size(RULE),
                ),
            );
        for p in paragraphs {
            c = c.add_paragraph(p);
        }
        c
    };
    let top = TableRow::new(vec![
        cell(
            left,
            VAlignType::Bottom,
            vec![line(styles::MAST_UN, &fp.united_nations)],
        ),
        cell(
            right,
            VAlignType::Bottom,
            vec![Paragraph::new()
                .style(styles::MAST_SYMBOL)
                .add_run(inlines::plain_run(&fp.symbol_parts.0))
                .add_run(inlines::plain_run(&fp.symbol_parts.1).size(SYMBOL_REST))],
        ),
    ]);
    let organ = TableRow::new(vec![
        cell(
            left,
            VAlignType::Top,
            vec![line(styles::MAST_ORGAN, &fp.organ)],
        ),
        cell(
            right,
            VAlignType::Top,
            fp.advance
                .iter()
                .map(|a| {
                    Paragraph::new()
                        .style(styles::MAST_DISTR)
                        .add_run(inlines::plain_run(a).bold())
                })
                .chain(
                    [&fp.distribution, &fp.date]
                        .into_iter()
                        .chain(&fp.language)
                        .chain([&fp.original])
                        .filter(|s| !s.is_empty())
                        .map(|s| line(styles::MAST_DISTR, s)),
                )
                .collect(),
        ),
    ]);
    let mast = Table::without_borders(vec![top, organ])
        .style(styles::TABLE_NORMAL)
        .set_grid(vec![left.max(0) as usize, right.max(0) as usize])
        .width(g.text_width.max(0) as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0));

    let facts = TableFacts::rows(mast.rows.len(), 0);
    let mut parts = vec![
        Part::table(mast, facts),
        Part::para(Paragraph::new().style(styles::SESSION)),
    ];
    for s in &fp.session {
        parts.push(Part::para(line(styles::SESSION, s)));
    }
    if let Some(agenda_line) = &fp.agenda_line {
        let mut agenda = Paragraph::new()
            .style(styles::SESSION)
            .add_run(inlines::plain_run(agenda_line));
        if let Some(mark) = &fp.agenda_mark {
            agenda = agenda.add_run(Run::new().add_text(mark));
        }
        parts.push(Part::para(agenda));
    }
    for title in &fp.agenda_titles {
        parts.push(Part::para(line(styles::AGENDA_TITLE, title)));
    }
    parts.push(Part::para(line(styles::TITLE, &fp.title)));
    if let Some(subtitle) = &fp.subtitle {
        parts.push(Part::para(line(styles::SUBTITLE, subtitle)));
    }
    if let Some(period) = &fp.period {
        parts.push(Part::para(line(styles::SUBTITLE, period)));
    }
    if let Some(issue) = &fp.issue {
        parts.push(Part::para(line(styles::SUBTITLE, issue)));
    }
    if let Some(notice) = &fp.notice {
        parts.push(Part::para(line(styles::NOTICE, notice)));
    }
    parts
}

/// The first page's footer: the asterisk note over a short rule, then the job
/// number. Not a Word footnote, so it does not take footnote number 1.
pub(crate) fn first_footer(fp: Option<&FirstPage>) -> Result<Footer> {
    let mut footer = Footer::new();
    let mut empty = true;
    let notes = fp.map_or(&[][..], |fp| fp.notes.as_slice());
    if !notes.is_empty() {
        footer = footer.add_paragraph(Paragraph::new().style(styles::NOTE_RULE));
        for note in notes {
            footer = footer.add_paragraph(
                Paragraph::new()
                    .style(styles::FIRST_NOTE)
                    .add_run(inlines::plain_run(note)),
            );
        }
        empty = false;
    }
    if let Some(job) = fp.and_then(|fp| fp.job_number.as_deref()) {
        footer = footer.add_paragraph(line(styles::JOB_NUMBER, job));
        empty = false;
    }
    if let Some(b) = fp.and_then(|fp| fp.barcode.as_ref()) {
        footer = footer.add_paragraph(
            Paragraph::new()
                .style(styles::JOB_NUMBER)
                .add_run(super::barcode::run(b)?),
        );
        empty = false;
    }
    if empty {
        footer = footer.add_paragraph(Paragraph::new().style(styles::FOOTER));
    }
    Ok(footer)
}

fn line(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(inlines::plain_run(text))
}
