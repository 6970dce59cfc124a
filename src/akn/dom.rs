//! A small element tree read with quick-xml, keeping where each element starts
//! so that errors can point at it.

use std::path::Path;
use std::sync::Arc;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};

use crate::error::{Error, Location};

/// Deeper nesting than this is refused (AKN resolutions need about a dozen
/// levels); it keeps recursion over the tree bounded.
const MAX_DEPTH: usize = 128;

/// The file being read, for error locations.
pub(super) struct Source<'a> {
    path: &'a Path,
    text: Arc<str>,
}

impl<'a> Source<'a> {
    /// The text of `path`.
    pub(super) fn new(path: &'a Path, text: &str) -> Source<'a> {
        Source {
            path,
            text: text.into(),
        }
    }

    /// A data error at byte `pos`, with its line and column.
    pub(super) fn error(&self, pos: usize, message: impl Into<String>, hint: &str) -> Error {
        let start = pos.min(self.text.len());
        let end = self.text[floor(&self.text, start)..]
            .chars()
            .next()
            .map_or(start, |c| floor(&self.text, start) + c.len_utf8());
        Error::data(message)
            .at(Location::span(self.path, self.text.clone(), start..end))
            .hint(hint)
    }
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An element: its namespace, local name, attributes and children.
#[derive(Debug)]
pub(super) struct Element {
    /// The namespace URI, empty when unbound.
    pub ns: String,
    /// The local name.
    pub name: String,
    /// Attributes by qualified name, values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Child nodes, in order.
    pub children: Vec<Node>,
    /// The byte offset of its start tag.
    pub pos: usize,
}

/// A child of an element.
#[derive(Debug)]
pub(super) enum Node {
    /// An element.
    Element(Element),
    /// Text, with references resolved.
    Text(String),
}

impl Element {
    /// The value of attribute `name`.
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether this is `name` in namespace `ns`.
    pub(super) fn is(&self, ns: &str, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    /// The child elements.
    pub(super) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The child elements `name` in namespace `ns`.
    pub(super) fn all<'s>(
        &'s self,
        ns: &'s str,
        name: &'s str,
    ) -> impl Iterator<Item = &'s Element> + 's {
        self.elements().filter(move |e| e.is(ns, name))
    }

    /// The first child element `name` in namespace `ns`.
    pub(super) fn child(&self, ns: &str, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(ns, name))
    }

    /// The first element `name` in namespace `ns` below this one, depth first.
    pub(super) fn find(&self, ns: &str, name: &str) -> Option<&Element> {
        self.elements().find_map(|e| {
            if e.is(ns, name) {
                Some(e)
            } else {
                e.find(ns, name)
            }
        })
    }

    /// Every element `name` in namespace `ns` below this one, in document order.
    pub(super) fn find_all<'s>(&'s self, ns: &str, name: &str, out: &mut Vec<&'s Element>) {
        for e in self.elements() {
            if e.is(ns, name) {
                out.push(e);
            }
            e.find_all(ns, name, out);
        }
    }

    /// All the text below this element, markup dropped.
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }
}

