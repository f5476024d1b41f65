//! The one place quick-xml writes: elements opened and closed by name,
//! attribute values and text escaped by quick-xml, never by hand.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

pub struct Xml(Writer<Vec<u8>>);

impl Xml {
    /// A new XML part, starting with its declaration.
    pub fn part() -> Xml {
        let mut xml = Xml(Writer::new(Vec::new()));
        xml.event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        xml
    }

    /// A fragment without a declaration, to be copied into a part later.
    pub fn fragment() -> Xml {
        Xml(Writer::new(Vec::new()))
    }

    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Start(start(name, attrs)));
    }

    pub fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Empty(start(name, attrs)));
    }

    /// `<name attrs>…</name>` with what `inner` writes between.
    pub fn element(&mut self, name: &str, attrs: &[(&str, &str)], inner: impl FnOnce(&mut Xml)) {
        self.open(name, attrs);
        inner(self);
        self.close(name);
    }

    /// `<name>text</name>`.
    pub fn text_element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.text(text);
        self.close(name);
    }

    pub fn text(&mut self, text: &str) {
        self.event(Event::Text(BytesText::new(text)));
    }

    /// Copies a fragment written earlier.
    pub fn append(&mut self, fragment: Xml) {
        self.0.get_mut().extend_from_slice(&fragment.finish());
    }

    pub fn as_bytes(&self) -> &[u8] {
        self.0.get_ref()
    }

    pub fn finish(self) -> Vec<u8> {
        self.0.into_inner()
    }

    fn event(&mut self, event: Event) {
        // Writing into a Vec<u8> cannot fail.
        self.0.write_event(event).expect("writing XML into memory");
    }
}

fn start<'a>(name: &'a str, attrs: &[(&'a str, &'a str)]) -> BytesStart<'a> {
    BytesStart::new(name).with_attributes(attrs.iter().copied())
}
