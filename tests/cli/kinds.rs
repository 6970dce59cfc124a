//! Tables, consolidated texts, handouts, compact editions and spreadsheets.

use crate::common::*;

#[test]
fn a_table_that_breaks_across_pages_repeats_its_header_in_both_formats() {
    require!("pdftotext", "soffice");
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
    let lo_pdf = libreoffice_pdf(&docx, lo.path());
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
    require!("openxml-audit");
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
    // A first page without a session block or summary (Security Council).
    let council = render_kind(
        &root().join("tests/fixtures/organs/security-council"),
        "report",
        "en",
    );
    let files = [
        example_out().join("report.en.docx"),
        example_out().join("report.fr.docx"),
        hostile.path().join("report.en.docx"),
        council.path().join("report.en.docx"),
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
    require!("mutool", "pdftotext");
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
    let mut count = 0;
    for (t, in_notes) in corpus_lines(&corpus) {
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
        // The enacting formula is italic, as every organ prints it.
        "Le Conseil économique et social,",
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
    require!("pdftotext");
    let project = resolute::Project::load(&root().join(EXAMPLE)).unwrap();
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

#[test]
fn a_compilation_has_contents_with_correct_page_numbers() {
    require!("pdftotext");
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
        // A General Assembly resolution's agenda item and committee line,
        // when the data has them, come over its heading on that page.
        let heading_page = pages
            .iter()
            .position(|p| {
                let p = normalize(p);
                let heading = format!("{number}. ");
                p.starts_with(&heading)
                    || p.starts_with("Agenda item ")
                        && p.find(&heading).is_some_and(|at| p[..at].ends_with("] "))
            })
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
    require!("pandoc");
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
    require!("pdftotext", "soffice");
    let lo = tempfile::tempdir().unwrap();
    for name in ["table.fr", "text.en", "handout.en"] {
        let docx = example_out().join(format!("{name}.docx"));
        let lo_pdf = libreoffice_pdf(&docx, lo.path());
        // A compound broken at a line end ("high-" / "level") is one word again.
        let from_word = normalize(&pdf_text(&lo_pdf)).replace("- ", "-");
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
    require!("pdftotext");
    let mut outlines = Vec::new();
    for ext in ["csv", "xlsx"] {
        let dir = example_copy();
        std::fs::remove_file(dir.path().join("progress.yaml")).unwrap();
        // A sheet's cells are in one language: it serves English documents.
        keep_languages(dir.path(), &["en"]);
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

/// The example with the fixture workbook as its progress data, its sheet
/// padded (inside `<sheetData>`) with `padding` spaces, deflated: a file of a
/// few kilobytes that unpacks to as much as asked, and that calamine reads
/// (the spaces are whitespace between rows).
fn padded_workbook_example(padding: u64) -> tempfile::TempDir {
    use std::io::{Read, Write};
    let dir = example_copy();
    std::fs::remove_file(dir.path().join("progress.yaml")).unwrap();
    // A sheet's cells are in one language: it serves English documents.
    keep_languages(dir.path(), &["en"]);
    std::fs::copy(
        root().join("tests/fixtures/sheets/statuses.yaml"),
        dir.path().join("statuses.yaml"),
    )
    .unwrap();
    let fixture = std::fs::File::open(root().join("tests/fixtures/sheets/progress.xlsx")).unwrap();
    let mut fixture = zip::ZipArchive::new(fixture).unwrap();
    let out = std::fs::File::create(dir.path().join("progress.xlsx")).unwrap();
    let mut zip = zip::ZipWriter::new(out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..fixture.len() {
        let mut entry = fixture.by_index(i).unwrap();
        let name = entry.name().to_owned();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        zip.start_file(name.as_str(), options).unwrap();
        if name != "xl/worksheets/sheet1.xml" {
            zip.write_all(text.as_bytes()).unwrap();
            continue;
        }
        let (head, rest) = text.split_at(text.find("<sheetData>").unwrap() + "<sheetData>".len());
        zip.write_all(head.as_bytes()).unwrap();
        let spaces = [b' '; 1 << 16];
        let mut left = padding;
        while left > 0 {
            let n = left.min(spaces.len() as u64) as usize;
            zip.write_all(&spaces[..n]).unwrap();
            left -= n as u64;
        }
        zip.write_all(rest.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    dir
}

#[test]
fn a_workbook_that_unpacks_to_more_than_the_limit_is_refused() {
    let limit = resolute::limits::SHEET_INFLATED;
    // Padded to just within the limit, the workbook is read.
    let dir = padded_workbook_example(limit - (1 << 20));
    let out = resolute(&["check", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    // One mebibyte more and it is refused, though the file is small.
    let dir = padded_workbook_example(limit);
    let size = std::fs::metadata(dir.path().join("progress.xlsx"))
        .unwrap()
        .len();
    assert!(size < 1 << 20, "the bomb takes {size} bytes");
    let out = resolute(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let said = format!(
        "progress.xlsx unpacks to more than {}, the most resolute reads from a progress spreadsheet",
        resolute::limits::size_text(limit)
    );
    assert!(err.contains(&said), "{err}");
    assert!(err.contains("xl/worksheets/sheet1.xml"), "{err}");
    assert!(
        err.contains("hint: a progress matrix unpacks to far less"),
        "{err}"
    );
}

#[test]
fn a_table_of_several_resolutions_groups_rows_under_a_heading_per_resolution() {
    require!("pdftotext");
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
        "\n  - resolution: \"79/69\"\n    paragraph: 2\n    topic: {en: illustrative, fr: fictif}\n    status: completed\n\
         \n  - resolution: \"79/69\"\n    paragraph: 5\n    topic: {en: illustrative, fr: fictif}\n    status: partially-implemented\n\
         \n  - resolution: \"79/69\"\n    paragraph: 4\n    subparagraph: b\n    topic: {en: illustrative, fr: fictif}\n    status: in-progress\n",
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
        let project = resolute::Project::load(dir.path()).unwrap();
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
    let project = resolute::Project::load(dir.path()).unwrap();
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
            "has two progress files: progress.csv and progress.xlsx",
            "keep one progress file",
        ],
    );
}

#[test]
fn a_row_longer_than_a_page_breaks_instead_of_running_off_it() {
    require!("pdftotext");
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
    require!("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    // English only: the progress texts below are given once.
    let name = "report.en.yaml";
    std::fs::copy(root().join(EXAMPLE).join(name), dir.path().join(name)).unwrap();
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
    render_file(dir.path(), "report", "en", &pdf);
    let text = normalize(&pdf_text(&pdf));
    // Counted as the table counts them: seven paragraphs (paragraph 4
    // through its two sub-paragraphs), six of them with nothing recorded.
    assert!(
        text.contains("Of the nine provisions (operative paragraphs, and sub-paragraphs followed on their own) of the resolution, two are recorded as “completed”, one is recorded as “implemented — in progress” and six are recorded as “no indication” (nothing has been recorded under them)."),
        "{text}"
    );
    let table = dir.path().join("table.pdf");
    render_file(dir.path(), "table", "en", &table);
    let counts = normalize(&pdf_text(&table));
    for row in [
        "Completed 2",
        "Implemented — in progress 1",
        "No indication 6",
        "Total 9",
    ] {
        assert!(counts.contains(row), "{row} in {counts}");
    }
    // Paragraph 4 (a) and 4 (b) each keep their own footnote.
    assert!(text.contains("Illustrative note A."), "{text}");
    assert!(text.contains("Illustrative note B."), "{text}");
}

#[test]
fn a_table_quoting_a_resolution_in_another_language_says_so() {
    // The folder has the resolution in English only; its French table
    // quotes the English provisions and must say so.
    let dir = example_copy();
    std::fs::remove_file(dir.path().join("resolution.yaml")).unwrap();
    std::fs::rename(
        dir.path().join("resolution.en.yaml"),
        dir.path().join("resolution.yaml"),
    )
    .unwrap();
    let out_dir = render_kind(dir.path(), "table", "fr");
    let outline = docx_outline(&out_dir.path().join("table.fr.docx"));
    assert!(
        outline.contains("BodyText | Les dispositions sont citées en anglais, seule version"),
        "{outline}"
    );
    let out_dir = render_kind(dir.path(), "table", "en");
    let outline = docx_outline(&out_dir.path().join("table.en.docx"));
    assert!(!outline.contains("quoted in"), "{outline}");
}

#[test]
fn an_office_s_word_styles_replace_resolute_s_and_the_structure_stays() {
    // An office's styles.xml: resolute's, with its own body font and a
    // larger job number.
    let templates = word_styles_folder("{{ fonts.latin }}", "Office Serif");
    let out_dir = tempfile::tempdir().unwrap();
    let out = resolute(&[
        "render",
        EXAMPLE,
        "--kind",
        "report",
        "--lang",
        "en",
        "--format",
        "docx",
        "--templates",
        templates.path().to_str().unwrap(),
        "--out-dir",
        out_dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docx = out_dir.path().join("report.en.docx");
    let styles = docx_part(&docx, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Office Serif""#), "{styles}");
    assert!(!styles.contains(r#"w:ascii="Times New Roman""#), "{styles}");
    // The paper's measures and the language are still resolute's.
    assert!(styles.contains(r#"w:pos="9298""#), "{styles}");
    assert!(styles.contains(r#"w:val="en-GB""#), "{styles}");
    // And so is the structure: numbered paragraphs, real footnotes.
    let outline = docx_outline(&docx);
    assert!(outline.contains("NumberedParagraph | 1."), "{outline}");
    assert!(docx_part(&docx, "word/footnotes.xml").contains("<w:footnote "));
}

#[test]
fn a_compilation_prints_each_organ_s_resolutions_in_its_own_form() {
    require!("pdftotext");
    require!("pandoc");
    // ECOSOC (the folder's own), the General Assembly, and two Security
    // Council resolutions: one with dash items, one in parts.
    let dir = compilation_copy(&[
        "tests/fixtures/import/A-RES-79-69.en.txt",
        "tests/fixtures/import/S-RES-1445-2002.en.txt",
        "tests/fixtures/import/S-RES-687-1991.en.txt",
    ]);
    let out_dir = render_kind(dir.path(), "text", "en");
    let pdf = pdf_text(&out_dir.path().join("text.en.pdf"));
    let docx = docx_text(&out_dir.path().join("text.en.docx"));
    for (text, what) in [(pdf.as_str(), "PDF"), (docx.as_str(), "DOCX")] {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_in_order(
            &text,
            &[
                // ECOSOC and the GA: "number. Title", the meeting line last.
                "2015/23. Implementation of the United Nations Global Plan of Action",
                "The Economic and Social Council,",
                "45th plenary meeting",
                "79/69.",
                "The General Assembly,",
                "plenary meeting",
                // The Council: "Resolution N (YYYY)", then its adoption line.
                "Resolution 1445 (2002) Adopted by the Security Council at its 4653rd meeting, on 4 December 2002 The Security Council,",
                "in this regard: — Calls for a full cessation of hostilities",
                "— Demands that all parties work",
                "25. Decides to remain actively seized of the matter.",
                "Resolution 687 (1991) The Security Council,",
                "1. Affirms all thirteen resolutions",
                "A 2. Demands that Iraq and Kuwait",
                "I 33. Declares that,",
            ],
            what,
        );
        // No number-and-title heading with an empty title ("1445 (2002). "),
        // and no meeting line closing a Council resolution.
        assert!(!text.contains("1445 (2002)."), "{what}");
        assert!(
            !text.contains("seized of the matter. 4653rd meeting"),
            "{what}"
        );
    }
}

#[test]
fn the_table_names_the_part_over_its_first_paragraph() {
    require!("pdftotext");
    require!("pandoc");
    let dir = compilation_copy(&["tests/fixtures/import/S-RES-687-1991.en.txt"]);
    let progress = dir.path().join("progress.yaml");
    let mut yaml = std::fs::read_to_string(&progress).unwrap();
    yaml.push_str(
        "\n  - resolution: \"687 (1991)\"\n    paragraph: 2\n    topic: {en: illustrative, fr: fictif}\n    status: completed\n",
    );
    std::fs::write(&progress, &yaml).unwrap();
    let out_dir = render_kind(dir.path(), "table", "en");
    let pdf = pdf_text(&out_dir.path().join("table.en.pdf"));
    let docx = docx_text(&out_dir.path().join("table.en.docx"));
    // Word's cells come out side by side: the PDF's order is checked, the
    // DOCX's part letter beside the paragraph number.
    let docx = docx.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(docx.contains("2 A Completed"), "DOCX: {docx}");
    assert!(docx.contains("Resolution 687 (1991)") && !docx.contains("Resolution 687 (1991):"));
    let text = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    // A resolution without a title is headed by its number alone.
    assert!(!text.contains("Resolution 687 (1991):"), "PDF");
    assert_in_order(
        &text,
        &[
            "Resolution 687 (1991)",
            "1 Affirms all thirteen resolutions",
            "2 A Demands that Iraq and",
            "5 B Requests the Secretary-General, after consulting",
            "33 I Declares that,",
        ],
        "PDF",
    );
}

#[test]
fn a_resolution_s_parts_print_bold_at_the_text_column_in_both_formats() {
    require!("mutool", "soffice");
    // A/RES/78/247 as the Assembly prints it: "I", its heading under it, both
    // bold and where the numbered paragraphs start.
    let dir = compilation_copy(&["tests/fixtures/import/A-RES-78-247.en.txt"]);
    let out_dir = render_kind(dir.path(), "text", "en");
    let pdf = out_dir.path().join("text.en.pdf");
    let word = libreoffice_pdf(&out_dir.path().join("text.en.docx"), out_dir.path());
    for (pdf, what) in [(pdf, "PDF"), (word, "DOCX")] {
        let lines = pdf_lines(&pdf);
        let at = |text: &str| {
            lines
                .iter()
                .position(|l| l.text == text)
                .unwrap_or_else(|| panic!("{what}: no line {text:?} in {lines:#?}"))
        };
        let (part, heading) = (
            at("II"),
            at("Activities of the Independent Audit Advisory Committee"),
        );
        assert_eq!(heading, part + 1, "{what}: the heading is under the number");
        let numbered = lines
            .iter()
            .find(|l| l.text.starts_with("10. Also requests"))
            .unwrap_or_else(|| panic!("{what}: no paragraph 10"));
        for l in [&lines[part], &lines[heading]] {
            assert!(l.bold, "{what}: {:?} is not bold", l.text);
            assert!(
                (l.x - numbered.x).abs() < 1.0,
                "{what}: {:?} at {} and paragraph 10 at {}",
                l.text,
                l.x,
                numbered.x
            );
        }
    }
}
