//! The command line: arguments, and what each command does with the library.

pub mod print;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::assets::Assets;
use crate::compose::Kind;
use crate::error::{Error, ErrorKind, Outcome, Result};
use crate::model::Lang;
use crate::output::{write_all, write_atomic, Inputs};
use crate::project::Project;
use crate::render::{available, Format, Renderer};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  internal error (a bug in resolute: please report it)
  2  bad command-line arguments, or a choice left open (such as --lang)
  3  invalid input data (syntax, unknown field, inconsistent numbering)
  4  template error
  5  typesetting error
  6  a file could not be read or written";

/// resolute renders UN resolution data into print-ready PDF and Word documents.
#[derive(Debug, Parser)]
#[command(name = "resolute", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render documents from a report folder or one report file.
    ///
    /// A report folder holds resolution.yaml, progress.yaml, trust-fund.yaml
    /// and one report.<lang>.yaml per language (YAML, JSON or TOML).
    ///
    /// Examples:
    ///   resolute render examples/ecosoc-2015-23 --out-dir out
    ///   resolute render examples/ecosoc-2015-23 --kind report --lang fr -o out/report.fr.pdf
    ///   resolute render examples/ecosoc-2015-23/report.en.yaml -o report.docx
    #[command(verbatim_doc_comment, after_help = EXIT_CODES)]
    Render(RenderArgs),
    /// Check a report folder without rendering: syntax, fields, numbering,
    /// footnotes, progress entries, templates.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// The report folder or report file.
        target: PathBuf,
        /// Use templates from this folder where it has them.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// Also offer the fonts in this folder to the typesetter (repeatable).
        #[arg(long, value_name = "DIR")]
        font_path: Vec<PathBuf>,
        /// Time and memory limits.
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print the JSON Schema of the data files.
    Schema,
    /// Turn the text of a printed resolution (as pdftotext gives it), or an
    /// Akoma Ntoso file (.xml), into resolute's resolution data.
    ///
    /// Page furniture (rule lines, running heads, job numbers, page numbers)
    /// is dropped and listed with --report; what cannot be structured is kept
    /// and reported as a warning with its line number.
    ///
    /// Examples:
    ///   resolute import E-RES-2015-23.fr.txt -o resolution.yaml
    ///   resolute import S-RES-1445.en.txt --lang en --report
    ///   resolute import resolution.akn.xml -o resolution.yaml
    #[command(verbatim_doc_comment, after_help = EXIT_CODES)]
    Import {
        /// The text (.txt) or Akoma Ntoso (.xml) file.
        input: PathBuf,
        /// Write the model here (YAML, JSON or TOML by extension) instead of
        /// printing YAML.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The language of the text; by default the enacting formula tells.
        #[arg(long)]
        lang: Option<Lang>,
        /// List the page furniture dropped and the words joined at line ends.
        #[arg(long)]
        report: bool,
        /// Use word lists from this folder where it has them (import/<lang>.yaml).
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Write a resolution file in another format.
    ///
    /// Example:
    ///   resolute export examples/ecosoc-2015-23/resolution.yaml --to akn -o 2015-23.xml
    #[command(verbatim_doc_comment, after_help = EXIT_CODES)]
    Export {
        /// The resolution file (YAML, JSON or TOML).
        input: PathBuf,
        /// The format to write.
        #[arg(long, value_enum)]
        to: ExportFormat,
        /// Where to write; standard output when absent.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// `export --to` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// Akoma Ntoso for the UN (AKN4UN) XML.
    Akn,
}

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The report folder, or a single report.<lang>.yaml in it.
    pub target: PathBuf,
    /// The kind of document.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// The language (ar, en, es, fr, ru, zh); with -o, needed when the folder
    /// has reports in several languages.
    #[arg(long)]
    pub lang: Option<Lang>,
    /// Write one document to FILE; the format comes from its extension.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write every kind, language and format to DIR as <kind>.<lang>.<ext>.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Force the output format instead of reading it from -o's extension.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Use templates from this folder where it has them (same layout as templates/).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Also offer the fonts in this folder to the typesetter (repeatable).
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Time and memory limits.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The budgets of a run that lays documents out: a style file or template
/// that runs away stops with an error naming it.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct LimitArgs {
    /// Stop laying out a document after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = crate::budget::DEFAULT_SECONDS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub time_limit: u64,
    /// Stop when the run needs more than this much memory, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = crate::budget::DEFAULT_MEMORY >> 20,
          value_parser = clap::value_parser!(u64).range(64..))]
    pub memory_limit: u64,
}

impl LimitArgs {
    fn apply(self) {
        crate::budget::set_time_limit(self.time_limit);
        crate::budget::set_memory_limit(self.memory_limit.saturating_mul(1 << 20));
    }
}

