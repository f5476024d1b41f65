//! The browser test's checks that the form keeps nothing from the plan
//! silently and works on a phone: text the plan cannot take, a 390 px
//! screen, a save over a file already in the folder. They run in the
//! session of `a_clerk_drafts_a_plan_in_the_browser` (one Chromium).

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use super::{PATIENCE, click, field, text_of, type_into, type_into_css};

/// The plan's `key` as the page holds it (and sends it to the server).
async fn plan_value(client: &Client, key: &str) -> Value {
    client
        .execute(
            "return window.kehoach.plan[arguments[0]] ?? null",
            vec![json!(key)],
        )
        .await
        .unwrap()
}

/// What a script says once it says it (a typed value is handled when its
/// key events are, which may be after send_keys returns).
pub async fn eventually(client: &Client, script: &str, want: Value) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let got = client.execute(script, vec![]).await.unwrap();
        if got == want {
            return;
        }
        assert!(Instant::now() < deadline, "{script}: {got}, not {want}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for the error shown in the field of the control at `path` to say
/// `said`.
async fn error_at(client: &Client, path: &str, said: &str) {
    let script = format!(
        "const f = document.querySelector('{}').closest('.field');
         const m = f && f.querySelector('.finding-msg.sev-error');
         return m ? m.textContent : null",
        field(path)
    );
    let deadline = Instant::now() + PATIENCE;
    loop {
        let shown = client.execute(&script, vec![]).await.unwrap();
        if shown.as_str().is_some_and(|text| text.contains(said)) {
            return;
        }
        assert!(Instant::now() < deadline, "at {path}: {shown}, not {said}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn disabled(client: &Client, css: &str) -> bool {
    let el = client.find(Locator::Css(css)).await.unwrap();
    el.prop("disabled").await.unwrap().as_deref() == Some("true")
}

/// Text the plan cannot take stays visible with its reason at the field,
/// holds every export, and once right is taken by the plan.
pub async fn typed_values_are_checked(client: &Client) {
    let mode = client
        .find(Locator::Css("[data-control=\"date-mode\"]"))
        .await
        .unwrap();
    mode.select_by_value("full").await.unwrap();
    type_into(client, "date", "03/02/2026").await;
    eventually(
        client,
        "return window.kehoach.plan.date",
        json!("2026-02-03"),
    )
    .await;

    type_into(client, "date", "30/02/2027").await;
    error_at(
        client,
        "date",
        "Ngày 30/02/2027 không có thật: tháng 2 năm 2027 có 28 ngày",
    )
    .await;
    let date = client.find(Locator::Css(&field("date"))).await.unwrap();
    assert_eq!(
        date.prop("value").await.unwrap().as_deref(),
        Some("30/02/2027")
    );
    assert_eq!(
        plan_value(client, "date").await,
        "2026-02-03",
        "the plan kept its date"
    );
    for export in [
        "#download-pdf",
        "#download-docx",
        "#save-json",
        "#save-dir",
        "#rollover",
    ] {
        assert!(
            disabled(client, export).await,
            "{export} waits for the date"
        );
    }
    let summary = text_of(client, "findings-summary").await;
    assert!(summary.contains("lỗi"), "{summary}");

    type_into(client, "date", "28/02/2027").await;
    eventually(
        client,
        "return window.kehoach.plan.date",
        json!("2027-02-28"),
    )
    .await;
    eventually(
        client,
        "return document.querySelectorAll('[data-box=\"date\"] .finding-msg.sev-error').length",
        json!(0),
    )
    .await;
    assert!(
        !disabled(client, "#download-pdf").await,
        "the PDF is free again"
    );
    let sample = text_of(client, "date-sample").await;
    assert!(sample.contains("ngày 28 tháng 02 năm 2027"), "{sample}");

    // "-5" over a Số of 5: the plan keeps 5.
    type_into(client, "number", "5").await;
    eventually(client, "return window.kehoach.plan.number", json!(5)).await;
    let number = client.find(Locator::Css(&field("number"))).await.unwrap();
    number
        .send_keys(&format!("{}-", char::from(Key::Home)))
        .await
        .unwrap();
    error_at(client, "number", "Số \"-5\" không phải số nguyên dương").await;
    assert_eq!(plan_value(client, "number").await, 5);
    assert!(disabled(client, "#download-pdf").await, "-5");
    // Typed digit by digit, the plan takes each number while it is one;
    // never the 20 digits (which once reached the server as 1e+20).
    for (path, typed, said, range) in [
        (
            "number",
            "12345678901234567890",
            "Số 12345678901234567890 nằm ngoài khoảng hợp lý (1–999999)",
            1..=999_999,
        ),
        (
            "year",
            "20277",
            "Năm 20277 nằm ngoài khoảng hợp lý (1900–2200)",
            1900..=2200,
        ),
    ] {
        type_into(client, path, typed).await;
        error_at(client, path, said).await;
        let kept = plan_value(client, path).await;
        assert!(
            kept.as_u64().is_some_and(|k| range.contains(&k)),
            "{typed}: the plan holds {kept}"
        );
        assert!(disabled(client, "#download-pdf").await, "{typed}");
    }
    type_into(client, "number", "45").await;
    type_into(client, "year", "").await;
    eventually(client, "return window.kehoach.plan.number", json!(45)).await;
    eventually(
        client,
        "return window.kehoach.plan.year ?? null",
        Value::Null,
    )
    .await;
    assert!(
        !disabled(client, "#download-pdf").await,
        "every box is right again"
    );
}

/// At 390 px the toolbar wraps inside the screen and a button switches
/// between the form and the preview.
pub async fn the_page_fits_a_phone(client: &Client) {
    let switch = client.find(Locator::Id("switch-view")).await.unwrap();
    assert!(
        !switch.is_displayed().await.unwrap(),
        "no switch on a wide screen"
    );
    client.set_window_size(390, 844).await.unwrap();
    eventually(client, "return window.innerWidth <= 390", json!(true)).await;
    let widths = "return [document.documentElement.scrollWidth, document.querySelector('.topbar').scrollWidth]";
    let widths = client.execute(widths, vec![]).await.unwrap();
    for width in widths.as_array().unwrap() {
        assert!(width.as_u64().unwrap() <= 390, "{widths}");
    }
    let shown = |css: &'static str| async move {
        let el = client.find(Locator::Css(css)).await.unwrap();
        el.is_displayed().await.unwrap()
    };
    assert!(shown(".form-pane").await && !shown(".preview-pane").await);
    switch.click().await.unwrap();
    assert!(!shown(".form-pane").await && shown(".preview-pane").await);
    assert_eq!(switch.text().await.unwrap(), "Về biểu mẫu");
    switch.click().await.unwrap();
    assert!(shown(".form-pane").await && !shown(".preview-pane").await);
}

/// "Lưu vào thư mục…" over a file already there: the page asks, in its own
/// dialog (inside the phone's screen); "Hủy" keeps the file, "Thay thế"
/// replaces it with the plan.
pub async fn saving_over_a_file_asks_first(client: &Client, folder: &Path) {
    let existing = folder.join("mau.json");
    std::fs::write(&existing, "{\"giu\": true}\n").unwrap();
    for replace in [false, true] {
        click(client, "#save-dir").await;
        type_into_css(client, "#save-name", "mau.json").await;
        click(client, "#save-confirm").await;
        let text = super::question(client).await;
        assert!(text.contains("Thư mục đã có tệp \"mau.json\""), "{text}");
        let right = client
            .execute(
                "return document.querySelector('#confirm-dialog').getBoundingClientRect().right",
                vec![],
            )
            .await
            .unwrap();
        assert!(right.as_f64().unwrap() <= 390.0, "the dialog fits: {right}");
        click(
            client,
            if replace {
                "#confirm-yes"
            } else {
                "#confirm-no"
            },
        )
        .await;
        let status = if replace { "Đã lưu" } else { "Chưa lưu" };
        let script =
            format!("return document.getElementById('status').textContent.includes('{status}')");
        eventually(client, &script, json!(true)).await;
        let saved: Value = serde_json::from_slice(&std::fs::read(&existing).unwrap()).unwrap();
        if replace {
            assert_eq!(saved["title"], plan_value(client, "title").await);
        } else {
            assert_eq!(saved, json!({ "giu": true }), "kept after Hủy");
        }
    }
}

/// A long plan's preview: every page has its place at once, but the server
/// draws only the pages near the view; scrolling to the end brings the
/// last page's image (issue 12: a 400-page plan must not draw every page
/// before the first is shown).
pub async fn a_long_plan_draws_the_pages_in_view(client: &Client, folder: &Path) {
    let sample = super::common::root().join("samples/004-thi-dua-nganh-tu-phap-2026.json");
    let mut plan: Value = serde_json::from_str(&std::fs::read_to_string(sample).unwrap()).unwrap();
    let sections = plan["sections"].as_array().unwrap().clone();
    let repeated: Vec<Value> = (0..8).flat_map(|_| sections.clone()).collect();
    plan["sections"] = Value::Array(repeated);
    let path = folder.join("ke-hoach-dai.json");
    std::fs::write(&path, plan.to_string()).unwrap();

    let version = super::preview_after(client, 0).await;
    client
        .find(Locator::Id("open-file"))
        .await
        .unwrap()
        .send_keys(&path.canonicalize().unwrap().to_string_lossy())
        .await
        .unwrap();
    // The decision switched off and on before is in no file: the form asks.
    super::confirm(client, true).await;
    super::preview_after(client, version).await;

    let counts = "const imgs = [...document.querySelectorAll('#preview img')];
         return [imgs.length, imgs.filter(i => i.hasAttribute('src')).length]";
    let shown = client.execute(counts, vec![]).await.unwrap();
    let (pages, asked) = (shown[0].as_u64().unwrap(), shown[1].as_u64().unwrap());
    assert!(pages >= 60, "the long plan has many pages: {pages}");
    assert!(
        asked * 4 <= pages,
        "only the pages near the view are asked for: {asked} of {pages}"
    );
    client
        .execute(
            "const imgs = document.querySelectorAll('#preview img');
             imgs[imgs.length - 1].scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    eventually(
        client,
        "const imgs = document.querySelectorAll('#preview img');
         const last = imgs[imgs.length - 1];
         return last.complete && last.naturalWidth > 0",
        json!(true),
    )
    .await;
}

/// A plan issued by a decision (sample 005) loads into the form and saves
/// back unchanged; the switch "Ban hành kèm theo Quyết định" takes the
/// decision away (its nơi nhận and signer back to the plan, its pages out
/// of the preview, no decision in the file saved) and brings it back as it
/// was typed, after a reload too (issue 24: switching off deleted it).
pub async fn a_decision_round_trips_through_the_form(client: &Client, folder: &Path) {
    const NAME: &str = "005-qd-chuyen-doi-so-lang-son-2026";
    let pages = "return document.querySelectorAll('#preview img').length";
    let count = || async {
        client
            .execute(pages, vec![])
            .await
            .unwrap()
            .as_u64()
            .unwrap()
    };
    super::choose_sample(client, NAME).await;
    click(client, "#load-sample").await;
    eventually(
        client,
        "return window.kehoach.plan.decision?.number ?? null",
        json!(468),
    )
    .await;
    click(client, "#save-dir").await;
    type_into_css(client, "#save-name", "qd-468.json").await;
    click(client, "#save-confirm").await;
    eventually(
        client,
        "return document.getElementById('status').textContent.includes('Đã lưu')",
        json!(true),
    )
    .await;
    let saved: Value =
        serde_json::from_slice(&std::fs::read(folder.join("qd-468.json")).unwrap()).unwrap();
    let sample = super::common::root().join(format!("samples/{NAME}.json"));
    let sample: Value = serde_json::from_str(&std::fs::read_to_string(sample).unwrap()).unwrap();
    assert_eq!(saved, sample, "the form keeps every field of the decision");

    // The decision's pages, then the plan's.
    let deadline = Instant::now() + PATIENCE;
    while count().await < 3 {
        assert!(Instant::now() < deadline, "no preview");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let with = count().await;
    click(client, "[data-control=\"decision\"]").await;
    eventually(
        client,
        "return window.kehoach.plan.decision ?? null",
        Value::Null,
    )
    .await;
    assert_eq!(
        plan_value(client, "recipients")
            .await
            .as_array()
            .unwrap()
            .len(),
        8,
        "the decision's nơi nhận back to the plan"
    );
    let deadline = Instant::now() + PATIENCE;
    while count().await >= with {
        assert!(
            Instant::now() < deadline,
            "the decision's pages stay in the preview"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Saved while off: the file has no decision.
    click(client, "#save-dir").await;
    type_into_css(client, "#save-name", "khong-qd.json").await;
    click(client, "#save-confirm").await;
    let off = folder.join("khong-qd.json");
    let deadline = Instant::now() + PATIENCE;
    while !off.exists() {
        assert!(Instant::now() < deadline, "not saved");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let saved: Value = serde_json::from_slice(&std::fs::read(&off).unwrap()).unwrap();
    assert!(saved.get("decision").is_none(), "switched off, not saved");
    client.refresh().await.unwrap();
    // Its group is folded with the decision off: opened as the clerk does.
    click(client, "a[href=\"#g-decision\"]").await;
    click(client, "[data-control=\"decision\"]").await;
    eventually(
        client,
        "return window.kehoach.plan.decision?.recipients?.length ?? null",
        json!(8),
    )
    .await;
    let decision = client
        .execute("return window.kehoach.plan.decision", vec![])
        .await
        .unwrap();
    for key in ["authority", "bases", "proposal", "by", "title", "number"] {
        assert_eq!(
            decision[key], sample["decision"][key],
            "decision.{key} back"
        );
    }
    let authority = client
        .find(Locator::Css(&field("decision.authority")))
        .await
        .unwrap();
    assert_eq!(
        authority.prop("value").await.unwrap(),
        sample["decision"]["authority"].as_str().map(String::from),
        "shown in its box"
    );
}
