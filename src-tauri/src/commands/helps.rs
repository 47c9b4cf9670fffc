//! What helps: the person's own statistics, suggestions for this moment, and Insights.

use ebb_core::{
    Insights, InsightsRequest, SuggestRequest, Suggestion, SuggestionResponse, WhatHelps,
};
use serde_json::Value;
use tauri::State;

use crate::ipc::{IpcError, decode};
use crate::state::AppState;

/// "What helps me": each technique against "just waited", with intervals and situations.
#[tauri::command]
pub async fn what_helps(state: State<'_, AppState>) -> Result<WhatHelps, IpcError> {
    state.run(|store| store.what_helps()).await
}

/// The top techniques for this moment, each with a reason (`request`: `SuggestRequest`).
#[tauri::command]
pub async fn suggest(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Vec<Suggestion>, IpcError> {
    let request: SuggestRequest = decode(request)?;
    state.run(move |store| store.suggest(&request)).await
}

/// Records "not now" or the technique chosen from suggestions (`request`: `SuggestionResponse`).
#[tauri::command]
pub async fn record_suggestion(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<(), IpcError> {
    let request: SuggestionResponse = decode(request)?;
    state.run(move |store| store.record_suggestion(request)).await
}

/// The person's patterns over a range (`request`: `InsightsRequest`).
#[tauri::command]
pub async fn get_insights(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Insights, IpcError> {
    let request: InsightsRequest = decode(request)?;
    state.run(move |store| store.insights(&request)).await
}
