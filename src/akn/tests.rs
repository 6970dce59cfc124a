use std::collections::HashSet;
use std::path::Path;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{from_akn, to_akn};
use crate::model::{
    AgendaItem, Annex, Date, Footnote, Lang, Meeting, OperativeParagraph, Organ, Part,
    PreambularParagraph, Resolution, SubParagraph, DASH,
};
use crate::ErrorKind;

fn example() -> Resolution {
    serde_saphyr::from_str::<Resolution>(include_str!(
        "../../examples/ecosoc-2015-23/resolution.yaml"
    ))
    .expect("the example loads")
}

fn date(s: &str) -> Date {
    s.parse().expect("a date")
}

fn sub(letter: &str, lead: Option<&str>, text: &str) -> SubParagraph {
    SubParagraph {
        letter: letter.into(),
        lead: lead.map(Into::into),
        text: text.into(),
    }
}

fn para(number: u32, lead: &str, text: &str) -> OperativeParagraph {
    OperativeParagraph {
        number,
        lead: lead.into(),
        text: text.into(),
        subparagraphs: Vec::new(),
        short: None,
    }
}

/// A resolution using every part of the model.
fn rich() -> Resolution {
    let mut op1 = para(1, "Requests", "the Secretary-General[^a] to report[^b];");
    op1.short = Some("Report on implementation".into());
    let mut op2 = para(2, "Decides", "that the Fund[^a] shall:");
    op2.subparagraphs = vec![
        sub("a", Some("To"), "support victims[^a];"),
        sub("b", None, "report annually;"),
        sub("c", Some(""), ""),
    ];
    op2.short = Some(String::new());
    Resolution {
        organ: Organ::GeneralAssembly,
        number: "74/176".into(),
        date: Some(date("2019-12-18")),
        language: Lang::En,
        title: "Improving the coordination of efforts against trafficking in persons".into(),
        formula: "The General Assembly,".into(),
        preamble: vec![
            PreambularParagraph {
                lead: "Recalling".into(),
                text: "its resolution 64/293,".into(),
                subparagraphs: Vec::new(),
            },
            PreambularParagraph {
                lead: "Reaffirming".into(),
                text: "that the Plan aims:".into(),
                subparagraphs: vec![
                    sub("a", Some("To promote"), "ratification,"),
                    sub("b", None, ""),
                ],
            },
        ],
        operative: vec![op1, op2, para(3, "", "")],
        parts: vec![
            Part {
                number: "A".into(),
                heading: Some("Questions of [^a] <Territories>".into()),
                preamble: vec![PreambularParagraph {
                    lead: "Noting".into(),
                    text: "the report,".into(),
                    subparagraphs: Vec::new(),
                }],
                operative: vec![{
                    let mut p = para(4, "Demands", "that all parties:");
                    p.subparagraphs = vec![
                        sub(DASH, None, "cease fire;"),
                        sub(DASH, Some("Calls"), "for talks."),
                    ];
                    p
                }],
            },
            Part {
                number: "II".into(),
                heading: None,
                preamble: Vec::new(),
                operative: vec![para(1, "Decides", "afresh.")],
            },
        ],
        footnotes: vec![
            Footnote {
                marker: "b".into(),
                text: "A/74/100.".into(),
            },
            Footnote {
                marker: "a".into(),
                text: "Resolution 64/293, annex.".into(),
            },
            Footnote {
                marker: "never cited".into(),
                text: "Kept all the same.".into(),
            },
        ],
        meeting: Some(Meeting {
            name: "50th plenary meeting".into(),
            date: date("2019-12-18"),
        }),
        source: Some("A/RES/74/176".into()),
        committee: Some("on the report of the Third Committee (A/74/391)".into()),
        agenda_item: Some(AgendaItem {
            number: "105".into(),
            title: Some("Crime prevention & criminal justice".into()),
        }),
        annexes: vec![
            Annex {
                heading: "Annex I".into(),
                title: Some("Plan of action".into()),
                paragraphs: vec!["First.".into(), "Second [^a] stays text.".into()],
            },
            Annex {
                heading: "Annex II".into(),
                title: None,
                paragraphs: Vec::new(),
            },
        ],
    }
}

