//! Helpers for the end-to-end flows in `tests/`: a static server for the built
//! `dist/` under a sub-path, a chromedriver per test, and waits.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::process::{Child, Command};

/// The sub-path the app is served under, as on a GitHub Pages project site.
pub const SUB_PATH: &str = "/folio/";

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("FOLIO_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build the app first (`trunk build --release --offline`, which `make test` runs)",
        dist.display()
    );
    dist
}

pub fn screenshot_dir() -> PathBuf {
    let dir = workspace_root().join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "tsv" => "text/tab-separated-values; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether a static host would compress this file on the fly.
fn compressible(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).unwrap_or(""),
        "html" | "js" | "wasm" | "css" | "json" | "svg" | "tsv" | "webmanifest"
    )
}

/// A file's entity tag: its size and a hash of its bytes.
fn etag(path: &Path, bytes: &[u8]) -> String {
    let hash = bytes
        .iter()
        .chain(path.as_os_str().as_encoded_bytes())
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("\"{:x}-{hash:016x}\"", bytes.len())
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).expect("gzip into memory");
    gz.finish().expect("gzip into memory")
}

/// A site `folio build --shards always` made of the bundled articles (written
/// by `scripts/test.sh` before the flows run).
pub fn sharded_site_dir() -> PathBuf {
    let site = std::env::var_os("FOLIO_SHARDED_SITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/sharded-site"));
    assert!(
        site.join("shards/manifest.json").is_file(),
        "{} is not a sharded site: build it with `cargo run -p folio-cli -- build corpus --out target/sharded-site --shards always` (scripts/test.sh does)",
        site.display()
    );
    site
}

/// A static file server for `dist/` under [`SUB_PATH`]; anything outside it is 404,
/// so an absolute asset URL in the build would fail the flows.
pub async fn serve(dist: PathBuf) -> SocketAddr {
    serve_stoppable(dist).await.0
}

/// [`serve`], with the server's task: aborting it takes the site off the
/// network (connections are refused), as when a user goes offline.
pub async fn serve_stoppable(dist: PathBuf) -> (SocketAddr, tokio::task::JoinHandle<()>) {
    serve_logged(dist, None).await
}

/// Bytes the server sent, per request: (path, bytes on the wire).
pub type ServedLog = std::sync::Arc<std::sync::Mutex<Vec<(String, usize)>>>;

/// [`serve_stoppable`], noting every response's path and size in `log`
/// (what a benchmark counts as fetched).
pub async fn serve_logged(
    dist: PathBuf,
    log: Option<ServedLog>,
) -> (SocketAddr, tokio::task::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let dist = dist.clone();
            let log = log.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let n = sock.read(&mut buf).await.unwrap_or(0);
                let req = String::from_utf8_lossy(&buf[..n]);
                let path = req.split_whitespace().nth(1).unwrap_or("/");
                let path = path.split(['?', '#']).next().unwrap_or("/");
                let file = path.strip_prefix(SUB_PATH).and_then(|rel| {
                    let rel = if rel.is_empty() { "index.html" } else { rel };
                    (!rel.contains("..")).then(|| dist.join(rel))
                });
                let gzip_ok = req.lines().any(|l| {
                    let l = l.to_ascii_lowercase();
                    l.starts_with("accept-encoding:") && l.contains("gzip")
                });
                let if_none_match = req.lines().find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("if-none-match")
                        .then(|| v.trim().to_string())
                });
                let found = file.and_then(|f| {
                    let body = std::fs::read(&f).ok()?;
                    let tag = etag(&f, &body);
                    Some((f, body, tag))
                });
                let response = match found {
                    // As GitHub Pages does: an ETag and ten minutes of
                    // freshness, so a revalidation (the service worker's
                    // `no-cache` fetches) costs a 304, not the file again.
                    Some((_, _, tag)) if if_none_match.as_deref() == Some(tag.as_str()) => {
                        format!(
                            "HTTP/1.1 304 Not Modified\r\nETag: {tag}\r\nCache-Control: max-age=600\r\nConnection: close\r\n\r\n"
                        )
                        .into_bytes()
                    }
                    Some((f, body, tag)) => {
                        // As GitHub Pages does: text, JSON, JS and wasm are
                        // compressed on the fly, anything else (a `.gz` file
                        // included) is sent as it is.
                        let compress = gzip_ok && compressible(&f);
                        let body = if compress { gzip(&body) } else { body };
                        let mut r = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n{}ETag: {tag}\r\nCache-Control: max-age=600\r\nConnection: close\r\n\r\n",
                            content_type(&f),
                            body.len(),
                            if compress { "Content-Encoding: gzip\r\n" } else { "" },
                        )
                        .into_bytes();
                        r.extend(body);
                        r
                    }
                    None => {
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .to_vec()
                    }
                };
                if let Some(log) = &log {
                    if let Ok(mut log) = log.lock() {
                        log.push((path.to_string(), response.len()));
                    }
                }
                let _ = sock.write_all(&response).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    (addr, task)
}

