//! The parallel text: two language versions of a resolution side by side,
//! paragraph against paragraph, aligned by paragraph number and letter.

use crate::assets::Assets;
use crate::compose::locale::Locale;
use crate::compose::resolution::{closing, heading, operative_number, Cited, Notes};
use crate::doc::{Align, Block, Cell, Document, Inline, Row, Table};
use crate::error::{Error, Result};
use crate::model::{Lang, Resolution, SubParagraph};
use crate::project::Project;

/// The other language shown beside `lang`: French beside English and English
/// beside any other.
pub fn partner(project: &Project, lang: Lang) -> Option<Lang> {
    let langs = project.resolution_languages();
    if !langs.contains(&lang) {
        return None;
    }
    let preferred = if lang == Lang::En { Lang::Fr } else { Lang::En };
    if langs.contains(&preferred) {
        return Some(preferred);
    }
    langs.into_iter().find(|l| *l != lang)
}

/// Composes the parallel text with `lang` on the left.
pub fn handout(project: &Project, lang: Lang, assets: &Assets) -> Result<Document> {
    let other = partner(project, lang).ok_or_else(|| {
        Error::data("a parallel text needs the resolution in two languages")
            .hint("add resolution.<lang>.yaml, such as resolution.en.yaml, beside resolution.yaml")
    })?;
    let locale = Locale::load(assets, lang)?;
    let other_locale = Locale::load(assets, other)?;
    let (left, right) = match (project.resolution_in(lang), project.resolution_in(other)) {
        (Some(l), Some(r)) => (l, r),
        _ => {
            return Err(Error::data(
                "the resolution is missing in one of the two languages",
            ))
        }
    };
    // Each column keeps its printed footnote numbers; the notes follow the text.
    let mut cols = Columns {
        locales: (&locale, &other_locale),
        cited: (
            Cited::own_numbers(left, &locale),
            Cited::own_numbers(right, &other_locale),
        ),
        notes: Notes::default(),
        rows: Vec::new(),
    };
    let (lc, rc) = &mut cols.cited;
    let notes = &mut cols.notes;
    let l = vec![Inline::Strong(heading(left, &locale, lc, notes))];
    let r = vec![Inline::Strong(heading(right, &other_locale, rc, notes))];
    cols.pair(l, r);
    cols.pair(
        vec![Inline::Emph(vec![Inline::Text(left.formula.clone())])],
        vec![Inline::Emph(vec![Inline::Text(right.formula.clone())])],
    );
    let (lds, rds): (Vec<_>, Vec<_>) = (left.divisions().collect(), right.divisions().collect());
    for k in 0..lds.len().max(rds.len()) {
        let (ld, rd) = (lds.get(k), rds.get(k));
        let (lpart, rpart) = (ld.and_then(|d| d.0), rd.and_then(|d| d.0));
        if lpart.is_some() || rpart.is_some() {
            let (lc, rc) = &mut cols.cited;
            let notes = &mut cols.notes;
            let label = |p: &crate::model::Part, c: &mut Cited, notes: &mut Notes| {
                let mut cell = vec![Inline::Text(p.number.clone())];
                if let Some(h) = &p.heading {
                    cell.push(Inline::Break);
                    cell.extend(c.inlines(h, notes));
                }
                vec![Inline::Strong(cell)]
            };
            let l = lpart.map(|p| label(p, lc, notes));
            let r = rpart.map(|p| label(p, rc, notes));
            cols.pair_or_missing(l, r);
        }
        let (lpre, rpre) = (ld.map_or(&[][..], |d| d.1), rd.map_or(&[][..], |d| d.1));
        let (lops, rops) = (ld.map_or(&[][..], |d| d.2), rd.map_or(&[][..], |d| d.2));
        let count = lpre.len().max(rpre.len());
        for i in 0..count {
            let (lp, rp) = (lpre.get(i), rpre.get(i));
            let (lc, rc) = &mut cols.cited;
            let notes = &mut cols.notes;
            let l = lp.map(|p| lc.led(Some(&p.lead), &p.text, notes));
            let r = rp.map(|p| rc.led(Some(&p.lead), &p.text, notes));
            cols.pair_or_missing(l, r);
            cols.sub_rows(
                lp.map(|p| p.subparagraphs.as_slice()).unwrap_or_default(),
                rp.map(|p| p.subparagraphs.as_slice()).unwrap_or_default(),
            );
        }
        let numbers: std::collections::BTreeSet<u32> =
            lops.iter().chain(rops).map(|p| p.number).collect();
        for n in numbers {
            let (lp, rp) = (
                lops.iter().find(|p| p.number == n),
                rops.iter().find(|p| p.number == n),
            );
            let para = |r: &Resolution,
                        loc: &Locale,
                        p: &crate::model::OperativeParagraph,
                        c: &mut Cited,
                        notes: &mut Notes| {
                let mut cell = Vec::new();
                if let Some(num) = operative_number(r, p.number, loc) {
                    cell.push(Inline::Text(format!("{num} ")));
                }
                cell.extend(c.led(Some(&p.lead), &p.text, notes));
                cell
            };
            let (lc, rc) = &mut cols.cited;
            let notes = &mut cols.notes;
            let l = lp.map(|p| para(left, &locale, p, lc, notes));
            let r = rp.map(|p| para(right, &other_locale, p, rc, notes));
            cols.pair_or_missing(l, r);
            cols.sub_rows(
                lp.map(|p| p.subparagraphs.as_slice()).unwrap_or_default(),
                rp.map(|p| p.subparagraphs.as_slice()).unwrap_or_default(),
            );
        }
    }
    let meeting = |r: &Resolution, loc: &Locale| match closing(r, loc) {
        Some(Block::Closing { lines }) => lines.join(&Inline::Text(", ".into())),
        _ => Vec::new(),
    };
    cols.pair(meeting(left, &locale), meeting(right, &other_locale));
    let listed = |c: &Cited| {
        let mut cell = Vec::new();
        for (k, (n, text)) in c.listed().iter().enumerate() {
            if k > 0 {
                cell.push(Inline::Break);
            }
            cell.push(Inline::NoteRef(*n));
            cell.push(Inline::Text(format!(" {text}")));
        }
        cell
    };
    let (lc, rc) = &cols.cited;
    if !lc.listed().is_empty() || !rc.listed().is_empty() {
        let (l, r) = (listed(lc), listed(rc));
        cols.pair(l, r);
    }
    let rows = cols.rows;
    let name = |l: Lang| {
        let n = &locale.languages[&l];
        let mut c = n.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let title = crate::compose::locale::fill(&locale.parallel_title, &[("number", &left.number)]);
    let date = left.date.or(left.meeting.as_ref().map(|m| m.date));
    let paper = crate::compose::text::paper(project, lang);
    let blocks = vec![
        Block::Heading {
            level: 3,
            number: None,
            content: vec![Inline::Text(title.clone())],
        },
        Block::Table(Table {
            widths: vec![1.0, 1.0],
            width: None,
            align: vec![Align::Left, Align::Left],
            header: vec![vec![
                vec![Inline::Text(name(lang))],
                vec![Inline::Text(name(other))],
            ]],
            rows,
            notes: Vec::new(),
            // Each column is set in its own language: Arabic right to left
            // beside English, Chinese in its own fonts.
            langs: vec![Some(locale.script(lang)), Some(other_locale.script(other))],
        }),
    ];
    let doc = super::plain_document(lang, paper, false, title, date, &locale, blocks);
    Ok(doc)
}

/// The two columns of a parallel text, filled row by row; notes are
/// numbered row by row, left cell first, as both backends lay them out.
struct Columns<'a> {
    locales: (&'a Locale, &'a Locale),
    cited: (Cited<'a>, Cited<'a>),
    notes: Notes,
    rows: Vec<Row>,
}

