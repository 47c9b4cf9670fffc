//! The app's state: the person's store (or why it could not be opened) and the startup probe.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};
use ebb_core::keys::Keystore;
use ebb_core::{Clock, DataKey, LockStatus, PasscodeKind, RecoveryCode, Store, Vault};
use tauri::{AppHandle, Manager};

use crate::ipc::{AppStatus, IpcError};

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "ebb.db";

/// Where the person's data lives: `$EBB_DATA_DIR` when set (tests, portable use), else the
/// platform's app data folder. The folder is created if missing.
pub fn data_dir(app: &AppHandle) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = match std::env::var_os("EBB_DATA_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => app.path().app_data_dir()?,
    };
    Ok(dir)
}

/// Ebb's clock: the system's, moved by an offset that only debug builds ever set
/// (`EBB_CLOCK_OFFSET_MINUTES` at start, `debug_shift_clock` while running), so end-to-end tests
/// can come back ten minutes later, or stay away long enough to be locked, without waiting.
#[derive(Debug, Default)]
pub struct AppClock {
    offset_ms: AtomicI64,
}

impl AppClock {
    /// The system clock; in debug builds shifted by `EBB_CLOCK_OFFSET_MINUTES`.
    pub fn from_env() -> Self {
        let clock = Self::default();
        #[cfg(debug_assertions)]
        if let Some(minutes) =
            std::env::var("EBB_CLOCK_OFFSET_MINUTES").ok().and_then(|v| v.parse::<i64>().ok())
        {
            clock.shift_minutes(minutes);
        }
        clock
    }

    /// Moves "now" by `minutes` (debug builds' test hook).
    pub fn shift_minutes(&self, minutes: i64) {
        self.offset_ms.fetch_add(minutes.saturating_mul(60_000), Ordering::SeqCst);
    }
}

impl Clock for AppClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::milliseconds(self.offset_ms.load(Ordering::SeqCst))
    }

    fn offset_at(&self, at: DateTime<Utc>) -> chrono::FixedOffset {
        ebb_core::SystemClock.offset_at(at)
    }
}

/// The benchmark's startup probe (`EBB_STARTUP_PROBE`): print `ebb-ready` and exit as soon as
/// the first screen is interactive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartupProbe {
    /// A normal run.
    Off,
    /// `EBB_STARTUP_PROBE=1`: Ebb's own first screen, with its first data rendered.
    App,
    /// `EBB_STARTUP_PROBE=blank`: a blank static page, the floor of this stack.
    Blank,
    /// `EBB_STARTUP_PROBE=painted`: a static page that paints the same first screen (same
    /// fonts, text and scale, no data, no JavaScript): the fair floor. Ready when it has
    /// loaded.
    Painted,
}

impl StartupProbe {
    /// Reads `EBB_STARTUP_PROBE`.
    pub fn from_env() -> Self {
        match std::env::var("EBB_STARTUP_PROBE").as_deref() {
            Ok("blank") => Self::Blank,
            Ok("painted") => Self::Painted,
            Ok("") | Err(_) => Self::Off,
            Ok(_) => Self::App,
        }
    }
}

/// Where the app is: the store open (with its key), locked, or unable to open.
enum Phase {
    Open {
        store: Arc<Mutex<Store>>,
        key: DataKey,
    },
    Locked,
    Problem(IpcError),
    /// The store turned out damaged: Ebb stopped writing to it; a backup can replace it.
    Damaged {
        key: DataKey,
        problem: IpcError,
    },
}

/// The mutable part of the state, behind one lock.
pub struct Inner {
    phase: Phase,
    /// The key file and keystore; `None` if the key file couldn't be read (then `phase` says why).
    vault: Option<Vault>,
    /// When Ebb last went to the background, for "lock after N minutes away".
    hidden_at: Option<DateTime<Utc>>,
}

/// What every command reaches through `tauri::State`.
pub struct AppState {
    shared: Arc<Shared>,
    /// The startup probe in force.
    pub probe: StartupProbe,
}

