//! `make bench`: the store's speed on a database the size of years of use.
//!
//! Times each operation many times and prints median and p99, next to two floors: the same row
//! written with raw rusqlite and the same pragmas on an encrypted copy (SQLCipher, the floor
//! since #10) and on a plain SQLite copy (the figure before encryption), interleaved sample by
//! sample so all see the same disk. Opening a store and reading what Now shows is timed on the
//! encrypted store and on a plain one. Plain timing loops rather than criterion, because the goals are stated as p99s and
//! ratios to a floor, which this prints directly.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use ebb_core::{DataKey, Goal, Intensity, NewThing, NewUrge, OutcomeInput, Store, UseAction};
use rusqlite::{Connection, params};

const ROWS: i64 = 100_000;
const WRITE_SAMPLES: usize = 1_000;
const READ_SAMPLES: usize = 2_000;

const OPEN_SAMPLES: usize = 30;

/// Fills a store (encrypted with `key`, or plain without one) with `rows` cravings.
fn populate(path: &Path, rows: i64, key: Option<&DataKey>) {
    // The schema via the real migrations.
    let mut conn = match key {
        Some(key) => {
            drop(Store::open(path, key).unwrap());
            ebb_core::open_keyed_connection(path, key).unwrap()
        }
        None => {
            drop(Store::open_unencrypted(path).unwrap());
            Connection::open(path).unwrap()
        }
    };
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO urges (id, occurred_at, utc_offset_minutes, intensity, note, \
                 created_at, updated_at) VALUES (?1, ?2, 60, ?3, ?4, ?2, ?2)",
            )
            .unwrap();
        let mut link =
            tx.prepare("INSERT INTO urge_chips (urge_id, chip_id) VALUES (?1, ?2)").unwrap();
        let mut outcome = tx
            .prepare(
                "INSERT INTO outcomes (urge_id, intensity_after, action, recorded_at, updated_at) \
                 VALUES (?1, ?2, 'didnt_use', ?3, ?3)",
            )
            .unwrap();
        let chips =
            ["builtin-trigger-after-work", "builtin-feeling-stressed", "builtin-place-home"];
        let start = Utc::now().timestamp_millis() - rows * 600_000;
        for i in 0..rows {
            let at = start + i * 600_000; // one every ten minutes, back ~2 years
            let id = uuid::Uuid::now_v7().to_string();
            let note = (i % 4 == 0).then(|| format!("note number {i}: after work, tired"));
            insert.execute(params![id, at, i % 11, note]).unwrap();
            for chip in &chips[..(i % 4) as usize] {
                link.execute(params![id, chip]).unwrap();
            }
            if i % 2 == 0 {
                outcome.execute(params![id, i % 5, at + 600_000]).unwrap();
            }
        }
    }
    tx.commit().unwrap();
}

/// Raw rusqlite with the store's pragmas: the floor for a durable insert.
fn floor_connection(path: &Path, key: Option<&DataKey>) -> Connection {
    let conn = match key {
        Some(key) => ebb_core::open_keyed_connection(path, key).unwrap(),
        None => Connection::open(path).unwrap(),
    };
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    conn
}

struct Stats {
    median: Duration,
    p99: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Stats { median: at(0.5), p99: at(0.99) }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    // `cargo bench` passes `--bench`; anything else (e.g. a filter) is ignored.
    let dir = tempfile::tempdir().unwrap();
    let ours_path = dir.path().join("ebb.db");
    let floor_path = dir.path().join("floor.db");
    let plain_path = dir.path().join("plain.db");
    // The key as the app makes it (no keystore here: the key file), then a PIN over it.
    let mut vault = ebb_core::Vault::load(
        dir.path(),
        std::sync::Arc::new(ebb_core::keys::NoKeystore),
        std::sync::Arc::new(ebb_core::SystemClock),
    )
    .unwrap();
    let key: DataKey = vault.open_without_passcode(&ours_path).unwrap();
    eprintln!("populating an encrypted and a plain database with {ROWS} cravings each…");
    populate(&ours_path, ROWS, Some(&key));
    populate(&plain_path, ROWS, None);
    std::fs::copy(&ours_path, &floor_path).unwrap();

    // Opening, then what Now reads first, on the encrypted store and on the plain one.
    let now_reads = |store: &Store| {
        std::hint::black_box((
            store.settings().unwrap(),
            store.things().unwrap(),
            store.chips().unwrap(),
            store.default_thing_id().unwrap(),
        ));
    };
    let (mut open_encrypted, mut open_plain) = (Vec::new(), Vec::new());
    for _ in 0..OPEN_SAMPLES {
        let started = Instant::now();
        now_reads(&Store::open(&ours_path, &key).unwrap());
        open_encrypted.push(started.elapsed());
        let started = Instant::now();
        now_reads(&Store::open_unencrypted(&plain_path).unwrap());
        open_plain.push(started.elapsed());
    }

    // Unlocking with a PIN: Argon2id unwraps the key, the store opens, Now reads.
    vault.set_passcode(&key, ebb_core::PasscodeKind::Pin, "2580").unwrap();
    let mut unlock = Vec::new();
    for _ in 0..10 {
        let started = Instant::now();
        let unwrapped = vault.unlock("2580").unwrap();
        now_reads(&Store::open(&ours_path, &unwrapped).unwrap());
        unlock.push(started.elapsed());
    }

