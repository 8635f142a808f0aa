//! The end-to-end harness: starts the real app binary through `tauri-driver`
//! (which drives WebKitWebDriver) with its own empty data directory, and
//! offers a few readable helpers over the fantoccini WebDriver client.
//! Run under `xvfb-run -a dbus-run-session --`.

// Helpers are shared by every area's tests; not each test file uses each one.
#![allow(dead_code)]

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long to wait for an element or a condition before failing the test.
pub const WAIT: Duration = Duration::from_secs(15);

/// A running app window, driven over WebDriver.
pub struct App {
    pub client: Client,
    driver: Child,
    native_port: u16,
    pub data_dir: PathBuf,
    /// Time from asking for the session to the first rendered view.
    pub cold_start: Duration,
    /// Whether the driver has been stopped already.
    stopped: bool,
}

/// Sends SIGTERM to the process group led by `pgid` (the driver was started
/// as a group leader, so this reaches WebKitWebDriver and the app too).
///
/// Calls `kill(2)` directly: the `kill` command of Debian 12's procps reads
/// `kill -TERM -11819` as `kill(-1, SIGTERM)` (only the first digit), which
/// ends every process on the machine. Ids that are not a real group (0, 1, or
/// too large for `pid_t`) are refused, never passed on as a negative "all".
fn signal_group(pgid: u32) {
    let Ok(pgid) = i32::try_from(pgid) else {
        return;
    };
    if pgid > 1 {
        // SAFETY: kill(2) has no memory effects; a negative id > 1 names one
        // process group.
        unsafe {
            libc::kill(-pgid, libc::SIGTERM);
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// The app under test: this build's binary, or `SUNDBY_E2E_BIN` (the
/// benchmark script points it at a release build to measure what users get).
pub fn binary() -> PathBuf {
    std::env::var_os("SUNDBY_E2E_BIN")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_sundby")))
}

/// The default documents folder of the app started on `data_dir`
/// (`SUNDBY_OUTPUT_DIR`): `dokumenter` beside the data folder.
pub fn output_dir(data_dir: &Path) -> PathBuf {
    data_dir.with_file_name("dokumenter")
}

impl App {
    /// Starts the app with a fresh, empty data directory inside `dir`.
    pub async fn start(dir: &Path) -> App {
        let data_dir = dir.join("data");
        std::fs::create_dir_all(&data_dir).expect("create data dir");
        App::start_in(&data_dir).await
    }

    /// Starts the app on an existing data directory (for restart tests).
    pub async fn start_in(data_dir: &Path) -> App {
        wait_for_app_exit().await;
        let port = free_port();
        let native_port = free_port();
        let mut cmd = Command::new("tauri-driver");
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("SUNDBY_DATA_DIR", data_dir)
        // Documents go beside the data folder, never into the machine's
        // Documents; no dialog and no viewer opens.
        .env("SUNDBY_OUTPUT_DIR", output_dir(data_dir))
        .env("SUNDBY_NO_DIALOG", "1")
        .env("SUNDBY_NO_OPEN", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        let driver = cmd
            .spawn()
            .expect("tauri-driver must be installed (cargo install tauri-driver --locked)");
        let deadline = Instant::now() + WAIT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not start on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": binary().display().to_string() }),
        );
        caps.insert("browserName".into(), json!("wry"));
        let started = Instant::now();
        let url = format!("http://127.0.0.1:{port}");
        let connect = || async {
            let mut builder =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
            builder.capabilities(caps.clone());
            match tokio::time::timeout(Duration::from_secs(60), builder.connect(&url)).await {
                Ok(result) => result.map_err(|e| e.to_string()),
                Err(_) => Err("no answer within 60 s".to_string()),
            }
        };
        let client = match connect().await {
            Ok(client) => client,
            Err(first) => {
                eprintln!("first WebDriver session failed ({first}); trying once more");
                wait_for_app_exit().await;
                connect().await.expect("WebDriver session with the app")
            }
        };
        let mut app = App {
            client,
            driver,
            native_port,
            data_dir: data_dir.to_path_buf(),
            cold_start: Duration::ZERO,
            stopped: false,
        };
        app.wait("body[data-ready='true']").await;
        app.cold_start = started.elapsed();
        app
    }

    /// Closes the window and stops the driver.
    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        self.stop_driver();
        wait_for_app_exit().await;
    }

    fn stop_driver(&mut self) {
        // Once only: `quit` stops the driver and `Drop` runs afterwards; a
        // second signal could reach a new process group that reused the id.
        if std::mem::replace(&mut self.stopped, true) {
            return;
        }
        signal_group(self.driver.id());
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // WebKitWebDriver and the app it started may live outside the
        // driver's process group: end them too, so the next test starts clean
        // (the single-instance plugin would hand a new app to a leftover one).
        let webdriver = format!("WebKitWebDriver --port={} ", self.native_port);
        let app = format!("^{}$", binary().display());
        for pattern in [webdriver.as_str(), app.as_str()] {
            let _ = Command::new("pkill")
                .args(["-TERM", "-f", pattern])
                .status();
        }
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn wait(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element `{css}` within {WAIT:?}: {e}"))
    }

    /// Waits until the element matching `css` has exactly `expected` as text.
    pub async fn wait_text(&self, css: &str, expected: &str) {
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = el.text().await {
                    if text.trim() == expected {
                        return;
                    }
                    last = text;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("`{css}` never showed {expected:?}; last text {last:?}");
    }

    /// Waits until `script` (a JS expression) is truthy.
    pub async fn wait_js(&self, expr: &str) {
        let deadline = Instant::now() + WAIT;
        let script = format!("return Boolean({expr});");
        while Instant::now() < deadline {
            if let Ok(v) = self.client.execute(&script, vec![]).await {
                if v.as_bool() == Some(true) {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("condition never became true: {expr}");
    }

    /// Evaluates a JS expression and returns its value.
    pub async fn js(&self, expr: &str) -> serde_json::Value {
        self.client
            .execute(&format!("return {expr};"), vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {expr}: {e}"))
    }

    /// Clicks the element matching `css` once it has stopped moving, as a
    /// person does: WebDriver clicks at the point where the element was, so
    /// a click while the page still grows above it (a picture arriving)
    /// would land on whatever moved there.
    pub async fn click(&self, css: &str) {
        let el = self.wait(css).await;
        self.wait_still(css, &el).await;
        el.click()
            .await
            .unwrap_or_else(|e| panic!("could not click `{css}`: {e}"));
    }

    /// Waits until `el`'s box is the same over three reads a frame apart.
    async fn wait_still(&self, css: &str, el: &Element) {
        let arg = serde_json::to_value(el).unwrap();
        let script =
            "const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height];";
        let deadline = Instant::now() + WAIT;
        let mut last = serde_json::Value::Null;
        let mut same = 0;
        while Instant::now() < deadline {
            let now = self
                .client
                .execute(script, vec![arg.clone()])
                .await
                .unwrap_or(serde_json::Value::Null);
            if !now.is_null() && now == last {
                same += 1;
                if same == 2 {
                    return;
                }
            } else {
                same = 0;
            }
            last = now;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("`{css}` kept moving for {WAIT:?}; last box {last}");
    }

    /// Replaces the value of the input matching `css` with `text`, as typed.
    /// Replaces the text of the field matching `css` as a person does who
    /// selects it all, deletes it and types: the deletion is an `input`
    /// event, then the text is typed. Unlike [`App::fill`] (WebDriver's clear
    /// fires `change` on the emptied field at once) no `change` fires until
    /// the field is left, so a field whose emptied text means "the default"
    /// is not reset half-way.
    pub async fn type_over(&self, css: &str, text: &str) {
        let el = self.wait(css).await;
        let sel = serde_json::to_string(css).unwrap();
        self.js(&format!(
            "(() => {{ const e = document.querySelector({sel}); e.focus(); e.value = ''; e.dispatchEvent(new Event('input', {{ bubbles: true }})); return true; }})()"
        ))
        .await;
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into `{css}`: {e}"));
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let el = self.wait(css).await;
        el.clear()
            .await
            .unwrap_or_else(|e| panic!("clear `{css}`: {e}"));
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into `{css}`: {e}"));
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of `{css}`: {e}"))
    }

    /// Texts of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for el in self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
        {
            out.push(el.text().await.unwrap_or_default().trim().to_string());
        }
        out
    }

    /// Goes to a route such as `#/indstillinger` and waits for the view.
    pub async fn goto(&self, hash: &str) {
        self.js(&format!("(location.hash = {}, true)", json!(hash)))
            .await;
        self.wait_js(&format!(
            "location.hash === {} && document.querySelector('#main').children.length > 0",
            json!(hash)
        ))
        .await;
    }

    /// Saves a screenshot of the window as PNG (for looking at, not asserting).
    pub async fn screenshot(&self, path: &Path) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(path, png);
        }
    }
}

/// Waits until no app process is left. The single-instance plugin would
/// otherwise hand a restarted app over to the one still shutting down.
async fn wait_for_app_exit() {
    let path = binary().display().to_string();
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        let running = Command::new("pgrep")
            .args(["-f", &format!("^{path}$")])
            .stdout(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !running {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // Also runs when a test panics: never leave a window or driver behind.
        self.stop_driver();
    }
}
