//! The metadata of a report of the Secretary-General.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Lang, Organ};

/// A report's metadata: what goes on its masthead and first page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The document symbol, e.g. `E/CN.15/2017/7`.
    pub symbol: String,
    /// The distribution.
    #[serde(default)]
    pub distribution: Distribution,
    /// The date of issue.
    pub date: Date,
    /// The language of this version.
    pub language: Lang,
    /// The language the report was written in.
    pub original: Lang,
    /// The organ whose name heads the masthead.
    pub organ: Organ,
    /// The body the report goes to and its session (not printed on a
    /// report to the Security Council, which has none).
    #[serde(default)]
    pub session: Option<Session>,
    /// The agenda item or items (none on a report to the Security Council).
    #[serde(default)]
    pub agenda: Option<Agenda>,
    /// The report's title.
    pub title: String,
    /// What the document is, printed under the title: "Report of the
    /// Secretary-General" unless the data says otherwise.
    #[serde(default)]
    pub subtitle: Subtitle,
    /// The period the report covers, printed under the title as "(for the
    /// period from … to …)".
    #[serde(default)]
    pub period: Option<Period>,
    /// The summary: one or more paragraphs, stating the mandate (none on a
    /// report to the Security Council).
    #[serde(default)]
    pub summary: Vec<String>,
    /// Whether the report has a table of contents.
    #[serde(default)]
    pub contents: Contents,
    /// The job number printed at the foot of page 1, e.g. `V.17-01234 (F)`.
    #[serde(default)]
    pub job_number: Option<String>,
    /// The dates the job was processed, printed after the job number as
    /// DDMMYY ("19-16958 (E)   111019"; Vienna jobs often carry two).
    #[serde(default)]
    pub job_dates: Vec<Date>,
    /// Whether the job number's Code 39 barcode is printed under it (yes by
    /// default; `false` leaves it out).
    #[serde(default = "yes")]
    pub barcode: bool,
    /// Whether document symbols and resolution numbers in the text link to
    /// their documents through https://undocs.org (yes by default; `false`
    /// prints them as plain text). Also read for the implementation table.
    #[serde(default = "yes")]
    pub links: bool,
    /// The paper size.
    #[serde(default)]
    pub paper: Paper,
    /// A note printed under the title, e.g. to say the example's figures are
    /// illustrative.
    #[serde(default)]
    pub notice: Option<String>,
    /// Whether this is the "Advance unedited version", printed above the
    /// distribution until the edited text is issued.
    #[serde(default)]
    pub advance_unedited: bool,
    /// The note of a document issued again ("Reissued for technical reasons
    /// on 5 April 2016."): the symbol and the job number carry an asterisk
    /// citing it at the foot of page 1.
    #[serde(default)]
    pub reissued: Option<String>,
    /// The corrections a corrigendum (`/Corr.1`) makes, one numbered
    /// instruction each; without a narrative file they are its body.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The symbol of the implementation table when it is issued as a
    /// document of its own (e.g. a conference room paper,
    /// `E/CN.15/2017/CRP.2`): printed as the table's running head on every
    /// page.
    #[serde(default)]
    pub table_symbol: Option<String>,
}

/// One instruction of a corrigendum: where, what to do, and the new words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// Where: "Paragraph 73", "Page 3, table 2".
    pub at: String,
    /// What to do: "The third sentence should read", "Delete the last
    /// sentence".
    pub instruction: String,
    /// The words as they should read, if the instruction gives any.
    #[serde(default)]
    pub text: Option<String>,
}

/// The session block: the body, the session, its place and dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The body, when it is not the masthead's organ: a functional
    /// commission ("Commission on Crime Prevention and Criminal Justice").
    /// A report to the Human Rights Council names the Council by itself; one
    /// to the General Assembly or the Economic and Social Council names none.
    #[serde(default)]
    pub body: Option<String>,
    /// The session as printed: "Twenty-sixth session", "2019 session".
    pub name: String,
    /// The place, e.g. "Vienna" (Human Rights Council sessions print the
    /// dates alone).
    #[serde(default)]
    pub place: Option<String>,
    /// The first day (with `end`; General Assembly sessions print none).
    #[serde(default)]
    pub start: Option<Date>,
    /// The last day.
    #[serde(default)]
    pub end: Option<Date>,
}

impl Session {
    /// The first and last day, when the data gives both.
    pub fn span(&self) -> Option<(Date, Date)> {
        self.start.zip(self.end)
    }
}

/// The agenda line of a report's first page: one item or several, and the
/// stage of the agenda they are items of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    /// The item number, as printed: `6`, or `20 (c)` for a sub-item (one
    /// item; several go under `items`).
    #[serde(default)]
    pub number: Option<ItemNumber>,
    /// The item's title (one item).
    #[serde(default)]
    pub title: Option<String>,
    /// Several items ("Agenda items 2 and 3"), each with its number and
    /// title, in place of `number` and `title`.
    #[serde(default)]
    pub items: Vec<AgendaEntry>,
    /// The symbol of the agenda document (`A/72/150`), cited in the asterisk
    /// note of a provisional agenda or preliminary list.
    #[serde(default)]
    pub symbol: Option<String>,
    /// Which agenda the items are on. When not given: `adopted` for the
    /// Human Rights Council, whose agenda is fixed; `provisional` otherwise.
    #[serde(default)]
    pub stage: Option<AgendaStage>,
}

