//! The repairs of the parts docx-rs built: what it cannot write, added to the
//! parsed element trees of the parts (see the `xml` submodule).
//!
//! - `w:tblHeader` in the header rows the table builder made, so they repeat
//!   on every page (the rows are named by [`TableFacts`], not recognised by
//!   their styles);
//! - the footnote separators, and the `w:footnoteRef` mark at the start of
//!   each footnote the builder wrote (named by id in [`Facts::footnotes`]);
//! - `w:updateFields`, `w:evenAndOddHeaders` and, when there are footnotes,
//!   the footnote separators in settings.xml;
//! - `w:lang` in the default run properties, `w:default` on the default
//!   styles, and a styles part without docx-rs's duplicate empty Normal;
//! - the title, the language and the author in the core properties;
//! - the theme part's content type and relationship;
//! - in every WordprocessingML part: paragraph ids numbered from 1, no
//!   `w:type` on grid columns, property elements in schema order.
//!
//! docx-rs writes every WordprocessingML element with the `w:` prefix, which
//! the repairs rely on.

use super::order::put_in_schema_order;
use super::package::{Facts, TableFacts};
use super::xml::{self, Element, Node};
use super::{styles, theme};

/// The author recorded in the core properties (docx-rs writes "unknown").
const CREATOR: &str = "resolute";

/// Which repair a part of the package needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repair {
    /// None: the part is written as docx-rs built it.
    None,
    /// `[Content_Types].xml`: the theme's content type.
    ContentTypes,
    /// `word/_rels/document.xml.rels`: the theme's relationship.
    DocumentRels,
    /// `docProps/core.xml`: title, language, author.
    Core,
    /// `word/document.xml`: the header rows.
    Document,
    /// `word/styles.xml`.
    Styles,
    /// `word/settings.xml`.
    Settings,
    /// `word/numbering.xml`.
    Numbering,
    /// `word/footnotes.xml`: separators and marks.
    Footnotes,
    /// A header or footer part.
    HeaderOrFooter,
}

impl Repair {
    /// Whether the part is WordprocessingML (paragraphs, properties).
    fn is_wordprocessing(self) -> bool {
        !matches!(
            self,
            Repair::None | Repair::ContentTypes | Repair::DocumentRels | Repair::Core
        )
    }
}

/// Applies `repair` to the part `bytes`. `para_ids` counts the paragraphs of
/// the parts repaired so far, in package order.
pub(crate) fn apply(
    repair: Repair,
    bytes: Vec<u8>,
    facts: &Facts,
    para_ids: &mut u32,
) -> Result<Vec<u8>, String> {
    if repair == Repair::None {
        return Ok(bytes);
    }
    let mut part = xml::parse(&bytes)?;
    let root = &mut part.root;
    match repair {
        Repair::None => {}
        Repair::HeaderOrFooter => super::direction::part(root, facts),
        Repair::ContentTypes => add_theme_content_type(root),
        Repair::DocumentRels => add_theme_relationship(root),
        Repair::Core => fix_core(root, facts),
        Repair::Document => {
            mark_header_rows(root, &facts.tables)?;
            mark_custom_references(root, &facts.marks);
            super::direction::document(root, facts);
        }
        Repair::Styles => fix_styles(root, facts.lang),
        Repair::Settings => fix_settings(root, facts.has_footnotes()),
        Repair::Numbering => drop_run_properties_of_general_ppr(root),
        Repair::Footnotes => {
            fix_footnotes(root, &facts.footnotes, &facts.marks)?;
            super::direction::part(root, facts);
        }
    }
    if repair.is_wordprocessing() {
        drop_grid_column_types(root);
        renumber_paragraph_ids(root, para_ids);
        put_in_schema_order(root);
    }
    xml::write(&part)
}

// ---------------------------------------------------------------------------
// Header rows.

