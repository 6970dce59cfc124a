//! The ZIP archive of a workbook, checked before calamine reads it: a file
//! of a few megabytes can unpack to gigabytes (a "zip bomb"), and calamine
//! would unpack it whole.

use std::io::{Cursor, Read};
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::input::size_text;

/// Refuses a workbook whose archive has more than `max_entries` entries, or
/// whose entries unpack, all together, to more than `limit` bytes.
///
/// Each entry is inflated, not taken at its word: the sizes a central
/// directory declares can lie. The inflated bytes are counted and dropped
/// as they come (the zip crate's buffers and an 8 KiB one), and inflating
/// stops one byte past the limit, so that memory and time stay bounded
/// whatever the archive.
///
/// An archive or an entry the zip crate cannot open or inflate (damaged,
/// encrypted, compressed in a way resolute does not read) is left to
/// calamine, which reads through the same crate and says what is wrong;
/// the bytes inflated before a damaged part count all the same.
pub(super) fn check_unpacked_size(
    path: &Path,
    bytes: &[u8],
    limit: u64,
    max_entries: usize,
) -> Result<()> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    if archive.len() > max_entries {
        return Err(Error::new(
            ErrorKind::Io,
            format!(
                "{} is an archive of {} files, more than the {max_entries} resolute reads in a \
                 progress spreadsheet",
                path.display(),
                archive.len()
            ),
        )
        .hint(
            "an Excel workbook holds a few dozen files: check that this is the file you meant; \
             if it is, copy the matrix alone into a new workbook, or save it as «CSV UTF-8 \
             (Comma delimited)»",
        ));
    }
    let mut left = limit;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index(i) else {
            continue;
        };
        let name = entry.name().to_owned();
        let mut budget = entry.take(left.saturating_add(1));
        // A damaged stream or a wrong checksum ends the entry here; calamine
        // reports it if the entry matters.
        let _ = std::io::copy(&mut budget, &mut std::io::sink());
        let inflated = left.saturating_add(1) - budget.limit();
        if inflated > left {
            return Err(too_big(path, limit, &name));
        }
        left -= inflated;
    }
    Ok(())
}

const UNPACK_HINT: &str = "a progress matrix unpacks to far less: check that this is the file \
    you meant; if it is, copy the matrix alone into a new workbook, or save it as «CSV UTF-8 \
    (Comma delimited)»";

