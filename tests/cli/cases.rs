//! Data-driven cases: each folder of `tests/cases/` holds a `case.toml` that
//! sets up a copy of the worked example (or an empty folder), runs the binary
//! once, and says what must come out: the exit code, what stderr and stdout
//! must and must not say, which files must be left as they were, which must
//! exist. See `tests/cases/README.md` for the format.
//!
//! Every case runs under a timeout, so a hang is a failure, not a stuck test
//! run. `RESOLUTE_BIN` runs the cases against another build (to show that a
//! case fails without the fix it covers).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::common::*;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case reproduces.
    #[allow(dead_code)]
    about: String,
    /// The point of the issue it covers.
    #[allow(dead_code)]
    point: u32,
    /// `example` (a copy of the worked example) or `empty`.
    #[serde(default = "example")]
    base: String,
    /// Steps applied to the copy before the run.
    #[serde(default)]
    setup: Vec<Step>,
    /// The arguments; `{dir}` is the copy, `{out}` an empty output folder,
    /// `{tmp}` a scratch folder, `{root}` the repository.
    args: Vec<String>,
    /// What standard output is: `capture` (default), `closed` (the reader
    /// has gone) or `full` (`/dev/full`).
    #[serde(default = "capture")]
    stdout: String,
    /// What standard error is: `capture` or `closed`.
    #[serde(default = "capture")]
    stderr: String,
    /// The exit code.
    exit: i32,
    /// Texts stderr must contain.
    #[serde(default)]
    stderr_has: Vec<String>,
    /// Texts stderr must not contain.
    #[serde(default)]
    stderr_lacks: Vec<String>,
    /// The most bytes stderr may hold.
    #[serde(default)]
    stderr_max: Option<usize>,
    /// Texts stdout must contain.
    #[serde(default)]
    stdout_has: Vec<String>,
    /// Files (with placeholders) whose bytes must not change.
    #[serde(default)]
    unchanged: Vec<String>,
    /// Files that must exist afterwards.
    #[serde(default)]
    exists: Vec<String>,
    /// Files that must not exist afterwards.
    #[serde(default)]
    absent: Vec<String>,
    /// How many entries `{out}` must hold afterwards.
    #[serde(default)]
    out_entries: Option<usize>,
    /// Seconds before the run counts as hung.
    #[serde(default = "timeout")]
    timeout: u64,
}

fn example() -> String {
    "example".into()
}

fn capture() -> String {
    "capture".into()
}

fn timeout() -> u64 {
    60
}

#[derive(Debug, Deserialize)]
#[serde(tag = "do", rename_all = "kebab-case", deny_unknown_fields)]
enum Step {
    /// Removes a file.
    Remove { path: String },
    /// Keeps the report and resolution files of these languages only (the
    /// example has six).
    Languages { keep: Vec<String> },
    /// Writes a file.
    Write { path: String, text: String },
    /// Replaces `from` by `to` (once) in a file; `from` must be there.
    /// With `times`, `to` is repeated that many times.
    Replace {
        path: String,
        from: String,
        to: String,
        #[serde(default)]
        times: Option<usize>,
    },
    /// Copies a file of the repository (`from`, relative to it).
    Copy { from: String, to: String },
    /// Makes a symbolic link at `path` to `to`.
    Symlink { path: String, to: String },
    /// Makes a hard link at `path` to the file `to`.
    Hardlink { path: String, to: String },
    /// Makes a FIFO at `path`.
    Fifo { path: String },
    /// Makes a folder.
    Mkdir { path: String },
    /// Dates a file `seconds` in the past.
    Age { path: String, seconds: u64 },
    /// Writes `head`, then `text` repeated `times` times, then `tail`.
    Repeat {
        path: String,
        #[serde(default)]
        head: String,
        text: String,
        times: usize,
        #[serde(default)]
        tail: String,
    },
}

struct Places {
    dir: PathBuf,
    out: PathBuf,
    tmp: PathBuf,
}

