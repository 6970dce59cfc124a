//! The one error type users see: what went wrong, where, and what to do.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

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
    /// line never sends escape sequences to the terminal.
    pub fn render(&self) -> String {
        let text = self.render_raw();
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_control() && c != '\n' {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            } else {
                out.push(c);
            }
        }
        out
    }

    fn render_raw(&self) -> String {
        let mut diag = Diagnostic::error().with_message(&self.message);
        let mut notes: Vec<String> = self.notes.clone();
        if let Some(hint) = &self.hint {
            notes.push(format!("hint: {hint}"));
        }
        diag = diag.with_notes(notes);
        let config = term::Config::default();
        match self.location.as_deref() {
            Some(
                loc @ Location {
                    source: Some(src),
                    range: Some(range),
                    ..
                },
            ) => {
                let file = SimpleFile::new(loc.path.display().to_string(), src.as_ref());
                let range = clamp(src, range.clone());
                diag = diag.with_labels(vec![Label::primary((), range)]);
                if let Ok(text) = term::emit_into_string(&config, &file, &diag) {
                    return text;
                }
            }
            Some(loc) => {
                let mut text = format!(
                    "error: {}\n  --> {}:{}:{}\n",
                    self.message,
                    loc.path.display(),
                    loc.line,
                    loc.column
                );
                for note in &diag.notes {
                    text.push_str(&format!("  = {note}\n"));
                }
                return text;
            }
            None => {}
        }
        let mut text = format!("error: {}\n", self.message);
        for note in &diag.notes {
            text.push_str(&format!("  = {note}\n"));
        }
        text
    }
}

fn clamp(src: &str, range: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(src, range.start.min(src.len()));
    let end = floor_char_boundary(src, range.end.clamp(start, src.len()));
    start..end
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
        assert!(text.contains("x.yaml:2:1"), "{text}");
        assert!(text.contains("bad: 2"), "{text}");
        assert!(text.contains("hint: did you mean `bar`?"), "{text}");
        assert_eq!(
            err.to_string(),
            "x.yaml:2:1: unknown field `bad` (hint: did you mean `bar`?)"
        );
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