/// `--kind` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// The progress report of the Secretary-General.
    Report,
    /// The paragraph-by-paragraph implementation table (landscape).
    Table,
    /// The consolidated text of the resolution(s), as in the Official Records.
    Text,
    /// A parallel text of two language versions, for delegations.
    Handout,
    /// The consolidated text on A5 pages, a compact edition for distribution.
    Compact,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Report => Kind::Report,
            KindArg::Table => Kind::Table,
            KindArg::Text => Kind::Text,
            KindArg::Handout => Kind::Handout,
            KindArg::Compact => Kind::Compact,
        }
    }
}

/// `--format` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// PDF.
    Pdf,
    /// Word (DOCX).
    Docx,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Docx => Format::Docx,
        }
    }
}

/// Runs a parsed command line; what it prints goes to stdout.
pub fn run(cli: Cli) -> Outcome<()> {
    match cli.command {
        Command::Schema => {
            let text = serde_json::to_string_pretty(&crate::schema::all())
                .map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))?;
            print::stdout(&format!("{text}\n"))?;
            Ok(())
        }
        Command::Check {
            target,
            templates,
            font_path,
            limits,
        } => {
            limits.apply();
            check(&target, templates, font_path)
        }
        Command::Render(args) => {
            args.limits.apply();
            render(args)
        }
        Command::Import {
            input,
            output,
            lang,
            report,
            templates,
        } => import(&input, output.as_deref(), lang, report, templates),
        Command::Export { input, to, output } => {
            let (resolution, _) = crate::load::load::<crate::model::Resolution>(&input)?;
            let text = match to {
                ExportFormat::Akn => crate::akn::to_akn(&resolution),
            };
            match &output {
                Some(path) => write_atomic(path, text.as_bytes(), &Inputs::new([input.as_path()]))?,
                None => print::stdout(&text)?,
            }
            Ok(())
        }
    }
}

/// `check`: every problem of the folder, then every document laid out in
/// both formats (writing nothing), so that what `check` passes, `render`
/// renders.
fn check(target: &Path, templates: Option<PathBuf>, font_path: Vec<PathBuf>) -> Outcome<()> {
    let project = Project::load(target)?;
    let assets = Assets::with_dir(templates)?.with_font_dirs(font_path);
    let mut problems = crate::check::project(&project);
    let pairs = available(&project);
    let mut renderer = Renderer::new(assets);
    if problems.is_empty() {
        for (kind, lang) in &pairs {
            match renderer.compose(&project, *kind, *lang) {
                Ok(doc) => {
                    for format in Format::ALL {
                        if let Err(e) = renderer.lower_for(&project, &doc, format) {
                            problems.push(e);
                        }
                    }
                }
                Err(e) => problems.push(e),
            }
            // What typst memoized for one document is not needed for the
            // next: memory stays that of the largest document.
            renderer.forget();
            if problems.len() >= crate::error::Problems::LIMIT {
                break;
            }
        }
    }
    show_warnings(&mut renderer);
    if !problems.is_empty() {
        return Err(distinct(problems).into());
    }
    let names: Vec<String> = pairs
        .iter()
        .map(|(k, l)| format!("{}.{l}", k.name()))
        .collect();
    print::stdout(&format!(
        "{}: ok ({})\n",
        target.display(),
        names.join(", ")
    ))?;
    Ok(())
}

/// The problems, each once (a broken style file fails every document alike).
fn distinct(problems: Vec<Error>) -> Vec<Error> {
    let mut seen = std::collections::HashSet::new();
    problems
        .into_iter()
        .filter(|e| seen.insert(e.render()))
        .collect()
}

fn show_warnings(renderer: &mut Renderer) {
    for warning in renderer.take_warnings() {
        print::message(&warning.render_warning());
    }
}

fn render(args: RenderArgs) -> Outcome<()> {
    let project = Project::load(&args.target)?;
    let assets = Assets::with_dir(args.templates.clone())?.with_font_dirs(args.font_path.clone());
    let problems = crate::check::project(&project);
    if !problems.is_empty() {
        return Err(problems.into());
    }
    let asset_files = assets.files()?;
    let inputs = Inputs::new(
        project
            .files()
            .into_iter()
            .chain(asset_files.iter().map(PathBuf::as_path)),
    );
    let mut renderer = Renderer::new(assets);
    let outputs = match (&args.output, &args.out_dir) {
        (Some(output), _) => vec![(
            output.clone(),
            one_document(&args, output, &project, &mut renderer)?,
        )],
        (None, Some(out_dir)) => every_document(&args, out_dir, &project, &mut renderer)?,
        (None, None) => {
            return Err(Error::new(ErrorKind::Usage, "no output given")
                .hint("pass -o FILE for one document or --out-dir DIR for all of them")
                .into())
        }
    };
    show_warnings(&mut renderer);
    write_all(&outputs, &inputs)?;
    for (path, _) in &outputs {
        print::message(&format!("wrote {}\n", path.display()));
    }
    Ok(())
}

