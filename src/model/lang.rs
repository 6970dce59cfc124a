//! The six official languages of the United Nations.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An official language of the United Nations, by its ISO 639-1 code.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic.
    Ar,
    /// Chinese.
    Zh,
    /// English.
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every official language, in the UN's alphabetical order of English names.
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The letter the UN puts after a job number for this language (`(E)`, `(F)`).
    pub fn job_letter(self) -> char {
        match self {
            Lang::Ar => 'A',
            Lang::Zh => 'C',
            Lang::En => 'E',
            Lang::Fr => 'F',
            Lang::Ru => 'R',
            Lang::Es => 'S',
        }
    }
}

impl Lang {
    /// The language a name stands for, in English, French or the language
    /// itself ("English", "anglais", "Español"), to suggest its code.
    pub fn from_name(name: &str) -> Option<Lang> {
        const NAMES: [(Lang, &[&str]); 6] = [
            (Lang::Ar, &["arabic", "arabe", "العربية"]),
            (Lang::Zh, &["chinese", "chinois", "中文"]),
            (Lang::En, &["english", "anglais"]),
            (Lang::Fr, &["french", "français", "francais"]),
            (Lang::Ru, &["russian", "russe", "русский"]),
            (Lang::Es, &["spanish", "espagnol", "español", "espanol"]),
        ];
        let folded = name.trim().to_lowercase();
        NAMES
            .iter()
            .find(|(_, names)| names.contains(&folded.as_str()))
            .map(|(lang, _)| *lang)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == s)
            .ok_or_else(|| {
                format!("`{s}` is not an official UN language code (ar, en, es, fr, ru, zh)")
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>().unwrap(), lang);
        }
        assert!("de".parse::<Lang>().is_err());
    }
}
