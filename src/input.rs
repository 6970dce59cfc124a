//! Reading the files resolute is given: regular files only, within a size
//! limit, and, for a project's own files, only inside its folder.
//!
//! Every file resolute reads goes through here, so that a FIFO never blocks
//! it, `/dev/zero` never fills memory, a symlink never leads it out of the
//! report folder, and a mistaken multi-gigabyte file is refused before it is
//! read.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};

/// The most bytes resolute reads from one kind of file.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// The size limit in bytes.
    pub bytes: u64,
    /// What such a file is, for messages: "a data file".
    pub what: &'static str,
}

const MIB: u64 = 1 << 20;

/// A data file (YAML, JSON, TOML) of a report folder.
pub const DATA: Limit = Limit {
    bytes: 16 * MIB,
    what: "a data file",
};

/// A progress spreadsheet (CSV, XLSX), as stored.
pub const SHEET: Limit = Limit {
    bytes: 16 * MIB,
    what: "a progress spreadsheet",
};

/// A template, locale, word-list or style file of `--templates`.
pub const TEMPLATE: Limit = Limit {
    bytes: 4 * MIB,
    what: "a template file",
};

/// A font file of `--font-path`.
pub const FONT: Limit = Limit {
    bytes: 64 * MIB,
    what: "a font file",
};

/// A text or Akoma Ntoso file given to `import`, or a file to `export`.
pub const IMPORT: Limit = Limit {
    bytes: 16 * MIB,
    what: "a file to import",
};

/// A file the typst style reads from the report folder with `read()`,
/// `image()` and the like.
pub const STYLE_READ: Limit = Limit {
    bytes: 64 * MIB,
    what: "a file read by the style",
};

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// It could not be opened or read.
    Io(std::io::Error),
    /// It is not a regular file (a folder, a FIFO, a device, a socket).
    NotAFile(&'static str),
    /// It is larger than the limit.
    TooLarge(u64),
    /// It resolves (through symlinks) outside the folder it must be in.
    Outside(PathBuf),
}

/// Reads a regular file of at most `limit.bytes` bytes.
///
/// The file is opened without blocking (a FIFO does not wait for a writer)
/// and its type is taken from the open file, so that it cannot be swapped
/// between the check and the read.
pub fn read_raw(path: &Path, limit: &Limit) -> std::result::Result<Vec<u8>, Refusal> {
    let file = open_nonblocking(path).map_err(Refusal::Io)?;
    let meta = file.metadata().map_err(Refusal::Io)?;
    if !meta.is_file() {
        return Err(Refusal::NotAFile(kind_of(&meta)));
    }
    if meta.len() > limit.bytes {
        return Err(Refusal::TooLarge(meta.len()));
    }
    // The length can grow while reading: take one byte more than allowed
    // to notice.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(Refusal::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// [`read_raw`], for a file that must resolve inside `root` (a canonical
/// path).
pub fn read_raw_inside(
    root: &Path,
    path: &Path,
    limit: &Limit,
) -> std::result::Result<Vec<u8>, Refusal> {
    let real = path.canonicalize().map_err(Refusal::Io)?;
    if !real.starts_with(root) {
        return Err(Refusal::Outside(real));
    }
    read_raw(&real, limit)
}

/// Reads a file resolute was given (a template, a font, a file to import).
pub fn read(path: &Path, limit: &Limit) -> Result<Vec<u8>> {
    read_raw(path, limit).map_err(|r| refusal_error(path, limit, r))
}

/// Reads a file of the report folder `root`, refusing one that resolves
/// outside it.
pub fn read_inside(root: &Path, path: &Path, limit: &Limit) -> Result<Vec<u8>> {
    let root = root
        .canonicalize()
        .map_err(|e| Error::io("read the folder", root, e))?;
    read_raw_inside(&root, path, limit).map_err(|r| refusal_error(path, limit, r))
}

/// Refuses a path that resolves (through symlinks) outside the folder
/// `root`.
pub fn check_inside(root: &Path, path: &Path, limit: &Limit) -> Result<()> {
    let root = root
        .canonicalize()
        .map_err(|e| Error::io("read the folder", root, e))?;
    let real = path
        .canonicalize()
        .map_err(|e| refusal_error(path, limit, Refusal::Io(e)))?;
    if !real.starts_with(&root) {
        return Err(refusal_error(path, limit, Refusal::Outside(real)));
    }
    Ok(())
}

/// The error for a refused file, with a hint.
pub fn refusal_error(path: &Path, limit: &Limit, refusal: Refusal) -> Error {
    match refusal {
        Refusal::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let dangling = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
            if dangling {
                Error::io("read", path, e).hint(
                    "it is a symbolic link to a file that does not exist: fix the link or remove it",
                )
            } else {
                Error::io("read", path, e)
            }
        }
        Refusal::Io(e) => Error::io("read", path, e),
        Refusal::NotAFile(kind) => Error::new(
            ErrorKind::Io,
            format!("{} is {kind}, not a regular file", path.display()),
        )
        .hint(format!(
            "{} must be a regular file; replace it with one, or move it out of the way",
            limit.what
        )),
        Refusal::TooLarge(size) => Error::new(
            ErrorKind::Io,
            format!(
                "{} is {}, more than the {} resolute reads as {}",
                path.display(),
                size_text(size),
                size_text(limit.bytes),
                limit.what
            ),
        )
        .hint("check that this is the file you meant; the limits are listed in the README"),
        Refusal::Outside(real) => Error::new(
            ErrorKind::Io,
            format!(
                "{} leads outside the report folder (to {})",
                path.display(),
                real.display()
            ),
        )
        .hint("resolute reads only files inside the report folder: copy the file in instead of linking to it"),
    }
}

