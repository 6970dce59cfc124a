//! Reading data files (YAML, JSON or TOML) into the model, with errors that
//! point at the file, line and column.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::error::{Error, Location, Result};

mod de;
mod tree;
mod words;

pub use tree::{Node, Pos, Seg, MAX_DEPTH, MAX_VALUES};

/// The formats data files may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML (`.yaml`, `.yml`).
    Yaml,
    /// JSON (`.json`).
    Json,
    /// TOML (`.toml`).
    Toml,
}

impl Format {
    /// The format of a file, from its extension.
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()? {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }

    /// The extensions data files may have, in the order they are looked for.
    pub const EXTENSIONS: [&'static str; 4] = ["yaml", "yml", "json", "toml"];
}

/// A data file's text and its tree, kept for error messages and checks
/// after parsing.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as given.
    pub path: PathBuf,
    /// The whole text.
    pub text: Arc<str>,
    /// The values of the file and where each starts, once parsed.
    pub tree: Option<Arc<Node>>,
}

impl SourceFile {
    /// A file's text, not yet parsed.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
            tree: None,
        }
    }

    /// Reads a file as UTF-8 text.
    pub fn read(path: &Path) -> Result<SourceFile> {
        let bytes = crate::input::read(path, &crate::input::DATA)?;
        SourceFile::from_bytes(path, bytes)
    }

    /// Reads a file of the report folder `root` as UTF-8 text.
    pub fn read_inside(root: &Path, path: &Path) -> Result<SourceFile> {
        let bytes = crate::input::read_inside(root, path, &crate::input::DATA)?;
        SourceFile::from_bytes(path, bytes)
    }

    fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<SourceFile> {
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let text: Arc<str> = String::from_utf8_lossy(valid).into();
            let len = text.len();
            Error::data("the file is not valid UTF-8 text")
                .at(Location::span(path, text, len..len))
                .hint("save the file as UTF-8")
        })?;
        Ok(SourceFile::new(path, text))
    }

    /// The location of a 1-based line and column in this file.
    pub fn location(&self, line: usize, column: usize) -> Location {
        Location::at(&self.path, Some(self.text.clone()), line, column)
    }

    /// The location of a 1-based line and a 1-based column counted in
    /// bytes (as serde_json counts).
    fn byte_location(&self, line: usize, column: usize) -> Location {
        let start = crate::error::byte_offset(&self.text, line, 1).unwrap_or(0);
        let mut at = (start + column.saturating_sub(1)).min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let end = self.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8());
        Location::span(&self.path, self.text.clone(), at..end)
    }

    fn at(&self, pos: Pos) -> Location {
        self.location(pos.line as usize, pos.column as usize)
    }

    /// Where the value at `path` is (its key, for a mapping entry); for a
    /// path that leaves the data (a field that is absent), the deepest value
    /// on the way, so that a missing field points at the mapping that lacks
    /// it.
    pub fn locate(&self, path: &[Seg]) -> Location {
        match &self.tree {
            Some(tree) => self.at(tree.locate(path).0),
            None => self.location(1, 1),
        }
    }

    /// Parses the text as `T`, in the format the extension names, and keeps
    /// the tree for locating values later.
    pub fn parse<T: DeserializeOwned>(&mut self) -> Result<T> {
        let Some(format) = Format::of(&self.path) else {
            return Err(Error::data(format!(
                "{} is not a YAML, JSON or TOML file",
                self.path.display()
            ))
            .hint("name data files with .yaml, .json or .toml"));
        };
        if format == Format::Json {
            // serde_json says what is wrong with JSON syntax in JSON's words.
            serde_json::from_str::<serde::de::IgnoredAny>(&self.text).map_err(|e| {
                Error::data(strip_position(&e.to_string()))
                    .at(self.byte_location(e.line(), e.column()))
                    .hint("check the commas, quotes and brackets at and just before this place; `resolute schema` describes every field")
            })?;
        }
        let tree = tree::parse(&self.text, format).map_err(|e| {
            let hint = e.hint.clone().unwrap_or_else(|| {
                match format {
                    Format::Yaml => {
                        "check the quotes, colons and indentation at and just before this place"
                    }
                    Format::Json => {
                        "check the commas, quotes and brackets at and just before this place"
                    }
                    Format::Toml => {
                        "check the quotes, `=` signs and brackets at and just before this place"
                    }
                }
                .to_owned()
                    + "; `resolute schema` describes every field"
            });
            Error::data(e.message).at(self.at(e.pos)).hint(hint)
        })?;
        let value = de::from_tree::<T>(&tree, words::required).map_err(|e| {
            let (message, hint) = words::describe(&e);
            let err = Error::data(message).hint(hint);
            match e.pos {
                Some(pos) => err.at(self.at(pos)),
                None => err.at(self.location(1, 1)),
            }
        });
        self.tree = Some(Arc::new(tree));
        value
    }
}

