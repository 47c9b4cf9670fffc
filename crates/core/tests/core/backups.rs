//! Backups (#11): encrypted, checked copies; retention over simulated months; restore that can
//! be undone; SIGKILL mid-backup and mid-restore; a store with damaged middle pages caught by the
//! quick check, set aside (never deleted) and replaced by its newest backup.

use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use chrono::{Duration, TimeZone, Utc};
use ebb_core::backup::{self, BACKUP_DIR};
use ebb_core::{BackupReason, GenerateOptions, Intensity, NewUrge, Store};

const MARKER: &str = "BACKUP-NOTE-5b1e-only-here";

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn log(store: &mut Store, note: &str) {
    store
        .log_urge(NewUrge {
            note: Some(note.to_owned()),
            ..NewUrge::now(Intensity::try_from(6).unwrap())
        })
        .unwrap();
}

fn backup_names(db: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(db.parent().unwrap().join(BACKUP_DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_is_an_encrypted_checked_copy_with_every_craving() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let key = crate::test_key();
    let mut store = Store::open(&db, &key).unwrap();
    log(&mut store, MARKER);
    log(&mut store, "second");

    // Made while the store is open and in use, on its own connection.
    let info = backup::make_backup(&db, &key, Utc::now(), BackupReason::Manual).unwrap();
    log(&mut store, "after the backup");
    assert_eq!(info.cravings, Some(2), "the backup holds what was there when it was made");
    let path = dir.path().join(BACKUP_DIR).join(&info.name);
    let bytes = std::fs::read(&path).unwrap();
    assert!(!contains(&bytes, MARKER), "a backup is encrypted like the store");
    assert!(!contains(&bytes, "SQLite format 3"), "not even the header is plain");
    assert_eq!(backup_names(&db), std::slice::from_ref(&info.name), "one file, no temporary left");

    let listed = backup::list_backups(&db, &key).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].cravings, listed[0].reason), (Some(2), BackupReason::Manual));
    let other = ebb_core::DataKey::generate().unwrap();
    assert_eq!(
        backup::list_backups(&db, &other).unwrap()[0].cravings,
        None,
        "another key reads nothing from it"
    );
}

#[test]
fn retention_keeps_7_days_4_weeks_12_months_over_a_simulated_year() {
    let start = Utc.with_ymd_and_hms(2025, 1, 1, 20, 0, 0).unwrap();
    // Two backups a day for 400 days.
    let times: Vec<_> = (0..800).map(|i| start + Duration::hours(12 * i64::from(i))).collect();
    let now = *times.last().unwrap();
    let keep = backup::to_keep(&times, now);
    let kept: Vec<_> = keep.iter().map(|&i| times[i]).collect();
    assert!(kept.contains(&now), "the newest is always kept");
    assert!(
        kept.len() <= 3 + 7 + 4 + 12,
        "the last day's, then at most one per day, week and month: {}",
        kept.len()
    );
    for days_ago in 0..7 {
        let day = (now - Duration::days(days_ago)).date_naive();
        assert!(kept.iter().any(|t| t.date_naive() == day), "one of each of the last 7 days");
    }
    let oldest = kept.iter().min().unwrap();
    assert!(now - *oldest > Duration::days(300), "monthly ones reach back most of a year");
    assert!(now - *oldest < Duration::days(366), "and no further than 12 months");

    // With real files: daily backups over 100 simulated days leave what the rule keeps.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let key = crate::test_key();
    let mut store = Store::open(&db, &key).unwrap();
    log(&mut store, "one");
    drop(store);
    let mut made = Vec::new();
    for day in 0..100 {
        let at = start + Duration::days(day);
        assert!(backup::daily_due(&db, at), "a day later, the next daily backup is due");
        made.push(backup::make_backup(&db, &key, at, BackupReason::Daily).unwrap().made_at);
        assert!(!backup::daily_due(&db, at + Duration::hours(3)), "not twice a day");
    }
    let names = backup_names(&db);
    let expected = backup::to_keep(&made, *made.last().unwrap()).len();
    assert_eq!(names.len(), expected, "exactly what the rule keeps is on disk: {names:?}");
    assert!(names.len() < 20, "100 days of backups are not 100 files: {}", names.len());
}

