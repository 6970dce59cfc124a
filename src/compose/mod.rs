//! Composing documents: templates write the narrative from the data, locale
//! strings give the fixed words, and the result is one format-neutral
//! [`Document`].

pub mod context;
pub mod handout;
pub mod locale;
pub mod markdown;
pub mod resolution;
pub mod table;
pub mod text;

use std::path::Path;

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use crate::assets::Assets;
use crate::doc::{Block, Document, FirstPage, Inline, Labels};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::Lang;
use crate::project::Project;

pub use locale::Locale;

/// The kinds of document resolute makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// The progress report of the Secretary-General.
    Report,
    /// The paragraph-by-paragraph implementation table.
    Table,
    /// The consolidated text of the resolution(s).
    Text,
    /// The parallel text of two language versions, for delegations.
    Handout,
    /// The consolidated text on A5 pages, a compact edition for distribution.
    Compact,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 5] = [
        Kind::Report,
        Kind::Table,
        Kind::Text,
        Kind::Handout,
        Kind::Compact,
    ];

    /// The name used on the command line and in output file names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Report => "report",
            Kind::Table => "table",
            Kind::Text => "text",
            Kind::Handout => "handout",
            Kind::Compact => "compact",
        }
    }
}

/// Composes the report in `lang`.
pub fn report(project: &Project, lang: Lang, assets: &Assets) -> Result<Document> {
    let (report, report_file) = project.reports.get(&lang).ok_or_else(|| {
        let have: Vec<String> = project.reports.keys().map(|l| l.to_string()).collect();
        Error::data(format!(
            "{} has no report in `{lang}`",
            project.dir.display()
        ))
        .hint(if have.is_empty() {
            format!("add report.{lang}.yaml")
        } else {
            format!(
                "languages available: {}; or add report.{lang}.yaml",
                have.join(", ")
            )
        })
    })?;
    let locale = Locale::load(assets, lang)?;
    let resolution = &project.resolution.0;
    let ctx = context::report(
        report,
        resolution,
        project.progress.as_ref().map(|p| &p.0),
        project.fund.as_ref().map(|f| &f.0),
        &locale,
    );
    let name = format!("report/{lang}.md");
    let template = assets.require(
        &name,
        &format!("add templates/{name} (copy report/en.md and translate it)"),
    )?;
    let markdown = render_markdown(
        &name,
        &template.text,
        &template.path,
        Value::from(Serde(&ctx)),
    )?;
    let body = markdown::blocks(&markdown, &locale, &template.path)?;

    let agenda_pattern = if report.agenda.provisional {
        &locale.agenda_item_provisional
    } else {
        &locale.agenda_item
    };
    let first_page = FirstPage {
        united_nations: locale.united_nations.clone(),
        symbol: report.symbol.clone(),
        organ: locale.organ(report.organ).to_owned(),
        distribution: locale.distribution[report.distribution.key()].clone(),
        date: locale.date(report.date),
        original: locale::fill(
            &locale.original,
            &[("language", &locale.languages[&report.original])],
        ),
        session: vec![
            report.session.body.clone(),
            report.session.name.clone(),
            locale::fill(
                &locale.place_and_dates,
                &[
                    ("place", &report.session.place),
                    (
                        "dates",
                        &locale.date_range(report.session.start, report.session.end),
                    ),
                ],
            ),
        ],
        agenda_line: locale::fill(
            agenda_pattern,
            &[("number", &report.agenda.number.to_string())],
        ),
        agenda_title: report.agenda.title.clone(),
        agenda_note: report
            .agenda
            .symbol
            .as_ref()
            .filter(|_| report.agenda.provisional)
            .map(|s| format!("{s}.")),
        title: report.title.clone(),
        subtitle: locale.report_of_the_secretary_general.clone(),
        notice: report.notice.clone(),
        job_number: report.job_number.clone(),
    };
    if report.summary.is_empty() {
        return Err(Error::data("the report has no summary")
            .at(report_file.locate(&[crate::load::Seg::Key("summary")]))
            .hint(
                "GA resolution 52/214 asks every report to open with a summary stating its mandate",
            ));
    }
    let mut blocks = vec![
        Block::Summary {
            heading: locale.summary.clone(),
            paragraphs: report
                .summary
                .iter()
                .map(|p| vec![Inline::Text(p.clone())])
                .collect(),
        },
        Block::PageBreak,
        Block::Contents,
        Block::PageBreak,
    ];
    blocks.extend(body);
    let mut doc = Document {
        lang,
        paper: report.paper,
        landscape: false,
        title: format!("{} — {}", report.symbol, report.title),
        date: report.date,
        running_head: Some(report.symbol.clone()),
        first_page: Some(first_page),
        labels: Labels {
            contents: locale.contents.clone(),
            page: locale.page.clone(),
        },
        blocks,
    };
    crate::typography::apply(&mut doc);
    Ok(doc)
}

