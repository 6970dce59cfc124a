//! What each organ's format puts on a report's first page and before its
//! body (ORGANS.md): the session block, the agenda line, the summary and the
//! contents. Decided here, once, so that the PDF and the DOCX follow alike.

use crate::compose::upper_first;
use crate::doc::{Block, FirstPage, Inline};
use crate::error::Error;
use crate::load::{Seg, SourceFile};
use crate::model::{AgendaStage, Contents, Date, Organ, Report, Session, Subtitle};

use super::issue::{self, Issue};
use super::locale::{self, Locale};

/// What a report to one organ has before its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrganFormat {
    /// The principal organ named in the masthead: the General Assembly for
    /// the Human Rights Council, its subsidiary (A/HRC/36/27).
    pub masthead: Organ,
    /// A corner block with the body, session, place and dates, and the
    /// agenda item: every organ but the Security Council.
    pub session_block: bool,
    /// A summary on page 1 (GA resolution 52/214): required where true.
    pub summary: bool,
    /// Whether `contents: auto` can mean a contents list.
    pub contents: bool,
}

/// The stage of `report`'s agenda: as the data says, else the organ's
/// usual one. The Human Rights Council's agenda is fixed and the Economic
/// and Social Council adopts one for its whole July–July cycle (ORGANS.md),
/// so their reports cite the adopted agenda; a commission's or the General
/// Assembly's report goes out on the provisional one.
pub fn agenda_stage(report: &Report) -> AgendaStage {
    let stated = report.agenda.as_ref().and_then(|a| a.stage);
    let council_itself = report.organ == Organ::EconomicAndSocialCouncil
        && report.session.as_ref().is_some_and(|s| s.body.is_none());
    stated.unwrap_or(match report.organ {
        Organ::HumanRightsCouncil => AgendaStage::Adopted,
        _ if council_itself => AgendaStage::Adopted,
        _ => AgendaStage::Provisional,
    })
}

impl OrganFormat {
    /// The format of reports to `organ`.
    pub fn of(organ: Organ) -> OrganFormat {
        match organ {
            // No session or agenda line, no summary, no contents: the body
            // follows the title (S/2004/698, S/2019/805).
            Organ::SecurityCouncil => OrganFormat {
                masthead: organ,
                session_block: false,
                summary: false,
                contents: false,
            },
            Organ::GeneralAssembly
            | Organ::EconomicAndSocialCouncil
            | Organ::HumanRightsCouncil => OrganFormat {
                masthead: match organ {
                    Organ::HumanRightsCouncil => Organ::GeneralAssembly,
                    other => other,
                },
                session_block: true,
                summary: true,
                contents: true,
            },
        }
    }
}

