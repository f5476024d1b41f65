//! The browser test's checks that nothing typed is lost without a question
//! (issue 24): opening a sample over unsaved work asks, and "Hủy" keeps
//! the work; "Hoàn tác" takes back typing, one field edit at a time, also
//! after a reload; the bold and italic controls wrap the words selected,
//! and the laid-out plan shows them so. They run in the session of
//! `a_clerk_drafts_a_plan_in_the_browser` (one Chromium).

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{Value, json};
use typst::layout::{Frame, FrameItem};
use typst::text::FontStyle;

use super::checks::eventually;
use super::{
    PATIENCE, choose_sample, click, confirm, field, preview_after, question, reload_and_read,
    text_of,
};

const SAMPLE_004: &str = "004-thi-dua-nganh-tu-phap-2026";
const SAMPLE_003: &str = "003-thi-dua-nganh-tu-phap-2025";

/// Types `text` over the box's text in one visit, as a clerk selects all
/// and types: one field edit. (WebDriver's clear would leave the box, and
/// so make the clearing an edit of its own.)
async fn retype(client: &Client, css: &str, text: &str) {
    let el = client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"));
    client
        .execute(
            "arguments[0].focus(); arguments[0].select()",
            vec![serde_json::to_value(&el).unwrap()],
        )
        .await
        .unwrap();
    el.send_keys(text).await.unwrap();
}

async fn value_of(client: &Client, path: &str) -> Value {
    client
        .execute(
            "return document.querySelector(arguments[0]).value",
            vec![json!(field(path))],
        )
        .await
        .unwrap()
}

async fn wait_for_title(client: &Client, want: &Value) {
    let script = "return window.kehoach.plan.title";
    eventually(client, script, want.clone()).await;
}

fn sample_title(name: &str) -> Value {
    let path = super::common::root().join(format!("samples/{name}.json"));
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    plan["title"].clone()
}

/// Unsaved typing survives "Mở mẫu" (asked, "Hủy"), a reload, and comes
/// back a field edit at a time with "Hoàn tác"; a sample opened over it
/// (asked, yes) leaves it one "Hoàn tác" away.
pub async fn nothing_typed_is_lost_without_a_question(client: &Client) {
    choose_sample(client, SAMPLE_004).await;
    click(client, "#load-sample").await;
    let original = sample_title(SAMPLE_004);
    wait_for_title(client, &original).await;
    let place = value_of(client, "place").await;

    retype(client, &field("title"), "Kế hoạch thử hoàn tác").await;
    retype(client, &field("place"), "Hà Giang").await;
    eventually(
        client,
        "return window.kehoach.plan.place",
        json!("Hà Giang"),
    )
    .await;

    choose_sample(client, SAMPLE_003).await;
    click(client, "#load-sample").await;
    let text = question(client).await;
    assert!(text.contains("chưa lưu"), "asked before replacing: {text}");
    confirm(client, false).await;
    eventually(
        client,
        "return document.getElementById('status').textContent.includes('vẫn giữ nguyên')",
        json!(true),
    )
    .await;
    assert_eq!(
        value_of(client, "title").await,
        json!("Kế hoạch thử hoàn tác")
    );

    // One step takes back the whole edit of Địa danh, not a letter.
    click(client, "#undo").await;
    assert_eq!(value_of(client, "place").await, place);
    assert_eq!(
        value_of(client, "title").await,
        json!("Kế hoạch thử hoàn tác")
    );

    // The history is kept with the draft.
    assert_eq!(
        reload_and_read(client, "title").await.as_deref(),
        Some("Kế hoạch thử hoàn tác")
    );
    click(client, "#undo").await;
    assert_eq!(value_of(client, "title").await, original);

    // Yes replaces the work; it is still one "Hoàn tác" away.
    retype(client, &field("title"), "Kế hoạch thử lần hai").await;
    choose_sample(client, SAMPLE_003).await;
    click(client, "#load-sample").await;
    confirm(client, true).await;
    wait_for_title(client, &sample_title(SAMPLE_003)).await;
    click(client, "#undo").await;
    wait_for_title(client, &json!("Kế hoạch thử lần hai")).await;
}

/// The runs of text laid out in `style` (bold: weight 600 and above).
fn runs(frame: &Frame, bold: bool, out: &mut Vec<String>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => runs(&group.frame, bold, out),
            FrameItem::Text(text) => {
                let variant = text.font.info().variant;
                let styled = if bold {
                    variant.weight.to_number() >= 600
                } else {
                    variant.style == FontStyle::Italic
                };
                if styled {
                    out.push(text.text.to_string());
                }
            }
            _ => {}
        }
    }
}

/// The plan as the page holds it, laid out: its bold and its italic text.
async fn laid_out_emphasis(client: &Client) -> (String, String) {
    let plan = client
        .execute("return window.kehoach.plan", vec![])
        .await
        .unwrap();
    let compiled = super::common::compile_str(&plan.to_string());
    let (mut bold, mut italic) = (Vec::new(), Vec::new());
    for page in compiled.document.pages() {
        runs(&page.frame, true, &mut bold);
        runs(&page.frame, false, &mut italic);
    }
    (bold.join(" "), italic.join(" "))
}

