//! The foundation slice: log a craving in one tap, see it in History, across restarts.

use anyhow::Result;
use ebb_e2e::App;
use serde_json::{Value, json};

/// "Today HH:MM" for now and for a minute ago (the test may straddle a minute boundary).
fn today_labels() -> [String; 2] {
    let now = chrono::Local::now();
    let before = now - chrono::Duration::minutes(1);
    [format!("Today {}", now.format("%H:%M")), format!("Today {}", before.format("%H:%M"))]
}

async fn open_history(app: &App) -> Result<()> {
    app.tap("[data-place=history]").await?;
    app.wait_for("#history-title").await?;
    // The first page has arrived once either a row or the empty message is there.
    app.wait_for("li.urge, p.empty").await?;
    Ok(())
}

#[tokio::test]
async fn one_tap_logs_a_craving_that_history_shows_at_the_local_time() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-intensity='7']").await?;
    app.wait_for_text("Saved").await?;
    open_history(&app).await?;
    let rows = app.all("li.urge").await?;
    assert_eq!(rows.len(), 1, "one tap logs exactly one craving");
    let intensity = app.texts("li.urge .intensity").await?;
    assert_eq!(intensity, ["7"], "History shows the intensity tapped");
    let when = app.texts("li.urge .when").await?;
    let expected = today_labels();
    assert!(
        expected.contains(&when[0]),
        "History shows the craving at the current local time: got {when:?}, expected one of {expected:?}"
    );
    app.close().await
}

#[tokio::test]
async fn cravings_persist_across_a_restart_newest_first() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start_in(dir.path()).await?;
    app.tap("[data-intensity='3']").await?;
    app.wait_for("[data-action=log-another]").await?;
    app.tap("[data-action=log-another]").await?;
    app.tap("[data-intensity='9']").await?;
    app.wait_for_text("Saved").await?;
    app.close().await?;

    let app = App::start_in(dir.path()).await?;
    open_history(&app).await?;
    let intensities = app.texts("li.urge .intensity").await?;
    assert_eq!(intensities, ["9", "3"], "both cravings survive a restart, newest first");
    app.close().await
}

#[tokio::test]
async fn undo_removes_the_craving() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-intensity='4']").await?;
    app.tap("[data-action=undo]").await?;
    app.wait_for_text("Removed").await?;
    open_history(&app).await?;
    assert!(app.all("li.urge").await?.is_empty(), "after Undo, History is empty");
    let count = app.invoke("count_urges", json!({})).await?;
    assert_eq!(count, Ok(json!(0)), "Undo deletes the row in the store, not only on screen");
    app.close().await
}

#[tokio::test]
async fn bad_input_through_raw_ipc_is_refused_with_a_clear_message() -> Result<()> {
    let app = App::start().await?;
    let next_year = (chrono::Utc::now() + chrono::Duration::days(365)).to_rfc3339();
    let cases = [
        (json!({ "intensity": 11 }), "How strong is it? A number from 0 to 10."),
        (json!({ "intensity": -1 }), "How strong is it? A number from 0 to 10."),
        (json!({ "intensity": "7" }), "How strong is it? A number from 0 to 10."),
        (json!([5, "x"]), "This request should be a set of fields."),
        (
            json!({ "intensity": 5, "note": "n".repeat(20_000) }),
            "A note can be up to 10,000 characters; this one has 20,000.",
        ),
        (json!({ "intensity": 5, "occurredAt": next_year }), "is in the future"),
        (json!({}), "The strength is missing."),
    ];
    for (request, expected) in cases {
        let answer = app.invoke("log_urge", json!({ "request": request })).await?;
        let error = answer.expect_err("a bad request must be refused");
        assert_eq!(error["code"], "invalid_input", "refusals are typed: {error}");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "message {message:?} should contain {expected:?}");
    }
    // What the runtime sees before Ebb does: a call with no `request` at all gets Ebb's
    // `{ code, message }` too, not Tauri's "invalid args" string.
    for command in ["log_urge", "delete_urge", "update_settings", "save_summary"] {
        let error = app.invoke(command, json!({})).await?.expect_err("no request, no change");
        assert_eq!(error["code"], "invalid_input", "{command}: typed, not a bare string: {error}");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.contains("it was empty"), "{command}: in Ebb's words: {message:?}");
    }
    let huge = "9".repeat(1_000_000);
    let error = app
        .invoke("delete_urge", json!({ "request": { "id": 1, "x": huge } }))
        .await?
        .expect_err("refused");
    let message = error.get("message").and_then(Value::as_str).unwrap_or_default();
    assert!(message.len() < 240, "a refusal never repeats the input: {} bytes", message.len());
    open_history(&app).await?;
    assert!(app.all("li.urge").await?.is_empty(), "no refused request may log anything");
    assert_eq!(app.invoke("count_urges", json!({})).await?, Ok(json!(0)));
    app.close().await
}