/// Marks the header rows named by `tables` with `w:tblHeader`: the leading
/// `header_rows` rows of the `n`th top-level table of the body, for the `n`th
/// entry of `tables`. Fails, marking nothing, if the body's tables do not
/// match `tables`.
fn mark_header_rows(document: &mut Element, tables: &[TableFacts]) -> Result<(), String> {
    let body = document.child_mut("w:body").ok_or("no w:body")?;
    let mut found: Vec<Vec<&mut Element>> = body
        .elements_mut()
        .filter(|e| e.name == "w:tbl")
        .map(|tbl| tbl.elements_mut().filter(|e| e.name == "w:tr").collect())
        .collect();
    if found.len() != tables.len() {
        return Err(format!(
            "the body has {} tables, the builder made {}",
            found.len(),
            tables.len()
        ));
    }
    for (n, (rows, facts)) in found.iter().zip(tables).enumerate() {
        if rows.len() != facts.rows || facts.header_rows > facts.rows {
            return Err(format!(
                "table {} has {} rows, the builder made {} with {} header rows",
                n + 1,
                rows.len(),
                facts.rows,
                facts.header_rows
            ));
        }
    }
    for (rows, facts) in found.iter_mut().zip(tables) {
        for row in rows.iter_mut().take(facts.header_rows) {
            set_tbl_header(row);
        }
    }
    Ok(())
}

/// Adds `w:tblHeader` to the row's `w:trPr`, creating that after any `w:tblPrEx`.
fn set_tbl_header(row: &mut Element) {
    if row.child("w:trPr").is_none() {
        let at = row
            .children
            .iter()
            .position(|n| matches!(n, Node::Element(e) if e.name != "w:tblPrEx"));
        let at = at.unwrap_or(row.children.len());
        row.children
            .insert(at, Node::Element(Element::new("w:trPr")));
    }
    if let Some(pr) = row.child_mut("w:trPr") {
        if pr.child("w:tblHeader").is_none() {
            pr.children.push(Node::Element(Element::new("w:tblHeader")));
        }
    }
}

// ---------------------------------------------------------------------------
// Footnotes.

/// Starts each footnote in `ours` with its mark, and adds the separator
/// footnotes before them. Fails unless the part holds exactly the footnotes
/// in `ours`.
fn fix_footnotes(
    root: &mut Element,
    ours: &[usize],
    marks: &[(usize, String)],
) -> Result<(), String> {
    let mut found: Vec<String> = root
        .elements()
        .filter(|e| e.name == "w:footnote")
        .map(|e| e.attr("w:id").unwrap_or_default().into_owned())
        .collect();
    let mut expected: Vec<String> = ours.iter().map(usize::to_string).collect();
    found.sort();
    expected.sort();
    if found != expected {
        return Err(format!(
            "the footnotes are {found:?}, the builder wrote {expected:?}"
        ));
    }
    for note in root.elements_mut().filter(|e| e.name == "w:footnote") {
        let custom = note
            .attr("w:id")
            .and_then(|id| marks.iter().find(|(n, _)| n.to_string() == id))
            .map(|(_, mark)| mark.clone());
        let p = note
            .child_mut("w:p")
            .ok_or("a footnote without a paragraph")?;
        let at =
            usize::from(matches!(p.children.first(), Some(Node::Element(e)) if e.name == "w:pPr"));
        let style = Element::new("w:rPr")
            .with_child(Element::new("w:rStyle").with_attr("w:val", styles::FOOTNOTE_REF));
        let mark = Element::new("w:r")
            .with_child(style)
            .with_child(match custom {
                // The note's own mark, as text: Word numbers only the others.
                Some(mark) => {
                    let mut t = Element::new("w:t");
                    t.children.push(Node::Text(
                        quick_xml::escape::escape(mark.as_str()).into_owned(),
                    ));
                    t
                }
                None => Element::new("w:footnoteRef"),
            });
        p.children.insert(at, Node::Element(mark));
    }
    let separator = |ty: &str, id: &str, mark: &str| {
        Element::new("w:footnote")
            .with_attr("w:type", ty)
            .with_attr("w:id", id)
            .with_child(
                Element::new("w:p")
                    .with_child(
                        Element::new("w:pPr").with_child(
                            Element::new("w:spacing")
                                .with_attr("w:after", "0")
                                .with_attr("w:line", "240")
                                .with_attr("w:lineRule", "auto"),
                        ),
                    )
                    .with_child(Element::new("w:r").with_child(Element::new(mark))),
            )
    };
    root.children.insert(
        0,
        Node::Element(separator(
            "continuationSeparator",
            "0",
            "w:continuationSeparator",
        )),
    );
    root.children.insert(
        0,
        Node::Element(separator("separator", "-1", "w:separator")),
    );
    Ok(())
}

