//! Tests of each organ's first page and of the checks on its data.

use super::*;

fn report(yaml: &str) -> (Report, SourceFile) {
    let mut file = SourceFile::new("report.en.yaml", yaml);
    let report = file.parse().unwrap();
    (report, file)
}

const HEAD: &str =
    "symbol: S/2019/805\ndate: 2019-10-09\nlanguage: en\noriginal: en\ntitle: A mission\n";

#[test]
fn a_security_council_report_needs_no_session_and_takes_none() {
    let (r, f) = report(&format!("{HEAD}organ: security-council\n"));
    assert!(problems(&r, &f).is_empty());
    let en = Locale::load(&crate::assets::Assets::embedded(), crate::model::Lang::En).unwrap();
    let fp = first_page(&r, &en, &en);
    assert!(fp.session.is_empty() && fp.agenda_line.is_none());
    assert_eq!(
        fp.subtitle.as_deref(),
        Some("Report of the Secretary-General")
    );

    let (r, f) = report(&format!(
        "{HEAD}organ: security-council\nagenda: {{number: 3, title: T}}\n"
    ));
    let found = problems(&r, &f);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("no `agenda` block"));
    assert_eq!(found[0].location.as_ref().unwrap().line, 7);
}

#[test]
fn other_organs_need_session_agenda_and_summary_named_at_once() {
    let (r, f) = report(&format!("{HEAD}organ: general-assembly\n"));
    let found = problems(&r, &f);
    assert_eq!(found.len(), 1, "{found:?}");
    for key in ["`session`", "`agenda`", "`summary`"] {
        assert!(found[0].message.contains(key), "{}", found[0].message);
    }
}

#[test]
fn contents_follow_the_data_then_the_organ() {
    let locale = Locale::load(&crate::assets::Assets::embedded(), crate::model::Lang::En).unwrap();
    let chapter = || Block::Heading {
        level: 1,
        number: None,
        content: vec![],
    };
    let three = vec![chapter(), chapter(), chapter()];
    let has = |yaml: &str, body: &[Block]| {
        let (r, _) = report(&format!("{HEAD}{yaml}"));
        front_matter(&r, &locale, body).contains(&Block::Contents)
    };
    assert!(!has("organ: security-council\n", &three));
    assert!(has("organ: security-council\ncontents: on\n", &three));
    assert!(has("organ: general-assembly\n", &three));
    assert!(!has("organ: general-assembly\n", &three[..2]));
    assert!(!has("organ: general-assembly\ncontents: off\n", &three));
}

fn page(yaml: &str, lang: crate::model::Lang) -> FirstPage {
    page_of("S/2019/805", yaml, lang)
}

const GA: &str =
    "organ: general-assembly\nsummary: [Why.]\nsession: {name: Seventy-second session}\n";

#[test]
fn a_general_assembly_item_on_the_provisional_agenda_has_its_note() {
    let fp = page(
        &format!(
            "{GA}agenda: {{number: 20 (c), title: Sustainable development, symbol: A/72/150}}\n"
        ),
        crate::model::Lang::En,
    );
    assert_eq!(fp.session, ["Seventy-second session"]);
    assert_eq!(
        fp.agenda_line.as_deref(),
        Some("Item 20 (c) of the provisional agenda")
    );
    assert_eq!(fp.agenda_titles, ["Sustainable development"]);
    assert_eq!(fp.agenda_mark.as_deref(), Some("*"));
    assert_eq!(fp.notes, ["* A/72/150."]);

    let fp = page(
        &format!("{GA}agenda: {{number: 20 (c), title: T, symbol: A/72/50, stage: preliminary}}\n"),
        crate::model::Lang::Fr,
    );
    assert_eq!(
        fp.agenda_line.as_deref(),
        Some("Point 20 c) de la liste préliminaire")
    );
    assert_eq!(fp.notes, ["* A/72/50."]);
}

