//! The pass over the package docx-rs wrote: it unzips it, parses the XML parts
//! with quick-xml into element trees, adds what docx-rs cannot write, puts
//! property elements in the order the schema requires, and zips the parts
//! again in a fixed order with fixed times.
//!
//! What it adds:
//! - `w:tblHeader` in the header rows of our tables (rows at the top of a
//!   `UNTable` table whose paragraphs are all `TableHeading`), so they repeat;
//! - the footnote separators and the `w:footnoteRef` mark in each footnote;
//! - `w:updateFields` and the footnote separators in settings.xml;
//! - `w:lang` in the default run properties, `w:default` on the default
//!   styles, and a styles part without docx-rs's duplicate empty Normal;
//! - the title and the language in the core properties;
//! - a theme part (docx-rs writes none).
//!
//! docx-rs writes every WordprocessingML element with the `w:` prefix, which
//! the pass relies on.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::xml::{self, Element, Node, Part};
use super::{styles, theme};
use crate::model::Date;

/// The author recorded in the core properties (docx-rs writes "unknown").
const CREATOR: &str = "resolute";

/// What the pass needs to know about the document.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// The BCP 47 language tag, e.g. `en-GB`.
    pub lang: &'static str,
    /// The title for the core properties.
    pub title: String,
    /// The date of the zip entries.
    pub date: Date,
    /// Whether the document has footnotes (then footnotes.xml is in use).
    pub has_footnotes: bool,
}

/// Rewrites the package `raw`.
pub(crate) fn finish(raw: &[u8], options: &Options) -> Result<Vec<u8>, String> {
    let mut archive = ZipArchive::new(Cursor::new(raw)).map_err(|e| e.to_string())?;
    let time = DateTime::from_date_and_time(
        options.date.year.clamp(1980, 2107) as u16,
        options.date.month,
        options.date.day,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let file_options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let mut para_ids = 0;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().to_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        let bytes =
            transform(&name, bytes, options, &mut para_ids).map_err(|e| format!("{name}: {e}"))?;
        out.start_file(name, file_options)
            .map_err(|e| e.to_string())?;
        out.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    if archive.index_for_name(theme::PART).is_none() {
        out.start_file(theme::PART, file_options)
            .map_err(|e| e.to_string())?;
        out.write_all(theme::xml().as_bytes())
            .map_err(|e| e.to_string())?;
    }
    Ok(out.finish().map_err(|e| e.to_string())?.into_inner())
}

fn transform(
    name: &str,
    bytes: Vec<u8>,
    options: &Options,
    para_ids: &mut u32,
) -> Result<Vec<u8>, String> {
    let edit: fn(&mut Part, &Options) = match name {
        "word/document.xml" => |p, _| mark_header_rows(&mut p.root),
        "word/numbering.xml" => |p, _| drop_run_properties_of_general_ppr(&mut p.root),
        "word/styles.xml" => fix_styles,
        "word/settings.xml" => fix_settings,
        "word/footnotes.xml" => |p, _| fix_footnotes(&mut p.root),
        "docProps/core.xml" => fix_core,
        "[Content_Types].xml" => |p, _| add_theme_content_type(&mut p.root),
        "word/_rels/document.xml.rels" => |p, _| add_theme_relationship(&mut p.root),
        n if (n.starts_with("word/header") || n.starts_with("word/footer"))
            && n.ends_with(".xml") =>
        {
            |_, _| {}
        }
        _ => return Ok(bytes),
    };
    let mut part = xml::parse(&bytes)?;
    edit(&mut part, options);
    if name.starts_with("word/") {
        drop_grid_column_types(&mut part.root);
        renumber_paragraph_ids(&mut part.root, para_ids);
        put_in_schema_order(&mut part.root);
    }
    xml::write(&part)
}

// ---------------------------------------------------------------------------
// Header rows.

/// Marks the header rows of our tables with `w:tblHeader`.
pub(crate) fn mark_header_rows(root: &mut Element) {
    root.walk_mut(&mut |el| {
        if el.name != "w:tbl" || !is_un_table(el) {
            return;
        }
        for row in el.elements_mut().filter(|e| e.name == "w:tr") {
            if !is_header_row(row) {
                break;
            }
            set_tbl_header(row);
        }
    });
}

fn is_un_table(tbl: &Element) -> bool {
    tbl.child("w:tblPr")
        .and_then(|p| p.child("w:tblStyle"))
        .and_then(|s| s.attr("w:val"))
        .is_some_and(|v| v == styles::UN_TABLE)
}

/// A row whose cells hold only `TableHeading` paragraphs.
fn is_header_row(row: &Element) -> bool {
    let mut cells = row.elements().filter(|e| e.name == "w:tc").peekable();
    cells.peek().is_some()
        && cells.all(|tc| {
            let mut ps = tc.elements().filter(|e| e.name == "w:p").peekable();
            ps.peek().is_some()
                && ps.all(|p| paragraph_style(p).as_deref() == Some(styles::TABLE_HEADING))
        })
}

fn paragraph_style(p: &Element) -> Option<String> {
    Some(
        p.child("w:pPr")?
            .child("w:pStyle")?
            .attr("w:val")?
            .into_owned(),
    )
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

fn fix_styles(part: &mut Part, options: &Options) {
    let root = &mut part.root;
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
                rpr.children.push(Node::Element(lang(options.lang)));
            }
        }
    }
}

