//! Text normalisation: every string of a plan in Unicode NFC (TCVN 6909:2001,
//! R-FONT), tabs and repeated spaces reduced to one space, spaces trimmed at
//! both ends and around line breaks. Word and PDF copies bring decomposed
//! accents and stray spaces; two strings that look the same must compare
//! equal, and the layout must not show double gaps.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::model::Plan;

/// Normalises every string of the plan. The plan goes through its own serde
/// form, so no field can be forgotten when the model grows.
pub fn normalize(plan: Plan) -> Plan {
    let mut value = serde_json::to_value(&plan).expect("a plan always serialises");
    normalize_value(&mut value);
    serde_json::from_value(value).expect("normalising strings keeps a plan valid")
}

fn normalize_value(value: &mut Value) {
    match value {
        Value::String(s) => *s = normalize_text(s),
        Value::Array(items) => items.iter_mut().for_each(normalize_value),
        Value::Object(map) => map.values_mut().for_each(normalize_value),
        _ => {}
    }
}

/// NFC, single spaces, no spaces at the ends of the text or of its lines.
pub fn normalize_text(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    for (i, line) in nfc
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .enumerate()
    {
        if i > 0 {
            out.push('\n');
        }
        let mut last_space = true;
        for c in line.chars() {
            let c = if c == '\t' { ' ' } else { c };
            if c == ' ' {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            } else {
                out.push(c);
                last_space = false;
            }
        }
        if out.ends_with(' ') {
            out.pop();
        }
    }
    out.trim_matches('\n').to_owned()
}

#[cfg(test)]
mod tests {
    use super::normalize_text;

    #[test]
    fn decomposed_accents_become_nfc() {
        let decomposed = "Ke\u{0302}\u{0301} hoa\u{0323}ch";
        assert_eq!(normalize_text(decomposed), "Kế hoạch");
    }

    #[test]
    fn spaces_are_trimmed_and_collapsed() {
        assert_eq!(
            normalize_text("  Sở  Tư\tpháp  \n  Lạng Sơn "),
            "Sở Tư pháp\nLạng Sơn"
        );
    }
}
