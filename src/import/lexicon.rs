//! The words the text importer recognises in one language, read from
//! `templates/import/<lang>.yaml`: enacting formulas, lead words of preambular
//! and operative paragraphs, adverbs that belong to a lead, compounds whose
//! line-break hyphen is real, and the masthead and meeting lines.

use serde::Deserialize;

use crate::assets::Assets;
use crate::compose::Locale;
use crate::error::{Error, ErrorKind, Result};
use crate::load::SourceFile;
use crate::model::{Lang, Organ};

/// An enacting formula and the organ it names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formula {
    /// "The General Assembly,".
    pub text: String,
    /// The organ.
    pub organ: Organ,
}

/// The importer's word lists for one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Enacting formulas.
    pub formulas: Vec<Formula>,
    /// Lead words of preambular paragraphs.
    pub preamble_leads: Vec<String>,
    /// Lead verbs of operative paragraphs.
    pub operative_leads: Vec<String>,
    /// Adverbs that may follow a lead and belong to it.
    pub adverbs: Vec<String>,
    /// Words after which a line-break hyphen is kept.
    pub keep_hyphen_after: Vec<String>,
    /// The words after the number in a meeting line ("plenary meeting").
    pub meeting_suffixes: Vec<String>,
    /// "Resolution" as in "Resolution 1445 (2002)".
    pub resolution_word: String,
    /// The word before the date under an older heading: "of" in "of 3 April 1991".
    #[serde(default)]
    pub of_date: Option<String>,
    /// The words that may open the vote line an annual volume prints after
    /// a Security Council resolution ("Adopted at the", "Adopted
    /// unanimously at the").
    #[serde(default)]
    pub vote_prefixes: Vec<String>,
    /// The word opening the masthead line of the agenda item ("Agenda item").
    #[serde(default)]
    pub agenda_item: Option<String>,
    /// "Adopted by" opening the adoption line of a separately issued resolution.
    pub adopted_prefix: String,
    /// The line that opens a General Assembly resolution's masthead block
    /// ("Resolution adopted by the General Assembly").
    #[serde(default)]
    pub adopted_heading: Option<String>,
    /// Words a number follows in running text ("paragraph 5", "item 99"),
    /// so that number is not taken for a spaced footnote marker.
    #[serde(default)]
    pub number_words: Vec<String>,
    /// Words that head an annex.
    pub annex_words: Vec<String>,
    /// Masthead lines dropped as page furniture.
    pub masthead_lines: Vec<String>,
    /// Month names, from the locale (not in the file).
    #[serde(skip)]
    pub months: Vec<String>,
    /// The language.
    #[serde(skip, default = "default_lang")]
    pub lang: Lang,
}

fn default_lang() -> Lang {
    Lang::En
}

impl Lexicon {
    /// Loads the lexicon of `lang`.
    pub fn load(assets: &Assets, lang: Lang) -> Result<Lexicon> {
        let name = format!("import/{lang}.yaml");
        let asset = assets.get(&name)?.ok_or_else(|| {
            Error::new(
                ErrorKind::Data,
                format!("the importer has no word lists for `{lang}` yet"),
            )
            .hint(format!(
                "copy templates/import/en.yaml to {name} in a --templates folder and translate it"
            ))
        })?;
        let mut file = SourceFile::new(asset.path, asset.text.as_ref());
        let mut lexicon: Lexicon = file.parse()?;
        let by_length =
            |list: &mut Vec<String>| list.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        by_length(&mut lexicon.preamble_leads);
        by_length(&mut lexicon.operative_leads);
        by_length(&mut lexicon.adverbs);
        lexicon.months = Locale::load(assets, lang)?.months;
        lexicon.lang = lang;
        Ok(lexicon)
    }

