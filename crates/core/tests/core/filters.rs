//! History's filters return exactly the cravings a plain in-memory filter of the same data does.

use chrono::{Duration, NaiveDate};
use ebb_core::{GenerateOptions, Intensity, Urge, UrgeFilter, UseAction};

use crate::support::{store_at_t0, t0};

fn everything(store: &ebb_core::Store, filter: &UrgeFilter) -> Vec<String> {
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let page = store.urges_page_matching(filter, after.as_ref(), 200).unwrap();
        out.extend(page.urges.into_iter().map(|u| u.id));
        match page.next {
            Some(next) => after = Some(next),
            None => return out,
        }
    }
}

fn local_date(u: &Urge) -> NaiveDate {
    (u.occurred_at + Duration::minutes(i64::from(u.utc_offset_minutes))).date_naive()
}

fn matches(u: &Urge, f: &UrgeFilter) -> bool {
    let text = f.text.as_deref().map(str::to_lowercase);
    f.tracked_id.as_ref().is_none_or(|t| u.tracked_id.as_ref() == Some(t))
        && f.from.is_none_or(|d| local_date(u) >= d)
        && f.to.is_none_or(|d| local_date(u) <= d)
        && f.chip_ids.iter().all(|c| u.chip_ids.contains(c))
        && f.technique_id.as_ref().is_none_or(|t| {
            if t == "waiting" {
                u.techniques.iter().all(|x| x.technique_id == "waiting")
            } else {
                u.techniques.iter().any(|x| &x.technique_id == t)
            }
        })
        && f.action.is_none_or(|a| u.outcome.as_ref().and_then(|o| o.action) == Some(a))
        && f.min_intensity.is_none_or(|m| u.intensity >= m.get())
        && f.max_intensity.is_none_or(|m| u.intensity <= m.get())
        && text.as_ref().is_none_or(|t| {
            let hit = |n: &Option<String>| n.as_ref().is_some_and(|n| n.to_lowercase().contains(t));
            hit(&u.note) || u.outcome.as_ref().is_some_and(|o| hit(&o.note))
        })
}

#[test]
fn filters_return_exactly_the_right_cravings_and_count_them() {
    let (mut store, _) = store_at_t0();
    let mut options = GenerateOptions::new(2_000, 11, t0());
    options.days = 120;
    store.generate(&options).unwrap();
    // Edited times and strengths reach the copies the indexes keep (0006_speed.sql triggers).
    let edits: Vec<Urge> = everything(&store, &UrgeFilter::default())
        .iter()
        .step_by(37)
        .map(|id| store.urge(id).unwrap())
        .collect();
    for u in &edits {
        store
            .edit_urge(ebb_core::UrgeEdit {
                id: u.id.clone(),
                intensity: Intensity::try_from(i64::from(10 - u.intensity)).unwrap(),
                occurred_at: u.occurred_at - Duration::days(9) - Duration::minutes(7),
                note: u.note.clone(),
                tracked_id: u.tracked_id.clone(),
            })
            .unwrap();
    }
    let all: Vec<Urge> = {
        let ids = everything(&store, &UrgeFilter::default());
        ids.iter().map(|id| store.urge(id).unwrap()).collect()
    };
    assert_eq!(all.len(), 2_000);
    let i = |n: i64| Some(Intensity::try_from(n).unwrap());
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 10, d);
    let filters = [
        UrgeFilter { chip_ids: vec!["builtin-trigger-after-work".into()], ..Default::default() },
        UrgeFilter {
            chip_ids: vec!["builtin-trigger-after-work".into(), "builtin-feeling-stressed".into()],
            technique_id: Some("breathing.box".into()),
            ..Default::default()
        },
        UrgeFilter {
            technique_id: Some("waiting".into()),
            action: Some(UseAction::UsedLess),
            ..Default::default()
        },
        UrgeFilter {
            tracked_id: Some("gen-thing-cigarettes".into()),
            min_intensity: i(8),
            ..Default::default()
        },
        UrgeFilter { from: day(1), to: day(14), max_intensity: i(5), ..Default::default() },
        UrgeFilter { text: Some("SLEEP".into()), ..Default::default() },
        UrgeFilter { text: Some("100%_\\".into()), ..Default::default() },
        UrgeFilter { from: day(20), to: day(20), ..Default::default() },
        UrgeFilter { action: Some(UseAction::DidntUse), ..Default::default() },
        UrgeFilter { action: Some(UseAction::UsedLess), min_intensity: i(9), ..Default::default() },
    ];
    for filter in &filters {
        let expected: Vec<String> =
            all.iter().filter(|u| matches(u, filter)).map(|u| u.id.clone()).collect();
        let got = everything(&store, filter);
        assert_eq!(got, expected, "the same cravings, newest first, for {filter:?}");
        assert_eq!(store.count_matching(filter).unwrap(), expected.len() as u64, "{filter:?}");
    }
    assert!(
        !everything(&store, &filters[1]).is_empty() && !everything(&store, &filters[5]).is_empty(),
        "the filters are not trivially empty"
    );
    assert!(everything(&store, &filters[6]).is_empty(), "LIKE wildcards are matched literally");
}

