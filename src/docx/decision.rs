//! The Quyết định that issues a plan (Mẫu 1.3), before the plan: header,
//! authority, căn cứ, `QUYẾT ĐỊNH:`, the articles with `Điều N.` in bold,
//! then its nơi nhận and signer, kept with the last article.

use super::document::Body;
use super::images::Images;
use super::page::{self, Head};
use super::para::Para;
use super::text::{Font, run, runs};
use crate::view::{DecisionView, View};

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
    body.paragraph(Para::centred().after(6.0), |xml, notes| {
        runs(xml, &authority, bold, notes);
    });
    for line in &decision.bases {
        let line = line.clone();
        body.paragraph(Para::BODY, |xml, notes| {
            runs(xml, &line, Font::size(14.0).italic(), notes);
        });
    }
    body.paragraph(
        Para::centred().before(6.0).after(6.0).keep_next(),
        |xml, _| {
            run(xml, "QUYẾT ĐỊNH:", bold);
        },
    );
    let count = decision.articles.len();
    for (n, article) in decision.articles.iter().enumerate() {
        for (i, paragraph) in article.iter().enumerate() {
            let last = n + 1 == count && i + 1 == article.len();
            let para = if last {
                Para::BODY.keep_next()
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
