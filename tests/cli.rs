//! The `kehoach` command as a user runs it.

mod common;

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{have_tool, pdf_text, root, sample, tool_output};

fn kehoach() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kehoach"));
    cmd.current_dir(root());
    cmd
}

fn tempdir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-cli-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `kehoach render PLAN -o PDF EXTRA…` with the embedded fonts only.
fn render(plan: &Path, pdf: &Path, extra: &[&dyn AsRef<OsStr>]) -> Output {
    let mut cmd = kehoach();
    cmd.args(["render", "--no-system-fonts"])
        .arg(plan)
        .arg("-o")
        .arg(pdf);
    for arg in extra {
        cmd.arg(arg);
    }
    cmd.output().unwrap()
}

fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every help screen is in Vietnamese: each word of its prose is a
/// Vietnamese syllable or a name the program works with (formats, the
/// typeface). What is typed on the command line as it is — verbs, option
/// names, file names, the accepted values `text`, `json`, `decision`,
/// `plan` — is not prose.
#[test]
fn help_is_in_vietnamese() {
    const NAMES: &[&str] = &[
        "kehoach", "PDF", "JSON", "Lines", "Schema", "Typst", "Word", "Markdown", "PNG", "CPU",
        "Times", "New", "Roman", "NĐ", "CP", "inch", "text", "json", "decision", "plan",
    ];
    let verbs = [
        "render", "batch", "check", "rollover", "import", "serve", "fonts", "schema", "help",
    ];
    let mut screens: Vec<Vec<&str>> = vec![vec!["--help"], vec!["-h"], vec!["help"]];
    screens.extend(verbs.iter().map(|v| vec![*v, "--help"]));
    screens.extend(verbs.iter().map(|v| vec!["help", *v]));
    for args in screens {
        let out = kehoach().args(&args).output().unwrap();
        assert_success(&out);
        let page = String::from_utf8(out.stdout).unwrap();
        assert!(page.contains("Cách dùng: kehoach"), "{args:?}: {page}");
        let foreign: Vec<&str> = page
            .split_whitespace()
            .filter(|t| {
                !t.starts_with('-')
                    && !t.contains(|c: char| c.is_ascii_digit() || c == '.' || c == '/')
            })
            .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
            .filter(|w| !w.is_empty() && !NAMES.contains(w) && !verbs.contains(w))
            .filter(|w| !kehoach::vietnamese::is_syllable(w))
            .collect();
        assert!(
            foreign.is_empty(),
            "kehoach {args:?}: {foreign:?} in\n{page}"
        );
    }
    // `import` names every kind of file it reads.
    let import = kehoach().args(["import", "--help"]).output().unwrap();
    let import = String::from_utf8(import.stdout).unwrap();
    for kind in [".docx", ".pdf", ".txt", ".md"] {
        assert!(import.lines().nth(0).unwrap().contains(kind), "{import}");
    }
}

