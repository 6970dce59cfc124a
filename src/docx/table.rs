//! UN tables: column widths scaled to the text width, italic column heads with
//! thin rules above and below them, a thin rule at the bottom, totals in bold
//! with a rule above. Header rows are written in the `TableHeading` paragraph
//! style; [`lower`] reports how many there are, and the repair marks those
//! rows to repeat on every page (`w:tblHeader`).

use docx_rs::{
    AlignmentType, BorderType, Table as WordTable, TableCell, TableCellBorder,
    TableCellBorderPosition, TableCellBorders, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::inlines::{self, Notes};
use super::package::TableFacts;
use super::pages::Geometry;
use super::styles;
use crate::doc::{Align, Cell, Table};
use crate::Error;

/// Thin rules, in eighths of a point.
const RULE: usize = 4;

/// How a row is set: rules above and below, and whether it stays on one page.
#[derive(Clone, Copy)]
struct RowFormat {
    top: bool,
    bottom: bool,
    keep: bool,
}

/// The Word table for `t`, and its rows and header rows (the leading rows,
/// one for each row of `t.header`).
pub(crate) fn lower(
    t: &Table,
    g: &Geometry,
    notes: &mut Notes,
) -> crate::Result<(WordTable, TableFacts)> {
    let columns = t
        .header
        .iter()
        .map(Vec::len)
        .chain(t.rows.iter().map(|r| r.cells.len()))
        .chain([t.widths.len()])
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return Err(Error::data("a table has no columns"));
    }
    if t.widths.len() != columns && !t.widths.is_empty() {
        return Err(Error::data(format!(
            "a table has {} column widths but {columns} columns",
            t.widths.len()
        )));
    }
    let share = t.width.map_or(1.0, |w| f64::from(w.clamp(0.05, 1.0)));
    let grid = grid(&t.widths, columns, (f64::from(g.text_width) * share) as i32);
    let align = |i: usize| match t.align.get(i).copied().unwrap_or(Align::Left) {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    };

    let mut rows = Vec::new();
    let heads = t.header.len();
    for (i, cells) in t.header.iter().enumerate() {
        let format = RowFormat {
            top: i == 0,
            bottom: i + 1 == heads,
            keep: true,
        };
        rows.push(row(
            cells,
            styles::TABLE_HEADING,
            format,
            VAlignType::Bottom,
            &grid,
            &align,
            notes,
        )?);
    }
    let body = t.rows.len();
    for (i, r) in t.rows.iter().enumerate() {
        let style = if r.total {
            styles::TABLE_TOTAL
        } else {
            styles::TABLE_TEXT
        };
        let format = RowFormat {
            top: r.total || (i == 0 && heads == 0),
            bottom: i + 1 == body,
            keep: r.keep,
        };
        rows.push(row(
            &r.cells,
            style,
            format,
            VAlignType::Top,
            &grid,
            &align,
            notes,
        )?);
    }
    let width: usize = grid.iter().sum();
    let mut facts = TableFacts::rows(rows.len(), heads);
    // The columns in a language of their own (a parallel text) read in its
    // direction.
    for (j, script) in t.langs.iter().enumerate().take(64) {
        if let Some(s) = script {
            match s.dir {
                crate::doc::Dir::Rtl => facts.rtl_columns |= 1 << j,
                crate::doc::Dir::Ltr => facts.ltr_columns |= 1 << j,
            }
        }
    }
    let table = WordTable::without_borders(rows)
        .style(styles::UN_TABLE)
        .set_grid(grid)
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed);
    Ok((table, facts))
}

/// Column widths in twips: `widths` scaled to `text_width` (equal columns if
/// the widths are missing or not positive).
fn grid(widths: &[f32], columns: usize, text_width: i32) -> Vec<usize> {
    let text = text_width.max(0) as f64;
    let sum: f64 = widths.iter().map(|w| f64::from(w.max(0.0))).sum();
    if widths.len() != columns || !sum.is_finite() || sum <= 0.0 {
        return vec![(text / columns as f64).floor() as usize; columns];
    }
    widths
        .iter()
        .map(|w| (f64::from(w.max(0.0)) / sum * text).floor() as usize)
        .collect()
}

fn row(
    cells: &[Cell],
    style: &str,
    format: RowFormat,
    valign: VAlignType,
    grid: &[usize],
    align: &dyn Fn(usize) -> AlignmentType,
    notes: &mut Notes,
) -> crate::Result<TableRow> {
    let mut out = Vec::with_capacity(grid.len());
    let empty = Cell::new();
    for (i, width) in grid.iter().enumerate() {
        let content = cells.get(i).unwrap_or(&empty);
        let p = inlines::paragraph(style, None, content, notes)?.align(align(i));
        let mut borders = TableCellBorders::with_empty();
        if format.top {
            borders = borders.set(rule(TableCellBorderPosition::Top));
        }
        if format.bottom {
            borders = borders.set(rule(TableCellBorderPosition::Bottom));
        }
        let mut cell = TableCell::new()
            .width(*width, WidthType::Dxa)
            .vertical_align(valign)
            .add_paragraph(p);
        if format.top || format.bottom {
            cell = cell.set_borders(borders);
        }
        out.push(cell);
    }
    let row = TableRow::new(out);
    Ok(if format.keep { row.cant_split() } else { row })
}

fn rule(position: TableCellBorderPosition) -> TableCellBorder {
    TableCellBorder::new(position)
        .border_type(BorderType::Single)
        .size(RULE)
        .color("000000")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_its_rows_and_header_rows() {
        let cell = |s: &str| vec![crate::doc::Inline::Text(s.into())];
        let t = Table {
            widths: vec![],
            width: None,
            align: vec![],
            header: vec![vec![cell("A"), cell("B")], vec![cell(""), cell("(x)")]],
            rows: vec![
                crate::doc::Row::new(vec![cell("1"), cell("2")]),
                crate::doc::Row::totals(vec![cell("T"), cell("3")]),
            ],
            notes: Vec::new(),
            langs: Vec::new(),
        };
        let (table, facts) = lower(&t, &Geometry::a4_portrait(), &mut Notes::default()).unwrap();
        assert_eq!(facts, TableFacts::rows(4, 2));
        assert_eq!(table.rows.len(), 4);
        let headless = Table {
            header: vec![],
            ..t
        };
        let (_, facts) = lower(&headless, &Geometry::a4_portrait(), &mut Notes::default()).unwrap();
        assert_eq!(facts, TableFacts::rows(2, 0));
    }

    #[test]
    fn scales_widths_to_the_text() {
        assert_eq!(grid(&[1.0, 3.0], 2, 8000), vec![2000, 6000]);
        assert_eq!(grid(&[], 4, 8000), vec![2000; 4]);
        assert_eq!(grid(&[0.0, 0.0], 2, 8000), vec![4000, 4000]);
    }
}
