//! Broken plans get one clear Vietnamese message naming file, line:column
//! and JSON path; the command exits with 2 and writes nothing.

mod common;

use std::process::Command;

use common::root;
use kehoach::load;

const GOOD: &str = r#"{
  "issuer": { "name": "SỞ TƯ PHÁP", "abbreviation": "STP" },
  "number": 5,
  "place": "Lạng Sơn",
  "date": "2025-03-04",
  "title": "Kế hoạch thử",
  "sections": [
    { "title": "NỘI DUNG",
      "content": [ "Đoạn văn.", { "task": { "content": ["Việc."], "lead": "Văn phòng" } } ] }
  ],
  "recipients": ["Lãnh đạo Sở"],
  "archive": "VT, VP",
  "signer": { "authority": [ { "prefix": "KT", "of": "GIÁM ĐỐC" } ], "title": "PHÓ GIÁM ĐỐC", "name": "Vũ Quang Hưng" }
}"#;

/// (what is broken, the plan, the expected `file:line:column: path`, words of the message)
fn cases() -> Vec<(&'static str, String, &'static str, &'static str)> {
    vec![
        ("malformed JSON", GOOD.replace("\"place\": \"Lạng Sơn\",", "\"place\": \"Lạng Sơn\""), "plan.json:5:3", "JSON sai cú pháp"),
        ("unclosed file", GOOD[..GOOD.len() - 3].to_owned(), "plan.json:13:", "kết thúc giữa chừng"),
        ("missing field", GOOD.replace("  \"place\": \"Lạng Sơn\",\n", ""), "plan.json:13:1: .", "thiếu trường bắt buộc \"place\""),
        ("mistyped field name", GOOD.replace("\"title\": \"Kế hoạch thử\"", "\"titel\": \"Kế hoạch thử\""), "plan.json:6:9: titel", "có phải là \"title\"?"),
        ("wrong type", GOOD.replace("\"number\": 5", "\"number\": \"năm\""), "plan.json:3:18: number", "sai kiểu dữ liệu"),
        ("bad date", GOOD.replace("2025-03-04", "2025-02-30"), "plan.json:5:11: date", "ngày 30 tháng 2 năm 2025 không có thật"),
        ("date in the wrong shape", GOOD.replace("2025-03-04", "04/03/2025"), "plan.json:5:11: date", "không đúng dạng"),
        ("unknown authority prefix", GOOD.replace("\"prefix\": \"KT\"", "\"prefix\": \"KTT\""), "plan.json:13:46: signer.authority[0].prefix", "giá trị \"KTT\" không hợp lệ"),
        ("deep mistake inside a task", GOOD.replace("\"lead\": \"Văn phòng\"", "\"lead\": 7"), "plan.json:9:83: sections[0].content[1].task.lead", "cần tên một đơn vị"),
        ("unknown block", GOOD.replace("{ \"task\":", "{ \"tsak\":"), "plan.json:9:", "sections[0].content[1]"),
        ("missing image", GOOD.replace("\"name\": \"Vũ Quang Hưng\"", "\"name\": \"Vũ Quang Hưng\", \"seal_image\": \"khong-co.png\""), "plan.json:13:", "ảnh \"khong-co.png\""),
        ("bad column width", GOOD.replace("\"Đoạn văn.\",", "\"Đoạn văn.\", { \"table\": { \"columns\": [ { \"title\": \"A\", \"width\": \"3 inch\" } ], \"rows\": [] } },"), "plan.json:9:", "độ rộng \"3 inch\" không hợp lệ"),
        ("year past i32", GOOD.replace("\"number\": 5,", "\"number\": 5, \"year\": 2147483647,"), "plan.json:3:24: year", "năm 2147483647 nằm ngoài khoảng hợp lý (1900–2200)"),
        ("year too early", GOOD.replace("\"number\": 5,", "\"number\": 5, \"year\": 1800,"), "plan.json:3:24: year", "năm 1800 nằm ngoài khoảng hợp lý"),
        ("negative year", GOOD.replace("\"number\": 5,", "\"number\": 5, \"year\": -1,"), "plan.json:3:24: year", "năm -1 nằm ngoài khoảng hợp lý"),
        ("date too far ahead", GOOD.replace("2025-03-04", "2300-03-04"), "plan.json:5:11: date", "năm 2300 nằm ngoài khoảng hợp lý (1900–2200)"),
        ("task and table in one block", GOOD.replace("\"lead\": \"Văn phòng\" } }", "\"lead\": \"Văn phòng\" }, \"table\": { \"columns\": [], \"rows\": [] } }"), "plan.json:9:", "sections[0].content[1]: một khối chỉ được có một trong các khóa list, task, table, task_table; khối này có cả \"task\" và \"table\""),
        ("list and task in one block", GOOD.replace("{ \"task\":", "{ \"list\": [\"Ý.\"], \"task\":"), "plan.json:9:", "khối này có cả \"list\" và \"task\""),
        ("a block key twice", GOOD.replace("\"lead\": \"Văn phòng\" } }", "\"lead\": \"Văn phòng\" }, \"task\": {} }"), "plan.json:9:", "khóa \"task\" được ghi hai lần"),
        ("marker on a task", GOOD.replace("{ \"task\":", "{ \"marker\": \"+\", \"task\":"), "plan.json:9:", "chỉ dùng cho khối \"list\""),
        ("a list for a plan", "[]".to_owned(), "plan.json:1:2: .", "cần một đối tượng {...}, không phải danh sách"),
        ("a text for an object", GOOD.replace("{ \"name\": \"SỞ TƯ PHÁP\", \"abbreviation\": \"STP\" }", "\"SỞ TƯ PHÁP\""), "plan.json:2:28: issuer", "cần một đối tượng {...}"),
        ("a field twice", GOOD.replace("\"place\": \"Lạng Sơn\",", "\"place\": \"Lạng Sơn\", \"place\": \"Hà Nội\","), "plan.json:4:", "trường \"place\" ghi hai lần"),
        ("more cells than columns", with_block(r#"{ "table": { "columns": [ { "title": "A" } ], "rows": [ ["a", "b"] ] } }"#), "plan.json:9:", "sections[0].content[1].table.rows[0]: dòng có 2 ô nhưng bảng chỉ có 1 cột"),
        ("a table with no columns", with_block(r#"{ "table": { "columns": [], "rows": [] } }"#), "plan.json:9:", "table.columns: bảng cần ít nhất một cột"),
        ("a task table's head row past its columns", with_block(r#"{ "task_table": { "columns": [ { "field": "content", "title": "Nhiệm vụ" } ], "header_rows": [ ["(1)", "(2)"] ], "items": [] } }"#), "plan.json:9:", "task_table.header_rows[0]: dòng có 2 ô nhưng bảng chỉ có 1 cột"),
        ("a task table with no columns", with_block(r#"{ "task_table": { "columns": [], "items": [] } }"#), "plan.json:9:", "task_table.columns: bảng nhiệm vụ cần ít nhất một cột"),
        ("a width past reason", with_block(r#"{ "table": { "columns": [ { "title": "A", "width": 1e308 } ], "rows": [] } }"#), "plan.json:9:", "tỷ lệ độ rộng 1e308 quá lớn"),
        ("a width over the line", with_block(r#"{ "table": { "columns": [ { "title": "A", "width": "1000%" } ], "rows": [] } }"#), "plan.json:9:", "độ rộng 1000% lớn hơn cả dòng"),
    ]
}

/// The good plan with `block` as its first mục's second block.
fn with_block(block: &str) -> String {
    GOOD.replace("\"Đoạn văn.\",", &format!("\"Đoạn văn.\", {block},"))
}

/// A header field left empty — a form half filled in, or an import that
/// did not find it — is not a broken plan: it lays out with a visible mark
/// in its place, and `check` names it as an error (which `render --strict`
/// holds back).
#[test]
fn an_empty_header_field_is_marked_and_named() {
    let plan = GOOD
        .replace("\"place\": \"Lạng Sơn\"", "\"place\": \"  \"")
        .replace("\"title\": \"Kế hoạch thử\"", "\"title\": \"\"")
        .replace(
            "\"name\": \"SỞ TƯ PHÁP\", \"abbreviation\": \"STP\"",
            "\"name\": \"\", \"abbreviation\": \"\"",
        )
        .replace("\"archive\": \"VT, VP\"", "\"archive\": \"\"")
        .replace("\"date\": \"2025-03-04\",\n", "");
    let loaded = load::load_str(&plan, "plan.json", &root()).unwrap();
    let report = kehoach::check::check(&loaded.plan, (2025, 3, 4));
    let named = |rule: &str, path: &str| {
        report
            .findings
            .iter()
            .find(|f| f.rule == rule && f.path == path)
            .map(|f| serde_json::to_value(f.severity).unwrap())
    };
    assert_eq!(named("R-CQ", "issuer.name"), Some("error".into()));
    assert_eq!(named("R-PLACE", "place"), Some("error".into()));
    assert_eq!(named("R-TITLE", "title"), Some("error".into()));
    assert_eq!(named("R-DATE", "date"), Some("warning".into()));
    assert_eq!(named("R-NOINHAN", "archive"), Some("warning".into()));
    let pdf = kehoach::export::pdf(&common::engine().compile(&loaded).unwrap(), &[]).unwrap();
    let text = common::pdf_text(&pdf);
    for mark in [
        "[TÊN CƠ QUAN BAN HÀNH]",
        "[Địa danh]",
        "[Trích yếu]",
        "Lưu: [nơi lưu]",
    ] {
        assert!(text.contains(mark), "{mark} in {text}");
    }
    let dir = std::env::temp_dir().join(format!("kehoach-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("plan.json"), &plan).unwrap();
    let strict = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .current_dir(&dir)
        .args([
            "render",
            "plan.json",
            "-o",
            "plan.pdf",
            "--strict",
            "--no-system-fonts",
        ])
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));
    assert!(!dir.join("plan.pdf").exists(), "--strict writes nothing");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_good_plan_loads() {
    load::load_str(GOOD, "plan.json", &root()).unwrap();
    // Notepad's UTF-8 starts with a byte-order mark.
    load::load_str(&format!("\u{feff}{GOOD}"), "plan.json", &root()).unwrap();
}

#[test]
fn each_broken_plan_gets_its_message() {
    for (what, plan, at, words) in cases() {
        let err = load::load_str(&plan, "plan.json", &root())
            .expect_err(what)
            .to_string();
        assert!(
            err.starts_with(at),
            "{what}: {err:?} should start with {at:?}"
        );
        assert!(err.contains(words), "{what}: {err:?} should say {words:?}");
        // Nothing of serde's English or of the Rust types behind it.
        for internal in ["expected", "invalid", "struct", "Plan", "typ:", "elements"] {
            assert!(!err.contains(internal), "{what}: {err:?} says {internal:?}");
        }
        // An input error, which the command line answers with exit code 2
        // (the next test runs it).
        assert!(matches!(
            load::load_str(&plan, "plan.json", &root()).unwrap_err(),
            kehoach::Error::Input { .. }
        ));
    }
}

#[test]
fn the_command_exits_2_and_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("kehoach-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (what, plan, at, words) in cases() {
        let input = dir.join("plan.json");
        std::fs::write(&input, &plan).unwrap();
        let output = dir.join("plan.pdf");
        let typ = dir.join("plan.typ");
        let run = Command::new(env!("CARGO_BIN_EXE_kehoach"))
            .current_dir(&dir)
            .args([
                "render",
                "plan.json",
                "-o",
                "plan.pdf",
                "--typ",
                "plan.typ",
                "--no-system-fonts",
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{what}: {stderr}");
        assert!(
            stderr.contains(at) && stderr.contains(words),
            "{what}: {stderr}"
        );
        assert!(
            !output.exists() && !typ.exists(),
            "{what}: nothing is written"
        );
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            leftovers,
            vec![std::ffi::OsString::from("plan.json")],
            "{what}: no temporary files"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn not_utf8_and_missing_file() {
    let err = load::load_str("{", "x.json", &root())
        .unwrap_err()
        .to_string();
    assert!(err.contains("x.json:1:"));
    let missing = load::load_file("khong-co.json".as_ref())
        .unwrap_err()
        .to_string();
    assert!(
        missing.contains("khong-co.json") && missing.contains("không tìm thấy"),
        "{missing}"
    );
}

/// A word wider than the page (32,768 letters once made krilla panic, and
/// 60 letters ran past the margin, over the quốc hiệu in the header) wraps
/// inside the margins, as Word breaks it.
#[test]
fn a_word_wider_than_the_page_wraps_inside_the_margins() {
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::sample("004")).unwrap()).unwrap();
    plan["issuer"]["name"] = format!("SỞ {}", "X".repeat(80)).into();
    plan["place"] = "Đ".repeat(70).into();
    plan["preamble"] = serde_json::json!(["Đ".repeat(32_768)]);
    plan["recipients"][0] = "R".repeat(90).into();
    let compiled = common::compile_str(&plan.to_string());
    let probe = common::Probe::new(&compiled);
    let (left, right) = (30.0 * common::MM, (210.0 - 15.0) * common::MM);
    for run in &probe.runs {
        let page_number = run.baseline < 20.0 * common::MM;
        assert!(
            page_number || run.x >= left - 3.0 && run.right() <= right + 0.5,
            "p{} {:?} from {:.1} to {:.1} mm",
            run.page + 1,
            run.text.chars().take(20).collect::<String>(),
            run.x / common::MM,
            run.right() / common::MM
        );
    }
    kehoach::export::pdf(&compiled, &[typst_pdf::PdfStandard::A_2b]).expect("PDF/A too");
}

/// A nơi nhận list longer than a page (68 entries once fell off the page's
/// foot with the `Lưu:` line): it goes on onto the next page, nothing lost,
/// the signature beside its start.
#[test]
fn a_long_recipient_list_goes_on_to_the_next_page() {
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::sample("004")).unwrap()).unwrap();
    let recipients: Vec<String> = (1..=100).map(|i| format!("Đơn vị nhận thứ {i}")).collect();
    plan["recipients"] = serde_json::json!(recipients);
    let compiled = common::compile_str(&plan.to_string());
    let text = common::pdf_text(&kehoach::export::pdf(&compiled, &[]).unwrap());
    for i in [1, 68, 100] {
        assert!(text.contains(&format!("Đơn vị nhận thứ {i};")), "entry {i}");
    }
    assert!(text.contains("Lưu: VT, VP (CTH)."), "the Lưu line");
    let probe = common::Probe::new(&compiled);
    let lines = probe.all_lines();
    let first = lines
        .iter()
        .find(|l| l.text.contains("Đơn vị nhận thứ 1;"))
        .unwrap();
    let signer = lines
        .iter()
        .find(|l| l.text.contains("Phạm Hùng Trường"))
        .unwrap();
    assert_eq!(
        first.page, signer.page,
        "the signature beside the list's start"
    );
    let last = lines.iter().find(|l| l.text.contains("Lưu:")).unwrap();
    assert!(last.page > first.page, "the list went on to the next page");
}

/// One policy for characters that cannot be printed: a control character
/// pasted with the text, or a character no font has (an emoji), is refused
/// with its field and code point — by `render` (to PDF or to Word), `batch`
/// and `check` alike,
/// where once `render` dropped it and `batch` failed without naming it.
#[test]
fn unprintable_characters_are_refused_alike_everywhere() {
    let dir = std::env::temp_dir().join(format!("kehoach-chars-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::sample("004")).unwrap()).unwrap();
    for (name, text, said) in [
        ("emoji", "Chào mừng 😀 năm mới", "U+1F600"),
        ("control", "Có ký tự \u{1} lạ", "U+0001"),
        // Not a character at all, and no XML file (a .docx) may hold it.
        ("noncharacter", "Có ký tự \u{FFFF} lạ", "U+FFFF"),
    ] {
        let mut plan = base.clone();
        plan["preamble"] = serde_json::json!([text]);
        let file = dir.join(format!("{name}.json"));
        std::fs::write(&file, plan.to_string()).unwrap();
        let kehoach = |args: &[&std::ffi::OsStr]| {
            std::process::Command::new(env!("CARGO_BIN_EXE_kehoach"))
                .args(args)
                .output()
                .unwrap()
        };
        let docx = dir.join(format!("{name}.docx"));
        for verb in ["render", "check", "render --docx"] {
            let mut args: Vec<&std::ffi::OsStr> = verb.split(' ').map(|a| a.as_ref()).collect();
            if verb.ends_with("--docx") {
                args.push(docx.as_os_str());
            }
            args.extend(["--no-system-fonts".as_ref(), file.as_os_str()]);
            let out = kehoach(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{verb} {name}: {stderr}");
            assert!(
                stderr.contains("preamble[0]") && stderr.contains(said),
                "{verb} {name}: {stderr}"
            );
        }
        assert!(!docx.exists(), "{name}: no Word file written");
        let batch_in = dir.join(format!("in-{name}"));
        std::fs::create_dir_all(&batch_in).unwrap();
        std::fs::copy(&file, batch_in.join("p.json")).unwrap();
        let out_dir = dir.join(format!("out-{name}"));
        kehoach(&[
            "batch".as_ref(),
            "--no-system-fonts".as_ref(),
            batch_in.as_os_str(),
            "-o".as_ref(),
            out_dir.as_os_str(),
        ]);
        let manifest = std::fs::read_to_string(out_dir.join("manifest.json")).unwrap();
        let row = &kehoach::batch::Manifest::from_json(&manifest).unwrap().rows[0];
        let message = row.message.as_deref().unwrap_or_default();
        assert!(
            message.contains("preamble[0]") && message.contains(said),
            "batch {name}: {message}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An image of 200 million pixels took 600 MB to decode: past 25 million
/// the plan is refused, read from the PNG's header before any decoding.
#[test]
fn a_huge_signature_image_is_refused_before_it_is_decoded() {
    let dir = std::env::temp_dir().join(format!("kehoach-png-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    png.extend(20_000u32.to_be_bytes());
    png.extend(10_000u32.to_be_bytes());
    png.extend([8, 6, 0, 0, 0]);
    std::fs::write(dir.join("chu-ky.png"), &png).unwrap();
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::sample("004")).unwrap()).unwrap();
    plan["signer"]["signature_image"] = "chu-ky.png".into();
    let file = dir.join("p.json");
    std::fs::write(&file, plan.to_string()).unwrap();
    let error = kehoach::load::load_file(&file).unwrap_err().to_string();
    assert!(
        error.contains("signer.signature_image") && error.contains("20000×10000"),
        "{error}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
