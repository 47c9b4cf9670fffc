//! Backups (#11): encrypted copies of the store in `backups/` beside it, made through SQLite's
//! online backup API on their own connection (the person's connection is never held), written
//! under a temporary name, checked, fsynced and only then renamed. Kept: the newest of each of
//! the last 7 days, 4 weeks and 12 months, and always the newest good one.
//!
//! A backup has the store's own key (SQLCipher copies pages as they are), so it opens wherever
//! the store does and nowhere else. Restoring first backs up the store as it is, so a restore can
//! itself be undone.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::keys::DataKey;
use crate::{Error, Result, cipher, files};

/// The backups' folder, beside the store.
pub const BACKUP_DIR: &str = "backups";

/// Days, weeks and months for which the newest backup is kept.
pub const KEEP_DAILY: usize = 7;
/// See [`KEEP_DAILY`].
pub const KEEP_WEEKLY: usize = 4;
/// See [`KEEP_DAILY`].
pub const KEEP_MONTHLY: usize = 12;

/// Pages copied per step; between steps the copy lets go of the store, so a person's write
/// waits at most one step (a few milliseconds).
const PAGES_PER_STEP: i32 = 64;
const PAUSE_BETWEEN_STEPS: Duration = Duration::from_millis(2);
/// Steps between flushes of the copy to disk (16 × 64 pages × 4 KiB = 4 MiB).
const STEPS_PER_FLUSH: u32 = 16;

const PREFIX: &str = "ebb-";
const SUFFIX: &str = ".db";
const NAME_TIME: &str = "%Y%m%d-%H%M%S";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BackupReason {
    /// The daily one, while Ebb runs.
    Daily,
    /// "Back up now".
    Manual,
    /// Before a new version of Ebb changed the data's layout.
    BeforeUpgrade,
    /// Before another backup was restored over the store.
    BeforeRestore,
}

impl BackupReason {
    fn tag(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Manual => "manual",
            BackupReason::BeforeUpgrade => "before-upgrade",
            BackupReason::BeforeRestore => "before-restore",
        }
    }

    fn parse(tag: &str) -> Option<Self> {
        [Self::Daily, Self::Manual, Self::BeforeUpgrade, Self::BeforeRestore]
            .into_iter()
            .find(|r| r.tag() == tag)
    }
}

/// One backup, as Settings lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file's name in `backups/` (what "Restore this one" names).
    pub name: String,
    /// When it was made.
    pub made_at: DateTime<Utc>,
    /// Why.
    pub reason: BackupReason,
    /// Its size on disk.
    #[ts(type = "number")]
    pub bytes: u64,
    /// How many cravings it holds; `None` if it can't be read with this key (damaged, or from
    /// another device), in which case it can't be restored either.
    #[ts(type = "number | null")]
    pub cravings: Option<u64>,
}

/// The backups folder of the store at `db`.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join(BACKUP_DIR)
}

fn file_name(made_at: DateTime<Utc>, reason: BackupReason) -> String {
    format!("{PREFIX}{}-{}{SUFFIX}", made_at.format(NAME_TIME), reason.tag())
}

fn parse_name(name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let stem = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (time, tag) = (stem.get(..15)?, stem.get(16..)?);
    let made_at = NaiveDateTime::parse_from_str(time, NAME_TIME).ok()?.and_utc();
    Some((made_at, BackupReason::parse(tag)?))
}

/// Backs up the store at `db` (encrypted with `key`) into its `backups/` folder, then applies
/// the retention rule. The copy is checked (`integrity_check`) before it gets its name; a copy
/// that fails is removed and nothing else changes.
pub fn make_backup(
    db: &Path,
    key: &DataKey,
    now: DateTime<Utc>,
    reason: BackupReason,
) -> Result<BackupInfo> {
    let dir = backup_dir(db);
    std::fs::create_dir_all(&dir).map_err(Error::Io)?;
    let mut name = file_name(now, reason);
    // Two in one second (a manual one right after the daily one): the later waits its turn.
    let mut at = now;
    while dir.join(&name).exists() {
        at += chrono::Duration::seconds(1);
        name = file_name(at, reason);
    }
    let path = dir.join(&name);
    let tmp = files::sibling(&path, ".tmp");
    let result = copy_checked(db, &tmp, key);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    files::pause_point("backup-copied");
    std::fs::rename(&tmp, &path).map_err(Error::Io)?;
    files::sync_dir(&path).map_err(Error::Io)?;
    prune(&dir, now)?;
    let cravings = count_cravings(&path, key);
    let bytes = std::fs::metadata(&path).map_err(Error::Io)?.len();
    Ok(BackupInfo { name, made_at: at, reason, bytes, cravings })
}