#[test]
fn an_adopted_agenda_has_no_note_and_several_items_are_listed() {
    let fp = page(
        &format!("{GA}agenda: {{number: 122, title: T, stage: adopted}}\n"),
        crate::model::Lang::En,
    );
    assert_eq!(fp.agenda_line.as_deref(), Some("Agenda item 122"));
    assert_eq!((fp.agenda_mark, fp.notes.len()), (None, 0));

    let items = "agenda:\n  stage: adopted\n  items:\n    - {number: 5 (a), title: First}\n    - {number: 6, title: Second}\n    - {number: 7, title: Third}\n";
    let fp = page(&format!("{GA}{items}"), crate::model::Lang::En);
    assert_eq!(
        fp.agenda_line.as_deref(),
        Some("Agenda items 5 (a), 6 and 7")
    );
    assert_eq!(fp.agenda_titles, ["First", "Second", "Third"]);
    let fp = page(&format!("{GA}{items}"), crate::model::Lang::Fr);
    assert_eq!(
        fp.agenda_line.as_deref(),
        Some("Points 5 a), 6 et 7 de l’ordre du jour")
    );
}

#[test]
fn the_economic_and_social_council_itself_cites_its_adopted_agenda() {
    let fp = page(
        "organ: economic-and-social-council\nsummary: [Why.]\nsession: {name: 2019 session, start: 2018-07-26, end: 2019-07-24}\nagenda: {number: 12 (h), title: Coordination}\n",
        crate::model::Lang::En,
    );
    assert_eq!(fp.organ, "Economic and Social Council");
    assert_eq!(fp.session, ["2019 session", "26 July 2018–24 July 2019"]);
    assert_eq!(fp.agenda_line.as_deref(), Some("Agenda item 12 (h)"));
    assert_eq!((fp.agenda_mark, fp.notes.len()), (None, 0));
}

/// The problems of `yaml` after `HEAD`, as (line, message) pairs.
fn located(yaml: &str) -> Vec<(usize, String)> {
    let (r, f) = report(&format!("{HEAD}{yaml}"));
    problems(&r, &f)
        .into_iter()
        .map(|e| (e.location.map_or(0, |l| l.line), e.message))
        .collect()
}

#[test]
fn agenda_and_session_mistakes_are_located() {
    // HEAD is five lines; GA adds three, so the agenda starts on line 9.
    let both = located(&format!(
        "{GA}agenda:\n  number: 6\n  title: T\n  items: [{{number: 7, title: U}}]\n"
    ));
    assert_eq!(both.len(), 1, "{both:?}");
    assert_eq!(both[0].0, 12);
    assert!(both[0].1.contains("both one item"), "{}", both[0].1);

    let untitled = located(&format!("{GA}agenda: {{number: 6}}\n"));
    assert_eq!(untitled.len(), 1, "{untitled:?}");
    assert_eq!(untitled[0].0, 9);
    assert!(untitled[0].1.contains("no `title`"));

    let noted = located(&format!(
        "{GA}agenda:\n  number: 6\n  title: T\n  stage: adopted\n  symbol: A/72/150\n"
    ));
    assert_eq!(noted.len(), 1, "{noted:?}");
    assert_eq!(noted[0].0, 13);
    assert!(noted[0].1.contains("adopted agenda"));

    let half = located(
        "organ: general-assembly\nsummary: [Why.]\nsession:\n  name: S\n  start: 2017-09-12\nagenda: {number: 6, title: T}\n",
    );
    assert_eq!(half.len(), 1, "{half:?}");
    assert_eq!(half[0].0, 10);
    assert!(half[0].1.contains("`start` but no `end`"));

    let backwards = located(
        "organ: general-assembly\nsummary: [Why.]\nsession:\n  name: S\n  start: 2017-09-12\n  end: 2017-09-01\nagenda: {number: 6, title: T}\n",
    );
    assert_eq!(backwards.len(), 1, "{backwards:?}");
    assert_eq!(backwards[0].0, 11);
    assert!(backwards[0]
        .1
        .contains("ends (2017-09-01) before it starts"));
}

