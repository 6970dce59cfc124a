//! Reading progress data from a spreadsheet: a `.csv` file or the first
//! worksheet of an `.xlsx` workbook, laid out as the implementation matrices
//! offices keep, one row per action.
//!
//! The header row names the columns, in English or in French, in any order
//! and case: `paragraph` (`paragraphe`), `entity` (`entité`), `date`,
//! `action` (`mesure`), `status` (`statut`) and `reference` (`référence`),
//! and optionally `subparagraph` (`alinéa`), `topic` (`objet`),
//! `resolution` (`résolution`, for a matrix covering the other resolutions of
//! a compilation; empty means the folder's resolution) and `illustrative`. Rows above the header row that name no column (a title,
//! say) are skipped.
//!
//! Rows with the same paragraph (and sub-paragraph) make one
//! [`ParagraphProgress`], in order of first appearance, with their actions in
//! row order. Each row is one of:
//!
//! - an action: `action`, `entity` and `date` filled in, `reference` holding
//!   any number of references separated by `;` or line breaks;
//! - a responsible entity without an action: only `entity` filled in;
//! - the paragraph's status alone: `action`, `entity` and `date` empty.
//!
//! A status is written as its key (`in-progress`) or its English or French
//! label (`Implemented — in progress`, `En cours d’exécution`); statuses the
//! data defines (in `statuses.yaml` beside the sheet) by their key or a label.
//!
//! A paragraph's entities are the distinct entities of its rows, in order.
//! Its status and topic are those its rows give; rows may leave them empty
//! (a merged cell in a workbook counts as filled in on every row it spans),
//! but two rows that disagree are an error. Text cells become [`Text::Plain`];
//! a text cell holding a control character or a bidirectional formatting
//! character ([`crate::check::forbidden_char`]) is an error, as it is in the
//! other data files.
//!
//! A workbook's ZIP archive is unpacked once, counting, before it is read:
//! one that unpacks to more than [`SHEET_INFLATED`] bytes, or holds more than
//! [`SHEET_ENTRIES`] files, is refused.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, XlsxError};

use crate::check::{forbidden_char, forbidden_hint};
use crate::error::{nearest, Error, Location, Result};
use crate::model::{Action, Date, ParagraphProgress, Progress, Status, StatusDefinition, Text};

mod archive;

/// Progress data read from a spreadsheet, with where each paragraph came from.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetProgress {
    /// The data.
    pub progress: Progress,
    /// For each entry of `progress.paragraphs`, the 1-based row where the
    /// paragraph first appears.
    pub rows: Vec<usize>,
    /// The 1-based number of the `paragraph` column.
    pub paragraph_column: usize,
    /// The 1-based numbers of the other columns an entry's checks may point
    /// at, by field name (`status`, `subparagraph`, `resolution`).
    pub columns: BTreeMap<&'static str, usize>,
}

impl SheetProgress {
    /// The place of the `i`-th paragraph entry's `field` (its first row, in
    /// that field's column, or the `paragraph` column) in the file at `path`,
    /// for error messages.
    pub fn location(&self, path: &Path, i: usize, field: &str) -> Location {
        let row = self.rows.get(i).copied().unwrap_or(1);
        let column = self
            .columns
            .get(field)
            .copied()
            .unwrap_or(self.paragraph_column);
        Location::at(path, None, row, column)
    }
}

/// Reads progress data about `resolution` from a `.csv` or `.xlsx` file,
/// giving where each paragraph came from; `statuses` are those the data
/// defines beyond the UN's five.
///
/// Errors name the file, the row and the column, and say what to do.
pub fn read_sheet(
    path: &Path,
    resolution: &str,
    statuses: &[StatusDefinition],
) -> Result<SheetProgress> {
    let bytes = crate::input::read(path, &crate::input::SHEET)?;
    parse_sheet(path, &bytes, resolution, statuses)
}

/// Reads progress data about `resolution` from the bytes of a `.csv` or
/// `.xlsx` file; `path` names it in errors and its extension, if `csv` or
/// `xlsx`, says what the bytes must be. Never panics, whatever the bytes.
pub fn parse_sheet(
    path: &Path,
    bytes: &[u8],
    resolution: &str,
    statuses: &[StatusDefinition],
) -> Result<SheetProgress> {
    let grid = match sniff(bytes) {
        Content::Zip => read_xlsx(path, bytes)?,
        Content::Text => read_csv(path, bytes)?,
        Content::Other(what, hint) => {
            return Err(Error::data(format!(
                "{} is not a CSV or XLSX spreadsheet: it is {what}",
                path.display()
            ))
            .hint(hint))
        }
    };
    build(path, grid, resolution, statuses)
}

/// The most cells a sheet may have; a progress matrix has a few hundred.
const MAX_CELLS: usize = 1_000_000;

/// The most bytes the files of an `.xlsx` workbook may unpack to, all
/// together, counted as they are inflated (the sizes the archive declares
/// can lie).
///
/// Why 64 MiB: a progress matrix of a few hundred rows unpacks to well under
/// a megabyte (the 11 paragraphs of the fixture to 29 KiB), and even a sheet
/// of [`MAX_CELLS`] short cells, the most resolute reads, to some 20 to 40 MiB
/// of XML; it is four times the 16 MiB a spreadsheet may take on disk
/// ([`crate::input::SHEET`]), room beside the sheet for parts that do not
/// compress (images); and it bounds what calamine can be made to unpack and
/// hold (the shared strings, the cells) to a size any machine has, where a
/// 3 MB file of 3 GB of XML took 3.2 GB of memory before. Inflating 64 MiB
/// to count it takes a fraction of a second.
pub const SHEET_INFLATED: u64 = 64 << 20;

/// The most files the ZIP archive of an `.xlsx` workbook may hold. Excel
/// writes about ten parts plus two or three per worksheet and one per image,
/// so a workbook of hundreds of sheets stays far below. An archive within the
/// 16 MiB limit can hold over a hundred thousand empty entries: it is
/// refused before any is opened, rather than inflated entry by entry (the
/// zip crate has read its directory by then, as calamine's would).
pub const SHEET_ENTRIES: usize = 10_000;

// ---------------------------------------------------------------------------
// What the bytes are.

enum Content {
    /// A ZIP archive, as an `.xlsx` workbook is.
    Zip,
    /// Text, presumably CSV.
    Text,
    /// Something else: what it is, and what to do.
    Other(String, String),
}

const EXPORT_HINT: &str =
    "save the sheet from Excel as an .xlsx workbook, or as «CSV UTF-8 (Comma delimited)»";

fn sniff(bytes: &[u8]) -> Content {
    let other = |what: &str, hint: &str| Content::Other(what.to_owned(), hint.to_owned());
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Content::Zip;
    }
    if bytes.starts_with(b"%PDF") {
        return other(
            "a PDF document",
            "use the spreadsheet the PDF was made from, saved as .xlsx or CSV UTF-8",
        );
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        let encrypted: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if contains(bytes, &encrypted) {
            return other(
                "a password-protected workbook",
                "save a copy without a password and read that",
            );
        }
        return other(
            "an Excel 97–2003 workbook (.xls) or another old Office file",
            EXPORT_HINT,
        );
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return other(
            "UTF-16 text (what Excel calls «Unicode Text»)",
            "save the sheet from Excel as «CSV UTF-8 (Comma delimited)»",
        );
    }
    let signatures: [(&[u8], &str); 6] = [
        (b"{\\rtf", "an RTF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
    ];
    for (magic, what) in signatures {
        if bytes.starts_with(magic) {
            return other(what, EXPORT_HINT);
        }
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace());
    if let Some(start) = start.filter(|&i| text[i] == b'<') {
        let head = String::from_utf8_lossy(&text[start..text.len().min(start + 4096)])
            .to_ascii_lowercase();
        if head.contains("urn:schemas-microsoft-com:office:spreadsheet") {
            return other("an Excel 2003 XML spreadsheet", EXPORT_HINT);
        }
        if head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") {
            return other("an HTML page", EXPORT_HINT);
        }
        return other("an XML document", EXPORT_HINT);
    }
    if text.contains(&0) {
        return other("binary data", EXPORT_HINT);
    }
    Content::Text
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

// ---------------------------------------------------------------------------
// The cells of a sheet, from either format.

/// A non-empty cell.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date cell, as its serial number.
    Date(f64),
    /// An Excel error value such as `#REF!`.
    Error(String),
}

/// A row with content.
#[derive(Debug)]
struct Row {
    /// 1-based, as the spreadsheet shows it.
    number: usize,
    /// 1-based column numbers and cells, sorted by column.
    cells: Vec<(usize, Cell)>,
}

impl Row {
    fn get(&self, column: Option<usize>) -> Option<&Cell> {
        let column = column?;
        self.cells
            .binary_search_by_key(&column, |(c, _)| *c)
            .ok()
            .map(|i| &self.cells[i].1)
    }
}

/// The rows with content of one sheet, in order.
struct Grid {
    rows: Vec<Row>,
    /// Whether date serial numbers count from 1904 rather than 1900.
    is_1904: bool,
    /// Whether this came from a CSV file (where every cell is text).
    csv: bool,
}

fn too_big(path: &Path) -> Error {
    Error::data(format!(
        "{} has more than {MAX_CELLS} filled cells, far more than a progress matrix",
        path.display()
    ))
    .hint("keep only the progress matrix in the file (the first worksheet of a workbook)")
}

// ---------------------------------------------------------------------------
// CSV.

