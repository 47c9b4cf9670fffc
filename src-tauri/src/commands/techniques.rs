//! The technique catalog and the sessions that use it.

use ebb_core::{NewSession, SessionEnd, Technique, TechniqueSession};
use serde_json::Value;
use tauri::State;

use crate::ipc::{IpcError, decode};
use crate::state::AppState;

/// Every built-in technique, in the catalog's order.
#[tauri::command]
pub fn list_techniques() -> Vec<Technique> {
    ebb_core::builtin_techniques().to_vec()
}

/// Records the start of a session (`request`: `NewSession`).
#[tauri::command]
pub async fn start_session(
    state: State<'_, AppState>,
    request: Value,
) -> Result<TechniqueSession, IpcError> {
    let request: NewSession = decode(request)?;
    state.run(move |store| store.start_session(request)).await
}

/// Records how a session ended and what the person said after (`request`: `SessionEnd`).
#[tauri::command]
pub async fn finish_session(
    state: State<'_, AppState>,
    request: Value,
) -> Result<TechniqueSession, IpcError> {
    let request: SessionEnd = decode(request)?;
    state.run(move |store| store.finish_session(request)).await
}
