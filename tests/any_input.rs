//! Any text in any field: a property test over every printed text field of
//! sample 004. A random string of Typst's specials, Vietnamese letters,
//! control characters, characters no font has, and words longer than a line
//! either prints (each of its characters between the field's markers in the
//! PDF's text, and in the Word file's) or is refused with a Vietnamese
//! message naming that field. Never a panic.

mod common;

use common::{engine, pdf_text, root, sample};
use kehoach::model::TextRole;
use kehoach::{Error, export, load};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// The printed text fields of sample 004, by path: prose, and the fixed
/// fields a reader sees on the page.
fn fields() -> Vec<String> {
    let plan = common::load(&sample("004")).plan;
    let mut paths = Vec::new();
    plan.visit_strings(&mut |path, role, _| {
        let shown_fixed = ["issuer.name", "place", "signer.title", "signer.name"];
        if role == TextRole::Prose || shown_fixed.contains(&path) {
            paths.push(path.to_owned());
        }
    });
    paths
}

fn alphabet() -> Vec<char> {
    let mut chars: Vec<char> = "#$*_`<>@[]~/'\"=-+.:;{}()\\|!?%&,0123456789 \n"
        .chars()
        .collect();
    chars.extend("aăâđêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữựÁÀĐƯỚỜ".chars());
    // A control character, a character no embedded font has.
    chars.extend(['\u{1}', '😀']);
    chars
}

fn text() -> impl Strategy<Value = String> {
    let words = proptest::collection::vec(proptest::sample::select(alphabet()), 1..30)
        .prop_map(|chars| chars.into_iter().collect::<String>());
    // Now and then a word longer than any line.
    (words, 0..4usize).prop_map(|(w, long)| {
        if long == 0 {
            format!("{w} {}", "Đ".repeat(300))
        } else {
            w
        }
    })
}

const BEGIN: &str = "QQBEGIN";
const END: &str = "QQEND";

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_text_in_any_field_prints_or_is_refused_by_name(
        field in proptest::sample::select(fields()),
        s in text(),
    ) {
        let mut plan = common::load(&sample("004")).plan;
        let value = format!("{BEGIN} {s} {END}");
        plan.visit_strings_mut(&mut |path, _, text| {
            if path == field {
                *text = value.clone();
            }
        });
        let json = serde_json::to_string(&plan).unwrap();
        let outcome = load::load_str(&json, "p.json", &root())
            .and_then(|plan| engine().compile(&plan).map(|compiled| (plan, compiled)));
        match outcome {
            Err(Error::Input { at, message }) => {
                prop_assert_eq!(&at.path, &field, "{}", message);
                prop_assert!(message.contains("U+"), "{}", message);
            }
            Err(other) => prop_assert!(false, "{field}: {other}"),
            Ok((plan, compiled)) => {
                let pdf = pdf_text(&export::pdf(&compiled, &[]).unwrap());
                let docx = kehoach::docx::docx(&plan, Default::default()).unwrap();
                for (what, text) in [("PDF", pdf), ("Word", docx_text(&docx))] {
                    let start = text.find(BEGIN).map(|i| i + BEGIN.len());
                    let end = text.rfind(END);
                    prop_assert!(start.is_some() && end.is_some(), "{field}: markers missing in {what}");
                    let printed: String = text[start.unwrap()..end.unwrap()].nfc().collect();
                    let wanted: String = kehoach::markup::plain_text(&s).nfc().collect();
                    let mut left = printed.clone();
                    for c in wanted.chars().filter(|c| !c.is_whitespace()) {
                        match left.find(c) {
                            Some(i) => { left.replace_range(i..i + c.len_utf8(), ""); }
                            None => prop_assert!(false, "{field}: {c:?} of {s:?} not in {what}: {printed:?}"),
                        }
                    }
                }
            }
        }
    }
}

/// The text of a Word file's body, as XML text (entities resolved).
fn docx_text(docx: &[u8]) -> String {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut text = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                text.push_str(quick_xml::escape::resolve_predefined_entity(&r).unwrap());
            }
            Event::End(e) if e.name().into_inner() == "w:p" => text.push(' '),
            Event::Eof => return text,
            _ => {}
        }
    }
}