/// Copies the store at `from` to a new file `to`, page by page on its own connections, then
/// checks and fsyncs the copy.
fn copy_checked(from: &Path, to: &Path, key: &DataKey) -> Result<()> {
    let source = cipher::open_keyed_connection(from, key)?;
    source.busy_timeout(Duration::from_secs(5))?;
    let _ = std::fs::remove_file(to);
    let mut target = Connection::open(to)?;
    cipher::apply_key(&target, key)?;
    // One read transaction for the whole copy: a fixed snapshot (WAL lets the person's
    // connection keep writing meanwhile). Without it, every write by another connection
    // would restart the copy from its first page, and a long one might never finish.
    source.execute_batch("BEGIN")?;
    source.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
    {
        use rusqlite::backup::StepResult;
        let backup = rusqlite::backup::Backup::new(&source, &mut target)?;
        // The copy is flushed to disk as it goes: a few megabytes of dirty pages at a time, so
        // the person's own commits (each fsynced) never wait behind hundreds of megabytes of
        // the copy's writes in the file system's journal.
        let mut flush: Option<std::fs::File> = None;
        let mut steps = 0u32;
        loop {
            match backup.step(PAGES_PER_STEP)? {
                StepResult::Done => break,
                StepResult::More | StepResult::Busy | StepResult::Locked => {}
                _ => {}
            }
            steps += 1;
            if steps.is_multiple_of(STEPS_PER_FLUSH) {
                if flush.is_none() {
                    flush = std::fs::File::open(to).ok();
                }
                if let Some(file) = &flush {
                    file.sync_data().map_err(Error::Io)?;
                }
            }
            std::thread::sleep(PAUSE_BETWEEN_STEPS);
        }
    }
    source.execute_batch("COMMIT")?;
    // The copy is left in rollback-journal mode: one file, nothing beside it.
    target.pragma_update(None, "journal_mode", "DELETE")?;
    let ok: String = target.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if ok != "ok" {
        return Err(Error::Unreadable {
            path: from.to_path_buf(),
            reason: format!("its copy failed the check ({ok})"),
        });
    }
    drop(target);
    files::sync_file(to).map_err(Error::Io)
}

fn count_cravings(path: &Path, key: &DataKey) -> Option<u64> {
    let conn = cipher::open_keyed_connection(path, key).ok()?;
    conn.query_row("SELECT count(*) FROM urges", [], |r| r.get::<_, i64>(0))
        .ok()
        .map(|n| n.max(0) as u64)
}

