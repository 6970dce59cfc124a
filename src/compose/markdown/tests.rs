//! Tests of the Markdown reader.

use super::*;
use crate::assets::Assets;

fn parse(md: &str, lang: Lang) -> Result<Vec<Block>> {
    let locale = Locale::load(&Assets::embedded(), lang).unwrap();
    blocks(md, &locale, Path::new("t.md"), Lang::En, &|name| {
        Err(Error::data(format!("no insert {name}")))
    })
}

fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.into())]
}

#[test]
fn numbers_chapters_sections_and_paragraphs_across_chapters() {
    let b = parse(
        "# Intro\n\nOne.\n\n# Action\n\n## First\n\nTwo.\n\n## Second\n\nThree.\n",
        Lang::En,
    )
    .unwrap();
    assert_eq!(
        b,
        vec![
            Block::Heading {
                level: 1,
                number: Some("I.".into()),
                content: text("Intro")
            },
            Block::Paragraph {
                number: Some("1.".into()),
                content: text("One.")
            },
            Block::Heading {
                level: 1,
                number: Some("II.".into()),
                content: text("Action")
            },
            Block::Heading {
                level: 2,
                number: Some("A.".into()),
                content: text("First")
            },
            Block::Paragraph {
                number: Some("2.".into()),
                content: text("Two.")
            },
            Block::Heading {
                level: 2,
                number: Some("B.".into()),
                content: text("Second")
            },
            Block::Paragraph {
                number: Some("3.".into()),
                content: text("Three.")
            },
        ]
    );
}

