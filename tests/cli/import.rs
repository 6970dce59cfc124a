//! Importing printed text and Akoma Ntoso, and the example against the corpus.

use std::path::Path;

use crate::common::*;

#[test]
fn the_example_resolution_is_the_corpus_text() {
    // Every word of the corpus, page furniture aside, is in resolution.yaml, in order;
    // the footnote block's words are in its footnotes.
    let corpus = std::fs::read_to_string(root().join(CORPUS)).unwrap();
    let yaml = std::fs::read_to_string(root().join(EXAMPLE).join("resolution.yaml")).unwrap();
    let (body, notes) = yaml
        .split_once("\nfootnotes:")
        .expect("resolution.yaml has footnotes");
    let (mut at, mut note_words) = (0, 0);
    for (t, in_notes) in corpus_lines(&corpus) {
        for word in t.split_whitespace() {
            // Footnote markers are digits glued to words ("organisée1", "enfants2,").
            let w: String = word.chars().filter(|c| !c.is_ascii_digit()).collect();
            let w = w.trim_end_matches(['-', ',', ';', ':', '.']);
            if w.chars().count() < 4 || !w.chars().any(char::is_alphabetic) {
                continue;
            }
            if in_notes {
                assert!(
                    notes.contains(w),
                    "footnote word {w:?} not in the footnotes"
                );
                note_words += 1;
            } else {
                match body[at..].find(w) {
                    Some(i) => at += i + w.len(),
                    None => panic!("corpus word {w:?} not found in order in resolution.yaml"),
                }
            }
        }
    }
    assert!(
        note_words >= 8 && at > 5000,
        "the comparison saw too little text: {note_words} note words, {at} bytes"
    );
}

