//! `kehoach serve` over HTTP, in process: every endpoint with good and bad
//! plans, oversize bodies, a foreign Host, cross-origin writes and path
//! tricks. The browser itself is tested in `tests/browser.rs`.

mod common;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use kehoach::serve::{Options, router};
use kehoach::{Engine, FontOptions, Templates};
use serde_json::{Value, json};
use tower::ServiceExt;

use common::{big_plan, pdf_text, root, sample};

const HOST: &str = "127.0.0.1:8080";

fn app(dir: Option<PathBuf>) -> Router {
    let fonts = FontOptions {
        system: false,
        dirs: Vec::new(),
    };
    let addr: SocketAddr = HOST.parse().unwrap();
    router(
        Engine::new(&fonts, Templates::embedded()),
        Options { dir, addr },
    )
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    fn error(&self) -> Value {
        self.json()["error"].clone()
    }
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(app: &Router, uri: &str) -> Answer {
    let request = Request::get(uri).header(header::HOST, HOST);
    send(app, request.body(Body::empty()).unwrap()).await
}

async fn post(app: &Router, uri: &str, body: impl Into<Body>) -> Answer {
    let request = Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::CONTENT_TYPE, "application/json");
    send(app, request.body(body.into()).unwrap()).await
}

async fn put(app: &Router, uri: &str, body: impl Into<Body>) -> Answer {
    let request = Request::put(uri)
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/json");
    send(app, request.body(body.into()).unwrap()).await
}

fn plan(prefix: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(sample(prefix)).unwrap()).unwrap()
}