fn round_trip(r: &Resolution) -> String {
    let xml = to_akn(r);
    // For validation against the AKN schema outside the test suite.
    if let Ok(dir) = std::env::var("AKN_DUMP_DIR") {
        let name = format!("{}-{}.xml", r.language, xml.len());
        std::fs::write(Path::new(&dir).join(name), &xml).expect("dump");
    }
    assert_eq!(xml, to_akn(r), "export is not deterministic");
    let back = from_akn(&xml, Path::new("test.akn.xml"))
        .unwrap_or_else(|e| panic!("{}\n{xml}", e.render()));
    assert_eq!(&back, r, "{xml}");
    assert_eq!(to_akn(&back), xml);
    well_formed(&xml);
    unique_eids(&xml);
    xml
}

/// Every event parses, every element closes.
fn well_formed(xml: &str) {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.error_position()),
        }
    }
    assert_eq!(depth, 0);
}

fn unique_eids(xml: &str) {
    let mut reader = Reader::from_str(xml);
    let mut seen = HashSet::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                if let Some(id) = e.try_get_attribute("eId").expect("attributes parse") {
                    let id = String::from_utf8(id.value.into_owned()).expect("utf-8");
                    assert!(seen.insert(id.clone()), "duplicate eId {id}");
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{e}"),
        }
    }
}

#[test]
fn example_round_trips() {
    let xml = round_trip(&example());
    assert!(xml.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n  <statement name=\"resolution\">\n"
    ));
    assert!(xml.contains(
        "<FRBRthis value=\"/akn/un/statement/resolution/ecosoc/2015-07-21/2015-23/!main\"/>"
    ));
    assert!(xml.contains("<FRBRlanguage language=\"fra\"/>"));
    assert!(xml.contains("<docNumber>2015/23</docNumber>"));
    assert!(xml.contains(
        "<p><event refersTo=\"#meeting\">45e séance plénière</event> <docDate date=\"2015-07-21\">21 juillet 2015</docDate></p>"
    ));
}

#[test]
fn example_paragraphs_have_the_documented_shape() {
    let xml = to_akn(&example());
    let para1 = "      <paragraph eId=\"para_1\">\n        <num>1.</num>\n        <content>\n          <p><i>Souligne de nouveau</i> l’importance cruciale";
    assert!(xml.contains(para1), "{xml}");
    let item_a = "<item eId=\"preamble__para_2__list_1__item_a\">\n            <num>a)</num>\n            <p>Pour promouvoir la ratification universelle de la Convention des Nations Unies contre la criminalité transnationale organisée<authorialNote marker=\"1\" placement=\"bottom\" eId=\"authorialNote_1\"><p>Nations Unies, Recueil des Traités, vol. 2225, no 39574.</p></authorialNote> et du Protocole";
    assert!(xml.contains(item_a), "{xml}");
    // Paragraph 1 cites notes 2 and 1 again.
    assert!(
        xml.contains("des enfants<noteRef href=\"#authorialNote_2\" marker=\"2\"/>, qui est entré")
    );
    assert_eq!(xml.matches("<authorialNote ").count(), 3);
    assert_eq!(xml.matches("<noteRef ").count(), 2);
}

#[test]
fn rich_resolution_round_trips() {
    let xml = round_trip(&rich());
    // Note a is cited four times (the part heading once): one note, three
    // references.
    assert_eq!(xml.matches("<authorialNote marker=\"a\"").count(), 1);
    assert_eq!(
        xml.matches("<noteRef href=\"#authorialNote_1\" marker=\"a\"/>")
            .count(),
        3
    );
    assert!(xml.contains("<part eId=\"part_a\">\n        <num>A</num>"));
    assert!(xml.contains("<paragraph eId=\"part_ii__para_1\">"));
    assert!(xml.contains("<num>—</num>"));
    assert!(xml
        .contains("<docCommittee>on the report of the Third Committee (A/74/391)</docCommittee>"));
    assert!(xml.contains(
        "<res:agendaItem number=\"105\">Crime prevention &amp; criminal justice</res:agendaItem>"
    ));
    assert!(xml.contains("<res:short href=\"#para_1\">Report on implementation</res:short>"));
    assert!(xml.contains("<point eId=\"para_2__list_1__point_a\">\n            <num>(a)</num>"));
    assert!(xml.contains("<attachment eId=\"att_2\">"));
}

#[test]
fn missing_adoption_date_round_trips() {
    let mut r = rich();
    r.date = None;
    let xml = round_trip(&r);
    assert!(xml.contains("<FRBRdate date=\"2019-12-18\" name=\"meeting\"/>"));
    r.meeting = None;
    let xml = round_trip(&r);
    assert!(xml.contains("<FRBRdate date=\"9999-01-01\" name=\"unknown\"/>"));
    assert!(!xml.contains("<conclusions>"));
}

