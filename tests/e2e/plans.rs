//! If-then plans and the goals review on the real app: a plan tied to "After work" is shown
//! first on Now for a craving with that trigger and acted on; the outcome asks whether it was
//! followed; a plan linked to a support person offers "Call Sam" on Now; a cut-down goal's review
//! counts days within plan from logged outcomes; every new command refuses bad raw input with a
//! specific message and changes nothing.

use anyhow::Result;
use ebb_e2e::App;
use serde_json::{Value, json};

const AFTER_WORK: &str = "builtin-trigger-after-work";

async fn db_count(app: &App, sql: &str) -> Result<i64> {
    let store = ebb_e2e::open_store(&app.data_dir().join("ebb.db"))?;
    Ok(store.connection().query_row(sql, [], |r| r.get(0))?)
}

/// Waits until `sql` counts `expected` rows (writes land a moment after a tap).
async fn eventually(app: &App, sql: &str, expected: i64) -> Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let n = db_count(app, sql).await?;
        if n == expected {
            return Ok(());
        }
        anyhow::ensure!(std::time::Instant::now() < deadline, "{sql}: {n}, expected {expected}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_plan_tied_to_after_work_is_shown_first_acted_on_and_followed() -> Result<()> {
    let app = App::start().await?;
    app.tap("[data-action=setup-skip]").await?;

    // Write the plan in "My plans", reached from Now.
    app.tap("[data-action=open-plans]").await?;
    app.tap("[data-action=new-plan]").await?;
    app.type_into("input[name=plan-if]", "I get home after work").await?;
    app.tap(&format!("[data-plan-editor] [data-chip='{AFTER_WORK}']")).await?;
    app.type_into("input[name=plan-then]", "walk round the block first").await?;
    app.eval(
        "const s = document.querySelector('select[name=plan-technique]'); \
         s.value = 'breathing.box'; \
         s.dispatchEvent(new Event('change', { bubbles: true })); return null",
    )
    .await?;
    app.eval("window.scrollTo(0, 0); return null").await?;
    app.screenshot("plan-editor").await?;
    app.tap("[data-action=save-plan]").await?;
    app.wait_for_text("Plan added.").await?;
    // A second plan, to see order and stats on the list.
    app.tap("[data-action=new-plan]").await?;
    app.type_into("input[name=plan-if]", "it's Friday drinks").await?;
    app.tap("[data-plan-editor] [data-chip='builtin-trigger-party']").await?;
    app.type_into("input[name=plan-then]", "alternate with water").await?;
    app.tap("[data-action=save-plan]").await?;
    app.wait_for_text("Plan added.").await?;
    let plans = app.texts("[data-plan] .words").await?;
    assert_eq!(
        plans,
        [
            "If I get home after work, then I will walk round the block first",
            "If it's Friday drinks, then I will alternate with water"
        ]
    );
    app.eval("window.scrollTo(0, 0); return null").await?;
    app.screenshot("plans-list").await?;
    app.tap("[data-action=close-plans]").await?;

    // Log a craving with the trigger: the plan comes first, above the suggestions.
    app.tap("[data-intensity='7']").await?;
    app.wait_for_text("Saved").await?;
    assert!(app.all("[data-plan-now]").await?.is_empty(), "no trigger yet: no plan");
    app.tap(&format!("[data-chip='{AFTER_WORK}']")).await?;
    app.wait_for("[data-plan-now]").await?;
    let first: Value = app
        .eval(
            "const plan = document.querySelector('[data-plan-now]'); \
             const rest = [...document.querySelectorAll('[data-suggestions], [data-action=breathe-now]')]; \
             return rest.length > 0 && rest.every(el => \
               (plan.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && \
               plan.getBoundingClientRect().bottom <= el.getBoundingClientRect().top)",
        )
        .await?;
    assert_eq!(first, json!(true), "the plan is shown first, above breathing and suggestions");
    let words = app.texts("[data-plan-now] .words").await?;
    assert_eq!(words, ["If I get home after work, then I will walk round the block first"]);
    eventually(&app, "SELECT count(*) FROM plan_uses WHERE acted_at IS NULL", 1).await?;
    app.eval("window.scrollTo(0, 0); return null").await?;
    app.screenshot("plan-on-now").await?;

    // One tap acts on it: the linked technique starts, linked to the craving.
    app.tap("[data-action=plan-start]").await?;
    eventually(&app, "SELECT count(*) FROM plan_uses WHERE acted_at IS NOT NULL", 1).await?;
    eventually(
        &app,
        "SELECT count(*) FROM technique_sessions s JOIN plan_uses p ON p.urge_id = s.urge_id",
        1,
    )
    .await?;
    app.screenshot("plan-started").await?;

    // With the outcome: "Did you follow your plan?"
    let urge_id: String = {
        let store = ebb_e2e::open_store(&app.data_dir().join("ebb.db"))?;
        store.connection().query_row("SELECT urge_id FROM plan_uses", [], |r| r.get(0))?
    };
    app.tap("[data-place=history]").await?;
    app.tap("[data-action=add-outcome]").await?;
    app.wait_for_text("Did you follow your plan?").await?;
    app.tap("[data-followed=yes]").await?;
    eventually(&app, "SELECT count(*) FROM plan_uses WHERE followed = 'yes'", 1).await?;
    app.tap("[data-outcome=didntUse]").await?;
    eventually(&app, "SELECT count(*) FROM outcomes WHERE action = 'didnt_use'", 1).await?;
    let uses = app.invoke("plan_uses_for_urge", json!({ "request": { "id": urge_id } })).await?;
    assert_eq!(uses.expect("answers")[0]["followed"], "yes");

    // The list says how it went, in plain words.
    app.open_settings("tracking").await?;
    app.tap("[data-action=open-plans]").await?;
    app.wait_for("[data-plan-stats]").await?;
    let stats = app.texts("[data-plan-stats]").await?;
    assert_eq!(stats[0], "Shown 1 time · followed 1 of 1 · 1 of 1 went the way you hoped");
    app.close().await
}