    /// The lead at the start of `text` from `leads`, extended by adverbs; the
    /// lead and the rest (without the space between them).
    /// An adverb may also come first ("Also requests", "Once again
    /// urges").
    pub fn split_lead<'t>(&self, text: &'t str, leads: &[String]) -> Option<(&'t str, &'t str)> {
        let mut end = match leads.iter().find_map(|lead| starts_with_words(text, lead)) {
            Some(end) => end,
            None => self.adverb_first(text, leads)?,
        };
        'extend: loop {
            let rest = &text[end..];
            let trimmed = rest.trim_start();
            let gap = rest.len() - trimmed.len();
            if gap == 0 {
                break;
            }
            for adverb in &self.adverbs {
                if let Some(n) = starts_with_words(trimmed, adverb) {
                    end += gap + n;
                    continue 'extend;
                }
            }
            break;
        }
        Some((&text[..end], text[end..].trim_start()))
    }

    /// The end of "Adverb lead" at the start of `text`: a capitalized adverb,
    /// then a lead in lower case.
    fn adverb_first(&self, text: &str, leads: &[String]) -> Option<usize> {
        self.adverbs.iter().find_map(|adverb| {
            let capital = capitalized(adverb);
            let n = starts_with_words(text, &capital)?;
            let rest = &text[n..];
            let trimmed = rest.trim_start();
            let gap = rest.len() - trimmed.len();
            if gap == 0 {
                return None;
            }
            leads
                .iter()
                .find_map(|lead| starts_with_words(trimmed, &lowercased(lead)))
                .map(|m| n + gap + m)
        })
    }

    /// The formula `line` is, if any.
    /// A formula printed without its comma ("The General Assembly") is one.
    pub fn formula(&self, line: &str) -> Option<&Formula> {
        let line = squeeze(line);
        let bare = line.trim_end_matches(',');
        self.formulas
            .iter()
            .find(|f| squeeze(&f.text).trim_end_matches(',') == bare)
    }

    /// Whether a line-break hyphen after `word` is part of a compound.
    pub fn keeps_hyphen(&self, word: &str) -> bool {
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        self.keep_hyphen_after
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word) || w.to_lowercase() == word.to_lowercase())
    }

    /// The month number of a month name.
    pub fn month(&self, name: &str) -> Option<u8> {
        self.months
            .iter()
            .position(|m| m.eq_ignore_ascii_case(name) || m.to_lowercase() == name.to_lowercase())
            .map(|i| i as u8 + 1)
    }
}

/// The byte length of `phrase` at the start of `text` when it ends at a word
/// boundary; apostrophes may be typographic or straight.
fn starts_with_words(text: &str, phrase: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    let mut end = 0;
    for p in phrase.chars() {
        let (i, c) = chars.next()?;
        if !(c == p || (is_apostrophe(c) && is_apostrophe(p))) {
            return None;
        }
        end = i + c.len_utf8();
    }
    match text[end..].chars().next() {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(end),
    }
}

/// `s` with its first letter in capitals.
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `s` with its first letter in lower case.
fn lowercased(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Collapses runs of whitespace to one space and trims.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Lexicon {
        Lexicon::load(&Assets::embedded(), Lang::Fr).unwrap()
    }

    #[test]
    fn leads_take_their_adverbs() {
        let l = fr();
        let ops = l.operative_leads.clone();
        assert_eq!(
            l.split_lead("Souligne de nouveau l’importance", &ops),
            Some(("Souligne de nouveau", "l’importance"))
        );
        assert_eq!(
            l.split_lead("Prie instamment les États", &ops),
            Some(("Prie instamment", "les États"))
        );
        assert_eq!(
            l.split_lead("Se félicite également de la publication", &ops),
            Some(("Se félicite également", "de la publication"))
        );
        assert_eq!(
            l.split_lead("Prie le Secrétaire général", &ops),
            Some(("Prie", "le Secrétaire général"))
        );
        let pre = l.preamble_leads.clone();
        assert_eq!(
            l.split_lead("Prenant également note de la décision", &pre),
            Some(("Prenant également note", "de la décision"))
        );
        assert_eq!(
            l.split_lead("Condamnant de nouveau fermement la traite", &pre),
            Some(("Condamnant de nouveau fermement", "la traite"))
        );
        assert_eq!(
            l.split_lead("Appelant l'attention sur le rôle", &pre),
            Some(("Appelant l'attention", "sur le rôle"))
        );
        assert_eq!(l.split_lead("Conscientisant", &pre), None);
    }

    #[test]
    fn an_adverb_may_come_before_the_lead() {
        let l = Lexicon::load(&Assets::embedded(), Lang::En).unwrap();
        let ops = l.operative_leads.clone();
        // "Further reaffirms" is in no list: the adverb, then a lead.
        assert_eq!(
            l.split_lead("Further reaffirms the independence", &ops),
            Some(("Further reaffirms", "the independence"))
        );
        assert_eq!(
            l.split_lead("Once again urges all States", &ops),
            Some(("Once again urges", "all States"))
        );
        // An adverb alone, or before a word that is no lead, is no lead.
        assert_eq!(l.split_lead("Further the Council", &ops), None);
        assert_eq!(l.split_lead("Furthermore", &ops), None);
    }

    #[test]
    fn formulas_and_months() {
        let l = fr();
        assert_eq!(
            l.formula(" Le Conseil économique  et social, ")
                .unwrap()
                .organ,
            Organ::EconomicAndSocialCouncil
        );
        assert_eq!(l.month("juillet"), Some(7));
        assert!(l.keeps_hyphen("soixante"));
        assert!(!l.keeps_hyphen("organi"));
    }
}