/// Parses `xml` into its root element.
pub(super) fn parse(xml: &str, src: &Source) -> crate::Result<Element> {
    let mut reader = NsReader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let pos = to_usize(reader.buffer_position());
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ns, event)) => (namespace(&ns), event),
            Err(err) => return Err(syntax_error(&reader, &err, src)),
        };
        let open = Open {
            stack: &mut stack,
            root: &mut root,
            pos,
            src,
        };
        match event {
            Event::Start(e) => open.start(element(&e, ns, pos, src)?)?,
            Event::Empty(e) => open.empty(element(&e, ns, pos, src)?)?,
            Event::End(_) => open.end()?,
            Event::Text(t) => open.text(&decode(t.xml10_content(), pos, src)?)?,
            Event::CData(t) => open.text(&decode(t.xml10_content(), pos, src)?)?,
            Event::GeneralRef(r) => open.text(&reference(&r, pos, src)?)?,
            Event::Eof => return open.finish(to_usize(reader.buffer_position())),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn namespace(ns: &ResolveResult) -> String {
    match ns {
        ResolveResult::Bound(ns) => String::from_utf8_lossy(ns.as_ref()).into_owned(),
        _ => String::new(),
    }
}

fn syntax_error<R>(reader: &NsReader<R>, err: &quick_xml::Error, src: &Source) -> Error {
    src.error(
        to_usize(reader.error_position()),
        format!("malformed XML: {err}"),
        "the file must be well-formed XML; check the tag or reference here",
    )
}

fn decode<E: std::fmt::Display>(
    text: Result<std::borrow::Cow<str>, E>,
    pos: usize,
    src: &Source,
) -> crate::Result<String> {
    text.map(std::borrow::Cow::into_owned).map_err(|err| {
        src.error(
            pos,
            format!("malformed text: {err}"),
            "save the file as UTF-8",
        )
    })
}

fn reference(r: &BytesRef, pos: usize, src: &Source) -> crate::Result<String> {
    let bad = |what: String| {
        src.error(
            pos,
            what,
            "use &amp; &lt; &gt; &quot; &apos; or a character reference such as &#233;",
        )
    };
    match r.resolve_char_ref() {
        Ok(Some(c)) => return Ok(c.to_string()),
        Ok(None) => {}
        Err(err) => return Err(bad(format!("bad character reference: {err}"))),
    }
    let name = String::from_utf8_lossy(r);
    resolve_predefined_entity(&name)
        .map(str::to_owned)
        .ok_or_else(|| bad(format!("unknown entity `&{name};`")))
}

fn element(e: &BytesStart, ns: String, pos: usize, src: &Source) -> crate::Result<Element> {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|err| {
            src.error(
                pos,
                format!("malformed attribute in `<{name}>`: {err}"),
                "write attributes as name=\"value\", each name once",
            )
        })?;
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| {
                src.error(
                    pos,
                    format!("malformed attribute value in `<{name}>`: {err}"),
                    "escape & as &amp; and < as &lt; in attribute values",
                )
            })?;
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        ns,
        name,
        attrs,
        children: Vec::new(),
        pos,
    })
}

/// The tree being built, for one event.
struct Open<'s, 'a> {
    stack: &'s mut Vec<Element>,
    root: &'s mut Option<Element>,
    pos: usize,
    src: &'s Source<'a>,
}

impl Open<'_, '_> {
    fn start(self, el: Element) -> crate::Result<()> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.src.error(
                self.pos,
                format!("elements nested more than {MAX_DEPTH} deep"),
                "an AKN resolution is only about a dozen levels deep",
            ));
        }
        self.check_single_root()?;
        self.stack.push(el);
        Ok(())
    }

    fn empty(self, el: Element) -> crate::Result<()> {
        self.check_single_root()?;
        self.attach(el);
        Ok(())
    }

    fn end(self) -> crate::Result<()> {
        match self.stack.pop() {
            Some(el) => {
                self.attach(el);
                Ok(())
            }
            None => Err(self.src.error(
                self.pos,
                "closing tag without an opening tag",
                "remove it or add the matching opening tag",
            )),
        }
    }

    fn text(self, text: &str) -> crate::Result<()> {
        match self.stack.last_mut() {
            Some(parent) => {
                if let Some(Node::Text(prev)) = parent.children.last_mut() {
                    prev.push_str(text);
                } else {
                    parent.children.push(Node::Text(text.to_owned()));
                }
                Ok(())
            }
            None if text.trim().is_empty() => Ok(()),
            None => Err(self.src.error(
                self.pos,
                "text outside the root element",
                "an AKN file holds one <akomaNtoso> element and nothing else",
            )),
        }
    }

    fn finish(self, end: usize) -> crate::Result<Element> {
        if let Some(open) = self.stack.last() {
            return Err(self.src.error(
                end,
                format!("the file ends inside `<{}>`", open.name),
                "the file looks truncated: every element must be closed",
            ));
        }
        self.root.take().ok_or_else(|| {
            self.src.error(
                end,
                "no XML element in the file",
                "an AKN file holds one <akomaNtoso> element",
            )
        })
    }

    fn check_single_root(&self) -> crate::Result<()> {
        if self.stack.is_empty() && self.root.is_some() {
            return Err(self.src.error(
                self.pos,
                "a second element after the root element",
                "an AKN file holds one <akomaNtoso> element and nothing else",
            ));
        }
        Ok(())
    }

    fn attach(self, el: Element) {
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(Node::Element(el)),
            None => *self.root = Some(el),
        }
    }
}
