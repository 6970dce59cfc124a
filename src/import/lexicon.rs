//! The words the text importer recognises in one language, read from
//! `templates/import/<lang>.yaml`: enacting formulas, lead words of preambular
//! and operative paragraphs, adverbs that belong to a lead, compounds whose
//! line-break hyphen is real, and the masthead and meeting lines. Month
//! names, the date pattern, the organs' names and the letters of
//! sub-paragraphs come from the locale (`templates/locales/<lang>.yaml`).

use regex::Regex;
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
    /// "Adopted by" opening the adoption line of a separately issued
    /// resolution; empty where that line opens with no fixed words (the
    /// Chinese one opens with its date: `adoption_patterns` read it).
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
    /// Whether the language writes no spaces between words (Chinese): a lead
    /// is a known phrase at the start of a paragraph, the text follows it
    /// directly, and lines are joined without a space between two
    /// characters of the script.
    #[serde(default)]
    pub spaceless: bool,
    /// Words written onto the front of a lead that belong to it: Arabic "و"
    /// ("and": "وإذ تشير"), Chinese "又", "还" ("also": "又回顾").
    #[serde(default)]
    pub lead_prefixes: Vec<String>,
    /// Whether paragraph and heading numbers may be printed with a dash
    /// ("1 - تقرر", "79/69 - العنوان"), as UN Arabic prints them, as well
    /// as with a full stop.
    #[serde(default)]
    pub dash_numbers: bool,
    /// Closing meeting lines whose number is inside the words: `{n}` is the
    /// number with its ordinal ending ("第{n}次全体会议", "الجلسة العامة {n}").
    /// `meeting_suffixes` covers "45th plenary meeting".
    #[serde(default)]
    pub meeting_patterns: Vec<String>,
    /// Adoption lines of a separately issued resolution, with `{meeting}`
    /// and `{date}`: "Aprobada por el Consejo de Seguridad en su {meeting},
    /// celebrada el {date}", "{date}安全理事会{meeting}通过". A pattern without
    /// `{meeting}` is the General Assembly's heading with its date on one
    /// line ("大会{date}通过的决议").
    #[serde(default)]
    pub adoption_patterns: Vec<String>,
    /// Headings of a separately issued resolution whose number is inside the
    /// words, with `{number}`: "第{number}号决议".
    #[serde(default)]
    pub resolution_patterns: Vec<String>,
    /// The words that may end the agenda item line after its number ("del
    /// programa", "من جدول الأعمال"); they are not part of the number.
    #[serde(default)]
    pub agenda_item_suffixes: Vec<String>,
    /// Month names, from the locale (not in the file).
    #[serde(skip)]
    pub months: Vec<String>,
    /// The letters of lettered sub-paragraphs when they are not a, b, c (the
    /// abjad letters of Arabic), from the locale.
    #[serde(skip)]
    pub subparagraph_letters: Vec<String>,
    /// The organs' names in this language, from the locale: masthead lines.
    #[serde(skip)]
    pub organ_names: Vec<String>,
    /// The locale's date pattern as a regular expression (`day`, `month`,
    /// `year` groups), anchored, and unanchored.
    #[serde(skip)]
    date_regex: Option<(Regex, Regex)>,
    /// `meeting_patterns`, compiled.
    #[serde(skip)]
    meeting_regexes: Vec<Regex>,
    /// `adoption_patterns`, compiled.
    #[serde(skip)]
    adoption_regexes: Vec<Regex>,
    /// `resolution_patterns`, compiled.
    #[serde(skip)]
    resolution_regexes: Vec<Regex>,
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
        by_length(&mut lexicon.lead_prefixes);
        let locale = Locale::load(assets, lang)?;
        lexicon.lang = lang;
        lexicon.compile(&locale, &file)?;
        lexicon.months = locale.months;
        lexicon.subparagraph_letters = locale.subparagraph_letters;
        lexicon.organ_names = locale.organs.into_values().collect();
        Ok(lexicon)
    }

    /// Builds the regular expressions of the patterns and of the locale's
    /// date.
    fn compile(&mut self, locale: &Locale, file: &SourceFile) -> Result<()> {
        let bad = |key: &str, e: String| {
            Error::new(
                ErrorKind::Template,
                format!("a pattern in `{key}` does not read: {e}"),
            )
            .at(file.locate(&[crate::load::Seg::Key(key)]))
        };
        let space = if self.spaceless { r"\s*" } else { r"\s+" };
        let build = |pattern: &str, holes: &[(&str, &str)]| -> String {
            let mut out = String::from("^");
            let mut rest = pattern.trim();
            'outer: while !rest.is_empty() {
                for (hole, re) in holes {
                    if let Some(r) = rest.strip_prefix(hole) {
                        out.push_str(re);
                        rest = r;
                        continue 'outer;
                    }
                }
                let c = rest.chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    out.push_str(space);
                    rest = rest.trim_start();
                } else {
                    out.push_str(&regex::escape(&c.to_string()));
                    rest = &rest[c.len_utf8()..];
                }
            }
            out.push('$');
            out
        };
        let gap = if self.spaceless { r"\s*" } else { "" };
        let number = format!(r"{gap}(?P<n>\d{{1,5}}[^\s\d]{{0,4}}){gap}");
        for p in &self.meeting_patterns {
            let re = build(p, &[("{n}", &number)]);
            self.meeting_regexes
                .push(Regex::new(&re).map_err(|e| bad("meeting_patterns", e.to_string()))?);
        }
        for p in &self.adoption_patterns {
            // The date is found first and stands as one mark in the line.
            let re = build(
                p,
                &[("{date}", DATE_MARK_RE), ("{meeting}", "(?P<meeting>.+)")],
            );
            self.adoption_regexes
                .push(Regex::new(&re).map_err(|e| bad("adoption_patterns", e.to_string()))?);
        }
        for p in &self.resolution_patterns {
            let re = build(p, &[("{number}", r"(?P<number>\d{1,4}\s*[(（]\d{4}[)）])")]);
            self.resolution_regexes
                .push(Regex::new(&re).map_err(|e| bad("resolution_patterns", e.to_string()))?);
        }
        // The locale's date: its month names (and each half of a double
        // name, "آذار/مارس"), the day as a number or the locale's first day.
        let mut months: Vec<String> = locale
            .months
            .iter()
            .flat_map(|m| {
                let halves: Vec<String> = if m.contains('/') {
                    m.split('/').map(|h| h.trim().to_owned()).collect()
                } else {
                    Vec::new()
                };
                std::iter::once(m.clone()).chain(halves)
            })
            .filter(|m| !m.is_empty())
            .collect();
        months.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
        let months = months
            .iter()
            .map(|m| {
                regex::escape(m)
                    .replace(' ', r"\s+")
                    .replace('/', r"\s*/\s*")
            })
            .collect::<Vec<_>>()
            .join("|");
        let first = regex::escape(&locale.first_day);
        let day = format!(r"(?P<day>\d{{1,2}}|{first}){gap}");
        let month = format!("{gap}(?P<month>{months}){gap}");
        let year = format!(r"{gap}(?P<year>\d{{4}})");
        let holes = [
            ("{day}", day.as_str()),
            ("{month}", month.as_str()),
            ("{year}", year.as_str()),
        ];
        let anchored = format!("(?i){}", build(&locale.date, &holes));
        let free = anchored.replacen('^', "", 1);
        let free = free.strip_suffix('$').unwrap_or(&free).to_owned();
        self.date_regex = match (Regex::new(&anchored), Regex::new(&free)) {
            (Ok(a), Ok(f)) => Some((a, f)),
            _ => None,
        };
        Ok(())
    }

    /// The date `text` is, all of it, in the locale's pattern.
    pub fn date(&self, text: &str) -> Option<crate::model::Date> {
        let (anchored, _) = self.date_regex.as_ref()?;
        self.date_of(&anchored.captures(text.trim())?)
    }

    /// The last date in the locale's pattern inside `text`, and where it is.
    pub fn find_date(&self, text: &str) -> Option<(std::ops::Range<usize>, crate::model::Date)> {
        let (_, free) = self.date_regex.as_ref()?;
        free.captures_iter(text)
            .filter_map(|c| Some((c.get(0)?.range(), self.date_of(&c)?)))
            .last()
    }

    fn date_of(&self, c: &regex::Captures) -> Option<crate::model::Date> {
        let day = number(&c["day"]).unwrap_or(1);
        let month = self.month(&c["month"])?;
        let year = number(&c["year"])?;
        crate::model::Date::new(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?)
    }

    /// Whether `line` is a closing meeting line of one of the
    /// `meeting_patterns`.
    pub fn meeting_pattern(&self, line: &str) -> bool {
        self.meeting_regexes.iter().any(|r| r.is_match(line))
    }

    /// The meeting (when the pattern names one) and the date of an adoption
    /// line of one of the `adoption_patterns`.
    pub fn adoption(&self, line: &str) -> Option<(Option<String>, crate::model::Date)> {
        if self.adoption_regexes.is_empty() {
            return None;
        }
        let line = line.trim();
        let (at, date) = self.find_date(line)?;
        let marked = format!("{}{DATE_MARK}{}", &line[..at.start], &line[at.end..]);
        self.adoption_regexes.iter().find_map(|r| {
            let c = r.captures(&marked)?;
            let meeting = c.name("meeting").map(|m| m.as_str().trim().to_owned());
            Some((meeting, date))
        })
    }

    /// The number in a heading of one of the `resolution_patterns`
    /// ("第1498(2003)号决议" gives "1498(2003)").
    pub fn resolution_number<'t>(&self, line: &'t str) -> Option<&'t str> {
        self.resolution_regexes
            .iter()
            .find_map(|r| Some(r.captures(line.trim())?.name("number")?.as_str()))
    }

    /// The rank (from 0) of a sub-paragraph letter of the locale's own
    /// letters ("ب" is 1), when it has them.
    pub fn letter_rank(&self, letter: &str) -> Option<usize> {
        let bare = letter.trim_end_matches('\u{640}');
        self.subparagraph_letters
            .iter()
            .position(|l| l == letter || l.trim_end_matches('\u{640}') == bare)
    }

    /// The lead at the start of `text` from `leads`, extended by adverbs; the
    /// lead and the rest (without the space between them).
    /// An adverb may also come first ("Also requests", "Once again
    /// urges").
    pub fn split_lead<'t>(&self, text: &'t str, leads: &[String]) -> Option<(&'t str, &'t str)> {
        let mut end = match self.lead_at(text, leads) {
            Some(end) => end,
            None => self.adverb_first(text, leads)?,
        };
        if self.spaceless {
            // Chinese adverbs come before the verb ("又回顾"): they are
            // `lead_prefixes`, and nothing follows a lead.
            return Some((&text[..end], text[end..].trim_start()));
        }
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

    /// The end of a lead of `leads` at the start of `text`, a prefix glued
    /// to its front included ("وإذ تشير", "又回顾").
    fn lead_at(&self, text: &str, leads: &[String]) -> Option<usize> {
        let direct = |text: &str| {
            leads.iter().find_map(|lead| {
                if self.spaceless {
                    text.starts_with(lead.as_str()).then_some(lead.len())
                } else {
                    starts_with_words(text, lead)
                }
            })
        };
        direct(text).or_else(|| {
            self.lead_prefixes.iter().find_map(|p| {
                let rest = text.strip_prefix(p.as_str())?;
                direct(rest).map(|n| p.len() + n)
            })
        })
    }

    /// The end of "Adverb lead" at the start of `text`: a capitalized adverb,
    /// then a lead in lower case; or, in a language whose leads are in lower
    /// case (Russian), the adverb and the lead as they are listed
    /// ("вновь подтверждает").
    fn adverb_first(&self, text: &str, leads: &[String]) -> Option<usize> {
        if self.spaceless {
            return None;
        }
        self.adverbs.iter().find_map(|adverb| {
            let forms = [(capitalized(adverb), true), (adverb.clone(), false)];
            forms.iter().find_map(|(form, lower_lead)| {
                let n = starts_with_words(text, form)?;
                let rest = &text[n..];
                let trimmed = rest.trim_start();
                let gap = rest.len() - trimmed.len();
                if gap == 0 {
                    return None;
                }
                leads
                    .iter()
                    .find_map(|lead| {
                        let lead = if *lower_lead {
                            lowercased(lead)
                        } else {
                            lead.clone()
                        };
                        starts_with_words(trimmed, &lead)
                    })
                    .map(|m| n + gap + m)
            })
        })
    }

    /// The formula `line` is, if any.
    /// A formula printed without its comma ("The General Assembly") is one.
    pub fn formula(&self, line: &str) -> Option<&Formula> {
        let line = squeeze(line);
        let bare = line.trim_end_matches(COMMAS).trim_end();
        self.formulas
            .iter()
            .find(|f| squeeze(&f.text).trim_end_matches(COMMAS).trim_end() == bare)
    }

    /// Whether a line-break hyphen after `word` is part of a compound.
    pub fn keeps_hyphen(&self, word: &str) -> bool {
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        self.keep_hyphen_after
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word) || w.to_lowercase() == word.to_lowercase())
    }

    /// The month number of a month name (either half of a double name
    /// "آذار/مارس" will do).
    pub fn month(&self, name: &str) -> Option<u8> {
        let name = squeeze(name).replace(" /", "/").replace("/ ", "/");
        let same =
            |m: &str| m.eq_ignore_ascii_case(&name) || m.to_lowercase() == name.to_lowercase();
        self.months
            .iter()
            .position(|m| same(m) || m.contains('/') && m.split('/').any(|h| same(h.trim())))
            .map(|i| i as u8 + 1)
    }
}