fn page_ids(preview: &Value) -> Vec<String> {
    preview["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_form_and_its_start_data_are_served() {
    let app = app(None);
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&page.body).contains("lang=\"vi\""));
    assert_eq!(get(&app, "/style.css").await.status, StatusCode::OK);
    // The script's modules, followed from the page through their imports:
    // each is served as JavaScript under the same policy, or the browser
    // would not run it.
    assert!(String::from_utf8_lossy(&page.body).contains("src=\"js/main.js\""));
    let mut modules = vec!["main.js".to_owned()];
    let mut served = std::collections::HashSet::new();
    while let Some(module) = modules.pop() {
        if !served.insert(module.clone()) {
            continue;
        }
        let answer = get(&app, &format!("/js/{module}")).await;
        assert_eq!(answer.status, StatusCode::OK, "{module}");
        assert_eq!(
            answer.headers[header::CONTENT_TYPE],
            "text/javascript; charset=utf-8"
        );
        let policy = answer.headers[header::CONTENT_SECURITY_POLICY].to_str();
        assert!(policy.unwrap().starts_with("default-src 'self'"));
        let text = String::from_utf8(answer.body).unwrap();
        modules.extend(text.lines().filter_map(|line| {
            let from = line.strip_prefix("import ")?.split(" from './").nth(1)?;
            Some(from.trim_end_matches("';").to_owned())
        }));
    }
    assert!(served.len() > 5, "{served:?}");
    for other in [
        "/app.js",
        "/js/nothing.js",
        "/js/../Cargo.toml",
        "/blank.json",
    ] {
        assert_eq!(
            get(&app, other).await.status,
            StatusCode::NOT_FOUND,
            "{other}"
        );
    }
    let start = get(&app, "/api/start").await.json();
    assert_eq!(start["samples"].as_array().unwrap().len(), 6);
    assert_eq!(start["dir"], false);
    let id = start["samples"][4]["id"].as_str().unwrap();
    let sample = get(&app, &format!("/api/samples/{id}")).await.json();
    assert_eq!(sample, plan("004"));
    assert_eq!(
        get(&app, "/api/samples/khong-co").await.status,
        StatusCode::NOT_FOUND
    );
    // A blank plan previews, with marks where its header is empty, and
    // names what is missing at its field.
    let blank = post(&app, "/api/preview", start["blank"].to_string()).await;
    assert_eq!(blank.status, StatusCode::OK);
    let findings = blank.json()["findings"].clone();
    for (rule, path) in [
        ("R-CQ", "issuer.name"),
        ("R-PLACE", "place"),
        ("R-TITLE", "title"),
    ] {
        assert!(
            findings
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["rule"] == rule && f["path"] == path && f["severity"] == "error"),
            "{rule} at {path}: {findings}"
        );
    }
    assert_eq!(get(&app, "/khong-co").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn preview_gives_pages_and_findings_and_redraws_only_what_changed() {
    let app = app(None);
    let mut plan = plan("004");
    let first = post(&app, "/api/preview", plan.to_string()).await;
    assert_eq!(first.status, StatusCode::OK);
    let first = first.json();
    let ids = page_ids(&first);
    assert!(ids.len() > 5, "{ids:?}");
    assert!(
        first["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "K-DATE" && f["severity"] == "error"),
        "check's findings come with the preview"
    );
    assert!(
        first["file_name"]
            .as_str()
            .unwrap()
            .starts_with("KH-STP-du-thao-")
    );
    let png = get(&app, &format!("/api/pages/{}.png", ids[0])).await;
    assert_eq!(png.status, StatusCode::OK);
    assert!(png.body.starts_with(b"\x89PNG"));
    assert_eq!(png.headers[header::CONTENT_TYPE], "image/png");
    // An edit on one page leaves the other pages' ids as they were, though
    // the edit moves everything after it in the Typst source.
    plan["title"] = format!("{}!", plan["title"].as_str().unwrap()).into();
    let second = post(&app, "/api/preview", plan.to_string()).await.json();
    let new_ids = page_ids(&second);
    assert_eq!(new_ids.len(), ids.len());
    assert_ne!(new_ids[0], ids[0], "the first page changed");
    assert_eq!(new_ids[1..], ids[1..], "the others did not");
    plan["archive"] = "VT, VP (NVA)".into();
    let third = page_ids(&post(&app, "/api/preview", plan.to_string()).await.json());
    assert_ne!(third.last(), new_ids.last(), "the last page changed");
    assert_eq!(third[..ids.len() - 1], new_ids[..ids.len() - 1]);
    assert_eq!(
        get(&app, "/api/pages/0000.png").await.status,
        StatusCode::NOT_FOUND
    );
}

/// A PNG's size in pixels, from its header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    let word = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

/// A PNG's pixels over white, each as its red, green and blue.
fn over_white(png: &[u8]) -> Vec<u8> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let data = &buf[..info.buffer_size()];
    match info.color_type {
        png::ColorType::Grayscale => data.iter().flat_map(|&v| [v, v, v]).collect(),
        png::ColorType::Rgb => data.to_vec(),
        png::ColorType::Rgba => data
            .chunks_exact(4)
            .flat_map(|p| {
                let a = u16::from(p[3]);
                let over = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
                [over(p[0]), over(p[1]), over(p[2])]
            })
            .collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    }
}

#[tokio::test]
async fn a_big_plan_is_named_at_once_and_drawn_page_by_page() {
    let app = app(None);
    let big = big_plan(8);
    let answer = post(&app, "/api/preview", big.to_string()).await.json();
    let ids = page_ids(&answer);
    assert!(ids.len() > 60, "a big plan: {} pages", ids.len());
    assert!(
        answer["findings"].is_array(),
        "check's findings come with it"
    );

    // The page asked for is drawn, and it is that page: its pixels are
    // those typst draws, at the pixels per inch asked for.
    let k = ids.len() / 2;
    let uri = format!("/api/pages/{}.png", ids[k]);
    let (a, b) = tokio::join!(get(&app, &uri), get(&app, &uri));
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.body, b.body, "asked for twice at once, one image");
    let page = &answer["pages"][k];
    let px = |pt: &Value, ppi: f64| (pt.as_f64().unwrap() * ppi / 72.0).round() as u32;
    assert_eq!(
        png_size(&a.body),
        (px(&page["width"], 110.0), px(&page["height"], 110.0))
    );
    let compiled = common::compile_str(&big.to_string());
    let page_k = &compiled.document.pages()[k];
    let small = get(&app, &format!("{uri}?ppi=72")).await;
    assert_eq!(
        png_size(&small.body),
        (px(&page["width"], 72.0), px(&page["height"], 72.0))
    );
    let expected = kehoach::export::png_page(page_k, 72.0).unwrap();
    let (ours, typst) = (over_white(&small.body), over_white(&expected));
    assert_eq!(ours.len(), typst.len());
    let off = ours.iter().zip(&typst).filter(|(a, b)| a.abs_diff(**b) > 1);
    assert_eq!(off.count(), 0, "page {k}'s image is page {k}");
    // Black text on white goes as grey: a third of RGB's bytes to encode.
    assert_eq!(small.body[25], 0, "PNG colour type 0, grey");
    for ppi in ["20", "400", "x"] {
        let refused = get(&app, &format!("{uri}?ppi={ppi}")).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "ppi={ppi}");
    }

    // Two more previews: the big plan's pages are no longer kept. The page
    // drawn before is still in the image cache; its neighbour, never asked
    // for, was never drawn, so it is gone with its preview.
    let mut others = Vec::new();
    for p in [plan("003"), plan("002")] {
        others.push(page_ids(
            &post(&app, "/api/preview", p.to_string()).await.json(),
        ));
    }
    assert_eq!(get(&app, &uri).await.status, StatusCode::OK);
    let gone = get(&app, &format!("/api/pages/{}.png", ids[k + 1])).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    assert!(
        gone.error()["message"]
            .as_str()
            .unwrap()
            .contains("hãy xem trước lại"),
        "{}",
        gone.error()
    );
    // The preview before the latest is still kept, for a slow browser.
    let before = get(&app, &format!("/api/pages/{}.png", others[0][1])).await;
    assert_eq!(before.status, StatusCode::OK);
    let unknown = get(&app, &format!("/api/pages/{}.png", "0".repeat(32))).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_plans_get_a_vietnamese_error_at_their_field() {
    let app = app(None);
    let broken = post(&app, "/api/preview", "{ \"issuer\": ").await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(broken.error()["line"].as_u64().is_some());
    let mut bad_date = plan("004");
    bad_date["date"] = "2026-02-30".into();
    let answer = post(&app, "/api/preview", bad_date.to_string()).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error()["path"], "date");
    let mut unknown = plan("004");
    unknown["tieu_de"] = "x".into();
    let answer = post(&app, "/api/pdf", unknown.to_string()).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.error()["message"]
            .as_str()
            .unwrap()
            .contains("tieu_de")
    );
    let not_utf8 = post(&app, "/api/preview", vec![0xff, 0xfe]).await;
    assert_eq!(not_utf8.status, StatusCode::BAD_REQUEST);
}