#[test]
fn an_item_number_is_written_as_printed() {
    use crate::model::ItemNumber;
    for good in ["6", "20 (c)", "1234", "12 (aa)"] {
        assert!(ItemNumber::parse(good).is_ok(), "{good}");
    }
    for bad in [
        "", "06", "20(c)", "20 (C)", "20 (c", "item 6", "12345", "6 (abcd)",
    ] {
        assert!(ItemNumber::parse(bad).is_err(), "{bad}");
    }
}

/// The first page of a report with `symbol` in place of HEAD's.
fn page_of(symbol: &str, yaml: &str, lang: crate::model::Lang) -> FirstPage {
    let head = HEAD.replace("S/2019/805", symbol);
    let (r, f) = report(&format!("{head}{yaml}"));
    let found = problems(&r, &f);
    assert!(found.is_empty(), "{found:?}");
    let locale = Locale::load(&crate::assets::Assets::embedded(), lang).unwrap();
    first_page(&r, &locale, &locale)
}

#[test]
fn an_addendum_reissued_before_its_session_marks_symbol_then_agenda() {
    let fp = page_of(
        "A/72/156/Add.1",
        &format!(
            "{GA}agenda: {{number: 20, title: T, symbol: A/72/150}}\njob_number: 17-12001 (E)\nreissued: Reissued for technical reasons on 5 April 2017.\n"
        ),
        crate::model::Lang::En,
    );
    assert_eq!(fp.symbol, "A/72/156/Add.1");
    assert_eq!(fp.symbol_parts.1, "/72/156/Add.1*");
    assert_eq!(fp.agenda_mark.as_deref(), Some("**"));
    assert_eq!(
        fp.notes,
        [
            "* Reissued for technical reasons on 5 April 2017.",
            "** A/72/150."
        ]
    );
    assert_eq!(fp.job_number.as_deref(), Some("17-12001* (E)"));
    assert_eq!(fp.issue.as_deref(), Some("Addendum"));
    assert_eq!(fp.advance, None);
}

#[test]
fn a_corrigendum_a_revision_and_an_advance_version_say_so() {
    use crate::model::Lang::{En, Fr};
    let sc = "organ: security-council\n";
    let fp = page_of("S/2001/983/Corr.1", sc, En);
    assert_eq!(fp.issue.as_deref(), Some("Corrigendum"));
    assert_eq!(
        page_of("S/2001/983/Corr.1", sc, Fr).issue.as_deref(),
        Some("Rectificatif")
    );
    assert_eq!(
        page_of("S/2002/432/Add.1", sc, Fr).issue.as_deref(),
        Some("Additif")
    );
    // A revision is the whole text again: only its symbol shows it.
    let fp = page_of("S/2017/95/Rev.1", sc, En);
    assert_eq!((fp.issue, fp.symbol.as_str()), (None, "S/2017/95/Rev.1"));
    let fp = page_of(
        "S/2019/805",
        "organ: security-council\nadvance_unedited: true\n",
        En,
    );
    assert_eq!(fp.advance.as_deref(), Some("Advance unedited version"));
    assert!(fp.notes.is_empty() && fp.symbol_parts.1 == "/2019/805");
}

#[test]
fn the_job_number_carries_its_dates_as_ddmmyy_and_dates_need_a_number() {
    let fp = page_of(
        "S/2019/805",
        "organ: security-council\njob_number: 19-16958 (E)\njob_dates: [2019-10-11, 2019-10-14]\n",
        crate::model::Lang::En,
    );
    assert_eq!(
        fp.job_number.as_deref(),
        Some("19-16958 (E)\u{2003}\u{2003}111019\u{2003}\u{2003}141019")
    );
    assert_eq!(fp.symbol_parts, ("S".into(), "/2019/805".into()));
    let found = located("organ: security-council\njob_dates: [2019-10-11]\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 7);
    assert!(found[0].1.contains("job_dates"), "{found:?}");
}
