//! The shell's smoke test: every command is registered and answers through real IPC dispatch
//! (Tauri's mock runtime), with the real core on an in-memory store.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;

use crate::state::AppState;

fn app() -> (tauri::App<tauri::test::MockRuntime>, tauri::WebviewWindow<tauri::test::MockRuntime>) {
    let app = mock_builder()
        .invoke_handler(crate::invoke_handler())
        .manage(AppState::with_store(ebb_core::Store::open_in_memory().unwrap()))
        .build(mock_context(noop_assets()))
        .expect("the app builds with every command registered");
    let window =
        tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window)
}

pub(crate) fn call(
    window: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn every_command_answers_through_ipc() {
    let (_app, window) = app();
    let status = call(&window, "app_status", json!({})).unwrap();
    assert_eq!(status["problem"], Value::Null, "an in-memory store opens: {status}");

    let urge = call(&window, "log_urge", json!({ "request": { "intensity": 7 } })).unwrap();
    assert_eq!(urge["intensity"], 7);
    let id = urge["id"].as_str().unwrap().to_owned();

    let noted = call(&window, "set_urge_note", json!({ "request": { "id": id, "note": "tired" } }));
    assert_eq!(noted.unwrap()["note"], "tired");

    let page = call(&window, "list_urges", json!({ "request": { "limit": 10 } })).unwrap();
    assert_eq!(page["urges"].as_array().map(Vec::len), Some(1), "{page}");
    assert_eq!(call(&window, "count_urges", json!({})), Ok(json!(1)));

    assert_eq!(call(&window, "delete_urge", json!({ "request": { "id": id } })), Ok(Value::Null));
    assert_eq!(call(&window, "count_urges", json!({})), Ok(json!(0)));
    assert_eq!(call(&window, "ui_ready", json!({})), Ok(Value::Null), "no probe: nothing happens");
}

#[test]
fn refusals_cross_ipc_as_code_and_message() {
    let (_app, window) = app();
    let cases = [
        (json!({ "intensity": 12 }), "How strong is it? A number from 0 to 10."),
        (json!({ "intensity": "7" }), "How strong is it? A number from 0 to 10."),
        (json!({ "intensity": 3, "mood": "low" }), "Ebb doesn't know \u{201c}mood\u{201d} here."),
        (json!([7]), "This request should be a set of fields."),
    ];
    for (request, expected) in cases {
        let error = call(&window, "log_urge", json!({ "request": request })).unwrap_err();
        assert_eq!(error["code"], "invalid_input", "{error}");
        let message = error["message"].as_str().unwrap();
        assert!(message.contains(expected), "{message:?} should contain {expected:?}");
    }
    let absent = call(&window, "log_urge", json!({})).unwrap_err();
    assert_eq!(
        absent["code"], "invalid_input",
        "a call without its request is refused in words: {absent}"
    );
    let deleted = call(&window, "delete_urge", json!({ "request": ["nope"] })).unwrap_err();
    assert_eq!(deleted["code"], "invalid_input", "an array is not an id request: {deleted}");
    let missing = call(&window, "delete_urge", json!({ "request": { "id": "nope" } })).unwrap_err();
    assert_eq!(missing["code"], "not_found", "{missing}");
    assert_eq!(call(&window, "count_urges", json!({})), Ok(json!(0)), "refusals change nothing");
}

#[test]
fn a_store_that_failed_to_open_is_reported_not_panicked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(crate::state::DATABASE_FILE), b"junk junk junk".repeat(100))
        .unwrap();
    let state = AppState::open_with(
        dir.path(),
        crate::state::StartupProbe::Off,
        std::sync::Arc::new(ebb_core::keys::NoKeystore),
        std::sync::Arc::default(),
    );
    let status = state.status();
    let problem = status.problem.expect("a junk file cannot be opened");
    assert_eq!(problem.code, "data_unreadable");
    assert!(
        status.data_path.ends_with("ebb.db"),
        "the status names the file: {}",
        status.data_path
    );
}

