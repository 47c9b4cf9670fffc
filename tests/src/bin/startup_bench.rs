//! `make bench`'s startup probe: how long from spawning Ebb to its first interactive screen,
//! against two floors in the same binary and webview: a blank page, and a static page that
//! paints the same first screen with no JavaScript (the fair one: same fonts, text and scale).
//!
//! Usage: `startup-bench [path/to/ebb]` under a display (`xvfb-run -a`). Each mode runs once to
//! warm caches, then 5 times alternating (`EBB_STARTUP_RUNS=N`: N times; `make bench` runs 21);
//! the table shows medians and the ratio.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

const RUNS: usize = 5;

/// How many alternating runs (`EBB_STARTUP_RUNS`, else [`RUNS`]): comparing two builds whose
/// difference is a few milliseconds takes more than five (the floors alone vary by ±20 ms).
fn runs() -> usize {
    std::env::var("EBB_STARTUP_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(RUNS)
}

/// When each step of Ebb's own start was reached (`ebb-mark` lines, first of each kind).
type Marks = Vec<(String, Duration)>;

fn time_to_ready(binary: &Path, probe: &str, data_dir: &Path) -> Result<Duration> {
    time_with_marks(binary, probe, data_dir).map(|(ready, _)| ready)
}

fn time_with_marks(binary: &Path, probe: &str, data_dir: &Path) -> Result<(Duration, Marks)> {
    let started = Instant::now();
    let mut child = Command::new(binary)
        .env("EBB_STARTUP_PROBE", probe)
        .env("EBB_DATA_DIR", data_dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("starting {}", binary.display()))?;
    let stdout = child.stdout.take().context("no stdout")?;
    let mut ready = None;
    let mut marks: Marks = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        let line = line.trim();
        if line == "ebb-ready" {
            ready = Some(started.elapsed());
            break;
        }
        if let Some(what) = line.strip_prefix("ebb-mark ")
            && !marks.iter().any(|(m, _)| m == what)
        {
            marks.push((what.to_owned(), started.elapsed()));
        }
    }
    let status = child.wait()?;
    match ready {
        Some(elapsed) => Ok((elapsed, marks)),
        None => bail!("{probe}: the app exited ({status}) without printing ebb-ready"),
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() -> Result<()> {
    let binary = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| ebb_e2e::workspace_root().join("target/release/ebb"));
    let data = tempfile::tempdir()?;
    // Warm-up: page cache, font cache, and the database created once (later runs reopen it).
    time_to_ready(&binary, "blank", data.path())?;
    time_to_ready(&binary, "painted", data.path())?;
    time_to_ready(&binary, "1", data.path())?;

    let (mut blank, mut painted, mut app) = (Vec::new(), Vec::new(), Vec::new());
    let mut steps: Vec<(String, Vec<Duration>)> = Vec::new();
    let runs = runs();
    for _ in 0..runs {
        blank.push(time_to_ready(&binary, "blank", data.path())?);
        painted.push(time_to_ready(&binary, "painted", data.path())?);
        let (ready, marks) = time_with_marks(&binary, "1", data.path())?;
        app.push(ready);
        for (what, at) in marks {
            match steps.iter_mut().find(|(s, _)| *s == what) {
                Some((_, times)) => times.push(at),
                None => steps.push((what, vec![at])),
            }
        }
    }
    let ms = |samples: Vec<Duration>| median(samples).as_secs_f64() * 1e3;
    let (blank_ms, painted_ms, app_ms) = (ms(blank), ms(painted), ms(app));
    println!();
    println!("startup, spawn -> first interactive screen ({}, median of {runs})", binary.display());
    println!("| screen                 | median     | goal             |");
    println!("|------------------------|------------|------------------|");
    println!("| blank page (floor)     | {blank_ms:>7.1} ms |                  |");
    println!("| Ebb's Now screen       | {app_ms:>7.1} ms |                  |");
    println!("| painted page (floor)   | {painted_ms:>7.1} ms |                  |");
    println!("| ratio Ebb / blank      | {:>9.2}x |                  |", app_ms / blank_ms);
    println!("| ratio Ebb / painted    | {:>9.2}x | <= 1.15x         |", app_ms / painted_ms);
    println!();
    println!("where Ebb's start goes (spawn -> each step, median of the runs it happened in)");
    println!("| step | median |");
    println!("|---|---|");
    steps.sort_by_key(|(_, times)| median(times.clone()));
    for (what, times) in steps {
        println!("| {what} | {:.1} ms |", median(times).as_secs_f64() * 1e3);
    }
    println!("| ebb-ready (ui_ready answered) | {app_ms:.1} ms |");
    Ok(())
}
