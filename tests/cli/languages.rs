//! The six official languages: each report's masthead and boilerplate, every
//! document of every kind and language with its fonts and glyphs, Arabic
//! right to left in both formats, Chinese without spaces between its
//! characters, and the PDF and the DOCX saying the same in every language.

use std::path::Path;

use crate::common::*;

/// The languages of the example, as its file names write them.
pub const LANGS: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// The kinds of document the example makes.
const KINDS: [&str; 5] = ["report", "table", "text", "handout", "compact"];

/// The bidirectional formatting characters pdftotext writes around runs of
/// another direction.
fn without_bidi_marks(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// The text of a PDF in `lang`: `-raw` keeps typst's order for left-to-right
/// text (see [`pdf_text`]); for Arabic it breaks every run apart, and the
/// reading order of plain pdftotext is the right one.
pub fn pdf_text_in(pdf: &Path, lang: &str) -> String {
    let raw = if lang == "ar" {
        tool("pdftotext", &[pdf.to_str().unwrap(), "-"])
    } else {
        pdf_text(pdf)
    };
    without_bidi_marks(&raw)
}

/// The numbers of the numbered paragraphs of a PDF's text, in order: "1.",
/// or, in Arabic, "1 -", which pdftotext gives as "- 1" (it writes the
/// number in the order it is seen).
pub fn numbers_in(text: &str, lang: &str) -> Vec<u32> {
    if lang != "ar" {
        return paragraph_numbers(text);
    }
    text.lines()
        .filter_map(|l| {
            let rest = l.trim_start().strip_prefix('-')?.trim_start();
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let after = &rest[digits.len()..];
            (!digits.is_empty() && after.starts_with(|c: char| !c.is_ascii_punctuation()))
                .then(|| digits.parse().ok())
                .flatten()
        })
        .collect()
}

/// Letters and digits only: what any two extractions of the same text agree
/// on, whatever they make of spaces, punctuation and direction.
pub fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[test]
fn every_report_prints_its_own_masthead_and_boilerplate() {
    require!("pdftotext");
    // LANGUAGES.md §1: Spanish translates the masthead block; Russian, Arabic
    // and Chinese keep it in English with the language's name in English.
    let expect: [(&str, &[&str]); 6] = [
        (
            "ar",
            &[
                "الأمــم المتحـدة",
                "المجلس الاقتصادي والاجتماعي",
                "Distr.: General",
                "1 March 2017",
                "Arabic",
                "Original: English",
                "تقرير الأمين العام",
                "موجز",
                "V.17-01234 (A)",
            ],
        ),
        (
            "zh",
            &[
                "联合国",
                "经济及社会理事会",
                "Distr.: General",
                "Chinese",
                "Original: English",
                "秘书长的报告",
                "摘要",
                "V.17-01234 (C)",
            ],
        ),
        (
            "en",
            &[
                "Distr.: General",
                "Original: English",
                "Report of the Secretary-General",
            ],
        ),
        (
            "fr",
            &[
                "Distr. générale",
                "Français",
                "Original : anglais",
                "Rapport du Secrétaire général",
            ],
        ),
        (
            "ru",
            &[
                "Организация Объединенных Наций",
                "Distr.: General",
                "1 March 2017",
                "Russian",
                "Original: English",
                "Доклад Генерального секретаря",
                "V.17-01234 (R)",
            ],
        ),
        (
            "es",
            &[
                "Naciones Unidas",
                "Distr. general",
                "1 de marzo de 2017",
                "Español",
                "Original: inglés",
                "Informe del Secretario General",
                "V.17-01234 (S)",
            ],
        ),
    ];
    for (lang, lines) in expect {
        let text = pdf_text_in(&example_out().join(format!("report.{lang}.pdf")), lang);
        let flat = normalize(&text);
        for line in lines {
            // pdftotext takes the brackets of a left-to-right run in Arabic
            // text apart ("V.17-01234 (A)" prints right, reads ")V.17-01234
            // (A"): there the letters are compared.
            let found = if lang == "ar" {
                letters(&flat).contains(&letters(line))
            } else {
                flat.contains(line)
            };
            assert!(found, "{lang}: {line:?} not in:\n{flat}");
        }
        // The English masthead lines are not there in translations that
        // keep their own.
        if lang == "es" {
            assert!(!flat.contains("Distr.: General"), "{lang}");
        }
        let numbers = numbers_in(&text, lang);
        assert!(numbers.len() >= 20, "{lang}: {numbers:?}");
        assert_eq!(
            numbers,
            (1..=numbers.len() as u32).collect::<Vec<_>>(),
            "{lang}: paragraphs are not numbered 1..N"
        );
    }
}

#[test]
fn every_kind_in_every_language_embeds_its_fonts_and_misses_no_glyph() {
    require!("pdftotext", "pdffonts", "qpdf", "pandoc");
    let mut seen = 0;
    for kind in KINDS {
        for lang in LANGS {
            let pdf = example_out().join(format!("{kind}.{lang}.pdf"));
            let docx = example_out().join(format!("{kind}.{lang}.docx"));
            let name = pdf.display().to_string();
            // typst refuses to write a PDF with a missing glyph (a test in
            // errors.rs shows it), so the PDF being here says none is.
            let fonts = tool("pdffonts", &[&name]);
            let rows: Vec<&str> = fonts.lines().skip(2).collect();
            assert!(!rows.is_empty(), "{name}: no fonts");
            for row in &rows {
                let cols: Vec<&str> = row.split_whitespace().collect();
                assert_eq!(cols[cols.len() - 5], "yes", "{name}: not embedded: {row}");
            }
            tool("qpdf", &["--check", &name]);
            // Every character the DOCX prints, past ASCII, the PDF prints
            // too: the fonts the DOCX names are the PDF's.
            let printed: std::collections::HashSet<char> =
                pdf_text_in(&pdf, lang).chars().collect();
            // (Format characters such as the word joiner print nothing.)
            // pandoc writes raised digits as ¹ ², which the PDF sets as
            // small digits.
            let format = |c: &char| matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '¹' | '²' | '³' | '\u{2070}'..='\u{209f}');
            let lacking: std::collections::BTreeSet<char> = docx_text(&docx)
                .chars()
                .filter(|c| {
                    !c.is_ascii() && !c.is_whitespace() && !format(c) && !printed.contains(c)
                })
                .collect();
            assert!(
                lacking.is_empty(),
                "{kind}.{lang}: the DOCX prints {lacking:?}, the PDF does not"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 30);
}

#[test]
fn the_arabic_report_reads_right_to_left_in_both_formats() {
    require!("mutool", "soffice");
    let docx = example_out().join("report.ar.docx");
    let xml = docx_xml(&docx);
    // The section, the paragraphs, the Arabic runs and the tables.
    let body = xml.split("<w:body>").nth(1).expect("a body");
    let (_, sect) = body.rsplit_once("<w:sectPr").expect("a section");
    assert!(sect.contains("<w:bidi/>"), "no w:bidi in the section");
    let paragraphs = body.matches("<w:p>").count() + body.matches("<w:p ").count();
    let bidi = body.matches("<w:bidi/>").count();
    assert!(
        bidi * 10 >= paragraphs * 8,
        "{bidi} of {paragraphs} paragraphs bidi"
    );
    assert!(body.contains("<w:rtl/>"), "no w:rtl run");
    for run in body.split("<w:r>").skip(1) {
        let run = run.split("</w:r>").next().unwrap();
        if run.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
            assert!(
                run.contains("<w:rtl/>"),
                "an Arabic run without w:rtl: {run}"
            );
        }
    }
    assert!(body.contains("<w:bidiVisual/>"), "no w:bidiVisual table");
    // The masthead's English block stays left to right.
    let styles = docx_part(&docx, "word/styles.xml");
    assert!(
        styles.contains("w:cs=\"Noto Naskh Arabic\""),
        "no Arabic font for complex script"
    );

    // First lines are set against the right margin: in typst's PDF and in
    // LibreOffice's rendering of the DOCX.
    let dir = tempfile::tempdir().unwrap();
    let word = libreoffice_pdf(&docx, dir.path());
    for (pdf, what) in [(example_out().join("report.ar.pdf"), "PDF"), (word, "DOCX")] {
        let lines = pdf_lines(&pdf);
        let first = lines
            .iter()
            .find(|l| {
                l.text
                    .chars()
                    .any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
            })
            .unwrap_or_else(|| panic!("{what}: no Arabic line"));
        let page_width = 595.0;
        assert!(
            first.x > page_width / 2.0 && first.right > page_width - 100.0,
            "{what}: the first Arabic line {:?} runs from {} to {}",
            first.text,
            first.x,
            first.right
        );
    }
}

#[test]
fn a_parallel_text_sets_each_column_in_its_own_direction() {
    // The Arabic handout sets Arabic beside English: in Word, the Arabic
    // column's paragraphs are bidi, the English one's are not.
    let xml = docx_xml(&example_out().join("handout.ar.docx"));
    let table = xml.split("<w:tbl>").nth(1).expect("a table");
    let row = table
        .split("<w:tr")
        .find(|r| r.contains("Recognizing"))
        .expect("the row of the first preambular paragraph");
    let cells: Vec<&str> = row.split("<w:tc>").skip(1).collect();
    assert_eq!(cells.len(), 2);
    let (arabic, english) = if cells[0].contains("Recognizing") {
        (cells[1], cells[0])
    } else {
        (cells[0], cells[1])
    };
    assert!(
        arabic.contains("<w:bidi/>") && arabic.contains("<w:rtl/>"),
        "{arabic}"
    );
    assert!(
        !english.contains("<w:bidi/>") && !english.contains("<w:rtl/>"),
        "{english}"
    );
}

#[test]
fn chinese_text_has_no_space_between_its_characters() {
    require!("pdftotext");
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for kind in KINDS {
        // Word's paragraphs one by one (a table's cells are paragraphs of
        // their own), and the PDF's lines where no table sets cells side by
        // side.
        let xml = docx_xml(&example_out().join(format!("{kind}.zh.docx")));
        let mut texts = vec![(docx_paragraphs(&xml).join("\n"), "DOCX")];
        if matches!(kind, "text" | "compact") {
            texts.push((
                pdf_text_in(&example_out().join(format!("{kind}.zh.pdf")), "zh"),
                "PDF",
            ));
        }
        for (text, what) in texts {
            for line in text.lines() {
                let chars: Vec<char> = line.chars().collect();
                for w in chars.windows(3) {
                    assert!(
                        !(han(w[0]) && w[1] == ' ' && han(w[2])),
                        "{kind} {what}: a space between Han characters in {line:?}"
                    );
                }
            }
        }
    }
}

/// The text of each paragraph of a part of a DOCX, from its `w:t` elements.
fn docx_paragraphs(xml: &str) -> Vec<String> {
    xml.split("</w:p>")
        .map(|p| {
            // `<w:t>` or `<w:t xml:space=…>`, not `<w:tbl>` or `<w:tc>`.
            p.split("<w:t")
                .skip(1)
                .filter(|t| t.starts_with(['>', ' ']))
                .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
                .map(|t| t.split("</w:t>").next().unwrap_or(""))
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect()
}
