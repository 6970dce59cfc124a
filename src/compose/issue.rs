//! How a document is issued, as the last component of its symbol says
//! (ORGANS.md section 6): an addendum (`/Add.1`) repeats its parent's title
//! and adds "Addendum"; a corrigendum (`/Corr.1`) adds "Corrigendum"; a
//! revision (`/Rev.1`) is the whole text again, shown by its symbol alone.

use crate::compose::locale::Locale;
use crate::doc::{Block, Inline};
use crate::error::Error;
use crate::load::{Seg, SourceFile};
use crate::model::{Correction, Report};

/// What the symbol says of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issue {
    /// The document itself.
    Original,
    /// `/Add.N`.
    Addendum(u32),
    /// `/Corr.N`.
    Corrigendum(u32),
    /// `/Rev.N`.
    Revision(u32),
}

impl Issue {
    /// The issue of the document `symbol` names. A component that only
    /// looks like a suffix ("Add.x") is not one.
    pub fn of(symbol: &str) -> Issue {
        let last = symbol.trim().rsplit('/').next().unwrap_or("");
        let number = |prefix: &str| {
            last.strip_prefix(prefix)
                .filter(|n| !n.is_empty() && !n.starts_with('0') && n.len() <= 3)
                .and_then(|n| n.parse::<u32>().ok())
        };
        if let Some(n) = number("Add.") {
            Issue::Addendum(n)
        } else if let Some(n) = number("Corr.") {
            Issue::Corrigendum(n)
        } else if let Some(n) = number("Rev.") {
            Issue::Revision(n)
        } else {
            Issue::Original
        }
    }
}

/// The body of a corrigendum from its data: each correction a numbered
/// paragraph naming the place ("1. Paragraph 73"), then the instruction
/// ("The third sentence should read") and the new words, unnumbered.
pub fn corrections_body(corrections: &[Correction], locale: &Locale) -> Vec<Block> {
    let text = |s: &str| vec![Inline::Text(s.to_owned())];
    let mut out = Vec::new();
    for (i, c) in corrections.iter().enumerate() {
        out.push(Block::Paragraph {
            number: Some(locale.paragraph(i + 1)),
            content: text(&c.at),
        });
        out.push(Block::Preambular {
            content: text(&c.instruction),
        });
        if let Some(words) = &c.text {
            out.push(Block::Preambular {
                content: text(words),
            });
        }
    }
    out
}

/// The problems of how `report` says it is issued: corrections outside a
/// corrigendum, or a corrigendum with nothing to say.
pub fn problems(report: &Report, has_narrative: bool, file: &SourceFile) -> Vec<Error> {
    let issue = Issue::of(&report.symbol);
    let mut out = Vec::new();
    match issue {
        Issue::Corrigendum(_) if report.corrections.is_empty() && !has_narrative => out.push(
            Error::data(format!(
                "`{}` is a corrigendum, but the data gives no `corrections`",
                report.symbol
            ))
            .at(file.locate(&[Seg::Key("symbol")]))
            .hint("list them: `corrections: [{at: \"Paragraph 73\", instruction: \"The third sentence should read\", text: \"…\"}]`, or write the body in report.<lang>.md"),
        ),
        Issue::Corrigendum(_) => {}
        _ if !report.corrections.is_empty() => out.push(
            Error::data(format!(
                "`corrections` belong to a corrigendum, and `{}` is not one",
                report.symbol
            ))
            .at(file.locate(&[Seg::Key("corrections")]))
            .hint("a corrigendum's symbol ends in `/Corr.1` (`/Corr.2`, …): give it that symbol, or remove `corrections`"),
        ),
        _ => {}
    }
    if let Some(note) = &report.reissued {
        if note.trim().is_empty() {
            out.push(
                Error::data("`reissued` is empty")
                    .at(file.locate(&[Seg::Key("reissued")]))
                    .hint("give the note the asterisk cites, e.g. \"Reissued for technical reasons on 5 April 2016.\""),
            );
        }
    }
    out
}