#[test]
fn the_example_has_the_counts_and_citations_of_the_resolution() {
    let project = resolute::Project::load(&root().join(EXAMPLE)).unwrap();
    let r = &project.resolution.0;
    assert_eq!(r.preamble.len(), 12);
    let letters: Vec<&str> = r.preamble[1]
        .subparagraphs
        .iter()
        .map(|s| s.letter.as_str())
        .collect();
    assert_eq!(letters, ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(r.operative.len(), 11);
    assert_eq!(r.footnotes.len(), 3);
    let cited = |m: &str| {
        r.citations()
            .iter()
            .filter(|c| c.marker == m)
            .map(|c| c.place.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        cited("1"),
        ["preambular paragraph 2 (a)", "operative paragraph 1"]
    );
    assert_eq!(
        cited("2"),
        ["preambular paragraph 2 (a)", "operative paragraph 1"]
    );
    assert_eq!(cited("3"), ["operative paragraph 3"]);
    let progress = &project.progress.as_ref().unwrap().0;
    assert!(
        progress.illustrative,
        "the example's progress data must be marked illustrative"
    );
    assert!(
        project.fund.as_ref().unwrap().0.illustrative,
        "the example's fund figures must be marked illustrative"
    );
    let mut tracked: Vec<u32> = progress.paragraphs.iter().map(|p| p.paragraph).collect();
    tracked.dedup();
    assert_eq!(
        tracked,
        (1..=11).collect::<Vec<_>>(),
        "progress for every operative paragraph"
    );
}

#[test]
fn importing_the_corpus_gives_the_worked_example_without_warnings() {
    let out = resolute(&["import", CORPUS]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.lines().any(|l| l.starts_with("warning")), "{err}");
    assert!(err.contains("12 preambular and 11 operative paragraphs, 0 parts, 6 sub-paragraphs, 0 dash items, 3 footnotes cited 5 times"), "{err}");
    let mut imported: resolute::model::Resolution =
        serde_saphyr::from_str(&String::from_utf8_lossy(&out.stdout)).unwrap();
    let example = resolute::Project::load(&root().join(EXAMPLE))
        .unwrap()
        .resolution
        .0;
    // The printed text has no meeting line or date; the example adds them.
    assert_eq!(imported.meeting, None);
    imported.meeting = example.meeting.clone();
    imported.date = example.date;
    imported.source = example.source.clone();
    assert_eq!(
        imported, example,
        "the example's resolution.yaml is not what the import gives"
    );
    let cited = |m: &str| {
        imported
            .citations()
            .iter()
            .filter(|c| c.marker == m)
            .count()
    };
    assert_eq!((cited("1"), cited("2"), cited("3")), (2, 2, 1));
}

#[test]
fn every_imported_word_is_in_the_model_or_the_furniture_list() {
    for (path, pre, op, parts, subs, dashes, notes, annexes) in IMPORT_FIXTURES {
        let input = std::fs::read_to_string(root().join(path)).unwrap();
        let imported = import_lib(path);
        let r = &imported.resolution;
        let lists = r
            .all_preamble()
            .map(|p| &p.subparagraphs)
            .chain(r.all_operative().map(|p| &p.subparagraphs));
        let (dash_items, lettered): (Vec<_>, Vec<_>) = lists
            .flatten()
            .partition(|s| s.letter == resolute::model::DASH);
        assert_eq!(
            (
                r.all_preamble().count(),
                r.operative_count(),
                r.parts.len(),
                lettered.len(),
                dash_items.len(),
                r.footnotes.len(),
                r.annexes.len()
            ),
            (pre, op, parts, subs, dashes, notes, annexes),
            "{path}: structure"
        );
        // Numbered 1, 2 … through the text, or afresh in each part.
        let numbers: Vec<u32> = r.all_operative().map(|p| p.number).collect();
        let expected: Vec<u32> = if r.numbers_restart() {
            (1..=r.operative.len() as u32)
                .chain(r.parts.iter().flat_map(|p| 1..=p.operative.len() as u32))
                .collect()
        } else {
            (1..=op as u32).collect()
        };
        assert_eq!(numbers, expected, "{path}: numbering");
        let mut available: std::collections::HashMap<String, i64> =
            std::collections::HashMap::new();
        for w in model_words(r) {
            *available.entry(w).or_default() += 1;
        }
        for d in &imported.dropped {
            for w in words(&d.text) {
                *available.entry(w).or_default() += 1;
            }
        }
        for j in &imported.joins {
            for w in words(&j.left).into_iter().chain(words(&j.right)) {
                *available.entry(w).or_default() += 1;
            }
        }
        let mut input_counts: std::collections::HashMap<String, i64> =
            std::collections::HashMap::new();
        for w in words(&input) {
            *input_counts.entry(w).or_default() += 1;
        }
        let total: i64 = input_counts.values().sum();
        let mut lost: Vec<(String, i64)> = input_counts
            .into_iter()
            .filter_map(|(w, n)| {
                let have = available.get(&w).copied().unwrap_or(0);
                // A marker glued to a figure ("20243" is 2024 and note 3) is two words in the model.
                let split = w.chars().all(|c| c.is_ascii_digit())
                    && (1..w.len()).any(|k| {
                        available.contains_key(&w[..k]) && available.contains_key(&w[k..])
                    });
                (n > have && !split).then(|| (w, n - have))
            })
            .collect();
        lost.sort();
        assert!(total > 150, "{path}: too few words to mean anything");
        assert!(
            lost.is_empty(),
            "{path}: words of the input missing from the model and the furniture: {lost:?}"
        );
    }
}

#[test]
fn akn_export_and_import_round_trip_every_imported_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let example = dir.path().join("example.yaml");
    std::fs::copy(root().join(EXAMPLE).join("resolution.yaml"), &example).unwrap();
    let mut resolutions = vec![(example.to_str().unwrap().to_owned(), None)];
    for (path, ..) in IMPORT_FIXTURES {
        let yaml = dir.path().join(format!(
            "{}.yaml",
            Path::new(path).file_stem().unwrap().to_str().unwrap()
        ));
        let out = resolute(&["import", path, "-o", yaml.to_str().unwrap()]);
        assert!(out.status.success(), "{path}: {}", stderr(&out));
        resolutions.push((yaml.to_str().unwrap().to_owned(), Some(path)));
    }
    for (yaml, _) in resolutions {
        let xml = format!("{yaml}.xml");
        let out = resolute(&["export", &yaml, "--to", "akn", "-o", &xml]);
        assert!(out.status.success(), "{yaml}: {}", stderr(&out));
        let again = resolute(&["export", &yaml, "--to", "akn"]);
        assert_eq!(
            std::fs::read(&xml).unwrap(),
            again.stdout,
            "{yaml}: two exports differ"
        );
        let back = format!("{yaml}.back.yaml");
        let out = resolute(&["import", &xml, "-o", &back]);
        assert!(out.status.success(), "{xml}: {}", stderr(&out));
        let original: resolute::model::Resolution =
            serde_saphyr::from_str(&std::fs::read_to_string(root().join(&yaml)).unwrap()).unwrap();
        let round: resolute::model::Resolution =
            serde_saphyr::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
        assert_eq!(
            original, round,
            "{yaml}: model → AKN → model lost something"
        );
    }
}

#[test]
fn an_imported_resolution_renders_without_hand_edits() {
    for (path, ..) in IMPORT_FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let out = resolute(&[
            "import",
            path,
            "-o",
            dir.path().join("resolution.yaml").to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{path}: {}", stderr(&out));
        std::fs::copy(
            root().join(EXAMPLE).join("report.en.yaml"),
            dir.path().join("report.en.yaml"),
        )
        .unwrap();
        let out_dir = tempfile::tempdir().unwrap();
        let out = resolute(&[
            "render",
            dir.path().to_str().unwrap(),
            "--out-dir",
            out_dir.path().to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{path}: {}", stderr(&out));
        assert!(
            out_dir.path().join("report.en.pdf").exists()
                && out_dir.path().join("report.en.docx").exists()
        );
    }
}

#[test]
fn unusable_import_input_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, [0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x00, 0x10]).unwrap();
    let big = dir.path().join("big.txt");
    let line = "The General Assembly, recalling everything it ever said, and more words here.\n";
    std::fs::write(&big, line.repeat(10 * 1024 * 1024 / line.len())).unwrap();
    let no_para = dir.path().join("nopara.txt");
    std::fs::write(&no_para, "74/1. A title\n\nThe General Assembly,\n\n Recalling its resolutions,\n\n Noting the report,\n").unwrap();
    for (file, needle) in [
        (&empty, "is empty"),
        (&binary, "binary"),
        (&big, "no enacting formula"),
        (&no_para, "no numbered operative paragraph"),
    ] {
        let start = std::time::Instant::now();
        let out = resolute(&["import", file.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{}: {err}", file.display());
        assert!(
            err.contains(needle) && err.contains("hint"),
            "{}: {err}",
            file.display()
        );
        assert!(!err.contains("panicked"));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "{} took too long",
            file.display()
        );
    }
}

#[test]
fn the_importer_survives_mangled_input() {
    // A deterministic stand-in for fuzzing in CI: thousands of cut, doubled and
    // corrupted versions of the fixtures must give a model or an error, never a panic.
    let assets = resolute::Assets::embedded();
    let lexicons: Vec<_> = [resolute::model::Lang::En, resolute::model::Lang::Fr]
        .into_iter()
        .map(|l| resolute::Lexicon::load(&assets, l).unwrap())
        .collect();
    let mut seed: u64 = 0x2015_0023;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (path, ..) in IMPORT_FIXTURES {
        let text = std::fs::read_to_string(root().join(path)).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for _ in 0..400 {
            let mut c = chars.clone();
            for _ in 0..(1 + next() % 8) {
                let at = (next() as usize) % c.len().max(1);
                match next() % 5 {
                    0 => c.truncate(at),
                    1 => {
                        let end = (at + (next() as usize % 200)).min(c.len());
                        c.drain(at..end);
                    }
                    2 => c.insert(
                        at.min(c.len()),
                        ['\n', '_', '1', ')', '(', '.', ' ', '-', '[', '^'][next() as usize % 10],
                    ),
                    3 => {
                        let end = (at + (next() as usize % 300)).min(c.len());
                        let piece: Vec<char> = c[at..end].to_vec();
                        c.splice(at..at, piece);
                    }
                    _ => c.reverse(),
                }
            }
            let mangled: String = c.into_iter().collect();
            let _ = resolute::import_text(&mangled, Path::new("mangled.txt"), &lexicons);
        }
    }
}

/// Runs `resolute` with its standard input an open pipe that nothing is
/// written to, and fails the test if it has not ended within `secs` seconds
/// (it is killed then): for the inputs an importer could block or loop on.
fn resolute_within(args: &[&str], secs: u64) -> std::process::Output {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_resolute"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run resolute");
    // Both pipes are read while it runs, so that a full pipe cannot hold it.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let stdin = child.stdin.take();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for resolute") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("resolute {args:?} did not end within {secs} s: killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    drop(stdin);
    std::process::Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// Checks that importing `file` fails at once with an I/O error (exit code 6)
/// whose message has `needle`, with a hint, and without output.
fn expect_refused(file: &str, needle: &str) {
    let out = resolute_within(&["import", file], 20);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(6), "{file}: {err}");
    assert!(err.contains(needle), "{file}: {err}");
    assert!(err.contains("hint"), "{file}: no hint: {err}");
    assert!(!err.contains("panicked"), "{file}: {err}");
    assert!(out.stdout.is_empty(), "{file}: wrote output");
}

#[cfg(unix)]
#[test]
fn importing_a_device_is_refused_without_reading_it() {
    // /dev/zero never ends: read, it would fill memory.
    expect_refused("/dev/zero", "/dev/zero is a device, not a regular file");
}

#[cfg(unix)]
#[test]
fn importing_a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["fifo.txt", "fifo.xml"] {
        let fifo = dir.path().join(name);
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
        expect_refused(fifo.to_str().unwrap(), "is a named pipe (FIFO)");
    }
}

#[cfg(unix)]
#[test]
fn importing_standard_input_is_refused_when_it_is_a_pipe() {
    // `import` reads no standard input of its own; given /dev/stdin (an open
    // pipe nothing is written to), it must not wait on it.
    if !Path::new("/dev/stdin").exists() {
        return;
    }
    expect_refused("/dev/stdin", "is a named pipe (FIFO)");
}

#[test]
fn importing_a_file_over_the_limit_is_refused_before_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["big.txt", "big.xml"] {
        let big = dir.path().join(name);
        // Sparse: one byte over 16 MiB, without writing 16 MiB.
        let file = std::fs::File::create(&big).unwrap();
        file.set_len((16 << 20) + 1).unwrap();
        expect_refused(
            big.to_str().unwrap(),
            "is 16 MiB, more than the 16 MiB resolute reads as a file to import",
        );
    }
    // Exactly at the limit, the file is read (and then found not to be text).
    let at = dir.path().join("at.txt");
    std::fs::File::create(&at)
        .unwrap()
        .set_len(16 << 20)
        .unwrap();
    let out = resolute_within(&["import", at.to_str().unwrap()], 60);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("binary") && err.contains("hint"), "{err}");
}

