//! The journal: entries (free or answering a prompt, alone or about a craving), the rotating
//! prompts, and the opt-in weekly reflection.

use ebb_core::{
    JournalEdit, JournalEntry, JournalForUrges, JournalPage, JournalQuery, NewJournalEntry,
    NewReflection, ReflectionStatus,
};
use serde_json::Value;
use tauri::State;

use crate::ipc::{IdRequest, IpcError, decode};
use crate::state::AppState;

/// A page of the journal, newest first, as excerpts (`request`: `JournalQuery`).
#[tauri::command]
pub async fn list_journal(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<JournalPage, IpcError> {
    let request: JournalQuery = decode(request)?;
    state.run(move |store| store.journal_page(&request)).await
}

/// One whole entry (`request`: `IdRequest`).
#[tauri::command]
pub async fn get_journal_entry(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<JournalEntry, IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.journal_entry(&request.id)).await
}

/// Writes an entry; naming a running journaling session finishes it (`request`:
/// `NewJournalEntry`).
#[tauri::command]
pub async fn create_journal_entry(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<JournalEntry, IpcError> {
    let request: NewJournalEntry = decode(request)?;
    state.run(move |store| store.create_journal_entry(request)).await
}

/// Changes an entry's words (`request`: `JournalEdit`).
#[tauri::command]
pub async fn edit_journal_entry(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<JournalEntry, IpcError> {
    let request: JournalEdit = decode(request)?;
    state.run(move |store| store.edit_journal_entry(request)).await
}

/// Deletes an entry for real (`request`: `IdRequest`).
#[tauri::command]
pub async fn delete_journal_entry(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<(), IpcError> {
    let request: IdRequest = decode(request)?;
    state.run(move |store| store.delete_journal_entry(&request.id)).await
}

/// The entries about some cravings, as excerpts (`request`: `JournalForUrges`).
#[tauri::command]
pub async fn journal_for_urges(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Vec<JournalEntry>, IpcError> {
    let request: JournalForUrges = decode(request)?;
    state.run(move |store| store.journal_for_urges(&request)).await
}

/// Saves the weekly reflection as an entry (`request`: `NewReflection`).
#[tauri::command]
pub async fn save_reflection(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<JournalEntry, IpcError> {
    let request: NewReflection = decode(request)?;
    state.run(move |store| store.save_reflection(request)).await
}

/// Whether the weekly reflection is due, and the techniques used this week.
#[tauri::command]
pub async fn reflection_status(state: State<'_, AppState>) -> Result<ReflectionStatus, IpcError> {
    state.run(|store| store.reflection_status()).await
}

/// The rotating journal prompts, in order.
#[tauri::command]
pub async fn journal_prompts() -> Result<Vec<String>, IpcError> {
    Ok(ebb_core::journal_prompts())
}
