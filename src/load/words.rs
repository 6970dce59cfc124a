//! Loading problems in words a user knows, with a hint: "expected a whole
//! number" rather than "invalid u32", every missing field named at once, "did
//! you mean" for a misspelt field or value.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::de::{DeError, Problem, Step};
use crate::error::nearest;
use crate::model::Lang;

/// What the schema says of a type: its description, its fields and which of
/// them are required.
#[derive(Debug, Default)]
struct TypeInfo {
    description: String,
    fields: Vec<String>,
    required: Vec<String>,
}

/// The types of the data files, by name, from their JSON Schemas.
static TYPES: LazyLock<HashMap<String, TypeInfo>> = LazyLock::new(|| {
    let mut out = HashMap::new();
    let all = crate::schema::all();
    let Some(files) = all.as_object() else {
        return out;
    };
    for schema in files.values() {
        let mut add = |name: &str, s: &serde_json::Value| {
            let strings = |v: &serde_json::Value| -> Vec<String> {
                v.as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let fields = s["properties"]
                .as_object()
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            out.entry(name.to_owned()).or_insert(TypeInfo {
                description: s["description"].as_str().unwrap_or("").to_owned(),
                fields,
                required: strings(&s["required"]),
            });
        };
        if let Some(title) = schema["title"].as_str() {
            add(title, schema);
        }
        if let Some(defs) = schema["$defs"].as_object() {
            for (name, def) in defs {
                add(name, def);
            }
        }
    }
    out
});

/// The required fields of the type named `name`, when the schema knows it.
pub fn required(name: &str) -> Option<&'static [String]> {
    TYPES.get(name).map(|t| t.required.as_slice())
}

/// The message and the hint for a deserialization problem.
pub fn describe(err: &DeError) -> (String, String) {
    let field = field_name(&err.path);
    match &err.problem {
        Problem::Custom(message) => {
            let hint = if message.contains("not a day of the calendar")
                || message.contains("not a date")
            {
                "write dates as YYYY-MM-DD, such as 2016-03-15".to_owned()
            } else {
                "check the value; `resolute schema` gives each field's type and allowed values"
                    .to_owned()
            };
            (message.clone(), hint)
        }
        Problem::InvalidType { found, expected } => {
            let (expected, hint) = expected_words(expected);
            (
                format!("{field} should be {expected}, but it is {found}"),
                hint,
            )
        }
        Problem::InvalidValue { found, expected } => {
            let (expected, hint) = expected_words(expected);
            (format!("{field} is {found}; expected {expected}"), hint)
        }
        Problem::InvalidLength { len, expected } => (
            format!("{field} has {len} items; expected {expected}"),
            "check the number of items".to_owned(),
        ),
        Problem::UnknownVariant { variant, expected } => {
            let list = expected.join(", ");
            let message = format!("{field} cannot be `{variant}`; it is one of {list}");
            let hint = match suggest_variant(variant, expected) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("write one of {list}"),
            };
            (message, hint)
        }
        Problem::UnknownField {
            field: name,
            expected,
        } => {
            let list: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
            let message = format!(
                "unknown field `{name}`, expected one of {}",
                list.join(", ")
            );
            let hint = match nearest(name, expected.iter().copied()) {
                Some(best) => format!(
                    "did you mean `{best}`? valid fields here: {}",
                    expected.join(", ")
                ),
                None => format!("valid fields here: {}", expected.join(", ")),
            };
            (message, hint)
        }
        Problem::MissingFields { type_name, fields } => {
            let names: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
            let owner = if err.path.is_empty() {
                "the file".to_owned()
            } else {
                field
            };
            let what = if names.len() == 1 { "field" } else { "fields" };
            let message = format!("{owner} lacks the required {what} {}", and_list(&names));
            let hint = match TYPES.get(*type_name) {
                Some(info) if !info.fields.is_empty() => format!(
                    "add {}; {} holds {} (`resolute schema` describes each)",
                    if names.len() == 1 { "it" } else { "them" },
                    article(type_name),
                    info.fields.join(", ")
                ),
                _ => "add the fields; `resolute schema` lists the required ones".to_owned(),
            };
            (message, hint)
        }
        Problem::NotAMapping {
            type_name,
            fields,
            found,
        } => {
            let info = TYPES.get(*type_name);
            let what = info
                .map(|i| i.description.trim_end_matches('.').to_lowercase())
                .filter(|d| !d.is_empty())
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            let required = info.map_or(String::new(), |i| {
                format!("; required: {}", fields_in(fields, &i.required).join(", "))
            });
            (
                format!(
                    "{field} should be a mapping of {}, but it is {found}",
                    fields.join(", ")
                ),
                format!(
                    "{}{what} is written as the fields {}, each on its own line below, indented{required}",
                    article(type_name),
                    fields.join(", ")
                ),
            )
        }
        Problem::DuplicateField(name) => (
            format!("`{name}` is given twice"),
            "keep one of the two".to_owned(),
        ),
    }
}