/// Sets `w:customMarkFollows` on the references to the footnotes in `marks`:
/// the mark written after the reference, in its run, is then the note's mark.
fn mark_custom_references(document: &mut Element, marks: &[(usize, String)]) {
    if marks.is_empty() {
        return;
    }
    document.walk_mut(&mut |el| {
        if el.name == "w:footnoteReference"
            && el
                .attr("w:id")
                .is_some_and(|id| marks.iter().any(|(n, _)| n.to_string() == id))
        {
            el.set_attr("w:customMarkFollows", "1");
        }
    });
}

// ---------------------------------------------------------------------------
// Every WordprocessingML part.

/// Numbers the `w14:paraId` of every paragraph from 1, across the parts in
/// package order. docx-rs draws them from a thread-local counter when a
/// paragraph is created, so they would depend on what the thread did before.
fn renumber_paragraph_ids(root: &mut Element, next: &mut u32) {
    root.walk_mut(&mut |el| {
        if el.name == "w:p" && el.attr("w14:paraId").is_some() {
            *next += 1;
            el.set_attr("w14:paraId", &format!("{:08X}", *next));
        }
    });
}

/// docx-rs writes `w:type` on `w:gridCol`, which has only `w:w`.
fn drop_grid_column_types(root: &mut Element) {
    root.walk_mut(&mut |el| {
        if el.name == "w:gridCol" {
            el.attrs.retain(|(k, _)| k != "w:type");
        }
    });
}

/// Paragraph properties in styles and numbering levels (CT_PPrGeneral) have
/// no run properties; docx-rs writes an empty `w:rPr` there.
fn drop_run_properties_of_general_ppr(root: &mut Element) {
    root.walk_mut(&mut |el| {
        if el.name == "w:pPr" {
            el.remove_children(|e| e.name == "w:rPr");
        }
    });
}

// ---------------------------------------------------------------------------
// Styles.

