//! Export and import (#11): everything, encrypted with a passphrase the person chooses, for
//! moving to a new device or keeping a copy; then merge or replace on the other side.
//!
//! # The export format, version 1
//! An export is a SQLCipher database (SQLCipher 4 defaults) holding every table of the store
//! at the schema version in its `user_version`. Its key is Argon2id(passphrase, salt) with
//! 19 MiB, 2 iterations, 1 lane, 32 bytes (OWASP's minimum), used as a raw key; the salt is the
//! SQLCipher salt, the file's first 16 bytes (random per export). Nothing else is in plain:
//! without the passphrase the file is 16 random bytes and pages of ciphertext.
//!
//! # Import
//! [`ImportFile::open`] derives the key, checks the file (size, not a plain database, opens
//! with the passphrase, not from a newer Ebb, an Ebb store inside, no NUL characters or
//! oversized texts) and brings a copy up to this version's schema, in a folder of its own
//! that is removed afterwards. [`Store::merge_import`] then adds what isn't here and, for
//! records in both, keeps the newer by `updated_at`, in one transaction: all or nothing, and a
//! second import of the same file changes nothing. [`replace_with_import`] swaps the whole
//! store for the import, after a backup.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::keys::{DataKey, PasscodeKind, validate_passcode};
use crate::{Error, Invalid, Result, Store, cipher, files};

/// The largest file Ebb tries to import (an export of a million cravings is about 1.3 GB).
pub const MAX_IMPORT_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// The longest text any imported field may hold (the journal's limit is 50,000 characters).
pub const MAX_IMPORTED_TEXT: i64 = 100_000;

/// Tables kept by triggers from the others: never copied, they follow the rows that are.
const DERIVED: &[&str] = &[
    "insight_weeks",
    "insight_hours",
    "insight_chips",
    "insight_outcome_weeks",
    "helps_buckets",
    "helps_dirty",
    "helps_meta",
    "count_buckets",
    "count_bits",
    "count_dirty",
];

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ExportReport {
    /// Where it is.
    pub path: String,
    /// Its size.
    #[ts(type = "number")]
    pub bytes: u64,
    /// Cravings in it.
    #[ts(type = "number")]
    pub cravings: u64,
}

/// How many of one kind of record an import holds, and how many of those are already here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ImportCount {
    /// "cravings", "journal entries", …
    pub what: String,
    /// In the file.
    #[ts(type = "number")]
    pub in_file: u64,
    /// Of those, already here (same id).
    #[ts(type = "number")]
    pub already_here: u64,
}

/// What an import would bring, shown before anything changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ImportPreview {
    /// Per kind of record.
    pub counts: Vec<ImportCount>,
    /// The schema version the file was written at (older ones are brought up to date).
    pub from_version: u32,
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ImportReport {
    /// Records added.
    #[ts(type = "number")]
    pub added: u64,
    /// Records here replaced by a newer version from the file.
    #[ts(type = "number")]
    pub updated: u64,
}

/// The kinds a preview counts: (table, words).
const COUNTED: &[(&str, &str)] = &[
    ("urges", "cravings"),
    ("outcomes", "check-ins"),
    ("technique_sessions", "exercise sessions"),
    ("journal_entries", "journal entries"),
    ("plans", "plans"),
    ("support_people", "support people"),
    ("tracked_things", "tracked things"),
    ("custom_patterns", "own breathing patterns"),
];

fn derive(passphrase: &str, salt: &[u8; 16]) -> Result<DataKey> {
    let params =
        argon2::Params::new(19 * 1024, 2, 1, Some(32)).map_err(|e| Error::Crypto(e.to_string()))?;
    let mut out = Zeroizing::new([0u8; 32]);
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut out[..])
        .map_err(|e| Error::Crypto(e.to_string()))?;
    Ok(DataKey::from_bytes(*out))
}

fn refused(message: impl Into<String>) -> Error {
    Invalid::new("file", message).into()
}

/// Checks an export passphrase: the same rule as a passphrase for the lock.
pub fn validate_export_passphrase(passphrase: &str) -> Result<(), Invalid> {
    validate_passcode(PasscodeKind::Passphrase, passphrase).map_err(|e| {
        Invalid::new("passphrase", e.message.replace("A passphrase", "The passphrase"))
    })
}

