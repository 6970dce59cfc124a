//! Unit tests of the text importer.

use super::*;
use crate::assets::Assets;
use crate::model::Lang;

fn lexicons() -> Vec<Lexicon> {
    [Lang::Fr, Lang::En]
        .into_iter()
        .map(|l| Lexicon::load(&Assets::embedded(), l).unwrap())
        .collect()
}

fn run(text: &str) -> Result<Import> {
    import(text, Path::new("t.txt"), &lexicons())
}

#[test]
fn markers_glued_and_spaced() {
    let text = "1/1. Titre\n\n Le Conseil économique et social,\n\n Rappelant la Convention organisée1 et des\nenfants 2 , et personnes3,\n\n 1. Prie le Secrétaire général.\n_____\n1 Note un.\n2 Note deux.\n3 Note trois.\n";
    let i = run(text).unwrap();
    assert_eq!(
        i.resolution.preamble[0].text,
        "la Convention organisée[^1] et des enfants[^2], et personnes[^3],"
    );
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}

#[test]
fn line_break_hyphens_are_removed_except_in_compounds() {
    let text = "1/1. Titre\n\n Le Conseil économique et social,\n\n Rappelant les initiatives sous-\nrégionales et la coordi-\nnation à la soixante-\nneuvième session,\n\n 1. Prie le Secrétaire général.\n";
    let i = run(text).unwrap();
    assert_eq!(
        i.resolution.preamble[0].text,
        "les initiatives sous-régionales et la coordination à la soixante-neuvième session,"
    );
    assert_eq!(i.joins.len(), 3);
}

#[test]
fn a_document_with_a_job_number_keeps_every_line_end_hyphen() {
    // The same lines without and with a job number: the UN sets its documents
    // without hyphenation, so there "work-" + "planning" is "work-planning".
    let body = "\n\nThe General Assembly,\n\n Recalling its joint work-\nplanning sessions,\n\n 1. Decides to act.\n";
    let plain = run(&format!("1/1. Title{body}")).unwrap();
    assert_eq!(
        plain.resolution.preamble[0].text,
        "its joint workplanning sessions,"
    );
    let issued = run(&format!("23-26261 (E) 030124\n1/1. Title{body}")).unwrap();
    assert_eq!(
        issued.resolution.preamble[0].text,
        "its joint work-planning sessions,"
    );
    assert!(issued.joins.iter().all(|j| j.kept_hyphen));
}

#[test]
fn a_meeting_line_may_carry_a_qualifier_in_brackets() {
    let text = "1/1. Title\n\nThe General Assembly,\n\n 1. Decides to act.\n\n50th (resumed) plenary meeting\n22 December 2023\n";
    let i = run(text).unwrap();
    let r = &i.resolution;
    assert_eq!(r.operative[0].text, "to act.");
    assert_eq!(
        r.meeting.as_ref().map(|m| (m.name.as_str(), m.date)),
        Some((
            "50th (resumed) plenary meeting",
            Date::new(2023, 12, 22).unwrap()
        ))
    );
}

#[test]
fn furniture_is_dropped_and_reported() {
    let text = "United Nations\nS/RES/1/2000 (2000)\nSecurity Council\nDistr.: General\n4 December 2000\nResolution 1 (2000)\nAdopted by the Security Council at its 999th meeting, on 4 December 2000\n\nThe Security Council,\n\n Recalling its resolutions,\n\n 1. Decides to act;\n00-12345 (E)\n*0012345*\n\nS/RES/1/2000 (2000)\n2\n 2. Decides to remain seized of the matter.\n";
    let i = run(text).unwrap();
    let r = &i.resolution;
    assert_eq!(r.number, "1 (2000)");
    assert_eq!(r.organ, Organ::SecurityCouncil);
    assert_eq!(r.date, Date::new(2000, 12, 4));
    assert_eq!(r.meeting.as_ref().unwrap().name, "999th meeting");
    assert_eq!(r.operative.len(), 2);
    // Only the verb is italic in print.
    assert_eq!(r.operative[1].lead, "Decides");
    assert_eq!(r.operative[1].text, "to remain seized of the matter.");
    let kinds: Vec<&str> = i.dropped.iter().map(|d| d.kind).collect();
    assert!(
        kinds.contains(&"running head")
            && kinds.contains(&"job number")
            && kinds.contains(&"page number"),
        "{kinds:?}"
    );
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}

