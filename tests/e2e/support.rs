//! Support people, Help now and the safety plan on the real app at 390×844: call and text
//! controls carry the right `tel:`/`sms:` targets (asserted, never dialled), Help now opens in
//! one tap from every screen with the region's numbers and the overdose steps, the safety plan
//! is kept, and every new command refuses bad input with a specific message.

use anyhow::Result;
use ebb_e2e::App;
use serde_json::{Value, json};

const SAM_TEL: &str = "tel:+447700900123";
const SAM_SMS: &str = "sms:+447700900123?body=Rough%20evening%20%E2%80%94%20can%20you%20talk%3F";

async fn href(app: &App, css: &str) -> Result<String> {
    app.wait_for(css).await?;
    let script = format!("return document.querySelector({css:?}).dataset.href");
    Ok(app.eval(&script).await?.as_str().unwrap_or_default().to_owned())
}

async fn add_sam(app: &App) -> Result<()> {
    app.open_settings("support").await?;
    app.type_into("[data-people-settings] input[name=person-name]", "Sam").await?;
    app.type_into("[data-people-settings] input[name=person-phone]", "+44 7700 900123").await?;
    app.type_into("[data-people-settings] input[name=person-note]", "calls back fast").await?;
    app.tap("[data-people-settings] [data-action=save-person]").await?;
    app.wait_for("[data-people-settings] [data-person=Sam]").await?;
    app.type_into("[data-people-settings] [data-new-message]", "Rough evening — can you talk?")
        .await?;
    app.tap("[data-people-settings] [data-action=add-message]").await?;
    app.wait_for_text("“Rough evening — can you talk?”").await?;
    Ok(())
}

async fn open_help_now(app: &App) -> Result<()> {
    app.tap("[data-action=help-now]").await?;
    app.wait_for("[data-help-now]").await?;
    let focused = app.eval("return document.activeElement && document.activeElement.id").await?;
    assert_eq!(focused, "help-now-title", "focus moves into the sheet");
    Ok(())
}

async fn choose_region(app: &App, code: &str) -> Result<()> {
    app.wait_for("[data-help-now] [data-region-select]").await?;
    app.eval(&format!(
        "const s = document.querySelector('[data-help-now] [data-region-select]'); \
         s.value = '{code}'; s.dispatchEvent(new Event('change', {{ bubbles: true }}));"
    ))
    .await?;
    Ok(())
}

#[tokio::test]
async fn a_support_person_gets_call_and_text_controls_with_the_right_targets() -> Result<()> {
    let app = App::start().await?;
    add_sam(&app).await?;
    app.screenshot("support-people-settings").await?;

    // Help now lists Sam with the real targets.
    open_help_now(&app).await?;
    let sam = "[data-help-now] [data-person=Sam]";
    assert_eq!(href(&app, &format!("{sam} [data-action=call]")).await?, SAM_TEL);
    assert_eq!(href(&app, &format!("{sam} [data-action=text]")).await?, "sms:+447700900123");
    assert_eq!(href(&app, &format!("{sam} [data-action=text-message]")).await?, SAM_SMS);
    app.tap("[data-action=close-help-now]").await?;

    // After logging a craving, "Reach out" lists the same people. (Nothing is tapped: the
    // real opener would hand the link to this machine. Recording the use and the copy-the-
    // number fallback are covered by the UI unit tests against the fake client.)
    app.tap("[data-place=now]").await?;
    app.tap("[data-intensity='8']").await?;
    app.wait_for_text("Saved").await?;
    app.wait_for("[data-start=reaching-out]").await?;
    app.screenshot("support-now-after-logging").await?;
    app.tap("[data-start=reaching-out]").await?;
    let reach = "[data-reaching-out] [data-person=Sam]";
    assert_eq!(href(&app, &format!("{reach} [data-action=call]")).await?, SAM_TEL);
    assert_eq!(href(&app, &format!("{reach} [data-action=text-message]")).await?, SAM_SMS);
    app.screenshot("support-reach-out").await?;

    // The capability lets the opener open tel: and sms: only.
    for url in ["https://example.com", "file:///etc/passwd", "mailto:a@example.com"] {
        let refused = app.invoke("plugin:opener|open_url", json!({ "url": url })).await?;
        assert!(refused.is_err(), "{url} must be refused by the opener's scope: {refused:?}");
    }
    app.close().await
}

