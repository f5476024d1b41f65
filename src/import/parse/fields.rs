//! The readers of single fields, each holding to what Decree 30 fixes of
//! the field it reads, so that a line that is not that field is not taken
//! for it: `Số:` and digits (spaces allowed around) before a ký hiệu that
//! keeps its case and dots; an địa danh and a date whose day or month may
//! be blank; a person's name of 2–6 capitalised Vietnamese syllables with
//! nothing after it; an authority line `TM.`/`T/M.`/`KT.`/`Q.`/`TL.`/`TUQ.`.
//! The region readers (`header`, `ending`, `decision`) call them only
//! inside their region.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::AuthorityPrefix;
use crate::vietnamese::is_syllable;

/// `Số: 45/KH-STP`, `Số:230 /KH-THPT.PB`, `Số: /KH-UBND`, as read.
#[derive(Debug, PartialEq)]
pub(super) struct NumberSymbol {
    /// Blank (for the văn thư) or not a whole number from 1: `None`.
    pub number: Option<u32>,
    /// The digits as printed, when they are not a number from 1.
    pub bad_number: Option<String>,
    pub symbol: String,
    /// The text the reader took, to take it out of the line.
    pub matched: String,
}

pub(super) fn number_symbol(line: &str) -> Option<NumberSymbol> {
    // The ký hiệu: letters of either case (`QĐ-TTg`), digits, dots
    // (`KH-THPT.PB`), `&` and dashes, until a space.
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"S\s?ố\s*:?\s*((?:\d\s?)*)[\s.…_]*/\s*([\p{L}\d][\p{L}\d.&\-]*)").unwrap()
    });
    let c = NUMBER.captures(line)?;
    let digits: String = c[1].split_whitespace().collect();
    let symbol = c[2].trim_end_matches(['.', ',', '-']).to_owned();
    // A ký hiệu has a dash between its groups (`KH-STP`): `Số:/2026` is not one.
    if !symbol.contains('-') || !symbol.starts_with(char::is_alphabetic) {
        return None;
    }
    let number = digits.parse::<u32>().ok().filter(|&n| n >= 1);
    Some(NumberSymbol {
        number,
        bad_number: (number.is_none() && !digits.is_empty()).then_some(digits),
        symbol,
        matched: c[0].to_owned(),
    })
}

/// `Lạng Sơn, ngày 04 tháng 3 năm 2025`, `Hà Nội, ngày … tháng 11 năm 2026`,
/// `Thành phố Hồ Chí Minh, ngày   tháng11  năm 2026`, as read.
#[derive(Debug, PartialEq)]
pub(super) struct PlaceDate {
    pub place: String,
    /// `2025-03-04`, `2026-11` or `2026`, as far as the line gives it.
    pub date: String,
    pub matched: String,
}

pub(super) fn place_date(line: &str) -> Option<PlaceDate> {
    // The blanks a draft leaves for the văn thư: spaces, dots, `…`, `_`.
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([\p{Lu}][\p{L}.]*(?:[ \u{a0}][\p{L}.]+){0,5}?)\s*,\s*ngày[\s.…_]*(\d{1,2})?[\s.…_/]*tháng[\s.…_]*(\d{1,2})?[\s.…_/]*năm\s*(\d{4})").unwrap()
    });
    let c = DATE.captures(line)?;
    // The địa danh is the words before the comma that start with a capital
    // (`Thành phố Hồ Chí Minh` and `TP. Hồ Chí Minh` whole), not what a
    // column run together left before it.
    let words: Vec<&str> = c[1].split_whitespace().collect();
    let from = words
        .iter()
        .rposition(|w| !place_word(w))
        .map_or(0, |i| i + 1);
    let place = words[from..].join(" ");
    if place.is_empty() {
        return None;
    }
    let year = &c[4];
    let day = c.get(2).and_then(|d| d.as_str().parse::<u32>().ok());
    let month = c.get(3).and_then(|m| m.as_str().parse::<u32>().ok());
    let date = match (day, month) {
        (Some(d), Some(m)) => format!("{year}-{m:02}-{d:02}"),
        (None, Some(m)) => format!("{year}-{m:02}"),
        _ => year.to_owned(),
    };
    let matched = c[0][c[0].find(words[from]).unwrap_or(0)..].to_owned();
    Some(PlaceDate {
        place,
        date,
        matched,
    })
}