#[test]
fn clear_errors_for_unusable_input() {
    assert!(run("").unwrap_err().message.contains("empty"));
    assert!(run("\u{0}\u{1}PK\u{3}")
        .unwrap_err()
        .message
        .contains("binary"));
    let no_para = "1/1. Title\n\nThe General Assembly,\n\n Recalling things,\n";
    assert!(run(no_para)
        .unwrap_err()
        .message
        .contains("no numbered operative paragraph"));
    assert!(run("just some words\n")
        .unwrap_err()
        .message
        .contains("no enacting formula"));
}

#[test]
fn meeting_line_and_annex() {
    let text = "74/1. Title\n\nThe General Assembly,\n\n 1. Decides to adopt the annexed text.\n\n45th plenary meeting\n19 December 2019\n\nAnnex\n\nThe text\n\n First paragraph of the annex.\n\n Second paragraph.\n";
    let i = run(text).unwrap();
    let r = &i.resolution;
    assert_eq!(
        r.meeting.as_ref().map(|m| (m.name.as_str(), m.date)),
        Some(("45th plenary meeting", Date::new(2019, 12, 19).unwrap()))
    );
    assert_eq!(r.annexes.len(), 1);
    assert_eq!(r.annexes[0].title.as_deref(), Some("The text"));
    assert_eq!(
        r.annexes[0].paragraphs,
        ["First paragraph of the annex.", "Second paragraph."]
    );
    assert_eq!(r.operative[0].text, "to adopt the annexed text.");
}

#[test]
fn words_split_over_several_lines_are_joined_piece_by_piece() {
    let text = "1/1. Titre\n\n Le Conseil économique et social,\n\n Rappelant les anti-sous-\nrégionaux et la coordi-\nna-\ntion à la soixante-\nneuvième-\nsession,\n\n 1. Prie le Secrétaire général.\n";
    let i = run(text).unwrap();
    assert_eq!(
        i.resolution.preamble[0].text,
        "les anti-sous-régionaux et la coordination à la soixante-neuvièmesession,"
    );
    let joins: Vec<(&str, &str, bool)> = i
        .joins
        .iter()
        .map(|j| (j.left.as_str(), j.right.as_str(), j.kept_hyphen))
        .collect();
    assert_eq!(
        joins,
        [
            ("anti-sous", "régionaux", true),
            ("coordi", "na-", false),
            ("coordina", "tion", false),
            ("soixante", "neuvième-", true),
            ("soixante-neuvième", "session,", false),
        ]
    );
}

#[test]
fn a_word_run_over_very_many_lines_is_reported_in_short_pieces() {
    let lines = 2000;
    let text = format!(
        "1/1. Titre\n\n Le Conseil économique et social,\n\n Rappelant les a-\n{}fin,\n\n 1. Prie le Secrétaire général.\n",
        "a-\n".repeat(lines - 1)
    );
    let i = run(&text).unwrap();
    assert_eq!(
        i.resolution.preamble[0].text,
        format!("les {}fin,", "a".repeat(lines))
    );
    assert_eq!(i.joins.len(), lines);
    assert_eq!(i.joins[0].left, "a");
    assert_eq!(i.joins[99].left, "a".repeat(100));
    assert_eq!(i.joins[100].left, format!("…{}", "a".repeat(100)));
    assert!(i.joins.iter().all(|j| j.left.chars().count() <= 101));
}

#[test]
fn spaced_markers_follow_the_order_of_the_notes() {
    let text = "1/1. Titre\n\n Le Conseil économique et social,\n\n Rappelant les enfants 2 , et les femmes 1 , et les hommes 2 ,\n\n 1. Prie le Secrétaire général.\n_____\n1 Note un.\n2 Note deux.\n1 Note un encore.\n";
    let i = run(text).unwrap();
    assert_eq!(
        i.resolution.preamble[0].text,
        "les enfants 2 , et les femmes[^1], et les hommes[^2],"
    );
    let markers: Vec<&str> = i
        .resolution
        .footnotes
        .iter()
        .map(|f| f.marker.as_str())
        .collect();
    assert_eq!(markers, ["1", "2", "1b"]);
    let warnings: Vec<&str> = i.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        warnings,
        ["footnote 1 is defined twice; the second is kept as a separate note `1b`"]
    );
}