#[test]
fn the_capture_commands_answer_through_ipc() {
    let (_app, window) = app();
    let thing = call(&window, "add_thing", json!({ "request": { "name": "wine", "goal": { "kind": "cutDown", "plannedAmount": 2, "unit": "glasses" } } })).unwrap();
    assert_eq!(thing["goal"]["kind"], "cutDown", "{thing}");
    let thing_id = thing["id"].as_str().unwrap().to_owned();
    assert_eq!(
        call(&window, "default_thing", json!({})),
        Ok(json!(thing_id)),
        "the only thing is the default"
    );
    let renamed =
        call(&window, "update_thing", json!({ "request": { "id": thing_id, "name": "red wine" } }));
    assert_eq!(renamed.unwrap()["name"], "red wine");
    assert_eq!(call(&window, "list_things", json!({})).unwrap().as_array().map(Vec::len), Some(1));

    let chips = call(&window, "list_chips", json!({})).unwrap();
    assert!(chips.as_array().map(Vec::len).unwrap_or(0) >= 20, "built-in chips are there");
    let own =
        call(&window, "add_chip", json!({ "request": { "kind": "trigger", "label": "Sunday" } }))
            .unwrap();
    let hidden =
        call(&window, "update_chip", json!({ "request": { "id": own["id"], "hidden": true } }));
    assert_eq!(hidden.unwrap()["hidden"], true);

    let urge = call(&window, "log_urge", json!({ "request": { "intensity": 8 } })).unwrap();
    assert_eq!(urge["trackedId"], json!(thing_id), "logging uses the only thing");
    let id = urge["id"].as_str().unwrap().to_owned();
    let on = call(
        &window,
        "set_urge_chip",
        json!({ "request": { "urgeId": id, "chipId": "builtin-feeling-tired", "on": true } }),
    );
    assert_eq!(on, Ok(json!(["builtin-feeling-tired"])));
    let edited = call(
        &window,
        "edit_urge",
        json!({ "request": { "id": id, "intensity": 6, "occurredAt": urge["occurredAt"], "trackedId": thing_id } }),
    );
    assert_eq!(edited.unwrap()["intensity"], 6);
    let rerate = call(&window, "get_rerate", json!({})).unwrap();
    assert_eq!(rerate["due"], false, "not due right after logging: {rerate}");
    let outcome = call(
        &window,
        "set_outcome",
        json!({ "request": { "urgeId": id, "intensityAfter": 3, "action": "usedLess" } }),
    );
    assert_eq!(outcome.unwrap()["action"], "usedLess");
    assert_eq!(
        call(&window, "get_urge", json!({ "request": { "id": id } })).unwrap()["outcome"]["intensityAfter"],
        3
    );
    assert_eq!(call(&window, "get_rerate", json!({})), Ok(Value::Null), "answered: nothing to ask");
    assert_eq!(
        call(&window, "dismiss_rerate", json!({ "request": { "urgeId": id } })),
        Ok(Value::Null)
    );
    let settings = call(
        &window,
        "update_settings",
        json!({ "request": { "rerateMinutes": 20, "setupDone": true } }),
    );
    assert_eq!(settings.unwrap()["rerateMinutes"], 20);
    assert_eq!(call(&window, "get_settings", json!({})).unwrap()["setupDone"], true);
}

#[test]
fn the_library_commands_answer_through_ipc() {
    let (_app, window) = app();
    let library = call(&window, "list_techniques", json!({})).unwrap();
    assert_eq!(library["defaultTechniqueId"], "breathing.box", "{library}");
    let pattern = json!({ "name": "My 3-5", "inhale": 3, "holdIn": 0, "exhale": 5, "holdOut": 0 });
    let made = call(&window, "create_pattern", json!({ "request": pattern })).unwrap();
    assert_eq!(made["custom"], true, "{made}");
    let id = made["id"].as_str().unwrap().to_owned();
    let edited = call(
        &window,
        "update_pattern",
        json!({ "request": { "id": id, "pattern": { "name": "My 3-6", "inhale": 3, "holdIn": 0, "exhale": 6, "holdOut": 0 } } }),
    )
    .unwrap();
    assert_eq!(edited["name"], "My 3-6");
    let hidden = call(
        &window,
        "set_technique_hidden",
        json!({ "request": { "techniqueId": "breathing.4-7-8", "hidden": true } }),
    )
    .unwrap();
    assert_eq!(hidden["hidden"], json!(["breathing.4-7-8"]));

    let session = call(
        &window,
        "start_session",
        json!({ "request": { "techniqueId": "urge-surfing", "plannedSeconds": 300 } }),
    )
    .unwrap();
    let check_in = call(
        &window,
        "record_check_in",
        json!({ "request": { "sessionId": session["id"], "passed": false, "intensity": 6 } }),
    )
    .unwrap();
    assert_eq!(check_in["intensity"], 6, "{check_in}");
    assert_eq!(
        call(&window, "delete_pattern", json!({ "request": { "id": id } })),
        Ok(Value::Null)
    );
    let bad = call(&window, "create_pattern", json!({ "request": { "name": "x", "inhale": 3 } }))
        .unwrap_err();
    assert_eq!(bad["code"], "invalid_input", "a missing field is refused in words: {bad}");
}

