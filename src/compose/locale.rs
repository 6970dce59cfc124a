//! Locale strings: the fixed words of the UN layout in one language, read
//! from `templates/locales/<lang>.yaml`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::assets::Assets;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::load::SourceFile;
use crate::model::{
    AgendaStage, Date, Distribution, ItemNumber, Lang, Organ, Status, StatusDefinition,
};

/// The fixed words and formats of one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    /// "United Nations".
    pub united_nations: String,
    /// "Distr.: General" and the like, by distribution.
    pub distribution: BTreeMap<String, String>,
    /// "Original: {language}".
    pub original: String,
    /// Language names as they follow "Original:".
    pub languages: BTreeMap<Lang, String>,
    /// Organ names.
    pub organs: BTreeMap<String, String>,
    /// Organ names as the subject of a sentence, with their article
    /// ("the General Assembly", "l’Assemblée générale").
    pub organs_as_subject: BTreeMap<String, String>,
    /// The agenda line of one item, by the stage of the agenda:
    /// "Item {number} of the provisional agenda".
    pub agenda_item: AgendaLines,
    /// The agenda line of several items ("{numbers}" is a list):
    /// "Agenda items {numbers}".
    pub agenda_items: AgendaLines,
    /// "Report of the Secretary-General".
    pub report_of_the_secretary_general: String,
    /// "Note by the Secretary-General".
    pub note_by_the_secretary_general: String,
    /// "Note by the Secretariat".
    pub note_by_the_secretariat: String,
    /// "Addendum", under the title of an addendum (`/Add.1`).
    pub addendum: String,
    /// "Corrigendum", under the title of a corrigendum (`/Corr.1`).
    pub corrigendum: String,
    /// "Advance unedited version".
    pub advance_unedited: String,
    /// How running text names a body ("the Commission …", "de la
    /// Commission …", "du Conseil …"): the first rule whose `first` words
    /// include the name's first word, else the rule without `first`.
    pub body_forms: Vec<BodyForms>,
    /// "Annex", the heading of a report's only annex.
    pub annex: String,
    /// "Annex {number}", the heading of one of several ("Annex II").
    pub annex_numbered: String,
    /// "[Original: {language}]", under an annex in another language.
    pub annex_original: String,
    /// "(for the period from {start} to {end})".
    pub period: String,
    /// "Summary".
    pub summary: String,
    /// "Contents".
    pub contents: String,
    /// "Page".
    pub page: String,
    /// Month names, January first.
    pub months: Vec<String>,
    /// "{day} {month} {year}".
    pub date: String,
    /// How the first day of a month is written ("1", "1er").
    pub first_day: String,
    /// "{day}–{end_day} {month} {year}".
    pub date_range_same_month: String,
    /// "{start_day} {start_month}–{end_day} {end_month} {year}".
    pub date_range_same_year: String,
    /// "{start} – {end}".
    pub date_range: String,
    /// "{place}, {dates}".
    pub place_and_dates: String,
    /// The thousands separator in figures.
    pub thousands_separator: String,
    /// How a sub-paragraph label is written: "({label})" or "{label})".
    pub subparagraph: String,
    /// Status labels, by status key.
    pub statuses: BTreeMap<String, String>,
    /// What separates a label from its text (": ", " : ").
    pub label_separator: String,
    /// The title of a compilation of resolutions.
    pub consolidated_title: String,
    /// "Implementation of resolution {number}: paragraph-by-paragraph table".
    pub table_title: String,
    /// "Implementation of resolutions {numbers}: …", for a table of several.
    pub table_title_several: String,
    /// "Resolution {number}: {title}", the heading of each resolution's rows
    /// in a table of several.
    pub table_group: String,
    /// "Resolution {number}": the heading of a resolution without a title
    /// (the Security Council's), and of its rows in a table of several.
    pub resolution_heading: String,
    /// "Adopted by {organ} at its {meeting}, on {date}", under the heading of
    /// a Security Council resolution.
    pub adoption_line: String,
    /// How running text writes an amount, by currency code ("${amount}",
    /// "{amount} dollars"); `other` for the rest ("{amount} {currency}").
    pub amounts: BTreeMap<String, String>,
    /// Currency names for table headings, by code ("United States dollars").
    pub currencies: BTreeMap<String, String>,
    /// The numbers zero to nine in words: the UN writes numbers under ten in
    /// words in running text.
    pub number_words: Vec<String>,
    /// Under the heading of a resolution of a table that the folder has in
    /// another language only: "Provisions quoted in {language}, …".
    pub quoted_in: String,
    /// Under the heading of a resolution of a table that the progress data
    /// says nothing about.
    pub no_progress: String,
    /// What joins the last two items of a list (" and ", " et ").
    pub list_and: String,
    /// Column heads of the implementation table (six).
    pub table_columns: Vec<String>,
    /// "Of the {count} operative paragraphs of the resolution:".
    pub table_summary: String,
    /// "Of the {count} operative paragraphs of the {resolutions} resolutions:".
    pub table_summary_several: String,
    /// "Of the {count} provisions in the table (…sub-paragraphs followed on
    /// their own):", when the data follows some sub-paragraphs separately.
    pub table_summary_provisions: String,
    /// "Provisions", the head of the summary's count column then.
    pub provisions: String,
    /// The status cell of a paragraph followed only through its
    /// sub-paragraphs ("See sub-paragraphs").
    pub see_subparagraphs: String,
    /// Column heads of the status summary (two).
    pub summary_columns: Vec<String>,
    /// "Total".
    pub total: String,
    /// The line under an implementation table built on illustrative data.
    pub illustrative_table: String,
    /// "Resolution {number}: parallel text".
    pub parallel_title: String,
    /// Shown in a parallel text where one version lacks a paragraph.
    pub language_versions_differ: String,
    /// What separates two words ("" in Chinese, which writes none): between
    /// a paragraph's lead words and the rest of it.
    #[serde(default = "space")]
    pub word_space: String,
    /// What separates the items of a list but the last two (", ", "، ",
    /// "、").
    #[serde(default = "comma")]
    pub list_separator: String,
    /// An action in the implementation table, after its date:
    /// "{entity} {text}.".
    #[serde(default = "action")]
    pub action: String,
    /// The font families of the text, in order: a character is set in the
    /// first that has it.
    #[serde(default = "default_fonts")]
    pub fonts: Vec<String>,
    /// The language the masthead's right-hand block is in (distribution,
    /// date, language, original), when not this one: Russian, Arabic and
    /// Chinese documents keep it in English.
    #[serde(default)]
    pub masthead_language: Option<Lang>,
    /// Chapter numbers in order ("أولا", "ثانيا" …, "一", "二" …); none:
    /// roman numerals.
    #[serde(default)]
    pub chapter_numbers: Vec<String>,
    /// How a chapter number is printed: "{number}." ("I."), "{number} -".
    #[serde(default = "dotted")]
    pub chapter_label: String,
    /// Section numbers in order ("ألف", "باء" …); none: A, B, C.
    #[serde(default)]
    pub section_numbers: Vec<String>,
    /// How a section number is printed: "{number}." ("A."), "{number} -".
    #[serde(default = "dotted")]
    pub section_label: String,
    /// How a paragraph number is printed: "{number}." ("1."), "{number} -".
    #[serde(default = "dotted")]
    pub paragraph_label: String,
    /// The letters of lettered sub-paragraphs in order ("أ", "ب" …); none:
    /// a, b, c.
    #[serde(default)]
    pub subparagraph_letters: Vec<String>,
}

