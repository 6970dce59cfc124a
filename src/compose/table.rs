//! The paragraph-by-paragraph implementation table: one row per operative
//! paragraph (and per sub-paragraph the data tracks), with a status summary
//! computed from the data above it. Landscape, header row repeated.

use crate::assets::Assets;
use crate::compose::locale::{fill, Locale};
use crate::compose::resolution::plain;
use crate::doc::{Align, Block, Document, Inline, Row, Table};
use crate::error::{Error, Result};
use crate::model::{Lang, ParagraphProgress, Status};
use crate::project::Project;

/// Composes the implementation table in `lang`.
pub fn table(project: &Project, lang: Lang, assets: &Assets) -> Result<Document> {
    let locale = Locale::load(assets, lang)?;
    let (progress, _) = project.progress.as_ref().ok_or_else(|| {
        Error::data(format!("{} has no progress data", project.dir.display())).hint(
            "add progress.yaml (or progress.csv / progress.xlsx) to make an implementation table",
        )
    })?;
    let resolution = project.resolution_in(lang).unwrap_or(&project.resolution.0);
    let mut rows = Vec::new();
    let mut statuses: Vec<Status> = Vec::new();
    for p in &resolution.operative {
        let entries: Vec<&ParagraphProgress> = progress
            .paragraphs
            .iter()
            .filter(|e| e.paragraph == p.number)
            .collect();
        let whole = entries.iter().find(|e| e.subparagraph.is_none()).copied();
        let provision = match &p.short {
            Some(short) => short.clone(),
            None => format!("{} {}", p.lead, plain(&p.text)),
        };
        let status = whole.map_or(Status::NoIndication, |e| e.status);
        statuses.push(status);
        rows.push(row(
            format!("{}", p.number),
            provision,
            whole,
            status,
            &locale,
            lang,
        ));
        for e in entries.iter().filter(|e| e.subparagraph.is_some()) {
            let letter = e.subparagraph.clone().unwrap_or_default();
            let text = p
                .subparagraphs
                .iter()
                .find(|s| s.letter == letter)
                .map(|s| plain(&s.text))
                .unwrap_or_default();
            rows.push(row(
                format!("{} {}", p.number, locale.subparagraph(&letter)),
                text,
                Some(e),
                e.status,
                &locale,
                lang,
            ));
        }
    }
    let cols = &locale.table_columns;
    let head = |s: &str| vec![Inline::Text(s.to_owned())];
    let main = Table {
        widths: vec![1.2, 3.2, 4.0, 1.6, 1.3, 1.9],
        align: vec![Align::Left; 6],
        header: vec![cols.iter().map(|c| head(c)).collect()],
        rows,
    };
    let mut summary_rows: Vec<Row> = Status::ALL
        .iter()
        .map(|s| (s, statuses.iter().filter(|t| *t == s).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| Row {
            cells: vec![head(locale.status(*s)), head(&n.to_string())],
            total: false,
        })
        .collect();
    summary_rows.push(Row {
        cells: vec![
            vec![Inline::Strong(head(&locale.total))],
            vec![Inline::Strong(head(&statuses.len().to_string()))],
        ],
        total: true,
    });
    let summary = Table {
        widths: vec![3.0, 1.0],
        align: vec![Align::Left, Align::Right],
        header: vec![locale.summary_columns.iter().map(|c| head(c)).collect()],
        rows: summary_rows,
    };
    let title = fill(&locale.table_title, &[("number", &resolution.number)]);
    let mut blocks = vec![Block::Heading {
        level: 3,
        number: None,
        content: head(&title),
    }];
    if progress.illustrative {
        blocks.push(Block::Paragraph {
            number: None,
            content: vec![Inline::Emph(head(&locale.illustrative_table))],
        });
    }
    blocks.push(Block::Paragraph {
        number: None,
        content: head(&fill(
            &locale.table_summary,
            &[("count", &statuses.len().to_string())],
        )),
    });
    blocks.push(Block::Table(summary));
    blocks.push(Block::Table(main));
    let report = project
        .reports
        .get(&lang)
        .or_else(|| project.reports.values().next())
        .map(|r| &r.0);
    let date = report.map(|r| r.date).or(resolution.date);
    let paper = report.map_or(crate::model::Paper::A4, |r| r.paper);
    let doc = super::plain_document(lang, paper, true, title, date, &locale, blocks);
    Ok(doc)
}

fn row(
    number: String,
    provision: String,
    entry: Option<&ParagraphProgress>,
    status: Status,
    locale: &Locale,
    lang: Lang,
) -> Row {
    let text = |s: String| vec![Inline::Text(s)];
    let mut actions = Vec::new();
    let mut references = Vec::new();
    let mut entities = Vec::new();
    if let Some(e) = entry {
        for (i, a) in e.actions.iter().enumerate() {
            if i > 0 {
                actions.push(Inline::Break);
            }
            actions.push(Inline::Strong(text(locale.date(a.date))));
            actions.push(Inline::Text(format!(
                "{}{} {}.",
                locale.label_separator,
                a.entity.get(lang),
                a.text.get(lang)
            )));
            for r in &a.references {
                if !references.is_empty() {
                    references.push(Inline::Break);
                }
                references.push(Inline::Text(r.get(lang).to_owned()));
            }
        }
        entities = text(
            e.entities
                .iter()
                .map(|t| t.get(lang))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    Row {
        cells: vec![
            text(number),
            text(provision),
            actions,
            entities,
            text(locale.status(status).to_owned()),
            references,
        ],
        total: false,
    }
}
