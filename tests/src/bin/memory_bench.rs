//! `make bench`'s memory probe on the real app (release build, under Xvfb at 390×844): the
//! proportional set size (PSS) of all of Ebb's processes — the app and the WebKit processes it
//! starts — summed from `/proc/<pid>/smaps_rollup`.
//!
//! 1. The floor: the blank page in the same binary, held open (`EBB_STARTUP_PROBE=blank`,
//!    `EBB_PROBE_HOLD=1`), 3 s after it is ready.
//! 2. Ebb on a store of 100,000 generated cravings (made once into `target/bench-data/`):
//!    idle on Now; History after scrolling until 1,000 rows are loaded; back on Now 5 s and
//!    30 s after leaving History.
//!
//! Usage: `EBB_APP_BIN=target/release/ebb memory-bench`. `EBB_MEMORY_PAGES=N` loads N more
//! pages than the first instead of 34 (to see how History's memory grows with what it loaded:
//! with 0, 5 and 15 the web process grew by 19, 40 and 58 MiB; with 34, by 52, before Ebb set
//! its webview engine's options, src-tauri/src/engine.rs). The floor runs with the same engine
//! settings as Ebb (same binary); the table says which the web process had. Setting them in the
//! environment beforehand (e.g. `JSC_useJIT=true`) measures WebKit's own defaults.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use chrono::Utc;
use ebb_core::GenerateOptions;
use ebb_e2e::{App, environment_of, process_tree as tree, processes_named};

const CRAVINGS: usize = 100_000;
/// History loads 30 at a time: 34 more pages after the first make 1,050 rows.
const PAGES: usize = 34;

/// How many more pages to load than the first (`EBB_MEMORY_PAGES`, else [`PAGES`]).
fn pages_wanted() -> usize {
    std::env::var("EBB_MEMORY_PAGES").ok().and_then(|s| s.parse().ok()).unwrap_or(PAGES)
}

/// PSS of one process, MiB.
fn pss_of(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("Pss:"))
        .filter_map(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .sum::<f64>()
        / 1024.0
}

/// PSS of a process tree, MiB.
fn pss_mib(root: u32) -> f64 {
    tree(root).into_iter().map(pss_of).sum()
}

/// Each process of the tree by name, for where memory went: "ebb 52.1, WebKitWebProcess …".
fn breakdown(root: u32) -> String {
    tree(root)
        .into_iter()
        .map(|pid| {
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            format!("{} {:.1}", name.trim(), pss_of(pid))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The engine settings Ebb chose (src-tauri/src/engine.rs) as the web process has them.
fn engine_settings(app: u32) -> String {
    let names = ["JSC_useJIT=", "WEBKIT_SKIA_ENABLE_CPU_RENDERING="];
    let found: Vec<String> = processes_named(app, "WebKitWebProces")
        .first()
        .map(|&web| environment_of(web))
        .unwrap_or_default()
        .into_iter()
        .filter(|v| names.iter().any(|n| v.starts_with(n)))
        .collect();
    if found.is_empty() { "WebKit's defaults".into() } else { found.join(", ") }
}

fn floor(binary: &Path) -> Result<f64> {
    let data = tempfile::tempdir()?;
    let mut child = Command::new(binary)
        .env("EBB_STARTUP_PROBE", "blank")
        .env("EBB_PROBE_HOLD", "1")
        .env("EBB_DATA_DIR", data.path())
        .env("EBB_KEYSTORE", "none")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("starting {}", binary.display()))?;
    let stdout = child.stdout.take().context("no stdout")?;
    let ready = BufReader::new(stdout).lines().map_while(Result::ok).any(|l| l == "ebb-ready");
    std::thread::sleep(Duration::from_secs(3));
    let pss = pss_mib(child.id());
    let _ = child.kill();
    let _ = child.wait();
    if !ready {
        bail!("the blank page never said it was ready");
    }
    Ok(pss)
}

/// A data folder with the generated store, made once and copied for each run.
fn store_folder() -> Result<tempfile::TempDir> {
    let cache = ebb_e2e::workspace_root().join(format!("target/bench-data/app-{CRAVINGS}"));
    if !cache.join("ready").exists() {
        let _ = std::fs::remove_dir_all(&cache);
        std::fs::create_dir_all(&cache)?;
        let mut store = ebb_e2e::open_store(&cache.join("ebb.db"))?;
        store.generate(&GenerateOptions::new(CRAVINGS, 2026, Utc::now()))?;
        drop(store);
        std::fs::write(cache.join("ready"), b"")?;
    }
    // Brought to this build's schema and its derived sums and counts built, as the app's
    // warm-up leaves a store: each run measures History, not an upgrade.
    let store = ebb_e2e::open_store(&cache.join("ebb.db"))?;
    store.refresh_helps()?;
    store.refresh_counts()?;
    drop(store);
    let copy = tempfile::Builder::new().prefix("ebb-memory-").tempdir()?;
    for entry in std::fs::read_dir(&cache)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), copy.path().join(entry.file_name()))?;
        }
    }
    Ok(copy)
}