fn interruptible<T>(
    conn: &Connection,
    cancel: Option<Arc<AtomicBool>>,
    work: impl FnOnce() -> Result<T>,
) -> Result<T> {
    if let Some(cancel) = cancel {
        // SQLite asks every few thousand steps; `true` stops the statement (SQLITE_INTERRUPT).
        conn.progress_handler(5_000, Some(move || cancel.load(Ordering::Relaxed)));
    }
    let result = work();
    conn.progress_handler(0, None::<fn() -> bool>);
    cancelled(result)
}

/// An interrupted statement means Cancel was pressed.
fn cancelled<T>(result: Result<T>) -> Result<T> {
    match result {
        Err(Error::Storage(e))
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) =>
        {
            Err(Error::Cancelled)
        }
        other => other,
    }
}

impl Store {
    /// Writes everything to `to`, encrypted with `passphrase` (format above). Written beside
    /// `to` under a temporary name, checked, fsynced, then renamed: a failed or cancelled
    /// export leaves nothing behind. Never overwrites the store or its folder's files.
    pub fn export_encrypted(
        &self,
        to: &Path,
        passphrase: &str,
        cancel: Option<Arc<AtomicBool>>,
    ) -> Result<ExportReport> {
        validate_export_passphrase(passphrase)?;
        check_target(to, self.conn.path().map(Path::new))?;
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| Error::Crypto(e.to_string()))?;
        let key = derive(passphrase, &salt)?;
        let tmp = files::sibling(to, ".part");
        let _ = std::fs::remove_file(&tmp);
        let tmp_text = tmp.to_str().ok_or_else(|| refused("That folder's name can't be used."))?;
        // Raw key and salt: the file's salt becomes the one Argon2id used.
        let literal = Zeroizing::new(format!(
            "x'{}{}'",
            key.to_hex().as_str(),
            salt.iter().map(|b| format!("{b:02x}")).collect::<String>()
        ));
        let version: u32 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let exported = interruptible(&self.conn, cancel, || {
            self.conn
                .execute("ATTACH DATABASE ?1 AS export KEY ?2", [tmp_text, literal.as_str()])?;
            let copied = self
                .conn
                .query_row("SELECT sqlcipher_export('export')", [], |_| Ok(()))
                .and_then(|()| self.conn.pragma_update(Some("export"), "user_version", version));
            let detached = self.conn.execute("DETACH DATABASE export", []);
            copied?;
            detached?;
            Ok(())
        });
        if let Err(e) = exported {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        let checked = (|| {
            let check = cipher::open_keyed_connection(&tmp, &key)?;
            let ok: String = check.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            if ok != "ok" {
                return Err(refused("The export didn't pass its check; nothing was saved."));
            }
            let cravings: i64 = check.query_row("SELECT count(*) FROM urges", [], |r| r.get(0))?;
            Ok(cravings.max(0) as u64)
        })();
        let cravings = match checked {
            Ok(n) => n,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        files::sync_file(&tmp).map_err(Error::Io)?;
        std::fs::rename(&tmp, to).map_err(Error::Io)?;
        files::sync_dir(to).map_err(Error::Io)?;
        let bytes = std::fs::metadata(to).map_err(Error::Io)?.len();
        Ok(ExportReport { path: to.display().to_string(), bytes, cravings })
    }
}

/// A target for an export or a CSV file: an absolute path in an existing folder, not the
/// store itself or a file beside it.
pub(crate) fn check_target(to: &Path, store: Option<&Path>) -> Result<()> {
    if !to.is_absolute() || to.file_name().is_none() {
        return Err(Invalid::new("path", "Choose a file to save to (a full path).").into());
    }
    if !to.parent().is_some_and(Path::is_dir) {
        return Err(Invalid::new("path", "That folder doesn't exist.").into());
    }
    if let Some(store) = store.filter(|s| !s.as_os_str().is_empty())
        && to.parent() == Path::new(store).parent()
    {
        return Err(Invalid::new(
            "path",
            "Save it somewhere else than Ebb's own data folder, so it is a real second copy.",
        )
        .into());
    }
    Ok(())
}

/// An export, checked and brought up to this version's schema in a folder of its own (removed
/// when this is dropped). Only what [`ImportFile::open`] accepted gets this far.
pub struct ImportFile {
    dir: PathBuf,
    copy: PathBuf,
    key: DataKey,
    from_version: u32,
}

impl Drop for ImportFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl std::fmt::Debug for ImportFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportFile")
            .field("from_version", &self.from_version)
            .finish_non_exhaustive()
    }
}

