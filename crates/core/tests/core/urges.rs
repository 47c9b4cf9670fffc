//! Logging, listing, annotating and undoing cravings, and every refusal.

use chrono::Duration;
use ebb_core::{Error, Intensity, NewUrge};

use crate::support::{store_at_t0, t0};

fn urge(intensity: i64) -> NewUrge {
    NewUrge::now(Intensity::try_from(intensity).unwrap())
}

#[test]
fn a_logged_craving_is_listed_with_the_local_offset_of_the_moment() {
    let (mut store, _clock) = store_at_t0();
    let saved = store.log_urge(urge(7)).unwrap();
    assert_eq!(saved.occurred_at, t0(), "with no time given, a craving happens now");
    assert_eq!(saved.utc_offset_minutes, 60, "the person's offset then is kept");
    let page = store.urges_page(None, 10).unwrap();
    assert_eq!(page.urges, vec![saved], "History shows exactly the craving logged");
    assert_eq!(page.next, None, "one craving fits on one page");
    assert_eq!(store.count_urges().unwrap(), 1);
}

#[test]
fn pages_run_newest_first_without_gaps_or_repeats() {
    let (mut store, clock) = store_at_t0();
    let mut logged = Vec::new();
    for i in 0..25 {
        logged.push(store.log_urge(urge(i % 11)).unwrap().id);
        // Every third craving shares its instant with the next, to exercise the id tie-break.
        if i % 3 != 0 {
            clock.advance(Duration::minutes(5));
        }
    }
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.urges_page(cursor.as_ref(), 7).unwrap();
        assert!(page.urges.len() <= 7, "a page never holds more than asked");
        seen.extend(page.urges.iter().map(|u| (u.occurred_at, u.id.clone())));
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let mut expected = seen.clone();
    expected.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, expected, "pages must be in (time, id) descending order");
    assert_eq!(seen.len(), 25, "every craving appears exactly once across the pages");
    let mut ids: Vec<_> = seen.into_iter().map(|(_, id)| id).collect();
    ids.sort();
    logged.sort();
    assert_eq!(ids, logged);
}

#[test]
fn backdated_cravings_take_their_place_in_time() {
    let (mut store, _clock) = store_at_t0();
    let now = store.log_urge(urge(4)).unwrap();
    let earlier = store
        .log_urge(NewUrge { occurred_at: Some(t0() - Duration::hours(3)), ..urge(8) })
        .unwrap();
    let page = store.urges_page(None, 10).unwrap();
    let ids: Vec<_> = page.urges.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, [now.id.as_str(), earlier.id.as_str()], "ordered by when it happened");
}

#[test]
fn refusals_say_what_was_wrong_and_change_nothing() {
    let (mut store, _clock) = store_at_t0();
    store.log_urge(urge(2)).unwrap();
    let before = store.urges_page(None, 10).unwrap();

    let cases: Vec<(NewUrge, &str)> = vec![
        (
            NewUrge { note: Some("x".repeat(20_000)), ..urge(5) },
            "up to 10,000 characters; this one has 20,000",
        ),
        (NewUrge { occurred_at: Some(t0() + Duration::days(365)), ..urge(5) }, "is in the future"),
        (NewUrge { occurred_at: Some(t0() + Duration::minutes(6)), ..urge(5) }, "is in the future"),
        (
            NewUrge {
                occurred_at: Some(chrono::DateTime::from_timestamp(0, 0).unwrap()),
                ..urge(5)
            },
            "before 2000",
        ),
    ];
    for (request, expected) in cases {
        let err = store.log_urge(request).expect_err("must be refused");
        assert!(matches!(err, Error::Invalid(_)), "a refusal is an invalid-input error: {err:?}");
        assert!(err.to_string().contains(expected), "message {err} should contain {expected:?}");
    }
    assert_eq!(store.urges_page(None, 10).unwrap(), before, "no refusal may write anything");
}

#[test]
fn a_time_a_few_minutes_ahead_is_accepted_as_now() {
    // Phones' clocks drift; a time up to 5 minutes ahead is not a typo.
    let (mut store, _clock) = store_at_t0();
    let at = t0() + Duration::minutes(4);
    assert_eq!(
        store.log_urge(NewUrge { occurred_at: Some(at), ..urge(5) }).unwrap().occurred_at,
        at
    );
}

#[test]
fn notes_can_be_added_changed_and_cleared() {
    let (mut store, clock) = store_at_t0();
    let saved = store.log_urge(urge(6)).unwrap();
    clock.advance(Duration::minutes(2));
    let noted = store.set_urge_note(&saved.id, Some("  argument with J  ".into())).unwrap();
    assert_eq!(noted.note.as_deref(), Some("argument with J"), "notes are trimmed");
    assert_eq!(noted.updated_at, t0() + Duration::minutes(2), "a change moves updated_at");
    assert_eq!(noted.created_at, saved.created_at, "a change keeps created_at");
    let cleared = store.set_urge_note(&saved.id, Some("   ".into())).unwrap();
    assert_eq!(cleared.note, None, "a blank note clears it");

    let err = store.set_urge_note(&saved.id, Some("y".repeat(10_001))).unwrap_err();
    assert!(err.to_string().contains("10,001"), "{err}");
    assert_eq!(store.urge(&saved.id).unwrap().note, None, "a refused note changes nothing");
}

#[test]
fn undo_deletes_for_real_and_unknown_ids_are_named() {
    let (mut store, _clock) = store_at_t0();
    let saved = store.log_urge(urge(9)).unwrap();
    store.delete_urge(&saved.id).unwrap();
    assert_eq!(store.count_urges().unwrap(), 0, "Undo leaves nothing behind");
    let row_count: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM urges WHERE id = ?1", [&saved.id], |r| r.get(0))
        .unwrap();
    assert_eq!(row_count, 0, "no soft-deleted copy of sensitive data remains");

    for err in [
        store.delete_urge(&saved.id).unwrap_err(),
        store.set_urge_note(&saved.id, Some("late".into())).unwrap_err(),
        store.urge("not-an-id").unwrap_err(),
    ] {
        assert_eq!(err.code(), "not_found", "an unknown id is reported as such: {err}");
    }
}

#[test]
fn page_size_must_be_sensible() {
    let (store, _clock) = store_at_t0();
    for bad in [0, 201, u32::MAX] {
        let err = store.urges_page(None, bad).unwrap_err();
        assert_eq!(err.to_string(), format!("A page holds 1 to 200 cravings; got {bad}."));
    }
}

#[test]
fn seeded_ids_are_reproducible_uuid_v7() {
    let (mut a, _) = store_at_t0();
    let (mut b, _) = store_at_t0();
    let ida = a.log_urge(urge(1)).unwrap().id;
    let idb = b.log_urge(urge(1)).unwrap().id;
    assert_eq!(ida, idb, "the same seed and clock give the same id");
    let parsed = uuid::Uuid::parse_str(&ida).unwrap();
    assert_eq!(parsed.get_version_num(), 7, "ids are UUIDv7, sortable by creation time");
}
