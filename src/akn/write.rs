//! Writing a resolution as AKN4UN XML.

use std::collections::{HashMap, HashSet};
use std::io;

use quick_xml::escape::{escape, partial_escape};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;

use super::{lang_code, letter_label, organ_code, organ_name, AKN_NS, EMPTY, RES, RESOLUTE_NS};
use crate::model::{
    segments, Annex, Date, Lang, Meeting, OperativeParagraph, PreambularParagraph, Resolution,
    Segment, SubParagraph,
};

type W = Writer<Vec<u8>>;
type R = io::Result<()>;

/// The resolution as AKN4UN XML, pretty-printed with two-space indentation.
///
/// The same resolution always gives the same bytes: attributes come in a fixed
/// order, identifiers are derived from the content, and nothing depends on the
/// clock. [`from_akn`](super::from_akn) reads the result back unchanged.
#[must_use]
pub fn to_akn(resolution: &Resolution) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let written = Export::new(resolution).document(&mut w);
    // Writing into a Vec<u8> cannot fail.
    debug_assert!(written.is_ok());
    let mut xml = String::from_utf8_lossy(&w.into_inner()).into_owned();
    xml.push('\n');
    xml
}

/// The state of one export: identifiers decided up front, notes written so far.
struct Export<'r> {
    r: &'r Resolution,
    /// The date in the FRBR identification, and its `name`.
    frbr_date: (Date, &'static str),
    /// The `eId` of each operative paragraph, in order.
    para_ids: Vec<String>,
    /// The `eId` of each footnote's `authorialNote`, by marker.
    note_ids: HashMap<&'r str, String>,
    /// Markers whose `authorialNote` is already written.
    written: HashSet<&'r str>,
}

