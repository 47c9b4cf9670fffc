//! `make bench`: backups, export and import (#11) on the generated stores of `benches/helps.rs`
//! (100,000 and 1,000,000 cravings, generated once into `target/bench-data/`): a backup and the
//! durable log's p99 while it runs, the encrypted export and the CSV zip, an import into an
//! empty folder and a merge into a store holding half of it, each with the process's peak RSS.
//!
//! `cargo bench -p ebb-core --bench transfer [-- 100000]` runs one size only.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use ebb_core::transfer::{ImportFile, replace_with_import};
use ebb_core::{BackupReason, DataKey, GenerateOptions, Intensity, NewUrge, Store};

fn data_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The same key and file as `benches/helps.rs`, so the generated stores are shared.
fn bench_key() -> DataKey {
    DataKey::from_hex(&"5e".repeat(32)).unwrap()
}

fn generated(cravings: usize) -> PathBuf {
    let path = data_dir().join(format!("generated-{cravings}-encrypted.db"));
    let ready = path.with_extension("ready");
    if !ready.exists() {
        let _ = std::fs::remove_file(&path);
        let started = Instant::now();
        let mut store = Store::open(&path, &bench_key()).unwrap();
        store.generate(&GenerateOptions::new(cravings, 2026, Utc::now())).unwrap();
        drop(store);
        std::fs::write(&ready, b"").unwrap();
        println!("(generated {cravings} cravings in {:.1} s)", started.elapsed().as_secs_f64());
    }
    path
}

/// The peak resident memory since the last reset, in MB (Linux), and a reset for the next.
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    // "5" resets the peak to the current size (Linux ≥ 4.0).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    kb / 1024.0
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn row(what: &str, took: Duration, goal: Option<Duration>, rss: f64) {
    let verdict = match goal {
        Some(goal) if took < goal => format!("< {} ✔", secs(goal)),
        Some(goal) => format!("< {} ✘", secs(goal)),
        None => String::new(),
    };
    println!("| {what} | {} | {rss:.0} MB | {verdict} |", secs(took));
}

/// A store folder holding a copy of the generated store (so benchmarks never change it).
fn working_copy(source: &Path, name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new().prefix(name).tempdir_in(data_dir()).unwrap();
    let db = dir.path().join("ebb.db");
    std::fs::copy(source, &db).unwrap();
    (dir, db)
}

fn bench(cravings: usize) {
    let big = cravings >= 1_000_000;
    let source = generated(cravings);
    let key = bench_key();
    println!();
    println!(
        "### {cravings} generated cravings ({:.1} MB on disk)",
        std::fs::metadata(&source).unwrap().len() as f64 / 1e6
    );
    println!("| operation | took | peak RSS | goal |");
    println!("|---|---|---|---|");

    // A backup on its own connection while the person keeps logging on theirs.
    let (dir, db) = working_copy(&source, "backup-");
    let store = Arc::new(Mutex::new(Store::open(&db, &key).unwrap()));
    peak_rss_mb();
    let done = Arc::new(AtomicBool::new(false));
    let logger = {
        let (store, done) = (Arc::clone(&store), Arc::clone(&done));
        std::thread::spawn(move || {
            let mut times = Vec::new();
            while !done.load(Ordering::Relaxed) {
                let started = Instant::now();
                store
                    .lock()
                    .unwrap()
                    .log_urge(NewUrge::now(Intensity::try_from(5).unwrap()))
                    .unwrap();
                times.push(started.elapsed());
                std::thread::sleep(Duration::from_millis(20));
            }
            times
        })
    };
    let started = Instant::now();
    let info = ebb_core::backup::make_backup(&db, &key, Utc::now(), BackupReason::Manual).unwrap();
    let took = started.elapsed();
    done.store(true, Ordering::Relaxed);
    let mut logs = logger.join().unwrap();
    row(
        &format!("backup ({:.0} MB)", info.bytes as f64 / 1e6),
        took,
        Some(Duration::from_secs(60)),
        peak_rss_mb(),
    );
    logs.sort();
    let p99 = logs[((logs.len() as f64 * 0.99).ceil() as usize).min(logs.len()) - 1];
    let ok = if p99 < Duration::from_millis(5) { "✔" } else { "✘" };
    println!(
        "| durable log during the backup: p99 of {} logs | {:.2} ms | | < 5 ms {ok} |",
        logs.len(),
        p99.as_secs_f64() * 1e3
    );
    drop(store);
    drop(dir);

    // Exports, from a second connection as the app makes them.
    let out = tempfile::tempdir_in(data_dir()).unwrap();
    let reader = Store::open(&source, &key).unwrap();
    let file = out.path().join("export.ebbx");
    peak_rss_mb();
    let started = Instant::now();
    reader.export_encrypted(&file, "a bench passphrase", None).unwrap();
    row(
        "export, encrypted",
        started.elapsed(),
        (!big).then_some(Duration::from_secs(5)),
        peak_rss_mb(),
    );
    let started = Instant::now();
    reader.export_csv(&out.path().join("export.zip"), None).unwrap();
    row(
        "export, CSV zip",
        started.elapsed(),
        (!big).then_some(Duration::from_secs(5)),
        peak_rss_mb(),
    );
    drop(reader);

    // Import into an empty folder (open, check, migrate, re-encrypt, replace).
    let empty = tempfile::tempdir_in(data_dir()).unwrap();
    let started = Instant::now();
    let import = ImportFile::open(&file, "a bench passphrase", empty.path()).unwrap();
    replace_with_import(&empty.path().join("ebb.db"), &key, &import, Utc::now()).unwrap();
    drop(import);
    let import_goal = Duration::from_secs(if big { 180 } else { 20 });
    row("import into an empty store", started.elapsed(), Some(import_goal), peak_rss_mb());

    // Merge into a store holding half of it.
    let (half_dir, half) = working_copy(&source, "half-");
    {
        let conn = ebb_core::open_keyed_connection(&half, &key).unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        conn.execute("DELETE FROM urges WHERE rowid % 2 = 0", []).unwrap();
    }
    let mut store = Store::open(&half, &key).unwrap();
    let started = Instant::now();
    let import = ImportFile::open(&file, "a bench passphrase", half_dir.path()).unwrap();
    let report = store.merge_import(&import, None).unwrap();
    row(
        &format!("merge into a store holding half ({} added)", report.added),
        started.elapsed(),
        Some(import_goal),
        peak_rss_mb(),
    );
    assert_eq!(store.count_urges().unwrap() as usize, cravings, "the merge restores every craving");
}

fn main() {
    let only: Option<usize> = std::env::args().skip(1).find_map(|a| a.parse().ok());
    for cravings in [100_000, 1_000_000] {
        if only.is_none_or(|n| n == cravings) {
            bench(cravings);
        }
    }
    println!("(peak RSS goal: under 300 MB at 1M)");
}
