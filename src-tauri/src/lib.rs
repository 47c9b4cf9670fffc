//! `ebb-app`: Ebb's Tauri shell.
//!
//! It opens the person's store (see [`state`]), creates the window, and exposes thin commands
//! (see [`commands`]) that decode a request, call one `ebb-core` function off the UI thread, and
//! map the error to one serialisable [`ipc::IpcError`]. Domain logic never lives here.
//!
//! The TypeScript types for everything crossing IPC are generated from Rust ([`bindings`]) and
//! committed in `ui/src/lib/ipc/bindings.ts`; a test fails when they drift.

pub mod bindings;
pub mod commands;
pub mod decode;
pub mod engine;
pub mod ipc;
pub mod keystore;
pub mod state;

#[cfg(test)]
mod data_tests;
#[cfg(test)]
mod decode_tests;
#[cfg(test)]
mod engine_tests;
#[cfg(test)]
mod lock_tests;
#[cfg(test)]
mod smoke_tests;

use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};

use crate::state::{AppState, StartupProbe};

/// The commands that answer while Ebb is locked: the lock itself, the app's status, and Help
/// now's numbers (which are not the person's data). Every other command answers `locked`.
pub const WORKS_WHILE_LOCKED: &[&str] = &[
    "app_status",
    "ui_ready",
    "lock_status",
    "unlock",
    "recover",
    "lock_now",
    "app_hidden",
    "app_shown",
    "locked_help",
    "debug_shift_clock",
];

/// Registers every command the UI may call. Kept in one place so the app and its tests agree.
///
/// While Ebb is locked, one gate here answers `{code: "locked"}` to every command not in
/// [`WORKS_WHILE_LOCKED`] before its request is even read.
pub fn invoke_handler<R: tauri::Runtime>()
-> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    let handler = commands_handler();
    move |invoke: tauri::ipc::Invoke<R>| {
        let command = invoke.message.command();
        if MARKS.load(std::sync::atomic::Ordering::Relaxed) {
            mark(&format!("ipc {command}"));
        }
        if !WORKS_WHILE_LOCKED.contains(&command)
            && invoke.message.webview().try_state::<AppState>().is_some_and(|s| s.is_locked())
        {
            invoke.resolver.reject(ipc::IpcError::from(ebb_core::Error::Locked));
            return true;
        }
        handler(invoke)
    }
}

fn commands_handler<R: tauri::Runtime>()
-> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        commands::app::app_status,
        commands::app::ui_ready,
        commands::app::about,
        commands::lock::lock_status,
        commands::lock::unlock,
        commands::lock::recover,
        commands::lock::set_passcode,
        commands::lock::change_passcode,
        commands::lock::remove_passcode,
        commands::lock::lock_now,
        commands::lock::app_hidden,
        commands::lock::app_shown,
        commands::lock::locked_help,
        commands::lock::debug_shift_clock,
        commands::backups::list_backups,
        commands::backups::back_up_now,
        commands::backups::restore_backup,
        commands::backups::recover_damaged,
        commands::transfer::export_data,
        commands::transfer::export_csv,
        commands::transfer::preview_import,
        commands::transfer::import_data,
        commands::transfer::cancel_transfer,
        commands::summary::summary_journal_choices,
        commands::summary::preview_summary,
        commands::summary::save_summary,
        commands::summary::coping_card_draft,
        commands::summary::preview_card,
        commands::summary::save_card,
        commands::urges::log_urge,
        commands::urges::set_urge_note,
        commands::urges::delete_urge,
        commands::urges::list_urges,
        commands::urges::count_urges,
        commands::urges::get_urge,
        commands::urges::edit_urge,
        commands::urges::set_urge_chip,
        commands::things::list_things,
        commands::things::add_thing,
        commands::things::update_thing,
        commands::things::default_thing,
        commands::chips::list_chips,
        commands::chips::add_chip,
        commands::chips::update_chip,
        commands::outcomes::set_outcome,
        commands::outcomes::get_rerate,
        commands::outcomes::dismiss_rerate,
        commands::settings::get_settings,
        commands::settings::update_settings,
        commands::techniques::list_techniques,
        commands::techniques::start_session,
        commands::techniques::finish_session,
        commands::techniques::create_pattern,
        commands::techniques::update_pattern,
        commands::techniques::delete_pattern,
        commands::techniques::set_technique_hidden,
        commands::techniques::record_check_in,
        commands::urges::count_matching,
        commands::helps::what_helps,
        commands::helps::suggest,
        commands::helps::record_suggestion,
        commands::helps::get_insights,
        commands::plans::list_plans,
        commands::plans::add_plan,
        commands::plans::update_plan,
        commands::plans::move_plan,
        commands::plans::set_plan_paused,
        commands::plans::delete_plan,
        commands::plans::matching_plans,
        commands::plans::record_plan_shown,
        commands::plans::record_plan_acted,
        commands::plans::set_plan_followed,
        commands::plans::plan_uses_for_urge,
        commands::plans::goal_review,
        commands::journal::list_journal,
        commands::journal::get_journal_entry,
        commands::journal::create_journal_entry,
        commands::journal::edit_journal_entry,
        commands::journal::delete_journal_entry,
        commands::journal::journal_for_urges,
        commands::journal::save_reflection,
        commands::journal::reflection_status,
        commands::journal::journal_prompts,
        commands::support::list_support_people,
        commands::support::add_support_person,
        commands::support::update_support_person,
        commands::support::delete_support_person,
        commands::support::reorder_support_people,
        commands::support::add_support_message,
        commands::support::update_support_message,
        commands::support::delete_support_message,
        commands::support::get_crisis_numbers,
        commands::support::add_crisis_number,
        commands::support::edit_crisis_number,
        commands::support::reset_crisis_number,
        commands::support::set_crisis_number_hidden,
        commands::support::delete_crisis_number,
        commands::support::get_safety_plan,
        commands::support::set_safety_plan_step,
    ]
}

