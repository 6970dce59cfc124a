//! The values templates see: the project's data in one language, with dates,
//! figures and labels already written out and totals computed.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::compose::locale::Locale;
use crate::model::{Lang, Progress, Report, Resolution, Session, Status, TrustFund};

/// Everything a report template can use.
#[derive(Debug, Serialize)]
pub struct ReportContext {
    /// The language code.
    pub lang: Lang,
    /// True when any of the data is marked illustrative.
    pub illustrative: bool,
    /// The report's metadata, with dates written out.
    pub report: ReportView,
    /// The resolution.
    pub resolution: ResolutionView,
    /// Progress, one entry per tracked paragraph, in paragraph order.
    pub paragraphs: Vec<ParagraphView>,
    /// Whether some entry is about a sub-paragraph: the counts are then of
    /// provisions, not of operative paragraphs.
    pub subparagraphs_followed: bool,
    /// How many operative paragraphs the report describes (have progress
    /// entries), sub-paragraphs followed on their own counted with their
    /// paragraph.
    pub paragraphs_described: usize,
    /// How many provisions are counted: every operative paragraph, a
    /// paragraph followed only through its sub-paragraphs counted by those
    /// (the implementation table's total).
    pub provisions: usize,
    /// How many operative paragraphs have no entry at all, counted as "no
    /// indication".
    pub unrecorded: usize,
    /// How many provisions have each status (statuses with none left out),
    /// counted as the implementation table counts them.
    pub status_counts: Vec<StatusCount>,
    /// The trust fund, when the project has one.
    pub fund: Option<FundView>,
    /// The numbers zero to nine in words, for the `words` filter.
    pub number_words: Vec<String>,
}

/// Report metadata for templates.
#[derive(Debug, Serialize)]
pub struct ReportView {
    /// The symbol.
    pub symbol: String,
    /// The title.
    pub title: String,
    /// The date of issue, written out.
    pub date: String,
    /// The body the report goes to: the session's body, or the organ.
    pub body: String,
    /// The body's name as running text needs it: `subject` ("the
    /// Commission …", "la Commission …") and `of` ("de la Commission …",
    /// "du Conseil de sécurité"), by the locale's `body_forms`.
    pub body_names: crate::compose::locale::BodyNames,
    /// "Twenty-sixth session" (none without a session).
    pub session: Option<String>,
    /// The place of the session.
    pub place: Option<String>,
    /// "22–26 May 2017".
    pub dates: Option<String>,
    /// The agenda items, each with its number as this language prints it
    /// and its title (none on a Security Council report).
    pub agenda_items: Vec<AgendaItemView>,
    /// The period the report covers, each end written out ("15 January
    /// 2026"), if it states one.
    pub period: Option<PeriodView>,
}

/// The period a report covers, for templates.
#[derive(Debug, Serialize)]
pub struct PeriodView {
    /// The first day, written out.
    pub start: String,
    /// The last day, written out.
    pub end: String,
}

/// An agenda item for templates.
#[derive(Debug, Serialize)]
pub struct AgendaItemView {
    /// "6", "20 (c)" ("20 c)" in French).
    pub number: String,
    /// The item's title.
    pub title: String,
}

/// The resolution for templates.
#[derive(Debug, Serialize)]
pub struct ResolutionView {
    /// "2015/23".
    pub number: String,
    /// The title as adopted.
    pub title: String,
    /// The organ's name in this language.
    pub organ: String,
    /// The organ with its article, as the subject of a sentence.
    pub organ_subject: String,
    /// The date of adoption, written out, when known.
    pub date: Option<String>,
    /// How many operative paragraphs it has.
    pub operative_count: usize,
}

/// One paragraph's progress for templates.
#[derive(Debug, Serialize)]
pub struct ParagraphView {
    /// The paragraph number.
    pub number: u32,
    /// The sub-paragraph letter, when tracked separately.
    pub subparagraph: Option<String>,
    /// The lead verb as adopted.
    pub lead: String,
    /// What the paragraph asks, in a few words.
    pub topic: String,
    /// The status key.
    pub status: Status,
    /// The status label.
    pub status_label: String,
    /// Entities responsible.
    pub entities: Vec<String>,
    /// The same as a list in a sentence: "UNODC, ICAT and Member States".
    pub entities_text: String,
    /// Actions taken.
    pub actions: Vec<ActionView>,
}

/// One action for templates.
#[derive(Debug, Serialize)]
pub struct ActionView {
    /// Who acted.
    pub entity: String,
    /// When, written out.
    pub date: String,
    /// What was done.
    pub text: String,
    /// References.
    pub references: Vec<String>,
}

