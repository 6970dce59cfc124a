//! `resolute watch`: it renders, renders again after an edit (drawing the
//! pages that changed), and keeps the last good PDF while the input is broken.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
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

/// Starts `resolute watch` on the English report of `project`, written as
/// `outputs` say, looking every `poll` ms, for `rounds` rounds; its
/// messages, line by line.
fn spawn_watch(
    project: &Path,
    outputs: &[&str],
    poll: u32,
    rounds: u32,
) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_resolute"))
        .arg("watch")
        .arg(project)
        .args(["--kind", "report", "--lang", "en"])
        .args(outputs)
        .args(["--poll", &poll.to_string(), "--rounds", &rounds.to_string()])
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
    (child, lines)
}

#[test]
fn watch_ignores_its_own_outputs_in_the_project_and_links_to_folders() {
    let dir = example_copy();
    let project = dir.path();
    // A link to a folder whose time changes at every write of the outputs
    // (the project itself): followed, it would start round after round.
    #[cfg(unix)]
    std::os::unix::fs::symlink(project, project.join("itself")).unwrap();
    // The outputs go into the project's own folder.
    let (mut child, lines) = spawn_watch(project, &["--out-dir", project.to_str().unwrap()], 20, 3);
    let mut seen = String::new();
    wait_for(&lines, "rendered", &mut seen);
    assert!(project.join("report.en.pdf").exists(), "{seen}");
    // Fifty polls without an edit: no round.
    std::thread::sleep(Duration::from_secs(1));
    if let Ok(line) = lines.try_recv() {
        panic!("watch went on without an edit: {line}\n{seen}");
    }
    let progress = project.join("progress.yaml");
    let text = std::fs::read_to_string(&progress).unwrap();
    std::fs::write(
        &progress,
        text.replacen("regional workshop", "regional seminar", 1),
    )
    .unwrap();
    wait_for(&lines, "changed:", &mut seen);
    assert!(
        seen.trim_end().ends_with("progress.yaml"),
        "only the edit is a change:\n{seen}"
    );
    wait_for(&lines, "rendered", &mut seen);
    // The same text saved again: the documents come out as they are, and
    // are not written again (a viewer reloading changed files is left be).
    let pdf = project.join("report.en.pdf");
    let written = std::fs::metadata(&pdf).unwrap().modified().unwrap();
    let saved = std::fs::read(&progress).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    std::fs::write(&progress, saved).unwrap();
    wait_for(&lines, "rendered", &mut seen);
    assert!(
        seen.trim_end()
            .contains("rendered 2 files (2 unchanged, not written again) in"),
        "{seen}"
    );
    assert_eq!(
        std::fs::metadata(&pdf).unwrap().modified().unwrap(),
        written
    );
    assert!(child.wait().unwrap().success(), "{seen}");
}

#[test]
fn watch_renders_again_after_an_edit_and_keeps_the_last_pdf_while_broken() {
    require!("pdftotext");
    let dir = example_copy();
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("r.pdf");
    let pages = out.path().join("pages");
    let outputs = [
        "-o",
        pdf.to_str().unwrap(),
        "--preview",
        pages.to_str().unwrap(),
    ];
    let (mut child, lines) = spawn_watch(dir.path(), &outputs, 50, 5);
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
    let pictures = || std::fs::read_dir(&pages).unwrap().count();
    assert_eq!(pictures(), pages_after, "a picture of each page");

    // Round 4: the pages added go again, and so do their pictures.
    let short = std::fs::read_to_string(&progress).unwrap().replacen(
        long.trim_end_matches(", "),
        "convened a regional seminar",
        1,
    );
    std::fs::write(&progress, &short).unwrap();
    wait_for(&lines, "rendered", &mut seen);
    let fourth = std::fs::read(&pdf).unwrap();
    assert_eq!(pdf_text(&pdf).matches('\u{c}').count(), pages_before);
    assert_eq!(pictures(), pages_before, "pictures of pages gone are left");

    // Round 5: a broken edit is reported at its line; the PDF stays.
    std::fs::write(&progress, format!("{short}\nbroken: [\n")).unwrap();
    wait_for(&lines, "not rendered", &mut seen);
    assert!(seen.contains("progress.yaml:"), "{seen}");
    assert!(seen.contains("unclosed bracket"), "{seen}");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        fourth,
        "the last good PDF changed"
    );

    // Five rounds asked for: it ends by itself.
    let status = child.wait().unwrap();
    assert!(status.success(), "{seen}");
}

/// The report `resolute render` makes of `dir` now.
fn fresh_pdf(dir: &Path) -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("fresh.pdf");
    render_file(dir, "report", "en", &pdf);
    std::fs::read(&pdf).unwrap()
}
