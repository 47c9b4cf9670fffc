//! `make bench`'s breathing probe on the real app (release build, under Xvfb at 390×844):
//!
//! 1. IPC round trips measured inside the webview (`performance.now()` around
//!    `__TAURI_INTERNALS__.invoke`): opening the Breathe list (`list_techniques`) and starting a
//!    session (`start_session`), 300 of each; median and p99.
//! 2. Frames during a 60 s box-breathing session: every `requestAnimationFrame` gap is
//!    collected; gaps over 50 ms (three frames missed at 60 Hz) are counted as dropped.
//!
//! Usage: `EBB_APP_BIN=target/release/ebb breathe-bench [seconds]` (default 60).

use std::time::Duration;

use anyhow::{Context, Result};
use ebb_e2e::App;
use serde_json::{Value, json};

const CALLS: usize = 300;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn numbers(v: &Value) -> Vec<f64> {
    let mut out: Vec<f64> =
        v.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
    out.sort_by(f64::total_cmp);
    out
}

async fn round_trips(app: &App, command: &str, args: Value) -> Result<Vec<f64>> {
    let script = r#"
        const [command, args, n, done] = arguments;
        (async () => {
          const times = [];
          for (let i = 0; i < n; i++) {
            const t = performance.now();
            await window.__TAURI_INTERNALS__.invoke(command, args);
            times.push(performance.now() - t);
          }
          done(times);
        })().catch((e) => done({ error: String(e && e.message || e) }));
    "#;
    let answer = app.eval_async(script, vec![json!(command), args, json!(CALLS)]).await?;
    anyhow::ensure!(answer.get("error").is_none(), "{command} failed: {answer}");
    Ok(numbers(&answer))
}

#[tokio::main]
async fn main() -> Result<()> {
    let seconds: u64 = std::env::args().nth(1).map(|s| s.parse()).transpose()?.unwrap_or(60);
    let app = App::start().await.context("starting the app (is EBB_APP_BIN set?)")?;
    app.wait_for("[data-action=breathe]").await?;

    println!("IPC round trip inside the webview, {CALLS} calls each (ms):");
    println!("| command | median | p99 | max |");
    println!("|---|---|---|---|");
    let session = json!({ "request": { "techniqueId": "breathing.box", "plannedSeconds": 300 } });
    for (command, args) in [("list_techniques", json!({})), ("start_session", session)] {
        let t = round_trips(&app, command, args).await?;
        println!(
            "| {command} | {:.2} | {:.2} | {:.2} |",
            percentile(&t, 0.5),
            percentile(&t, 0.99),
            t.last().copied().unwrap_or(0.0)
        );
    }

    app.tap("[data-action=breathe]").await?;
    app.wait_for("[data-technique='breathing.box'] .shape").await?;
    app.eval(
        "window.__gaps = []; let last = performance.now(); \
         const loop = (t) => { window.__gaps.push(t - last); last = t; \
           if (window.__gaps.length < 1e6) requestAnimationFrame(loop); }; \
         requestAnimationFrame(loop); return null",
    )
    .await?;
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    let gaps = numbers(&app.eval("const g = window.__gaps; window.__gaps = []; return g").await?);
    let dropped = gaps.iter().filter(|g| **g > 50.0).count();
    println!();
    println!("Frames during {seconds} s of box breathing (requestAnimationFrame gaps, ms):");
    println!(
        "frames {} · median gap {:.1} · p99 {:.1} · max {:.1} · gaps > 50 ms: {dropped}",
        gaps.len(),
        percentile(&gaps, 0.5),
        percentile(&gaps, 0.99),
        gaps.last().copied().unwrap_or(0.0)
    );
    app.tap("[data-action=stop-breathing]").await?;
    app.close().await
}
