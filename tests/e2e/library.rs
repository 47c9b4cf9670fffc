//! The rest of the coping library on the real app: a real one-minute session for a craving,
//! the person's own pattern, urge surfing's check-ins, reduced motion and dark colours, the
//! one-tap default, and raw-IPC refusals for every library command.

use std::time::{Duration, Instant};

use anyhow::Result;
use ebb_e2e::App;
use serde_json::json;

use crate::breathe::announced;

fn store(app: &App) -> Result<ebb_core::Store> {
    ebb_e2e::open_store(&app.data_dir().join("ebb.db"))
}

fn count(app: &App, sql: &str) -> Result<i64> {
    Ok(store(app)?.connection().query_row(sql, [], |r| r.get(0))?)
}

#[tokio::test]
async fn a_real_minute_of_extended_exhale_for_a_craving_of_8_then_4() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-intensity='8']").await?;
    app.tap("[data-action=choose-technique]").await?;
    app.wait_for_text("Whatever you pick is kept with this craving.").await?;
    let started = Instant::now();
    app.tap("li[data-technique='breathing.extended-exhale'] [data-seconds='60']").await?;
    announced(&app, "Breathe in").await?;
    announced(&app, "Breathe out").await?;
    // Let the real minute run out: the after-questions come by themselves.
    let after = Duration::from_secs(75);
    loop {
        if !app.all("[data-stage=after]").await?.is_empty() {
            break;
        }
        anyhow::ensure!(started.elapsed() < after, "the one-minute session never ended by itself");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let took = started.elapsed();
    assert!(took >= Duration::from_secs(59), "a minute is a minute: ended after {took:?}");
    app.wait_for_text("Well done. The session is over.").await?;
    app.tap("[data-breathe-after='4']").await?;
    app.wait_for("[data-breathe-after='4'][aria-pressed=true]").await?;
    app.tap("[data-action=close-breathing]").await?;
    app.wait_for_text("Saved").await?;
    app.tap("[data-place=history]").await?;
    app.wait_for("li.urge .technique").await?;
    assert_eq!(
        app.texts("li.urge .technique").await?,
        ["Extended exhale · 8 → 4"],
        "History shows the craving with the technique and before → after"
    );
    let (completed, planned, actual): (bool, u32, Option<u32>) =
        store(&app)?.connection().query_row(
            "SELECT completed, planned_seconds, actual_seconds FROM technique_sessions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
    assert!(completed, "ran to its end");
    assert_eq!((planned, actual), (60, Some(60)), "planned and actual length are recorded");
    app.close().await
}

#[tokio::test]
async fn my_own_pattern_is_made_used_changed_and_deleted() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-place=breathe]").await?;
    app.tap("[data-action=new-pattern]").await?;
    // A tired first try: no name, and nothing saved.
    app.tap("[data-action=save-pattern]").await?;
    app.wait_for_text("A pattern's name needs at least one letter or number.").await?;
    assert_eq!(count(&app, "SELECT count(*) FROM custom_patterns")?, 0, "a refusal saves nothing");
    app.type_into("#pattern-name", "My 3-5").await?;
    for nudge in ["inhale-down", "inhale-down", "exhale-down", "exhale-down"] {
        app.tap(&format!("[data-nudge='{nudge}']")).await?;
    }
    app.wait_for_text("One breath: 8 seconds.").await?;
    app.screenshot("pattern-editor").await?;
    app.tap("[data-action=save-pattern]").await?;
    app.wait_for_text("Saved “My 3-5”.").await?;
    assert_eq!(
        app.texts("li[data-technique^='custom.'] strong").await?,
        ["My 3-5"],
        "the new pattern is on the list"
    );

    app.tap("li[data-technique^='custom.'] button.start").await?;
    let breathe_in = announced(&app, "Breathe in").await?;
    let breathe_out = announced(&app, "Breathe out").await?;
    let gap = breathe_out - breathe_in;
    assert!(
        gap > Duration::from_millis(2_300) && gap < Duration::from_millis(3_800),
        "my pattern breathes in for 3 s; took {gap:?}"
    );
    app.tap("[data-action=stop-breathing]").await?;
    app.tap("[data-action=close-breathing]").await?;

    app.tap("[data-action=edit-pattern]").await?;
    app.tap("[data-nudge='exhale-up']").await?;
    app.tap("[data-nudge='exhale-up']").await?;
    app.tap("[data-action=save-pattern]").await?;
    app.wait_for_text("Your own pattern: in 3, out 6.").await?;

    app.tap("[data-action=edit-pattern]").await?;
    app.tap("[data-action=delete-pattern]").await?;
    app.tap("[data-action=confirm-delete-pattern]").await?;
    app.wait_for_text("Deleted “My 3-5”.").await?;
    assert!(app.all("li[data-technique^='custom.']").await?.is_empty(), "gone from the list");
    let db = store(&app)?;
    let (exhale, deleted): (f64, bool) = db.connection().query_row(
        "SELECT exhale, deleted_at IS NOT NULL FROM custom_patterns",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    assert_eq!(exhale, 6.0, "the change was saved before the delete");
    assert!(deleted, "deleted from the list, kept for the session that used it");
    let used: i64 = db.connection().query_row(
        "SELECT count(*) FROM technique_sessions WHERE technique_id LIKE 'custom.%'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(used, 1, "the use of my pattern is recorded");
    drop(db);
    app.close().await
}

#[tokio::test]
async fn urge_surfing_records_a_check_in() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-intensity='9']").await?;
    app.tap("[data-start='urge-surfing']").await?;
    app.wait_for_text("Urges usually peak and ease").await?;
    assert_eq!(
        app.texts("[data-step-title]").await?,
        ["Settle"],
        "the script starts at its first step"
    );
    app.tap("[data-action=surf-next]").await?;
    app.tap("[data-action=check-in]").await?;
    app.wait_for("[data-check-in]").await?;
    app.tap("[data-surf-level='6']").await?;
    app.tap("[data-passed=no]").await?;
    app.wait_for_text("Noted: 6 now.").await?;
    app.tap("[data-action=extend]").await?;
    app.screenshot("urge-surfing").await?;
    app.tap("[data-action=stop-surfing]").await?;
    app.wait_for("[data-stage=after]").await?;
    app.tap("[data-action=close-breathing]").await?;
    let db = store(&app)?;
    let (passed, intensity, planned): (bool, Option<u8>, u32) = db.connection().query_row(
        "SELECT c.passed, c.intensity, s.planned_seconds FROM session_check_ins c \
         JOIN technique_sessions s ON s.id = c.session_id WHERE s.technique_id = 'urge-surfing'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    assert_eq!((passed, intensity), (false, Some(6)), "the check-in answer is recorded");
    assert_eq!(planned, 600 + 300, "the default 10 minutes plus 5 more");
    drop(db);
    app.close().await
}

