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
