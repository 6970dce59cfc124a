use super::*;
use crate::error::Result;
use crate::model::{Progress, Resolution};

/// The first problem `check` finds, as a result.
fn first(check: impl FnOnce(&mut Vec<Error>)) -> Result<()> {
    let mut out = Vec::new();
    check(&mut out);
    match out.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile::new(name, text)
}

const RES: &str = "organ: economic-and-social-council\nnumber: \"2015/23\"\ndate: 2015-07-21\nlanguage: fr\ntitle: T\nformula: \"Le Conseil,\"\noperative:\n  - number: 1\n    lead: Prie\n    text: \"x[^1] ;\"\n  - number: 2\n    lead: Invite\n    text: y.\nfootnotes:\n  - marker: \"1\"\n    text: N.\n";

#[test]
fn a_consistent_resolution_passes() {
    let mut f = file("r.yaml", RES);
    let r: Resolution = f.parse().unwrap();
    first(|o| check_resolution(&r, &f, o)).unwrap();
}

#[test]
fn progress_for_a_missing_paragraph_names_it_and_the_range() {
    let mut f = file("r.yaml", RES);
    let r: Resolution = f.parse().unwrap();
    let mut pf = file(
        "p.yaml",
        "resolution: \"2015/23\"\nparagraphs:\n  - paragraph: 1\n    topic: a\n    status: completed\n  - paragraph: 12\n    topic: b\n    status: completed\n",
    );
    let p: Progress = pf.parse().unwrap();
    let err = first(|o| check_progress(&p, &pf, &r, &[], o)).unwrap_err();
    assert!(err.message.contains("paragraph 12"), "{err}");
    assert!(err.message.contains("1 to 2"), "{err}");
    assert_eq!(err.location.unwrap().line, 6);
}

const PROGRESS: &str = "resolution: \"2015/23\"\nstatuses:\n  - key: partially-implemented\n    label: {en: Partially implemented, fr: Partiellement exécuté}\nparagraphs:\n  - paragraph: 1\n    topic: a\n    status: partially-implemented\n  - paragraph: 2\n    subparagraph: a\n    topic: b\n    status: completed\n";

fn checked(progress: &str, others: &[&Resolution]) -> Result<()> {
    let mut f = file("r.yaml", RES);
    let r: Resolution = f.parse().unwrap();
    let mut pf = file("p.yaml", progress);
    let p: Progress = pf.parse().unwrap();
    first(|o| {
        check_statuses(
            &p.statuses,
            &[Lang::En, Lang::Fr],
            |j, key| pf.locate(&[Seg::Key("statuses"), Seg::Index(j), Seg::Key(key)]),
            o,
        );
        check_progress(&p, &pf, &r, others, o)
    })
}

#[test]
fn defined_statuses_may_be_used() {
    let text = PROGRESS.replace("    subparagraph: a\n", "");
    checked(&text, &[]).unwrap();
}

#[test]
fn an_undefined_status_is_located_and_the_nearest_suggested() {
    let text = PROGRESS.replace("    subparagraph: a\n", "").replace(
        "status: partially-implemented",
        "status: partialy-implemented",
    );
    let err = checked(&text, &[]).unwrap_err();
    assert_eq!(
        err.message,
        "progress entry 1 (paragraph 1) has the status `partialy-implemented`, which is not defined"
    );
    assert_eq!(
        err.location.as_deref().map(|l| (l.line, l.column)),
        Some((8, 5))
    );
    let hint = err.hint.unwrap();
    assert!(
        hint.starts_with("did you mean `partially-implemented`?"),
        "{hint}"
    );
    assert!(hint.contains("completed, in-progress, not-implemented, partially-implemented, not-applicable, no-indication"), "{hint}");
}

