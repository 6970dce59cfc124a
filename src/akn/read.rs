//! Reading AKN4UN XML back into a resolution.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::dom::{self, Element, Node, Source};
use super::{lang_from, letter_of, organ_from, AKN_NS, EMPTY, RESOLUTE_NS};
use crate::model::{
    AgendaItem, Annex, Date, Footnote, Lang, Meeting, OperativeParagraph, Organ, Part,
    PreambularParagraph, Resolution, SubParagraph,
};
use crate::Result;

/// Reads a resolution from AKN4UN XML, as written by
/// [`to_akn`](super::to_akn); `path` names the file in error messages.
///
/// # Errors
///
/// Malformed XML, a document that is not AKN, a missing required part (such
/// as the number, title, date or language) and a `noteRef` to no note are
/// [`ErrorKind::Data`](crate::ErrorKind::Data) errors with the line and column
/// of the problem and a hint.
pub fn from_akn(xml: &str, path: &Path) -> Result<Resolution> {
    let src = Source::new(path, xml);
    let root = dom::parse(xml, &src)?;
    let statement = statement(&root, &src)?;
    Import::new(statement, &src)?.resolution()
}

/// The `<statement>` inside `<akomaNtoso>`.
fn statement<'d>(root: &'d Element, src: &Source) -> Result<&'d Element> {
    if !root.is(AKN_NS, "akomaNtoso") {
        let ns = if root.ns.is_empty() {
            "no namespace".to_owned()
        } else {
            format!("namespace {}", root.ns)
        };
        return Err(src.error(
            root.pos,
            format!(
                "not an Akoma Ntoso document: the root element is `<{}>` in {ns}",
                root.name
            ),
            &format!("an AKN file starts with <akomaNtoso xmlns=\"{AKN_NS}\">"),
        ));
    }
    root.child(AKN_NS, "statement").ok_or_else(|| {
        src.error(
            root.pos,
            "`<akomaNtoso>` holds no `<statement>`",
            "resolute reads resolutions written as <statement name=\"resolution\">",
        )
    })
}

/// One import: the document, its language and its notes by `eId`.
struct Import<'d> {
    src: &'d Source<'d>,
    doc: &'d Element,
    lang: Lang,
    notes: HashMap<&'d str, &'d Element>,
}

impl<'d> Import<'d> {
    fn new(doc: &'d Element, src: &'d Source<'d>) -> Result<Import<'d>> {
        let mut all = Vec::new();
        doc.find_all(AKN_NS, "authorialNote", &mut all);
        let mut notes = HashMap::new();
        for note in all {
            if let Some(id) = note.attr("eId") {
                notes.entry(id).or_insert(note);
            }
        }
        let mut import = Import {
            src,
            doc,
            lang: Lang::En,
            notes,
        };
        import.lang = import.language()?;
        Ok(import)
    }

    fn resolution(&self) -> Result<Resolution> {
        let meta = self.req(self.doc, "meta")?;
        let proprietary = proprietary(meta);
        let preface = self.req(self.doc, "preface")?;
        let number = self.req_find(preface, "docNumber")?.text();
        let title = self.inline(&self.req_find(preface, "docTitle")?.children)?;
        let (formula, preamble) = self.preamble()?;
        let mut operative = self.operative()?;
        let mut parts = self.parts()?;
        if let Some(p) = proprietary {
            let mut all: Vec<&mut OperativeParagraph> = operative
                .iter_mut()
                .chain(parts.iter_mut().flat_map(|p| p.operative.iter_mut()))
                .collect();
            self.shorts(p, &mut all)?;
        }
        let committee = preface
            .all(AKN_NS, "p")
            .find(|p| p.attr("class") == Some("committee"))
            .map(Element::text);
        let agenda_item = proprietary
            .and_then(|p| p.child(RESOLUTE_NS, "agendaItem"))
            .map(|el| -> Result<AgendaItem> {
                let title = el.text();
                Ok(AgendaItem {
                    number: self.req_attr(el, "number")?.to_owned(),
                    title: (!title.is_empty()).then_some(title),
                })
            })
            .transpose()?;
        Ok(Resolution {
            organ: self.organ(proprietary)?,
            number,
            date: self.date()?,
            language: self.lang,
            title,
            formula,
            preamble,
            operative,
            parts,
            footnotes: self.footnotes(proprietary)?,
            meeting: self.meeting()?,
            source: proprietary
                .and_then(|p| p.child(RESOLUTE_NS, "source"))
                .map(Element::text),
            annexes: self.annexes()?,
            committee,
            agenda_item,
        })
    }

    // ----- meta -----

    fn work(&self) -> Result<&'d Element> {
        let meta = self.req(self.doc, "meta")?;
        let ident = self.req(meta, "identification")?;
        self.req(ident, "FRBRWork")
    }

