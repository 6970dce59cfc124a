//! `resolute watch`: it renders, renders again after an edit (drawing the
//! pages that changed), and keeps the last good PDF while the input is broken.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::common::*;

/// Waits (at most a minute) for a line of the watcher's messages holding
/// `needle`; the lines seen on the way are added to `seen`.
fn wait_for(lines: &mpsc::Receiver<String>, needle: &str, seen: &mut String) {
    loop {
        match lines.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => {
                seen.push_str(&line);
                seen.push('\n');
                if line.contains(needle) {
                    return;
                }
            }
            Err(_) => panic!("no {needle:?} from watch; it said:\n{seen}"),
        }
    }
}

#[test]
fn watch_renders_again_after_an_edit_and_keeps_the_last_pdf_while_broken() {
    require!("pdftotext");
    let dir = example_copy();
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("r.pdf");
    let pages = out.path().join("pages");
    let mut child = Command::new(env!("CARGO_BIN_EXE_resolute"))
        .args([
            "watch",
            dir.path().to_str().unwrap(),
            "--kind",
            "report",
            "--lang",
            "en",
            "-o",
            pdf.to_str().unwrap(),
            "--preview",
            pages.to_str().unwrap(),
            "--poll",
            "50",
            "--rounds",
            "4",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .expect("run resolute watch");
    let stderr = child.stderr.take().unwrap();
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = String::new();

    // Round 1: the report and a picture of each of its pages.
    wait_for(&lines, "rendered", &mut seen);
    let first = std::fs::read(&pdf).unwrap();
    let pictures = std::fs::read_dir(&pages).unwrap().count();
    assert!(pictures >= 4, "{pictures} pages drawn");

    // Round 2: an edit of one action; the PDF says it, and only the page
    // that changed is drawn again (the PDF and one picture are written).
    let progress = dir.path().join("progress.yaml");
    let text = std::fs::read_to_string(&progress).unwrap();
    let edited = text.replacen(
        "convened a regional workshop",
        "convened a regional seminar",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&progress, &edited).unwrap();
    wait_for(&lines, "rendered", &mut seen);
    assert!(
        seen.contains("changed:") && seen.contains("progress.yaml"),
        "{seen}"
    );
    assert!(seen.contains("rendered 2 files in"), "{seen}");
    let second = std::fs::read(&pdf).unwrap();
    assert_ne!(first, second, "the PDF was not written again");
    assert!(normalize(&pdf_text(&pdf)).contains("convened a regional seminar"));
    // Laid out from the layout before the edit, it is the PDF a fresh
    // render makes.
    assert_eq!(second, fresh_pdf(dir.path()), "round 2 differs from render");
    let pages_before = pdf_text(&pdf).matches('\u{c}').count();

    // Round 3: an edit that pushes text onto further pages: the page
    // numbers and the contents of the layout before are wrong now, and the
    // PDF is still the one a fresh render makes.
    let long = "convened a regional seminar, ".repeat(300);
    let edited = edited.replacen(
        "convened a regional seminar",
        long.trim_end_matches(", "),
        1,
    );
    std::fs::write(&progress, &edited).unwrap();
    wait_for(&lines, "rendered", &mut seen);
    let third = std::fs::read(&pdf).unwrap();
    let pages_after = pdf_text(&pdf).matches('\u{c}').count();
    assert!(pages_after > pages_before, "the edit added no page");
    assert_eq!(third, fresh_pdf(dir.path()), "round 3 differs from render");

    // Round 4: a broken edit is reported at its line; the PDF stays.
    std::fs::write(&progress, format!("{edited}\nbroken: [\n")).unwrap();
    wait_for(&lines, "not rendered", &mut seen);
    assert!(seen.contains("progress.yaml:"), "{seen}");
    assert!(seen.contains("unclosed bracket"), "{seen}");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        third,
        "the last good PDF changed"
    );

    // Four rounds asked for: it ends by itself.
    let status = child.wait().unwrap();
    assert!(status.success(), "{seen}");
}

/// The report `resolute render` makes of `dir` now.
fn fresh_pdf(dir: &std::path::Path) -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("fresh.pdf");
    let run = resolute(&[
        "render",
        dir.to_str().unwrap(),
        "--kind",
        "report",
        "--lang",
        "en",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    std::fs::read(&pdf).unwrap()
}
