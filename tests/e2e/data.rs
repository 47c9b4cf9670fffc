//! Never lose it (#11) on the real app at 390×844: a backup made from Settings, a store with
//! damaged middle pages caught after the first screen and restored from its newest backup (Help
//! now reachable from that screen), and an export opened in a fresh data folder with the same
//! counts in History and Insights.

use std::io::{Seek, SeekFrom, Write};

use anyhow::Result;
use chrono::Utc;
use ebb_core::{BackupReason, GenerateOptions};
use ebb_e2e::App;
use serde_json::json;

const CRAVINGS: usize = 300;

/// A data folder holding generated cravings and one good backup of them.
fn folder_with_backup() -> Result<tempfile::TempDir> {
    let dir = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
    let db = dir.path().join("ebb.db");
    let mut store = ebb_e2e::open_store(&db)?;
    store.generate(&GenerateOptions::new(CRAVINGS, 5, Utc::now()))?;
    drop(store);
    let key = ebb_core::keys::tool_key(&db)?;
    ebb_core::backup::make_backup(&db, &key, Utc::now(), BackupReason::Daily)?;
    Ok(dir)
}

async fn history_count(app: &App) -> Result<String> {
    app.tap("[data-place=history]").await?;
    app.wait_for_text("in all").await?;
    let body = app.eval("return document.body.innerText").await?;
    let body = body.as_str().unwrap_or_default();
    Ok(body.lines().find(|l| l.contains("in all")).unwrap_or_default().trim().to_owned())
}

async fn insights_cravings(app: &App) -> Result<String> {
    app.tap("[data-place=insights]").await?;
    app.tap("[data-range=all]").await.ok();
    app.wait_for("[data-counter=cravings] .value").await?;
    Ok(app.texts("[data-counter=cravings] .value").await?.join(""))
}

#[tokio::test]
async fn back_up_now_from_settings_lists_the_backup() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-intensity='6']").await?;
    app.wait_for_text("Saved").await?;
    app.open_settings("data").await?;
    app.tap("[data-testid=back-up-now]").await?;
    app.wait_for_text("Backed up.").await?;
    let items = app.texts("[data-testid=backups-settings] [data-testid=backup-item]").await?;
    assert_eq!(items.len(), 1, "the new backup is listed: {items:?}");
    assert!(items[0].contains("1 craving"), "with how many cravings it holds: {items:?}");
    app.eval("document.querySelector('[data-testid=backups-settings]').scrollIntoView()").await?;
    app.screenshot("settings-backups").await?;
    let files: Vec<_> = std::fs::read_dir(app.data_dir().join("backups"))?.collect();
    assert_eq!(files.len(), 1, "one file in backups/");
    app.close().await
}

