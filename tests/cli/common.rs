//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub const EXAMPLE: &str = "examples/ecosoc-2015-23";
pub const HOSTILE_PIECES: [&str; 10] = [
    "#read(\"/etc/passwd\")",
    "$x$",
    "*a*",
    "_b_",
    "]",
    "<lbl>",
    "@ref",
    "\\",
    "{{ x }}",
    "{% x %}",
];

/// Skips the calling test, saying so, when one of the external tools it reads
/// the output with is missing; under `CI=true` a missing tool fails the test
/// instead, so that CI (which installs them all) runs everything.
macro_rules! require {
    ($($tool:expr),+ $(,)?) => {
        if !$crate::common::have(&[$($tool),+]) {
            return;
        }
    };
}

/// Whether every program of `tools` can be run (see [`require!`]).
pub fn have(tools: &[&str]) -> bool {
    have_under(tools, std::env::var("CI").is_ok_and(|v| v == "true"))
}

/// [`have`], with `ci` saying whether the run is CI's.
pub fn have_under(tools: &[&str], ci: bool) -> bool {
    let missing: Vec<&str> = tools.iter().copied().filter(|t| !on_path(t)).collect();
    if missing.is_empty() {
        return true;
    }
    let what = format!(
        "{} needs {} (bash .ci/run installs it)",
        std::thread::current().name().unwrap_or("a test"),
        missing.join(", ")
    );
    if ci {
        panic!("{what}, and under CI=true every tool must be there");
    }
    // Straight to the process's stderr: the test harness captures
    // `eprintln!` of passing tests, and a skip must be seen.
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "skipped: {what}");
    false
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            let path = dir.join(program);
            std::fs::metadata(&path).is_ok_and(|m| m.is_file())
        })
    })
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn resolute(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resolute"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run resolute")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} is needed by this test (bash .ci/run installs it): {e}")
        });
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whitespace of any kind (including no-break spaces and word joiners) folded to one space.
pub fn normalize(text: &str) -> String {
    text.replace('\u{2060}', "")
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn pdf_text(pdf: &Path) -> String {
    // -raw keeps the order in which typst drew the text (poppler's layout
    // analysis would pull hanging numbers into a column of their own).
    tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"])
}

pub fn docx_text(docx: &Path) -> String {
    tool(
        "pandoc",
        &[
            "-f",
            "docx",
            "-t",
            "plain",
            "--wrap=none",
            docx.to_str().unwrap(),
        ],
    )
}

/// The example rendered once with `--out-dir`, shared by the tests that read it.
pub fn example_out() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("resolute-example-{}", std::process::id()));
        let out = resolute(&["render", EXAMPLE, "--out-dir", dir.to_str().unwrap()]);
        assert!(out.status.success(), "render failed: {}", stderr(&out));
        dir
    })
}

/// A copy of the worked example in a fresh temporary folder.
pub fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join(EXAMPLE)).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// Numbers at the start of lines written "N." followed by text, in order.
pub fn paragraph_numbers(text: &str) -> Vec<u32> {
    text.lines()
        .filter_map(|l| {
            let (n, rest) = l.trim_start().split_once(". ")?;
            if rest.trim().is_empty() {
                return None;
            }
            n.parse().ok()
        })
        .collect()
}

