//! The closing block (R-NOINHAN, R-AUTH, R-SIGNER): nơi nhận on the left,
//! the signature block on the right, as a borderless table of one row
//! kept on one page unless the list is longer than a page. Its lines
//! stand where the PDF's do (templates/closing.typ), measured from the
//! last line of text: Word's lines are set at the PDF's pitch, and the
//! space before each is what Word's line box needs more or less.

use super::document::Body;
use super::images::{Images, signature_space};
use super::page::line;
use super::para::{Align, Para, Spacing};
use super::table::{Grid, RowKind, cell, row};
use super::text::Font;
use crate::view::SignerView;

/// Closing columns of Mẫu 1.4: nơi nhận | signature.
const NOI_NHAN_WIDTH: f64 = 52.8;
/// The signer's lines: the PDF's 15 pt above the baseline, 0.21 em
/// below and 0.12 em of leading.
const SIGNER_PITCH: f64 = 15.0 + 0.33 * 14.0;
/// The PDF puts the first baselines of both columns 34.7 pt under the
/// last line of text's; Word's table starts 9 pt under it (the line's
/// descent and 6 pt after the paragraph). What is left, less the part of
/// each first line above its baseline (measured in LibreOffice: 15.7 pt
/// in a signer line, 11.2 pt in the 12-pt label's single line):
const SIGNER_BEFORE: f64 = 25.7 - 15.7;
const LABEL_BEFORE: f64 = 25.7 - 11.2;
/// From the last signer line's descent to the signature space, and from
/// the space to the signer's name, as the PDF's leading adds.
const SPACE_BEFORE: f64 = 1.6;
const NAME_BEFORE: f64 = 3.0;

pub fn closing(
    body: &mut Body,
    recipients: &[String],
    signer: &SignerView,
    breakable: bool,
    images: &Images,
) {
    // Unpadded cells, their text as wide as the PDF's columns: a nơi nhận
    // entry holds as many lines, the signer's lines are centred alike.
    let right = body.section.text_width() - NOI_NHAN_WIDTH;
    body.block(|xml, notes| {
        let grid = Grid {
            columns: &[NOI_NHAN_WIDTH, right],
            indent: 0.0,
            ruled: false,
        };
        let kind = if breakable {
            RowKind::Body
        } else {
            RowKind::Unbroken
        };
        grid.write_padded(xml, 0.0, |xml| {
            row(xml, kind, |xml| {
                cell(xml, NOI_NHAN_WIDTH, false, |xml| {
                    let left = Para::centred().align(Align::Left);
                    let label = Font::size(12.0).bold().italic();
                    let first = left.clone().before(LABEL_BEFORE);
                    line(xml, first, "Nơi nhận:", label, notes);
                    for r in recipients {
                        let entry = format!("- {r}");
                        line(xml, left.clone(), &entry, Font::size(11.0), notes);
                    }
                });
                cell(xml, right, false, |xml| {
                    let bold = Font::size(14.0).bold();
                    let signer_line = Para::centred().spacing(Spacing::Exactly(SIGNER_PITCH));
                    let mut before = SIGNER_BEFORE;
                    let lines = signer.authority.iter().chain(signer.title.iter());
                    for text in lines {
                        line(xml, signer_line.clone().before(before), text, bold, notes);
                        before = 0.0;
                    }
                    signature_space(xml, images, right, SPACE_BEFORE);
                    if let Some(name) = &signer.name {
                        line(xml, signer_line.before(NAME_BEFORE), name, bold, notes);
                    }
                });
            });
        });
    });
}
