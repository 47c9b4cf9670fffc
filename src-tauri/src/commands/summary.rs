//! The summary to bring to a session and the coping plan card (#12). The figures are read on
//! the store (quick, indexed); drawing happens on a blocking thread of its own, so the store is
//! free meanwhile. Files are written only where the person chose in the save dialog.

use ebb_core::card::{card_pdf, card_png, card_preview};
use ebb_core::summary::{SummaryFigures, save_open_file, summary_pdf, summary_preview};
use ebb_core::{CardFormat, CopingCard, JournalChoice, JournalEntry, SummaryPeriod, WhatHelps};
use serde_json::Value;
use tauri::State;

use crate::ipc::{
    CardPreviewRequest, IpcError, PreviewImage, SaveCardRequest, SaveSummaryRequest, SavedFile,
    SummaryPreview, decode,
};
use crate::state::AppState;

/// Pixels per point of the summary's preview pages.
const PREVIEW_SCALE: f32 = 1.5;

type Gathered = (ebb_core::summary::CheckedSummary, SummaryFigures, WhatHelps, Vec<JournalEntry>);

async fn gather(state: &AppState, request: ebb_core::SummaryRequest) -> Result<Gathered, IpcError> {
    state
        .run(move |store| {
            let checked = store.check_summary(&request)?;
            let figures = store.summary_figures(&checked)?;
            let journal = store.summary_journal(&checked)?;
            let helps = store.what_helps()?;
            Ok((checked, figures, helps, journal))
        })
        .await
}

async fn drawn<T: Send + 'static>(
    work: impl FnOnce() -> ebb_core::Result<T> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(IpcError::internal)?
        .map_err(IpcError::from)
}

/// The journal entries of a period, for ticking one by one (`request`: `SummaryPeriod`).
#[tauri::command]
pub async fn summary_journal_choices(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<Vec<JournalChoice>, IpcError> {
    let request: SummaryPeriod = decode(request)?;
    state.run(move |store| store.summary_journal_choices(&request)).await
}

/// The summary's pages as images, exactly as they will be saved (`request`: `SummaryRequest`).
#[tauri::command]
pub async fn preview_summary(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<SummaryPreview, IpcError> {
    let request: ebb_core::SummaryRequest = decode(request)?;
    let (checked, figures, helps, journal) = gather(&state, request).await?;
    let pages =
        drawn(move || summary_preview(&checked, &figures, &helps, &journal, PREVIEW_SCALE)).await?;
    Ok(SummaryPreview { pages: pages.into_iter().map(PreviewImage::from).collect() })
}

/// Saves the summary as a PDF, NOT encrypted, where the person chose
/// (`request`: `SaveSummaryRequest`).
#[tauri::command]
pub async fn save_summary(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> Result<SavedFile, IpcError> {
    let request: SaveSummaryRequest = decode(request)?;
    let (checked, figures, helps, journal) = gather(&state, request.summary).await?;
    let path = request.path;
    drawn(move || {
        let bytes = summary_pdf(&checked, &figures, &helps, &journal)?;
        let size = save_open_file(std::path::Path::new(&path), &bytes)?;
        Ok(SavedFile { path, bytes: size })
    })
    .await
}

/// A first draft of the coping plan card, from the person's own records.
#[tauri::command]
pub async fn coping_card_draft(state: State<'_, AppState>) -> Result<CopingCard, IpcError> {
    state
        .run(|store| {
            let helps = store.what_helps()?;
            store.coping_card_draft(&helps)
        })
        .await
}

/// The card as edited, drawn for the preview (`request`: `CardPreviewRequest`).
#[tauri::command]
pub async fn preview_card(request: Option<Value>) -> Result<PreviewImage, IpcError> {
    let request: CardPreviewRequest = decode(request)?;
    drawn(move || card_preview(&request.card, request.theme)).await.map(PreviewImage::from)
}

/// Saves the card as a PDF or a PNG, NOT encrypted, where the person chose
/// (`request`: `SaveCardRequest`).
#[tauri::command]
pub async fn save_card(request: Option<Value>) -> Result<SavedFile, IpcError> {
    let request: SaveCardRequest = decode(request)?;
    drawn(move || {
        let bytes = match request.format {
            CardFormat::Pdf => card_pdf(&request.card, request.theme, request.paper)?,
            CardFormat::Png => card_png(&request.card, request.theme)?,
        };
        let size = save_open_file(std::path::Path::new(&request.path), &bytes)?;
        Ok(SavedFile { path: request.path, bytes: size })
    })
    .await
}
