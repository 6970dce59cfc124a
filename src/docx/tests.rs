//! Tests of the whole backend: render a document, unzip it, look at the parts.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use super::xml::{self, Element};
use super::*;
use crate::doc::{Align, Block, FirstPage, Inline, Labels, Row, Table};
use crate::model::Paper;

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn note(s: &str) -> Inline {
    Inline::Note(vec![text(s)])
}

fn sample(lang: Lang, paper: Paper, landscape: bool) -> Document {
    let mut blocks = vec![
        Block::Summary {
            heading: "Summary".into(),
            paragraphs: vec![vec![text("The present report & its <summary>.")]],
        },
        Block::PageBreak,
        Block::Contents,
        Block::PageBreak,
        Block::Heading {
            level: 1,
            number: Some("I.".into()),
            content: vec![text("Introduction")],
        },
        Block::Paragraph {
            number: Some("1.".into()),
            content: vec![
                text("In its resolution 2015/23,"),
                note("See E/2015/30."),
                text(" the Council…"),
            ],
        },
        Block::SubParagraph {
            label: "(a)".into(),
            content: vec![Inline::Emph(vec![text("Recalling")]), text(" x")],
        },
        Block::Heading {
            level: 2,
            number: Some("A.".into()),
            content: vec![text("Mandate")],
        },
        Block::Paragraph {
            number: Some("2.".into()),
            content: vec![text("Second"), note("Second note.")],
        },
        Block::Heading {
            level: 3,
            number: None,
            content: vec![text("Table 1")],
        },
    ];
    let cell = |s: &str| vec![text(s)];
    blocks.push(Block::Table(Table {
        widths: vec![3.0, 1.0],
        width: None,
        align: vec![Align::Left, Align::Right],
        header: vec![
            vec![cell("Donor"), cell("Amount")],
            vec![cell(""), cell("(dollars)")],
        ],
        rows: (0..30)
            .map(|i| Row::new(vec![cell(&format!("Donor {i}")), cell("1 000")]))
            .chain([Row::new(vec![
                vec![text("Pledged"), note("In a table.")],
                cell("0"),
            ])])
            .chain([Row::totals(vec![cell("Total"), cell("30 000")])])
            .collect(),
        notes: Vec::new(),
        langs: Vec::new(),
    }));
    blocks.push(Block::Heading {
        level: 1,
        number: Some("II.".into()),
        content: vec![text("Conclusions")],
    });
    blocks.push(Block::Paragraph {
        number: None,
        content: vec![Inline::Strong(vec![text("Recommendation")])],
    });
    Document {
        script: crate::doc::Script {
            lang,
            dir: crate::doc::Dir::Ltr,
            region: None,
            fonts: vec!["Liberation Serif".into()],
        },
        paper,
        landscape,
        title: "Technical assistance".into(),
        date: Date::new(2017, 3, 1).unwrap(),
        running_head: Some("E/CN.15/2017/7".into()),
        first_page: Some(FirstPage {
            united_nations: "United Nations".into(),
            symbol: "E/CN.15/2017/7".into(),
            symbol_parts: ("E".into(), "/CN.15/2017/7".into()),
            advance: None,
            organ: "Economic and Social Council".into(),
            distribution: "Distr.: General".into(),
            date: "1 March 2017".into(),
            language: None,
            block_script: None,
            original: "Original: English".into(),
            session: vec![
                "Commission on Crime Prevention and Criminal Justice".into(),
                "Twenty-sixth session".into(),
            ],
            agenda_line: Some("Item 6 of the provisional agenda".into()),
            agenda_titles: vec!["Use and application of standards".into()],
            agenda_mark: Some("*".into()),
            title: "Technical assistance".into(),
            subtitle: Some("Report of the Secretary-General".into()),
            period: None,
            issue: None,
            notice: Some("Figures are illustrative.".into()),
            notes: vec!["* E/CN.15/2017/1.".into()],
            job_number: Some("V.17-01234 (E)".into()),
            barcode: None,
        }),
        labels: Labels {
            contents: "Contents".into(),
            page: "Page".into(),
        },
        blocks,
    }
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        out.insert(f.name().to_owned(), s);
    }
    out
}