#[tokio::test]
async fn screenshots_of_now_and_history_for_people_to_look_at() -> Result<()> {
    let app = App::start().await?;
    app.wait_for("[data-intensity='0']").await?;
    app.screenshot("now").await?;
    for (intensity, note) in [(6, "Friday drinks invite"), (8, ""), (3, "walked it off")] {
        app.tap(&format!("[data-intensity='{intensity}']")).await?;
        if !note.is_empty() {
            app.type_into("#note", note).await?;
            app.tap("[data-action=save-note]").await?;
            app.wait_for_text("Note saved").await?;
        }
        app.tap("[data-action=log-another]").await?;
    }
    app.tap("[data-intensity='7']").await?;
    app.wait_for_text("Saved").await?;
    app.screenshot("now-saved").await?;
    open_history(&app).await?;
    let shot = app.screenshot("history").await?;
    assert_eq!(app.all("li.urge").await?.len(), 4, "all four cravings are listed");
    let notes = app.texts("li.urge .note").await?;
    assert_eq!(notes, ["walked it off", "Friday drinks invite"], "notes show with their cravings");
    assert!(std::fs::metadata(&shot)?.len() > 1000, "the screenshot is a real image");
    app.close().await
}

#[tokio::test]
async fn a_damaged_data_file_is_explained_and_left_alone() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("ebb.db");
    let junk = b"not a database, but somebody's bytes".repeat(64);
    std::fs::write(&file, &junk)?;
    let app = App::start_in(dir.path()).await?;
    app.wait_for_text("Ebb couldn't open your data").await?;
    app.wait_for_text(&file.display().to_string()).await?;
    assert!(app.all("[data-intensity]").await?.is_empty(), "no logging on top of a damaged file");
    // Crisis numbers don't vanish when something has gone wrong: Help now is here too.
    app.tap("[data-testid=help-now]").await?;
    app.wait_for_text("999").await?;
    app.wait_for_text("Call emergency services").await?;
    app.tap("[data-action=close-help-now]").await?;
    app.close().await?;
    assert_eq!(std::fs::read(&file)?, junk, "the damaged file is never modified");
    Ok(())
}

#[tokio::test]
async fn the_web_process_runs_with_the_engine_settings_ebb_chose() -> Result<()> {
    let app = App::start().await?;
    let pid = app.pid()?;
    let web = ebb_e2e::processes_named(pid, "WebKitWebProces");
    assert!(!web.is_empty(), "the app's WebKit web process should be running under it");
    let env = ebb_e2e::environment_of(web[0]);
    // Unless the test's own environment chose otherwise (then Ebb leaves the choice alone).
    if std::env::var_os("JSC_useJIT").is_none() {
        assert!(
            env.iter().any(|v| v == "JSC_useJIT=false"),
            "the web process must inherit JSC_useJIT=false from the app (no writable and executable memory, less memory in History)"
        );
    }
    let gpu = has_render_node();
    if std::env::var_os("WEBKIT_SKIA_ENABLE_CPU_RENDERING").is_none() {
        assert_eq!(
            env.iter().any(|v| v == "WEBKIT_SKIA_ENABLE_CPU_RENDERING=1"),
            !gpu,
            "Skia paints on the CPU exactly when /dev/dri has no render node (gpu: {gpu})"
        );
    }
    // And the page still runs its script: Now answered a tap.
    app.tap("[data-intensity='4']").await?;
    app.wait_for_text("Saved").await?;
    app.close().await
}

/// Whether this machine has a GPU render node, judged as src-tauri/src/engine.rs does (this
/// crate doesn't build the shell).
fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|d| d.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
}