impl Places {
    fn fill(&self, s: &str) -> String {
        s.replace("{dir}", self.dir.to_str().unwrap())
            .replace("{out}", self.out.to_str().unwrap())
            .replace("{tmp}", self.tmp.to_str().unwrap())
            .replace("{root}", root().to_str().unwrap())
    }

    fn path(&self, s: &str) -> PathBuf {
        let filled = self.fill(s);
        let p = PathBuf::from(&filled);
        if p.is_absolute() {
            p
        } else {
            self.dir.join(p)
        }
    }
}

fn apply(step: &Step, at: &Places) -> Result<(), String> {
    let io = |e: std::io::Error| format!("{step:?}: {e}");
    match step {
        Step::Remove { path } => std::fs::remove_file(at.path(path)).map_err(io),
        Step::Languages { keep } => {
            let keep: Vec<&str> = keep.iter().map(String::as_str).collect();
            keep_languages(&at.dir, &keep);
            Ok(())
        }
        Step::Write { path, text } => std::fs::write(at.path(path), at.fill(text)).map_err(io),
        Step::Replace {
            path,
            from,
            to,
            times,
        } => {
            let p = at.path(path);
            let text = std::fs::read_to_string(&p).map_err(io)?;
            if !text.contains(from.as_str()) {
                return Err(format!("{from:?} is not in {path}: adjust the case"));
            }
            let to = at.fill(to).repeat(times.unwrap_or(1));
            std::fs::write(&p, text.replacen(from.as_str(), &to, 1)).map_err(io)
        }
        Step::Copy { from, to } => std::fs::copy(root().join(from), at.path(to))
            .map(|_| ())
            .map_err(io),
        Step::Symlink { path, to } => {
            std::os::unix::fs::symlink(at.fill(to), at.path(path)).map_err(io)
        }
        Step::Hardlink { path, to } => std::fs::hard_link(at.path(to), at.path(path)).map_err(io),
        Step::Fifo { path } => {
            let ok = Command::new("mkfifo")
                .arg(at.path(path))
                .status()
                .map_err(io)?
                .success();
            if ok {
                Ok(())
            } else {
                Err("mkfifo failed".into())
            }
        }
        Step::Mkdir { path } => std::fs::create_dir_all(at.path(path)).map_err(io),
        Step::Age { path, seconds } => {
            let when = std::time::SystemTime::now() - Duration::from_secs(*seconds);
            std::fs::File::options()
                .write(true)
                .open(at.path(path))
                .and_then(|f| f.set_modified(when))
                .map_err(io)
        }
        Step::Repeat {
            path,
            head,
            text,
            times,
            tail,
        } => {
            let mut out = String::with_capacity(head.len() + text.len() * times + tail.len());
            out.push_str(head);
            for i in 0..*times {
                out.push_str(&text.replace("{i}", &(i + 1).to_string()));
            }
            out.push_str(tail);
            std::fs::write(at.path(path), out).map_err(io)
        }
    }
}

fn binary() -> PathBuf {
    std::env::var_os("RESOLUTE_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_resolute")))
}