/// Every backup of the store at `db`, newest first.
pub fn list_backups(db: &Path, key: &DataKey) -> Result<Vec<BackupInfo>> {
    let dir = backup_dir(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::Io(e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(Error::Io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((made_at, reason)) = parse_name(&name) else { continue };
        let bytes = entry.metadata().map_err(Error::Io)?.len();
        let cravings = count_cravings(&entry.path(), key);
        out.push(BackupInfo { name, made_at, reason, bytes, cravings });
    }
    out.sort_by(|a, b| b.made_at.cmp(&a.made_at).then_with(|| b.name.cmp(&a.name)));
    Ok(out)
}

/// The backups to keep among those made at `times`, as of `now`: every one of the last 24
/// hours (so the copy made before a restore survives that day's other backups), the newest of
/// each of the last [`KEEP_DAILY`] days, [`KEEP_WEEKLY`] ISO weeks and [`KEEP_MONTHLY`] months
/// (UTC), and always the newest. Returns indexes into `times`.
pub fn to_keep(times: &[DateTime<Utc>], now: DateTime<Utc>) -> BTreeSet<usize> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    order.sort_by(|&a, &b| times[b].cmp(&times[a]));
    let mut keep = BTreeSet::new();
    if let Some(&newest) = order.first() {
        keep.insert(newest);
    }
    keep.extend(
        order
            .iter()
            .copied()
            .filter(|&i| times[i] <= now && now - times[i] < chrono::Duration::hours(24)),
    );
    let day = |t: DateTime<Utc>| t.date_naive();
    let week = |t: DateTime<Utc>| (t.iso_week().year(), t.iso_week().week());
    let month = |t: DateTime<Utc>| (t.year(), t.month());
    let mut newest_per = |span: usize, bucket: &dyn Fn(DateTime<Utc>) -> (i32, u32, u32)| {
        let mut seen = Vec::new();
        for &i in &order {
            let b = bucket(times[i]);
            if times[i] > now || seen.contains(&b) {
                continue;
            }
            if seen.len() == span {
                break;
            }
            seen.push(b);
            keep.insert(i);
        }
    };
    newest_per(KEEP_DAILY, &|t| {
        let d = day(t);
        (d.year(), d.ordinal(), 0)
    });
    newest_per(KEEP_WEEKLY, &|t| {
        let (y, w) = week(t);
        (y, w, 1)
    });
    newest_per(KEEP_MONTHLY, &|t| {
        let (y, m) = month(t);
        (y, m, 2)
    });
    keep
}

/// Removes the backups the retention rule doesn't keep, and copies left half-made by a crash.
fn prune(dir: &Path, now: DateTime<Utc>) -> Result<()> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(Error::Io)? {
        let entry = entry.map_err(Error::Io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(PREFIX) && name.ends_with(".tmp") {
            // A copy a crash interrupted: never renamed, never trusted.
            let _ = std::fs::remove_file(entry.path());
        } else if let Some((made_at, _)) = parse_name(&name) {
            found.push((made_at, entry.path()));
        }
    }
    let times: Vec<DateTime<Utc>> = found.iter().map(|(t, _)| *t).collect();
    let keep = to_keep(&times, now);
    for (i, (_, path)) in found.iter().enumerate() {
        if !keep.contains(&i) {
            std::fs::remove_file(path).map_err(Error::Io)?;
        }
    }
    Ok(())
}

/// Whether a daily backup is due: none made in the last 24 hours.
pub fn daily_due(db: &Path, now: DateTime<Utc>) -> bool {
    let Ok(entries) = std::fs::read_dir(backup_dir(db)) else { return true };
    !entries.filter_map(|e| e.ok()).any(|e| {
        parse_name(&e.file_name().to_string_lossy())
            .is_some_and(|(t, _)| now - t < chrono::Duration::hours(24) && t <= now)
    })
}

/// Replaces the store at `db` with the backup `name`, after backing up the store as it is.
/// The store must be closed (no connection open on it). The backup is checked before anything
/// changes; if anything fails, the store is left as it was.
pub fn restore_backup(
    db: &Path,
    key: &DataKey,
    name: &str,
    now: DateTime<Utc>,
) -> Result<BackupInfo> {
    let chosen = backup_dir(db).join(checked_name(name)?);
    if !chosen.exists() {
        return Err(Error::NotFound { what: "backup", id: short_name(name) });
    }
    // The chosen backup, copied and checked before anything changes.
    let tmp = files::sibling(db, ".restoring");
    copy_checked(&chosen, &tmp, key)?;
    files::pause_point("restore-copied");
    // The store as it is, kept, so a restore can itself be undone.
    let before = match make_backup(db, key, now, BackupReason::BeforeRestore) {
        Ok(before) => before,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    for leftover in [files::sibling(db, "-wal"), files::sibling(db, "-shm")] {
        match std::fs::remove_file(&leftover) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::Io(e)),
        }
    }
    std::fs::rename(&tmp, db).map_err(Error::Io)?;
    files::sync_dir(db).map_err(Error::Io)?;
    Ok(before)
}