impl<'r> Export<'r> {
    fn new(r: &'r Resolution) -> Export<'r> {
        Export {
            r,
            frbr_date: frbr_date(r),
            para_ids: paragraph_ids(r),
            note_ids: note_ids(r),
            written: HashSet::new(),
        }
    }

    fn document(&mut self, w: &mut W) -> R {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        start(w, "akomaNtoso", &[("xmlns", AKN_NS)])?;
        start(w, "statement", &[("name", "resolution")])?;
        self.meta(w)?;
        self.preface(w)?;
        self.preamble(w)?;
        self.main_body(w)?;
        if let Some(meeting) = &self.r.meeting {
            self.conclusions(w, meeting)?;
        }
        self.attachments(w)?;
        end(w, "statement")?;
        end(w, "akomaNtoso")
    }

    // ----- meta -----

    fn meta(&self, w: &mut W) -> R {
        start(w, "meta", &[])?;
        self.identification(w, "!main")?;
        self.references(w)?;
        self.proprietary(w)?;
        end(w, "meta")
    }

    /// The work IRI: `/akn/un/statement/resolution/ecosoc/2015-07-21/2015-23`.
    fn work_iri(&self) -> String {
        format!(
            "/akn/un/statement/resolution/{}/{}/{}",
            organ_code(self.r.organ),
            self.frbr_date.0,
            iri_token(&self.r.number)
        )
    }

    fn identification(&self, w: &mut W, component: &str) -> R {
        let work = self.work_iri();
        let expr = format!("{work}/{}@", lang_code(self.r.language));
        let (date, date_name) = (self.frbr_date.0.to_string(), self.frbr_date.1);
        let author = format!("#{}", organ_code(self.r.organ));
        start(w, "identification", &[("source", "#resolute")])?;
        start(w, "FRBRWork", &[])?;
        frbr_core(
            w,
            &format!("{work}/{component}"),
            &work,
            &date,
            date_name,
            &author,
        )?;
        empty(w, "FRBRcountry", &[("value", "un")])?;
        empty(w, "FRBRnumber", &[("value", &self.r.number)])?;
        empty(w, "FRBRname", &[("value", "resolution")])?;
        end(w, "FRBRWork")?;
        start(w, "FRBRExpression", &[])?;
        frbr_core(
            w,
            &format!("{expr}/{component}"),
            &expr,
            &date,
            date_name,
            &author,
        )?;
        empty(
            w,
            "FRBRlanguage",
            &[("language", lang_code(self.r.language))],
        )?;
        end(w, "FRBRExpression")?;
        start(w, "FRBRManifestation", &[])?;
        let this = format!("{expr}/{component}.xml");
        frbr_core(
            w,
            &this,
            &format!("{expr}.akn"),
            &date,
            "generation",
            "#resolute",
        )?;
        empty(w, "FRBRformat", &[("value", "application/akn+xml")])?;
        end(w, "FRBRManifestation")?;
        end(w, "identification")
    }

    fn references(&self, w: &mut W) -> R {
        let code = organ_code(self.r.organ);
        start(w, "references", &[("source", "#resolute")])?;
        empty(
            w,
            "TLCOrganization",
            &[
                ("eId", code),
                ("href", &format!("/akn/ontology/organizations/un/{code}")),
                ("showAs", organ_name(self.r.organ)),
            ],
        )?;
        empty(
            w,
            "TLCOrganization",
            &[
                ("eId", "resolute"),
                ("href", "/akn/ontology/organizations/resolute"),
                ("showAs", "resolute"),
            ],
        )?;
        if let Some(meeting) = &self.r.meeting {
            let href = format!("/akn/ontology/events/un/{code}/{}", meeting.date);
            empty(
                w,
                "TLCEvent",
                &[
                    ("eId", "meeting"),
                    ("href", &href),
                    ("showAs", &meeting.name),
                ],
            )?;
        }
        end(w, "references")
    }

    /// What AKN has no element for, in resolute's namespace.
    fn proprietary(&self, w: &mut W) -> R {
        let ns_decl = format!("xmlns:{RES}");
        start(w, "proprietary", &[("source", "#resolute")])?;
        start(w, &res("resolution"), &[(&ns_decl, RESOLUTE_NS)])?;
        leaf(w, &res("organ"), &[], self.r.organ.key())?;
        if let Some(source) = &self.r.source {
            leaf(w, &res("source"), &[], source)?;
        }
        if let Some(item) = &self.r.agenda_item {
            let attrs = [("number", item.number.as_str())];
            leaf(
                w,
                &res("agendaItem"),
                &attrs,
                item.title.as_deref().unwrap_or(""),
            )?;
        }
        for (p, id) in self.r.all_operative().zip(&self.para_ids) {
            if let Some(short) = &p.short {
                leaf(w, &res("short"), &[("href", &format!("#{id}"))], short)?;
            }
        }
        self.footnote_list(w)?;
        end(w, &res("resolution"))?;
        end(w, "proprietary")
    }

    /// Every footnote in model order: cited ones point at their note, the
    /// others carry their text.
    fn footnote_list(&self, w: &mut W) -> R {
        if self.r.footnotes.is_empty() {
            return Ok(());
        }
        start(w, &res("footnotes"), &[])?;
        let mut seen = HashSet::new();
        for f in &self.r.footnotes {
            let first = seen.insert(f.marker.as_str());
            match self.note_ids.get(f.marker.as_str()) {
                Some(id) if first => empty(
                    w,
                    &res("footnote"),
                    &[("marker", &f.marker), ("href", &format!("#{id}"))],
                )?,
                _ => leaf(w, &res("footnote"), &[("marker", &f.marker)], &f.text)?,
            }
        }
        end(w, &res("footnotes"))
    }

    // ----- preface, preamble -----

    fn preface(&mut self, w: &mut W) -> R {
        start(w, "preface", &[])?;
        if let Some(committee) = &self.r.committee {
            let line = fragment(|f| leaf(f, "docCommittee", &[], committee))?;
            mixed(w, "p", &[("class", "committee")], &line)?;
        }
        let number = fragment(|f| leaf(f, "docNumber", &[], &self.r.number))?;
        mixed(w, "p", &[], &number)?;
        let title = self.inline(&self.r.title)?;
        let title = fragment(|f| mixed(f, "docTitle", &[], &title))?;
        mixed(w, "p", &[], &title)?;
        end(w, "preface")
    }

    fn preamble(&mut self, w: &mut W) -> R {
        start(w, "preamble", &[])?;
        start(w, "formula", &[("name", "enactingFormula")])?;
        leaf(w, "p", &[], &self.r.formula)?;
        end(w, "formula")?;
        let r = self.r;
        for (i, p) in r.preamble.iter().enumerate() {
            self.preambular(w, p, &format!("preamble__para_{}", i + 1))?;
        }
        end(w, "preamble")
    }

    fn preambular(&mut self, w: &mut W, p: &'r PreambularParagraph, id: &str) -> R {
        start(
            w,
            "container",
            &[("eId", id), ("name", "preambularParagraph")],
        )?;
        let content = self.led(non_empty(&p.lead), &p.text)?;
        if p.subparagraphs.is_empty() {
            mixed(w, "p", &[], &content)?;
        } else {
            let list = format!("{id}__list_1");
            start(w, "blockList", &[("eId", &list)])?;
            mixed(w, "listIntroduction", &[], &content)?;
            for (s, sid) in p
                .subparagraphs
                .iter()
                .zip(sub_ids(&list, "item", &p.subparagraphs))
            {
                start(w, "item", &[("eId", &sid)])?;
                leaf(w, "num", &[], &letter_label(self.r.language, &s.letter))?;
                let content = self.led(s.lead.as_deref(), &s.text)?;
                mixed(w, "p", &[], &content)?;
                end(w, "item")?;
            }
            end(w, "blockList")?;
        }
        end(w, "container")
    }

    // ----- main body -----

    fn main_body(&mut self, w: &mut W) -> R {
        start(w, "mainBody", &[])?;
        let r = self.r;
        let mut ids = self.para_ids.clone().into_iter();
        for p in &r.operative {
            let id = ids.next().unwrap_or_default();
            self.operative(w, p, &id)?;
        }
        let mut used = HashSet::new();
        for part in &r.parts {
            let pid = unique(&mut used, &format!("part_{}", iri_token(&part.number)));
            start(w, "part", &[("eId", &pid)])?;
            leaf(w, "num", &[], &part.number)?;
            if let Some(heading) = &part.heading {
                let heading = self.inline(heading)?;
                mixed(w, "heading", &[], &heading)?;
            }
            if !part.preamble.is_empty() {
                start(w, "intro", &[])?;
                for (i, p) in part.preamble.iter().enumerate() {
                    self.preambular(w, p, &format!("{pid}__preamble__para_{}", i + 1))?;
                }
                end(w, "intro")?;
            }
            for p in &part.operative {
                let id = ids.next().unwrap_or_default();
                self.operative(w, p, &id)?;
            }
            if part.operative.is_empty() {
                start(w, "content", &[])?;
                placeholder(w)?;
                end(w, "content")?;
            }
            end(w, "part")?;
        }
        if r.operative.is_empty() && r.parts.is_empty() {
            placeholder(w)?;
        }
        end(w, "mainBody")
    }

    fn operative(&mut self, w: &mut W, p: &'r OperativeParagraph, id: &str) -> R {
        start(w, "paragraph", &[("eId", id)])?;
        leaf(w, "num", &[], &format!("{}.", p.number))?;
        let content = self.led(non_empty(&p.lead), &p.text)?;
        if p.subparagraphs.is_empty() {
            start(w, "content", &[])?;
            mixed(w, "p", &[], &content)?;
            end(w, "content")?;
        } else {
            let list = format!("{id}__list_1");
            start(w, "list", &[("eId", &list)])?;
            start(w, "intro", &[])?;
            mixed(w, "p", &[], &content)?;
            end(w, "intro")?;
            for (s, sid) in p
                .subparagraphs
                .iter()
                .zip(sub_ids(&list, "point", &p.subparagraphs))
            {
                self.point(w, s, &sid)?;
            }
            end(w, "list")?;
        }
        end(w, "paragraph")
    }

    fn point(&mut self, w: &mut W, s: &'r SubParagraph, id: &str) -> R {
        start(w, "point", &[("eId", id)])?;
        leaf(w, "num", &[], &letter_label(self.r.language, &s.letter))?;
        start(w, "content", &[])?;
        let content = self.led(s.lead.as_deref(), &s.text)?;
        mixed(w, "p", &[], &content)?;
        end(w, "content")?;
        end(w, "point")
    }

    // ----- conclusions, annexes -----

    fn conclusions(&self, w: &mut W, meeting: &Meeting) -> R {
        start(w, "conclusions", &[])?;
        let line = fragment(|f| {
            leaf(f, "event", &[("refersTo", "#meeting")], &meeting.name)?;
            text(f, " ")?;
            let date = meeting.date.to_string();
            let shown = display_date(self.r.language, meeting.date);
            leaf(f, "docDate", &[("date", &date)], &shown)
        })?;
        mixed(w, "p", &[], &line)?;
        end(w, "conclusions")
    }

    fn attachments(&self, w: &mut W) -> R {
        if self.r.annexes.is_empty() {
            return Ok(());
        }
        start(w, "attachments", &[])?;
        for (i, annex) in self.r.annexes.iter().enumerate() {
            self.annex(w, annex, i + 1)?;
        }
        end(w, "attachments")
    }

    fn annex(&self, w: &mut W, annex: &Annex, n: usize) -> R {
        start(w, "attachment", &[("eId", &format!("att_{n}"))])?;
        start(w, "doc", &[("name", "annex")])?;
        start(w, "meta", &[])?;
        self.identification(w, &format!("!annex_{n}"))?;
        end(w, "meta")?;
        start(w, "preface", &[])?;
        leaf(w, "p", &[("class", "heading")], &annex.heading)?;
        if let Some(title) = &annex.title {
            let title = fragment(|f| leaf(f, "docTitle", &[], title))?;
            mixed(w, "p", &[("class", "title")], &title)?;
        }
        end(w, "preface")?;
        start(w, "mainBody", &[])?;
        for p in &annex.paragraphs {
            leaf(w, "p", &[], p)?;
        }
        if annex.paragraphs.is_empty() {
            placeholder(w)?;
        }
        end(w, "mainBody")?;
        end(w, "doc")?;
        end(w, "attachment")
    }

    // ----- inline content -----

    /// Lead words in `<i>` and a space, then the text.
    fn led(&mut self, lead: Option<&str>, text_: &'r str) -> io::Result<String> {
        let mut out = match lead {
            Some(lead) => fragment(|f| {
                leaf(f, "i", &[], lead)?;
                text(f, " ")
            })?,
            None => String::new(),
        };
        out.push_str(&self.inline(text_)?);
        Ok(out)
    }

    /// Text with its footnote markers as `authorialNote` (first citation) or
    /// `noteRef` (later ones); a marker with no footnote stays as text.
    fn inline(&mut self, content: &'r str) -> io::Result<String> {
        let mut f = Writer::new(Vec::new());
        for seg in segments(content) {
            match seg {
                Segment::Text(t) => text(&mut f, t)?,
                Segment::Note(m) => self.note(&mut f, m)?,
            }
        }
        Ok(String::from_utf8_lossy(&f.into_inner()).into_owned())
    }

    fn note(&mut self, f: &mut W, marker: &'r str) -> R {
        let (Some(id), Some(note)) = (self.note_ids.get(marker), self.r.footnote(marker)) else {
            return text(f, &format!("[^{marker}]"));
        };
        if !self.written.insert(marker) {
            return empty(
                f,
                "noteRef",
                &[("href", &format!("#{id}")), ("marker", marker)],
            );
        }
        let attrs = [("marker", marker), ("placement", "bottom"), ("eId", id)];
        start(f, "authorialNote", &attrs)?;
        leaf(f, "p", &[], &note.text)?;
        end(f, "authorialNote")
    }
}

/// The FRBR date: adoption, else the meeting, else a placeholder.
fn frbr_date(r: &Resolution) -> (Date, &'static str) {
    match (r.date, &r.meeting) {
        (Some(date), _) => (date, "adoption"),
        (None, Some(m)) => (m.date, "meeting"),
        (None, None) => (
            Date {
                year: 9999,
                month: 1,
                day: 1,
            },
            "unknown",
        ),
    }
}

/// `para_N` for each operative paragraph (`part_X__para_N` in a part), in
/// the order of [`Resolution::all_operative`], made unique if numbers repeat.
fn paragraph_ids(r: &Resolution) -> Vec<String> {
    let mut used = HashSet::new();
    let mut parts = HashSet::new();
    let mut ids: Vec<String> = r
        .operative
        .iter()
        .map(|p| unique(&mut used, &format!("para_{}", p.number)))
        .collect();
    for part in &r.parts {
        let pid = unique(&mut parts, &format!("part_{}", iri_token(&part.number)));
        ids.extend(
            part.operative
                .iter()
                .map(|p| unique(&mut used, &format!("{pid}__para_{}", p.number))),
        );
    }
    ids
}

/// `{list}__{kind}_{letter}` for each sub-paragraph; a letter that is not a
/// plain word uses its position instead.
fn sub_ids(list: &str, kind: &str, subs: &[SubParagraph]) -> Vec<String> {
    let mut used = HashSet::new();
    subs.iter()
        .enumerate()
        .map(|(i, s)| {
            let plain = !s.letter.is_empty() && s.letter.chars().all(char::is_alphanumeric);
            let key = if plain {
                s.letter.clone()
            } else {
                (i + 1).to_string()
            };
            unique(&mut used, &format!("{list}__{kind}_{key}"))
        })
        .collect()
}

/// `want`, or `want-2`, `want-3` … if already used.
fn unique(used: &mut HashSet<String>, want: &str) -> String {
    let mut id = want.to_owned();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{want}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// `authorialNote_N` for each footnote, numbered in order of first citation.
fn note_ids(r: &Resolution) -> HashMap<&str, String> {
    let mut ids = HashMap::new();
    let mut texts: Vec<&str> = vec![&r.title];
    for p in &r.preamble {
        texts.push(&p.text);
        texts.extend(p.subparagraphs.iter().map(|s| s.text.as_str()));
    }
    for p in &r.operative {
        texts.push(&p.text);
        texts.extend(p.subparagraphs.iter().map(|s| s.text.as_str()));
    }
    for part in &r.parts {
        texts.extend(part.heading.as_deref());
        for p in &part.preamble {
            texts.push(&p.text);
            texts.extend(p.subparagraphs.iter().map(|s| s.text.as_str()));
        }
        for p in &part.operative {
            texts.push(&p.text);
            texts.extend(p.subparagraphs.iter().map(|s| s.text.as_str()));
        }
    }
    for seg in texts.into_iter().flat_map(segments) {
        if let Segment::Note(m) = seg {
            if r.footnote(m).is_some() && !ids.contains_key(m) {
                let id = format!("authorialNote_{}", ids.len() + 1);
                ids.insert(m, id);
            }
        }
    }
    ids
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// A token for IRIs: ASCII letters and digits, other runs as one `-`.
fn iri_token(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "unnumbered".to_owned()
    } else {
        out.to_owned()
    }
}

/// A date as printed in the meeting line; ISO where no form is known.
fn display_date(lang: Lang, d: Date) -> String {
    let m = usize::from(d.month.clamp(1, 12)) - 1;
    match lang {
        Lang::En => format!("{} {} {}", d.day, Date::ENGLISH_MONTHS[m], d.year),
        Lang::Fr if d.day == 1 => format!("1er {} {}", FR_MONTHS[m], d.year),
        Lang::Fr => format!("{} {} {}", d.day, FR_MONTHS[m], d.year),
        Lang::Es => format!("{} de {} de {}", d.day, ES_MONTHS[m], d.year),
        Lang::Ru => format!("{} {} {} года", d.day, RU_MONTHS[m], d.year),
        Lang::Zh => format!("{}年{}月{}日", d.year, d.month, d.day),
        Lang::Ar => d.to_string(),
    }
}

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

// ----- writing events -----

/// `res:name`.
fn res(name: &str) -> String {
    format!("{RES}:{name}")
}

fn tag<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut tag = BytesStart::new(name);
    for (key, value) in attrs {
        tag.push_attribute(Attribute {
            key: QName(key.as_bytes()),
            value: escape_attr(value).into_bytes().into(),
        });
    }
    tag
}

fn start(w: &mut W, name: &str, attrs: &[(&str, &str)]) -> R {
    w.write_event(Event::Start(tag(name, attrs)))
}

fn end(w: &mut W, name: &str) -> R {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn empty(w: &mut W, name: &str, attrs: &[(&str, &str)]) -> R {
    w.write_event(Event::Empty(tag(name, attrs)))
}

/// Text, escaped.
fn text(w: &mut W, content: &str) -> R {
    w.write_event(Event::Text(BytesText::from_escaped(escape_text(content))))
}

/// An element holding already escaped mixed content, on one line: no
/// indentation is added inside it, so its text is kept exactly.
fn mixed(w: &mut W, name: &str, attrs: &[(&str, &str)], markup: &str) -> R {
    start(w, name, attrs)?;
    w.write_event(Event::Text(BytesText::from_escaped(markup)))?;
    end(w, name)
}

/// `<p class="empty"/>`, for a `mainBody` with nothing in it: AKN wants
/// at least one block there.
fn placeholder(w: &mut W) -> R {
    empty(w, "p", &[("class", EMPTY)])
}

/// An element holding only text.
fn leaf(w: &mut W, name: &str, attrs: &[(&str, &str)], content: &str) -> R {
    mixed(w, name, attrs, &escape_text(content))
}

/// Mixed content written by `build` without indentation, as markup.
fn fragment(build: impl FnOnce(&mut W) -> R) -> io::Result<String> {
    let mut f = Writer::new(Vec::new());
    build(&mut f)?;
    Ok(String::from_utf8_lossy(&f.into_inner()).into_owned())
}

/// `FRBRthis`, `FRBRuri`, `FRBRdate` and `FRBRauthor`, common to the three levels.
fn frbr_core(w: &mut W, this: &str, uri: &str, date: &str, name: &str, author: &str) -> R {
    empty(w, "FRBRthis", &[("value", this)])?;
    empty(w, "FRBRuri", &[("value", uri)])?;
    empty(w, "FRBRdate", &[("date", date), ("name", name)])?;
    empty(w, "FRBRauthor", &[("href", author)])
}

/// Text escaped for element content; `\r` as a reference so that XML
/// end-of-line handling does not turn it into `\n`.
fn escape_text(s: &str) -> String {
    escape_chars(&partial_escape(s), &['\r'])
}

/// Text escaped for an attribute value; tabs and line ends as references so
/// that attribute normalization does not turn them into spaces.
fn escape_attr(s: &str) -> String {
    escape_chars(&escape(s), &['\t', '\n', '\r'])
}

fn escape_chars(s: &str, which: &[char]) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if which.contains(&c) {
            out.push_str("&#");
            out.push_str(&u32::from(c).to_string());
            out.push(';');
        } else {
            out.push(c);
        }
    }
    out
}
