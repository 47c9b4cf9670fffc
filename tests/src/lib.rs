//! `ebb-e2e`: drives the real, built Ebb app through WebDriver.
//!
//! Each [`App`] starts its own `tauri-driver` (which starts WebKitWebDriver, which starts the
//! app) on free ports, with a data folder of its own, and sets the window to a phone's 390×844.
//! Nothing is mocked: the binary is the one `cargo build -p ebb-app` produced, with its real
//! SQLite store. Run under a display (`xvfb-run -a`); a missing display or driver fails loudly.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use fantoccini::{Client, ClientBuilder, Locator, elements::Element};
use serde_json::{Value, json};

/// The width and height of the phone-sized window every test uses.
pub const PHONE: (u32, u32) = (390, 844);

/// How long to wait for something to appear before failing the test.
const PATIENCE: Duration = Duration::from_secs(30);

/// The workspace's root folder.
/// Opens the (encrypted) store in a test's data folder with the key Ebb keeps beside it (the
/// tests run with no keystore), making one for a new folder: for setting up data before the app
/// starts and checking what it wrote.
pub fn open_store(db: &Path) -> Result<ebb_core::Store> {
    let key = ebb_core::keys::tool_key(db)?;
    Ok(ebb_core::Store::open(db, &key)?)
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The built app: `$EBB_APP_BIN`, else `target/debug/ebb`.
pub fn app_binary() -> Result<PathBuf> {
    let path = std::env::var_os("EBB_APP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/ebb"));
    if !path.is_file() {
        bail!(
            "the app is not built at {} (run `cargo build -p ebb-app` after building the UI)",
            path.display()
        );
    }
    Ok(path)
}

/// Where tests leave screenshots for people to look at.
pub fn artifacts_dir() -> PathBuf {
    workspace_root().join("target/e2e-artifacts")
}

fn free_port() -> Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// `tauri-driver`, stopped with SIGTERM so it takes WebKitWebDriver down with it
/// (SIGKILL would orphan WebKitWebDriver, which then holds the test's pipes open).
struct Driver(Child);

impl Driver {
    fn start(port: u16, data_dir: &Path, env: &[(&str, &str)]) -> Result<Self> {
        let native_port = free_port()?;
        let child = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("EBB_DATA_DIR", data_dir)
            // The key stays in the test's own folder, never in the developer's keyring.
            .env("EBB_KEYSTORE", "none")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .context("tauri-driver could not start: is it installed (`make test` installs it)?")?;
        Ok(Self(child))
    }

    fn stop(&mut self) {
        if matches!(self.0.try_wait(), Ok(Some(_))) {
            return;
        }
        let _ = Command::new("kill").args(["-TERM", &self.0.id().to_string()]).status();
        for _ in 0..100 {
            if matches!(self.0.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Every process whose parent chain leads to `root`, and `root`.
pub fn process_tree(root: u32) -> Vec<u32> {
    let mut parents = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
        // The parent is the second field after the command's closing parenthesis.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            parents.push((pid, ppid));
        }
    }
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(parents.iter().filter(|(_, p)| *p == parent).map(|(c, _)| *c));
        i += 1;
    }
    found
}

/// The app's process started by WebDriver for `data_dir` (its environment names the folder).
pub fn app_pid(binary: &Path, data_dir: &Path) -> Result<u32> {
    let wanted = format!("EBB_DATA_DIR={}", data_dir.display());
    for entry in std::fs::read_dir("/proc")?.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok();
        if exe.as_deref() != Some(binary) {
            continue;
        }
        let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
        if environ.split(|b| *b == 0).any(|v| v == wanted.as_bytes()) {
            return Ok(pid);
        }
    }
    bail!("no running {} for {}", binary.display(), data_dir.display())
}

/// The environment a running process was started with, as `NAME=value` strings.
pub fn environment_of(pid: u32) -> Vec<String> {
    std::fs::read(format!("/proc/{pid}/environ"))
        .unwrap_or_default()
        .split(|b| *b == 0)
        .filter(|v| !v.is_empty())
        .map(|v| String::from_utf8_lossy(v).into_owned())
        .collect()
}

/// The pid of each process of `root`'s tree whose name (`/proc/<pid>/comm`) starts with
/// `prefix` (the kernel cuts names to 15 bytes: "WebKitWebProces").
pub fn processes_named(root: u32, prefix: &str) -> Vec<u32> {
    process_tree(root)
        .into_iter()
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|name| name.trim().starts_with(prefix))
        })
        .collect()
}

/// The running app, seen through WebDriver.
pub struct App {
    client: Option<Client>,
    driver: Driver,
    data_dir: PathBuf,
    _owned_dir: Option<tempfile::TempDir>,
}