/// Runs one case; the problems found, if any.
fn run_case(folder: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(folder.join("case.toml")).unwrap();
    let case: Case = match toml::from_str(&text) {
        Ok(c) => c,
        Err(e) => return vec![format!("case.toml: {e}")],
    };
    let scratch = tempfile::tempdir().unwrap();
    let at = Places {
        dir: scratch.path().join("dir"),
        out: scratch.path().join("out"),
        tmp: scratch.path().join("tmp"),
    };
    std::fs::create_dir_all(&at.out).unwrap();
    std::fs::create_dir_all(&at.tmp).unwrap();
    std::fs::create_dir_all(&at.dir).unwrap();
    if case.base == "example" {
        for entry in std::fs::read_dir(root().join(EXAMPLE)).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, at.dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    for step in &case.setup {
        if let Err(e) = apply(step, &at) {
            return vec![format!("setup: {e}")];
        }
    }
    let watched: Vec<(PathBuf, Vec<u8>)> = case
        .unchanged
        .iter()
        .map(|p| {
            let path = at.path(p);
            let bytes = std::fs::read(&path).unwrap_or_default();
            (path, bytes)
        })
        .collect();

    let mut command = Command::new(binary());
    command
        .args(case.args.iter().map(|a| at.fill(a)))
        .current_dir(scratch.path())
        .stdin(Stdio::null());
    match case.stdout.as_str() {
        "full" => {
            command.stdout(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            );
        }
        "closed" => {
            command.stdout(closed_pipe());
        }
        _ => {
            command.stdout(Stdio::piped());
        }
    }
    match case.stderr.as_str() {
        "closed" => command.stderr(closed_pipe()),
        _ => command.stderr(Stdio::piped()),
    };
    let mut child = command.spawn().expect("run resolute");
    let mut stdout = String::new();
    let mut stderr = String::new();
    let read = |mut s: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = s.read_to_string(&mut text);
            text
        })
    };
    let out_reader = child.stdout.take().map(|s| read(Box::new(s)));
    let err_reader = child.stderr.take().map(|s| read(Box::new(s)));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > Duration::from_secs(case.timeout) {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if let Some(r) = out_reader {
        stdout = r.join().unwrap_or_default();
    }
    if let Some(r) = err_reader {
        stderr = r.join().unwrap_or_default();
    }
    let mut problems = Vec::new();
    let Some(status) = status else {
        return vec![format!("no answer after {} s (a hang)", case.timeout)];
    };
    if status.code() != Some(case.exit) {
        problems.push(format!(
            "exit code {:?}, expected {}",
            status.code(),
            case.exit
        ));
    }
    if stderr.contains("panicked") {
        problems.push("a panic reached the user".into());
    }
    for needle in &case.stderr_has {
        let needle = at.fill(needle);
        if !stderr.contains(&needle) {
            problems.push(format!("stderr lacks {needle:?}"));
        }
    }
    for needle in &case.stderr_lacks {
        if stderr.contains(&at.fill(needle)) {
            problems.push(format!("stderr has {needle:?}"));
        }
    }
    if let Some(max) = case.stderr_max {
        if stderr.len() > max {
            problems.push(format!(
                "stderr holds {} bytes, more than {max}",
                stderr.len()
            ));
        }
    }
    for needle in &case.stdout_has {
        if !stdout.contains(&at.fill(needle)) {
            problems.push(format!("stdout lacks {needle:?}"));
        }
    }
    for (path, before) in &watched {
        let after = std::fs::read(path).unwrap_or_default();
        if &after != before {
            problems.push(format!("{} changed", path.display()));
        }
    }
    for p in &case.exists {
        if !at.path(p).exists() {
            problems.push(format!("{p} does not exist"));
        }
    }
    for p in &case.absent {
        if at.path(p).exists() {
            problems.push(format!("{p} exists"));
        }
    }
    if let Some(n) = case.out_entries {
        let found: Vec<String> = std::fs::read_dir(&at.out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        if found.len() != n {
            problems.push(format!(
                "{{out}} holds {} entries, expected {n}: {found:?}",
                found.len()
            ));
        }
    }
    if !problems.is_empty() {
        let clipped: String = stderr.chars().take(3_000).collect();
        problems.push(format!("stderr was:\n{clipped}"));
    }
    problems
}

#[test]
fn every_case_of_tests_cases() {
    let dir = root().join("tests/cases");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("case.toml").is_file())
        .collect();
    folders.sort();
    assert!(folders.len() > 10, "the cases are missing");
    let only = std::env::var("RESOLUTE_CASE").ok();
    let mut failed = Vec::new();
    for folder in &folders {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let problems = run_case(folder);
        if !problems.is_empty() {
            failed.push(format!("--- {name}:\n{}", problems.join("\n")));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:\n{}",
        failed.len(),
        folders.len(),
        failed.join("\n")
    );
}

/// The write end of a pipe whose read end is already closed: every write
/// to it fails with a broken pipe, from the program's first byte.
fn closed_pipe() -> Stdio {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: `pipe2` fills two new descriptors, owned here from now on.
    let (read, write) = unsafe {
        assert_eq!(libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC), 0, "pipe");
        (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]))
    };
    drop(read);
    Stdio::from(write)
}
