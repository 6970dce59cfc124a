//! The office's own narrative (`report.<lang>.md`) in place of the built-in
//! body: its paragraphs, footnotes and the data-driven pieces it places.

use crate::common::*;

/// A narrative with a chapter, a section, three paragraphs, a footnote, and
/// the contributions table placed between the second and third paragraphs.
const NARRATIVE: &str = "\
# Background

The Office wrote this first paragraph itself.[^own]

[^own]: A note of the Office, citing *Official Records of the Economic and Social Council*.

## Contributions received

The second paragraph comes before the table of contributions.

{% include \"contributions-table\" %}
The third paragraph follows the table and gives the total, {{ fund.total_contributions_text }}.
";

#[test]
fn a_narrative_places_the_fund_table_between_its_paragraphs_in_both_formats() {
    require!("pdftotext", "pandoc");
    let dir = example_copy();
    std::fs::write(dir.path().join("report.en.md"), NARRATIVE).unwrap();
    let out = render_kind(dir.path(), "report", "en");
    let builtin = pdf_text(&example_out().join("report.en.pdf"));
    let total = normalize(&builtin)
        .split_once("contributions totalling ")
        .and_then(|(_, rest)| rest.split_once(" in the period"))
        .map(|(t, _)| t.to_owned())
        .expect("the built-in report states the total");

    let pdf = normalize(&pdf_text(&out.path().join("report.en.pdf")));
    let docx = normalize(&docx_text(&out.path().join("report.en.docx")));
    for (format, text) in [("PDF", &pdf), ("DOCX", &docx)] {
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{format}: {needle:?} missing in:\n{text}"))
        };
        let order = [
            at("I. Background"),
            at("1. The Office wrote this first paragraph itself."),
            // A lone section has no letter (if there is an A, there is a B).
            at("Contributions received 2. The second paragraph"),
            at("comes before the table"),
            at("Table 1. Contributions to the Fund by donor"),
            at("3. The third paragraph follows the table"),
        ];
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "{format}: out of order {order:?}:\n{text}"
        );
        assert!(
            text.contains(&format!("gives the total, {total}.")),
            "{format}: the total {total} is printed from the data:\n{text}"
        );
        assert!(
            !text.contains("Action taken under the resolution"),
            "{format}: the built-in body is replaced, not added to"
        );
    }
    // The footnote is a real one: Word's footnotes part holds it, with the
    // publication title in italics; the PDF prints it at the page's foot.
    let notes = docx_part(&out.path().join("report.en.docx"), "word/footnotes.xml");
    assert!(notes.contains("A note of the Office, citing"), "{notes}");
    assert!(pdf.contains("A note of the Office, citing Official Records"));
    let italics = italic_runs(&out.path().join("report.en.pdf"));
    assert!(
        italics.iter().any(|r| r.contains("Official Records")),
        "{italics:?}"
    );
}

#[test]
fn a_narrative_error_points_at_the_narrative() {
    let err = expect_error(
        |d| {
            std::fs::write(
                d.join("report.en.md"),
                "# Background\n\nA paragraph.\n\nThe total is {{ fund.no_such_field.x }}.\n",
            )
            .unwrap()
        },
        &["--lang", "en"],
        4,
        &["report.en.md:5:"],
    );
    assert!(!err.contains("templates/report"), "{err}");
}

#[test]
fn a_piece_the_folder_has_no_data_for_says_which_file_to_add() {
    expect_error(
        |d| {
            std::fs::remove_file(d.join("trust-fund.yaml")).unwrap();
            std::fs::write(
                d.join("report.en.md"),
                "# Background\n\nA paragraph.\n\n{% include \"contributions-table\" %}\n",
            )
            .unwrap()
        },
        &["--lang", "en"],
        4,
        &[
            "the folder has no trust-fund.yaml",
            "included from",
            "report.en.md:5",
        ],
    );
}

#[test]
fn check_reads_the_narrative() {
    // A control character in the narrative is found by `check`, at its place.
    check_fails_with("report.en.md", "# A\n\nText\u{1}.\n", "report.en.md:3:5");
}

#[test]
fn a_narrative_without_its_report_file_is_an_error() {
    let dir = example_copy();
    keep_languages(dir.path(), &["en", "fr"]);
    std::fs::write(dir.path().join("report.es.md"), "# A\n\nTexto.\n").unwrap();
    let out = resolute(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("no report.es.yaml"), "{err}");
}

/// `check` of the example with `name` written as `text` fails as a data
/// error whose message holds `needle`.
fn check_fails_with(name: &str, text: &str, needle: &str) {
    let dir = example_copy();
    std::fs::write(dir.path().join(name), text).unwrap();
    let out = resolute(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains(needle), "{err}");
}
