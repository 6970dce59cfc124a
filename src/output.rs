//! Writing a set of output files as one: every file is written in full to a
//! temporary file beside its target first, and only when all are written are
//! they renamed into place. A failure (a full disk, a folder that cannot be
//! written) removes the temporary files and leaves the existing outputs as
//! they were; no output ever replaces one of the run's inputs.
//!
//! Temporary files are named `.resolute-*.part` and held locked by the run
//! that writes them; a run that is killed leaves its own behind, and the next
//! run writing into that folder removes those no live run holds.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};

const PREFIX: &str = ".resolute-";
const SUFFIX: &str = ".part";

/// The files a run reads, to refuse writing over any of them: the same file
/// under another name, through a link or a hard link, counts.
#[derive(Debug, Default)]
pub struct Inputs {
    paths: Vec<PathBuf>,
    #[cfg(unix)]
    ids: Vec<(u64, u64)>,
}

impl Inputs {
    /// The inputs among `paths` (those that exist).
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Inputs {
        let mut inputs = Inputs::default();
        for path in paths {
            if let Ok(real) = path.canonicalize() {
                inputs.paths.push(real);
            }
            #[cfg(unix)]
            if let Ok(meta) = std::fs::metadata(path) {
                use std::os::unix::fs::MetadataExt;
                inputs.ids.push((meta.dev(), meta.ino()));
            }
        }
        inputs
    }

    /// Whether writing `target` would replace an input.
    pub fn contains(&self, target: &Path) -> bool {
        if target
            .canonicalize()
            .is_ok_and(|real| self.paths.contains(&real))
        {
            return true;
        }
        #[cfg(unix)]
        if let Ok(meta) = std::fs::metadata(target) {
            use std::os::unix::fs::MetadataExt;
            return self.ids.contains(&(meta.dev(), meta.ino()));
        }
        false
    }
}

/// Writes `bytes` to `path`, refusing to overwrite any of `inputs`.
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &Inputs) -> Result<()> {
    write_all(&[(path.to_owned(), bytes.to_vec())], inputs)
}

/// Writes every `(path, bytes)` of `outputs` as one set: all of them, or,
/// on failure, none (the earlier files at those paths are left as they were).
pub fn write_all(outputs: &[(PathBuf, Vec<u8>)], inputs: &Inputs) -> Result<()> {
    for (path, _) in outputs {
        if inputs.contains(path) {
            return Err(Error::new(
                ErrorKind::Io,
                format!(
                    "{} is an input file; resolute will not overwrite it",
                    path.display()
                ),
            )
            .hint("choose another output path with -o or --out-dir"));
        }
        if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err(
                Error::new(ErrorKind::Io, format!("{} is a folder", path.display()))
                    .hint("name a file, or use --out-dir for a folder"),
            );
        }
    }
    // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`) is written to
    // as it is, after the files: renaming a file over it would replace the
    // device itself.
    let (streams, files): (Vec<_>, Vec<_>) = outputs.iter().partition(|(p, _)| is_stream(p));

    let mut folders: Vec<PathBuf> = Vec::new();
    let mut written: Vec<(tempfile::NamedTempFile, &Path)> = Vec::new();
    for (path, bytes) in &files {
        let dir = folder_of(path);
        if !folders.contains(&dir) {
            if std::fs::metadata(&dir).is_ok_and(|m| !m.is_dir()) {
                return Err(Error::new(
                    ErrorKind::Io,
                    format!("{} is a file, not a folder", dir.display()),
                )
                .hint("name a folder for --out-dir or --preview, or a file in one for -o"));
            }
            // On failure `written` is dropped, which removes every
            // temporary file written so far.
            std::fs::create_dir_all(&dir).map_err(|e| Error::io("create the folder", &dir, e))?;
            remove_stale(&dir);
            folders.push(dir);
        }
        written.push((write_part(path, bytes)?, path.as_path()));
    }
    // Every file is written in full: now the renames, each atomic. (A
    // rename that fails after others succeeded leaves those replaced; renames
    // within a folder fail only when the folder itself cannot be written.)
    for (tmp, path) in written {
        keep_permissions(tmp.as_file(), path);
        tmp.persist(path)
            .map_err(|e| Error::io("write", path, e.error))?;
    }
    for (path, bytes) in streams {
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io("open", path, e))?;
        out.write_all(bytes)
            .map_err(|e| Error::io("write", path, e))?;
    }
    Ok(())
}

