//! The whole capture flow on the real app: tracked things, chips, backdating, outcomes, edits,
//! the re-rate prompt, and raw-IPC refusals for every command it added.

use anyhow::Result;
use ebb_e2e::App;
use serde_json::{Value, json};

async fn open_history(app: &App) -> Result<()> {
    app.tap("[data-place=history]").await?;
    app.wait_for("#history-title").await?;
    app.wait_for("li.urge, p.empty").await?;
    Ok(())
}

async fn count(app: &App) -> Result<Value> {
    Ok(app.invoke("count_urges", json!({})).await?.expect("count_urges answers"))
}

#[tokio::test]
async fn first_run_skip_then_log_in_one_tap() -> Result<()> {
    let app = App::start().await?;
    app.wait_for_text("What would you like to track?").await?;
    app.tap("[data-action=setup-skip]").await?;
    app.tap("[data-intensity='6']").await?;
    app.wait_for_text("Saved").await?;
    assert_eq!(count(&app).await?, json!(1), "one tap logs, setup or not");
    app.tap("[data-action=log-another]").await?;
    assert!(
        app.all("#setup-title").await?.is_empty(),
        "first run asks once: after Skip it does not ask again"
    );
    app.close().await
}

#[tokio::test]
async fn two_things_chips_and_a_note_show_in_history() -> Result<()> {
    let app = App::start().await?;
    // Set up the first thing from the first-run card, the second in Settings.
    app.type_into("#setup-name", "evening wine").await?;
    app.type_into("input[name=plan-amount]", "2").await?;
    app.type_into("input[name=plan-unit]", "glasses").await?;
    app.tap("[data-action=setup-save]").await?;
    app.open_settings("tracking").await?;
    app.type_into("#new-thing-name", "vaping").await?;
    app.tap("input[name=new-thing-goal][value=stop]").await?;
    app.tap("[data-action=add-thing]").await?;
    app.wait_for_text("Now tracking “vaping”").await?;

    app.tap("[data-place=now]").await?;
    // Two things: a switcher; pick vaping, then log.
    app.wait_for("button[data-chip^='thing-']").await?;
    let vaping = app.all("button[data-chip^='thing-']").await?;
    assert_eq!(vaping.len(), 2, "with two things, logging offers a one-tap switch");
    app.eval("[...document.querySelectorAll(\"button[data-chip^='thing-']\")].find(b => b.textContent.trim() === 'vaping').click()").await?;
    app.tap("[data-intensity='8']").await?;
    app.wait_for_text("Saved").await?;
    app.tap("[data-chip='builtin-trigger-after-work']").await?;
    app.wait_for("[data-chip='builtin-trigger-after-work'][aria-pressed=true]").await?;
    app.tap("[data-chip='builtin-feeling-stressed']").await?;
    app.wait_for("[data-chip='builtin-feeling-stressed'][aria-pressed=true]").await?;
    app.type_into("#note", "long day").await?;
    app.tap("[data-action=save-note]").await?;
    app.wait_for_text("Note saved").await?;
    app.screenshot("capture-now-chips").await?;

    open_history(&app).await?;
    let row = app.texts("li.urge .open").await?;
    assert_eq!(row.len(), 1);
    for expected in ["vaping", "After work", "Stressed", "long day"] {
        assert!(row[0].contains(expected), "History row {row:?} should show {expected:?}");
    }
    app.screenshot("capture-history").await?;
    app.close().await
}

#[tokio::test]
async fn backdating_by_an_hour_moves_the_craving() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-intensity='5']").await?;
    app.tap("[data-action=earlier]").await?;
    app.tap("[data-earlier='60']").await?;
    app.wait_for_text("Time updated").await?;
    let page = app.invoke("list_urges", json!({ "request": { "limit": 5 } })).await?.expect("list");
    let urge = &page["urges"][0];
    let occurred = urge["occurredAt"].as_str().unwrap_or_default();
    let created = urge["createdAt"].as_str().unwrap_or_default();
    let gap = chrono::DateTime::parse_from_rfc3339(created)?
        - chrono::DateTime::parse_from_rfc3339(occurred)?;
    assert_eq!(gap.num_minutes(), 60, "the craving now happened an hour before it was logged");
    assert_eq!(urge["loggedLate"], json!(false), "exactly an hour is not late (over an hour is)");
    open_history(&app).await?;
    let now = chrono::Local::now();
    let earlier = now - chrono::Duration::hours(1);
    let day = if earlier.date_naive() == now.date_naive() { "Today" } else { "Yesterday" };
    let expected = format!("{day} {}", earlier.format("%H:"));
    let when = app.texts("li.urge .when").await?;
    assert!(
        when[0].starts_with(&expected),
        "History shows it an hour earlier: {when:?} vs {expected}"
    );
    app.close().await
}

