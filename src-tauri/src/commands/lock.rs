//! The app lock (#10): status, unlock, recovery, setting / changing / removing the passcode,
//! locking now, and "away" tracking for lock-after-N-minutes. These commands work while locked;
//! every other command answers `locked` then (`AppState::run`).

use ebb_core::{LockStatus, LockedHelp, RecoveryCode};
use serde_json::Value;
use tauri::State;

use crate::ipc::{
    ChangePasscodeRequest, IpcError, RecoverRequest, RemovePasscodeRequest, SetPasscodeRequest,
    UnlockRequest, decode,
};
use crate::state::AppState;

/// Whether Ebb is locked, how the key is kept, and any wait before the next try.
#[tauri::command]
pub fn lock_status(state: State<'_, AppState>) -> LockStatus {
    state.lock_status()
}

/// Unlocks with the PIN or passphrase (`request`: `UnlockRequest`).
#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, request: Option<Value>) -> Result<(), IpcError> {
    let request: UnlockRequest = decode(request)?;
    state.with_vault(move |shared, inner| shared.unlock(inner, &request.passcode)).await
}

/// Unlocks with the recovery code and sets a new passcode (`request`: `RecoverRequest`).
#[tauri::command]
pub async fn recover(state: State<'_, AppState>, request: Option<Value>) -> Result<(), IpcError> {
    let request: RecoverRequest = decode(request)?;
    state
        .with_vault(move |shared, inner| {
            shared.recover(inner, &request.recovery_code, request.kind, &request.passcode)
        })
        .await
}

/// Sets a first passcode and returns the recovery code, shown once
/// (`request`: `SetPasscodeRequest`).
#[tauri::command]
pub async fn set_passcode(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<RecoveryCode, IpcError> {
    let request: SetPasscodeRequest = decode(request)?;
    state
        .with_vault(move |shared, inner| {
            shared.set_passcode(inner, request.kind, &request.passcode)
        })
        .await
}

/// Replaces the passcode, given the current one (`request`: `ChangePasscodeRequest`).
#[tauri::command]
pub async fn change_passcode(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<(), IpcError> {
    let request: ChangePasscodeRequest = decode(request)?;
    state
        .with_vault(move |shared, inner| {
            let vault = shared.open_vault(inner)?;
            Ok(vault.change_passcode(&request.current, request.kind, &request.passcode)?)
        })
        .await
}

/// Removes the passcode, given the current one (`request`: `RemovePasscodeRequest`).
#[tauri::command]
pub async fn remove_passcode(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<(), IpcError> {
    let request: RemovePasscodeRequest = decode(request)?;
    state
        .with_vault(move |shared, inner| {
            Ok(shared.open_vault(inner)?.remove_passcode(&request.current)?)
        })
        .await
}

/// Locks now: the store closes and the key is wiped from memory.
#[tauri::command]
pub fn lock_now(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.lock()
}

/// Ebb's window was hidden or lost focus.
#[tauri::command]
pub fn app_hidden(state: State<'_, AppState>) {
    state.hidden();
}

/// Ebb's window is back; locks first if it was away at least the chosen time.
#[tauri::command]
pub fn app_shown(state: State<'_, AppState>) -> LockStatus {
    state.shown()
}

/// Help now's numbers while locked: every region's built-in numbers, nothing of the person's.
#[tauri::command]
pub fn locked_help() -> LockedHelp {
    ebb_core::locked_help()
}

/// Debug builds only: moves Ebb's clock forward by `minutes`, so an end-to-end test can be
/// "away" for a while without waiting. Release builds refuse it.
#[tauri::command]
pub fn debug_shift_clock(state: State<'_, AppState>, minutes: i64) -> Result<(), IpcError> {
    #[cfg(debug_assertions)]
    {
        state.clock().shift_minutes(minutes);
        Ok(())
    }
    #[cfg(not(debug_assertions))]
    {
        let _ = (state, minutes);
        Err(IpcError::new("not_found", "That isn't something Ebb can do."))
    }
}