impl ImportFile {
    /// Opens the export at `path` with `passphrase`; `work_dir` is the data folder (the
    /// migrated copy stays encrypted there, never in a shared temporary folder).
    pub fn open(path: &Path, passphrase: &str, work_dir: &Path) -> Result<Self> {
        if passphrase.is_empty() {
            return Err(Invalid::new("passphrase", "Enter the export's passphrase.").into());
        }
        let meta =
            std::fs::metadata(path).map_err(|_| refused("Ebb can't find or read that file."))?;
        if !meta.is_file() {
            return Err(refused("That isn't a file."));
        }
        if meta.len() > MAX_IMPORT_BYTES {
            return Err(refused(format!(
                "That file is {:.1} GB, far larger than any Ebb export. Nothing was changed.",
                meta.len() as f64 / 1e9
            )));
        }
        if meta.len() < 4096 || meta.len() % 1024 != 0 {
            return Err(refused(
                "That isn't an Ebb export, or it was cut short (its size is not whole pages). \
                 Nothing was changed.",
            ));
        }
        let mut salt = [0u8; 16];
        {
            use std::io::Read;
            let mut file =
                std::fs::File::open(path).map_err(|_| refused("Ebb can't read that file."))?;
            file.read_exact(&mut salt).map_err(|_| refused("Ebb can't read that file."))?;
        }
        if &salt == b"SQLite format 3\0" {
            return Err(refused(
                "That is a plain database, not an Ebb export (exports are encrypted). Nothing \
                 was changed.",
            ));
        }
        let key = derive(passphrase, &salt)?;
        let wrong = || {
            refused(
                "That passphrase doesn't open this file, or it isn't an Ebb export. Nothing was \
                 changed.",
            )
        };
        let incomplete = || refused("That export is damaged or incomplete. Nothing was changed.");
        let from_version = {
            let conn = Connection::open_with_flags(
                path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                    | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|_| refused("Ebb can't read that file."))?;
            cipher::apply_key(&conn, &key)?;
            // The header (page 1) decrypts only with the right passphrase…
            let version: u32 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(|e| match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::DatabaseCorrupt) => incomplete(),
                    _ => wrong(),
                })?;
            // …and the rest must be there too.
            let has_urges: bool = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'urges'",
                    [],
                    |r| r.get::<_, i64>(0),
                )
                .map(|n| n == 1)
                .map_err(|_| incomplete())?;
            if !has_urges || version == 0 {
                return Err(refused("That file opens, but it isn't an Ebb export."));
            }
            if version > crate::SCHEMA_VERSION {
                return Err(refused(format!(
                    "That export was made by a newer Ebb (data version {version}; this one \
                     reads up to {}). Update Ebb, then import it. Nothing was changed.",
                    crate::SCHEMA_VERSION
                )));
            }
            version
        };

        let mut nonce = [0u8; 8];
        getrandom::fill(&mut nonce).map_err(|e| Error::Crypto(e.to_string()))?;
        let dir = work_dir.join(format!(
            ".import-{}",
            nonce.iter().map(|b| format!("{b:02x}")).collect::<String>()
        ));
        std::fs::create_dir_all(&dir).map_err(Error::Io)?;
        let copy = dir.join("import.db");
        let file = Self { dir, copy, key, from_version };
        std::fs::copy(path, &file.copy).map_err(Error::Io)?;
        // Brought up to this version by the same migrations as any store; a file that isn't
        // what it claims fails here.
        let damaged = |e: Error| match e {
            Error::Invalid(i) => Error::Invalid(i),
            other => refused(format!(
                "That export is damaged or incomplete ({}). Nothing was changed.",
                short(&other.to_string())
            )),
        };
        {
            let store = Store::open_with(
                &file.copy,
                &file.key,
                Arc::new(crate::SystemClock),
                Box::new(crate::RandomIds),
            )
            .map_err(damaged)?;
            let ok: String = store
                .conn
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .map_err(|e| damaged(e.into()))?;
            if ok != "ok" {
                return Err(refused("That export is damaged or incomplete. Nothing was changed."));
            }
            check_contents(&store.conn)?;
        }
        Ok(file)
    }

    fn attach(&self, conn: &Connection) -> Result<()> {
        let literal = self.key.sqlcipher_literal();
        let path =
            self.copy.to_str().ok_or_else(|| refused("That folder's name can't be used."))?;
        conn.execute("ATTACH DATABASE ?1 AS import KEY ?2", [path, literal.as_str()])?;
        Ok(())
    }
}

