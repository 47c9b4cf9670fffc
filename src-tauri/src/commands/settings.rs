//! The person's settings.

use ebb_core::{Settings, SettingsUpdate};
use serde_json::Value;
use tauri::State;

use crate::ipc::{IpcError, decode};
use crate::state::AppState;

/// The current settings.
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, IpcError> {
    state.run(|store| store.settings()).await
}

/// Changes settings (`request`: `SettingsUpdate`).
#[tauri::command]
pub async fn update_settings(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Settings, IpcError> {
    let request: SettingsUpdate = decode(request)?;
    state.run(move |store| store.update_settings(request)).await
}