/// A word of a place name: capitalised (`Hồ`, `TP.`), or one of the
/// lower-case words inside a name of a unit (`Thành phố`, `Thị xã`).
fn place_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase) || ["phố", "xã", "trấn"].contains(&word)
}

/// A person's name as a signature block prints it: 2–6 syllables, each
/// capitalised, letters only, nothing after it — with a rank before it
/// where one is printed (`Đại tá Bùi Duy Hưng`).
pub(super) fn person_name(line: &str) -> Option<String> {
    let line = line.trim().trim_end_matches(['.', ',']);
    let rejoined = super::syllables::resegmented(line);
    let line = if rejoined != line && as_name(line).is_none() {
        rejoined.as_str()
    } else {
        line
    };
    as_name(line)
}

fn as_name(line: &str) -> Option<String> {
    let name = RANKS
        .iter()
        .find_map(|r| line.strip_prefix(r).map(str::trim))
        .unwrap_or(line);
    let syllables: Vec<&str> = name.split_whitespace().collect();
    let spelt = |w: &&str| {
        w.chars().all(char::is_alphabetic)
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && is_syllable(w)
    };
    ((2..=6).contains(&syllables.len()) && syllables.iter().all(spelt)).then(|| line.to_owned())
}

/// The ranks printed before a name in the forces' signature blocks.
const RANKS: [&str; 11] = [
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Thượng úy",
    "Trung úy",
];

/// `KT. GIÁM ĐỐC`, `T/M. ỦY BAN NHÂN DÂN`, `KT.HIỆU TRƯỞNG`: the prefix and
/// what it is of.
pub(super) fn authority_line(line: &str) -> Option<(AuthorityPrefix, String)> {
    static AUTHORITY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(KT|TM|T/M|TL|T/L|TUQ|Q)\s?\.\s*(\S.*)$").unwrap());
    let c = AUTHORITY.captures(line.trim())?;
    let prefix = match c[1].replace('/', "").as_str() {
        "KT" => AuthorityPrefix::Kt,
        "TM" => AuthorityPrefix::Tm,
        "TL" => AuthorityPrefix::Tl,
        "TUQ" => AuthorityPrefix::Tuq,
        _ => AuthorityPrefix::Q,
    };
    Some((prefix, c[2].trim().to_owned()))
}

/// A signature block a reader ran into one line after its authority
/// prefix: `CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương`, `ỦY BAN NHÂN DÂN CHỦ
/// TỊCH Lê An`, `GIÁM ĐỐC CHÁNH VĂN PHÒNG`.
#[derive(Debug, PartialEq)]
pub(super) struct OneLineBlock {
    /// What the authority is of (`CHỦ TỊCH`, `ỦY BAN NHÂN DÂN`).
    pub of: String,
    pub title: Option<String>,
    pub name: Option<String>,
}

/// The words a signer's title starts with (an authority is never of a
/// deputy, `PHÓ`).
const TITLES: &[&str] = &[
    "PHÓ ",
    "THỨ TRƯỞNG",
    "CHÁNH ",
    "CHỦ TỊCH",
    "TỔNG GIÁM ĐỐC",
    "GIÁM ĐỐC",
    "VỤ TRƯỞNG",
    "CỤC TRƯỞNG",
    "VIỆN TRƯỞNG",
    "HIỆU TRƯỞNG",
    "HIỆU PHÓ",
    "BỘ TRƯỞNG",
    "THỦ TƯỚNG",
    "TRƯỞNG BAN",
    "TRƯỞNG PHÒNG",
    "TRƯỞNG ĐOÀN",
    "TỔ TRƯỞNG",
    "CHỦ NHIỆM",
    "BÍ THƯ",
    "CHI CỤC TRƯỞNG",
    "TỔNG CỤC TRƯỞNG",
    "KẾ TOÁN TRƯỞNG",
];