/// Moves a damaged store aside (never deletes it): `ebb.db` → `ebb-damaged-<UTC time>.db`,
/// with its `-wal` and `-shm` alongside. Returns the new path.
pub fn set_aside(db: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    let stamp = now.format(NAME_TIME);
    let aside = db.with_file_name(format!("ebb-damaged-{stamp}.db"));
    for suffix in ["-wal", "-shm"] {
        let from = files::sibling(db, suffix);
        if from.exists() {
            std::fs::rename(&from, files::sibling(&aside, suffix)).map_err(Error::Io)?;
        }
    }
    std::fs::rename(db, &aside).map_err(Error::Io)?;
    files::sync_dir(db).map_err(Error::Io)?;
    Ok(aside)
}

/// Replaces a damaged store with the backup `name`: the damaged file is moved aside (kept),
/// then the checked backup takes its place.
pub fn restore_over_damaged(
    db: &Path,
    key: &DataKey,
    name: &str,
    now: DateTime<Utc>,
) -> Result<PathBuf> {
    let chosen = backup_dir(db).join(checked_name(name)?);
    if !chosen.exists() {
        return Err(Error::NotFound { what: "backup", id: short_name(name) });
    }
    let tmp = files::sibling(db, ".restoring");
    copy_checked(&chosen, &tmp, key)?;
    let aside = set_aside(db, now)?;
    std::fs::rename(&tmp, db).map_err(Error::Io)?;
    files::sync_dir(db).map_err(Error::Io)?;
    Ok(aside)
}

/// Quick check of the store at `db` on its own connection: `Ok(None)` when sound, else what
/// SQLite found (a few lines at most).
pub fn quick_check(db: &Path, key: &DataKey) -> Result<Option<String>> {
    let conn = cipher::open_keyed_connection(db, key)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    let mut stmt = conn.prepare("PRAGMA quick_check(5)")?;
    let lines: Vec<String> = match stmt.query_map([], |r| r.get(0)) {
        Ok(rows) => match rows.collect::<rusqlite::Result<_>>() {
            Ok(lines) => lines,
            Err(e) => vec![e.to_string()],
        },
        Err(e) => vec![e.to_string()],
    };
    Ok((lines != ["ok"]).then(|| lines.join("; ")))
}

fn checked_name(name: &str) -> Result<&str> {
    if parse_name(name).is_none() || name.contains(['/', '\\']) {
        return Err(crate::Invalid::new(
            "name",
            format!("\u{201c}{}\u{201d} isn't one of Ebb's backups.", short_name(name)),
        )
        .into());
    }
    Ok(name)
}

fn short_name(name: &str) -> String {
    name.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn names_round_trip_and_junk_is_not_a_backup() {
        let t = Utc.with_ymd_and_hms(2026, 11, 29, 8, 5, 9).unwrap();
        let name = file_name(t, BackupReason::BeforeRestore);
        assert_eq!(name, "ebb-20261129-080509-before-restore.db");
        assert_eq!(parse_name(&name), Some((t, BackupReason::BeforeRestore)));
        for junk in ["ebb.db", "ebb-2026-daily.db", "../ebb-20261129-080509-daily.db", "x.tmp"] {
            assert!(checked_name(junk).is_err(), "{junk} must not name a backup");
        }
    }
}

/// What saving the readable part of a damaged store kept, and what it lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Recovered {
    /// Cravings that could still be read and are in the new store.
    #[ts(type = "number")]
    pub cravings: u64,
    /// Records of every kind that were read and kept.
    #[ts(type = "number")]
    pub records: u64,
    /// Records that couldn't be read (on damaged pages), or that pointed at one of those.
    #[ts(type = "number")]
    pub lost: u64,
    /// Where the damaged file now is (kept, never deleted).
    pub damaged_file: String,
}