#[tokio::test]
async fn outcome_used_less_than_planned_gets_a_warm_line() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-action=setup-skip]").await?;
    app.tap("[data-intensity='8']").await?;
    app.tap("[data-action=log-another]").await?;
    open_history(&app).await?;
    app.tap("[data-action=add-outcome]").await?;
    app.tap("[data-after='3']").await?;
    app.tap("[data-outcome=usedLess]").await?;
    app.wait_for_text("Less than you planned: that is a real win.").await?;
    app.screenshot("capture-outcome").await?;
    app.tap("[data-action=back]").await?;
    app.wait_for("li.urge .outcome").await?;
    let outcome = app.texts("li.urge .outcome").await?;
    assert_eq!(outcome, ["8 → 3 · used less than planned"], "History shows how it went");
    app.close().await
}

#[tokio::test]
async fn edit_then_delete_a_craving() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-intensity='9']").await?;
    app.tap("[data-chip='builtin-place-home']").await?;
    app.wait_for("[data-chip='builtin-place-home'][aria-pressed=true]").await?;
    app.tap("[data-action=log-another]").await?;
    open_history(&app).await?;
    app.tap("li.urge .open").await?;
    app.tap("[data-edit-intensity='4']").await?;
    app.type_into("textarea[name=detail-note]", "misread it, was milder").await?;
    app.tap("[data-action=save-edit]").await?;
    app.wait_for_text("Changes saved.").await?;
    app.tap("[data-action=back]").await?;
    app.wait_for("li.urge").await?;
    assert_eq!(app.texts("li.urge .intensity").await?, ["4"], "the edit shows in History");

    app.tap("li.urge .open").await?;
    app.tap("[data-action=delete]").await?;
    app.wait_for_text("This can't be undone").await?;
    assert_eq!(count(&app).await?, json!(1), "the first tap only asks");
    app.tap("[data-action=confirm-delete]").await?;
    app.wait_for("p.empty").await?;
    assert_eq!(count(&app).await?, json!(0), "deleted for real");
    app.close().await
}

#[tokio::test]
async fn the_check_in_appears_when_due() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let app = App::start_in(dir.path()).await?;
    app.tap("[data-intensity='7']").await?;
    app.tap("[data-action=log-another]").await?;
    assert!(app.all("[data-rerate]").await?.is_empty(), "not asked before the interval passes");
    app.close().await?;

    // Come back eleven minutes later (a debug-build clock hook; nothing sleeps).
    let app = App::start_in_with(dir.path(), &[("EBB_CLOCK_OFFSET_MINUTES", "11")]).await?;
    app.wait_for("[data-rerate]").await?;
    app.wait_for_text("A moment to check in").await?;
    app.tap("[data-after='2']").await?;
    app.tap("[data-outcome=didntUse]").await?;
    app.wait_for_text("You rode it out").await?;
    app.screenshot("capture-checkin").await?;
    app.tap("[data-action=done-checkin]").await?;
    assert!(app.all("[data-rerate]").await?.is_empty(), "answered: it does not ask again");
    app.close().await
}

