//! The one error type users see: what went wrong, where, and what to do.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

/// What kind of failure; each has its own exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input data is malformed or inconsistent (exit code 3).
    Data,
    /// A template failed to load or render (exit code 4).
    Template,
    /// The typesetter rejected the document (exit code 5).
    Typeset,
    /// A file could not be read or written (exit code 6).
    Io,
    /// A bug in resolute (exit code 1).
    Internal,
    /// The command line asks for something impossible (exit code 2).
    Usage,
}

impl ErrorKind {
    /// The process exit code for this kind of error.
    pub fn exit_code(self) -> i32 {
        match self {
            ErrorKind::Internal => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Data => 3,
            ErrorKind::Template => 4,
            ErrorKind::Typeset => 5,
            ErrorKind::Io => 6,
        }
    }
}

/// A place in a file.
#[derive(Debug, Clone)]
pub struct Location {
    /// The file, as the user named it.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The byte range, when known, for underlining.
    pub range: Option<Range<usize>>,
    /// The file's text, when at hand, for showing the line.
    pub source: Option<Arc<str>>,
}

impl Location {
    /// A location from a line and column, with the source text for context.
    pub fn at(path: &Path, source: Option<Arc<str>>, line: usize, column: usize) -> Location {
        let range = source.as_deref().and_then(|s| {
            let start = byte_offset(s, line, column)?;
            let end = s[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            Some(start..end)
        });
        Location {
            path: path.to_owned(),
            line,
            column,
            range,
            source,
        }
    }

    /// A location from a byte range in `source`.
    pub fn span(path: &Path, source: Arc<str>, range: Range<usize>) -> Location {
        let start = range.start.min(source.len());
        let before = &source[..floor_char_boundary(&source, start)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Location {
            path: path.to_owned(),
            line,
            column,
            range: Some(range),
            source: Some(source),
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte offset of a 1-based line and character column.
pub fn byte_offset(source: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        source
            .match_indices('\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)?
    };
    let text = &source[line_start..];
    let text = &text[..text.find('\n').unwrap_or(text.len())];
    let col = text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    Some(line_start + col)
}

/// An error for users: a message, where it happened, and a hint.
#[derive(Debug, Clone)]
pub struct Error {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// What went wrong, in one sentence.
    pub message: String,
    /// Where, when it points into a file (boxed to keep results small).
    pub location: Option<Box<Location>>,
    /// What to do about it.
    pub hint: Option<String>,
    /// Further notes (a typst trace, for example).
    pub notes: Vec<String>,
    /// The I/O error behind an I/O failure, kept so that a closed pipe can
    /// be told from a full disk.
    pub source: Option<Arc<std::io::Error>>,
}

/// The result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The result of a whole run: every problem it found.
pub type Outcome<T> = std::result::Result<T, Problems>;

impl Error {
    /// A new error of `kind`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            location: None,
            hint: None,
            notes: Vec::new(),
            source: None,
        }
    }

    /// An error in the input data.
    pub fn data(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Data, message)
    }

    /// An error reading or writing `path`, keeping the I/O error.
    pub fn io(action: &str, path: &Path, err: std::io::Error) -> Error {
        let mut error = Error::new(
            ErrorKind::Io,
            format!("cannot {action} {}: {err}", path.display()),
        );
        error.source = Some(Arc::new(err));
        error
    }

    /// Whether this is a write to a pipe whose reader has gone (`resolute
    /// import X | head`): the command then ends quietly, as Unix tools do.
    pub fn is_broken_pipe(&self) -> bool {
        self.source
            .as_ref()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// Adds where it happened.
    pub fn at(mut self, location: Location) -> Error {
        self.location = Some(Box::new(location));
        self
    }

    /// Adds what to do.
    pub fn hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Error {
        self.notes.push(note.into());
        self
    }

    /// The process exit code.
    pub fn exit_code(&self) -> i32 {
        self.kind.exit_code()
    }

    /// The error as a multi-line diagnostic, with the offending line shown.
    /// Control characters from the input are shown as `\u{…}`, so quoting a
    /// line never sends escape sequences to the terminal, and a long line
    /// is shown only around the place.
    pub fn render(&self) -> String {
        self.render_as("error")
    }

    /// Like [`Error::render`], headed `warning`.
    pub fn render_warning(&self) -> String {
        self.render_as("warning")
    }

    fn render_as(&self, severity: &str) -> String {
        let mut out = format!(
            "{severity}: {}\n",
            printable(&clip(&self.message, MAX_MESSAGE))
        );
        let mut notes: Vec<String> = self.notes.clone();
        if let Some(hint) = &self.hint {
            notes.push(format!("hint: {hint}"));
        }
        let mut gutter = " ".to_owned();
        if let Some(loc) = self.location.as_deref() {
            let quoted = quote_line(loc);
            gutter = " ".repeat(quoted.as_ref().map_or(1, |q| q.0.len()));
            out.push_str(&format!(
                "{gutter} ┌─ {}:{}:{}\n",
                printable(&loc.path.display().to_string()),
                loc.line,
                loc.column
            ));
            if let Some((number, line, caret)) = quoted {
                out.push_str(&format!("{gutter} │\n"));
                out.push_str(&format!("{number} │ {line}\n"));
                out.push_str(&format!("{gutter} │ {caret}\n"));
                out.push_str(&format!("{gutter} │\n"));
            }
        }
        for note in &notes {
            out.push_str(&format!(
                "{gutter} = {}\n",
                printable(&clip(note, MAX_MESSAGE))
            ));
        }
        out
    }
}

/// How many characters of a quoted line are shown on each side of the
/// place it points at.
const CONTEXT: usize = 60;
/// The longest message or note shown whole.
const MAX_MESSAGE: usize = 2_000;

/// The line number, the line (clipped around the place, control characters
/// made visible) and the caret line under the place.
fn quote_line(loc: &Location) -> Option<(String, String, String)> {
    let source = loc.source.as_deref()?;
    let start = byte_offset(source, loc.line, loc.column)?;
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line_end =
        (line_start + source[line_start..line_end].trim_end_matches('\r').len()).max(start);
    let width = loc
        .range
        .as_ref()
        .map_or(1, |r| {
            let end = floor_char_boundary(source, r.end.min(line_end).max(start));
            source[start..end].chars().take(CONTEXT).count()
        })
        .max(1);
    // At most CONTEXT characters either side of the place, found without
    // going through the rest of a long line.
    let before = &source[line_start..start];
    let from = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let after = &source[start..line_end];
    let to = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(i, _)| i);
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    shown.extend(before[from..].chars().map(printable_char));
    let caret_at = UnicodeWidthStr::width(shown.as_str());
    let marked: Vec<String> = after[..to].chars().map(printable_char).collect();
    let width = marked
        .iter()
        .take(width)
        .map(|m| UnicodeWidthStr::width(m.as_str()))
        .sum::<usize>()
        .max(1);
    shown.extend(marked);
    if to < after.len() {
        shown.push('…');
    }
    let caret = " ".repeat(caret_at) + &"^".repeat(width);
    Some((loc.line.to_string(), shown, caret))
}

fn printable_char(c: char) -> String {
    let mut buf = [0; 4];
    if c == '\t' {
        " ".to_owned()
    } else if c.is_control() || crate::check::forbidden_char(c.encode_utf8(&mut buf)).is_some() {
        format!("\\u{{{:x}}}", c as u32)
    } else {
        c.to_string()
    }
}

/// Text with control and bidirectional characters shown as `\u{…}`, line
/// breaks kept.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_owned()
            } else {
                printable_char(c)
            }
        })
        .collect()
}

