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
            "Of the seven operative paragraphs followed",
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
        for absent in ["Summary", "Contents", "session", "agenda"] {
            assert!(
                !text.contains(absent),
                "{format}: {absent:?} must not be there"
            );
        }
    }
    // The annexes' notes are lettered: Word prints a mark of their own
    // (a custom mark), and the PDF's last page cites "a", not a number.
    let document = docx_part(&docx_file, "word/document.xml");
    assert_eq!(
        document.matches(r#"w:customMarkFollows="1""#).count(),
        1,
        "the note in annex III (the one in annex II's table goes under the table)"
    );
    let last = normalize(&tool(
        "pdftotext",
        &[
            "-f",
            "5",
            "-l",
            "5",
            "-raw",
            out.path().join("report.en.pdf").to_str().unwrap(),
            "-",
        ],
    ));
    assert!(last.contains("three months.a"), "{last}");
    assert!(last.contains("a The authority's letter"), "{last}");
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