/// pandoc's plain text with raised letters ("1^(er)") written flat ("1er").
pub fn unraise(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("^(") {
        out.push_str(&rest[..at]);
        rest = &rest[at + 2..];
        let end = rest.find(')').unwrap_or(rest.len());
        out.push_str(&rest[..end]);
        rest = &rest[(end + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

/// Runs `render` on a copy of the example with one change, and checks the
/// error: exit code, message, file:line:column, hint, and no output written.
pub fn expect_error(
    setup: impl FnOnce(&Path),
    extra: &[&str],
    code: i32,
    needles: &[&str],
) -> String {
    let dir = example_copy();
    setup(dir.path());
    let out_dir = tempfile::tempdir().unwrap();
    let existing = out_dir.path().join("report.en.pdf");
    std::fs::write(&existing, b"previous output").unwrap();
    let mut args = vec![
        "render",
        dir.path().to_str().unwrap(),
        "--out-dir",
        out_dir.path().to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = resolute(&args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "exit code; stderr:\n{err}");
    assert!(
        !err.contains("panicked"),
        "a panic reached the user:\n{err}"
    );
    for needle in needles {
        assert!(err.contains(needle), "{needle:?} not in:\n{err}");
    }
    assert!(err.contains("hint"), "no hint in:\n{err}");
    assert_eq!(
        std::fs::read(&existing).unwrap(),
        b"previous output",
        "an existing output was touched"
    );
    let files: Vec<_> = std::fs::read_dir(out_dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "something was written: {files:?}");
    err
}

/// [`expect_error`] for the example with `from` replaced by `to` (once) in
/// its progress.yaml.
pub fn expect_progress_error(from: &str, to: &str, needles: &[&str]) -> String {
    expect_error(
        |d| {
            let path = d.join("progress.yaml");
            let text = std::fs::read_to_string(&path).unwrap();
            let changed = text.replacen(from, to, 1);
            assert_ne!(
                text, changed,
                "{from:?} is not in progress.yaml: adjust the test"
            );
            std::fs::write(path, changed).unwrap();
        },
        &[],
        3,
        needles,
    )
}

/// Renders one kind in one language of the folder `dir` to `output` (the
/// `--out-dir` or `-o` arguments); the render must succeed.
fn render_ok(dir: &Path, kind: &str, lang: &str, output: &[&str]) {
    let mut args = vec![
        "render",
        dir.to_str().unwrap(),
        "--kind",
        kind,
        "--lang",
        lang,
    ];
    args.extend_from_slice(output);
    let out = resolute(&args);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Renders one kind in one language of the folder `dir` into a fresh
/// temporary folder, which it returns; the render must succeed.
pub fn render_kind(dir: &Path, kind: &str, lang: &str) -> tempfile::TempDir {
    let out_dir = tempfile::tempdir().unwrap();
    render_ok(
        dir,
        kind,
        lang,
        &["--out-dir", out_dir.path().to_str().unwrap()],
    );
    out_dir
}

/// Renders one kind in one language of the folder `dir` to the file `to`
/// (its extension says the format); the render must succeed.
pub fn render_file(dir: &Path, kind: &str, lang: &str, to: &Path) {
    render_ok(dir, kind, lang, &["-o", to.to_str().unwrap()]);
}

/// A templates folder holding only `word/styles.xml`: the shipped styles
/// file with `from` replaced by `to` everywhere.
pub fn word_styles_folder(from: &str, to: &str) -> tempfile::TempDir {
    let templates = tempfile::tempdir().unwrap();
    std::fs::create_dir(templates.path().join("word")).unwrap();
    let shipped = std::fs::read_to_string(root().join("templates/word/styles.xml")).unwrap();
    assert!(
        shipped.contains(from),
        "the shipped styles have no {from:?}"
    );
    std::fs::write(
        templates.path().join("word/styles.xml"),
        shipped.replace(from, to),
    )
    .unwrap();
    templates
}

/// Adds the line `setting` to the end of the file `path` (a YAML file whose
/// last key is not a block).
pub fn append_line(path: &Path, setting: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, format!("{text}\n{setting}\n")).unwrap();
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/errors").join(name)
}

/// A copy of the example whose trust fund has so many donors that its table
/// runs over two pages or more.
pub fn long_table_example() -> tempfile::TempDir {
    let dir = example_copy();
    keep_languages(dir.path(), &["en", "fr"]);
    let mut fund = String::from("illustrative: true\nname: {en: Test Fund, fr: Fonds d’essai}\ncurrency: USD\ncontributions:\n");
    for i in 1..=90 {
        fund.push_str(&format!(
            "  - donor: {{en: \"Donor number {i}\", fr: \"Donateur numéro {i}\"}}\n    year: {}\n    amount: {}\n",
            2015 + i % 2,
            1000 + i
        ));
    }
    fund.push_str("expenditures:\n  - purpose: {en: Grants, fr: Subventions}\n    year: 2016\n    amount: 5000\n");
    std::fs::write(dir.path().join("trust-fund.yaml"), fund).unwrap();
    dir
}

/// The trimmed lines of a printed resolution, each with whether it belongs
/// to the footnote block (the numbered lines after a `____` rule); the rule
/// itself is left out.
pub fn corpus_lines(corpus: &str) -> Vec<(&str, bool)> {
    let mut in_notes = false;
    let mut out = Vec::new();
    for line in corpus.lines() {
        let t = line.trim();
        if t.starts_with("____") {
            in_notes = true;
            continue;
        }
        let is_note = t
            .split_once(' ')
            .is_some_and(|(n, _)| n.parse::<u32>().is_ok());
        in_notes = in_notes && (t.is_empty() || is_note);
        out.push((t, in_notes));
    }
    out
}

/// `docx` laid out by LibreOffice on its own, as a PDF in `dir`; the path of
/// that PDF.
pub fn libreoffice_pdf(docx: &Path, dir: &Path) -> PathBuf {
    let out = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .env("HOME", dir)
        .output()
        .expect("LibreOffice is needed by this test (bash .ci/run installs it)");
    assert!(
        out.status.success(),
        "LibreOffice could not convert {}: {}",
        docx.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = docx.file_stem().expect("a file name");
    dir.join(format!("{}.pdf", stem.to_string_lossy()))
}

/// The pages (1-based) of a PDF whose text contains `needle`.
pub fn pages_with(pdf: &Path, needle: &str) -> Vec<usize> {
    pdf_text(pdf)
        .split('\u{c}')
        .enumerate()
        .filter(|(_, page)| page.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

/// Each paragraph of the DOCX body as "style | text", for a structural snapshot.
/// The text of a DOCX file's main part, `word/document.xml`.
pub fn docx_xml(docx: &Path) -> String {
    docx_part(docx, "word/document.xml")
}

/// The XML of one part of a DOCX package, such as `word/footnotes.xml`.
pub fn docx_part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
    xml
}

pub fn docx_outline(docx: &Path) -> String {
    use quick_xml::events::Event;
    let xml = docx_xml(docx);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut out, mut style, mut text, mut depth_in_table) =
        (String::new(), String::new(), String::new(), 0);
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                style = e
                    .try_get_attribute("w:val")
                    .unwrap()
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                    .unwrap_or_default();
            }
            Event::Start(e) if e.name().as_ref() == b"w:tbl" => depth_in_table += 1,
            Event::End(e) if e.name().as_ref() == b"w:tbl" => depth_in_table -= 1,
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Empty(e) if e.name().as_ref() == b"w:tab" => text.push(' '),
            Event::Text(t) if in_text => text.push_str(&t.decode().unwrap()),
            Event::End(e) if e.name().as_ref() == b"w:p" => {
                let shown: String = normalize(&text).chars().take(72).collect();
                let indent = if depth_in_table > 0 { "  [table] " } else { "" };
                out.push_str(&format!("{indent}{style} | {shown}\n"));
                style.clear();
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// ECOSOC resolution 2015/23 in French as extracted from the printed PDF (a
/// copy of the shared corpus file, so that a clone has everything).
pub const CORPUS: &str = "tests/fixtures/import/E-RES-2015-23.fr.txt";

/// Expected structure of each import fixture (see tests/fixtures/import/README.md):
/// file, preambular paragraphs, operative paragraphs (those of the parts
/// included), parts, lettered sub-paragraphs, dash items, footnotes, annexes.
pub type FixtureShape = (
    &'static str,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
    usize,
);

pub const IMPORT_FIXTURES: [FixtureShape; 16] = [
    (CORPUS, 12, 11, 0, 6, 0, 3, 0),
    (
        "tests/fixtures/import/A-RES-79-69.en.txt",
        4,
        8,
        0,
        5,
        0,
        4,
        0,
    ),
    (
        "tests/fixtures/import/A-RES-78-271.en.txt",
        1,
        7,
        0,
        6,
        0,
        2,
        0,
    ),
    (
        "tests/fixtures/import/A-RES-80-3.en.txt",
        1,
        2,
        0,
        0,
        0,
        16,
        1,
    ),
    (
        "tests/fixtures/import/S-RES-1498-2003.en.txt",
        8,
        3,
        0,
        0,
        0,
        0,
        0,
    ),
    (
        "tests/fixtures/import/S-RES-827-1993.en.txt",
        11,
        9,
        0,
        0,
        0,
        0,
        0,
    ),
    (
        "tests/fixtures/import/S-RES-687-1991.en.txt",
        26,
        34,
        9,
        8,
        0,
        0,
        0,
    ),
    (
        "tests/fixtures/import/S-RES-820-1993.en.txt",
        13,
        33,
        3,
        3,
        0,
        0,
        0,
    ),
    (
        "tests/fixtures/import/S-RES-1445-2002.en.txt",
        8,
        25,
        0,
        0,
        6,
        0,
        0,
    ),
    (
        "tests/fixtures/import/S-RES-1454-2002.en.txt",
        6,
        5,
        0,
        0,
        0,
        0,
        2,
    ),
    (
        "tests/fixtures/import/A-RES-80-2.pymupdf.en.txt",
        2,
        6,
        0,
        0,
        0,
        1,
        0,
    ),
    (
        "tests/fixtures/import/A-RES-80-5.pymupdf.en.txt",
        0,
        1,
        0,
        0,
        0,
        15,
        1,
    ),
    (
        "tests/fixtures/import/A-RES-78-247.en.txt",
        4,
        12,
        2,
        0,
        0,
        2,
        0,
    ),
    (
        "tests/fixtures/import/S-RES-38-1948.en.txt",
        3,
        2,
        0,
        0,
        0,
        2,
        0,
    ),
    (
        "tests/fixtures/import/S-RES-697-1991.en.txt",
        4,
        3,
        0,
        0,
        0,
        0,
        0,
    ),
    (
        "tests/fixtures/import/A-RES-79-230.en.txt",
        5,
        5,
        0,
        0,
        0,
        2,
        0,
    ),
];

pub fn import_lib(path: &str) -> resolute::Import {
    resolute::import_file(&root().join(path), None, &resolute::Assets::embedded())
        .unwrap_or_else(|e| panic!("{path}: {}", e.render()))
}

/// Alphanumeric runs, split where letters meet digits ("organisée1" → organisée, 1).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut digit = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            let d = c.is_ascii_digit();
            if !cur.is_empty() && d != digit {
                out.push(std::mem::take(&mut cur));
            }
            digit = d;
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

pub fn model_words(r: &resolute::model::Resolution) -> Vec<String> {
    let mut texts: Vec<String> = vec![r.number.clone(), r.title.clone(), r.formula.clone()];
    let subs = |texts: &mut Vec<String>, list: &[resolute::model::SubParagraph]| {
        for s in list {
            texts.push(format!(
                "{} {} {}",
                s.letter,
                s.lead.clone().unwrap_or_default(),
                s.text
            ));
        }
    };
    for (part, preamble, operative) in r.divisions() {
        if let Some(part) = part {
            texts.push(part.number.clone());
            texts.extend(part.heading.iter().cloned());
        }
        for p in preamble {
            texts.push(format!("{} {}", p.lead, p.text));
            subs(&mut texts, &p.subparagraphs);
        }
        for p in operative {
            texts.push(format!("{} {} {}", p.number, p.lead, p.text));
            subs(&mut texts, &p.subparagraphs);
        }
    }
    for f in &r.footnotes {
        texts.push(format!("{} {}", f.marker, f.text));
    }
    texts.extend(r.meeting.iter().map(|m| m.name.clone()));
    texts.extend(r.source.iter().cloned());
    texts.extend(r.committee.iter().cloned());
    for a in &r.annexes {
        texts.push(a.heading.clone());
        texts.extend(a.title.iter().cloned());
        texts.extend(a.paragraphs.iter().cloned());
    }
    texts.iter().flat_map(|t| words(t)).collect()
}

/// Runs of italic text in a PDF, read from the fonts of its characters
/// (`mutool draw -F stext`), joined into one string per run.
pub fn italic_runs(pdf: &Path) -> Vec<String> {
    let xml = tool(
        "mutool",
        &[
            "draw",
            "-q",
            "-F",
            "stext",
            "-o",
            "-",
            pdf.to_str().unwrap(),
        ],
    );
    let mut runs = Vec::new();
    let mut italic = false;
    let mut cur = String::new();
    for line in xml.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("<font name=\"") {
            if !cur.trim().is_empty() {
                runs.push(normalize(&cur));
            }
            cur.clear();
            italic = rest.split('"').next().is_some_and(|n| n.contains("Italic"));
        } else if let (true, Some(at)) = (italic, line.find(" c=\"")) {
            let raw = line[at + 4..].split('"').next().unwrap_or("");
            cur.push_str(&decode_entity(raw));
        } else if line.starts_with("</line") && italic {
            cur.push(' ');
        }
    }
    if !cur.trim().is_empty() {
        runs.push(normalize(&cur));
    }
    runs
}

pub fn decode_entity(s: &str) -> String {
    match s {
        "&amp;" => "&".into(),
        "&lt;" => "<".into(),
        "&gt;" => ">".into(),
        "&quot;" => "\"".into(),
        "&apos;" => "'".into(),
        _ if s.starts_with("&#x") => {
            u32::from_str_radix(s.trim_start_matches("&#x").trim_end_matches(';'), 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from)
                .unwrap_or_default()
        }
        _ => s.to_owned(),
    }
}

/// A copy of the worked example, in English and French only, with a
/// `resolutions/` folder holding the import of each of `texts` (the tests
/// add progress entries in those two languages).
pub fn compilation_copy(texts: &[&str]) -> tempfile::TempDir {
    let dir = example_copy();
    keep_languages(dir.path(), &["en", "fr"]);
    std::fs::create_dir(dir.path().join("resolutions")).unwrap();
    for path in texts {
        let name = Path::new(path).file_stem().unwrap().to_str().unwrap();
        let out = resolute(&[
            "import",
            path,
            "-o",
            dir.path()
                .join(format!("resolutions/{name}.yaml"))
                .to_str()
                .unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    dir
}

/// Asserts that `text` holds each of `lines`, in that order; `what` names
/// the text in the message.
pub fn assert_in_order(text: &str, lines: &[&str], what: &str) {
    let mut from = 0;
    for line in lines {
        match text[from..].find(line) {
            Some(i) => from += i + line.len(),
            None => panic!("{what}: {line:?} missing or out of order in:\n{text}"),
        }
    }
}

/// A line of a PDF as mupdf reads it: its text, its left edge in points and
/// whether every character of it is set in a bold face.
#[derive(Debug)]
pub struct PdfLine {
    pub text: String,
    pub x: f32,
    pub right: f32,
    pub bold: bool,
}

/// The lines of a PDF, page after page, from `mutool draw -F stext`.
pub fn pdf_lines(pdf: &Path) -> Vec<PdfLine> {
    let xml = tool(
        "mutool",
        &[
            "draw",
            "-q",
            "-F",
            "stext",
            "-o",
            "-",
            pdf.to_str().unwrap(),
        ],
    );
    let mut lines: Vec<PdfLine> = Vec::new();
    let mut bold = false;
    for line in xml.lines() {
        let line = line.trim();
        if let Some(bbox) = line.strip_prefix("<line bbox=\"") {
            let edges: Vec<f32> = bbox
                .split(['"', ' '])
                .take(3)
                .map(|v| v.parse().unwrap())
                .collect();
            lines.push(PdfLine {
                text: String::new(),
                x: edges[0],
                right: edges[2],
                bold: true,
            });
        } else if let Some(rest) = line.strip_prefix("<font name=\"") {
            bold = rest.split('"').next().is_some_and(|n| n.contains("Bold"));
        } else if let Some(at) = line.find(" c=\"") {
            let c = decode_entity(line[at + 4..].split('"').next().unwrap_or(""));
            let last = lines.last_mut().expect("characters are inside a line");
            if !c.trim().is_empty() {
                last.bold &= bold;
            }
            last.text.push_str(&c);
        }
    }
    for l in &mut lines {
        l.text = normalize(&l.text);
    }
    lines
}

/// Removes the report files (`report.<lang>.yaml`) and resolution
/// translations (`resolution.<lang>.yaml`) of every language but `keep` from
/// a copy of the example, which has six.
pub fn keep_languages(dir: &Path, keep: &[&str]) {
    for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
        if keep.contains(&lang) {
            continue;
        }
        for name in [
            format!("report.{lang}.yaml"),
            format!("resolution.{lang}.yaml"),
        ] {
            let path = dir.join(name);
            if path.exists() {
                std::fs::remove_file(&path).unwrap();
            }
        }
    }
}
