//! Vietnamese text in the legacy 8-bit font encodings TCVN3 (ABC, fonts
//! `.VnTime`) and VNI-Windows (fonts `VNI-Times`): found and converted.
//!
//! Such text reaches us as the Windows-1252 characters of its bytes, which
//! look like Latin-1 soup: TCVN3 `KÕ ho¹ch`, VNI `Keá hoaïch` for `Kế hoạch`.
//! [`detect`] tells whether a text is such soup; [`to_unicode`] repairs it.
//!
//! Both encodings keep their letters in 0xA1–0xFE (checked against UniKey's
//! converter tables); 0x80–0x9F hold the Windows-1252 punctuation (“ ” – …)
//! in the fonts too. Text read as Latin-1 rather than Windows-1252 has C1
//! control characters there instead; [`to_unicode`] turns them into that
//! punctuation, so both readings of the bytes convert alike.

pub(crate) mod syllable;
mod tables;
#[cfg(test)]
mod tests;

use encoding_rs::WINDOWS_1252;
use unicode_normalization::UnicodeNormalization;

use syllable::is_syllable;
use tables::{CIRCUMFLEX, HORN, TCVN3, VNI_LETTERS, VNI_MARKS};

/// A legacy encoding the text was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, "ABC": one byte per letter.
    Tcvn3,
    /// VNI-Windows: a base letter followed by a byte for its marks.
    Vni,
}

impl Legacy {
    /// The name users know the encoding by.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
        }
    }
}

/// Bytes that are not UTF-8, each read as its Windows-1252 character (the
/// five codes Windows-1252 leaves undefined as the C1 control of the same
/// number, as the Encoding Standard has it, so no byte is lost), ready for
/// [`detect`] and [`to_unicode`].
pub fn decode_8bit(bytes: &[u8]) -> String {
    WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// `text` converted from `legacy` to Unicode, NFC. Characters the encoding
/// does not use pass unchanged, except C1 controls, which become their
/// Windows-1252 punctuation. TCVN3 toned capitals come out lowercase: the
/// encoding has no codes for them (see the `TCVN3` table).
pub fn to_unicode(text: &str, legacy: Legacy) -> String {
    let converted: String = match legacy {
        Legacy::Tcvn3 => text.chars().map(tcvn3_char).collect(),
        Legacy::Vni => vni(text),
    };
    converted.nfc().collect()
}

fn tcvn3_char(c: char) -> char {
    match TCVN3.iter().find(|&&(code, _)| code == c) {
        Some(&(_, letter)) => letter,
        None => c1_as_cp1252(c),
    }
}

fn vni(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(letter) = chars.peek().and_then(|&next| vni_pair(c, next)) {
            out.push(letter);
            chars.next();
        } else {
            out.push(match VNI_LETTERS.iter().find(|&&(code, _)| code == c) {
                Some(&(_, letter)) => letter,
                None => c1_as_cp1252(c),
            });
        }
    }
    out
}

/// The letter VNI writes as `base` followed by `mark`, if the two are one.
fn vni_pair(base: char, mark: char) -> Option<char> {
    let mark = mark.to_lowercase().next()?;
    let &(_, shape, tone) = VNI_MARKS.iter().find(|&&(m, ..)| m == mark)?;
    let (letter, horn) = match base {
        'ô' => ('o', true),
        'Ô' => ('O', true),
        'ö' => ('u', true),
        'Ö' => ('U', true),
        _ => (base, false),
    };
    let fits = match shape {
        None => matches!(letter.to_ascii_lowercase(), 'a' | 'e' | 'o' | 'u' | 'y'),
        Some(CIRCUMFLEX) => !horn && matches!(letter.to_ascii_lowercase(), 'a' | 'e' | 'o'),
        Some(_) => !horn && letter.eq_ignore_ascii_case(&'a'),
    };
    if !fits {
        return None;
    }
    // The shape before the tone, as NFC needs to compose `ấ` from a+̂+́.
    let parts = [Some(letter), horn.then_some(HORN), shape, tone];
    let mut composed = parts.into_iter().flatten().nfc();
    let letter = composed.next()?;
    // Every fitting pair is one precomposed letter; anything else is no pair.
    composed.next().is_none().then_some(letter)
}

fn c1_as_cp1252(c: char) -> char {
    match u8::try_from(c) {
        Ok(byte @ 0x80..=0x9F) => decode_8bit(&[byte]).chars().next().unwrap_or(c),
        _ => c,
    }
}

/// Words `detect` looks at: plenty to judge a text, and a bound on the work
/// for a large file.
const SAMPLE_WORDS: usize = 5000;

/// Which legacy encoding, if any, `text` (already decoded as Unicode chars,
/// i.e. each legacy byte became the Windows-1252/Latin-1 char of the same
/// code) is in.
///
/// The words that mix ASCII letters with other characters are scored: how
/// many are Vietnamese syllables as they stand, and how many after
/// conversion. An encoding is chosen when conversion repairs at least two
/// words and leaves most of them Vietnamese. Unicode Vietnamese is already
/// right, so converting it only breaks words; English has no such words;
/// a stray `©`, `°`, `«` or `½` stands alone and has no ASCII letter.
pub fn detect(text: &str) -> Option<Legacy> {
    [Legacy::Tcvn3, Legacy::Vni]
        .into_iter()
        .map(|legacy| (legacy, Score::of(text, legacy)))
        .filter(|(_, score)| score.convincing())
        .max_by_key(|(_, score)| score.gain())
        .map(|(legacy, _)| legacy)
}

/// How the words of a text fare under one encoding.
#[derive(Debug, Default)]
struct Score {
    words: usize,
    before: usize,
    after: usize,
}

impl Score {
    fn of(text: &str, legacy: Legacy) -> Score {
        let mut score = Score::default();
        // Legacy letters are never ASCII, so ASCII punctuation and digits
        // can split words without cutting one.
        let words = text
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c.is_ascii_digit())
            .filter(|w| !w.is_ascii() && w.chars().any(|c| c.is_ascii_alphabetic()))
            .take(SAMPLE_WORDS);
        for word in words {
            score.words += 1;
            score.before += usize::from(is_syllable(word));
            score.after += usize::from(is_syllable(&to_unicode(word, legacy)));
        }
        score
    }

    fn gain(&self) -> usize {
        self.after.saturating_sub(self.before)
    }

    /// Two repaired words at least (one could be chance), most words
    /// Vietnamese after conversion, and a repair that is a large share of
    /// the words, not a few lucky ones among many.
    fn convincing(&self) -> bool {
        self.gain() >= 2 && self.after * 2 > self.words && self.gain() * 3 >= self.words
    }
}
