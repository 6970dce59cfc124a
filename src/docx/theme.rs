//! A small Office theme (word/theme/theme1.xml): docx-rs writes none, Word
//! documents normally have one, and schema validators expect it. Its fonts are
//! Times New Roman, so theme-font text matches the styles; its colours are
//! Word's usual black, white and blues.

/// The part's name in the package.
pub(crate) const PART: &str = "word/theme/theme1.xml";
/// The part's content type.
pub(crate) const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
/// The relationship type from the main document.
pub(crate) const RELATIONSHIP: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
/// The relationship's target, relative to word/.
pub(crate) const TARGET: &str = "theme/theme1.xml";

/// The theme part.
pub(crate) fn xml() -> String {
    let colours = [
        ("accent1", "4472C4"),
        ("accent2", "ED7D31"),
        ("accent3", "A5A5A5"),
        ("accent4", "FFC000"),
        ("accent5", "5B9BD5"),
        ("accent6", "70AD47"),
        ("hlink", "0563C1"),
        ("folHlink", "954F72"),
    ];
    let mut clr = String::from(
        r#"<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>"#,
    );
    for (name, rgb) in colours {
        clr.push_str(&format!(r#"<a:{name}><a:srgbClr val="{rgb}"/></a:{name}>"#));
    }
    let font = r#"<a:latin typeface="Times New Roman"/><a:ea typeface=""/><a:cs typeface="Times New Roman"/>"#;
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = |w: u32| {
        format!(
            r#"<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>"#
        )
    };
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="resolute">"#,
            r#"<a:themeElements><a:clrScheme name="resolute">{clr}</a:clrScheme>"#,
            r#"<a:fontScheme name="resolute"><a:majorFont>{font}</a:majorFont><a:minorFont>{font}</a:minorFont></a:fontScheme>"#,
            r#"<a:fmtScheme name="resolute"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>"#,
            r#"<a:lnStyleLst>{l1}{l2}{l3}</a:lnStyleLst>"#,
            r#"<a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst>"#,
            r#"<a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme>"#,
            r#"</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#,
        ),
        clr = clr,
        font = font,
        fill = fill,
        l1 = line(6350),
        l2 = line(12700),
        l3 = line(19050),
        effect = effect,
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_well_formed() {
        let part = super::super::xml::parse(super::xml().as_bytes()).unwrap();
        assert_eq!(part.root.name, "a:theme");
        assert_eq!(
            part.root
                .child("a:themeElements")
                .unwrap()
                .elements()
                .count(),
            3
        );
    }
}
