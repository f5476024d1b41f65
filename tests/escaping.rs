//! No user string can reach Typst's syntax, and no template can read a
//! file: random strings of Typst's special characters and every Vietnamese
//! letter come out of the PDF exactly as given.

mod common;

use common::{engine, pdf_text, root};
use kehoach::{Engine, FontOptions, Templates, export, load};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Every letter of Vietnamese, both cases: 12 vowels × 6 tones, đ, and the
/// consonants, composed (NFC).
fn vietnamese_letters() -> Vec<char> {
    let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
    let tones = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"];
    let mut letters: Vec<char> = "bcdđghklmnpqrstvx".chars().collect();
    for v in vowels {
        for t in tones {
            let s: String = format!("{v}{t}").nfc().collect();
            letters.extend(s.chars());
        }
    }
    let upper: Vec<char> = letters.iter().flat_map(|c| c.to_uppercase()).collect();
    letters.extend(upper);
    letters
}

const SPECIAL: &str = "#$*_`<>@[]~/'\"=-+.:;{}()\\|!?%&,0123456789";

fn plan_with(paragraph: &str) -> String {
    let plan = serde_json::json!({
        "issuer": { "name": "SỞ TƯ PHÁP", "abbreviation": "STP" },
        "place": "Lạng Sơn", "date": "2026-03-02",
        "title": "Kiểm tra",
        "sections": [ { "title": "NỘI DUNG", "content": [ format!("BATDAU {paragraph} KETTHUC") ] } ],
        "recipients": ["Lãnh đạo Sở"], "archive": "VT",
        "signer": { "title": "GIÁM ĐỐC", "name": "Nguyễn Văn A" }
    });
    plan.to_string()
}

fn printed(paragraph: &str) -> String {
    let plan = load::load_str(&plan_with(paragraph), "t.json", &root()).unwrap();
    let pdf = export::pdf(&engine().compile(&plan).unwrap(), &[]).unwrap();
    let text = pdf_text(&pdf);
    let start = text.find("BATDAU").unwrap() + "BATDAU".len();
    let end = text.find("KETTHUC").unwrap();
    text[start..end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn strategy() -> impl Strategy<Value = String> {
    let mut alphabet: Vec<char> = SPECIAL.chars().collect();
    alphabet.extend(vietnamese_letters());
    alphabet.push(' ');
    proptest::collection::vec(proptest::sample::select(alphabet), 1..60)
        .prop_map(|chars| chars.into_iter().collect::<String>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn strings_print_exactly_as_given(s in strategy()) {
        // What a reader should see: the text without the inline markup it
        // may happen to contain (`**x**`), and without spaces, which a PDF
        // does not keep as characters.
        let expected: String = kehoach::markup::plain_text(&s).chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(printed(&s), expected);
    }
}

#[test]
fn typst_code_in_a_string_is_only_text() {
    let attempt = "#read(\"/etc/passwd\") $x^2$ #import \"@preview/x:0.1.0\" <l> @ref // c /* d */";
    let plain: String = attempt.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(printed(attempt), plain);
}

#[test]
fn every_vietnamese_letter_survives() {
    let letters: String = vietnamese_letters().into_iter().collect();
    assert_eq!(letters.chars().count(), 2 * (17 + 72));
    assert_eq!(printed(&letters), letters);
}

/// A body's own template may lay out differently, but it cannot read files
/// or fetch packages: the world it compiles in holds nothing else.
#[test]
fn a_template_cannot_read_a_file_or_a_package() {
    for (attempt, needle) in [
        ("#read(\"/etc/hostname\")", "read"),
        ("#read(\"../Cargo.toml\")", "read"),
        ("#image(\"/etc/passwd\")", "image"),
        ("#import \"@preview/cetz:0.3.0\"", "import"),
    ] {
        let dir = tempdir(needle);
        let header = format!(
            "{attempt}\n{}",
            kehoach::template::EMBEDDED
                .iter()
                .find(|(n, _)| *n == "header.typ")
                .unwrap()
                .1
        );
        std::fs::write(dir.join("header.typ"), header).unwrap();
        let engine = Engine::new(&FontOptions::default(), Templates::from_dir(&dir).unwrap());
        let plan = load::load_str(&plan_with("x"), "t.json", &root()).unwrap();
        let err = engine
            .compile(&plan)
            .err()
            .unwrap_or_else(|| panic!("{attempt} compiled"));
        let message = err.to_string();
        assert!(
            message.contains("header.typ"),
            "names the template line: {message}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}

fn tempdir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-test-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