fn too_big(path: &Path, limit: u64, entry: &str) -> Error {
    let mut error = Error::new(
        ErrorKind::Io,
        format!(
            "{} unpacks to more than {}, the most resolute reads from a progress spreadsheet",
            path.display(),
            size_text(limit)
        ),
    )
    .hint(UNPACK_HINT);
    // The name comes from the file: quote it only when it is plain.
    if entry.chars().count() <= 100 && crate::check::forbidden_char(entry).is_none() {
        error = error.note(format!("the limit was reached while unpacking `{entry}`"));
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const KIB: u64 = 1 << 10;

    /// A ZIP archive of `files`, each a name and a number of bytes of
    /// `filler` after `head`, deflated.
    fn archive(files: &[(&str, &str, u8, u64)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for &(name, head, filler, size) in files {
            zip.start_file(name, options).unwrap();
            zip.write_all(head.as_bytes()).unwrap();
            let chunk = [filler; 4096];
            let mut written = 0;
            while written < size {
                let n = (size - written).min(chunk.len() as u64) as usize;
                zip.write_all(&chunk[..n]).unwrap();
                written += n as u64;
            }
        }
        zip.finish().unwrap().into_inner()
    }

    const SHEET: &str = "xl/worksheets/sheet1.xml";
    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;

    fn check(bytes: &[u8], limit: u64, max_entries: usize) -> Result<()> {
        check_unpacked_size(Path::new("progress.xlsx"), bytes, limit, max_entries)
    }

    #[test]
    fn a_sheet_that_unpacks_past_the_limit_is_refused() {
        let bomb = archive(&[(SHEET, HEAD, b' ', 1 << 20)]);
        assert!(bomb.len() < 16 * KIB as usize, "{} bytes", bomb.len());
        let e = check(&bomb, 256 * KIB, 100).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Io);
        assert_eq!(
            e.message,
            "progress.xlsx unpacks to more than 256 KiB, the most resolute reads from a \
             progress spreadsheet"
        );
        assert!(e.hint.as_deref().unwrap().contains("CSV UTF-8"), "{e}");
        assert_eq!(
            e.notes,
            [format!("the limit was reached while unpacking `{SHEET}`")]
        );
        // Within the limit, the same archive passes.
        check(&bomb, 2 << 20, 100).unwrap();
    }

    #[test]
    fn the_limit_is_on_all_the_entries_together() {
        let parts: Vec<(String, u64)> = (1..=4)
            .map(|i| (format!("xl/worksheets/sheet{i}.xml"), 100 * KIB))
            .collect();
        let files: Vec<(&str, &str, u8, u64)> = parts
            .iter()
            .map(|(name, size)| (name.as_str(), HEAD, b'x', *size))
            .collect();
        let bytes = archive(&files);
        let e = check(&bytes, 256 * KIB, 100).unwrap_err();
        assert!(e.notes[0].contains("sheet3.xml"), "{e:?}");
        check(&bytes, 512 * KIB, 100).unwrap();
    }

    #[test]
    fn sizes_the_central_directory_declares_are_not_believed() {
        let mut bomb = archive(&[
            ("[Content_Types].xml", "<Types/>", b' ', 0),
            (SHEET, HEAD, b' ', 1 << 20),
        ]);
        // Make the sheet's local header and central directory entry both
        // say it unpacks to 1,000 bytes.
        let (local, central) = {
            let mut zip = zip::ZipArchive::new(Cursor::new(&bomb[..])).unwrap();
            let entry = zip.by_name(SHEET).unwrap();
            (
                entry.header_start() as usize,
                entry.central_header_start() as usize,
            )
        };
        assert_eq!(&bomb[local..local + 4], b"PK\x03\x04");
        assert_eq!(&bomb[central..central + 4], b"PK\x01\x02");
        bomb[local + 22..local + 26].copy_from_slice(&1000u32.to_le_bytes());
        bomb[central + 24..central + 28].copy_from_slice(&1000u32.to_le_bytes());
        let mut zip = zip::ZipArchive::new(Cursor::new(&bomb[..])).unwrap();
        let declared: u64 = (0..zip.len())
            .map(|i| zip.by_index(i).unwrap().size())
            .sum();
        assert!(declared < 2 * KIB, "the archive declares {declared} bytes");
        let e = check(&bomb, 256 * KIB, 100).unwrap_err();
        assert!(e.message.contains("unpacks to more than 256 KiB"), "{e}");
    }

    #[test]
    fn an_archive_of_too_many_entries_is_refused() {
        let names: Vec<String> = (0..5).map(|i| format!("part{i}.xml")).collect();
        let files: Vec<(&str, &str, u8, u64)> = names
            .iter()
            .map(|n| (n.as_str(), "<a/>", b' ', 0))
            .collect();
        let bytes = archive(&files);
        let e = check(&bytes, 256 * KIB, 4).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Io);
        assert_eq!(
            e.message,
            "progress.xlsx is an archive of 5 files, more than the 4 resolute reads in a \
             progress spreadsheet"
        );
        assert!(
            e.hint.as_deref().unwrap().contains("a few dozen files"),
            "{e}"
        );
        check(&bytes, 256 * KIB, 5).unwrap();
    }

    #[test]
    fn an_entry_name_with_a_forbidden_character_is_not_quoted() {
        let bomb = archive(&[("xl/\u{202E}lmx.1teehs", HEAD, b' ', 1 << 20)]);
        let e = check(&bomb, 256 * KIB, 100).unwrap_err();
        assert!(e.notes.is_empty(), "{e:?}");
    }

    #[test]
    fn the_fixture_and_what_is_not_a_zip_archive_pass() {
        let fixture = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sheets/progress.xlsx"
        ))
        .unwrap();
        check(
            &fixture,
            super::super::SHEET_INFLATED,
            super::super::SHEET_ENTRIES,
        )
        .unwrap();
        // Not even an archive: calamine says so.
        check(b"PK\x03\x04garbage", 256 * KIB, 100).unwrap();
    }
}