#[test]
fn status_definitions_are_checked() {
    let cases = [
        (
            "key: partially-implemented",
            "key: Partially implemented",
            "cannot be a status key",
        ),
        (
            "key: partially-implemented",
            "key: completed",
            "one of the five UN statuses",
        ),
        (
            "{en: Partially implemented, fr: Partiellement exécuté}",
            "{en: Partially implemented}",
            "no label in `fr`",
        ),
        (
            "{en: Partially implemented, fr: Partiellement exécuté}",
            "Partially implemented",
            "one label for every language",
        ),
        (
            "{en: Partially implemented, fr: Partiellement exécuté}",
            "{en: Partially implemented, fr: Achevé}",
            "reads as `Achevé`, which is already `completed`'s",
        ),
    ];
    for (from, to, said) in cases {
        let err = checked(&PROGRESS.replace(from, to), &[]).unwrap_err();
        assert!(err.message.contains(said), "{to}: {err}");
        let line = if to.starts_with("key") { 3 } else { 4 };
        assert_eq!(err.location.unwrap().line, line, "{to}");
    }
    let twice = PROGRESS.replace(
        "paragraphs:",
        "  - key: partially-implemented\n    label: {en: again, fr: encore}\nparagraphs:",
    );
    let err = checked(&twice, &[]).unwrap_err();
    assert!(err.message.contains("defined twice"), "{err}");
    assert_eq!(err.location.unwrap().line, 5);
}

#[test]
fn entries_about_other_resolutions_are_checked_against_them() {
    let other_text = RES
        .replace("2015/23", "2016/19")
        .replace("  - number: 2\n    lead: Invite\n    text: y.\n", "");
    let other: Resolution = file("o.yaml", &other_text).parse().unwrap();
    let base = PROGRESS.replace("    subparagraph: a\n", "");
    // Paragraph 2 of 2016/19, which has one paragraph.
    let text = base.replace(
        "  - paragraph: 2\n",
        "  - resolution: \"2016/19\"\n    paragraph: 2\n",
    );
    let err = checked(&text, &[&other]).unwrap_err();
    assert!(
        err.message
            .contains("resolution 2016/19 has paragraphs 1 to 1"),
        "{err}"
    );
    assert_eq!(err.location.unwrap().line, 10);
    // A resolution the folder lacks.
    let err = checked(&text, &[]).unwrap_err();
    assert!(
        err.message
            .contains("about resolution 2016/19, which is not in the folder"),
        "{err}"
    );
    assert_eq!(err.location.unwrap().line, 9);
    assert!(err.hint.unwrap().contains("2015/23"));
    // Written as a symbol.
    let symbol = text.replace("\"2016/19\"", "\"E/RES/2016/19\"");
    let err = checked(&symbol, &[&other]).unwrap_err();
    assert!(
        err.hint
            .as_deref()
            .unwrap()
            .starts_with("did you mean `2016/19`?"),
        "{err}"
    );
    // Paragraph 1 of each is no twin.
    let fine = base.replace(
        "  - paragraph: 2\n",
        "  - resolution: \"2016/19\"\n    paragraph: 1\n",
    );
    checked(&fine, &[&other]).unwrap();
}

#[test]
fn a_missing_subparagraph_is_located_among_entries_that_have_one() {
    let err = checked(PROGRESS, &[]).unwrap_err();
    assert!(
        err.message.contains("sub-paragraph (a) of paragraph 2"),
        "{err}"
    );
    assert_eq!(err.location.unwrap().line, 10);
}

#[test]
fn an_undefined_footnote_is_an_error() {
    let text = RES.replace("x[^1]", "x[^1] z[^9]");
    let mut f = file("r.yaml", &text);
    let r: Resolution = f.parse().unwrap();
    let err = first(|o| check_resolution(&r, &f, o)).unwrap_err();
    assert!(err.message.contains("[^9]"), "{err}");
    assert_eq!(err.location.unwrap().line, 10);
}

#[test]
fn a_numbering_gap_is_an_error() {
    let text = RES.replace("number: 2", "number: 3");
    let mut f = file("r.yaml", &text);
    let r: Resolution = f.parse().unwrap();
    assert!(first(|o| check_resolution(&r, &f, o))
        .unwrap_err()
        .message
        .contains("expected 2"));
}

#[test]
fn letters_run_on() {
    assert_eq!(letter(0), "a");
    assert_eq!(letter(25), "z");
    assert_eq!(letter(26), "aa");
}

#[test]
fn a_letter_s_rank_is_where_letter_puts_it() {
    for i in [0, 1, 25, 26, 27, 60] {
        assert_eq!(letter_rank(&letter(i)), Some(i));
    }
    for not in ["", "A", "ab", "أ", "—", "1"] {
        assert_eq!(letter_rank(not), None, "{not}");
    }
}