/// A chromedriver on a free port, killed when dropped.
pub struct Driver {
    child: Child,
    /// The port chromedriver listens on.
    pub port: u16,
    /// The browser profile, removed with the driver.
    pub profile: TempDir,
}

/// A directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

pub async fn start_driver() -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let child = Command::new(&bin)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("start {bin}: {e} (install chromium-driver; `make test` does)"));
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let profile = std::env::temp_dir().join(format!("folio-e2e-{port}"));
    Driver {
        child,
        port,
        profile: TempDir(profile),
    }
}

pub async fn browser(driver: &Driver, width: u32, height: u32) -> Client {
    browser_with(driver, width, height, false).await
}

/// A browser whose `prefers-color-scheme` is dark (`--force-dark-mode`).
pub async fn dark_browser(driver: &Driver, width: u32, height: u32) -> Client {
    browser_with(driver, width, height, true).await
}

pub async fn browser_with(driver: &Driver, width: u32, height: u32, dark: bool) -> Client {
    browser_with_args(driver, width, height, dark, &[]).await
}

/// A browser with more command-line switches (a benchmark's memory flags).
pub async fn browser_with_args(
    driver: &Driver,
    width: u32,
    height: u32,
    dark: bool,
    extra: &[&str],
) -> Client {
    let mut caps = serde_json::Map::new();
    let mut args = vec![
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--no-first-run".into(),
        format!("--window-size={width},{height}"),
        format!("--user-data-dir={}", driver.profile.0.display()),
    ];
    args.push("--disable-sync".into());
    if dark {
        args.push("--force-dark-mode".into());
    }
    args.extend(extra.iter().map(|a| a.to_string()));
    let mut opts = serde_json::json!({
        "args": args,
        "prefs": {
            "download.default_directory": downloads_dir(driver).display().to_string(),
            "download.prompt_for_download": false,
        },
    });
    // Headless Chrome keeps a window at least 500 px wide, so a phone's width
    // is emulated instead: the page then lays out at that width, as on the phone.
    if width < 500 {
        opts["mobileEmulation"] = serde_json::json!({
            "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2.0, "mobile": true, "touch": true },
        });
    }
    if let Ok(bin) = std::env::var("CHROME") {
        opts["binary"] = bin.into();
    }
    caps.insert("goog:chromeOptions".into(), opts);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("connect to chromedriver")
}

/// Where the browser of this driver saves downloads.
pub fn downloads_dir(driver: &Driver) -> PathBuf {
    let dir = driver.profile.0.join("downloads");
    std::fs::create_dir_all(&dir).expect("create the downloads folder");
    dir
}

/// Waits for a download to finish and returns its bytes.
pub async fn downloaded(driver: &Driver, name: &str) -> Vec<u8> {
    let path = downloads_dir(driver).join(name);
    for _ in 0..300 {
        if let Ok(bytes) = std::fs::read(&path) {
            if !bytes.is_empty() {
                return bytes;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{} was not downloaded", path.display());
}

/// Waits until `script` (a JS expression) is true in the page, up to `secs`.
pub async fn wait_until(c: &Client, script: &str, secs: u64) {
    let js = format!("return !!({script});");
    for _ in 0..secs * 10 {
        if c.execute(&js, vec![]).await.ok() == Some(serde_json::Value::Bool(true)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out after {secs} s waiting for: {script}");
}

/// The text of the first element matching `selector`, or "".
pub async fn text_of(c: &Client, selector: &str) -> String {
    match c.find(Locator::Css(selector)).await {
        Ok(e) => e.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

pub async fn wait_for_count(
    c: &Client,
    selector: &str,
    n: usize,
) -> Vec<fantoccini::elements::Element> {
    for _ in 0..100 {
        let found = c.find_all(Locator::Css(selector)).await.unwrap();
        if found.len() == n {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let found = c.find_all(Locator::Css(selector)).await.unwrap();
    panic!("expected {n} × {selector}, found {}", found.len());
}

pub async fn shot(c: &Client, name: &str) {
    let png = c.screenshot().await.expect("screenshot");
    std::fs::write(screenshot_dir().join(name), png).expect("write screenshot");
}

pub async fn hash(c: &Client) -> String {
    c.current_url()
        .await
        .unwrap()
        .fragment()
        .map(|f| format!("#{f}"))
        .unwrap_or_default()
}
