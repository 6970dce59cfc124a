//! A data file as a tree of values, each with the line and column it starts
//! at: what the model is deserialized from, and what errors and checks point
//! into.
//!
//! YAML and JSON are read with the YAML event parser (YAML 1.2 reads JSON),
//! TOML with the `toml` crate's spanned document. The tree has budgets, so a
//! hostile file cannot make resolute build a huge one: a cap on values, on
//! nesting depth, and on what YAML aliases may expand to.

use std::collections::HashMap;
use std::ops::Range;

use serde_saphyr::granit_parser::{Event, Marker, Parser, ScalarStyle, ScanError};

use super::Format;

/// The most values (scalars, sequences, mappings) one data file may hold.
pub const MAX_VALUES: usize = 1_000_000;
/// The deepest nesting one data file may have.
pub const MAX_DEPTH: usize = 64;
/// The most text the values of one data file may hold, as a multiple of
/// the file's own size (YAML aliases repeat text without writing it again).
pub const MAX_TEXT_FACTOR: usize = 4;

/// What a file's tree may hold: values, text, depth. Aliases and the copies
/// kept of anchored values count as what they hold.
struct Budget {
    values: usize,
    bytes: usize,
    max_bytes: usize,
}

impl Budget {
    fn new(text: &str) -> Budget {
        Budget {
            values: 0,
            bytes: 0,
            max_bytes: text.len().saturating_mul(MAX_TEXT_FACTOR).max(1 << 20),
        }
    }

    /// Counts `values` more values holding `bytes` more bytes of text.
    fn spend(&mut self, pos: Pos, values: usize, bytes: usize) -> Result<(), SyntaxError> {
        self.values = self.values.saturating_add(values);
        self.bytes = self.bytes.saturating_add(bytes);
        if self.values > MAX_VALUES {
            return Err(SyntaxError::new(
                format!("the file holds more than {MAX_VALUES} values, more than resolute reads from one data file"),
                pos,
            )
            .hint("check that this is the file you meant; split a very large compilation into files of its resolutions/ folder"));
        }
        if self.bytes > self.max_bytes {
            return Err(SyntaxError::new(
                format!("the values of the file hold more than {MAX_TEXT_FACTOR} times the file's own text"),
                pos,
            )
            .hint("YAML aliases (*name) repeat what they name: write the value out where it is needed, or use fewer aliases"));
        }
        Ok(())
    }

    fn depth(pos: Pos, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(SyntaxError::new(
                format!("the data is nested more than {MAX_DEPTH} levels deep"),
                pos,
            )
            .hint("resolute's data files are a few levels deep; check the indentation or brackets here"));
        }
        Ok(())
    }
}

/// A line and a column, both 1-based; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// The line.
    pub line: u32,
    /// The column.
    pub column: u32,
}

/// A value of a data file and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where the value starts.
    pub pos: Pos,
    /// The value.
    pub value: Value,
}

/// The kinds of value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing: YAML `null`, `~` or an empty value; JSON `null`.
    Null,
    /// A scalar as written, and whether it was written plain (unquoted), so
    /// that `12` reads as a number and `"12"` as text.
    Scalar {
        /// The text, escapes resolved.
        text: String,
        /// True for a plain scalar (YAML), a number or a boolean (JSON,
        /// TOML).
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping: key nodes (scalars) and values, in the order written.
    Map(Vec<(Node, Node)>),
}

/// Why a file could not be read as a tree.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// What is wrong, in plain words.
    pub message: String,
    /// Where.
    pub pos: Pos,
    /// What to do, when there is something specific to say.
    pub hint: Option<String>,
}

impl SyntaxError {
    fn new(message: impl Into<String>, pos: Pos) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            pos,
            hint: None,
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> SyntaxError {
        self.hint = Some(hint.into());
        self
    }
}