#[test]
fn a_lone_section_loses_its_letter() {
    let b = parse(
        "# One\n\n## Only\n\nText.\n\n# Two\n\n## First\n\nA.\n\n## Second\n\nB.\n",
        Lang::En,
    )
    .unwrap();
    let numbers: Vec<Option<String>> = b
        .iter()
        .filter_map(|b| match b {
            Block::Heading { number, .. } => Some(number.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        numbers,
        [
            Some("I.".into()),
            None,
            Some("II.".into()),
            Some("A.".into()),
            Some("B.".into())
        ]
    );
}

#[test]
fn list_items_are_lettered_per_language() {
    let md = "Intro:\n\n- first;\n- second.\n";
    let en = parse(md, Lang::En).unwrap();
    assert!(matches!(&en[2], Block::SubParagraph { label, .. } if label == "(b)"));
    let fr = parse(md, Lang::Fr).unwrap();
    assert!(matches!(&fr[1], Block::SubParagraph { label, .. } if label == "a)"));
}

#[test]
fn footnotes_are_placed_where_cited() {
    let b = parse("Text.[^n] More.\n\n[^n]: The *note*.\n", Lang::En).unwrap();
    assert_eq!(b.len(), 1);
    let Block::Paragraph { content, .. } = &b[0] else {
        panic!("{b:?}")
    };
    assert_eq!(
        content[1],
        Inline::Note(vec![
            Inline::Text("The ".into()),
            Inline::Emph(text("note")),
            Inline::Text(".".into())
        ])
    );
}

#[test]
fn an_undefined_footnote_is_an_error() {
    let err = parse("Text.[^x]\n", Lang::En).unwrap_err();
    assert!(err.message.contains("[^x]"), "{err}");
}

#[test]
fn tables_keep_header_alignment_and_totals() {
    let b = parse(
        "| Donor | 2016 |\n|:--|--:|\n| A | 1 |\n| **Total** | **1** |\n",
        Lang::En,
    )
    .unwrap();
    let Block::Table(t) = &b[0] else {
        panic!("{b:?}")
    };
    assert_eq!(t.align, vec![Align::Left, Align::Right]);
    assert_eq!(t.header, vec![vec![text("Donor"), text("2016")]]);
    assert!(!t.rows[0].total && t.rows[1].total);
}

#[test]
fn escaped_text_prints_as_it_stands() {
    let hostile = "#read(\"/etc/passwd\") $x$ *a* _b_ ] <lbl> @ref \\ {{ x }} {% x %} [^1] | `c`";
    let b = parse(&escape(hostile), Lang::En).unwrap();
    assert_eq!(
        b,
        vec![Block::Paragraph {
            number: Some("1.".into()),
            content: text(hostile)
        }]
    );
}

#[test]
fn raw_html_is_refused() {
    assert!(parse("<div>x</div>\n", Lang::En).is_err());
    assert!(parse("<!-- a comment -->\n\nText.\n", Lang::En).is_ok());
}

#[test]
fn roman_numerals() {
    assert_eq!(roman(4), "IV");
    assert_eq!(roman(14), "XIV");
}

fn annexes(b: &[Block]) -> Vec<(String, Option<String>)> {
    b.iter()
        .filter_map(|b| match b {
            Block::Annex {
                label, original, ..
            } => Some((label.clone(), original.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_lone_annex_has_no_number_and_several_are_numbered() {
    let one = parse("Body.\n\n# Troops {.annex}\n\nText.\n", Lang::En).unwrap();
    assert_eq!(annexes(&one), [("Annex".into(), None)]);
    let Block::Annex { title, .. } = &one[1] else {
        panic!("{one:?}")
    };
    assert_eq!(title, &text("Troops"));
    let two = parse("# A {.annex}\n\n# B {.annex}\n", Lang::Fr).unwrap();
    assert_eq!(
        annexes(&two),
        [("Annexe I".into(), None), ("Annexe II".into(), None)]
    );
}

#[test]
fn an_annex_in_another_language_says_so_and_one_in_the_reports_does_not() {
    let b = parse(
        "# From Paris {.annex original=fr}\n\n# From here {.annex original=en}\n",
        Lang::En,
    )
    .unwrap();
    assert_eq!(
        annexes(&b),
        [
            ("Annex I".into(), Some("[Original: French]".into())),
            ("Annex II".into(), None)
        ]
    );
}

#[test]
fn an_annex_numbers_its_chapters_and_paragraphs_anew() {
    let b = parse(
        "# Intro\n\nOne.\n\nTwo.\n\n# Troops {.annex}\n\n# Part\n\nFirst.\n",
        Lang::En,
    )
    .unwrap();
    let numbers: Vec<Option<String>> = b
        .iter()
        .filter_map(|b| match b {
            Block::Heading { number, .. } | Block::Paragraph { number, .. } => Some(number.clone()),
            _ => None,
        })
        .collect();
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        numbers,
        [some("I."), some("1."), some("2."), some("I."), some("1.")]
    );
}

#[test]
fn notes_are_numbered_in_the_body_lettered_in_annexes_and_under_tables() {
    let md = "Body.[^1]\n\n| A | B |\n|--|--|\n| x[^t] | y[^u] |\n\n\
              # One {.annex}\n\nText.[^2] More.[^3]\n\n# Two {.annex}\n\nAgain.[^2]\n\n\
              [^1]: Body note.\n[^2]: Annex note.\n[^3]: Third.\n[^t]: Table note.\n[^u]: Other.\n";
    let b = parse(md, Lang::En).unwrap();
    let content = |i: usize| match &b[i] {
        Block::Paragraph { content, .. } => content.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(content(0)[1], Inline::Note(text("Body note.")));
    let Block::Table(t) = &b[1] else {
        panic!("{b:?}")
    };
    assert_eq!(t.rows[0].cells[0][1], Inline::Super("a".into()));
    assert_eq!(t.rows[0].cells[1][1], Inline::Super("b".into()));
    let marks: Vec<&str> = t.notes.iter().map(|n| n.mark.as_str()).collect();
    assert_eq!(marks, ["a", "b"]);
    assert_eq!(t.notes[1].content, text("Other."));
    let marked = |m: &str, s: &str| Inline::MarkedNote {
        mark: m.into(),
        content: text(s),
    };
    let first = content(3);
    assert_eq!(
        (&first[1], &first[3]),
        (&marked("a", "Annex note."), &marked("b", "Third."))
    );
    // Each annex letters its notes from "a".
    assert_eq!(content(5)[1], marked("a", "Annex note."));
}

#[test]
fn heading_attributes_other_than_an_annex_are_refused_where_written() {
    for (md, says) in [
        ("# Title {.box}\n", "`.box`"),
        ("# Title {#id}\n", "`#id`"),
        ("## Title {.annex}\n", "`#` heading"),
        ("# Title {.annex original=xx}\n", "`xx`"),
        ("# Title {.annex lang=fr}\n", "`lang`"),
    ] {
        let err = parse(&format!("Text.\n\n{md}"), Lang::En).unwrap_err();
        assert!(err.message.contains(says), "{md}: {err}");
        assert!(err.to_string().contains("t.md:3:1"), "{md}: {err}");
    }
}

#[test]
fn data_cannot_make_an_annex() {
    let title = "Troops {.annex}";
    let b = parse(&format!("# {}\n", escape(title)), Lang::En).unwrap();
    assert!(
        matches!(&b[0], Block::Heading { content, .. } if content == &text(title)),
        "{b:?}"
    );
}

#[test]
fn a_line_break_in_chinese_is_no_space_and_elsewhere_one() {
    let b = parse(
        "本报告根据\n经济及社会理事会第\n2015/23号\n决议提交。\n\nThe report\nis submitted。\n",
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(
        b,
        vec![
            Block::Paragraph {
                number: Some("1.".into()),
                // Between a Han character and a figure the break stays a
                // space (typst spaces Han from Latin and figures anyway).
                content: text("本报告根据经济及社会理事会第 2015/23号决议提交。"),
            },
            Block::Paragraph {
                number: Some("2.".into()),
                content: text("The report is submitted。"),
            },
        ]
    );
}