/// A size in words: "16 MiB", "3.2 GiB", "512 bytes".
pub fn size_text(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size {
            let whole = bytes / size;
            let tenth = (bytes % size) * 10 / size;
            return if tenth == 0 || whole >= 100 {
                format!("{whole} {unit}")
            } else {
                format!("{whole}.{tenth} {unit}")
            };
        }
    }
    format!("{bytes} bytes")
}

fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// What [`files_below`] found.
#[derive(Debug, Default)]
pub struct Listing {
    /// The files: those of a folder before those of its subfolders.
    pub files: Vec<PathBuf>,
    /// False when the walk stopped at its limit of entries.
    pub complete: bool,
}

/// The files below `dir`, at most `deepest` folders down and `most` entries
/// (files and folders) in all, without the entries `skip` names (a skipped
/// folder is not entered). A folder's files come before those of its
/// subfolders, so that a project's own files are listed even in a folder
/// too large to walk to the end (a home folder given by mistake). Links to
/// folders are neither followed nor listed: a loop of links cannot trap the
/// walk. A link to a file, a FIFO or a device is listed (and refused, as
/// any such file, when read).
pub fn files_below(
    dir: &Path,
    deepest: usize,
    most: usize,
    skip: &dyn Fn(&Path) -> bool,
) -> Listing {
    let mut listing = Listing::default();
    let mut folders = std::collections::VecDeque::from([(dir.to_owned(), 0)]);
    let mut entries_seen = 0usize;
    while let Some((folder, depth)) = folders.pop_front() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            if entries_seen >= most {
                return listing;
            }
            let path = entry.path();
            if skip(&path) {
                continue;
            }
            entries_seen += 1;
            match entry.file_type() {
                Ok(t) if t.is_dir() => {
                    if depth < deepest {
                        folders.push_back((path, depth + 1));
                    }
                }
                Ok(t) if t.is_symlink() && path.is_dir() => {}
                Ok(_) => listing.files.push(path),
                Err(_) => {}
            }
        }
    }
    listing.complete = true;
    listing
}

/// Opens a file for reading without waiting for a writer (a FIFO).
#[cfg(unix)]
pub fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

/// Opens a file for reading.
#[cfg(not(unix))]
pub fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Limit = Limit {
        bytes: 8,
        what: "a test file",
    };

    #[test]
    fn reads_regular_files_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, b"12345678").unwrap();
        assert_eq!(read(&path, &SMALL).unwrap(), b"12345678");
        std::fs::write(&path, b"123456789").unwrap();
        let err = read(&path, &SMALL).unwrap_err();
        assert!(err.message.contains("more than the 8 bytes"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_fifos_devices_folders_and_dangling_links_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
        let err = read(&fifo, &SMALL).unwrap_err();
        assert!(err.message.contains("named pipe"), "{err}");
        let err = read(Path::new("/dev/zero"), &SMALL).unwrap_err();
        assert!(err.message.contains("a device"), "{err}");
        let err = read(dir.path(), &SMALL).unwrap_err();
        assert!(err.message.contains("a folder"), "{err}");
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(dir.path().join("nothing"), &link).unwrap();
        let err = read(&link, &SMALL).unwrap_err();
        assert!(err.hint.unwrap().contains("symbolic link"));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_links_out_of_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("secret.txt");
        std::fs::write(&target, b"secret").unwrap();
        let link = dir.path().join("resolution.yaml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = read_inside(dir.path(), &link, &SMALL).unwrap_err();
        assert!(err.message.contains("outside the report folder"), "{err}");
        assert!(
            !err.render().contains("secret\n"),
            "the content is not quoted"
        );
        let inside = dir.path().join("real.yaml");
        std::fs::write(&inside, b"a: 1").unwrap();
        let link = dir.path().join("progress.yaml");
        std::os::unix::fs::symlink(&inside, &link).unwrap();
        assert_eq!(read_inside(dir.path(), &link, &SMALL).unwrap(), b"a: 1");
    }

    #[cfg(unix)]
    #[test]
    fn files_below_stay_within_their_depth_and_skip_what_they_are_told() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b/c")).unwrap();
        for file in [
            "top.yaml",
            "a/one.typ",
            "a/b/two.typ",
            "a/b/c/three.typ",
            ".hidden",
        ] {
            std::fs::write(root.join(file), b"x").unwrap();
        }
        // A link back up would loop for ever if links to folders were
        // followed; it is not listed either (it is no file).
        std::os::unix::fs::symlink(root, root.join("a/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("top.yaml"), root.join("linked.yaml")).unwrap();
        let hidden = |p: &Path| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        };
        let names = |deepest, most| {
            let listing = files_below(root, deepest, most, &hidden);
            let mut found: Vec<String> = listing
                .files
                .iter()
                .map(|p| p.strip_prefix(root).unwrap().display().to_string())
                .collect();
            found.sort();
            (found, listing.complete)
        };
        assert_eq!(
            names(0, 100),
            (vec!["linked.yaml".into(), "top.yaml".into()], true)
        );
        assert_eq!(
            names(2, 100).0,
            ["a/b/two.typ", "a/one.typ", "linked.yaml", "top.yaml"]
        );
        let no_b = |p: &Path| p.ends_with("b");
        assert_eq!(files_below(&root.join("a"), 5, 100, &no_b).files.len(), 1);
        // Cut short, the walk has listed the top folder's files first.
        let (found, complete) = names(5, 3);
        assert!(!complete);
        assert_eq!(found, ["linked.yaml", "top.yaml"]);
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size_text(512), "512 bytes");
        assert_eq!(size_text(16 << 20), "16 MiB");
        assert_eq!(size_text(3 * (1 << 30) + (1 << 29)), "3.5 GiB");
    }
}