/// Reads `text` in `format` as a tree.
pub fn parse(text: &str, format: Format) -> Result<Node, SyntaxError> {
    match format {
        Format::Yaml | Format::Json => Yaml::new(text).document(),
        Format::Toml => toml_tree(text),
    }
}

// ---------------------------------------------------------------------------
// YAML and JSON.

struct Yaml<'a> {
    text: &'a str,
    parser: Parser<'a, serde_saphyr::granit_parser::StrInput<'a>>,
    /// Anchored nodes by anchor id, for aliases.
    anchors: HashMap<usize, Node>,
    budget: Budget,
}

fn pos_of(m: &Marker) -> Pos {
    Pos {
        line: m.line() as u32,
        column: m.col() as u32 + 1,
    }
}

impl<'a> Yaml<'a> {
    fn new(text: &'a str) -> Yaml<'a> {
        Yaml {
            text,
            parser: Parser::new_from_str(text),
            anchors: HashMap::new(),
            budget: Budget::new(text),
        }
    }

    fn next(&mut self) -> Result<(Event<'a>, Pos), SyntaxError> {
        loop {
            match self.parser.next_event() {
                None => {
                    return Err(SyntaxError::new(
                        "the file ends in the middle of a value",
                        end_pos(self.text),
                    ))
                }
                Some(Err(e)) => return Err(self.scan_error(&e)),
                // Anchor names are presentation, not data.
                Some(Ok((Event::Anchor(..), _))) => continue,
                Some(Ok((event, span))) => return Ok((event, pos_of(&span.start))),
            }
        }
    }

    fn scan_error(&self, e: &ScanError) -> SyntaxError {
        use serde_saphyr::granit_parser::ErrorKind as Kind;
        let pos = pos_of(e.marker());
        // A tab the parser names, or one that indents the line it stopped
        // at or the line before (it often notices the broken indentation a
        // line late, without naming the tab): point at the tab.
        let named = matches!(
            e.kind(),
            Kind::TabNotAllowed
                | Kind::TabInBlockIndentation
                | Kind::TabAtBlockScalarStart
                | Kind::TabInIndentation
                | Kind::TabInPlainScalar
        );
        let tab = if named {
            indenting_tab(self.text, pos.line, &[0, 1, -1])
        } else {
            indenting_tab(self.text, pos.line, &[0, -1])
        };
        if let Some(tab) = tab {
            return SyntaxError::new("a tab indents this line", tab)
                .hint("indent with spaces: YAML does not allow tabs for indentation");
        }
        SyntaxError::new(plain_scan_message(&e.info()), pos)
    }

    fn document(mut self) -> Result<Node, SyntaxError> {
        let (event, pos) = self.next()?;
        if !matches!(event, Event::StreamStart) {
            return Err(SyntaxError::new("the file does not start as expected", pos));
        }
        let (event, pos) = self.next()?;
        match event {
            Event::StreamEnd => {
                return Ok(Node {
                    pos,
                    value: Value::Null,
                })
            }
            Event::DocumentStart(..) => {}
            _ => return Err(SyntaxError::new("the file does not start as expected", pos)),
        }
        let (event, pos) = self.next()?;
        let root = self.node(event, pos, 0)?;
        let (event, pos) = self.next()?;
        if !matches!(event, Event::DocumentEnd) {
            return Err(SyntaxError::new("unexpected content after the data", pos));
        }
        let (event, pos) = self.next()?;
        if !matches!(event, Event::StreamEnd) {
            return Err(
                SyntaxError::new("the file holds a second document (after `---`)", pos)
                    .hint("keep one document per file"),
            );
        }
        Ok(root)
    }

    fn node(&mut self, event: Event<'a>, pos: Pos, depth: usize) -> Result<Node, SyntaxError> {
        Budget::depth(pos, depth)?;
        let bytes = match &event {
            Event::Scalar(text, ..) => text.len(),
            _ => 0,
        };
        self.budget.spend(pos, 1, bytes)?;
        let (node, anchor) = match event {
            Event::Scalar(text, style, anchor, tag) => {
                let mut plain = matches!(style, ScalarStyle::Plain);
                if let Some(tag) = tag.as_deref() {
                    match tag.core_suffix() {
                        Some("str") => plain = false,
                        Some("int" | "float" | "bool" | "null") => plain = true,
                        _ => {
                            return Err(SyntaxError::new(
                                format!(
                                    "the tag `{}` has no meaning in resolute's data",
                                    tag.original()
                                ),
                                pos,
                            )
                            .hint("remove the tag; write the value as plain text"))
                        }
                    }
                }
                let value = if plain && is_null(&text) {
                    Value::Null
                } else {
                    Value::Scalar {
                        text: text.into_owned(),
                        plain,
                    }
                };
                (Node { pos, value }, anchor)
            }
            Event::SequenceStart(_, anchor, tag) => {
                self.no_tag(tag.as_deref(), "seq", pos)?;
                let mut items = Vec::new();
                loop {
                    let (event, at) = self.next()?;
                    if matches!(event, Event::SequenceEnd) {
                        break;
                    }
                    items.push(self.node(event, at, depth + 1)?);
                }
                (
                    Node {
                        pos,
                        value: Value::Seq(items),
                    },
                    anchor,
                )
            }
            Event::MappingStart(_, anchor, tag) => {
                self.no_tag(tag.as_deref(), "map", pos)?;
                let mut entries: Vec<(Node, Node)> = Vec::new();
                let mut lines: HashMap<String, u32> = HashMap::new();
                loop {
                    let (event, at) = self.next()?;
                    if matches!(event, Event::MappingEnd) {
                        break;
                    }
                    let key = self.node(event, at, depth + 1)?;
                    let name = match &key.value {
                        Value::Scalar { text, .. } => text.clone(),
                        Value::Null => String::new(),
                        _ => {
                            return Err(SyntaxError::new(
                                "a key here is a list or a mapping; keys are names",
                                key.pos,
                            )
                            .hint("write `name: value`, with a plain name before the colon"))
                        }
                    };
                    if let Some(first) = lines.get(&name) {
                        return Err(SyntaxError::new(
                            format!(
                                "`{name}` appears twice in this mapping (first on line {first})"
                            ),
                            key.pos,
                        )
                        .hint("keep one of the two; each field is given once"));
                    }
                    lines.insert(name, key.pos.line);
                    let (event, at) = self.next()?;
                    let value = self.node(event, at, depth + 1)?;
                    entries.push((key, value));
                }
                (
                    Node {
                        pos,
                        value: Value::Map(entries),
                    },
                    anchor,
                )
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id) else {
                    return Err(SyntaxError::new("this alias names no anchor", pos));
                };
                // An alias counts as the values and text it stands for, so
                // that aliases cannot multiply the tree.
                let (values, bytes) = (target.size(), target.text_bytes());
                let target = target.clone();
                self.budget.spend(pos, values, bytes)?;
                return Ok(target);
            }
            _ => return Err(SyntaxError::new("unexpected content here", pos)),
        };
        if anchor != 0 {
            // The copy kept for aliases counts too.
            self.budget.spend(pos, node.size(), node.text_bytes())?;
            self.anchors.insert(anchor, node.clone());
        }
        Ok(node)
    }

