//! Long documents, re-rendering and batches, measured as whole processes.
//!
//! 1. Reports made from the worked example with N numbered paragraphs, each
//!    citing a footnote (the narrative written for the purpose), at several
//!    sizes: the median time and the peak memory of `resolute render`, and
//!    of `typst compile` on the same source (the document resolute composes,
//!    as JSON, with `templates/un.typ` and the bundled fonts, as PDF/A-2b),
//!    measured in the same run, with their ratio; and how the time grows when
//!    the length doubles.
//! 2. `resolute watch` on a report of about 30 pages: the first render, and
//!    the render after one paragraph of the narrative is edited, beside a
//!    `resolute render` of the same report (the cold render a user would
//!    otherwise run), interleaved with the watch runs.
//! 3. `resolute render --out-dir` of the whole example (every kind, language
//!    and format).
//!
//! Ratios are medians of the ratios of runs made in turn (ours, then the
//! other), so that a drift of the shared machine's speed touches both.
//! Run with `cargo bench --bench long`. The typst CLI is looked for as
//! `$TYPST`, then `typst` on the PATH (`cargo install typst-cli --version
//! 0.15.1 --locked`); without it, the typst columns are left out.
//! `RESOLUTE_BENCH_SIZES=250,500` sets the sizes, `RESOLUTE_BENCH_RUNS` the
//! runs per median (5).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use resolute::{Assets, Kind, Project, Renderer};

const EXAMPLE: &str = "examples/ecosoc-2015-23";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The time (s) and peak resident memory (MiB) of one run of `program`.
fn run<S: AsRef<std::ffi::OsStr> + std::fmt::Debug>(
    program: &Path,
    args: &[S],
    dir: &Path,
) -> (f64, f64) {
    // Messages go to a file, not a pipe nobody reads while waiting.
    let log = tempfile::tempfile().unwrap();
    let start = Instant::now();
    // Reaped by wait4 below, which also gives the peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(log.try_clone().unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("{} does not run: {e}", program.display()));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into the two locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(waited, pid, "wait4 failed");
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let mut err = String::new();
        let mut log = log;
        std::io::Seek::rewind(&mut log).ok();
        std::io::Read::read_to_string(&mut log, &mut err).ok();
        panic!("{} {args:?} failed:\n{err}", program.display());
    }
    (seconds, usage.ru_maxrss as f64 / 1024.0)
}

/// The times (s) and the largest peak (MiB) of repeated runs.
#[derive(Default)]
struct Runs {
    times: Vec<f64>,
    peak: f64,
}

impl Runs {
    fn add(&mut self, (time, peak): (f64, f64)) {
        self.times.push(time);
        self.peak = self.peak.max(peak);
    }

    fn median(&self) -> f64 {
        median_of(self.times.clone())
    }
}

