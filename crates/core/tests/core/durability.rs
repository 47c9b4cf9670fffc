//! A craving reported saved survives the process being killed mid-write.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use ebb_core::Store;

/// How many saves the writer reports before it is killed.
const REPORTED: usize = 200;

#[test]
fn every_reported_save_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ebb-cli"))
        .args(["log", db.to_str().unwrap(), "6", "--note", "durable", "--repeat", "1000000"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut reported = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        let id = line.rsplit(' ').next().unwrap().to_owned();
        reported.push(id);
        if reported.len() == REPORTED {
            break;
        }
    }
    // SIGKILL: no destructor, no flush, no checkpoint runs in the writer.
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the writer must have been killed, not finished: {status}");
    assert_eq!(reported.len(), REPORTED, "the writer reported {REPORTED} saves before the kill");

    // The writer made the folder's key file (no keystore here); the same key reads it back.
    let key = ebb_core::keys::tool_key(&db).unwrap();
    let store = Store::open(&db, &key).unwrap();
    let integrity: String =
        store.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok", "the database must be intact after a kill");
    let missing: Vec<_> = reported.iter().filter(|id| store.urge(id).is_err()).collect();
    assert!(missing.is_empty(), "every craving reported saved must be there; missing {missing:?}");
    assert!(store.count_urges().unwrap() >= REPORTED as u64);
}

fn cli_count(db: &std::path::Path) -> u64 {
    let out = Command::new(env!("CARGO_BIN_EXE_ebb-cli"))
        .args(["count", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

#[test]
fn another_process_sees_every_write_while_a_second_connection_comes_and_goes() {
    // The app keeps its store open and opens a second connection for background reads. If
    // that second open touched the file outside SQLite, closing the raw descriptor would drop
    // the app's locks (POSIX locks are per process); another process closing its connection
    // would then believe it was the last, checkpoint and delete the log, and every later write
    // of the app would go to a deleted file.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let key = ebb_core::keys::tool_key(&db).unwrap();
    let mut store = Store::open(&db, &key).unwrap();
    store.log_urge(ebb_core::NewUrge::now(ebb_core::Intensity::try_from(5).unwrap())).unwrap();
    for round in 1..=3_u64 {
        drop(Store::open_another(&db, &key).unwrap());
        assert_eq!(cli_count(&db), round, "another process sees the writes so far");
        store.log_urge(ebb_core::NewUrge::now(ebb_core::Intensity::try_from(5).unwrap())).unwrap();
    }
    assert_eq!(cli_count(&db), 4, "and the writes after its connection closed");
}