fn default_fonts() -> Vec<String> {
    vec!["Liberation Serif".to_owned()]
}

fn space() -> String {
    " ".to_owned()
}

fn comma() -> String {
    ", ".to_owned()
}

fn action() -> String {
    "{entity} {text}.".to_owned()
}

fn dotted() -> String {
    "{number}.".to_owned()
}

/// The forms of a body's name in running text, for the names whose first
/// word is one of `first` (all names, when `first` is empty).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyForms {
    /// The first words this rule is for ("Commission", "Conseil").
    #[serde(default)]
    pub first: Vec<String>,
    /// The name as a subject: "the {name}", "la {name}", "l’{name}".
    pub subject: String,
    /// The name after "of": "of the {name}", "de la {name}", "du {name}".
    pub of: String,
}

/// A body's name in the forms running text needs.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BodyNames {
    /// "the Commission on Crime …", "le Conseil de sécurité".
    pub subject: String,
    /// "of the Commission …", "de la Commission …", "du Conseil de sécurité".
    pub of: String,
}

/// An agenda line for each stage of the agenda.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaLines {
    /// "Item {number} of the preliminary list".
    pub preliminary: String,
    /// "Item {number} of the provisional agenda".
    pub provisional: String,
    /// "Agenda item {number}".
    pub adopted: String,
}