/// The French fixture with its preamble (footnote block included) `copies`
/// times over.
fn repeated_preamble(copies: usize) -> String {
    let text = std::fs::read_to_string(root().join(CORPUS)).unwrap();
    let start = text.find(" Conscient de").unwrap();
    let end = text.find(" 1. Souligne").unwrap();
    format!(
        "{}{}{}",
        &text[..start],
        text[start..end].repeat(copies),
        &text[end..]
    )
}

#[test]
fn a_large_import_is_the_small_one_repeated() {
    // Not timed (benches/import.rs measures): a text of very many paragraphs
    // and footnote blocks gives, paragraph for paragraph, what one copy gives.
    let lexicons: Vec<_> = [resolute::model::Lang::En, resolute::model::Lang::Fr]
        .into_iter()
        .map(|l| resolute::Lexicon::load(&resolute::Assets::embedded(), l).unwrap())
        .collect();
    let import = |text: &str| {
        resolute::import_text(text, Path::new("large.txt"), &lexicons)
            .unwrap_or_else(|e| panic!("{}", e.render()))
    };
    let one = import(&repeated_preamble(1));
    let copies = 300;
    let many = import(&repeated_preamble(copies));
    let (r1, r) = (&one.resolution, &many.resolution);
    let n = r1.preamble.len();
    assert_eq!(n, 12);
    assert_eq!(r.preamble.len(), n * copies);
    for (i, p) in r.preamble.iter().enumerate() {
        assert_eq!(p, &r1.preamble[i % n], "preambular paragraph {}", i + 1);
    }
    assert_eq!(r.operative, r1.operative);
    let two = import(&repeated_preamble(2));
    let per_copy = two.joins.len() - one.joins.len();
    assert_eq!(many.joins.len(), one.joins.len() + (copies - 1) * per_copy);
    // Footnotes 1 and 2 are defined again in every copy: kept as `1b`, `2b`.
    assert_eq!(r.footnotes.len(), r1.footnotes.len() + (copies - 1) * 2);
    let twice = many
        .warnings
        .iter()
        .filter(|w| w.message.contains("is defined twice"))
        .count();
    assert_eq!(twice, (copies - 1) * 2);
    assert_eq!(many.warnings.len(), twice + one.warnings.len());
}