    fn language(&self) -> Result<Lang> {
        let meta = self.req(self.doc, "meta")?;
        let ident = self.req(meta, "identification")?;
        let expr = self.req(ident, "FRBRExpression")?;
        let el = self.req(expr, "FRBRlanguage")?;
        let code = self.req_attr(el, "language")?;
        lang_from(code).ok_or_else(|| {
            self.src.error(
                el.pos,
                format!("`{code}` is not an official UN language"),
                "use one of ara, zho, eng, fra, rus, spa",
            )
        })
    }

    /// The adoption date; `None` when `FRBRdate` says it stands for the meeting
    /// or is unknown.
    fn date(&self) -> Result<Option<Date>> {
        let el = self.req(self.work()?, "FRBRdate")?;
        let date = self.parse_date(el)?;
        match el.attr("name") {
            Some("meeting" | "unknown") => Ok(None),
            _ => Ok(Some(date)),
        }
    }

    fn parse_date(&self, el: &Element) -> Result<Date> {
        let value = self.req_attr(el, "date")?;
        value.parse().map_err(|msg: String| {
            self.src.error(
                el.pos,
                format!("bad `date` in `<{}>`: {msg}", el.name),
                "write dates as YYYY-MM-DD",
            )
        })
    }

    /// The organ: resolute's key if given, else the FRBR author.
    fn organ(&self, proprietary: Option<&Element>) -> Result<Organ> {
        if let Some(el) = proprietary.and_then(|p| p.child(RESOLUTE_NS, "organ")) {
            let key = el.text();
            return organ_from(key.trim()).ok_or_else(|| self.unknown_organ(el, &key));
        }
        let author = self.req(self.work()?, "FRBRauthor")?;
        let href = self.req_attr(author, "href")?;
        organ_from(href.trim_start_matches('#')).ok_or_else(|| self.unknown_organ(author, href))
    }

    fn unknown_organ(&self, el: &Element, what: &str) -> crate::Error {
        self.src.error(
            el.pos,
            format!("`{what}` is not an organ resolute knows"),
            "use unga, ecosoc, unsc or unhrc (general-assembly, economic-and-social-council, \
             security-council, human-rights-council)",
        )
    }

    // ----- preamble and operative part -----

    fn preamble(&self) -> Result<(String, Vec<PreambularParagraph>)> {
        let preamble = self.req(self.doc, "preamble")?;
        let formula = self.req(preamble, "formula")?;
        let formula = paragraphs_text(formula);
        let mut out = Vec::new();
        for c in preamble.all(AKN_NS, "container") {
            out.push(self.preambular(c)?);
        }
        Ok((formula, out))
    }

    fn preambular(&self, c: &Element) -> Result<PreambularParagraph> {
        if let Some(list) = c.child(AKN_NS, "blockList") {
            let intro = self.req(list, "listIntroduction")?;
            let (lead, text) = self.led(intro)?;
            let mut subparagraphs = Vec::new();
            for item in list.all(AKN_NS, "item") {
                subparagraphs.push(self.subparagraph(item, item)?);
            }
            return Ok(PreambularParagraph {
                lead: lead.unwrap_or_default(),
                text,
                subparagraphs,
            });
        }
        let (lead, text) = self.led(self.req(c, "p")?)?;
        Ok(PreambularParagraph {
            lead: lead.unwrap_or_default(),
            text,
            subparagraphs: Vec::new(),
        })
    }

    /// A lettered sub-paragraph: `<num>` in `el`, its `<p>` in `body`.
    fn subparagraph(&self, el: &Element, body: &Element) -> Result<SubParagraph> {
        let num = self.req(el, "num")?;
        let (lead, text) = self.led(self.req(body, "p")?)?;
        Ok(SubParagraph {
            letter: letter_of(self.lang, &num.text()),
            lead,
            text,
        })
    }

    fn operative(&self) -> Result<Vec<OperativeParagraph>> {
        let body = self.req(self.doc, "mainBody")?;
        body.all(AKN_NS, "paragraph")
            .map(|p| self.paragraph(p))
            .collect()
    }

    /// The `<part>`s (or `<division>`s) of the main body.
    fn parts(&self) -> Result<Vec<Part>> {
        let body = self.req(self.doc, "mainBody")?;
        let mut out = Vec::new();
        for part in body
            .elements()
            .filter(|e| e.is(AKN_NS, "part") || e.is(AKN_NS, "division"))
        {
            let number = self.req(part, "num")?.text();
            let heading = part
                .child(AKN_NS, "heading")
                .map(|h| self.inline(&h.children))
                .transpose()?;
            let mut preamble = Vec::new();
            if let Some(intro) = part.child(AKN_NS, "intro") {
                for c in intro.all(AKN_NS, "container") {
                    preamble.push(self.preambular(c)?);
                }
            }
            let operative = part
                .all(AKN_NS, "paragraph")
                .map(|p| self.paragraph(p))
                .collect::<Result<Vec<_>>>()?;
            out.push(Part {
                number,
                heading,
                preamble,
                operative,
            });
        }
        Ok(out)
    }

