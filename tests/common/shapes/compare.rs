//! Field by field: what was generated against what the importer read back.
//!
//! A field is **right** when the two values are equal after
//! normalisation: Unicode NFC, and every run of whitespace (spaces, tabs,
//! line breaks, no-break spaces) made one space, trimmed at both ends.
//! Case, punctuation and the order of list entries count; an absent
//! optional string equals the empty one. Lists (nơi nhận, authority lines,
//! appendix titles) are one field each, right only when every entry is.
//!
//! A field is **invented** when the import holds an issuer, parent, signer
//! title, name or authority line, or a nơi nhận entry that the generated plan
//! leaves empty, or whose words (letters and digits, case aside) do not all
//! occur in that field's region of the presented document: the header
//! (both headers of a decision and its plan) for the issuer and parent, the
//! signer block for the signer, the nơi nhận block for the entries. A word
//! occurs there when it is printed there, or is a run of the letters of one
//! of the region's blocks (a header column, the signer block) with the
//! spaces taken out: OCR-split words joined up again otherwise than split
//! are wrong, not invented.

use std::collections::HashSet;

use kehoach::model::{AuthorityPrefix, Plan, Signer};
use unicode_normalization::UnicodeNormalization;

use super::document::Element;

/// The fields of a standalone plan, in the order the report gives them.
pub const STANDALONE: &[&str] = &[
    "form",
    "issuer",
    "parent",
    "number",
    "symbol",
    "place",
    "date",
    "title",
    "signer.authority",
    "signer.title",
    "signer.name",
    "recipients",
    "archive",
    "appendices",
    "appendix titles",
];

/// The fields of a plan issued by a decision: the plan's own number,
/// signer and nơi nhận are not printed, the decision's are.
pub const DECIDED: &[&str] = &[
    "form",
    "issuer",
    "parent",
    "place",
    "date",
    "title",
    "appendices",
    "appendix titles",
    "decision.authority",
    "decision.number",
    "decision.symbol",
    "decision.signer.authority",
    "decision.signer.title",
    "decision.signer.name",
    "decision.recipients",
    "decision.archive",
];

pub struct Field {
    pub name: &'static str,
    pub expected: String,
    pub got: String,
}

impl Field {
    pub fn right(&self) -> bool {
        self.expected == self.got
    }
}

pub struct Invented {
    pub field: &'static str,
    pub value: String,
    /// Empty in the generated plan, rather than words from elsewhere.
    pub from_nothing: bool,
}

/// Every field of `expected`, with what `got` holds (`None`: the import
/// was refused, and every field is wrong).
pub fn fields(expected: &Plan, got: Option<&Plan>) -> Vec<Field> {
    let names = if expected.decision.is_some() {
        DECIDED
    } else {
        STANDALONE
    };
    names
        .iter()
        .map(|&name| Field {
            name,
            expected: value(expected, name),
            got: got.map_or_else(|| "(refused)".to_owned(), |g| value(g, name)),
        })
        .collect()
}

pub fn norm(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn list<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    items
        .into_iter()
        .map(|s| norm(s))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn number(n: Option<u32>) -> String {
    n.map_or_else(|| "blank".to_owned(), |n| n.to_string())
}

fn prefix(p: AuthorityPrefix) -> &'static str {
    match p {
        AuthorityPrefix::Tm => "TM.",
        AuthorityPrefix::Kt => "KT.",
        AuthorityPrefix::Q => "Q.",
        AuthorityPrefix::Tl => "TL.",
        AuthorityPrefix::Tuq => "TUQ.",
    }
}

fn authority_lines(s: &Signer) -> Vec<String> {
    s.authority
        .iter()
        .map(|a| format!("{} {}", prefix(a.prefix), a.of))
        .collect()
}

fn optional(s: &Option<String>) -> String {
    norm(s.as_deref().unwrap_or(""))
}

fn value(plan: &Plan, name: &str) -> String {
    let decision = plan.decision.as_ref();
    let of_decision = |f: &dyn Fn(&kehoach::model::Decision) -> String| {
        decision.map_or_else(|| "(no decision)".to_owned(), f)
    };
    match name {
        "form" => if decision.is_some() {
            "decision + plan"
        } else {
            "standalone plan"
        }
        .into(),
        "issuer" => norm(&plan.issuer.name),
        "parent" => optional(&plan.issuer.parent),
        "number" => number(plan.number),
        "symbol" => norm(&plan.symbol()),
        "place" => norm(&plan.place),
        "date" => plan.date.clone().unwrap_or_else(|| "null".into()),
        "title" => norm(&plan.title),
        "signer.authority" => list(&authority_lines(&plan.signer)),
        "signer.title" => optional(&plan.signer.title),
        "signer.name" => optional(&plan.signer.name),
        "recipients" => list(&plan.recipients),
        "archive" => norm(&plan.archive),
        "appendices" => plan.appendices.len().to_string(),
        "appendix titles" => list(plan.appendices.iter().map(|a| &a.title)),
        "decision.authority" => of_decision(&|d| norm(&d.authority)),
        "decision.number" => of_decision(&|d| number(d.number)),
        "decision.symbol" => of_decision(&|d| {
            norm(
                &d.symbol
                    .clone()
                    .unwrap_or_else(|| plan.issuer.decision_symbol()),
            )
        }),
        "decision.signer.authority" => of_decision(&|d| list(&authority_lines(&d.signer))),
        "decision.signer.title" => of_decision(&|d| optional(&d.signer.title)),
        "decision.signer.name" => of_decision(&|d| optional(&d.signer.name)),
        "decision.recipients" => of_decision(&|d| list(&d.recipients)),
        "decision.archive" => of_decision(&|d| norm(&d.archive)),
        other => panic!("no field {other}"),
    }
}

