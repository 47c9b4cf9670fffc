//! Keep it private (#10) on the real app at 390×844: the store on disk is encrypted, a PIN locks
//! Ebb at start and after time away, a wrong PIN waits, the recovery code sets a new PIN, every
//! command answers `locked` while locked, and Help now is one tap away on the pad.

use anyhow::Result;
use ebb_e2e::App;
use serde_json::json;

const NOTE: &str = "E2E-private-note-41d7";

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Settings → Privacy and lock → set a PIN, typed twice; returns the recovery code shown once.
async fn set_pin(app: &App, pin: &str) -> Result<String> {
    app.open_settings("privacy").await?;
    app.tap("[data-testid=set-pin]").await?;
    app.type_into("[data-testid=passcode-input]", pin).await?;
    app.type_into("[data-testid=passcode-again]", pin).await?;
    app.tap("[data-testid=passcode-save]").await?;
    let code = app.wait_for("[data-testid=recovery-code]").await?;
    let code = code.text().await?;
    assert_eq!(code.len(), 29, "six groups of four, shown once: {code:?}");
    app.screenshot("lock-recovery-code").await?;
    app.tap("[data-testid=recovery-done]").await?;
    app.wait_for("[data-testid=lock-now]").await?;
    Ok(code)
}

async fn type_pin(app: &App, pin: &str) -> Result<()> {
    for digit in pin.chars() {
        app.tap(&format!("[data-testid=pin-key-{digit}]")).await?;
    }
    app.tap("[data-testid=pin-submit]").await
}

async fn log_with_note(app: &App) -> Result<()> {
    app.tap("[data-intensity='7']").await?;
    app.wait_for_text("Saved").await?;
    app.type_into("#note", NOTE).await?;
    app.tap("[data-action=save-note]").await?;
    app.wait_for_text("Note saved").await
}

#[tokio::test]
async fn what_is_logged_is_encrypted_on_disk() -> Result<()> {
    let folder = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
    let dir = folder.path().to_path_buf();
    let app = App::start_in(&dir).await?;
    log_with_note(&app).await?;
    // While the app runs, the note is in the log (`-wal`) as well as, later, the main file.
    for name in ["ebb.db", "ebb.db-wal", "ebb.db-shm", "ebb.keys"] {
        if let Ok(bytes) = std::fs::read(dir.join(name)) {
            assert!(!contains(&bytes, NOTE), "{name} must not hold the note in plain");
        }
    }
    assert!(std::fs::metadata(dir.join("ebb.db-wal"))?.len() > 0, "the log was really written");
    app.close().await?;
    let db = std::fs::read(dir.join("ebb.db"))?;
    assert!(!contains(&db, NOTE), "nor after Ebb closed and checkpointed");
    assert!(!contains(&db, "SQLite format 3"), "the file doesn't even say it is SQLite");
    Ok(())
}

#[tokio::test]
async fn a_pin_locks_ebb_and_opens_it_with_nothing_lost() -> Result<()> {
    let dir = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
    let app = App::start_in(dir.path()).await?;
    log_with_note(&app).await?;
    set_pin(&app, "2580").await?;
    app.screenshot("settings-privacy").await?;
    app.close().await?;

    // Restart: the pad, and nothing of the person's on screen.
    let app = App::start_in(dir.path()).await?;
    app.wait_for("[data-testid=unlock-view]").await?;
    assert!(app.all("[data-intensity]").await?.is_empty(), "no scale behind the lock");
    assert!(app.all("[data-place]").await?.is_empty(), "no navigation behind the lock");
    let body = app.eval("return document.body.innerText").await?;
    assert!(!body.as_str().unwrap_or("").contains(NOTE), "nothing of the person's shows");
    app.screenshot("unlock-light").await?;
    app.eval("document.documentElement.dataset.theme = 'dark'").await?;
    app.screenshot("unlock-dark").await?;
    app.eval("delete document.documentElement.dataset.theme").await?;

    // A raw request can't get past the lock either.
    let raw = app.invoke("list_urges", json!({ "request": { "limit": 5 } })).await?;
    assert_eq!(raw.unwrap_err()["code"], "locked", "data commands answer locked");

    // Help now, from the pad: numbers and the overdose steps, none of the person's people.
    app.tap("[data-testid=help-now]").await?;
    app.wait_for("[data-locked-help]").await?;
    app.wait_for_text("999").await?;
    app.wait_for_text("988").await?;
    app.screenshot("unlock-help-now").await?;
    app.tap("[data-action=close-help-now]").await?;
    app.wait_for("[data-testid=pin-key-1]").await?;

    // A wrong PIN: told so, nothing opens.
    type_pin(&app, "1111").await?;
    app.wait_for("[data-testid=unlock-error]").await?;
    let error = app.texts("[data-testid=unlock-error]").await?.join(" ");
    assert!(error.contains("isn't your PIN"), "a plain message: {error}");
    assert!(app.all("[data-intensity]").await?.is_empty(), "still locked");

    type_pin(&app, "2580").await?;
    app.wait_for("[data-intensity]").await?;
    app.tap("[data-place=history]").await?;
    app.wait_for("li.urge .note").await?;
    let notes = app.texts("li.urge .note").await?;
    assert_eq!(notes, [NOTE], "the craving and its note are there after unlocking");
    app.close().await
}