/// The warnings of an import, as text.
fn warnings_of(imported: &resolute::Import) -> Vec<String> {
    imported
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.line, w.message))
        .collect()
}

#[test]
fn a_security_council_heading_in_capitals_with_its_adoption_line_imports() {
    let i = import_lib("tests/fixtures/import/S-RES-827-1993.en.txt");
    let r = &i.resolution;
    assert_eq!(r.number, "827 (1993)");
    assert_eq!(r.organ, resolute::model::Organ::SecurityCouncil);
    let meeting = r.meeting.as_ref().expect("the adoption line");
    assert_eq!(meeting.name, "3217th meeting");
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("1993-05-25"));
    // "Determining" is a lead; the paragraph cut by a page break
    // ("Steering" / blank / "Committee") stays one.
    assert!(r.preamble.iter().any(|p| p.lead == "Determining"));
    assert!(r.preamble.iter().any(|p| p
        .text
        .contains("Co-Chairmen of the Steering Committee of the International")));
    assert!(i.warnings.is_empty(), "{:?}", warnings_of(&i));
}

#[test]
fn a_resolution_in_parts_keeps_its_parts_and_numbering() {
    let i = import_lib("tests/fixtures/import/S-RES-687-1991.en.txt");
    let r = &i.resolution;
    let parts: Vec<(&str, Vec<u32>)> = r
        .parts
        .iter()
        .map(|p| {
            (
                p.number.as_str(),
                p.operative.iter().map(|o| o.number).collect(),
            )
        })
        .collect();
    assert_eq!(
        r.operative.iter().map(|p| p.number).collect::<Vec<_>>(),
        [1]
    );
    assert_eq!(
        parts,
        [
            ("A", vec![2, 3, 4]),
            ("B", vec![5, 6]),
            ("C", (7..=14).collect()),
            ("D", vec![15]),
            ("E", (16..=19).collect()),
            ("F", (20..=29).collect()),
            ("G", vec![30, 31]),
            ("H", vec![32]),
            ("I", vec![33, 34]),
        ]
    );
    // Two preambular paragraphs with no blank line between them are two.
    assert!(r
        .preamble
        .iter()
        .any(|p| p.lead == "Recalling also" && p.text.starts_with("that Iraq has signed")));
    // OCR noise in the date is reported and kept, never read as a date.
    assert_eq!(r.date, None);
    let w = warnings_of(&i);
    assert!(
        w.iter()
            .any(|m| m.starts_with("2: ") && m.contains("Apri]")),
        "{w:?}"
    );
    // Bare-figure footnote calls without their notes stay text, with a warning.
    assert!(r
        .preamble
        .iter()
        .any(|p| p.text.contains("1989, 60 establishing")));
    assert!(
        w.iter()
            .any(|m| m.contains("`60` after `1989,` looks like a footnote call")),
        "{w:?}"
    );
    // The volume's vote line is kept, not run into paragraph 34.
    assert!(!r.parts[8].operative[1].text.contains("Adopted at"));
    assert!(r
        .source
        .as_deref()
        .unwrap_or("")
        .contains("Adopted at the 298Ist meeting"));

    let i = import_lib("tests/fixtures/import/S-RES-820-1993.en.txt");
    let r = &i.resolution;
    let shape: Vec<(&str, usize, usize)> = r
        .parts
        .iter()
        .map(|p| (p.number.as_str(), p.preamble.len(), p.operative.len()))
        .collect();
    assert_eq!(shape, [("A", 0, 9), ("B", 2, 21), ("C", 1, 3)]);
    let w = warnings_of(&i);
    assert!(
        w.iter().any(|m| m.contains("`c` alone on its line")),
        "{w:?}"
    );
}

