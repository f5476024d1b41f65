//! `kehoach batch`: many plans to PDF/A for signing, with a manifest of the
//! areas signing tools stamp, the same bytes however many threads, no half
//! files, and a signature field a real signing client accepts.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{MM, Probe, have_tool, root, sample, sample_paths, tool_output};
use kehoach::batch::{Manifest, Status};

fn tempdir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-batch-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn batch(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kehoach"));
    cmd.current_dir(root()).args(["batch", "--no-system-fonts"]);
    for a in args {
        cmd.arg(a);
    }
    cmd.output().unwrap()
}

/// `kehoach batch - -o OUT EXTRA…` with `lines` on its standard input.
fn batch_stdin(out: &Path, extra: &[&str], lines: &str, stderr: Stdio) -> std::process::Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(["batch", "-", "--no-system-fonts", "-o"])
        .arg(out)
        .args(extra)
        .stdin(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    child
}

fn manifest(dir: &Path) -> Manifest {
    Manifest::from_json(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap()
}

/// The samples plus two broken plans, in one input folder.
fn inputs(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for path in sample_paths() {
        std::fs::copy(&path, input.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(input.join("hong-cu-phap.json"), "{ \"issuer\": ").unwrap();
    let bad_date = std::fs::read_to_string(sample("003"))
        .unwrap()
        .replace("2025-03-04", "2025-02-30");
    std::fs::write(input.join("sai-ngay.json"), bad_date).unwrap();
    input
}

#[test]
fn a_folder_with_broken_plans_exports_the_rest_and_says_so() {
    let dir = tempdir("folder");
    let input = inputs(&dir);
    let out = dir.join("out");
    let run = batch(&[&input, &"-o", &out]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "some failed: {stderr}");
    assert!(
        stderr.contains("hong-cu-phap.json:1:") && stderr.contains("kết thúc giữa chừng"),
        "{stderr}"
    );
    assert!(
        stderr.contains("sai-ngay.json:10:11: date: ngày 30 tháng 2 năm 2025 không có thật"),
        "same message as render: {stderr}"
    );
    assert!(
        stderr.contains("8 kế hoạch") && stderr.contains("6 đã xuất") && stderr.contains("2 lỗi"),
        "{stderr}"
    );

    let m = manifest(&out);
    assert_eq!(m.rows.len(), 8);
    let failed: Vec<_> = m
        .rows
        .iter()
        .filter(|r| r.status == Status::Failed)
        .collect();
    assert_eq!(failed.len(), 2);
    assert!(
        failed
            .iter()
            .all(|r| r.output.is_none() && r.message.is_some())
    );
    for row in m.rows.iter().filter(|r| r.status == Status::Ok) {
        let name = row.output.as_ref().unwrap();
        assert!(name.is_ascii() && name.ends_with(".pdf"), "{name}");
        let pdf = std::fs::read(out.join(name)).unwrap();
        assert_eq!(Some(kehoach::batch::sha256(&pdf)), row.output_sha256);
        assert_eq!(Some(pdf.len() as u64), row.bytes);
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        assert_eq!(Some(doc.get_pages().len()), row.pages);
        // PDF/A-2b by default: its identification in the XMP metadata.
        let catalog = doc.catalog().unwrap();
        let xmp = doc
            .get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap())
            .unwrap();
        let xmp = String::from_utf8_lossy(&xmp.as_stream().unwrap().get_plain_content().unwrap())
            .into_owned();
        assert!(
            xmp.contains("<pdfaid:part>2</pdfaid:part>")
                && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>")
        );
        let input = std::fs::read(&row.source).unwrap();
        assert_eq!(kehoach::batch::sha256(&input), row.input_sha256);
        assert!(
            row.signature.is_some() && row.seal.is_some(),
            "{name}: signing areas"
        );
    }
    let draft = m.rows.iter().find(|r| r.source.contains("004-")).unwrap();
    assert!(
        draft
            .output
            .as_ref()
            .unwrap()
            .starts_with("KH-STP-du-thao-phat-dong-phong-trao")
    );
    assert!(
        draft.number_blank.is_some() && draft.day_blank.is_some() && draft.month_blank.is_none()
    );
    let issued = m.rows.iter().find(|r| r.source.contains("003-")).unwrap();
    assert_eq!(
        issued.output.as_deref(),
        Some("KH-STP-45-thuc-hien-phong-trao-thi-dua-nganh-tu-phap-tinh-lang-son-nam-2025.pdf")
    );
    assert!(issued.number_blank.is_none() && issued.day_blank.is_none());
    let csv = std::fs::read_to_string(out.join("manifest.csv")).unwrap();
    assert_eq!(csv.lines().count(), 9, "a header and a row per input");
    assert!(csv.lines().next().unwrap().contains("signature_rect"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_same_bytes_for_two_runs_and_any_number_of_jobs() {
    let dir = tempdir("det");
    let input = inputs(&dir);
    let (a, b) = (dir.join("a"), dir.join("b"));
    batch(&[&input, &"-o", &a, &"--jobs", &"1", &"--docx"]);
    batch(&[&input, &"-o", &b, &"--jobs", &"2", &"--docx"]);
    let files = |d: &Path| {
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa.len(), 14, "6 PDFs, 6 Word files and 2 manifests");
    assert!(fa == fb, "jobs 1 and jobs 2 differ");

    // Each Word file is listed beside its PDF, with its hash.
    let rows = manifest(&a).rows;
    for row in rows.iter().filter(|r| r.status == Status::Ok) {
        let name = row.docx_output.as_deref().expect("a Word file listed");
        let pdf = row.output.as_deref().unwrap();
        assert_eq!(name.trim_end_matches(".docx"), pdf.trim_end_matches(".pdf"));
        let bytes = std::fs::read(a.join(name)).unwrap();
        assert_eq!(
            row.docx_output_sha256.as_deref(),
            Some(kehoach::batch::sha256(&bytes).as_str())
        );
    }
    // A Word file gone is written again; the rest are unchanged.
    let gone = rows[0].docx_output.clone().unwrap();
    std::fs::remove_file(a.join(&gone)).unwrap();
    batch(&[&input, &"-o", &a, &"--skip-unchanged", &"--docx"]);
    let again = manifest(&a).rows;
    assert_eq!(again[0].status, Status::Ok);
    assert!(a.join(&gone).exists());
    assert!(
        again[1..].iter().all(|r| r.status != Status::Ok),
        "{again:#?}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn areas_lie_inside_the_page_between_the_signers_title_and_name() {
    let dir = tempdir("areas");
    let out = dir.join("out");
    let plan = sample("002");
    batch(&[&plan, &"-o", &out]);
    let row = manifest(&out).rows.remove(0);
    let probe = Probe::new(&common::compile(&plan));
    let sig = row.signature.unwrap();
    let seal = row.seal.unwrap();
    let page = sig.page - 1;
    let (w, h) = probe.pages[page];
    for r in [sig.rect, seal.rect] {
        assert!(r[0] >= 0.0 && r[2] <= w && r[1] >= 0.0 && r[3] <= h && r[0] < r[2] && r[1] < r[3]);
    }
    let title = probe.line(page, "PHÓ GIÁM ĐỐC");
    let name = probe.line(page, "Vũ Quang Hưng");
    // PDF space counts up from the bottom; the layout counts down from the top.
    let (sig_top, sig_bottom) = (h - sig.rect[3], h - sig.rect[1]);
    assert!(sig_top > title.baseline, "below the title line");
    assert!(
        sig_bottom < name.baseline - 0.7 * name.size,
        "above the name"
    );
    let centre = (sig.rect[0] + sig.rect[2]) / 2.0;
    assert!(
        (centre - title.centre()).abs() < 0.5,
        "centred under the title"
    );
    // The seal covers the left third of the signature area (R-ESIG).
    let overlap = seal.rect[2] - sig.rect[0];
    let third = (sig.rect[2] - sig.rect[0]) / 3.0;
    assert!(
        seal.rect[0] < sig.rect[0] && (overlap - third).abs() < 0.5,
        "overlap {overlap:.1} pt"
    );
    assert!(
        (seal.rect[2] - seal.rect[0] - 36.0 * MM).abs() < 0.5,
        "the seal at real size"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn json_lines_on_stdin_and_skip_unchanged() {
    let dir = tempdir("stdin");
    let out = dir.join("out");
    let lines: String = ["000", "004"]
        .iter()
        .map(|p| {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(sample(p)).unwrap()).unwrap();
            format!("{v}\n")
        })
        .collect();
    let run_stdin = |extra: &[&str]| {
        batch_stdin(&out, extra, &lines, Stdio::piped())
            .wait_with_output()
            .unwrap()
    };
    assert!(run_stdin(&[]).status.success());
    let first = manifest(&out);
    assert_eq!(
        first
            .rows
            .iter()
            .map(|r| r.source.as_str())
            .collect::<Vec<_>>(),
        ["stdin:1", "stdin:2"]
    );
    let again = run_stdin(&["--skip-unchanged"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("2 không đổi"));
    let second = manifest(&out);
    assert!(second.rows.iter().all(|r| r.status == Status::Unchanged));
    assert_eq!(
        second
            .rows
            .iter()
            .map(|r| &r.output_sha256)
            .collect::<Vec<_>>(),
        first
            .rows
            .iter()
            .map(|r| &r.output_sha256)
            .collect::<Vec<_>>()
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// A link back into the folder (`ln -s . loop`) is passed over with a
/// warning; a link to a folder elsewhere is followed.
#[cfg(unix)]
#[test]
fn a_folder_link_loop_renders_each_plan_once() {
    let dir = tempdir("loop");
    let input = dir.join("in");
    let elsewhere = dir.join("elsewhere");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::copy(sample("000"), input.join("a.json")).unwrap();
    std::fs::copy(sample("004"), input.join("sub/b.json")).unwrap();
    std::fs::copy(sample("003"), elsewhere.join("c.json")).unwrap();
    std::os::unix::fs::symlink(".", input.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", input.join("sub/up")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, input.join("linked")).unwrap();
    let out = dir.join("out");
    let run = batch(&[&input, &"-o", &out]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let sources: Vec<String> = manifest(&out)
        .rows
        .iter()
        .map(|r| {
            let source = Path::new(&r.source).strip_prefix(&input).unwrap();
            source.to_string_lossy().into_owned()
        })
        .collect();
    assert_eq!(sources, ["a.json", "linked/c.json", "sub/b.json"]);
    for link in ["loop", "sub/up"] {
        let warning = format!(
            "kehoach: cảnh báo: bỏ qua {}: liên kết trỏ ngược về thư mục chứa nó",
            input.join(link).display()
        );
        assert!(stderr.contains(&warning), "{warning}: {stderr}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_interrupted_run_leaves_only_whole_files() {
    let dir = tempdir("kill");
    let out = dir.join("out");
    let plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample("004")).unwrap()).unwrap();
    // Many distinct plans, so that the run is still going when it is killed.
    let lines: String = (1..=400)
        .map(|n| {
            let mut p = plan.clone();
            p["number"] = n.into();
            format!("{p}\n")
        })
        .collect();
    let mut child = batch_stdin(&out, &["--jobs", "2"], &lines, Stdio::null());
    // Kill it once some files are there.
    let started = std::time::Instant::now();
    while started.elapsed().as_secs() < 60 {
        let n = std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0);
        if n >= 5 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let mut whole = 0;
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue; // a temporary file, removed by the next run
        }
        assert!(
            name.ends_with(".pdf"),
            "no manifest from a killed run: {name}"
        );
        let pdf = std::fs::read(&path).unwrap();
        lopdf::Document::load_mem(&pdf).unwrap_or_else(|e| panic!("{name} is cut: {e}"));
        whole += 1;
    }
    assert!((1..400).contains(&whole), "killed mid-way ({whole} files)");
    // The next run over the same folder cleans the temporaries up.
    batch(&[&sample("000"), &"-o", &out]);
    assert!(
        std::fs::read_dir(&out).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with('.'))
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// Independent checks: qpdf and poppler read the PDF and its empty
/// signature field, and pyHanko (a real signing client) signs that field.
/// Skipped where the tools are missing; required under CI=true.
#[test]
fn external_tools_see_and_sign_the_signature_field() {
    if !have_tool("qpdf") || !have_tool("pdfsig") || !have_tool("pyhanko") || !have_tool("openssl")
    {
        return;
    }
    let dir = tempdir("sign");
    let out = dir.join("out");
    batch(&[&root().join("tests/fixtures/full.json"), &"-o", &out]);
    let row = manifest(&out).rows.remove(0);
    let pdf = out.join(row.output.unwrap());
    tool_output("qpdf", &["--check".as_ref(), pdf.as_ref()]);
    let sig = String::from_utf8_lossy(&Command::new("pdfsig").arg(&pdf).output().unwrap().stdout)
        .into_owned();
    assert!(
        sig.contains("Signature Field Name: Nguyễn Văn An") && sig.contains("not signed"),
        "{sig}"
    );
    let (key, cert, signed) = (
        dir.join("key.pem"),
        dir.join("cert.pem"),
        dir.join("signed.pdf"),
    );
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=Thu nghiem",
            "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .unwrap();
    assert!(made.status.success());
    let signing = Command::new("pyhanko")
        .args([
            "sign",
            "addsig",
            "--field",
            "Nguyễn Văn An",
            "pemder",
            "--no-pass",
            "--key",
        ])
        .arg(&key)
        .arg("--cert")
        .arg(&cert)
        .arg(&pdf)
        .arg(&signed)
        .output()
        .unwrap();
    assert!(
        signing.status.success(),
        "{}",
        String::from_utf8_lossy(&signing.stderr)
    );
    let sig =
        String::from_utf8_lossy(&Command::new("pdfsig").arg(&signed).output().unwrap().stdout)
            .into_owned();
    assert!(
        sig.contains("Signature Validation: Signature is Valid."),
        "{sig}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