    let mut store = Store::open(&ours_path, &key).unwrap();
    let mut plain_store = Store::open_unencrypted(&plain_path).unwrap();
    // Two tracked things: every log then looks up the one used last (the slowest default path).
    for name in ["evening wine", "vaping"] {
        store.add_thing(NewThing { name: name.into(), goal: Goal::Stop }).unwrap();
        plain_store.add_thing(NewThing { name: name.into(), goal: Goal::Stop }).unwrap();
    }
    let mut floor = floor_connection(&floor_path, Some(&key));
    let intensity = Intensity::try_from(6).unwrap();

    let raw_insert = |conn: &mut Connection| {
        let now = Utc::now().timestamp_millis();
        let tx = conn.transaction().unwrap();
        tx.prepare_cached(
            "INSERT INTO urges (id, occurred_at, utc_offset_minutes, intensity, note, created_at, \
             updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .unwrap()
        .execute(params![uuid::Uuid::now_v7().to_string(), now, 60, 6, None::<String>, now, now])
        .unwrap();
        tx.commit().unwrap();
    };

    let mut ours = Vec::with_capacity(WRITE_SAMPLES);
    let mut raw = Vec::with_capacity(WRITE_SAMPLES);
    let mut plain = Vec::with_capacity(WRITE_SAMPLES);
    for i in 0..WRITE_SAMPLES {
        let started = Instant::now();
        store.log_urge(NewUrge::now(intensity)).unwrap();
        ours.push(started.elapsed());

        let started = Instant::now();
        raw_insert(&mut floor);
        raw.push(started.elapsed());

        let started = Instant::now();
        plain_store.log_urge(NewUrge::now(intensity)).unwrap();
        plain.push(started.elapsed());
        if i % 250 == 249 {
            eprintln!("  {} writes each…", i + 1);
        }
    }

    // The whole capture as the UI does it: log with a note, then three chip taps, each durable.
    let mut capture = Vec::with_capacity(WRITE_SAMPLES);
    let mut outcomes = Vec::with_capacity(WRITE_SAMPLES);
    for _ in 0..WRITE_SAMPLES {
        let started = Instant::now();
        let urge = store
            .log_urge(NewUrge {
                note: Some("after the call, tired".into()),
                ..NewUrge::now(intensity)
            })
            .unwrap();
        for chip in ["builtin-trigger-after-work", "builtin-feeling-tired", "builtin-company-alone"]
        {
            store.set_urge_chip(&urge.id, chip, true).unwrap();
        }
        capture.push(started.elapsed());

        let started = Instant::now();
        store
            .set_outcome(OutcomeInput {
                urge_id: urge.id,
                intensity_after: Some(Intensity::try_from(3).unwrap()),
                action: Some(UseAction::UsedLess),
                amount: None,
                note: None,
            })
            .unwrap();
        outcomes.push(started.elapsed());
    }

    let mut first_page = Vec::with_capacity(READ_SAMPLES);
    for _ in 0..READ_SAMPLES {
        let started = Instant::now();
        let page = store.urges_page(None, 30).unwrap();
        first_page.push(started.elapsed());
        assert_eq!(page.urges.len(), 30);
    }

    let (ours, raw, page) = (stats(ours), stats(raw), stats(first_page));
    let plain = stats(plain);
    let (open_encrypted, open_plain) = (stats(open_encrypted), stats(open_plain));
    let unlock = stats(unlock);
    let (capture, outcomes) = (stats(capture), stats(outcomes));
    let size = std::fs::metadata(&ours_path).map(|m| m.len()).unwrap_or(0);
    let row = |name: &str, stats: &Stats, goal: &str| {
        println!("| {name:<42} | {:>10} | {:>10} | {goal:<12} |", ms(stats.median), ms(stats.p99));
    };
    println!();
    println!(
        "ebb-core store, {ROWS} cravings ({:.1} MB database, SQLCipher), synchronous=FULL",
        size as f64 / 1e6
    );
    println!("| {:<42} | {:>10} | {:>10} | {:<12} |", "operation", "median", "p99", "goal");
    println!("|{}|{}|{}|{}|", "-".repeat(44), "-".repeat(12), "-".repeat(12), "-".repeat(14));
    let ratio = |name: &str, a: &Stats, b: &Stats, goal: &str| {
        println!(
            "| {name:<42} | {:>9.2}x | {:>9.2}x | {goal:<12} |",
            a.median.as_secs_f64() / b.median.as_secs_f64(),
            a.p99.as_secs_f64() / b.p99.as_secs_f64(),
        );
    };
    row("open + Now's first reads, encrypted", &open_encrypted, "");
    row("open + Now's first reads, plain SQLite", &open_plain, "");
    ratio("ratio encrypted / plain", &open_encrypted, &open_plain, "<= 1.15x");
    row("unlock with a PIN (Argon2id + open + Now)", &unlock, "< 1000 ms");
    row("log a craving (durable, encrypted)", &ours, "p99 < 5 ms");
    row("floor: raw SQLCipher insert, same pragmas", &raw, "");
    ratio("ratio log / SQLCipher floor", &ours, &raw, "p99 <= 1.2x");
    row("log a craving, plain SQLite store", &plain, "");
    ratio("ratio encrypted log / plain log", &ours, &plain, "p99 <= 1.5x");
    row("log + note + 3 chips (4 durable commits)", &capture, "p99 < 5 ms");
    row("add an outcome (durable)", &outcomes, "");
    row("History first page (30, chips, outcomes)", &page, "< 20 ms");
}