#[test]
fn the_helps_and_insights_commands_answer_through_ipc() {
    let (_app, window) = app();
    let urge = call(&window, "log_urge", json!({ "request": { "intensity": 8 } })).unwrap();
    let suggestions =
        call(&window, "suggest", json!({ "request": { "urgeId": urge["id"] } })).unwrap();
    assert_eq!(suggestions.as_array().map(Vec::len), Some(3), "{suggestions}");
    let offered = json!([suggestions[0]["techniqueId"], suggestions[1]["techniqueId"]]);
    let response = json!({ "request": { "urgeId": urge["id"], "offered": offered } });
    assert_eq!(call(&window, "record_suggestion", response), Ok(Value::Null));
    let helps = call(&window, "what_helps", json!({})).unwrap();
    assert_eq!(helps["rated"], 0, "{helps}");
    let insights =
        call(&window, "get_insights", json!({ "request": { "range": "fourWeeks" } })).unwrap();
    assert_eq!(insights["weeks"].as_array().map(Vec::len), Some(4), "{insights}");
    let filter = json!({ "request": { "filter": { "minIntensity": 8 } } });
    assert_eq!(call(&window, "count_matching", filter), Ok(json!(1)));
    let page = call(
        &window,
        "list_urges",
        json!({ "request": { "limit": 5, "filter": { "maxIntensity": 3 } } }),
    )
    .unwrap();
    assert_eq!(page["urges"].as_array().map(Vec::len), Some(0), "{page}");
}

#[test]
fn the_plans_and_goals_commands_answer_through_ipc() {
    let (_app, window) = app();
    let thing = call(&window, "add_thing", json!({ "request": { "name": "wine", "goal": { "kind": "cutDown", "plannedAmount": 2, "unit": "glasses" } } })).unwrap();
    let plan = call(
        &window,
        "add_plan",
        json!({ "request": { "ifText": "after work", "thenText": "walk home", "chipIds": ["builtin-trigger-after-work"], "techniqueId": "breathing.box" } }),
    )
    .unwrap();
    let plan_id = plan["id"].as_str().unwrap().to_owned();
    let other = call(
        &window,
        "add_plan",
        json!({ "request": { "ifText": "evenings", "thenText": "tea", "timeBand": "evening" } }),
    )
    .unwrap();
    let edited = call(
        &window,
        "update_plan",
        json!({ "request": { "id": plan_id, "ifText": "after work", "thenText": "walk the long way", "chipIds": ["builtin-trigger-after-work"] } }),
    )
    .unwrap();
    assert_eq!(edited["thenText"], "walk the long way");
    let order =
        call(&window, "move_plan", json!({ "request": { "id": other["id"], "position": 0 } }))
            .unwrap();
    assert_eq!(order[0]["id"], other["id"]);
    let paused = call(
        &window,
        "set_plan_paused",
        json!({ "request": { "id": other["id"], "paused": true } }),
    )
    .unwrap();
    assert_eq!(paused["paused"], true);
    assert_eq!(call(&window, "list_plans", json!({})).unwrap().as_array().map(Vec::len), Some(2));

    let urge = call(&window, "log_urge", json!({ "request": { "intensity": 7 } })).unwrap();
    let urge_id = urge["id"].as_str().unwrap().to_owned();
    call(&window, "set_urge_chip", json!({ "request": { "urgeId": urge_id, "chipId": "builtin-trigger-after-work", "on": true } })).unwrap();
    let matches = call(&window, "matching_plans", json!({ "request": { "id": urge_id } })).unwrap();
    assert_eq!(matches.as_array().map(Vec::len), Some(1), "{matches}");
    let pair = json!({ "request": { "planId": plan_id, "urgeId": urge_id } });
    assert_eq!(call(&window, "record_plan_shown", pair.clone()).unwrap()["acted"], false);
    assert_eq!(call(&window, "record_plan_acted", pair).unwrap()["acted"], true);
    let followed = call(
        &window,
        "set_plan_followed",
        json!({ "request": { "planId": plan_id, "urgeId": urge_id, "followed": "partly" } }),
    )
    .unwrap();
    assert_eq!(followed["followed"], "partly");
    let uses =
        call(&window, "plan_uses_for_urge", json!({ "request": { "id": urge_id } })).unwrap();
    assert_eq!(uses[0]["planId"], json!(plan_id));
    let review = call(&window, "goal_review", json!({ "request": { "id": thing["id"] } })).unwrap();
    assert_eq!(review["days"].as_array().map(Vec::len), Some(14), "{review}");
    assert_eq!(review["plan"]["of"], 14);

    let refused =
        call(&window, "add_plan", json!({ "request": { "ifText": " ", "thenText": "x" } }));
    assert_eq!(refused.unwrap_err()["code"], "invalid_input");
    assert_eq!(
        call(&window, "delete_plan", json!({ "request": { "id": plan_id } })),
        Ok(Value::Null)
    );
    assert_eq!(call(&window, "list_plans", json!({})).unwrap().as_array().map(Vec::len), Some(1));
}

