//! The worked example's report: first page, forms, fonts, formats, layout details.

use crate::common::*;
use crate::languages::{letters, numbers_in, pdf_text_in, LANGS};

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
    require!("pdftotext");
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
    require!("pdftotext");
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
    require!("pdffonts", "qpdf");
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
    require!("pandoc", "pdftotext");
    for lang in LANGS {
        let raw_pdf = pdf_text_in(&example_out().join(format!("report.{lang}.pdf")), lang);
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
        // Compared by their letters and digits: the extractions of a PDF
        // and of a DOCX agree on those in every script, not on where
        // punctuation and spaces go in right-to-left text.
        // In Arabic, figures are compared away too: pdftotext gives a range
        // "2015–2016" in the order it is seen ("2016-2015"), which is right
        // to left as it should be.
        let letters = |t: &str| {
            let l = letters(t);
            if lang == "ar" {
                l.chars().filter(|c| !c.is_ascii_digit()).collect()
            } else {
                l
            }
        };
        let all_letters = letters(&pdf);
        // The body: without page numbers, the notes, nor running heads (in
        // that order: a note may cite the symbol).
        let page_numbers: Vec<String> = (1..=pages).map(|k| format!("{k}/{pages}")).collect();
        let numbered_pages: Vec<&str> = pdf
            .split(' ')
            .filter(|w| !page_numbers.iter().any(|p| p == w))
            .collect();
        let mut pdf_letters = letters(&numbered_pages.join(" "));
        for (i, (n, text)) in note_texts.iter().enumerate() {
            assert_eq!(*n, i as u32 + 1, "{lang}: footnotes out of order");
            let note = letters(text);
            assert!(
                all_letters.contains(&note),
                "{lang}: footnote {n} {text:?} not in the PDF"
            );
            // The note with its number, as it stands at the page's foot.
            let numbered = letters(&format!("{n} {text}"));
            pdf_letters = if pdf_letters.contains(&numbered) {
                pdf_letters.replacen(&numbered, "", 1)
            } else {
                pdf_letters.replacen(&note, "", 1)
            };
        }
        pdf_letters = pdf_letters.replace(&letters("E/CN.15/2017/7"), "");
        // Numbered paragraphs of the DOCX: "1. " or, in Arabic, "1 - ".
        let label = if lang == "ar" { " - " } else { ". " };
        let mut paragraphs = Vec::new();
        for block in body.split("\n\n") {
            let flat = normalize(block);
            let Some((n, rest)) = flat.split_once(label) else {
                continue;
            };
            if n.parse::<u32>().is_err() || rest.is_empty() {
                continue;
            }
            // pandoc writes raised letters (1er) as 1^(er), note calls as [n].
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
        assert_eq!(numbers.len(), numbers_in(&raw_pdf, lang).len(), "{lang}");
        // Each paragraph's text appears in the PDF, in order, once running
        // heads, page numbers and footnotes are taken out of the PDF's text.
        let mut from = 0;
        for (n, text) in &paragraphs {
            let needle = letters(text);
            match pdf_letters[from..].find(&needle) {
                Some(at) => from += at + needle.len(),
                None => panic!("{lang}: paragraph {n} of the DOCX is not in the PDF in order:\n{needle}\n---\n{pdf_letters}"),
            }
        }
    }
}

