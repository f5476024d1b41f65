//! The Quyết định that issues a plan (Mẫu 1.3), before the plan: header,
//! authority, căn cứ, `QUYẾT ĐỊNH:`, the articles with `Điều N.` in bold,
//! then its nơi nhận and signer, kept with the last article.

use super::document::Body;
use super::images::Images;
use super::page::{self, Head};
use super::para::{Para, Spacing};
use super::styles;
use super::text::{Font, run, runs};
use crate::view::{DecisionView, View};

/// The PDF sets the authority line, `QUYẾT ĐỊNH:` and the paragraphs
/// around them 29.5 pt apart, baseline to baseline (6 pt more than
/// paragraphs). Word adds the space after a paragraph to that before the
/// next, LibreOffice takes the larger: so only the space after is used.
/// After the authority's single line (3 pt under its baseline), before
/// a body line (14.5 pt above its baseline):
const AUTHORITY_AFTER: f64 = 29.5 - 3.0 - 14.5;
/// `QUYẾT ĐỊNH:` in an exact line whose baseline stands 3.9 pt above its
/// foot, 6 pt after a body line: its height, and the space after it.
const DECIDES: (f64, f64) = (29.5 - 3.0 - 6.0 + 3.9, 29.5 - 3.9 - 14.5);

pub fn write(body: &mut Body, view: &View, decision: &DecisionView, images: &Images) {
    page::header(
        body,
        view,
        &Head {
            kind: "QUYẾT ĐỊNH",
            number: decision.number.as_deref(),
            symbol: &decision.symbol,
            date: &decision.date,
            title: &decision.title,
            subtitle: None,
            numbered: true,
            urgency: view.urgency.as_ref(),
        },
    );
    let bold = Font::size(14.0).bold();
    let authority = decision.authority.clone();
    body.paragraph(Para::centred().after(AUTHORITY_AFTER), |xml, notes| {
        runs(xml, &authority, bold, notes);
    });
    for line in &decision.bases {
        let line = line.clone();
        body.paragraph(Para::BODY, |xml, notes| {
            runs(xml, &line, Font::size(14.0).italic(), notes);
        });
    }
    let (line, after) = DECIDES;
    let decides = Para::centred().spacing(Spacing::Exactly(line)).after(after);
    body.paragraph(decides.keep_next(), |xml, _| {
        run(xml, "QUYẾT ĐỊNH:", bold);
    });
    let count = decision.articles.len();
    for (n, article) in decision.articles.iter().enumerate() {
        for (i, paragraph) in article.iter().enumerate() {
            let last = n + 1 == count && i + 1 == article.len();
            let para = if last {
                styles::CLOSING_TEXT.para
            } else {
                Para::BODY
            };
            let paragraph = paragraph.clone();
            body.paragraph(para, |xml, notes| {
                if i == 0 {
                    run(xml, &format!("Điều {}. ", n + 1), bold);
                }
                runs(xml, &paragraph, Font::size(14.0), notes);
            });
        }
    }
    super::closing::closing(body, &decision.recipients, &decision.signer, false, images);
}
