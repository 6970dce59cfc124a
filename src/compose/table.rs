//! The paragraph-by-paragraph implementation table: one row per operative
//! paragraph (and per sub-paragraph the data tracks), with a status summary
//! computed from the data above it. Landscape, header row repeated. A folder
//! with a `resolutions/` compilation makes one table of all its resolutions,
//! grouped under a heading per resolution.

use crate::assets::Assets;
use crate::compose::locale::{fill, Locale};
use crate::compose::resolution::plain;
use crate::doc::{Align, Block, Document, Inline, Row, Table};
use crate::error::{Error, Result};
use crate::model::{Lang, ParagraphProgress, Progress, Resolution, Status};
use crate::project::Project;

/// Composes the implementation table in `lang`, a landscape document of its
/// own; with a `table_symbol` in the language's report, that symbol is its
/// running head on every page.
pub fn table(project: &Project, lang: Lang, assets: &Assets) -> Result<Document> {
    let locale = Locale::load(assets, lang)?;
    let (title, blocks) = blocks(project, lang, &locale, Orientation::Landscape)?;
    let own = project.reports.get(&lang).map(|r| &r.0);
    let report = own.or_else(|| project.reports.values().next().map(|r| &r.0));
    let main = project.resolution_in(lang).unwrap_or(&project.resolution.0);
    let date = report.map(|r| r.date).or(main.date);
    let paper = report.map_or(crate::model::Paper::A4, |r| r.paper);
    let mut doc = super::plain_document(lang, paper, true, title, date, &locale, blocks);
    doc.running_head = own.and_then(|r| r.table_symbol.clone());
    if report.is_none_or(|r| r.links) {
        super::links::apply(&mut doc);
    }
    Ok(doc)
}

/// The implementation table as a part of a report (`{% include
/// "implementation-table" %}`, usually in an annex): the blocks of the
/// table document without its title, set on the report's portrait page.
pub(crate) fn in_report(project: &Project, lang: Lang, locale: &Locale) -> Result<Vec<Block>> {
    let (_, mut blocks) = blocks(project, lang, locale, Orientation::Portrait)?;
    if matches!(blocks.first(), Some(Block::Heading { .. })) {
        blocks.remove(0);
    }
    Ok(blocks)
}

/// The page a table is set on, which decides its columns' widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Orientation {
    Landscape,
    Portrait,
}