/// A document without a masthead (tables, texts, handouts), with the
/// language's typography applied. Without a date, the file records 2000-01-01
/// so that output stays reproducible.
pub(crate) fn plain_document(
    lang: Lang,
    paper: crate::model::Paper,
    landscape: bool,
    title: String,
    date: Option<crate::model::Date>,
    locale: &Locale,
    blocks: Vec<Block>,
) -> Document {
    let mut doc = Document {
        lang,
        paper,
        landscape,
        title,
        date: date.unwrap_or(crate::model::Date {
            year: 2000,
            month: 1,
            day: 1,
        }),
        running_head: None,
        first_page: None,
        labels: Labels {
            contents: locale.contents.clone(),
            page: locale.page.clone(),
        },
        blocks,
    };
    crate::typography::apply(&mut doc);
    doc
}

/// Renders a Markdown template; every `{{ value }}` is escaped so that data
/// prints as it stands (pass `| safe` to write Markdown on purpose).
pub fn render_markdown(name: &str, source: &str, path: &Path, ctx: Value) -> Result<String> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
        .map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))?;
    env.set_syntax(syntax);
    env.set_auto_escape_callback(|_| AutoEscape::Custom("markdown".into()));
    env.set_formatter(|out, _state, value| {
        if value.is_none() || value.is_undefined() {
            return Ok(());
        }
        let text = value.to_string();
        if value.is_safe() {
            out.write_str(&text)?;
        } else {
            out.write_str(&markdown::escape(&text))?;
        }
        Ok(())
    });
    env.add_filter("upper_first", |value: String| {
        let mut chars = value.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
            None => String::new(),
        }
    });
    // A count in words under ten ("three"), from the context's
    // `number_words`; in figures otherwise.
    env.add_filter("words", |state: &minijinja::State, n: i64| {
        let words = state.lookup("number_words");
        usize::try_from(n)
            .ok()
            .and_then(|i| words.and_then(|w| w.get_item_by_index(i).ok()))
            .filter(|w| !w.is_undefined())
            .map_or_else(|| n.to_string(), |w| w.to_string())
    });
    env.add_filter("md", |value: Value| {
        Value::from_safe_string(markdown::escape(&value.to_string()))
    });
    // A template whose loops run away stops with an error at its line
    // instead of running for ever.
    env.set_fuel(Some(TEMPLATE_FUEL));
    let source: std::sync::Arc<str> = source.into();
    let template_error = |e: minijinja::Error| template_error(e, path, source.clone());
    env.add_template_owned(name.to_owned(), source.to_string())
        .map_err(template_error)?;
    let template = env.get_template(name).map_err(template_error)?;
    let _step = crate::budget::Step::start(&format!("writing the text of {name}"), path);
    let mut out = Bounded::default();
    template
        .render_captured_to(ctx, &mut out)
        .map_err(template_error)?;
    String::from_utf8(out.bytes).map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))
}

/// The instructions a template may run. The built-in report of the worked
/// example (11 paragraphs, 20 actions) uses 2,400; this is ten times what a
/// 20,000-paragraph report would need.
pub const TEMPLATE_FUEL: u64 = 50_000_000;
/// The most text a template may write: 64 MiB.
pub const TEMPLATE_OUTPUT: usize = 64 << 20;

/// The output of a template, refused beyond [`TEMPLATE_OUTPUT`] bytes.
#[derive(Default)]
struct Bounded {
    bytes: Vec<u8>,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > TEMPLATE_OUTPUT {
            return Err(std::io::Error::other(format!(
                "the template writes more than {} of text",
                crate::input::size_text(TEMPLATE_OUTPUT as u64)
            )));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn template_error(e: minijinja::Error, path: &Path, source: std::sync::Arc<str>) -> Error {
    let mut message = match e.detail() {
        Some(detail) => format!("template error: {detail}"),
        None => format!("template error: {}", e.kind()),
    };
    if matches!(e.kind(), minijinja::ErrorKind::UndefinedError) {
        message.push_str(" (a name the template uses is not in the data)");
    }
    let hint = match e.kind() {
        minijinja::ErrorKind::OutOfFuel => "the template ran too long: look for a loop that never ends or runs very many times (nested `range`, say)",
        minijinja::ErrorKind::WriteFailure => "the template writes too much text: look for a loop that runs very many times",
        _ => "check the template's syntax and the names it uses; `resolute schema` lists the data fields",
    };
    let location = match (e.range(), e.line()) {
        (Some(range), _) => Location::span(path, source, range),
        (None, Some(line)) => Location::at(path, Some(source), line, 1),
        (None, None) => Location::at(path, None, 1, 1),
    };
    Error::new(ErrorKind::Template, message)
        .at(location)
        .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_is_escaped_and_errors_point_at_the_template_line() {
        let ctx = Value::from(Serde(serde_json::json!({"x": "*a* [^1] #read()"})));
        let md = render_markdown("t", "Say {{ x }}.", Path::new("t.md"), ctx.clone()).unwrap();
        assert_eq!(md, "Say \\*a\\* \\[\\^1\\] \\#read\\(\\).");
        let err = render_markdown("t", "line one\n{% if %}\n", Path::new("t.md"), ctx).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Template);
        assert_eq!(err.location.as_ref().unwrap().line, 2, "{}", err.render());
    }
}