impl Columns<'_> {
    /// Adds a row.
    fn pair(&mut self, left: Cell, right: Cell) {
        self.rows.push(Row::new(vec![left, right]));
    }

    /// Adds a row, saying where one version lacks the paragraph.
    fn pair_or_missing(&mut self, left: Option<Cell>, right: Option<Cell>) {
        let missing = || {
            vec![Inline::Emph(vec![Inline::Text(
                self.locales.0.language_versions_differ.clone(),
            )])]
        };
        let (l, r) = (left.unwrap_or_else(missing), right.unwrap_or_else(missing));
        self.pair(l, r);
    }

    /// Adds the rows of two lists of sub-paragraphs, aligned by letter.
    fn sub_rows(&mut self, left: &[SubParagraph], right: &[SubParagraph]) {
        let mut letters: Vec<&str> = left
            .iter()
            .chain(right)
            .map(|s| s.letter.as_str())
            .collect();
        letters.sort();
        letters.dedup();
        for letter in letters {
            let cell = |subs: &[SubParagraph], loc: &Locale, c: &mut Cited, notes: &mut Notes| {
                subs.iter().find(|s| s.letter == letter).map(|s| {
                    let mut cell = vec![Inline::Text(format!("{} ", loc.subparagraph(&s.letter)))];
                    cell.extend(c.led(s.lead.as_deref(), &s.text, notes));
                    cell
                })
            };
            let (lc, rc) = &mut self.cited;
            let l = cell(left, self.locales.0, lc, &mut self.notes);
            let r = cell(right, self.locales.1, rc, &mut self.notes);
            self.pair_or_missing(l, r);
        }
    }
}