#[tokio::test]
async fn five_wrong_pins_make_the_next_try_wait_even_after_a_restart() -> Result<()> {
    let dir = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
    let app = App::start_in(dir.path()).await?;
    set_pin(&app, "2580").await?;
    app.tap("[data-testid=lock-now]").await?;
    app.wait_for("[data-testid=unlock-view]").await?;
    for _ in 0..5 {
        type_pin(&app, "0000").await?;
        app.wait_for("[data-testid=unlock-error]").await?;
    }
    app.wait_for("[data-testid=unlock-wait]").await?;
    let wait = app.texts("[data-testid=unlock-wait]").await?.join(" ");
    assert!(wait.contains("0:"), "the wait is shown as a countdown: {wait}");
    app.screenshot("unlock-wait").await?;
    app.close().await?;

    let app = App::start_in(dir.path()).await?;
    app.wait_for("[data-testid=unlock-wait]").await?;
    let status = app.invoke("lock_status", json!({})).await?.unwrap();
    assert_eq!(status["wrongTries"], 5, "the count survives a restart: {status}");
    assert!(status["retryInSeconds"].as_u64().unwrap_or(0) > 0, "and so does the wait");
    let early = app.invoke("unlock", json!({ "request": { "passcode": "2580" } })).await?;
    assert_eq!(early.unwrap_err()["code"], "try_later", "even the right PIN waits");
    app.close().await
}

#[tokio::test]
async fn the_recovery_code_sets_a_new_pin() -> Result<()> {
    let dir = tempfile::Builder::new().prefix("ebb-e2e-").tempdir()?;
    let app = App::start_in(dir.path()).await?;
    let code = set_pin(&app, "2580").await?;
    app.close().await?;

    let app = App::start_in(dir.path()).await?;
    app.tap("[data-testid=forgot-passcode]").await?;
    // Typed as a person copies it from paper: lower case, spaces.
    app.type_into("[data-testid=recovery-code-input]", &code.to_lowercase().replace('-', " "))
        .await?;
    app.type_into("[data-testid=new-passcode]", "97531").await?;
    app.type_into("[data-testid=new-passcode-again]", "97531").await?;
    app.screenshot("unlock-recovery").await?;
    app.tap("[data-testid=recover-submit]").await?;
    app.wait_for("[data-intensity]").await?;
    app.close().await?;

    let app = App::start_in(dir.path()).await?;
    type_pin(&app, "97531").await?;
    app.wait_for("[data-intensity]").await?;
    app.close().await
}

#[tokio::test]
async fn time_away_locks_and_the_cover_hides_the_screen() -> Result<()> {
    let app = App::start().await?;
    set_pin(&app, "2580").await?;
    // One minute is the default; come back after two (the debug clock hook).
    app.eval("window.dispatchEvent(new Event('blur'))").await?;
    app.wait_for("[data-testid=privacy-cover]").await?;
    app.screenshot("privacy-cover").await?;
    app.invoke("debug_shift_clock", json!({ "minutes": 2 })).await?.unwrap();
    app.eval("window.dispatchEvent(new Event('focus'))").await?;
    app.wait_for("[data-testid=unlock-view]").await?;
    assert_eq!(
        app.invoke("count_urges", json!({})).await?.unwrap_err()["code"],
        "locked",
        "away longer than the lock time: closed"
    );
    type_pin(&app, "2580").await?;
    // Back where the person was when Ebb locked.
    app.wait_for("[data-testid=privacy-settings]").await?;

    // A glance away, shorter than the lock time, doesn't lock.
    app.eval("window.dispatchEvent(new Event('blur'))").await?;
    app.eval("window.dispatchEvent(new Event('focus'))").await?;
    app.settle().await?;
    assert_eq!(app.invoke("count_urges", json!({})).await?, Ok(json!(0)), "still open");
    app.close().await
}
