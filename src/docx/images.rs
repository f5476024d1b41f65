//! The signer's signature and seal images (R-SIGNER, R-ESIG), placed as
//! the PDF places them: the signature centred in the 30 mm signature
//! space, the seal at its real size over it, its centre 28 mm left of the
//! column's.

use super::document::write_paragraph;
use super::measure::emu;
use super::para::{Para, Spacing};
use super::xml::Xml;

/// The space for the signature, and the areas the images fit in (mm).
const SIGNATURE_SPACE: f64 = 30.0;
const SIGNATURE_BOX: (f64, f64) = (60.0, 20.0);
const SEAL_SIZE: f64 = 36.0;
/// The seal's centre from the column's, as templates/style.typ's `seal-dx`.
const SEAL_DX: f64 = -SIGNATURE_BOX.0 / 2.0 + SIGNATURE_BOX.0 / 3.0 - SEAL_SIZE / 2.0;

pub struct Image {
    pub data: Vec<u8>,
    /// Pixels, from the PNG's header.
    pub pixels: (u64, u64),
}

#[derive(Default)]
pub struct Images {
    pub signature: Option<Image>,
    pub seal: Option<Image>,
}

/// Relationship ids and part names of the images.
pub const SIGNATURE_REL: &str = "rIdSignature";
pub const SEAL_REL: &str = "rIdSeal";
pub const SIGNATURE_PART: &str = "media/signature.png";
pub const SEAL_PART: &str = "media/seal.png";

/// The paragraph that holds the signature space, `width` mm wide,
/// `before` pt under the line above.
pub fn signature_space(xml: &mut Xml, images: &Images, width: f64, before: f64) {
    let para = Para::centred()
        .spacing(Spacing::Exactly(SIGNATURE_SPACE * 72.0 / 25.4))
        .before(before);
    let mut content = Xml::fragment();
    if let Some(seal) = &images.seal {
        let (w, h) = contain(seal.pixels, (SEAL_SIZE, SEAL_SIZE));
        // Centred where the PDF centres it: `seal-dx` (28 mm) left of the
        // column's centre, level with the middle of the signature space.
        let left = width / 2.0 + SEAL_DX - w / 2.0;
        let top = (SIGNATURE_SPACE - h) / 2.0;
        content.element("w:r", &[], |xml| {
            xml.element("w:drawing", &[], |xml| {
                anchored(xml, &SEAL, (w, h), (left, top));
            });
        });
    }
    if let Some(signature) = &images.signature {
        // Centred in the space, as the PDF centres its signature area.
        let (w, h) = contain(signature.pixels, SIGNATURE_BOX);
        let at = ((width - w) / 2.0, (SIGNATURE_SPACE - h) / 2.0);
        content.element("w:r", &[], |xml| {
            xml.element("w:drawing", &[], |xml| {
                anchored(xml, &SIGNATURE, (w, h), at);
            });
        });
    }
    write_paragraph(xml, &para, None, content);
}

/// The size of an image fitted inside `area`, its proportions kept.
fn contain((w, h): (u64, u64), area: (f64, f64)) -> (f64, f64) {
    if w == 0 || h == 0 {
        return area;
    }
    let scale = (area.0 / w as f64).min(area.1 / h as f64);
    (w as f64 * scale, h as f64 * scale)
}

/// An image of the signature space, behind the text (the signer's lines
/// stay legible), the seal over the signature as the PDF draws it.
struct Picture {
    id: &'static str,
    name: &'static str,
    rel: &'static str,
    file: &'static str,
    layer: &'static str,
}

const SIGNATURE: Picture = Picture {
    id: "1",
    name: "Chữ ký",
    rel: SIGNATURE_REL,
    file: "signature.png",
    layer: "1",
};

const SEAL: Picture = Picture {
    id: "2",
    name: "Dấu",
    rel: SEAL_REL,
    file: "seal.png",
    layer: "2",
};

/// `picture` `size` mm large, `left` mm from the cell's text and `top` mm
/// under the paragraph's top.
fn anchored(xml: &mut Xml, picture: &Picture, size: (f64, f64), (left, top): (f64, f64)) {
    let attrs = [
        ("distT", "0"),
        ("distB", "0"),
        ("distL", "0"),
        ("distR", "0"),
        ("simplePos", "0"),
        ("relativeHeight", picture.layer),
        ("behindDoc", "1"),
        ("locked", "0"),
        ("layoutInCell", "1"),
        ("allowOverlap", "1"),
    ];
    xml.element("wp:anchor", &attrs, |xml| {
        xml.empty("wp:simplePos", &[("x", "0"), ("y", "0")]);
        xml.element("wp:positionH", &[("relativeFrom", "column")], |xml| {
            xml.text_element("wp:posOffset", &[], &emu(left).to_string());
        });
        xml.element("wp:positionV", &[("relativeFrom", "paragraph")], |xml| {
            xml.text_element("wp:posOffset", &[], &emu(top).to_string());
        });
        extent(xml, size);
        xml.empty(
            "wp:effectExtent",
            &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
        );
        xml.empty("wp:wrapNone", &[]);
        xml.empty("wp:docPr", &[("id", picture.id), ("name", picture.name)]);
        graphic(xml, size, picture.rel, picture.file);
    });
}

fn extent(xml: &mut Xml, (w, h): (f64, f64)) {
    xml.empty(
        "wp:extent",
        &[("cx", &emu(w).to_string()), ("cy", &emu(h).to_string())],
    );
}

fn graphic(xml: &mut Xml, (w, h): (f64, f64), rel: &str, name: &str) {
    const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
    const PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    xml.element("a:graphic", &[("xmlns:a", A)], |xml| {
        xml.element("a:graphicData", &[("uri", PIC)], |xml| {
            xml.element("pic:pic", &[("xmlns:pic", PIC)], |xml| {
                xml.element("pic:nvPicPr", &[], |xml| {
                    xml.empty("pic:cNvPr", &[("id", "0"), ("name", name)]);
                    xml.empty("pic:cNvPicPr", &[]);
                });
                xml.element("pic:blipFill", &[], |xml| {
                    xml.empty("a:blip", &[("r:embed", rel)]);
                    xml.element("a:stretch", &[], |xml| xml.empty("a:fillRect", &[]));
                });
                xml.element("pic:spPr", &[], |xml| {
                    xml.element("a:xfrm", &[], |xml| {
                        xml.empty("a:off", &[("x", "0"), ("y", "0")]);
                        extent_a(xml, (w, h));
                    });
                    xml.element("a:prstGeom", &[("prst", "rect")], |xml| {
                        xml.empty("a:avLst", &[]);
                    });
                });
            });
        });
    });
}

fn extent_a(xml: &mut Xml, (w, h): (f64, f64)) {
    xml.empty(
        "a:ext",
        &[("cx", &emu(w).to_string()), ("cy", &emu(h).to_string())],
    );
}