fn read_csv(path: &Path, bytes: &[u8]) -> Result<Grid> {
    if extension(path).is_some_and(|e| e == "xlsx" || e == "xlsm") {
        return Err(Error::data(format!(
            "{} is named as an Excel workbook but is plain text",
            path.display()
        ))
        .hint("if it is CSV, name it .csv; otherwise save the sheet from Excel as .xlsx"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let row = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(
            &valid[valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)..],
        )
        .chars()
        .count()
            + 1;
        Error::data(format!(
            "{} is not UTF-8 text: line {row} has a byte that is not UTF-8",
            path.display()
        ))
        .at(Location::at(path, None, row, column))
        .hint("save the sheet from Excel as «CSV UTF-8 (Comma delimited)», not plain «CSV»")
    })?;
    if text.trim().is_empty() {
        return Err(empty(path));
    }
    let delimiter = delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0;
    // The csv crate's line numbers skip empty lines, which a spreadsheet
    // shows as rows, so count lines from byte offsets; line breaks inside
    // quoted cells, though, do not start rows.
    let mut lines = LineCounter::default();
    let mut inner_breaks = 0;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| lines.line(text, p.byte()));
            Error::data(format!("{} cannot be read as CSV: {e}", path.display()))
                .at(Location::at(path, None, line, 1))
                .hint("check the quotes around this line")
        })?;
        let line = record.position().map_or(1, |p| lines.line(text, p.byte()));
        let number = line.saturating_sub(inner_breaks).max(1);
        let mut row = Row {
            number,
            cells: Vec::new(),
        };
        for (i, field) in record.iter().enumerate() {
            inner_breaks += field.matches('\n').count();
            if !field.trim().is_empty() {
                row.cells.push((i + 1, Cell::Text(field.to_owned())));
            }
        }
        cells += row.cells.len();
        if cells > MAX_CELLS {
            return Err(too_big(path));
        }
        if !row.cells.is_empty() {
            rows.push(row);
        }
    }
    Ok(Grid {
        rows,
        is_1904: false,
        csv: true,
    })
}

/// Line numbers of byte offsets, counted as offsets increase.
#[derive(Default)]
struct LineCounter {
    /// The offset counted up to, and the newlines before it.
    offset: usize,
    newlines: usize,
}

impl LineCounter {
    /// The 1-based line of the first character at or after `byte` that is
    /// not a line break (the csv crate gives a record's offset as the end of
    /// the previous one).
    fn line(&mut self, text: &str, byte: u64) -> usize {
        let bytes = text.as_bytes();
        let start = usize::try_from(byte).map_or(bytes.len(), |b| b.min(bytes.len()));
        let blank = bytes[start..]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let end = start + blank;
        if end < self.offset {
            *self = LineCounter::default();
        }
        self.newlines += bytes[self.offset..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = end;
        self.newlines + 1
    }
}

/// The separator of a CSV file: the commonest of `,`, `;` and tab outside
/// quotes on the header line (the first line naming a paragraph column, or
/// else the first line with text).
fn delimiter(text: &str) -> u8 {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.clone().next().unwrap_or("");
    let header = lines
        .find(|l| fold(l).contains("paragraph"))
        .unwrap_or(first);
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let separators = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    separators[best]
}

// ---------------------------------------------------------------------------
// XLSX.

fn read_xlsx(path: &Path, bytes: &[u8]) -> Result<Grid> {
    if extension(path).is_some_and(|e| e == "csv") {
        return Err(Error::data(format!(
            "{} is named as a CSV file but is a ZIP archive, as Excel workbooks are",
            path.display()
        ))
        .hint("if it is a workbook, name it .xlsx; otherwise save the sheet as «CSV UTF-8»"));
    }
    // calamine is not expected to panic, but a damaged file must not bring
    // resolute down if it does.
    match catch_unwind(AssertUnwindSafe(|| read_workbook(path, bytes))) {
        Ok(result) => result,
        Err(_) => Err(Error::data(format!(
            "{} is damaged or uses a feature resolute cannot read",
            path.display()
        ))
        .hint("open it in Excel and save it again as .xlsx, or save the sheet as «CSV UTF-8»")),
    }
}

fn read_workbook(path: &Path, bytes: &[u8]) -> Result<Grid> {
    archive::check_unpacked_size(path, bytes, SHEET_INFLATED, SHEET_ENTRIES)?;
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| workbook_error(path, bytes, &e))?;
    let is_1904 = book.has_1904_epoch();
    let worksheets: Vec<_> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .cloned()
        .collect();
    let sheet = worksheets
        .iter()
        .find(|s| s.visible == SheetVisible::Visible)
        .or(worksheets.first())
        .ok_or_else(|| {
            Error::data(format!("{} has no worksheet", path.display()))
                .hint("put the progress matrix on the first worksheet")
        })?;
    let name = sheet.name.clone();
    let mut table: BTreeMap<u32, BTreeMap<u32, Cell>> = BTreeMap::new();
    let mut count = 0;
    {
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|e| workbook_error(path, bytes, &e))?;
        while let Some(cell) = reader
            .next_cell()
            .map_err(|e| workbook_error(path, bytes, &e))?
        {
            let (row, column) = cell.get_position();
            if let Some(value) = cell_of(cell.get_value()) {
                count += 1;
                if count > MAX_CELLS {
                    return Err(too_big(path));
                }
                table.entry(row).or_default().insert(column, value);
            }
        }
    }
    // A merged cell holds its value in its top left cell; give it to every
    // row the merge spans, in the merge's first column. Damaged merge
    // information only loses this.
    for region in book.merge_cells_by_sheet_name(&name).unwrap_or_default() {
        let (top, column) = region.start;
        let bottom = region.end.0;
        if bottom <= top {
            continue;
        }
        let Some(value) = table.get(&top).and_then(|r| r.get(&column)).cloned() else {
            continue;
        };
        for (_, row) in table.range_mut(top + 1..=bottom) {
            row.entry(column).or_insert_with(|| value.clone());
        }
    }
    let rows = table
        .into_iter()
        .map(|(row, cells)| Row {
            number: row as usize + 1,
            cells: cells
                .into_iter()
                .map(|(c, cell)| (c as usize + 1, cell))
                .collect(),
        })
        .collect();
    Ok(Grid {
        rows,
        is_1904,
        csv: false,
    })
}

fn cell_of(value: &DataRef) -> Option<Cell> {
    let cell = match value {
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(d) if d.is_datetime() => Cell::Date(d.as_f64()),
        DataRef::DateTime(d) => Cell::Number(d.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => return None,
    };
    match &cell {
        Cell::Text(s) if s.trim().is_empty() => None,
        _ => Some(cell),
    }
}

fn workbook_error(path: &Path, bytes: &[u8], err: &XlsxError) -> Error {
    if matches!(err, XlsxError::Password) {
        return Error::data(format!("{} is password-protected", path.display()))
            .hint("save a copy without a password and read that");
    }
    let what = if contains(bytes, b"application/vnd.oasis.opendocument.spreadsheet") {
        Some("an OpenDocument spreadsheet (.ods)")
    } else if contains(bytes, b"application/vnd.oasis.opendocument") {
        Some("an OpenDocument file")
    } else if contains(bytes, b"word/document.xml") {
        Some("a Word document")
    } else if contains(bytes, b"ppt/presentation.xml") {
        Some("a PowerPoint presentation")
    } else if !contains(bytes, b"xl/") {
        Some("a ZIP archive")
    } else {
        None
    };
    match what {
        Some(what) => Error::data(format!(
            "{} is not a CSV or XLSX spreadsheet: it is {what}",
            path.display()
        ))
        .hint(EXPORT_HINT),
        None => Error::data(format!(
            "{} is a damaged Excel workbook: {err}",
            path.display()
        ))
        .hint("open it in Excel and save it again as .xlsx, or save the sheet as «CSV UTF-8»"),
    }
}

// ---------------------------------------------------------------------------
// Columns.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Paragraph,
    Subparagraph,
    Entity,
    Date,
    Action,
    Status,
    Reference,
    Topic,
    Resolution,
    Illustrative,
}

impl Field {
    const REQUIRED: [Field; 6] = [
        Field::Paragraph,
        Field::Entity,
        Field::Date,
        Field::Action,
        Field::Status,
        Field::Reference,
    ];

    /// The English and French headers.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Field::Paragraph => ("paragraph", "paragraphe"),
            Field::Subparagraph => ("subparagraph", "alinéa"),
            Field::Entity => ("entity", "entité"),
            Field::Date => ("date", "date"),
            Field::Action => ("action", "mesure"),
            Field::Status => ("status", "statut"),
            Field::Reference => ("reference", "référence"),
            Field::Topic => ("topic", "objet"),
            Field::Resolution => ("resolution", "résolution"),
            Field::Illustrative => ("illustrative", "illustratif"),
        }
    }
}

const FIELDS: [Field; 10] = [
    Field::Paragraph,
    Field::Subparagraph,
    Field::Entity,
    Field::Date,
    Field::Action,
    Field::Status,
    Field::Reference,
    Field::Topic,
    Field::Resolution,
    Field::Illustrative,
];

/// The column a header names: the English or French name, in any case and
/// with or without accents, spaces, hyphens or a plural `s` on `reference`.
fn field_of(header: &str) -> Option<Field> {
    let h = fold(header);
    let h = match h.as_str() {
        "references" => "reference",
        other => other,
    };
    FIELDS.into_iter().find(|f| {
        let (en, fr) = f.names();
        fold(en) == h || fold(fr) == h
    })
}

