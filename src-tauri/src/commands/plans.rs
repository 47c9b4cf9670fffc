//! If-then plans (make, edit, order, pause, delete; which match a craving; shown, acted on,
//! followed) and the goals review.

use ebb_core::{
    GoalReview, Plan, PlanEdit, PlanFollowedInput, PlanInput, PlanMove, PlanPause, PlanUse,
    PlanUseRequest,
};
use serde_json::Value;
use tauri::State;

use crate::ipc::{IdRequest, IpcError, decode};
use crate::state::AppState;

/// Every plan in the person's order, with its figures.
#[tauri::command]
pub async fn list_plans(state: State<'_, AppState>) -> Result<Vec<Plan>, IpcError> {
    state.run(|store| store.plans()).await
}

/// Makes a plan (`request`: `PlanInput`).
#[tauri::command]
pub async fn add_plan(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Plan, IpcError> {
    let request: PlanInput = decode(request)?;
    state.run(move |store| store.add_plan(request)).await
}

/// Replaces what a plan says (`request`: `PlanEdit`).
#[tauri::command]
pub async fn update_plan(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Plan, IpcError> {
    let request: PlanEdit = decode(request)?;
    state.run(move |store| store.update_plan(request)).await
}

/// Moves a plan in the order (`request`: `PlanMove`); returns every plan.
#[tauri::command]
pub async fn move_plan(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Vec<Plan>, IpcError> {
    let request: PlanMove = decode(request)?;
    state.run(move |store| store.move_plan(request)).await
}

/// Pauses or resumes a plan (`request`: `PlanPause`).
#[tauri::command]
pub async fn set_plan_paused(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Plan, IpcError> {
    let request: PlanPause = decode(request)?;
    state.run(move |store| store.set_plan_paused(request)).await
}

/// Deletes a plan for real (`request`: `IdRequest`).
#[tauri::command]
pub async fn delete_plan(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<(), IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.delete_plan(&request.id)).await
}

/// The plans a craving matches, in order (`request`: `IdRequest` with the craving's id).
#[tauri::command]
pub async fn matching_plans(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Vec<Plan>, IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.matching_plans(&request.id)).await
}

/// Records that Now showed a plan for a craving (`request`: `PlanUseRequest`).
#[tauri::command]
pub async fn record_plan_shown(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<PlanUse, IpcError> {
    let request: PlanUseRequest = decode(request)?;
    state.run(move |store| store.record_plan_shown(request)).await
}

/// Records that the person acted on a plan for a craving (`request`: `PlanUseRequest`).
#[tauri::command]
pub async fn record_plan_acted(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<PlanUse, IpcError> {
    let request: PlanUseRequest = decode(request)?;
    state.run(move |store| store.record_plan_acted(request)).await
}

/// Records whether a plan was followed (`request`: `PlanFollowedInput`).
#[tauri::command]
pub async fn set_plan_followed(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<PlanUse, IpcError> {
    let request: PlanFollowedInput = decode(request)?;
    state.run(move |store| store.set_plan_followed(request)).await
}

/// The plans shown for a craving (`request`: `IdRequest` with the craving's id).
#[tauri::command]
pub async fn plan_uses_for_urge(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Vec<PlanUse>, IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.plan_uses_for_urge(&request.id)).await
}

/// A tracked thing's goal and its last 14 days (`request`: `IdRequest` with the thing's id).
#[tauri::command]
pub async fn goal_review(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<GoalReview, IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.goal_review(&request.id)).await
}
