//! Importing printed resolutions in Spanish, Russian, Arabic and Chinese.
//!
//! No printed resolution in these languages is in `tests/fixtures/import/`
//! yet: none could be found in a public source these tests may cite (its
//! README says where it was looked for). Until one is, these tests drive the
//! binary on texts constructed in the layout `pdftotext -raw` gives a UN
//! resolution (masthead, heading, formula, numbered paragraphs, letters,
//! meeting line, notes after a rule). They are not UN texts: they test that
//! each language is recognised from its formula, that its word lists, dates,
//! numbering and meeting lines are read, and that what is read goes through
//! Akoma Ntoso and back unchanged.

use std::path::Path;

use resolute::model::{Date, Lang, Organ, Resolution};

use crate::common::*;

/// A constructed text, and what its import must give.
struct Case {
    lang: Lang,
    text: &'static str,
    organ: Organ,
    formula: &'static str,
    date: (i32, u8, u8),
    preamble_leads: &'static [&'static str],
    operative_leads: &'static [&'static str],
    subparagraphs: usize,
    footnotes: usize,
    meeting: Option<&'static str>,
}

const CASES: [Case; 4] = [
    Case {
        lang: Lang::Es,
        text: "Naciones Unidas A/RES/79/69\nAsamblea General Distr. general\n9 de diciembre de 2024\n24-23084 (S)\n*2423084*\nSeptuagésimo noveno período de sesiones\nTema 99 g) del programa\nPrograma de Información de las Naciones Unidas sobre Desarme\nResolución aprobada por la Asamblea General\nel 2 de diciembre de 2024\n[sobre la base del informe de la Primera Comisión (A/79/409, párr. 21)]\n79/69. Programa de Información de las Naciones Unidas sobre Desarme\nLa Asamblea General,\nRecordando su decisión de 1982,\nAcogiendo con beneplácito el informe del Secretario General1,\n1. Decide continuar el programa;\n2. Solicita también al Secretario General que:\na) Presente un informe;\nb) Siga\ncolaborando.\n44ª sesión plenaria\n2 de diciembre de 2024\n__________________\n1 A/79/98.\n",
        organ: Organ::GeneralAssembly,
        formula: "La Asamblea General,",
        date: (2024, 12, 2),
        preamble_leads: &["Recordando", "Acogiendo con beneplácito"],
        operative_leads: &["Decide", "Solicita también"],
        subparagraphs: 2,
        footnotes: 1,
        meeting: Some("44ª sesión plenaria"),
    },
    Case {
        lang: Lang::Ru,
        text: "Организация Объединенных Наций S/RES/1498 (2003)\nСовет Безопасности Distr.: General\n4 August 2003\n03-00000 (R)\nРезолюция 1498 (2003)\nПринята Советом Безопасности на его 4804-м заседании\n4 августа 2003 года\nСовет Безопасности,\nвновь подтверждая свои предыдущие резолюции,\nприветствуя усилия,\n1. постановляет продлить мандат;\n2. просит также Генерального секретаря:\na) представить доклад;\nb) продолжать\nусилия;\n3. постановляет продолжать активно заниматься этим вопросом.\n",
        organ: Organ::SecurityCouncil,
        formula: "Совет Безопасности,",
        date: (2003, 8, 4),
        preamble_leads: &["вновь подтверждая", "приветствуя"],
        operative_leads: &["постановляет", "просит также", "постановляет"],
        subparagraphs: 2,
        footnotes: 0,
        meeting: Some("4804-м заседании"),
    },
    Case {
        lang: Lang::Ar,
        text: "الأمم المتحدة A/RES/79/69\nالجمعية العامة Distr.: General\n9 December 2024\n24-23084 (A)\n*2423084*\nالدورة التاسعة والسبعون\nالبند 99 (ز) من جدول الأعمال\nبرنامج الأمم المتحدة للمعلومات المتعلقة بنزع السلاح\nقرار اتخذته الجمعية العامة\nفي 2 كانون الأول/ديسمبر 2024\n79/69 - برنامج الأمم المتحدة للمعلومات المتعلقة بنزع السلاح\nإن الجمعية العامة،\nإذ تشير إلى قرارها 37/100،\nوإذ ترحب بتقرير الأمين العام،\n1 - تقرر مواصلة البرنامج؛\n2 - تطلب أيضا إلى الأمين العام ما يلي:\n(أ) أن يقدم تقريرا؛\n(ب) أن يواصل\nأنشطته.\nالجلسة العامة 44\n2 كانون الأول/ديسمبر 2024\n",
        organ: Organ::GeneralAssembly,
        formula: "إن الجمعية العامة،",
        date: (2024, 12, 2),
        preamble_leads: &["إذ تشير", "وإذ ترحب"],
        operative_leads: &["تقرر", "تطلب أيضا"],
        subparagraphs: 2,
        footnotes: 0,
        meeting: Some("الجلسة العامة 44"),
    },
    Case {
        lang: Lang::Zh,
        text: "联合国 S/RES/1498 (2003)\n安全理事会 Distr.: General\n4 August 2003\n03-00000 (C)\n第1498(2003)号决议\n2003年8月4日安全理事会第4804次会议通过\n安全理事会，\n重申其以往各项决议，1\n欢迎各方作出的努力，\n1. 决定延长任务期限；\n2. 请秘书长：\n(a) 提交报告；\n(b) 继续开展\n工作；\n3. 决定继续积极处理此案。\n__________________\n1 见S/2003/99。\n",
        organ: Organ::SecurityCouncil,
        formula: "安全理事会，",
        date: (2003, 8, 4),
        preamble_leads: &["重申", "欢迎"],
        operative_leads: &["决定", "请", "决定"],
        subparagraphs: 2,
        footnotes: 1,
        meeting: Some("第4804次会议"),
    },
];

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn read_model(path: &str) -> Resolution {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn check(case: &Case, r: &Resolution) {
    let what = case.lang;
    assert_eq!(r.language, case.lang, "{what}");
    assert_eq!(
        (r.organ, r.formula.as_str()),
        (case.organ, case.formula),
        "{what}"
    );
    assert_eq!(
        r.date,
        Date::new(case.date.0, case.date.1, case.date.2),
        "{what}"
    );
    let pre: Vec<&str> = r.preamble.iter().map(|p| p.lead.as_str()).collect();
    let op: Vec<&str> = r.operative.iter().map(|p| p.lead.as_str()).collect();
    assert_eq!(
        (pre.as_slice(), op.as_slice()),
        (case.preamble_leads, case.operative_leads),
        "{what}"
    );
    let numbers: Vec<u32> = r.operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=op.len() as u32).collect::<Vec<_>>(), "{what}");
    let letters: Vec<&str> = r
        .operative
        .iter()
        .flat_map(|p| &p.subparagraphs)
        .map(|s| s.letter.as_str())
        .collect();
    assert_eq!(letters, ["a", "b"][..case.subparagraphs], "{what}");
    assert_eq!(r.footnotes.len(), case.footnotes, "{what}");
    assert_eq!(r.citations().len(), case.footnotes, "{what}");
    assert_eq!(
        r.meeting.as_ref().map(|m| m.name.as_str()),
        case.meeting,
        "{what}"
    );
}

