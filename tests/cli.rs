//! Drives the real `resolute` binary on the worked example and on fixtures,
//! and reads what it writes with independent tools: poppler (pdftotext,
//! pdffonts), qpdf, pandoc and LibreOffice. `.ci/run` installs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const EXAMPLE: &str = "examples/ecosoc-2015-23";
const HOSTILE_PIECES: [&str; 10] = [
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

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn resolute(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resolute"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run resolute")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn tool(program: &str, args: &[&str]) -> String {
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
fn normalize(text: &str) -> String {
    text.replace('\u{2060}', "")
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdf_text(pdf: &Path) -> String {
    // -raw keeps the order in which typst drew the text (poppler's layout
    // analysis would pull hanging numbers into a column of their own).
    tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"])
}

fn docx_text(docx: &Path) -> String {
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
fn example_out() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("resolute-example-{}", std::process::id()));
        let out = resolute(&["render", EXAMPLE, "--out-dir", dir.to_str().unwrap()]);
        assert!(out.status.success(), "render failed: {}", stderr(&out));
        dir
    })
}

/// A copy of the worked example in a fresh temporary folder.
fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join(EXAMPLE)).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// Numbers at the start of lines written "N." followed by text, in order.
fn paragraph_numbers(text: &str) -> Vec<u32> {
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

#[test]
fn out_dir_writes_every_language_and_format() {
    let dir = example_out();
    for name in [
        "report.fr.pdf",
        "report.fr.docx",
        "report.en.pdf",
        "report.en.docx",
    ] {
        let meta = std::fs::metadata(dir.join(name)).unwrap_or_else(|_| panic!("{name} missing"));
        assert!(meta.len() > 10_000, "{name} is suspiciously small");
    }
}

#[test]
fn english_pdf_shows_the_un_first_page_and_numbered_paragraphs() {
    let text = pdf_text(&example_out().join("report.en.pdf"));
    let flat = normalize(&text);
    for expected in [
        "E/CN.15/2017/7",
        "United Nations",
        "Economic and Social Council",
        "Distr.: General",
        "1 March 2017",
        "Original: English",
        "Commission on Crime Prevention and Criminal Justice",
        "Twenty-sixth session",
        "Vienna, 22–26 May 2017",
        "Item 6 of the provisional agenda*",
        "Report of the Secretary-General",
        "Summary",
        "Contents",
        "I. Introduction",
        "II. Action taken under the resolution",
        "III. Contributions to and expenditures of the Fund",
        "* E/CN.15/2017/1.",
        "V.17-01234 (E)",
        "Illustrative example",
        "2/",
    ] {
        assert!(
            flat.contains(expected),
            "{expected:?} not in the PDF text:\n{text}"
        );
    }
    let numbers = paragraph_numbers(&text);
    let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
    assert!(
        numbers.len() >= 20,
        "too few numbered paragraphs: {numbers:?}"
    );
    assert_eq!(numbers, expected, "paragraph numbers have a gap or repeat");
}

#[test]
fn french_pdf_uses_the_french_forms() {
    let flat = normalize(&pdf_text(&example_out().join("report.fr.pdf")));
    for expected in [
        "Nations Unies",
        "Conseil économique et social",
        "Distr. générale",
        "1er mars 2017",
        "Original : anglais",
        "Vingt-sixième session",
        "Vienne, 22-26 mai 2017",
        "Point 6 de l’ordre du jour provisoire*",
        "Rapport du Secrétaire général",
        "Résumé",
        "Table des matières",
        "I. Introduction",
        "V.17-01234 (F)",
    ] {
        assert!(
            flat.contains(expected),
            "{expected:?} not in the French PDF text:\n{flat}"
        );
    }
}

#[test]
fn pdfs_embed_every_font_and_pass_qpdf() {
    for name in ["report.en.pdf", "report.fr.pdf"] {
        let path = example_out().join(name);
        let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{name}: no fonts listed");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type... emb sub uni object ID: emb is the fifth column from the end.
            assert_eq!(
                cols[cols.len() - 5],
                "yes",
                "{name}: font not embedded: {row}"
            );
        }
        tool("qpdf", &["--check", path.to_str().unwrap()]);
    }
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let out = resolute(&["render", EXAMPLE, "--out-dir", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    for name in [
        "report.en.pdf",
        "report.fr.pdf",
        "report.en.docx",
        "report.fr.docx",
    ] {
        let a = std::fs::read(example_out().join(name)).unwrap();
        let b = std::fs::read(dir.path().join(name)).unwrap();
        assert!(a == b, "{name} differs between two renders");
    }
}

#[test]
fn single_output_takes_format_from_extension_or_flag() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("r.pdf");
    let out = resolute(&[
        "render",
        EXAMPLE,
        "--kind",
        "report",
        "--lang",
        "fr",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let forced = dir.path().join("r.bin");
    let out = resolute(&[
        "render",
        EXAMPLE,
        "--lang",
        "en",
        "--format",
        "docx",
        "-o",
        forced.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&forced).unwrap().starts_with(b"PK"));
    let report_file = format!("{EXAMPLE}/report.en.yaml");
    let single = dir.path().join("single.pdf");
    let out = resolute(&["render", &report_file, "-o", single.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "a report file alone needs no --lang: {}",
        stderr(&out)
    );
}

#[test]
fn several_languages_without_lang_is_a_usage_error_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("r.pdf");
    let out = resolute(&["render", EXAMPLE, "-o", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--lang"), "{}", stderr(&out));
    assert!(!pdf.exists());
}

#[test]
fn pdf_and_docx_carry_the_same_paragraphs_and_footnotes() {
    for lang in ["en", "fr"] {
        let raw_pdf = pdf_text(&example_out().join(format!("report.{lang}.pdf")));
        let pages = raw_pdf.matches('\u{c}').count();
        let pdf = normalize(&raw_pdf);
        let docx = docx_text(&example_out().join(format!("report.{lang}.docx")));
        // pandoc prints footnote references as [n] and the notes at the end as "[n] text".
        let (body, notes) = docx.split_once("\n[1] ").expect("the DOCX has footnotes");
        let notes = format!("[1] {notes}");
        let mut note_texts = Vec::new();
        for block in notes.split("\n[").filter(|b| !b.trim().is_empty()) {
            let block = block.trim_start_matches('[');
            let (n, text) = block.split_once("] ").expect("note number");
            let n: u32 = n.parse().expect("note number");
            note_texts.push((n, normalize(text)));
        }
        assert!(
            note_texts.len() >= 10,
            "{lang}: too few footnotes in the DOCX"
        );
        for (i, (n, text)) in note_texts.iter().enumerate() {
            assert_eq!(*n, i as u32 + 1, "{lang}: footnotes out of order");
            assert!(
                pdf.contains(&format!("{n} {text}")),
                "{lang}: footnote {n} {text:?} not in the PDF"
            );
        }
        // Numbered paragraphs of the DOCX, with references written as the PDF writes them.
        let mut paragraphs = Vec::new();
        for block in body.split("\n\n") {
            let flat = normalize(block);
            let Some((n, rest)) = flat.split_once(". ") else {
                continue;
            };
            if n.parse::<u32>().is_err() || rest.is_empty() {
                continue;
            }
            // pandoc writes raised letters (1er) as 1^(er).
            let mut text = unraise(rest);
            for (k, _) in &note_texts {
                text = text.replace(&format!("[{k}]"), &k.to_string());
            }
            paragraphs.push((n.parse::<u32>().unwrap(), text));
        }
        let numbers: Vec<u32> = paragraphs.iter().map(|p| p.0).collect();
        assert_eq!(
            numbers,
            (1..=numbers.len() as u32).collect::<Vec<_>>(),
            "{lang}: DOCX numbering"
        );
        assert_eq!(
            numbers.len(),
            paragraph_numbers(&pdf_text(&example_out().join(format!("report.{lang}.pdf")))).len()
        );
        // Each paragraph's text appears in the PDF, in order, once running heads,
        // page numbers and footnotes are taken out of the PDF's text.
        let mut pdf_body = pdf.clone();
        for (n, text) in &note_texts {
            pdf_body = pdf_body.replacen(&format!("{n} {text}"), "", 1);
        }
        // Spaces are compared away: a PDF line may break after a dash, where
        // the extracted text then has a space the DOCX does not.
        let squeeze = |s: &str| s.replace(' ', "");
        let pdf_body = squeeze(&strip_page_furniture(&pdf_body, pages));
        let mut from = 0;
        for (n, text) in &paragraphs {
            let needle = squeeze(&format!("{n}. {text}"));
            match pdf_body[from..].find(&needle) {
                Some(at) => from += at + needle.len(),
                None => panic!("{lang}: paragraph {n} of the DOCX is not in the PDF in order:\n{needle}\n---\n{pdf_body}"),
            }
        }
    }
}

/// pandoc's plain text with raised letters ("1^(er)") written flat ("1er").
fn unraise(text: &str) -> String {
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

/// Removes running heads ("E/CN.15/2017/7") and page numbers ("3/5").
fn strip_page_furniture(text: &str, pages: usize) -> String {
    let page_numbers: Vec<String> = (1..=pages).map(|n| format!("{n}/{pages}")).collect();
    let mut out = Vec::new();
    for w in text.split(' ') {
        if w == "E/CN.15/2017/7" || page_numbers.iter().any(|p| p == w) {
            continue;
        }
        out.push(w);
    }
    out.join(" ")
}

#[test]
fn docx_opens_in_libreoffice_and_uses_named_styles() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "fr"] {
        let docx = example_out().join(format!("report.{lang}.docx"));
        let out = Command::new("soffice")
            .args([
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                dir.path().to_str().unwrap(),
            ])
            .arg(&docx)
            .env("HOME", dir.path())
            .output()
            .expect("LibreOffice is needed by this test (bash .ci/run installs it)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let pdf = dir.path().join(format!("report.{lang}.pdf"));
        let text = normalize(&pdf_text(&pdf));
        assert!(
            text.contains("E/CN.15/2017/7"),
            "LibreOffice's PDF lacks the symbol"
        );
        assert!(
            text.contains("1. "),
            "LibreOffice's PDF lacks numbered paragraphs"
        );
        let native = tool(
            "pandoc",
            &["-f", "docx+styles", "-t", "native", docx.to_str().unwrap()],
        );
        assert!(
            native.contains("custom-style"),
            "pandoc sees no named paragraph styles"
        );
    }
}

#[test]
fn hostile_text_is_printed_literally_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let out = resolute(&[
        "render",
        "tests/fixtures/hostile",
        "--out-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    for lang in ["en", "fr"] {
        let pdf = normalize(&pdf_text(&dir.path().join(format!("report.{lang}.pdf"))));
        let docx = normalize(&docx_text(&dir.path().join(format!("report.{lang}.docx"))));
        assert!(!pdf.contains("root:x:0:0"), "the PDF read /etc/passwd");
        assert!(!docx.contains("root:x:0:0"), "the DOCX read /etc/passwd");
        for piece in HOSTILE_PIECES {
            assert!(pdf.contains(piece), "{lang} PDF lost {piece:?}:\n{pdf}");
        }
        // pandoc escapes nothing in plain text, so the pieces read back as written.
        for piece in HOSTILE_PIECES {
            assert!(docx.contains(piece), "{lang} DOCX lost {piece:?}:\n{docx}");
        }
        let whole = "#read(\"/etc/passwd\") $x$ *a* _b_ ] <lbl> @ref \\ {{ x }} {% x %}";
        assert!(
            pdf.contains(&format!("Title {whole}")),
            "{lang} PDF title changed:\n{pdf}"
        );
        assert!(
            docx.contains(&format!("Title {whole}")),
            "{lang} DOCX title changed"
        );
    }
}

/// Runs `render` on a copy of the example with one change, and checks the
/// error: exit code, message, file:line:column, hint, and no output written.
fn expect_error(setup: impl FnOnce(&Path), extra: &[&str], code: i32, needles: &[&str]) -> String {
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
fn expect_progress_error(from: &str, to: &str, needles: &[&str]) -> String {
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

/// Renders one kind in one language of the folder `dir` into a fresh
/// temporary folder, which it returns; the render must succeed.
fn render_kind(dir: &Path, kind: &str, lang: &str) -> tempfile::TempDir {
    let out_dir = tempfile::tempdir().unwrap();
    let out = resolute(&[
        "render",
        dir.to_str().unwrap(),
        "--kind",
        kind,
        "--lang",
        lang,
        "--out-dir",
        out_dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    out_dir
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/errors").join(name)
}

#[test]
fn malformed_yaml_json_and_toml_name_file_line_and_column() {
    expect_error(
        |d| {
            std::fs::copy(fixture("malformed.yaml"), d.join("resolution.yaml")).unwrap();
        },
        &[],
        3,
        &["resolution.yaml:"],
    );
    expect_error(
        |d| {
            std::fs::remove_file(d.join("resolution.yaml")).unwrap();
            std::fs::copy(fixture("malformed.json"), d.join("resolution.json")).unwrap();
        },
        &[],
        3,
        &["resolution.json:3:"],
    );
    expect_error(
        |d| {
            std::fs::remove_file(d.join("resolution.yaml")).unwrap();
            std::fs::copy(fixture("malformed.toml"), d.join("resolution.toml")).unwrap();
        },
        &[],
        3,
        &["resolution.toml:4:"],
    );
}

#[test]
fn an_unknown_field_is_named_with_the_nearest_valid_one() {
    expect_progress_error(
        "    status: ",
        "    statut: ",
        &[
            "progress.yaml:",
            "unknown field `statut`",
            "did you mean `status`",
        ],
    );
}

#[test]
fn progress_for_a_paragraph_the_resolution_lacks_names_it_and_the_range() {
    expect_progress_error(
        "- paragraph: 10",
        "- paragraph: 12",
        &["progress.yaml:", "paragraph 12", "1 to 11"],
    );
}

#[test]
fn a_broken_template_names_the_template_and_line() {
    let templates = tempfile::tempdir().unwrap();
    std::fs::create_dir(templates.path().join("report")).unwrap();
    std::fs::copy(
        fixture("broken-template.md"),
        templates.path().join("report/en.md"),
    )
    .unwrap();
    let t = templates.path().to_str().unwrap().to_owned();
    expect_error(
        |_| {},
        &["--templates", &t],
        4,
        &["report/en.md:7:", "template error"],
    );
}

#[test]
fn a_typst_error_names_the_style_file_and_line() {
    let templates = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("broken-style.typ"), templates.path().join("un.typ")).unwrap();
    let t = templates.path().to_str().unwrap().to_owned();
    expect_error(
        |_| {},
        &["--templates", &t, "--format", "pdf"],
        5,
        &["un.typ:3:", "typesetting failed"],
    );
}

#[test]
fn the_typst_world_reads_only_the_report_folder_and_no_packages() {
    for (style, needle) in [
        ("read-outside.typ", "typesetting failed"),
        ("read-absolute.typ", "typesetting failed"),
        ("import-package.typ", "packages are not available"),
    ] {
        let templates = tempfile::tempdir().unwrap();
        std::fs::copy(fixture(style), templates.path().join("un.typ")).unwrap();
        let t = templates.path().to_str().unwrap().to_owned();
        let err = expect_error(
            |_| {},
            &["--templates", &t, "--format", "pdf"],
            5,
            &[needle],
        );
        assert!(!err.contains("root:x:0:0"), "{err}");
    }
    // A file of the report folder itself can be read.
    let templates = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("read-inside.typ"), templates.path().join("un.typ")).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = resolute(&[
        "render",
        EXAMPLE,
        "--templates",
        templates.path().to_str().unwrap(),
        "--format",
        "pdf",
        "--out-dir",
        out_dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_character_without_a_glyph_is_an_error_not_a_box() {
    expect_error(
        |d| {
            let path = d.join("report.en.yaml");
            let text = std::fs::read_to_string(&path).unwrap().replacen(
                "title: \"",
                "title: \"人口贩运 ",
                1,
            );
            std::fs::write(path, text).unwrap();
        },
        &["--format", "pdf"],
        5,
        &["no glyph", "U+4EBA", "report.en.yaml:"],
    );
}

#[test]
fn an_output_path_that_is_an_input_is_refused() {
    let dir = example_copy();
    let input = dir.path().join("report.en.yaml");
    let before = std::fs::read(&input).unwrap();
    let out = resolute(&[
        "render",
        dir.path().to_str().unwrap(),
        "--lang",
        "en",
        "--format",
        "pdf",
        "-o",
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the input was overwritten"
    );
}

#[test]
fn check_validates_and_schema_describes_the_files() {
    let out = resolute(&["check", EXAMPLE]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok"));
    let out = resolute(&["schema"]);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema is JSON");
    assert!(schema["resolution"]["properties"]["operative"].is_object());
    assert!(schema["report.<lang>"]["properties"]["job_number"].is_object());
}

#[test]
fn the_example_resolution_is_the_corpus_text() {
    // Every word of the corpus, page furniture aside, is in resolution.yaml, in order;
    // the footnote block's words are in its footnotes.
    let corpus = std::fs::read_to_string(root().join("../shared/corpus/E-RES-2015-23.fr.txt"))
        .expect("../shared/corpus/E-RES-2015-23.fr.txt is needed beside the repository");
    let yaml = std::fs::read_to_string(root().join(EXAMPLE).join("resolution.yaml")).unwrap();
    let (body, notes) = yaml
        .split_once("\nfootnotes:")
        .expect("resolution.yaml has footnotes");
    let mut in_notes = false;
    let (mut at, mut note_words) = (0, 0);
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
        for word in t.split_whitespace() {
            // Footnote markers are digits glued to words ("organisée1", "enfants2,").
            let w: String = word.chars().filter(|c| !c.is_ascii_digit()).collect();
            let w = w.trim_end_matches(['-', ',', ';', ':', '.']);
            if w.chars().count() < 4 || !w.chars().any(char::is_alphabetic) {
                continue;
            }
            if in_notes {
                assert!(
                    notes.contains(w),
                    "footnote word {w:?} not in the footnotes"
                );
                note_words += 1;
            } else {
                match body[at..].find(w) {
                    Some(i) => at += i + w.len(),
                    None => panic!("corpus word {w:?} not found in order in resolution.yaml"),
                }
            }
        }
    }
    assert!(
        note_words >= 8 && at > 5000,
        "the comparison saw too little text: {note_words} note words, {at} bytes"
    );
}

#[test]
fn the_example_has_the_counts_and_citations_of_the_resolution() {
    let project = resolute::project::Project::load(&root().join(EXAMPLE)).unwrap();
    let r = &project.resolution.0;
    assert_eq!(r.preamble.len(), 12);
    let letters: Vec<&str> = r.preamble[1]
        .subparagraphs
        .iter()
        .map(|s| s.letter.as_str())
        .collect();
    assert_eq!(letters, ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(r.operative.len(), 11);
    assert_eq!(r.footnotes.len(), 3);
    let cited = |m: &str| {
        r.citations()
            .iter()
            .filter(|c| c.marker == m)
            .map(|c| c.place.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        cited("1"),
        ["preambular paragraph 2 (a)", "operative paragraph 1"]
    );
    assert_eq!(
        cited("2"),
        ["preambular paragraph 2 (a)", "operative paragraph 1"]
    );
    assert_eq!(cited("3"), ["operative paragraph 3"]);
    let progress = &project.progress.as_ref().unwrap().0;
    assert!(
        progress.illustrative,
        "the example's progress data must be marked illustrative"
    );
    assert!(
        project.fund.as_ref().unwrap().0.illustrative,
        "the example's fund figures must be marked illustrative"
    );
    let mut tracked: Vec<u32> = progress.paragraphs.iter().map(|p| p.paragraph).collect();
    tracked.dedup();
    assert_eq!(
        tracked,
        (1..=11).collect::<Vec<_>>(),
        "progress for every operative paragraph"
    );
}

/// A copy of the example whose trust fund has so many donors that its table
/// runs over two pages or more.
fn long_table_example() -> tempfile::TempDir {
    let dir = example_copy();
    let mut fund = String::from("illustrative: true\nname: {en: Test Fund, fr: Fonds d’essai}\ncurrency: USD\ncontributions:\n");
    for i in 1..=90 {
        fund.push_str(&format!(
            "  - donor: \"Donor number {i}\"\n    year: {}\n    amount: {}\n",
            2015 + i % 2,
            1000 + i
        ));
    }
    fund.push_str("expenditures:\n  - purpose: Grants\n    year: 2016\n    amount: 5000\n");
    std::fs::write(dir.path().join("trust-fund.yaml"), fund).unwrap();
    dir
}

/// The pages (1-based) of a PDF whose text contains `needle`.
fn pages_with(pdf: &Path, needle: &str) -> Vec<usize> {
    pdf_text(pdf)
        .split('\u{c}')
        .enumerate()
        .filter(|(_, page)| page.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

#[test]
fn a_table_that_breaks_across_pages_repeats_its_header_in_both_formats() {
    let dir = long_table_example();
    let out = tempfile::tempdir().unwrap();
    let r = resolute(&[
        "render",
        dir.path().to_str().unwrap(),
        "--lang",
        "en",
        "--out-dir",
        out.path().to_str().unwrap(),
    ]);
    assert!(r.status.success(), "{}", stderr(&r));
    let pdf = out.path().join("report.en.pdf");
    let rows = pages_with(&pdf, "Donor number");
    assert!(rows.len() >= 2, "the table should span pages: {rows:?}");
    let heads = pages_with(&pdf, "Donor 2015 2016 Total");
    assert!(
        rows.iter().all(|p| heads.contains(p)),
        "PDF: header missing on a page with rows: {rows:?} vs {heads:?}"
    );
    // LibreOffice lays the DOCX out on its own: the header must repeat there too.
    let lo = tempfile::tempdir().unwrap();
    let docx = out.path().join("report.en.docx");
    let status = Command::new("soffice")
        .args([
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            lo.path().to_str().unwrap(),
        ])
        .arg(&docx)
        .env("HOME", lo.path())
        .output()
        .expect("LibreOffice");
    assert!(status.status.success());
    let lo_pdf = lo.path().join("report.en.pdf");
    let rows = pages_with(&lo_pdf, "Donor number");
    let heads = pages_with(&lo_pdf, "Donor 2015 2016 Total");
    assert!(
        rows.len() >= 2,
        "the DOCX table should span pages: {rows:?}"
    );
    assert!(
        rows.iter().all(|p| heads.contains(p)),
        "DOCX: header missing on a page with rows: {rows:?} vs {heads:?}"
    );
}

#[test]
fn docx_passes_the_openxml_schema_audit() {
    let hostile = tempfile::tempdir().unwrap();
    let r = resolute(&[
        "render",
        "tests/fixtures/hostile",
        "--format",
        "docx",
        "--out-dir",
        hostile.path().to_str().unwrap(),
    ]);
    assert!(r.status.success(), "{}", stderr(&r));
    let files = [
        example_out().join("report.en.docx"),
        example_out().join("report.fr.docx"),
        hostile.path().join("report.en.docx"),
    ];
    for file in files {
        let json = tool(
            "openxml-audit",
            &["-o", "json", "-m", "0", file.to_str().unwrap()],
        );
        let report: serde_json::Value =
            serde_json::from_str(&json).expect("openxml-audit prints JSON");
        let entry = &report[0];
        assert_eq!(
            entry["error_count"],
            0,
            "{}: {}",
            file.display(),
            serde_json::to_string_pretty(&entry["errors"]).unwrap()
        );
        assert_eq!(entry["valid"], true, "{}", file.display());
    }
}

/// Each paragraph of the DOCX body as "style | text", for a structural snapshot.
/// The text of a DOCX file's main part, `word/document.xml`.
fn docx_xml(docx: &Path) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    xml
}

fn docx_outline(docx: &Path) -> String {
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

#[test]
fn snapshot_of_the_english_report() {
    let pdf = pdf_text(&example_out().join("report.en.pdf"));
    let pages: Vec<String> = pdf
        .split('\u{c}')
        .map(|p| p.lines().map(str::trim_end).collect::<Vec<_>>().join("\n"))
        .collect();
    insta::assert_snapshot!("report_en_pdf_text", pages.join("\n--- page break ---\n"));
    insta::assert_snapshot!(
        "report_en_docx_outline",
        docx_outline(&example_out().join("report.en.docx"))
    );
}

#[test]
fn language_versions_share_their_paragraph_numbers() {
    // Language versions of a UN document must number their paragraphs alike.
    let en = paragraph_numbers(&pdf_text(&example_out().join("report.en.pdf")));
    let fr = paragraph_numbers(&pdf_text(&example_out().join("report.fr.pdf")));
    assert!(!en.is_empty());
    assert_eq!(
        en, fr,
        "the English and French reports number their paragraphs differently"
    );
    let notes = |lang: &str| {
        let text = docx_text(&example_out().join(format!("report.{lang}.docx")));
        text.split('[')
            .filter(|s| {
                s.split_once(']')
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
            })
            .count()
    };
    let (en_notes, fr_notes) = (notes("en"), notes("fr"));
    assert!(en_notes >= 10);
    assert_eq!(
        en_notes, fr_notes,
        "footnote counts differ between languages"
    );
}

// ---- import (issue 3) ----

const CORPUS: &str = "../shared/corpus/E-RES-2015-23.fr.txt";

/// Expected structure of each import fixture (see tests/fixtures/import/README.md):
/// file, preambular paragraphs, operative paragraphs, sub-paragraphs, footnotes, annexes.
const IMPORT_FIXTURES: [(&str, usize, usize, usize, usize, usize); 5] = [
    (CORPUS, 12, 11, 6, 3, 0),
    ("tests/fixtures/import/A-RES-79-69.en.txt", 4, 8, 5, 4, 0),
    ("tests/fixtures/import/A-RES-78-271.en.txt", 1, 7, 6, 2, 0),
    ("tests/fixtures/import/A-RES-80-3.en.txt", 1, 2, 0, 16, 1),
    (
        "tests/fixtures/import/S-RES-1498-2003.en.txt",
        8,
        3,
        0,
        0,
        0,
    ),
];

fn import_lib(path: &str) -> resolute::import::Import {
    resolute::import::import_file(
        &root().join(path),
        None,
        &resolute::assets::Assets::embedded(),
    )
    .unwrap_or_else(|e| panic!("{path}: {}", e.render()))
}

#[test]
fn importing_the_corpus_gives_the_worked_example_without_warnings() {
    let out = resolute(&["import", CORPUS]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.lines().any(|l| l.starts_with("warning")), "{err}");
    assert!(err.contains("12 preambular and 11 operative paragraphs, 6 sub-paragraphs, 3 footnotes cited 5 times"), "{err}");
    let mut imported: resolute::model::Resolution =
        serde_saphyr::from_str(&String::from_utf8_lossy(&out.stdout)).unwrap();
    let example = resolute::project::Project::load(&root().join(EXAMPLE))
        .unwrap()
        .resolution
        .0;
    // The printed text has no meeting line or date; the example adds them.
    assert_eq!(imported.meeting, None);
    imported.meeting = example.meeting.clone();
    imported.date = example.date;
    imported.source = example.source.clone();
    assert_eq!(
        imported, example,
        "the example's resolution.yaml is not what the import gives"
    );
    let cited = |m: &str| {
        imported
            .citations()
            .iter()
            .filter(|c| c.marker == m)
            .count()
    };
    assert_eq!((cited("1"), cited("2"), cited("3")), (2, 2, 1));
}

/// Alphanumeric runs, split where letters meet digits ("organisée1" → organisée, 1).
fn words(text: &str) -> Vec<String> {
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

fn model_words(r: &resolute::model::Resolution) -> Vec<String> {
    let mut texts: Vec<String> = vec![r.number.clone(), r.title.clone(), r.formula.clone()];
    for p in &r.preamble {
        texts.push(format!("{} {}", p.lead, p.text));
        for s in &p.subparagraphs {
            texts.push(format!(
                "{} {} {}",
                s.letter,
                s.lead.clone().unwrap_or_default(),
                s.text
            ));
        }
    }
    for p in &r.operative {
        texts.push(format!("{} {} {}", p.number, p.lead, p.text));
        for s in &p.subparagraphs {
            texts.push(format!(
                "{} {} {}",
                s.letter,
                s.lead.clone().unwrap_or_default(),
                s.text
            ));
        }
    }
    for f in &r.footnotes {
        texts.push(format!("{} {}", f.marker, f.text));
    }
    texts.extend(r.meeting.iter().map(|m| m.name.clone()));
    texts.extend(r.source.iter().cloned());
    for a in &r.annexes {
        texts.push(a.heading.clone());
        texts.extend(a.title.iter().cloned());
        texts.extend(a.paragraphs.iter().cloned());
    }
    texts.iter().flat_map(|t| words(t)).collect()
}

#[test]
fn every_imported_word_is_in_the_model_or_the_furniture_list() {
    for (path, pre, op, subs, notes, annexes) in IMPORT_FIXTURES {
        let input = std::fs::read_to_string(root().join(path)).unwrap();
        let imported = import_lib(path);
        let r = &imported.resolution;
        let sub_count: usize = r
            .preamble
            .iter()
            .map(|p| p.subparagraphs.len())
            .sum::<usize>()
            + r.operative
                .iter()
                .map(|p| p.subparagraphs.len())
                .sum::<usize>();
        assert_eq!(
            (
                r.preamble.len(),
                r.operative.len(),
                sub_count,
                r.footnotes.len(),
                r.annexes.len()
            ),
            (pre, op, subs, notes, annexes),
            "{path}: structure"
        );
        let numbers: Vec<u32> = r.operative.iter().map(|p| p.number).collect();
        assert_eq!(
            numbers,
            (1..=op as u32).collect::<Vec<_>>(),
            "{path}: numbering"
        );
        let mut available: std::collections::HashMap<String, i64> =
            std::collections::HashMap::new();
        for w in model_words(r) {
            *available.entry(w).or_default() += 1;
        }
        for d in &imported.dropped {
            for w in words(&d.text) {
                *available.entry(w).or_default() += 1;
            }
        }
        for j in &imported.joins {
            for w in words(&j.left).into_iter().chain(words(&j.right)) {
                *available.entry(w).or_default() += 1;
            }
        }
        let mut input_counts: std::collections::HashMap<String, i64> =
            std::collections::HashMap::new();
        for w in words(&input) {
            *input_counts.entry(w).or_default() += 1;
        }
        let total: i64 = input_counts.values().sum();
        let mut lost: Vec<(String, i64)> = input_counts
            .into_iter()
            .filter_map(|(w, n)| {
                let have = available.get(&w).copied().unwrap_or(0);
                // A marker glued to a figure ("20243" is 2024 and note 3) is two words in the model.
                let split = w.chars().all(|c| c.is_ascii_digit())
                    && (1..w.len()).any(|k| {
                        available.contains_key(&w[..k]) && available.contains_key(&w[k..])
                    });
                (n > have && !split).then(|| (w, n - have))
            })
            .collect();
        lost.sort();
        assert!(total > 150, "{path}: too few words to mean anything");
        assert!(
            lost.is_empty(),
            "{path}: words of the input missing from the model and the furniture: {lost:?}"
        );
    }
}

#[test]
fn akn_export_and_import_round_trip_every_imported_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let example = dir.path().join("example.yaml");
    std::fs::copy(root().join(EXAMPLE).join("resolution.yaml"), &example).unwrap();
    let mut resolutions = vec![(example.to_str().unwrap().to_owned(), None)];
    for (path, ..) in IMPORT_FIXTURES {
        let yaml = dir.path().join(format!(
            "{}.yaml",
            Path::new(path).file_stem().unwrap().to_str().unwrap()
        ));
        let out = resolute(&["import", path, "-o", yaml.to_str().unwrap()]);
        assert!(out.status.success(), "{path}: {}", stderr(&out));
        resolutions.push((yaml.to_str().unwrap().to_owned(), Some(path)));
    }
    for (yaml, _) in resolutions {
        let xml = format!("{yaml}.xml");
        let out = resolute(&["export", &yaml, "--to", "akn", "-o", &xml]);
        assert!(out.status.success(), "{yaml}: {}", stderr(&out));
        let again = resolute(&["export", &yaml, "--to", "akn"]);
        assert_eq!(
            std::fs::read(&xml).unwrap(),
            again.stdout,
            "{yaml}: two exports differ"
        );
        let back = format!("{yaml}.back.yaml");
        let out = resolute(&["import", &xml, "-o", &back]);
        assert!(out.status.success(), "{xml}: {}", stderr(&out));
        let original: resolute::model::Resolution =
            serde_saphyr::from_str(&std::fs::read_to_string(root().join(&yaml)).unwrap()).unwrap();
        let round: resolute::model::Resolution =
            serde_saphyr::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
        assert_eq!(
            original, round,
            "{yaml}: model → AKN → model lost something"
        );
    }
}

#[test]
fn an_imported_resolution_renders_without_hand_edits() {
    for (path, ..) in IMPORT_FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let out = resolute(&[
            "import",
            path,
            "-o",
            dir.path().join("resolution.yaml").to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{path}: {}", stderr(&out));
        std::fs::copy(
            root().join(EXAMPLE).join("report.en.yaml"),
            dir.path().join("report.en.yaml"),
        )
        .unwrap();
        let out_dir = tempfile::tempdir().unwrap();
        let out = resolute(&[
            "render",
            dir.path().to_str().unwrap(),
            "--out-dir",
            out_dir.path().to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{path}: {}", stderr(&out));
        assert!(
            out_dir.path().join("report.en.pdf").exists()
                && out_dir.path().join("report.en.docx").exists()
        );
    }
}

#[test]
fn unusable_import_input_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, [0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x00, 0x10]).unwrap();
    let big = dir.path().join("big.txt");
    let line = "The General Assembly, recalling everything it ever said, and more words here.\n";
    std::fs::write(&big, line.repeat(10 * 1024 * 1024 / line.len())).unwrap();
    let no_para = dir.path().join("nopara.txt");
    std::fs::write(&no_para, "74/1. A title\n\nThe General Assembly,\n\n Recalling its resolutions,\n\n Noting the report,\n").unwrap();
    for (file, needle) in [
        (&empty, "is empty"),
        (&binary, "binary"),
        (&big, "no enacting formula"),
        (&no_para, "no numbered operative paragraph"),
    ] {
        let start = std::time::Instant::now();
        let out = resolute(&["import", file.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{}: {err}", file.display());
        assert!(
            err.contains(needle) && err.contains("hint"),
            "{}: {err}",
            file.display()
        );
        assert!(!err.contains("panicked"));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "{} took too long",
            file.display()
        );
    }
}

#[test]
fn the_importer_survives_mangled_input() {
    // A deterministic stand-in for fuzzing in CI: thousands of cut, doubled and
    // corrupted versions of the fixtures must give a model or an error, never a panic.
    let assets = resolute::assets::Assets::embedded();
    let lexicons: Vec<_> = [resolute::model::Lang::En, resolute::model::Lang::Fr]
        .into_iter()
        .map(|l| resolute::import::lexicon::Lexicon::load(&assets, l).unwrap())
        .collect();
    let mut seed: u64 = 0x2015_0023;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (path, ..) in IMPORT_FIXTURES {
        let text = std::fs::read_to_string(root().join(path)).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for _ in 0..400 {
            let mut c = chars.clone();
            for _ in 0..(1 + next() % 8) {
                let at = (next() as usize) % c.len().max(1);
                match next() % 5 {
                    0 => c.truncate(at),
                    1 => {
                        let end = (at + (next() as usize % 200)).min(c.len());
                        c.drain(at..end);
                    }
                    2 => c.insert(
                        at.min(c.len()),
                        ['\n', '_', '1', ')', '(', '.', ' ', '-', '[', '^'][next() as usize % 10],
                    ),
                    3 => {
                        let end = (at + (next() as usize % 300)).min(c.len());
                        let piece: Vec<char> = c[at..end].to_vec();
                        c.splice(at..at, piece);
                    }
                    _ => c.reverse(),
                }
            }
            let mangled: String = c.into_iter().collect();
            let _ = resolute::import::text::import(&mangled, Path::new("mangled.txt"), &lexicons);
        }
    }
}

// ---- tables, consolidated texts and handouts (issue 4) ----

/// Runs of italic text in a PDF, read from the fonts of its characters
/// (`mutool draw -F stext`), joined into one string per run.
fn italic_runs(pdf: &Path) -> Vec<String> {
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

fn decode_entity(s: &str) -> String {
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

#[test]
fn out_dir_also_writes_tables_texts_and_handouts() {
    for kind in ["table", "text", "handout"] {
        for lang in ["en", "fr"] {
            for ext in ["pdf", "docx"] {
                let name = format!("{kind}.{lang}.{ext}");
                assert!(example_out().join(&name).is_file(), "{name} missing");
            }
        }
    }
}

#[test]
fn the_consolidated_text_matches_the_corpus_with_italic_leads() {
    let pdf = example_out().join("text.fr.pdf");
    // Footnote marks are digits glued to a word or its punctuation: drop them.
    let raw = normalize(&pdf_text(&pdf));
    let mut text = String::new();
    let mut prev = ' ';
    for c in raw.chars() {
        if !(c.is_ascii_digit() && (prev.is_alphabetic() || matches!(prev, ',' | ';'))) {
            text.push(c);
        }
        if !c.is_ascii_digit() {
            prev = c;
        }
    }
    // pdftotext may break the line after a raised mark: compare without spaces.
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let corpus = std::fs::read_to_string(root().join(CORPUS)).unwrap();
    // Every word of the corpus (page furniture and footnote block aside) is in
    // the PDF, in order; footnote markers are printed as superscript numbers.
    let mut at = 0;
    let mut in_notes = false;
    let mut count = 0;
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
        if in_notes {
            let note: String = t
                .split_once(' ')
                .map_or(t, |x| x.1)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            assert!(text.contains(&note), "footnote {t:?} missing");
            continue;
        }
        for word in t.split_whitespace() {
            let w: String = word
                .chars()
                .filter(|c| !c.is_ascii_digit() || word.chars().all(|c| !c.is_alphabetic()))
                .collect();
            let w = w.trim_end_matches('-');
            if w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) && w.len() == 1 {
                continue;
            }
            let w: String = w.chars().filter(|c| !c.is_whitespace()).collect();
            match text[at..].find(&w) {
                Some(i) => {
                    at += i + w.len();
                    count += 1;
                }
                None => panic!(
                    "corpus word {w:?} is not in text.fr.pdf in order (after {:?})",
                    &text[at.saturating_sub(80)..at]
                ),
            }
        }
    }
    assert!(count > 1000, "compared only {count} words");
    let italics = italic_runs(&pdf);
    for lead in [
        "Conscient",
        "Condamnant de nouveau fermement",
        "Souligne de nouveau",
        "Prie instamment",
        "Se félicite également",
    ] {
        assert!(
            italics.iter().any(|r| r == lead),
            "{lead:?} is not set in italics: {italics:?}"
        );
    }
    assert!(
        !italics.iter().any(|r| r.contains("Plan d’action")),
        "body text set in italics"
    );
}

#[test]
fn the_table_has_a_row_per_operative_paragraph_and_the_datas_status_counts() {
    let project = resolute::project::Project::load(&root().join(EXAMPLE)).unwrap();
    let progress = &project.progress.as_ref().unwrap().0;
    let docx = example_out().join("table.en.docx");
    let xml = docx_xml(&docx);
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    let main = tables.last().expect("tables");
    let rows: Vec<&str> = main
        .split("</w:tr>")
        .filter(|r| r.contains("<w:tc>"))
        .collect();
    assert_eq!(
        rows.len(),
        1 + 11,
        "a header row and 11 operative paragraphs"
    );
    assert!(
        rows[0].contains("<w:tblHeader"),
        "the header row repeats in Word"
    );
    assert!(!rows[1].contains("<w:tblHeader"));
    // The summary's counts are the data's.
    let outline = docx_outline(&docx);
    let labels = [
        "Completed",
        "Implemented — in progress",
        "Not implemented",
        "Not applicable",
        "No indication",
    ];
    let mut statuses: Vec<(resolute::model::Status, &str)> = resolute::model::Status::UN
        .into_iter()
        .zip(labels)
        .collect();
    // The example defines a status of its own, used once.
    assert_eq!(progress.statuses.len(), 1);
    let defined = &progress.statuses[0];
    statuses.push((
        resolute::model::Status::new(defined.key.clone()),
        defined.label.get(resolute::model::Lang::En),
    ));
    for (status, label) in statuses {
        let n = progress
            .paragraphs
            .iter()
            .filter(|p| p.status == status)
            .count();
        if n > 0 {
            let line = format!("[table] TableText | {label}\n  [table] TableText | {n}\n");
            assert!(
                outline.contains(&line),
                "summary lacks {label}: {n}\n{outline}"
            );
        }
    }
    // The defined status has its French label in the French table, in the
    // summary and in paragraph 7's row.
    let french = docx_outline(&example_out().join("table.fr.docx"));
    assert_eq!(
        french
            .matches("[table] TableText | Partiellement exécuté\n")
            .count(),
        2,
        "{french}"
    );
    // The PDF's header row is on every page the table runs over.
    let pdf = example_out().join("table.en.pdf");
    let pages = pages_with(&pdf, "UNODC");
    assert!(
        pages.len() >= 2,
        "the example table should run over pages: {pages:?}"
    );
    let heads = pages_with(&pdf, "Paragraph Provision Action taken");
    assert!(
        pages.iter().all(|p| heads.contains(p)),
        "header missing: rows on {pages:?}, header on {heads:?}"
    );
}

/// A copy of the worked example with a `resolutions/` folder holding the
/// import of each of `texts`.
fn compilation_copy(texts: &[&str]) -> tempfile::TempDir {
    let dir = example_copy();
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

#[test]
fn a_compilation_has_contents_with_correct_page_numbers() {
    let texts: Vec<&str> = IMPORT_FIXTURES[1..4].iter().map(|f| f.0).collect();
    let dir = compilation_copy(&texts);
    let out_dir = render_kind(dir.path(), "text", "en");
    let pdf = out_dir.path().join("text.en.pdf");
    let text = pdf_text(&pdf);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let contents = normalize(pages[0]);
    let mut checked = 0;
    for number in ["2015/23", "79/69", "78/271", "80/3"] {
        // The contents line: "2015/23. Title . . . 2"; its heading starts that page.
        let entry_start = contents
            .find(&format!("{number}. "))
            .unwrap_or_else(|| panic!("{number} not in contents: {contents}"));
        let after = &contents[entry_start..];
        let page: usize = after
            .split_whitespace()
            .find_map(|w| {
                w.trim_start_matches('\u{2060}')
                    .parse()
                    .ok()
                    .filter(|_| !w.contains('/'))
            })
            .expect("a page number");
        let heading_page = pages
            .iter()
            .position(|p| normalize(p).starts_with(&format!("{number}. ")))
            .map(|i| i + 1);
        assert_eq!(
            heading_page,
            Some(page),
            "{number}: contents says page {page}"
        );
        checked += 1;
    }
    assert_eq!(checked, 4);
    // The Word version carries a real contents field.
    let docx = out_dir.path().join("text.en.docx");
    let xml = docx_xml(&docx);
    assert!(xml.contains("TOC \\o"), "no TOC field in the DOCX");
}

#[test]
fn the_parallel_text_aligns_the_two_versions_paragraph_by_paragraph() {
    let docx = example_out().join("handout.fr.docx");
    let outline = docx_outline(&docx);
    let cells: Vec<&str> = outline
        .lines()
        .filter(|l| l.contains("[table]"))
        .map(|l| l.split(" | ").nth(1).unwrap_or(""))
        .collect();
    // Pairs: header, heading, formula, 12 preambular + 6 sub-paragraphs, 11 operative,
    // meeting, and the footnotes of each language.
    assert_eq!(
        cells.len(),
        2 * (1 + 1 + 1 + 12 + 6 + 11 + 1 + 1),
        "{outline}"
    );
    let pairs: Vec<(&str, &str)> = cells.chunks(2).map(|c| (c[0], c[1])).collect();
    assert_eq!(pairs[0], ("Français", "Anglais"));
    for n in 1..=11 {
        let row = pairs
            .iter()
            .find(|(l, _)| l.starts_with(&format!("{n}. ")))
            .unwrap_or_else(|| panic!("no row {n}"));
        assert!(
            row.1.starts_with(&format!("{n}. ")),
            "row {n} pairs {row:?}"
        );
    }
    // Each column keeps the footnote numbers of its own printed text: 1, 2, 3.
    let notes = pairs.last().unwrap();
    assert!(
        notes.0.starts_with("1 Nations Unies") && notes.1.starts_with("1 United Nations"),
        "{notes:?}"
    );
    let plain = normalize(&docx_text(&docx));
    assert!(
        plain.contains("³ Résolution 64/293")
            && plain.contains("³ General Assembly resolution 64/293"),
        "{plain}"
    );
    for letter in ["a", "b", "c", "d", "e", "f"] {
        assert!(pairs
            .iter()
            .any(|(l, r)| l.starts_with(&format!("{letter}) "))
                && r.starts_with(&format!("({letter}) "))));
    }
}

#[test]
fn libreoffice_reads_every_kind_like_the_pdf() {
    let lo = tempfile::tempdir().unwrap();
    for name in ["table.fr", "text.en", "handout.en"] {
        let docx = example_out().join(format!("{name}.docx"));
        let out = Command::new("soffice")
            .args([
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                lo.path().to_str().unwrap(),
            ])
            .arg(&docx)
            .env("HOME", lo.path())
            .output()
            .expect("LibreOffice");
        assert!(out.status.success());
        // A compound broken at a line end ("high-" / "level") is one word again.
        let from_word =
            normalize(&pdf_text(&lo.path().join(format!("{name}.pdf")))).replace("- ", "-");
        let ours =
            normalize(&pdf_text(&example_out().join(format!("{name}.pdf")))).replace("- ", "-");
        // Every word of our PDF (page numbers aside) is in LibreOffice's reading
        // of the DOCX: the same headings, paragraphs, cells and notes.
        let theirs: std::collections::HashSet<&str> = from_word.split(' ').collect();
        let words: Vec<&str> = ours
            .split(' ')
            .filter(|w| w.chars().count() >= 5 && !w.contains('/'))
            .collect();
        assert!(words.len() > 300, "{name}: too few words to compare");
        let missing: Vec<&&str> = words.iter().filter(|w| !theirs.contains(*w)).collect();
        assert!(
            missing.is_empty(),
            "{name}: LibreOffice's rendering lacks {missing:?}"
        );
    }
}

#[test]
fn a_csv_and_an_xlsx_of_the_same_progress_give_the_same_table() {
    let mut outlines = Vec::new();
    for ext in ["csv", "xlsx"] {
        let dir = example_copy();
        std::fs::remove_file(dir.path().join("progress.yaml")).unwrap();
        for name in [format!("progress.{ext}"), "statuses.yaml".to_owned()] {
            std::fs::copy(
                root().join("tests/fixtures/sheets").join(&name),
                dir.path().join(name),
            )
            .unwrap();
        }
        let out_dir = tempfile::tempdir().unwrap();
        let out = resolute(&[
            "render",
            dir.path().to_str().unwrap(),
            "--kind",
            "table",
            "--lang",
            "en",
            "--out-dir",
            out_dir.path().to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{ext}: {}", stderr(&out));
        let outline = docx_outline(&out_dir.path().join("table.en.docx"));
        assert!(
            outline.matches("[table] TableText | ").count() > 60,
            "{ext}: {outline}"
        );
        outlines.push(outline);
        let pdf = normalize(&pdf_text(&out_dir.path().join("table.en.pdf")));
        outlines.push(pdf);
    }
    assert_eq!(
        outlines[0], outlines[2],
        "the CSV and XLSX tables differ in the DOCX"
    );
    assert_eq!(
        outlines[1], outlines[3],
        "the CSV and XLSX tables differ in the PDF"
    );
}

#[test]
fn a_bad_spreadsheet_row_names_the_file_row_and_column() {
    let dir = example_copy();
    std::fs::remove_file(dir.path().join("progress.yaml")).unwrap();
    let csv = std::fs::read_to_string(root().join("tests/fixtures/sheets/progress.csv")).unwrap();
    let broken = csv.replacen("2016-03-15", "2016-13-15", 1);
    assert_ne!(csv, broken, "the fixture changed: adjust this test");
    std::fs::write(dir.path().join("progress.csv"), broken).unwrap();
    let out = resolute(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("progress.csv:")
            && err.contains("row ")
            && err.contains("2016-13-15")
            && err.contains("hint"),
        "{err}"
    );
}

#[test]
fn a_table_of_several_resolutions_groups_rows_under_a_heading_per_resolution() {
    let dir = compilation_copy(&[IMPORT_FIXTURES[1].0, IMPORT_FIXTURES[2].0]);
    let progress = dir.path().join("progress.yaml");
    let mut yaml = std::fs::read_to_string(&progress).unwrap();
    // An entry may name the folder's own resolution too.
    yaml = yaml.replacen(
        "  - paragraph: 1\n",
        "  - resolution: \"2015/23\"\n    paragraph: 1\n",
        1,
    );
    yaml.push_str(
        "\n  - resolution: \"79/69\"\n    paragraph: 2\n    topic: illustrative\n    status: completed\n\
         \n  - resolution: \"79/69\"\n    paragraph: 5\n    topic: illustrative\n    status: partially-implemented\n\
         \n  - resolution: \"79/69\"\n    paragraph: 4\n    subparagraph: b\n    topic: illustrative\n    status: in-progress\n",
    );
    std::fs::write(&progress, &yaml).unwrap();
    let out_dir = render_kind(dir.path(), "table", "en");

    // Word: the summary, then one table per resolution, each with its
    // header row and a row per operative paragraph, under its heading.
    let docx = out_dir.path().join("table.en.docx");
    let xml = docx_xml(&docx);
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    assert_eq!(tables.len(), 4, "a summary and three resolution tables");
    for (table, paragraphs) in tables[1..].iter().zip([11, 7, 9]) {
        let rows: Vec<&str> = table
            .split("</w:tr>")
            .filter(|r| r.contains("<w:tc>"))
            .collect();
        assert_eq!(rows.len(), 1 + paragraphs);
        assert!(rows[0].contains("<w:tblHeader"));
    }
    let outline = docx_outline(&docx);
    let headings: Vec<&str> = outline
        .lines()
        .filter(|l| l.starts_with("Heading3 | Resolution "))
        .collect();
    assert_eq!(headings.len(), 3, "{outline}");
    for (h, number) in headings.iter().zip(["2015/23", "78/271", "79/69"]) {
        assert!(
            h.starts_with(&format!("Heading3 | Resolution {number}: ")),
            "{h}"
        );
    }
    assert!(outline.contains("Implementation of resolutions 2015/23, 78/271 and 79/69"));
    // Resolutions come in the order of their files' names.
    // The summary counts each resolution's paragraphs by status: 79/69 has
    // one completed, one partially implemented and six without indication.
    let summary: Vec<&str> = outline
        .lines()
        .skip_while(|l| !l.contains("TableHeading | Status"))
        .take_while(|l| !l.starts_with("Heading3"))
        .map(|l| l.rsplit(" | ").next().unwrap())
        .collect();
    let row = |label: &str| -> Vec<&str> {
        let at = 5 + summary[5..]
            .iter()
            .position(|c| *c == label)
            .unwrap_or_else(|| panic!("{label}: {summary:?}"));
        summary[at + 1..at + 5].to_vec()
    };
    assert_eq!(
        &summary[..5],
        ["Status", "2015/23", "78/271", "79/69", "Total"]
    );
    let own = |key: &str| {
        let project = resolute::project::Project::load(dir.path()).unwrap();
        let p = &project.progress.unwrap().0;
        p.paragraphs
            .iter()
            .filter(|e| {
                e.other_resolution("2015/23").is_none()
                    && e.status.key() == key
                    && e.subparagraph.is_none()
            })
            .count()
    };
    // Each status's own count, then 78/271's and 79/69's, then the total.
    for (label, key, others) in [
        ("Completed", "completed", [0, 1]),
        ("Implemented — in progress", "in-progress", [0, 1]),
        ("Partially implemented", "partially-implemented", [0, 1]),
        ("No indication", "no-indication", [7, 5]),
    ] {
        let own = own(key);
        let total = own + others[0] + others[1];
        let expected = [own, others[0], others[1], total].map(|n| n.to_string());
        assert_eq!(row(label), expected, "{label}");
    }
    assert_eq!(row("Total"), ["11", "7", "8", "26"]);
    // 79/69's paragraph 4 is followed through its sub-paragraph (b): the
    // summary counts provisions, the paragraph's row refers to the
    // sub-paragraphs and quotes those without a row of their own.
    assert!(
        outline.contains("Of the 26 provisions in the table"),
        "{outline}"
    );
    let project = resolute::project::Project::load(dir.path()).unwrap();
    let r7969 = &project
        .compilation
        .iter()
        .find(|(r, _)| r.number == "79/69")
        .unwrap()
        .0;
    let subs = &r7969.paragraph(4).unwrap().subparagraphs;
    assert_eq!(subs.len(), 5);
    for s in subs {
        let start: String = s.text.chars().take(30).collect();
        let times = xml.matches(start.as_str()).count();
        assert_eq!(
            times, 1,
            "({}) {start:?} is in the table {times} times",
            s.letter
        );
    }
    assert!(
        outline.contains("[table] TableText | See sub-paragraphs\n"),
        "{outline}"
    );
    assert!(outline.contains("[table] TableText | 4 (b)\n"), "{outline}");

    // The PDF has the same headings, and a header row on each table.
    let text = normalize(&pdf_text(&out_dir.path().join("table.en.pdf")));
    for number in ["2015/23", "78/271", "79/69"] {
        assert!(text.contains(&format!("Resolution {number}: ")), "{number}");
    }
    assert!(text.matches("Paragraph Provision Action taken").count() >= 3);
    assert!(
        !text.contains("quoted in"),
        "the English table quotes English"
    );
    // 78/271 has no entries, and the table says so, once.
    assert_eq!(
        text.matches("The progress data records nothing on this resolution yet.")
            .count(),
        1
    );
    // In French, the two English-only resolutions say that they are quoted
    // in English.
    let out = resolute(&[
        "render",
        dir.path().to_str().unwrap(),
        "--kind",
        "table",
        "--lang",
        "fr",
        "-o",
        out_dir.path().join("table.fr.pdf").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let french = normalize(&pdf_text(&out_dir.path().join("table.fr.pdf")));
    assert_eq!(
        french
            .matches("Les dispositions sont citées en anglais")
            .count(),
        2,
        "{french}"
    );

    // An entry about a resolution the folder lacks is refused, where it is.
    std::fs::write(&progress, yaml.replacen("\"79/69\"", "\"80/3\"", 1)).unwrap();
    let out = resolute(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    let line = yaml.lines().position(|l| l.contains("\"79/69\"")).unwrap() + 1;
    assert!(err.contains(&format!("progress.yaml:{line}:5")), "{err}");
    assert!(
        err.contains("about resolution 80/3, which is not in the folder"),
        "{err}"
    );
    assert!(err.contains("2015/23, 78/271, 79/69"), "{err}");
}

#[test]
fn an_undefined_status_is_an_error_naming_the_nearest() {
    expect_progress_error(
        "status: partially-implemented",
        "status: partialy-implemented",
        &[
            "progress.yaml:",
            "`partialy-implemented`, which is not defined",
            "did you mean `partially-implemented`?",
        ],
    );
}

#[test]
fn pages_without_a_masthead_are_numbered_from_page_one_in_both_formats() {
    for kind in ["table", "text", "handout"] {
        let pdf = example_out().join(format!("{kind}.en.pdf"));
        let text = pdf_text(&pdf);
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        let first = normalize(pages[0]);
        assert!(
            first.ends_with(&format!("1/{}", pages.len())),
            "{kind}: page 1 of the PDF ends {:?}",
            &first[first.len().saturating_sub(40)..]
        );
        // Word: no different first page, so page 1 has the numbered footer.
        let xml = docx_xml(&example_out().join(format!("{kind}.en.docx")));
        assert!(!xml.contains("<w:titlePg"), "{kind}");
    }
    // The report's page 1 carries the masthead footer instead.
    let xml = docx_xml(&example_out().join("report.en.docx"));
    assert!(xml.contains("<w:titlePg"));
}

#[test]
fn preambular_paragraphs_open_with_an_indent_in_both_formats() {
    // Word: the formula and the 12 preambular paragraphs have the style.
    let xml = docx_xml(&example_out().join("text.fr.docx"));
    assert_eq!(
        xml.matches("<w:pStyle w:val=\"PreambularParagraph\" />")
            .count()
            + xml
                .matches("<w:pStyle w:val=\"PreambularParagraph\"/>")
                .count(),
        13
    );
    // PDF: the first line of "Conscient de la portée …" starts a tab (0.635
    // cm, 18 pt) to the right of its second line.
    let pdf = example_out().join("text.fr.pdf");
    let stext = tool(
        "mutool",
        &["draw", "-F", "stext", "-o", "-", pdf.to_str().unwrap(), "1"],
    );
    let lines: Vec<(f32, String)> = stext
        .split("<line ")
        .skip(1)
        .map(|l| {
            let x: f32 = l
                .split("bbox=\"")
                .nth(1)
                .and_then(|b| b.split(' ').next())
                .and_then(|x| x.parse().ok())
                .unwrap();
            let text: String = l
                .split("c=\"")
                .skip(1)
                .filter_map(|c| c.split('"').next())
                .collect();
            (x, text)
        })
        .collect();
    let at = lines
        .iter()
        .position(|(_, t)| t.starts_with("Conscient"))
        .expect("the first preambular paragraph");
    let shift = lines[at].0 - lines[at + 1].0;
    assert!(
        (shift - 18.0).abs() < 1.0,
        "first line shifted by {shift} pt"
    );
}

#[test]
fn french_ordinals_have_raised_letters_in_both_formats() {
    // Word: pandoc sees superscript runs (and writes them as ^(…)).
    let docx = docx_text(&example_out().join("text.fr.docx"));
    assert!(docx.contains("45^(e) séance plénière"), "{docx}");
    let report = docx_text(&example_out().join("report.fr.docx"));
    assert!(report.contains("1^(er) décembre 2015"), "{report}");
    // PDF: the "e" of "45e" is set smaller than the figures, and higher.
    let pdf = example_out().join("text.fr.pdf");
    let stext = tool(
        "mutool",
        &["draw", "-F", "stext", "-o", "-", pdf.to_str().unwrap()],
    );
    let mut chars: Vec<(String, f32, f32)> = Vec::new();
    for font in stext.split("<font ").skip(1) {
        let size: f32 = font
            .split("size=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .unwrap();
        for c in font.split("<char ").skip(1) {
            let attr = |name: &str| {
                c.split(&format!(" {name}=\""))
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                    .unwrap_or("")
                    .to_owned()
            };
            chars.push((attr("c"), size, attr("y").parse().unwrap_or(0.0)));
        }
    }
    let at = chars
        .windows(4)
        .position(|w| w[0].0 == "4" && w[1].0 == "5" && w[2].0 == "e" && w[3].0 == " ")
        .expect("45e in the PDF");
    let (five, e) = (&chars[at + 1], &chars[at + 2]);
    assert!(e.1 < 0.8 * five.1, "size of e {} vs 5 {}", e.1, five.1);
    assert!(e.2 < five.2, "the e is not raised: y {} vs {}", e.2, five.2);
}

#[test]
fn a_csv_beside_an_xlsx_is_refused() {
    expect_error(
        |d| {
            std::fs::remove_file(d.join("progress.yaml")).unwrap();
            for name in ["progress.csv", "progress.xlsx", "statuses.yaml"] {
                std::fs::copy(
                    root().join("tests/fixtures/sheets").join(name),
                    d.join(name),
                )
                .unwrap();
            }
        },
        &[],
        3,
        &[
            "two progress spreadsheets",
            "keep either progress.csv or progress.xlsx",
        ],
    );
}

#[test]
fn a_row_longer_than_a_page_breaks_instead_of_running_off_it() {
    let dir = example_copy();
    let path = dir.path().join("progress.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let long: String = (1..=120)
        .map(|i| format!("held training session {i} for officials of the region, "))
        .collect();
    let changed = yaml.replacen(
        "en: \"convened a regional workshop",
        &format!("en: \"{long}and finally marked its closing words ENDOFLONGACTION, and convened a regional workshop"),
        1,
    );
    assert_ne!(yaml, changed, "the example changed: adjust this test");
    std::fs::write(&path, changed).unwrap();
    let out_dir = render_kind(dir.path(), "table", "en");
    // Every word of the long row is printed, over more than one page.
    let pdf = out_dir.path().join("table.en.pdf");
    let text = normalize(&pdf_text(&pdf));
    assert!(
        text.contains("ENDOFLONGACTION"),
        "the end of the row is lost"
    );
    assert!(text.contains("held training session 120 for"));
    let first = pages_with(&pdf, "held training session 1 for");
    let last = pages_with(&pdf, "ENDOFLONGACTION");
    assert!(
        last[0] > first[0],
        "one page holds it all: {first:?} {last:?}"
    );
    // Word may split that row, and only that one.
    let xml = docx_xml(&out_dir.path().join("table.en.docx"));
    let rows: Vec<&str> = xml
        .split("</w:tr>")
        .filter(|r| r.contains("held training session") || r.contains("UNODC"))
        .collect();
    for row in rows {
        assert_eq!(
            row.contains("<w:cantSplit"),
            !row.contains("ENDOFLONGACTION"),
            "only the long row may split"
        );
    }
}

#[test]
fn a_report_on_sub_paragraphs_counts_provisions_and_keeps_each_note() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "fr"] {
        let name = format!("report.{lang}.yaml");
        std::fs::copy(root().join(EXAMPLE).join(&name), dir.path().join(&name)).unwrap();
    }
    let out = resolute(&[
        "import",
        IMPORT_FIXTURES[1].0,
        "-o",
        dir.path().join("resolution.yaml").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let entry = |sub: &str, status: &str, reference: &str| {
        format!(
            "  - paragraph: 4\n    subparagraph: {sub}\n    topic: part {sub}\n    status: {status}\n    actions:\n      - entity: UNODA\n        date: 2025-01-02\n        text: acted\n        references: [\"{reference}\"]\n"
        )
    };
    let progress = format!(
        "illustrative: true\nresolution: \"79/69\"\nparagraphs:\n  - paragraph: 2\n    topic: yearbook\n    status: completed\n{}{}",
        entry("a", "completed", "Illustrative note A"),
        entry("b", "in-progress", "Illustrative note B"),
    );
    std::fs::write(dir.path().join("progress.yaml"), progress).unwrap();
    let pdf = dir.path().join("out.pdf");
    let out = resolute(&[
        "render",
        dir.path().to_str().unwrap(),
        "--kind",
        "report",
        "--lang",
        "en",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = normalize(&pdf_text(&pdf));
    assert!(
        text.contains("Of the three provisions followed (operative paragraphs, and sub-paragraphs followed on their own), two are recorded as “completed” and one is recorded as “implemented — in progress”."),
        "{text}"
    );
    // Paragraph 4 (a) and 4 (b) each keep their own footnote.
    assert!(text.contains("Illustrative note A."), "{text}");
    assert!(text.contains("Illustrative note B."), "{text}");
}