/// The state a blocking thread can hold on to.
pub struct Shared {
    inner: Mutex<Inner>,
    data_path: PathBuf,
    clock: Arc<AppClock>,
    /// The export last opened for import (checked and migrated), until imported or replaced.
    pending_import: Mutex<Option<ebb_core::transfer::ImportFile>>,
    /// Set by Cancel; read by the export or import running now.
    cancel: Arc<std::sync::atomic::AtomicBool>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.shared
    }
}

fn lock_inner(inner: &Mutex<Inner>) -> std::sync::MutexGuard<'_, Inner> {
    // A panic elsewhere can't leave `Inner` half-changed: each change is one assignment.
    inner.lock().unwrap_or_else(PoisonError::into_inner)
}

fn locked_error() -> IpcError {
    IpcError::from(ebb_core::Error::Locked)
}

impl AppState {
    /// Opens the store in `dir` with the platform keystore. A failure is kept, not raised: the
    /// UI shows the person what happened and where the file is, and the file is never touched.
    /// With a passcode set, Ebb starts locked.
    pub fn open(dir: &Path, probe: StartupProbe) -> Self {
        Self::open_with(
            dir,
            probe,
            crate::keystore::for_folder(dir),
            Arc::new(AppClock::from_env()),
        )
    }

    /// [`AppState::open`] with a given keystore and clock (tests).
    pub fn open_with(
        dir: &Path,
        probe: StartupProbe,
        keystore: Arc<dyn Keystore>,
        clock: Arc<AppClock>,
    ) -> Self {
        let data_path = dir.join(DATABASE_FILE);
        let (phase, vault) = match std::fs::create_dir_all(dir)
            .map_err(|e| {
                IpcError::new(
                    "data_unreadable",
                    format!("Ebb couldn't create its data folder at {}: {e}.", dir.display()),
                )
            })
            .and_then(|()| {
                Vault::load(dir, keystore, clock.clone() as Arc<dyn Clock>).map_err(IpcError::from)
            }) {
            Err(problem) => (Phase::Problem(problem), None),
            Ok(vault) if vault.has_passcode() => (Phase::Locked, Some(vault)),
            Ok(mut vault) => {
                let phase = vault
                    .open_without_passcode(&data_path)
                    .and_then(|key| open_store(&data_path, &key, &clock).map(|s| (s, key)))
                    .map_or_else(
                        |e| Phase::Problem(IpcError::from(e)),
                        |(store, key)| Phase::Open { store: Arc::new(Mutex::new(store)), key },
                    );
                (phase, Some(vault))
            }
        };
        Self {
            shared: Arc::new(Shared {
                inner: Mutex::new(Inner { phase, vault, hidden_at: None }),
                data_path,
                clock,
                pending_import: Mutex::default(),
                cancel: Arc::default(),
            }),
            probe,
        }
    }

    /// A state over an already open store (tests).
    pub fn with_store(store: Store) -> Self {
        let key = DataKey::from_hex(&"00".repeat(32)).unwrap_or_else(|| unreachable!());
        Self {
            shared: Arc::new(Shared {
                inner: Mutex::new(Inner {
                    phase: Phase::Open { store: Arc::new(Mutex::new(store)), key },
                    vault: None,
                    hidden_at: None,
                }),
                data_path: PathBuf::from(":memory:"),
                clock: Arc::new(AppClock::default()),
                pending_import: Mutex::default(),
                cancel: Arc::default(),
            }),
            probe: StartupProbe::Off,
        }
    }

    /// The state a blocking thread or a background task can hold on to.
    pub fn shared(&self) -> Arc<Shared> {
        Arc::clone(&self.shared)
    }