    fn no_tag(
        &self,
        tag: Option<&serde_saphyr::granit_parser::Tag>,
        core: &str,
        pos: Pos,
    ) -> Result<(), SyntaxError> {
        match tag {
            Some(t) if t.core_suffix() != Some(core) => Err(SyntaxError::new(
                format!(
                    "the tag `{}` has no meaning in resolute's data",
                    t.original()
                ),
                pos,
            )
            .hint("remove the tag")),
            _ => Ok(()),
        }
    }
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// The YAML parser's message in words a user knows.
fn plain_scan_message(info: &str) -> String {
    let info = info.trim();
    let mut out = info.to_owned();
    if let Some(first) = out.get(..1) {
        out = first.to_lowercase() + &out[1..];
    }
    out
}

/// A tab in the indentation of one of the lines at `offsets` from `line`,
/// looked at in that order.
fn indenting_tab(text: &str, line: u32, offsets: &[i64]) -> Option<Pos> {
    for offset in offsets {
        let Some(n) = (line as i64 + offset).checked_sub(1).filter(|n| *n >= 0) else {
            continue;
        };
        let Some(l) = text.lines().nth(n as usize) else {
            continue;
        };
        let indent = l.chars().take_while(|c| *c == ' ' || *c == '\t');
        if let Some(col) = indent.into_iter().position(|c| c == '\t') {
            return Some(Pos {
                line: n as u32 + 1,
                column: col as u32 + 1,
            });
        }
    }
    None
}

fn end_pos(text: &str) -> Pos {
    let line = text.lines().count().max(1);
    let column = text.lines().last().map_or(0, |l| l.chars().count()) + 1;
    Pos {
        line: line as u32,
        column: column as u32,
    }
}

// ---------------------------------------------------------------------------
// TOML.

fn toml_tree(text: &str) -> Result<Node, SyntaxError> {
    let lines = LineIndex::new(text);
    let doc = toml::de::DeTable::parse(text).map_err(|e| {
        let pos = e
            .span()
            .map_or(Pos { line: 1, column: 1 }, |s| lines.pos(s.start));
        SyntaxError::new(e.message().trim().to_owned(), pos)
    })?;
    let mut budget = Budget::new(text);
    let span = doc.span();
    toml_table(doc.get_ref(), lines.pos(span.start), &lines, &mut budget, 0)
}

fn toml_table(
    table: &toml::de::DeTable,
    pos: Pos,
    lines: &LineIndex,
    budget: &mut Budget,
    depth: usize,
) -> Result<Node, SyntaxError> {
    let mut entries = Vec::new();
    for (key, value) in table.iter() {
        let key_pos = lines.pos(key.span().start);
        let key_node = Node {
            pos: key_pos,
            value: Value::Scalar {
                text: key.get_ref().to_string(),
                plain: false,
            },
        };
        let value = toml_value(value.get_ref(), value.span(), lines, budget, depth + 1)?;
        entries.push((key_node, value));
    }
    Ok(Node {
        pos,
        value: Value::Map(entries),
    })
}

fn toml_value(
    value: &toml::de::DeValue,
    span: Range<usize>,
    lines: &LineIndex,
    budget: &mut Budget,
    depth: usize,
) -> Result<Node, SyntaxError> {
    use toml::de::DeValue;
    let pos = lines.pos(span.start);
    Budget::depth(pos, depth)?;
    budget.spend(pos, 1, 0)?;
    let scalar = |text: String, plain: bool| Node {
        pos,
        value: Value::Scalar { text, plain },
    };
    Ok(match value {
        DeValue::String(s) => scalar(s.to_string(), false),
        DeValue::Integer(i) => {
            let text = match i.radix() {
                10 => i.as_str().replace('_', ""),
                r => {
                    let digits = i.as_str().replace('_', "");
                    match u64::from_str_radix(&digits, r) {
                        Ok(n) => n.to_string(),
                        Err(_) => digits,
                    }
                }
            };
            scalar(text, true)
        }
        DeValue::Float(f) => scalar(f.as_str().replace('_', ""), true),
        DeValue::Boolean(b) => scalar(b.to_string(), true),
        DeValue::Datetime(d) => scalar(d.to_string(), false),
        DeValue::Array(items) => {
            let mut out = Vec::new();
            for item in items.iter() {
                out.push(toml_value(
                    item.get_ref(),
                    item.span(),
                    lines,
                    budget,
                    depth + 1,
                )?);
            }
            Node {
                pos,
                value: Value::Seq(out),
            }
        }
        DeValue::Table(t) => toml_table(t, pos, lines, budget, depth)?,
    })
}

/// Line starts of a text, to turn byte offsets into lines and columns.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        Pos {
            line: line as u32,
            column: column as u32 + 1,
        }
    }
}

