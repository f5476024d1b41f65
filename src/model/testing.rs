//! Small typed plans for unit tests, so that a test names the fields it is
//! about and the compiler keeps it in step with the model.

use super::{Block, Issuer, Plan, Section, Signer};

/// A plan with only what a plan must have: Sở Tư pháp Lạng Sơn, dated
/// 2025-03-04, no sections, no recipients, signed by its director.
pub fn plan() -> Plan {
    Plan {
        issuer: Issuer {
            parent: None,
            name: "SỞ TƯ PHÁP".into(),
            abbreviation: "STP".into(),
            name_in_text: None,
        },
        number: None,
        symbol: None,
        place: "Lạng Sơn".into(),
        date: Some("2025-03-04".into()),
        year: None,
        title: "T".into(),
        subtitle: None,
        urgency: None,
        numbering: None,
        preamble: Vec::new(),
        bases: Vec::new(),
        sections: Vec::new(),
        closing: Vec::new(),
        recipients: Vec::new(),
        task_labels: None,
        task_order: None,
        gather_tasks: false,
        archive: "VT".into(),
        signer: Signer {
            authority: Vec::new(),
            title: Some("GIÁM ĐỐC".into()),
            name: Some("A B".into()),
            signature_image: None,
            seal_image: None,
        },
        decision: None,
        appendices: Vec::new(),
    }
}

/// A paragraph block.
pub fn text(s: &str) -> Block {
    Block::Paragraph(s.into())
}

/// A section with a title (if any) and paragraphs.
pub fn section(title: Option<&str>, paragraphs: &[&str]) -> Section {
    Section {
        title: title.map(str::to_owned),
        content: paragraphs.iter().map(|p| text(p)).collect(),
        ..Section::default()
    }
}