/// The daily backup (#11), on the async runtime and a blocking thread, never on the person's
/// path: first a minute after start, then checked every hour (one is made when none is less
/// than a day old). A locked or damaged store is skipped.
fn daily_backups(shared: std::sync::Arc<state::Shared>) {
    tauri::async_runtime::spawn(async move {
        let mut wait = std::time::Duration::from_secs(60);
        loop {
            tokio::time::sleep(wait).await;
            wait = std::time::Duration::from_secs(60 * 60);
            let shared = std::sync::Arc::clone(&shared);
            let _ = tauri::async_runtime::spawn_blocking(move || {
                shared.back_up(ebb_core::BackupReason::Daily)
            })
            .await;
        }
    });
}

/// Under the startup probe for Ebb's own screen: each step of the start is printed as it
/// happens (`ebb-mark …`), so `startup-bench` can show where the time goes.
static MARKS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Prints one startup mark (stdout is line-buffered: the bench reads it as it comes).
fn mark(what: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "ebb-mark {what}");
    let _ = out.flush();
}

/// Builds and runs the app until its window closes.
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    let probe = StartupProbe::from_env();
    MARKS.store(probe == StartupProbe::App, std::sync::atomic::Ordering::Relaxed);
    let result = tauri::Builder::default()
        // Local notifications only (check-in reminders, opt-in): no push service, no network.
        .plugin(tauri_plugin_notification::init())
        // A vibration per breathing phase on phones; on desktop the plugin does nothing.
        .plugin(tauri_plugin_haptics::init())
        // Hands `tel:` and `sms:` links to the dialler or messaging app (support people, crisis
        // numbers). Its capability allows those two schemes and nothing else.
        .plugin(tauri_plugin_opener::init())
        // The platform's own save and open dialogs for exports and imports (the system picker
        // on phones). Ebb reads and writes only the file the person picked.
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(invoke_handler())
        .setup(move |app| {
            let data_dir = state::data_dir(app.handle())?;
            let state = AppState::open(&data_dir, probe);
            if probe == StartupProbe::App {
                mark("store opened");
            }
            if probe == StartupProbe::Off {
                daily_backups(state.shared());
            }
            app.manage(state);
            let url = match probe {
                StartupProbe::Blank => WebviewUrl::App("blank.html".into()),
                StartupProbe::Painted => WebviewUrl::App("painted.html".into()),
                StartupProbe::Off | StartupProbe::App => WebviewUrl::default(),
            };
            let mut builder = WebviewWindowBuilder::new(app, "main", url);
            if probe == StartupProbe::App {
                builder = builder.on_page_load(|_, payload| {
                    if payload.event() == tauri::webview::PageLoadEvent::Finished {
                        mark("page loaded");
                    }
                });
            }
            if probe == StartupProbe::Painted {
                // No script runs on the painted floor: it is ready once the page has loaded.
                builder = builder.on_page_load(|webview, payload| {
                    if payload.event() == tauri::webview::PageLoadEvent::Finished {
                        use std::io::Write;
                        let mut out = std::io::stdout().lock();
                        let _ = writeln!(out, "ebb-ready");
                        let _ = out.flush();
                        webview.app_handle().exit(0);
                    }
                });
            }
            // A phone-sized window on desktop: Ebb is designed for 360–390 px first.
            #[cfg(desktop)]
            let builder =
                builder.title("Ebb").inner_size(390.0, 844.0).min_inner_size(320.0, 480.0);
            builder.build()?;
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        // Nothing else can show it: the window could not be made.
        eprintln!("Ebb could not start: {error}");
        std::process::exit(1);
    }
}