/// Lower case, accents dropped, only letters and digits kept.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' => out.push('a'),
            'ç' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' => out.push('i'),
            'ô' | 'ö' | 'ó' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'œ' => out.push_str("oe"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// The spreadsheet letter of a 1-based column number: A … Z, AA …
fn column_letter(mut column: usize) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rem = (column - 1) % 26;
        letters.push(b'A' + rem as u8);
        column = (column - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// How a cell shows in messages: its text, cut short if long.
fn shown(cell: &Cell, is_1904: bool) -> String {
    let text = match cell {
        Cell::Text(s) => s.trim().to_owned(),
        Cell::Number(n) => number_text(*n),
        Cell::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_owned(),
        Cell::Date(n) => {
            serial_date(*n, is_1904).map_or_else(|| number_text(*n), |d| d.to_string())
        }
        Cell::Error(e) => e.clone(),
    };
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}…")
    } else {
        text
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

// ---------------------------------------------------------------------------
// From rows to progress data.

/// The header row: which column holds what.
struct Header {
    /// The row number.
    row: usize,
    /// Column number of each field present.
    columns: HashMap<Field, usize>,
    /// Header text of each named column.
    names: BTreeMap<usize, String>,
}

impl Header {
    fn column(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }
}

struct Matrix<'a> {
    path: &'a Path,
    /// The resolution the file is about.
    resolution: &'a str,
    /// Every accepted way of writing each status: folded, as written, and
    /// the status.
    statuses: Vec<(String, String, Status)>,
    header: Header,
    is_1904: bool,
    csv: bool,
}

/// "row 7, column C (date)", with the header `names` of the columns, or
/// "row 7, column C" for a column without one.
fn place(names: &BTreeMap<usize, String>, row: usize, column: usize) -> String {
    match names.get(&column) {
        Some(name) => format!("row {row}, column {} ({name})", column_letter(column)),
        None => format!("row {row}, column {}", column_letter(column)),
    }
}

/// Refuses a text cell of `row` that holds a character no document may
/// contain ([`forbidden_char`]): a control character, which prints as
/// nothing or as garbage, or a bidirectional formatting character, which
/// reorders the printed text (U+202E prints "Conseil" as "liesnoC"). `names`
/// are the header names known so far, for the message.
fn check_characters(path: &Path, row: &Row, names: &BTreeMap<usize, String>) -> Result<()> {
    for (column, cell) in &row.cells {
        let Cell::Text(text) = cell else {
            continue;
        };
        if let Some((at, c, what)) = forbidden_char(text) {
            let nth = text[..at].chars().count() + 1;
            return Err(Error::data(format!(
                "{}: the cell contains {what} U+{:04X} (character {nth} of the cell)",
                place(names, row.number, *column),
                c as u32
            ))
            .at(Location::at(path, None, row.number, *column))
            .hint(forbidden_hint(c)));
        }
    }
    Ok(())
}

impl Matrix<'_> {
    /// "row 7, column C (date)".
    fn place(&self, row: usize, column: usize) -> String {
        place(&self.header.names, row, column)
    }

    fn error(&self, row: usize, column: usize, message: impl AsRef<str>) -> Error {
        Error::data(format!("{}: {}", self.place(row, column), message.as_ref()))
            .at(Location::at(self.path, None, row, column))
    }

    fn column(&self, field: Field) -> usize {
        self.header.column(field).unwrap_or(1)
    }

    fn shown(&self, cell: &Cell) -> String {
        shown(cell, self.is_1904)
    }

    /// A text cell's content; other cells as they show.
    fn text(&self, row: &Row, field: Field) -> Result<Option<String>> {
        let column = self.column(field);
        match row.get(self.header.column(field)) {
            None => Ok(None),
            Some(Cell::Error(e)) => Err(self
                .error(
                    row.number,
                    column,
                    format!("the cell holds the Excel error {e}"),
                )
                .hint("fix the formula, or type the value in")),
            Some(Cell::Text(s)) => Ok(Some(s.trim().to_owned())),
            Some(cell) => Ok(Some(self.shown(cell))),
        }
    }

    fn paragraph(&self, row: &Row) -> Result<u32> {
        let column = self.column(Field::Paragraph);
        let hint = "write the operative paragraph's number alone, such as 4; give a \
                    sub-paragraph's letter in a `subparagraph` column";
        let Some(cell) = row.get(self.header.column(Field::Paragraph)) else {
            return Err(self
                .error(row.number, column, "the paragraph number is missing")
                .hint("give every row the number of its operative paragraph"));
        };
        let number = match cell {
            Cell::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX) => {
                Some(*n as u32)
            }
            Cell::Text(s) => {
                let s = s.trim();
                let s = s.strip_suffix('.').unwrap_or(s);
                if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                    s.parse().ok()
                } else {
                    None
                }
            }
            _ => None,
        };
        match number {
            Some(0) => Err(self
                .error(row.number, column, "paragraph numbers start at 1, not 0")
                .hint(hint)),
            Some(n) => Ok(n),
            None => Err(self
                .error(
                    row.number,
                    column,
                    format!("`{}` is not a paragraph number", self.shown(cell)),
                )
                .hint(hint)),
        }
    }

    fn subparagraph(&self, row: &Row) -> Result<Option<String>> {
        let Some(text) = self.text(row, Field::Subparagraph)? else {
            return Ok(None);
        };
        let letter = text
            .trim_start_matches('(')
            .trim_end_matches(['.', ')'])
            .trim()
            .to_lowercase();
        Ok((!letter.is_empty()).then_some(letter))
    }

    fn status(&self, row: &Row) -> Result<Option<Status>> {
        let column = self.column(Field::Status);
        let Some(cell) = row.get(self.header.column(Field::Status)) else {
            return Ok(None);
        };
        let written = self.shown(cell);
        let folded = fold(&written);
        if let Cell::Text(_) = cell {
            if let Some((_, _, status)) = self.statuses.iter().find(|(f, _, _)| *f == folded) {
                return Ok(Some(status.clone()));
            }
        }
        // Only a near miss is suggested: "Partially implemented" must not
        // be taken for "not implemented".
        let suggestion = self
            .statuses
            .iter()
            .map(|(f, name, _)| (strsim::normalized_levenshtein(&folded, f), name))
            .filter(|(score, _)| *score >= 0.75)
            // The best, the first of equals (the key before its labels).
            .min_by(|a, b| b.0.total_cmp(&a.0))
            .map(|(_, name)| format!("did you mean `{name}`? "));
        // "key (label, label)" for each status.
        let mut valid: Vec<(&Status, Vec<&str>)> = Vec::new();
        for (_, name, status) in &self.statuses {
            match valid.iter_mut().find(|(s, _)| *s == status) {
                Some((_, names)) if name != status.key() => names.push(name),
                Some(_) => {}
                None => valid.push((status, Vec::new())),
            }
        }
        let valid: Vec<String> = valid
            .iter()
            .map(|(s, names)| match names.as_slice() {
                [] => s.key().to_owned(),
                names => format!("{} ({})", s.key(), names.join(", ")),
            })
            .collect();
        Err(self
            .error(row.number, column, format!("`{written}` is not a status"))
            .hint(format!(
                "{}valid statuses: {}; define others in statuses.yaml",
                suggestion.unwrap_or_default(),
                valid.join("; ")
            )))
    }

    /// The resolution a row names, `None` for the file's own.
    fn resolution(&self, row: &Row) -> Result<Option<String>> {
        let column = self.column(Field::Resolution);
        if let Some(Cell::Date(_)) = row.get(self.header.column(Field::Resolution)) {
            let message = "the resolution number has become a date";
            return Err(self.error(row.number, column, message).hint(
                "Excel reads numbers such as 2016/7 as dates: format the column as Text and \
                 type the numbers again",
            ));
        }
        let text = self.text(row, Field::Resolution)?;
        Ok(text.filter(|r| r != self.resolution))
    }

    fn date(&self, row: &Row) -> Result<Option<Date>> {
        let column = self.column(Field::Date);
        let Some(cell) = row.get(self.header.column(Field::Date)) else {
            return Ok(None);
        };
        let hint = if self.csv {
            "write dates as YYYY-MM-DD, such as 2015-07-21"
        } else {
            "make it a date cell, or write it as text YYYY-MM-DD, such as 2015-07-21"
        };
        let date = match cell {
            Cell::Text(s) => {
                let s = s.trim();
                // Keep the day of an ISO date-time (`2016-03-15T00:00:00`).
                let day = match s.get(..10) {
                    Some(day) if s[10..].starts_with(['T', ' ']) => day,
                    _ => s,
                };
                day.parse::<Date>().ok()
            }
            Cell::Number(n) | Cell::Date(n) if !self.csv => serial_date(*n, self.is_1904),
            _ => None,
        };
        match date {
            Some(date) => Ok(Some(date)),
            None => {
                let what = match cell {
                    Cell::Number(n) | Cell::Date(n) if *n >= 0.0 && *n < 1.0 => {
                        "is a time of day, not a date"
                    }
                    _ => "is not a date",
                };
                Err(self
                    .error(row.number, column, format!("`{}` {what}", self.shown(cell)))
                    .hint(hint))
            }
        }
    }

    fn illustrative(&self, row: &Row) -> Result<bool> {
        let column = self.column(Field::Illustrative);
        let Some(cell) = row.get(self.header.column(Field::Illustrative)) else {
            return Ok(false);
        };
        let yes = match cell {
            Cell::Bool(b) => Some(*b),
            Cell::Number(n) if *n == 1.0 => Some(true),
            Cell::Number(n) if *n == 0.0 => Some(false),
            Cell::Text(s) => match fold(s).as_str() {
                "yes" | "y" | "true" | "oui" | "vrai" | "1" => Some(true),
                "no" | "n" | "false" | "non" | "faux" | "0" => Some(false),
                _ => None,
            },
            _ => None,
        };
        yes.ok_or_else(|| {
            self.error(
                row.number,
                column,
                format!("`{}` is neither yes nor no", self.shown(cell)),
            )
            .hint(
                "write yes (or true, oui, 1) when the data is invented for an example; \
                 otherwise leave it empty",
            )
        })
    }
}

/// Every accepted way of writing each status: folded, as written, and the
/// status. The UN's five by key and English and French label (and "in
/// progress" / "en cours"), then those the data defines by key and labels.
pub(crate) fn status_names(defined: &[StatusDefinition]) -> Vec<(String, String, Status)> {
    let mut names: Vec<(String, String, Status)> = Vec::new();
    let mut add = |name: &str, status: &Status| {
        if !names.iter().any(|(_, n, _)| n == name) {
            names.push((fold(name), name.to_owned(), status.clone()));
        }
    };
    for status in Status::UN {
        let (en, fr) = status_labels(&status);
        for name in [status.key(), en, fr] {
            add(name, &status);
        }
        if status == Status::IN_PROGRESS {
            add("in progress", &status);
            add("en cours", &status);
        }
    }
    for d in defined {
        let status = Status::new(d.key.clone());
        add(&d.key, &status);
        for lang in crate::model::Lang::ALL {
            if d.label.has(lang) {
                add(d.label.get(lang), &status);
            }
        }
    }
    names
}

/// The English and French labels of a UN status, as the report prints them.
fn status_labels(status: &Status) -> (&'static str, &'static str) {
    match status.key() {
        "completed" => ("Completed", "Achevé"),
        "in-progress" => ("Implemented — in progress", "En cours d’exécution"),
        "not-implemented" => ("Not implemented", "Non exécuté"),
        "not-applicable" => ("Not applicable", "Sans objet"),
        _ => ("No indication", "Aucune indication"),
    }
}

