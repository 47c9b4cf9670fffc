//! The person's library: custom patterns, hidden techniques, the one-tap default, urge-surfing
//! check-ins and "just waited".

use chrono::Duration;
use ebb_core::{
    DEFAULT_TECHNIQUE_ID, Intensity, NewCheckIn, NewSession, NewUrge, PatternEdit, PatternInput,
    SessionEnd, SettingsUpdate, TechniqueKind, TechniqueVisibility, counted_techniques,
};

use crate::support::store_at_t0;

fn my_3_5() -> PatternInput {
    PatternInput { name: "My 3-5".into(), inhale: 3.0, hold_in: 0.0, exhale: 5.0, hold_out: 0.0 }
}

fn rows(store: &ebb_core::Store, table: &str) -> i64 {
    store
        .connection()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_custom_pattern_is_created_used_edited_and_deleted() {
    let (mut store, clock) = store_at_t0();
    let made = store.create_pattern(my_3_5()).unwrap();
    assert!(made.id.starts_with("custom.") && made.custom, "a custom technique: {made:?}");
    assert_eq!(made.kind, TechniqueKind::Breathing);
    assert_eq!(made.why, "Your own pattern: in 3, out 5.");
    let listed = store.library().unwrap();
    assert_eq!(listed.techniques.last(), Some(&made), "listed after the built-ins");

    let urge = store.log_urge(NewUrge::now(Intensity::try_from(7).unwrap())).unwrap();
    let session = store
        .start_session(NewSession {
            technique_id: made.id.clone(),
            urge_id: Some(urge.id.clone()),
            planned_seconds: 60,
        })
        .unwrap();
    clock.advance(Duration::seconds(60));
    store
        .finish_session(SessionEnd { id: session.id, completed: true, ..Default::default() })
        .unwrap();

    let edited = store
        .update_pattern(PatternEdit {
            id: made.id.clone(),
            pattern: PatternInput { name: "My 3-6".into(), exhale: 6.0, hold_in: 1.5, ..my_3_5() },
        })
        .unwrap();
    assert_eq!(edited.why, "Your own pattern: in 3, hold 1.5, out 6.");
    assert!(edited.safety.iter().any(|s| s.contains("optional")), "holds are offered as optional");
    let history =
        |store: &ebb_core::Store| store.urge(&urge.id).unwrap().techniques[0].name.clone();
    assert_eq!(history(&store), "My 3-6", "History follows a rename");

    store.delete_pattern(&made.id).unwrap();
    assert!(
        store.library().unwrap().techniques.iter().all(|t| t.id != made.id),
        "a deleted pattern leaves the Breathe list"
    );
    assert_eq!(history(&store), "My 3-6", "its past uses keep its name");
    let err = store
        .start_session(NewSession {
            technique_id: made.id.clone(),
            urge_id: None,
            planned_seconds: 60,
        })
        .unwrap_err();
    assert!(
        err.to_string().contains("no technique called"),
        "a deleted pattern can't start: {err}"
    );
    assert_eq!(store.delete_pattern(&made.id).unwrap_err().code(), "not_found");
}

#[test]
fn patterns_outside_their_bounds_or_badly_named_change_nothing() {
    let (mut store, _) = store_at_t0();
    store.create_pattern(my_3_5()).unwrap();
    let cases = [
        (
            PatternInput { inhale: 0.5, ..my_3_5() },
            "Breathing in needs at least 1 second; got 0.5.",
        ),
        (
            PatternInput { exhale: 20.5, ..my_3_5() },
            "0 to 20 seconds in half-second steps; got 20.5",
        ),
        (PatternInput { hold_out: 1.2, ..my_3_5() }, "half-second steps; got 1.2"),
        (PatternInput { hold_in: -2.0, ..my_3_5() }, "got -2"),
        (PatternInput { inhale: 2.0, exhale: 2.0, ..my_3_5() }, "at least 6 seconds"),
        (PatternInput { name: "   ".into(), ..my_3_5() }, "needs at least one letter"),
        (PatternInput { name: "x".repeat(61), ..my_3_5() }, "up to 60 characters"),
        (PatternInput { name: "my 3-5".into(), ..my_3_5() }, "already a pattern called"),
        (PatternInput { name: "Box breathing".into(), ..my_3_5() }, "already a pattern called"),
    ];
    for (input, expected) in cases {
        let err = store.create_pattern(input).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains(expected), "{err} should contain {expected:?}");
    }
    assert_eq!(rows(&store, "custom_patterns"), 1, "refusals create nothing");
    let id = store.library().unwrap().techniques.last().unwrap().id.clone();
    let err = store
        .update_pattern(PatternEdit {
            id: id.clone(),
            pattern: PatternInput { exhale: 30.0, ..my_3_5() },
        })
        .unwrap_err();
    assert!(err.to_string().contains("got 30"), "{err}");
    assert_eq!(store.library().unwrap().techniques.last().unwrap().pattern.unwrap().exhale, 5.0);
    let err = store
        .update_pattern(PatternEdit { id: "breathing.box".into(), pattern: my_3_5() })
        .unwrap_err();
    assert_eq!(err.code(), "not_found", "a built-in can't be edited: {err}");
}

