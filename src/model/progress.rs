//! What was done under each operative paragraph.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Text};

/// Progress data for one resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// True when the figures and actions are invented for an example. The
    /// rendered documents then say so.
    #[serde(default)]
    pub illustrative: bool,
    /// The resolution this data is about, e.g. `2015/23`.
    pub resolution: String,
    /// One entry per operative paragraph (or sub-paragraph) tracked.
    pub paragraphs: Vec<ParagraphProgress>,
}

/// Progress under one operative paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParagraphProgress {
    /// The operative paragraph number.
    pub paragraph: u32,
    /// A lettered sub-paragraph of it, when tracked separately.
    #[serde(default)]
    pub subparagraph: Option<String>,
    /// What the paragraph asks for, in a few words, per language.
    pub topic: Text,
    /// Where implementation stands.
    pub status: Status,
    /// The entities responsible, per language.
    #[serde(default)]
    pub entities: Vec<Text>,
    /// Actions taken, in order.
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// One action taken under a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The entity that acted, per language, as the subject of a sentence
    /// (`{en: UNODC, fr: l’ONUDC}`).
    pub entity: Text,
    /// When.
    pub date: Date,
    /// What was done, as a sentence continuing "On <date>, <entity> …".
    pub text: Text,
    /// Documents that record it (symbols, publications), per language.
    #[serde(default)]
    pub references: Vec<Text>,
}

/// Implementation status, as used by the 2006 mandate review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Completed.
    Completed,
    /// Implemented — in progress.
    InProgress,
    /// Not implemented.
    NotImplemented,
    /// Not applicable.
    NotApplicable,
    /// No indication.
    NoIndication,
}

impl Status {
    /// Every status, in the order tables list them.
    pub const ALL: [Status; 5] = [
        Status::Completed,
        Status::InProgress,
        Status::NotImplemented,
        Status::NotApplicable,
        Status::NoIndication,
    ];

    /// The key of this status in data files and locale files.
    pub fn key(self) -> &'static str {
        match self {
            Status::Completed => "completed",
            Status::InProgress => "in-progress",
            Status::NotImplemented => "not-implemented",
            Status::NotApplicable => "not-applicable",
            Status::NoIndication => "no-indication",
        }
    }
}
