//! Encryption at rest (#10): no plain text in any file, a wrong key changes nothing, a plain
//! store from an older Ebb is encrypted with every row kept, even when killed at each step.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::Utc;
use ebb_core::{
    DataKey, GenerateOptions, Intensity, NewJournalEntry, NewUrge, Store, encrypting_path,
};

use crate::support::table_sums;

const NOTE_MARKER: &str = "NOTE-7f3a-only-in-this-test";
const JOURNAL_MARKER: &str = "JOURNAL-9c2e-only-in-this-test";

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Every file in the folder whose raw bytes hold `needle`.
fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && contains(&std::fs::read(p).unwrap(), needle))
        .collect()
}

fn log_with_note_and_journal(store: &mut Store) {
    let urge = store
        .log_urge(NewUrge {
            note: Some(format!("after the call, {NOTE_MARKER}")),
            ..NewUrge::now(Intensity::try_from(7).unwrap())
        })
        .unwrap();
    store
        .create_journal_entry(NewJournalEntry {
            body: format!("A hard evening. {JOURNAL_MARKER}"),
            urge_id: Some(urge.id),
            ..Default::default()
        })
        .unwrap();
}

/// A plain store as an older Ebb left it: generated data plus a note and a journal entry that
/// the tests look for in the raw bytes, not checkpointed (part of it still in the `-wal`).
fn plain_store(dir: &Path) -> (PathBuf, BTreeMap<String, (usize, u64)>) {
    let path = dir.join("ebb.db");
    let mut store = Store::open_unencrypted(&path).unwrap();
    store.generate(&GenerateOptions::new(300, 7, Utc::now())).unwrap();
    log_with_note_and_journal(&mut store);
    let sums = table_sums(store.connection());
    assert!(
        !files_holding(dir, NOTE_MARKER).is_empty(),
        "the fixture must really be plain, or the test proves nothing"
    );
    // Left open-ended as a crash would leave it: no checkpoint, the log kept.
    std::mem::forget(store);
    (path, sums)
}

#[test]
fn no_file_holds_a_note_or_journal_text_in_plain() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ebb.db");
    let mut store = Store::open(&path, &crate::test_key()).unwrap();
    log_with_note_and_journal(&mut store);
    let wal = std::fs::read(dir.path().join("ebb.db-wal")).unwrap();
    assert!(wal.len() > 4096, "the writes must still be in the log, so the log is what's tested");
    for name in ["ebb.db", "ebb.db-wal", "ebb.db-shm"] {
        let bytes = std::fs::read(dir.path().join(name)).unwrap();
        for marker in [NOTE_MARKER, JOURNAL_MARKER] {
            assert!(!contains(&bytes, marker), "{name} must not hold {marker} in plain");
        }
    }
    assert!(
        !contains(&std::fs::read(&path).unwrap(), "SQLite format 3"),
        "even the header is encrypted: the file doesn't say it is SQLite"
    );
    drop(store);
    assert!(files_holding(dir.path(), NOTE_MARKER).is_empty(), "nor after the checkpoint on close");
    assert!(files_holding(dir.path(), JOURNAL_MARKER).is_empty(), "nor the journal entry");
}

#[test]
fn a_wrong_key_is_refused_and_the_file_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ebb.db");
    let mut store = Store::open(&path, &crate::test_key()).unwrap();
    log_with_note_and_journal(&mut store);
    drop(store);
    let before = std::fs::read(&path).unwrap();

    let other = DataKey::generate().unwrap();
    let err = Store::open(&path, &other).unwrap_err();
    assert_eq!(err.code(), "wrong_key", "another key must be named as such: {err:?}");
    assert!(err.to_string().contains("Nothing was changed"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "a refused open must not write one byte");
    assert!(!dir.path().join("ebb.db-wal").exists(), "not even a log is started");

    let again = Store::open(&path, &crate::test_key()).unwrap();
    assert_eq!(again.count_urges().unwrap(), 1, "the right key still opens everything");
}

#[test]
fn a_plain_store_is_encrypted_on_first_open_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let (path, sums) = plain_store(dir.path());

    let store = Store::open(&path, &crate::test_key()).unwrap();
    assert_eq!(
        table_sums(store.connection()),
        sums,
        "every table keeps every row, value for value"
    );
    let integrity: String =
        store.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    drop(store);

    for marker in [NOTE_MARKER, JOURNAL_MARKER] {
        assert!(
            files_holding(dir.path(), marker).is_empty(),
            "no file may still hold {marker} in plain"
        );
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("ebb.db") && !n.contains("plain") && !n.contains("encrypting")),
        "no copy is left behind: {names:?}"
    );
}

/// Opens a plain store with `ebb-cli`, which stops at `step` of the upgrade; SIGKILLs it there.
fn kill_upgrade_at(path: &Path, step: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ebb-cli"))
        .args(["count", path.to_str().unwrap()])
        .env("EBB_PAUSE_AT", step)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let line = lines.next().map(Result::unwrap).unwrap_or_default();
    assert_eq!(line, format!("paused-at {step}"), "the writer must reach {step} before the kill");
    // SIGKILL: no destructor, no rollback, no cleanup runs.
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed, not finished");
}

#[test]
fn sigkill_at_each_step_of_the_upgrade_leaves_a_whole_store() {
    for step in ["encrypt-exported", "encrypt-verified", "encrypt-linked", "encrypt-renamed"] {
        let dir = tempfile::tempdir().unwrap();
        let (path, sums) = plain_store(dir.path());
        kill_upgrade_at(&path, step);

        // What the kill left is either the plain store or the encrypted one, whole.
        let key = ebb_core::keys::tool_key(&path).unwrap();
        let store = Store::open(&path, &key).unwrap();
        assert_eq!(
            table_sums(store.connection()),
            sums,
            "after a kill at {step}, the next start has every row"
        );
        let integrity: String =
            store.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(integrity, "ok", "after a kill at {step}");
        drop(store);
        assert!(
            files_holding(dir.path(), NOTE_MARKER).is_empty(),
            "after a kill at {step} and a start, no plain copy remains"
        );
        assert!(!encrypting_path(&path).exists(), "the unfinished copy is gone after {step}");
    }
}

#[test]
fn a_plain_store_from_a_newer_ebb_is_not_encrypted_or_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ebb.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE later (x); PRAGMA user_version = 999;").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, &crate::test_key()).unwrap_err();
    assert_eq!(err.code(), "data_too_new", "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "left byte for byte");
    assert!(!encrypting_path(&path).exists(), "no copy was started");
}
