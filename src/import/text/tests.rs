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

// Spanish, Russian, Arabic and Chinese. These texts are constructed in the
// layout `pdftotext -raw` gives a UN resolution (masthead, heading, formula,
// numbered paragraphs, letters, meeting line, notes after a rule) to test
// the mechanisms one by one; they are not UN texts. Real printed texts are
// the fixtures' business (tests/fixtures/import/README.md).

fn all_languages() -> Vec<Lexicon> {
    crate::import::lexicons(&Assets::embedded()).unwrap()
}

fn run_any(text: &str) -> Import {
    import(text, Path::new("t.txt"), &all_languages()).unwrap()
}

fn leads(r: &Resolution) -> (Vec<&str>, Vec<&str>) {
    (
        r.preamble.iter().map(|p| p.lead.as_str()).collect(),
        r.operative.iter().map(|p| p.lead.as_str()).collect(),
    )
}

fn subs(r: &Resolution) -> Vec<(&str, &str)> {
    r.operative
        .iter()
        .flat_map(|p| &p.subparagraphs)
        .map(|s| (s.letter.as_str(), s.text.as_str()))
        .collect()
}

#[test]
fn a_chinese_text_has_leads_without_spaces_and_lines_joined_without_them() {
    let text = "联合国 A/RES/79/69\n大会 Distr.: General\n2024年12月9日\n24-23084 (C)\n*2423084*\n第七十九届会议\n议程项目99(g)\n联合国裁军信息方案\n大会2024年12月2日通过的决议\n[根据第一委员会的报告(A/79/409，第21段)通过]\n79/69. 联合国裁军信息方案\n大会，\n回顾其1982年决定发起世界裁军运动，1\n又注意到秘书长的报告，2\n1. 决定继续执行该方案；\n2. 请秘书长：\n(a) 提交报告；\n(b) 继续开展\n活动。\n第44次全体会议\n2024年12月2日\n__________________\n1 见大会正式记录。\n2 A/79/98。\n";
    let i = run_any(text);
    let r = &i.resolution;
    assert_eq!(r.language, Lang::Zh);
    assert_eq!(r.organ, Organ::GeneralAssembly);
    assert_eq!(
        (r.number.as_str(), r.title.as_str()),
        ("79/69", "联合国裁军信息方案")
    );
    assert_eq!(r.formula, "大会，");
    assert_eq!(r.date, Date::new(2024, 12, 2));
    assert_eq!(
        r.committee.as_deref(),
        Some("根据第一委员会的报告(A/79/409，第21段)通过")
    );
    assert_eq!(
        r.agenda_item.as_ref().map(|a| a.number.as_str()),
        Some("99(g)")
    );
    assert_eq!(leads(r), (vec!["回顾", "又注意到"], vec!["决定", "请"]));
    // A figure of a year is no marker; the notes' numbers after a sign are.
    assert_eq!(r.preamble[0].text, "其1982年决定发起世界裁军运动，[^1]");
    assert_eq!(r.preamble[1].text, "秘书长的报告，[^2]");
    assert_eq!(subs(r), [("a", "提交报告；"), ("b", "继续开展活动。")]);
    assert_eq!(r.footnotes.len(), 2);
    assert_eq!(
        r.meeting.as_ref().map(|m| (m.name.as_str(), m.date)),
        Some(("第44次全体会议", Date::new(2024, 12, 2).unwrap()))
    );
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}

#[test]
fn chinese_figures_of_dates_counts_and_symbols_are_no_markers() {
    let mut cites = Cites::new(&[("1".into(), "n".into(), 1), ("2".into(), "n".into(), 2)]);
    assert_eq!(
        cjk_markers("大会2000年12月18日第55/162号决议和17个目标", &mut cites),
        "大会2000年12月18日第55/162号决议和17个目标"
    );
    assert_eq!(
        cjk_markers("《公约》1和《议定书》2，", &mut cites),
        "《公约》[^1]和《议定书》[^2]，"
    );
}

const ARABIC: &str = "الأمم المتحدة A/RES/79/69\nالجمعية العامة Distr.: General\n9 December 2024\n24-23084 (A)\n*2423084*\nالدورة التاسعة والسبعون\nالبند 99 (ز) من جدول الأعمال\nبرنامج الأمم المتحدة للمعلومات المتعلقة بنزع السلاح\nقرار اتخذته الجمعية العامة في 2 كانون الأول/ديسمبر 2024\n[بناء على تقرير اللجنة الأولى (A/79/409، الفقرة 21)]\n79/69 - برنامج الأمم المتحدة للمعلومات المتعلقة بنزع السلاح\nإن الجمعية العامة،\nإذ تشير إلى قرارها 37/100،\nوإذ ترحب بتقرير الأمين العام،\n1 - تقرر مواصلة البرنامج؛\n2 - تطلب أيضا إلى الأمين العام ما يلي:\n(أ) أن يقدم تقريرا؛\n(ب) أن يواصل\nأنشطته.\nالجلسة العامة 44\n2 كانون الأول/ديسمبر 2024\n";

