//! `render`: the documents a command line asks for, made in memory and
//! written together; `watch` makes them the same way, round after round.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::{print, show_warnings, RenderArgs};
use crate::assets::Assets;
use crate::compose::Kind;
use crate::error::{Error, ErrorKind, Outcome, Result};
use crate::model::Lang;
use crate::output::{write_all, Inputs};
use crate::project::Project;
use crate::render::{available, Format, Renderer};

/// A file to write and its bytes.
pub(super) type Output = (PathBuf, Vec<u8>);

/// Pictures of the PDFs' pages for `watch --preview DIR`: `<stem>.page<N>.png`
/// in `dir`, drawn again only for the pages whose content changed.
pub(super) struct Previews {
    /// Where the pictures go.
    pub dir: PathBuf,
    /// The hash of each page of each PDF as last written, by PDF path.
    pub known: HashMap<PathBuf, Vec<u128>>,
}

impl Previews {
    /// Where the picture of page `number` of the PDF `pdf` goes.
    pub fn picture(&self, pdf: &Path, number: usize) -> PathBuf {
        let stem = pdf
            .file_stem()
            .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
        self.dir.join(format!("{stem}.page{number}.png"))
    }
}

/// What a round of rendering made: the files, and the pages' hashes to
/// remember once they are written.
pub(super) struct Made {
    /// The files to write, PDFs, DOCX and pictures.
    pub outputs: Vec<Output>,
    /// The page hashes of each PDF, for [`Previews::known`].
    pub hashes: Vec<(PathBuf, Vec<u128>)>,
}

/// `render`: every document asked for, written only if all of them render.
pub(super) fn render(args: RenderArgs) -> Outcome<()> {
    let project = Project::load(&args.target)?;
    let assets = Assets::with_dir(args.templates.clone())?.with_font_dirs(args.font_path.clone());
    let problems = crate::check::project(&project);
    if !problems.is_empty() {
        return Err(problems.into());
    }
    let inputs = inputs_of(&project, &assets)?;
    let renderer = Renderer::new(assets);
    let made = make(&args, &project, &renderer, None, false)?;
    show_warnings(&renderer);
    write_all(&made.outputs, &inputs)?;
    for (path, _) in &made.outputs {
        print::message(&format!("wrote {}\n", path.display()));
    }
    Ok(())
}

/// The files a run must never write over: the project's and the templates'.
pub(super) fn inputs_of(project: &Project, assets: &Assets) -> Result<Inputs> {
    let asset_files = assets.files()?;
    Ok(Inputs::new(
        project
            .files()
            .into_iter()
            .chain(asset_files.iter().map(PathBuf::as_path)),
    ))
}

/// The documents `args` asks for, in memory. `keep_cache` keeps typst's
/// memoized work between documents (for `watch`, whose next round reuses
/// it); otherwise a batch forgets what older documents left.
pub(super) fn make(
    args: &RenderArgs,
    project: &Project,
    renderer: &Renderer,
    previews: Option<&Previews>,
    keep_cache: bool,
) -> Result<Made> {
    match (&args.output, &args.out_dir) {
        (Some(output), _) => one_document(args, output, project, renderer, previews),
        (None, Some(out_dir)) => {
            every_document(args, out_dir, project, renderer, previews, keep_cache)
        }
        (None, None) => Err(Error::new(ErrorKind::Usage, "no output given")
            .hint("pass -o FILE for one document or --out-dir DIR for all of them")),
    }
}

/// The one document `-o` asks for.
fn one_document(
    args: &RenderArgs,
    output: &Path,
    project: &Project,
    renderer: &Renderer,
    previews: Option<&Previews>,
) -> Result<Made> {
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
    let doc = renderer.compose(project, kind, lang)?;
    lowered(project, renderer, &doc, format, output, previews)
}

/// `doc` in `format` as `path`, with the pictures of its changed pages.
fn lowered(
    project: &Project,
    renderer: &Renderer,
    doc: &crate::doc::Document,
    format: Format,
    path: &Path,
    previews: Option<&Previews>,
) -> Result<Made> {
    let Some(previews) = previews.filter(|_| format == Format::Pdf) else {
        let bytes = renderer.lower_for(project, doc, format)?;
        return Ok(Made {
            outputs: vec![(path.to_owned(), bytes)],
            hashes: Vec::new(),
        });
    };
    let known = previews.known.get(path).map_or(&[][..], Vec::as_slice);
    let (bytes, pages) = renderer.pdf_with_previews(project, doc, known)?;
    let mut outputs = vec![(path.to_owned(), bytes)];
    outputs.extend(pages.iter().filter_map(|p| {
        let png = p.png.clone()?;
        Some((previews.picture(path, p.number), png))
    }));
    Ok(Made {
        outputs,
        hashes: vec![(path.to_owned(), pages.iter().map(|p| p.hash).collect())],
    })
}

/// Every document `--out-dir` asks for, rendered in memory: nothing is
/// written unless all of them render.
fn every_document(
    args: &RenderArgs,
    out_dir: &Path,
    project: &Project,
    renderer: &Renderer,
    previews: Option<&Previews>,
    keep_cache: bool,
) -> Result<Made> {
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
    // The documents are independent: each core takes the next one, all
    // sharing the renderer's typesetter. The outputs keep the order of
    // `pairs` (and so does the error reported, the first in that order).
    let one = |(kind, lang): (Kind, Lang)| -> Result<Made> {
        let doc = renderer.compose(project, kind, lang)?;
        let mut made = Made {
            outputs: Vec::new(),
            hashes: Vec::new(),
        };
        for format in &formats {
            let path = out_dir.join(format!("{}.{lang}.{format}", kind.name()));
            let more = lowered(project, renderer, &doc, *format, &path, previews)?;
            made.outputs.extend(more.outputs);
            made.hashes.extend(more.hashes);
        }
        if !keep_cache {
            renderer.forget_older();
        }
        Ok(made)
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(pairs.len());
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Result<Made>>>> =
        pairs.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(pair) = pairs.get(i) else { break };
                let result = one(*pair);
                let failed = result.is_err();
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
                if failed {
                    // Nothing is written when one fails: stop taking more.
                    next.store(pairs.len(), Ordering::Relaxed);
                }
            });
        }
    });
    let mut made = Made {
        outputs: Vec::new(),
        hashes: Vec::new(),
    };
    for slot in results {
        // `None`: not rendered, because another failed; its error is here.
        if let Some(result) = slot.into_inner().unwrap_or_else(|e| e.into_inner()) {
            let more = result?;
            made.outputs.extend(more.outputs);
            made.hashes.extend(more.hashes);
        }
    }
    Ok(made)
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