/// Refuses texts no Ebb would write: NUL characters, or longer than [`MAX_IMPORTED_TEXT`].
fn check_contents(conn: &Connection) -> Result<()> {
    for table in tables(conn, "main")? {
        for column in columns(conn, "main", &table)?.iter().map(|c| &c.0) {
            let bad: i64 = conn.query_row(
                &format!(
                    "SELECT count(*) FROM \"{table}\" WHERE typeof(\"{column}\") = 'text' AND \
                     (instr(\"{column}\", char(0)) > 0 OR length(\"{column}\") > {MAX_IMPORTED_TEXT})"
                ),
                [],
                |r| r.get(0),
            )?;
            if bad > 0 {
                return Err(refused(format!(
                    "That export holds texts no Ebb writes (hidden NUL characters, or over \
                     {MAX_IMPORTED_TEXT} characters) in {bad} record(s). Nothing was changed."
                )));
            }
        }
    }
    Ok(())
}

/// The person's tables of `schema`, in creation order (which follows the links between them).
fn tables(conn: &Connection, schema: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE \
         'sqlite_%' ORDER BY rowid"
    ))?;
    let names =
        stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(names.into_iter().filter(|n| !DERIVED.contains(&n.as_str())).collect())
}

/// (column, position in the primary key or 0).
fn columns(conn: &Connection, schema: &str, table: &str) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {schema}.table_info(\"{table}\")"))?;
    let cols = stmt
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(cols)
}

impl Store {
    /// What importing `file` would bring, and how much of it is already here.
    pub fn preview_import(&self, file: &ImportFile) -> Result<ImportPreview> {
        file.attach(&self.conn)?;
        let counted = (|| -> Result<Vec<ImportCount>> {
            let mut counts = Vec::new();
            for (table, what) in COUNTED {
                let keys = primary_key(&self.conn, table)?;
                let in_file: i64 = self.conn.query_row(
                    &format!("SELECT count(*) FROM import.\"{table}\""),
                    [],
                    |r| r.get(0),
                )?;
                let here: i64 = self.conn.query_row(
                    &format!(
                        "SELECT count(*) FROM import.\"{table}\" i WHERE EXISTS (SELECT 1 FROM \
                         main.\"{table}\" m WHERE {})",
                        keys.iter()
                            .map(|k| format!("m.\"{k}\" = i.\"{k}\""))
                            .collect::<Vec<_>>()
                            .join(" AND ")
                    ),
                    [],
                    |r| r.get(0),
                )?;
                counts.push(ImportCount {
                    what: (*what).to_owned(),
                    in_file: in_file.max(0) as u64,
                    already_here: here.max(0) as u64,
                });
            }
            Ok(counts)
        })();
        self.conn.execute("DETACH DATABASE import", [])?;
        Ok(ImportPreview { counts: counted?, from_version: file.from_version })
    }

    /// Merges `file` into the store: records not here are added; for records in both, the
    /// newer by `updated_at` is kept. One transaction: all of it, or (on any refusal, a crash or
    /// Cancel) nothing. Something deleted here after the export was made comes back.
    pub fn merge_import(
        &mut self,
        file: &ImportFile,
        cancel: Option<Arc<AtomicBool>>,
    ) -> Result<ImportReport> {
        file.attach(&self.conn)?;
        if let Some(cancel) = cancel {
            self.conn.progress_handler(5_000, Some(move || cancel.load(Ordering::Relaxed)));
        }
        let result = cancelled(self.merge_attached());
        self.conn.progress_handler(0, None::<fn() -> bool>);
        let _ = self.conn.execute("DETACH DATABASE import", []);
        if result.is_ok() {
            // Everything "what helps" read may have changed: read it again at the next fit.
            *self.helps.lock().unwrap_or_else(|e| e.into_inner()) = Default::default();
        }
        result
    }

