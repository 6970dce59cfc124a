//! Right-to-left text in Word, which docx-rs cannot write: added to the
//! parsed parts as the repairs add the rest (see `repair`).
//!
//! - a right-to-left paragraph (every paragraph of an Arabic document but
//!   those the facts name, and the paragraphs of a table column in Arabic)
//!   gets `w:bidi`, which mirrors its indents and alignment;
//! - a run gets `w:rtl` when it holds Arabic letters, or when it stands in a
//!   right-to-left paragraph and holds no letter of a left-to-right script
//!   (its digits and punctuation then take the complex-script font and
//!   size); a run that mixes Arabic with Latin, Cyrillic or Han letters is
//!   split first, so that document symbols and names keep their own font;
//! - the section of an Arabic document gets `w:bidi` (page numbers and
//!   columns right to left) and its tables `w:bidiVisual` (first column on
//!   the right).

use super::package::{Facts, TableFacts};
use super::xml::{Element, Node};

/// The script a character belongs to, as far as direction goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strong {
    /// An Arabic letter or Arabic-Indic digit.
    Rtl,
    /// A letter of a left-to-right script (Latin, Cyrillic, Han …).
    Ltr,
}

fn strong(c: char) -> Option<Strong> {
    let arabic = matches!(c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF);
    if arabic && (c.is_alphanumeric() || ('\u{0660}'..='\u{0669}').contains(&c)) {
        Some(Strong::Rtl)
    } else if c.is_alphabetic() && !arabic {
        Some(Strong::Ltr)
    } else {
        None
    }
}

/// The pieces of `text` that are in one direction: a piece starts at each
/// strong character of the other direction; neutral characters (spaces,
/// digits, punctuation) stay with the piece before them.
fn pieces(text: &str) -> Vec<(&str, Option<Strong>)> {
    let mut out: Vec<(&str, Option<Strong>)> = Vec::new();
    let mut start = 0;
    let mut current: Option<Strong> = None;
    for (i, c) in text.char_indices() {
        if let Some(s) = strong(c) {
            match current {
                None => current = Some(s),
                Some(cur) if cur != s => {
                    out.push((&text[start..i], current));
                    start = i;
                    current = Some(s);
                }
                Some(_) => {}
            }
        }
    }
    out.push((&text[start..], current));
    out
}

/// Sets directions in `document.xml`: its paragraphs and runs, the tables
/// (by the facts, whose columns may have a direction of their own) and the
/// section.
pub(crate) fn document(root: &mut Element, facts: &Facts) {
    let Some(body) = root.child_mut("w:body") else {
        return;
    };
    let mut tables = facts.tables.iter();
    for child in body.elements_mut() {
        match child.name.as_str() {
            "w:tbl" => table(child, tables.next(), facts),
            "w:sectPr" if facts.rtl => child.children.push(Node::Element(Element::new("w:bidi"))),
            _ => paragraphs(child, facts.rtl, facts),
        }
    }
}

/// Sets directions in a footnotes, header or footer part: every paragraph
/// takes the document's direction.
pub(crate) fn part(root: &mut Element, facts: &Facts) {
    paragraphs(root, facts.rtl, facts);
}

/// A top-level table of the body: right to left in an Arabic document, and
/// each cell's paragraphs in its column's direction if the column has one.
fn table(tbl: &mut Element, own: Option<&TableFacts>, facts: &Facts) {
    if facts.rtl {
        if let Some(props) = tbl.child_mut("w:tblPr") {
            props
                .children
                .push(Node::Element(Element::new("w:bidiVisual")));
        }
    }
    for row in tbl.elements_mut().filter(|e| e.name == "w:tr") {
        for (j, cell) in row.elements_mut().filter(|e| e.name == "w:tc").enumerate() {
            let rtl = own.and_then(|t| t.column_rtl(j)).unwrap_or(facts.rtl);
            paragraphs(cell, rtl, facts);
        }
    }
}

/// Every paragraph under `el` (tables in it included), right to left if
/// `rtl` and its style is not one the facts keep left to right.
fn paragraphs(el: &mut Element, rtl: bool, facts: &Facts) {
    if el.name == "w:p" {
        paragraph(el, rtl, facts);
        return;
    }
    for child in el.elements_mut() {
        paragraphs(child, rtl, facts);
    }
}