#[tokio::test]
async fn every_new_command_refuses_bad_input_and_changes_nothing() -> Result<()> {
    let app = App::start().await?;
    let urge =
        app.invoke("log_urge", json!({ "request": { "intensity": 5 } })).await?.expect("log");
    let id = urge["id"].as_str().unwrap_or_default().to_owned();
    let thing = app
        .invoke("add_thing", json!({ "request": { "name": "wine", "goal": { "kind": "stop" } } }))
        .await?
        .expect("add thing");
    let thing_id = thing["id"].as_str().unwrap_or_default().to_owned();
    let before = app.invoke("get_urge", json!({ "request": { "id": id } })).await?.expect("get");

    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "add_thing",
            json!({ "name": "", "goal": { "kind": "stop" } }),
            "needs at least one letter",
        ),
        ("add_thing", json!({ "name": "WINE", "goal": { "kind": "stop" } }), "You already track"),
        (
            "add_thing",
            json!({ "name": "beer", "goal": { "kind": "cutDown", "plannedAmount": -3, "unit": "cans" } }),
            "got -3",
        ),
        (
            "add_thing",
            json!({ "name": "beer", "goal": { "kind": "never" } }),
            "should be one of: stop, cutDown, safer",
        ),
        ("update_thing", json!({ "id": "nope", "name": "x" }), "isn't here any more"),
        ("update_thing", json!({ "id": thing_id, "name": "y".repeat(61) }), "up to 60 characters"),
        ("add_chip", json!({ "kind": "feeling", "label": "Bored" }), "already a feeling called"),
        (
            "add_chip",
            json!({ "kind": "mood", "label": "x" }),
            "should be one of: trigger, feeling, place, company",
        ),
        ("add_chip", json!({ "kind": "place", "label": "   " }), "needs at least one letter"),
        (
            "update_chip",
            json!({ "id": "builtin-place-home", "label": "Work" }),
            "already a place called",
        ),
        ("update_chip", json!({ "id": "nope", "hidden": true }), "isn't here any more"),
        (
            "set_urge_chip",
            json!({ "urgeId": id, "chipId": "nope", "on": true }),
            "isn't here any more",
        ),
        (
            "set_urge_chip",
            json!({ "urgeId": "nope", "chipId": "builtin-place-home", "on": true }),
            "isn't here any more",
        ),
        (
            "edit_urge",
            json!({ "id": id, "intensity": 12, "occurredAt": "2026-01-01T00:00:00Z" }),
            "How strong is it? A number from 0 to 10.",
        ),
        (
            "edit_urge",
            json!({ "id": id, "intensity": 5, "occurredAt": "1999-12-31T00:00:00Z" }),
            "before 2000",
        ),
        (
            "edit_urge",
            json!({ "id": id, "intensity": 5, "occurredAt": "2999-01-01T00:00:00Z" }),
            "in the future",
        ),
        (
            "edit_urge",
            json!({ "id": id, "intensity": 5, "occurredAt": "2026-01-01T00:00:00Z", "note": "n".repeat(10_001) }),
            "10,001",
        ),
        ("set_outcome", json!({ "urgeId": id }), "Nothing to save yet"),
        (
            "set_outcome",
            json!({ "urgeId": id, "intensityAfter": "3" }),
            "How strong is it now? A number from 0 to 10.",
        ),
        ("set_outcome", json!({ "urgeId": id, "action": "usedLess" }), "With a goal to stop"),
        ("set_outcome", json!({ "urgeId": id, "amount": -1 }), "got -1"),
        ("set_outcome", json!({ "urgeId": "nope", "intensityAfter": 2 }), "isn't here any more"),
        ("dismiss_rerate", json!({ "urgeId": "nope" }), "isn't here any more"),
        ("update_settings", json!({ "rerateMinutes": 0 }), "1 to 240 minutes"),
        (
            "update_settings",
            json!({ "rerateMinutes": "ten" }),
            "\u{201c}rerateMinutes\u{201d} should be a whole number",
        ),
        ("get_urge", json!({ "id": "nope" }), "isn't here any more"),
    ];
    // The craving belongs to "wine" (a goal to stop) once edited onto it.
    app.invoke(
        "edit_urge",
        json!({ "request": { "id": id, "intensity": 5, "occurredAt": before["occurredAt"], "trackedId": thing_id } }),
    )
    .await?
    .expect("move the craving onto wine");
    let before = app.invoke("get_urge", json!({ "request": { "id": id } })).await?.expect("get");
    let chips_before = app.invoke("list_chips", json!({})).await?.expect("chips");
    let things_before = app.invoke("list_things", json!({})).await?.expect("things");

    for (command, request, expected) in cases {
        let answer = app.invoke(command, json!({ "request": request })).await?;
        let error = answer.expect_err(&format!("{command} {request} must be refused"));
        let code = error["code"].as_str().unwrap_or_default();
        assert!(
            matches!(code, "invalid_input" | "not_found"),
            "{command}: a typed refusal, got {error}"
        );
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{command}: {message:?} should contain {expected:?}");
    }
    assert_eq!(app.invoke("get_urge", json!({ "request": { "id": id } })).await?, Ok(before));
    assert_eq!(app.invoke("list_chips", json!({})).await?, Ok(chips_before), "chips unchanged");
    assert_eq!(app.invoke("list_things", json!({})).await?, Ok(things_before), "things unchanged");
    assert_eq!(count(&app).await?, json!(1));
    app.close().await
}

#[tokio::test]
async fn check_in_reminders_are_opt_in() -> Result<()> {
    let app = App::start().await?;
    let settings = app.invoke("get_settings", json!({})).await?.expect("settings");
    assert_eq!(
        settings["reminders"],
        json!(false),
        "reminders stay off until the person turns them on"
    );
    app.open_settings("checkins").await?;
    app.tap("input[name=reminders]").await?;
    // Desktop platforms grant local notifications; the plugin answers through real IPC.
    app.wait_for_text("Ebb will remind you to check in.").await?;
    let settings = app.invoke("get_settings", json!({})).await?.expect("settings");
    assert_eq!(settings["reminders"], json!(true));
    app.screenshot("settings").await?;
    app.close().await
}