#[test]
fn a_restore_backs_up_first_so_it_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let key = crate::test_key();
    let mut store = Store::open(&db, &key).unwrap();
    log(&mut store, "before");
    let older = backup::make_backup(&db, &key, Utc::now(), BackupReason::Manual).unwrap();
    log(&mut store, "after");
    drop(store);

    let later = Utc::now() + Duration::seconds(5);
    let before = backup::restore_backup(&db, &key, &older.name, later).unwrap();
    assert_eq!(before.reason, BackupReason::BeforeRestore);
    assert_eq!(before.cravings, Some(2), "what was there is kept before it is replaced");
    let store = Store::open(&db, &key).unwrap();
    assert_eq!(store.count_urges().unwrap(), 1, "the store is the backup now");
    drop(store);

    // And back again.
    backup::restore_backup(&db, &key, &before.name, later + Duration::seconds(5)).unwrap();
    assert_eq!(Store::open(&db, &key).unwrap().count_urges().unwrap(), 2, "undone");

    for bad in ["../ebb.db", "ebb-20990101-000000-manual.db", "nonsense"] {
        let err = backup::restore_backup(&db, &key, bad, later).unwrap_err();
        assert!(matches!(err.code(), "invalid_input" | "not_found"), "{bad}: {err:?}");
    }
    assert_eq!(
        Store::open(&db, &key).unwrap().count_urges().unwrap(),
        2,
        "refusals change nothing"
    );
}

fn kill_cli_at(args: &[&str], step: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ebb-cli"))
        .args(args)
        .env("EBB_PAUSE_AT", step)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let line = BufReader::new(child.stderr.take().unwrap()).lines().next();
    assert_eq!(line.map(Result::unwrap).unwrap_or_default(), format!("paused-at {step}"));
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success(), "killed at {step}");
}

#[test]
fn sigkill_during_a_backup_or_a_restore_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let key = ebb_core::keys::tool_key(&db).unwrap();
    let mut store = Store::open(&db, &key).unwrap();
    for i in 0..50 {
        log(&mut store, &format!("craving {i}"));
    }
    let older = backup::make_backup(&db, &key, Utc::now(), BackupReason::Manual).unwrap();
    log(&mut store, "one more");
    drop(store);

    kill_cli_at(&["backup", db.to_str().unwrap()], "backup-copied");
    let store = Store::open(&db, &key).unwrap();
    assert_eq!(store.count_urges().unwrap(), 51, "a killed backup changes nothing in the store");
    drop(store);
    let listed = backup::list_backups(&db, &key).unwrap();
    assert!(listed.iter().all(|b| b.cravings.is_some()), "no half-made backup is listed");

    kill_cli_at(&["restore", db.to_str().unwrap(), &older.name], "restore-copied");
    let store = Store::open(&db, &key).unwrap();
    assert_eq!(store.count_urges().unwrap(), 51, "a killed restore leaves the store as it was");
    let ok: String =
        store.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn damaged_middle_pages_are_caught_set_aside_and_replaced_by_the_newest_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let key = crate::test_key();
    let mut store = Store::open(&db, &key).unwrap();
    store.generate(&GenerateOptions::new(2_000, 3, Utc::now())).unwrap();
    drop(store);
    assert_eq!(backup::quick_check(&db, &key).unwrap(), None, "sound before the damage");
    let good = backup::make_backup(&db, &key, Utc::now(), BackupReason::Daily).unwrap();

    // Damage three pages in the middle, as a failing disk would.
    let len = std::fs::metadata(&db).unwrap().len();
    let mut file = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    for page in [len / 4096 / 2, len / 4096 / 2 + 1, len / 4096 / 2 + 7] {
        file.seek(SeekFrom::Start(page * 4096 + 100)).unwrap();
        file.write_all(&[0xA5; 512]).unwrap();
    }
    drop(file);
    let damaged = std::fs::read(&db).unwrap();

    let found = backup::quick_check(&db, &key).unwrap();
    assert!(found.is_some(), "the quick check must see damaged middle pages");

    let now = Utc::now();
    let aside = backup::restore_over_damaged(&db, &key, &good.name, now).unwrap();
    assert_eq!(std::fs::read(&aside).unwrap(), damaged, "the damaged file is kept, byte for byte");
    assert!(aside.file_name().unwrap().to_string_lossy().starts_with("ebb-damaged-"));
    let store = Store::open(&db, &key).unwrap();
    assert_eq!(store.count_urges().unwrap(), 2_000, "the newest backup's cravings are all back");
    assert_eq!(backup::quick_check(&db, &key).unwrap(), None, "and the store is sound");
}

