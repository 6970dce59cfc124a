//! Text that may be given once or per language.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::Lang;

/// A piece of text given either as one string (used for every language) or as
/// a map from language code to string (`{en: "…", fr: "…"}`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// The same text for every language.
    Plain(String),
    /// One text per language.
    PerLanguage(BTreeMap<Lang, String>),
}

impl Text {
    /// The text in `lang`: the one text of a plain value, or that
    /// language's; `None` when it is not given in `lang`. Never another
    /// language's text.
    pub fn in_lang(&self, lang: Lang) -> Option<&str> {
        match self {
            Text::Plain(s) => Some(s),
            Text::PerLanguage(map) => map.get(&lang).map(String::as_str),
        }
    }

    /// The text in `lang`, empty when it is not given in `lang` (never
    /// another language's: the checks refuse a document that would print a
    /// text missing in its language, before anything is composed).
    pub fn get(&self, lang: Lang) -> &str {
        self.in_lang(lang).unwrap_or("")
    }

    /// Whether the text exists in `lang` without falling back.
    pub fn has(&self, lang: Lang) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::PerLanguage(map) => map.contains_key(&lang),
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a string, or a map from language code (ar, en, es, fr, ru, zh) to string",
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Plain(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((lang, text)) = map.next_entry::<Lang, String>()? {
                    out.insert(lang, text);
                }
                Ok(Text::PerLanguage(out))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_gives_another_languages_text() {
        let t: Text = serde_json::from_str(r#"{"fr": "bonjour", "en": "hello"}"#).unwrap();
        assert_eq!(t.get(Lang::Fr), "bonjour");
        assert_eq!(t.in_lang(Lang::Ru), None);
        assert_eq!(t.get(Lang::Ru), "");
        let only_fr: Text = serde_json::from_str(r#"{"fr": "bonjour"}"#).unwrap();
        assert_eq!(only_fr.in_lang(Lang::En), None);
        assert!(!only_fr.has(Lang::En));
        assert_eq!(Text::from("UNODC").in_lang(Lang::Zh), Some("UNODC"));
    }

    #[test]
    fn rejects_unknown_language() {
        let err = serde_json::from_str::<Text>(r#"{"xx": "?"}"#).unwrap_err();
        assert!(err.to_string().contains("xx"), "{err}");
    }
}
