//! How the text shapes (pdftotext-style, one line a field, Markdown, OCR)
//! print what kehoach's own PDF and Word file print one way only: the
//! printed variants real extracted files show, chosen for each plan.

use super::generate::yes;
use super::rng::Rng;

/// The printed variants of one plan.
#[derive(Clone, Copy, Debug)]
pub struct Print {
    pub number: NumberPrint,
    pub date: DatePrint,
    /// `- Như trên; - Lưu: VT.` run together rather than one entry a line.
    pub inline_recipients: bool,
    /// `Lưu: VT` rather than `Lưu VT`.
    pub archive_colon: bool,
    pub rules: Rules,
    /// The portal's Markdown with `**bold**` header lines and an `*italic*`
    /// date, or plain as corpus file 13.
    pub styled_markdown: bool,
    /// Columns' offset in the pdftotext-style text.
    pub indent: usize,
    pub ocr_header: bool,
    pub ocr_signer: bool,
    /// Which lines the OCR shape splits, and where.
    pub ocr_seed: u64,
}

impl Print {
    /// As kehoach's own documents print: what the PDF and Word file hold.
    pub fn plain() -> Print {
        Print {
            number: NumberPrint::Standard,
            date: DatePrint::Standard,
            inline_recipients: false,
            archive_colon: true,
            rules: Rules::None,
            styled_markdown: true,
            indent: 0,
            ocr_header: false,
            ocr_signer: false,
            ocr_seed: 0,
        }
    }
}

/// `Số: 05/KH-STP`, `Số:230 /KH-THPT.PB`, `Số: 362 /KH-SGDĐT`,
/// `Số: 2280         /QĐ-UBND`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NumberPrint {
    Standard,
    Tight,
    Spaced,
    Wide,
}

/// `tháng 11`, `tháng11`, `ngày  29  tháng  4`, or blank parts as `…`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DatePrint {
    Standard,
    NoSpace,
    Spaced,
    Dots,
}

/// The rules under the header's two columns as extracted text shows them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Rules {
    None,
    Dashes,
    Underscores,
}

/// The way a plan's text shapes print it, its values added to `axes`.
pub fn choose(rng: &mut Rng, axes: &mut Vec<(&'static str, String)>) -> Print {
    use {DatePrint as D, NumberPrint as N};
    let number = *rng.pick(&[N::Standard, N::Tight, N::Spaced, N::Wide]);
    let date = *rng.pick(&[D::Standard, D::NoSpace, D::Spaced, D::Dots]);
    let rules = *rng.pick(&[Rules::None, Rules::Dashes, Rules::Underscores]);
    let print = Print {
        number,
        date,
        inline_recipients: rng.chance(30),
        archive_colon: rng.chance(75),
        rules,
        styled_markdown: rng.chance(50),
        indent: rng.below(5),
        ocr_header: rng.chance(50),
        ocr_signer: rng.chance(50),
        ocr_seed: rng.next(),
    };
    axes.push(("text: Số printed", format!("{number:?}")));
    axes.push(("text: date printed", format!("{date:?}")));
    axes.push((
        "text: nơi nhận printed",
        if print.inline_recipients {
            "inline"
        } else {
            "one a line"
        }
        .into(),
    ));
    axes.push((
        "text: Lưu printed",
        if print.archive_colon {
            "Lưu:"
        } else {
            "Lưu (no colon)"
        }
        .into(),
    ));
    axes.push(("text: header rules", format!("{rules:?}")));
    axes.push(("text: markdown styled", yes(print.styled_markdown)));
    axes.push((
        "text: OCR split lines",
        match (print.ocr_header, print.ocr_signer) {
            (false, false) => "none",
            (true, false) => "header",
            (false, true) => "signer",
            (true, true) => "header and signer",
        }
        .into(),
    ));
    print
}
