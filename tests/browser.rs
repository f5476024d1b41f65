//! The web form in a real browser: headless Chromium driven over WebDriver
//! (Debian's `chromium` and `chromium-driver`; skipped locally when they
//! are missing, required under CI=true). A clerk's session: a blank plan,
//! the header and a section with a task typed in, the preview redrawn, the
//! PDF and the Word file downloaded with the typed words in them; a date,
//! a Số and a year the plan cannot take refused at their field, with the
//! exports held until
//! they are fixed; the page on a 390 px phone; a save over a file in the
//! folder asked first; a decision switched off and on kept (these in
//! `browser/checks.rs`); unsaved work kept when a sample is opened over it,
//! typing undone also after a reload, bold and italic from the buttons
//! (`browser/clerk.rs`). One Chromium for all of it: starting one is slow.
//!
//! `KEHOACH_BLESS=1` also writes `docs/form.png`, the README's screenshot.
//!
//! However the test ends, a failed assertion included, no browser is left
//! running: see [`driver::Browser`].
#![cfg(unix)]

#[path = "browser/checks.rs"]
mod checks;
#[path = "browser/clerk.rs"]
mod clerk;
mod common;
#[path = "browser/driver.rs"]
mod driver;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use kehoach::serve::{Options, router};
use kehoach::{Engine, FontOptions, Templates};

use common::{have_tool, pdf_text, root};
use driver::start_browser;

/// Longest wait for the page to react (a cold layout takes well under 1 s).
const PATIENCE: Duration = Duration::from_secs(20);