#[test]
fn the_journal_commands_answer_through_ipc() {
    let (_app, window) = app();
    let prompts = call(&window, "journal_prompts", json!({})).unwrap();
    assert_eq!(prompts.as_array().map(Vec::len), Some(4), "{prompts}");
    let urge = call(&window, "log_urge", json!({ "request": { "intensity": 7 } })).unwrap();
    let session = call(
        &window,
        "start_session",
        json!({ "request": { "techniqueId": "journaling", "urgeId": urge["id"], "plannedSeconds": 600 } }),
    )
    .unwrap();
    let entry = call(
        &window,
        "create_journal_entry",
        json!({ "request": { "body": "Wrote it down", "sessionId": session["id"], "prompt": "What did you need in that moment?" } }),
    )
    .unwrap();
    assert_eq!(entry["urge"]["id"], urge["id"], "{entry}");
    let id = entry["id"].clone();
    let edited =
        call(&window, "edit_journal_entry", json!({ "request": { "id": id, "body": "Edited" } }))
            .unwrap();
    assert_eq!(edited["text"], "Edited");
    let got = call(&window, "get_journal_entry", json!({ "request": { "id": id } })).unwrap();
    assert_eq!(got["text"], "Edited");
    let page = call(
        &window,
        "list_journal",
        json!({ "request": { "limit": 10, "filter": { "text": "edit", "linked": true } } }),
    )
    .unwrap();
    assert_eq!(page["entries"].as_array().map(Vec::len), Some(1), "{page}");
    let linked =
        call(&window, "journal_for_urges", json!({ "request": { "urgeIds": [urge["id"]] } }))
            .unwrap();
    assert_eq!(linked.as_array().map(Vec::len), Some(1), "{linked}");
    let status = call(&window, "reflection_status", json!({})).unwrap();
    assert_eq!(status["enabled"], false, "{status}");
    let reflection = call(
        &window,
        "save_reflection",
        json!({ "request": { "week": "mixed", "helpedTechniqueId": "journaling" } }),
    )
    .unwrap();
    assert_eq!(reflection["kind"], "reflection", "{reflection}");
    assert_eq!(
        call(&window, "delete_journal_entry", json!({ "request": { "id": id } })),
        Ok(Value::Null)
    );
    let bad =
        call(&window, "create_journal_entry", json!({ "request": { "body": " " } })).unwrap_err();
    assert_eq!(bad["code"], "invalid_input", "{bad}");
    let gone = call(&window, "get_journal_entry", json!({ "request": { "id": id } })).unwrap_err();
    assert_eq!(gone["code"], "not_found", "{gone}");
}