fn check_arabic(i: &Import) {
    let r = &i.resolution;
    assert_eq!(r.language, Lang::Ar);
    assert_eq!(r.organ, Organ::GeneralAssembly);
    assert_eq!(r.number, "79/69");
    assert_eq!(r.title, "برنامج الأمم المتحدة للمعلومات المتعلقة بنزع السلاح");
    assert_eq!(r.date, Date::new(2024, 12, 2));
    assert_eq!(
        r.agenda_item.as_ref().map(|a| a.number.as_str()),
        Some("99 (ز)")
    );
    assert_eq!(
        leads(r),
        (vec!["إذ تشير", "وإذ ترحب"], vec!["تقرر", "تطلب أيضا"])
    );
    // "(أ)", "(ب)" are the model's a and b.
    assert_eq!(
        subs(r),
        [("a", "أن يقدم تقريرا؛"), ("b", "أن يواصل أنشطته.")]
    );
    assert_eq!(
        r.meeting.as_ref().map(|m| (m.name.as_str(), m.date)),
        Some(("الجلسة العامة 44", Date::new(2024, 12, 2).unwrap()))
    );
}

#[test]
fn an_arabic_text_numbers_with_dashes_and_letters_in_abjad_order() {
    let i = run_any(ARABIC);
    check_arabic(&i);
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}

#[test]
fn an_arabic_text_in_visual_order_is_turned_round_with_a_warning() {
    // Each line as an extractor writing visual order gives it.
    let visual = rtl::logical_text(ARABIC);
    assert!(visual.contains("،ةماعلا ةيعمجلا نإ"));
    let i = run_any(&visual);
    check_arabic(&i);
    assert_eq!(i.warnings.len(), 1, "{:?}", i.warnings);
    assert!(i.warnings[0].message.contains("visual order"));
    // With --lang ar too (the formula then does not choose the language).
    let ar = Lexicon::load(&Assets::embedded(), Lang::Ar).unwrap();
    check_arabic(&import(&visual, Path::new("t.txt"), &[ar]).unwrap());
}

#[test]
fn a_russian_council_resolution_with_its_adoption_line_over_two_lines() {
    let text = "Организация Объединенных Наций S/RES/1498 (2003)\nСовет Безопасности Distr.: General\n4 August 2003\n03-00000 (R)\nРезолюция 1498 (2003)\nПринята Советом Безопасности на его 4804-м заседании\n4 августа 2003 года\nСовет Безопасности,\nвновь подтверждая свои предыдущие резолюции,\nприветствуя усилия,\n1. постановляет продлить мандат;\n2. просит также Генерального секретаря:\na) представить доклад;\nb) продолжать\nусилия;\n3. постановляет продолжать активно заниматься этим вопросом.\n";
    let i = run_any(text);
    let r = &i.resolution;
    assert_eq!(r.language, Lang::Ru);
    assert_eq!(
        (r.organ, r.number.as_str()),
        (Organ::SecurityCouncil, "1498 (2003)")
    );
    assert_eq!(r.date, Date::new(2003, 8, 4));
    assert_eq!(
        r.meeting.as_ref().map(|m| m.name.as_str()),
        Some("4804-м заседании")
    );
    assert_eq!(
        leads(r),
        (
            vec!["вновь подтверждая", "приветствуя"],
            vec!["постановляет", "просит также", "постановляет"]
        )
    );
    assert_eq!(
        subs(r),
        [("a", "представить доклад;"), ("b", "продолжать усилия;")]
    );
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}

#[test]
fn a_spanish_assembly_resolution_with_its_heading_on_one_line() {
    let text = "Naciones Unidas A/RES/79/69\nAsamblea General Distr. general\n9 de diciembre de 2024\n24-23084 (S)\n*2423084*\nSeptuagésimo noveno período de sesiones\nTema 99 g) del programa\nPrograma de Información de las Naciones Unidas sobre Desarme\nResolución aprobada por la Asamblea General el 2 de diciembre de 2024\n[sobre la base del informe de la Primera Comisión (A/79/409, párr. 21)]\n79/69. Programa de Información de las Naciones Unidas sobre Desarme\nLa Asamblea General,\nRecordando su decisión de 1982,\nAcogiendo con beneplácito el informe del Secretario General1,\n1. Decide continuar el programa;\n2. Solicita también al Secretario General que:\na) Presente un informe;\nb) Siga\ncolaborando.\n44ª sesión plenaria\n2 de diciembre de 2024\n__________________\n1 A/79/98.\n";
    let i = run_any(text);
    let r = &i.resolution;
    assert_eq!(r.language, Lang::Es);
    assert_eq!(r.date, Date::new(2024, 12, 2));
    assert_eq!(
        r.agenda_item.as_ref().map(|a| a.number.as_str()),
        Some("99 g)")
    );
    assert_eq!(
        leads(r),
        (
            vec!["Recordando", "Acogiendo con beneplácito"],
            vec!["Decide", "Solicita también"]
        )
    );
    assert_eq!(r.preamble[1].text, "el informe del Secretario General[^1],");
    assert_eq!(
        subs(r),
        [("a", "Presente un informe;"), ("b", "Siga colaborando.")]
    );
    assert_eq!(
        r.meeting.as_ref().map(|m| (m.name.as_str(), m.date)),
        Some(("44ª sesión plenaria", Date::new(2024, 12, 2).unwrap()))
    );
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}

#[test]
fn english_and_french_are_still_chosen_among_six_languages() {
    let en = "1/1. Title\n\nThe General Assembly,\n\n Recalling its resolutions,\n\n 1. Decides to act.\n";
    assert_eq!(run_any(en).resolution.language, Lang::En);
    let fr = "1/1. Titre\n\nL’Assemblée générale,\n\n Rappelant ses résolutions,\n\n 1. Décide d’agir.\n";
    assert_eq!(run_any(fr).resolution.language, Lang::Fr);
}