    /// Runs `work` on the vault (and, if open, the data key) on a blocking thread: Argon2id
    /// takes tens of milliseconds and must never hold the UI.
    pub async fn with_vault<T, F>(&self, work: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Shared, &mut Inner) -> Result<T, IpcError> + Send + 'static,
    {
        let shared = Arc::clone(&self.shared);
        tauri::async_runtime::spawn_blocking(move || {
            let mut inner = lock_inner(&shared.inner);
            work(&shared, &mut inner)
        })
        .await
        .map_err(IpcError::internal)?
    }
}

impl Shared {
    /// Whether the store opened, whether Ebb is locked, and where the data lives.
    pub fn status(&self) -> AppStatus {
        let inner = lock_inner(&self.inner);
        AppStatus {
            data_path: self.data_path.display().to_string(),
            problem: match &inner.phase {
                Phase::Problem(problem) | Phase::Damaged { problem, .. } => Some(problem.clone()),
                _ => None,
            },
            locked: matches!(inner.phase, Phase::Locked),
        }
    }

    /// Whether Ebb is locked now.
    pub fn is_locked(&self) -> bool {
        matches!(lock_inner(&self.inner).phase, Phase::Locked)
    }

    /// Ebb's clock (debug builds can shift it).
    pub fn clock(&self) -> &AppClock {
        &self.clock
    }

    /// What the lock screen and Settings show.
    pub fn lock_status(&self) -> LockStatus {
        let inner = lock_inner(&self.inner);
        let locked = matches!(inner.phase, Phase::Locked);
        match &inner.vault {
            Some(vault) => vault.status(locked),
            None => LockStatus {
                locked,
                protection: ebb_core::KeyProtection::File,
                passcode_kind: None,
                keystore_name: None,
                wrong_tries: 0,
                retry_in_seconds: 0,
            },
        }
    }

    /// Closes the store and drops the key (wiped from memory): every data command answers
    /// `locked` until the person unlocks. Only with a passcode set.
    pub fn lock(&self) -> Result<(), IpcError> {
        let mut inner = lock_inner(&self.inner);
        if !inner.vault.as_ref().is_some_and(Vault::has_passcode) {
            return Err(IpcError::from(ebb_core::Error::NoPasscode));
        }
        if matches!(inner.phase, Phase::Open { .. }) {
            // The store closes when the last command still using it returns.
            inner.phase = Phase::Locked;
        }
        Ok(())
    }

    /// Ebb went to the background (or lost focus).
    pub fn hidden(&self) {
        let mut inner = lock_inner(&self.inner);
        if inner.hidden_at.is_none() {
            inner.hidden_at = Some(self.clock.now());
        }
    }

    /// Ebb came back: locks if it was away at least the chosen time and a passcode is set.
    pub fn shown(&self) -> LockStatus {
        let (away, store) = {
            let mut inner = lock_inner(&self.inner);
            let since = inner.hidden_at.take();
            let has_passcode = inner.vault.as_ref().is_some_and(Vault::has_passcode);
            match (&inner.phase, since) {
                (Phase::Open { store, .. }, Some(since)) if has_passcode => {
                    (Some(self.clock.now() - since), Some(Arc::clone(store)))
                }
                _ => (None, None),
            }
        };
        if let (Some(away), Some(store)) = (away, store) {
            let minutes = store
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .settings()
                .map_or(ebb_core::DEFAULT_LOCK_AFTER_MINUTES, |s| s.lock_after_minutes);
            if away >= chrono::Duration::minutes(i64::from(minutes)) {
                // The passcode is set (checked above), so this can't be refused.
                let _ = self.lock();
            }
        }
        self.lock_status()
    }

