//! Peak memory of whole runs on a long resolution: `check` and
//! `render --out-dir` of a folder whose resolution (JSON) has many operative
//! paragraphs, against rendering its largest single document, each measured
//! with `/usr/bin/time -v` in the same run. A run must need little more than
//! its largest document (typst's memoized work is forgotten between
//! documents), so both ratios should stay under 1.5.
//!
//! Run with `cargo bench --bench memory`. `RESOLUTE_BENCH_PARAGRAPHS` sets the
//! number of paragraphs (20,000 by default); `RESOLUTE_BEFORE=/path/to/an/older/resolute`
//! measures `check` with another build too, for a before-and-after figure.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Peak resident memory (MiB) and wall time (s) of one run.
fn measure(binary: &Path, args: &[&str]) -> (f64, f64) {
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(binary)
        .args(args)
        .output()
        .expect("/usr/bin/time runs (Debian package `time`)");
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{} {args:?} failed:\n{stderr}",
        binary.display()
    );
    let kib: f64 = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok())
        .expect("time -v reports the peak");
    (kib / 1024.0, seconds)
}

/// A report folder whose resolution has `n` operative paragraphs.
fn long_resolution(dir: &Path, n: usize) {
    let mut json = String::from(
        "{\"organ\": \"economic-and-social-council\", \"number\": \"2015/23\", \"language\": \"fr\", \
         \"title\": \"Résolution d’essai de grande longueur\", \"formula\": \"Le Conseil économique et social,\", \
         \"preamble\": [{\"lead\": \"Rappelant\", \"text\": \"ses résolutions antérieures,\"}], \"operative\": [",
    );
    for i in 1..=n {
        if i > 1 {
            json.push(',');
        }
        json.push_str(&format!(
            "{{\"number\": {i}, \"lead\": \"Prie\", \"text\": \"le Secrétaire général de faire rapport sur la suite donnée au paragraphe {i} de la présente résolution, en tenant compte des vues exprimées par les États Membres ;\"}}"
        ));
    }
    json.push_str("]}");
    std::fs::write(dir.join("resolution.json"), json).unwrap();
}

fn main() {
    let n: usize = std::env::var("RESOLUTE_BENCH_PARAGRAPHS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let binary = Path::new(env!("CARGO_BIN_EXE_resolute"));
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().join("long");
    std::fs::create_dir(&dir).unwrap();
    long_resolution(&dir, n);
    let d = dir.to_str().unwrap();
    let out = scratch.path().join("out");
    let o = out.to_str().unwrap();
    let one = scratch.path().join("one.pdf");

    println!("a resolution of {n} operative paragraphs (JSON), whole runs, peak resident memory");
    // The folder makes the consolidated text and the compact edition in
    // French, PDF and DOCX; the compact edition (A5) has the most pages.
    let mut singles = Vec::new();
    for kind in ["text", "compact"] {
        let (mib, s) = measure(
            binary,
            &[
                "render",
                d,
                "--kind",
                kind,
                "--format",
                "pdf",
                "-o",
                one.to_str().unwrap(),
            ],
        );
        println!("render one document ({kind}.fr.pdf): {mib:8.0} MiB {s:7.1} s");
        singles.push(mib);
    }
    let largest = singles.iter().copied().fold(0.0, f64::max);
    let (check, s) = measure(binary, &["check", d]);
    println!(
        "check (4 documents laid out): {check:8.0} MiB {s:7.1} s   ratio to the largest document {:.2}",
        check / largest
    );
    let (batch, s) = measure(binary, &["render", d, "--out-dir", o]);
    println!(
        "render --out-dir (4 files): {batch:8.0} MiB {s:7.1} s   ratio to the largest document {:.2}",
        batch / largest
    );
    if let Some(before) = std::env::var_os("RESOLUTE_BEFORE") {
        let (old, s) = measure(Path::new(&before), &["check", d]);
        println!(
            "check with {}: {old:8.0} MiB {s:7.1} s   ratio to this build's check {:.2}",
            Path::new(&before).display(),
            old / check
        );
    }
}
