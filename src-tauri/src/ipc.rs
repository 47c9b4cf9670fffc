//! What crosses IPC besides the core's own types: the one error shape and request envelopes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The one error that crosses IPC: a stable `code` for the UI to branch on and a `message` to
/// show the person as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    /// `invalid_input`, `not_found`, `data_too_new`, `data_unreadable`, `storage`,
    /// `store_unavailable`, `internal`, or from the lock: `locked`, `wrong_passcode`,
    /// `wrong_recovery_code`, `try_later`, `no_passcode`, `key_missing`, `keys_unreadable`,
    /// `wrong_key`; `damaged` (the store's file is damaged), `busy`.
    pub code: String,
    /// A sentence for the person.
    pub message: String,
    /// For `invalid_input`: the request field at fault (`to`, `talkAbout` …), so the UI can
    /// show the message beside it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl IpcError {
    /// An error with `code` and `message`.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self { code: code.to_owned(), message: message.into(), field: None }
    }
}

impl IpcError {
    /// Something failed inside Ebb itself (a worker thread that panicked or was cancelled): the
    /// person reads a plain sentence; the detail goes to the log (it never holds their data or
    /// key material: it is a task error).
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        eprintln!("ebb: internal error: {detail}");
        Self::new(
            "internal",
            "Ebb couldn't finish that just now, so nothing was changed. Please try again.",
        )
    }
}

impl From<ebb_core::Error> for IpcError {
    fn from(error: ebb_core::Error) -> Self {
        let field = match &error {
            ebb_core::Error::Invalid(invalid) => Some(invalid.field.to_owned()),
            _ => None,
        };
        Self { field, ..Self::new(error.code(), error.to_string()) }
    }
}

pub use crate::decode::decode;

/// Asks for a page of History.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct ListUrgesRequest {
    /// Where the previous page ended; absent for the first page.
    #[serde(default)]
    #[ts(optional)]
    pub after: Option<ebb_core::UrgeCursor>,
    /// How many cravings, 1–200.
    pub limit: u32,
    /// Only the cravings that match (History's filters).
    #[serde(default)]
    #[ts(optional)]
    pub filter: Option<ebb_core::UrgeFilter>,
}

/// Counts the cravings matching a filter.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct CountMatchingRequest {
    /// History's filters.
    pub filter: ebb_core::UrgeFilter,
}

/// Names one record (a craving, a pattern) by its id.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct IdRequest {
    /// The record's id.
    pub id: String,
}

/// Sets or clears a craving's note.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SetUrgeNoteRequest {
    /// The craving's id.
    pub id: String,
    /// The note; absent, null or blank clears it.
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
}

/// Whether the person's data could be opened, and where it lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct AppStatus {
    /// The database file.
    pub data_path: String,
    /// Why it could not be opened, if it could not.
    pub problem: Option<IpcError>,
    /// A passcode is set and Ebb is locked: only the unlock pad and Help now are shown.
    pub locked: bool,
}

/// Names the backup to restore.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct RestoreRequest {
    /// The backup's file name, as listed.
    pub name: String,
}

/// A PIN or passphrase typed at the unlock pad. Wiped from memory when dropped.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct UnlockRequest {
    /// What the person typed.
    pub passcode: String,
}

/// The recovery code and the new passcode to set with it. Wiped from memory when dropped.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct RecoverRequest {
    /// The code as typed (any case, spaces or dashes).
    pub recovery_code: String,
    /// The kind of the new passcode.
    pub kind: ebb_core::PasscodeKind,
    /// The new passcode.
    pub passcode: String,
}

/// A first passcode. Wiped from memory when dropped.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SetPasscodeRequest {
    /// PIN or passphrase.
    pub kind: ebb_core::PasscodeKind,
    /// The passcode.
    pub passcode: String,
}

/// A new passcode in place of the current one. Wiped from memory when dropped.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct ChangePasscodeRequest {
    /// The current passcode.
    pub current: String,
    /// The new one's kind.
    pub kind: ebb_core::PasscodeKind,
    /// The new passcode.
    pub passcode: String,
}

/// Removes the passcode, given the current one. Wiped from memory when dropped.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct RemovePasscodeRequest {
    /// The current passcode.
    pub current: String,
}

/// An encrypted export to `path` with `passphrase`. The passphrase is wiped when dropped.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct ExportRequest {
    /// Where to save it (from the save dialog).
    pub path: String,
    /// The passphrase that will open it (8 or more characters).
    pub passphrase: String,
}

