//! Backups, damage, export and import through real IPC dispatch (Tauri's mock runtime) on real
//! encrypted stores in temporary folders.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};

use crate::lock_tests::{Window, app};
use crate::smoke_tests::call;

fn log(window: &Window, n: usize) {
    for _ in 0..n {
        call(window, "log_urge", json!({ "request": { "intensity": 6 } })).unwrap();
    }
}

#[test]
fn back_up_now_then_restore_it_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, window) = app(dir.path());
    log(&window, 2);
    let made = call(&window, "back_up_now", json!({})).unwrap();
    assert_eq!(made["cravings"], 2, "{made}");
    log(&window, 3);
    let listed = call(&window, "list_backups", json!({})).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    let name = made["name"].clone();
    assert_eq!(
        call(&window, "restore_backup", json!({ "request": { "name": name } })),
        Ok(Value::Null)
    );
    assert_eq!(
        call(&window, "count_urges", json!({})),
        Ok(json!(2)),
        "the backup is the store now"
    );
    let listed = call(&window, "list_backups", json!({})).unwrap();
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["reason"] == "beforeRestore" && b["cravings"] == 5),
        "what was there before is kept: {listed}"
    );
    let bad = call(&window, "restore_backup", json!({ "request": { "name": "../ebb.db" } }));
    assert_eq!(bad.unwrap_err()["code"], "invalid_input");
}

#[test]
fn a_damaged_store_answers_damaged_and_a_backup_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    {
        let (_app, window) = app(dir.path());
        log(&window, 300);
        call(&window, "back_up_now", json!({})).unwrap();
    }
    // Everything into the main file first: damage to a page that the log still holds a newer
    // copy of is no damage at all (the checkpoint overwrites it), and which pages those are
    // shifts with every change of the schema.
    {
        let key = ebb_core::keys::tool_key(&db).unwrap();
        let store = ebb_core::Store::open_another(&db, &key).unwrap();
        let (busy, _, _): (i64, i64, i64) = store
            .connection()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(busy, 0, "the whole log was copied into the file");
    }
    // Damage pages in the middle of the file.
    let len = std::fs::metadata(&db).unwrap().len();
    let mut bytes = std::fs::read(&db).unwrap();
    let middle = (len / 4096 / 2 * 4096) as usize;
    bytes[middle + 64..middle + 1024].fill(0x5a);
    std::fs::write(&db, &bytes).unwrap();

    let (_app, window) = app(dir.path());
    let found = call(&window, "ui_ready", json!({})).unwrap_err();
    assert_eq!(found["code"], "damaged", "the quick check after the first screen says so: {found}");
    let status = call(&window, "app_status", json!({})).unwrap();
    assert_eq!(status["problem"]["code"], "damaged");
    assert_eq!(
        call(&window, "log_urge", json!({ "request": { "intensity": 3 } })).unwrap_err()["code"],
        "damaged",
        "no writes to a damaged file"
    );

    let newest = call(&window, "list_backups", json!({})).unwrap()[0].clone();
    assert_eq!(newest["cravings"], 300);
    assert_eq!(
        call(&window, "restore_backup", json!({ "request": { "name": newest["name"] } })),
        Ok(Value::Null)
    );
    assert_eq!(call(&window, "count_urges", json!({})), Ok(json!(300)));
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("ebb-damaged-") && n.ends_with(".db"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept beside: {aside:?}");
    assert_eq!(std::fs::read(dir.path().join(&aside[0])).unwrap(), bytes, "byte for byte");
}

#[test]
fn export_then_preview_and_merge_into_another_store_through_ipc() {
    let from = tempfile::tempdir().unwrap();
    let to = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("ebb.ebbx");
    let (_a, a) = app(from.path());
    log(&a, 4);
    let request = json!({ "request": { "path": file, "passphrase": "a long passphrase" } });
    let report = call(&a, "export_data", request).unwrap();
    assert_eq!(report["cravings"], 4, "{report}");
    let short = call(
        &a,
        "export_data",
        json!({ "request": { "path": out.path().join("x"), "passphrase": "short" } }),
    );
    assert_eq!(short.unwrap_err()["code"], "invalid_input");
    let csv = call(&a, "export_csv", json!({ "request": { "path": out.path().join("ebb.zip") } }))
        .unwrap();
    assert_eq!(csv["cravings"], 4);

    let (_b, b) = app(to.path());
    log(&b, 1);
    let nothing = call(&b, "import_data", json!({ "request": { "mode": "merge" } })).unwrap_err();
    assert_eq!(nothing["code"], "invalid_input", "nothing previewed yet: {nothing}");
    let wrong = call(
        &b,
        "preview_import",
        json!({ "request": { "path": file, "passphrase": "not the one" } }),
    );
    assert_eq!(wrong.unwrap_err()["code"], "invalid_input");
    let preview = call(
        &b,
        "preview_import",
        json!({ "request": { "path": file, "passphrase": "a long passphrase" } }),
    )
    .unwrap();
    assert_eq!(preview["counts"][0]["inFile"], 4, "{preview}");
    let merged = call(&b, "import_data", json!({ "request": { "mode": "merge" } })).unwrap();
    assert_eq!(merged["added"].as_u64().map(|n| n >= 4), Some(true), "{merged}");
    assert_eq!(call(&b, "count_urges", json!({})), Ok(json!(5)), "the union");
}