/// A plan titled "Kế hoạch thử nghiệm biểu mẫu trực tuyến" downloaded from
/// `/api/{ext}`: a file of that kind, named after the title.
async fn download(app: &Router, plan: &Value, ext: &str, kind: &str) -> Answer {
    let answer = post(app, &format!("/api/{ext}"), plan.to_string()).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers[header::CONTENT_TYPE], kind);
    let disposition = answer.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap();
    assert!(
        disposition.contains(&format!("ke-hoach-thu-nghiem-bieu-mau-truc-tuyen.{ext}")),
        "{disposition}"
    );
    answer
}

#[tokio::test]
async fn the_pdf_is_the_batch_pdf_with_the_typed_text() {
    let app = app(None);
    let mut plan = plan("001");
    plan["title"] = "Kế hoạch thử nghiệm biểu mẫu trực tuyến".into();
    let answer = download(&app, &plan, "pdf", "application/pdf").await;
    assert!(pdf_text(&answer.body).contains("thử nghiệm biểu mẫu"));
    let pdf = String::from_utf8_lossy(&answer.body);
    assert!(
        pdf.contains("/FT /Sig") || pdf.contains("/FT/Sig"),
        "a signature field"
    );
    assert!(pdf.contains("pdfaid:part"), "PDF/A");
    // Byte for byte the same for the same plan.
    let again = post(&app, "/api/pdf", plan.to_string()).await;
    assert_eq!(again.body, answer.body);
}