#[test]
fn bad_filters_are_refused_with_a_reason() {
    let (store, _) = store_at_t0();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 10, d);
    let cases = [
        (UrgeFilter { from: day(10), to: day(2), ..Default::default() }, "is after the end date"),
        (
            UrgeFilter {
                min_intensity: Some(Intensity::try_from(8).unwrap()),
                max_intensity: Some(Intensity::try_from(3).unwrap()),
                ..Default::default()
            },
            "above the highest",
        ),
        (UrgeFilter { chip_ids: vec!["nope".into()], ..Default::default() }, "There is no chip"),
        (
            UrgeFilter { technique_id: Some("nope".into()), ..Default::default() },
            "no technique called",
        ),
        (
            UrgeFilter { tracked_id: Some("nope".into()), ..Default::default() },
            "isn't here any more",
        ),
        (UrgeFilter { text: Some("x".repeat(201)), ..Default::default() }, "up to 200 characters"),
    ];
    for (filter, expected) in cases {
        let err = store.urges_page_matching(&filter, None, 10).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains(expected), "{err} should contain {expected:?}");
    }
}

/// Filters whose counts come from the stored bitmaps (no note search), across buckets and
/// date edges.
fn counted_filters() -> Vec<UrgeFilter> {
    let i = |n: i64| Some(Intensity::try_from(n).unwrap());
    let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2026, m, d);
    vec![
        UrgeFilter { chip_ids: vec!["builtin-trigger-after-work".into()], ..Default::default() },
        UrgeFilter {
            chip_ids: vec!["builtin-trigger-after-work".into()],
            technique_id: Some("breathing.box".into()),
            ..Default::default()
        },
        UrgeFilter { technique_id: Some("waiting".into()), ..Default::default() },
        UrgeFilter {
            technique_id: Some("urge-surfing".into()),
            action: Some(UseAction::DidntUse),
            ..Default::default()
        },
        UrgeFilter { min_intensity: i(4), max_intensity: i(7), ..Default::default() },
        UrgeFilter {
            tracked_id: Some("gen-thing-cigarettes".into()),
            min_intensity: i(8),
            ..Default::default()
        },
        UrgeFilter { from: day(8, 3), to: day(9, 28), ..Default::default() },
        UrgeFilter {
            from: day(6, 17),
            chip_ids: vec!["builtin-feeling-stressed".into()],
            max_intensity: i(6),
            ..Default::default()
        },
        UrgeFilter { to: day(7, 1), action: Some(UseAction::UsedLess), ..Default::default() },
        UrgeFilter { from: day(10, 20), to: day(10, 20), ..Default::default() },
    ]
}

/// Every counted filter's count equals the number of cravings its pages hold.
fn counts_match_pages(store: &ebb_core::Store, when: &str) {
    for filter in counted_filters() {
        assert_eq!(
            store.count_matching(&filter).unwrap(),
            everything(store, &filter).len() as u64,
            "{when}: the count from the bitmaps is the number of cravings listed for {filter:?}"
        );
    }
}

fn dirty_buckets(store: &ebb_core::Store) -> i64 {
    store.connection().query_row("SELECT count(*) FROM count_dirty", [], |r| r.get(0)).unwrap()
}

#[test]
fn counts_from_stored_bitmaps_follow_every_kind_of_write() {
    use ebb_core::{NewSession, NewUrge, OutcomeInput, SessionEnd, UrgeEdit};
    let (mut store, clock) = store_at_t0();
    let mut options = GenerateOptions::new(3_000, 12, t0());
    options.days = 200;
    store.generate(&options).unwrap();
    assert!(dirty_buckets(&store) > 16, "a new store's buckets all wait to be built");
    // Too many to build inside a count: the plain query answers, the same numbers.
    counts_match_pages(&store, "before the warm-up");
    assert!(dirty_buckets(&store) > 16, "a count doesn't build that many");
    store.refresh_counts().unwrap();
    assert_eq!(dirty_buckets(&store), 0, "the warm-up builds every bucket");
    counts_match_pages(&store, "built");

    // A new craving with a chip, a technique and an outcome.
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(6).unwrap())).unwrap();
    assert_eq!(dirty_buckets(&store), 1, "logging marks its bucket");
    store.set_urge_chip(&urge.id, "builtin-trigger-after-work", true).unwrap();
    let session = store
        .start_session(NewSession {
            technique_id: "breathing.box".into(),
            urge_id: Some(urge.id.clone()),
            planned_seconds: 240,
        })
        .unwrap();
    counts_match_pages(&store, "a craving logged, a technique started");
    store
        .finish_session(SessionEnd {
            id: session.id,
            completed: false,
            intensity_after: None,
            helped: None,
            actual_seconds: Some(5),
            planned_seconds: None,
        })
        .unwrap();
    counts_match_pages(&store, "stopped after 5 s: not a use, so it just waited");
    store
        .set_outcome(OutcomeInput {
            urge_id: urge.id.clone(),
            intensity_after: Some(Intensity::try_from(2).unwrap()),
            action: Some(UseAction::DidntUse),
            amount: None,
            note: None,
        })
        .unwrap();
    counts_match_pages(&store, "an outcome");

    // Older cravings: a chip taken off, one moved 40 days back with another strength, one
    // deleted.
    let old = everything(&store, &UrgeFilter::default());
    let (a, b, c) = (store.urge(&old[500]).unwrap(), store.urge(&old[900]).unwrap(), &old[1_400]);
    for chip in &a.chip_ids {
        store.set_urge_chip(&a.id, chip, false).unwrap();
    }
    store
        .edit_urge(UrgeEdit {
            id: b.id.clone(),
            intensity: Intensity::try_from(i64::from(10 - b.intensity)).unwrap(),
            occurred_at: b.occurred_at - Duration::days(40),
            note: b.note.clone(),
            tracked_id: b.tracked_id.clone(),
        })
        .unwrap();
    store.delete_urge(c).unwrap();
    clock.advance(Duration::hours(1));
    counts_match_pages(&store, "chips removed, a craving moved and another deleted");
    assert_eq!(dirty_buckets(&store), 0, "the few marked buckets were rebuilt by the count");
}