    fn merge_attached(&mut self) -> Result<ImportReport> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Links are checked once everything is in (below), not row by row: tables arrive in
        // the file's order, which need not follow the links.
        tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        let (mut added, mut updated) = (0u64, 0u64);
        let failed = |e: rusqlite::Error| -> Error {
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) {
                return Error::Cancelled;
            }
            let text = e.to_string();
            let why = if text.contains("UNIQUE") || text.contains("PRIMARY KEY") {
                "it holds two records with the same id".to_owned()
            } else if text.contains("FOREIGN KEY") {
                "it links to records that aren't in it".to_owned()
            } else {
                format!("it doesn't fit ({})", short(&text))
            };
            refused(format!("That export couldn't be merged: {why}. Nothing was changed."))
        };
        for table in tables(&tx, "import")? {
            let cols = columns(&tx, "main", &table)?;
            if cols.is_empty() {
                continue; // A table this version doesn't have (can't happen after migrating).
            }
            let names: Vec<String> = cols.iter().map(|c| format!("\"{}\"", c.0)).collect();
            let mut keys: Vec<(String, i64)> = cols.iter().filter(|c| c.1 > 0).cloned().collect();
            keys.sort_by_key(|c| c.1);
            let keys: Vec<String> = if keys.is_empty() {
                cols.iter().map(|c| c.0.clone()).collect()
            } else {
                keys.into_iter().map(|c| c.0).collect()
            };
            let matches = keys
                .iter()
                .map(|k| format!("m.\"{k}\" = i.\"{k}\""))
                .collect::<Vec<_>>()
                .join(" AND ");
            let list = names.join(", ");
            let selected = names.iter().map(|n| format!("i.{n}")).collect::<Vec<_>>().join(", ");
            added += tx
                .execute(
                    &format!(
                        "INSERT INTO main.\"{table}\" ({list}) SELECT {selected} FROM \
                         import.\"{table}\" i WHERE NOT EXISTS (SELECT 1 FROM main.\"{table}\" m \
                         WHERE {matches})"
                    ),
                    [],
                )
                .map_err(failed)? as u64;
            if cols.iter().any(|c| c.0 == "updated_at") {
                let rest: Vec<&String> =
                    cols.iter().filter(|c| !keys.contains(&c.0)).map(|c| &c.0).collect();
                if rest.is_empty() {
                    continue;
                }
                let set = rest.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
                let from = rest.iter().map(|c| format!("i.\"{c}\"")).collect::<Vec<_>>().join(", ");
                let here = keys
                    .iter()
                    .map(|k| format!("i.\"{k}\" = main.\"{table}\".\"{k}\""))
                    .collect::<Vec<_>>()
                    .join(" AND ");
                updated += tx
                    .execute(
                        &format!(
                            "UPDATE main.\"{table}\" SET ({set}) = (SELECT {from} FROM \
                             import.\"{table}\" i WHERE {here}) WHERE EXISTS (SELECT 1 FROM \
                             import.\"{table}\" i WHERE {here} AND i.updated_at > \
                             main.\"{table}\".updated_at)"
                        ),
                        [],
                    )
                    .map_err(failed)? as u64;
            }
        }
        let dangling: Vec<String> = tx
            .prepare("SELECT \"table\" FROM pragma_foreign_key_check LIMIT 5")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !dangling.is_empty() {
            return Err(refused(
                "That export couldn't be merged: it links to records that aren't in it. Nothing \
                 was changed.",
            ));
        }
        files::pause_point("import-merged");
        tx.commit()?;
        Ok(ImportReport { added, updated })
    }
}

fn primary_key(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let cols = columns(conn, "main", table)?;
    let mut keys: Vec<(String, i64)> = cols.iter().filter(|c| c.1 > 0).cloned().collect();
    keys.sort_by_key(|c| c.1);
    Ok(if keys.is_empty() {
        cols.into_iter().map(|c| c.0).collect()
    } else {
        keys.into_iter().map(|c| c.0).collect()
    })
}

