//! Backups (#11): the list, "Back up now", and restoring one (also over a damaged store).

use ebb_core::{BackupInfo, BackupReason, Recovered};
use serde_json::Value;
use tauri::State;

use crate::ipc::{IpcError, RestoreRequest, decode};
use crate::state::AppState;

/// Every backup, newest first (also while the store is damaged).
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, IpcError> {
    let shared = state.shared();
    tauri::async_runtime::spawn_blocking(move || shared.list_backups())
        .await
        .map_err(IpcError::internal)?
}

/// Makes a backup now, on its own connection (the person's is never held).
#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo, IpcError> {
    let shared = state.shared();
    tauri::async_runtime::spawn_blocking(move || shared.back_up(BackupReason::Manual))
        .await
        .map_err(IpcError::internal)?
        .and_then(|made| made.ok_or_else(|| IpcError::new("internal", "Ebb didn't make a backup.")))
}

/// Replaces the store with a backup (`request`: `RestoreRequest`): the store as it is is backed
/// up first, or, if damaged, moved aside and kept.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<(), IpcError> {
    let request: RestoreRequest = decode(request)?;
    state.with_vault(move |shared, inner| shared.restore(inner, &request.name)).await
}

/// Saves what can still be read from a damaged store into a new one; the damaged file is kept.
#[tauri::command]
pub async fn recover_damaged(state: State<'_, AppState>) -> Result<Recovered, IpcError> {
    state.with_vault(|shared, inner| shared.recover_damaged(inner)).await
}