/// Drops a trailing " at line L column C" that some formats append.
fn strip_position(message: &str) -> String {
    let cut = message
        .rfind(" at line ")
        .filter(|&i| message[i..].contains(" column "));
    match cut {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Loads `T` from a file.
pub fn load<T: DeserializeOwned>(path: &Path) -> Result<(T, SourceFile)> {
    let mut file = SourceFile::read(path)?;
    let value = file.parse()?;
    Ok((value, file))
}

/// Loads `T` from a file of the report folder `root`, refusing one that
/// leads outside it.
pub fn load_inside<T: DeserializeOwned>(root: &Path, path: &Path) -> Result<(T, SourceFile)> {
    let mut file = SourceFile::read_inside(root, path)?;
    let value = file.parse()?;
    Ok((value, file))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Small {
        paragraph: u32,
        status: String,
    }

    fn parse(name: &str, text: &str) -> Result<Small> {
        SourceFile::new(name, text).parse()
    }

    #[test]
    fn unknown_field_in_each_format_names_place_and_suggests() {
        for (name, text, line) in [
            ("a.yaml", "paragraph: 1\nstatuss: x\n", 2),
            ("a.json", "{\n \"paragraph\": 1,\n \"statuss\": \"x\"\n}", 3),
            ("a.toml", "paragraph = 1\nstatuss = \"x\"\n", 2),
        ] {
            let err = parse(name, text).unwrap_err();
            let loc = err.location.as_ref().expect("location");
            assert_eq!(loc.line, line, "{name}: {err}");
            assert!(err.message.contains("statuss"), "{name}: {err}");
            assert!(
                err.hint
                    .as_deref()
                    .unwrap_or("")
                    .contains("did you mean `status`"),
                "{name}: {err}"
            );
        }
    }

    #[test]
    fn syntax_errors_carry_positions() {
        let err = parse("b.yaml", "paragraph: [1\nstatus: x\n").unwrap_err();
        assert!(err.location.is_some(), "{err}");
        let err = parse("b.json", "{\"paragraph\": 1,,}").unwrap_err();
        assert_eq!(err.location.unwrap().column, 17);
        // Columns count characters, though serde_json counts bytes.
        let err = parse("b.json", "{\"é\": \"中文\",,}").unwrap_err();
        assert_eq!(err.location.unwrap().column, 12);
    }

    #[test]
    fn type_errors_are_in_plain_words() {
        for (name, text) in [
            ("c.yaml", "paragraph: \"11bis\"\nstatus: x\n"),
            ("c.json", "{\"paragraph\": \"11bis\", \"status\": \"x\"}"),
            ("c.toml", "paragraph = \"11bis\"\nstatus = \"x\"\n"),
        ] {
            let err = parse(name, text).unwrap_err();
            assert!(err.message.contains("a whole number"), "{name}: {err}");
            assert!(!err.message.contains("u32"), "{name}: {err}");
            assert_eq!(err.location.unwrap().line, 1, "{name}");
            assert!(err.hint.unwrap().contains("type"), "{name}");
        }
    }
}
