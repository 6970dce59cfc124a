//! A small element tree over quick-xml, for the repairs: parse a part, change
//! elements by name, write it back. Text and attribute values are kept
//! exactly as they were escaped in the source, so what a repair does not touch
//! is written back unchanged.

use std::borrow::Cow;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

/// A node of the tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// An element.
    Element(Element),
    /// Character data, escaped as in the source.
    Text(String),
    /// Anything else (comments, CDATA, processing instructions), kept as is.
    Other(Event<'static>),
}

/// An element with its attributes (values escaped as in the source) and children.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Element {
    /// The qualified name, e.g. `w:pPr`.
    pub name: String,
    /// Attributes in source order: qualified name and escaped value.
    pub attrs: Vec<(String, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
}

/// A parsed part: what comes before the root element, and the root.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    /// The XML declaration and anything else before the root.
    pub prolog: Vec<Event<'static>>,
    /// The root element.
    pub root: Element,
}

impl Element {
    /// A new element without attributes or children.
    pub fn new(name: &str) -> Element {
        Element {
            name: name.to_owned(),
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Adds an attribute; `value` is escaped here.
    pub fn with_attr(mut self, name: &str, value: &str) -> Element {
        self.set_attr(name, value);
        self
    }

    /// Adds a child element.
    pub fn with_child(mut self, child: Element) -> Element {
        self.children.push(Node::Element(child));
        self
    }

    /// The unescaped value of an attribute.
    pub fn attr(&self, name: &str) -> Option<Cow<'_, str>> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| quick_xml::escape::unescape(v).unwrap_or(Cow::Borrowed(v.as_str())))
    }

    /// Sets an attribute (replacing one of the same name); `value` is escaped here.
    pub fn set_attr(&mut self, name: &str, value: &str) {
        let escaped = quick_xml::escape::escape(value).into_owned();
        match self.attrs.iter_mut().find(|(k, _)| k == name) {
            Some(slot) => slot.1 = escaped,
            None => self.attrs.push((name.to_owned(), escaped)),
        }
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The child elements, mutably.
    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The first child element called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first child element called `name`, mutably.
    pub fn child_mut(&mut self, name: &str) -> Option<&mut Element> {
        self.elements_mut().find(|e| e.name == name)
    }

    /// Removes the child elements for which `drop` is true.
    pub fn remove_children(&mut self, mut drop: impl FnMut(&Element) -> bool) {
        self.children
            .retain(|n| !matches!(n, Node::Element(e) if drop(e)));
    }

    /// Visits this element and every element under it, parents before children.
    pub fn walk_mut(&mut self, f: &mut impl FnMut(&mut Element)) {
        f(self);
        for child in self.elements_mut() {
            child.walk_mut(f);
        }
    }

    /// Every element under this one (itself included) called `name`, in document order.
    #[cfg(test)]
    pub fn descendants<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        if self.name == name {
            out.push(self);
        }
        for child in self.elements() {
            child.descendants(name, out);
        }
    }

    /// Stable-sorts the child elements by their rank in `order` (names not in
    /// it go last).
    pub fn sort_children(&mut self, order: &[&str]) {
        self.sort_children_by(|e| {
            order
                .iter()
                .position(|o| *o == e.name)
                .unwrap_or(order.len())
        });
    }

    /// Stable-sorts the child elements by `rank`. Elements with text or other
    /// nodes among them are left alone (property elements have none).
    pub fn sort_children_by(&mut self, rank: impl Fn(&Element) -> usize) {
        let mut ranks = Vec::with_capacity(self.children.len());
        for node in &self.children {
            match node {
                Node::Element(e) => ranks.push(rank(e)),
                _ => return,
            }
        }
        if ranks.windows(2).any(|w| w[0] > w[1]) {
            let mut pairs: Vec<(usize, Node)> = ranks
                .into_iter()
                .zip(std::mem::take(&mut self.children))
                .collect();
            pairs.sort_by_key(|(r, _)| *r);
            self.children = pairs.into_iter().map(|(_, n)| n).collect();
        }
    }
}

/// Parses a part.
pub(crate) fn parse(bytes: &[u8]) -> Result<Part, String> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().trim_text(false);
    let mut prolog = Vec::new();
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| e.to_string())?;
        match event {
            Event::Start(start) => stack.push(element(&start)?),
            Event::Empty(start) => {
                let el = element(&start)?;
                attach(&mut stack, &mut root, Node::Element(el))?;
            }
            Event::End(_) => {
                let el = stack.pop().ok_or("unbalanced end tag")?;
                attach(&mut stack, &mut root, Node::Element(el))?;
            }
            Event::Text(text) => {
                let raw =
                    String::from_utf8(text.into_inner().into_owned()).map_err(|e| e.to_string())?;
                push_text(&mut stack, &raw);
            }
            Event::GeneralRef(r) => {
                let name =
                    String::from_utf8(r.into_inner().into_owned()).map_err(|e| e.to_string())?;
                push_text(&mut stack, &format!("&{name};"));
            }
            Event::Eof => break,
            other => {
                let other = other.into_owned();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Other(other)),
                    None if root.is_none() => prolog.push(other),
                    None => {}
                }
            }
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err("unclosed element".into());
    }
    let root = root.ok_or("no root element")?;
    Ok(Part { prolog, root })
}

