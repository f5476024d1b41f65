//! `kehoach import`: the five seeds (real plans, from the shared folder)
//! import into plans that render, whose PDF carries the seed's words and
//! word pairs, with the same section tree, tasks, recipients and signer as
//! the hand-made samples; every sample
//! survives a round trip through its own text; broken files get a clear
//! message and never a panic.

mod common;

use common::shape::{differences, shape, shape_differences};
use common::shared::seed;
use common::{coverage, engine, pdf_of, pdf_text, root, sample, words};
use kehoach::import::{import_bytes, import_file};
use kehoach::load;
use proptest::prelude::*;
use serde_json::Value;

fn pairs(words: &[String]) -> Vec<(String, String)> {
    words
        .windows(2)
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect()
}

fn import_seed(prefix: &str) {
    let Some(seed) = seed(prefix) else {
        return;
    };
    let imported = import_file(&seed).unwrap_or_else(|e| panic!("{prefix}: {e}"));
    let seed_text = std::fs::read_to_string(&seed).unwrap();
    let seed_words = words(&seed_text);
    let pdf_words = words(&pdf_text(&pdf_of(&imported)));
    let word_share = coverage(&seed_words, &pdf_words);
    let pair_share = coverage(&pairs(&seed_words), &pairs(&pdf_words));
    let sample: Value =
        serde_json::from_str(&std::fs::read_to_string(sample(prefix)).unwrap()).unwrap();
    let mine: Value = serde_json::from_str(&imported.json).unwrap();
    let diff = differences(&shape(&sample), &shape(&mine));
    eprintln!(
        "seed {prefix}: {:.2} % of words, {:.2} % of word pairs; {} differences from the sample",
        word_share * 100.0,
        pair_share * 100.0,
        diff.len()
    );
    assert!(
        word_share >= 0.99,
        "seed {prefix}: {:.2} % of its words",
        word_share * 100.0
    );
    assert!(
        pair_share >= 0.98,
        "seed {prefix}: {:.2} % of its word pairs",
        pair_share * 100.0
    );
    assert!(
        diff.is_empty(),
        "seed {prefix} differs from its sample (- sample, + import):\n{}",
        diff.join("\n")
    );
}

#[test]
fn seed_000_imports_like_its_sample() {
    import_seed("000");
}

#[test]
fn seed_001_imports_like_its_sample() {
    import_seed("001");
}

#[test]
fn seed_002_imports_like_its_sample() {
    import_seed("002");
}

#[test]
fn seed_003_imports_like_its_sample() {
    import_seed("003");
}

#[test]
fn seed_004_imports_like_its_sample() {
    import_seed("004");
}

/// Every sample, rendered and its PDF text extracted (lopdf), imports back
/// into the same section tree, tasks, recipients and signer. Not carried
/// by the text: the marks the renderer prints itself (dashes, numbers,
/// `Lưu:`), which the import reads back as structure.
#[test]
fn samples_survive_a_round_trip_through_their_pdf_text() {
    round_trips(|plan| (pdf_text(&pdf_of_plan(plan)).into_bytes(), "txt"));
}

#[test]
fn samples_survive_a_round_trip_through_their_pdf() {
    round_trips(|plan| (pdf_of_plan(plan), "pdf"));
}

/// The Word file kehoach writes for a draft reads back as the plan it
/// was made from.
#[test]
fn samples_survive_a_round_trip_through_their_word_file() {
    round_trips(|plan| {
        (
            kehoach::docx::docx(plan, Default::default()).unwrap(),
            "docx",
        )
    });
}

fn pdf_of_plan(plan: &load::LoadedPlan) -> Vec<u8> {
    kehoach::export::pdf(&engine().compile(plan).unwrap(), &[]).unwrap()
}