/// The "đậm" button and Ctrl+I wrap the words selected, not the spaces
/// around them (a mark must touch its words), and the plan laid out shows
/// them bold and italic; the preview is redrawn; "Hoàn tác" takes the
/// marks back one at a time.
pub async fn emphasis_comes_from_the_buttons(client: &Client) {
    let css = "#g-body .block-paragraph textarea.para";
    let ta = client.find(Locator::Css(css)).await.unwrap();
    let path = ta.attr("data-path").await.unwrap().unwrap();
    let typed = "Chỉ tiêu này là chỉ tiêu bắt buộc của năm";
    retype(client, css, typed).await;
    let version = preview_after(client, 0).await;
    let before = super::page_ids(client).await;
    let (bold, italic) = laid_out_emphasis(client).await;
    assert!(!bold.contains("buộc") && !italic.contains("Chỉ tiêu này"));

    // " bắt buộc " selected with a space at each end.
    let select = |from: &str, to: &str| {
        let (start, end) = (typed.find(from).unwrap(), typed.find(to).unwrap());
        let chars = |bytes: usize| typed[..bytes].chars().count();
        format!(
            "const t = document.querySelector('{css}'); t.focus(); t.setSelectionRange({}, {})",
            chars(start),
            chars(end)
        )
    };
    client
        .execute(&select(" bắt buộc", " của"), vec![])
        .await
        .unwrap();
    let id = ta.attr("id").await.unwrap().unwrap();
    click(
        client,
        &format!("[data-action=\"fmt\"][data-kind=\"bold\"][data-for=\"{id}\"]"),
    )
    .await;
    client
        .execute(&select("Chỉ tiêu", " này"), vec![])
        .await
        .unwrap();
    ta.send_keys(&(Key::Control + "i")).await.unwrap();
    let want = "*Chỉ tiêu* này là chỉ tiêu **bắt buộc** của năm";
    eventually(
        client,
        &format!("return document.querySelector('{css}').value"),
        json!(want),
    )
    .await;
    let script = format!("return window.kehoach.plan.{path}");
    eventually(client, &script, json!(want)).await;

    preview_after(client, version).await;
    assert_ne!(super::page_ids(client).await, before, "the page is redrawn");
    let (bold, italic) = laid_out_emphasis(client).await;
    assert!(bold.contains("bắt buộc"), "bold: {bold}");
    assert!(italic.contains("Chỉ tiêu"), "italic: {italic}");
    assert!(!bold.contains('*') && !italic.contains('*'));

    // The marks are a step of their own: one "Hoàn tác" takes back the
    // italic only.
    click(client, "#undo").await;
    eventually(
        client,
        &format!("return document.querySelector('{css}').value"),
        json!("Chỉ tiêu này là chỉ tiêu **bắt buộc** của năm"),
    )
    .await;
}

/// A page image is drawn for the screen: at the pixels per inch its width
/// on screen needs (here well under the 110 the server draws by default),
/// and again, sharper, when the clerk zooms in.
pub async fn pages_are_drawn_for_the_screen(client: &Client) {
    let script = "const img = document.querySelector('#preview img[src]');
        if (!img || !img.complete || !img.naturalWidth) return null;
        return [Number(img.dataset.ppi), img.naturalWidth,
                Number(img.style.getPropertyValue('--page-w')), img.clientWidth * devicePixelRatio]";
    let drawn = |want_ppi_above: f64| async move {
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            let got = client.execute(script, vec![]).await.unwrap();
            if let Some([ppi, natural, width_pt, shown]) = got.as_array().map(|a| {
                let n = |i: usize| a[i].as_f64().unwrap();
                [n(0), n(1), n(2), n(3)]
            }) && ppi > want_ppi_above
            {
                return (ppi, natural, width_pt, shown);
            }
            assert!(std::time::Instant::now() < deadline, "no page drawn: {got}");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    };
    let (ppi, natural, width_pt, shown) = drawn(0.0).await;
    assert_eq!(
        natural,
        (width_pt * ppi / 72.0).round(),
        "drawn at {ppi} ppi"
    );
    assert!(
        natural >= shown && natural < shown + width_pt * 12.0 / 72.0 + 1.0,
        "as sharp as shown, one step more at most: {natural} px for {shown}"
    );
    assert!(ppi < 110.0, "{ppi}");
    let zoom = client.find(Locator::Id("zoom")).await.unwrap();
    zoom.select_by_value("125").await.unwrap();
    let (sharper, natural, width_pt, _) = drawn(ppi).await;
    assert_eq!(natural, (width_pt * sharper / 72.0).round());
    zoom.select_by_value("fit").await.unwrap();
}

/// "Tạo kế hoạch năm sau" on sample 004 (2026 → 2027): every change and
/// flag is placed in the clerk's words, never by a JSON path, and the
/// sentence still naming 2025 — two years back by then — is flagged.
pub async fn the_rollover_review_speaks_in_words(client: &Client) {
    choose_sample(client, SAMPLE_004).await;
    click(client, "#load-sample").await;
    if client
        .find(Locator::Css("#confirm-dialog[open]"))
        .await
        .is_ok()
    {
        click(client, "#confirm-yes").await;
    }
    wait_for_title(client, &sample_title(SAMPLE_004)).await;
    click(client, "#rollover").await;
    let places = "return [...document.querySelectorAll('#rollover-report .where')]\
                  .map((e) => e.textContent)";
    eventually(client, &format!("{places}.length > 0"), json!(true)).await;
    let places = client.execute(places, vec![]).await.unwrap();
    let places: Vec<String> = serde_json::from_value(places).unwrap();
    for place in &places {
        assert!(
            !place.contains('[') && !place.contains("sections") && !place.is_empty(),
            "a place in words, not a path: {place:?}"
        );
    }
    assert!(
        places.iter().any(|p| p.starts_with("Mục ")),
        "mục named as printed: {places:?}"
    );
    let report = text_of(client, "rollover-report").await;
    assert!(
        report.contains("được giao năm 2025"),
        "the year two back is flagged:\n{report}"
    );
    client
        .execute("document.getElementById('rollover-dialog').close()", vec![])
        .await
        .unwrap();
}
