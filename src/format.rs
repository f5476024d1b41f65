//! The small formatting rules of Decree 30 that the generator applies, so
//! that nobody types them: number padding (R-SO), day and month padding
//! (R-DATE), Roman numerals (R-MUC), điểm letters (R-DIEM), the numbering of
//! sections in both styles, and the punctuation of nơi nhận (R-NOINHAN).

use crate::model::Numbering;

/// `Số` numbers below 10 take a leading zero (R-SO): `05`, `45`.
pub fn pad_number(n: u32) -> String {
    format!("{n:02}")
}

/// Days below 10 take a leading zero (R-DATE): `05`, `29`.
pub fn pad_day(day: u32) -> String {
    format!("{day:02}")
}

/// Months 1 and 2 take a leading zero, months 3–12 do not (R-DATE), so that
/// nobody can alter `tháng 1` into `tháng 11` by hand.
pub fn pad_month(month: u32) -> String {
    if month < 3 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// Roman numerals for mục (R-MUC) and appendix labels (R-PL).
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The Vietnamese alphabet as used for điểm (R-DIEM): no f, j, w, z; đ after d.
const LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The điểm letter for position `n` (1-based); past `y` the letters double
/// (`aa`, `bb`), as long lists in Word do.
pub fn letter(n: u32) -> String {
    let i = (n as usize - 1) % LETTERS.len();
    LETTERS[i].repeat((n as usize - 1) / LETTERS.len() + 1)
}

/// The printed number of a section at `path` (1-based positions from the top
/// level): `I.`, then `1.`, then `a)` or `1.1.`, `1.1.1.` by style. Below the
/// deepest numbered level a section is marked with a dash.
pub fn section_number(style: Numbering, path: &[u32]) -> String {
    match (style, path) {
        (_, []) => String::new(),
        (_, [mục]) => format!("{}.", roman(*mục)),
        (_, [_, khoản]) => format!("{khoản}."),
        (Numbering::Letter, [_, _, điểm]) => format!("{})", letter(*điểm)),
        (Numbering::Letter, _) => "-".to_owned(),
        (Numbering::Decimal, [_, rest @ ..]) => {
            rest.iter().map(|n| format!("{n}.")).collect::<String>()
        }
    }
}

/// Ends a nơi nhận entry with `;`, or the archive line with `.`, dropping the
/// dash and punctuation a user may have typed (R-NOINHAN).
pub fn recipient_line(entry: &str, last: bool) -> String {
    let core = entry
        .trim()
        .trim_start_matches(['-', '–', '+'])
        .trim_start();
    let core = core.trim_end_matches([';', '.', ',']).trim_end();
    format!("{core}{}", if last { "." } else { ";" })
}

/// The archive entry `Lưu: VT, VP.`, accepting a value typed with its label.
pub fn archive_line(archive: &str) -> String {
    let core = archive.trim();
    let core = core
        .strip_prefix("Lưu")
        .map(|s| s.trim_start_matches([':', ' ']))
        .unwrap_or(core);
    recipient_line(&format!("Lưu: {core}"), true)
}

/// Ends the content with `./.` (R-END) unless it already does.
pub fn with_end_mark(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with("./.") {
        return t.to_owned();
    }
    let t = t.trim_end_matches(['.', ';', ',']);
    format!("{t}./.")
}

/// A task's labelled line ends with a full stop unless it has its own
/// closing punctuation.
pub fn end_sentence(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(['.', '!', '?', ':', ';', ')', '…']) && !t.ends_with(';') {
        t.to_owned()
    } else {
        format!("{}.", t.trim_end_matches([';', ',']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_padding_r_date() {
        assert_eq!((pad_day(5), pad_month(1)), ("05".into(), "01".into()));
        assert_eq!((pad_day(29), pad_month(6)), ("29".into(), "6".into()));
        assert_eq!(pad_month(2), "02");
        assert_eq!(pad_month(3), "3");
        assert_eq!(pad_month(12), "12");
    }

    #[test]
    fn number_padding_r_so() {
        assert_eq!(pad_number(5), "05");
        assert_eq!(pad_number(45), "45");
        assert_eq!(pad_number(205), "205");
    }

    #[test]
    fn diem_letters_r_diem() {
        let first: Vec<String> = (1..=8).map(letter).collect();
        assert_eq!(first, ["a", "b", "c", "d", "đ", "e", "g", "h"]);
        assert_eq!(letter(10), "k");
        assert_eq!(letter(23), "y");
        assert_eq!(letter(24), "aa");
    }

    #[test]
    fn roman_numerals_r_muc() {
        let got: Vec<String> = [1, 4, 6, 9, 14, 40].into_iter().map(roman).collect();
        assert_eq!(got, ["I", "IV", "VI", "IX", "XIV", "XL"]);
    }

    #[test]
    fn section_numbers_in_both_styles() {
        use Numbering::*;
        assert_eq!(section_number(Letter, &[2]), "II.");
        assert_eq!(section_number(Letter, &[2, 3]), "3.");
        assert_eq!(section_number(Letter, &[2, 3, 5]), "đ)");
        assert_eq!(section_number(Letter, &[2, 3, 5, 1]), "-");
        assert_eq!(section_number(Decimal, &[1, 1]), "1.");
        assert_eq!(section_number(Decimal, &[1, 1, 3]), "1.3.");
        assert_eq!(section_number(Decimal, &[3, 1, 2, 4]), "1.2.4.");
    }

    #[test]
    fn recipients_and_archive_r_noinhan() {
        assert_eq!(
            recipient_line("UBND tỉnh (báo cáo)", false),
            "UBND tỉnh (báo cáo);"
        );
        assert_eq!(recipient_line("- Lãnh đạo Sở;", false), "Lãnh đạo Sở;");
        assert_eq!(archive_line("VT, VP (CTH)"), "Lưu: VT, VP (CTH).");
        assert_eq!(archive_line("Lưu: VT, VP."), "Lưu: VT, VP.");
    }

    #[test]
    fn end_mark_r_end() {
        assert_eq!(with_end_mark("thực hiện."), "thực hiện./.");
        assert_eq!(with_end_mark("thực hiện./."), "thực hiện./.");
        assert_eq!(with_end_mark("giải quyết"), "giải quyết./.");
    }

    #[test]
    fn task_lines_end_with_a_full_stop() {
        assert_eq!(end_sentence("Văn phòng"), "Văn phòng.");
        assert_eq!(end_sentence("Quý II/2026."), "Quý II/2026.");
        assert_eq!(end_sentence("Sở Nội vụ;"), "Sở Nội vụ.");
    }
}