/// The test's folders, removed however it ends (after the browser, which
/// is declared later and so dropped first).
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn start_server(dir: PathBuf) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let fonts = FontOptions {
        system: false,
        dirs: Vec::new(),
    };
    let app = router(
        Engine::new(&fonts, Templates::embedded()),
        Options {
            dir: Some(dir),
            addr,
        },
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

/// The file with extension `ext` the browser downloaded, once it is
/// `whole`. Chromium creates the file under its final name, empty, before
/// it writes the download to a `.crdownload` and renames it: the file is
/// there when it is whole and no download is in progress.
async fn downloaded(downloads: &Path, ext: &str, whole: impl Fn(&[u8]) -> bool) -> Vec<u8> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let files: Vec<PathBuf> = std::fs::read_dir(downloads)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        let busy = files
            .iter()
            .any(|p| p.extension().is_some_and(|x| x == "crdownload"));
        let done = files
            .iter()
            .find(|p| p.extension().is_some_and(|x| x == ext))
            .map(|p| std::fs::read(p).unwrap())
            .filter(|bytes| !busy && whole(bytes));
        if let Some(bytes) = done {
            return bytes;
        }
        assert!(Instant::now() < deadline, "no .{ext} was downloaded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn field(path: &str) -> String {
    format!("[data-path=\"{path}\"]")
}

async fn type_into(client: &Client, path: &str, text: &str) {
    type_into_css(client, &field(path), text).await;
}

async fn type_into_css(client: &Client, css: &str, text: &str) {
    let input = client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no field {css}: {e}"));
    input.clear().await.unwrap();
    if !text.is_empty() {
        input.send_keys(text).await.unwrap();
    }
}

/// The preview's version once it is ready at a version above `after`.
async fn preview_after(client: &Client, after: u64) -> u64 {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let preview = client.find(Locator::Id("preview")).await.unwrap();
        let state = preview.attr("data-state").await.unwrap();
        let version = preview
            .attr("data-version")
            .await
            .unwrap()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if state.as_deref() == Some("ready") && version > after {
            return version;
        }
        assert!(
            Instant::now() < deadline,
            "the preview did not refresh (state {state:?}, version {version})"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn page_ids(client: &Client) -> Vec<String> {
    let mut ids = Vec::new();
    for img in client.find_all(Locator::Css("#preview img")).await.unwrap() {
        ids.push(img.attr("data-page-id").await.unwrap().unwrap_or_default());
    }
    ids
}

async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap();
    // The form may ask before it replaces work in progress.
    let _ = client.accept_alert().await;
}

/// The text the element with this id shows.
async fn text_of(client: &Client, id: &str) -> String {
    let el = client.find(Locator::Id(id)).await;
    el.unwrap_or_else(|e| panic!("no #{id}: {e}"))
        .text()
        .await
        .unwrap()
}

/// Chooses the sample that "Mở mẫu" opens.
async fn choose_sample(client: &Client, name: &str) {
    let select = client.find(Locator::Id("sample")).await.unwrap();
    select.select_by_value(name).await.unwrap();
}

/// The question the page asks in its own dialog, once it asks.
async fn question(client: &Client) -> String {
    let dialog = client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css("#confirm-dialog[open]"))
        .await
        .expect("the page asks");
    dialog.text().await.unwrap()
}

/// Answers the page's question: yes or "Hủy".
async fn confirm(client: &Client, yes: bool) {
    question(client).await;
    click(client, if yes { "#confirm-yes" } else { "#confirm-no" }).await;
}

/// The page reloaded: the text in the box of `path` once it is drawn.
async fn reload_and_read(client: &Client, path: &str) -> Option<String> {
    client.refresh().await.unwrap();
    let input = client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(&field(path)))
        .await
        .unwrap();
    input.prop("value").await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clerk_drafts_a_plan_in_the_browser() {
    if !have_tool("chromedriver") {
        return;
    }
    let scratch =
        Scratch(std::env::temp_dir().join(format!("kehoach-browser-{}", std::process::id())));
    let (downloads, profile, folder) = (
        scratch.0.join("downloads"),
        scratch.0.join("profile"),
        scratch.0.join("plans"),
    );
    for dir in [&downloads, &profile, &folder] {
        std::fs::create_dir_all(dir).unwrap();
    }
    let addr = start_server(folder.clone()).await;
    let client = start_browser(&downloads, &profile).await;
    client.goto(&format!("http://{addr}/")).await.unwrap();

    click(&client, "#new-blank").await;
    type_into(&client, "issuer.parent", "UBND TỈNH LẠNG SƠN").await;
    type_into(&client, "issuer.name", "SỞ TƯ PHÁP").await;
    type_into(&client, "issuer.abbreviation", "STP").await;
    type_into(&client, "place", "lạng sơn").await;
    type_into(
        &client,
        "title",
        "Kiểm thử biểu mẫu trên trình duyệt năm 2026",
    )
    .await;
    let version = preview_after(&client, 0).await;
    let before = page_ids(&client).await;
    assert!(!before.is_empty(), "the preview shows pages");

    click(
        &client,
        &format!("[data-action=\"add-task\"]{}", field("sections[1]")),
    )
    .await;
    type_into(
        &client,
        "sections[1].content[1].task.content[0]",
        "Rà soát thủ tục hành chính lĩnh vực hộ tịch.",
    )
    .await;
    type_into(
        &client,
        "sections[1].content[1].task.lead",
        "Phòng Hành chính tư pháp",
    )
    .await;
    let version = preview_after(&client, version).await;
    assert_ne!(page_ids(&client).await, before, "the preview changed");

    // check's findings are listed, with the safe fix one click away.
    let findings = text_of(&client, "findings").await;
    assert!(
        findings.contains("R-PLACE"),
        "the lower-case place is found: {findings}"
    );
    client
        .find(Locator::XPath(
            "//*[@id='findings']//button[contains(., 'Sửa')]",
        ))
        .await
        .expect("a fix button")
        .click()
        .await
        .unwrap();
    let place = client.find(Locator::Css(&field("place"))).await.unwrap();
    assert_eq!(
        place.prop("value").await.unwrap().as_deref(),
        Some("Lạng Sơn")
    );
    preview_after(&client, version).await;

    click(&client, "#download-pdf").await;
    let pdf = downloaded(&downloads, "pdf", |bytes| {
        bytes.starts_with(b"%PDF") && bytes.trim_ascii_end().ends_with(b"%%EOF")
    })
    .await;
    let text = pdf_text(&pdf);
    let typed = [
        "Kiểm thử biểu mẫu trên trình duyệt",
        "Rà soát thủ tục hành chính",
        "Phòng Hành chính tư pháp",
    ];
    for typed in typed {
        assert!(text.contains(typed), "{typed} in the PDF:\n{text}");
    }
    // "Tải Word": the same plan as a Word file, which reads back.
    click(&client, "#download-docx").await;
    let docx = downloaded(&downloads, "docx", |bytes| {
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok()
    })
    .await;
    let imported = kehoach::import::import_bytes(&docx, "docx", "tai-word.docx").unwrap();
    for typed in typed {
        assert!(imported.json.contains(typed), "{typed} in the Word file");
    }

    // Autosave: a reload brings the draft back.
    assert_eq!(
        reload_and_read(&client, "title").await.as_deref(),
        Some("Kiểm thử biểu mẫu trên trình duyệt năm 2026")
    );

    // "Nhập từ tệp": last year's plan as its Word file.
    let version = preview_after(&client, 0).await;
    let last_year = std::env::temp_dir().join(format!("ke-hoach-2025-{}.docx", std::process::id()));
    let plan = common::load(&common::sample("003"));
    std::fs::write(
        &last_year,
        kehoach::docx::docx(&plan, Default::default()).unwrap(),
    )
    .unwrap();
    client
        .find(Locator::Id("import-file"))
        .await
        .unwrap()
        .send_keys(&last_year.to_string_lossy())
        .await
        .unwrap();
    // The draft typed above was never saved to a file: the form asks.
    confirm(&client, true).await;
    let version = preview_after(&client, version).await;
    let title = client.find(Locator::Css(&field("title"))).await.unwrap();
    assert_eq!(
        title.prop("value").await.unwrap().as_deref(),
        Some("Thực hiện phong trào thi đua ngành Tư pháp tỉnh Lạng Sơn năm 2025")
    );
    let _ = client
        .execute("document.querySelector('#report-dialog')?.close()", vec![])
        .await;
    let _ = std::fs::remove_file(&last_year);

    checks::typed_values_are_checked(&client).await;
    checks::the_page_fits_a_phone(&client).await;
    checks::saving_over_a_file_asks_first(&client, &folder).await;
    client.set_window_size(1366, 900).await.unwrap();
    checks::a_decision_round_trips_through_the_form(&client, &folder).await;
    checks::a_long_plan_draws_the_pages_in_view(&client, &folder).await;
    clerk::nothing_typed_is_lost_without_a_question(&client).await;
    clerk::emphasis_comes_from_the_buttons(&client).await;
    clerk::pages_are_drawn_for_the_screen(&client).await;
    clerk::the_rollover_review_speaks_in_words(&client).await;

    if std::env::var("KEHOACH_BLESS").is_ok() {
        choose_sample(&client, "004-thi-dua-nganh-tu-phap-2026").await;
        click(&client, "#load-sample").await;
        confirm(&client, true).await;
        preview_after(&client, version).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let png = client.screenshot().await.unwrap();
        std::fs::create_dir_all(root().join("docs")).unwrap();
        std::fs::write(root().join("docs/form.png"), png).unwrap();
    }
    client.client.close().await.unwrap();
}