impl Agenda {
    /// The items, whichever way the data gives them.
    pub fn entries(&self) -> Vec<(&ItemNumber, &str)> {
        match (&self.number, &self.title) {
            (Some(n), Some(t)) if self.items.is_empty() => vec![(n, t.as_str())],
            _ => self
                .items
                .iter()
                .map(|e| (&e.number, e.title.as_str()))
                .collect(),
        }
    }
}

/// One of several agenda items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaEntry {
    /// The item number, as printed: `2`, `20 (c)`.
    pub number: ItemNumber,
    /// The item's title.
    pub title: String,
}

/// Which agenda an item is on (Editorial Manual): each but the adopted one
/// is cited in an asterisk note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AgendaStage {
    /// The preliminary list, the earliest draft ("Item 20 of the preliminary
    /// list*").
    Preliminary,
    /// The provisional agenda ("Item 20 (c) of the provisional agenda*").
    Provisional,
    /// The agenda as adopted ("Agenda item 122"), without a note.
    Adopted,
}

/// An agenda item number as printed: digits, then perhaps a sub-item letter
/// in brackets after a space (`12 (h)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ItemNumber(String);

impl ItemNumber {
    /// Reads `6`, `20 (c)`; refuses anything else with a hint.
    pub fn parse(s: &str) -> Result<ItemNumber, String> {
        let s = s.trim();
        let (digits, rest) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
        let letters_ok = match rest {
            "" => true,
            r => r
                .strip_prefix(" (")
                .and_then(|r| r.strip_suffix(')'))
                .is_some_and(|l| {
                    !l.is_empty() && l.len() <= 3 && l.bytes().all(|b| b.is_ascii_lowercase())
                }),
        };
        if digits.is_empty() || digits.starts_with('0') || digits.len() > 4 || !letters_ok {
            return Err(format!(
                "`{}` is not an agenda item number: write it as printed, e.g. `6` or `20 (c)`",
                crate::error::clip(s, 40)
            ));
        }
        Ok(ItemNumber(s.to_owned()))
    }

    /// The number as printed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The item's number and its sub-item letter, if any: `("20", Some("c"))`.
    pub fn parts(&self) -> (&str, Option<&str>) {
        match self.0.split_once(" (") {
            Some((n, rest)) => (n, rest.strip_suffix(')')),
            None => (&self.0, None),
        }
    }
}

impl std::fmt::Display for ItemNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ItemNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = ItemNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an agenda item number such as 6 or \"20 (c)\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ItemNumber, E> {
                ItemNumber::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ItemNumber, E> {
                ItemNumber::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ItemNumber, E> {
                ItemNumber::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl JsonSchema for ItemNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ItemNumber".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": ["integer", "string"],
            "pattern": "^[1-9][0-9]{0,3}( \\([a-z]{1,3}\\))?$",
            "description": "An agenda item number as printed: 6, or \"20 (c)\" for a sub-item."
        })
    }
}

/// What a document is, as printed under its title.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Subtitle {
    /// "Report of the Secretary-General".
    #[default]
    ReportOfTheSecretaryGeneral,
    /// "Note by the Secretary-General" (transmitting the report of others).
    NoteByTheSecretaryGeneral,
    /// "Note by the Secretariat".
    NoteByTheSecretariat,
    /// No line under the title: the title says what the document is
    /// ("Report of the Secretary-General on …").
    None,
    /// Words of the data's own, such as "Report of the Executive Director".
    Text(String),
}

/// The period a report covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first day.
    pub start: Date,
    /// The last day.
    pub end: Date,
}

/// Whether a report has a table of contents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Contents {
    /// As the organ's reports do: none for the Security Council; for other
    /// organs, one when the body has three chapters or more.
    #[default]
    Auto,
    /// Always.
    On,
    /// Never.
    Off,
}

/// The distribution printed on the masthead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Distribution {
    /// Distr.: General.
    #[default]
    General,
    /// Distr.: Limited.
    Limited,
    /// Distr.: Restricted.
    Restricted,
}

impl Distribution {
    /// The key of this distribution in locale files.
    pub fn key(self) -> &'static str {
        match self {
            Distribution::General => "general",
            Distribution::Limited => "limited",
            Distribution::Restricted => "restricted",
        }
    }
}

/// Paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, used in Vienna and Geneva.
    #[default]
    A4,
    /// US letter, used in New York.
    Letter,
    /// ISO A5, for compact handouts.
    A5,
}

/// The default of settings that are on unless turned off.
fn yes() -> bool {
    true
}
