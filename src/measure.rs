//! The width of a line of text as the embedded fonts set it: shaped with
//! Liberation Serif, whose metrics are Times New Roman's. The view sizes a
//! table's columns by it, and the Word writer its rules and header cells,
//! so both agree with the PDF.

use std::sync::OnceLock;

use crate::fonts::embedded_face;

/// The embedded regular and bold faces, parsed once.
fn face(bold: bool) -> Option<&'static rustybuzz::Face<'static>> {
    static FACES: OnceLock<[Option<rustybuzz::Face<'static>>; 2]> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        [false, true].map(|bold| rustybuzz::Face::from_slice(embedded_face(bold, false), 0))
    });
    faces[usize::from(bold)].as_ref()
}

/// The width in millimetres of `text` on one line, in bold or not.
pub fn text_width(text: &str, size_pt: f64, bold: bool) -> f64 {
    let Some(face) = face(bold) else {
        return 0.0;
    };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    let shaped = rustybuzz::shape(face, &[], buffer);
    let units: i64 = shaped
        .glyph_positions()
        .iter()
        .map(|p| i64::from(p.x_advance))
        .sum();
    let em = units as f64 / f64::from(face.units_per_em());
    em * size_pt * 25.4 / 72.0
}

/// The width of the longest line `text` takes when Word wraps it, word by
/// word, into lines `width` mm wide (and at its own line breaks).
pub fn longest_line(text: &str, size_pt: f64, bold: bool, width: f64) -> f64 {
    let mut longest: f64 = 0.0;
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let longer = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && text_width(&longer, size_pt, bold) > width {
                longest = longest.max(text_width(&line, size_pt, bold));
                line = word.to_owned();
            } else {
                line = longer;
            }
        }
        longest = longest.max(text_width(&line, size_pt, bold));
    }
    longest.min(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_text_is_wider_and_bold_is_wider_than_regular() {
        let motto = "Độc lập - Tự do - Hạnh phúc";
        let regular = text_width(motto, 13.0, false);
        let bold = text_width(motto, 13.0, true);
        // The motto in the PDF typst lays out: 158.9 pt (56.06 mm).
        assert!((bold - 56.06).abs() < 0.1, "{bold}");
        assert!(bold > regular);
        assert!(text_width("Độc lập", 13.0, true) < bold);
    }

    #[test]
    fn a_long_text_wraps_to_lines_no_wider_than_the_width() {
        let title = "Kế hoạch triển khai công tác thi đua, khen thưởng ngành Tư pháp năm 2026 trên địa bàn tỉnh";
        let one_line = text_width(title, 14.0, true);
        assert!(one_line > 165.0, "{one_line}");
        let longest = longest_line(title, 14.0, true, 165.0);
        assert!(longest <= 165.0 && longest > 165.0 / 2.0, "{longest}");
        assert_eq!(
            longest_line("Ngắn", 14.0, true, 165.0),
            text_width("Ngắn", 14.0, true)
        );
    }
}
