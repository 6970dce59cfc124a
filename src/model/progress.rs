//! What was done under each operative paragraph.

use std::borrow::Cow;

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
    /// The resolution this data is about, e.g. `2015/23`; entries about
    /// other resolutions of the folder's compilation say so themselves.
    pub resolution: String,
    /// Statuses beyond the five the UN uses, with their labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<StatusDefinition>,
    /// One entry per operative paragraph (or sub-paragraph) tracked.
    pub paragraphs: Vec<ParagraphProgress>,
}

/// Progress under one operative paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParagraphProgress {
    /// The resolution, when not the one the file is about: another resolution
    /// of the folder's `resolutions/` compilation (a table then groups its
    /// rows under a heading per resolution).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// The operative paragraph number.
    pub paragraph: u32,
    /// A lettered sub-paragraph of it, when tracked separately.
    #[serde(default)]
    pub subparagraph: Option<String>,
    /// What the paragraph asks for, in a few words, per language.
    pub topic: Text,
    /// Where implementation stands: `completed`, `in-progress`,
    /// `not-implemented`, `not-applicable`, `no-indication`, or a key defined
    /// under `statuses`.
    pub status: Status,
    /// The entities responsible, per language.
    #[serde(default)]
    pub entities: Vec<Text>,
    /// Actions taken, in order.
    #[serde(default)]
    pub actions: Vec<Action>,
}

impl ParagraphProgress {
    /// The other resolution this entry is about, `None` when it is about
    /// `own`, the resolution of the file (named or not).
    pub fn other_resolution(&self, own: &str) -> Option<&str> {
        self.resolution.as_deref().filter(|r| *r != own)
    }
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

/// An implementation status: one of the five the UN uses, or one the data
/// defines under `statuses`. Written in data files as its key
/// (`completed`, `in-progress`, `partially-implemented` …).
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct Status(Cow<'static, str>);

impl Status {
    /// Completed.
    pub const COMPLETED: Status = Status(Cow::Borrowed("completed"));
    /// Implemented — in progress.
    pub const IN_PROGRESS: Status = Status(Cow::Borrowed("in-progress"));
    /// Not implemented.
    pub const NOT_IMPLEMENTED: Status = Status(Cow::Borrowed("not-implemented"));
    /// Not applicable.
    pub const NOT_APPLICABLE: Status = Status(Cow::Borrowed("not-applicable"));
    /// No indication.
    pub const NO_INDICATION: Status = Status(Cow::Borrowed("no-indication"));

    /// The five statuses the UN uses (the 2006 mandate review), in the order
    /// tables list them.
    pub const UN: [Status; 5] = [
        Status::COMPLETED,
        Status::IN_PROGRESS,
        Status::NOT_IMPLEMENTED,
        Status::NOT_APPLICABLE,
        Status::NO_INDICATION,
    ];

    /// A status from its key.
    pub fn new(key: impl Into<String>) -> Status {
        let key = key.into();
        match Status::UN.iter().find(|s| s.key() == key) {
            Some(s) => s.clone(),
            None => Status(Cow::Owned(key)),
        }
    }

    /// The key of this status in data files and locale files.
    pub fn key(&self) -> &str {
        &self.0
    }

    /// Whether this is one of the five UN statuses.
    pub fn is_un(&self) -> bool {
        Status::UN.contains(self)
    }

    /// Every status a table lists, in order: completed, in progress, not
    /// implemented, then those the data defines (in the order it defines
    /// them, as they are usually degrees of implementation), then not
    /// applicable and no indication.
    pub fn all(defined: &[StatusDefinition]) -> Vec<Status> {
        let (first, last) = Status::UN.split_at(3);
        first
            .iter()
            .cloned()
            .chain(defined.iter().map(|d| Status::new(d.key.clone())))
            .chain(last.iter().cloned())
            .collect()
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// A status the data defines, beyond the five the UN uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusDefinition {
    /// The key entries use, in lower case with hyphens
    /// (`partially-implemented`).
    pub key: String,
    /// Its label, per language (`{en: Partially implemented, fr: Partiellement
    /// exécuté}`); every language a document is rendered in needs one.
    pub label: Text,
}

/// The statuses file (`statuses.yaml`) that sits beside a progress
/// spreadsheet, which has no room for definitions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusFile {
    /// The statuses defined, as under `statuses` in a progress file.
    pub statuses: Vec<StatusDefinition>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defined_statuses_sit_between_the_degrees_of_implementation_and_the_rest() {
        let defined = [StatusDefinition {
            key: "partially-implemented".into(),
            label: Text::from("Partially implemented"),
        }];
        let keys: Vec<String> = Status::all(&defined)
            .iter()
            .map(|s| s.key().to_owned())
            .collect();
        assert_eq!(
            keys,
            [
                "completed",
                "in-progress",
                "not-implemented",
                "partially-implemented",
                "not-applicable",
                "no-indication"
            ]
        );
        assert!(Status::new("completed").is_un());
        assert_eq!(Status::new("completed"), Status::COMPLETED);
        assert!(!Status::new("partially-implemented").is_un());
    }
}
