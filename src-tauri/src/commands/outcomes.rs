//! What came of a craving, and the re-rate prompt.

use ebb_core::{Outcome, OutcomeInput, Rerate};
use serde_json::Value;
use tauri::State;

use crate::ipc::{DismissRerateRequest, IpcError, decode};
use crate::state::AppState;

/// Records or replaces an outcome (`request`: `OutcomeInput`).
#[tauri::command]
pub async fn set_outcome(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Outcome, IpcError> {
    let request: OutcomeInput = decode(request)?;
    state.run(move |store| store.set_outcome(request)).await
}

/// The craving Now should ask "How strong is it now?" about, if any.
#[tauri::command]
pub async fn get_rerate(state: State<'_, AppState>) -> Result<Option<Rerate>, IpcError> {
    state.run(|store| store.rerate()).await
}

/// "Not now": don't ask about this craving again (`request`: `DismissRerateRequest`).
#[tauri::command]
pub async fn dismiss_rerate(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<(), IpcError> {
    let request: DismissRerateRequest = decode(request)?;
    state.run(move |store| store.dismiss_rerate(&request.urge_id)).await
}
