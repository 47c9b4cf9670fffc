//! The app's state: the person's store (or why it could not be opened) and the startup probe.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use ebb_core::Store;
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

/// Opens the store with the system clock. Debug builds honour `EBB_CLOCK_OFFSET_MINUTES`, which
/// moves Ebb's "now" so end-to-end tests can come back ten minutes later without waiting; release
/// builds ignore it.
fn open_store(path: &Path) -> ebb_core::Result<Store> {
    #[cfg(debug_assertions)]
    if let Some(minutes) =
        std::env::var("EBB_CLOCK_OFFSET_MINUTES").ok().and_then(|v| v.parse::<i64>().ok())
    {
        let clock = ebb_core::OffsetClock::new(minutes);
        return Store::open_with(path, Arc::new(clock), Box::new(ebb_core::RandomIds));
    }
    Store::open(path)
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
}

impl StartupProbe {
    /// Reads `EBB_STARTUP_PROBE`.
    pub fn from_env() -> Self {
        match std::env::var("EBB_STARTUP_PROBE").as_deref() {
            Ok("blank") => Self::Blank,
            Ok("") | Err(_) => Self::Off,
            Ok(_) => Self::App,
        }
    }
}

/// What every command reaches through `tauri::State`.
pub struct AppState {
    store: Result<Arc<Mutex<Store>>, IpcError>,
    data_path: PathBuf,
    /// The startup probe in force.
    pub probe: StartupProbe,
}

impl AppState {
    /// Opens the store in `dir`. A failure is kept, not raised: the UI shows the person what
    /// happened and where the file is, and the file is never touched.
    pub fn open(dir: &Path, probe: StartupProbe) -> Self {
        let data_path = dir.join(DATABASE_FILE);
        let store = std::fs::create_dir_all(dir)
            .map_err(|e| {
                IpcError::new(
                    "data_unreadable",
                    format!("Ebb couldn't create its data folder at {}: {e}.", dir.display()),
                )
            })
            .and_then(|()| open_store(&data_path).map_err(IpcError::from))
            .map(|store| Arc::new(Mutex::new(store)));
        Self { store, data_path, probe }
    }

    /// A state over an already open store (tests).
    pub fn with_store(store: Store) -> Self {
        Self {
            store: Ok(Arc::new(Mutex::new(store))),
            data_path: PathBuf::from(":memory:"),
            probe: StartupProbe::Off,
        }
    }

    /// Whether the store opened, and where it is.
    pub fn status(&self) -> AppStatus {
        AppStatus {
            data_path: self.data_path.display().to_string(),
            problem: self.store.as_ref().err().cloned(),
        }
    }

    /// Reads what "what helps" is fitted from in the background once the first screen is up,
    /// on a second connection, so the person's own is never held while a long history is read
    /// (seconds at a million cravings); the reading is then handed over, and cravings written
    /// meanwhile are re-read at the next fit. If anything fails, the first fit simply reads for
    /// itself.
    pub fn warm_up(&self) {
        let Ok(store) = &self.store else { return };
        // A store in memory (tests) has no second connection to read it.
        if self.data_path.as_os_str() == ":memory:" {
            return;
        }
        let store = Arc::clone(store);
        let path = self.data_path.clone();
        drop(tauri::async_runtime::spawn_blocking(move || {
            store.lock().unwrap_or_else(PoisonError::into_inner).begin_helps_warm_up();
            if let Ok(reading) = Store::open(&path).and_then(|mut reader| reader.read_helps()) {
                store.lock().unwrap_or_else(PoisonError::into_inner).adopt_helps(reading);
            }
        }));
    }

    /// Runs `work` on the store on a blocking thread, never on the UI or async threads.
    pub async fn run<T, F>(&self, work: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> ebb_core::Result<T> + Send + 'static,
    {
        let store = match &self.store {
            Ok(store) => Arc::clone(store),
            Err(problem) => {
                return Err(IpcError::new("store_unavailable", problem.message.clone()));
            }
        };
        tauri::async_runtime::spawn_blocking(move || {
            // A panic in an earlier call leaves SQLite itself consistent (every write is one
            // transaction), so the lock can be taken over safely.
            let mut store = store.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut store)
        })
        .await
        .map_err(|e| IpcError::new("internal", format!("Something went wrong inside Ebb: {e}")))?
        .map_err(IpcError::from)
    }
}
