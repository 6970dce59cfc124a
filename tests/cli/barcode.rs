//! The Code 39 barcode at the foot of page 1, read back from the page as a
//! scanner would: both formats are rendered to pixels (the DOCX as
//! LibreOffice lays it out) and the bars decoded.

use std::path::Path;

use crate::common::*;

/// The characters Code 39 encodes here, with their elements (`w` wide, `n`
/// narrow), bar first.
const PATTERNS: [(char, &str); 11] = [
    ('0', "nnnwwnwnn"),
    ('1', "wnnwnnnnw"),
    ('2', "nnwwnnnnw"),
    ('3', "wnwwnnnnn"),
    ('4', "nnnwwnnnw"),
    ('5', "wnnwwnnnn"),
    ('6', "nnwwwnnnn"),
    ('7', "nnnwnnwnw"),
    ('8', "wnnwnnwnn"),
    ('9', "nnwwnnwnn"),
    ('*', "nwnnwnwnn"),
];

/// Decodes one row of grey pixels, or `None` if it holds no barcode.
fn decode_row(row: &[u8]) -> Option<String> {
    // Runs of dark and light, from the first dark pixel to the last.
    let dark: Vec<bool> = row.iter().map(|&p| p < 128).collect();
    let first = dark.iter().position(|&d| d)?;
    let last = dark.iter().rposition(|&d| d)?;
    let mut runs: Vec<usize> = Vec::new();
    let mut current = true;
    let mut len = 0;
    for &d in &dark[first..=last] {
        if d == current {
            len += 1;
        } else {
            runs.push(len);
            current = d;
            len = 1;
        }
    }
    runs.push(len);
    // Nine elements a character and a gap between characters.
    if runs.len() < 19 || !(runs.len() + 1).is_multiple_of(10) {
        return None;
    }
    let narrowest = *runs.iter().min()?;
    let widest = *runs.iter().max()?;
    if widest < 2 * narrowest {
        return None;
    }
    let threshold = (narrowest + widest) as f32 / 2.0;
    let mut text = String::new();
    for chunk in runs.chunks(10) {
        let elements: String = chunk[..9]
            .iter()
            .map(|&r| if r as f32 > threshold { 'w' } else { 'n' })
            .collect();
        let (c, _) = PATTERNS.iter().find(|(_, p)| *p == elements)?;
        text.push(*c);
    }
    Some(text)
}

/// The barcode on page 1 of `pdf`, scanning the rows of its lowest fifth.
fn barcode_on_page_one(pdf: &Path, dir: &Path) -> Option<String> {
    let prefix = dir.join("page");
    tool(
        "pdftoppm",
        &[
            "-gray",
            "-r",
            "600",
            "-f",
            "1",
            "-l",
            "1",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let file = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pgm"))
        .expect("pdftoppm wrote a page");
    let bytes = std::fs::read(file).unwrap();
    // A binary PGM: "P5", width, height, maximum, one whitespace, pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    let pixels = &bytes[at + 1..];
    let width: usize = fields[1].parse().unwrap();
    let height: usize = fields[2].parse().unwrap();
    (height * 4 / 5..height)
        .filter_map(|y| decode_row(&pixels[y * width..(y + 1) * width]))
        .next()
}

#[test]
fn the_job_number_s_barcode_scans_in_both_formats() {
    require!("pdftoppm", "soffice");
    let out = render_kind(
        &root().join("examples/security-council-illustrative"),
        "report",
        "en",
    );
    let pdf = out.path().join("report.en.pdf");
    let word = libreoffice_pdf(&out.path().join("report.en.docx"), &out.path().join("lo"));
    for (format, file) in [("PDF", &pdf), ("DOCX", &word)] {
        let dir = tempfile::tempdir().unwrap();
        // Job number 26-99999 (E).
        assert_eq!(
            barcode_on_page_one(file, dir.path()).as_deref(),
            Some("*2699999*"),
            "{format}"
        );
    }
}

#[test]
fn barcode_false_leaves_it_out() {
    require!("pdftoppm");
    let dir = tempfile::tempdir().unwrap();
    let from = root().join("examples/security-council-illustrative");
    for entry in std::fs::read_dir(&from).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    append_line(&dir.path().join("report.en.yaml"), "barcode: false");
    let pdf = dir.path().join("out.pdf");
    render_file(dir.path(), "report", "en", &pdf);
    let pages = tempfile::tempdir().unwrap();
    assert_eq!(barcode_on_page_one(&pdf, pages.path()), None);
    assert!(
        pdf_text(&pdf).contains("26-99999 (E)"),
        "the job number stays"
    );
}

#[test]
fn a_row_that_is_not_a_barcode_decodes_to_nothing() {
    assert_eq!(decode_row(&[255; 50]), None);
    // Text-like noise: dark runs of mixed widths, not in groups of nine.
    let noise: Vec<u8> = (0..400)
        .map(|i| if (i * 7) % 13 < 5 { 0 } else { 255 })
        .collect();
    assert_eq!(decode_row(&noise), None);
}
