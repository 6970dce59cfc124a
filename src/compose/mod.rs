//! Composing documents: templates write the narrative from the data, locale
//! strings give the fixed words, and the result is one format-neutral
//! [`Document`].

pub(crate) mod barcode;
pub mod context;
pub mod first_page;
pub mod handout;
pub(crate) mod issue;
pub(crate) mod links;
pub mod locale;
pub mod markdown;
pub(crate) mod provisions;
pub mod resolution;
pub mod table;
pub mod text;
pub(crate) mod titles;

use std::path::Path;

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

use crate::assets::Assets;
use crate::doc::{Block, Document, Labels};
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
    let built_in;
    let narrative = match project.narratives.get(&lang) {
        Some(file) => Template {
            name: file
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("report.md"),
            text: &file.text,
            path: &file.path,
        },
        None => {
            let name = format!("report/{lang}.md");
            built_in = assets.require(
                &name,
                &format!("add templates/{name} (copy report/en.md and translate it)"),
            )?;
            Template {
                name: "report",
                text: &built_in.text,
                path: &built_in.path,
            }
        }
    };
    let pieces = PIECES
        .iter()
        .map(|piece| {
            let name = format!("report/{lang}/{piece}.md");
            assets.require(
                &name,
                &format!("add templates/{name} (copy report/en/{piece}.md and translate it)"),
            )
        })
        .collect::<Result<Vec<_>>>()?;
    let mut templates = vec![narrative];
    templates.extend(PIECES.iter().zip(&pieces).map(|(name, asset)| Template {
        name,
        text: &asset.text,
        path: &asset.path,
    }));
    let table_piece = format!(
        "{{{{- need(\"paragraphs\", \"progress file (progress.yaml, .csv or .xlsx)\") -}}}}\n\n{}{IMPLEMENTATION_TABLE}\n\n",
        markdown::INSERT
    );
    templates.push(Template {
        name: IMPLEMENTATION_TABLE,
        text: &table_piece,
        path: Path::new("the implementation-table piece"),
    });
    // `check` reports them all; a render stops at the first.
    let has_narrative = project.narratives.contains_key(&lang);
    if let Some(problem) = first_page::problems(report, report_file)
        .into_iter()
        .chain(issue::problems(report, has_narrative, report_file))
        .next()
    {
        return Err(problem);
    }
    // A corrigendum's body is its corrections, unless the office writes it.
    let body = if !has_narrative && !report.corrections.is_empty() {
        issue::corrections_body(&report.corrections, &locale)
    } else {
        let markdown = render_templates(&templates, Value::from(Serde(&ctx)))?;
        let insert = |name: &str| match name {
            IMPLEMENTATION_TABLE => table::in_report(project, lang, &locale),
            _ => Err(Error::new(
                ErrorKind::Internal,
                format!("no piece `{name}` to insert"),
            )),
        };
        markdown::blocks(
            &markdown,
            &locale,
            templates[0].path,
            report.original,
            &insert,
        )?
    };
    // Russian, Arabic and Chinese documents keep the masthead's right-hand
    // block in English.
    let masthead = match locale.masthead_language {
        Some(other) => Locale::load(assets, other)?,
        None => locale.clone(),
    };
    let first_page = first_page::first_page(report, &locale, &masthead);
    let mut blocks = first_page::front_matter(report, &locale, &body);
    blocks.extend(body);
    let mut doc = Document {
        script: locale.script(lang),
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
    if report.links {
        links::apply(&mut doc);
    }
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
        script: locale.script(lang),
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

/// `text` with its first letter in capitals.
pub(crate) fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The named pieces of a report's body, which a narrative places with
/// `{% include "actions" %}`: each is `templates/report/<lang>/<name>.md`,
/// and the built-in narrative is made of them too.
pub const PIECES: [&str; 5] = [
    "status-summary",
    "actions",
    "fund-summary",
    "contributions-table",
    "expenditures-table",
];

/// The piece that places the implementation table in a report (in an annex,
/// usually), composed as the `table` kind is, not written by a template.
pub const IMPLEMENTATION_TABLE: &str = "implementation-table";

/// A Markdown template: its name (for `include`), text and file.
pub struct Template<'a> {
    /// The name other templates include it by.
    pub name: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Its file, named in messages.
    pub path: &'a Path,
}

/// Renders the first of `templates`, which may include the others by name.
/// Every `{{ value }}` is escaped so that data prints as it stands (pass
/// `| safe` to write Markdown on purpose).
pub fn render_templates(templates: &[Template], ctx: Value) -> Result<String> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        // A piece ends with the blank line that ends its last paragraph.
        .keep_trailing_newline(true)
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
    env.add_filter("upper_first", |value: String| upper_first(&value));
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
    // References and footnotes: a title between asterisks in italics, the
    // rest escaped (see `titles`).
    env.add_filter("titles", |value: Value| {
        Value::from_safe_string(titles::markdown(&value.to_string()))
    });
    env.add_filter("md", |value: Value| {
        Value::from_safe_string(markdown::escape(&value.to_string()))
    });
    // A piece that prints data the folder may lack says which file it needs.
    env.add_function(
        "need",
        |state: &minijinja::State, name: String, file: String| match state.lookup(&name) {
            Some(v) if !v.is_none() && !v.is_undefined() && v.len() != Some(0) => Ok(String::new()),
            _ => Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("this part of the report prints `{name}`, and the folder has no {file}"),
            )),
        },
    );
    // A template whose loops run away stops with an error at its line
    // instead of running for ever.
    env.set_fuel(Some(TEMPLATE_FUEL));
    let template_error = |e: minijinja::Error| template_error(e, templates);
    for t in templates {
        env.add_template_owned(t.name.to_owned(), t.text.to_owned())
            .map_err(template_error)?;
    }
    let main = &templates[0];
    let template = env.get_template(main.name).map_err(template_error)?;
    let _step = crate::budget::Step::start(
        &format!("writing the text of {}", main.path.display()),
        main.path,
    );
    let mut out = Bounded::default();
    template
        .render_captured_to(ctx, &mut out)
        .map_err(template_error)?;
    String::from_utf8(out.bytes).map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))
}

