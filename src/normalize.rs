//! Text normalisation: every string of a plan in Unicode NFC (TCVN 6909:2001,
//! R-FONT), tabs and repeated spaces reduced to one space, spaces trimmed at
//! both ends and around line breaks. Word and PDF copies bring decomposed
//! accents and stray spaces; two strings that look the same must compare
//! equal, and the layout must not show double gaps.

use unicode_normalization::UnicodeNormalization;

use crate::model::Plan;

/// Normalises every string of the plan, prose and fixed fields alike.
pub fn normalize(mut plan: Plan) -> Plan {
    plan.visit_strings_mut(&mut |_, _, s| *s = normalize_text(s));
    plan
}

/// NFC, single spaces, no spaces at the ends of the text or of its lines.
pub fn normalize_text(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    // Word's manual line break (vertical tab) and a page break copied with
    // the text are line breaks.
    for (i, line) in nfc
        .replace("\r\n", "\n")
        .replace(['\r', '\u{b}', '\u{c}'], "\n")
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
    #[test]
    fn words_line_break_and_a_page_break_are_line_breaks() {
        assert_eq!(
            super::normalize_text("Dòng một\u{b}dòng hai\u{c}ba"),
            "Dòng một\ndòng hai\nba"
        );
    }

    use super::*;
    use crate::model::testing::{self, section, text};

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

    #[test]
    fn every_string_of_a_plan_is_normalised() {
        let mut plan = testing::plan();
        plan.place = " Lạng  Sơn ".into();
        plan.signer.name = Some("Nguye\u{0302}\u{0303}n  Văn A".into());
        plan.sections = vec![section(Some("MỤC  ĐÍCH "), &["Một\t ý."])];
        let plan = normalize(plan);
        assert_eq!(plan.place, "Lạng Sơn");
        assert_eq!(plan.signer.name.as_deref(), Some("Nguyễn Văn A"));
        assert_eq!(plan.sections[0].title.as_deref(), Some("MỤC ĐÍCH"));
        assert_eq!(plan.sections[0].content, [text("Một ý.")]);
    }
}
