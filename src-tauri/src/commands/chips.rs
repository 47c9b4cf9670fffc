//! The one-tap chips and their vocabulary.

use ebb_core::{Chip, ChipUpdate};
use serde_json::Value;
use tauri::State;

use crate::ipc::{AddChipRequest, IpcError, decode};
use crate::state::AppState;

/// Every chip, by kind, in the person's order.
#[tauri::command]
pub async fn list_chips(state: State<'_, AppState>) -> Result<Vec<Chip>, IpcError> {
    state.run(|store| store.chips()).await
}

/// Adds the person's own chip (`request`: `AddChipRequest`).
#[tauri::command]
pub async fn add_chip(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Chip, IpcError> {
    let request: AddChipRequest = decode(request)?;
    state.run(move |store| store.add_chip(request.kind, &request.label)).await
}

/// Renames, hides, shows or moves a chip (`request`: `ChipUpdate`).
#[tauri::command]
pub async fn update_chip(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Chip, IpcError> {
    let request: ChipUpdate = decode(request)?;
    state.run(move |store| store.update_chip(request)).await
}