/// `w:lang` for `tag`, with the East Asian and complex-script slots filled too.
fn lang(tag: &str) -> Element {
    let east_asia = if tag.starts_with("zh") { tag } else { "zh-CN" };
    let bidi = if tag.starts_with("ar") { tag } else { "ar-SA" };
    Element::new("w:lang")
        .with_attr("w:val", tag)
        .with_attr("w:eastAsia", east_asia)
        .with_attr("w:bidi", bidi)
}

// ---------------------------------------------------------------------------
// Settings.

fn fix_settings(part: &mut Part, options: &Options) {
    let root = &mut part.root;
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
    if options.has_footnotes {
        ensure(
            "w:footnotePr",
            Element::new("w:footnotePr")
                .with_child(Element::new("w:footnote").with_attr("w:id", "-1"))
                .with_child(Element::new("w:footnote").with_attr("w:id", "0")),
        );
    }
}

// ---------------------------------------------------------------------------
// Footnotes.

/// Adds the separator footnotes and starts every footnote with its mark.
fn fix_footnotes(root: &mut Element) {
    for note in root
        .elements_mut()
        .filter(|e| e.name == "w:footnote" && e.attr("w:type").is_none())
    {
        let Some(p) = note.child_mut("w:p") else {
            continue;
        };
        let at =
            usize::from(matches!(p.children.first(), Some(Node::Element(e)) if e.name == "w:pPr"));
        let mark = Element::new("w:r")
            .with_child(
                Element::new("w:rPr")
                    .with_child(Element::new("w:rStyle").with_attr("w:val", styles::FOOTNOTE_REF)),
            )
            .with_child(Element::new("w:footnoteRef"));
        p.children.insert(at, Node::Element(mark));
    }
    if root.elements().any(|e| e.attr("w:type").is_some()) {
        return;
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
}

// ---------------------------------------------------------------------------
// Theme.

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

fn fix_core(part: &mut Part, options: &Options) {
    let root = &mut part.root;
    let names = ["dc:title", "dc:language", "dc:creator", "cp:lastModifiedBy"];
    root.remove_children(|e| names.contains(&e.name.as_str()));
    let values = [options.title.as_str(), options.lang, CREATOR, CREATOR];
    for (name, value) in names.into_iter().zip(values) {
        let mut el = Element::new(name);
        el.children
            .push(Node::Text(quick_xml::escape::escape(value).into_owned()));
        root.children.push(Node::Element(el));
    }
}

// ---------------------------------------------------------------------------
// Schema order.

/// CT_PPr.
const PPR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// CT_RPr and CT_ParaRPr.
const RPR: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// CT_NumPr.
const NUMPR: &[&str] = &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"];

/// CT_SectPr (references first, in any order among themselves).
const SECTPR: &[&str] = &[
    "w:headerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

/// CT_TblPr.
const TBLPR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

/// CT_TrPr: the base properties come in any order, then these.
const TRPR: &[&str] = &["", "w:ins", "w:del", "w:trPrChange"];

/// CT_TcPr.
const TCPR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

/// CT_PBdr.
const PBDR: &[&str] = &[
    "w:top",
    "w:left",
    "w:bottom",
    "w:right",
    "w:between",
    "w:bar",
];

/// CT_TblBorders and CT_TcBorders.
const BORDERS: &[&str] = &[
    "w:top",
    "w:start",
    "w:left",
    "w:bottom",
    "w:end",
    "w:right",
    "w:insideH",
    "w:insideV",
    "w:tl2br",
    "w:tr2bl",
];

/// CT_TblCellMar and CT_TcMar.
const MARGINS: &[&str] = &["w:top", "w:start", "w:left", "w:bottom", "w:end", "w:right"];

/// CT_Style.
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

/// CT_Settings.
const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
    "w:mirrorMargins",
    "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:activeWritingStyle",
    "w:proofState",
    "w:formsDesign",
    "w:attachedTemplate",
    "w:linkStyles",
    "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod",
    "w:documentType",
    "w:mailMerge",
    "w:revisionView",
    "w:trackRevisions",
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFold",
    "w:bookFoldPrinting",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
];

/// Puts the children of property elements in the order the schema requires.
pub(crate) fn put_in_schema_order(root: &mut Element) {
    root.walk_mut(&mut |el| {
        let order: &[&str] = match el.name.as_str() {
            "w:pPr" => PPR,
            "w:rPr" => RPR,
            "w:numPr" => NUMPR,
            "w:sectPr" => {
                // Header and footer references share the first rank.
                let rank = |e: &Element| match e.name.as_str() {
                    "w:footerReference" => 0,
                    name => SECTPR
                        .iter()
                        .position(|o| *o == name)
                        .unwrap_or(SECTPR.len()),
                };
                el.sort_children_by(rank);
                return;
            }
            "w:tblPr" => TBLPR,
            "w:trPr" => {
                // The base properties come in any order, then the changes.
                el.sort_children_by(|e| TRPR.iter().position(|o| *o == e.name).unwrap_or(0));
                return;
            }
            "w:tcPr" => TCPR,
            "w:pBdr" => PBDR,
            "w:tblBorders" | "w:tcBorders" => BORDERS,
            "w:tblCellMar" | "w:tcMar" => MARGINS,
            "w:style" => STYLE,
            "w:settings" => SETTINGS,
            _ => return,
        };
        el.sort_children(order);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Element {
        xml::parse(s.as_bytes()).unwrap().root
    }

    fn names(el: &Element) -> Vec<&str> {
        el.elements().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn orders_paragraph_and_run_properties() {
        let mut p = parse(
            r#"<w:p><w:pPr><w:rPr/><w:pStyle w:val="X"/><w:jc w:val="both"/><w:ind/><w:keepNext/></w:pPr><w:r><w:rPr><w:b/><w:rStyle w:val="Y"/></w:rPr></w:r></w:p>"#,
        );
        put_in_schema_order(&mut p);
        assert_eq!(
            names(p.child("w:pPr").unwrap()),
            ["w:pStyle", "w:keepNext", "w:ind", "w:jc", "w:rPr"]
        );
        assert_eq!(
            names(p.child("w:r").unwrap().child("w:rPr").unwrap()),
            ["w:rStyle", "w:b"]
        );
    }

    #[test]
    fn orders_section_properties_keeping_references_first() {
        let mut s = parse(
            r#"<w:sectPr><w:pgSz/><w:headerReference w:type="default"/><w:footerReference w:type="default"/><w:headerReference w:type="first"/><w:titlePg/><w:cols/></w:sectPr>"#,
        );
        put_in_schema_order(&mut s);
        assert_eq!(
            names(&s),
            [
                "w:headerReference",
                "w:footerReference",
                "w:headerReference",
                "w:pgSz",
                "w:cols",
                "w:titlePg"
            ]
        );
    }

    #[test]
    fn marks_only_leading_heading_rows_of_un_tables() {
        let row = |style: &str| {
            format!(
                r#"<w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p></w:tc></w:tr>"#
            )
        };
        let tbl = |table_style: &str| {
            format!(
                r#"<w:tbl><w:tblPr><w:tblStyle w:val="{table_style}"/></w:tblPr>{}{}{}{}</w:tbl>"#,
                row("TableHeading"),
                row("TableHeading"),
                row("TableText"),
                row("TableHeading")
            )
        };
        let mut body = parse(&format!(
            "<w:body>{}{}</w:body>",
            tbl("UNTable"),
            tbl("TableNormal")
        ));
        mark_header_rows(&mut body);
        let tables: Vec<_> = body.elements().collect();
        let marked = |t: &Element| -> Vec<bool> {
            t.elements()
                .filter(|e| e.name == "w:tr")
                .map(|r| {
                    r.child("w:trPr")
                        .is_some_and(|p| p.child("w:tblHeader").is_some())
                })
                .collect()
        };
        assert_eq!(marked(tables[0]), [true, true, false, false]);
        assert_eq!(marked(tables[1]), [false, false, false, false]);
        // trPr comes before the cells.
        let first_row = tables[0].elements().find(|e| e.name == "w:tr").unwrap();
        assert_eq!(names(first_row), ["w:trPr", "w:tc"]);
    }

    #[test]
    fn merges_into_an_existing_row_property() {
        let mut tbl = parse(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="UNTable"/></w:tblPr><w:tr><w:trPr><w:cantSplit/><w:ins/></w:trPr><w:tc><w:p><w:pPr><w:pStyle w:val="TableHeading"/></w:pPr></w:p></w:tc></w:tr></w:tbl>"#,
        );
        mark_header_rows(&mut tbl);
        put_in_schema_order(&mut tbl);
        let tr = tbl.child("w:tr").unwrap();
        assert_eq!(
            names(tr.child("w:trPr").unwrap()),
            ["w:cantSplit", "w:tblHeader", "w:ins"]
        );
    }
}
