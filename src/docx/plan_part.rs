//! The plan itself, kept in its Word file as a custom XML part, so that
//! `import` gives back what the page does not print: the issuer's name in
//! running text, units as a list, column widths, the year, the ký hiệu
//! left to its default. Word and LibreOffice keep such a part when they
//! save the file; the import lets the text the clerk edited win over it
//! (`docs/import.md`).
//!
//! The part is `customXml/item1.xml`, the plan as JSON in one element,
//! with its properties part (`itemProps1.xml`, naming the part's
//! namespace) and the relationship from the document to it. The item's
//! id is fixed: the same plan gives the same bytes.

use super::xml::Xml;
use crate::model::Plan;
use crate::view::Part;

pub const ITEM: &str = "customXml/item1.xml";
const PROPS: &str = "customXml/itemProps1.xml";
const ITEM_RELS: &str = "customXml/_rels/item1.xml.rels";

/// The root element's name and namespace, by which `import` knows the
/// part among others a clerk's tools may add.
pub const ROOT: &str = "kehoachPlan";
pub const NAMESPACE: &str = "urn:kehoach:plan:1";

/// The document's relationship to the item: `(id, type, target)`.
pub const RELATIONSHIP: (&str, &str, &str) = (
    "rIdPlanData",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
    "../customXml/item1.xml",
);

/// The content type override of the properties part: `(part, type)`.
pub const CONTENT_TYPE: (&str, &str) = (
    "/customXml/itemProps1.xml",
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
);

/// A fixed GUID: Word wants one, and a random one would change the bytes.
const ITEM_ID: &str = "{6B3E1D52-0C4A-4F7B-9A1E-4B6548A0C430}";

/// The `part` attribute: which part of a plan issued with a decision the
/// file prints, so that `import` can print the same again.
const PART_NAMES: [(Part, &str); 3] = [
    (Part::All, "all"),
    (Part::Decision, "decision"),
    (Part::Plan, "plan"),
];

fn part_name(part: Part) -> &'static str {
    PART_NAMES
        .iter()
        .find(|(p, _)| *p == part)
        .map_or("all", |(_, name)| name)
}

/// The part a `part` attribute names.
pub fn part_of(name: &str) -> Option<Part> {
    PART_NAMES
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(part, _)| *part)
}

/// The three files of the part, by their names in the package.
pub fn files(plan: &Plan, part: Part) -> Vec<(&'static str, Vec<u8>)> {
    let json = serde_json::to_string(plan).expect("a plan serialises");
    let mut item = Xml::part();
    let attrs = [
        ("xmlns", NAMESPACE),
        ("version", "1"),
        ("part", part_name(part)),
    ];
    item.text_element(ROOT, &attrs, &json);

    let mut props = Xml::part();
    let ds = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
    props.element(
        "ds:datastoreItem",
        &[("ds:itemID", ITEM_ID), ("xmlns:ds", ds)],
        |xml| {
            xml.element("ds:schemaRefs", &[], |xml| {
                xml.empty("ds:schemaRef", &[("ds:uri", NAMESPACE)]);
            });
        },
    );

    let mut rels = Xml::part();
    let ns = "http://schemas.openxmlformats.org/package/2006/relationships";
    rels.element("Relationships", &[("xmlns", ns)], |xml| {
        let kind =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
        xml.empty(
            "Relationship",
            &[("Id", "rId1"), ("Type", kind), ("Target", "itemProps1.xml")],
        );
    });
    vec![
        (ITEM, item.finish()),
        (PROPS, props.finish()),
        (ITEM_RELS, rels.finish()),
    ]
}