impl App {
    /// Starts the app on a fresh, empty data folder.
    pub async fn start() -> Result<Self> {
        let dir = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
        let path = dir.path().to_path_buf();
        let mut app = Self::start_in(&path).await?;
        app._owned_dir = Some(dir);
        Ok(app)
    }

    /// Starts the app on `data_dir` (which the caller keeps, e.g. to restart on it).
    pub async fn start_in(data_dir: &Path) -> Result<Self> {
        Self::start_in_with(data_dir, &[]).await
    }

    /// Starts the app on `data_dir` with extra environment variables (test hooks such as
    /// `EBB_CLOCK_OFFSET_MINUTES`, honoured by debug builds only).
    pub async fn start_in_with(data_dir: &Path, env: &[(&str, &str)]) -> Result<Self> {
        let binary = app_binary()?;
        let port = free_port()?;
        let driver = Driver::start(port, data_dir, env)?;
        let url = format!("http://127.0.0.1:{port}");
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert("tauri:options".into(), json!({ "application": binary }));

        // Wait until tauri-driver answers before asking for a session.
        let mut last_error = None;
        let mut client = None;
        for _ in 0..150 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(&url)
                    .await
                {
                    Ok(c) => {
                        client = Some(c);
                        break;
                    }
                    Err(e) => last_error = Some(e.to_string()),
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let Some(client) = client else {
            bail!("no WebDriver session from tauri-driver on {url}: {last_error:?}");
        };
        client.set_window_size(PHONE.0, PHONE.1).await?;
        let app = Self {
            client: Some(client),
            driver,
            data_dir: data_dir.to_path_buf(),
            _owned_dir: None,
        };
        app.wait_for("main").await?;
        Ok(app)
    }

    /// The data folder the app runs on.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    fn client(&self) -> &Client {
        self.client.as_ref().expect("the client lives until close")
    }

    /// Waits until an element matching `css` exists, and returns it.
    pub async fn wait_for(&self, css: &str) -> Result<Element> {
        self.client()
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .with_context(|| format!("nothing matching {css:?} appeared within {PATIENCE:?}"))
    }