fn paragraph(p: &mut Element, rtl: bool, facts: &Facts) {
    let style = p
        .child("w:pPr")
        .and_then(|ppr| ppr.child("w:pStyle"))
        .and_then(|s| s.attr("w:val"))
        .map(|s| s.into_owned());
    let rtl = rtl && !style.is_some_and(|s| facts.ltr_styles.contains(&s.as_str()));
    if rtl {
        if p.child("w:pPr").is_none() {
            p.children.insert(0, Node::Element(Element::new("w:pPr")));
        }
        if let Some(ppr) = p.child_mut("w:pPr") {
            if ppr.child("w:bidi").is_none() {
                ppr.children.push(Node::Element(Element::new("w:bidi")));
            }
        }
    }
    runs(p, rtl);
}

/// The runs directly in `el` (a paragraph, or a hyperlink in it): split
/// where their letters change direction, and marked `w:rtl` where they
/// read right to left.
fn runs(el: &mut Element, rtl: bool) {
    let mut out = Vec::with_capacity(el.children.len());
    for node in std::mem::take(&mut el.children) {
        match node {
            Node::Element(r) if r.name == "w:r" => {
                for mut piece in split(&r).unwrap_or_else(|| vec![r]) {
                    mark(&mut piece, rtl);
                    out.push(Node::Element(piece));
                }
            }
            Node::Element(mut e) if e.name == "w:hyperlink" || e.name == "w:smartTag" => {
                runs(&mut e, rtl);
                out.push(Node::Element(e));
            }
            other => out.push(other),
        }
    }
    el.children = out;
}

/// A run holding one text element whose letters change direction, as one
/// run per direction with the same properties; `None` if there is nothing
/// to split.
fn split(run: &Element) -> Option<Vec<Element>> {
    let texts: Vec<&Element> = run.elements().filter(|e| e.name != "w:rPr").collect();
    let [t] = texts.as_slice() else {
        return None;
    };
    if t.name != "w:t" {
        return None;
    }
    let raw = text_of(t);
    let text = quick_xml::escape::unescape(&raw).ok()?.into_owned();
    let parts = pieces(&text);
    if parts.len() < 2 {
        return None;
    }
    let props = run.child("w:rPr").cloned();
    Some(
        parts
            .into_iter()
            .map(|(piece, _)| {
                let mut r = Element::new("w:r");
                if let Some(p) = &props {
                    r.children.push(Node::Element(p.clone()));
                }
                let mut t = Element::new("w:t").with_attr("xml:space", "preserve");
                t.children
                    .push(Node::Text(quick_xml::escape::escape(piece).into_owned()));
                r.children.push(Node::Element(t));
                r
            })
            .collect(),
    )
}

/// The text of a `w:t`, as escaped in the part.
fn text_of(t: &Element) -> String {
    t.children
        .iter()
        .filter_map(|n| match n {
            Node::Text(s) => Some(s.as_str()),
            _ => None,
        })
        .collect()
}

/// Marks a run `w:rtl` if it holds Arabic, or stands in a right-to-left
/// paragraph (`rtl`) without a left-to-right letter.
fn mark(run: &mut Element, rtl: bool) {
    let mut text = String::new();
    for t in run.elements().filter(|e| e.name == "w:t") {
        text.push_str(&text_of(t));
    }
    let text = quick_xml::escape::unescape(&text)
        .map(|t| t.into_owned())
        .unwrap_or(text);
    let has = |s: Strong| text.chars().any(|c| strong(c) == Some(s));
    if has(Strong::Rtl) || (rtl && !has(Strong::Ltr)) {
        if run.child("w:rPr").is_none() {
            run.children.insert(0, Node::Element(Element::new("w:rPr")));
        }
        if let Some(rpr) = run.child_mut("w:rPr") {
            if rpr.child("w:rtl").is_none() {
                rpr.children.push(Node::Element(Element::new("w:rtl")));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_where_its_letters_change_direction() {
        let cut: Vec<&str> = pieces("قرار E/CN.15/2017/7 المؤرخ 2015، و")
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(cut, ["قرار ", "E/CN.15/2017/7 ", "المؤرخ 2015، و"]);
        assert_eq!(pieces("1 March 2017").len(), 1);
        assert_eq!(pieces("2015/23 ").len(), 1);
        assert_eq!(pieces("").len(), 1);
    }

    #[test]
    fn digits_and_latin_letters_are_not_arabic() {
        assert_eq!(strong('ب'), Some(Strong::Rtl));
        assert_eq!(strong('٣'), Some(Strong::Rtl));
        assert_eq!(strong('،'), None);
        assert_eq!(strong('3'), None);
        assert_eq!(strong('E'), Some(Strong::Ltr));
        assert_eq!(strong('я'), Some(Strong::Ltr));
        assert_eq!(strong('汉'), Some(Strong::Ltr));
    }
}