/// "`session`", "item 3 of `paragraphs`", "the file".
fn field_name(path: &[Step]) -> String {
    match path {
        [] => "the file".to_owned(),
        [.., Step::Key(k)] => format!("`{k}`"),
        [.., Step::Key(k), Step::Index(i)] => format!("item {} of `{k}`", i + 1),
        [.., Step::Index(i)] => format!("item {}", i + 1),
    }
}

/// "a session", "an agenda item": the type's name in words, for hints.
fn article(type_name: &str) -> String {
    let mut words = String::new();
    for (i, c) in type_name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    let an = words.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {words}", if an { "an" } else { "a" })
}

fn fields_in(fields: &[&str], required: &[String]) -> Vec<String> {
    fields
        .iter()
        .filter(|f| required.iter().any(|r| r == *f))
        .map(|f| f.to_string())
        .collect()
}

fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// What serde says a type expects, in plain words, and a hint.
fn expected_words(expected: &str) -> (String, String) {
    let types = "check the value's type and spelling; `resolute schema` gives each field's type and allowed values";
    let whole = |max: &str| (format!("a whole number (at most {max})"), types.to_owned());
    match expected {
        "u8" => whole("255"),
        "u16" => whole("65535"),
        "u32" => whole("4294967295"),
        "u64" | "u128" | "usize" => whole("18446744073709551615"),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => ("a whole number".to_owned(), types.to_owned()),
        "f32" | "f64" => ("a number".to_owned(), types.to_owned()),
        "a string" => ("a text".to_owned(), "write the text after the colon, in quotes if it contains a colon or starts with a special character".to_owned()),
        "a sequence" => ("a list".to_owned(), "write the items on lines starting with `- `, or as [a, b]".to_owned()),
        "a boolean" => ("`true` or `false`".to_owned(), types.to_owned()),
        _ => {
            let words = expected
                .replace("a map from", "a mapping from")
                .replace("a map", "a mapping");
            (words, types.to_owned())
        }
    }
}

/// The allowed name a misspelt one most likely meant: "General Assembly"
/// for `general-assembly`, "English" for `en`.
fn suggest_variant<'a>(variant: &str, expected: &'a [&'a str]) -> Option<&'a str> {
    let folded: String = variant
        .trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if let Some(exact) = expected.iter().find(|e| **e == folded) {
        return Some(exact);
    }
    if let Some(lang) = Lang::from_name(variant) {
        if let Some(code) = expected.iter().find(|e| **e == lang.code()) {
            return Some(code);
        }
    }
    nearest(&folded, expected.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_value_meant() {
        let organs = &[
            "general-assembly",
            "economic-and-social-council",
            "security-council",
            "human-rights-council",
        ];
        assert_eq!(
            suggest_variant("General Assembly", organs),
            Some("general-assembly")
        );
        let langs = &["ar", "zh", "en", "fr", "ru", "es"];
        assert_eq!(suggest_variant("English", langs), Some("en"));
        assert_eq!(suggest_variant("français", langs), Some("fr"));
    }

    #[test]
    fn the_schema_knows_the_required_fields() {
        let session = required("Session").unwrap();
        assert_eq!(session, ["name"], "{session:?}");
        assert!(required("Report").unwrap().iter().any(|f| f == "symbol"));
    }

    #[test]
    fn a_session_that_is_empty_is_explained() {
        let err = DeError {
            problem: Problem::NotAMapping {
                type_name: "Session",
                fields: &["body", "name", "place", "start", "end"],
                found: "nothing (an empty value)".into(),
            },
            pos: None,
            path: vec![Step::Key("session".into())],
        };
        let (message, hint) = describe(&err);
        assert!(
            message.starts_with("`session` should be a mapping of body, name, place, start, end"),
            "{message}"
        );
        assert!(!message.contains("mapping start"));
        assert!(hint.contains("a session"), "{hint}");
    }
}
