//! Word tables: the borderless layout tables of the header and the closing
//! block, and the ruled tables of the body.

use super::measure::twips;
use super::xml::Xml;

/// Cell padding left and right, as in the decree's own sample file.
pub const CELL_PADDING: f64 = 1.5;

pub struct Grid<'a> {
    /// Column widths in millimetres.
    pub columns: &'a [f64],
    /// From the margin to the table's left edge.
    pub indent: f64,
    pub ruled: bool,
}

impl Grid<'_> {
    /// `<w:tbl>`, its properties and grid; `rows` writes the rows.
    pub fn write(&self, xml: &mut Xml, rows: impl FnOnce(&mut Xml)) {
        self.write_padded(xml, CELL_PADDING, rows);
    }

    /// As [`Grid::write`], with `padding` mm left and right in each cell.
    pub fn write_padded(&self, xml: &mut Xml, padding: f64, rows: impl FnOnce(&mut Xml)) {
        xml.element("w:tbl", &[], |xml| {
            xml.element("w:tblPr", &[], |xml| {
                let total: f64 = self.columns.iter().sum();
                xml.empty(
                    "w:tblW",
                    &[("w:w", &twips(total).to_string()), ("w:type", "dxa")],
                );
                xml.empty(
                    "w:tblInd",
                    &[("w:w", &twips(self.indent).to_string()), ("w:type", "dxa")],
                );
                xml.element("w:tblBorders", &[], |xml| {
                    for side in [
                        "w:top",
                        "w:left",
                        "w:bottom",
                        "w:right",
                        "w:insideH",
                        "w:insideV",
                    ] {
                        if self.ruled {
                            xml.empty(
                                side,
                                &[
                                    ("w:val", "single"),
                                    ("w:sz", "4"),
                                    ("w:space", "0"),
                                    ("w:color", "000000"),
                                ],
                            );
                        } else {
                            xml.empty(side, &[("w:val", "nil")]);
                        }
                    }
                });
                xml.empty("w:tblLayout", &[("w:type", "fixed")]);
                let padding = twips(padding).to_string();
                xml.element("w:tblCellMar", &[], |xml| {
                    for side in ["w:left", "w:right"] {
                        xml.empty(side, &[("w:w", &padding), ("w:type", "dxa")]);
                    }
                });
                xml.empty(
                    "w:tblLook",
                    &[
                        ("w:val", "0000"),
                        ("w:firstRow", "0"),
                        ("w:lastRow", "0"),
                        ("w:firstColumn", "0"),
                        ("w:lastColumn", "0"),
                        ("w:noHBand", "1"),
                        ("w:noVBand", "1"),
                    ],
                );
            });
            xml.element("w:tblGrid", &[], |xml| {
                for w in self.columns {
                    xml.empty("w:gridCol", &[("w:w", &twips(*w).to_string())]);
                }
            });
            rows(xml);
        });
    }
}

/// How a row behaves at a page break.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RowKind {
    /// Repeated at the top of every page the table runs onto.
    Header,
    /// Kept whole on one page.
    Unbroken,
    Body,
}

pub fn row(xml: &mut Xml, kind: RowKind, cells: impl FnOnce(&mut Xml)) {
    xml.element("w:tr", &[], |xml| {
        match kind {
            RowKind::Header => {
                xml.element("w:trPr", &[], |xml| {
                    xml.empty("w:cantSplit", &[]);
                    xml.empty("w:tblHeader", &[]);
                });
            }
            RowKind::Unbroken => {
                xml.element("w:trPr", &[], |xml| xml.empty("w:cantSplit", &[]));
            }
            RowKind::Body => {}
        }
        cells(xml);
    });
}

/// A cell `width` mm wide; `content` must write at least one paragraph,
/// as Word requires.
pub fn cell(xml: &mut Xml, width: f64, centred_vertically: bool, content: impl FnOnce(&mut Xml)) {
    xml.element("w:tc", &[], |xml| {
        xml.element("w:tcPr", &[], |xml| {
            xml.empty(
                "w:tcW",
                &[("w:w", &twips(width).to_string()), ("w:type", "dxa")],
            );
            if centred_vertically {
                xml.empty("w:vAlign", &[("w:val", "center")]);
            }
        });
        let start = xml.as_bytes().len();
        content(xml);
        if !xml.as_bytes()[start..].ends_with(b"</w:p>") {
            xml.empty("w:p", &[]);
        }
    });
}