#[test]
fn each_language_is_told_by_its_formula_and_read_with_its_word_lists() {
    let dir = tempfile::tempdir().unwrap();
    for case in &CASES {
        let input = write(dir.path(), &format!("{}.txt", case.lang), case.text);
        let yaml = dir.path().join(format!("{}.yaml", case.lang));
        let out = resolute(&["import", &input, "-o", yaml.to_str().unwrap()]);
        assert!(out.status.success(), "{}: {}", case.lang, stderr(&out));
        check(case, &read_model(yaml.to_str().unwrap()));
        // Nothing left unread: no warning in the report.
        let out = resolute(&["import", &input, "--report"]);
        let err = stderr(&out);
        assert!(
            out.status.success() && err.contains("; 0 warnings") && !err.contains("warning:"),
            "{}: {err}",
            case.lang
        );
    }
}

#[test]
fn each_language_goes_through_akoma_ntoso_and_back() {
    let dir = tempfile::tempdir().unwrap();
    for case in &CASES {
        let input = write(dir.path(), &format!("{}.txt", case.lang), case.text);
        let yaml = dir.path().join(format!("{}.yaml", case.lang));
        let yaml = yaml.to_str().unwrap();
        assert!(resolute(&["import", &input, "-o", yaml]).status.success());
        let xml = format!("{yaml}.xml");
        let out = resolute(&["export", yaml, "--to", "akn", "-o", &xml]);
        assert!(out.status.success(), "{}: {}", case.lang, stderr(&out));
        let back = format!("{yaml}.back.yaml");
        let out = resolute(&["import", &xml, "-o", &back]);
        assert!(out.status.success(), "{}: {}", case.lang, stderr(&out));
        assert_eq!(read_model(yaml), read_model(&back), "{}", case.lang);
    }
}

