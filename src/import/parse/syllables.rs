//! Letters that OCR spaced out, put back into their syllables. A scan read
//! by OCR splits words anywhere (`CHỦ TỊ CH`, `P HÓ CHỦ T Ị CH`, `SỞ TƯP HÁP`,
//! `Ngu y ễn Hữu Tín`): the letters are right, the spaces are not. Such a
//! run of letters is cut again into the syllables a plan most likely holds
//! — those the project's own sample plans use, then any well-formed
//! Vietnamese syllable, then abbreviations (`THPT`) — and a line without a
//! broken piece is left exactly as it is.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use crate::import::legacy::syllable::is_syllable;

/// How often each syllable (lower case) and each abbreviation in capitals
/// (`UBND`, `BCA`) occurs in the sample plans' text.
static FREQUENT: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let mut counts = HashMap::new();
    for (_, text) in crate::samples::SAMPLES {
        for word in text.split(|c: char| !c.is_alphabetic()) {
            let capitals = word.chars().count() >= 2 && word.chars().all(char::is_uppercase);
            if !word.is_empty() && (is_syllable(word) || capitals) {
                *counts.entry(lower(word)).or_insert(0) += 1;
            }
        }
    }
    counts
});

fn lower(word: &str) -> String {
    word.nfc().flat_map(char::to_lowercase).collect()
}

/// A piece of a line that may be no word of its own: a lone letter, or
/// letters the samples never use as a word (`CH`, `TƯP`, and `CÔN` of
/// `CÔN GAN`, which spell syllables but are rare). A rare word that is
/// one stays, as no cut scores better.
fn broken(piece: &str) -> bool {
    piece.chars().all(char::is_alphabetic)
        && (piece.chars().count() == 1
            || !abbreviation(piece) && !FREQUENT.contains_key(&lower(piece)))
}

/// Capitals with no vowel, as abbreviations are (`THPT`, `ĐTTP`, `VP`) —
/// not the consonant pairs that start or end a syllable (`CH`, `NG`).
fn abbreviation(piece: &str) -> bool {
    const PAIRS: [&str; 10] = ["CH", "NG", "NH", "PH", "TH", "TR", "KH", "GH", "GI", "QU"];
    let count = piece.chars().count();
    (2..=6).contains(&count)
        && piece.chars().all(|c| c.is_uppercase())
        && !crate::vietnamese::fold(piece).contains(['a', 'e', 'i', 'o', 'u', 'y'])
        && !PAIRS.contains(&piece)
}

/// `line` with each run of letter pieces that holds a broken piece cut
/// again into syllables; other pieces (numbers, `KT.`, `1050/QĐ-SCT`) as
/// they are.
pub(super) fn resegmented(line: &str) -> String {
    let pieces: Vec<&str> = line.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        if run.iter().any(|p| broken(p)) {
            out.extend(segment(&run.concat()));
        } else {
            out.extend(run.iter().map(|p| p.to_string()));
        }
        run.clear();
    };
    for piece in pieces {
        if piece.chars().all(char::is_alphabetic) {
            run.push(piece);
        } else {
            flush(&mut run, &mut out);
            out.push(piece.to_owned());
        }
    }
    flush(&mut run, &mut out);
    out.join(" ")
}

/// The letters cut into the likeliest words, each word as likely as the
/// samples use it (a syllable or abbreviation they never use as half as
/// likely as one they use once; anything else next to impossible): fewer,
/// commoner words win, so `Tòa` stays whole and `CÔN GAN` becomes `CÔNG AN`.
fn segment(letters: &str) -> Vec<String> {
    const LONGEST: usize = 8;
    let chars: Vec<char> = letters.chars().collect();
    let n = chars.len();
    // best[i]: the best score of chars[..i] and where its last word starts.
    let mut best: Vec<(f64, usize)> = vec![(f64::NEG_INFINITY, 0); n + 1];
    best[0] = (0.0, 0);
    for end in 1..=n {
        for start in end.saturating_sub(LONGEST)..end {
            if best[start].0 == f64::NEG_INFINITY {
                continue;
            }
            let word: String = chars[start..end].iter().collect();
            let score = best[start].0 + word_score(&word);
            if score > best[end].0 {
                best[end] = (score, start);
            }
        }
    }
    let mut words = Vec::new();
    let mut end = n;
    while end > 0 {
        let start = best[end].1;
        words.push(chars[start..end].iter().collect());
        end = start;
    }
    words.reverse();
    words
}

fn word_score(word: &str) -> f64 {
    static TOTAL: LazyLock<f64> = LazyLock::new(|| FREQUENT.values().map(|&c| f64::from(c)).sum());
    // A capital inside a word is a new word's (`NguyễnHữu`).
    if word.chars().skip(1).any(char::is_uppercase) && word.chars().any(char::is_lowercase) {
        return -1000.0;
    }
    if let Some(&count) = FREQUENT.get(&lower(word)) {
        (f64::from(count) / *TOTAL).ln()
    } else if is_syllable(word) || abbreviation(word) && word.chars().count() <= 4 {
        // An abbreviation the samples do not know is short (`THPT`, `KGVX`).
        (0.5 / *TOTAL).ln()
    } else {
        -100.0 * word.chars().count() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::resegmented;

    #[test]
    fn ocr_spaced_letters_are_put_back_into_their_syllables() {
        for (spaced, whole) in [
            ("CHỦ TỊ CH", "CHỦ TỊCH"),
            ("P HÓ CHỦ T Ị CH", "PHÓ CHỦ TỊCH"),
            ("SỞ TƯP HÁP", "SỞ TƯ PHÁP"),
            ("BỘ CÔN GAN", "BỘ CÔNG AN"),
            ("TRƯỜNG TH P T PHƯỚC BỬU", "TRƯỜNG THPT PHƯỚC BỬU"),
            ("SỞ GI ÁO DỤC VÀ ĐÀ O TẠO", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
            ("KT. THỦ TƯ ỚNG", "KT. THỦ TƯỚNG"),
            ("Ngu y ễn Hữu Tín", "Nguyễn Hữu Tín"),
        ] {
            assert_eq!(resegmented(spaced), whole, "{spaced}");
        }
    }

    #[test]
    fn a_line_without_a_broken_piece_is_left_as_it_is() {
        for line in [
            "Tòa án nhân dân tỉnh",
            "UBND TỈNH LÂM ĐỒNG",
            "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT",
            "Trần Thị A",
            "BAN CHỈ ĐẠO QUỐC GIA PHÒNG, CHỐNG THIÊN TAI",
        ] {
            assert_eq!(resegmented(line), line);
        }
    }
}
