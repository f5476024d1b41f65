//! Round trips through an encoder written for the tests, real phrases, and
//! text that must be left alone.

use unicode_normalization::UnicodeNormalization;

use super::syllable::is_syllable;
use super::tables::*;
use super::*;

const LOWER: &str = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ";
const TONES_IN_ORDER: [char; 5] = [ACUTE, GRAVE, HOOK, TILDE, DOT_BELOW];

/// TCVN3 codes typed out again row by row, in the order UniKey lists
/// them (sắc, huyền, hỏi, ngã, nặng), apart from the `TCVN3` table,
/// so that a slip in either shows in the round trip.
#[rustfmt::skip]
const TCVN3_ROWS: [(char, &str); 12] = [
    ('a', "¸µ¶·¹"), ('ă', "¾»¼½Æ"), ('â', "ÊÇÈÉË"), ('e', "ÐÌÎÏÑ"), ('ê', "ÕÒÓÔÖ"),
    ('i', "Ý×ØÜÞ"), ('o', "ãßáâä"), ('ô', "èåæçé"), ('ơ', "íêëìî"), ('u', "óïñòô"),
    ('ư', "øõö÷ù"), ('y', "ýúûüþ"),
];
#[rustfmt::skip]
const TCVN3_PLAIN: [(char, char); 14] = [
    ('ă', '¨'), ('â', '©'), ('ê', 'ª'), ('ô', '«'), ('ơ', '¬'), ('ư', '\u{AD}'), ('đ', '®'),
    ('Ă', '¡'), ('Â', '¢'), ('Ê', '£'), ('Ô', '¤'), ('Ơ', '¥'), ('Ư', '¦'), ('Đ', '§'),
];
// VNI marks, typed out again: plain, then in TONES_IN_ORDER.
const VNI_TONE: [char; 5] = ['ù', 'ø', 'û', 'õ', 'ï'];
const VNI_CIRCUMFLEX: [char; 6] = ['â', 'á', 'à', 'å', 'ã', 'ä'];
const VNI_BREVE: [char; 6] = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
const VNI_I: [char; 5] = ['í', 'ì', 'æ', 'ó', 'ò'];

/// The encoder, for tests only: Unicode to legacy.
fn from_unicode(text: &str, legacy: Legacy) -> String {
    text.nfc()
        .map(|c| match legacy {
            Legacy::Tcvn3 => tcvn3_encode(c).to_string(),
            Legacy::Vni => vni_encode(c),
        })
        .collect()
}

/// The letter's base (shapes kept) and tone index in TONES_IN_ORDER.
fn split_tone(c: char) -> (String, Option<usize>) {
    let parts: Vec<char> = c.to_string().nfd().collect();
    let tone = TONES_IN_ORDER.iter().position(|t| parts.contains(t));
    let base = parts
        .iter()
        .filter(|p| !TONES_IN_ORDER.contains(p))
        .collect::<String>();
    (base.nfc().collect(), tone)
}

fn tcvn3_encode(c: char) -> char {
    if let Some(&(_, code)) = TCVN3_PLAIN.iter().find(|(u, _)| *u == c) {
        return code;
    }
    // Toned capitals have no code of their own: the lowercase one.
    let lower = c.to_lowercase().next().unwrap();
    let (base, tone) = split_tone(lower);
    let row = TCVN3_ROWS.iter().find(|(b, _)| base == b.to_string());
    match (row, tone) {
        (Some((_, codes)), Some(t)) => codes.chars().nth(t).unwrap(),
        _ => c,
    }
}

fn vni_encode(c: char) -> String {
    let case = |m: char| {
        if c.is_uppercase() {
            m.to_uppercase().next().unwrap()
        } else {
            m
        }
    };
    if c == 'đ' || c == 'Đ' {
        return case('ñ').to_string();
    }
    let parts: Vec<char> = c.to_string().nfd().collect();
    let base = parts[0];
    if !"aeiouyAEIOUY".contains(base) || parts.len() == 1 {
        return c.to_string();
    }
    let tone = TONES_IN_ORDER.iter().position(|t| parts.contains(t));
    let shaped = |marks: &[char; 6]| marks[tone.map_or(0, |t| t + 1)];
    let mut out = String::new();
    match base.to_ascii_lowercase() {
        'i' => return case(VNI_I[tone.unwrap()]).to_string(),
        'y' if tone == Some(4) => return case('î').to_string(),
        // VNI writes ơ and ư as one character each.
        'o' if parts.contains(&HORN) => out.push(case('ô')),
        'u' if parts.contains(&HORN) => out.push(case('ö')),
        _ => out.push(base),
    }
    if parts.contains(&CIRCUMFLEX) {
        out.push(case(shaped(&VNI_CIRCUMFLEX)));
    } else if parts.contains(&BREVE) {
        out.push(case(shaped(&VNI_BREVE)));
    } else if let Some(t) = tone {
        out.push(case(VNI_TONE[t]));
    }
    out
}