fn median_of(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The median of `a / b` run by run, for runs made in turn (a, b, a, b…):
/// a drift of the machine's speed touches both sides of a pair alike.
fn paired_ratio(a: &[f64], b: &[f64]) -> f64 {
    median_of(a.iter().zip(b).map(|(x, y)| x / y).collect())
}

/// A copy of the example in English only whose narrative has `n` numbered
/// paragraphs, each citing a footnote of its own, in chapters of 50.
fn long_report(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for entry in std::fs::read_dir(root().join(EXAMPLE)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let other_language = (name.starts_with("report.") || name.starts_with("resolution."))
            && !name.starts_with("report.en.")
            && name != "resolution.yaml";
        if path.is_file() && !other_language && !name.ends_with(".png") {
            std::fs::copy(&path, dir.join(&name)).unwrap();
        }
    }
    std::fs::write(dir.join("report.en.md"), narrative(n, "")).unwrap();
}

fn narrative(n: usize, edit: &str) -> String {
    let mut md = String::from("# Introduction\n\n");
    for i in 1..=n {
        if i % 50 == 1 {
            md.push_str(&format!("# Chapter {}\n\n", i / 50 + 1));
        }
        let extra = if i == n / 2 { edit } else { "" };
        md.push_str(&format!(
            "Paragraph {i} describes the action taken under the resolution by the entities responsible, with figures and dates recorded in the progress data of the office, so that its implementation can be followed{extra}.[^n{i}]\n\n[^n{i}]: Illustrative reference {i}: document UNODC/ILL/2016/{i}.\n\n"
        ));
    }
    md
}

/// The source typst is given for `dir`'s report, in `to`: the composed
/// document as JSON, the style file, a main file that lays one out with the
/// other.
fn typst_source(dir: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    let project = Project::load(dir).unwrap();
    let renderer = Renderer::new(Assets::embedded());
    let doc = renderer
        .compose(&project, Kind::Report, resolute::model::Lang::En)
        .unwrap();
    std::fs::write(to.join("doc.json"), resolute::style_data(&doc).unwrap()).unwrap();
    std::fs::copy(root().join("templates/un.typ"), to.join("un.typ")).unwrap();
    std::fs::write(
        to.join("main.typ"),
        "#import \"un.typ\": un-document\n#un-document(json(\"doc.json\"))\n",
    )
    .unwrap();
}

/// The arguments of `command` (`render` or `watch`) that make the English
/// report of `dir` as `out`.
fn report_args(command: &str, dir: &Path, out: &Path) -> Vec<String> {
    let (dir, out) = (dir.display().to_string(), out.display().to_string());
    [
        command, &dir, "--kind", "report", "--lang", "en", "-o", &out,
    ]
    .map(str::to_owned)
    .to_vec()
}

fn pages(pdf: &Path) -> usize {
    // Page objects: "/Type /Page" (or "/Type/Page") not followed by "s".
    let bytes = std::fs::read(pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes).replace("/Type/Page", "/Type /Page");
    text.match_indices("/Type /Page")
        .filter(|(i, m)| !text[i + m.len()..].starts_with('s'))
        .count()
}

fn typst_cli() -> Option<PathBuf> {
    let candidate = std::env::var_os("TYPST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("typst"));
    Command::new(&candidate)
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| candidate)
}

/// The first render and a re-render after one edit of the narrative, by
/// `resolute watch` on `dir` (the times it prints).
fn watch_times(binary: &Path, dir: &Path, n: usize) -> (f64, f64) {
    let out = dir.with_extension("pdf");
    let mut child = Command::new(binary)
        .args(report_args("watch", dir, &out))
        .args(["--poll", "20", "--rounds", "2"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut times = Vec::new();
    while let Some(Ok(line)) = lines.next() {
        if let Some(ms) = line
            .split(" in ")
            .nth(1)
            .and_then(|r| r.strip_suffix(" ms"))
            .and_then(|v| v.parse::<f64>().ok())
        {
            times.push(ms / 1000.0);
            if times.len() == 1 {
                std::thread::sleep(Duration::from_millis(100));
                std::fs::write(dir.join("report.en.md"), narrative(n, " (edited)")).unwrap();
            }
        }
    }
    child.wait().unwrap();
    // Put the narrative back for the next run.
    std::fs::write(dir.join("report.en.md"), narrative(n, "")).unwrap();
    assert_eq!(times.len(), 2, "watch printed {times:?}");
    (times[0], times[1])
}

fn main() {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_resolute"));
    let runs: usize = std::env::var("RESOLUTE_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let sizes: Vec<usize> = std::env::var("RESOLUTE_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![500, 1000, 2000, 4000]);
    let typst = typst_cli();
    let work = tempfile::tempdir().unwrap();
    // RESOLUTE_BENCH_KEEP=DIR: a copy of the folders and typst sources made,
    // to look at or time otherwise.
    let keep = std::env::var_os("RESOLUTE_BENCH_KEEP").map(PathBuf::from);
    let fonts = root().join("fonts");

    println!("## Long reports (one footnote per paragraph), medians of {runs} runs\n");
    println!("| paragraphs | pages | resolute | peak | typst compile | peak | ratio | time / time of half the paragraphs |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut previous: Option<f64> = None;
    for &n in &sizes {
        let dir = work.path().join(format!("r{n}"));
        long_report(&dir, n);
        let source = work.path().join(format!("r{n}-typst"));
        typst_source(&dir, &source);
        let pdf = work.path().join(format!("r{n}.pdf"));
        let args = report_args("render", &dir, &pdf);
        let targs = [
            "compile",
            "--font-path",
            fonts.to_str().unwrap(),
            "--ignore-system-fonts",
            "--pdf-standard",
            "a-2b",
            "main.typ",
            "typst.pdf",
        ];
        // In turn, ours then typst's, so that the ratio is of neighbours.
        let (mut ours_runs, mut typst_runs) = (Runs::default(), Runs::default());
        for _ in 0..runs {
            ours_runs.add(run(&binary, &args, &root()));
            if let Some(t) = &typst {
                typst_runs.add(run(t, &targs, &source));
            }
        }
        let (ours, our_peak) = (ours_runs.median(), ours_runs.peak);
        let (typst_time, typst_peak, ratio) = if typst.is_some() {
            (
                format!("{:.2} s", typst_runs.median()),
                format!("{:.0} MiB", typst_runs.peak),
                format!("{:.2}", paired_ratio(&ours_runs.times, &typst_runs.times)),
            )
        } else {
            ("–".into(), "–".into(), "–".into())
        };
        let growth = previous.map_or("–".into(), |p| format!("{:.2}", ours / p));
        println!(
            "| {n} | {} | {ours:.2} s | {our_peak:.0} MiB | {typst_time} | {typst_peak} | {ratio} | {growth} |",
            pages(&pdf)
        );
        previous = Some(ours);
    }
    if typst.is_none() {
        println!("\n(no typst CLI: set TYPST or install typst-cli 0.15.1 for the typst columns)");
    }

    // About 30 pages: 380 paragraphs.
    let n = 380;
    let dir = work.path().join("watched");
    long_report(&dir, n);
    let pdf = work.path().join("rendered.pdf");
    let args = report_args("render", &dir, &pdf);
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    let mut process = Vec::new();
    for _ in 0..runs {
        let (c, w) = watch_times(&binary, &dir, n);
        cold.push(c);
        warm.push(w);
        process.push(run(&binary, &args, &root()).0);
    }
    let (c, w, p) = (
        median_of(cold.clone()),
        median_of(warm.clone()),
        median_of(process.clone()),
    );
    println!(
        "\n## watch, a report of {n} paragraphs ({} pages), medians of {runs}\n",
        pages(&dir.with_extension("pdf"))
    );
    println!("| `render` (whole process) | watch: first render | watch: after editing one paragraph | ratio to the first render | ratio to `render` |");
    println!("|---:|---:|---:|---:|---:|");
    println!(
        "| {:.0} ms | {:.0} ms | {:.0} ms | {:.2} | {:.2} |",
        p * 1000.0,
        c * 1000.0,
        w * 1000.0,
        paired_ratio(&warm, &cold),
        paired_ratio(&warm, &process)
    );

    let out = work.path().join("batch");
    let example = root().join(EXAMPLE);
    let args = [
        "render",
        example.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
    ];
    let mut batch = Runs::default();
    for _ in 0..runs {
        batch.add(run(&binary, &args, &root()));
    }
    let (t, m) = (batch.median(), batch.peak);
    let files = std::fs::read_dir(&out).unwrap().count();
    if let Some(keep) = keep {
        let copied = Command::new("cp")
            .args(["-r", &format!("{}/.", work.path().display())])
            .arg(&keep)
            .status();
        println!("\nkept in {}: {copied:?}", keep.display());
    }
    println!("\n## render --out-dir of the example, median of {runs}\n");
    println!("| files | time | peak |");
    println!("|---:|---:|---:|");
    println!("| {files} | {t:.2} s | {m:.0} MiB |");
}