    /// Brings "what helps"'s stored sums and History's count bitmaps up to date in the
    /// background once the first screen is up, on a second connection (after an upgrade every
    /// bucket is built once: seconds at a million cravings), one short transaction per bucket,
    /// so the person's own connection is never held for long. If anything fails, the first fit
    /// does what is left itself, and counts take the plain query meanwhile.
    pub fn warm_up(&self) {
        let key = match &lock_inner(&self.inner).phase {
            Phase::Open { key, .. } => key.clone(),
            _ => return,
        };
        // A store in memory (tests) has no second connection to read it.
        if self.data_path.as_os_str() == ":memory:" {
            return;
        }
        let path = self.data_path.clone();
        drop(tauri::async_runtime::spawn_blocking(move || {
            let other = match Store::open_another(&path, &key) {
                Ok(other) => other,
                Err(e) => return eprintln!("ebb: the warm-up couldn't open the store ({e})"),
            };
            if let Err(e) = other.refresh_helps() {
                eprintln!("ebb: the what-helps warm-up stopped ({e}); the first fit does the rest");
            }
            if let Err(e) = other.refresh_counts() {
                eprintln!("ebb: the History counts warm-up stopped ({e}); counts read the records");
            }
        }));
    }

    /// Runs `work` on the store on a blocking thread, never on the UI or async threads. While
    /// locked, answers `locked` and runs nothing.
    pub async fn run<T, F>(&self, work: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> ebb_core::Result<T> + Send + 'static,
    {
        let store = match &lock_inner(&self.inner).phase {
            Phase::Open { store, .. } => Arc::clone(store),
            Phase::Locked => return Err(locked_error()),
            Phase::Problem(problem) => {
                return Err(IpcError::new("store_unavailable", problem.message.clone()));
            }
            Phase::Damaged { problem, .. } => return Err(problem.clone()),
        };
        let result = tauri::async_runtime::spawn_blocking(move || {
            // A panic in an earlier call leaves SQLite itself consistent (every write is one
            // transaction), so the lock can be taken over safely.
            let mut store = store.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut store)
        })
        .await
        .map_err(IpcError::internal)?;
        match result {
            Ok(value) => Ok(value),
            // SQLite found a damaged page: stop writing to the file, say so (#11).
            Err(e) if e.is_corrupt() => Err(self.mark_damaged(&e.to_string())),
            Err(e) => Err(IpcError::from(e)),
        }
    }

    /// Stops using a damaged store: it is closed (once running commands return) and every data
    /// command answers `damaged` until a backup replaces it. Returns that answer.
    pub fn mark_damaged(&self, detail: &str) -> IpcError {
        let mut inner = lock_inner(&self.inner);
        // SQLite's own words (`detail`) mean nothing to a person; the message says what it
        // means for them.
        let _ = detail;
        let problem = IpcError::new(
            "damaged",
            "Part of your data file is damaged, so Ebb has stopped writing to it. The file is \
             kept as it is; you can restore a backup.",
        );
        if let Phase::Open { key, .. } = &inner.phase {
            let key = key.clone();
            inner.phase = Phase::Damaged { key, problem: problem.clone() };
        }
        match &inner.phase {
            Phase::Damaged { problem, .. } => problem.clone(),
            _ => problem,
        }
    }

    /// The key and path, when the store is open or damaged (backups work on both).
    fn key_for_backups(&self) -> Result<(DataKey, bool), IpcError> {
        match &lock_inner(&self.inner).phase {
            Phase::Open { key, .. } => Ok((key.clone(), false)),
            Phase::Damaged { key, .. } => Ok((key.clone(), true)),
            Phase::Locked => Err(locked_error()),
            Phase::Problem(problem) => {
                Err(IpcError::new("store_unavailable", problem.message.clone()))
            }
        }
    }

    fn open_key(&self) -> Result<DataKey, IpcError> {
        match self.key_for_backups()? {
            (key, false) => Ok(key),
            (_, true) => Err(self.mark_damaged("it can't be read whole")),
        }
    }

    fn fresh_cancel(&self) -> Arc<std::sync::atomic::AtomicBool> {
        self.cancel.store(false, std::sync::atomic::Ordering::SeqCst);
        Arc::clone(&self.cancel)
    }

