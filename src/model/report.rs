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
    /// The agenda item (none on a report to the Security Council).
    #[serde(default)]
    pub agenda: Option<AgendaItem>,
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
    /// The paper size.
    #[serde(default)]
    pub paper: Paper,
    /// A note printed under the title, e.g. to say the example's figures are
    /// illustrative.
    #[serde(default)]
    pub notice: Option<String>,
}

/// The body, session, place and dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The body, e.g. "Commission on Crime Prevention and Criminal Justice".
    pub body: String,
    /// The session as printed, e.g. "Twenty-sixth session".
    pub name: String,
    /// The place, e.g. "Vienna" (Human Rights Council sessions print the
    /// dates alone).
    #[serde(default)]
    pub place: Option<String>,
    /// The first day.
    pub start: Date,
    /// The last day.
    pub end: Date,
}

/// An item of the agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The item number.
    pub number: u32,
    /// The item's title.
    pub title: String,
    /// The symbol of the agenda document, cited in the asterisk footnote.
    #[serde(default)]
    pub symbol: Option<String>,
    /// Whether the agenda is still provisional (the usual case before a session).
    #[serde(default = "yes")]
    pub provisional: bool,
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

fn yes() -> bool {
    true
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