#[tokio::test]
async fn help_now_opens_in_one_tap_from_every_screen_with_numbers_and_overdose_steps() -> Result<()>
{
    let app = App::start().await?;
    app.wait_for("[data-intensity='0']").await?;
    // The button takes its own strip: it never covers the screen's content.
    let clear = app
        .eval(
            "const h = document.querySelector('header.top').getBoundingClientRect(); \
             const m = document.querySelector('main').getBoundingClientRect(); \
             return h.bottom <= m.top + 0.5 && h.height <= 60;",
        )
        .await?;
    assert_eq!(clear, json!(true), "the Help now bar sits above the content");

    // First time: the region is asked once, in Help now.
    open_help_now(&app).await?;
    app.wait_for_text("Ebb shows the emergency numbers there").await?;
    choose_region(&app, "UK").await?;
    app.wait_for_text("116 123").await?;
    app.screenshot("help-now").await?;
    // Escape closes it.
    app.eval(
        "document.querySelector('[data-help-now]').dispatchEvent(new KeyboardEvent('keydown', \
         { key: 'Escape', bubbles: true }));",
    )
    .await?;
    assert!(app.all("[data-help-now]").await?.is_empty(), "Escape closes Help now");

    for place in ["now", "history", "settings", "breathe", "player"] {
        if place == "player" {
            // During a breathing session too.
            app.tap("[data-place=now]").await?;
            app.tap("[data-action=breathe]").await?;
            app.wait_for_text("Stop and breathe normally").await?;
            app.screenshot("help-now-button-over-breathing").await?;
        } else {
            app.tap(&format!("[data-place={place}]")).await?;
        }
        open_help_now(&app).await?;
        app.wait_for("[data-help-now] [data-number-id='uk.emergency']").await?;
        let numbers = app.texts("[data-help-now] [data-number-id]").await?.join("\n");
        assert!(
            numbers.contains("999")
                && numbers.contains("Samaritans")
                && numbers.contains("116 123"),
            "{numbers}"
        );
        assert!(numbers.contains("Last checked 27 Nov 2026"), "{numbers}");
        assert_eq!(
            href(&app, "[data-help-now] [data-number-id='uk.emergency'] [data-action=call]")
                .await?,
            "tel:999"
        );
        assert_eq!(
            href(&app, "[data-help-now] [data-number-id='uk.samaritans'] [data-action=call]")
                .await?,
            "tel:116123"
        );
        let overdose = app.texts("[data-help-now] [data-overdose] li").await?;
        assert_eq!(overdose.len(), 7, "{overdose:?}");
        assert!(overdose[2].contains("one breath every 5 seconds"), "{overdose:?}");
        assert!(
            overdose[6].contains("does not reverse benzodiazepines or alcohol"),
            "{overdose:?}"
        );
        if place == "player" {
            app.screenshot("help-now-over-breathing").await?;
        }
        app.tap("[data-action=close-help-now]").await?;
        assert!(app.all("[data-help-now]").await?.is_empty());
    }
    app.wait_for_text("Stop and breathe normally").await?;

    // Scrolled to the numbers and steps, for people to look at.
    open_help_now(&app).await?;
    app.eval("document.querySelector('[data-overdose]').scrollIntoView({ block: 'start' });")
        .await?;
    app.screenshot("help-now-overdose").await?;
    app.close().await
}

#[tokio::test]
async fn the_safety_plan_is_kept_after_reopening() -> Result<()> {
    let app = App::start().await?;
    open_help_now(&app).await?;
    app.tap("[data-action=open-safety-plan]").await?;
    app.type_into("#plan-step-1", "Pacing, not sleeping").await?;
    app.tap("[data-action=save-step][data-step='1']").await?;
    app.wait_for_text("Saved").await?;
    app.type_into("#plan-step-6", "Keep nothing at home this week").await?;
    app.tap("[data-action=save-step][data-step='6']").await?;
    app.screenshot("help-now-safety-plan").await?;
    app.tap("[data-action=close-help-now]").await?;
    app.tap("[data-place=history]").await?;
    open_help_now(&app).await?;
    app.tap("[data-action=open-safety-plan]").await?;
    app.wait_for("#plan-step-1").await?;
    let kept = app.eval("return document.querySelector('#plan-step-1').value").await?;
    assert_eq!(kept, "Pacing, not sleeping");
    let plan = app.invoke("get_safety_plan", json!({})).await?.unwrap();
    assert_eq!(plan[5]["text"], "Keep nothing at home this week");
    app.close().await
}

