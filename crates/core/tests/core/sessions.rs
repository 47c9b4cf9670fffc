//! Technique sessions: started, stopped or completed, rated, linked to a craving.

use chrono::Duration;
use ebb_core::{Intensity, NewSession, NewUrge, SessionEnd, UsedTechnique};

use crate::support::{store_at_t0, t0};

fn box_breathing(urge_id: Option<String>) -> NewSession {
    NewSession { technique_id: "breathing.box".into(), urge_id, planned_seconds: 300 }
}

#[test]
fn a_session_for_a_craving_records_before_and_after() {
    let (mut store, clock) = store_at_t0();
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(8).unwrap())).unwrap();
    let started = store.start_session(box_breathing(Some(urge.id.clone()))).unwrap();
    assert_eq!(started.intensity_before, Some(8), "the craving's intensity is the before");
    assert_eq!((started.ended_at, started.completed), (None, false), "running");
    clock.advance(Duration::minutes(5));
    let done = store
        .finish_session(SessionEnd {
            id: started.id.clone(),
            completed: true,
            intensity_after: Some(Intensity::try_from(4).unwrap()),
            helped: Some(true),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(done.ended_at, Some(t0() + Duration::minutes(5)));
    assert_eq!((done.completed, done.intensity_after, done.helped), (true, Some(4), Some(true)));
    assert_eq!(store.sessions_for_urge(&urge.id).unwrap(), vec![done]);
    let listed = &store.urges_page(None, 10).unwrap().urges[0];
    assert_eq!(
        listed.techniques,
        [UsedTechnique {
            technique_id: "breathing.box".into(),
            name: "Box breathing".into(),
            intensity_after: Some(4),
            completed: true
        }],
        "History shows the technique used for the craving, with the rating after"
    );
}

#[test]
fn stopping_early_then_rating_keeps_the_stop() {
    let (mut store, clock) = store_at_t0();
    let started = store.start_session(box_breathing(None)).unwrap();
    clock.advance(Duration::seconds(40));
    let stopped = store
        .finish_session(SessionEnd {
            id: started.id.clone(),
            completed: false,
            intensity_after: None,
            helped: None,
            ..Default::default()
        })
        .unwrap();
    clock.advance(Duration::seconds(30));
    let rated = store
        .finish_session(SessionEnd {
            id: started.id,
            completed: true,
            intensity_after: Some(Intensity::try_from(2).unwrap()),
            helped: None,
            ..Default::default()
        })
        .unwrap();
    assert!(!rated.completed, "a session stopped early stays stopped early");
    assert_eq!(rated.ended_at, stopped.ended_at, "the end time is when it was stopped");
    assert_eq!(rated.intensity_after, Some(2));
}

#[test]
fn bad_sessions_are_refused_with_a_reason() {
    let (mut store, _) = store_at_t0();
    let cases = [
        (
            NewSession { technique_id: "breathing.fast".into(), ..box_breathing(None) },
            "no technique called",
        ),
        (NewSession { planned_seconds: 0, ..box_breathing(None) }, "got 0"),
        (NewSession { planned_seconds: 7_201, ..box_breathing(None) }, "got 7201"),
        (box_breathing(Some("no-such-craving".into())), "isn't here any more"),
    ];
    for (new, expected) in cases {
        let err = store.start_session(new).unwrap_err().to_string();
        assert!(err.contains(expected), "{err:?} should contain {expected:?}");
    }
    let err = store
        .finish_session(SessionEnd {
            id: "nope".into(),
            completed: true,
            intensity_after: None,
            helped: None,
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    let count: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM technique_sessions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0, "refusals record nothing");
}

#[test]
fn deleting_a_craving_unlinks_its_sessions_but_keeps_the_practice() {
    let (mut store, _) = store_at_t0();
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(6).unwrap())).unwrap();
    let session = store.start_session(box_breathing(Some(urge.id.clone()))).unwrap();
    store.delete_urge(&urge.id).unwrap();
    let kept = store.session(&session.id).unwrap();
    assert_eq!(kept.urge_id, None, "nothing about the deleted craving stays on the session");
}

#[test]
fn an_exercise_opened_and_left_is_not_a_use() {
    let (mut store, clock) = store_at_t0();
    let used = |store: &ebb_core::Store, urge: &str| -> Vec<String> {
        let page = store.urges_page(None, 10).unwrap();
        let urge = page.urges.iter().find(|u| u.id == urge).unwrap();
        urge.techniques.iter().map(|t| t.technique_id.clone()).collect()
    };
    let stop = |store: &mut ebb_core::Store, id: String, seconds: u32| {
        store
            .finish_session(SessionEnd {
                id,
                completed: false,
                actual_seconds: Some(seconds),
                ..Default::default()
            })
            .unwrap();
    };
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(7).unwrap())).unwrap();
    let writing = store
        .start_session(NewSession {
            technique_id: "journaling".into(),
            urge_id: Some(urge.id.clone()),
            planned_seconds: 600,
        })
        .unwrap();
    clock.advance(Duration::minutes(2));
    stop(&mut store, writing.id, 120);
    assert!(used(&store, &urge.id).is_empty(), "'Write it down' left with 'Not now' wrote nothing");
    let glance = store.start_session(box_breathing(Some(urge.id.clone()))).unwrap();
    stop(&mut store, glance.id, 4);
    assert!(
        used(&store, &urge.id).is_empty(),
        "four seconds of box breathing is a glance, not a use"
    );
    let filter =
        ebb_core::UrgeFilter { technique_id: Some("waiting".into()), ..Default::default() };
    assert_eq!(
        store.count_matching(&filter).unwrap(),
        1,
        "so the craving still reads as 'just waited'"
    );
    let practice = store.start_session(box_breathing(Some(urge.id.clone()))).unwrap();
    stop(&mut store, practice.id, 90);
    assert_eq!(used(&store, &urge.id), ["breathing.box"], "stopped after 90 seconds is practice");
    let filter =
        ebb_core::UrgeFilter { technique_id: Some("breathing.box".into()), ..Default::default() };
    assert_eq!(store.count_matching(&filter).unwrap(), 1, "and History's filter finds it");
    let other = store.log_urge(NewUrge::now(Intensity::try_from(8).unwrap())).unwrap();
    let rated = store.start_session(box_breathing(Some(other.id.clone()))).unwrap();
    store
        .finish_session(SessionEnd {
            id: rated.id,
            completed: false,
            actual_seconds: Some(3),
            intensity_after: Some(Intensity::try_from(4).unwrap()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        used(&store, &other.id),
        ["breathing.box"],
        "stopped at once but rated: tried and told"
    );
}