#[test]
fn every_organ_and_language_round_trips() {
    let organs = [
        Organ::GeneralAssembly,
        Organ::EconomicAndSocialCouncil,
        Organ::SecurityCouncil,
        Organ::HumanRightsCouncil,
    ];
    for organ in organs {
        for lang in Lang::ALL {
            let mut r = rich();
            r.organ = organ;
            r.language = lang;
            r.number = "1445 (2002)".into();
            round_trip(&r);
        }
    }
}

#[test]
fn hostile_text_round_trips() {
    let nasty = "a < b && c > d ]]> \"quoted\" 'single' [^ nope] [^ and [^] x [^";
    let mut r = rich();
    r.title = format!("{nasty}[^a]");
    r.formula = nasty.into();
    r.number = "<&>\"'".into();
    r.source = Some(format!("{nasty}\r\n\ttab  two spaces \n"));
    r.preamble[0].lead = format!(" {nasty} ");
    r.preamble[0].text = format!("  leading spaces, [^missing] marker, [^a]{nasty}  ");
    r.operative[0].text = "\r\n\r".into();
    r.operative[1].subparagraphs[0].letter = "(x)".into();
    r.operative[1].subparagraphs[1].letter = "(x)".into();
    r.operative[2].number = 1;
    r.operative[2].lead = "<i>not markup</i>".into();
    r.footnotes[0].marker = "<\"&'>".into();
    r.footnotes[0].text = nasty.into();
    r.footnotes[2].marker = "with space\tand\nlines".into();
    r.operative[0].text = format!("cite [^<\"&'>] and [^<\"&'>]; {nasty}");
    r.meeting.as_mut().expect("a meeting").name = nasty.into();
    r.annexes[0].heading = nasty.into();
    r.annexes[0].title = Some(String::new());
    r.annexes[0].paragraphs = vec![String::new(), "  ".into(), nasty.into()];
    round_trip(&r);
    for lang in Lang::ALL {
        r.language = lang;
        round_trip(&r);
    }
}

#[test]
fn duplicate_footnote_markers_round_trip() {
    let mut r = rich();
    r.footnotes.push(Footnote {
        marker: "a".into(),
        text: "A second note a, never reachable by its marker.".into(),
    });
    round_trip(&r);
}

fn error_of(xml: &str) -> crate::Error {
    match from_akn(xml, Path::new("bad.xml")) {
        Ok(r) => panic!("expected an error, got {r:?}"),
        Err(e) => e,
    }
}

fn line_of(e: &crate::Error) -> usize {
    assert_eq!(e.kind, ErrorKind::Data);
    assert!(e.hint.is_some(), "no hint: {e}");
    let loc = e.location.as_deref().expect("a location");
    assert_eq!(loc.path, Path::new("bad.xml"));
    assert!(loc.line >= 1 && loc.column >= 1);
    loc.line
}

#[test]
fn truncated_xml_is_an_error_at_the_end() {
    let xml = to_akn(&example());
    let cut = &xml[..xml.find("<mainBody>").expect("a mainBody")];
    let e = error_of(cut);
    assert_eq!(line_of(&e), cut.matches('\n').count() + 1, "{e}");
    assert!(e.to_string().contains("truncated"), "{e}");
    let e = error_of(&xml[..xml.len() / 2]);
    line_of(&e);
}

#[test]
fn wrong_root_is_an_error() {
    let e = error_of("<?xml version=\"1.0\"?>\n\n<html><body/></html>");
    assert_eq!(line_of(&e), 3);
    assert!(e.message.contains("not an Akoma Ntoso document"), "{e}");
    let e = error_of("<akomaNtoso><statement/></akomaNtoso>");
    assert!(e.message.contains("no namespace"), "{e}");
}

#[test]
fn note_ref_to_nowhere_is_an_error_at_the_ref() {
    let xml = to_akn(&example()).replacen(
        "<noteRef href=\"#authorialNote_2\"",
        "<noteRef href=\"#nowhere\"",
        1,
    );
    let e = error_of(&xml);
    let line = xml
        .lines()
        .position(|l| l.contains("#nowhere"))
        .expect("the reference")
        + 1;
    assert!(e.message.contains("#nowhere"), "{e}");
    assert_eq!(line_of(&e), line, "{e}");
    let loc = e.location.as_deref().expect("a location");
    let column = xml
        .lines()
        .nth(line - 1)
        .and_then(|l| l.find("<noteRef"))
        .expect("column");
    let prefix = &xml.lines().nth(line - 1).expect("line")[..column];
    assert_eq!(loc.column, prefix.chars().count() + 1);
    // A footnote list entry pointing nowhere is an error too.
    let xml = to_akn(&example()).replacen(
        "<res:footnote marker=\"1\" href=\"#authorialNote_1\"",
        "<res:footnote marker=\"1\" href=\"#gone\"",
        1,
    );
    assert!(error_of(&xml).message.contains("#gone"));
}