/// A status and how many paragraphs have it.
#[derive(Debug, Serialize)]
pub struct StatusCount {
    /// The status key.
    pub status: Status,
    /// Its label.
    pub label: String,
    /// How many paragraphs.
    pub count: usize,
}

/// The trust fund for templates: rows per donor and purpose, columns per
/// year, every total computed here from the data.
#[derive(Debug, Serialize)]
pub struct FundView {
    /// True when the figures are invented.
    pub illustrative: bool,
    /// The fund's name.
    pub name: String,
    /// The currency code.
    pub currency: String,
    /// The currency as table headings name it ("United States dollars").
    pub currency_name: String,
    /// Total contributions as running text writes them ("$1,049,180").
    pub total_contributions_text: String,
    /// Total expenditures as running text writes them.
    pub total_expenditures_text: String,
    /// The balance as running text writes it.
    pub balance_text: String,
    /// The years, ascending.
    pub years: Vec<i32>,
    /// One row per donor, in order of first appearance.
    pub contributions: Vec<FundRow>,
    /// Contributions per year, and overall, as the last element.
    pub contribution_totals: Vec<String>,
    /// One row per purpose.
    pub expenditures: Vec<FundRow>,
    /// Expenditures per year, and overall, as the last element.
    pub expenditure_totals: Vec<String>,
    /// Total contributions.
    pub total_contributions: String,
    /// Total expenditures.
    pub total_expenditures: String,
    /// Contributions less expenditures (negative when overspent).
    pub balance: String,
}

/// A row of the fund table.
#[derive(Debug, Serialize)]
pub struct FundRow {
    /// The donor or purpose.
    pub label: String,
    /// The amount per year ("–" for none), then the row total.
    pub amounts: Vec<String>,
}