#[test]
fn docx_opens_in_libreoffice_and_uses_named_styles() {
    require!("pandoc", "pdftotext", "soffice");
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "fr"] {
        let docx = example_out().join(format!("report.{lang}.docx"));
        let pdf = libreoffice_pdf(&docx, dir.path());
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
    require!("pandoc", "pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let out = resolute(&[
        "render",
        "tests/fixtures/hostile",
        "--out-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    for lang in LANGS {
        let pdf = normalize(&pdf_text_in(
            &dir.path().join(format!("report.{lang}.pdf")),
            lang,
        ));
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

#[test]
fn snapshot_of_the_english_report() {
    require!("pdftotext");
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
    require!("pandoc", "pdftotext");
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

#[test]
fn pages_without_a_masthead_are_numbered_from_page_one_in_both_formats() {
    require!("pdftotext");
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
    require!("mutool");
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
    require!("mutool", "pandoc");
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
fn the_introduction_counts_the_paragraphs_it_describes() {
    // Progress on paragraph 1 only: the report describes one of the 11
    // operative paragraphs, not "each of the eleven".
    require!("pdftotext");
    let dir = example_copy();
    let path = dir.path().join("progress.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let cut = text
        .find("\n  - paragraph: 2\n")
        .expect("paragraph 2's entry");
    std::fs::write(&path, &text[..cut + 1]).unwrap();
    report_says(
        dir.path(),
        &[
            (
                "en",
                "under one of the 11 operative paragraphs of the resolution",
                "each of the",
            ),
            (
                "fr",
                "au titre d’un des 11 paragraphes du dispositif",
                "chacun des",
            ),
        ],
    );
}

#[test]
fn a_paragraph_that_calls_for_no_action_is_not_said_to_lack_one() {
    // Paragraph 2 of the example is "not applicable"; without its action the
    // report says it calls for none, not that none "has been reported".
    require!("pdftotext");
    let dir = example_copy();
    let path = dir.path().join("progress.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text
        .find("\n  - paragraph: 2\n")
        .expect("paragraph 2's entry");
    let actions = start + text[start..].find("    actions:\n").unwrap();
    let end = start + text[start..].find("\n\n  - paragraph: 3\n").unwrap();
    std::fs::write(&path, format!("{}{}", &text[..actions], &text[end + 1..])).unwrap();
    report_says(
        dir.path(),
        &[
            (
                "en",
                "Paragraph 2 calls for no action by",
                "No action has been reported under paragraph 2",
            ),
            (
                "fr",
                "Le paragraphe 2 n’appelle aucune mesure",
                "Aucune mesure n’a été signalée au titre du paragraphe 2",
            ),
        ],
    );
}

/// Renders the report of `dir` in each language and checks that its PDF
/// says the first words and not the second.
fn report_says(dir: &std::path::Path, cases: &[(&str, &str, &str)]) {
    for (lang, said, not_said) in cases {
        let out = render_kind(dir, "report", lang);
        let pdf = normalize(&pdf_text(&out.path().join(format!("report.{lang}.pdf"))));
        assert!(pdf.contains(said), "{lang}: {said:?} not in:\n{pdf}");
        assert!(!pdf.contains(not_said), "{lang}: {not_said:?} in:\n{pdf}");
    }
}

/// The links of `pdf`, as `pdfinfo -url` lists them: page and address.
fn links_of(pdf: &std::path::Path) -> Vec<(u32, String)> {
    tool("pdfinfo", &["-url", pdf.to_str().unwrap()])
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let page = words.next()?.parse().ok()?;
            Some((page, words.last()?.to_owned()))
        })
        .collect()
}

#[test]
fn symbols_and_resolution_numbers_link_to_their_documents_in_both_formats() {
    require!("pdfinfo", "soffice");
    let out = render_kind(&root().join(EXAMPLE), "report", "en");
    let pdf = links_of(&out.path().join("report.en.pdf"));
    let word = links_of(&libreoffice_pdf(
        &out.path().join("report.en.docx"),
        &out.path().join("lo"),
    ));
    // "In its resolution 2015/23" on page 1's summary and in the
    // introduction; the report's own symbol where the text cites it.
    assert!(
        pdf.contains(&(1, "https://undocs.org/E/RES/2015/23".into())),
        "{pdf:?}"
    );
    assert!(
        pdf.iter()
            .any(|(_, u)| u == "https://undocs.org/E/CN.15/2017/7"),
        "{pdf:?}"
    );
    // The illustrative references (UNODC/ILL/…) are no symbols of a series
    // the resolver knows, and the masthead's symbol is not a link.
    assert!(pdf.iter().all(|(_, u)| !u.contains("ILL")), "{pdf:?}");
    assert_eq!(word, pdf, "the DOCX links the same words on the same pages");
}

#[test]
fn links_false_prints_symbols_as_plain_text() {
    require!("pdfinfo");
    let dir = example_copy();
    append_line(&dir.path().join("report.en.yaml"), "links: false");
    let pdf = dir.path().join("out.pdf");
    render_file(dir.path(), "report", "en", &pdf);
    assert_eq!(links_of(&pdf), []);
    assert!(pdf_text(&pdf).contains("resolution 2015/23"));
}