#[test]
fn roman_numerals() {
    let got: Vec<String> = [1, 4, 9, 14, 40, 90].into_iter().map(roman).collect();
    assert_eq!(got, ["I", "IV", "IX", "XIV", "XL", "XC"]);
}

#[test]
fn parts_numbered_afresh_with_headings_and_their_own_preamble() {
    let text = "72/1. Title\n\nThe General Assembly,\n\n Recalling things,\n\nI\n\nProgramme budget\n\n Noting the report,\n\n 1. Decides to act;\n\n 2. Requests more;\n\nII\n\nSpecial subjects\n\n 1. Approves the plan.\n\n45th plenary meeting\n19 December 2017\n";
    let i = run(text).unwrap();
    let r = &i.resolution;
    let shape: Vec<(&str, Option<&str>, usize, Vec<u32>)> = r
        .parts
        .iter()
        .map(|p| {
            (
                p.number.as_str(),
                p.heading.as_deref(),
                p.preamble.len(),
                p.operative.iter().map(|o| o.number).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("I", Some("Programme budget"), 1, vec![1, 2]),
            ("II", Some("Special subjects"), 0, vec![1]),
        ]
    );
    assert!(r.numbers_restart());
    assert_eq!(r.preamble.len(), 1);
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    // A lone "B" before any part "A" is no part: it stays text.
    let text =
        "1/1. Title\n\nThe General Assembly,\n\n 1. Decides to act;\n\nB\n\n 2. Requests more.\n";
    let r = run(text).unwrap().resolution;
    assert!(r.parts.is_empty());
}

#[test]
fn a_bare_figure_becomes_a_footnote_when_its_note_is_there() {
    let text = "1/1. Title\n\nThe General Assembly,\n\n Recalling the Conference held in Paris from 7 to 11 January 1989, 60 establishing the objective,\n\n 1. Decides to act.\n_____\n60 See A/44/88.\n";
    let i = run(text).unwrap();
    assert_eq!(
        i.resolution.preamble[0].text,
        "the Conference held in Paris from 7 to 11 January 1989,[^60] establishing the objective,"
    );
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    // Without the note: text, and a warning.
    let text = text.replace("_____\n60 See A/44/88.\n", "");
    let i = run(&text).unwrap();
    assert!(i.resolution.preamble[0]
        .text
        .contains("1989, 60 establishing"));
    assert_eq!(i.warnings.len(), 1, "{:?}", i.warnings);
}

#[test]
fn footnotes_without_a_rule_line_in_both_pdftotext_layouts() {
    // Plain pdftotext of a PDF whose separator is drawn: the numbers, then
    // the texts; and -layout: each number over its text.
    for notes in [
        "1\n2\n\nFirst note.\nSecond note.\n\n1/2\n",
        "1\n    First note.\n2\n    Second note.\n\n1/2\n",
    ] {
        let text = format!(
            "1/1. Title\n\nThe General Assembly,\n\n Recalling the Convention1 and the Protocol2,\n\n{notes}\u{c} 1. Decides to act.\n"
        );
        let i = run(&text).unwrap();
        let r = &i.resolution;
        assert_eq!(
            r.preamble[0].text,
            "the Convention[^1] and the Protocol[^2],"
        );
        let notes: Vec<(&str, &str)> = r
            .footnotes
            .iter()
            .map(|f| (f.marker.as_str(), f.text.as_str()))
            .collect();
        assert_eq!(notes, [("1", "First note."), ("2", "Second note.")]);
        assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    }
}

#[test]
fn a_line_end_hyphen_stays_when_the_text_has_the_hyphenated_word() {
    let text = "1/1. Title\n\nThe Security Council,\n\n Recalling the ex-combatants and the ex-\ncombatants, and the co-\noperation, and the recon-\nstruction, and 1990-\n1991,\n\n 1. Decides to act.\n";
    let r = run(text).unwrap().resolution;
    assert_eq!(
        r.preamble[0].text,
        "the ex-combatants and the ex-combatants, and the co-operation, and the reconstruction, and 1990-1991,"
    );
}