#[test]
fn the_support_and_help_now_commands_answer_through_ipc() {
    let (_app, window) = app();
    let sam = call(
        &window,
        "add_support_person",
        json!({ "request": { "name": "Sam", "phone": "+44 7700 900123", "note": "calls back" } }),
    )
    .unwrap();
    assert_eq!(sam["links"]["tel"], "tel:+447700900123", "{sam}");
    let id = sam["id"].as_str().unwrap().to_owned();
    let ana = call(
        &window,
        "add_support_person",
        json!({ "request": { "name": "Ana", "phone": "555 0100" } }),
    )
    .unwrap();
    let edited = call(
        &window,
        "update_support_person",
        json!({ "request": { "id": id, "name": "Sam B", "phone": "07700 900123" } }),
    )
    .unwrap();
    assert_eq!(edited["name"], "Sam B");
    let with_message = call(
        &window,
        "add_support_message",
        json!({ "request": { "personId": id, "text": "Rough evening, can you talk?" } }),
    )
    .unwrap();
    let message = &with_message["messages"][0];
    assert_eq!(message["sms"], "sms:07700900123?body=Rough%20evening%2C%20can%20you%20talk%3F");
    let reworded = call(
        &window,
        "update_support_message",
        json!({ "request": { "id": message["id"], "text": "Call me?" } }),
    )
    .unwrap();
    assert_eq!(reworded["messages"][0]["text"], "Call me?");
    let gone =
        call(&window, "delete_support_message", json!({ "request": { "id": message["id"] } }))
            .unwrap();
    assert_eq!(gone["messages"], json!([]));
    let order =
        call(&window, "reorder_support_people", json!({ "request": { "ids": [ana["id"], id] } }))
            .unwrap();
    assert_eq!(order[0]["name"], "Ana", "{order}");
    assert_eq!(
        call(&window, "list_support_people", json!({})).unwrap().as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(
        call(&window, "delete_support_person", json!({ "request": { "id": id } })),
        Ok(Value::Null)
    );

    let none = call(&window, "get_crisis_numbers", json!({})).unwrap();
    assert_eq!(none["region"], Value::Null, "{none}");
    call(&window, "update_settings", json!({ "request": { "region": "UK" } })).unwrap();
    let uk = call(&window, "get_crisis_numbers", json!({})).unwrap();
    assert_eq!(uk["numbers"][0]["number"], "999", "{uk}");
    let own = call(
        &window,
        "add_crisis_number",
        json!({ "request": { "label": "My clinic", "number": "020 7946 0000" } }),
    )
    .unwrap();
    let own_id = own["numbers"][2]["id"].clone();
    let edited = call(
        &window,
        "edit_crisis_number",
        json!({ "request": { "id": "uk.samaritans", "label": "Samaritans (free)", "number": "116 123" } }),
    )
    .unwrap();
    assert_eq!(edited["numbers"][1]["edited"], true, "{edited}");
    let reset =
        call(&window, "reset_crisis_number", json!({ "request": { "id": "uk.samaritans" } }))
            .unwrap();
    assert_eq!(reset["numbers"][1]["label"], "Samaritans");
    let hidden = call(
        &window,
        "set_crisis_number_hidden",
        json!({ "request": { "id": "uk.samaritans", "hidden": true } }),
    )
    .unwrap();
    assert_eq!(hidden["numbers"][1]["hidden"], true);
    let deleted =
        call(&window, "delete_crisis_number", json!({ "request": { "id": own_id } })).unwrap();
    assert_eq!(deleted["numbers"].as_array().map(Vec::len), Some(2));

    let plan = call(&window, "get_safety_plan", json!({})).unwrap();
    assert_eq!(plan.as_array().map(Vec::len), Some(6));
    let saved = call(
        &window,
        "set_safety_plan_step",
        json!({ "request": { "step": 1, "text": "Pacing, not sleeping" } }),
    )
    .unwrap();
    assert_eq!(saved[0]["text"], "Pacing, not sleeping");
    let bad = call(
        &window,
        "add_support_person",
        json!({ "request": { "name": "Jo", "phone": "call me" } }),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "invalid_input", "{bad}");
}
