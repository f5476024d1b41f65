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

/// A body's name as a sentence writes it (Decree 30, Phụ lục II): `SỞ TƯ
/// PHÁP` → `Sở Tư pháp` (its kind and its field capitalised), `ỦY BAN NHÂN
/// DÂN TỈNH LÀO CAI` → `Ủy ban nhân dân tỉnh Lào Cai` (an administrative
/// unit in lower case, the place's proper name in capitals), `TRƯỜNG THPT
/// PHƯỚC BỬU` → `Trường THPT Phước Bửu` (abbreviations kept).
pub fn name_in_sentence(name: &str) -> String {
    // Kinds of body named in several words, only the first capitalised.
    const COUNCILS: [&str; 3] = ["ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"];
    const UNITS: [&str; 9] = [
        "THÀNH PHỐ",
        "THỊ XÃ",
        "THỊ TRẤN",
        "ĐẶC KHU",
        "TỈNH",
        "HUYỆN",
        "QUẬN",
        "XÃ",
        "PHƯỜNG",
    ];
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let (head, rest) = match COUNCILS.iter().find(|c| name.starts_with(**c)) {
        Some(council) => (
            capitalise(&council.to_lowercase()),
            name[council.len()..].trim().to_owned(),
        ),
        None => (String::new(), name.clone()),
    };
    let mut words: Vec<String> = Vec::new();
    let mut proper = false;
    let rest_words: Vec<&str> = rest.split_whitespace().collect();
    let mut i = 0;
    while i < rest_words.len() {
        let tail = rest_words[i..].join(" ");
        if let Some(unit) = UNITS
            .iter()
            .find(|u| tail.strip_prefix(**u).is_some_and(|r| r.starts_with(' ')))
        {
            // `tỉnh`, `thành phố`: in lower case; the place after it is a
            // proper name.
            words.push(unit.to_lowercase());
            i += unit.split_whitespace().count();
            proper = true;
            continue;
        }
        let word = rest_words[i];
        let kept = !is_syllable(word) && word.chars().any(char::is_alphabetic);
        let position = words.len() + usize::from(!head.is_empty()) * 2;
        // A field after `và` opens with a capital too (`Giáo dục và Đào tạo`).
        let after_and = words.last().is_some_and(|w| w == "và");
        words.push(if kept {
            word.to_owned()
        } else if proper || position < 2 || after_and {
            capitalise(&word.to_lowercase())
        } else {
            word.to_lowercase()
        });
        // After an abbreviation of its level (`THPT`), a school's own name.
        proper |= kept;
        i += 1;
    }
    [head, words.join(" ")]
        .into_iter()
        .filter(|p| !p.is_empty())
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
    fn a_body_named_in_a_sentence() {
        for (name, sentence) in [
            ("SỞ TƯ PHÁP", "Sở Tư pháp"),
            (
                "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
                "Ủy ban nhân dân tỉnh Lào Cai",
            ),
            ("ỦY BAN NHÂN DÂN\nXÃ AN BÌNH", "Ủy ban nhân dân xã An Bình"),
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
                "Ủy ban nhân dân thành phố Hà Nội",
            ),
            ("TRƯỜNG THPT PHƯỚC BỬU", "Trường THPT Phước Bửu"),
            ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
            ("BỘ Y TẾ", "Bộ Y tế"),
        ] {
            assert_eq!(name_in_sentence(name), sentence, "{name}");
        }
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