    /// Waits until the page's text contains `text`.
    pub async fn wait_for_text(&self, text: &str) -> Result<()> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let body = self.client().find(Locator::Css("body")).await?.text().await?;
            if body.contains(text) {
                return Ok(());
            }
            if tokio::time::Instant::now() > deadline {
                bail!("the page never showed {text:?}; it shows:\n{body}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Taps (clicks) the element matching `css`, waiting for it first. Like a person, it scrolls
    /// the element to the middle of the screen first, clear of the fixed bottom navigation.
    pub async fn tap(&self, css: &str) -> Result<()> {
        // Content arriving a moment later (suggestions after a log) can move a button between
        // scrolling to it and tapping it; like a person, look again and tap once more.
        let mut last = None;
        for _ in 0..3 {
            let element = self.wait_for(css).await?;
            self.client()
                .execute(
                    "arguments[0].scrollIntoView({ block: 'center' });",
                    vec![serde_json::to_value(&element)?],
                )
                .await?;
            match element.click().await {
                Ok(_) => return Ok(()),
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        Err(anyhow::anyhow!("{last:?}")).with_context(|| format!("tapping {css:?}"))
    }

    /// Every element matching `css` now (no waiting).
    pub async fn all(&self, css: &str) -> Result<Vec<Element>> {
        Ok(self.client().find_all(Locator::Css(css)).await?)
    }

    /// The rendered texts (`innerText`) of every element matching `css` now.
    ///
    /// `innerText` rather than WebDriver's element text: WebKitWebDriver reports an empty text
    /// for line-clamped (`-webkit-box`) elements that are plainly on screen.
    pub async fn texts(&self, css: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for element in self.all(css).await? {
            out.push(element.prop("innerText").await?.unwrap_or_default().trim().to_owned());
        }
        Ok(out)
    }

    /// Opens Settings at one of its sections (`appearance`, `tracking`, `chips`, `checkins`,
    /// `support`, `privacy`, `data`, `share`, `about`), from wherever the app is.
    pub async fn open_settings(&self, section: &str) -> Result<()> {
        self.tap("[data-place=settings]").await?;
        let page = format!("[data-testid=settings-{section}]");
        if !self.all(&page).await?.is_empty() {
            return Ok(());
        }
        let open = self.all("[data-action^=close-settings-]").await?;
        if let Some(back) = open.first() {
            back.click().await?;
        }
        self.tap(&format!("[data-section={section}]")).await?;
        self.wait_for(&page).await?;
        Ok(())
    }

    /// Presses a key (a WebDriver key code such as `"\u{E004}"` for Tab, `"\u{E007}"` for
    /// Enter, `"\u{E00C}"` for Escape) on whatever has focus, as a keyboard would.
    pub async fn press(&self, key: &str) -> Result<()> {
        use fantoccini::actions::InputSource as _;
        let actions = fantoccini::actions::KeyActions::new("keyboard".into())
            .then(fantoccini::actions::KeyAction::Down {
                value: key.chars().next().unwrap_or('\u{E004}'),
            })
            .then(fantoccini::actions::KeyAction::Up {
                value: key.chars().next().unwrap_or('\u{E004}'),
            });
        self.client().perform_actions(actions).await?;
        Ok(())
    }

    /// Types `text` into the field matching `css`.
    pub async fn type_into(&self, css: &str, text: &str) -> Result<()> {
        self.wait_for(css).await?.send_keys(text).await?;
        Ok(())
    }

    /// Calls an app command straight through the page's IPC, as a hand-made request would.
    /// Returns `Ok(value)` for a success and `Err(error)` for a refusal, both as JSON.
    pub async fn invoke(
        &self,
        command: &str,
        args: Value,
    ) -> Result<std::result::Result<Value, Value>> {
        let script = r#"
            const [command, args, done] = arguments;
            window.__TAURI_INTERNALS__.invoke(command, args)
              .then((ok) => done({ ok: ok === undefined ? null : ok }), (err) => done({ err }));
        "#;
        let answer = self.client().execute_async(script, vec![json!(command), args]).await?;
        match (answer.get("ok"), answer.get("err")) {
            (Some(ok), None) => Ok(Ok(ok.clone())),
            (None, Some(err)) => Ok(Err(err.clone())),
            _ => bail!("unexpected answer from invoke: {answer}"),
        }
    }

    /// Waits for two animation frames, so a screenshot shows the current DOM, not a stale frame.
    pub async fn settle(&self) -> Result<()> {
        self.client()
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
                vec![],
            )
            .await?;
        Ok(())
    }

    /// Saves a PNG screenshot as `target/e2e-artifacts/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        self.settle().await?;
        let png = self.client().screenshot().await?;
        let dir = artifacts_dir();
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// The pid of the app's own process (its environment names this app's data folder).
    pub fn pid(&self) -> Result<u32> {
        app_pid(&app_binary()?.canonicalize()?, &self.data_dir)
    }

    /// Asks WebKitWebDriver to switch to the app's own window, which brings it forward and gives
    /// its page the focus (used when the X focus alone didn't reach the page).
    pub async fn switch_to_own_window(&self) -> Result<()> {
        let handle = self.client().window().await?;
        self.client().switch_to_window(handle).await?;
        Ok(())
    }

    /// Runs a script in the page and returns its value.
    pub async fn eval(&self, script: &str) -> Result<Value> {
        Ok(self.client().execute(script, vec![]).await?)
    }

    /// Runs an asynchronous script (its last argument is the callback) and returns its answer.
    pub async fn eval_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        Ok(self.client().execute_async(script, args).await?)
    }

    /// Runs axe-core 4 (from `ui/node_modules`, an npm dev dependency) on the page, or on the
    /// part matching `within`, for WCAG 2.1 A and AA and axe's best practices, in the current
    /// theme. Returns one line per violation: the rule, its help text and the elements at fault.
    pub async fn axe(&self, within: Option<&str>) -> Result<Vec<String>> {
        let source = workspace_root().join("ui/node_modules/axe-core/axe.min.js");
        let loaded = self.eval("return typeof window.axe === 'object'").await?;
        if loaded != json!(true) {
            let script = std::fs::read_to_string(&source)
                .with_context(|| format!("axe-core at {} (npm ci in ui/)", source.display()))?;
            self.client().execute(&format!("{script}\nreturn null;"), vec![]).await?;
        }
        let answer = self
            .eval_async(
                r#"
                const [within, done] = arguments;
                const context = within ? document.querySelector(within) : document;
                window.axe
                  .run(context, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                    resultTypes: ['violations'],
                  })
                  .then(
                    (r) => done(r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`)),
                    (e) => done([`axe failed: ${e}`]),
                  );
                "#,
                vec![within.map_or(Value::Null, |w| json!(w))],
            )
            .await?;
        Ok(serde_json::from_value(answer)?)
    }

    /// Switches the page between the light and dark themes as the Settings choice does.
    pub async fn set_theme(&self, theme: &str) -> Result<()> {
        self.eval(&format!("document.documentElement.dataset.theme = '{theme}'")).await?;
        self.settle().await
    }

    /// Ends the WebDriver session (which quits the app) and stops the driver.
    pub async fn close(mut self) -> Result<()> {
        if let Some(client) = self.client.take() {
            client.close().await?;
        }
        self.driver.stop();
        Ok(())
    }
}
