//! The provisions of a resolution as the progress data follows them, and how
//! many have each status: the one definition the implementation table and
//! the report's status summary both count by, so they never disagree.
//!
//! A provision is an operative paragraph, or a sub-paragraph the data follows
//! on its own. A paragraph with no entry at all counts as "no indication"; a
//! paragraph followed only through its sub-paragraphs has no status of its
//! own and is not counted (its sub-paragraphs are).

use crate::model::{OperativeParagraph, ParagraphProgress, Part, Progress, Resolution, Status};

/// One operative paragraph and the entries about it.
pub(crate) struct Provision<'a> {
    /// The paragraph.
    pub paragraph: &'a OperativeParagraph,
    /// The part it opens, when it is the first paragraph of a part.
    pub opens: Option<&'a Part>,
    /// The entry about the whole paragraph, if any.
    pub whole: Option<&'a ParagraphProgress>,
    /// The entries about its sub-paragraphs, in the data's order.
    pub subparagraphs: Vec<&'a ParagraphProgress>,
}

impl Provision<'_> {
    /// The paragraph's own status: its entry's, "no indication" when
    /// nothing is recorded about it, none when only its sub-paragraphs are
    /// followed.
    pub fn status(&self) -> Option<Status> {
        match self.whole {
            Some(e) => Some(e.status.clone()),
            None if self.subparagraphs.is_empty() => Some(Status::NO_INDICATION),
            None => None,
        }
    }

    /// The statuses this paragraph contributes to the counts: its own, then
    /// one per sub-paragraph followed.
    pub fn statuses(&self) -> impl Iterator<Item = Status> + '_ {
        self.status()
            .into_iter()
            .chain(self.subparagraphs.iter().map(|e| e.status.clone()))
    }
}

/// The operative paragraphs of `resolution` with the entries naming `key`
/// (`None`: the project's own resolution), in paragraph order.
pub(crate) fn of<'a>(
    resolution: &'a Resolution,
    key: Option<&str>,
    progress: &'a Progress,
) -> Vec<Provision<'a>> {
    resolution
        .divisions()
        .flat_map(|(part, _, operative)| {
            operative
                .iter()
                .enumerate()
                .map(move |(i, p)| (part.filter(|_| i == 0), p))
        })
        .map(|(opens, p)| {
            let entries = progress.paragraphs.iter().filter(|e| {
                e.paragraph == p.number && e.other_resolution(&progress.resolution) == key
            });
            let (subs, whole): (Vec<_>, Vec<_>) = entries.partition(|e| e.subparagraph.is_some());
            Provision {
                paragraph: p,
                opens,
                whole: whole.first().copied(),
                subparagraphs: subs,
            }
        })
        .collect()
}

/// How many of `statuses` are `status`.
pub(crate) fn count(statuses: &[Status], status: &Status) -> usize {
    statuses.iter().filter(|s| *s == status).count()
}

/// Every status counted, in the order of [`Status::all`].
pub(crate) fn statuses(provisions: &[Provision]) -> Vec<Status> {
    provisions.iter().flat_map(Provision::statuses).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolution(paragraphs: u32) -> Resolution {
        let operative: Vec<_> = (1..=paragraphs)
            .map(|n| serde_json::json!({"number": n, "lead": "Decides", "text": "x"}))
            .collect();
        serde_json::from_value(serde_json::json!({
            "organ": "general-assembly", "number": "1/1", "language": "en",
            "title": "T", "formula": "The General Assembly,",
            "preamble": [], "operative": operative,
        }))
        .expect("a resolution")
    }

    fn progress(entries: serde_json::Value) -> Progress {
        serde_json::from_value(serde_json::json!({"resolution": "1/1", "paragraphs": entries}))
            .expect("progress")
    }

    #[test]
    fn unfollowed_paragraphs_count_as_no_indication_and_followed_sub_paragraphs_count_alone() {
        let r = resolution(4);
        let p = progress(serde_json::json!([
            {"paragraph": 1, "topic": "t", "status": "completed"},
            {"paragraph": 2, "subparagraph": "a", "topic": "t", "status": "completed"},
            {"paragraph": 2, "subparagraph": "b", "topic": "t", "status": "in-progress"},
            {"paragraph": 3, "topic": "t", "status": "no-indication"},
        ]));
        let provisions = of(&r, None, &p);
        let statuses = statuses(&provisions);
        // 1 completed; 2 only through (a) and (b); 3 recorded, 4 unfollowed.
        assert_eq!(statuses.len(), 5);
        assert_eq!(count(&statuses, &Status::COMPLETED), 2);
        assert_eq!(count(&statuses, &Status::IN_PROGRESS), 1);
        assert_eq!(count(&statuses, &Status::NO_INDICATION), 2);
        assert_eq!(provisions[1].status(), None);
    }
}