/// Keeps one style of each id, marks the default styles, drops empty or
/// inapplicable property elements, and sets the default language `lang`.
fn fix_styles(root: &mut Element, lang: &str) {
    // docx-rs always writes an empty Normal before ours: keep the last style of each id.
    let ids: Vec<Option<String>> = root
        .children
        .iter()
        .map(|n| match n {
            Node::Element(e) if e.name == "w:style" => e.attr("w:styleId").map(|s| s.into_owned()),
            _ => None,
        })
        .collect();
    let mut keep = vec![true; ids.len()];
    for (i, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            keep[i] = !ids[i + 1..].iter().any(|later| later.as_ref() == Some(id));
        }
    }
    let mut index = 0;
    root.children.retain(|_| {
        index += 1;
        keep[index - 1]
    });

    drop_run_properties_of_general_ppr(root);
    for style in root.elements_mut().filter(|e| e.name == "w:style") {
        let ty = style
            .attr("w:type")
            .map(|s| s.into_owned())
            .unwrap_or_default();
        let id = style
            .attr("w:styleId")
            .map(|s| s.into_owned())
            .unwrap_or_default();
        let default = matches!(
            (ty.as_str(), id.as_str()),
            ("paragraph", styles::NORMAL)
                | ("character", styles::DEFAULT_FONT)
                | ("table", styles::TABLE_NORMAL)
        );
        if default {
            style.set_attr("w:default", "1");
        }
        let paragraph_props_apply = ty == "paragraph" || ty == "table";
        style.remove_children(|e| {
            (e.name == "w:pPr" && (e.children.is_empty() || !paragraph_props_apply))
                || (e.name == "w:rPr" && e.children.is_empty())
        });
    }

    if let Some(defaults) = root.child_mut("w:docDefaults") {
        if defaults.child("w:rPrDefault").is_none() {
            defaults
                .children
                .insert(0, Node::Element(Element::new("w:rPrDefault")));
        }
        if let Some(rpr_default) = defaults.child_mut("w:rPrDefault") {
            if rpr_default.child("w:rPr").is_none() {
                rpr_default
                    .children
                    .push(Node::Element(Element::new("w:rPr")));
            }
            if let Some(rpr) = rpr_default.child_mut("w:rPr") {
                rpr.remove_children(|e| e.name == "w:lang");
                rpr.children.push(Node::Element(lang_element(lang)));
            }
        }
    }
}

/// `w:lang` for `tag`, with the East Asian and complex-script slots filled too.
fn lang_element(tag: &str) -> Element {
    let east_asia = if tag.starts_with("zh") { tag } else { "zh-CN" };
    let bidi = if tag.starts_with("ar") { tag } else { "ar-SA" };
    Element::new("w:lang")
        .with_attr("w:val", tag)
        .with_attr("w:eastAsia", east_asia)
        .with_attr("w:bidi", bidi)
}

// ---------------------------------------------------------------------------
// Settings.

/// Adds `w:evenAndOddHeaders`, `w:updateFields` and, if `has_footnotes`, the
/// footnote separators.
fn fix_settings(root: &mut Element, has_footnotes: bool) {
    let mut ensure = |name: &str, el: Element| {
        if root.child(name).is_none() {
            root.children.push(Node::Element(el));
        }
    };
    ensure("w:evenAndOddHeaders", Element::new("w:evenAndOddHeaders"));
    ensure(
        "w:updateFields",
        Element::new("w:updateFields").with_attr("w:val", "true"),
    );
    if has_footnotes {
        ensure(
            "w:footnotePr",
            Element::new("w:footnotePr")
                .with_child(Element::new("w:footnote").with_attr("w:id", "-1"))
                .with_child(Element::new("w:footnote").with_attr("w:id", "0")),
        );
    }
}

// ---------------------------------------------------------------------------
// Theme.

/// Adds the theme part's content type (docx-rs writes no theme).
fn add_theme_content_type(types: &mut Element) {
    let part_name = format!("/{}", theme::PART);
    if types
        .elements()
        .any(|e| e.attr("PartName").as_deref() == Some(part_name.as_str()))
    {
        return;
    }
    types.children.push(Node::Element(
        Element::new("Override")
            .with_attr("PartName", &part_name)
            .with_attr("ContentType", theme::CONTENT_TYPE),
    ));
}

/// Adds the main document's relationship to the theme part.
fn add_theme_relationship(rels: &mut Element) {
    if rels
        .elements()
        .any(|e| e.attr("Type").as_deref() == Some(theme::RELATIONSHIP))
    {
        return;
    }
    rels.children.push(Node::Element(
        Element::new("Relationship")
            .with_attr("Id", "rIdTheme1")
            .with_attr("Type", theme::RELATIONSHIP)
            .with_attr("Target", theme::TARGET),
    ));
}

// ---------------------------------------------------------------------------
// Core properties.

