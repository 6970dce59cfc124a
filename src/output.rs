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
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create the folder", dir, &e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".resolute-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a temporary file in", dir, &e))?;
    tmp.write_all(bytes)
        .map_err(|e| Error::io("write", tmp.path(), &e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io("write", tmp.path(), &e))?;
    tmp.persist(path)
        .map_err(|e| Error::io("write", path, &e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let leftovers = std::fs::read_dir(dir.path().join("sub")).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }
}
