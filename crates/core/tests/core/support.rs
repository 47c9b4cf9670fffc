//! Fixtures: stores on a controlled clock with seeded ids.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use ebb_core::{ManualClock, SeededIds, Store};

/// Thursday 26 Nov 2026, 20:40 UTC.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 20, 40, 0).unwrap()
}

/// An in-memory store whose clock stands at [`t0`] in UTC+1, and the clock to move it.
pub fn store_at_t0() -> (Store, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::new(t0(), 60));
    let store = Store::open_in_memory_with(clock.clone(), Box::new(SeededIds::new(7))).unwrap();
    (store, clock)
}

/// Logs `n` cravings of 9, two hours apart, each "helped" by HALT down to 1 and not used: the
/// lucky streak that must not top "what helps me".
pub fn lucky_halt_uses(store: &mut Store, clock: &ManualClock, n: usize) {
    use ebb_core::{Intensity, NewSession, NewUrge, OutcomeInput, UseAction};
    for _ in 0..n {
        clock.advance(chrono::Duration::hours(2));
        let urge = store.log_urge(NewUrge::now(Intensity::try_from(9).unwrap())).unwrap();
        store
            .start_session(NewSession {
                technique_id: "steps.halt".into(),
                urge_id: Some(urge.id.clone()),
                planned_seconds: 240,
            })
            .unwrap();
        store
            .set_outcome(OutcomeInput {
                urge_id: urge.id,
                intensity_after: Some(Intensity::try_from(1).unwrap()),
                action: Some(UseAction::DidntUse),
                amount: None,
                note: None,
            })
            .unwrap();
    }
}

/// Runs `ebb-cli <command> <db>` and SIGKILLs it ever later (0 to 295 ms) until a kill lands
/// midway, as `midway()` judges after each; `again()` sets the work up afresh before each try.
/// SIGKILL: no destructor, no rollback, no checkpoint runs in it. Whether one landed midway.
pub fn kill_cli_midway(
    command: &str,
    db: &std::path::Path,
    mut again: impl FnMut(),
    mut midway: impl FnMut() -> bool,
) -> bool {
    for delay_ms in (0..60).map(|i| 5 * i) {
        again();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ebb-cli"))
            .args([command, db.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().unwrap();
        if midway() {
            return true;
        }
    }
    false
}

/// Takes a derived feature out of a store, as an older Ebb left it (for tests of the upgrades):
/// its `triggers` triggers (named `<prefix>…`, each write that can change a bucket has one) and
/// its tables.
pub fn drop_derived(conn: &rusqlite::Connection, prefix: &str, triggers: usize, tables: &[&str]) {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?1 || '%'")
        .unwrap()
        .query_map([prefix], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        names.len(),
        triggers,
        "every write that can change a {prefix} bucket has its trigger"
    );
    for name in names {
        conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
    }
    for table in tables {
        conn.execute_batch(&format!("DROP TABLE {table}")).unwrap();
    }
}

/// Takes v11's count bitmaps out of a store (their tables and triggers).
pub fn drop_counts(conn: &rusqlite::Connection) {
    drop_derived(conn, "count", 11, &["count_bits", "count_buckets", "count_dirty"]);
}

/// Every table, index and trigger definition, for comparing two databases' schemas.
pub fn schema(conn: &rusqlite::Connection) -> Vec<(String, String, String)> {
    let mut stmt = conn
        .prepare(
            "SELECT type, name, coalesce(sql, '') FROM sqlite_master \
             WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Per table: the row count and a checksum of every row's values (order-independent).
pub fn table_sums(conn: &rusqlite::Connection) -> std::collections::BTreeMap<String, (usize, u64)> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let columns = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    let values: Vec<String> =
                        (0..columns).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
                    Ok(values.join("\u{1f}"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            let mut hasher = std::hash::DefaultHasher::new();
            std::hash::Hash::hash(&rows, &mut hasher);
            (table, (rows.len(), std::hash::Hasher::finish(&hasher)))
        })
        .collect()
}
