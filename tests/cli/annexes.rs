//! The second worked example, `examples/security-council-illustrative`: a
//! report to the Security Council whose body is the office's own narrative,
//! ending in "Observations", with three annexes (the implementation table, a
//! table with a lettered note, and an annex written in French).

use crate::common::*;

const FOLDER: &str = "examples/security-council-illustrative";

#[test]
fn the_security_council_example_has_its_narrative_and_annexes_in_both_formats() {
    require!("pdftotext", "soffice");
    let out = render_kind(&root().join(FOLDER), "report", "en");
    let pdf = normalize(&pdf_text(&out.path().join("report.en.pdf")));
    let docx_file = out.path().join("report.en.docx");
    let word = normalize(&pdf_text(&libreoffice_pdf(
        &docx_file,
        &out.path().join("lo"),
    )));
    for (format, text) in [("PDF", &pdf), ("DOCX", &word)] {
        assert_in_order(
            text,
            &[
            "Security Council",
            "United Nations Illustrative Mission",
            "Report of the Secretary-General",
            "(for the period from 15 January 2026 to 1 July 2026)",
            "I. Introduction",
            "1. The present report is submitted pursuant to paragraph 6 of Security Council resolution 9901 (2026)",
            "III. Implementation of the mandate",
            "Of the seven operative paragraphs of the resolution",
            // Actions without references are paragraphs of their own too.
            "6. On 15 March 2026, UNIM deployed its first police units",
            "7. On 30 May 2026, UNIM reached",
            "V. Observations",
            "In conclusion, I thank",
            // The implementation table, as an annex of the report.
            "Annex I",
            "Implementation of resolution 9901 (2026), paragraph by paragraph",
            "Of the seven operative paragraphs of the resolution:",
            "Paragraph Provision Action taken",
            "Annex II",
            "Composition and strength of the police and military components",
            "Including the personnel of two engineering companies",
            "Annex III",
            "Electoral timetable proposed by the national electoral authority",
            "[Original: French]",
            // An annex numbers its paragraphs anew.
            "1. The national electoral authority proposes",
            "The authority's letter of 20 June 2026",
            ],
            format,
        );
        // The job number at the foot of page 1, with its date as DDMMYY.
        assert!(text.contains("26-99999 (E) 170726"), "{format}: {text}");
        for absent in ["Summary", "Contents", "session", "agenda"] {
            assert!(
                !text.contains(absent),
                "{format}: {absent:?} must not be there"
            );
        }
    }
    // The annexes' notes are lettered: Word prints a mark of their own
    // (a custom mark), and the PDF cites "a", not a number.
    let document = docx_part(&docx_file, "word/document.xml");
    assert_eq!(
        document.matches(r#"w:customMarkFollows="1""#).count(),
        1,
        "the note in annex III (the one in annex II's table goes under the table)"
    );
    assert!(pdf.contains("three months.a"), "{pdf}");
    assert!(pdf.contains("a The authority's letter"), "{pdf}");
}

#[test]
fn the_addendum_and_corrigendum_examples_print_their_headings_in_both_formats() {
    require!("pdftotext", "soffice");
    for (folder, lines) in [
        (
            "examples/security-council-illustrative-addendum",
            &[
                "S/2026/999/Add.1",
                "United Nations Illustrative Mission",
                "Report of the Secretary-General",
                "Addendum",
                "1. In paragraph 9 of my report",
                "Annex",
                "Cost estimates for the extension",
                "Total 412 600",
            ][..],
        ),
        (
            "examples/security-council-illustrative-corrigendum",
            &[
                "S/2026/999/Corr.1",
                "United Nations Illustrative Mission",
                "(for the period from 15 January 2026 to 1 July 2026)",
                "Corrigendum",
                "1. Paragraph 6",
                "The second sentence should read",
                "2. Annex II",
                "For 280 read 290",
            ][..],
        ),
    ] {
        let out = render_kind(&root().join(folder), "report", "en");
        let pdf = normalize(&pdf_text(&out.path().join("report.en.pdf")));
        let word = normalize(&pdf_text(&libreoffice_pdf(
            &out.path().join("report.en.docx"),
            &out.path().join("lo"),
        )));
        for (format, text) in [("PDF", &pdf), ("DOCX", &word)] {
            assert_in_order(text, lines, &format!("{folder}, {format}"));
        }
    }
}

#[test]
fn a_title_between_asterisks_in_a_reference_is_italic_in_both_kinds_and_formats() {
    require!("mutool", "pdftotext");
    let folder = root().join(FOLDER);
    for kind in ["report", "table"] {
        let out = render_kind(&folder, kind, "en");
        let pdf = out.path().join(format!("{kind}.en.pdf"));
        let italics = italic_runs(&pdf);
        assert!(
            italics.iter().any(|r| r.contains("Illustrative Mission")),
            "{kind}: {italics:?}"
        );
        let text = normalize(&pdf_text(&pdf));
        assert!(
            !text.contains("*Illustrative"),
            "{kind}: the asterisks are not printed"
        );
        // In Word the title is an italic run of its own.
        let docx = out.path().join(format!("{kind}.en.docx"));
        let part = if kind == "report" {
            "word/footnotes.xml"
        } else {
            "word/document.xml"
        };
        let xml = docx_part(&docx, part);
        let at = xml
            .find("Illustrative Mission Bulletin</w:t>")
            .unwrap_or_else(|| panic!("{kind}: the title is not a run of its own"));
        let run = &xml[xml[..at].rfind("<w:r>").unwrap()..at];
        assert!(run.contains("<w:i/>"), "{kind}: {run}");
    }
}