/// `text` cut after `max` characters, with an ellipsis when it was cut.
pub(crate) fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((at, _)) => format!("{}…", &text[..at]),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{}:{}:{}: ", loc.path.display(), loc.line, loc.column)?;
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Every problem a run found, in the order found; never empty.
#[derive(Debug, Clone)]
pub struct Problems {
    /// The problems.
    pub errors: Vec<Error>,
}

impl Problems {
    /// The most problems reported in one run; beyond them, a line says how
    /// many more there were.
    pub const LIMIT: usize = 50;

    /// The process exit code: that of the first problem.
    pub fn exit_code(&self) -> i32 {
        self.errors.first().map_or(1, Error::exit_code)
    }

    /// Whether the run ended only because its output pipe closed.
    pub fn is_broken_pipe(&self) -> bool {
        self.errors.iter().all(Error::is_broken_pipe)
    }

    /// All problems as text, with a count at the end when there are several.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for err in self.errors.iter().take(Problems::LIMIT) {
            out.push_str(&err.render());
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
        }
        let n = self.errors.len();
        if n > Problems::LIMIT {
            out.push_str(&format!(
                "… and {} more problems not shown\n",
                n - Problems::LIMIT
            ));
        }
        if n > 1 {
            out.push_str(&format!("error: {n} problems found\n"));
        }
        out
    }
}