/// The date of an Excel serial number, counted in the workbook's epoch.
fn serial_date(serial: f64, is_1904: bool) -> Option<Date> {
    // Excel's dates run to 9999-12-31.
    if !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let epoch_days = if is_1904 {
        days_from_civil(1904, 1, 1) + days
    } else {
        match days {
            // Day 0 is 1900-01-00, day 60 the 1900-02-29 Excel pretends was.
            0 | 60 => return None,
            1..=59 => days_from_civil(1899, 12, 31) + days,
            _ => days_from_civil(1899, 12, 30) + days,
        }
    };
    let (y, m, d) = civil_from_days(epoch_days);
    Date::new(y, m, d)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m as u8, d as u8)
}

fn empty(path: &Path) -> Error {
    Error::data(format!("{} is empty", path.display())).hint(
        "the first row must name the columns paragraph, entity, date, action, status and \
         reference, and each row below give one action",
    )
}

/// Finds the header row: the first row naming a known column, among the first
/// few rows with content; otherwise the first row.
fn find_header(rows: &[Row]) -> usize {
    rows.iter()
        .take(10)
        .position(|row| {
            row.cells.iter().any(|(_, c)| match c {
                Cell::Text(s) => field_of(s).is_some(),
                _ => false,
            })
        })
        .unwrap_or(0)
}

fn read_header(path: &Path, row: &Row, is_1904: bool) -> Result<Header> {
    let mut header = Header {
        row: row.number,
        columns: HashMap::new(),
        names: BTreeMap::new(),
    };
    let at = |column| Location::at(path, None, row.number, column);
    let all_names: Vec<&str> = FIELDS
        .iter()
        .flat_map(|f| {
            let (en, fr) = f.names();
            [en, fr]
        })
        .collect();
    for (column, cell) in &row.cells {
        let text = shown(cell, is_1904);
        let place = format!("row {}, column {}", row.number, column_letter(*column));
        let Some(field) = field_of(&text) else {
            let folded = fold(&text);
            let folded_names: Vec<String> = all_names.iter().map(|n| fold(n)).collect();
            let best = nearest(&folded, folded_names.iter().map(String::as_str))
                .and_then(|b| folded_names.iter().position(|f| f == b))
                .map(|i| all_names[i]);
            let columns = "paragraph, subparagraph, entity, date, action, status, reference, \
                           topic, resolution, illustrative (in French: paragraphe, alinéa, \
                           entité, date, mesure, statut, référence, objet, résolution)";
            let hint = match best {
                Some(best) => format!("did you mean `{best}`? the columns are {columns}"),
                None => format!("the columns are {columns}"),
            };
            return Err(
                Error::data(format!("{place}: `{text}` is not a column resolute knows"))
                    .at(at(*column))
                    .hint(hint),
            );
        };
        if let Some(&first) = header.columns.get(&field) {
            let first_name = header.names.get(&first).cloned().unwrap_or_default();
            return Err(Error::data(format!(
                "{place}: `{text}` repeats column {} ({first_name})",
                column_letter(first)
            ))
            .at(at(*column))
            .hint("keep one of the two columns"));
        }
        header.columns.insert(field, *column);
        header.names.insert(*column, text);
    }
    let missing: Vec<Field> = Field::REQUIRED
        .into_iter()
        .filter(|f| !header.columns.contains_key(f))
        .collect();
    if !missing.is_empty() {
        let list: Vec<String> = missing
            .iter()
            .map(|f| {
                let (en, fr) = f.names();
                if en == fr {
                    format!("`{en}`")
                } else {
                    format!("`{en}` (or `{fr}`)")
                }
            })
            .collect();
        let found: Vec<&str> = header.names.values().map(String::as_str).collect();
        let (noun, verb) = if missing.len() == 1 {
            ("column", "is")
        } else {
            ("columns", "are")
        };
        return Err(Error::data(format!(
            "row {}: the {noun} {} {verb} missing",
            row.number,
            list.join(", ")
        ))
        .at(at(1))
        .hint(format!(
            "the header row must name the columns paragraph, entity, date, action, status and \
             reference (in French: paragraphe, entité, date, mesure, statut, référence); it \
             names {}",
            found.join(", ")
        )));
    }
    Ok(header)
}

/// What one data row says.
struct Line {
    resolution: Option<String>,
    paragraph: u32,
    subparagraph: Option<String>,
    status: Option<Status>,
    topic: Option<String>,
    illustrative: bool,
    entity: Option<String>,
    date: Option<Date>,
    action: Option<String>,
    references: Option<String>,
}

/// One paragraph being gathered.
struct Group {
    resolution: Option<String>,
    paragraph: u32,
    subparagraph: Option<String>,
    first_row: usize,
    /// The status and the row that gave it.
    status: Option<(Status, usize)>,
    /// The topic and the row that gave it.
    topic: Option<(String, usize)>,
    entities: Vec<String>,
    actions: Vec<Action>,
}

impl Group {
    /// "paragraph 4" or "paragraph 4 (a)".
    fn name(&self) -> String {
        let name = match &self.subparagraph {
            Some(sub) => format!("paragraph {} ({sub})", self.paragraph),
            None => format!("paragraph {}", self.paragraph),
        };
        match &self.resolution {
            Some(r) => format!("{name} of resolution {r}"),
            None => name,
        }
    }

    fn add_entity(&mut self, entity: &str) {
        if !self.entities.iter().any(|e| e == entity) {
            self.entities.push(entity.to_owned());
        }
    }
}

/// Records in `slot` a value a row gives for its whole paragraph, unless an
/// earlier row gave it; returns the earlier value and row if they differ.
fn agree<T: PartialEq + Clone>(
    slot: &mut Option<(T, usize)>,
    value: T,
    row: usize,
) -> Option<(T, usize)> {
    match slot {
        Some(earlier) if earlier.0 != value => Some(earlier.clone()),
        Some(_) => None,
        None => {
            *slot = Some((value, row));
            None
        }
    }
}

const INCOMPLETE_HINT: &str = "give every action the entity that acted and the date; to record \
                               only the status, leave the row's action, entity and date empty";

impl Matrix<'_> {
    /// Reads what a data row says, checking each cell.
    fn line(&self, row: &Row) -> Result<Line> {
        let stray = row
            .cells
            .iter()
            .find(|(c, _)| !self.header.names.contains_key(c));
        if let Some((column, cell)) = stray {
            let message = format!("`{}` is in a column without a header", self.shown(cell));
            return Err(self
                .error(row.number, *column, message)
                .hint("give the column a header, or delete what is in it"));
        }
        Ok(Line {
            resolution: self.resolution(row)?,
            paragraph: self.paragraph(row)?,
            subparagraph: self.subparagraph(row)?,
            status: self.status(row)?,
            topic: self.text(row, Field::Topic)?,
            illustrative: self.illustrative(row)?,
            entity: self.text(row, Field::Entity)?,
            date: self.date(row)?,
            action: self.text(row, Field::Action)?,
            references: self.text(row, Field::Reference)?,
        })
    }

    /// Adds what a row says to its paragraph.
    fn add(&self, group: &mut Group, line: Line, row: usize) -> Result<()> {
        if let Some(status) = line.status {
            if let Some((before, earlier)) = agree(&mut group.status, status.clone(), row) {
                let message = format!(
                    "{} is `{}` here but `{}` in row {earlier}",
                    group.name(),
                    status.key(),
                    before.key()
                );
                return Err(self
                    .error(row, self.column(Field::Status), message)
                    .hint("give all rows of a paragraph the same status, or fill it in on one"));
            }
        }
        if let Some(topic) = line.topic {
            if let Some((before, earlier)) = agree(&mut group.topic, topic, row) {
                let message = format!(
                    "{} has another topic in row {earlier}: `{before}`",
                    group.name()
                );
                return Err(self
                    .error(row, self.column(Field::Topic), message)
                    .hint("give all rows of a paragraph the same topic, or fill it in on one"));
            }
        }
        match (line.action, line.entity, line.date) {
            (Some(action), Some(entity), Some(date)) => {
                group.add_entity(&entity);
                let references = line
                    .references
                    .iter()
                    .flat_map(|r| r.split([';', '\n']))
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(|r| Text::Plain(r.to_owned()))
                    .collect();
                group.actions.push(Action {
                    entity: Text::Plain(entity),
                    date,
                    text: Text::Plain(action),
                    references,
                });
            }
            (Some(_), entity, _) => {
                let (field, what) = match entity {
                    None => (Field::Entity, "entity"),
                    Some(_) => (Field::Date, "date"),
                };
                let action = column_letter(self.column(Field::Action));
                let message = format!("the action in column {action} has no {what}");
                return Err(self
                    .error(row, self.column(field), message)
                    .hint(INCOMPLETE_HINT));
            }
            (None, _, Some(date)) => {
                let message = format!("the date {date} belongs to no action");
                return Err(self
                    .error(row, self.column(Field::Date), message)
                    .hint("say what was done in the action column, or delete the date"));
            }
            (None, entity, None) => {
                if line.references.is_some() {
                    let message = "the reference belongs to no action";
                    return Err(self
                        .error(row, self.column(Field::Reference), message)
                        .hint("say what was done in the action column, or delete the reference"));
                }
                if let Some(entity) = entity {
                    group.add_entity(&entity);
                }
            }
        }
        Ok(())
    }

    /// The finished entry of a paragraph.
    fn finish(&self, group: Group) -> Result<ParagraphProgress> {
        let Some((status, _)) = group.status.clone() else {
            let message = format!("{} has no status", group.name());
            let mut valid: Vec<&str> = self.statuses.iter().map(|(_, _, s)| s.key()).collect();
            valid.dedup();
            return Err(self
                .error(group.first_row, self.column(Field::Status), message)
                .hint(format!(
                    "fill in the status on one of the paragraph's rows: {}",
                    valid.join(", ")
                )));
        };
        let topic = match group.topic {
            Some((topic, _)) => topic,
            None => group.name(),
        };
        Ok(ParagraphProgress {
            resolution: group.resolution,
            paragraph: group.paragraph,
            subparagraph: group.subparagraph,
            topic: Text::Plain(topic),
            status,
            entities: group.entities.into_iter().map(Text::Plain).collect(),
            actions: group.actions,
        })
    }
}