/// Each sample written out (`read`: as what `import` reads), imported:
/// the same section tree, tasks, recipients and signer.
fn round_trips(read: impl Fn(&load::LoadedPlan) -> (Vec<u8>, &'static str)) {
    let mut failures = Vec::new();
    for path in common::sample_paths() {
        let plan = load::load_file(&path).unwrap();
        let (bytes, kind) = read(&plan);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let imported = import_bytes(&bytes, kind, &name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let sample = std::fs::read_to_string(&path).unwrap();
        failures.extend(shape_differences(&name, &sample, &imported.json));
    }
    assert!(
        failures.is_empty(),
        "(- sample, + round trip)\n{}",
        failures.join("\n")
    );
}

/// A .docx as Word writes one, small: the given body and, optionally,
/// numbering and footnotes.
fn docx(body: &str, numbering: Option<&str>, footnotes: Option<&str>) -> Vec<u8> {
    use std::io::Write;
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let part = |root: &str, inner: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} xmlns:w="{W}">{inner}</w:{root}>"#
        )
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut add = |name: &str, text: String| {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    add(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.into(),
    );
    add(
        "word/document.xml",
        part("document", &format!("<w:body>{body}</w:body>")),
    );
    if let Some(n) = numbering {
        add("word/numbering.xml", part("numbering", n));
    }
    if let Some(f) = footnotes {
        add("word/footnotes.xml", part("footnotes", f));
    }
    zip.finish().unwrap().into_inner()
}

fn run(text: &str, format: &str) -> String {
    let props = match format {
        "b" => "<w:rPr><w:b/></w:rPr>",
        "i" => "<w:rPr><w:i/></w:rPr>",
        _ => "",
    };
    format!(r#"<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn para(runs: &[String]) -> String {
    format!("<w:p>{}</w:p>", runs.concat())
}

fn plain_para(text: &str) -> String {
    para(&[run(text, "")])
}

fn numbered(level: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
        run(text, "")
    )
}

fn table_xml(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|cells| {
            let cells: String = cells
                .iter()
                .map(|c| {
                    format!(
                        "<w:tc>{}</w:tc>",
                        c.split('\n').map(plain_para).collect::<String>()
                    )
                })
                .collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

/// A Word file with a Quyết định and, after it, the plan it issues, each
/// with its header table: the decision goes to `decision`, the plan keeps
/// nothing of it.
#[test]
fn a_word_decision_and_its_plan_import_apart() {
    let header = |left: &str, right: &str| table_xml(&[&[left, right]]);
    let body = [
        header(
            "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/QĐ-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 05 tháng 3 năm 2026",
        ),
        plain_para("QUYẾT ĐỊNH"),
        para(&[run("Ban hành Kế hoạch thi đua năm 2026", "b")]),
        para(&[run("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "b")]),
        para(&[run("Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;", "i")]),
        para(&[run("Theo đề nghị của Giám đốc Sở Nội vụ.", "i")]),
        para(&[run("QUYẾT ĐỊNH:", "b")]),
        para(&[run("Điều 1.", "b"), run(" Ban hành kèm theo Quyết định này Kế hoạch thi đua năm 2026.", "")]),
        para(&[run("Điều 2.", "b"), run(" Quyết định này có hiệu lực kể từ ngày ký./.", "")]),
        table_xml(&[&[
            "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT, NC.",
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A",
        ]]),
        header(
            "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ),
        plain_para("KẾ HOẠCH"),
        para(&[run("Thi đua năm 2026", "b")]),
        para(&[run("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của UBND tỉnh)", "i")]),
        plain_para("I. MỤC ĐÍCH"),
        plain_para("Thi đua hoàn thành nhiệm vụ./."),
    ]
    .concat();
    let imported = import_bytes(&docx(&body, None, None), "docx", "qd.docx").unwrap();
    let plan = &imported.plan;
    let decision = plan.decision.as_ref().expect("the decision");
    assert_eq!(decision.number, Some(12));
    assert_eq!(decision.authority, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG");
    assert_eq!(
        decision.bases,
        ["Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022"]
    );
    assert_eq!(decision.articles.len(), 2);
    assert_eq!(decision.recipients, ["Như Điều 2"]);
    assert_eq!(decision.signer.name.as_deref(), Some("Nguyễn Văn A"));
    assert_eq!(decision.by.as_deref(), Some("UBND tỉnh"));
    assert_eq!(plan.title, "Thi đua năm 2026");
    assert_eq!(plan.date.as_deref(), Some("2026-03-05"));
    assert!(plan.recipients.is_empty() && plan.signer.name.is_none());
    assert!(plan.preamble.is_empty(), "{:?}", plan.preamble);
    assert_eq!(plan.sections.len(), 1);
}

#[test]
fn a_word_file_imports_to_the_expected_plan() {
    let numbering = r#"<w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
      </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
    let footnotes = format!(
        r#"<w:footnote w:id="1">{}</w:footnote>"#,
        plain_para("Kế hoạch số 60/KH-STP ngày 29/7/2019 của Sở Tư pháp.")
    );
    let body = [
        table_xml(&[&[
            "UBND TỈNH LẠNG SƠN\nSỞ TƯ PHÁP\nSố: 45/KH-STP",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLạng Sơn, ngày 04 tháng 3 năm 2025",
        ]]),
        plain_para("KẾ HOẠCH"),
        plain_para("Thực hiện phong trào thi đua ngành Tư pháp năm 2025"),
        para(&[
            run("Thực hiện Kế hoạch số 01/KH-UBND của UBND tỉnh", ""),
            r#"<w:r><w:footnoteReference w:id="1"/></w:r>"#.into(),
            run(", Sở Tư pháp xây dựng Kế hoạch với chủ đề ", ""),
            run("“Đoàn kết, kỷ cương”", "b"),
            run(" như sau:", ""),
        ]),
        numbered(0, "MỤC ĐÍCH, YÊU CẦU"),
        numbered(1, "Mục đích"),
        para(&[run("Phát động phong trào thi đua ", ""), run("yêu nước", "i"), run(" trong toàn ngành.", "")]),
        numbered(1, "Yêu cầu"),
        plain_para("- Thiết thực, hiệu quả;"),
        plain_para("- Khen thưởng kịp thời."),
        numbered(0, "NỘI DUNG"),
        numbered(1, "Chỉ tiêu"),
        table_xml(&[&["Chỉ tiêu", "Tỷ lệ"], &["Văn bản được thẩm định", "100%"]]),
        numbered(1, "Rà soát văn bản quy phạm pháp luật"),
        plain_para("Rà soát các văn bản của tỉnh."),
        plain_para("- Chủ trì thực hiện: Phòng Xây dựng và Kiểm tra VBQPPL."),
        plain_para("- Thời gian thực hiện: Quý II/2025."),
        plain_para("Trên đây là Kế hoạch thi đua năm 2025 của Sở Tư pháp./."),
        table_xml(&[&[
            "Nơi nhận:\n- UBND tỉnh (báo cáo);\n- Lãnh đạo Sở;\n- Lưu: VT, VP.",
            "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nVũ Quang Hưng",
        ]]),
        plain_para("PHỤ LỤC"),
        plain_para("DANH MỤC VĂN BẢN"),
        numbered(1, "Văn bản của tỉnh"),
        plain_para("Các văn bản của UBND tỉnh."),
    ]
    .concat();
    let bytes = docx(&body, Some(numbering), Some(&footnotes));
    let imported = import_bytes(&bytes, "docx", "ke-hoach.docx").unwrap();
    let plan: Value = serde_json::from_str(&imported.json).unwrap();
    assert_eq!(plan["issuer"]["parent"], "UBND TỈNH LẠNG SƠN");
    assert_eq!(plan["issuer"]["name"], "SỞ TƯ PHÁP");
    assert_eq!(plan["issuer"]["abbreviation"], "STP");
    assert_eq!(plan["number"], 45);
    assert_eq!(plan["symbol"], "KH-STP");
    assert_eq!(plan["place"], "Lạng Sơn");
    assert_eq!(plan["date"], "2025-03-04");
    assert_eq!(
        plan["title"],
        "Thực hiện phong trào thi đua ngành Tư pháp năm 2025"
    );
    let preamble = plan["preamble"][0].as_str().unwrap();
    assert!(
        preamble.contains("UBND tỉnh^[Kế hoạch số 60/KH-STP"),
        "{preamble}"
    );
    assert!(preamble.contains("**“Đoàn kết, kỷ cương”**"), "{preamble}");
    let sections = &plan["sections"];
    assert_eq!(sections[0]["title"], "MỤC ĐÍCH, YÊU CẦU");
    assert_eq!(sections[0]["sections"][0]["title"], "Mục đích");
    assert_eq!(
        sections[0]["sections"][0]["content"][0],
        "Phát động phong trào thi đua *yêu nước* trong toàn ngành."
    );
    assert_eq!(
        sections[0]["sections"][1]["content"][0]["list"],
        serde_json::json!(["Thiết thực, hiệu quả;", "Khen thưởng kịp thời."])
    );
    let table = &sections[1]["sections"][0]["content"][0]["table"];
    assert_eq!(table["columns"][1]["title"], "Tỷ lệ");
    assert_eq!(table["rows"][0][1], "100%");
    let task = &sections[1]["sections"][1]["content"][0]["task"];
    assert_eq!(task["content"][0], "Rà soát các văn bản của tỉnh.");
    assert_eq!(task["lead"], "Phòng Xây dựng và Kiểm tra VBQPPL");
    assert_eq!(task["deadline"], "Quý II/2025");
    assert!(
        plan["closing"][0]
            .as_str()
            .unwrap()
            .starts_with("Trên đây là")
    );
    assert_eq!(
        plan["recipients"],
        serde_json::json!(["UBND tỉnh (báo cáo)", "Lãnh đạo Sở"])
    );
    assert_eq!(plan["archive"], "VT, VP");
    assert_eq!(plan["signer"]["authority"][0]["prefix"], "KT");
    assert_eq!(plan["signer"]["title"], "PHÓ GIÁM ĐỐC");
    assert_eq!(plan["signer"]["name"], "Vũ Quang Hưng");
    assert_eq!(plan["appendices"][0]["title"], "DANH MỤC VĂN BẢN");
    assert_eq!(
        plan["appendices"][0]["sections"][0]["title"],
        "Văn bản của tỉnh"
    );
    assert!(
        imported.report.guessed.is_empty(),
        "{:?}",
        imported.report.guessed
    );
    // And it renders.
    assert!(pdf_text(&pdf_of(&imported)).contains("Vũ Quang Hưng"));
}

#[test]
fn broken_files_get_a_clear_message() {
    let cases: [(&[u8], &str, &str); 6] = [
        (b"", "txt", "không có nội dung"),
        (
            &[0u8, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7],
            "txt",
            "nhị phân",
        ),
        (b"PK\x03\x04 not really a zip", "docx", "DOCX"),
        (b"hello", "pdf", "tệp PDF hỏng"),
        (b"hello", "odt", "chỉ nhận .docx, .pdf, .txt và .md"),
        (b"   \n\n  \n", "md", "không có nội dung"),
    ];
    for (bytes, kind, expected) in cases {
        let message = import_bytes(bytes, kind, "tep").unwrap_err().to_string();
        assert!(message.contains(expected), "{kind}: {message}");
        assert!(message.contains("tep"), "names the file: {message}");
    }
    // 20 MB of text: read (it is under the limit), not a panic or a hang;
    // more is refused with a message.
    let line = "Thực hiện kế hoạch của Sở Tư pháp tỉnh Lạng Sơn năm 2025.\n";
    let big = line.repeat(19_000_000 / line.len());
    assert!(import_bytes(big.as_bytes(), "txt", "lon.txt").is_ok());
    let too_big = line.repeat(22_000_000 / line.len());
    let message = import_bytes(too_big.as_bytes(), "txt", "qua-lon.txt")
        .unwrap_err()
        .to_string();
    assert!(message.contains("quá lớn"), "{message}");
}

/// Whatever the readers find, the imported plan loads and renders: a
/// portal's table whose head row is empty once made the import fail
/// (`bảng cần ít nhất một cột`), and a row longer than its head lost cells.
#[test]
fn a_table_with_an_empty_head_row_imports_and_renders() {
    let md = "KẾ HOẠCH\n\nThi đua năm 2026\n\nI. NỘI DUNG\n\n| | |\n|---|---|\n| Sở Tài chính | Thực hiện thường xuyên | Quý II |\n\nNơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\n";
    let imported = import_bytes(md.as_bytes(), "md", "bang.md").unwrap();
    let text = pdf_text(&pdf_of(&imported));
    for cell in ["Sở Tài chính", "Thực hiện thường xuyên", "Quý II"] {
        assert!(text.contains(cell), "{cell} in {text}");
    }
}

/// A scan as signing portals publish one: each page a picture, the text
/// layer holding only the signing stamp's line.
fn scanned_pdf(pages: usize) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    // A grey page picture: the scanner's pixels, no letters in them.
    let (width, height) = (60, 85);
    let pixels: Vec<u8> = (0..width * height).map(|i| (i * 7 % 251) as u8).collect();
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => width, "Height" => height,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        pixels,
    ));
    let mut kids = Vec::new();
    for page in 0..pages {
        let mut content = b"q 595 0 0 842 0 0 cm /Scan Do Q\n".to_vec();
        if page == 0 {
            content.extend(
                b"BT /F1 7 Tf 380 820 Td (Ky boi: Cong Thong tin dien tu Chinh phu) Tj ET\n",
            );
        }
        let contents = doc.add_object(Stream::new(dictionary! {}, content));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => contents,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! {
                "Font" => dictionary! { "F1" => font },
                "XObject" => dictionary! { "Scan" => image },
            },
        })));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Count" => pages as i64, "Kids" => kids },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// A scan has nothing to read without OCR: refused, saying so and how
/// many page pictures there are, never imported as an empty plan.
#[test]
fn a_scanned_pdf_is_refused_with_its_pages_counted() {
    let message = import_bytes(&scanned_pdf(3), "pdf", "ban-quet.pdf")
        .unwrap_err()
        .to_string();
    assert!(message.contains("ban-quet.pdf"), "{message}");
    assert!(
        message.contains("tệp PDF là bản quét (3 trang ảnh)"),
        "{message}"
    );
}

/// A short plan as `pdftotext -layout` gives it, two pages.
const LAST_YEAR: &str = "\
UBND TỈNH LẠNG SƠN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
  SỞ TƯ PHÁP                          Độc lập - Tự do - Hạnh phúc

Số: 45/KH-STP                      Lạng Sơn, ngày 04 tháng 3 năm 2025

                             KẾ HOẠCH
        Thực hiện phong trào thi đua ngành Tư pháp năm 2025

    I. MỤC ĐÍCH, YÊU CẦU
    1. Mục đích
    Tiếp tục thực hiện các phong trào thi đua của ngành1 và tổng kết phong trào
thi đua theo hướng dẫn của Bộ Tư pháp.

1 Kế hoạch số 60/KH-STP ngày 29/7/2019 của Sở Tư pháp về thực hiện văn hóa công sở.
\u{c}    2. Yêu cầu
    Thi đua phải thiết thực, hiệu quả, tránh hình thức.
    II. TỔ CHỨC THỰC HIỆN
    Các phòng, đơn vị thuộc Sở triển khai thực hiện Kế hoạch này./.

Nơi nhận:                                       GIÁM ĐỐC
- UBND tỉnh;
- Lưu: VT, VP.
                                              Nguyễn Văn An
";

#[test]
fn the_command_writes_the_plan_and_the_report() {
    let dir = std::env::temp_dir().join(format!("kehoach-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (json, report) = (dir.join("ke-hoach.json"), dir.join("bao-cao.md"));
    // Last year's plan as text extracted from its PDF: a footnote's body at
    // the foot of the page, before the form feed, its mark on a word.
    let text = dir.join("ke-hoach-2025.txt");
    std::fs::write(&text, LAST_YEAR).unwrap();
    let note_line = LAST_YEAR
        .lines()
        .position(|l| l.starts_with("1 Kế hoạch số 60"))
        .unwrap()
        + 1;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .arg("import")
        .arg(&text)
        .arg("-o")
        .arg(&json)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    load::load_file(&json).unwrap();
    let report = std::fs::read_to_string(&report).unwrap();
    for heading in [
        "## Đã nhận ra",
        "## Đã đoán, cần kiểm tra",
        "## Chưa xếp được vào đúng chỗ",
    ] {
        assert!(report.contains(heading), "{report}");
    }
    assert!(
        report.contains(&format!("chú thích 1 (dòng {note_line})")),
        "the footnote is reported: {report}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text — plan-like lines or noise — imports into a plan that
    /// loads as it was made, or into a clear error; never a panic.
    #[test]
    fn any_text_imports_or_fails_cleanly(lines in proptest::collection::vec(
        prop_oneof![
            "[IVX]{1,3}\\. [A-ZĐƯ ]{3,30}",
            "[0-9]{1,2}(\\.[0-9]){0,2}\\. [A-Za-zđêư ,]{3,60}[.:]?",
            "[a-e]\\) [a-zđ ,]{3,40}",
            "- [A-Za-zđư ,;]{0,60}",
            "(Chủ trì thực hiện|Thời gian thực hiện|Phối hợp): [A-Za-z ]{0,20}",
            "(Nơi nhận:|KẾ HOẠCH|Số: [0-9]{0,3}/KH-STP|Lưu: VT|GIÁM ĐỐC|KT\\. GIÁM ĐỐC|PHỤ LỤC)",
            "[A-Z][a-zơ]{1,6}, ngày [0-9]{0,2} tháng [0-9]{0,2} năm [0-9]{4}",
            "\\PC{0,80}",
        ],
        0..40,
    )) {
        let text = lines.join("\n");
        // Text with something in it always gives a plan (placeholders where
        // nothing was found); only an empty file is an error.
        match import_bytes(text.as_bytes(), "txt", "ngau-nhien.txt") {
            // What is written reads back as the plan the import made.
            Ok(imported) => prop_assert_eq!(load::load_str(&imported.json, "x", &root()).unwrap().plan, imported.plan),
            Err(e) => prop_assert!(e.to_string().contains("không có nội dung"), "{}", e),
        }
    }
}