#[test]
fn hidden_techniques_stay_listed_as_hidden_and_can_come_back() {
    let (mut store, _) = store_at_t0();
    let library = store
        .set_technique_hidden(TechniqueVisibility {
            technique_id: "breathing.4-7-8".into(),
            hidden: true,
        })
        .unwrap();
    assert_eq!(library.hidden, ["breathing.4-7-8"]);
    let again = store
        .set_technique_hidden(TechniqueVisibility {
            technique_id: "breathing.4-7-8".into(),
            hidden: true,
        })
        .unwrap();
    assert_eq!(again.hidden, ["breathing.4-7-8"], "hiding twice is harmless");
    let err = store
        .set_technique_hidden(TechniqueVisibility { technique_id: "nope".into(), hidden: true })
        .unwrap_err();
    assert!(err.to_string().contains("no technique called"), "{err}");
    let shown = store
        .set_technique_hidden(TechniqueVisibility {
            technique_id: "breathing.4-7-8".into(),
            hidden: false,
        })
        .unwrap();
    assert!(shown.hidden.is_empty(), "shown again");
}

#[test]
fn the_one_tap_default_is_a_breathing_exercise_the_person_picks() {
    let (mut store, _) = store_at_t0();
    assert_eq!(store.settings().unwrap().default_technique_id, DEFAULT_TECHNIQUE_ID);
    let mine = store.create_pattern(my_3_5()).unwrap();
    let set = store
        .update_settings(SettingsUpdate {
            default_technique_id: Some(mine.id.clone()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(set.default_technique_id, mine.id);
    assert_eq!(store.library().unwrap().default_technique_id, mine.id);
    for (bad, expected) in [("steps.rain", "isn't one"), ("nope", "no technique called")] {
        let err = store
            .update_settings(SettingsUpdate {
                default_technique_id: Some(bad.into()),
                tones: Some(true),
                ..Default::default()
            })
            .unwrap_err();
        assert!(err.to_string().contains(expected), "{err} should contain {expected:?}");
    }
    assert!(!store.settings().unwrap().tones, "a refused update changes nothing at all");
    store.delete_pattern(&mine.id).unwrap();
    assert_eq!(
        store.settings().unwrap().default_technique_id,
        DEFAULT_TECHNIQUE_ID,
        "a deleted default falls back to box breathing"
    );
}

#[test]
fn urge_surfing_check_ins_and_extensions_are_recorded() {
    let (mut store, clock) = store_at_t0();
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(9).unwrap())).unwrap();
    let session = store
        .start_session(NewSession {
            technique_id: "urge-surfing".into(),
            urge_id: Some(urge.id.clone()),
            planned_seconds: 300,
        })
        .unwrap();
    clock.advance(Duration::minutes(3));
    let first = store
        .record_check_in(NewCheckIn {
            session_id: session.id.clone(),
            passed: false,
            intensity: Some(Intensity::try_from(7).unwrap()),
        })
        .unwrap();
    clock.advance(Duration::minutes(3));
    store
        .record_check_in(NewCheckIn {
            session_id: session.id.clone(),
            passed: true,
            intensity: None,
        })
        .unwrap();
    let bad = store.finish_session(SessionEnd {
        id: session.id.clone(),
        completed: true,
        planned_seconds: Some(120),
        ..Default::default()
    });
    assert!(bad.unwrap_err().to_string().contains("from its first plan (300 seconds)"));
    let bad = store.finish_session(SessionEnd {
        id: session.id.clone(),
        completed: true,
        actual_seconds: Some(9_000),
        ..Default::default()
    });
    assert!(bad.unwrap_err().to_string().contains("got 9000"));
    assert_eq!(store.session(&session.id).unwrap().ended_at, None, "refused ends change nothing");
    let ended = store
        .finish_session(SessionEnd {
            id: session.id.clone(),
            completed: true,
            planned_seconds: Some(600),
            actual_seconds: Some(570),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (ended.planned_seconds, ended.actual_seconds),
        (600, Some(570)),
        "extended, then ended"
    );
    assert_eq!(ended.check_ins.len(), 2);
    assert_eq!(ended.check_ins[0], first);
    assert_eq!((ended.check_ins[1].passed, ended.check_ins[1].intensity), (true, None));
    let late = store
        .record_check_in(NewCheckIn {
            session_id: session.id.clone(),
            passed: true,
            intensity: None,
        })
        .unwrap_err();
    assert!(late.to_string().contains("already ended"), "{late}");
    assert_eq!(rows(&store, "session_check_ins"), 2, "a refused check-in records nothing");
    assert_eq!(store.sessions_for_urge(&urge.id).unwrap()[0].check_ins.len(), 2);
}

#[test]
fn just_waiting_is_a_technique_and_the_baseline_for_cravings_with_none() {
    let (mut store, _) = store_at_t0();
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(6).unwrap())).unwrap();
    assert_eq!(counted_techniques(&[]), ["waiting"], "no technique counts as waiting");
    assert_eq!(counted_techniques(&["breathing.box".to_owned()]), ["breathing.box"]);
    let waited = store
        .start_session(NewSession {
            technique_id: "waiting".into(),
            urge_id: Some(urge.id.clone()),
            planned_seconds: 600,
        })
        .unwrap();
    assert_eq!(waited.intensity_before, Some(6));
    assert_eq!(store.urge(&urge.id).unwrap().techniques[0].name, "Just waited");
}