async fn rows_after_scrolling(app: &App) -> Result<usize> {
    let last = "const rows = document.querySelectorAll('li.urge'); \
                return rows.length ? rows[rows.length - 1].dataset.urgeId : null;";
    let mut pages = 1;
    let mut previous = app.eval(last).await?;
    let wanted = pages_wanted();
    for _ in 0..wanted.max(1) * 20 {
        if pages > wanted {
            break;
        }
        app.eval("window.scrollTo(0, document.documentElement.scrollHeight); return null;").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let now = app.eval(last).await?;
        if now != previous {
            pages += 1;
            previous = now;
        }
    }
    Ok(pages * 30)
}

#[tokio::main]
async fn main() -> Result<()> {
    let binary: PathBuf = ebb_e2e::app_binary()?.canonicalize()?;
    let floor = floor(&binary)?;

    let folder = store_folder()?;
    let app = App::start_in(folder.path()).await?;
    app.wait_for("[data-intensity='7']").await?;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let pid = app.pid()?;
    let idle = pss_mib(pid);
    let idle_by_process = breakdown(pid);
    let engine = engine_settings(pid);
    app.tap("[data-place=history]").await?;
    app.wait_for("li.urge").await?;
    let rows = rows_after_scrolling(&app).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let history = pss_mib(pid);
    let history_by_process = breakdown(pid);
    let drawn = app.all("li.urge").await?.len();
    app.tap("[data-place=now]").await?;
    app.wait_for("[data-intensity='7']").await?;
    tokio::time::sleep(Duration::from_secs(5)).await;
    let after = pss_mib(pid);
    let after_by_process = breakdown(pid);
    tokio::time::sleep(Duration::from_secs(25)).await;
    let later = pss_mib(pid);
    app.close().await?;

    println!();
    println!("memory, PSS of all Ebb processes ({}, {CRAVINGS} cravings)", binary.display());
    println!("| state | PSS | ratio to floor | goal |");
    println!("|---|---|---|---|");
    println!("| blank page (floor) | {floor:.1} MiB | 1.00x | |");
    println!("| Now, idle | {idle:.1} MiB | {:.2}x | |", idle / floor);
    let mark = |ratio: f64| if ratio <= 1.3 { "✔" } else { "✘" };
    println!(
        "| History, {rows} rows loaded ({drawn} drawn) | {history:.1} MiB | {:.2}x | <= 1.3x {} |",
        history / floor,
        mark(history / floor)
    );
    println!(
        "| Now, 5 s after leaving History | {after:.1} MiB | {:.2}x | <= 1.3x {} |",
        after / floor,
        mark(after / floor)
    );
    println!(
        "| Now, 30 s after leaving History | {later:.1} MiB | {:.2}x | <= 1.3x {} |",
        later / floor,
        mark(later / floor)
    );
    println!("(the web process's engine settings: {engine})");
    println!(
        "(MiB by process — Now: {idle_by_process}; History: {history_by_process}; after: {after_by_process})"
    );
    Ok(())
}
