//! Export and import (#11): everything encrypted with a passphrase, the CSV zip, the preview,
//! merge or replace, and Cancel. Paths come from the platform's save and open dialogs.

use ebb_core::transfer::{ExportReport, ImportPreview, ImportReport};
use serde_json::Value;
use tauri::State;

use crate::ipc::{
    CsvExportRequest, ExportRequest, ImportMode, ImportPreviewRequest, ImportRequest, IpcError,
    decode,
};
use crate::state::AppState;

fn joined<T>(result: Result<Result<T, IpcError>, tauri::Error>) -> Result<T, IpcError> {
    result.map_err(IpcError::internal)?
}

/// Saves everything, encrypted with a passphrase (`request`: `ExportRequest`).
#[tauri::command]
pub async fn export_data(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<ExportReport, IpcError> {
    let request: ExportRequest = decode(request)?;
    let shared = state.shared();
    joined(
        tauri::async_runtime::spawn_blocking(move || {
            shared.export_encrypted(&request.path, &request.passphrase)
        })
        .await,
    )
}

/// Saves cravings, sessions and the journal as CSV in one zip, NOT encrypted
/// (`request`: `CsvExportRequest`).
#[tauri::command]
pub async fn export_csv(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<ExportReport, IpcError> {
    let request: CsvExportRequest = decode(request)?;
    let shared = state.shared();
    joined(tauri::async_runtime::spawn_blocking(move || shared.export_csv(&request.path)).await)
}

/// Opens an export and says what importing it would bring (`request`: `ImportPreviewRequest`).
#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<ImportPreview, IpcError> {
    let request: ImportPreviewRequest = decode(request)?;
    let shared = state.shared();
    joined(
        tauri::async_runtime::spawn_blocking(move || {
            shared.preview_import(&request.path, &request.passphrase)
        })
        .await,
    )
}

/// Imports the export last previewed (`request`: `ImportRequest`).
#[tauri::command]
pub async fn import_data(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<ImportReport, IpcError> {
    let request: ImportRequest = decode(request)?;
    if request.mode == ImportMode::Replace {
        return state.with_vault(|shared, inner| shared.replace_import(inner)).await;
    }
    let shared = state.shared();
    joined(tauri::async_runtime::spawn_blocking(move || shared.merge_import()).await)
}

/// Cancels the export or import running now (nothing is changed by a cancelled one).
#[tauri::command]
pub fn cancel_transfer(state: State<'_, AppState>) {
    state.cancel_transfer();
}