/// The problems of a report's data for its organ's format: a field the
/// format needs and the data lacks, or one it has no place for.
pub fn problems(report: &Report, file: &SourceFile) -> Vec<Error> {
    let format = OrganFormat::of(report.organ);
    let organ = report.organ.key();
    let mut out = Vec::new();
    let mut missing = Vec::new();
    if format.session_block {
        if report.session.is_none() {
            missing.push("session");
        }
        if report.agenda.is_none() {
            missing.push("agenda");
        }
    } else {
        for (given, key) in [
            (report.session.is_some(), "session"),
            (report.agenda.is_some(), "agenda"),
        ] {
            if given {
                out.push(
                    Error::data(format!(
                        "a report to `{organ}` has no `{key}` block on its first page"
                    ))
                    .at(file.locate(&[Seg::Key(key)]))
                    .hint(format!("remove `{key}`: reports to the Security Council carry no session or agenda line")),
                );
            }
        }
    }
    // An addendum or a corrigendum goes with its parent's summary.
    let whole = matches!(
        Issue::of(&report.symbol),
        Issue::Original | Issue::Revision(_)
    );
    if format.summary && whole && report.summary.is_empty() {
        missing.push("summary");
    }
    if !missing.is_empty() {
        let list: Vec<String> = missing
            .iter()
            .map(|k| match *k {
                "session" => "`session`, a session: the session's name and, as the organ prints them, the body that meets, the place and dates (a mapping of name and, if need be, body, place, start, end)".to_owned(),
                "agenda" => "`agenda`, the agenda item (a mapping of number and title, or of items, and if need be stage and symbol)".to_owned(),
                other => format!("`{other}`, one or more paragraphs stating the mandate"),
            })
            .collect();
        out.push(
            Error::data(format!(
                "a report to `{organ}` needs {}",
                list.join("; and ")
            ))
            // At the first key missing, where the data writes it empty
            // (`session: null`); at the top of the file where it is absent.
            .at(file.locate(&[Seg::Key(missing[0])]))
            .hint(
                "its first page names the body, session and agenda item, and a summary states the mandate (GA resolution 52/214); `resolute schema` describes the fields",
            ),
        );
    }
    if let Some(s) = &report.session {
        out.extend(session_problems(s, file));
    }
    if let Some(a) = &report.agenda {
        let one = a.number.is_some() || a.title.is_some();
        let at = |key: &str| file.locate(&[Seg::Key("agenda"), Seg::Key(key)]);
        if one && !a.items.is_empty() {
            out.push(
                Error::data("the agenda gives both one item (`number`, `title`) and `items`")
                    .at(at("items"))
                    .hint("give one item as `number` and `title`, or several as `items`, not both"),
            );
        } else if a.items.is_empty() && (a.number.is_none() || a.title.is_none()) {
            let lacking = if a.number.is_none() {
                "number"
            } else {
                "title"
            };
            out.push(
                Error::data(format!("the agenda item has no `{lacking}`"))
                    .at(file.locate(&[Seg::Key("agenda")]))
                    .hint("an agenda item is printed with its number and its title: give both, e.g. `number: 6` and `title: ...`, or list several under `items`"),
            );
        }
        if a.symbol.is_some() && agenda_stage(report) == AgendaStage::Adopted {
            out.push(
                Error::data("an adopted agenda is cited without a note, so its `symbol` would not be printed")
                    .at(at("symbol"))
                    .hint("remove `symbol`, or set `stage: provisional` (or `preliminary`) if the items are on the provisional agenda or the preliminary list"),
            );
        }
    }
    if let Some(p) = &report.period {
        out.extend(out_of_order("period", p.start, p.end, file));
    }
    if !report.job_dates.is_empty() && report.job_number.is_none() {
        out.push(
            Error::data("`job_dates` are printed after the job number, and the report has none")
                .at(file.locate(&[Seg::Key("job_dates")]))
                .hint("add `job_number` (e.g. \"19-16958 (E)\"), or remove `job_dates`"),
        );
    }
    if let Some(digits) = report
        .job_number
        .as_deref()
        .filter(|_| report.barcode)
        .map(super::barcode::digits)
        .filter(|d| d.len() > super::barcode::MOST_DIGITS)
    {
        out.push(
            Error::data(format!(
                "the job number has {} digits, too many for the barcode under it (a UN job number has 7: \"19-16958 (E)\")",
                digits.len()
            ))
            .at(file.locate(&[Seg::Key("job_number")]))
            .hint("shorten the job number, or set `barcode: false` to print it without a barcode"),
        );
    }
    out
}

/// A session's dates: both or neither, in order.
fn session_problems(s: &Session, file: &SourceFile) -> Option<Error> {
    match (s.start, s.end) {
        (Some(start), Some(end)) => out_of_order("session", start, end, file),
        (None, None) => None,
        (start, _) => {
            let (given, lacking) = if start.is_some() {
                ("start", "end")
            } else {
                ("end", "start")
            };
            Some(
                Error::data(format!("the session has a `{given}` but no `{lacking}`"))
                    .at(file.locate(&[Seg::Key("session"), Seg::Key(given)]))
                    .hint("give both the first and the last day, or neither (a General Assembly session prints none)"),
            )
        }
    }
}

/// An error at `key.end` when the span `key` ends before it starts.
fn out_of_order(key: &str, start: Date, end: Date, file: &SourceFile) -> Option<Error> {
    (end < start).then(|| {
        Error::data(format!("the {key} ends ({end}) before it starts ({start})"))
            .at(file.locate(&[Seg::Key(key), Seg::Key("end")]))
            .hint("swap `start` and `end`")
    })
}

