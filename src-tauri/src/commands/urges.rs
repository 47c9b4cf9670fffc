//! Cravings: log, annotate, undo, list, count.

use ebb_core::{NewUrge, Urge, UrgeEdit, UrgePage};
use serde_json::Value;
use tauri::State;

use crate::ipc::{
    CountMatchingRequest, IdRequest, IpcError, ListUrgesRequest, SetUrgeChipRequest,
    SetUrgeNoteRequest, decode,
};
use crate::state::AppState;

/// Logs a craving (`request`: `NewUrge`).
#[tauri::command]
pub async fn log_urge(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Urge, IpcError> {
    let request: NewUrge = decode(request)?;
    state.run(move |store| store.log_urge(request)).await
}

/// Sets or clears a craving's note (`request`: `SetUrgeNoteRequest`).
#[tauri::command]
pub async fn set_urge_note(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Urge, IpcError> {
    let request: SetUrgeNoteRequest = decode(request)?;
    state.run(move |store| store.set_urge_note(&request.id, request.note)).await
}

/// Deletes a craving for real (Undo) (`request`: `IdRequest`).
#[tauri::command]
pub async fn delete_urge(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<(), IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.delete_urge(&request.id)).await
}

/// A page of History, newest first (`request`: `ListUrgesRequest`).
#[tauri::command]
pub async fn list_urges(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<UrgePage, IpcError> {
    let request: ListUrgesRequest = decode(request)?;
    let filter = request.filter.unwrap_or_default();
    state
        .run(move |store| store.urges_page_matching(&filter, request.after.as_ref(), request.limit))
        .await
}

/// How many cravings have been logged in all.
#[tauri::command]
pub async fn count_urges(state: State<'_, AppState>) -> Result<u64, IpcError> {
    state.run(|store| store.count_urges()).await
}

/// One craving with its chips and outcome (`request`: `IdRequest`).
#[tauri::command]
pub async fn get_urge(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Urge, IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.urge(&request.id)).await
}

/// Corrects a craving's intensity, time, note or thing (`request`: `UrgeEdit`).
#[tauri::command]
pub async fn edit_urge(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Urge, IpcError> {
    let request: UrgeEdit = decode(request)?;
    state.run(move |store| store.edit_urge(request)).await
}

/// Puts a chip on a craving or takes it off (`request`: `SetUrgeChipRequest`); returns the
/// craving's chip ids.
#[tauri::command]
pub async fn set_urge_chip(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Vec<String>, IpcError> {
    let request: SetUrgeChipRequest = decode(request)?;
    state
        .run(move |store| store.set_urge_chip(&request.urge_id, &request.chip_id, request.on))
        .await
}

/// How many cravings match History's filters (`request`: `CountMatchingRequest`).
#[tauri::command]
pub async fn count_matching(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<u64, IpcError> {
    let request: CountMatchingRequest = decode(request)?;
    state.run(move |store| store.count_matching(&request.filter)).await
}
