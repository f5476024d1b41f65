//! Whether a word is one Vietnamese syllable: what tells converted text
//! that reads from letter soup that does not.

use unicode_normalization::UnicodeNormalization;

use super::tables::{ACUTE, BREVE, CIRCUMFLEX, DOT_BELOW, HORN, TONE_MARKS};

const VOWELS: &str = "aăâeêioôơuưy";
const CONSONANTS: &str = "bcdđghklmnpqrstvx";
const INITIALS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];
const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
/// Vowel groups that end a syllable.
const OPEN_NUCLEI: [&str; 45] = [
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo",
    "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uơ", "uy", "ưa", "ưi", "ưu",
    "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
];
/// Vowel groups that take a final consonant.
const CLOSED_NUCLEI: [&str; 23] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "oa", "oă", "oe", "oo", "uâ", "uê",
    "uy", "iê", "yê", "uô", "ươ", "uyê",
];

/// Whether `word` (punctuation around it aside) is one Vietnamese syllable,
/// in capitals or not: initial consonant, vowel group and final consonant from
/// the language's own lists, at most one tone, and the spelling rules that
/// chance letter soup breaks (`c`/`k`, `g`/`gh`, `ng`/`ngh` before front
/// vowels; only the rising and heavy tones before final c, ch, p, t).
pub(crate) fn is_syllable(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphabetic());
    let mut tone = None;
    let mut base = ' ';
    let mut bare = String::new();
    for c in word.chars().flat_map(char::to_lowercase).nfd() {
        if TONE_MARKS.contains(&c) {
            // One tone, and on a vowel.
            if tone.replace(c).is_some() || !"aeiouy".contains(base) {
                return false;
            }
        } else {
            if !matches!(c, CIRCUMFLEX | BREVE | HORN) {
                base = c;
            }
            bare.push(c);
        }
    }
    let bare: Vec<char> = bare.nfc().collect();
    if bare.is_empty()
        || !bare
            .iter()
            .all(|&c| VOWELS.contains(c) || CONSONANTS.contains(c))
    {
        return false;
    }
    INITIALS.iter().any(|initial| {
        let n = initial.chars().count();
        bare.len() > n
            && bare[..n].iter().copied().eq(initial.chars())
            && is_rhyme(initial, &bare[n..], tone)
    })
}

fn is_rhyme(initial: &str, rest: &[char], tone: Option<char>) -> bool {
    let split = rest
        .iter()
        .position(|&c| !VOWELS.contains(c))
        .unwrap_or(rest.len());
    let nucleus: String = rest[..split].iter().collect();
    let coda: String = rest[split..].iter().collect();
    let (nucleus, coda) = (nucleus.as_str(), coda.as_str());
    let nuclei: &[&str] = if coda.is_empty() {
        &OPEN_NUCLEI
    } else {
        &CLOSED_NUCLEI
    };
    if !FINALS.contains(&coda) || !nuclei.contains(&nucleus) {
        return false;
    }
    if matches!(coda, "c" | "ch" | "p" | "t") && !matches!(tone, Some(ACUTE | DOT_BELOW)) {
        return false;
    }
    if matches!(coda, "ch" | "nh") && !["a", "ê", "i", "oa", "uê", "uy"].contains(&nucleus) {
        return false;
    }
    let front = nucleus.starts_with(['e', 'ê', 'i', 'y']);
    match initial {
        "c" | "ng" => !front,
        "k" => front,
        "gh" | "ngh" => front && !nucleus.starts_with('y'),
        // `gì`, `gìn`: the i of gi is written once.
        "g" => !front || nucleus == "i",
        "gi" => !nucleus.starts_with('i'),
        "qu" => !nucleus.starts_with('u'),
        _ => true,
    }
}