#[tokio::test]
async fn a_plan_linked_to_sam_offers_to_call_him_on_now() -> Result<()> {
    // "If I'm home alone after 10 pm, then I'll call Sam or do box breathing."
    let app = App::start().await?;
    app.tap("[data-action=setup-skip]").await?;
    app.wait_for("[data-intensity='0']").await?;
    let sam = app
        .invoke(
            "add_support_person",
            json!({ "request": { "name": "Sam", "phone": "07700 900123" } }),
        )
        .await?
        .expect("Sam is added");
    let sam_id = sam["id"].as_str().unwrap().to_owned();

    app.tap("[data-action=open-plans]").await?;
    app.tap("[data-action=new-plan]").await?;
    app.type_into("input[name=plan-if]", "I get home after work").await?;
    app.tap(&format!("[data-plan-editor] [data-chip='{AFTER_WORK}']")).await?;
    app.type_into("input[name=plan-then]", "do box breathing").await?;
    app.wait_for("select[name=plan-person]").await?;
    let options = app.texts("select[name=plan-person] option").await?;
    assert_eq!(options, ["No one", "Sam"], "the person's own support people");
    app.eval(&format!(
        "const s = document.querySelector('select[name=plan-person]'); \
         s.value = '{sam_id}'; \
         s.dispatchEvent(new Event('change', {{ bubbles: true }})); return null"
    ))
    .await?;
    app.tap("[data-action=save-plan]").await?;
    app.wait_for_text("Plan added.").await?;
    let words = app.texts("[data-plan] .words").await?;
    assert_eq!(words, ["If I get home after work, then I will do box breathing …or call Sam"]);
    let stored = app.invoke("list_plans", json!({})).await?.expect("plans");
    assert_eq!(stored[0]["personId"], sam_id.as_str());
    app.eval("window.scrollTo(0, 0); return null").await?;
    app.screenshot("plan-with-person").await?;
    app.tap("[data-action=close-plans]").await?;

    // A craving with the chip: the plan comes first, with Call and Text Sam (not tapped here).
    app.tap("[data-intensity='7']").await?;
    app.wait_for_text("Saved").await?;
    app.tap(&format!("[data-chip='{AFTER_WORK}']")).await?;
    app.wait_for("[data-plan-now] [data-action=plan-call]").await?;
    let controls: Value = app
        .eval(
            "return [...document.querySelectorAll('[data-plan-now] [data-href]')] \
               .map(el => [el.dataset.action, el.dataset.href, el.innerText.trim()])",
        )
        .await?;
    assert_eq!(
        controls,
        json!([
            ["plan-call", "tel:07700900123", "Call Sam"],
            ["plan-text", "sms:07700900123", "Text Sam"]
        ])
    );
    app.eval("window.scrollTo(0, 0); return null").await?;
    app.screenshot("plan-call-sam-on-now").await?;
    app.close().await
}