impl AgendaLines {
    /// The line for `stage`.
    pub fn get(&self, stage: AgendaStage) -> &str {
        match stage {
            AgendaStage::Preliminary => &self.preliminary,
            AgendaStage::Provisional => &self.provisional,
            AgendaStage::Adopted => &self.adopted,
        }
    }
}

/// Fills `{name}` placeholders.
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = pattern.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

impl Locale {
    /// Loads the locale of `lang` from the templates.
    pub fn load(assets: &Assets, lang: Lang) -> Result<Locale> {
        let name = format!("locales/{lang}.yaml");
        let asset = assets.get(&name)?.ok_or_else(|| {
            Error::new(
                ErrorKind::Data,
                format!("resolute has no locale strings for `{lang}` yet"),
            )
            .hint(format!(
                "copy templates/locales/en.yaml to {name} in a --templates folder and translate it"
            ))
        })?;
        let mut file = SourceFile::new(asset.path, asset.text.as_ref());
        let locale: Locale = file.parse()?;
        locale.validate(&file)?;
        Ok(locale)
    }

    fn validate(&self, file: &SourceFile) -> Result<()> {
        let missing = |what: &str, key: &str| {
            Error::new(
                ErrorKind::Template,
                format!("the locale has no {what} `{key}`"),
            )
            .at(Location::at(&file.path, Some(file.text.clone()), 1, 1))
            .hint(format!("add `{key}` to the locale's `{what}` map"))
        };
        if self.table_columns.len() != 6 || self.summary_columns.len() != 2 {
            return Err(Error::new(
                ErrorKind::Template,
                "the locale needs six `table_columns` and two `summary_columns`",
            )
            .at(file.locate(&[crate::load::Seg::Key("table_columns")])));
        }
        if self.number_words.len() != 10 {
            return Err(Error::new(
                ErrorKind::Template,
                "the locale must list the numbers zero to nine in `number_words`",
            )
            .at(file.locate(&[crate::load::Seg::Key("number_words")])));
        }
        if self.months.len() != 12 {
            return Err(
                Error::new(ErrorKind::Template, "the locale must list 12 months")
                    .at(file.locate(&[crate::load::Seg::Key("months")])),
            );
        }
        for s in &Status::UN {
            if !self.statuses.contains_key(s.key()) {
                return Err(missing("statuses", s.key()));
            }
        }
        for d in [
            Distribution::General,
            Distribution::Limited,
            Distribution::Restricted,
        ] {
            if !self.distribution.contains_key(d.key()) {
                return Err(missing("distribution", d.key()));
            }
        }
        if !self.body_forms.iter().any(|r| r.first.is_empty()) {
            return Err(Error::new(
                ErrorKind::Template,
                "the locale's `body_forms` needs a rule without `first`, for the names no other rule is for",
            )
            .at(file.locate(&[crate::load::Seg::Key("body_forms")])));
        }
        for l in Lang::ALL {
            if !self.languages.contains_key(&l) {
                return Err(missing("languages", l.code()));
            }
        }
        Ok(())
    }

    /// `name` in the forms running text needs, by the first rule of
    /// `body_forms` that is for its first word (or for every name).
    pub fn body_names(&self, name: &str) -> BodyNames {
        let first = name.split([' ', '\u{a0}']).next().unwrap_or("");
        let rule = self
            .body_forms
            .iter()
            .find(|r| r.first.iter().any(|w| w == first))
            .or_else(|| self.body_forms.iter().find(|r| r.first.is_empty()));
        match rule {
            Some(r) => BodyNames {
                subject: fill(&r.subject, &[("name", name)]),
                of: fill(&r.of, &[("name", name)]),
            },
            None => BodyNames {
                subject: name.to_owned(),
                of: name.to_owned(),
            },
        }
    }