    /// Cancel for the export or import running now.
    pub fn cancel_transfer(&self) {
        self.cancel.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// An encrypted export, read on a second connection so logging never waits for it.
    pub fn export_encrypted(
        &self,
        to: &str,
        passphrase: &str,
    ) -> Result<ebb_core::transfer::ExportReport, IpcError> {
        let key = self.open_key()?;
        let reader = Store::open_another(&self.data_path, &key)?;
        Ok(reader.export_encrypted(Path::new(to), passphrase, Some(self.fresh_cancel()))?)
    }

    /// The CSV zip, read on a second connection.
    pub fn export_csv(&self, to: &str) -> Result<ebb_core::transfer::ExportReport, IpcError> {
        let key = self.open_key()?;
        let reader = Store::open_another(&self.data_path, &key)?;
        Ok(reader.export_csv(Path::new(to), Some(self.fresh_cancel()))?)
    }

    /// Opens an export (checked, migrated) and says what importing it would bring; it is kept
    /// for [`Shared::import`].
    pub fn preview_import(
        &self,
        path: &str,
        passphrase: &str,
    ) -> Result<ebb_core::transfer::ImportPreview, IpcError> {
        let key = self.open_key()?;
        let dir = self.data_path.parent().unwrap_or(Path::new("."));
        let file = ebb_core::transfer::ImportFile::open(Path::new(path), passphrase, dir)?;
        let reader = Store::open_another(&self.data_path, &key)?;
        let preview = reader.preview_import(&file)?;
        *self.pending_import.lock().unwrap_or_else(PoisonError::into_inner) = Some(file);
        Ok(preview)
    }

    fn take_pending_import(&self) -> Result<ebb_core::transfer::ImportFile, IpcError> {
        self.pending_import.lock().unwrap_or_else(PoisonError::into_inner).take().ok_or_else(|| {
            IpcError::new(
                "invalid_input",
                "Choose the export to import first (and enter its passphrase).",
            )
        })
    }

    /// Merges the export last previewed into the store, in one transaction (Cancel stops it
    /// and changes nothing). Other commands wait for the store meanwhile, not for the state.
    pub fn merge_import(&self) -> Result<ebb_core::transfer::ImportReport, IpcError> {
        let store = match &lock_inner(&self.inner).phase {
            Phase::Open { store, .. } => Arc::clone(store),
            _ => return Err(locked_error()),
        };
        let file = self.take_pending_import()?;
        let cancel = self.fresh_cancel();
        let mut store = store.lock().unwrap_or_else(PoisonError::into_inner);
        let merged = store.merge_import(&file, Some(cancel));
        if merged.is_err() {
            // Refused or cancelled, nothing changed: the checked file stays ready for a retry.
            *self.pending_import.lock().unwrap_or_else(PoisonError::into_inner) = Some(file);
        }
        Ok(merged?)
    }

    /// Replaces the store with the export last previewed (after a backup; the store is closed
    /// and opened again).
    pub fn replace_import(
        &self,
        inner: &mut Inner,
    ) -> Result<ebb_core::transfer::ImportReport, IpcError> {
        let file = self.take_pending_import()?;
        let now = self.clock.now();
        match std::mem::replace(&mut inner.phase, Phase::Locked) {
            Phase::Open { store, key } => {
                if let Err(store) = close(store) {
                    inner.phase = Phase::Open { store, key };
                    return Err(IpcError::new(
                        "busy",
                        "Ebb is still busy with your data. Try again in a moment.",
                    ));
                }
                let replaced =
                    ebb_core::transfer::replace_with_import(&self.data_path, &key, &file, now);
                let reopened = self.open_unlocked(inner, key);
                if let Err(e) = &reopened {
                    inner.phase = Phase::Problem(e.clone());
                }
                replaced?;
                reopened?;
                Ok(ebb_core::transfer::ImportReport { added: 0, updated: 0 })
            }
            other => {
                inner.phase = other;
                Err(locked_error())
            }
        }
    }

    /// The backups, newest first.
    pub fn list_backups(&self) -> Result<Vec<ebb_core::BackupInfo>, IpcError> {
        let (key, _) = self.key_for_backups()?;
        Ok(ebb_core::backup::list_backups(&self.data_path, &key)?)
    }

    /// A backup now ("Back up now", or the daily one when `daily` and one is due).
    pub fn back_up(
        &self,
        reason: ebb_core::BackupReason,
    ) -> Result<Option<ebb_core::BackupInfo>, IpcError> {
        let (key, damaged) = self.key_for_backups()?;
        if damaged {
            return Err(self.mark_damaged("it can't be copied"));
        }
        let now = self.clock.now();
        if reason == ebb_core::BackupReason::Daily
            && !ebb_core::backup::daily_due(&self.data_path, now)
        {
            return Ok(None);
        }
        match ebb_core::backup::make_backup(&self.data_path, &key, now, reason) {
            Ok(info) => Ok(Some(info)),
            Err(e) if e.is_corrupt() => Err(self.mark_damaged(&e.to_string())),
            Err(e) => Err(IpcError::from(e)),
        }
    }

    /// The quick check after the first screen is up: a damaged store is caught at once, not
    /// when a screen happens to read the bad page. (The daily backup reads and checks every
    /// page too, so it is the full check, daily.)
    pub fn check_store(&self) -> Result<(), IpcError> {
        let key = match self.key_for_backups() {
            Ok((key, false)) => key,
            Ok((_, true)) => return Err(self.mark_damaged("")),
            Err(_) => return Ok(()),
        };
        if self.data_path.as_os_str() == ":memory:" {
            return Ok(());
        }
        match ebb_core::backup::quick_check(&self.data_path, &key) {
            Ok(Some(detail)) => Err(self.mark_damaged(&detail)),
            Err(e) if e.is_corrupt() => Err(self.mark_damaged(&e.to_string())),
            _ => Ok(()),
        }
    }

    /// Saves what can still be read from a damaged store into a new one (the damaged file is
    /// moved aside, kept), then opens it.
    pub fn recover_damaged(&self, inner: &mut Inner) -> Result<ebb_core::Recovered, IpcError> {
        let (key, problem) = match std::mem::replace(&mut inner.phase, Phase::Locked) {
            Phase::Damaged { key, problem } => (key, problem),
            other => {
                inner.phase = other;
                return Err(IpcError::new(
                    "invalid_input",
                    "Your data isn't damaged, so there is nothing to recover.",
                ));
            }
        };
        match ebb_core::backup::recover_readable(&self.data_path, &key, self.clock.now()) {
            Ok(saved) => {
                if let Err(e) = self.open_unlocked(inner, key) {
                    inner.phase = Phase::Problem(e.clone());
                    return Err(e);
                }
                Ok(saved)
            }
            Err(e) => {
                inner.phase = Phase::Damaged { key, problem };
                Err(IpcError::from(e))
            }
        }
    }

    /// Replaces the store with the backup `name`. An open store is backed up first; a damaged
    /// one is moved aside, never deleted. The store is then opened again.
    pub fn restore(&self, inner: &mut Inner, name: &str) -> Result<(), IpcError> {
        let now = self.clock.now();
        match std::mem::replace(&mut inner.phase, Phase::Locked) {
            Phase::Open { store, key } => {
                if let Err(store) = close(store) {
                    inner.phase = Phase::Open { store, key };
                    return Err(IpcError::new(
                        "busy",
                        "Ebb is still busy with your data. Try again in a moment.",
                    ));
                }
                let restored = ebb_core::backup::restore_backup(&self.data_path, &key, name, now);
                // Whatever happened, the store opens again: the backup, or the file as it was.
                let reopened = self.open_unlocked(inner, key);
                if let Err(e) = &reopened {
                    inner.phase = Phase::Problem(e.clone());
                }
                restored?;
                reopened
            }
            Phase::Damaged { key, problem } => {
                match ebb_core::backup::restore_over_damaged(&self.data_path, &key, name, now) {
                    Ok(_aside) => {
                        let reopened = self.open_unlocked(inner, key);
                        if let Err(e) = &reopened {
                            inner.phase = Phase::Problem(e.clone());
                        }
                        reopened
                    }
                    Err(e) => {
                        inner.phase = Phase::Damaged { key, problem };
                        Err(IpcError::from(e))
                    }
                }
            }
            other => {
                let answer = match &other {
                    Phase::Problem(problem) => {
                        IpcError::new("store_unavailable", problem.message.clone())
                    }
                    _ => locked_error(),
                };
                inner.phase = other;
                Err(answer)
            }
        }
    }

    /// Unlocks with the PIN or passphrase: the key is unwrapped and the store opened.
    pub fn unlock(&self, inner: &mut Inner, passcode: &str) -> Result<(), IpcError> {
        if !matches!(inner.phase, Phase::Locked) {
            return Ok(());
        }
        let vault = inner.vault.as_mut().ok_or_else(locked_error)?;
        let key = vault.unlock(passcode)?;
        self.open_unlocked(inner, key)
    }

    /// Unlocks with the recovery code and sets a new passcode.
    pub fn recover(
        &self,
        inner: &mut Inner,
        code: &str,
        kind: PasscodeKind,
        passcode: &str,
    ) -> Result<(), IpcError> {
        let vault = inner.vault.as_mut().ok_or_else(locked_error)?;
        let key = vault.recover(code, kind, passcode)?;
        if matches!(inner.phase, Phase::Locked) {
            self.open_unlocked(inner, key)?;
        }
        Ok(())
    }

    fn open_unlocked(&self, inner: &mut Inner, key: DataKey) -> Result<(), IpcError> {
        let store = open_store(&self.data_path, &key, &self.clock)?;
        inner.phase = Phase::Open { store: Arc::new(Mutex::new(store)), key };
        inner.hidden_at = None;
        Ok(())
    }

    /// Sets a first passcode over the open store's key, turns the cover on, and returns the
    /// recovery code to show once.
    pub fn set_passcode(
        &self,
        inner: &mut Inner,
        kind: PasscodeKind,
        passcode: &str,
    ) -> Result<RecoveryCode, IpcError> {
        let Phase::Open { store, key } = &inner.phase else { return Err(locked_error()) };
        let (store, key) = (Arc::clone(store), key.clone());
        let vault = inner.vault.as_mut().ok_or_else(locked_error)?;
        let code = vault.set_passcode(&key, kind, passcode)?;
        // On by default once a lock is set (#10); the person can turn it off.
        let _ = store.lock().unwrap_or_else(PoisonError::into_inner).update_settings(
            ebb_core::SettingsUpdate { cover_when_away: Some(true), ..Default::default() },
        );
        Ok(code)
    }

    /// The vault, when the store is open (changing or removing the passcode).
    pub fn open_vault<'a>(&self, inner: &'a mut Inner) -> Result<&'a mut Vault, IpcError> {
        if !matches!(inner.phase, Phase::Open { .. }) {
            return Err(locked_error());
        }
        inner.vault.as_mut().ok_or_else(|| IpcError::from(ebb_core::Error::NoPasscode))
    }
}

/// Closes the store once no command holds it any more (waits up to 10 s); gives it back if it
/// is still in use.
fn close(store: Arc<Mutex<Store>>) -> Result<(), Arc<Mutex<Store>>> {
    let mut store = store;
    for _ in 0..1000 {
        match Arc::try_unwrap(store) {
            Ok(only) => {
                drop(only);
                return Ok(());
            }
            Err(shared) => store = shared,
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    Err(store)
}

fn open_store(path: &Path, key: &DataKey, clock: &Arc<AppClock>) -> ebb_core::Result<Store> {
    Store::open_with(path, key, clock.clone() as Arc<dyn Clock>, Box::new(ebb_core::RandomIds))
}