#[tokio::test]
async fn damaged_middle_pages_are_caught_and_the_newest_backup_restores_everything() -> Result<()> {
    let dir = folder_with_backup()?;
    let db = dir.path().join("ebb.db");
    // A failing disk: three pages in the middle of the file overwritten.
    let pages = std::fs::metadata(&db)?.len() / 4096;
    let mut file = std::fs::OpenOptions::new().write(true).open(&db)?;
    for page in [pages / 2, pages / 2 + 1, pages / 2 + 5] {
        file.seek(SeekFrom::Start(page * 4096 + 200))?;
        file.write_all(&[0x33; 700])?;
    }
    drop(file);
    let damaged = std::fs::read(&db)?;

    let app = App::start_in(dir.path()).await?;
    // Caught after the first screen, without the person doing anything.
    app.wait_for("[data-testid=damaged-view]").await?;
    app.wait_for_text("damaged").await?;
    app.screenshot("damaged-view").await?;
    let raw = app.invoke("log_urge", json!({ "request": { "intensity": 4 } })).await?;
    assert_eq!(raw.unwrap_err()["code"], "damaged", "no writes to a damaged file");

    // Help now is on this screen too.
    app.tap("[data-testid=help-now]").await?;
    app.wait_for_text("999").await?;
    app.tap("[data-action=close-help-now]").await?;

    app.tap("[data-testid=restore-newest]").await?;
    app.wait_for("[data-intensity]").await?;
    assert_eq!(
        app.invoke("count_urges", json!({})).await?,
        Ok(json!(CRAVINGS)),
        "every craving of the backup is back"
    );
    assert_eq!(history_count(&app).await?, format!("{CRAVINGS} cravings in all"));
    app.close().await?;

    let aside: Vec<_> = std::fs::read_dir(dir.path())?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .filter(|n| n.starts_with("ebb-damaged-") && n.ends_with(".db"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is moved aside, not deleted: {aside:?}");
    assert_eq!(std::fs::read(dir.path().join(&aside[0]))?, damaged, "byte for byte");
    Ok(())
}

#[tokio::test]
async fn an_export_opens_in_a_fresh_folder_with_the_same_counts() -> Result<()> {
    let from = folder_with_backup()?;
    let out = tempfile::tempdir()?;
    let file = out.path().join("ebb-2026-11-29.ebbx");
    let app = App::start_in(from.path()).await?;
    let before_history = history_count(&app).await?;
    let before_insights = insights_cravings(&app).await?;
    app.open_settings("data").await?;
    app.wait_for("[data-testid=data-settings]").await?;
    app.eval("document.querySelector('[data-testid=data-settings]').scrollIntoView()").await?;
    app.screenshot("settings-your-data").await?;
    // The save dialog is the platform's own and can't be driven here: the path it would give.
    let saved = app
        .invoke(
            "export_data",
            json!({ "request": { "path": file, "passphrase": "a lake, a new phone" } }),
        )
        .await?
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    assert_eq!(saved["cravings"], CRAVINGS);
    app.close().await?;

    let to = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
    let app = App::start_in(to.path()).await?;
    let wrong = app
        .invoke(
            "preview_import",
            json!({ "request": { "path": file, "passphrase": "not it at all" } }),
        )
        .await?;
    assert!(
        wrong.unwrap_err()["message"].as_str().unwrap_or_default().contains("passphrase"),
        "a wrong passphrase is named as such"
    );
    let preview = app
        .invoke(
            "preview_import",
            json!({ "request": { "path": file, "passphrase": "a lake, a new phone" } }),
        )
        .await?
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    assert_eq!(preview["counts"][0]["inFile"], CRAVINGS, "{preview}");
    app.invoke("import_data", json!({ "request": { "mode": "replace" } }))
        .await?
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    app.close().await?;

    let app = App::start_in(to.path()).await?;
    assert_eq!(history_count(&app).await?, before_history, "History counts the same");
    assert_eq!(insights_cravings(&app).await?, before_insights, "and so does Insights");
    app.close().await
}

#[tokio::test]
async fn with_no_backup_what_can_still_be_read_is_saved_into_a_new_store() -> Result<()> {
    let dir = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
    let db = dir.path().join("ebb.db");
    let mut store = ebb_e2e::open_store(&db)?;
    store.generate(&GenerateOptions::new(2_000, 8, Utc::now()))?;
    drop(store);
    let pages = std::fs::metadata(&db)?.len() / 4096;
    let mut file = std::fs::OpenOptions::new().write(true).open(&db)?;
    file.seek(SeekFrom::Start(pages * 2 / 3 * 4096 + 300))?;
    file.write_all(&[0x44; 500])?;
    drop(file);

    let app = App::start_in(dir.path()).await?;
    app.wait_for("[data-testid=damaged-view]").await?;
    app.wait_for_text("no backup Ebb can read").await?;
    app.tap("[data-testid=recover-readable]").await?;
    app.tap("[data-testid=confirm-recover]").await?;
    app.wait_for_text("from the damaged file").await?;
    app.screenshot("recovered-notice").await?;
    let count = app.invoke("count_urges", json!({})).await?.map_err(|e| anyhow::anyhow!("{e}"))?;
    let count = count.as_u64().unwrap_or(0);
    assert!(count > 1_000 && count <= 2_000, "most cravings saved: {count}");
    app.close().await
}
