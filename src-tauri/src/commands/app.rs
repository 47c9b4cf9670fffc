//! The app itself: whether the data opened, and the startup probe's "ready" signal.

use std::io::Write;

use tauri::{AppHandle, Runtime, State};

use crate::ipc::AppStatus;
use crate::state::{AppState, StartupProbe};

/// Whether the person's data opened, and where it lives.
#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    state.status()
}

/// The UI calls this once its first screen has rendered its first data. Under the startup
/// probe, prints `ebb-ready` and exits; otherwise warms "what helps" and checks the store in
/// the background.
#[tauri::command]
pub fn ui_ready<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) {
    if state.probe != StartupProbe::Off {
        let mut out = std::io::stdout().lock();
        // If stdout is gone there is nobody to tell; exit all the same.
        let _ = writeln!(out, "ebb-ready");
        let _ = out.flush();
        app.exit(0);
    } else {
        state.warm_up();
        // The quick check, off the person's path: a damaged file is caught at once (#11).
        let shared = state.shared();
        drop(tauri::async_runtime::spawn_blocking(move || shared.check_store()));
    }
}
