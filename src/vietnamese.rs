//! Rules of Vietnamese writing that several passes share: capitals, letters
//! without their accents, initials, and what a syllable looks like.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// `lạng` → `Lạng`: the first letter in capitals, the rest as written.
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `nguyễn văn a` → `Nguyễn Văn A`: names of people and places capitalise
/// every syllable.
pub fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(capitalise)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a word has no lower-case first letter (`Lạng`, `UBND`, `(1)`).
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_none_or(|c| !c.is_lowercase())
}

/// `Đồng Tháp “mới”` → `Dong Thap moi`: accents removed, `đ` → `d`, and any
/// other character outside ASCII dropped.
pub fn unaccent(text: &str) -> String {
    text.replace('đ', "d")
        .replace('Đ', "D")
        .nfd()
        .filter(char::is_ascii)
        .collect()
}

/// `ĐỒNG` → `dong`: [`unaccent`] in lower case, to compare words.
pub fn fold(text: &str) -> String {
    unaccent(text).to_lowercase()
}

/// `SỞ TƯ PHÁP` → `STP`: the first letter of each word, unaccented.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| unaccent(w).chars().next())
        .collect::<String>()
        .to_uppercase()
}

/// Whether a word is spelt as one Vietnamese syllable (`pháp`, `nghiệp`),
/// unlike an abbreviation (`UBND`, `STP`).
pub fn is_syllable(word: &str) -> bool {
    static SYLLABLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$",
        )
        .unwrap()
    });
    SYLLABLE.is_match(&fold(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals() {
        assert_eq!(title_case("nguyễn  văn a"), "Nguyễn Văn A");
        assert_eq!(capitalise("đà lạt"), "Đà lạt");
        assert!(starts_upper("Ủy") && starts_upper("(1)") && !starts_upper("ủy"));
    }

    #[test]
    fn accents_initials_and_syllables() {
        assert_eq!(unaccent("Đồng Tháp “mới”"), "Dong Thap moi");
        assert_eq!(fold("ĐỒNG"), "dong");
        assert_eq!(initials("SỞ TƯ PHÁP"), "STP");
        assert_eq!(initials("Ủy ban nhân dân"), "UBND");
        assert!(is_syllable("nghiệp") && is_syllable("PHÁP"));
        assert!(!is_syllable("UBND") && !is_syllable("STP"));
    }
}
