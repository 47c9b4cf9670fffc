//! The app itself: whether the data opened, and the startup probe's "ready" signal.

use std::io::Write;

use tauri::{AppHandle, Runtime, State};

use crate::ipc::{AppStatus, IpcError};
use crate::state::{AppState, StartupProbe};

/// Whether the person's data opened, and where it lives.
#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    state.status()
}

/// The UI calls this once its first screen has rendered its first data. Under the startup
/// probe, prints `ebb-ready` and exits; otherwise warms "what helps" and checks the store in
/// the background.
///
/// The quick check runs after the first screen is up, off the person's path; if it finds the
/// file damaged, this answers `damaged`, and the UI (which treats that answer alike from any
/// call) shows the damaged-data screen at once (#11).
#[tauri::command]
pub async fn ui_ready<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<(), IpcError> {
    if state.probe != StartupProbe::Off {
        let mut out = std::io::stdout().lock();
        // If stdout is gone there is nobody to tell; exit all the same.
        let _ = writeln!(out, "ebb-ready");
        let _ = out.flush();
        app.exit(0);
        return Ok(());
    }
    state.warm_up();
    let shared = state.shared();
    tauri::async_runtime::spawn_blocking(move || shared.check_store())
        .await
        .map_err(|e| IpcError::new("internal", format!("Something went wrong inside Ebb: {e}")))?
}