#[test]
fn counts_are_read_from_the_bitmaps_not_the_records() {
    let (mut store, _) = store_at_t0();
    store.generate(&GenerateOptions::new(1_000, 13, t0())).unwrap();
    store.refresh_counts().unwrap();
    let after_work =
        UrgeFilter { chip_ids: vec!["builtin-trigger-after-work".into()], ..Default::default() };
    let listed = everything(&store, &after_work).len() as u64;
    assert!(listed > 0);
    // Behind the bitmaps' back (no trigger fires for this table): the chip's bitmaps gone.
    store
        .connection()
        .execute("DELETE FROM count_bits WHERE key = 'chip:builtin-trigger-after-work'", [])
        .unwrap();
    assert_eq!(
        store.count_matching(&after_work).unwrap(),
        0,
        "the count comes from the stored bitmaps (the records still list {listed})"
    );
    // A note search is never answered from them.
    let text = UrgeFilter { text: Some("sleep".into()), ..after_work };
    assert_eq!(store.count_matching(&text).unwrap(), everything(&store, &text).len() as u64);
}

#[test]
fn an_upgraded_store_builds_its_count_bitmaps_and_counts_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ebb.db");
    let store = ebb_core::Store::open(&path, &crate::test_key()).unwrap();
    let mut options = GenerateOptions::new(2_000, 14, t0());
    options.days = 200;
    let mut store = store;
    store.generate(&options).unwrap();
    // The same records as a v10 Ebb left them: no bitmaps, no marks, no triggers.
    crate::support::drop_counts(store.connection());
    store.connection().execute_batch("PRAGMA user_version = 10;").unwrap();
    drop(store);
    let store = ebb_core::Store::open(&path, &crate::test_key()).unwrap();
    assert!(dirty_buckets(&store) > 16, "the upgrade marks every bucket with a craving");
    counts_match_pages(&store, "after the upgrade, before the warm-up");
    store.refresh_counts().unwrap();
    assert_eq!(dirty_buckets(&store), 0);
    counts_match_pages(&store, "after the warm-up");
}

#[test]
fn a_bitmap_build_killed_midway_leaves_counts_that_still_match_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let key = ebb_core::keys::tool_key(&db).unwrap();
    let mut store = ebb_core::Store::open(&db, &key).unwrap();
    let mut options = GenerateOptions::new(8_000, 15, t0());
    options.days = 400;
    store.generate(&options).unwrap();
    store.refresh_counts().unwrap();
    // Kill `ebb-cli counts` (which builds every bucket) ever later until it stops midway: some
    // buckets built, some still marked.
    let all = std::cell::Cell::new(0);
    let partial = crate::support::kill_cli_midway(
        "counts",
        &db,
        || {
            store.rebuild_counts().unwrap();
            all.set(dirty_buckets(&store));
        },
        || {
            let left = dirty_buckets(&store);
            left > 0 && left < all.get()
        },
    );
    assert!(partial, "some kill must have landed between two buckets");
    counts_match_pages(&store, "after a build killed midway");
    store.refresh_counts().unwrap();
    assert_eq!(dirty_buckets(&store), 0, "the next build finished what the killed one left");
    counts_match_pages(&store, "after the next build");
    drop(store);
    let bytes = std::fs::read(&db).unwrap();
    for plain in [&b"chip:builtin"[..], b"tech:waiting", b"count_bits"] {
        assert!(
            !bytes.windows(plain.len()).any(|w| w == plain),
            "the bitmaps are inside the encrypted store: {:?} must not appear in its bytes",
            String::from_utf8_lossy(plain)
        );
    }
}