/// What stands for the date in an adoption line matched against a pattern
/// (a private-use character), and that character in a regular expression.
const DATE_MARK: char = '\u{E000}';
const DATE_MARK_RE: &str = "\u{E000}";

/// The commas a formula may end with: Latin, Chinese (full-width) and
/// Arabic.
pub const COMMAS: [char; 3] = [',', '，', '،'];

/// The value of a number written in any script's decimal digits (ASCII,
/// Arabic-Indic "١٢", Eastern Arabic-Indic "۱۲").
pub fn number(text: &str) -> Option<u32> {
    let mut value: u32 = 0;
    let mut any = false;
    for c in text.chars() {
        let d = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            '\u{660}'..='\u{669}' => u32::from(c) - 0x660,
            '\u{6F0}'..='\u{6F9}' => u32::from(c) - 0x6F0,
            _ => return None,
        };
        value = value.checked_mul(10)?.checked_add(d)?;
        any = true;
    }
    any.then_some(value)
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

    fn load(lang: Lang) -> Lexicon {
        Lexicon::load(&Assets::embedded(), lang).unwrap()
    }

    #[test]
    fn every_language_has_word_lists_that_load() {
        for lang in Lang::ALL {
            let l = load(lang);
            assert!(
                !l.formulas.is_empty() && !l.operative_leads.is_empty(),
                "{lang}"
            );
            assert_eq!(l.months.len(), 12, "{lang}");
        }
    }

    #[test]
    fn dates_follow_each_locale_s_pattern() {
        let d = |y, m, d| crate::model::Date::new(y, m, d);
        assert_eq!(load(Lang::Es).date("21 de julio de 2015"), d(2015, 7, 21));
        assert_eq!(load(Lang::Ru).date("21 июля 2015 года"), d(2015, 7, 21));
        let ar = load(Lang::Ar);
        assert_eq!(ar.date("25 آذار/مارس 2019"), d(2019, 3, 25));
        // Arabic-Indic figures, as 1990s documents print them.
        assert_eq!(ar.date("١٢ تموز/يوليه ١٩٩٣"), d(1993, 7, 12));
        assert_eq!(ar.month("مارس"), Some(3));
        let zh = load(Lang::Zh);
        assert_eq!(zh.date("2015年7月21日"), d(2015, 7, 21));
        assert_eq!(zh.date("2015年12月1日"), d(2015, 12, 1));
        assert_eq!(
            zh.find_date("大会2000年12月18日第55/162号决议")
                .map(|(_, d)| d),
            d(2000, 12, 18)
        );
        assert_eq!(zh.date("2015年13月1日"), None);
        // English and French keep theirs.
        assert_eq!(load(Lang::Fr).date("1er juillet 2015"), d(2015, 7, 1));
    }

    #[test]
    fn chinese_leads_need_no_space_and_take_their_prefix() {
        let zh = load(Lang::Zh);
        let pre = zh.preamble_leads.clone();
        let ops = zh.operative_leads.clone();
        assert_eq!(
            zh.split_lead("又回顾其第70/1号决议，", &pre),
            Some(("又回顾", "其第70/1号决议，"))
        );
        assert_eq!(
            zh.split_lead("请秘书长提交报告；", &ops),
            Some(("请", "秘书长提交报告；"))
        );
        assert_eq!(
            zh.split_lead("还决定列入议程；", &ops),
            Some(("还决定", "列入议程；"))
        );
        assert_eq!(zh.split_lead("大会，", &ops), None);
        assert!(zh.formula("大会，").is_some());
        assert!(zh.formula("安全理事会,").is_some());
    }

    #[test]
    fn arabic_leads_take_their_conjunction_and_adverbs() {
        let ar = load(Lang::Ar);
        let pre = ar.preamble_leads.clone();
        let ops = ar.operative_leads.clone();
        assert_eq!(
            ar.split_lead("وإذ تشير إلى قرارها 70/1،", &pre),
            Some(("وإذ تشير", "إلى قرارها 70/1،"))
        );
        assert_eq!(
            ar.split_lead("إذ يؤكد من جديد التزامه", &pre),
            Some(("إذ يؤكد من جديد", "التزامه"))
        );
        assert_eq!(
            ar.split_lead("تطلب أيضا إلى الأمين العام", &ops),
            Some(("تطلب أيضا", "إلى الأمين العام"))
        );
        assert_eq!(
            ar.formula("إن الجمعية العامة،").map(|f| f.organ),
            Some(Organ::GeneralAssembly)
        );
        assert_eq!(ar.letter_rank("ب"), Some(1));
        assert_eq!(ar.letter_rank("هـ"), Some(4));
        assert_eq!(ar.letter_rank("ه"), Some(4));
    }

    #[test]
    fn russian_and_spanish_leads_with_adverbs_either_side() {
        let ru = load(Lang::Ru);
        let ops = ru.operative_leads.clone();
        assert_eq!(
            ru.split_lead("вновь подтверждает свою приверженность", &ops),
            Some(("вновь подтверждает", "свою приверженность"))
        );
        assert_eq!(
            ru.split_lead("просит также Генерального секретаря", &ops),
            Some(("просит также", "Генерального секретаря"))
        );
        assert_eq!(
            ru.formula("Совет Безопасности,").map(|f| f.organ),
            Some(Organ::SecurityCouncil)
        );
        let es = load(Lang::Es);
        let ops = es.operative_leads.clone();
        assert_eq!(
            es.split_lead("Solicita también al Secretario General", &ops),
            Some(("Solicita también", "al Secretario General"))
        );
        assert_eq!(
            es.split_lead("Insta encarecidamente a los Estados", &ops),
            Some(("Insta encarecidamente", "a los Estados"))
        );
    }

    #[test]
    fn adoption_lines_meeting_lines_and_headings_by_pattern() {
        let d = |y, m, d| crate::model::Date::new(y, m, d).unwrap();
        assert_eq!(
            load(Lang::Es).adoption(
                "Aprobada por el Consejo de Seguridad en su 4804ª sesión, celebrada el 4 de agosto de 2003"
            ),
            Some((Some("4804ª sesión".to_owned()), d(2003, 8, 4)))
        );
        assert_eq!(
            load(Lang::Ru).adoption(
                "Принята Советом Безопасности на его 4804-м заседании 4 августа 2003 года"
            ),
            Some((Some("4804-м заседании".to_owned()), d(2003, 8, 4)))
        );
        assert_eq!(
            load(Lang::Ar).adoption("اتخذه مجلس الأمن في جلسته 4804، المعقودة في 4 آب/أغسطس 2003"),
            Some((Some("جلسته 4804".to_owned()), d(2003, 8, 4)))
        );
        let zh = load(Lang::Zh);
        assert_eq!(
            zh.adoption("2003年8月4日安全理事会第4804次会议通过"),
            Some((Some("第4804次会议".to_owned()), d(2003, 8, 4)))
        );
        assert_eq!(
            zh.adoption("大会2024年12月2日通过的决议"),
            Some((None, d(2024, 12, 2)))
        );
        assert!(zh.meeting_pattern("第44次全体会议"));
        assert!(zh.meeting_pattern("第 44 次全体会议"));
        assert!(!zh.meeting_pattern("第44次全体会议通过的决议"));
        assert_eq!(
            zh.resolution_number("第1498(2003)号决议"),
            Some("1498(2003)")
        );
        assert!(load(Lang::Ar).meeting_pattern("الجلسة العامة 44"));
        // English and French have no patterns.
        assert_eq!(fr().adoption("Adoptée par le Conseil"), None);
    }

    #[test]
    fn figures_of_every_script_read() {
        assert_eq!(number("12"), Some(12));
        assert_eq!(number("١٢"), Some(12));
        assert_eq!(number("۱۲"), Some(12));
        assert_eq!(number("1a"), None);
        assert_eq!(number(""), None);
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
