//! The command line: arguments, and what each command does with the library.

pub mod print;
mod render;
mod watch;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::assets::Assets;
use crate::compose::Kind;
use crate::error::{Error, ErrorKind, Outcome};
use crate::model::Lang;
use crate::output::{write_atomic, Inputs};
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
    /// Render, then render again whenever an input of the project changes
    /// (data, narrative, templates, fonts), reusing fonts and typst's
    /// memoized work: an edit is laid out again, not the whole document.
    /// Prints what changed, how long it took and any error; while the input
    /// is broken, the last good output stays in place. Stop with Ctrl-C.
    ///
    /// Example:
    ///   resolute watch examples/ecosoc-2015-23 --kind report --lang en -o out/report.en.pdf --preview out/pages
    #[command(verbatim_doc_comment, after_help = EXIT_CODES)]
    Watch(WatchArgs),
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

/// Arguments of `watch`: those of `render`, and where to draw the pages.
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// What to render, as for `render`.
    #[command(flatten)]
    pub render: RenderArgs,
    /// Also draw each PDF page that changed as DIR/<kind>.<lang>.page<N>.png.
    #[arg(long, value_name = "DIR")]
    pub preview: Option<PathBuf>,
    /// How often to look at the inputs, in milliseconds (at least 10).
    #[arg(long, value_name = "MS", default_value_t = 200)]
    pub poll: u64,
    /// Stop after this many rounds (for tests; 0: never).
    #[arg(long, value_name = "N", default_value_t = 0, hide = true)]
    pub rounds: u64,
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
            render::render(args)
        }
        Command::Watch(args) => {
            args.render.limits.apply();
            watch::watch(args)
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
    let renderer = Renderer::new(assets);
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
    show_warnings(&renderer);
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

fn show_warnings(renderer: &Renderer) {
    for warning in renderer.take_warnings() {
        print::message(&warning.render_warning());
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
