//! Support people and their messages, crisis numbers for the person's region, and the safety
//! plan (Help now). Calling and texting itself goes through the opener plugin from the UI, scoped
//! to `tel:` and `sms:` only (see `capabilities/main.json`).

use ebb_core::{
    CrisisNumberEdit, CrisisNumberVisibility, CrisisNumbers, NewCrisisNumber, NewSupportMessage,
    NewSupportPerson, SafetyPlanStep, SafetyPlanUpdate, SupportMessageEdit, SupportPerson,
    SupportPersonEdit,
};
use serde::Deserialize;
use serde_json::Value;
use tauri::State;
use ts_rs::TS;

use crate::ipc::{IdRequest, IpcError, decode};
use crate::state::AppState;

/// A new order for the support people: every person's id, once, first to last.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct ReorderRequest {
    /// Ids in the new order.
    pub ids: Vec<String>,
}

/// Every support person with their messages and links.
#[tauri::command]
pub async fn list_support_people(
    state: State<'_, AppState>,
) -> Result<Vec<SupportPerson>, IpcError> {
    state.run(|store| store.support_people()).await
}

/// Adds a support person (`request`: `NewSupportPerson`).
#[tauri::command]
pub async fn add_support_person(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<SupportPerson, IpcError> {
    let request: NewSupportPerson = decode(request)?;
    state.run(move |store| store.add_support_person(request)).await
}

/// Changes a support person (`request`: `SupportPersonEdit`).
#[tauri::command]
pub async fn update_support_person(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<SupportPerson, IpcError> {
    let request: SupportPersonEdit = decode(request)?;
    state.run(move |store| store.update_support_person(request)).await
}

/// Removes a support person and their messages (`request`: `IdRequest`).
#[tauri::command]
pub async fn delete_support_person(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<(), IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.delete_support_person(&request.id)).await
}

/// Puts the support people in a new order (`request`: `ReorderRequest`).
#[tauri::command]
pub async fn reorder_support_people(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Vec<SupportPerson>, IpcError> {
    let request: ReorderRequest = decode(request)?;
    state.run(move |store| store.reorder_support_people(request.ids)).await
}

/// Adds a ready-made message (`request`: `NewSupportMessage`).
#[tauri::command]
pub async fn add_support_message(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<SupportPerson, IpcError> {
    let request: NewSupportMessage = decode(request)?;
    state.run(move |store| store.add_support_message(request)).await
}

/// Rewords a ready-made message (`request`: `SupportMessageEdit`).
#[tauri::command]
pub async fn update_support_message(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<SupportPerson, IpcError> {
    let request: SupportMessageEdit = decode(request)?;
    state.run(move |store| store.update_support_message(request)).await
}

/// Removes a ready-made message (`request`: `IdRequest`).
#[tauri::command]
pub async fn delete_support_message(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<SupportPerson, IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.delete_support_message(&request.id)).await
}

/// The crisis numbers for the person's region, with their changes and their own numbers.
#[tauri::command]
pub async fn get_crisis_numbers(state: State<'_, AppState>) -> Result<CrisisNumbers, IpcError> {
    state.run(|store| store.crisis_numbers()).await
}

/// Adds a number of the person's own (`request`: `NewCrisisNumber`).
#[tauri::command]
pub async fn add_crisis_number(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<CrisisNumbers, IpcError> {
    let request: NewCrisisNumber = decode(request)?;
    state.run(move |store| store.add_crisis_number(request)).await
}

/// Changes a number's label and number (`request`: `CrisisNumberEdit`).
#[tauri::command]
pub async fn edit_crisis_number(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<CrisisNumbers, IpcError> {
    let request: CrisisNumberEdit = decode(request)?;
    state.run(move |store| store.edit_crisis_number(request)).await
}

/// Brings a built-in number back to Ebb's wording and number (`request`: `IdRequest`).
#[tauri::command]
pub async fn reset_crisis_number(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<CrisisNumbers, IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.reset_crisis_number(&request.id)).await
}

/// Hides a built-in number or shows it again (`request`: `CrisisNumberVisibility`).
#[tauri::command]
pub async fn set_crisis_number_hidden(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<CrisisNumbers, IpcError> {
    let request: CrisisNumberVisibility = decode(request)?;
    state.run(move |store| store.set_crisis_number_hidden(request)).await
}

/// Deletes one of the person's own numbers (`request`: `IdRequest`).
#[tauri::command]
pub async fn delete_crisis_number(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<CrisisNumbers, IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.delete_crisis_number(&request.id)).await
}

/// The six steps of the safety plan.
#[tauri::command]
pub async fn get_safety_plan(state: State<'_, AppState>) -> Result<Vec<SafetyPlanStep>, IpcError> {
    state.run(|store| store.safety_plan()).await
}

/// Saves one step of the safety plan (`request`: `SafetyPlanUpdate`).
#[tauri::command]
pub async fn set_safety_plan_step(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Vec<SafetyPlanStep>, IpcError> {
    let request: SafetyPlanUpdate = decode(request)?;
    state.run(move |store| store.set_safety_plan_step(request)).await
}