fn element(start: &BytesStart) -> Result<Element, String> {
    let name = String::from_utf8(start.name().as_ref().to_vec()).map_err(|e| e.to_string())?;
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = String::from_utf8(attr.key.as_ref().to_vec()).map_err(|e| e.to_string())?;
        let value = String::from_utf8(attr.value.into_owned()).map_err(|e| e.to_string())?;
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

fn attach(stack: &mut [Element], root: &mut Option<Element>, node: Node) -> Result<(), String> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(node),
        None => match node {
            Node::Element(el) if root.is_none() => *root = Some(el),
            _ => return Err("more than one root element".into()),
        },
    }
    Ok(())
}

fn push_text(stack: &mut [Element], raw: &str) {
    // Whitespace outside the root is dropped; inside, text is merged.
    if let Some(parent) = stack.last_mut() {
        match parent.children.last_mut() {
            Some(Node::Text(t)) => t.push_str(raw),
            _ => parent.children.push(Node::Text(raw.to_owned())),
        }
    }
}

/// Writes a part back to bytes.
pub(crate) fn write(part: &Part) -> Result<Vec<u8>, String> {
    let mut writer = Writer::new(Vec::new());
    for event in &part.prolog {
        writer
            .write_event(event.clone())
            .map_err(|e| e.to_string())?;
    }
    write_element(&mut writer, &part.root).map_err(|e| e.to_string())?;
    Ok(writer.into_inner())
}

fn write_element(writer: &mut Writer<Vec<u8>>, el: &Element) -> std::io::Result<()> {
    let mut start = BytesStart::new(el.name.as_str());
    for (k, v) in &el.attrs {
        start.push_attribute(Attribute::from((k.as_bytes(), v.as_bytes())));
    }
    if el.children.is_empty() {
        return writer.write_event(Event::Empty(start));
    }
    writer.write_event(Event::Start(start))?;
    for child in &el.children {
        match child {
            Node::Element(e) => write_element(writer, e)?,
            Node::Text(t) => {
                writer.write_event(Event::Text(BytesText::from_escaped(t.as_str())))?
            }
            Node::Other(ev) => writer.write_event(ev.clone())?,
        }
    }
    writer.write_event(Event::End(BytesEnd::new(el.name.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_text_entities_and_attributes() {
        let src = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a x="1 &amp; 2"><b>A &amp; B &lt;c&gt;</b><c/></a>"#;
        let part = parse(src.as_bytes()).unwrap();
        assert_eq!(
            part.root.child("b").unwrap().children,
            vec![Node::Text("A &amp; B &lt;c&gt;".into())]
        );
        assert_eq!(part.root.attr("x").as_deref(), Some("1 & 2"));
        assert_eq!(String::from_utf8(write(&part).unwrap()).unwrap(), src);
    }

    #[test]
    fn sorts_children_by_schema_rank() {
        let mut el = Element::new("p")
            .with_child(Element::new("c"))
            .with_child(Element::new("x"))
            .with_child(Element::new("a"));
        el.sort_children(&["a", "b", "c"]);
        let names: Vec<_> = el.elements().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a", "c", "x"]);
    }

    #[test]
    fn rejects_malformed_xml() {
        assert!(parse(b"<a><b></a>").is_err());
        assert!(parse(b"").is_err());
    }
}