fn parts(doc: &Document) -> BTreeMap<String, String> {
    unzip(&render(doc).unwrap())
}

fn root(s: &str) -> Element {
    xml::parse(s.as_bytes()).unwrap().root
}

fn all<'a>(el: &'a Element, name: &str) -> Vec<&'a Element> {
    let mut out = Vec::new();
    el.descendants(name, &mut out);
    out
}

fn en() -> Document {
    sample(Lang::En, Paper::A4, false)
}

#[test]
fn notes_are_word_footnotes_numbered_in_order() {
    let p = parts(&en());
    let notes = root(&p["word/footnotes.xml"]);
    let regular: Vec<_> = notes
        .elements()
        .filter(|e| e.attr("w:type").is_none())
        .collect();
    let ids: Vec<_> = regular
        .iter()
        .map(|e| e.attr("w:id").unwrap().into_owned())
        .collect();
    assert_eq!(ids, ["1", "2", "3"]);
    for n in &regular {
        assert_eq!(
            all(n, "w:footnoteRef").len(),
            1,
            "each footnote starts with its mark"
        );
        let p = n.child("w:p").unwrap();
        assert_eq!(
            p.child("w:pPr")
                .unwrap()
                .child("w:pStyle")
                .unwrap()
                .attr("w:val")
                .unwrap(),
            "FootnoteText"
        );
    }
    assert!(p["word/footnotes.xml"].contains("See E/2015/30."));
    let types: Vec<_> = notes
        .elements()
        .filter_map(|e| e.attr("w:type").map(|t| t.into_owned()))
        .collect();
    assert_eq!(types, ["separator", "continuationSeparator"]);

    let doc = root(&p["word/document.xml"]);
    let refs = all(&doc, "w:footnoteReference");
    assert_eq!(refs.len(), 3);
    assert!(p["word/footnotes.xml"].contains("In a table."));
    assert!(p["word/_rels/document.xml.rels"].contains("footnotes.xml"));
    assert!(p["word/settings.xml"].contains(r#"<w:footnote w:id="-1"/>"#));
    assert!(!p["word/document.xml"].contains("endnote"));
}

#[test]
fn the_agenda_note_is_in_the_first_footer_not_a_footnote() {
    let p = parts(&en());
    assert!(!p["word/footnotes.xml"].contains("E/CN.15/2017/1."));
    let footer = p
        .iter()
        .filter(|(k, _)| k.starts_with("word/footer"))
        .find(|(_, v)| v.contains("* E/CN.15/2017/1."))
        .expect("a footer with the asterisk note");
    assert!(footer.1.contains("V.17-01234 (E)"));
    assert!(p["word/document.xml"].contains("provisional agenda</w:t>"));
    let doc = p["word/document.xml"].as_str();
    let sect = &doc[doc.rfind("<w:sectPr").unwrap()..];
    assert!(sect.contains("<w:titlePg/>"));
    assert!(sect.contains(r#"w:type="first""#) && sect.contains(r#"w:type="even""#));
}

#[test]
fn running_heads_and_page_numbers_alternate_sides() {
    let p = parts(&en());
    assert!(p["word/settings.xml"].contains("<w:evenAndOddHeaders/>"));
    let heads: Vec<_> = p
        .iter()
        .filter(|(k, v)| k.starts_with("word/header") && v.contains("E/CN.15/2017/7"))
        .collect();
    assert_eq!(heads.len(), 2);
    assert!(heads
        .iter()
        .any(|(_, v)| v.contains(r#"<w:jc w:val="right"/>"#)));
    assert!(heads
        .iter()
        .any(|(_, v)| v.contains(r#"<w:jc w:val="left"/>"#)));
    assert!(heads.iter().all(|(_, v)| v.contains("RunningHead")));
    let numbers: Vec<_> = p
        .iter()
        .filter(|(k, v)| {
            k.starts_with("word/footer") && v.contains("NUMPAGES") && v.contains(">PAGE<")
        })
        .collect();
    assert_eq!(numbers.len(), 2);
}

#[test]
fn header_rows_repeat_and_only_they() {
    let p = parts(&en());
    let doc = root(&p["word/document.xml"]);
    let tables: Vec<_> = all(&doc, "w:tbl");
    let un: Vec<_> = tables
        .iter()
        .filter(|t| {
            t.child("w:tblPr")
                .and_then(|p| p.child("w:tblStyle"))
                .unwrap()
                .attr("w:val")
                .unwrap()
                == "UNTable"
        })
        .collect();
    assert_eq!(un.len(), 1);
    let flags: Vec<bool> = un[0]
        .elements()
        .filter(|e| e.name == "w:tr")
        .map(|r| {
            r.child("w:trPr")
                .is_some_and(|p| p.child("w:tblHeader").is_some())
        })
        .collect();
    assert_eq!(flags.len(), 2 + 32);
    assert_eq!(&flags[..3], [true, true, false]);
    assert_eq!(flags.iter().filter(|f| **f).count(), 2);
    // The masthead table has no header rows.
    assert_eq!(all(&doc, "w:tblHeader").len(), 2);
}

#[test]
fn styles_are_named_with_normal_as_default() {
    let p = parts(&en());
    let styles = root(&p["word/styles.xml"]);
    let find = |id: &str| {
        styles
            .elements()
            .filter(|e| e.name == "w:style" && e.attr("w:styleId").as_deref() == Some(id))
            .collect::<Vec<_>>()
    };
    let normal = find("Normal");
    assert_eq!(normal.len(), 1, "one Normal style");
    assert_eq!(normal[0].attr("w:default").as_deref(), Some("1"));
    let rpr = normal[0].child("w:rPr").unwrap();
    let fonts = rpr.child("w:rFonts").unwrap();
    for slot in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
        assert_eq!(
            fonts.attr(slot).as_deref(),
            Some("Times New Roman"),
            "{slot}"
        );
    }
    assert_eq!(
        rpr.child("w:sz").unwrap().attr("w:val").as_deref(),
        Some("20")
    );
    for (id, name) in [
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Heading3", "heading 3"),
        ("FootnoteText", "footnote text"),
        ("FootnoteReference", "footnote reference"),
        ("TOC1", "toc 1"),
        ("NumberedParagraph", "Numbered Paragraph"),
        ("SubParagraph", "Sub-paragraph"),
        ("SummaryHeading", "Summary Heading"),
    ] {
        let s = find(id);
        assert_eq!(s.len(), 1, "{id}");
        assert_eq!(
            s[0].child("w:name").unwrap().attr("w:val").as_deref(),
            Some(name)
        );
    }
    let fref = find("FootnoteReference");
    assert_eq!(fref[0].attr("w:type").as_deref(), Some("character"));
    assert!(all(fref[0], "w:vertAlign")[0].attr("w:val").as_deref() == Some("superscript"));
    // Style paragraph properties hold no run properties.
    for s in styles.elements().filter(|e| e.name == "w:style") {
        if let Some(ppr) = s.child("w:pPr") {
            assert!(ppr.child("w:rPr").is_none());
        }
    }
    let lang = all(&styles, "w:rPrDefault")[0]
        .child("w:rPr")
        .unwrap()
        .child("w:lang")
        .unwrap()
        .clone();
    assert_eq!(lang.attr("w:val").as_deref(), Some("en-GB"));

    let fr = parts(&sample(Lang::Fr, Paper::A4, false));
    assert!(fr["word/styles.xml"].contains(r#"w:val="fr-FR""#));
}

#[test]
fn every_body_paragraph_has_a_named_style() {
    let p = parts(&en());
    let doc = root(&p["word/document.xml"]);
    let body = doc.child("w:body").unwrap();
    let styles = root(&p["word/styles.xml"]);
    let ids: Vec<_> = styles
        .elements()
        .filter_map(|e| e.attr("w:styleId").map(|s| s.into_owned()))
        .collect();
    for para in all(body, "w:p") {
        let style = para
            .child("w:pPr")
            .and_then(|p| p.child("w:pStyle"))
            .and_then(|s| s.attr("w:val"));
        let style = style.expect("a paragraph without a style").into_owned();
        assert!(ids.contains(&style), "undefined style {style}");
    }
}

#[test]
fn properties_are_in_schema_order() {
    let p = parts(&en());
    for (name, part) in p
        .iter()
        .filter(|(k, _)| k.starts_with("word/") && k.ends_with(".xml"))
    {
        let r = root(part);
        for ppr in all(&r, "w:pPr") {
            let names: Vec<_> = ppr.elements().map(|e| e.name.as_str()).collect();
            if let Some(i) = names.iter().position(|n| *n == "w:pStyle") {
                assert_eq!(i, 0, "{name}: {names:?}");
            }
            if let Some(i) = names.iter().position(|n| *n == "w:rPr") {
                assert!(
                    names[i + 1..]
                        .iter()
                        .all(|n| *n == "w:sectPr" || *n == "w:pPrChange"),
                    "{name}: {names:?}"
                );
            }
        }
        for rpr in all(&r, "w:rPr") {
            if let Some(i) = rpr.elements().position(|e| e.name == "w:rStyle") {
                assert_eq!(i, 0, "{name}");
            }
        }
        for sect in all(&r, "w:sectPr") {
            let names: Vec<_> = sect.elements().map(|e| e.name.as_str()).collect();
            let refs = names
                .iter()
                .take_while(|n| n.ends_with("Reference"))
                .count();
            assert!(
                names[refs..].iter().all(|n| !n.ends_with("Reference")),
                "{names:?}"
            );
        }
    }
    let settings = root(&p["word/settings.xml"]);
    let names: Vec<_> = settings.elements().map(|e| e.name.as_str()).collect();
    let pos = |n: &str| names.iter().position(|x| *x == n).unwrap();
    assert!(pos("w:zoom") < pos("w:defaultTabStop"));
    assert!(pos("w:evenAndOddHeaders") < pos("w:updateFields"));
    assert!(pos("w:updateFields") < pos("w:compat"));
}

#[test]
fn contents_is_a_prefilled_toc_field_updated_on_open() {
    let p = parts(&en());
    let doc = p["word/document.xml"].as_str();
    assert!(doc.contains(r#"TOC \o &quot;1-2&quot; \h"#) || doc.contains(r#"TOC \o "1-2" \h"#));
    assert!(
        doc.contains(r#"<w:updateFields w:val="true"/>"#)
            || p["word/settings.xml"].contains("updateFields")
    );
    let r = root(doc);
    let toc: Vec<_> = all(&r, "w:p")
        .into_iter()
        .filter(|p| {
            p.child("w:pPr")
                .and_then(|x| x.child("w:pStyle"))
                .and_then(|s| s.attr("w:val"))
                .is_some_and(|v| v.starts_with("TOC") && v != "TOCHeading")
        })
        .collect();
    assert_eq!(toc.len(), 3, "I., A. and II.; not the level-3 heading");
    let begins = all(&r, "w:fldChar")
        .iter()
        .filter(|f| f.attr("w:fldCharType").as_deref() == Some("begin"))
        .count();
    let ends = all(&r, "w:fldChar")
        .iter()
        .filter(|f| f.attr("w:fldCharType").as_deref() == Some("end"))
        .count();
    assert_eq!(begins, ends);
    // Every page reference has its bookmark.
    let marks: Vec<_> = all(&r, "w:bookmarkStart")
        .iter()
        .map(|b| b.attr("w:name").unwrap().into_owned())
        .collect();
    assert_eq!(marks.len(), 3);
    for m in &marks {
        assert!(doc.contains(&format!("PAGEREF {m} ")), "{m}");
    }
    assert!(doc.contains(">Contents<") && doc.contains(">Page<"));
}

#[test]
fn page_size_follows_paper_and_orientation() {
    let a4 = parts(&en());
    assert!(a4["word/document.xml"].contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    let letter = parts(&sample(Lang::En, Paper::Letter, true));
    assert!(letter["word/document.xml"]
        .contains(r#"<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>"#));
}

#[test]
fn renders_are_byte_identical() {
    let a = render(&en()).unwrap();
    // Another document in between, or a failed render, must not shift ids.
    render(&sample(Lang::Fr, Paper::Letter, true)).unwrap();
    let mut bad = en();
    bad.blocks.insert(
        0,
        Block::Paragraph {
            number: None,
            content: vec![Inline::Note(vec![note("x")])],
        },
    );
    bad.blocks.push(Block::Paragraph {
        number: None,
        content: vec![Inline::Note(vec![note("x")])],
    });
    assert!(render(&bad).is_err());
    let b = render(&en()).unwrap();
    assert!(a == b, "two renders differ");
    let p = unzip(&a);
    assert!(p["docProps/core.xml"].contains("2017-03-01T00:00:00Z"));
    assert!(p["docProps/core.xml"].contains("<dc:title>Technical assistance</dc:title>"));
    let names: Vec<_> = {
        let mut archive = zip::ZipArchive::new(Cursor::new(&a)).unwrap();
        (0..archive.len())
            .map(|i| archive.by_index(i).unwrap().name().to_owned())
            .collect()
    };
    assert_eq!(names[0], "[Content_Types].xml");
}

#[test]
fn text_is_escaped_once() {
    let p = parts(&en());
    assert!(p["word/document.xml"].contains("The present report &amp; its &lt;summary&gt;."));
}

#[test]
fn a_nested_footnote_is_an_error_not_a_panic() {
    let mut doc = en();
    doc.blocks.push(Block::Paragraph {
        number: None,
        content: vec![Inline::Note(vec![note("inner")])],
    });
    let err = render(&doc).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Data);
}

#[test]
fn a_document_without_first_page_or_footnotes_still_renders() {
    let mut doc = en();
    doc.first_page = None;
    doc.running_head = None;
    doc.blocks = vec![
        Block::Paragraph {
            number: Some("1.".into()),
            content: vec![text("Only")],
        },
        Block::PageBreak,
    ];
    let p = parts(&doc);
    assert!(!p["word/settings.xml"].contains("footnotePr"));
    assert!(p["word/document.xml"].contains(">Only<"));
}

#[test]
fn hostile_text_is_printed_as_it_stands() {
    let mut doc = en();
    let hostile = "#read(\"/etc/passwd\") $x$ *y* ]] <w:p/> & \u{1}\u{1b}end";
    doc.title = hostile.into();
    doc.running_head = Some(hostile.into());
    doc.blocks.push(Block::Heading {
        level: 1,
        number: Some("<IV.>".into()),
        content: vec![text(hostile)],
    });
    doc.blocks.push(Block::Paragraph {
        number: None,
        content: vec![text(hostile), note(hostile)],
    });
    let p = parts(&doc);
    for (name, part) in p
        .iter()
        .filter(|(k, _)| k.ends_with(".xml") || k.ends_with(".rels"))
    {
        assert!(
            xml::parse(part.as_bytes()).is_ok(),
            "{name} is not well-formed"
        );
        assert!(
            !part.contains('\u{1}') && !part.contains('\u{1b}'),
            "{name} holds a control character"
        );
    }
    let escaped = "#read(&quot;/etc/passwd&quot;) $x$ *y* ]] &lt;w:p/&gt; &amp; end";
    assert!(p["word/document.xml"].contains(escaped));
    assert!(p["word/footnotes.xml"].contains(escaped));
    assert!(p["docProps/core.xml"].contains("&lt;w:p/&gt;"));
    assert!(!p["word/document.xml"].contains("<w:p/> &"));
}

#[test]
fn the_package_has_a_theme_and_no_directory_entries() {
    let p = parts(&en());
    assert!(p.contains_key("word/theme/theme1.xml"));
    assert!(p["[Content_Types].xml"].contains(r#"PartName="/word/theme/theme1.xml""#));
    assert!(p["word/_rels/document.xml.rels"].contains(r#"Target="theme/theme1.xml""#));
    assert!(p.keys().all(|k| !k.ends_with('/')));
}