/// Chooses a colour scheme in Settings, as a person would, and checks it is painted.
async fn choose_theme(app: &App, theme: &str) -> Result<()> {
    app.open_settings("appearance").await?;
    app.tap(&format!("input[name=theme][value={theme}]")).await?;
    app.wait_for(&format!("input[name=theme][value={theme}]:checked")).await?;
    // The radio shows the choice at once; the page is repainted when the save returns.
    app.wait_for(&format!("html[data-theme={theme}]"))
        .await
        .map_err(|e| anyhow::anyhow!("the chosen scheme {theme} is painted once saved: {e}"))?;
    Ok(())
}

#[tokio::test]
async fn reduced_motion_setting_stops_scaling_and_shows_the_countdown() -> Result<()> {
    let app = App::start().await?;
    for reduced in [false, true] {
        if reduced {
            app.open_settings("appearance").await?;
            app.tap("input[name=reduceMotion]").await?;
            app.wait_for("input[name=reduceMotion]:checked").await?;
        }
        for theme in ["light", "dark"] {
            choose_theme(&app, theme).await?;
            app.tap("[data-place=now]").await?;
            app.tap("[data-action=breathe]").await?;
            app.wait_for(&format!("[data-reduced-motion={reduced}]")).await?;
            announced(&app, "Breathe in").await?;
            tokio::time::sleep(Duration::from_millis(1_500)).await;
            let transform = app
                .eval("return getComputedStyle(document.querySelector('.shape')).transform")
                .await?;
            if reduced {
                assert_eq!(transform, "none", "with reduced motion the shape does not scale");
                let countdown = app.texts("[data-countdown]").await?;
                assert!(
                    countdown.first().is_some_and(|c| c.parse::<u32>().is_ok()),
                    "the countdown is shown: {countdown:?}"
                );
                assert!(!app.all(".bar").await?.is_empty(), "a progress bar replaces the motion");
            } else {
                assert!(
                    transform.as_str().is_some_and(|t| t.starts_with("matrix(")),
                    "without it the shape scales: {transform}"
                );
            }
            let name = if reduced { "breathe-player-reduced" } else { "breathe-player" };
            app.screenshot(&format!("{name}-{theme}")).await?;
            app.tap("[data-action=stop-breathing]").await?;
            app.tap("[data-action=close-breathing]").await?;
        }
    }
    app.close().await
}