#[test]
fn an_arabic_text_in_visual_order_is_read_turned_round_and_reported() {
    let case = &CASES[2];
    // Each line as an extractor that writes visual order gives it: the
    // Arabic reversed, the Latin and figure runs left to right.
    let visual: String = case
        .text
        .lines()
        .map(|l| {
            let reversed: Vec<char> = l.chars().rev().collect();
            let mut out = String::new();
            let mut run = String::new();
            for c in reversed {
                if c.is_ascii_alphanumeric() || (!run.is_empty() && "/-(). ".contains(c)) {
                    run.insert(0, c);
                } else {
                    out.push_str(run.trim_start());
                    if run.starts_with(' ') {
                        out.push(' ');
                    }
                    run.clear();
                    out.push(c);
                }
            }
            out.push_str(&run);
            out
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(visual.contains("،ةماعلا ةيعمجلا نإ"), "{visual}");
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "visual.txt", &visual);
    for lang in [None, Some("ar")] {
        let yaml = dir.path().join("visual.yaml");
        let mut args = vec!["import", &input, "-o", yaml.to_str().unwrap(), "--report"];
        if let Some(l) = lang {
            args.extend(["--lang", l]);
        }
        let out = resolute(&args);
        let err = stderr(&out);
        assert!(out.status.success(), "{err}");
        assert!(err.contains("visual order"), "{err}");
        check(case, &read_model(yaml.to_str().unwrap()));
    }
}

#[test]
fn mangled_texts_in_these_languages_give_a_model_or_an_error() {
    // As `import::the_importer_survives_mangled_input` does for the fixtures:
    // cut, doubled, reversed and corrupted texts, with the signs these
    // languages add (full-width and Arabic punctuation, Arabic letters in
    // brackets), must never make the importer panic.
    let assets = resolute::Assets::embedded();
    let lexicons: Vec<_> = Lang::ALL
        .into_iter()
        .map(|l| resolute::Lexicon::load(&assets, l).unwrap())
        .collect();
    let mut seed: u64 = 0x0006_1a46;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    const SIGNS: [char; 14] = [
        '\n', '_', '1', ')', '(', '.', ' ', '-', '，', '。', '،', '(', 'أ', '年',
    ];
    for case in &CASES {
        let chars: Vec<char> = case.text.chars().collect();
        for _ in 0..300 {
            let mut c = chars.clone();
            for _ in 0..(1 + next() % 8) {
                let at = (next() as usize) % c.len().max(1);
                match next() % 5 {
                    0 => c.truncate(at),
                    1 => {
                        let end = (at + (next() as usize % 200)).min(c.len());
                        c.drain(at..end);
                    }
                    2 => c.insert(at.min(c.len()), SIGNS[next() as usize % SIGNS.len()]),
                    3 => {
                        let end = (at + (next() as usize % 300)).min(c.len());
                        let piece: Vec<char> = c[at..end].to_vec();
                        c.splice(at..at, piece);
                    }
                    _ => c.reverse(),
                }
            }
            let mangled: String = c.into_iter().collect();
            let _ = resolute::import_text(&mangled, Path::new("mangled.txt"), &lexicons);
            let _ = resolute::import_text(
                &mangled,
                Path::new("mangled.txt"),
                std::slice::from_ref(&lexicons[0]),
            );
        }
    }
}