/// The title of the table and its blocks, the title heading first.
fn blocks(
    project: &Project,
    lang: Lang,
    locale: &Locale,
    orientation: Orientation,
) -> Result<(String, Vec<Block>)> {
    let (progress, _) = project.progress.as_ref().ok_or_else(|| {
        Error::data(format!("{} has no progress data", project.dir.display())).hint(
            "add progress.yaml (or progress.csv / progress.xlsx) to make an implementation table",
        )
    })?;
    let main = project.resolution_in(lang).unwrap_or(&project.resolution.0);
    let mut groups = vec![Group::new(main, None, progress, locale, lang)];
    for (r, _) in &project.compilation {
        groups.push(Group::new(r, Some(&r.number), progress, locale, lang));
    }
    let several = groups.len() > 1;
    let text = |s: &str| vec![Inline::Text(s.to_owned())];

    let statuses = Status::all(&progress.statuses);
    let count = |g: &Group, s: &Status| super::provisions::count(&g.statuses, s);
    // Sub-paragraphs followed on their own count as provisions of their own.
    let subs = groups.iter().any(|g| g.subs);
    let mut summary_rows: Vec<Row> = statuses
        .iter()
        .filter(|s| groups.iter().any(|g| count(g, s) > 0))
        .map(|s| {
            let mut cells = vec![text(locale.status(s, &progress.statuses, lang))];
            let counts: Vec<usize> = groups.iter().map(|g| count(g, s)).collect();
            if several {
                cells.extend(counts.iter().map(|n| text(&n.to_string())));
            }
            cells.push(text(&counts.iter().sum::<usize>().to_string()));
            Row::new(cells)
        })
        .collect();
    let paragraphs: usize = groups.iter().map(|g| g.statuses.len()).sum();
    let mut totals = vec![text(&locale.total)];
    if several {
        totals.extend(groups.iter().map(|g| text(&g.statuses.len().to_string())));
    }
    totals.push(text(&paragraphs.to_string()));
    summary_rows.push(Row::totals(
        totals
            .into_iter()
            .map(|c| vec![Inline::Strong(c)])
            .collect(),
    ));
    let mut summary_head = vec![text(&locale.summary_columns[0])];
    if several {
        summary_head.extend(groups.iter().map(|g| text(&g.resolution.number)));
        summary_head.push(text(&locale.total));
    } else if subs {
        summary_head.push(text(&locale.provisions));
    } else {
        summary_head.push(text(&locale.summary_columns[1]));
    }
    let figures = summary_head.len() - 1;
    let summary = Table {
        widths: std::iter::once(3.0)
            .chain(std::iter::repeat_n(1.0, figures))
            .collect(),
        align: std::iter::once(Align::Left)
            .chain(std::iter::repeat_n(Align::Right, figures))
            .collect(),
        width: Some((0.3 + 0.1 * figures as f32).min(1.0)),
        header: vec![summary_head],
        rows: summary_rows,
        notes: Vec::new(),
        langs: Vec::new(),
    };

    let numbers: Vec<&str> = groups
        .iter()
        .map(|g| g.resolution.number.as_str())
        .collect();
    let title = if several {
        fill(
            &locale.table_title_several,
            &[("numbers", &locale.list(&numbers))],
        )
    } else {
        fill(&locale.table_title, &[("number", &main.number)])
    };
    let mut blocks = vec![Block::Heading {
        level: 3,
        number: None,
        content: text(&title),
    }];
    if progress.illustrative {
        blocks.push(Block::Paragraph {
            number: None,
            content: vec![Inline::Emph(text(&locale.illustrative_table))],
        });
    }
    let lead = if subs {
        fill(
            &locale.table_summary_provisions,
            &[("count", &locale.number(paragraphs))],
        )
    } else if several {
        fill(
            &locale.table_summary_several,
            &[
                ("count", &locale.number(paragraphs)),
                ("resolutions", &locale.number(groups.len())),
            ],
        )
    } else {
        fill(
            &locale.table_summary,
            &[("count", &locale.number(paragraphs))],
        )
    };
    blocks.push(Block::Paragraph {
        number: None,
        content: text(&lead),
    });
    blocks.push(Block::Table(summary));
    let cols = &locale.table_columns;
    for group in groups {
        if several {
            let r = group.resolution;
            let pattern = if r.title.trim().is_empty() {
                &locale.resolution_heading
            } else {
                &locale.table_group
            };
            let heading = fill(
                pattern,
                &[("number", &r.number), ("title", &plain(&r.title))],
            );
            blocks.push(Block::Heading {
                level: 3,
                number: None,
                content: text(&heading),
            });
            if !group.followed {
                blocks.push(Block::Paragraph {
                    number: None,
                    content: vec![Inline::Emph(text(&locale.no_progress))],
                });
            }
        }
        // A table in one language quoting a resolution in another says so,
        // whether it has one resolution or several.
        let other = group.resolution.language;
        if other != lang {
            let language = locale
                .languages
                .get(&other)
                .map_or(other.to_string(), Clone::clone);
            blocks.push(Block::Paragraph {
                number: None,
                content: vec![Inline::Emph(text(&fill(
                    &locale.quoted_in,
                    &[("language", &language)],
                )))],
            });
        }
        // Two figures need no more than "Paragraph" does; on a portrait
        // page that is a larger share of the width.
        let widths = match orientation {
            Orientation::Landscape => vec![1.0, 3.4, 4.4, 1.6, 1.3, 1.9],
            Orientation::Portrait => vec![1.35, 2.95, 3.4, 1.5, 1.5, 1.6],
        };
        blocks.push(Block::Table(Table {
            widths,
            align: vec![Align::Left; 6],
            width: None,
            header: vec![cols.iter().map(|c| text(c)).collect()],
            rows: group.rows,
            notes: Vec::new(),
            langs: Vec::new(),
        }));
    }
    Ok((title, blocks))
}

/// The rows of one resolution, and the status of each provision: each
/// operative paragraph, or, where the data follows sub-paragraphs on their
/// own, each of those and the paragraph if it has an entry of its own.
struct Group<'r> {
    resolution: &'r Resolution,
    rows: Vec<Row>,
    statuses: Vec<Status>,
    /// Whether some sub-paragraph has a row of its own.
    subs: bool,
    /// Whether the progress data has any entry about this resolution.
    followed: bool,
}