#[test]
fn missing_parts_are_errors() {
    let xml = to_akn(&example());
    for (from, to, what) in [
        ("<docNumber>2015/23</docNumber>", "", "docNumber"),
        ("<FRBRlanguage language=\"fra\"/>", "", "FRBRlanguage"),
        ("language=\"fra\"", "language=\"deu\"", "deu"),
        ("<num>7.</num>", "<num>seven</num>", "seven"),
        (
            "date=\"2015-07-21\" name=\"adoption\"",
            "date=\"2015-02-30\" name=\"adoption\"",
            "2015-02-30",
        ),
        (
            "<res:organ>economic-and-social-council</res:organ>",
            "<res:organ>ecosoc2</res:organ>",
            "ecosoc2",
        ),
        ("marker=\"1\" placement", "placement", "marker"),
        ("<docNumber>2015/23", "<docNumber>2015&nbsp;23", "nbsp"),
        ("<preface>", "<preface attr=\"&#xD800;\">", "attribute"),
    ] {
        assert!(xml.contains(from), "{from}");
        let bad = xml.replacen(from, to, 1);
        let e = error_of(&bad);
        line_of(&e);
        assert!(e.message.contains(what), "{what}: {e}");
    }
}

#[test]
fn garbage_is_an_error() {
    for input in [
        "",
        "   \n ",
        "\u{0}\u{1}\u{2}garbage\u{fffd}",
        "<<<>>>",
        "<a><b></a>",
        "</akomaNtoso>",
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/><x/>",
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><statement/></akomaNtoso>",
        "<a b=\"1\" b=\"2\"/>",
        "<a>&#0;</a>",
        "<a>&#xFFFFFFFF;</a>",
        "<!DOCTYPE a [<!ENTITY e \"&e;&e;\">]><a>&e;</a>",
    ] {
        line_of(&error_of(input));
    }
    let deep = "<a>".repeat(100_000);
    line_of(&error_of(&deep));
}

/// Cheap fuzzing: prefixes and byte edits of a real export never panic.
#[test]
fn mangled_exports_never_panic() {
    let xml = to_akn(&rich());
    let mut cut = 0;
    while cut < xml.len() {
        if xml.is_char_boundary(cut) {
            let _ = from_akn(&xml[..cut], Path::new("cut.xml"));
        }
        cut += 37;
    }
    let bytes = xml.as_bytes();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let specials = b"<>&/\"'=#;![]?- ax";
    for _ in 0..400 {
        let mut copy = bytes.to_vec();
        for _ in 0..3 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let at = (seed >> 33) as usize % copy.len();
            copy[at] = specials[(seed >> 20) as usize % specials.len()];
        }
        let text = String::from_utf8_lossy(&copy);
        let _ = from_akn(&text, Path::new("mangled.xml"));
    }
}

#[test]
fn empty_resolution_round_trips() {
    let r = Resolution {
        organ: Organ::HumanRightsCouncil,
        number: String::new(),
        date: None,
        language: Lang::Ar,
        title: String::new(),
        formula: String::new(),
        preamble: Vec::new(),
        operative: Vec::new(),
        parts: Vec::new(),
        footnotes: Vec::new(),
        meeting: None,
        source: Some(String::new()),
        committee: None,
        agenda_item: None,
        annexes: vec![Annex {
            heading: String::new(),
            title: None,
            paragraphs: vec![String::new()],
        }],
    };
    let xml = round_trip(&r);
    assert!(xml.contains("/unhrc/9999-01-01/unnumbered/!main"));
    assert!(xml.contains("<p class=\"empty\"/>"));
}

#[test]
fn reads_akn_without_our_proprietary_block() {
    let xml = to_akn(&example());
    let start = xml.find("      <proprietary").expect("proprietary");
    let end = xml.find("</proprietary>\n").expect("end") + "</proprietary>\n".len();
    let foreign = format!("{}{}", &xml[..start], &xml[end..]);
    let mut expected = example();
    expected.source = None;
    expected.agenda_item = None;
    let got = from_akn(&foreign, Path::new("foreign.xml")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got, expected);
}