// ---------------------------------------------------------------------------
// Reading the tree.

/// A step of a path into a data file: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    /// A mapping key.
    Key(&'a str),
    /// A sequence index, 0-based.
    Index(usize),
}

impl Node {
    /// The text of a scalar key.
    pub fn key(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// How many bytes of text the node's scalars hold.
    pub fn text_bytes(&self) -> usize {
        match &self.value {
            Value::Scalar { text, .. } => text.len(),
            Value::Seq(items) => items.iter().map(Node::text_bytes).sum(),
            Value::Map(entries) => entries
                .iter()
                .map(|(k, v)| k.text_bytes() + v.text_bytes())
                .sum(),
            Value::Null => 0,
        }
    }

    /// How many values this node holds, itself included.
    pub fn size(&self) -> usize {
        1 + match &self.value {
            Value::Seq(items) => items.iter().map(Node::size).sum(),
            Value::Map(entries) => entries.iter().map(|(k, v)| k.size() + v.size()).sum(),
            _ => 0,
        }
    }

    /// Where `path` leads: the key of the last mapping entry on the way, or
    /// the value itself for a sequence item; where the path leaves the tree
    /// (a key that is absent), the place of the deepest value it reached, so
    /// that a missing field is pointed at the mapping that lacks it. The
    /// second value says whether the whole path was found.
    pub fn locate(&self, path: &[Seg]) -> (Pos, bool) {
        let mut node = self;
        let mut at = self.pos;
        for seg in path {
            let next = match (&node.value, seg) {
                (Value::Map(entries), Seg::Key(k)) => entries
                    .iter()
                    .find(|(key, _)| key.key() == Some(k))
                    .map(|(key, value)| (key.pos, value)),
                (Value::Seq(items), Seg::Index(i)) => items.get(*i).map(|v| (v.pos, v)),
                _ => None,
            };
            match next {
                Some((pos, value)) => {
                    at = pos;
                    node = value;
                }
                None => return (at, false),
            }
        }
        (at, true)
    }

    /// The node `path` leads to, if it is there.
    pub fn get(&self, path: &[Seg]) -> Option<&Node> {
        let mut node = self;
        for seg in path {
            node = match (&node.value, seg) {
                (Value::Map(entries), Seg::Key(k)) => {
                    &entries.iter().find(|(key, _)| key.key() == Some(k))?.1
                }
                (Value::Seq(items), Seg::Index(i)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// Every scalar of the tree (keys included), in the order written.
    pub fn scalars<'a>(&'a self, out: &mut Vec<(Pos, &'a str)>) {
        match &self.value {
            Value::Scalar { text, .. } => out.push((self.pos, text)),
            Value::Seq(items) => items.iter().for_each(|i| i.scalars(out)),
            Value::Map(entries) => {
                for (k, v) in entries {
                    k.scalars(out);
                    v.scalars(out);
                }
            }
            Value::Null => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Node {
        parse(text, Format::Yaml).unwrap()
    }

    fn scalar(text: &str, plain: bool) -> Value {
        Value::Scalar {
            text: text.into(),
            plain,
        }
    }

    #[test]
    fn yaml_values_carry_their_lines_and_columns() {
        let root =
            yaml("title: T\nsession:\n  name: \"x\\u0001\"\n  start: 2017-05-22\nlist: [1, 2]\n");
        let (pos, found) = root.locate(&[Seg::Key("session"), Seg::Key("start")]);
        assert!(found);
        assert_eq!((pos.line, pos.column), (4, 3));
        let name = root.get(&[Seg::Key("session"), Seg::Key("name")]).unwrap();
        assert_eq!(name.value, scalar("x\u{1}", false));
        assert_eq!((name.pos.line, name.pos.column), (3, 9));
        let (pos, found) = root.locate(&[Seg::Key("session"), Seg::Key("end")]);
        assert!(!found);
        assert_eq!(pos.line, 2, "a missing key points at the mapping");
        let two = root.get(&[Seg::Key("list"), Seg::Index(1)]).unwrap();
        assert_eq!(two.value, scalar("2", true));
    }

    #[test]
    fn json_and_toml_give_the_same_tree_shape() {
        let json = parse(
            "{\n  \"a\": 1,\n  \"b\": [\"x\", null, true],\n  \"c\": {\"d\": \"\\ud83d\\ude00\"}\n}",
            Format::Json,
        )
        .unwrap();
        let toml = parse(
            "a = 1\nb = [\"x\", \"y\", true]\n[c]\nd = \"😀\"\n",
            Format::Toml,
        )
        .unwrap();
        for root in [&json, &toml] {
            assert_eq!(root.get(&[Seg::Key("a")]).unwrap().value, scalar("1", true));
            let d = root.get(&[Seg::Key("c"), Seg::Key("d")]).unwrap();
            assert_eq!(d.value, scalar("😀", false));
        }
        assert_eq!(
            json.get(&[Seg::Key("b"), Seg::Index(1)]).unwrap().value,
            Value::Null
        );
        assert_eq!(json.locate(&[Seg::Key("c"), Seg::Key("d")]).0.line, 4);
        assert_eq!(toml.locate(&[Seg::Key("c"), Seg::Key("d")]).0.line, 4);
    }

    #[test]
    fn duplicate_keys_are_refused_in_plain_words() {
        let err = parse("title: a\nnumber: 1\ntitle: b\n", Format::Yaml).unwrap_err();
        assert_eq!(
            err.message,
            "`title` appears twice in this mapping (first on line 1)"
        );
        assert_eq!(err.pos.line, 3);
    }

    #[test]
    fn aliases_cannot_multiply_the_tree() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let err = parse(&text, Format::Yaml).unwrap_err();
        assert!(err.message.contains("more than 1000000 values"), "{err:?}");
    }

    #[test]
    fn aliases_cannot_multiply_the_text() {
        let long = "x".repeat(100_000);
        let aliases = vec!["*a"; 100].join(", ");
        let err = parse(&format!("a: &a \"{long}\"\nb: [{aliases}]\n"), Format::Yaml).unwrap_err();
        assert!(err.message.contains("times the file's own text"), "{err:?}");
        let few = parse(&format!("a: &a \"{long}\"\nb: [*a, *a]\n"), Format::Yaml);
        assert!(few.is_ok(), "a few aliases are fine");
    }

    #[test]
    fn many_distinct_keys_are_read_without_quadratic_work() {
        let keys: Vec<String> = (0..200_000).map(|i| format!("\"k{i}\": 0")).collect();
        let root = parse(&format!("{{{}}}", keys.join(", ")), Format::Json).unwrap();
        assert_eq!(root.size(), 1 + 400_000);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(200) + &"]".repeat(200);
        let err = parse(&text, Format::Json).unwrap_err();
        assert!(err.message.contains("nested more than"), "{err:?}");
    }

    #[test]
    fn a_tab_error_points_at_the_tab() {
        let err = parse("a:\n  b: 1\n\tc: 2\n", Format::Yaml).unwrap_err();
        assert_eq!((err.pos.line, err.pos.column), (3, 1), "{err:?}");
        assert!(err.hint.unwrap().contains("spaces"));
    }

    #[test]
    fn a_second_document_is_refused() {
        let err = parse("a: 1\n---\nb: 2\n", Format::Yaml).unwrap_err();
        assert!(err.message.contains("second document"), "{err:?}");
    }
}
