//! No user string can reach Typst's syntax, and no template can read a
//! file: random strings of Typst's special characters and every Vietnamese
//! letter come out of the PDF exactly as given. Text prints as typed: a
//! star that does not stand at the edge of a word is a star, in the laid-out
//! PDF and in the Word file's runs, and what an import escapes prints as
//! its source did.

mod common;

use common::{Probe, engine, pdf_text, root};
use kehoach::import::import_bytes;
use kehoach::markup::{escape, literal_text, parse};
use kehoach::view::Part;
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
    between_marks(&pdf_text(&pdf))
}

/// The text between `BATDAU` and `KETTHUC`, without spaces, which a PDF
/// does not keep as characters.
fn between_marks(text: &str) -> String {
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

/// What a clerk types that is no markup: the issue's cases, and the
/// characters other markups give a meaning.
const AS_TYPED: &[&str] = &[
    "Chỉ tiêu (*) là chỉ tiêu bắt buộc; chỉ tiêu (*) phải báo cáo hằng quý",
    "7*7 bằng 49 và 7*7 vẫn bằng 49",
    "{{ 7*7 }}",
    "\\*",
    "a * b * c",
    "*) và (**)",
    "tên_tệp_mới",
    "# không phải tiêu đề",
    "$x$ <nhãn> @tham-chiếu C:\\thư mục\\",
];

/// A run of text as a reader sees it: its text, bold, italic.
type Styled = (String, bool, bool);

/// The laid-out runs of the paragraph between `BATDAU` and `KETTHUC`.
fn laid_out(paragraph: &str) -> Vec<Styled> {
    let plan = load::load_str(&plan_with(paragraph), "t.json", &root()).unwrap();
    let probe = Probe::new(&engine().compile(&plan).unwrap());
    let runs = probe
        .runs
        .iter()
        .map(|r| (r.text.clone(), r.bold, r.italic))
        .collect();
    between_runs(runs)
}

/// The Word file's runs of the paragraph between `BATDAU` and `KETTHUC`.
fn word_runs(paragraph: &str) -> Vec<Styled> {
    use quick_xml::events::Event;
    let plan = load::load_str(&plan_with(paragraph), "t.json", &root()).unwrap();
    let bytes = kehoach::docx::docx(&plan, Part::All).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    let part = zip.by_name("word/document.xml").unwrap();
    std::io::Read::read_to_string(&mut { part }, &mut xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut runs, mut run, mut in_text) = (Vec::new(), None::<Styled>, false);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => match (e.name().as_ref(), run.as_mut()) {
                ("w:r", _) => run = Some(Styled::default()),
                ("w:b", Some(r)) => r.1 = true,
                ("w:i", Some(r)) => r.2 = true,
                ("w:t", Some(_)) => in_text = true,
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "w:r" => runs.extend(run.take()),
                "w:t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                run.as_mut().unwrap().0.push_str(&t.xml10_content());
            }
            Event::GeneralRef(g) if in_text => {
                let c = quick_xml::escape::resolve_predefined_entity(&g).unwrap();
                run.as_mut().unwrap().0.push_str(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    between_runs(runs)
}

/// The runs from the one holding `BATDAU` to the one holding `KETTHUC`,
/// cut at the marks and the spaces next to them.
fn between_runs(runs: Vec<Styled>) -> Vec<Styled> {
    let start = runs.iter().position(|r| r.0.contains("BATDAU")).unwrap();
    let end = runs.iter().position(|r| r.0.contains("KETTHUC")).unwrap();
    let mut runs = runs[start..=end].to_vec();
    let first = &mut runs[0].0;
    *first = first[first.find("BATDAU").unwrap() + "BATDAU ".len()..].to_owned();
    let last = &mut runs.last_mut().unwrap().0;
    *last = last[..last.find("KETTHUC").unwrap()].trim_end().to_owned();
    runs.retain(|r| !r.0.is_empty());
    runs
}

fn text_of(runs: &[Styled]) -> String {
    runs.iter().map(|r| r.0.as_str()).collect()
}

#[test]
fn what_is_no_markup_prints_as_typed_upright_in_the_pdf_and_the_word_file() {
    for typed in AS_TYPED {
        let pdf = laid_out(typed);
        let bare = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(bare(&text_of(&pdf)), bare(typed), "PDF of {typed:?}");
        assert!(
            pdf.iter().all(|r| !r.1 && !r.2),
            "PDF of {typed:?}: {pdf:?}"
        );
        let word = word_runs(typed);
        assert_eq!(text_of(&word), *typed, "Word of {typed:?}");
        assert!(
            word.iter().all(|r| !r.1 && !r.2),
            "Word of {typed:?}: {word:?}"
        );
    }
}

#[test]
fn stars_at_the_edges_of_words_still_make_italic_and_bold() {
    let typed = "**Điều 1.** Thực hiện *nghiêm túc* chỉ tiêu (*).";
    let styled = |runs: &[Styled], bold: bool, italic: bool| -> String {
        let matching = runs.iter().filter(|r| r.1 == bold && r.2 == italic);
        matching.map(|r| r.0.as_str()).collect::<String>()
    };
    for (reader, runs) in [("PDF", laid_out(typed)), ("Word", word_runs(typed))] {
        assert_eq!(
            styled(&runs, true, false).trim(),
            "Điều 1.",
            "{reader}: {runs:?}"
        );
        assert_eq!(
            styled(&runs, false, true).trim(),
            "nghiêm túc",
            "{reader}: {runs:?}"
        );
        assert!(
            styled(&runs, false, false).contains("chỉ tiêu (*)."),
            "{reader}: {runs:?}"
        );
    }
}

#[test]
fn a_pdf_import_prints_its_stars_as_the_source_did() {
    // A PDF whose text has stars that would read as italic.
    let literal = "*Ghi chú: chỉ tiêu (*) là chỉ tiêu bắt buộc, báo cáo hằng quý*.";
    let plan = load::load_str(&plan_with(&escape(literal)), "t.json", &root()).unwrap();
    let pdf = export::pdf(&engine().compile(&plan).unwrap(), &[]).unwrap();
    let bare: String = literal.split_whitespace().collect();
    assert_eq!(between_marks(&pdf_text(&pdf)), bare);
    let imported = import_bytes(&pdf, "pdf", "ghi-chu.pdf").unwrap();
    assert!(
        imported.json.contains("\\\\*Ghi chú"),
        "the star is escaped in the plan"
    );
    let again = load::load_str(&imported.json, "nhap.json", &root()).unwrap();
    let pdf = export::pdf(&engine().compile(&again).unwrap(), &[]).unwrap();
    assert_eq!(between_marks(&pdf_text(&pdf)), bare);
}

/// The plan's strings that hold `needle`.
fn strings_with(value: &serde_json::Value, needle: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) if s.contains(needle) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings_with(v, needle, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings_with(v, needle, out)),
        _ => {}
    }
}

#[test]
fn kehoachs_word_file_imports_back_to_the_same_stars() {
    let typed =
        "Chỉ tiêu (*) bắt buộc; \\*Ghi chú* in sao; **Điều 1.** Thực hiện *nghiêm túc*; 7*7";
    let plan = load::load_str(&plan_with(typed), "t.json", &root()).unwrap();
    let docx = kehoach::docx::docx(&plan, Part::All).unwrap();
    let imported = import_bytes(&docx, "docx", "t.docx").unwrap();
    let value: serde_json::Value = serde_json::from_str(&imported.json).unwrap();
    let mut found = Vec::new();
    strings_with(&value, "BATDAU", &mut found);
    // Exactly as typed: the file carries the plan, and the ./. the
    // renderer put after the last paragraph is not part of its text.
    assert_eq!(found, [format!("BATDAU {typed} KETTHUC")]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Whatever an import reads, escaped, is plan text with no markup that
    /// prints it unchanged.
    #[test]
    fn escaped_text_is_the_text(s in "[*^\\[\\]\\\\ a7(\n]{0,24}") {
        prop_assert_eq!(literal_text(&parse(&escape(&s))), Some(s));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn escaped_text_prints_exactly_as_given(s in strategy()) {
        let expected: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(printed(&escape(&s)), expected);
    }
}
