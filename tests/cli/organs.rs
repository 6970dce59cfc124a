//! Each organ's report format, one fixture folder per organ under
//! `tests/fixtures/organs/`: page 1 of the report, in our PDF and in the DOCX
//! as LibreOffice lays it out (footers and all), holds the lines the
//! `<folder>.toml` beside it lists, in that order, and none of those it says
//! must be absent.

use std::path::Path;

use serde::Deserialize;

use crate::common::*;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    page1: Vec<String>,
    absent: Vec<String>,
}

#[test]
fn every_organ_format_prints_its_first_page_in_both_formats() {
    require!("pdftotext", "soffice");
    let dir = root().join("tests/fixtures/organs");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let folder = entry.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        let expect: Expect =
            toml::from_str(&std::fs::read_to_string(folder.with_extension("toml")).unwrap())
                .unwrap();
        check_folder(&folder, &expect);
        seen += 1;
    }
    assert!(seen >= 1, "no organ fixtures in {}", dir.display());
}

fn check_folder(folder: &Path, expect: &Expect) {
    let name = folder.file_name().unwrap().to_string_lossy().into_owned();
    let out = render_kind(folder, "report", "en");
    let first = |pdf: &Path| {
        normalize(&tool(
            "pdftotext",
            &["-f", "1", "-l", "1", "-raw", pdf.to_str().unwrap(), "-"],
        ))
    };
    let page1 = first(&out.path().join("report.en.pdf"));
    let word = first(&libreoffice_pdf(
        &out.path().join("report.en.docx"),
        &out.path().join("lo"),
    ));
    for (format, text) in [("PDF page 1", &page1), ("DOCX page 1", &word)] {
        let lines: Vec<&str> = expect.page1.iter().map(String::as_str).collect();
        assert_in_order(text, &lines, &format!("{name}, {format}"));
        for word in &expect.absent {
            assert!(
                !text.contains(word.as_str()),
                "{name}, {format}: {word:?} must not be there:\n{text}"
            );
        }
    }
}
