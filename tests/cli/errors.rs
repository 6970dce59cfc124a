//! Clear errors for bad data, templates and style files, and the sandbox.

use crate::common::*;

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
                // Phoenician: no bundled font has it (Chinese, Arabic and
                // Cyrillic they all have).
                "title: \"\u{10900}\u{10901} ",
                1,
            );
            std::fs::write(path, text).unwrap();
        },
        &["--format", "pdf"],
        5,
        &["no glyph", "U+10900", "report.en.yaml:"],
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
fn a_missing_tool_skips_a_test_but_fails_it_under_ci() {
    assert!(have_under(&["sh"], true), "sh is on every PATH");
    assert!(!have_under(&["no-such-tool-resolute-needs"], false));
    let under_ci = std::panic::catch_unwind(|| have_under(&["no-such-tool-resolute-needs"], true));
    assert!(
        under_ci.is_err(),
        "under CI=true a missing tool fails the test"
    );
}

#[test]
fn a_word_styles_file_without_a_style_resolute_uses_is_refused_by_name() {
    let templates = word_styles_folder(r#"w:styleId="FootnoteText""#, r#"w:styleId="NoteText""#);
    let t = templates.path().to_str().unwrap().to_owned();
    expect_error(
        |_| {},
        &["--templates", &t, "--format", "docx"],
        4,
        &["word/styles.xml", "does not define the style FootnoteText"],
    );
}
