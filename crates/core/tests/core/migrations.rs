//! Upgrades from frozen old schemas, and refusals that must leave a file untouched.

use ebb_core::{Error, SCHEMA_VERSION, Store};

use crate::support::schema;

const V1_FIXTURE: &str = include_str!("../fixtures/v1.sql");

fn file_bytes(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_v1_database_upgrades_to_the_fresh_schema_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v1.db");
    rusqlite::Connection::open(&old).unwrap().execute_batch(V1_FIXTURE).unwrap();

    let upgraded = Store::open(&old, &crate::test_key()).unwrap();
    let fresh = Store::open(dir.path().join("fresh.db"), &crate::test_key()).unwrap();
    assert_eq!(upgraded.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        schema(upgraded.connection()),
        schema(fresh.connection()),
        "an upgraded database must have exactly the schema of a new one"
    );
    assert_eq!(upgraded.count_urges().unwrap(), 3, "an upgrade keeps every craving");
    let urges = upgraded.urges_page(None, 10).unwrap().urges;
    assert!(
        urges.iter().all(|u| u.tracked_id.is_none() && !u.logged_late && u.chip_ids.is_empty()),
        "foundation-era cravings come through with no thing, not late, no chips"
    );
    assert!(upgraded.chips().unwrap().len() >= 20, "the upgrade adds the built-in chips");
    let notes: Vec<Option<String>> = urges.into_iter().map(|u| u.note).collect();
    assert_eq!(
        notes,
        [Some("party, everyone drinking".to_owned()), None, Some("after work".to_owned())],
        "an upgrade keeps every note, newest first"
    );
}

#[test]
fn a_database_from_a_newer_ebb_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE later_things (x); PRAGMA user_version = 999;").unwrap();
    }
    let before = file_bytes(&path);
    let err = Store::open(&path, &crate::test_key()).unwrap_err();
    assert!(matches!(err, Error::TooNew { found: 999, .. }), "{err:?}");
    assert_eq!(err.code(), "data_too_new");
    assert!(err.to_string().contains("newer version of Ebb"), "{err}");
    assert!(err.to_string().contains("Nothing was changed"), "{err}");
    assert_eq!(file_bytes(&path), before, "the newer database must not be modified at all");
    assert!(!dir.path().join("future.db-wal").exists(), "not even switched to WAL");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ebb.db");
    let junk = b"these are somebody's bytes, not a database; keep them".repeat(100);
    std::fs::write(&path, &junk).unwrap();
    let err = Store::open(&path, &crate::test_key()).unwrap_err();
    assert_eq!(err.code(), "data_unreadable", "{err:?}");
    assert!(err.to_string().contains(&path.display().to_string()), "the message names the file");
    assert_eq!(file_bytes(&path), junk, "a damaged file is never overwritten");
}

