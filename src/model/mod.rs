//! The data resolute reads: resolutions, progress data, trust funds, reports.

mod date;
mod fund;
mod lang;
mod progress;
mod report;
mod resolution;
mod text;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use date::Date;
pub use fund::{Contribution, Expenditure, TrustFund};
pub use lang::Lang;
pub use progress::{Action, ParagraphProgress, Progress, Status, StatusDefinition, StatusFile};
pub use report::{
    Agenda, AgendaEntry, AgendaStage, Contents, Correction, Distribution, ItemNumber, Paper,
    Period, Report, Session, Subtitle,
};
pub use resolution::{
    segments, AgendaItem, Annex, Citation, Footnote, Meeting, OperativeParagraph, Part,
    PreambularParagraph, Resolution, Segment, SubParagraph, DASH,
};
pub use text::Text;

/// A principal organ or subsidiary body that adopts resolutions or receives reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Organ {
    /// The General Assembly.
    GeneralAssembly,
    /// The Economic and Social Council.
    EconomicAndSocialCouncil,
    /// The Security Council.
    SecurityCouncil,
    /// The Human Rights Council.
    HumanRightsCouncil,
}

impl Organ {
    /// The key of this organ in locale files.
    pub fn key(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "general-assembly",
            Organ::EconomicAndSocialCouncil => "economic-and-social-council",
            Organ::SecurityCouncil => "security-council",
            Organ::HumanRightsCouncil => "human-rights-council",
        }
    }
}
