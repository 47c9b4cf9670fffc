//! Tracked things and their goals.

use ebb_core::{NewThing, ThingUpdate, TrackedThing};
use serde_json::Value;
use tauri::State;

use crate::ipc::{IpcError, decode};
use crate::state::AppState;

/// Every tracked thing, archived ones last.
#[tauri::command]
pub async fn list_things(state: State<'_, AppState>) -> Result<Vec<TrackedThing>, IpcError> {
    state.run(|store| store.things()).await
}

/// Starts tracking a thing (`request`: `NewThing`).
#[tauri::command]
pub async fn add_thing(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<TrackedThing, IpcError> {
    let request: NewThing = decode(request)?;
    state.run(move |store| store.add_thing(request)).await
}

/// Renames, re-goals, archives or restores a thing (`request`: `ThingUpdate`).
#[tauri::command]
pub async fn update_thing(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<TrackedThing, IpcError> {
    let request: ThingUpdate = decode(request)?;
    state.run(move |store| store.update_thing(request)).await
}

/// The thing a new craving is about unless the person picks another: the one used last, or the
/// only one tracked.
#[tauri::command]
pub async fn default_thing(state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    state.run(|store| store.default_thing_id()).await
}