/// The CSV zip, saved to `path` (not encrypted: the UI says so first).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct CsvExportRequest {
    /// Where to save it (from the save dialog).
    pub path: String,
}

/// An export to read before importing. The passphrase is wiped when dropped.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct ImportPreviewRequest {
    /// The export file (from the open dialog).
    pub path: String,
    /// Its passphrase.
    pub passphrase: String,
}

/// Merge (add what isn't here, keep the newer of each) or replace everything (a new device).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ImportMode {
    /// Add what isn't here; for a record in both, keep the newer.
    Merge,
    /// Replace everything with the file (after a backup).
    Replace,
}

/// Imports the export last previewed.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct ImportRequest {
    /// Merge or replace.
    pub mode: ImportMode,
}

macro_rules! wipe_on_drop {
    ($ty:ident: $($field:ident),+) => {
        impl Drop for $ty {
            fn drop(&mut self) {
                $(zeroize::Zeroize::zeroize(&mut self.$field);)+
            }
        }
    };
}
wipe_on_drop!(UnlockRequest: passcode);
wipe_on_drop!(RecoverRequest: recovery_code, passcode);
wipe_on_drop!(SetPasscodeRequest: passcode);
wipe_on_drop!(ChangePasscodeRequest: current, passcode);
wipe_on_drop!(RemovePasscodeRequest: current);
wipe_on_drop!(ExportRequest: passphrase);
wipe_on_drop!(ImportPreviewRequest: passphrase);

/// Puts a chip on a craving (`on: true`) or takes it off.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SetUrgeChipRequest {
    /// The craving's id.
    pub urge_id: String,
    /// The chip's id.
    pub chip_id: String,
    /// On or off.
    pub on: bool,
}

/// Adds the person's own chip.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct AddChipRequest {
    /// Which question it answers.
    pub kind: ebb_core::ChipKind,
    /// Its words.
    pub label: String,
}

/// Names one craving whose re-rate prompt the person dismissed.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct DismissRerateRequest {
    /// The craving's id.
    pub urge_id: String,
}

/// A page drawn for a preview: a PNG as a `data:` URL, and its text for screen readers.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PreviewImage {
    /// `data:image/png;base64,…`.
    pub data_url: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Every line of text on the page, top to bottom.
    pub text: Vec<String>,
}

impl From<ebb_core::PreviewPage> for PreviewImage {
    fn from(page: ebb_core::PreviewPage) -> Self {
        use base64::Engine;
        Self {
            data_url: format!(
                "data:image/png;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(&page.png)
            ),
            width: page.width,
            height: page.height,
            text: page.text,
        }
    }
}

/// The summary's pages, as they will be saved.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SummaryPreview {
    /// Every page, in order.
    pub pages: Vec<PreviewImage>,
}

/// Save a summary as a PDF at a path from the save dialog.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SaveSummaryRequest {
    /// What goes in it.
    pub summary: ebb_core::SummaryRequest,
    /// Where to save it.
    pub path: String,
}

/// A file saved where the person chose.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SavedFile {
    /// Where it was saved.
    pub path: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Draw a coping plan card for the editor's preview.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct CardPreviewRequest {
    /// The card as edited.
    pub card: ebb_core::CopingCard,
    /// Light or dark.
    pub theme: ebb_core::CardTheme,
}

/// Save a coping plan card at a path from the save dialog.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SaveCardRequest {
    /// The card as edited.
    pub card: ebb_core::CopingCard,
    /// Light or dark.
    pub theme: ebb_core::CardTheme,
    /// PDF or PNG.
    pub format: ebb_core::CardFormat,
    /// For the PDF: A4 or Letter.
    pub paper: ebb_core::Paper,
    /// Where to save it.
    pub path: String,
}

/// One open-source component Ebb ships, from the generated `licences.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Licence {
    /// The crate, npm package or font.
    pub name: String,
    /// Its version.
    pub version: String,
    /// Its SPDX licence expression.
    pub license: String,
    /// `crate`, `npm` or `font`.
    pub kind: String,
}

/// Settings → About: the version, where the data lives, and what Ebb ships under which licence.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct About {
    /// Ebb's version.
    pub version: String,
    /// Ebb's own licence.
    pub license: String,
    /// The folder holding the data file, its keys and backups.
    pub data_folder: String,
    /// Every component Ebb ships, by name.
    pub licences: Vec<Licence>,
}