/// Copies every record that can still be read from the damaged store at `db` into a new store
/// with the same key, then moves the damaged file aside (kept) and puts the new store in its
/// place. Rows on unreadable pages are skipped in ranges that are halved until only the bad
/// rows are left out; records left pointing at a lost one are dropped too.
pub fn recover_readable(db: &Path, key: &DataKey, now: DateTime<Utc>) -> Result<Recovered> {
    let fresh = files::sibling(db, ".recovering");
    for leftover in [fresh.clone(), files::sibling(&fresh, "-wal"), files::sibling(&fresh, "-shm")]
    {
        let _ = std::fs::remove_file(leftover);
    }
    // A new, empty store at this version's schema (and its triggers, which rebuild Insights'
    // totals as rows arrive).
    drop(crate::Store::open(&fresh, key)?);
    let conn = cipher::open_keyed_connection(&fresh, key)?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let old = db.to_str().ok_or_else(|| Error::Unreadable {
        path: db.to_path_buf(),
        reason: "its folder's name can't be passed to SQLite".to_owned(),
    })?;
    let literal = key.sqlcipher_literal();
    conn.execute("ATTACH DATABASE ?1 AS old KEY ?2", [old, literal.as_str()])?;
    // The schema page itself must be readable, or nothing can be found in the file.
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM old.sqlite_master WHERE type = 'table' AND name NOT LIKE \
             'sqlite_%' AND name NOT LIKE 'insight_%' AND name NOT LIKE 'helps_%' \
             AND name NOT LIKE 'count_%' ORDER BY rowid",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let (mut records, mut lost) = (0u64, 0u64);
    for table in tables {
        let exists: i64 = conn.query_row(
            "SELECT count(*) FROM main.sqlite_master WHERE type = 'table' AND name = ?1",
            [&table],
            |r| r.get(0),
        )?;
        if exists == 0 {
            continue;
        }
        let columns: Vec<String> = conn
            .prepare(&format!("PRAGMA main.table_info(\"{table}\")"))?
            .query_map([], |r| r.get::<_, String>(1))?
            .collect::<rusqlite::Result<_>>()?;
        let list = columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
        let top: i64 = conn
            .query_row(&format!("SELECT max(rowid) FROM old.\"{table}\""), [], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .ok()
            .flatten()
            .unwrap_or(0);
        let (kept, skipped) = copy_range(&conn, &table, &list, 1, top.max(0))?;
        records += kept;
        lost += skipped;
    }
    // Whatever points at a lost record goes too: no dangling links in the new store.
    loop {
        let orphans: Vec<(String, i64)> = conn
            .prepare("SELECT \"table\", rowid FROM pragma_foreign_key_check")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if orphans.is_empty() {
            break;
        }
        for (table, rowid) in orphans {
            conn.execute(&format!("DELETE FROM main.\"{table}\" WHERE rowid = ?1"), [rowid])?;
            lost += 1;
            records = records.saturating_sub(1);
        }
    }
    conn.execute("DETACH DATABASE old", [])?;
    let cravings: i64 = conn.query_row("SELECT count(*) FROM urges", [], |r| r.get(0))?;
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    drop(conn);
    if ok != "ok" {
        return Err(Error::Unreadable {
            path: db.to_path_buf(),
            reason: "what could be read didn't make a sound store".to_owned(),
        });
    }
    files::sync_file(&fresh).map_err(Error::Io)?;
    let aside = set_aside(db, now)?;
    std::fs::rename(&fresh, db).map_err(Error::Io)?;
    files::sync_dir(db).map_err(Error::Io)?;
    Ok(Recovered {
        cravings: cravings.max(0) as u64,
        records,
        lost,
        damaged_file: aside.display().to_string(),
    })
}

/// Copies rows `from..=to` (by rowid) of `table`; a range that fails to read is halved until
/// the unreadable rows are alone, and those are counted as lost.
fn copy_range(
    conn: &Connection,
    table: &str,
    list: &str,
    from: i64,
    to: i64,
) -> Result<(u64, u64)> {
    if from > to {
        return Ok((0, 0));
    }
    let sql = format!(
        "INSERT OR REPLACE INTO main.\"{table}\" ({list}) SELECT {list} FROM old.\"{table}\" \
         WHERE rowid BETWEEN ?1 AND ?2"
    );
    match conn.execute(&sql, [from, to]) {
        Ok(n) => Ok((n as u64, 0)),
        Err(e) if from == to => {
            let _ = e;
            Ok((0, 1))
        }
        Err(_) => {
            let middle = from + (to - from) / 2;
            let (a, b) = copy_range(conn, table, list, from, middle)?;
            let (c, d) = copy_range(conn, table, list, middle + 1, to)?;
            Ok((a + c, b + d))
        }
    }
}