/// The bytes of the one document `-o` asks for.
fn one_document(
    args: &RenderArgs,
    output: &Path,
    project: &Project,
    renderer: &mut Renderer,
) -> Result<Vec<u8>> {
    let format = match args.format {
        Some(f) => f.into(),
        None => Format::from_path(output).ok_or_else(|| {
            let hint = if output.is_dir() {
                "that is a folder: use --out-dir for a folder, or name a .pdf or .docx file"
            } else {
                "name the file .pdf or .docx, or pass --format pdf|docx"
            };
            Error::new(
                ErrorKind::Usage,
                format!(
                    "cannot tell the format of {} from its extension",
                    output.display()
                ),
            )
            .hint(hint)
        })?,
    };
    let kind = args.kind.map(Kind::from).unwrap_or(Kind::Report);
    let lang = match args.lang {
        Some(l) => l,
        None => only_language(project, kind)?,
    };
    // Only what the folder can make: the checks vouch for the data of these
    // documents (a table in a language its data is not given in would print
    // empty or untranslated text).
    let can: Vec<Lang> = available(project)
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, l)| l)
        .collect();
    if !can.contains(&lang) {
        return Err(Error::data(format!(
            "{} cannot make the {} in `{lang}`",
            project.dir.display(),
            kind.name()
        ))
        .hint(if can.is_empty() {
            format!("it makes no {} at all", kind.name())
        } else {
            format!(
                "it makes the {} in {}; add a report.{lang}.yaml (or resolution.{lang}.yaml) for `{lang}`",
                kind.name(),
                can.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(", ")
            )
        }));
    }
    renderer.render(project, kind, lang, format)
}

/// Every document `--out-dir` asks for, rendered in memory: nothing is
/// written unless all of them render.
fn every_document(
    args: &RenderArgs,
    out_dir: &Path,
    project: &Project,
    renderer: &mut Renderer,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let formats: Vec<Format> = match args.format {
        Some(f) => vec![f.into()],
        None => Format::ALL.to_vec(),
    };
    let pairs: Vec<(Kind, Lang)> = available(project)
        .into_iter()
        .filter(|(k, l)| {
            args.kind.is_none_or(|a| Kind::from(a) == *k) && args.lang.is_none_or(|a| a == *l)
        })
        .collect();
    if pairs.is_empty() {
        return Err(
            Error::data(format!("{} has nothing to render", args.target.display()))
                .hint("add a report.<lang>.yaml, or check --kind and --lang"),
        );
    }
    let mut outputs = Vec::new();
    for (kind, lang) in pairs {
        let doc = renderer.compose(project, kind, lang)?;
        for format in &formats {
            let bytes = renderer.lower_for(project, &doc, *format)?;
            outputs.push((
                out_dir.join(format!("{}.{lang}.{format}", kind.name())),
                bytes,
            ));
        }
        renderer.forget();
    }
    Ok(outputs)
}

/// The language of the one document of `kind` the folder can make in one
/// language only.
fn only_language(project: &Project, kind: Kind) -> Result<Lang> {
    let langs: Vec<Lang> = available(project)
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, l)| l)
        .collect();
    match langs.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::data(format!(
            "{} has nothing to make a {} from",
            project.dir.display(),
            kind.name()
        ))
        .hint(match kind {
            Kind::Report => "add a report file, such as report.en.yaml",
            Kind::Table => "add progress data (progress.yaml, .csv or .xlsx)",
            _ => "add the resolution in a second language (resolution.<lang>.yaml) for a handout",
        })),
        many => Err(Error::new(
            ErrorKind::Usage,
            format!(
                "the folder can make the {} in several languages",
                kind.name()
            ),
        )
        .hint(format!(
            "choose one with --lang ({})",
            many.iter()
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn import(
    input: &Path,
    output: Option<&Path>,
    lang: Option<Lang>,
    report: bool,
    templates: Option<PathBuf>,
) -> Outcome<()> {
    let assets = Assets::with_dir(templates)?;
    let imported = crate::import::import_file(input, lang, &assets)?;
    let summary = crate::import::summary(&imported);
    let text = crate::import::serialize(&imported.resolution, output)?;
    match output {
        Some(path) => {
            let asset_files = assets.files()?;
            let inputs =
                Inputs::new(std::iter::once(input).chain(asset_files.iter().map(PathBuf::as_path)));
            write_atomic(path, text.as_bytes(), &inputs)?
        }
        None => print::stdout(&text)?,
    }
    let mut notes = String::new();
    for w in &imported.warnings {
        notes.push_str(&format!(
            "warning: {}:{}: {}\n",
            input.display(),
            w.line,
            w.message
        ));
    }
    if report {
        for d in &imported.dropped {
            notes.push_str(&format!(
                "dropped: {}:{}: {}: {}\n",
                input.display(),
                d.line,
                d.kind,
                d.text
            ));
        }
        for j in &imported.joins {
            let how = if j.kept_hyphen {
                "kept the hyphen"
            } else {
                "removed the hyphen"
            };
            notes.push_str(&format!(
                "joined: {}:{}: {}- + {} ({how})\n",
                input.display(),
                j.line,
                j.left.trim_end_matches('-'),
                j.right
            ));
        }
    }
    notes.push_str(&format!("{summary}\n"));
    print::message(&notes);
    Ok(())
}