/// Whether `path` is a device or a pipe to write into rather than a file
/// to replace: one that is not a regular file, or one reached through
/// `/dev` or `/proc` (`-o /dev/stdout` while stdout is redirected to a file
/// leads, through `/proc/self/fd/1`, to a regular file, which must be
/// written to, not replaced).
fn is_stream(path: &Path) -> bool {
    let special = |p: &Path| p.starts_with("/dev") || p.starts_with("/proc");
    if special(path) || path.canonicalize().is_ok_and(|real| special(&real)) {
        return std::fs::metadata(path).is_ok();
    }
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// The folder `path` is in (`.` for a bare file name).
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Writes `bytes` in full to a locked temporary file beside `path`.
fn write_part(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let dir = folder_of(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(PREFIX)
        .suffix(SUFFIX)
        .tempfile_in(&dir)
        .map_err(|e| Error::io("create a temporary file in", &dir, e))?;
    // Held until the file is renamed or removed: a run that finds it
    // unlocked knows its writer is gone.
    let _ = tmp.as_file().lock();
    tmp.write_all(bytes)
        .map_err(|e| Error::io("write", tmp.path(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io("write", tmp.path(), e))?;
    Ok(tmp)
}

/// How old an unlocked temporary file must be to count as a dead run's
/// (a live run locks its file right after creating it).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(10);

/// Removes the temporary files of runs that died in `dir`: regular files
/// no live run holds locked, older than [`STALE_AFTER`]. Best effort: what
/// cannot be removed stays.
fn remove_stale(dir: &Path) {
    remove_stale_after(dir, STALE_AFTER);
}

fn remove_stale_after(dir: &Path, age: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(PREFIX) && name.ends_with(SUFFIX)) {
            continue;
        }
        // Only regular files, not followed through links: opening a FIFO
        // would block.
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = crate::input::open_nonblocking(&path) else {
            continue;
        };
        let old = file
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|elapsed| elapsed >= age);
        if old && file.try_lock().is_ok() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Gives the new file the mode of the file it replaces, or the usual 0644
/// (temporary files start as 0600).
#[cfg(unix)]
fn keep_permissions(file: &File, path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
    // Best effort: a file system without modes keeps what it has.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn keep_permissions(_file: &File, _path: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_written_to_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.pdf");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "mkfifo is needed by this test"
        );
        let (done, finished) = std::sync::mpsc::channel();
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let bytes = std::fs::read(fifo).unwrap();
                let _ = done.send(());
                bytes
            })
        };
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || write_atomic(&fifo, b"%PDF-1.7 bytes", &Inputs::default()))
        };
        // If the pipe were renamed away, the reader would wait for ever:
        // fail instead of hanging.
        if finished
            .recv_timeout(std::time::Duration::from_secs(20))
            .is_err()
        {
            // Unblock the reader so the test process can end.
            let _ = std::fs::write(&fifo, b"");
            panic!("nothing was written to the pipe");
        }
        writer.join().unwrap().unwrap();
        assert_eq!(reader.join().unwrap(), b"%PDF-1.7 bytes");
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "the pipe was replaced by a file");
    }

    #[test]
    fn replaces_whole_files_and_protects_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("sub/out.pdf");
        let none = Inputs::default();
        write_atomic(&out, b"one", &none).unwrap();
        write_atomic(&out, b"two", &none).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"two");
        let err = write_atomic(&out, b"three", &Inputs::new([out.as_path()])).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Io);
        assert_eq!(std::fs::read(&out).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "outputs are readable like any other file");
        }
        let leftovers = std::fs::read_dir(dir.path().join("sub")).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn links_to_an_input_count_as_the_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("resolution.yaml");
        std::fs::write(&input, b"data").unwrap();
        let soft = dir.path().join("soft.pdf");
        let hard = dir.path().join("hard.pdf");
        std::os::unix::fs::symlink(&input, &soft).unwrap();
        std::fs::hard_link(&input, &hard).unwrap();
        let inputs = Inputs::new([input.as_path()]);
        for target in [&soft, &hard] {
            assert!(write_atomic(target, b"pdf", &inputs).is_err(), "{target:?}");
        }
        assert_eq!(std::fs::read(&input).unwrap(), b"data");
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_set_writes_nothing_and_keeps_the_old_files() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("a.pdf");
        std::fs::write(&old, b"old a").unwrap();
        // The second target's folder cannot be created (a file is in the
        // way), so the set fails after the first file is written.
        std::fs::write(dir.path().join("blocked"), b"").unwrap();
        let outputs = vec![
            (old.clone(), b"new a".to_vec()),
            (dir.path().join("blocked/b.pdf"), b"new b".to_vec()),
        ];
        assert!(write_all(&outputs, &Inputs::default()).is_err());
        assert_eq!(std::fs::read(&old).unwrap(), b"old a");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
    }

    #[test]
    fn stale_parts_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".resolute-dead.part");
        std::fs::write(&stale, b"half").unwrap();
        let live = write_part(&dir.path().join("x.pdf"), b"being written").unwrap();
        let fifo = dir.path().join(".resolute-fifo.part");
        let _ = std::process::Command::new("mkfifo").arg(&fifo).status();
        remove_stale_after(dir.path(), std::time::Duration::ZERO);
        assert!(!stale.exists(), "a dead run's file stays");
        assert!(live.path().exists(), "a live run's file was removed");
        // A fresh unlocked file may be one a run has just created and not
        // yet locked: it stays.
        std::fs::write(&stale, b"half").unwrap();
        remove_stale(dir.path());
        assert!(stale.exists());
    }
}
