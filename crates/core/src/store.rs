//! Opening the database: pragmas, then migrations. The only way to get a [`Store`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::keys::DataKey;
use crate::{Clock, Error, IdSource, RandomIds, Result, SystemClock, cipher};

/// Migrations, in order; `MIGRATIONS[n]` takes the schema from version `n` to `n + 1`.
///
/// Append-only: a shipped migration is never edited, since people's databases already ran it.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_urges.sql"),
    include_str!("migrations/0002_capture.sql"),
    include_str!("migrations/0003_sessions.sql"),
    include_str!("migrations/0004_library.sql"),
    include_str!("migrations/0005_helps.sql"),
    include_str!("migrations/0006_speed.sql"),
    include_str!("migrations/0007_journal.sql"),
    include_str!("migrations/0008_support.sql"),
    include_str!("migrations/0009_plans.sql"),
    include_str!("migrations/0010_helps_sums.sql"),
    include_str!("migrations/0011_history_counts.sql"),
];

/// The schema version this build writes (`PRAGMA user_version` after migrating).
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// A person's Ebb data: one SQLite connection, a clock and an id source.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) ids: Box<dyn IdSource>,
    /// "What helps": what it was fitted from and the fit, kept up to date by writes (`helps.rs`).
    pub(crate) helps: std::sync::Mutex<crate::helps::Cache>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.conn.path()).finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) the encrypted database at `path` with `key`, the system clock and
    /// random ids.
    pub fn open(path: impl AsRef<Path>, key: &DataKey) -> Result<Self> {
        Self::open_with(path, key, Arc::new(SystemClock), Box::new(RandomIds))
    }

    /// Opens (or creates) the encrypted database at `path` with `key` and the given clock and
    /// ids. A plain store from an older Ebb is encrypted first, safely (`cipher.rs`).
    ///
    /// A database written by a newer Ebb, a file that isn't a database, or one that doesn't
    /// open with `key` is refused and left byte-for-byte as it was.
    ///
    /// This is the first open of the file in this process: it reads the file's first bytes
    /// outside SQLite. A further connection while this one is open uses
    /// [`Store::open_another`].
    pub fn open_with(
        path: impl AsRef<Path>,
        key: &DataKey,
        clock: Arc<dyn Clock>,
        ids: Box<dyn IdSource>,
    ) -> Result<Self> {
        let path = path.as_ref();
        let found = cipher::inspect(path)?;
        cipher::tidy(path, found)?;
        if found == cipher::Found::Plain {
            cipher::encrypt_plain_store(path, key, SCHEMA_VERSION)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| unreadable(path.to_path_buf(), e))?;
        // The key first: SQLCipher reads nothing before it has one.
        cipher::apply_key(&conn, key)?;
        // A store that a migration is about to change is backed up first (#11). (A wrong key
        // reads nothing here, and `init` says so.)
        let version: Option<u32> =
            conn.pragma_query_value(None, "user_version", |row| row.get(0)).ok();
        if version.is_some_and(|v| v > 0 && v < SCHEMA_VERSION) {
            crate::backup::make_backup(
                path,
                key,
                clock.now(),
                crate::backup::BackupReason::BeforeUpgrade,
            )?;
        }
        let store = Self::init(conn, path.to_path_buf(), clock, ids)?;
        // The store opened with its key: any plain copy an interrupted upgrade left can go.
        cipher::wipe_plain_leftovers(path)?;
        Ok(store)
    }

    /// A further connection to a store this process already has open (the background read of
    /// "what helps"): no first-open work. In particular the file is never opened outside
    /// SQLite, since closing a raw descriptor on it would drop this process's SQLite locks
    /// (POSIX locks are per process), and another process could then take the log away from
    /// under the open connection.
    pub fn open_another(path: impl AsRef<Path>, key: &DataKey) -> Result<Self> {
        let path = path.as_ref();
        // CREATE is for files it attaches (an export): they take the connection's flags.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| unreadable(path.to_path_buf(), e))?;
        cipher::apply_key(&conn, key)?;
        Self::init(conn, path.to_path_buf(), Arc::new(SystemClock), Box::new(RandomIds))
    }

    /// Opens a store **without encryption**, for benchmarks that compare SQLCipher with plain
    /// SQLite on the same data. Only with the `generator` feature, which the app never enables.
    #[cfg(feature = "generator")]
    pub fn open_unencrypted(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let conn = Connection::open(path).map_err(|e| unreadable(path.to_path_buf(), e))?;
        Self::init(conn, path.to_path_buf(), Arc::new(SystemClock), Box::new(RandomIds))
    }

    /// A fresh database in memory, with the system clock: for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::open_in_memory_with(Arc::new(SystemClock), Box::new(RandomIds))
    }

    /// A fresh database in memory with the given clock and ids: for tests.
    pub fn open_in_memory_with(clock: Arc<dyn Clock>, ids: Box<dyn IdSource>) -> Result<Self> {
        Self::init(Connection::open_in_memory()?, PathBuf::from(":memory:"), clock, ids)
    }

    fn init(
        mut conn: Connection,
        path: PathBuf,
        clock: Arc<dyn Clock>,
        ids: Box<dyn IdSource>,
    ) -> Result<Self> {
        // Wait up to 5 s for another connection's lock (a second window, a backup tool) instead
        // of failing a person's write at once. Changes nothing on disk.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;

        // Read the version before any pragma that writes to the file: a database from a newer
        // Ebb, or a file that isn't a database, must be left exactly as it was.
        let found: u32 =
            conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(|e| match e
                .sqlite_error_code()
            {
                // With a key set, "not a database" means this key doesn't open it.
                // (SQLCipher files are whole pages; anything else isn't a database at all.)
                Some(ErrorCode::NotADatabase)
                    if std::fs::metadata(&path).is_ok_and(|m| m.len() % 4096 == 0) =>
                {
                    Error::WrongKey { path: path.clone() }
                }
                _ => unreadable(path.clone(), e),
            })?;
        if found > SCHEMA_VERSION {
            return Err(Error::TooNew { path, found, supported: SCHEMA_VERSION });
        }

        // Write-ahead log: readers (History) never block the writer (a craving being logged),
        // and a crash mid-write cannot corrupt what was already committed.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| unreadable(path.clone(), e))?;
        // FULL: every commit is fsynced before it returns, so a craving the UI calls "saved"
        // survives a crash or a power cut. NORMAL would be faster but may lose the last commits,
        // and these are a person's records made in a hard moment.
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Links between records (added by later migrations) must never dangle.
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Sorts and temporary tables stay in memory: SQLite's temporary files are not
        // encrypted, and nothing a person wrote may reach the disk in plain.
        conn.pragma_update(None, "temp_store", "MEMORY")?;

        migrate(&mut conn)?;
        Ok(Self { conn, clock, ids, helps: std::sync::Mutex::default() })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Read-only access to the connection, for diagnostics and tests (integrity checks, schema
    /// comparisons). Writes go through the typed methods.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Applies every pending migration in one transaction: all of them, or none.
fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current: u32 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)?;
        // user_version lives in the database header and is part of this transaction.
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

/// Reads a stored instant (milliseconds since the Unix epoch).
pub(crate) fn millis_to_time(ms: i64) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp_millis(ms).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Integer,
            format!("time out of range: {ms}").into(),
        )
    })
}

fn unreadable(path: PathBuf, error: rusqlite::Error) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt | ErrorCode::CannotOpen) => {
            Error::Unreadable { path, reason: error.to_string() }
        }
        _ => Error::Storage(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_database_is_at_the_latest_version() {
        let store = Store::open_in_memory().expect("an in-memory store opens");
        assert_eq!(
            store.schema_version().expect("version reads"),
            SCHEMA_VERSION,
            "a new database must have every migration applied"
        );
    }

    #[test]
    fn pragmas_are_set_for_durability() {
        let dir = tempfile::tempdir().expect("temp dir");
        let key = DataKey::generate().expect("random numbers");
        let store = Store::open(dir.path().join("ebb.db"), &key).expect("store opens");
        let conn = store.connection();
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        let sync: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
        let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal", "readers must not block the writer");
        assert_eq!(sync, 2, "synchronous=FULL (2): a saved craving survives a power cut");
        assert_eq!(fk, 1, "foreign keys must be enforced");
        let temp: i64 = conn.pragma_query_value(None, "temp_store", |r| r.get(0)).unwrap();
        assert_eq!(temp, 2, "temp_store=MEMORY (2): SQLite's temporary files are not encrypted");
    }
}