/// The first page of `report` in the words of `locale`; the masthead's
/// right-hand block (distribution, date, language, original) in those of
/// `masthead`.
pub fn first_page(report: &Report, locale: &Locale, masthead: &Locale) -> FirstPage {
    let format = OrganFormat::of(report.organ);
    let session = report.session.as_ref().filter(|_| format.session_block);
    let agenda = report.agenda.as_ref().filter(|_| format.session_block);
    let stage = agenda_stage(report);
    // The notes at the foot, marked in the order their marks stand on the
    // page: the symbol's (a reissue), then the agenda line's.
    let agenda_note = agenda
        .filter(|_| stage != AgendaStage::Adopted)
        .and_then(|a| a.symbol.as_ref())
        .map(|s| format!("{s}."));
    let mut notes = Vec::new();
    let mut mark_for = |note: Option<String>| {
        note.map(|text| {
            let mark = issue::mark(notes.len());
            notes.push(format!("{mark} {text}"));
            mark
        })
    };
    let symbol_mark = mark_for(report.reissued.clone());
    let agenda_mark = mark_for(agenda_note);
    FirstPage {
        united_nations: locale.united_nations.clone(),
        symbol: report.symbol.clone(),
        symbol_parts: {
            let (large, small) = report
                .symbol
                .find('/')
                .map_or((report.symbol.as_str(), ""), |i| report.symbol.split_at(i));
            (
                large.to_owned(),
                format!("{small}{}", symbol_mark.as_deref().unwrap_or("")),
            )
        },
        advance: report
            .advance_unedited
            .then(|| locale.advance_unedited.clone()),
        organ: locale.organ(format.masthead).to_owned(),
        distribution: masthead.distribution[report.distribution.key()].clone(),
        date: masthead.date(report.date),
        block_script: locale
            .masthead_language
            .filter(|l| *l != report.language)
            .map(|l| masthead.script(l)),
        // A translation names its own language over the original's.
        language: (report.language != report.original)
            .then(|| upper_first(&masthead.languages[&report.language])),
        original: locale::fill(
            &masthead.original,
            &[("language", &masthead.languages[&report.original])],
        ),
        session: session.map_or_else(Vec::new, |s| session_lines(report.organ, s, locale)),
        agenda_line: agenda.map(|a| {
            let numbers: Vec<_> = a.entries().into_iter().map(|(n, _)| n).collect();
            locale.agenda_line(&numbers, stage)
        }),
        agenda_titles: agenda.map_or_else(Vec::new, |a| {
            a.entries().into_iter().map(|(_, t)| t.to_owned()).collect()
        }),
        agenda_mark,
        title: report.title.clone(),
        subtitle: match &report.subtitle {
            Subtitle::ReportOfTheSecretaryGeneral => {
                Some(locale.report_of_the_secretary_general.clone())
            }
            Subtitle::NoteByTheSecretaryGeneral => {
                Some(locale.note_by_the_secretary_general.clone())
            }
            Subtitle::NoteByTheSecretariat => Some(locale.note_by_the_secretariat.clone()),
            Subtitle::None => None,
            Subtitle::Text(t) => Some(t.clone()),
        },
        period: report.period.as_ref().map(|p| {
            locale::fill(
                &locale.period,
                &[
                    ("start", &locale.date(p.start)),
                    ("end", &locale.date(p.end)),
                ],
            )
        }),
        issue: match Issue::of(&report.symbol) {
            Issue::Addendum(_) => Some(locale.addendum.clone()),
            Issue::Corrigendum(_) => Some(locale.corrigendum.clone()),
            Issue::Original | Issue::Revision(_) => None,
        },
        notice: report.notice.clone(),
        notes,
        barcode: report
            .job_number
            .as_deref()
            .filter(|_| report.barcode)
            .and_then(super::barcode::of_job_number),
        job_number: report.job_number.as_ref().map(|j| {
            let job = match &symbol_mark {
                Some(mark) => issue::marked_job_number(j, mark),
                None => j.clone(),
            };
            // The processing dates as the UN prints them: DDMMYY, after
            // a wide gap ("19-16958 (E)   111019").
            report.job_dates.iter().fold(job, |out, d| {
                format!(
                    "{out}\u{2003}\u{2003}{:02}{:02}{:02}",
                    d.day,
                    d.month,
                    d.year % 100
                )
            })
        }),
    }
}

/// The session block's lines: the body (a commission, or the Human Rights
/// Council; none when the masthead already names it), the session, and the
/// place and dates when the session has them.
fn session_lines(organ: Organ, s: &Session, locale: &Locale) -> Vec<String> {
    let body = s
        .body
        .clone()
        .or_else(|| (organ == Organ::HumanRightsCouncil).then(|| locale.organ(organ).to_owned()));
    let dates = s.span().map(|(a, b)| locale.date_range(a, b));
    let when = match (&s.place, dates) {
        (Some(place), Some(dates)) => Some(locale::fill(
            &locale.place_and_dates,
            &[("place", place), ("dates", &dates)],
        )),
        (place, dates) => place.clone().or(dates),
    };
    body.into_iter()
        .chain([s.name.clone()])
        .chain(when)
        .collect()
}

/// The blocks before the body: the summary (then a new page) and the
/// contents (then a new page), as the organ's format and the data say.
pub fn front_matter(report: &Report, locale: &Locale, body: &[Block]) -> Vec<Block> {
    let format = OrganFormat::of(report.organ);
    let chapters = body
        .iter()
        .filter(|b| matches!(b, Block::Heading { level: 1, .. }))
        .count();
    let contents = match report.contents {
        Contents::On => true,
        Contents::Off => false,
        Contents::Auto => format.contents && chapters >= 3,
    };
    let mut out = Vec::new();
    if !report.summary.is_empty() {
        out.push(Block::Summary {
            heading: locale.summary.clone(),
            paragraphs: report
                .summary
                .iter()
                .map(|p| vec![Inline::Text(p.clone())])
                .collect(),
        });
        out.push(Block::PageBreak);
    }
    if contents {
        out.push(Block::Contents);
        out.push(Block::PageBreak);
    }
    out
}

#[cfg(test)]
mod tests;