/// Builds the context of a report in `lang`.
pub fn report(
    report: &Report,
    resolution: &Resolution,
    progress: Option<&Progress>,
    fund: Option<&TrustFund>,
    locale: &Locale,
) -> ReportContext {
    let lang = report.language;
    // The body the report goes to: the session's body, or the organ.
    let body = report
        .session
        .as_ref()
        .and_then(|s| s.body.clone())
        .unwrap_or_else(|| locale.organ(report.organ).to_owned());
    let defined = progress.map_or(&[][..], |p| &p.statuses);
    let paragraphs: Vec<ParagraphView> = progress
        .map(|p| {
            // The report is about the folder's resolution; entries about the
            // other resolutions of a compilation belong to the table only.
            let mut entries: Vec<_> = p
                .paragraphs
                .iter()
                .filter(|e| e.other_resolution(&p.resolution).is_none())
                .collect();
            entries.sort_by(|a, b| {
                (a.paragraph, &a.subparagraph).cmp(&(b.paragraph, &b.subparagraph))
            });
            entries
                .into_iter()
                .map(|e| ParagraphView {
                    number: e.paragraph,
                    subparagraph: e.subparagraph.clone(),
                    lead: resolution
                        .paragraph(e.paragraph)
                        .map(|p| p.lead.clone())
                        .unwrap_or_default(),
                    topic: e.topic.get(lang).to_owned(),
                    status: e.status.clone(),
                    status_label: locale.status(&e.status, defined, lang).to_owned(),
                    entities: e.entities.iter().map(|t| t.get(lang).to_owned()).collect(),
                    entities_text: locale
                        .list(&e.entities.iter().map(|t| t.get(lang)).collect::<Vec<_>>()),
                    actions: e
                        .actions
                        .iter()
                        .map(|a| ActionView {
                            entity: a.entity.get(lang).to_owned(),
                            date: locale.date(a.date),
                            text: a.text.get(lang).to_owned(),
                            references: a
                                .references
                                .iter()
                                .map(|r| r.get(lang).to_owned())
                                .collect(),
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    // Counted as the implementation table counts them (one definition).
    let provisions = progress.map_or_else(Vec::new, |p| super::provisions::of(resolution, None, p));
    let counted = super::provisions::statuses(&provisions);
    let unrecorded = provisions
        .iter()
        .filter(|p| p.whole.is_none() && p.subparagraphs.is_empty())
        .count();
    let status_counts = Status::all(defined)
        .into_iter()
        .map(|s| StatusCount {
            label: locale.status(&s, defined, lang).to_owned(),
            count: super::provisions::count(&counted, &s),
            status: s,
        })
        .filter(|c| c.count > 0)
        .collect();
    let described: std::collections::BTreeSet<u32> = paragraphs.iter().map(|p| p.number).collect();
    ReportContext {
        subparagraphs_followed: paragraphs.iter().any(|p| p.subparagraph.is_some()),
        provisions: counted.len(),
        unrecorded,
        paragraphs_described: described.len(),
        number_words: locale.number_words.clone(),
        lang,
        illustrative: progress.is_some_and(|p| p.illustrative)
            || fund.is_some_and(|f| f.illustrative),
        report: ReportView {
            symbol: report.symbol.clone(),
            title: report.title.clone(),
            date: locale.date(report.date),
            body: body.clone(),
            body_names: locale.body_names(&body),
            session: report.session.as_ref().map(|s| s.name.clone()),
            place: report.session.as_ref().and_then(|s| s.place.clone()),
            dates: report
                .session
                .as_ref()
                .and_then(Session::span)
                .map(|(a, b)| locale.date_range(a, b)),
            agenda_items: report.agenda.as_ref().map_or_else(Vec::new, |a| {
                a.entries()
                    .into_iter()
                    .map(|(n, t)| AgendaItemView {
                        number: locale.item_number(n),
                        title: t.to_owned(),
                    })
                    .collect()
            }),
            period: report.period.as_ref().map(|p| PeriodView {
                start: locale.date(p.start),
                end: locale.date(p.end),
            }),
        },
        resolution: ResolutionView {
            number: resolution.number.clone(),
            title: crate::model::segments(&resolution.title)
                .into_iter()
                .filter_map(|s| match s {
                    crate::model::Segment::Text(t) => Some(t),
                    crate::model::Segment::Note(_) => None,
                })
                .collect(),
            organ: locale.organ(resolution.organ).to_owned(),
            organ_subject: locale.organ_as_subject(resolution.organ).to_owned(),
            date: resolution
                .date
                .or(resolution.meeting.as_ref().map(|m| m.date))
                .map(|d| locale.date(d)),
            operative_count: resolution.operative_count(),
        },
        paragraphs,
        status_counts,
        fund: fund.map(|f| fund_view(f, lang, locale)),
    }
}

fn fund_view(fund: &TrustFund, lang: Lang, locale: &Locale) -> FundView {
    let years = fund.years();
    let rows = |items: Vec<(String, i32, u64)>| -> (Vec<FundRow>, Vec<String>) {
        let mut order: Vec<String> = Vec::new();
        let mut cells: BTreeMap<(String, i32), u64> = BTreeMap::new();
        for (label, year, amount) in items {
            if !order.contains(&label) {
                order.push(label.clone());
            }
            *cells.entry((label, year)).or_default() += amount;
        }
        let figure = |n: u64| {
            if n == 0 {
                "–".to_owned()
            } else {
                locale.figure(n)
            }
        };
        let rows = order
            .iter()
            .map(|label| {
                let per_year: Vec<u64> = years
                    .iter()
                    .map(|y| cells.get(&(label.clone(), *y)).copied().unwrap_or(0))
                    .collect();
                let total: u64 = per_year.iter().sum();
                let mut amounts: Vec<String> = per_year.into_iter().map(figure).collect();
                amounts.push(locale.figure(total));
                FundRow {
                    label: label.clone(),
                    amounts,
                }
            })
            .collect();
        let mut totals: Vec<String> = years
            .iter()
            .map(|y| {
                figure(
                    cells
                        .iter()
                        .filter(|((_, yy), _)| yy == y)
                        .map(|(_, a)| *a)
                        .sum(),
                )
            })
            .collect();
        totals.push(locale.figure(cells.values().sum()));
        (rows, totals)
    };
    let (contributions, contribution_totals) = rows(
        fund.contributions
            .iter()
            .map(|c| (c.donor.get(lang).to_owned(), c.year, c.amount))
            .collect(),
    );
    let (expenditures, expenditure_totals) = rows(
        fund.expenditures
            .iter()
            .map(|e| (e.purpose.get(lang).to_owned(), e.year, e.amount))
            .collect(),
    );
    let (income, spent) = (fund.total_contributions(), fund.total_expenditures());
    let balance = if income >= spent {
        locale.figure(income - spent)
    } else {
        format!("−{}", locale.figure(spent - income))
    };
    let code = fund.currency.as_str();
    let balance_text = if income >= spent {
        locale.amount(income - spent, code)
    } else {
        format!("−{}", locale.amount(spent - income, code))
    };
    FundView {
        illustrative: fund.illustrative,
        name: fund.name.get(lang).to_owned(),
        currency: fund.currency.clone(),
        currency_name: locale
            .currencies
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_owned()),
        total_contributions_text: locale.amount(income, code),
        total_expenditures_text: locale.amount(spent, code),
        balance_text,
        years,
        contributions,
        contribution_totals,
        expenditures,
        expenditure_totals,
        total_contributions: locale.figure(income),
        total_expenditures: locale.figure(spent),
        balance,
    }
}