#[tokio::test]
async fn a_cut_down_goal_review_counts_days_within_plan_from_logged_outcomes() -> Result<()> {
    let app = App::start().await?;
    app.type_into("#setup-name", "evening wine").await?;
    app.type_into("input[name=plan-amount]", "2").await?;
    app.type_into("input[name=plan-unit]", "glasses").await?;
    app.tap("[data-action=setup-save]").await?;
    app.wait_for("[data-intensity='0']").await?;
    let things = app.invoke("list_things", json!({})).await?.expect("things");
    let thing_id = things[0]["id"].as_str().unwrap().to_owned();

    // Three earlier days with outcomes: 1 glass and 2 glasses (within), 3 glasses (above).
    let now = chrono::Utc::now();
    for (days_ago, action, amount) in
        [(1, "usedLess", 1.0), (2, "usedAsPlanned", 2.0), (3, "usedAsPlanned", 3.0)]
    {
        let at = (now - chrono::Duration::days(days_ago)).to_rfc3339();
        let urge = app
            .invoke(
                "log_urge",
                json!({ "request": { "intensity": 6, "occurredAt": at, "trackedId": thing_id } }),
            )
            .await?
            .expect("logged");
        app.invoke(
            "set_outcome",
            json!({ "request": { "urgeId": urge["id"], "action": action, "amount": amount } }),
        )
        .await?
        .expect("outcome saved");
    }

    app.open_settings("tracking").await?;
    app.tap("[data-thing='evening wine'] [data-action=review-goal]").await?;
    app.wait_for_text("2 of the last 14 days within plan (3 with something recorded).").await?;
    app.wait_for_text("You planned 2 glasses a day; on days with an amount it was 2 on average.")
        .await?;
    app.wait_for_text("1 time you used less than planned. That counts.").await?;
    assert_eq!(app.all(".strip .day.within").await?.len(), 2);
    assert_eq!(app.all(".amounts tbody tr").await?.len(), 3, "planned vs actual per day");
    app.screenshot("goal-review").await?;

    // Adjust the goal in place: the review follows it.
    app.tap("[data-action=adjust-goal]").await?;
    app.eval(
        "const i = document.querySelector('[data-goal-review] input[name=plan-amount]'); \
         i.value = '3'; i.dispatchEvent(new Event('input', { bubbles: true })); return null",
    )
    .await?;
    app.tap("[data-action=save-goal]").await?;
    app.wait_for_text("3 of the last 14 days within plan").await?;

    // A safer-use goal shows the safer-use tips, gently, in the goal view.
    app.tap("[data-action=adjust-goal]").await?;
    app.tap("[data-goal-review] input[value=safer]").await?;
    app.tap("[data-action=save-goal]").await?;
    app.wait_for("[data-safer-tips]").await?;
    app.wait_for_text("One substance at a time").await?;
    app.eval("window.scrollTo(0, 0); return null").await?;
    app.screenshot("goal-review-safer").await?;

    // The same review from Insights' outcomes.
    app.tap("[data-place=insights]").await?;
    app.tap("[data-thing-review='evening wine']").await?;
    app.wait_for("[data-goal-review='evening wine'] [data-safer-tips]").await?;
    app.close().await
}