/// What is printed in each region of a document.
#[derive(Default)]
pub struct Regions {
    header: Region,
    signer: Region,
    recipients: Region,
}

/// A region's words in lower case, and each of its blocks (a header
/// column, the Số row, the signer block …) in lower case with everything
/// but letters and digits taken out.
#[derive(Default)]
struct Region {
    words: HashSet<String>,
    squashed: Vec<String>,
}

impl Region {
    fn add<'a>(&mut self, lines: impl IntoIterator<Item = &'a String>) {
        let mut squashed = String::new();
        for l in lines {
            self.words.extend(words(l));
            squashed.extend(words(l));
        }
        self.squashed.push(squashed);
    }

    /// Whether `word` was printed here: one of its words, or a run of its
    /// letters, so that an OCR-split word joined up again otherwise than it
    /// was split (`P H Ó` read `P HÓ`) is not taken for an invention.
    fn has(&self, word: &str) -> bool {
        self.words.contains(word) || self.squashed.iter().any(|s| s.contains(word))
    }
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    super::super::words(text)
        .into_iter()
        .map(|w| w.to_lowercase())
}

impl Regions {
    /// The regions of every presentation of one plan together: a word
    /// printed there in any of them (an OCR-split word, `tháng11`) is in.
    pub fn of<'a>(documents: impl IntoIterator<Item = &'a [Element]>) -> Regions {
        let mut r = Regions::default();
        for element in documents.into_iter().flatten() {
            match element {
                Element::Header(h) => {
                    r.header.add(&h.left);
                    r.header.add(&h.right);
                    if let Some((so, date)) = &h.row {
                        r.header.add([so, date]);
                    }
                }
                Element::Closing(c) => {
                    r.recipients.add(&c.recipients);
                    r.signer.add(c.signer.iter().chain(&c.name));
                }
                _ => {}
            }
        }
        r
    }
}

/// The field names of a signer's title, name, authority lines and nơi nhận.
const PLAN_NAMES: [&str; 4] = [
    "signer.title",
    "signer.name",
    "signer.authority",
    "recipients",
];
const DECISION_NAMES: [&str; 4] = [
    "decision.signer.title",
    "decision.signer.name",
    "decision.signer.authority",
    "decision.recipients",
];

/// The invented fields of an import (see the module's comment).
pub fn invented<'a>(expected: &'a Plan, got: &'a Plan, regions: &Regions) -> Vec<Invented> {
    let mut out = Vec::new();
    let mut check = |field: &'static str, value: &str, wanted: bool, region: &Region| {
        if norm(value).is_empty() {
            return;
        }
        if !wanted || !words(value).all(|w| region.has(&w)) {
            out.push(Invented {
                field,
                value: norm(value),
                from_nothing: !wanted,
            });
        }
    };
    check("issuer", &got.issuer.name, true, &regions.header);
    let parent = got.issuer.parent.as_deref().unwrap_or("");
    check(
        "parent",
        parent,
        expected.issuer.parent.is_some(),
        &regions.header,
    );
    let (no_signer, no_recipients) = (Signer::default(), Vec::new());
    let decision_of = |p: &'a Plan| p.decision.as_ref();
    let people = [
        (
            PLAN_NAMES,
            &expected.signer,
            &got.signer,
            &expected.recipients,
            &got.recipients,
        ),
        (
            DECISION_NAMES,
            decision_of(expected).map_or(&no_signer, |d| &d.signer),
            decision_of(got).map_or(&no_signer, |d| &d.signer),
            decision_of(expected).map_or(&no_recipients, |d| &d.recipients),
            decision_of(got).map_or(&no_recipients, |d| &d.recipients),
        ),
    ];
    for (names, want, have, want_to, have_to) in people {
        check(
            names[0],
            &optional(&have.title),
            want.title.is_some(),
            &regions.signer,
        );
        check(
            names[1],
            &optional(&have.name),
            want.name.is_some(),
            &regions.signer,
        );
        for line in authority_lines(have) {
            check(names[2], &line, !want.authority.is_empty(), &regions.signer);
        }
        for entry in have_to {
            check(names[3], entry, !want_to.is_empty(), &regions.recipients);
        }
    }
    out
}
