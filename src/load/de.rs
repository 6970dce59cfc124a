//! Deserializing the model from a [`Node`] tree, so that every error knows
//! the value it is about: its line and column, and its path from the root.
//!
//! Errors are data ([`Problem`]), turned into words in `words.rs`.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};

use super::tree::{Node, Pos, Value};
use crate::error::clip;

/// What went wrong while deserializing, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A message from a type's own deserializer (a date, a status key).
    Custom(String),
    /// A value of the wrong kind.
    InvalidType {
        /// What was found, shortened: "text \"abc\"", "a list".
        found: String,
        /// What was expected, as the type says it.
        expected: String,
    },
    /// A value of the right kind but not an allowed one.
    InvalidValue {
        /// What was found, shortened.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// A list of the wrong length.
    InvalidLength {
        /// The length found.
        len: usize,
        /// What was expected.
        expected: String,
    },
    /// A name that is not one of an enumeration's.
    UnknownVariant {
        /// The name written.
        variant: String,
        /// The allowed names.
        expected: &'static [&'static str],
    },
    /// A field the type does not have.
    UnknownField {
        /// The field written.
        field: String,
        /// The fields the type has.
        expected: &'static [&'static str],
    },
    /// Required fields absent from a mapping.
    MissingFields {
        /// The type, as it is named in the schema ("Session").
        type_name: &'static str,
        /// Every required field that is absent, the one serde noticed
        /// first.
        fields: Vec<String>,
    },
    /// A field given twice.
    DuplicateField(&'static str),
    /// Something other than a mapping where a type of fields was expected.
    NotAMapping {
        /// The type, as it is named in the schema ("Session").
        type_name: &'static str,
        /// Its fields, in the order the type declares them.
        fields: &'static [&'static str],
        /// What was found.
        found: String,
    },
}

/// A step of the path to a value, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A mapping key.
    Key(String),
    /// A sequence index, 0-based.
    Index(usize),
}

/// An error while deserializing a tree.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError {
    /// What is wrong.
    pub problem: Problem,
    /// Where: the value the problem is about (a mapping's key, for a
    /// problem with the whole mapping).
    pub pos: Option<Pos>,
    /// The path from the root to that value.
    pub path: Vec<Step>,
}

impl DeError {
    fn new(problem: Problem) -> DeError {
        DeError {
            problem,
            pos: None,
            path: Vec::new(),
        }
    }

    fn at(mut self, pos: Pos) -> DeError {
        self.pos.get_or_insert(pos);
        self
    }

    fn under(mut self, step: Step) -> DeError {
        self.path.insert(0, step);
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:?}", self.problem)
    }
}

impl std::error::Error for DeError {}

/// How long a quoted value may be in a message.
const QUOTE: usize = 60;
/// The longest message of a type's own kept, in characters (it can quote a
/// whole value).
const MESSAGE: usize = 300;

