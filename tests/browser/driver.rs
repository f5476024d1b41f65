//! Headless Chromium over WebDriver, for the browser test and the serve
//! bench: chromedriver in a process group of its own, so that however the
//! caller ends, a failed assertion included, no browser is left running.

use std::ops::Deref;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::json;

/// Longest wait for chromedriver to listen.
const PATIENCE: Duration = Duration::from_secs(20);

/// chromedriver, started as the leader of a process group of its own. The
/// Chromium it starts (a dozen processes) joins that group, so killing the
/// group on drop ends them all: killing chromedriver alone would leave
/// them running. (Chromium's crash handler starts a session of its own and
/// exits when the browser it watches is gone.)
pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        // std has no killpg; procps' kill takes the group as a negative id.
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.0.wait();
    }
}

/// The WebDriver session and the driver behind it. A test that ends well
/// closes the session first; one that panics drops it as it unwinds, and
/// the driver's group takes the browser down with it.
pub struct Browser {
    pub client: Client,
    _driver: Driver,
}

impl Deref for Browser {
    type Target = Client;

    fn deref(&self) -> &Client {
        &self.client
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub async fn start_browser(downloads: &Path, profile: &Path) -> Browser {
    let port = free_port();
    let driver = Driver(
        Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let deadline = Instant::now() + PATIENCE;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not listen");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut options = json!({
        "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1366,900",
            format!("--user-data-dir={}", profile.display()),
        ],
        "prefs": {
            "download.default_directory": downloads.to_string_lossy(),
            "download.prompt_for_download": false,
        },
    });
    if Path::new("/usr/bin/chromium").exists() {
        options["binary"] = "/usr/bin/chromium".into();
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session");
    Browser {
        client,
        _driver: driver,
    }
}