#[tokio::test]
async fn bad_plan_and_goal_requests_through_raw_ipc_are_refused_and_change_nothing() -> Result<()> {
    let app = App::start().await?;
    app.wait_for("[data-intensity='0']").await?;
    let plan = app
        .invoke("add_plan", json!({ "request": { "ifText": "after work", "thenText": "walk", "chipIds": [AFTER_WORK] } }))
        .await?
        .expect("a good plan is made");
    let plan_id = plan["id"].as_str().unwrap().to_owned();
    let urge =
        app.invoke("log_urge", json!({ "request": { "intensity": 5 } })).await?.expect("logged");
    let urge_id = urge["id"].as_str().unwrap().to_owned();
    let before = app.invoke("list_plans", json!({})).await?.expect("plans");

    let long = "x".repeat(61);
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "add_plan",
            json!({ "ifText": " ", "thenText": "walk" }),
            "The “if” part needs at least one letter or number.",
        ),
        (
            "add_plan",
            json!({ "ifText": "a", "thenText": long }),
            "The “then” part can be up to 60 characters; this one has 61.",
        ),
        (
            "add_plan",
            json!({ "ifText": "a", "thenText": "b", "chipIds": ["nope"] }),
            "There is no chip “nope”; pick from your chips.",
        ),
        (
            "add_plan",
            json!({ "ifText": "a", "thenText": "b", "techniqueId": "breathing.nope" }),
            "There is no technique called “breathing.nope”.",
        ),
        (
            "add_plan",
            json!({ "ifText": "a", "thenText": "b", "personId": "nobody" }),
            "There is no support person “nobody”; pick someone from your list.",
        ),
        (
            "update_plan",
            json!({ "id": plan_id, "ifText": "a", "thenText": "b", "personId": "nobody" }),
            "There is no support person “nobody”; pick someone from your list.",
        ),
        (
            "add_plan",
            json!({ "ifText": "a", "thenText": "b", "timeBand": "dawn" }),
            "should be one of: morning, afternoon, evening, night",
        ),
        ("add_plan", json!({ "ifText": "a" }), "\u{201c}thenText\u{201d} is missing."),
        (
            "add_plan",
            json!({ "ifText": "a", "thenText": "b", "extra": 1 }),
            "Ebb doesn't know \u{201c}extra\u{201d} here.",
        ),
        (
            "update_plan",
            json!({ "id": plan_id, "ifText": "", "thenText": "b" }),
            "The “if” part needs at least one letter or number.",
        ),
        (
            "update_plan",
            json!({ "id": "nope", "ifText": "a", "thenText": "b" }),
            "That plan isn't here any more",
        ),
        (
            "move_plan",
            json!({ "id": plan_id, "position": -1 }),
            "\u{201c}position\u{201d} should be a whole number",
        ),
        ("move_plan", json!({ "id": "nope", "position": 0 }), "That plan isn't here any more"),
        (
            "set_plan_paused",
            json!({ "id": plan_id, "paused": "yes" }),
            "\u{201c}paused\u{201d} should be true or false",
        ),
        (
            "set_plan_paused",
            json!({ "id": "nope", "paused": true }),
            "That plan isn't here any more",
        ),
        ("delete_plan", json!({ "id": "nope" }), "That plan isn't here any more"),
        ("delete_plan", json!({}), "The id is missing."),
        ("matching_plans", json!({ "id": "nope" }), "That craving isn't here any more"),
        (
            "record_plan_shown",
            json!({ "planId": plan_id, "urgeId": "nope" }),
            "That craving isn't here any more",
        ),
        (
            "record_plan_acted",
            json!({ "planId": "nope", "urgeId": urge_id }),
            "That plan isn't here any more",
        ),
        (
            "set_plan_followed",
            json!({ "planId": plan_id, "urgeId": urge_id, "followed": "yes" }),
            "That plan wasn't shown for this craving",
        ),
        (
            "set_plan_followed",
            json!({ "planId": plan_id, "urgeId": urge_id, "followed": "maybe" }),
            "should be one of: yes, partly, no",
        ),
        ("plan_uses_for_urge", json!({ "id": "nope" }), "That craving isn't here any more"),
        ("goal_review", json!({ "id": "nope" }), "That tracked thing isn't here any more"),
    ];
    for (command, request, expected) in cases {
        let answer = app.invoke(command, json!({ "request": request })).await?;
        let error = answer.expect_err(&format!("{command} {request} must be refused"));
        let message = error["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(expected),
            "{command} {request}: message {message:?} should contain {expected:?}"
        );
        assert!(
            matches!(error["code"].as_str(), Some("invalid_input" | "not_found")),
            "{command}: a typed refusal: {error}"
        );
    }
    let after = app.invoke("list_plans", json!({})).await?.expect("plans");
    assert_eq!(after, before, "no refused request changed a plan");
    assert_eq!(db_count(&app, "SELECT count(*) FROM plan_uses").await?, 0, "nothing recorded");
    app.close().await
}