impl From<Error> for Problems {
    fn from(err: Error) -> Problems {
        Problems { errors: vec![err] }
    }
}

impl From<Vec<Error>> for Problems {
    fn from(errors: Vec<Error>) -> Problems {
        if errors.is_empty() {
            return Error::new(ErrorKind::Internal, "a run failed without a problem").into();
        }
        Problems { errors }
    }
}

/// The candidate nearest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_column_and_hint() {
        let src: Arc<str> = "a: 1\nbad: 2\n".into();
        let err = Error::data("unknown field `bad`")
            .at(Location::at(Path::new("x.yaml"), Some(src), 2, 1))
            .hint("did you mean `bar`?");
        let text = err.render();
        assert_eq!(
            text,
            "error: unknown field `bad`\n  ┌─ x.yaml:2:1\n  │\n2 │ bad: 2\n  │ ^\n  │\n  = hint: did you mean `bar`?\n"
        );
        assert!(text.contains("hint: did you mean `bar`?"), "{text}");
        assert_eq!(
            err.to_string(),
            "x.yaml:2:1: unknown field `bad` (hint: did you mean `bar`?)"
        );
    }

    #[test]
    fn a_long_line_is_shown_around_the_place_only() {
        let line = format!(
            "title: {}\u{1b}[31m{}",
            "a".repeat(100_000),
            "b".repeat(100_000)
        );
        let src: Arc<str> = format!("x: 1\n{line}\n").into();
        let err = Error::data("bad").at(Location::at(Path::new("big.yaml"), Some(src), 2, 100_008));
        let text = err.render();
        assert!(text.len() < 1_000, "{} bytes", text.len());
        assert!(text.contains("…aaaa"), "{text}");
        assert!(
            text.contains("\\u{1b}[31mbbb"),
            "the escape is shown, not sent: {text}"
        );
        let shown: Vec<char> = text.lines().nth(3).unwrap().chars().collect();
        let caret: Vec<char> = text.lines().nth(4).unwrap().chars().collect();
        let at = caret.iter().position(|c| *c == '^').unwrap();
        assert_eq!(shown[at], '\\', "the caret is under the place:\n{text}");
    }

    #[test]
    fn the_caret_stands_under_wide_characters_place() {
        // Each of 决议 takes two columns of a terminal.
        let src: Arc<str> = "title: 决议 x\n".into();
        let err = Error::data("bad").at(Location::at(Path::new("zh.yaml"), Some(src), 1, 11));
        let text = err.render();
        let shown = text.lines().nth(3).unwrap();
        let caret = text.lines().nth(4).unwrap();
        let columns = |s: &str| UnicodeWidthStr::width(s);
        let x = shown.find('x').unwrap();
        let at = caret.find('^').unwrap();
        assert_eq!(columns(&shown[..x]), columns(&caret[..at]), "{text}");
    }

    #[test]
    fn span_gives_line_and_column() {
        let src: Arc<str> = "one\ntwo\nthré\n".into();
        let loc = Location::span(Path::new("f"), src, 10..11);
        assert_eq!((loc.line, loc.column), (3, 3));
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            nearest("paragrph", ["paragraph", "status"]),
            Some("paragraph")
        );
        assert_eq!(nearest("zzz", ["paragraph", "status"]), None);
    }
}