#[test]
fn what_can_still_be_read_is_recovered_into_a_new_store_and_the_damaged_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let key = crate::test_key();
    let mut store = Store::open(&db, &key).unwrap();
    store.generate(&GenerateOptions::new(3_000, 9, Utc::now())).unwrap();
    drop(store);
    let len = std::fs::metadata(&db).unwrap().len();
    let mut file = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    for page in [len / 4096 * 2 / 3, len / 4096 * 2 / 3 + 3] {
        file.seek(SeekFrom::Start(page * 4096 + 300)).unwrap();
        file.write_all(&[0x42; 300]).unwrap();
    }
    drop(file);
    let damaged = std::fs::read(&db).unwrap();
    assert!(backup::quick_check(&db, &key).unwrap().is_some(), "the damage is real");

    let saved = backup::recover_readable(&db, &key, Utc::now()).unwrap();
    assert!(saved.cravings > 2_000, "most cravings are on readable pages: {saved:?}");
    assert!(saved.cravings < 3_000 || saved.lost > 0, "and what was lost is counted: {saved:?}");
    assert_eq!(std::fs::read(&saved.damaged_file).unwrap(), damaged, "the damaged file is kept");
    let store = Store::open(&db, &key).unwrap();
    assert_eq!(backup::quick_check(&db, &key).unwrap(), None, "the new store is sound");
    assert_eq!(store.count_urges().unwrap(), saved.cravings);
    let dangling: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(dangling, 0, "nothing points at a lost record");
    let insights =
        store.insights(&ebb_core::InsightsRequest { range: ebb_core::InsightsRange::All }).unwrap();
    assert_eq!(insights.counters.cravings, saved.cravings, "Insights' totals were rebuilt");
}

#[test]
fn a_backup_finishes_while_the_person_keeps_logging() {
    // Without a fixed snapshot, each write by another connection restarts SQLite's backup from
    // its first page; with a write every few milliseconds it would never end.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let key = crate::test_key();
    let mut store = Store::open(&db, &key).unwrap();
    store.generate(&GenerateOptions::new(5_000, 2, Utc::now())).unwrap();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let done = std::sync::Arc::clone(&done);
        std::thread::spawn(move || {
            // A bound so a regression fails instead of hanging: writes stop after 30 s, and
            // the assertion below says the backup had to wait for that.
            let started = std::time::Instant::now();
            let mut logged = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                if started.elapsed() > std::time::Duration::from_secs(30) {
                    return (store, logged, true);
                }
                log(&mut store, "during the backup");
                logged += 1;
            }
            (store, logged, false)
        })
    };
    let info =
        backup::make_backup(&db, &crate::test_key(), Utc::now(), BackupReason::Manual).unwrap();
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let (store, logged, stopped_first) = writer.join().unwrap();
    assert!(!stopped_first, "the backup must finish while writes go on, not only once they stop");
    assert!(logged > 0, "the person logged while the backup ran");
    let cravings = info.cravings.unwrap();
    assert!((5_000..5_000 + logged).contains(&cravings), "a consistent snapshot: {cravings}");
    assert_eq!(store.count_urges().unwrap(), 5_000 + logged, "and every log landed");
}