/// Replaces the store at `db` (closed) with `file`, re-encrypted with the store's `key`, after
/// a backup of the store as it is. For moving to a new device.
pub fn replace_with_import(
    db: &Path,
    key: &DataKey,
    file: &ImportFile,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    if cipher::inspect(db)? != cipher::Found::Nothing {
        crate::backup::make_backup(db, key, now, crate::BackupReason::BeforeRestore)?;
    }
    let tmp = files::sibling(db, ".importing");
    let _ = std::fs::remove_file(&tmp);
    {
        // CREATE: the attached copy is a new file (attached files take the connection's flags).
        let conn = Connection::open_with_flags(
            &file.copy,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE
                | rusqlite::OpenFlags::SQLITE_OPEN_CREATE
                | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        cipher::apply_key(&conn, &file.key)?;
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let literal = key.sqlcipher_literal();
        let tmp_text = tmp.to_str().ok_or_else(|| refused("That folder's name can't be used."))?;
        conn.execute("ATTACH DATABASE ?1 AS target KEY ?2", [tmp_text, literal.as_str()])?;
        conn.query_row("SELECT sqlcipher_export('target')", [], |_| Ok(()))?;
        conn.pragma_update(Some("target"), "user_version", version)?;
        conn.execute("DETACH DATABASE target", [])?;
    }
    let check = cipher::open_keyed_connection(&tmp, key)?;
    let ok: String = check.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    drop(check);
    if ok != "ok" {
        let _ = std::fs::remove_file(&tmp);
        return Err(refused("The imported copy didn't pass its check. Nothing was changed."));
    }
    files::sync_file(&tmp).map_err(Error::Io)?;
    files::pause_point("import-replacing");
    for leftover in [files::sibling(db, "-wal"), files::sibling(db, "-shm")] {
        match std::fs::remove_file(&leftover) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::Io(e)),
        }
    }
    std::fs::rename(&tmp, db).map_err(Error::Io)?;
    files::sync_dir(db).map_err(Error::Io)
}

fn short(text: &str) -> String {
    let mut out: String = text.chars().take(120).collect();
    if text.chars().count() > 120 {
        out.push('…');
    }
    out
}

/// The README inside the CSV zip.
const CSV_README: &str = "Ebb: your records as CSV (comma-separated, UTF-8, one row per record)\n\
\n\
This file is NOT encrypted: anyone who has it can read it. Keep it somewhere safe.\n\
\n\
Times are given twice: *_utc is the instant in UTC (ISO 8601), *_local is the time on your\n\
clock where you were then (utc_offset_minutes says how far from UTC that was).\n\
\n\
cravings.csv   one row per craving: how strong (0-10), the thing you track, the chips you\n\
               tapped (triggers, feelings, places, company; several are separated by ';'), your\n\
               note, whether it was logged later, then the check-in: how strong after, what you\n\
               did (didnt_use, used_less, used_as_planned, used_more), amount and note.\n\
sessions.csv   one row per exercise you started: which technique, for which craving (if any),\n\
               when, how long it was planned and how long it ran, completed (1) or stopped (0),\n\
               how strong before and after, and whether it helped (1 yes, 0 no, empty: not said).\n\
journal.csv    one row per journal entry: when, the craving it is about (if any), its kind\n\
               (free or reflection), the prompt it answers, and what you wrote.\n";

