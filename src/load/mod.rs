//! Reading data files (YAML, JSON or TOML) into the model, with errors that
//! point at the file, line and column.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::error::{Error, Location, Result};

mod de;
mod tree;
mod words;

pub use tree::{Node, Pos, Seg, Value};

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

    /// The location of the `occurrence`-th (0-based) appearance of `key` as a
    /// mapping key, in any of the three formats; the start of the file if absent.
    pub fn key_location(&self, key: &str, occurrence: usize) -> Location {
        let (line, column) = find_key(&self.text, key, occurrence).unwrap_or((1, 1));
        self.location(line, column)
    }

    /// Like [`SourceFile::key_location`], counting only keys after the first
    /// occurrence of `anchor` (to find `number` inside `operative`, say).
    pub fn key_location_after(&self, anchor: &str, key: &str, occurrence: usize) -> Location {
        let Some((anchor_line, _)) = find_key(&self.text, anchor, 0) else {
            return self.key_location(key, occurrence);
        };
        let before = (0..)
            .map_while(|i| find_key(&self.text, key, i).filter(|(line, _)| *line <= anchor_line))
            .count();
        self.key_location(key, before + occurrence)
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
                    .at(self.location(e.line(), e.column()))
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

/// Finds a mapping key written as `key:` (YAML), `"key":` (JSON) or `key =` (TOML).
fn find_key(text: &str, key: &str, occurrence: usize) -> Option<(usize, usize)> {
    let mut seen = 0;
    for (lineno, line) in text.lines().enumerate() {
        // A TOML table header, `[key]` or `[[key]]`, names the key too.
        let header = line.trim().trim_start_matches('[').trim_end_matches(']');
        if line.trim_start().starts_with('[') && header.trim() == key {
            if seen == occurrence {
                let column = line.len() - line.trim_start().len() + 1;
                return Some((lineno + 1, column));
            }
            seen += 1;
            continue;
        }
        let mut search = 0;
        while let Some(pos) = line[search..].find(key) {
            let start = search + pos;
            let end = start + key.len();
            search = end;
            let before = line[..start].trim_end_matches(['"', '\'']);
            let before_ok = before
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || c == '{' || c == ',' || c == '-');
            let after = line[end..].trim_start_matches(['"', '\'']).trim_start();
            let after_ok = after.starts_with(':') || after.starts_with('=');
            if before_ok && after_ok {
                if seen == occurrence {
                    let column = line[..start].chars().count() + 1;
                    return Some((lineno + 1, column));
                }
                seen += 1;
            }
        }
    }
    None
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

/// The data file in `dir` named `stem` with any of the accepted extensions.
pub fn find_data_file(dir: &Path, stem: &str) -> Option<PathBuf> {
    Format::EXTENSIONS
        .iter()
        .map(|ext| dir.join(format!("{stem}.{ext}")))
        .find(|p| p.is_file())
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

    #[test]
    fn finds_keys_in_all_formats() {
        let yaml = "- paragraph: 1\n- paragraph: 12\n";
        assert_eq!(find_key(yaml, "paragraph", 1), Some((2, 3)));
        let json = "[{\"paragraph\": 1}, {\"paragraph\": 2}]";
        assert_eq!(find_key(json, "paragraph", 1), Some((1, 22)));
        assert_eq!(find_key("subparagraph: a", "paragraph", 0), None);
        let toml = "resolution = \"1\"\n[[paragraphs]]\nresolution = \"2\"\n";
        assert_eq!(find_key(toml, "paragraphs", 0), Some((2, 1)));
    }
}