    /// How text in this locale's language `lang` is set: Arabic right to
    /// left, Chinese with the mainland's punctuation, in the locale's fonts.
    pub fn script(&self, lang: Lang) -> crate::doc::Script {
        crate::doc::Script {
            lang,
            dir: if lang == Lang::Ar {
                crate::doc::Dir::Rtl
            } else {
                crate::doc::Dir::Ltr
            },
            region: (lang == Lang::Zh).then_some("cn"),
            fonts: self.fonts.clone(),
        }
    }

    /// The label of chapter `n` (from 1): "I.", "أولا -", "一.".
    pub fn chapter(&self, n: usize) -> String {
        let number = n
            .checked_sub(1)
            .and_then(|i| self.chapter_numbers.get(i))
            .cloned()
            .unwrap_or_else(|| crate::compose::markdown::roman(n));
        fill(&self.chapter_label, &[("number", &number)])
    }

    /// The label of section `n` (from 1) of a chapter: "A.", "ألف -".
    pub fn section(&self, n: usize) -> String {
        let number = n
            .checked_sub(1)
            .and_then(|i| self.section_numbers.get(i))
            .cloned()
            .unwrap_or_else(|| crate::check::letter(n.saturating_sub(1)).to_uppercase());
        fill(&self.section_label, &[("number", &number)])
    }

    /// The label of a numbered paragraph: "1.", "1 -".
    pub fn paragraph(&self, n: impl std::fmt::Display) -> String {
        fill(&self.paragraph_label, &[("number", &n.to_string())])
    }

    /// The letter of lettered sub-paragraph `i` (from 0): "a", "أ"; past
    /// the locale's letters, "aa" and so on.
    pub fn letter(&self, i: usize) -> String {
        self.subparagraph_letters
            .get(i)
            .cloned()
            .unwrap_or_else(|| crate::check::letter(i))
    }

    /// A date written out: "1 March 2017", "1er mars 2017".
    pub fn date(&self, date: Date) -> String {
        fill(
            &self.date,
            &[
                ("day", &self.day(date.day)),
                ("month", self.month(date)),
                ("year", &date.year.to_string()),
            ],
        )
    }

    fn day(&self, day: u8) -> String {
        if day == 1 {
            self.first_day.clone()
        } else {
            day.to_string()
        }
    }

    fn month(&self, date: Date) -> &str {
        &self.months[usize::from(date.month - 1)]
    }

    /// A span of dates: "22–26 May 2017", or both dates in full across months.
    pub fn date_range(&self, start: Date, end: Date) -> String {
        if start.year == end.year && start.month == end.month {
            fill(
                &self.date_range_same_month,
                &[
                    ("day", &self.day(start.day)),
                    ("end_day", &self.day(end.day)),
                    ("month", self.month(start)),
                    ("year", &start.year.to_string()),
                ],
            )
        } else if start.year == end.year {
            fill(
                &self.date_range_same_year,
                &[
                    ("start_day", &self.day(start.day)),
                    ("start_month", self.month(start)),
                    ("end_day", &self.day(end.day)),
                    ("end_month", self.month(end)),
                    ("year", &start.year.to_string()),
                ],
            )
        } else {
            fill(
                &self.date_range,
                &[("start", &self.date(start)), ("end", &self.date(end))],
            )
        }
    }

