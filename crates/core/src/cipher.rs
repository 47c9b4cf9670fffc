//! SQLCipher: keying a connection, and encrypting a plain store from an older Ebb in place.
//!
//! The upgrade is written so that a crash (SIGKILL, power cut) at any step leaves either the old
//! plain store or the new encrypted one, complete: the copy is made beside the store, checked
//! (`integrity_check` and every table's row count) and fsynced, and only then renamed over it.
//! The plain bytes are then overwritten and removed. `tests/core/encryption.rs` kills a process
//! at each step and opens what it left.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::keys::DataKey;
use crate::{Error, Result, files};

/// The first 16 bytes of every plain SQLite file. An encrypted file's first bytes are its salt.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The suffix of the encrypted copy while it is being made.
const ENCRYPTING: &str = ".encrypting";
/// The suffix of a second name for the plain file, kept only until its bytes are overwritten.
const PLAIN_OLD: &str = ".plain-old";

/// What is at a store's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// Nothing yet (or an empty file): a new store will be made, encrypted.
    Nothing,
    /// A plain SQLite database from an older Ebb.
    Plain,
    /// Anything else: an encrypted store, or a file that isn't a database.
    Other,
}

/// Looks at a store's first bytes without changing anything. Only before this process opens
/// the file with SQLite: closing this raw descriptor would drop the process's SQLite locks on
/// it (POSIX locks belong to the process), and another process could then check the log out
/// from under an open connection.
pub(crate) fn inspect(path: &Path) -> Result<Found> {
    use std::io::Read;
    let mut header = [0u8; 16];
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(e) => {
            return Err(Error::Unreadable { path: path.to_path_buf(), reason: e.to_string() });
        }
    };
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => {
                return Err(Error::Unreadable { path: path.to_path_buf(), reason: e.to_string() });
            }
        }
    }
    Ok(match read {
        0 => Found::Nothing,
        16 if &header == PLAIN_HEADER => Found::Plain,
        _ => Found::Other,
    })
}

/// Gives a fresh connection its key. Must be the first statement on the connection.
pub(crate) fn apply_key(conn: &Connection, key: &DataKey) -> Result<()> {
    let literal = key.sqlcipher_literal();
    conn.pragma_update(None, "key", literal.as_str())?;
    Ok(())
}

/// Opens a keyed connection to an existing encrypted store with no pragmas and no migrations:
/// for checks, tests and tools that must read the file as it is. Refuses a wrong key with
/// [`Error::WrongKey`].
pub fn open_keyed_connection(path: &Path, key: &DataKey) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| Error::Unreadable { path: path.to_path_buf(), reason: e.to_string() })?;
    apply_key(&conn, key)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
        .map_err(|_| Error::WrongKey { path: path.to_path_buf() })?;
    Ok(conn)
}

/// Finishes what an interrupted upgrade left behind, before the store opens: an unfinished
/// encrypted copy beside a plain store is removed (the plain store is still whole), and a plain
/// file's second name is wiped once the encrypted store is in place.
pub(crate) fn tidy(path: &Path, found: Found) -> Result<()> {
    let copy = files::sibling(path, ENCRYPTING);
    if found != Found::Other && copy.exists() {
        std::fs::remove_file(&copy).map_err(Error::Io)?;
    }
    Ok(())
}

/// Wipes the plain store's second name, once the encrypted store has opened with its key.
pub(crate) fn wipe_plain_leftovers(path: &Path) -> Result<()> {
    files::wipe(&files::sibling(path, PLAIN_OLD)).map_err(Error::Io)
}