/// Whether a line of capitals is a signer's title (`PHÓ CHỦ TỊCH`, `VỤ
/// TRƯỞNG VỤ PHÁP CHẾ`) rather than a body's name.
pub(super) fn starts_a_title(line: &str) -> bool {
    // The offices that issue in their own name (Decree 30, Phụ lục I).
    const ISSUING_OFFICES: [&str; 2] = ["THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH NƯỚC"];
    let line = format!("{} ", line.trim());
    // `THỦ TƯỚNG CHÍNH PHỦ -------`, its rule run into it, is the office.
    TITLES.iter().any(|t| line.starts_with(t))
        && !ISSUING_OFFICES.iter().any(|office| {
            line.strip_prefix(office)
                .is_some_and(|rest| rest.trim().chars().all(|c| "-_–— ".contains(c)))
        })
}

/// The name is the longest tail that is one; the title starts at the
/// first title word after the authority's own (`PHÓ`, `CHÁNH`, `GIÁM ĐỐC`
/// …), as no authority is of a deputy.
pub(super) fn one_line_block(text: &str) -> OneLineBlock {
    let words: Vec<&str> = text.split_whitespace().collect();
    let name_from = (0..words.len())
        .find(|&k| person_name(&words[k..].join(" ")).is_some())
        .unwrap_or(words.len());
    let caps = &words[..name_from];
    let title_from = (1..caps.len()).find(|&k| {
        let rest = caps[k..].join(" ") + " ";
        TITLES.iter().any(|t| rest.starts_with(t))
    });
    let (of, title) = match title_from {
        Some(k) => (caps[..k].join(" "), Some(caps[k..].join(" "))),
        None => (caps.join(" "), None),
    };
    OneLineBlock {
        of,
        title,
        name: (name_from < words.len()).then(|| words[name_from..].join(" ")),
    }
}

/// A pattern that finds `phrase` however OCR spaced its letters
/// (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VI ỆT NAM`, `K Ế HOẠCH`) or a reader doubled
/// or dropped its spaces.
pub(super) fn spaced_pattern(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(|word| {
            word.chars()
                .map(|c| regex::escape(&c.to_string()))
                .collect::<Vec<_>>()
                .join(r"\s?")
        })
        .collect::<Vec<_>>()
        .join(r"\s*")
}