impl<'r> Group<'r> {
    /// The rows of `resolution`, whose progress entries are those naming
    /// `key` (`None`: the folder's own resolution).
    fn new(
        resolution: &'r Resolution,
        key: Option<&str>,
        progress: &Progress,
        locale: &Locale,
        lang: Lang,
    ) -> Group<'r> {
        let mut rows = Vec::new();
        let mut statuses = Vec::new();
        let mut subs = false;
        let row = |number: String,
                   provision: Vec<Inline>,
                   entry: Option<&ParagraphProgress>,
                   status: Option<&Status>| {
            row(number, provision, entry, status, progress, locale, lang)
        };
        for provision in super::provisions::of(resolution, key, progress) {
            let p = provision.paragraph;
            let followed = &provision.subparagraphs;
            // The provision: the short form, or the paragraph's text with
            // the sub-paragraphs that have no row of their own.
            let mut provision_text = Vec::new();
            if let Some(part) = provision.opens {
                // The part the paragraph opens, as a line of its own.
                let label = match &part.heading {
                    Some(h) => format!("{}. {}", part.number, plain(h)),
                    None => part.number.clone(),
                };
                provision_text.push(Inline::Strong(vec![Inline::Text(label)]));
                provision_text.push(Inline::Break);
            }
            match &p.short {
                Some(short) => provision_text.push(Inline::Text(short.clone())),
                None => {
                    // The lead in italics, as the resolution prints it.
                    provision_text.extend(led(Some(&p.lead), &p.text, locale));
                    for s in &p.subparagraphs {
                        if followed
                            .iter()
                            .any(|e| e.subparagraph.as_ref() == Some(&s.letter))
                        {
                            continue;
                        }
                        provision_text.push(Inline::Break);
                        provision_text
                            .push(Inline::Text(format!("{} ", locale.subparagraph(&s.letter))));
                        provision_text.extend(led(s.lead.as_deref(), &s.text, locale));
                    }
                }
            }
            statuses.extend(provision.statuses());
            rows.push(row(
                format!("{}", p.number),
                provision_text,
                provision.whole,
                provision.status().as_ref(),
            ));
            for e in followed {
                subs = true;
                let letter = e.subparagraph.clone().unwrap_or_default();
                let text = p
                    .subparagraphs
                    .iter()
                    .find(|s| s.letter == letter)
                    .map(|s| led(s.lead.as_deref(), &s.text, locale))
                    .unwrap_or_default();
                let number = format!("{} {}", p.number, locale.subparagraph(&letter));
                rows.push(row(number, text, Some(e), Some(&e.status)));
            }
        }
        Group {
            resolution,
            rows,
            statuses,
            subs,
            followed: progress
                .paragraphs
                .iter()
                .any(|e| e.other_resolution(&progress.resolution) == key),
        }
    }
}

/// A provision's text with its lead words in italics, as resolutions print
/// them ("*Requests* the Secretary-General …").
/// Lead and text are joined by the locale's word space (none in Chinese).
fn led(lead: Option<&str>, text: &str, locale: &Locale) -> Vec<Inline> {
    let text = plain(text);
    match lead.filter(|l| !l.is_empty()) {
        Some(lead) => vec![
            Inline::Emph(vec![Inline::Text(lead.to_owned())]),
            Inline::Text(format!("{}{text}", locale.word_space)),
        ],
        None => vec![Inline::Text(text)],
    }
}

fn row(
    number: String,
    provision: Vec<Inline>,
    entry: Option<&ParagraphProgress>,
    status: Option<&Status>,
    progress: &Progress,
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
                "{}{}",
                locale.label_separator,
                crate::compose::locale::fill(
                    &locale.action,
                    &[("entity", a.entity.get(lang)), ("text", a.text.get(lang))]
                )
            )));
            for r in &a.references {
                if !references.is_empty() {
                    references.push(Inline::Break);
                }
                for piece in crate::compose::titles::inlines(r.get(lang)) {
                    match piece {
                        Inline::Text(t) => references.extend(unbroken_symbols(&t)),
                        title => references.push(title),
                    }
                }
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
    Row::new(vec![
        text(number),
        provision,
        actions,
        entities,
        text(match status {
            Some(s) => locale.status(s, &progress.statuses, lang).to_owned(),
            None => locale.see_subparagraphs.clone(),
        }),
        references,
    ])
}

/// A reference with its document symbols (words with a `/`, such as
/// `E/CN.15/2016/10`) kept whole: a narrow column breaks between words only.
fn unbroken_symbols(reference: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain = String::new();
    for (i, word) in reference.split(' ').enumerate() {
        if i > 0 {
            plain.push(' ');
        }
        if word.contains('/') {
            if !plain.is_empty() {
                out.push(Inline::Text(std::mem::take(&mut plain)));
            }
            out.push(Inline::Unbroken(word.to_owned()));
        } else {
            plain.push_str(word);
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_kept_whole_and_the_words_around_them_are_not() {
        assert_eq!(
            unbroken_symbols("See E/CN.15/2016/10, para. 4"),
            vec![
                Inline::Text("See ".into()),
                Inline::Unbroken("E/CN.15/2016/10,".into()),
                Inline::Text(" para. 4".into()),
            ]
        );
        assert_eq!(
            unbroken_symbols("Annual report 2016"),
            vec![Inline::Text("Annual report 2016".into())]
        );
    }
}