/// The marks of the notes at the foot of page 1, in page order: "*", "**", …
pub fn mark(index: usize) -> String {
    "*".repeat(index + 1)
}

/// `job` with `mark` after its number and before the language letter:
/// "16-03552 (E)" becomes "16-03552* (E)".
pub fn marked_job_number(job: &str, mark: &str) -> String {
    match job.find(" (") {
        Some(i) => format!("{}{mark}{}", &job[..i], &job[i..]),
        None => format!("{job}{mark}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_symbol_says_how_a_document_is_issued() {
        assert_eq!(Issue::of("S/2002/432/Add.1"), Issue::Addendum(1));
        assert_eq!(Issue::of("A/67/79/Add.12"), Issue::Addendum(12));
        assert_eq!(Issue::of("S/2001/983/Corr.1"), Issue::Corrigendum(1));
        assert_eq!(Issue::of("S/2017/95/Rev.1"), Issue::Revision(1));
        for original in [
            "E/CN.15/2017/7",
            "A/72/L.18",
            "S/2019/805",
            "A/72/Add.",
            "A/72/Add.01",
            "Add.1x",
        ] {
            assert_eq!(Issue::of(original), Issue::Original, "{original}");
        }
    }

    #[test]
    fn the_reissue_mark_goes_before_the_language_letter() {
        assert_eq!(marked_job_number("16-03552 (E)", "*"), "16-03552* (E)");
        assert_eq!(marked_job_number("V.17-01234", "*"), "V.17-01234*");
        assert_eq!(mark(1), "**");
    }

    fn located(yaml: &str, narrative: bool) -> Vec<(usize, String)> {
        let mut file = SourceFile::new(
            "report.en.yaml",
            format!("date: 2003-04-10\nlanguage: en\noriginal: en\norgan: security-council\ntitle: T\n{yaml}"),
        );
        let report: Report = file.parse().unwrap();
        problems(&report, narrative, &file)
            .into_iter()
            .map(|e| (e.location.map_or(0, |l| l.line), e.message))
            .collect()
    }

    #[test]
    fn corrections_go_with_a_corrigendum_and_a_corrigendum_has_some() {
        let fix = "corrections: [{at: Paragraph 73, instruction: Delete it}]\n";
        assert!(located(&format!("symbol: S/2003/393/Corr.1\n{fix}"), false).is_empty());
        let stray = located(&format!("symbol: S/2003/393\n{fix}"), false);
        assert_eq!(stray.len(), 1, "{stray:?}");
        assert_eq!(stray[0].0, 7);
        assert!(stray[0].1.contains("is not one"));
        let bare = located("symbol: S/2003/393/Corr.1\n", false);
        assert_eq!(bare.len(), 1, "{bare:?}");
        assert_eq!(bare[0].0, 6);
        // The office may write a corrigendum's body itself.
        assert!(located("symbol: S/2003/393/Corr.1\n", true).is_empty());
        let empty = located("symbol: S/2003/393*\nreissued: \" \"\n", false);
        assert_eq!(empty.len(), 1, "{empty:?}");
        assert_eq!(empty[0].0, 7);
    }

    #[test]
    fn a_corrigendum_body_numbers_the_places_only() {
        let body = corrections_body(
            &[
                Correction {
                    at: "Paragraph 73".into(),
                    instruction: "The third sentence should read".into(),
                    text: Some("New words.".into()),
                },
                Correction {
                    at: "Paragraph 80".into(),
                    instruction: "Delete the last sentence".into(),
                    text: None,
                },
            ],
            &Locale::load(&crate::assets::Assets::embedded(), crate::model::Lang::En).unwrap(),
        );
        let numbers: Vec<_> = body
            .iter()
            .map(|b| match b {
                Block::Paragraph { number, .. } => number.clone(),
                _ => None,
            })
            .collect();
        assert_eq!(
            numbers,
            [Some("1.".into()), None, None, Some("2.".into()), None]
        );
    }
}