#[test]
fn reopening_applies_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ebb.db");
    drop(Store::open(&path, &crate::test_key()).unwrap());
    let again = Store::open(&path, &crate::test_key()).unwrap();
    assert_eq!(again.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn a_v3_database_with_sessions_upgrades_and_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v3.db");
    {
        // Shipped migrations never change, so v1 + 0002 + 0003 is exactly a v3 database.
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(V1_FIXTURE).unwrap();
        conn.execute_batch(include_str!("../../src/migrations/0002_capture.sql")).unwrap();
        conn.execute_batch(include_str!("../../src/migrations/0003_sessions.sql")).unwrap();
        conn.execute_batch(
            "INSERT INTO technique_sessions (id, technique_id, urge_id, started_at, ended_at, \
             planned_seconds, completed, intensity_before, intensity_after, helped, created_at, \
             updated_at) SELECT 's1', 'breathing.box', id, 1, 2, 300, 1, intensity, 3, 1, 1, 2 \
             FROM urges ORDER BY occurred_at LIMIT 1; PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let upgraded = Store::open(&old, &crate::test_key()).unwrap();
    let fresh = Store::open(dir.path().join("fresh.db"), &crate::test_key()).unwrap();
    assert_eq!(schema(upgraded.connection()), schema(fresh.connection()), "same schema as new");
    let session = upgraded.session("s1").expect("the v3 session is kept");
    assert_eq!(
        (
            session.completed,
            session.intensity_after,
            session.actual_seconds,
            session.check_ins.len()
        ),
        (true, Some(3), None, 0),
        "kept as it was, with no length or check-ins invented"
    );
    assert_eq!(upgraded.count_urges().unwrap(), 3, "every craving kept");
}

/// A database at schema v5 with the v1 fixture's cravings plus `rows`: shipped migrations never
/// change, so v1 + 0002 … 0005 is exactly what a v5 Ebb wrote.
fn v5_database(path: &std::path::Path, rows: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(V1_FIXTURE).unwrap();
    for sql in &UP_TO_V5[1..] {
        conn.execute_batch(sql).unwrap();
    }
    conn.execute_batch(rows).unwrap();
    conn.pragma_update(None, "user_version", 5).unwrap();
}

#[test]
fn a_v5_database_upgrades_to_plans_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v5.db");
    v5_database(
        &old,
        "INSERT INTO tracked_things (id, name, goal, planned_amount, planned_unit, position, \
         created_at, updated_at) VALUES ('t1', 'wine', 'cut_down', 2, 'glasses', 0, 1, 1); \
         UPDATE urges SET tracked_id = 't1'; \
         INSERT INTO urge_chips (urge_id, chip_id) SELECT id, 'builtin-trigger-after-work' \
         FROM urges; \
         INSERT INTO outcomes (urge_id, intensity_after, action, amount, recorded_at, \
         updated_at) SELECT id, 2, 'used_less', 1, 5, 5 FROM urges; \
         INSERT INTO suggestion_responses (id, urge_id, offered, chosen, at) \
         SELECT 'r1', id, '[\"breathing.box\"]', NULL, 3 FROM urges LIMIT 1;",
    );
    let mut upgraded = Store::open(&old, &crate::test_key()).unwrap();
    assert_eq!(upgraded.schema_version().unwrap(), SCHEMA_VERSION);
    let fresh = Store::open(dir.path().join("fresh.db"), &crate::test_key()).unwrap();
    assert_eq!(schema(upgraded.connection()), schema(fresh.connection()), "same schema as new");
    assert_eq!(upgraded.count_urges().unwrap(), 3, "every craving kept");
    let urges = upgraded.urges_page(None, 10).unwrap().urges;
    assert!(urges.iter().all(|u| u.tracked_id.as_deref() == Some("t1")
        && u.chip_ids == ["builtin-trigger-after-work"]
        && u.outcome.as_ref().is_some_and(|o| o.amount == Some(1.0))));
    let responses: i64 = upgraded
        .connection()
        .query_row("SELECT count(*) FROM suggestion_responses", [], |r| r.get(0))
        .unwrap();
    assert_eq!(responses, 1);
    // The all-time totals Insights reads are filled from the old rows.
    let all = upgraded
        .insights(&ebb_core::InsightsRequest { range: ebb_core::InsightsRange::All })
        .unwrap();
    assert_eq!(all.weeks.iter().map(|w| w.cravings).sum::<u32>(), 3, "every craving counted");
    assert_eq!(all.hours.iter().map(|h| h.cravings).sum::<u32>(), 3);
    assert_eq!(all.triggers.iter().map(|t| t.cravings).sum::<u32>(), 3, "and each chip");
    let recorded: u32 = all.outcomes.iter().flat_map(|o| &o.weeks).map(|w| w.used_less).sum();
    assert_eq!(recorded, 3, "and each outcome");
    assert!(upgraded.plans().unwrap().is_empty(), "no plans invented");
    let plan = upgraded
        .add_plan(ebb_core::PlanInput {
            if_text: "after work".into(),
            then_text: "walk".into(),
            technique_id: None,
            person_id: None,
            chip_ids: vec!["builtin-trigger-after-work".into()],
            time_band: None,
        })
        .unwrap();
    assert_eq!(upgraded.matching_plans(&urges[0].id).unwrap()[0].id, plan.id, "old cravings match");
}

#[test]
fn a_v5_database_upgrades_to_the_journal_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v5.db");
    v5_database(
        &old,
        "INSERT INTO technique_sessions (id, technique_id, urge_id, started_at, ended_at, \
         planned_seconds, completed, intensity_before, intensity_after, helped, created_at, \
         updated_at, actual_seconds) SELECT 's5', 'steps.halt', id, 1, 2, 300, 1, intensity, \
         2, 1, 1, 2, 120 FROM urges ORDER BY occurred_at LIMIT 1; \
         INSERT INTO settings (key, value) VALUES ('tones', 'true');",
    );
    let mut upgraded = Store::open(&old, &crate::test_key()).unwrap();
    let fresh = Store::open(dir.path().join("fresh.db"), &crate::test_key()).unwrap();
    assert_eq!(upgraded.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(schema(upgraded.connection()), schema(fresh.connection()), "same schema as new");
    assert_eq!(upgraded.count_urges().unwrap(), 3, "every craving kept");
    let session = upgraded.session("s5").expect("the v5 session is kept");
    assert_eq!((session.actual_seconds, session.intensity_after), (Some(120), Some(2)));
    let settings = upgraded.settings().unwrap();
    assert!(settings.tones, "settings kept");
    assert!(settings.journal_prompts && !settings.weekly_reflection, "new settings default");
    // The new table takes entries linked to an old craving.
    let urge_id = session.urge_id.expect("linked");
    let written = upgraded
        .create_journal_entry(ebb_core::NewJournalEntry {
            body: "about an old craving".into(),
            urge_id: Some(urge_id.clone()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(written.urge.map(|u| u.id), Some(urge_id));
}

/// The migrations up to v5 (before issue #6), frozen as shipped.
const UP_TO_V5: [&str; 5] = [
    include_str!("../../src/migrations/0001_urges.sql"),
    include_str!("../../src/migrations/0002_capture.sql"),
    include_str!("../../src/migrations/0003_sessions.sql"),
    include_str!("../../src/migrations/0004_library.sql"),
    include_str!("../../src/migrations/0005_helps.sql"),
];

#[test]
fn a_v5_database_with_rows_upgrades_to_the_latest_and_keeps_every_row() {
    use ebb_core::{Intensity, NewSession, NewUrge, SessionEnd, SettingsUpdate};
    let dir = tempfile::tempdir().unwrap();
    // Rows written through the API, in a database of today's schema …
    let full = dir.path().join("full.db");
    {
        let (mut store, _) = crate::support::store_at_t0();
        for level in [3, 7, 9] {
            let urge = store.log_urge(NewUrge::now(Intensity::try_from(level).unwrap())).unwrap();
            let s = store
                .start_session(NewSession {
                    technique_id: "breathing.box".into(),
                    urge_id: Some(urge.id),
                    planned_seconds: 60,
                })
                .unwrap();
            store
                .finish_session(SessionEnd { id: s.id, completed: true, ..Default::default() })
                .unwrap();
        }
        store.update_settings(SettingsUpdate { tones: Some(true), ..Default::default() }).unwrap();
        store.connection().execute("VACUUM INTO ?1", [full.to_str().unwrap()]).unwrap();
    }
    // … copied into a database at schema v5, table by table, column by column.
    let old = dir.path().join("v5.db");
    let mut counts = Vec::new();
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        for sql in UP_TO_V5 {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 5).unwrap();
        conn.execute("ATTACH DATABASE ?1 AS full", [full.to_str().unwrap()]).unwrap();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        conn.execute_batch("DELETE FROM main.chips; DELETE FROM main.settings;").ok();
        for table in tables {
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let cols = columns.join(", ");
            conn.execute_batch(&format!(
                "DELETE FROM main.{table}; INSERT INTO main.{table} ({cols}) SELECT {cols} FROM full.{table};"
            ))
            .unwrap();
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM main.{table}"), [], |r| r.get(0))
                .unwrap();
            counts.push((table, n));
        }
        conn.execute_batch("DETACH DATABASE full").unwrap();
    }
    assert!(counts.iter().any(|(t, n)| t == "urges" && *n == 3), "{counts:?}");
    assert!(counts.iter().any(|(t, n)| t == "technique_sessions" && *n == 3), "{counts:?}");

    let upgraded = Store::open(&old, &crate::test_key()).unwrap();
    let fresh = Store::open(dir.path().join("fresh.db"), &crate::test_key()).unwrap();
    assert_eq!(upgraded.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        schema(upgraded.connection()),
        schema(fresh.connection()),
        "same schema as a new database"
    );
    for (table, n) in &counts {
        let after: i64 = upgraded
            .connection()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(after, *n, "{table}: every row kept");
    }
    assert_eq!(upgraded.count_urges().unwrap(), 3);
    assert!(upgraded.settings().unwrap().tones, "settings kept");
    assert_eq!(upgraded.settings().unwrap().region, None, "no region until chosen");
    assert!(upgraded.support_people().unwrap().is_empty());
    assert_eq!(upgraded.safety_plan().unwrap().len(), 6);
}
