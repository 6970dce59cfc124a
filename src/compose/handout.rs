//! The parallel text: two language versions of a resolution side by side,
//! paragraph against paragraph, aligned by paragraph number and letter.

use crate::assets::Assets;
use crate::compose::locale::Locale;
use crate::compose::resolution::{closing, heading, operative_number, Cited, Notes};
use crate::doc::{Align, Block, Cell, Document, Inline, Row, Table};
use crate::error::{Error, Result};
use crate::model::{Lang, Resolution};
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
    let mut notes = Notes::default();
    // Each column keeps its printed footnote numbers; the notes follow the text.
    let (mut lc, mut rc) = (Cited::own_numbers(left), Cited::own_numbers(right));
    let missing = || {
        vec![Inline::Emph(vec![Inline::Text(
            locale.language_versions_differ.clone(),
        )])]
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut pair = |l: Cell, r: Cell| {
        rows.push(Row {
            cells: vec![l, r],
            total: false,
        })
    };
    // Notes are numbered row by row, left cell first, as both backends lay them out.
    let l = vec![Inline::Strong(heading(left, &mut lc, &mut notes))];
    let r = vec![Inline::Strong(heading(right, &mut rc, &mut notes))];
    pair(l, r);
    pair(
        vec![Inline::Text(left.formula.clone())],
        vec![Inline::Text(right.formula.clone())],
    );
    let count = left.preamble.len().max(right.preamble.len());
    for i in 0..count {
        let (lp, rp) = (left.preamble.get(i), right.preamble.get(i));
        let l = lp.map_or_else(missing, |p| lc.led(Some(&p.lead), &p.text, &mut notes));
        let r = rp.map_or_else(missing, |p| rc.led(Some(&p.lead), &p.text, &mut notes));
        pair(l, r);
        sub_rows(
            lp.map(|p| p.subparagraphs.as_slice()).unwrap_or_default(),
            rp.map(|p| p.subparagraphs.as_slice()).unwrap_or_default(),
            (&locale, &other_locale),
            (&mut lc, &mut rc),
            &mut notes,
            &mut pair,
            &missing,
        );
    }
    let numbers: std::collections::BTreeSet<u32> = left
        .operative
        .iter()
        .chain(&right.operative)
        .map(|p| p.number)
        .collect();
    for n in numbers {
        let (lp, rp) = (left.paragraph(n), right.paragraph(n));
        let para = |r: &Resolution,
                    p: &crate::model::OperativeParagraph,
                    c: &mut Cited,
                    notes: &mut Notes| {
            let mut cell = Vec::new();
            if let Some(num) = operative_number(r, p.number) {
                cell.push(Inline::Text(format!("{num} ")));
            }
            cell.extend(c.led(Some(&p.lead), &p.text, notes));
            cell
        };
        let l = lp.map_or_else(missing, |p| para(left, p, &mut lc, &mut notes));
        let r = rp.map_or_else(missing, |p| para(right, p, &mut rc, &mut notes));
        pair(l, r);
        sub_rows(
            lp.map(|p| p.subparagraphs.as_slice()).unwrap_or_default(),
            rp.map(|p| p.subparagraphs.as_slice()).unwrap_or_default(),
            (&locale, &other_locale),
            (&mut lc, &mut rc),
            &mut notes,
            &mut pair,
            &missing,
        );
    }
    let meeting = |r: &Resolution, loc: &Locale| match closing(r, loc) {
        Some(Block::Closing { lines }) => vec![Inline::Text(lines.join(", "))],
        _ => Vec::new(),
    };
    pair(meeting(left, &locale), meeting(right, &other_locale));
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
    if !lc.listed().is_empty() || !rc.listed().is_empty() {
        pair(listed(&lc), listed(&rc));
    }
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
        }),
    ];
    let doc = super::plain_document(lang, paper, false, title, date, &locale, blocks);
    Ok(doc)
}

/// Rows of sub-paragraphs, aligned by letter.
fn sub_rows(
    left: &[crate::model::SubParagraph],
    right: &[crate::model::SubParagraph],
    locales: (&Locale, &Locale),
    cited: (&mut Cited, &mut Cited),
    notes: &mut Notes,
    pair: &mut impl FnMut(Cell, Cell),
    missing: &impl Fn() -> Cell,
) {
    let (lc, rc) = cited;
    let mut letters: Vec<&str> = left
        .iter()
        .chain(right)
        .map(|s| s.letter.as_str())
        .collect();
    letters.dedup();
    letters.sort();
    letters.dedup();
    for letter in letters {
        let cell = |subs: &[crate::model::SubParagraph],
                    loc: &Locale,
                    c: &mut Cited,
                    notes: &mut Notes| {
            subs.iter().find(|s| s.letter == letter).map(|s| {
                let mut cell = vec![Inline::Text(format!("{} ", loc.subparagraph(&s.letter)))];
                cell.extend(c.led(s.lead.as_deref(), &s.text, notes));
                cell
            })
        };
        let l = cell(left, locales.0, lc, notes).unwrap_or_else(missing);
        let r = cell(right, locales.1, rc, notes).unwrap_or_else(missing);
        pair(l, r);
    }
}