#[test]
fn a_general_assembly_resolution_in_titled_parts_numbered_afresh_imports() {
    // A/RES/78/247: parts I and II, each with a heading, a preamble of its own
    // and paragraphs numbered from 1; the meeting line says "(resumed)".
    let i = import_lib("tests/fixtures/import/A-RES-78-247.en.txt");
    let r = &i.resolution;
    assert!(r.preamble.is_empty() && r.operative.is_empty());
    let shape: Vec<(&str, Option<&str>, usize, Vec<u32>)> = r
        .parts
        .iter()
        .map(|p| {
            (
                p.number.as_str(),
                p.heading.as_deref(),
                p.preamble.len(),
                p.operative.iter().map(|o| o.number).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (
                "I",
                Some("Activities of the Office of Internal Oversight Services"),
                2,
                (1..=10).collect()
            ),
            (
                "II",
                Some("Activities of the Independent Audit Advisory Committee"),
                2,
                vec![1, 2]
            ),
        ]
    );
    let leads: Vec<&str> = r.parts[0]
        .operative
        .iter()
        .map(|p| p.lead.as_str())
        .collect();
    assert_eq!(
        &leads[..3],
        ["Reaffirms", "Also reaffirms", "Further reaffirms"]
    );
    // The meeting line closes the text; it is not the end of paragraph 2.
    assert_eq!(
        r.meeting.as_ref().map(|m| m.name.as_str()),
        Some("50th (resumed) plenary meeting")
    );
    assert!(r.parts[1].operative[1].text.ends_with("resolution 61/275."));
    // A document the UN issued is set without hyphenation: "work-" at a line
    // end is "work-planning".
    assert!(r.parts[0].operative[6]
        .text
        .contains("joint work-planning sessions"));
    assert_eq!(
        r.committee.as_deref(),
        Some("on the report of the Fifth Committee (A/78/645, para. 6)")
    );
    assert!(warnings_of(&i).is_empty(), "{:?}", warnings_of(&i));
}

#[test]
fn a_council_volume_s_heading_and_its_notes_at_the_end_import() {
    // S/RES/38 (1948) as the Official Records volume prints it: "38 (1948).
    // Resolution of 17 January 1948", bare-figure calls whose notes follow
    // the vote line, numbered on their own lines' first word.
    let i = import_lib("tests/fixtures/import/S-RES-38-1948.en.txt");
    let r = &i.resolution;
    assert_eq!(r.number, "38 (1948)");
    assert_eq!(r.date, resolute::model::Date::new(1948, 1, 17));
    assert_eq!(r.organ, resolute::model::Organ::SecurityCouncil);
    assert_eq!(r.preamble[0].lead, "Having heard");
    assert!(
        r.preamble[2]
            .text
            .contains("parties[^1] and of their replies thereto,[^2] in which"),
        "{}",
        r.preamble[2].text
    );
    let notes: Vec<(&str, &str)> = r
        .footnotes
        .iter()
        .map(|f| (f.marker.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            (
                "1",
                "See Official Records of the Security Council, Third Year, Nos. I-15, 226th meeting. pp. 4-5 (document S/636)."
            ),
            (
                "2",
                "Ibid., Third Year, Supplement for January, February and March 1948, documents S/639 and S/640."
            ),
        ]
    );
    assert_eq!(r.operative[1].lead, "Further requests");
    assert!(r.operative[1].text.ends_with("Council thereon."));
    // The document symbol in mismatched brackets is kept and reported, and
    // so is the vote line.
    let source = r.source.as_deref().unwrap_or("");
    assert!(
        source.starts_with("(S/651]; Adopted at the 229th meeting"),
        "{source}"
    );
    let w = warnings_of(&i);
    assert!(w.iter().any(|m| m.starts_with("3: `(S/651]`")), "{w:?}");
    assert!(w.iter().any(|m| m.contains("a vote line")), "{w:?}");
}

#[test]
fn a_paragraph_number_read_with_a_comma_is_that_paragraph() {
    // S/RES/697 (1991), OCR of the annual volume: "1, Extends once more …".
    let i = import_lib("tests/fixtures/import/S-RES-697-1991.en.txt");
    let r = &i.resolution;
    let ops: Vec<(u32, &str)> = r
        .operative
        .iter()
        .map(|p| (p.number, p.lead.as_str()))
        .collect();
    assert_eq!(ops, [(1, "Extends"), (2, "Requests"), (3, "Calls upon")]);
    assert!(r.operative[0].text.starts_with("once more the stationing"));
    // "Adopted unanimously at the 2992th meeting" is a vote line, not the end
    // of paragraph 3.
    assert!(r.operative[2].text.ends_with("the present mandate."));
    assert_eq!(
        r.source.as_deref(),
        Some("Adopted unanimously at the 2992th meeting")
    );
    let w = warnings_of(&i);
    assert!(
        w.iter()
            .any(|m| m.starts_with("21: `1,` read as paragraph number `1.`")),
        "{w:?}"
    );
}

#[test]
fn a_running_head_s_title_on_two_lines_is_furniture() {
    // A/RES/79/230, page 2: "A/RES/79/230" / "Graduation of Cambodia and
    // Senegal from the least developed" / "country category": the second line
    // alone is two words, still the running head's.
    let i = import_lib("tests/fixtures/import/A-RES-79-230.en.txt");
    let r = &i.resolution;
    assert!(r.preamble[4]
        .text
        .ends_with("Sustainable Development Goals,[^2]"));
    assert_eq!(r.footnotes[1].text, "See resolution 70/1.");
    assert_eq!(
        r.operative[0].text,
        "that graduating from the category of least developed countries should not result in a disruption or reversal of development plans, programmes and projects;"
    );
    let heads: Vec<&str> = i
        .dropped
        .iter()
        .filter(|d| d.kind == "running head")
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(
        heads,
        [
            "A/RES/79/230",
            "Graduation of Cambodia and Senegal from the least developed",
            "country category"
        ]
    );
    assert!(warnings_of(&i).is_empty(), "{:?}", warnings_of(&i));
}

#[test]
fn dash_items_are_items_and_leads_are_only_the_verb() {
    let i = import_lib("tests/fixtures/import/S-RES-1445-2002.en.txt");
    let r = &i.resolution;
    let p13 = r.paragraph(13).unwrap();
    assert_eq!(p13.subparagraphs.len(), 6);
    assert!(p13
        .subparagraphs
        .iter()
        .all(|s| s.letter == resolute::model::DASH));
    assert!(p13.subparagraphs[0]
        .text
        .starts_with("Calls for a full cessation"));
    assert!(p13.subparagraphs[3].text.ends_with("by the Tribunal, and"));
    assert!(p13.subparagraphs[4]
        .text
        .starts_with("Reiterates its demand"));
    // "Decides to remain actively seized of the matter.": only "Decides" is italic.
    let last = r.paragraph(25).unwrap();
    assert_eq!(
        (last.lead.as_str(), last.text.as_str()),
        ("Decides", "to remain actively seized of the matter.")
    );
    // "In regard to …, endorses": no lead at the start, said so.
    let p11 = r.paragraph(11).unwrap();
    assert_eq!(p11.lead, "");
    assert!(p11.text.starts_with("In regard to DDR"));
    assert!(warnings_of(&i).iter().any(|m| m.contains("`endorses`")));
    // "ex-" at a line end keeps its hyphen: the text writes "ex-combatants".
    let all = serde_json::to_string(r).unwrap();
    assert!(!all.contains("excombatants"));
    assert!(all.contains("resettlement of any ex-combatants"));
}

#[test]
fn lettered_annexes_are_annexes() {
    let i = import_lib("tests/fixtures/import/S-RES-1454-2002.en.txt");
    let r = &i.resolution;
    let headings: Vec<&str> = r.annexes.iter().map(|a| a.heading.as_str()).collect();
    assert_eq!(headings, ["Annex A", "Annex B"]);
    assert_eq!(r.operative_count(), 5);
}

#[test]
fn another_extractor_s_layout_of_general_assembly_resolutions_imports() {
    // Paragraph numbers alone on their line, trailing spaces, the running
    // head with job number and "2/2".
    let i = import_lib("tests/fixtures/import/A-RES-80-2.pymupdf.en.txt");
    let r = &i.resolution;
    assert_eq!(r.paragraph(1).unwrap().lead, "Reaffirms");
    assert_eq!(
        r.committee.as_deref(),
        Some("on the report of the Fifth Committee (A/80/401, para. 6)")
    );
    let item = r.agenda_item.as_ref().unwrap();
    assert_eq!(item.number, "140");
    assert!(i.dropped.iter().any(|d| d.text.contains("2/2")));
    // No comma after the formula, one unnumbered operative paragraph, an
    // annex of numbered paragraphs.
    let i = import_lib("tests/fixtures/import/A-RES-80-5.pymupdf.en.txt");
    let r = &i.resolution;
    assert_eq!(r.formula, "The General Assembly,");
    assert_eq!(r.operative.len(), 1);
    assert_eq!(r.operative[0].lead, "Adopts");
    assert!(r.annexes[0]
        .paragraphs
        .iter()
        .any(|p| p.starts_with("1. We, Heads of State")));
    assert!(i.warnings.is_empty(), "{:?}", warnings_of(&i));
}

#[test]
fn resolute_s_own_consolidated_text_imports_back_to_its_data() {
    // pdftotext of the example's consolidated text, plain and -layout, in
    // both languages, gives back the resolution data. Not printed, so not
    // compared: `source`. Plain pdftotext joins a word hyphenated at a line
    // end ("soixante-/septième" → "soixanteseptième"), which no importer can
    // undo; in that mode the texts are compared without hyphens.
    let dir = tempfile::tempdir().unwrap();
    for (lang, file) in [("fr", "resolution.yaml"), ("en", "resolution.en.yaml")] {
        let pdf = dir.path().join(format!("text.{lang}.pdf"));
        let out = resolute(&[
            "render",
            EXAMPLE,
            "--kind",
            "text",
            "--lang",
            lang,
            "-o",
            pdf.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let mut expected: resolute::model::Resolution = serde_saphyr::from_str(
            &std::fs::read_to_string(root().join(EXAMPLE).join(file)).unwrap(),
        )
        .unwrap();
        expected.source = None;
        for mode in ["plain", "layout"] {
            let txt = dir.path().join(format!("text.{lang}.{mode}.txt"));
            let mut args = vec![pdf.to_str().unwrap(), txt.to_str().unwrap()];
            if mode == "layout" {
                args.insert(0, "-layout");
            }
            tool("pdftotext", &args);
            let out = resolute(&["import", txt.to_str().unwrap(), "--lang", lang]);
            assert!(out.status.success(), "{lang} {mode}: {}", stderr(&out));
            assert!(
                !stderr(&out).lines().any(|l| l.starts_with("warning")),
                "{lang} {mode}: {}",
                stderr(&out)
            );
            let imported: resolute::model::Resolution =
                serde_saphyr::from_str(&String::from_utf8_lossy(&out.stdout)).unwrap();
            let json = |r: &resolute::model::Resolution| {
                let s = serde_json::to_string_pretty(r).unwrap();
                if mode == "plain" {
                    s.replace('-', "")
                } else {
                    s
                }
            };
            similar_asserts_eq(
                &json(&expected),
                &json(&imported),
                &format!("{lang} {mode}"),
            );
        }
    }
}

/// Equal, or a panic naming the first line that differs.
fn similar_asserts_eq(expected: &str, got: &str, what: &str) {
    if expected == got {
        return;
    }
    let first = expected
        .lines()
        .zip(got.lines())
        .find(|(a, b)| a != b)
        .map(|(a, b)| format!("expected {a}\n     got {b}"))
        .unwrap_or_else(|| "one is longer".into());
    panic!("{what}: the imported data differs from the example's:\n{first}");
}