/// Encrypts a plain store in place with `key`, refusing one from a newer Ebb untouched
/// (`newest` is the newest schema this build knows).
pub(crate) fn encrypt_plain_store(path: &Path, key: &DataKey, newest: u32) -> Result<()> {
    let copy = files::sibling(path, ENCRYPTING);
    let unreadable =
        |e: rusqlite::Error| Error::Unreadable { path: path.to_path_buf(), reason: e.to_string() };
    // CREATE is for the attached copy (attached files take the connection's flags); the
    // plain store itself exists, or `inspect` wouldn't have called it plain.
    let plain = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(unreadable)?;
    plain.busy_timeout(std::time::Duration::from_secs(5))?;
    let version: u32 =
        plain.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(unreadable)?;
    if version > newest {
        return Err(Error::TooNew { path: path.to_path_buf(), found: version, supported: newest });
    }
    let ok: String = plain.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(unreadable)?;
    if ok != "ok" {
        return Err(Error::Unreadable {
            path: path.to_path_buf(),
            reason: format!("it failed its check before encrypting ({ok})"),
        });
    }
    // Everything in the plain log goes into the file first, so the copy and the file agree.
    plain.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let counts = row_counts(&plain)?;

    // The copy, keyed: SQLCipher's own export copies every table, index, trigger and view.
    let copy_text = copy.to_str().ok_or_else(|| Error::Unreadable {
        path: path.to_path_buf(),
        reason: "its folder's name can't be passed to SQLite".to_owned(),
    })?;
    let literal = key.sqlcipher_literal();
    plain.execute("ATTACH DATABASE ?1 AS encrypted KEY ?2", [copy_text, literal.as_str()])?;
    drop(literal);
    plain.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
    plain.pragma_update(Some("encrypted"), "user_version", version)?;
    plain.execute("DETACH DATABASE encrypted", [])?;
    files::pause_point("encrypt-exported");

    // Checked as Ebb will read it: the same key, every row, a sound file.
    {
        let check = open_keyed_connection(&copy, key)?;
        let integrity: String = check.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        let copied = row_counts(&check)?;
        if integrity != "ok" || copied != counts {
            drop(check);
            let _ = std::fs::remove_file(&copy);
            return Err(Error::Unreadable {
                path: path.to_path_buf(),
                reason: "its encrypted copy didn't match it, so it was kept as it is".to_owned(),
            });
        }
    }
    files::sync_file(&copy).map_err(Error::Io)?;
    files::pause_point("encrypt-verified");

    // The plain connection closes: its (empty) log goes. A log that still holds pages means
    // another program wrote meanwhile; then the plain store stays, to try again next time.
    drop(plain);
    let wal = files::sibling(path, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        let _ = std::fs::remove_file(&copy);
        return Err(Error::Unreadable {
            path: path.to_path_buf(),
            reason: "another program was writing to it; it was kept as it is".to_owned(),
        });
    }
    for leftover in [wal, files::sibling(path, "-shm")] {
        match std::fs::remove_file(&leftover) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::Io(e)),
        }
    }

    // A second name keeps the plain bytes reachable after the rename, so they can be
    // overwritten; where hard links aren't allowed the rename alone has to do.
    let old = files::sibling(path, PLAIN_OLD);
    let linked = !old.exists() && std::fs::hard_link(path, &old).is_ok();
    files::pause_point("encrypt-linked");
    std::fs::rename(&copy, path).map_err(Error::Io)?;
    files::sync_dir(path).map_err(Error::Io)?;
    files::pause_point("encrypt-renamed");
    if linked {
        wipe_plain_leftovers(path)?;
    }
    Ok(())
}

/// Every table's row count, by name: what a copy must keep.
pub(crate) fn row_counts(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tables.sort();
    tables
        .into_iter()
        .map(|name| {
            let quoted = name.replace('"', "\"\"");
            let n: i64 =
                conn.query_row(&format!("SELECT count(*) FROM \"{quoted}\""), [], |r| r.get(0))?;
            Ok((name, n))
        })
        .collect()
}

/// The encrypted copy's path while it is being made (for tests that look for leftovers).
pub fn encrypting_path(path: &Path) -> PathBuf {
    files::sibling(path, ENCRYPTING)
}
