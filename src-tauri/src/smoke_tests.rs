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

fn call(
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
        (json!({ "intensity": 12 }), "Intensity is a whole number from 0 to 10; got 12."),
        (
            json!({ "intensity": "7" }),
            "Intensity is a whole number from 0 to 10; got the text \"7\".",
        ),
        (json!({ "intensity": 3, "mood": "low" }), "unknown field `mood`"),
    ];
    for (request, expected) in cases {
        let error = call(&window, "log_urge", json!({ "request": request })).unwrap_err();
        assert_eq!(error["code"], "invalid_input", "{error}");
        let message = error["message"].as_str().unwrap();
        assert!(message.contains(expected), "{message:?} should contain {expected:?}");
    }
    let missing = call(&window, "delete_urge", json!({ "request": { "id": "nope" } })).unwrap_err();
    assert_eq!(missing["code"], "not_found", "{missing}");
    assert_eq!(call(&window, "count_urges", json!({})), Ok(json!(0)), "refusals change nothing");
}

#[test]
fn a_store_that_failed_to_open_is_reported_not_panicked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(crate::state::DATABASE_FILE), b"junk junk junk".repeat(100))
        .unwrap();
    let state = AppState::open(dir.path(), crate::state::StartupProbe::Off);
    let status = state.status();
    let problem = status.problem.expect("a junk file cannot be opened");
    assert_eq!(problem.code, "data_unreadable");
    assert!(
        status.data_path.ends_with("ebb.db"),
        "the status names the file: {}",
        status.data_path
    );
}