fn build(
    path: &Path,
    grid: Grid,
    resolution: &str,
    statuses: &[StatusDefinition],
) -> Result<SheetProgress> {
    let Grid { rows, is_1904, csv } = grid;
    if rows.is_empty() {
        return Err(empty(path));
    }
    let at = find_header(&rows);
    // The rows down to the header are checked before the header's names are
    // read (and quoted in messages); those below it, one by one, before
    // they are read.
    for row in &rows[..=at] {
        check_characters(path, row, &BTreeMap::new())?;
    }
    let header = read_header(path, &rows[at], is_1904)?;
    let matrix = Matrix {
        path,
        resolution,
        statuses: status_names(statuses),
        header,
        is_1904,
        csv,
    };
    let data = &rows[at + 1..];
    if data.is_empty() {
        return Err(Error::data(format!(
            "{} has a header row (row {}) but no rows of data",
            path.display(),
            matrix.header.row
        ))
        .hint("add one row per action below the header row"));
    }
    let mut groups: Vec<Group> = Vec::new();
    type Key = (Option<String>, u32, Option<String>);
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut illustrative = false;
    for row in data {
        check_characters(path, row, &matrix.header.names)?;
        let line = matrix.line(row)?;
        illustrative |= line.illustrative;
        let key = (
            line.resolution.clone(),
            line.paragraph,
            line.subparagraph.clone(),
        );
        let i = *index.entry(key).or_insert_with(|| {
            groups.push(Group {
                resolution: line.resolution.clone(),
                paragraph: line.paragraph,
                subparagraph: line.subparagraph.clone(),
                first_row: row.number,
                status: None,
                topic: None,
                entities: Vec::new(),
                actions: Vec::new(),
            });
            groups.len() - 1
        });
        matrix.add(&mut groups[i], line, row.number)?;
    }
    let rows = groups.iter().map(|g| g.first_row).collect();
    let paragraphs = groups
        .into_iter()
        .map(|g| matrix.finish(g))
        .collect::<Result<_>>()?;
    Ok(SheetProgress {
        progress: Progress {
            illustrative,
            resolution: resolution.to_owned(),
            statuses: statuses.to_vec(),
            paragraphs,
        },
        rows,
        paragraph_column: matrix.column(Field::Paragraph),
        columns: [
            ("status", Field::Status),
            ("subparagraph", Field::Subparagraph),
            ("resolution", Field::Resolution),
        ]
        .into_iter()
        .filter_map(|(name, field)| matrix.header.column(field).map(|c| (name, c)))
        .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::path::PathBuf;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sheets");
    const EXAMPLE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/ecosoc-2015-23/progress.yaml"
    );

    fn csv_named(name: &str, text: &str) -> Result<SheetProgress> {
        parse_sheet(Path::new(name), text.as_bytes(), "2015/23", &[])
    }

    fn csv(text: &str) -> Result<SheetProgress> {
        csv_named("progress.csv", text)
    }

    fn progress(text: &str) -> Progress {
        csv(text).unwrap_or_else(|e| panic!("{e}")).progress
    }

    fn error(text: &str) -> Error {
        match csv(text) {
            Ok(p) => panic!("expected an error, got {p:?}"),
            Err(e) => e,
        }
    }

    fn place(e: &Error) -> (usize, usize) {
        let loc = e.location.as_deref().expect("a location");
        (loc.line, loc.column)
    }

    fn plain(t: &Text) -> &str {
        match t {
            Text::Plain(s) => s,
            Text::PerLanguage(_) => panic!("expected plain text, got {t:?}"),
        }
    }

    const HEAD: &str = "paragraph,entity,date,action,status,reference\n";

    /// The statuses defined beside the sheet fixtures.
    fn fixture_statuses() -> Vec<crate::model::StatusDefinition> {
        let file = std::fs::read_to_string(PathBuf::from(FIXTURES).join("statuses.yaml")).unwrap();
        serde_saphyr::from_str::<crate::model::StatusFile>(&file)
            .unwrap()
            .statuses
    }

    #[test]
    fn fixtures_match_each_other_and_the_yaml_example() {
        let dir = PathBuf::from(FIXTURES);
        let yaml = std::fs::read_to_string(EXAMPLE).unwrap();
        let example: Progress = serde_saphyr::from_str(&yaml).unwrap();
        let defined = fixture_statuses();
        assert_eq!(defined, example.statuses);
        let from_csv = read_sheet(&dir.join("progress.csv"), "2015/23", &defined)
            .map(|s| s.progress)
            .unwrap();
        let from_xlsx = read_sheet(&dir.join("progress.xlsx"), "2015/23", &defined)
            .map(|s| s.progress)
            .unwrap();
        assert_eq!(from_csv, from_xlsx);
        // The sheets give the defined status by label and by key.
        assert_eq!(from_csv.paragraphs[6].status.key(), "partially-implemented");
        // Without the definition, the label is not a status.
        let e = read_sheet(&dir.join("progress.xlsx"), "2015/23", &[]).unwrap_err();
        assert!(
            e.message
                .contains("`Partially implemented` is not a status"),
            "{e}"
        );
        let hint = e.hint.as_deref().unwrap();
        assert!(hint.contains("statuses.yaml"), "{e}");
        assert!(
            !hint.contains("did you mean"),
            "a far cry suggested: {hint}"
        );
        let en = |t: &Text| t.get(crate::model::Lang::En).to_owned();
        assert_eq!(from_csv.resolution, example.resolution);
        assert_eq!(from_csv.illustrative, example.illustrative);
        assert_eq!(from_csv.paragraphs.len(), 11);
        assert_eq!(from_csv.paragraphs.len(), example.paragraphs.len());
        for (sheet, yaml) in from_csv.paragraphs.iter().zip(&example.paragraphs) {
            let n = yaml.paragraph;
            assert_eq!(sheet.paragraph, n);
            assert_eq!(sheet.subparagraph, yaml.subparagraph, "paragraph {n}");
            assert_eq!(sheet.status, yaml.status, "paragraph {n}");
            assert_eq!(plain(&sheet.topic), en(&yaml.topic), "paragraph {n}");
            assert_eq!(sheet.actions.len(), yaml.actions.len(), "paragraph {n}");
            let entities: Vec<&str> = sheet.entities.iter().map(plain).collect();
            for entity in &yaml.entities {
                assert!(entities.contains(&en(entity).as_str()), "paragraph {n}");
            }
            for (a, b) in sheet.actions.iter().zip(&yaml.actions) {
                assert_eq!(a.date, b.date, "paragraph {n}");
                assert_eq!(plain(&a.entity), en(&b.entity), "paragraph {n}");
                assert_eq!(plain(&a.text), en(&b.text), "paragraph {n}");
                let refs: Vec<String> = b.references.iter().map(en).collect();
                let got: Vec<&str> = a.references.iter().map(plain).collect();
                assert_eq!(got, refs, "paragraph {n}");
            }
        }
    }

    #[test]
    fn fixture_rows_point_at_the_sheets() {
        let dir = PathBuf::from(FIXTURES);
        let defined = fixture_statuses();
        let csv = read_sheet(&dir.join("progress.csv"), "2015/23", &defined).unwrap();
        assert_eq!(&csv.rows[..3], &[2, 5, 7]);
        assert_eq!(csv.paragraph_column, 1);
        let xlsx = read_sheet(&dir.join("progress.xlsx"), "2015/23", &defined).unwrap();
        // A title row and an empty row come before the header (row 3).
        assert_eq!(&xlsx.rows[..3], &[4, 7, 9]);
        let loc = xlsx.location(&dir.join("progress.xlsx"), 1, "paragraph");
        assert_eq!((loc.line, loc.column), (7, 1));
        let loc = xlsx.location(&dir.join("progress.xlsx"), 1, "status");
        assert_eq!((loc.line, loc.column), (7, 3));
    }

    #[test]
    fn a_resolution_column_keeps_each_resolutions_paragraphs_apart() {
        let p = progress(
            "résolution,paragraph,entity,date,action,status,reference\n\
             ,1,UNODC,2016-01-02,acted,completed,\n\
             2016/19,1,UNODC,2016-01-03,acted too,in-progress,\n\
             2015/23,1,,,,completed,\n\
             2016/19,1,,,,,\n",
        );
        assert_eq!(p.paragraphs.len(), 2);
        // The file's own resolution, written or left empty, is `None`.
        assert_eq!(p.paragraphs[0].resolution, None);
        assert_eq!(p.paragraphs[0].actions.len(), 1);
        assert_eq!(p.paragraphs[1].resolution.as_deref(), Some("2016/19"));
        assert_eq!(p.paragraphs[1].status, Status::IN_PROGRESS);
        let e = error(
            "resolution,paragraph,entity,date,action,status,reference\n\
             2016/19,1,,,,completed,\n\
             2016/19,1,,,,not-implemented,\n",
        );
        assert!(
            e.message
                .contains("paragraph 1 of resolution 2016/19 is `not-implemented` here"),
            "{e}"
        );
    }

    #[test]
    fn statuses_the_data_defines_are_read_by_key_and_label() {
        let defined = [crate::model::StatusDefinition {
            key: "partially-implemented".into(),
            label: serde_saphyr::from_str("{en: Partially implemented, fr: Partiellement exécuté}")
                .unwrap(),
        }];
        for written in [
            "partially-implemented",
            "Partially implemented",
            "PARTIELLEMENT EXÉCUTÉ",
        ] {
            let text = format!("{HEAD}1,,,,{written},\n");
            let p = parse_sheet(Path::new("p.csv"), text.as_bytes(), "2015/23", &defined).unwrap();
            assert_eq!(
                p.progress.paragraphs[0].status.key(),
                "partially-implemented"
            );
            assert_eq!(p.progress.statuses, defined);
        }
        let text = format!("{HEAD}1,,,,Partialy implemented,\n");
        let e = parse_sheet(Path::new("p.csv"), text.as_bytes(), "2015/23", &defined).unwrap_err();
        let hint = e.hint.unwrap();
        assert!(
            hint.starts_with("did you mean `partially-implemented`?"),
            "{hint}"
        );
        assert!(
            hint.contains("partially-implemented (Partially implemented, Partiellement exécuté)"),
            "{hint}"
        );
    }

    #[test]
    fn groups_rows_by_paragraph_in_order_of_first_appearance() {
        let p = progress(&format!(
            "{HEAD}\
             3,UNODC,2016-01-02,did one thing,in-progress,A/1; A/2 ;\n\
             1,UNODC,2016-01-03,did a second thing,completed,\n\
             3,ICAT,2016-01-04,did a third thing,,B/1\n\
             2,,,,not-applicable,\n"
        ));
        let numbers: Vec<u32> = p.paragraphs.iter().map(|p| p.paragraph).collect();
        assert_eq!(numbers, [3, 1, 2]);
        let three = &p.paragraphs[0];
        assert_eq!(three.status, Status::IN_PROGRESS);
        assert_eq!(three.topic, Text::Plain("paragraph 3".into()));
        assert_eq!(three.entities, [Text::from("UNODC"), Text::from("ICAT")]);
        assert_eq!(three.actions.len(), 2);
        assert_eq!(three.actions[0].text, Text::from("did one thing"));
        assert_eq!(
            three.actions[0].references,
            [Text::from("A/1"), Text::from("A/2")]
        );
        assert_eq!(three.actions[1].date, Date::new(2016, 1, 4).unwrap());
        let two = &p.paragraphs[2];
        assert_eq!(two.status, Status::NOT_APPLICABLE);
        assert!(two.actions.is_empty() && two.entities.is_empty());
        assert!(!p.illustrative);
        assert_eq!(p.resolution, "2015/23");
    }

    #[test]
    fn an_entity_alone_is_responsible_without_acting() {
        let p = progress(&format!(
            "{HEAD}8,UNODC,,,not-implemented,\n8,Member States,,,,\n"
        ));
        let eight = &p.paragraphs[0];
        assert!(eight.actions.is_empty());
        assert_eq!(
            eight.entities,
            [Text::from("UNODC"), Text::from("Member States")]
        );
    }

    #[test]
    fn reads_french_headers_semicolons_and_sub_paragraphs() {
        let p = progress(
            "\u{feff} Paragraphe ;ALINÉA; Entité ;Date;Mesure;Statut;Références;Objet;Illustrative\r\n\
             4;(a);l’ONUDC;2016-03-15;a organisé un atelier;En cours d’exécution;X/1;formation;non\r\n\
             4;b);;;;Achevé;;;oui\r\n\
             4;(a);;;;en cours;;;\r\n",
        );
        assert!(p.illustrative);
        assert_eq!(p.paragraphs.len(), 2);
        let a = &p.paragraphs[0];
        assert_eq!(a.subparagraph.as_deref(), Some("a"));
        assert_eq!(a.status, Status::IN_PROGRESS);
        assert_eq!(a.topic, Text::from("formation"));
        assert_eq!(a.actions[0].entity, Text::from("l’ONUDC"));
        let b = &p.paragraphs[1];
        assert_eq!(b.subparagraph.as_deref(), Some("b"));
        assert_eq!(b.status, Status::COMPLETED);
        assert_eq!(b.topic, Text::from("paragraph 4 (b)"));
    }

    #[test]
    fn accepts_every_spelling_of_every_status() {
        let cases = [
            ("completed", Status::COMPLETED),
            ("Completed", Status::COMPLETED),
            ("ACHEVÉ", Status::COMPLETED),
            ("achevé", Status::COMPLETED),
            ("in-progress", Status::IN_PROGRESS),
            ("Implemented — in progress", Status::IN_PROGRESS),
            ("implemented - in progress", Status::IN_PROGRESS),
            ("In progress", Status::IN_PROGRESS),
            ("En cours d’exécution", Status::IN_PROGRESS),
            ("en cours d'execution", Status::IN_PROGRESS),
            ("not-implemented", Status::NOT_IMPLEMENTED),
            ("Not implemented", Status::NOT_IMPLEMENTED),
            ("Non exécuté", Status::NOT_IMPLEMENTED),
            ("not-applicable", Status::NOT_APPLICABLE),
            ("Not applicable", Status::NOT_APPLICABLE),
            ("Sans objet", Status::NOT_APPLICABLE),
            ("no-indication", Status::NO_INDICATION),
            ("No indication", Status::NO_INDICATION),
            ("Aucune indication", Status::NO_INDICATION),
        ];
        for (written, status) in cases {
            let p = progress(&format!("{HEAD}1,,,,\"{written}\",\n"));
            assert_eq!(p.paragraphs[0].status, status, "{written}");
        }
    }

    #[test]
    fn bad_date_names_row_column_and_header() {
        let e = error(&format!(
            "{HEAD}1,UNODC,2016-01-02,acted,completed,\n1,UNODC,2016-13-01,acted,completed,\n"
        ));
        assert_eq!(e.kind, crate::ErrorKind::Data);
        assert_eq!(
            e.message,
            "row 3, column C (date): `2016-13-01` is not a date"
        );
        assert_eq!(place(&e), (3, 3));
        assert!(e.hint.as_deref().unwrap().contains("YYYY-MM-DD"));
        assert!(e.to_string().starts_with("progress.csv:3:3: "), "{e}");
        let e = error(&format!("{HEAD}1,UNODC,15/03/2016,acted,completed,\n"));
        assert!(e.message.contains("`15/03/2016` is not a date"), "{e}");
        // In CSV, a number is not a date: it could be anything.
        let e = error(&format!("{HEAD}1,UNODC,42444,acted,completed,\n"));
        assert!(e.message.contains("`42444` is not a date"), "{e}");
    }

    #[test]
    fn unknown_header_suggests_the_nearest() {
        let e = error("paragraph,entity,date,action,stauts,reference\n1,,,,completed,\n");
        assert_eq!(place(&e), (1, 5));
        assert!(e.message.contains("row 1, column E"), "{e}");
        assert!(e.message.contains("`stauts`"), "{e}");
        assert!(e
            .hint
            .as_deref()
            .unwrap()
            .starts_with("did you mean `status`?"));
        let e = error("paragraphe,entité,date,mesure,statu,référence\n1,,,,completed,\n");
        assert!(
            e.hint
                .as_deref()
                .unwrap()
                .starts_with("did you mean `statut`?"),
            "{e}"
        );
    }

    #[test]
    fn missing_and_repeated_columns() {
        let e = error("paragraph,entity,action,status\n1,,,completed\n");
        assert_eq!(
            e.message,
            "row 1: the columns `date`, `reference` (or `référence`) are missing"
        );
        assert!(e
            .hint
            .as_deref()
            .unwrap()
            .contains("it names paragraph, entity, action, status"));
        let e = error("paragraph,entity,date,action,status,reference,statut\n");
        assert!(e.message.contains("column G"), "{e}");
        assert!(e.message.contains("repeats column E (status)"), "{e}");
    }

    #[test]
    fn bad_status_lists_the_valid_ones() {
        let e = error(&format!("{HEAD}1,,,,Not implmented,\n"));
        assert_eq!(place(&e), (2, 5));
        assert_eq!(
            e.message,
            "row 2, column E (status): `Not implmented` is not a status"
        );
        let hint = e.hint.unwrap();
        assert!(
            hint.starts_with("did you mean `not-implemented`?"),
            "{hint}"
        );
        for status in Status::UN {
            assert!(hint.contains(status.key()), "{hint}");
        }
        assert!(hint.contains("Sans objet"), "{hint}");
    }

    #[test]
    fn disagreeing_statuses_name_both_rows() {
        let e = error(&format!(
            "{HEAD}4,,,,completed,\n5,,,,completed,\n4,,,,in progress,\n"
        ));
        assert_eq!(place(&e), (4, 5));
        assert_eq!(
            e.message,
            "row 4, column E (status): paragraph 4 is `in-progress` here but `completed` in row 2"
        );
        let e = error(
            "paragraph,topic,entity,date,action,status,reference\n\
             4,one,,,,completed,\n4,two,,,,,\n",
        );
        assert!(e.message.contains("row 3, column B (topic)"), "{e}");
        assert!(e.message.contains("another topic in row 2: `one`"), "{e}");
    }

    #[test]
    fn paragraph_numbers() {
        let e = error(&format!("{HEAD}OP 4,,,,completed,\n"));
        assert_eq!(
            e.message,
            "row 2, column A (paragraph): `OP 4` is not a paragraph number"
        );
        assert_eq!(place(&e), (2, 1));
        let e = error(&format!("{HEAD}0,,,,completed,\n"));
        assert!(e.message.contains("start at 1"), "{e}");
        let e = error(&format!("{HEAD}99999999999,,,,completed,\n"));
        assert!(e.message.contains("is not a paragraph number"), "{e}");
        let e = error(&format!("{HEAD},UNODC,,,completed,\n"));
        assert!(e.message.contains("the paragraph number is missing"), "{e}");
        let p = progress(&format!("{HEAD}7.,,,,completed,\n"));
        assert_eq!(p.paragraphs[0].paragraph, 7);
    }

    #[test]
    fn incomplete_rows() {
        let e = error(&format!("{HEAD}1,UNODC,,acted,completed,\n"));
        assert_eq!(place(&e), (2, 3));
        assert!(
            e.message.contains("the action in column D has no date"),
            "{e}"
        );
        let e = error(&format!("{HEAD}1,,2016-01-01,acted,completed,\n"));
        assert_eq!(place(&e), (2, 2));
        let e = error(&format!("{HEAD}1,UNODC,2016-01-01,,completed,\n"));
        assert!(e.message.contains("belongs to no action"), "{e}");
        let e = error(&format!("{HEAD}1,,,,completed,A/1\n"));
        assert_eq!(place(&e), (2, 6));
        let e = error(&format!("{HEAD}1,UNODC,2016-01-01,acted,,\n"));
        assert_eq!(
            e.message,
            "row 2, column E (status): paragraph 1 has no status"
        );
        let e = error(&format!("{HEAD}1,,,,completed,,stray\n"));
        assert_eq!(place(&e), (2, 7));
        assert!(e
            .message
            .contains("row 2, column G: `stray` is in a column without a header"));
        let e = error(&format!("{HEAD}1,,,,completed,,,\n1,,,,,,,,maybe\n"));
        assert!(e.message.starts_with("row 3, column I:"), "{e}");
    }

    #[test]
    fn illustrative_column() {
        let head = "paragraph,entity,date,action,status,reference,illustrative\n";
        assert!(progress(&format!("{head}1,,,,completed,,TRUE\n")).illustrative);
        assert!(progress(&format!("{head}1,,,,completed,,1\n")).illustrative);
        assert!(!progress(&format!("{head}1,,,,completed,,no\n")).illustrative);
        let e = error(&format!("{head}1,,,,completed,,perhaps\n"));
        assert!(e.message.contains("column G (illustrative)"), "{e}");
    }

    #[test]
    fn csv_rows_are_counted_as_a_spreadsheet_shows_them() {
        // A quoted cell spanning lines is one row; an empty line is a row.
        let e = error(&format!(
            "{HEAD}1,UNODC,2016-01-01,\"acted\non two lines\",completed,\n\n1,UNODC,nope,acted,,\n"
        ));
        assert_eq!(place(&e), (4, 3));
        let crlf = "paragraph,entity,date,action,status,reference\r\n\r\n\r\n\
                    1,UNODC,2016-01-01,\"two\r\nlines\",completed,\r\n1,UNODC,nope,acted,,";
        assert_eq!(place(&error(crlf)), (5, 3));
        // Title lines above the header are skipped.
        let e = error(&format!(
            "Implementation matrix\n\n{HEAD}1,UNODC,nope,acted,,\n"
        ));
        assert_eq!(place(&e), (4, 3));
    }

    #[test]
    fn empty_files() {
        for text in ["", "  \r\n\n", "\u{feff}"] {
            let e = error(text);
            assert_eq!(e.message, "progress.csv is empty", "{text:?}");
            assert!(e.hint.is_some());
        }
        let e = error(HEAD);
        assert!(e.message.contains("no rows of data"), "{e}");
        let e = error(",,,\n,,\n");
        assert_eq!(e.message, "progress.csv is empty");
    }

    #[test]
    fn files_that_are_not_spreadsheets() {
        let check = |name: &str, bytes: &[u8], said: &str| {
            let e = parse_sheet(Path::new(name), bytes, "1", &[]).unwrap_err();
            assert_eq!(e.kind, crate::ErrorKind::Data);
            assert!(e.message.contains(said), "{name}: {e}");
            assert!(e.message.contains(name), "{name}: {e}");
            assert!(e.hint.is_some(), "{name}: {e}");
        };
        check(
            "progress.csv",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
            "it is a PDF document",
        );
        check("progress.xlsx", b"%PDF-1.4", "it is a PDF document");
        check(
            "progress.xlsx",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
            "Excel 97–2003",
        );
        check("progress.csv", b"\xFF\xFEp\0a\0", "UTF-16");
        check("progress.csv", b"\x89PNG\r\n\x1a\n", "a PNG image");
        check(
            "progress.csv",
            b"<html><table><tr><td>1</td></tr></table>",
            "an HTML page",
        );
        check("progress.csv", b"paragraph\0\0\x01\x02", "binary data");
        check(
            "progress.xlsx",
            HEAD.as_bytes(),
            "named as an Excel workbook but is plain text",
        );
        let xlsx = std::fs::read(format!("{FIXTURES}/progress.xlsx")).unwrap();
        check(
            "progress.csv",
            &xlsx,
            "named as a CSV file but is a ZIP archive",
        );
        let docx = zip_of(&[("word/document.xml", "<w:document/>")]);
        check("progress.xlsx", &docx, "it is a Word document");
        let ods = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.spreadsheet")]);
        check("progress.xlsx", &ods, "it is an OpenDocument spreadsheet");
        let zip = zip_of(&[("notes.txt", "hello")]);
        check("progress.xlsx", &zip, "it is a ZIP archive");
        check("progress.xlsx", b"PK\x03\x04garbage", "progress.xlsx");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let e = parse_sheet(
            Path::new("p.csv"),
            b"paragraph,entity,date,action,status,reference\n1,Minist\xE8re,,,completed,\n",
            "1",
            &[],
        )
        .unwrap_err();
        assert!(e.message.contains("not UTF-8"), "{e}");
        assert_eq!(place(&e), (2, 9));
        assert!(e.hint.unwrap().contains("CSV UTF-8"));
    }

    #[test]
    fn csv_cells_with_control_or_bidirectional_characters_are_refused() {
        let e = error(&format!(
            "{HEAD}1,UNODC,2016-01-02,acted,completed,\n2,UNODC,2016-01-02,rang\u{7},completed,\n"
        ));
        assert_eq!(e.kind, crate::ErrorKind::Data);
        assert_eq!(
            e.message,
            "row 3, column D (action): the cell contains the control character U+0007 \
             (character 5 of the cell)"
        );
        assert_eq!(place(&e), (3, 4));
        assert_eq!(e.hint.as_deref(), Some(forbidden_hint('\u{7}')));
        assert!(e.to_string().starts_with("progress.csv:3:4: "), "{e}");
        // U+202E would print "Conseil" as "liesnoC".
        let e = error(&format!(
            "{HEAD}1,\"\u{202E}Conseil\",2016-01-02,acted,completed,\n"
        ));
        assert_eq!(
            e.message,
            "row 2, column B (entity): the cell contains the bidirectional formatting \
             character U+202E (character 1 of the cell)"
        );
        assert_eq!(place(&e), (2, 2));
        assert!(e.hint.as_deref().unwrap().contains("order"), "{e}");
        // In the header and in a title row above it, before a message
        // quotes the cell; in a column without a header, too.
        let e = error("paragraph,entity,date,action,sta\u{202E}tus,reference\n1,,,,completed,\n");
        assert_eq!(
            e.message,
            "row 1, column E: the cell contains the bidirectional formatting character \
             U+202E (character 4 of the cell)"
        );
        let e = error(&format!("Matrix\u{1b}[2J\n{HEAD}1,,,,completed,\n"));
        assert_eq!(place(&e), (1, 1));
        assert!(e.message.contains("control character U+001B"), "{e}");
        let e = error(&format!("{HEAD}1,,,,completed,,\u{2066}stray\n"));
        assert!(e.message.starts_with("row 2, column G: the cell"), "{e}");
        // Tabs and line breaks in a cell are text.
        let p = progress(&format!(
            "{HEAD}1,UNODC,2016-01-02,\"acted\ton\r\ntwo lines\",completed,\n"
        ));
        assert_eq!(p.paragraphs[0].actions.len(), 1);
    }

    #[test]
    fn tab_separated_text_is_read_too() {
        let p =
            progress("paragraph\tentity\tdate\taction\tstatus\treference\n2\t\t\t\tcompleted\t\n");
        assert_eq!(p.paragraphs[0].paragraph, 2);
    }

    #[test]
    fn column_letters() {
        let cases = [
            (1, "A"),
            (3, "C"),
            (26, "Z"),
            (27, "AA"),
            (52, "AZ"),
            (702, "ZZ"),
            (703, "AAA"),
        ];
        for (n, letters) in cases {
            assert_eq!(column_letter(n), letters);
        }
        assert_eq!(column_letter(16_384), "XFD");
    }

    #[test]
    fn excel_serial_numbers() {
        let d = |y, m, d| Date::new(y, m, d);
        assert_eq!(serial_date(1.0, false), d(1900, 1, 1));
        assert_eq!(serial_date(59.0, false), d(1900, 2, 28));
        assert_eq!(serial_date(60.0, false), None);
        assert_eq!(serial_date(61.0, false), d(1900, 3, 1));
        assert_eq!(serial_date(42_444.0, false), d(2016, 3, 15));
        assert_eq!(serial_date(42_444.75, false), d(2016, 3, 15));
        assert_eq!(serial_date(2_958_465.0, false), d(9999, 12, 31));
        assert_eq!(serial_date(2_958_466.0, false), None);
        assert_eq!(serial_date(0.0, true), d(1904, 1, 1));
        assert_eq!(serial_date(40_982.0, true), d(2016, 3, 15));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e300] {
            assert_eq!(serial_date(bad, false), None);
        }
    }

    // --- Workbooks built in the test.

    enum X {
        S(&'static str),
        N(f64),
        D(f64),
        B(bool),
        E(&'static str),
        Blank,
    }
    use X::*;

    fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, text) in files {
            zip.start_file(*name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    struct Sheet {
        name: &'static str,
        hidden: bool,
        rows: Vec<Vec<X>>,
        merges: &'static [&'static str],
    }

    fn sheet(rows: Vec<Vec<X>>) -> Sheet {
        Sheet {
            name: "Sheet1",
            hidden: false,
            rows,
            merges: &[],
        }
    }

    fn workbook(sheets: &[Sheet], date1904: bool) -> Vec<u8> {
        const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let mut types = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
        );
        let mut entries = String::new();
        let mut rels = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>"#
        );
        let mut files: Vec<(String, String)> = Vec::new();
        for (i, s) in sheets.iter().enumerate() {
            let n = i + 1;
            types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
            let state = if s.hidden { r#" state="hidden""# } else { "" };
            entries.push_str(&format!(
                r#"<sheet name="{}" sheetId="{n}"{state} r:id="rId{n}"/>"#,
                s.name
            ));
            rels.push_str(&format!(
                r#"<Relationship Id="rId{n}" Type="{REL}/worksheet" Target="worksheets/sheet{n}.xml"/>"#
            ));
            let mut data = String::new();
            for (r, row) in s.rows.iter().enumerate() {
                let r = r + 1;
                data.push_str(&format!(r#"<row r="{r}">"#));
                for (c, x) in row.iter().enumerate() {
                    let at = format!("{}{r}", column_letter(c + 1));
                    data.push_str(&match x {
                        S(t) => format!(r#"<c r="{at}" t="inlineStr"><is><t>{t}</t></is></c>"#),
                        N(v) => format!(r#"<c r="{at}"><v>{v}</v></c>"#),
                        D(v) => format!(r#"<c r="{at}" s="1"><v>{v}</v></c>"#),
                        B(b) => format!(r#"<c r="{at}" t="b"><v>{}</v></c>"#, u8::from(*b)),
                        E(e) => format!(r#"<c r="{at}" t="e"><v>{e}</v></c>"#),
                        Blank => String::new(),
                    });
                }
                data.push_str("</row>");
            }
            let merges = if s.merges.is_empty() {
                String::new()
            } else {
                let cells: String = s
                    .merges
                    .iter()
                    .map(|m| format!(r#"<mergeCell ref="{m}"/>"#))
                    .collect();
                format!(
                    r#"<mergeCells count="{}">{cells}</mergeCells>"#,
                    s.merges.len()
                )
            };
            files.push((
                format!("xl/worksheets/sheet{n}.xml"),
                format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{data}</sheetData>{merges}</worksheet>"#),
            ));
        }
        types.push_str("</Types>");
        rels.push_str("</Relationships>");
        let pr = if date1904 {
            r#"<workbookPr date1904="1"/>"#
        } else {
            ""
        };
        let book = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets>{entries}</sheets></workbook>"#
        );
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#
        );
        let mut all: Vec<(&str, &str)> = vec![
            ("[Content_Types].xml", &types),
            (
                "_rels/.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
            ("xl/workbook.xml", &book),
            ("xl/_rels/workbook.xml.rels", &rels),
            ("xl/styles.xml", &styles),
        ];
        all.extend(files.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        zip_of(&all)
    }

    fn header() -> Vec<X> {
        [
            "paragraph",
            "entity",
            "date",
            "action",
            "status",
            "reference",
        ]
        .into_iter()
        .map(S)
        .collect()
    }

    fn xlsx(sheets: &[Sheet], date1904: bool) -> Result<SheetProgress> {
        parse_sheet(
            Path::new("m.xlsx"),
            &workbook(sheets, date1904),
            "2015/23",
            &[],
        )
    }

    #[test]
    fn workbook_cells_of_every_kind() {
        let p = xlsx(
            &[sheet(vec![
                header(),
                vec![
                    N(4.0),
                    S("UNODC"),
                    D(42_444.0),
                    S("acted"),
                    S("Completed"),
                    N(12.0),
                ],
                vec![
                    N(4.0),
                    S("UNODC"),
                    N(42_445.0),
                    S("acted again"),
                    Blank,
                    Blank,
                ],
                vec![
                    S("4"),
                    N(77.0),
                    S("2016-03-17"),
                    S("acted a third time"),
                    Blank,
                    Blank,
                ],
                vec![N(5.0), Blank, Blank, Blank, S("no-indication"), Blank],
            ])],
            false,
        )
        .unwrap()
        .progress;
        assert_eq!(p.paragraphs.len(), 2);
        let four = &p.paragraphs[0];
        let dates: Vec<String> = four.actions.iter().map(|a| a.date.to_string()).collect();
        assert_eq!(dates, ["2016-03-15", "2016-03-16", "2016-03-17"]);
        assert_eq!(four.actions[0].references, [Text::from("12")]);
        assert_eq!(four.actions[2].entity, Text::from("77"));
        assert_eq!(p.paragraphs[1].status, Status::NO_INDICATION);
    }

    #[test]
    fn workbook_dates_in_the_1904_system() {
        let p = xlsx(
            &[sheet(vec![
                header(),
                vec![
                    N(1.0),
                    S("UNODC"),
                    D(40_982.0),
                    S("acted"),
                    S("completed"),
                    Blank,
                ],
            ])],
            true,
        )
        .unwrap()
        .progress;
        assert_eq!(p.paragraphs[0].actions[0].date.to_string(), "2016-03-15");
    }

    #[test]
    fn workbook_errors_name_row_and_column() {
        let e = xlsx(
            &[sheet(vec![
                vec![S("Matrix for 2015/23")],
                header(),
                vec![
                    N(1.0),
                    S("UNODC"),
                    D(0.5),
                    S("acted"),
                    S("completed"),
                    Blank,
                ],
            ])],
            false,
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            "row 3, column C (date): `0.5` is a time of day, not a date"
        );
        assert_eq!(place(&e), (3, 3));
        assert!(e.to_string().starts_with("m.xlsx:3:3:"), "{e}");

        let e = xlsx(
            &[sheet(vec![
                header(),
                vec![
                    N(1.5),
                    S("UNODC"),
                    D(42_444.0),
                    S("acted"),
                    S("completed"),
                    Blank,
                ],
            ])],
            false,
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            "row 2, column A (paragraph): `1.5` is not a paragraph number"
        );

        let e = xlsx(
            &[sheet(vec![
                header(),
                vec![
                    N(1.0),
                    E("#REF!"),
                    D(42_444.0),
                    S("acted"),
                    S("completed"),
                    Blank,
                ],
            ])],
            false,
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            "row 2, column B (entity): the cell holds the Excel error #REF!"
        );

        let e = xlsx(
            &[sheet(vec![
                header(),
                vec![
                    N(1.0),
                    S("UNODC"),
                    B(true),
                    S("acted"),
                    S("completed"),
                    Blank,
                ],
            ])],
            false,
        )
        .unwrap_err();
        assert_eq!(e.message, "row 2, column C (date): `TRUE` is not a date");
    }

    #[test]
    fn workbook_reads_the_first_visible_worksheet() {
        let lists = Sheet {
            name: "Lists",
            hidden: true,
            rows: vec![vec![S("Completed")], vec![S("Not applicable")]],
            merges: &[],
        };
        let matrix = Sheet {
            name: "Matrix",
            hidden: false,
            rows: vec![
                header(),
                vec![N(2.0), Blank, Blank, Blank, S("Sans objet"), Blank],
            ],
            merges: &[],
        };
        let other = Sheet {
            name: "Notes",
            hidden: false,
            rows: vec![vec![S("anything")]],
            merges: &[],
        };
        let p = xlsx(&[lists, matrix, other], false).unwrap().progress;
        assert_eq!(p.paragraphs[0].status, Status::NOT_APPLICABLE);
        let empty = xlsx(&[sheet(vec![])], false).unwrap_err();
        assert_eq!(empty.message, "m.xlsx is empty");
    }

    #[test]
    fn workbook_merged_cells_fill_the_rows_they_span() {
        let matrix = Sheet {
            name: "Matrix",
            hidden: false,
            rows: vec![
                header(),
                vec![
                    N(3.0),
                    S("UNODC"),
                    D(42_444.0),
                    S("acted"),
                    S("completed"),
                    Blank,
                ],
                vec![Blank, S("ICAT"), D(42_445.0), S("acted"), Blank, Blank],
                vec![Blank, S("Member States")],
                vec![N(4.0), Blank, Blank, Blank, S("not-implemented")],
            ],
            merges: &["A2:A4", "E2:E4"],
        };
        let p = xlsx(&[matrix], false).unwrap().progress;
        assert_eq!(p.paragraphs.len(), 2);
        assert_eq!(p.paragraphs[0].actions.len(), 2);
        assert_eq!(p.paragraphs[0].entities.len(), 3);
        assert_eq!(p.paragraphs[1].status, Status::NOT_IMPLEMENTED);
        // Without the merge, the empty paragraph cells are an error.
        let unmerged = Sheet {
            name: "Matrix",
            hidden: false,
            rows: vec![
                header(),
                vec![
                    N(3.0),
                    S("UNODC"),
                    D(42_444.0),
                    S("acted"),
                    S("completed"),
                    Blank,
                ],
                vec![Blank, S("ICAT"), D(42_445.0), S("acted"), Blank, Blank],
            ],
            merges: &[],
        };
        let e = xlsx(&[unmerged], false).unwrap_err();
        assert_eq!(
            e.message,
            "row 3, column A (paragraph): the paragraph number is missing"
        );
    }

    #[test]
    fn workbook_cells_with_control_or_bidirectional_characters_are_refused() {
        let row = |entity: &'static str| {
            vec![
                N(1.0),
                S(entity),
                D(42_444.0),
                S("acted"),
                S("completed"),
                Blank,
            ]
        };
        // Excel writes a control character in a cell as `_x001B_`.
        let e = xlsx(
            &[sheet(vec![header(), row("UNODC"), row("UN_x001B_[2JODC")])],
            false,
        )
        .unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::Data);
        assert_eq!(
            e.message,
            "row 3, column B (entity): the cell contains the control character U+001B \
             (character 3 of the cell)"
        );
        assert_eq!(place(&e), (3, 2));
        assert_eq!(e.hint.as_deref(), Some(forbidden_hint('\u{1b}')));
        assert!(e.to_string().starts_with("m.xlsx:3:2: "), "{e}");
        let e = xlsx(&[sheet(vec![header(), row("\u{202E}Conseil")])], false).unwrap_err();
        assert_eq!(
            e.message,
            "row 2, column B (entity): the cell contains the bidirectional formatting \
             character U+202E (character 1 of the cell)"
        );
        assert_eq!(place(&e), (2, 2));
        assert_eq!(e.hint.as_deref(), Some(forbidden_hint('\u{202E}')));
    }

    /// A small deterministic generator, for the tests of hostile bytes.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }
    }

    #[test]
    fn never_panics_whatever_the_bytes() {
        let mut rng = Lcg(7);
        let xlsx = std::fs::read(format!("{FIXTURES}/progress.xlsx")).unwrap();
        let csv = std::fs::read(format!("{FIXTURES}/progress.csv")).unwrap();
        let small = workbook(
            &[sheet(vec![
                header(),
                vec![
                    N(1.0),
                    S("UNODC"),
                    D(42_444.0),
                    S("acted"),
                    S("completed"),
                    Blank,
                ],
            ])],
            false,
        );
        let names = ["f.xlsx", "f.csv", "f"];
        for (k, original) in [&xlsx, &csv, &small].into_iter().enumerate() {
            for round in 0..300 {
                let mut bytes = original.clone();
                match round % 3 {
                    0 => {
                        let len = rng.next() as usize % (bytes.len() + 1);
                        bytes.truncate(len);
                    }
                    1 => {
                        for _ in 0..1 + rng.next() % 8 {
                            let i = rng.next() as usize % bytes.len();
                            bytes[i] = rng.next() as u8;
                        }
                    }
                    _ => {
                        let i = rng.next() as usize % bytes.len();
                        let n = (rng.next() as usize % 64).min(bytes.len() - i);
                        bytes.drain(i..i + n);
                    }
                }
                for name in names {
                    let _ = parse_sheet(Path::new(name), &bytes, "x", &[]);
                }
                let _ = k;
            }
        }
        for _ in 0..300 {
            let len = rng.next() as usize % 512;
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            for prefix in [&b""[..], b"PK\x03\x04", b"paragraph,"] {
                let mut b = prefix.to_vec();
                b.extend_from_slice(&bytes);
                for name in names {
                    let _ = parse_sheet(Path::new(name), &b, "x", &[]);
                }
            }
        }
    }
}