fn csv_field(value: &rusqlite::types::ValueRef<'_>) -> String {
    use rusqlite::types::ValueRef;
    let text = match value {
        ValueRef::Null => return String::new(),
        ValueRef::Integer(i) => return i.to_string(),
        ValueRef::Real(f) => return f.to_string(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        ValueRef::Blob(_) => return String::new(),
    };
    // RFC 4180: quote a field holding a comma, a quote or a line break; double its quotes. A
    // leading =, +, - or @ is prefixed with ' so a spreadsheet shows it instead of running it.
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// SQL for an instant (ms) as ISO 8601 UTC, and as local time with its offset (minutes).
fn utc_sql(ms: &str) -> String {
    format!("strftime('%Y-%m-%dT%H:%M:%SZ', {ms} / 1000, 'unixepoch')")
}
fn local_sql(ms: &str, offset: &str) -> String {
    format!("strftime('%Y-%m-%d %H:%M', {ms} / 1000 + {offset} * 60, 'unixepoch')")
}

impl Store {
    /// Writes cravings, sessions and journal entries as CSV files with a README into one zip
    /// at `to` (not encrypted: the UI says so before saving). Streamed row by row; written
    /// under a temporary name and renamed when complete.
    pub fn export_csv(&self, to: &Path, cancel: Option<Arc<AtomicBool>>) -> Result<ExportReport> {
        check_target(to, self.conn.path().map(Path::new))?;
        let tmp = files::sibling(to, ".part");
        let result = self.write_csv_zip(&tmp, cancel.as_deref());
        let cravings = match result {
            Ok(n) => n,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        files::sync_file(&tmp).map_err(Error::Io)?;
        std::fs::rename(&tmp, to).map_err(Error::Io)?;
        files::sync_dir(to).map_err(Error::Io)?;
        let bytes = std::fs::metadata(to).map_err(Error::Io)?.len();
        Ok(ExportReport { path: to.display().to_string(), bytes, cravings })
    }

    fn write_csv_zip(&self, tmp: &Path, cancel: Option<&AtomicBool>) -> Result<u64> {
        use std::io::Write;
        let file = std::fs::File::create(tmp).map_err(Error::Io)?;
        let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let zip_err = |e: zip::result::ZipError| Error::Io(std::io::Error::other(e.to_string()));
        let chips = |kind: &str| {
            format!(
                "(SELECT group_concat(c.label, ';') FROM urge_chips uc JOIN chips c ON c.id = \
                 uc.chip_id WHERE uc.urge_id = u.id AND c.kind = '{kind}')"
            )
        };
        let files: [(&str, String, &str); 3] = [
            (
                "cravings.csv",
                format!(
                    "SELECT u.id, {}, {}, u.utc_offset_minutes, u.intensity, t.name, {}, {}, {}, \
                     {}, u.note, u.logged_late, o.intensity_after, o.action, o.amount, o.note \
                     FROM urges u LEFT JOIN tracked_things t ON t.id = u.tracked_id LEFT JOIN \
                     outcomes o ON o.urge_id = u.id ORDER BY u.occurred_at, u.id",
                    utc_sql("u.occurred_at"),
                    local_sql("u.occurred_at", "u.utc_offset_minutes"),
                    chips("trigger"),
                    chips("feeling"),
                    chips("place"),
                    chips("company"),
                ),
                "id,occurred_at_utc,occurred_at_local,utc_offset_minutes,intensity,thing,\
                 triggers,feelings,places,company,note,logged_late,intensity_after,what_you_did,\
                 amount,check_in_note",
            ),
            (
                "sessions.csv",
                format!(
                    "SELECT s.id, s.urge_id, s.technique_id, {}, {}, s.planned_seconds, \
                     s.actual_seconds, s.completed, s.intensity_before, s.intensity_after, \
                     s.helped FROM technique_sessions s ORDER BY s.started_at, s.id",
                    utc_sql("s.started_at"),
                    utc_sql("s.ended_at"),
                ),
                "id,craving_id,technique,started_at_utc,ended_at_utc,planned_seconds,\
                 actual_seconds,completed,intensity_before,intensity_after,helped",
            ),
            (
                "journal.csv",
                format!(
                    "SELECT j.id, j.urge_id, j.kind, {}, {}, j.utc_offset_minutes, j.prompt, \
                     j.body FROM journal_entries j ORDER BY j.created_at, j.id",
                    utc_sql("j.created_at"),
                    local_sql("j.created_at", "j.utc_offset_minutes"),
                ),
                "id,craving_id,kind,created_at_utc,created_at_local,utc_offset_minutes,prompt,text",
            ),
        ];
        let mut cravings = 0u64;
        for (name, sql, header) in files {
            zip.start_file(name, options).map_err(zip_err)?;
            writeln!(zip, "{}", header.split_whitespace().collect::<String>())
                .map_err(Error::Io)?;
            let mut stmt = self.conn.prepare(&sql)?;
            let columns = stmt.column_count();
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                    return Err(Error::Cancelled);
                }
                let line: Vec<String> = (0..columns)
                    .map(|i| row.get_ref(i).map(|v| csv_field(&v)))
                    .collect::<rusqlite::Result<_>>()?;
                writeln!(zip, "{}", line.join(",")).map_err(Error::Io)?;
                if name == "cravings.csv" {
                    cravings += 1;
                }
            }
        }
        zip.start_file("README.txt", options).map_err(zip_err)?;
        zip.write_all(CSV_README.as_bytes()).map_err(Error::Io)?;
        let mut inner = zip.finish().map_err(zip_err)?;
        inner.flush().map_err(Error::Io)?;
        Ok(cravings)
    }
}