    /// A whole amount with thousands separators: "1,234,567".
    pub fn figure(&self, amount: u64) -> String {
        let digits = amount.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(&self.thousands_separator);
            }
            out.push(c);
        }
        out
    }

    /// An amount in running text: "$1,049,180", "1 049 180 dollars".
    pub fn amount(&self, amount: u64, currency: &str) -> String {
        let pattern = self
            .amounts
            .get(currency)
            .or_else(|| self.amounts.get("other"))
            .map_or("{amount} {currency}", String::as_str);
        fill(
            pattern,
            &[("amount", &self.figure(amount)), ("currency", currency)],
        )
    }

    /// A count in running text: in words under ten, in figures from ten.
    pub fn number(&self, n: usize) -> String {
        self.number_words
            .get(n)
            .cloned()
            .unwrap_or_else(|| n.to_string())
    }

    /// An agenda item number as this language prints it: "20 (c)", "20 c)".
    pub fn item_number(&self, number: &ItemNumber) -> String {
        match number.parts() {
            (n, Some(sub)) => format!("{n} {}", fill(&self.subparagraph, &[("label", sub)])),
            (n, None) => n.to_owned(),
        }
    }

    /// The agenda line: "Item 20 (c) of the provisional agenda", "Agenda
    /// items 5 (a) and 6".
    pub fn agenda_line(&self, numbers: &[&ItemNumber], stage: AgendaStage) -> String {
        let printed: Vec<String> = numbers.iter().map(|n| self.item_number(n)).collect();
        match printed.as_slice() {
            [one] => fill(self.agenda_item.get(stage), &[("number", one)]),
            many => {
                let refs: Vec<&str> = many.iter().map(String::as_str).collect();
                fill(
                    self.agenda_items.get(stage),
                    &[("numbers", &self.list(&refs))],
                )
            }
        }
    }

    /// `items` as a list: "a, b and c".
    pub fn list(&self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [init @ .., last] => {
                format!("{}{}{last}", init.join(&self.list_separator), self.list_and)
            }
        }
    }

    /// The label of a status: the locale's for the UN's five, the data's for
    /// those it defines (in this language; [`crate::check`] makes sure the
    /// data gives one).
    pub fn status<'a>(
        &'a self,
        status: &'a Status,
        defined: &'a [StatusDefinition],
        lang: Lang,
    ) -> &'a str {
        if let Some(label) = self.statuses.get(status.key()) {
            return label;
        }
        defined
            .iter()
            .find(|d| d.key == status.key())
            .map_or(status.key(), |d| d.label.get(lang))
    }

    /// The name of an organ.
    pub fn organ(&self, organ: Organ) -> &str {
        self.organs
            .get(organ.key())
            .map_or(organ.key(), String::as_str)
    }

    /// An organ as the subject of a sentence.
    pub fn organ_as_subject(&self, organ: Organ) -> &str {
        self.organs_as_subject
            .get(organ.key())
            .map_or(organ.key(), String::as_str)
    }

    /// A sub-paragraph label: "(a)" or "a)". The data letters
    /// sub-paragraphs a, b, c in every language; a locale with letters of
    /// its own prints its letter of the same rank ("(أ)" for `a`). A dash
    /// item's label is its dash.
    pub fn subparagraph(&self, label: &str) -> String {
        if label == crate::model::DASH {
            return label.to_owned();
        }
        let own = crate::check::letter_rank(label)
            .filter(|_| !self.subparagraph_letters.is_empty())
            .map(|i| self.letter(i));
        fill(
            &self.subparagraph,
            &[("label", own.as_deref().unwrap_or(label))],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(lang: Lang) -> Locale {
        Locale::load(&Assets::embedded(), lang).unwrap()
    }

    #[test]
    fn dates_in_english_and_french() {
        let d: Date = "2017-03-01".parse().unwrap();
        assert_eq!(locale(Lang::En).date(d), "1 March 2017");
        assert_eq!(locale(Lang::Fr).date(d), "1er mars 2017");
        let (a, b) = ("2017-05-22".parse().unwrap(), "2017-05-26".parse().unwrap());
        assert_eq!(locale(Lang::En).date_range(a, b), "22–26 May 2017");
        assert_eq!(locale(Lang::Fr).date_range(a, b), "22-26 mai 2017");
        let c = "2017-06-02".parse().unwrap();
        assert_eq!(locale(Lang::En).date_range(a, c), "22 May–2 June 2017");
        let d = "2018-01-02".parse().unwrap();
        // As E/2019/68 prints its session: "26 July 2018–24 July 2019".
        assert_eq!(
            locale(Lang::En).date_range(a, d),
            "22 May 2017–2 January 2018"
        );
    }

    #[test]
    fn body_names_take_their_article_in_french_and_the_in_english() {
        let fr = locale(Lang::Fr);
        let names = |n: &str| {
            let b = fr.body_names(n);
            (b.subject, b.of)
        };
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            names("Commission des stupéfiants"),
            pair(
                "la Commission des stupéfiants",
                "de la Commission des stupéfiants"
            )
        );
        assert_eq!(
            names("Conseil de sécurité"),
            pair("le Conseil de sécurité", "du Conseil de sécurité")
        );
        assert_eq!(
            names("Assemblée générale"),
            pair("l’Assemblée générale", "de l’Assemblée générale")
        );
        let en = locale(Lang::En).body_names("Security Council");
        assert_eq!(
            (en.subject.as_str(), en.of.as_str()),
            ("the Security Council", "of the Security Council")
        );
    }

    #[test]
    fn figures_group_thousands() {
        assert_eq!(locale(Lang::En).figure(1234567), "1,234,567");
        assert_eq!(locale(Lang::En).figure(999), "999");
        assert_eq!(locale(Lang::Fr).figure(25000), "25\u{202f}000");
    }

    #[test]
    fn amounts_counts_and_lists_as_running_text_writes_them() {
        let (en, fr) = (locale(Lang::En), locale(Lang::Fr));
        assert_eq!(en.amount(1_049_180, "USD"), "$1,049,180");
        assert_eq!(fr.amount(25_000, "USD"), "25\u{202f}000 dollars");
        assert_eq!(en.amount(5, "CHF"), "5 CHF");
        assert_eq!(en.number(3), "three");
        assert_eq!(fr.number(9), "neuf");
        assert_eq!(en.number(10), "10");
        assert_eq!(
            en.list(&["UNODC", "ICAT", "Member States"]),
            "UNODC, ICAT and Member States"
        );
        assert_eq!(fr.list(&["ONUDC", "ICAT"]), "ONUDC et ICAT");
        assert_eq!(fr.list(&["ONUDC"]), "ONUDC");
    }

    #[test]
    fn every_official_language_has_its_strings_and_numbering() {
        // The titles as UN documents print them (LANGUAGES.md §1.2); Russian,
        // Arabic and Chinese keep the masthead block in English.
        let expect = [
            (Lang::Ar, "تقرير الأمين العام", Some(Lang::En)),
            (Lang::Zh, "秘书长的报告", Some(Lang::En)),
            (Lang::En, "Report of the Secretary-General", None),
            (Lang::Fr, "Rapport du Secrétaire général", None),
            (Lang::Ru, "Доклад Генерального секретаря", Some(Lang::En)),
            (Lang::Es, "Informe del Secretario General", None),
        ];
        for (lang, title, masthead) in expect {
            let l = locale(lang);
            assert_eq!(l.report_of_the_secretary_general, title, "{lang}");
            assert_eq!(l.masthead_language, masthead, "{lang}");
        }
        let (ar, zh, ru) = (locale(Lang::Ar), locale(Lang::Zh), locale(Lang::Ru));
        assert_eq!(
            (ar.chapter(2), ar.section(2)),
            ("ثانيا -".into(), "باء -".into())
        );
        assert_eq!(ar.paragraph(12), "12 -");
        assert_eq!(ar.subparagraph("h"), "(ح)");
        assert_eq!(zh.chapter(3), "三.");
        assert_eq!(zh.section(1), "A.");
        assert_eq!(ru.subparagraph("c"), "c)");
        assert_eq!(locale(Lang::Es).subparagraph("c"), "c)");
    }

    #[test]
    fn a_locale_with_letters_of_its_own_prints_them_by_rank() {
        let mut l = locale(Lang::En);
        assert_eq!(l.subparagraph("b"), "(b)");
        l.subparagraph_letters = vec!["أ".into(), "ب".into()];
        assert_eq!(l.subparagraph("b"), "(ب)");
        // Past its letters, and for a label that is no letter, as given.
        assert_eq!(l.subparagraph("c"), "(c)");
        assert_eq!(l.subparagraph("iv"), "(iv)");
        assert_eq!(l.subparagraph(crate::model::DASH), crate::model::DASH);
    }
}
