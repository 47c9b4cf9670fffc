//! The app lock through real IPC dispatch (Tauri's mock runtime) on a real encrypted store in a
//! temporary folder: every data command answers `locked` while locked, the passcode opens it
//! again, and "away" longer than the chosen time locks it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use serde_json::{Value, json};
use tauri::test::{mock_builder, mock_context, noop_assets};

use crate::smoke_tests::call;
use crate::state::{AppClock, AppState, StartupProbe};

pub(crate) type Window = tauri::WebviewWindow<tauri::test::MockRuntime>;

/// The app through the mock runtime on a real (encrypted) store in `dir`, with no keystore.
pub(crate) fn app(dir: &std::path::Path) -> (tauri::App<tauri::test::MockRuntime>, Window) {
    let state = AppState::open_with(
        dir,
        StartupProbe::Off,
        Arc::new(ebb_core::keys::NoKeystore),
        Arc::new(AppClock::default()),
    );
    let app = mock_builder()
        .invoke_handler(crate::invoke_handler())
        .manage(state)
        .build(mock_context(noop_assets()))
        .expect("the app builds");
    let window =
        tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window)
}

/// Every command the app registers, read from `build.rs` (which every command must be in to
/// get its permission), so a command added later is covered without touching this test.
fn every_command() -> Vec<String> {
    let build = include_str!("../build.rs");
    let list = &build[build.find(".commands(&[").expect("build.rs lists the commands")..];
    let list = &list[..list.find("])").expect("the list ends")];
    list.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

fn set_pin(window: &Window, pin: &str) -> String {
    let code =
        call(window, "set_passcode", json!({ "request": { "kind": "pin", "passcode": pin } }))
            .expect("a first PIN is set");
    code["code"].as_str().unwrap().to_owned()
}

#[test]
fn while_locked_every_data_command_answers_locked_and_reads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, window) = app(dir.path());
    call(&window, "log_urge", json!({ "request": { "intensity": 6, "note": "private words" } }))
        .unwrap();
    set_pin(&window, "2580");
    assert_eq!(call(&window, "lock_now", json!({})), Ok(Value::Null));
    let status = call(&window, "app_status", json!({})).unwrap();
    assert_eq!(status["locked"], true, "{status}");

    let commands = every_command();
    assert!(commands.len() > 80, "build.rs lists every command: {}", commands.len());
    for command in &commands {
        if crate::WORKS_WHILE_LOCKED.contains(&command.as_str()) {
            continue;
        }
        // Well-formed, malformed and missing requests alike: the lock answers before decoding.
        for args in [json!({}), json!({ "request": { "id": "x" } }), json!({ "request": [1] })] {
            let error = call(&window, command, args.clone())
                .expect_err(&format!("{command} must not answer while locked ({args})"));
            assert_eq!(error["code"], "locked", "{command} with {args}: {error}");
        }
    }
    let help = call(&window, "locked_help", json!({})).unwrap();
    assert!(
        help["regions"].as_array().is_some_and(|r| r.len() >= 3),
        "Help now's numbers stay available while locked: {help}"
    );
    assert!(!help.to_string().contains("private words"), "and hold nothing of the person's");
}

#[test]
fn the_pin_unlocks_a_wrong_one_is_refused_and_the_data_is_all_there() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (_app, window) = app(dir.path());
        call(&window, "log_urge", json!({ "request": { "intensity": 6 } })).unwrap();
        set_pin(&window, "2580");
    }
    // A restart: Ebb starts locked.
    let (_app, window) = app(dir.path());
    let status = call(&window, "lock_status", json!({})).unwrap();
    assert_eq!(
        (status["locked"].clone(), status["protection"].clone()),
        (json!(true), json!("passcode"))
    );
    let wrong = call(&window, "unlock", json!({ "request": { "passcode": "1111" } })).unwrap_err();
    assert_eq!(wrong["code"], "wrong_passcode", "{wrong}");
    assert_eq!(call(&window, "count_urges", json!({})).unwrap_err()["code"], "locked");
    let empty = call(&window, "unlock", json!({ "request": { "passcode": "" } })).unwrap_err();
    assert_eq!(empty["code"], "invalid_input", "an empty try is refused, not counted: {empty}");
    assert_eq!(call(&window, "lock_status", json!({})).unwrap()["wrongTries"], 1);

    assert_eq!(
        call(&window, "unlock", json!({ "request": { "passcode": "2580" } })),
        Ok(Value::Null)
    );
    assert_eq!(call(&window, "count_urges", json!({})), Ok(json!(1)), "everything is there");
    assert_eq!(call(&window, "lock_status", json!({})).unwrap()["wrongTries"], 0);
    let settings = call(&window, "get_settings", json!({})).unwrap();
    assert_eq!(settings["coverWhenAway"], true, "a lock turns the cover on by default");
}

#[test]
fn the_recovery_code_unlocks_and_sets_a_new_pin() {
    let dir = tempfile::tempdir().unwrap();
    let code = {
        let (_app, window) = app(dir.path());
        set_pin(&window, "2580")
    };
    let (_app, window) = app(dir.path());
    let request = json!({ "request": { "recoveryCode": code, "kind": "pin", "passcode": "1357" } });
    assert_eq!(call(&window, "recover", request), Ok(Value::Null));
    assert_eq!(call(&window, "count_urges", json!({})), Ok(json!(0)), "unlocked");
    call(&window, "lock_now", json!({})).unwrap();
    assert_eq!(
        call(&window, "unlock", json!({ "request": { "passcode": "1357" } })),
        Ok(Value::Null)
    );
}

#[test]
fn away_longer_than_the_chosen_time_locks_and_a_glance_away_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let (app, window) = app(dir.path());
    set_pin(&window, "2580");
    call(&window, "update_settings", json!({ "request": { "lockAfterMinutes": 5 } })).unwrap();
    let state = tauri::Manager::state::<AppState>(app.handle());

    call(&window, "app_hidden", json!({})).unwrap();
    state.clock().shift_minutes(4);
    let shown = call(&window, "app_shown", json!({})).unwrap();
    assert_eq!(shown["locked"], false, "4 minutes away with a 5-minute lock: still open");

    call(&window, "app_hidden", json!({})).unwrap();
    state.clock().shift_minutes(6);
    let shown = call(&window, "app_shown", json!({})).unwrap();
    assert_eq!(shown["locked"], true, "6 minutes away: locked");
    assert_eq!(call(&window, "get_settings", json!({})).unwrap_err()["code"], "locked");
}

#[test]
fn without_a_passcode_nothing_locks() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, window) = app(dir.path());
    let status = call(&window, "lock_status", json!({})).unwrap();
    assert_eq!(status["protection"], "file", "no keystore here: the key file, said plainly");
    let refused = call(&window, "lock_now", json!({})).unwrap_err();
    assert_eq!(refused["code"], "no_passcode", "{refused}");
    call(&window, "app_hidden", json!({})).unwrap();
    assert_eq!(call(&window, "app_shown", json!({})).unwrap()["locked"], false);
    assert_eq!(call(&window, "count_urges", json!({})), Ok(json!(0)));
}