fn found(unexp: Unexpected) -> String {
    match unexp {
        Unexpected::Str(s) => format!("the text \"{}\"", clip(s, QUOTE)),
        Unexpected::Unit | Unexpected::Option => "nothing (an empty value)".to_owned(),
        Unexpected::Seq => "a list".to_owned(),
        Unexpected::Map => "a mapping".to_owned(),
        Unexpected::Unsigned(n) => format!("the number {n}"),
        Unexpected::Signed(n) => format!("the number {n}"),
        Unexpected::Float(n) => format!("the number {n}"),
        Unexpected::Bool(b) => format!("`{b}`"),
        other => clip(&other.to_string(), QUOTE),
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::new(Problem::Custom(clip(&msg.to_string(), MESSAGE)))
    }

    fn invalid_type(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        DeError::new(Problem::InvalidType {
            found: found(unexp),
            expected: exp.to_string(),
        })
    }

    fn invalid_value(unexp: Unexpected, exp: &dyn de::Expected) -> Self {
        DeError::new(Problem::InvalidValue {
            found: found(unexp),
            expected: exp.to_string(),
        })
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        DeError::new(Problem::InvalidLength {
            len,
            expected: exp.to_string(),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError::new(Problem::UnknownVariant {
            variant: clip(variant, QUOTE),
            expected,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        DeError::new(Problem::UnknownField {
            field: clip(field, QUOTE),
            expected,
        })
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::new(Problem::MissingFields {
            type_name: "",
            fields: vec![field.to_owned()],
        })
    }

    fn duplicate_field(field: &'static str) -> Self {
        DeError::new(Problem::DuplicateField(field))
    }
}

/// Deserializes `T` from `root`.
pub fn from_tree<'de, T: serde::Deserialize<'de>>(
    root: &'de Node,
    required: fn(&str) -> Option<&'static [String]>,
) -> Result<T, DeError> {
    T::deserialize(De {
        node: root,
        key: None,
        required,
    })
}

/// A value of the tree, and the key that names it when it is a mapping's.
#[derive(Clone, Copy)]
struct De<'de> {
    node: &'de Node,
    key: Option<Pos>,
    /// The required fields of a type by its name, to name every missing one.
    required: fn(&str) -> Option<&'static [String]>,
}

impl<'de> De<'de> {
    fn child(&self, node: &'de Node, key: Option<Pos>) -> De<'de> {
        De {
            node,
            key,
            required: self.required,
        }
    }

    /// Where a problem with this whole value is pointed at.
    fn here(&self) -> Pos {
        match (&self.node.value, self.key) {
            (Value::Map(_) | Value::Seq(_) | Value::Null, Some(key)) => key,
            _ => self.node.pos,
        }
    }

    fn unexpected(&self) -> Unexpected<'de> {
        match &self.node.value {
            Value::Null => Unexpected::Unit,
            Value::Scalar { text, .. } => Unexpected::Str(text),
            Value::Seq(_) => Unexpected::Seq,
            Value::Map(_) => Unexpected::Map,
        }
    }

    fn wrong<V: Visitor<'de>>(&self, visitor: &V) -> DeError {
        de::Error::invalid_type(self.unexpected(), visitor)
    }

    fn scalar(&self) -> Option<(&'de str, bool)> {
        match &self.node.value {
            Value::Scalar { text, plain } => Some((text, *plain)),
            _ => None,
        }
    }

    fn integer<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let Some((text, _)) = self.scalar() else {
            return Err(self.wrong(&visitor).at(self.here()));
        };
        let result = match parse_int(text) {
            Some(Int::Unsigned(n)) => visitor.visit_u64(n),
            Some(Int::Signed(n)) => visitor.visit_i64(n),
            None => Err(de::Error::invalid_type(Unexpected::Str(text), &visitor)),
        };
        result.map_err(|e: DeError| e.at(self.node.pos))
    }

    fn float<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let Some((text, _)) = self.scalar() else {
            return Err(self.wrong(&visitor).at(self.here()));
        };
        let result = match parse_int(text) {
            Some(Int::Unsigned(n)) => visitor.visit_u64(n),
            Some(Int::Signed(n)) => visitor.visit_i64(n),
            None => match parse_float(text) {
                Some(f) => visitor.visit_f64(f),
                None => Err(de::Error::invalid_type(Unexpected::Str(text), &visitor)),
            },
        };
        result.map_err(|e: DeError| e.at(self.node.pos))
    }
}

fn fields_in_order<'a>(
    fields: &'static [&'static str],
    required: &'a [String],
) -> impl Iterator<Item = &'a str> {
    let mut ordered: Vec<&str> = fields
        .iter()
        .copied()
        .filter(|f| required.iter().any(|r| r == f))
        .collect();
    ordered.extend(
        required
            .iter()
            .map(String::as_str)
            .filter(|r| !fields.contains(r)),
    );
    ordered.into_iter()
}

enum Int {
    Unsigned(u64),
    Signed(i64),
}