    fn paragraph(&self, p: &Element) -> Result<OperativeParagraph> {
        let number = self.number(self.req(p, "num")?)?;
        let (intro, subparagraphs) = match p.child(AKN_NS, "list") {
            Some(list) => {
                let intro = self.req(self.req(list, "intro")?, "p")?;
                let mut subs = Vec::new();
                for point in list.all(AKN_NS, "point") {
                    subs.push(self.subparagraph(point, self.req(point, "content")?)?);
                }
                (intro, subs)
            }
            None => (self.req(self.req(p, "content")?, "p")?, Vec::new()),
        };
        let (lead, text) = self.led(intro)?;
        Ok(OperativeParagraph {
            number,
            lead: lead.unwrap_or_default(),
            text,
            subparagraphs,
            short: None,
        })
    }

    fn number(&self, num: &Element) -> Result<u32> {
        let text = num.text();
        let digits = text.trim().trim_end_matches('.');
        digits.parse().map_err(|_| {
            self.src.error(
                num.pos,
                format!("`{text}` is not a paragraph number"),
                "number operative paragraphs as <num>1.</num>, <num>2.</num> …",
            )
        })
    }

    /// Each `<res:short href="#para_N">` onto its paragraph.
    fn shorts(
        &self,
        proprietary: &Element,
        operative: &mut [&mut OperativeParagraph],
    ) -> Result<()> {
        let body = self.req(self.doc, "mainBody")?;
        // Each eId's first paragraph, looked up by name rather than by going
        // through the paragraphs for every `short`.
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let paragraphs = body.all(AKN_NS, "paragraph").chain(
            body.elements()
                .filter(|e| e.is(AKN_NS, "part") || e.is(AKN_NS, "division"))
                .flat_map(|part| part.all(AKN_NS, "paragraph")),
        );
        for (i, p) in paragraphs.enumerate() {
            if let Some(id) = p.attr("eId") {
                ids.entry(id).or_insert(i);
            }
        }
        for short in proprietary.all(RESOLUTE_NS, "short") {
            let href = self.req_attr(short, "href")?;
            let target = href.trim_start_matches('#');
            let index = ids.get(target).copied();
            match index.and_then(|i| operative.get_mut(i)) {
                Some(p) => p.short = Some(short.text()),
                None => {
                    return Err(self.src.error(
                        short.pos,
                        format!("`{href}` is not the eId of an operative paragraph"),
                        "point href at a <paragraph eId=\"…\"> of the mainBody",
                    ))
                }
            }
        }
        Ok(())
    }

    // ----- inline content and notes -----

    /// Lead words (a first `<i>`) and the text after them, less the one
    /// space that separates them.
    fn led(&self, el: &Element) -> Result<(Option<String>, String)> {
        let (lead, rest) = match el.children.split_first() {
            Some((Node::Element(i), rest)) if i.is(AKN_NS, "i") => (Some(i.text()), rest),
            _ => (None, el.children.as_slice()),
        };
        let mut text = self.inline(rest)?;
        if lead.is_some() && text.starts_with(' ') {
            text.remove(0);
        }
        Ok((lead, text))
    }

    /// Mixed content as model text: notes become `[^marker]`, other markup
    /// is dropped.
    fn inline(&self, nodes: &[Node]) -> Result<String> {
        let mut out = String::new();
        self.inline_into(nodes, &mut out)?;
        Ok(out)
    }