fn upper(s: &str) -> String {
    s.chars().flat_map(char::to_uppercase).collect()
}

/// Every letter, in words and alone, plus ordinary text around them.
fn pangram(letters: &str) -> String {
    let alone: Vec<String> = letters.chars().map(String::from).collect();
    format!(
        "Kế hoạch {letters} – “{}”; Quý I/2025: 100% cán bộ, công chức. {}",
        alone.join(" "),
        alone
            .iter()
            .map(|l| format!("nh{l}ng"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Paragraphs of seed 001 (Sở Tư pháp Hà Tĩnh, 205/KH-STP).
const SEED: &str = "Số: 205/KH-STP\n\nHà Tĩnh, ngày 28 tháng 7 năm 2025\n\n## KẾ HOẠCH\n\n\
### Triển khai phong trào thi đua \"Cả nước thi đua đổi mới sáng tạo và chuyển đổi số\"\n\n\
- Phát huy mọi nguồn lực, tinh thần chủ động, sáng tạo, tạo khí thế thi đua sôi nổi trong toàn thể công chức, viên chức và người lao động; tích cực hưởng ứng, thi đua thực hiện hoàn thành tốt, hoàn thành xuất sắc nhiệm vụ chính trị được giao.\n\n\
- Việc đánh giá, khen thưởng các tập thể, cá nhân phải trên cơ sở kết quả, thành tích tham gia Phong trào thi đua; bảo đảm khen thưởng kịp thời, khách quan, công khai, đúng quy định pháp luật; quan tâm khen thưởng đối với các tập thể nhỏ, công chức, viên chức chuyên môn, nghiệp vụ, người lao động trực tiếp thực hiện chức trách, nhiệm vụ.\n\n\
## **II. NỘI DUNG THỰC HIỆN**\n\n\
- Tập trung phổ biến, tuyên truyền, nâng cao nhận thức cho đảng viên, công chức, viên chức, người lao động về đổi mới tư duy, chuyển đổi số, phát triển khoa học, công nghệ, đổi mới sáng tạo; đổi mới phương thức lãnh đạo, quản lý và hoạt động điều hành từ “truyền thống” sang không gian số dựa trên dữ liệu số.\n\n\
- Phối hợp các ngành, các cấp tập trung rà soát và hoàn thiện cơ chế, chính sách; xoá bỏ mọi tư tưởng, quan niệm, rào cản đang cản trở sự phát triển; góp phần đưa cơ chế, chính sách thành một lợi thế cạnh tranh trong phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.\n\n\
- Thi đua xây dựng, trang bị cơ sở hạ tầng, nhất là hạ tầng số, công nghệ số trên nguyên tắc “*hiện đại, đồng bộ, an ninh, an toàn, hiệu quả, tránh lãng phí*”.\n";

const TCVN3_SAMPLES: [(&str, &str); 7] = [
    ("KÕ ho¹ch", "Kế hoạch"),
    ("Së T\u{AD} ph¸p", "Sở Tư pháp"),
    (
        "Céng hßa x· héi chñ nghÜa ViÖt Nam",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
    ),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    (
        "B¶o Th¾ng, M\u{AD}êng Kh\u{AD}¬ng",
        "Bảo Thắng, Mường Khương",
    ),
    (
        "Uû ban nh©n d©n tØnh L¹ng S¬n",
        "Uỷ ban nhân dân tỉnh Lạng Sơn",
    ),
    ("§¶ng bé khèi c¸c c¬ quan", "Đảng bộ khối các cơ quan"),
];
const VNI_SAMPLES: [(&str, &str); 8] = [
    ("Keá hoaïch", "Kế hoạch"),
    ("Sôû Tö phaùp", "Sở Tư pháp"),
    (
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
    ),
    (
        "Ñoäc laäp - Töï do - Haïnh phuùc",
        "Độc lập - Tự do - Hạnh phúc",
    ),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    (
        "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ),
    ("ÑAÛNG BOÄ KHOÁI CAÙC CÔ QUAN", "ĐẢNG BỘ KHỐI CÁC CƠ QUAN"),
    (
        "UÛY BAN NHAÂN DAÂN tænh Laïng Sôn; ngöôøi, ñöôïc",
        "ỦY BAN NHÂN DÂN tỉnh Lạng Sơn; người, được",
    ),
];

#[test]
fn the_letter_list_is_complete() {
    let lower: Vec<char> = LOWER.chars().collect();
    assert_eq!(lower.len(), 72 + 1); // 12 vowels × 6 + đ; 67 of them marked
    assert_eq!(lower.iter().filter(|c| !"aeiouy".contains(**c)).count(), 67);
    assert_eq!(upper(LOWER).chars().count(), 73);
}

#[test]
fn tcvn3_table_is_one_to_one_in_a1_fe() {
    for (i, &(code, letter)) in TCVN3.iter().enumerate() {
        assert!(('\u{A1}'..='\u{FE}').contains(&code), "{code}");
        assert!(
            TCVN3[..i].iter().all(|&(c, l)| c != code && l != letter),
            "{code} {letter}"
        );
    }
}

#[test]
fn tcvn3_round_trips_every_letter() {
    let text = pangram(&format!("{LOWER}ĂÂÊÔƠƯĐ"));
    let legacy = from_unicode(&text, Legacy::Tcvn3);
    assert_eq!(to_unicode(&legacy, Legacy::Tcvn3), text);
    assert_eq!(detect(&legacy), Some(Legacy::Tcvn3));
    // Every marked letter has its own code.
    for c in LOWER.chars().filter(|c| !"aeiouy".contains(*c)) {
        assert!(
            !from_unicode(&c.to_string(), Legacy::Tcvn3).is_ascii(),
            "{c}"
        );
    }
}

#[test]
fn tcvn3_toned_capitals_come_back_lowercase() {
    // The documented loss: .VnTimeH capitals share the lowercase codes.
    let text = upper(LOWER);
    let back = to_unicode(&from_unicode(&text, Legacy::Tcvn3), Legacy::Tcvn3);
    assert_eq!(back.to_lowercase(), LOWER);
    assert_eq!(to_unicode("KÕ HO¹CH", Legacy::Tcvn3), "Kế HOạCH");
}

#[test]
fn vni_round_trips_every_letter_in_both_cases() {
    let letters = format!("{LOWER}{}", upper(LOWER));
    let text = pangram(&letters);
    let legacy = from_unicode(&text, Legacy::Vni);
    assert_eq!(to_unicode(&legacy, Legacy::Vni), text);
    assert_eq!(detect(&legacy), Some(Legacy::Vni));
    for c in letters.chars().filter(|c| !"aeiouyAEIOUY".contains(*c)) {
        assert!(!from_unicode(&c.to_string(), Legacy::Vni).is_ascii(), "{c}");
    }
}

#[test]
fn real_phrases_convert_and_are_detected() {
    for (legacy, samples) in [
        (Legacy::Tcvn3, &TCVN3_SAMPLES[..]),
        (Legacy::Vni, &VNI_SAMPLES[..]),
    ] {
        for &(old, new) in samples {
            assert_eq!(to_unicode(old, legacy), new, "{old}");
            assert_eq!(detect(old), Some(legacy), "{old}");
            // The encoder agrees with the hand conversion.
            assert_eq!(from_unicode(new, legacy), old, "{new}");
        }
    }
}

#[test]
fn seed_text_round_trips_and_is_detected() {
    assert_eq!(detect(SEED), None);
    let vni = from_unicode(SEED, Legacy::Vni);
    assert_eq!(detect(&vni), Some(Legacy::Vni));
    assert_eq!(to_unicode(&vni, Legacy::Vni), SEED);
    let tcvn3 = from_unicode(SEED, Legacy::Tcvn3);
    assert_eq!(detect(&tcvn3), Some(Legacy::Tcvn3));
    assert_eq!(
        to_unicode(&tcvn3, Legacy::Tcvn3).to_lowercase(),
        SEED.to_lowercase()
    );
}

#[test]
fn unicode_and_english_are_left_alone() {
    let stray = format!(
        "{SEED}\n© 2025 Sở Tư pháp. Nhiệt độ 25°C, ½ ngày, «trích dẫn» và « ý kiến »; café, señor, über."
    );
    assert_eq!(detect(&stray), None);
    let english = "The quick brown fox jumps over the lazy dog. Copyright © 2024; 25 °C; ½ cup; \
        «quoted» and « spaced » marks; naïve café résumé, São Paulo, Zürich, où l'été déjà.";
    assert_eq!(detect(english), None);
    assert_eq!(detect("Plain ASCII text only, nothing else."), None);
    assert_eq!(detect(""), None);
    // One word is too little to judge.
    assert_eq!(detect("KÕ"), None);
}

#[test]
fn bytes_decode_as_windows_1252_and_c1_as_punctuation() {
    let bytes = b"\x93K\xd5 ho\xb9ch\x94 c\xf1a S\xeb T\xad ph\xb8p \x81\x85";
    let text = decode_8bit(bytes);
    assert_eq!(text, "“KÕ ho¹ch” cña Së T\u{AD} ph¸p \u{81}…");
    assert_eq!(detect(&text), Some(Legacy::Tcvn3));
    assert_eq!(
        to_unicode(&text, Legacy::Tcvn3),
        "“Kế hoạch” của Sở Tư pháp \u{81}…"
    );
    // The same bytes read as Latin-1: C1 controls where the quotes are.
    let latin1: String = bytes.iter().map(|&b| char::from(b)).collect();
    assert_eq!(detect(&latin1), Some(Legacy::Tcvn3));
    assert_eq!(
        to_unicode(&latin1, Legacy::Tcvn3),
        "“Kế hoạch” của Sở Tư pháp \u{81}…"
    );
    assert_eq!(
        to_unicode("\u{93}Keá hoaïch\u{94}", Legacy::Vni),
        "“Kế hoạch”"
    );
    assert_eq!(
        decode_8bit(&(0..=255).collect::<Vec<u8>>()).chars().count(),
        256
    );
}

#[test]
fn output_is_nfc() {
    let decomposed: String = "Kế hoạch".nfd().collect();
    assert_eq!(to_unicode(&decomposed, Legacy::Vni), "Kế hoạch");
    assert_eq!(to_unicode(&decomposed, Legacy::Tcvn3), "Kế hoạch");
}

#[test]
fn syllables() {
    for w in [
        "người", "được", "gì", "giếng", "quyết", "khuỷu", "nghiêng", "KẾ", "HOẠCH", "ủy", "xoong",
        "(Tĩnh),", "hoặc", "thuở", "yêu", "kỹ", "giữa", "oái",
    ] {
        assert!(is_syllable(w), "{w}");
    }
    for w in [
        "kõ", "céng", "hello", "cảc", "ghá", "ngê", "cáó", "phaùp", "ưo", "ḿa", "", "T",
    ] {
        assert!(!is_syllable(w), "{w}");
    }
    // Almost every word of real text passes.
    let words: Vec<&str> = SEED
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let failed: Vec<&&str> = words.iter().filter(|w| !is_syllable(w)).collect();
    assert!(failed.iter().all(|w| w.is_ascii()), "{failed:?}");
}

#[test]
fn arbitrary_input_does_not_panic() {
    let pool: Vec<char> = "aAeEoOuUyYdDiI ¡§©«\u{AD}®µ¸¹ÕÖ×Üßäéëñôöùúûüþâáàåãêèïõø\u{80}\u{93}\u{9f}\u{300}\u{301}\u{302}\u{31b}\u{323}ếạđ€“ \t\n.,-/0123456789"
        .chars()
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 40) as usize;
        let text: String = (0..len)
            .map(|_| {
                let r = next();
                if r % 4 == 0 {
                    char::from_u32((r >> 8) as u32 % 0x11_0000).unwrap_or('?')
                } else {
                    pool[(r >> 8) as usize % pool.len()]
                }
            })
            .collect();
        let _ = detect(&text);
        for legacy in [Legacy::Tcvn3, Legacy::Vni] {
            let out = to_unicode(&text, legacy);
            assert!(unicode_normalization::is_nfc(&out));
        }
        let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        let _ = detect(&decode_8bit(&bytes));
    }
}

#[test]
fn names() {
    assert_eq!(Legacy::Tcvn3.name(), "TCVN3 (ABC)");
    assert_eq!(Legacy::Vni.name(), "VNI");
}
