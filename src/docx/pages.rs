//! Page setup and page furniture: paper and margins, the running heads (the
//! symbol in bold over a rule, right on odd pages, left on even pages), the
//! "2/15" page numbers at the outer bottom corner, and the different first page.

use docx_rs::{
    AlignmentType, Docx, Footer, Header, NumPages, PageMargin, PageNum, PageOrientationType,
    Paragraph, Run,
};

use super::{inlines, masthead, styles};
use crate::doc::Document;
use crate::error::Result;
use crate::model::Paper;

/// The page and the text area, in twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Geometry {
    /// Page width.
    pub width: u32,
    /// Page height.
    pub height: u32,
    /// Landscape orientation.
    pub landscape: bool,
    /// Top and bottom margins (2.5 cm).
    pub margin_y: i32,
    /// Left and right margins (2.3 cm).
    pub margin_x: i32,
    /// The width of the text area.
    pub text_width: i32,
    /// How far inside the right margin the body's text column ends: 1.27 cm
    /// (UN "SingleTxt"), none on A5 pages, whose column is narrow already.
    pub column_right: i32,
}

impl Geometry {
    /// The geometry of `doc`'s paper and orientation.
    pub fn of(doc: &Document) -> Geometry {
        Geometry::new(doc.paper, doc.landscape)
    }

    /// The geometry of a paper size and orientation.
    pub fn new(paper: Paper, landscape: bool) -> Geometry {
        let (w, h) = match paper {
            Paper::A4 => (11906, 16838),
            Paper::Letter => (12240, 15840),
            Paper::A5 => (8391, 11906),
        };
        let (width, height) = if landscape { (h, w) } else { (w, h) };
        let small = paper == Paper::A5;
        let margin_x = if small { 907 } else { 1304 };
        Geometry {
            width,
            height,
            landscape,
            margin_y: if small { 1020 } else { 1417 },
            margin_x,
            text_width: width as i32 - 2 * margin_x,
            column_right: if small { 0 } else { styles::HEADING_INDENT },
        }
    }

    /// A4 portrait, for tests.
    #[cfg(test)]
    pub fn a4_portrait() -> Geometry {
        Geometry::new(Paper::A4, false)
    }
}

/// Sets the page size and margins, the headers and footers, and the different
/// first page.
pub(crate) fn furnish(docx: Docx, doc: &Document, g: &Geometry) -> Result<Docx> {
    let mut docx = docx.page_size(g.width, g.height).page_margin(
        PageMargin::new()
            .top(g.margin_y)
            .bottom(g.margin_y)
            .left(g.margin_x)
            .right(g.margin_x)
            .header(720)
            .footer(567)
            .gutter(0),
    );
    if g.landscape {
        docx = docx.page_orient(PageOrientationType::Landscape);
    }
    let head = doc.running_head.as_deref().unwrap_or("");
    let docx = docx
        .header(running_head(head, AlignmentType::Right))
        .even_header(running_head(head, AlignmentType::Left))
        .footer(page_number(AlignmentType::Right))
        .even_footer(page_number(AlignmentType::Left));
    Ok(match &doc.first_page {
        // Page 1 of a parliamentary document has no head and no page
        // number, but the agenda note, the job number and the barcode.
        Some(fp) => docx
            .first_header(Header::new().add_paragraph(Paragraph::new().style(styles::HEADER)))
            .first_footer(masthead::first_footer(Some(fp))?)
            .title_pg(),
        // Without a masthead, page 1 is numbered like the others ("1/3").
        None => docx,
    })
}

fn running_head(text: &str, align: AlignmentType) -> Header {
    let p = if text.is_empty() {
        Paragraph::new().style(styles::HEADER)
    } else {
        Paragraph::new()
            .style(styles::RUNNING_HEAD)
            .align(align)
            .add_run(inlines::plain_run(text))
    };
    Header::new().add_paragraph(p)
}

fn page_number(align: AlignmentType) -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .style(styles::PAGE_NUMBER)
            .align(align)
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text("/"))
            .add_num_pages(NumPages::new()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn landscape_swaps_the_sides() {
        let g = Geometry::new(Paper::Letter, true);
        assert_eq!((g.width, g.height), (15840, 12240));
        assert_eq!(g.text_width, 15840 - 2 * 1304);
        let g = Geometry::new(Paper::A4, false);
        assert_eq!((g.width, g.height), (11906, 16838));
    }
}
