//! The technique library (built-ins, the person's own patterns, what is hidden) and the
//! sessions that use it.

use ebb_core::{
    CheckIn, Library, NewCheckIn, NewSession, PatternEdit, PatternInput, SessionEnd, Technique,
    TechniqueSession, TechniqueVisibility,
};
use serde_json::Value;
use tauri::State;

use crate::ipc::{IdRequest, IpcError, decode};
use crate::state::AppState;

/// The Breathe list: built-ins and custom patterns, what is hidden, and the one-tap default.
#[tauri::command]
pub async fn list_techniques(state: State<'_, AppState>) -> Result<Library, IpcError> {
    state.run(|store| store.library()).await
}

/// Creates a custom breathing pattern (`request`: `PatternInput`).
#[tauri::command]
pub async fn create_pattern(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Technique, IpcError> {
    let request: PatternInput = decode(request)?;
    state.run(move |store| store.create_pattern(request)).await
}

/// Renames or re-times a custom pattern (`request`: `PatternEdit`).
#[tauri::command]
pub async fn update_pattern(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Technique, IpcError> {
    let request: PatternEdit = decode(request)?;
    state.run(move |store| store.update_pattern(request)).await
}

/// Deletes a custom pattern; its past sessions keep its name (`request`: `IdRequest`).
#[tauri::command]
pub async fn delete_pattern(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<(), IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.delete_pattern(&request.id)).await
}

/// Hides a technique from Breathe or shows it again (`request`: `TechniqueVisibility`).
#[tauri::command]
pub async fn set_technique_hidden(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Library, IpcError> {
    let request: TechniqueVisibility = decode(request)?;
    state.run(move |store| store.set_technique_hidden(request)).await
}

/// Records the start of a session (`request`: `NewSession`).
#[tauri::command]
pub async fn start_session(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<TechniqueSession, IpcError> {
    let request: NewSession = decode(request)?;
    state.run(move |store| store.start_session(request)).await
}

/// Records an urge-surfing check-in (`request`: `NewCheckIn`).
#[tauri::command]
pub async fn record_check_in(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<CheckIn, IpcError> {
    let request: NewCheckIn = decode(request)?;
    state.run(move |store| store.record_check_in(request)).await
}

/// Records how a session ended and what the person said after (`request`: `SessionEnd`).
#[tauri::command]
pub async fn finish_session(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<TechniqueSession, IpcError> {
    let request: SessionEnd = decode(request)?;
    state.run(move |store| store.finish_session(request)).await
}