fn parse_int(text: &str) -> Option<Int> {
    let t = text.trim();
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (radix, digits) = if let Some(h) = digits.strip_prefix("0x") {
        (16, h)
    } else if let Some(o) = digits.strip_prefix("0o") {
        (8, o)
    } else {
        (10, digits)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let n = u64::from_str_radix(digits, radix).ok()?;
    if negative {
        if n > i64::MAX as u64 + 1 {
            return None;
        }
        Some(Int::Signed((n as i64).wrapping_neg()))
    } else {
        Some(Int::Unsigned(n))
    }
}

fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    match t {
        ".inf" | "+.inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    let numeric = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    if !numeric || !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

macro_rules! integers {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
                self.integer(visitor)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for De<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let here = self.here();
        let result = match &self.node.value {
            Value::Null => visitor.visit_unit(),
            Value::Scalar { text, plain: true } => {
                if let Some(b) = parse_bool(text) {
                    visitor.visit_bool(b)
                } else if let Some(n) = parse_int(text) {
                    match n {
                        Int::Unsigned(n) => visitor.visit_u64(n),
                        Int::Signed(n) => visitor.visit_i64(n),
                    }
                } else if let Some(f) = parse_float(text).filter(|_| text.contains(['.', 'e', 'E']))
                {
                    visitor.visit_f64(f)
                } else {
                    visitor.visit_borrowed_str(text)
                }
            }
            Value::Scalar { text, plain: false } => visitor.visit_borrowed_str(text),
            Value::Seq(items) => visitor.visit_seq(Seq::new(self, items)),
            Value::Map(entries) => visitor.visit_map(Map::new(self, entries)),
        };
        result.map_err(|e| e.at(here))
    }

    integers!(deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128);

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.float(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.float(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.scalar().and_then(|(t, _)| parse_bool(t)) {
            Some(b) => visitor.visit_bool(b),
            None => Err(self.wrong(&visitor)),
        };
        result.map_err(|e| e.at(self.here()))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.scalar() {
            Some((text, _)) => visitor.visit_borrowed_str(text),
            None => Err(self.wrong(&visitor)),
        };
        result.map_err(|e| e.at(self.here()))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.value {
            Value::Null => visitor.visit_none().map_err(|e: DeError| e.at(self.here())),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match self.node.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.wrong(&visitor)),
        };
        result.map_err(|e| e.at(self.here()))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match &self.node.value {
            Value::Seq(items) => visitor.visit_seq(Seq::new(self, items)),
            _ => Err(self.wrong(&visitor)),
        };
        result.map_err(|e| e.at(self.here()))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match &self.node.value {
            Value::Map(entries) => visitor.visit_map(Map::new(self, entries)),
            _ => Err(self.wrong(&visitor)),
        };
        result.map_err(|e| e.at(self.here()))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let Value::Map(entries) = &self.node.value else {
            return Err(DeError::new(Problem::NotAMapping {
                type_name: name,
                fields,
                found: found(self.unexpected()),
            })
            .at(self.here()));
        };
        visitor.visit_map(Map::new(self, entries)).map_err(|mut e| {
            // serde names the first missing field; name them all.
            if e.pos.is_none() {
                if let Problem::MissingFields {
                    type_name,
                    fields: missing,
                } = &mut e.problem
                {
                    *type_name = name;
                    if let Some(required) = (self.required)(name) {
                        let present = |f: &str| entries.iter().any(|(k, _)| k.key() == Some(f));
                        // In the order the type declares its fields.
                        let all: Vec<String> = fields_in_order(fields, required)
                            .filter(|f| !present(f))
                            .map(str::to_owned)
                            .collect();
                        if !all.is_empty() {
                            *missing = all;
                        }
                    }
                }
            }
            e.at(self.here())
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let result = match &self.node.value {
            Value::Scalar { text, .. } => visitor.visit_enum(text.as_str().into_deserializer()),
            Value::Map(entries) if entries.len() == 1 => visitor.visit_enum(Variant {
                de: self,
                key: &entries[0].0,
                value: &entries[0].1,
            }),
            _ => Err(self.wrong(&visitor)),
        };
        result.map_err(|e: DeError| e.at(self.node.pos))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

struct Seq<'de> {
    de: De<'de>,
    items: std::iter::Enumerate<std::slice::Iter<'de, Node>>,
}

impl<'de> Seq<'de> {
    fn new(de: De<'de>, items: &'de [Node]) -> Seq<'de> {
        Seq {
            de,
            items: items.iter().enumerate(),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Seq<'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            None => Ok(None),
            Some((i, node)) => seed
                .deserialize(self.de.child(node, None))
                .map(Some)
                .map_err(|e| e.at(node.pos).under(Step::Index(i))),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'de> {
    de: De<'de>,
    entries: std::slice::Iter<'de, (Node, Node)>,
    value: Option<(&'de Node, &'de Node)>,
}

impl<'de> Map<'de> {
    fn new(de: De<'de>, entries: &'de [(Node, Node)]) -> Map<'de> {
        Map {
            de,
            entries: entries.iter(),
            value: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for Map<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        seed.deserialize(self.de.child(key, None))
            .map(Some)
            .map_err(|e| e.at(key.pos))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom("a value was asked for before its key"));
        };
        let name = key.key().unwrap_or("").to_owned();
        let child = self.de.child(value, Some(key.pos));
        // A value a type refuses after reading it (a date that is no day of
        // the calendar) is pointed at; a mapping or list at its key.
        let here = child.here();
        seed.deserialize(child)
            .map_err(|e| e.at(here).under(Step::Key(name)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Variant<'de> {
    de: De<'de>,
    key: &'de Node,
    value: &'de Node,
}

impl<'de> de::EnumAccess<'de> for Variant<'de> {
    type Error = DeError;
    type Variant = De<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, De<'de>), DeError> {
        let name = seed
            .deserialize(self.de.child(self.key, None))
            .map_err(|e| e.at(self.key.pos))?;
        Ok((name, self.de.child(self.value, Some(self.key.pos))))
    }
}

impl<'de> de::VariantAccess<'de> for De<'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        match self.node.value {
            Value::Null => Ok(()),
            _ => Err(
                <DeError as de::Error>::invalid_type(self.unexpected(), &"nothing").at(self.here()),
            ),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::tree::parse;
    use crate::load::Format;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Session {
        name: String,
        start: u32,
        end: u32,
        #[serde(default)]
        place: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        title: String,
        session: Session,
        #[serde(default)]
        list: Vec<u8>,
        #[serde(default)]
        paper: Paper,
        #[serde(default)]
        adopted: Option<crate::model::Date>,
    }

    #[derive(Debug, Deserialize, PartialEq, Default)]
    #[serde(rename_all = "lowercase")]
    enum Paper {
        #[default]
        A4,
        Letter,
    }

    fn required(name: &str) -> Option<&'static [String]> {
        static SESSION: std::sync::LazyLock<Vec<String>> =
            std::sync::LazyLock::new(|| ["name", "start", "end"].map(String::from).to_vec());
        (name == "Session").then(|| SESSION.as_slice())
    }

    fn de(text: &str) -> Result<Doc, DeError> {
        let root = parse(text, Format::Yaml).unwrap();
        from_tree(&root, required)
    }

    #[test]
    fn reads_structs_lists_options_and_enums() {
        let doc = de(
            "title: 2015\nsession: {name: x, start: 1, end: \"2\"}\nlist: [1, 2]\npaper: letter\n",
        )
        .unwrap();
        assert_eq!(doc.title, "2015");
        assert_eq!(doc.session.end, 2);
        assert_eq!(doc.list, [1, 2]);
        assert_eq!(doc.paper, Paper::Letter);
    }

    #[test]
    fn every_missing_field_is_named_at_the_mapping() {
        let err = de("title: T\nsession:\n  name: x\n\nlist: []\n").unwrap_err();
        assert_eq!(
            err.problem,
            Problem::MissingFields {
                type_name: "Session",
                fields: vec!["start".into(), "end".into()]
            }
        );
        assert_eq!(err.pos.unwrap().line, 2, "at the key of the mapping");
        assert_eq!(err.path, [Step::Key("session".into())]);
    }

    #[test]
    fn a_value_refused_after_it_is_read_is_pointed_at_not_its_key() {
        let err = de("title: T\nsession: {name: x, start: 1, end: 2}\nadopted: 2016-13-15\n")
            .unwrap_err();
        assert!(
            format!("{:?}", err.problem).contains("not a day"),
            "{err:?}"
        );
        let pos = err.pos.unwrap();
        assert_eq!(
            (pos.line, pos.column),
            (3, 10),
            "at the date, after `adopted: `"
        );
        assert_eq!(err.path, [Step::Key("adopted".into())]);
    }

    #[test]
    fn errors_point_at_the_value_and_carry_its_path() {
        let err =
            de("title: T\nsession: {name: x, start: 1, end: 2}\nlist: [1, 300]\n").unwrap_err();
        assert_eq!(err.pos.unwrap().line, 3);
        assert_eq!(err.path, [Step::Key("list".into()), Step::Index(1)]);
        assert!(
            matches!(err.problem, Problem::InvalidValue { .. }),
            "{err:?}"
        );
        let err = de("title: T\nsession: {name: x, start: 1, end: 2, ende: 3}\n").unwrap_err();
        assert!(matches!(err.problem, Problem::UnknownField { ref field, .. } if field == "ende"));
        assert_eq!(err.pos.unwrap().column, 38);
        let err = de("title: T\nsession: null\n").unwrap_err();
        assert!(
            matches!(err.problem, Problem::NotAMapping { ref found, type_name: "Session", .. } if found.contains("nothing")),
            "{err:?}"
        );
        assert_eq!(err.pos.unwrap().line, 2);
        let err =
            de("title: T\nsession: {name: x, start: 1, end: 2}\npaper: Letter\n").unwrap_err();
        assert!(
            matches!(err.problem, Problem::UnknownVariant { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn a_long_value_is_not_quoted_whole() {
        let long = "x".repeat(10_000);
        let err = de(&format!("title: T\nsession: {long}\n")).unwrap_err();
        let Problem::NotAMapping { found, .. } = err.problem else {
            panic!("{err:?}")
        };
        assert!(found.len() < 100, "{found}");
    }
}