#[test]
fn render_writes_pdf_typst_source_and_png_pages() {
    let dir = tempdir("render");
    let (typ, png) = (dir.join("p.typ"), dir.join("png"));
    let out = render(
        &sample("003"),
        &dir.join("p.pdf"),
        &[&"--typ", &typ, &"--png", &png],
    );
    assert_success(&out);
    let pdf = std::fs::read(dir.join("p.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
    let typ = std::fs::read_to_string(dir.join("p.typ")).unwrap();
    assert!(
        typ.contains("#show: setup.with"),
        "the generated Typst source"
    );
    let pngs: Vec<_> = std::fs::read_dir(dir.join("png"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(pngs.len(), pages, "one PNG per page");
    for png in &pngs {
        assert!(
            std::fs::read(png)
                .unwrap()
                .starts_with(b"\x89PNG\r\n\x1a\n")
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn render_reads_standard_input() {
    let dir = tempdir("stdin");
    let mut child = kehoach()
        .args(["render", "-", "--no-system-fonts", "-o"])
        .arg(dir.join("stdin.pdf"))
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let json = std::fs::read(sample("000")).unwrap();
    child.stdin.take().unwrap().write_all(&json).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdf_text(&std::fs::read(dir.join("stdin.pdf")).unwrap());
    assert!(text.contains("Lạng Sơn thi đua đổi mới sáng tạo"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn fonts_reports_the_face_in_use() {
    let out = kehoach()
        .args(["fonts", "--no-system-fonts"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        stdout.contains("Phông chữ dùng cho văn bản: Liberation Serif"),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("nhúng trong chương trình").count(),
        4,
        "four embedded faces"
    );
    // A folder of fonts is added with --font-dir.
    let out = kehoach()
        .args(["fonts", "--no-system-fonts", "--font-dir", "fonts"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("fonts/LiberationSerif-Bold.ttf"),
        "{stdout}"
    );
}

#[test]
fn a_body_can_override_one_template() {
    let dir = tempdir("templates");
    let closing = kehoach::template::EMBEDDED
        .iter()
        .find(|(n, _)| *n == "closing.typ")
        .unwrap()
        .1;
    std::fs::write(
        dir.join("closing.typ"),
        closing.replace("Nơi nhận:", "Nơi nhận bản này:"),
    )
    .unwrap();
    let out = render(&sample("000"), &dir.join("p.pdf"), &[&"--templates", &dir]);
    assert_success(&out);
    assert!(pdf_text(&std::fs::read(dir.join("p.pdf")).unwrap()).contains("Nơi nhận bản này:"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_broken_template_is_shown_with_its_line() {
    let dir = tempdir("broken");
    std::fs::write(dir.join("header.typ"), "#let x = (\n").unwrap();
    let out = render(&sample("000"), &dir.join("p.pdf"), &[&"--templates", &dir]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("mẫu header.typ, dòng 1"), "{stderr}");
    assert!(!dir.join("p.pdf").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

/// Cross-checks with independent PDF tools (Debian's qpdf and poppler-utils):
/// skipped where they are missing, required under CI=true.
/// An error that knows no line says none, rather than a made-up `1:1`.
#[test]
fn errors_without_a_line_name_only_what_they_know() {
    let stderr = |out: &Output| String::from_utf8_lossy(&out.stderr).into_owned();
    let plan = sample("003");
    let bad_today = kehoach()
        .args(["check", "--no-layout", "--today", "2026-13-01"])
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(bad_today.status.code(), Some(2));
    assert!(
        stderr(&bad_today).starts_with("kehoach: --today: tháng 13 không có thật"),
        "{}",
        stderr(&bad_today)
    );
    let fix_stdin = kehoach()
        .args(["check", "--no-layout", "--fix", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(fix_stdin.status.code(), Some(2));
    assert!(
        stderr(&fix_stdin).starts_with("kehoach: --fix ghi lại vào tệp, không dùng được với"),
        "{}",
        stderr(&fix_stdin)
    );
    let dir = tempdir("no-line");
    let back = kehoach()
        .args(["rollover", "--year", "2000"])
        .arg(&plan)
        .arg("-o")
        .arg(dir.join("new.json"))
        .output()
        .unwrap();
    assert_eq!(back.status.code(), Some(2));
    assert!(
        stderr(&back).contains(&format!(
            "{}: year: năm mới (2000) phải sau năm của kế hoạch",
            plan.display()
        )),
        "{}",
        stderr(&back)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn external_tools_accept_the_pdf() {
    if !have_tool("qpdf") || !have_tool("pdffonts") {
        return;
    }
    let dir = tempdir("tools");
    let pdf = dir.join("p.pdf");
    assert_success(&render(&sample("004"), &pdf, &[]));
    tool_output("qpdf", &["--check".as_ref(), pdf.as_ref()]);
    let fonts = tool_output("pdffonts", &[pdf.as_ref()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r.contains("LiberationSerif")),
        "{fonts}"
    );
    // Columns "emb sub uni": every font embedded, subset, with a Unicode map.
    assert!(
        rows.iter().all(|r| r
            .split_whitespace()
            .rev()
            .skip(2)
            .take(3)
            .all(|c| c == "yes")),
        "{fonts}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