    /// [`inline`](Self::inline), written onto `out` (nested markup is not
    /// copied once per level).
    fn inline_into(&self, nodes: &[Node], out: &mut String) -> Result<()> {
        for node in nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if e.is(AKN_NS, "authorialNote") => {
                    push_marker(out, self.req_attr(e, "marker")?);
                }
                Node::Element(e) if e.is(AKN_NS, "noteRef") => {
                    let note = self.note_ref(e)?;
                    push_marker(out, self.req_attr(note, "marker")?);
                }
                Node::Element(e) => self.inline_into(&e.children, out)?,
            }
        }
        Ok(())
    }

    /// The `authorialNote` an element's `href` points at.
    fn note_ref(&self, el: &Element) -> Result<&'d Element> {
        let href = self.req_attr(el, "href")?;
        self.notes
            .get(href.trim_start_matches('#'))
            .copied()
            .ok_or_else(|| {
                self.src.error(
                    el.pos,
                    format!("`{href}` points at no authorialNote of this document"),
                    "point href at the eId of an <authorialNote>, as in href=\"#authorialNote_1\"",
                )
            })
    }

    /// The footnotes, in resolute's order when recorded, else in order of
    /// first citation.
    fn footnotes(&self, proprietary: Option<&Element>) -> Result<Vec<Footnote>> {
        if let Some(list) = proprietary.and_then(|p| p.child(RESOLUTE_NS, "footnotes")) {
            return list
                .all(RESOLUTE_NS, "footnote")
                .map(|f| self.footnote(f))
                .collect();
        }
        let mut all = Vec::new();
        self.doc.find_all(AKN_NS, "authorialNote", &mut all);
        let mut out: Vec<Footnote> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for note in all {
            let marker = self.req_attr(note, "marker")?;
            if seen.insert(marker) {
                out.push(Footnote {
                    marker: marker.to_owned(),
                    text: note_text(note),
                });
            }
        }
        Ok(out)
    }

    fn footnote(&self, el: &Element) -> Result<Footnote> {
        let marker = self.req_attr(el, "marker")?.to_owned();
        let text = match el.attr("href") {
            Some(_) => note_text(self.note_ref(el)?),
            None => el.text(),
        };
        Ok(Footnote { marker, text })
    }

    // ----- conclusions and annexes -----

    fn meeting(&self) -> Result<Option<Meeting>> {
        let Some(c) = self.doc.child(AKN_NS, "conclusions") else {
            return Ok(None);
        };
        let name = self.req_find(c, "event")?.text();
        let date = self.parse_date(self.req_find(c, "docDate")?)?;
        Ok(Some(Meeting { name, date }))
    }

    fn annexes(&self) -> Result<Vec<Annex>> {
        let Some(attachments) = self.doc.child(AKN_NS, "attachments") else {
            return Ok(Vec::new());
        };
        attachments
            .all(AKN_NS, "attachment")
            .map(|a| self.annex(a))
            .collect()
    }

    fn annex(&self, attachment: &Element) -> Result<Annex> {
        let doc = self.req(attachment, "doc")?;
        let preface = self.req(doc, "preface")?;
        let heading = preface
            .all(AKN_NS, "p")
            .find(|p| p.attr("class") == Some("heading"))
            .ok_or_else(|| {
                self.src.error(
                    preface.pos,
                    "the annex has no heading",
                    "give the annex <preface> a <p class=\"heading\">Annex</p>",
                )
            })?
            .text();
        let title = preface.find(AKN_NS, "docTitle").map(Element::text);
        let paragraphs = doc
            .child(AKN_NS, "mainBody")
            .map(|b| {
                b.all(AKN_NS, "p")
                    .filter(|p| p.attr("class") != Some(EMPTY))
                    .map(Element::text)
                    .collect()
            })
            .unwrap_or_default();
        Ok(Annex {
            heading,
            title,
            paragraphs,
        })
    }

    // ----- required parts -----

    /// The child `<name>` of `parent`, which must be there.
    fn req(&self, parent: &'d Element, name: &str) -> Result<&'d Element> {
        parent
            .child(AKN_NS, name)
            .ok_or_else(|| self.missing(parent, name))
    }

    /// The first `<name>` anywhere below `parent`, which must be there.
    fn req_find(&self, parent: &'d Element, name: &str) -> Result<&'d Element> {
        parent
            .find(AKN_NS, name)
            .ok_or_else(|| self.missing(parent, name))
    }

    fn missing(&self, parent: &Element, name: &str) -> crate::Error {
        self.src.error(
            parent.pos,
            format!("`<{}>` has no `<{name}>`", parent.name),
            &format!("add the <{name}> element that AKN4UN requires here"),
        )
    }

    /// Attribute `name` of `el`, which must be there.
    fn req_attr<'e>(&self, el: &'e Element, name: &str) -> Result<&'e str> {
        el.attr(name).ok_or_else(|| {
            self.src.error(
                el.pos,
                format!("`<{}>` has no `{name}` attribute", el.name),
                &format!("add {name}=\"…\" to this <{}>", el.name),
            )
        })
    }
}

/// A footnote marker as the model writes it: `[^marker]`.
fn push_marker(out: &mut String, marker: &str) {
    out.push_str("[^");
    out.push_str(marker);
    out.push(']');
}

/// resolute's `<res:resolution>` under `<proprietary>`, if any.
fn proprietary(meta: &Element) -> Option<&Element> {
    meta.all(AKN_NS, "proprietary")
        .find_map(|p| p.child(RESOLUTE_NS, "resolution"))
}

/// The text of the `<p>`s of `el`, one line each.
fn paragraphs_text(el: &Element) -> String {
    el.all(AKN_NS, "p")
        .map(Element::text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A note's text: its paragraphs, or all its text if it has none.
fn note_text(note: &Element) -> String {
    if note.child(AKN_NS, "p").is_some() {
        paragraphs_text(note)
    } else {
        note.text()
    }
}