#[tokio::test]
async fn the_one_tap_default_and_hiding_follow_the_person() -> Result<()> {
    let app = App::start().await?;
    app.open_settings("appearance").await?;
    app.wait_for("select[name=default-technique] option[value='breathing.resonance']").await?;
    app.eval(
        "const s = document.querySelector('select[name=default-technique]'); \
         s.value = 'breathing.resonance'; s.dispatchEvent(new Event('change', { bubbles: true })); return null",
    )
    .await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while store(&app)?.settings()?.default_technique_id != "breathing.resonance" {
        anyhow::ensure!(Instant::now() < deadline, "the default was never saved");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.tap("[data-place=now]").await?;
    app.tap("[data-action=breathe]").await?;
    app.wait_for("[data-technique='breathing.resonance'] .shape").await?;
    app.tap("[data-action=stop-breathing]").await?;
    app.tap("[data-action=close-breathing]").await?;

    app.tap("[data-place=breathe]").await?;
    app.tap("[data-action=edit-list]").await?;
    app.tap("li[data-technique='breathing.4-7-8'] [data-action=hide-technique]").await?;
    app.wait_for_text("4-7-8 breathing is hidden").await?;
    app.tap("[data-action=edit-list]").await?;
    assert!(
        app.all(".list li[data-technique='breathing.4-7-8'] button.start").await?.is_empty(),
        "a hidden technique is not offered"
    );
    app.tap("li[data-technique='breathing.4-7-8'] [data-action=show-technique]").await?;
    app.wait_for("li[data-technique='breathing.4-7-8'] button.start").await?;
    app.close().await
}

#[tokio::test]
async fn library_commands_refuse_bad_input_and_change_nothing() -> Result<()> {
    let app = App::start().await?;
    let ok = json!({ "name": "Mine", "inhale": 4, "holdIn": 0, "exhale": 6, "holdOut": 0 });
    let mine =
        app.invoke("create_pattern", json!({ "request": ok })).await?.expect("a valid pattern");
    let session = app
        .invoke(
            "start_session",
            json!({ "request": { "techniqueId": "urge-surfing", "plannedSeconds": 300 } }),
        )
        .await?
        .expect("a session");
    let cases = [
        (
            "create_pattern",
            json!({ "name": "Fast", "inhale": 0.5, "holdIn": 0, "exhale": 6, "holdOut": 0 }),
            "at least 1 second",
        ),
        (
            "create_pattern",
            json!({ "name": "Long", "inhale": 4, "holdIn": 25, "exhale": 6, "holdOut": 0 }),
            "got 25",
        ),
        (
            "create_pattern",
            json!({ "name": "Odd", "inhale": 4.2, "holdIn": 0, "exhale": 6, "holdOut": 0 }),
            "half-second steps",
        ),
        (
            "create_pattern",
            json!({ "name": "Text", "inhale": "4", "holdIn": 0, "exhale": 6, "holdOut": 0 }),
            "\u{201c}inhale\u{201d} should be a number",
        ),
        (
            "create_pattern",
            json!({ "name": "mine", "inhale": 4, "holdIn": 0, "exhale": 6, "holdOut": 0 }),
            "already a pattern",
        ),
        ("update_pattern", json!({ "id": "breathing.box", "pattern": ok }), "isn't here any more"),
        (
            "update_pattern",
            json!({ "id": mine["id"], "pattern": { "name": "", "inhale": 4, "holdIn": 0, "exhale": 6, "holdOut": 0 } }),
            "at least one letter",
        ),
        ("delete_pattern", json!({ "id": "custom.nope" }), "isn't here any more"),
        (
            "set_technique_hidden",
            json!({ "techniqueId": "breathing.nope", "hidden": true }),
            "no technique called",
        ),
        (
            "set_technique_hidden",
            json!({ "techniqueId": "breathing.box" }),
            "\u{201c}hidden\u{201d} is missing.",
        ),
        ("record_check_in", json!({ "sessionId": "nope", "passed": true }), "isn't here any more"),
        (
            "record_check_in",
            json!({ "sessionId": session["id"], "passed": true, "intensity": 11 }),
            "How strong is it? A number from 0 to 10.",
        ),
        (
            "finish_session",
            json!({ "id": session["id"], "completed": true, "plannedSeconds": 60 }),
            "from its first plan",
        ),
        (
            "finish_session",
            json!({ "id": session["id"], "completed": true, "actualSeconds": -1 }),
            "\u{201c}actualSeconds\u{201d} should be a whole number",
        ),
        ("update_settings", json!({ "defaultTechniqueId": "steps.rain" }), "isn't one"),
        ("update_settings", json!({ "theme": "purple" }), "should be one of: system, light, dark"),
    ];
    for (command, request, expected) in cases {
        let error = app.invoke(command, json!({ "request": request })).await?.expect_err("refused");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{command}: {message:?} should contain {expected:?}");
        assert!(matches!(error["code"].as_str(), Some("invalid_input" | "not_found")), "{error}");
    }
    assert_eq!(count(&app, "SELECT count(*) FROM custom_patterns")?, 1, "only the valid pattern");
    assert_eq!(count(&app, "SELECT count(*) FROM hidden_techniques")?, 0);
    assert_eq!(count(&app, "SELECT count(*) FROM session_check_ins")?, 0);
    assert_eq!(
        count(&app, "SELECT count(*) FROM technique_sessions WHERE ended_at IS NULL")?,
        1,
        "the session is still running: refused ends changed nothing"
    );
    let settings = store(&app)?.settings()?;
    assert_eq!(settings.default_technique_id, "breathing.box");
    app.close().await
}
