//! Writing output files atomically: a temporary file in the same folder,
//! then a rename, so a failed render never leaves a half-written file and an
//! existing output stays untouched until the new one is complete.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// Writes `bytes` to `path` atomically, refusing to overwrite any of `inputs`.
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<()> {
    if let Ok(target) = path.canonicalize() {
        if inputs
            .iter()
            .filter_map(|p| p.canonicalize().ok())
            .any(|p| p == target)
        {
            return Err(Error::new(
                ErrorKind::Io,
                format!(
                    "{} is an input file; resolute will not overwrite it",
                    path.display()
                ),
            )
            .hint("choose another output path with -o or --out-dir"));
        }
    }
    // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`) is written to
    // as it is: renaming a file over it would replace the device itself.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io("open", path, e))?;
        return out
            .write_all(bytes)
            .map_err(|e| Error::io("write", path, e));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create the folder", dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".resolute-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a temporary file in", dir, e))?;
    tmp.write_all(bytes)
        .map_err(|e| Error::io("write", tmp.path(), e))?;
    keep_permissions(tmp.as_file(), path);
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io("write", tmp.path(), e))?;
    tmp.persist(path)
        .map_err(|e| Error::io("write", path, e.error))?;
    Ok(())
}

/// Gives the new file the mode of the file it replaces, or the usual 0644
/// (temporary files start as 0600).
#[cfg(unix)]
fn keep_permissions(file: &std::fs::File, path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
    // Best effort: a file system without modes keeps what it has.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn keep_permissions(_file: &std::fs::File, _path: &Path) {}

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
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        write_atomic(&fifo, b"%PDF-1.7 bytes", &[]).unwrap();
        assert_eq!(reader.join().unwrap(), b"%PDF-1.7 bytes");
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "the pipe was replaced by a file");
    }

    #[test]
    fn replaces_whole_files_and_protects_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("sub/out.pdf");
        write_atomic(&out, b"one", &[]).unwrap();
        write_atomic(&out, b"two", &[]).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"two");
        let err = write_atomic(&out, b"three", &[&out]).unwrap_err();
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
}