#[tokio::test]
async fn tai_word_answers_with_the_plans_word_file() {
    let app = app(None);
    let mut plan = plan("001");
    plan["title"] = "Kế hoạch thử nghiệm biểu mẫu trực tuyến".into();
    let answer = download(
        &app,
        &plan,
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    .await;
    let imported = kehoach::import::import_bytes(&answer.body, "docx", "x.docx").unwrap();
    assert!(
        imported
            .json
            .contains("Kế hoạch thử nghiệm biểu mẫu trực tuyến")
    );
    let again = post(&app, "/api/docx", plan.to_string()).await;
    assert_eq!(again.body, answer.body);
    let mut bad = plan.clone();
    bad["date"] = "2026-02-30".into();
    let refused = post(&app, "/api/docx", bad.to_string()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.error()["path"], "date");
}

#[tokio::test]
async fn rollover_and_fix_answer_with_the_new_plan() {
    let app = app(None);
    let rolled = post(&app, "/api/rollover?to=2027", plan("004").to_string()).await;
    assert_eq!(rolled.status, StatusCode::OK);
    let rolled = rolled.json();
    assert_eq!(rolled["plan"]["year"], 2027);
    assert!(
        rolled["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["before"] == "2026" && c["after"] == "2027")
    );
    assert!(
        rolled["flags"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["message"].as_str().is_some_and(|m| !m.is_empty()))
    );
    let backwards = post(&app, "/api/rollover?to=2020", plan("004").to_string()).await;
    assert_eq!(backwards.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut messy = plan("004");
    messy["place"] = "lạng sơn".into();
    let fixed = post(&app, "/api/fix", messy.to_string()).await.json();
    assert_eq!(fixed["plan"]["place"], "Lạng Sơn");
    assert_eq!(fixed["applied"][0]["rule"], "R-PLACE");
}

#[tokio::test]
async fn foreign_hosts_and_cross_origin_writes_are_refused() {
    let app = app(None);
    let body = plan("004").to_string();
    let request = |host: &str| {
        Request::get("/api/start")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap()
    };
    // A DNS name rebound to 127.0.0.1 carries its own Host.
    for host in ["attacker.example:8080", "127.0.0.1:9999", ""] {
        assert_eq!(
            send(&app, request(host)).await.status,
            StatusCode::FORBIDDEN,
            "{host}"
        );
    }
    for host in ["localhost:8080", "127.0.0.1:8080", "[::1]:8080"] {
        assert_eq!(
            send(&app, request(host)).await.status,
            StatusCode::OK,
            "{host}"
        );
    }
    let write = |origin: Option<&str>, kind: &str, site: Option<&str>| {
        let mut r = Request::post("/api/preview")
            .header(header::HOST, HOST)
            .header(header::CONTENT_TYPE, kind);
        if let Some(origin) = origin {
            r = r.header(header::ORIGIN, origin);
        }
        if let Some(site) = site {
            r = r.header("sec-fetch-site", site);
        }
        r.body(Body::from(body.clone())).unwrap()
    };
    let cases = [
        (
            Some("http://attacker.example"),
            "application/json",
            None,
            StatusCode::FORBIDDEN,
        ),
        (
            None,
            "application/json",
            Some("cross-site"),
            StatusCode::FORBIDDEN,
        ),
        // What a cross-site <form> can send without asking first.
        (None, "text/plain", None, StatusCode::UNSUPPORTED_MEDIA_TYPE),
        (
            None,
            "application/x-www-form-urlencoded",
            None,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            Some("http://127.0.0.1:8080"),
            "application/json; charset=utf-8",
            Some("same-origin"),
            StatusCode::OK,
        ),
    ];
    for (origin, kind, site, status) in cases {
        let answer = send(&app, write(origin, kind, site)).await;
        assert_eq!(answer.status, status, "{origin:?} {kind} {site:?}");
        if status != StatusCode::OK {
            assert!(!answer.error()["message"].as_str().unwrap().is_empty());
        }
    }
}

#[tokio::test]
async fn oversize_bodies_are_refused() {
    let app = app(None);
    let mut plan = plan("004");
    plan["preamble"] = json!(["x".repeat(5 * 1024 * 1024)]);
    let answer = post(&app, "/api/preview", plan.to_string()).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn files_stay_inside_the_folder() {
    let no_dir = app(None);
    assert_eq!(
        get(&no_dir, "/api/files").await.status,
        StatusCode::FORBIDDEN
    );
    let dir = temp_dir("files");
    let outside = dir.with_extension("outside.json");
    std::fs::write(&outside, "{}").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, dir.join("lien-ket.json")).unwrap();
    let app = app(Some(dir.canonicalize().unwrap()));
    let plan = plan("004").to_string();
    let saved = put(&app, "/api/files/ke-hoach-2026.json", plan.clone()).await;
    assert_eq!(saved.status, StatusCode::OK);
    let opened = get(&app, "/api/files/ke-hoach-2026.json").await.json();
    assert_eq!(opened, serde_json::from_str::<Value>(&plan).unwrap());
    let list = get(&app, "/api/files").await.json();
    assert!(
        list["files"]
            .as_array()
            .unwrap()
            .contains(&json!("ke-hoach-2026.json"))
    );
    for trick in [
        "/api/files/..%2Fkehoach.json",
        "/api/files/%2Fetc%2Fpasswd.json",
        "/api/files/.an.json",
        "/api/files/ke-hoach.txt",
        "/api/files/..",
    ] {
        let answer = get(&app, trick).await;
        assert!(
            answer.status.is_client_error(),
            "{trick}: {}",
            answer.status
        );
        let written = put(&app, trick, plan.clone()).await;
        assert!(
            written.status.is_client_error(),
            "{trick}: {}",
            written.status
        );
    }
    #[cfg(unix)]
    {
        assert_eq!(
            get(&app, "/api/files/lien-ket.json").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            put(&app, "/api/files/lien-ket.json", "{}").await.status,
            StatusCode::FORBIDDEN
        );
    }
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "{}",
        "nothing written outside"
    );
    // Not JSON: refused, and nothing half written.
    let bad = put(&app, "/api/files/hong.json", "{ khong").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!dir.join("hong.json").exists());
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")),
        "{names:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_file(&outside).unwrap();
}

/// A blank plan saved under a sample's name once replaced the sample: a
/// file already in the folder is replaced only when the request says so.
#[tokio::test]
async fn saving_over_a_file_is_refused_unless_asked_for() {
    let dir = temp_dir("overwrite");
    let app = app(Some(dir.canonicalize().unwrap()));
    let path = dir.join("mau.json");
    let read = || serde_json::from_str::<Value>(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let (sample, blank) = (plan("004"), plan("000"));

    let created = put(&app, "/api/files/mau.json", sample.to_string()).await;
    assert_eq!(
        created.status,
        StatusCode::OK,
        "a new file needs no permission"
    );
    assert_eq!(created.json()["saved"], "mau.json");
    assert_eq!(read(), sample);

    for refused_uri in ["/api/files/mau.json", "/api/files/mau.json?overwrite=0"] {
        let refused = put(&app, refused_uri, blank.to_string()).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{refused_uri}");
        let message = refused.error()["message"].as_str().unwrap().to_owned();
        assert!(message.contains("đã có tệp \"mau.json\""), "{message}");
        assert_eq!(read(), sample, "{refused_uri}: the file is kept as it was");
    }

    let replaced = put(&app, "/api/files/mau.json?overwrite=1", blank.to_string()).await;
    assert_eq!(replaced.status, StatusCode::OK);
    assert_eq!(read(), blank);
    let fresh = put(&app, "/api/files/moi.json?overwrite=1", sample.to_string()).await;
    assert_eq!(
        fresh.status,
        StatusCode::OK,
        "permission to replace creates too"
    );

    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["mau.json", "moi.json"], "no temporary file is left");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn images_come_only_from_the_folder() {
    let mut signed = plan("004");
    signed["signer"]["signature_image"] = "chu-ky.png".into();
    let no_dir = app(None);
    let answer = post(&no_dir, "/api/preview", signed.to_string()).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error()["path"], "signer.signature_image");
    let dir = temp_dir("images");
    std::fs::copy(
        root().join("tests/fixtures/chu-ky.png"),
        dir.join("chu-ky.png"),
    )
    .unwrap();
    let app = app(Some(dir.clone()));
    assert_eq!(
        post(&app, "/api/preview", signed.to_string()).await.status,
        StatusCode::OK
    );
    for escape in ["../chu-ky.png", "/etc/hostname", "a/../../chu-ky.png"] {
        signed["signer"]["signature_image"] = escape.into();
        let answer = post(&app, "/api/preview", signed.to_string()).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{escape}");
        assert_eq!(answer.error()["path"], "signer.signature_image");
    }
    std::fs::remove_dir_all(Path::new(&dir)).unwrap();
}

#[tokio::test]
async fn a_word_or_text_file_is_imported_for_the_form() {
    use base64::Engine as _;
    let app = app(None);
    // Last year's plan as its Word file.
    let plan = common::load(&common::sample("001"));
    let docx = kehoach::docx::docx(&plan, Default::default()).unwrap();
    let data = base64::engine::general_purpose::STANDARD.encode(docx);
    let answer = post(
        &app,
        "/api/import",
        json!({ "name": "ke-hoach-cu.docx", "data": data }).to_string(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let imported = answer.json();
    assert_eq!(imported["plan"]["number"], 205);
    assert!(!imported["found"].as_array().unwrap().is_empty());
    // The imported plan previews like any other.
    let preview = post(&app, "/api/preview", imported["plan"].to_string()).await;
    assert_eq!(preview.status, StatusCode::OK);
    let not_docx = base64::engine::general_purpose::STANDARD.encode(b"not a zip");
    let answer = post(
        &app,
        "/api/import",
        json!({ "name": "x.docx", "data": not_docx }).to_string(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.error()["message"].as_str().unwrap().contains("DOCX"));
    let garbled = post(
        &app,
        "/api/import",
        json!({ "name": "x.txt", "data": "***" }).to_string(),
    )
    .await;
    assert_eq!(garbled.status, StatusCode::BAD_REQUEST);
}
