//! The order of property elements the schema requires. docx-rs writes some
//! of them in another order (and the repairs append to them), which strict
//! readers and validators reject; [`put_in_schema_order`] sorts them.

use super::xml::Element;

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
    use crate::docx::xml;

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
}