/// A line whose letters OCR spaced out (`CHỦ TỊ CH`, `P HÓ CHỦ T Ị CH`)
/// with its syllables whole again ([`super::syllables`]); wide gaps between
/// columns stay.
pub(super) fn unspaced(line: &str) -> String {
    static GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s{2,}").unwrap());
    GAP.split(line.trim())
        .map(super::syllables::resegmented)
        .collect::<Vec<_>>()
        .join("   ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_symbols_as_printed() {
        let read = |l: &str| number_symbol(l).map(|n| (n.number, n.symbol));
        assert_eq!(read("Số: 45/KH-STP"), Some((Some(45), "KH-STP".into())));
        assert_eq!(
            read("Số:230 /KH-THPT.PB"),
            Some((Some(230), "KH-THPT.PB".into()))
        );
        assert_eq!(
            read("Số: 362 /KH-SGDĐT"),
            Some((Some(362), "KH-SGDĐT".into()))
        );
        assert_eq!(read("Số: 844/QĐ-TTg"), Some((Some(844), "QĐ-TTg".into())));
        assert_eq!(
            read("Số: 1237/KH-BCĐQG1237"),
            Some((Some(1237), "KH-BCĐQG1237".into()))
        );
        assert_eq!(read("Số:      /KH-UBND"), Some((None, "KH-UBND".into())));
        assert_eq!(read("Số: …/KH-SCT."), Some((None, "KH-SCT".into())));
        assert_eq!(
            read("Số: 2280         /QĐ-UBND"),
            Some((Some(2280), "QĐ-UBND".into()))
        );
        assert_eq!(
            read("S ố: 996/KH-TCTLNTW-C04"),
            Some((Some(996), "KH-TCTLNTW-C04".into()))
        );
        assert_eq!(read("Số lượng: 5/2026"), None);
        assert_eq!(
            number_symbol("Số: 0/KH-STP").unwrap().bad_number.as_deref(),
            Some("0")
        );
    }

    #[test]
    fn places_and_dates_as_printed() {
        let read = |l: &str| place_date(l).map(|p| (p.place, p.date));
        let pd = |p: &str, d: &str| Some((p.to_owned(), d.to_owned()));
        assert_eq!(
            read("Lạng Sơn, ngày 04 tháng 3 năm 2025"),
            pd("Lạng Sơn", "2025-03-04")
        );
        assert_eq!(
            read("Hà Nội, ngày … tháng 11 năm 2026"),
            pd("Hà Nội", "2026-11")
        );
        assert_eq!(
            read("Hà Nội, ngày   tháng11  năm 2026"),
            pd("Hà Nội", "2026-11")
        );
        assert_eq!(
            read("Xuyên Mộc, ngày 28 tháng4 năm 2027"),
            pd("Xuyên Mộc", "2027-04-28")
        );
        assert_eq!(
            read("Lâm Đồng, ngày     tháng     năm 2026"),
            pd("Lâm Đồng", "2026")
        );
        assert_eq!(
            read("Thành Phố Hồ Chí Minh, ngày 5 tháng 1 năm 2026"),
            pd("Thành Phố Hồ Chí Minh", "2026-01-05")
        );
        assert_eq!(
            read("Thành phố Hồ Chí Minh, ngày 5 tháng 1 năm 2026"),
            pd("Thành phố Hồ Chí Minh", "2026-01-05")
        );
        assert_eq!(
            read("Số: 45/KH-STP   Lạng Sơn, ngày 4 tháng 3 năm 2025"),
            pd("Lạng Sơn", "2025-03-04")
        );
        assert_eq!(
            read("TP. Hồ Chí Minh, ngày 13/5/2026"),
            None,
            "not the decree's form"
        );
        assert_eq!(read("ban hành ngày 4 tháng 3 năm 2025"), None);
    }

    #[test]
    fn a_name_is_two_to_six_capitalised_syllables() {
        assert_eq!(
            person_name("Nguyễn Văn An").as_deref(),
            Some("Nguyễn Văn An")
        );
        assert_eq!(person_name("Lê Hà").as_deref(), Some("Lê Hà"));
        assert_eq!(
            person_name("Tôn Nữ Thị Minh Châu").as_deref(),
            Some("Tôn Nữ Thị Minh Châu")
        );
        assert_eq!(
            person_name("Đại tá Bùi Duy Hưng").as_deref(),
            Some("Đại tá Bùi Duy Hưng")
        );
        for not_a_name in [
            "Trịnh Văn Thành Phụ lục số 01:",
            "NC, HC-QT, TT TTDL&CNS TP;",
            "PHÓ GIÁM ĐỐC",
            "Hưng",
            "Sở Tư pháp",
            "Ban Chỉ đạo",
            "Như trên;",
        ] {
            assert_eq!(person_name(not_a_name), None, "{not_a_name}");
        }
    }

    #[test]
    fn authority_lines_in_every_spelling() {
        use AuthorityPrefix::*;
        let read = |l: &str| authority_line(l);
        assert_eq!(read("KT. GIÁM ĐỐC"), Some((Kt, "GIÁM ĐỐC".into())));
        assert_eq!(read("KT.HIỆU TRƯỞNG"), Some((Kt, "HIỆU TRƯỞNG".into())));
        assert_eq!(
            read("T/M. ỦY BAN NHÂN DÂN"),
            Some((Tm, "ỦY BAN NHÂN DÂN".into()))
        );
        assert_eq!(read("TM. BAN CHỈ ĐẠO"), Some((Tm, "BAN CHỈ ĐẠO".into())));
        assert_eq!(read("TL. BỘ TRƯỞNG"), Some((Tl, "BỘ TRƯỞNG".into())));
        assert_eq!(read("TUQ. CHỦ TỊCH"), Some((Tuq, "CHỦ TỊCH".into())));
        assert_eq!(read("Q. GIÁM ĐỐC"), Some((Q, "GIÁM ĐỐC".into())));
        assert_eq!(read("GIÁM ĐỐC"), None);
        assert_eq!(read("KTT. GIÁM ĐỐC"), None);
    }

    #[test]
    fn a_block_run_into_one_line_is_split() {
        let block = |of: &str, title: Option<&str>, name: Option<&str>| OneLineBlock {
            of: of.into(),
            title: title.map(Into::into),
            name: name.map(Into::into),
        };
        assert_eq!(
            one_line_block("CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương"),
            block("CHỦ TỊCH", Some("PHÓ CHỦ TỊCH"), Some("Hoàng Việt Phương"))
        );
        assert_eq!(
            one_line_block("ỦY BAN NHÂN DÂN CHỦ TỊCH Tôn Nữ Thị Thu Châu"),
            block(
                "ỦY BAN NHÂN DÂN",
                Some("CHỦ TỊCH"),
                Some("Tôn Nữ Thị Thu Châu")
            )
        );
        assert_eq!(
            one_line_block("CHỦ TỊCH GIÁM ĐỐC SỞ NỘI VỤ Trung tá Hồ Thanh Ngọc Trà"),
            block(
                "CHỦ TỊCH",
                Some("GIÁM ĐỐC SỞ NỘI VỤ"),
                Some("Trung tá Hồ Thanh Ngọc Trà")
            )
        );
        assert_eq!(
            one_line_block("BỘ TRƯỞNG VỤ TRƯỞNG VỤ PHÁP CHẾ Tôn Thất Đức Hữu Yến"),
            block(
                "BỘ TRƯỞNG",
                Some("VỤ TRƯỞNG VỤ PHÁP CHẾ"),
                Some("Tôn Thất Đức Hữu Yến")
            )
        );
        assert_eq!(
            one_line_block("TỔ TRƯỞNG PHÓ TỔ TRƯỞNG THƯỜNG TRỰC"),
            block("TỔ TRƯỞNG", Some("PHÓ TỔ TRƯỞNG THƯỜNG TRỰC"), None)
        );
        assert_eq!(one_line_block("GIÁM ĐỐC"), block("GIÁM ĐỐC", None, None));
    }

    #[test]
    fn spaced_letters_are_joined_into_their_syllables() {
        assert_eq!(unspaced("CHỦ TỊ CH"), "CHỦ TỊCH");
        assert_eq!(unspaced("P HÓ CHỦ T Ị CH"), "PHÓ CHỦ TỊCH");
        assert_eq!(
            person_name("Ngu y ễn Hữu Tín").as_deref(),
            Some("Nguyễn Hữu Tín")
        );
        for whole in [
            "Tòa án nhân dân tỉnh",
            "Trần Thị A",
            "UBND TỈNH LÂM ĐỒNG",
            "KT. CHỦ TỊCH",
            "Lê Hà",
            "SỞ Y TẾ",
        ] {
            assert_eq!(unspaced(whole), whole);
        }
    }
}
