//! Breathing on the real app: one tap from Now, the phases in real time, Stop, the record.

use std::time::{Duration, Instant};

use anyhow::Result;
use ebb_e2e::App;

/// Waits until the screen-reader announcement says `text`, and returns when it did.
pub async fn announced(app: &App, text: &str) -> Result<Instant> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let now = app.texts("[data-announcement]").await?;
        if now.first().map(String::as_str) == Some(text) {
            return Ok(Instant::now());
        }
        anyhow::ensure!(Instant::now() < deadline, "never announced {text:?}; last {now:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn one_tap_from_now_starts_box_breathing_and_stop_records_it() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start_in(dir.path()).await?;
    app.tap("[data-action=breathe]").await?;
    app.wait_for("[data-technique='breathing.box'] .shape").await?;
    let breathe_in = announced(&app, "Breathe in").await?;
    let hold = announced(&app, "Hold").await?;
    let gap = hold - breathe_in;
    assert!(
        gap > Duration::from_millis(3_000) && gap < Duration::from_millis(5_000),
        "box breathing holds after about 4 s of breathing in; took {gap:?}"
    );
    app.wait_for_text("Dizzy or tingly? Stop and breathe normally.").await?;
    let transform =
        app.eval("return getComputedStyle(document.querySelector('.shape')).transform").await?;
    assert!(
        transform.as_str().is_some_and(|t| t.starts_with("matrix(")),
        "the shape scales with the breath (transform only): {transform}"
    );
    app.screenshot("breathe-player").await?;
    app.tap("[data-action=stop-breathing]").await?;
    app.wait_for("[data-stage=after]").await?;
    app.tap("[data-helped=yes]").await?;
    app.wait_for("[data-helped=yes][aria-pressed=true]").await?;
    app.screenshot("breathe-after").await?;
    app.tap("[data-action=close-breathing]").await?;
    app.wait_for("[data-intensity='0']").await?;
    app.close().await?;

    let store = ebb_e2e::open_store(&dir.path().join("ebb.db"))?;
    let (technique, completed, helped): (String, bool, Option<bool>) = store
        .connection()
        .query_row("SELECT technique_id, completed, helped FROM technique_sessions", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    assert_eq!(technique, "breathing.box");
    assert!(!completed, "stopped early is recorded as not completed");
    assert_eq!(helped, Some(true), "the answer after the session is recorded");
    Ok(())
}

#[tokio::test]
async fn grounding_5_4_3_2_1_step_by_step() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start_in(dir.path()).await?;
    app.tap("[data-place=breathe]").await?;
    app.tap("li[data-technique='steps.grounding-54321'] button.start").await?;
    let expected = [
        "5 things you see",
        "4 things you can touch",
        "3 things you hear",
        "2 things you smell",
        "1 thing you taste",
    ];
    for (i, title) in expected.iter().enumerate() {
        app.wait_for_text(&format!("Step {} of 5", i + 1)).await?;
        assert_eq!(app.texts("[data-step-title]").await?, [*title], "one step a screen, in order");
        if i == 1 {
            app.tap("[data-action=step-back]").await?;
            app.wait_for_text("Step 1 of 5").await?;
            app.tap("[data-action=step-next]").await?;
            app.wait_for_text("Step 2 of 5").await?;
        }
        app.tap("[data-action=step-next]").await?;
    }
    app.wait_for_text("You went through every step").await?;
    app.tap("[data-breathe-after='3']").await?;
    app.wait_for("[data-breathe-after='3'][aria-pressed=true]").await?;
    app.screenshot("steps-after").await?;
    app.tap("[data-action=close-breathing]").await?;
    app.close().await?;

    let store = ebb_e2e::open_store(&dir.path().join("ebb.db"))?;
    let (completed, after): (bool, Option<u8>) = store.connection().query_row(
        "SELECT completed, intensity_after FROM technique_sessions WHERE technique_id = 'steps.grounding-54321'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    assert!(completed, "walking every step completes the practice");
    assert_eq!(after, Some(3), "the rating after is recorded");
    Ok(())
}

#[tokio::test]
async fn breathing_for_a_craving_shows_in_history_with_before_and_after() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-intensity='8']").await?;
    app.tap("[data-action=breathe-now]").await?;
    announced(&app, "Breathe in").await?;
    app.tap("[data-action=stop-breathing]").await?;
    app.tap("[data-breathe-after='4']").await?;
    app.wait_for("[data-breathe-after='4'][aria-pressed=true]").await?;
    app.tap("[data-action=close-breathing]").await?;
    app.tap("[data-place=history]").await?;
    app.wait_for("li.urge .technique").await?;
    assert_eq!(
        app.texts("li.urge .technique").await?,
        ["Box breathing · 8 → 4"],
        "History shows the technique used for the craving, with before and after"
    );
    app.close().await
}

#[tokio::test]
async fn session_commands_refuse_bad_input_and_record_nothing() -> Result<()> {
    use serde_json::json;
    let app = App::start().await?;
    let cases = [
        (
            "start_session",
            json!({ "techniqueId": "breathing.hyper", "plannedSeconds": 60 }),
            "no technique called",
        ),
        ("start_session", json!({ "techniqueId": "breathing.box", "plannedSeconds": 0 }), "got 0"),
        (
            "start_session",
            json!({ "techniqueId": "breathing.box", "plannedSeconds": -5 }),
            "\u{201c}plannedSeconds\u{201d} should be a whole number",
        ),
        (
            "start_session",
            json!({ "techniqueId": "breathing.box", "plannedSeconds": 60, "urgeId": "nope" }),
            "isn't here any more",
        ),
        ("finish_session", json!({ "id": "nope", "completed": true }), "isn't here any more"),
        (
            "finish_session",
            json!({ "id": "nope", "completed": true, "intensityAfter": 11 }),
            "How strong is it now? A number from 0 to 10.",
        ),
    ];
    for (command, request, expected) in cases {
        let error = app.invoke(command, json!({ "request": request })).await?.expect_err("refused");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{command}: {message:?} should contain {expected:?}");
        assert!(matches!(error["code"].as_str(), Some("invalid_input" | "not_found")), "{error}");
    }
    let library = app.invoke("list_techniques", json!({})).await?.expect("catalog");
    let techniques = library["techniques"].as_array().map_or(0, Vec::len);
    assert!(techniques >= 15, "the whole catalog crosses IPC: {techniques} techniques");
    let dir = app.data_dir().to_path_buf();
    let store = ebb_e2e::open_store(&dir.join("ebb.db"))?;
    let count: i64 =
        store
            .connection()
            .query_row("SELECT count(*) FROM technique_sessions", [], |r| r.get(0))?;
    assert_eq!(count, 0, "no refused request recorded a session");
    drop(store);
    app.close().await
}