/// Sets the title, the language and the author.
fn fix_core(root: &mut Element, facts: &Facts) {
    let names = ["dc:title", "dc:language", "dc:creator", "cp:lastModifiedBy"];
    root.remove_children(|e| names.contains(&e.name.as_str()));
    let values = [facts.title.as_str(), facts.lang, CREATOR, CREATOR];
    for (name, value) in names.into_iter().zip(values) {
        let mut el = Element::new(name);
        el.children
            .push(Node::Text(quick_xml::escape::escape(value).into_owned()));
        root.children.push(Node::Element(el));
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn parse(s: &str) -> Element {
        xml::parse(s.as_bytes()).unwrap().root
    }

    fn names(el: &Element) -> Vec<&str> {
        el.elements().map(|e| e.name.as_str()).collect()
    }

    /// A one-cell row whose paragraph has `style`.
    fn row(style: &str) -> String {
        format!(
            r#"<w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p></w:tc></w:tr>"#
        )
    }

    fn tbl(table_style: &str, rows: &[&str]) -> String {
        let rows: String = rows.iter().map(|s| row(s)).collect();
        format!(r#"<w:tbl><w:tblPr><w:tblStyle w:val="{table_style}"/></w:tblPr>{rows}</w:tbl>"#)
    }

    fn facts(rows: usize, header_rows: usize) -> TableFacts {
        TableFacts::rows(rows, header_rows)
    }

    /// For each top-level table of the body, which rows have `w:tblHeader`.
    pub(in crate::docx) fn marked(document: &Element) -> Vec<Vec<bool>> {
        document
            .child("w:body")
            .unwrap()
            .elements()
            .filter(|e| e.name == "w:tbl")
            .map(|t| {
                t.elements()
                    .filter(|e| e.name == "w:tr")
                    .map(|r| {
                        r.child("w:trPr")
                            .is_some_and(|p| p.child("w:tblHeader").is_some())
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn marks_exactly_the_rows_the_builder_named() {
        let (h, t) = ("TableHeading", "TableText");
        // 1: two header rows, then a body row in the heading style (the old
        // heuristic, leading TableHeading rows of a UNTable, marked three);
        // 2: a header row in a table of another style (it marked none);
        // 3: no header rows although the first row is in the heading style;
        // a table nested in a cell is not one of the body's tables.
        let nested = format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>",
            tbl("UNTable", &[h])
        );
        let mut doc = parse(&format!(
            "<w:document><w:body>{}<w:p/>{}<w:p/>{}<w:p/>{nested}<w:sectPr/></w:body></w:document>",
            tbl("UNTable", &[h, h, h, t]),
            tbl("TableNormal", &[t, t]),
            tbl("UNTable", &[h, t]),
        ));
        let tables = [facts(4, 2), facts(2, 1), facts(2, 0), facts(1, 0)];
        mark_header_rows(&mut doc, &tables).unwrap();
        assert_eq!(
            marked(&doc),
            [
                vec![true, true, false, false],
                vec![true, false],
                vec![false, false],
                vec![false],
            ]
        );
        // trPr comes before the cells.
        let body = doc.child("w:body").unwrap();
        let first_row = body.child("w:tbl").unwrap().child("w:tr").unwrap();
        assert_eq!(names(first_row), ["w:trPr", "w:tc"]);
        let mut found = Vec::new();
        doc.descendants("w:tblHeader", &mut found);
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn refuses_tables_that_do_not_match_the_facts() {
        let doc = parse(&format!(
            "<w:document><w:body>{}</w:body></w:document>",
            tbl("UNTable", &["A", "B"])
        ));
        for tables in [
            vec![],
            vec![facts(2, 1), facts(2, 1)],
            vec![facts(3, 1)],
            vec![facts(2, 3)],
        ] {
            let mut doc = doc.clone();
            assert!(mark_header_rows(&mut doc, &tables).is_err(), "{tables:?}");
            assert_eq!(marked(&doc), [vec![false, false]], "nothing marked");
        }
    }

    #[test]
    fn merges_into_an_existing_row_property() {
        let mut doc = parse(
            r#"<w:document><w:body><w:tbl><w:tr><w:trPr><w:cantSplit/><w:ins/></w:trPr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>"#,
        );
        mark_header_rows(&mut doc, &[facts(1, 1)]).unwrap();
        put_in_schema_order(&mut doc);
        let tr = doc
            .child("w:body")
            .unwrap()
            .child("w:tbl")
            .unwrap()
            .child("w:tr")
            .unwrap();
        assert_eq!(
            names(tr.child("w:trPr").unwrap()),
            ["w:cantSplit", "w:tblHeader", "w:ins"]
        );
    }

    #[test]
    fn marks_the_builders_footnotes_and_adds_the_separators() {
        let src = concat!(
            r#"<w:footnotes>"#,
            r#"<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="Other"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p></w:footnote>"#,
            r#"<w:footnote w:id="2"><w:p><w:r><w:t>b</w:t></w:r></w:p></w:footnote>"#,
            r#"</w:footnotes>"#
        );
        let mut notes = parse(src);
        fix_footnotes(&mut notes, &[1, 2], &[]).unwrap();
        let ids: Vec<_> = notes
            .elements()
            .map(|e| e.attr("w:id").unwrap().into_owned())
            .collect();
        assert_eq!(ids, ["-1", "0", "1", "2"]);
        let regular: Vec<_> = notes.elements().skip(2).collect();
        assert_eq!(
            names(regular[0].child("w:p").unwrap()),
            ["w:pPr", "w:r", "w:r"]
        );
        assert_eq!(names(regular[1].child("w:p").unwrap()), ["w:r", "w:r"]);
        for note in regular {
            let mark = note.child("w:p").unwrap().child("w:r").unwrap();
            assert_eq!(names(mark), ["w:rPr", "w:footnoteRef"]);
        }

        for ours in [&[1][..], &[1, 2, 3], &[]] {
            assert!(
                fix_footnotes(&mut parse(src), ours, &[]).is_err(),
                "{ours:?}"
            );
        }
    }
    #[test]
    fn a_note_with_a_mark_of_its_own_prints_it_and_its_reference_says_so() {
        let src = concat!(
            r#"<w:footnotes>"#,
            r#"<w:footnote w:id="1"><w:p><w:r><w:t>numbered</w:t></w:r></w:p></w:footnote>"#,
            r#"<w:footnote w:id="2"><w:p><w:r><w:t>lettered</w:t></w:r></w:p></w:footnote>"#,
            r#"</w:footnotes>"#
        );
        let mut notes = parse(src);
        fix_footnotes(&mut notes, &[1, 2], &[(2, "a&b".into())]).unwrap();
        let regular: Vec<_> = notes.elements().skip(2).collect();
        let mark = |i: usize| regular[i].child("w:p").unwrap().child("w:r").unwrap();
        assert_eq!(names(mark(0)), ["w:rPr", "w:footnoteRef"]);
        assert_eq!(names(mark(1)), ["w:rPr", "w:t"]);
        assert_eq!(
            mark(1).child("w:t").unwrap().children,
            [Node::Text("a&amp;b".into())]
        );

        let mut document = parse(concat!(
            r#"<w:document><w:body><w:p>"#,
            r#"<w:r><w:footnoteReference w:id="1"/></w:r>"#,
            r#"<w:r><w:footnoteReference w:id="2"/><w:t>a</w:t></w:r>"#,
            r#"</w:p></w:body></w:document>"#
        ));
        mark_custom_references(&mut document, &[(2, "a".into())]);
        let mut refs = Vec::new();
        document.descendants("w:footnoteReference", &mut refs);
        let custom: Vec<_> = refs
            .iter()
            .map(|r| r.attr("w:customMarkFollows").map(|v| v.into_owned()))
            .collect();
        assert_eq!(custom, [None, Some("1".into())]);
    }
}