#[tokio::test]
async fn bad_input_to_every_support_command_is_refused_and_changes_nothing() -> Result<()> {
    let app = App::start().await?;
    let sam = app
        .invoke("add_support_person", json!({ "request": { "name": "Sam", "phone": "555 0100" } }))
        .await?
        .unwrap();
    let sam_id = sam["id"].clone();
    app.invoke("update_settings", json!({ "request": { "region": "US" } })).await?.unwrap();
    let before = snapshot(&app).await?;
    let long = "x".repeat(161);
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "add_support_person",
            json!({ "name": "Jo", "phone": "call me" }),
            "“c” isn't one of them",
        ),
        (
            "add_support_person",
            json!({ "name": "", "phone": "999" }),
            "A name needs at least one letter or number.",
        ),
        ("add_support_person", json!({ "name": "Jo" }), "The number is missing."),
        (
            "add_support_person",
            json!({ "name": "Jo", "phone": "12" }),
            "A phone number has 3 to 20 digits; this one has 2.",
        ),
        (
            "update_support_person",
            json!({ "id": sam_id, "name": "Sam", "phone": "1+2" }),
            "A + can only come first",
        ),
        (
            "update_support_person",
            json!({ "id": "nobody", "name": "Sam", "phone": "999" }),
            "isn't here any more",
        ),
        ("delete_support_person", json!({ "id": "nobody" }), "isn't here any more"),
        ("delete_support_person", json!({}), "The id is missing."),
        ("reorder_support_people", json!({ "ids": ["nobody"] }), "Nothing was moved."),
        ("reorder_support_people", json!({ "ids": "all" }), "\u{201c}ids\u{201d} should be a list"),
        (
            "add_support_message",
            json!({ "personId": sam_id, "text": " " }),
            "A message needs at least one word.",
        ),
        (
            "add_support_message",
            json!({ "personId": sam_id, "text": long }),
            "up to 160 characters (one text); this one has 161.",
        ),
        (
            "add_support_message",
            json!({ "personId": "nobody", "text": "hi" }),
            "isn't here any more",
        ),
        ("update_support_message", json!({ "id": "nothing", "text": "hi" }), "isn't here any more"),
        ("delete_support_message", json!({ "id": "nothing" }), "isn't here any more"),
        (
            "add_crisis_number",
            json!({ "label": "Clinic", "number": "clinic" }),
            "isn't one of them",
        ),
        (
            "add_crisis_number",
            json!({ "label": "", "number": "999" }),
            "A label needs at least one letter or number.",
        ),
        (
            "edit_crisis_number",
            json!({ "id": "us.988", "label": "988", "number": "98" }),
            "3 to 20 digits; this one has 2.",
        ),
        (
            "edit_crisis_number",
            json!({ "id": "nope", "label": "X", "number": "999" }),
            "isn't here any more",
        ),
        ("reset_crisis_number", json!({ "id": "nope" }), "Only Ebb's own numbers can be reset"),
        (
            "set_crisis_number_hidden",
            json!({ "id": "nope", "hidden": true }),
            "Only Ebb's own numbers can be hidden",
        ),
        (
            "set_crisis_number_hidden",
            json!({ "id": "us.988" }),
            "\u{201c}hidden\u{201d} is missing.",
        ),
        (
            "delete_crisis_number",
            json!({ "id": "us.emergency" }),
            "can be changed or hidden, not deleted",
        ),
        (
            "set_safety_plan_step",
            json!({ "step": 7, "text": "x" }),
            "A safety plan has six steps, 1 to 6; got 7.",
        ),
        (
            "set_safety_plan_step",
            json!({ "step": 1, "text": "x".repeat(4_001) }),
            "up to 4,000 characters; this one has 4,001.",
        ),
        (
            "set_safety_plan_step",
            json!({ "step": 1, "text": "x", "extra": 1 }),
            "Ebb doesn't know \u{201c}extra\u{201d} here.",
        ),
        ("update_settings", json!({ "region": "FR" }), "“FR” isn't one."),
    ];
    for (command, request, expected) in cases {
        let answer = app.invoke(command, json!({ "request": request })).await?;
        let error = answer.expect_err("a bad request must be refused");
        let code = error["code"].as_str().unwrap_or_default();
        assert!(code == "invalid_input" || code == "not_found", "{command}: typed refusal {error}");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{command}: {message:?} should contain {expected:?}");
    }
    assert_eq!(snapshot(&app).await?, before, "no refused request changed anything");
    app.close().await
}

async fn snapshot(app: &App) -> Result<Value> {
    let mut all = Vec::new();
    for command in ["list_support_people", "get_crisis_numbers", "get_safety_plan", "get_settings"]
    {
        all.push(app.invoke(command, json!({})).await?.unwrap());
    }
    Ok(Value::Array(all))
}