/// Renders a template that is not Markdown (the Word styles file): no
/// escaping and no filters of the report's, but the same bounds on time and
/// output, and its errors at its file:line.
pub(crate) fn render_plain(template: &Template, ctx: Value) -> Result<String> {
    let templates = std::slice::from_ref(template);
    let template_error = |e: minijinja::Error| template_error(e, templates);
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.add_template(template.name, template.text)
        .map_err(template_error)?;
    let mut out = Bounded::default();
    env.get_template(template.name)
        .map_err(template_error)?
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

/// A template error at its place: in the piece it happened in, when a
/// template included another, with a note naming the place of the include.
fn template_error(e: minijinja::Error, templates: &[Template]) -> Error {
    use std::error::Error as _;
    let place = |e: &minijinja::Error| {
        let t = templates
            .iter()
            .find(|t| e.name() == Some(t.name))
            .unwrap_or(&templates[0]);
        let source: std::sync::Arc<str> = t.text.into();
        match (e.range(), e.line()) {
            (Some(range), _) => Location::span(t.path, source, range),
            (None, Some(line)) => Location::at(t.path, Some(source), line, 1),
            (None, None) => Location::at(t.path, None, 1, 1),
        }
    };
    let mut chain = vec![&e];
    while let Some(inner) = chain[chain.len() - 1]
        .source()
        .and_then(|s| s.downcast_ref::<minijinja::Error>())
    {
        chain.push(inner);
    }
    let inner = chain[chain.len() - 1];
    let mut message = match inner.detail() {
        Some(detail) => format!("template error: {detail}"),
        None => format!("template error: {}", inner.kind()),
    };
    if matches!(inner.kind(), minijinja::ErrorKind::UndefinedError) {
        message.push_str(" (a name the template uses is not in the data)");
    }
    let hint = match inner.kind() {
        minijinja::ErrorKind::OutOfFuel => "the template ran too long: look for a loop that never ends or runs very many times (nested `range`, say)".to_owned(),
        minijinja::ErrorKind::WriteFailure => "the template writes too much text: look for a loop that runs very many times".to_owned(),
        minijinja::ErrorKind::TemplateNotFound => format!("a report's narrative can include these pieces: {}, {IMPLEMENTATION_TABLE}", PIECES.join(", ")),
        _ => "check the template's syntax and the names it uses; `resolute schema` lists the data fields".to_owned(),
    };
    let mut error = Error::new(ErrorKind::Template, message).at(place(inner));
    for outer in chain[..chain.len() - 1].iter().rev() {
        let at = place(outer);
        error = error.note(format!("included from {}:{}", at.path.display(), at.line));
    }
    error.hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_markdown(name: &str, text: &str, path: &Path, ctx: Value) -> Result<String> {
        render_templates(&[Template { name, text, path }], ctx)
    }

    #[test]
    fn pieces_are_included_and_their_errors_point_into_them() {
        let ctx = Value::from(Serde(serde_json::json!({"x": "*a*", "fund": null})));
        let main = "Before.\n\n{% include \"piece\" %}\nAfter.";
        // The narrative, and a piece it includes.
        let with_piece = |piece: &'static str| {
            [
                Template {
                    name: "main",
                    text: main,
                    path: Path::new("report.en.md"),
                },
                Template {
                    name: "piece",
                    text: piece,
                    path: Path::new("piece.md"),
                },
            ]
        };
        let md = render_templates(&with_piece("Piece {{ x }}.\n\n"), ctx.clone()).unwrap();
        assert_eq!(md, "Before.\n\nPiece \\*a\\*.\n\nAfter.");
        let broken = with_piece("ok\n{{ need(\"fund\", \"trust-fund.yaml\") }}\n");
        let err = render_templates(&broken, ctx.clone()).unwrap_err();
        let at = err.location.as_ref().unwrap();
        assert_eq!(
            (at.path.as_path(), at.line),
            (Path::new("piece.md"), 2),
            "{}",
            err.render()
        );
        assert!(err.message.contains("trust-fund.yaml"), "{}", err.render());
        let missing = [Template {
            name: "main",
            text: "a\n{% include \"nothing\" %}",
            path: Path::new("report.en.md"),
        }];
        let err = render_templates(&missing, ctx).unwrap_err();
        assert_eq!(err.location.as_ref().unwrap().line, 2, "{}", err.render());
        assert!(
            err.render().contains("actions"),
            "the hint lists the pieces: {}",
            err.render()
        );
    }

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
