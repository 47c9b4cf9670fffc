//! The capture flow: tracked things and goals, chips, backdating, outcomes, re-rate prompts.

use chrono::Duration;
use ebb_core::{
    ChipKind, ChipUpdate, Goal, Intensity, NewThing, NewUrge, OutcomeInput, SettingsUpdate,
    ThingUpdate, UrgeEdit, UseAction,
};

use crate::support::{store_at_t0, t0};

fn urge(intensity: i64) -> NewUrge {
    NewUrge::now(Intensity::try_from(intensity).unwrap())
}

fn cut_down(amount: f64, unit: &str) -> Goal {
    Goal::CutDown { planned_amount: amount, unit: unit.to_owned() }
}

fn outcome(urge_id: &str) -> OutcomeInput {
    OutcomeInput {
        urge_id: urge_id.to_owned(),
        intensity_after: None,
        action: None,
        amount: None,
        note: None,
    }
}

fn message(err: ebb_core::Error) -> String {
    err.to_string()
}

#[test]
fn things_are_named_by_the_person_with_a_goal_they_can_change() {
    let (mut store, _) = store_at_t0();
    let wine = store
        .add_thing(NewThing { name: "  evening wine ".into(), goal: cut_down(2.0, "glasses") })
        .unwrap();
    assert_eq!(wine.name, "evening wine", "names are trimmed");
    let vaping = store.add_thing(NewThing { name: "vaping".into(), goal: Goal::Stop }).unwrap();
    let renamed = store
        .update_thing(ThingUpdate {
            id: wine.id.clone(),
            name: Some("wine".into()),
            goal: Some(Goal::Safer),
            archived: None,
        })
        .unwrap();
    assert_eq!((renamed.name.as_str(), &renamed.goal), ("wine", &Goal::Safer));
    let names: Vec<_> = store.things().unwrap().into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["wine", "vaping"], "in the order they were added");

    let archived = store
        .update_thing(ThingUpdate {
            id: vaping.id.clone(),
            name: None,
            goal: None,
            archived: Some(true),
        })
        .unwrap();
    assert!(archived.archived);
    let err =
        store.log_urge(NewUrge { tracked_id: Some(vaping.id.clone()), ..urge(5) }).unwrap_err();
    assert!(message(err).contains("is archived"), "an archived thing can't take new cravings");
}

#[test]
fn thing_refusals_are_specific() {
    let (mut store, _) = store_at_t0();
    store.add_thing(NewThing { name: "Vaping".into(), goal: Goal::Stop }).unwrap();
    let cases = [
        (
            NewThing { name: "vaping".into(), goal: Goal::Safer },
            "You already track \u{201c}vaping\u{201d}",
        ),
        (NewThing { name: "   ".into(), goal: Goal::Stop }, "A name needs at least one letter"),
        (
            NewThing { name: "x".repeat(61), goal: Goal::Stop },
            "up to 60 characters; this one has 61",
        ),
        (
            NewThing { name: "beer".into(), goal: cut_down(-1.0, "cans") },
            "from 0 to 10,000; got -1",
        ),
        (NewThing { name: "beer".into(), goal: cut_down(f64::NAN, "cans") }, "got NaN"),
        (
            NewThing { name: "beer".into(), goal: cut_down(2.0, " ") },
            "A unit needs at least one letter",
        ),
    ];
    for (new, expected) in cases {
        let err = message(store.add_thing(new).unwrap_err());
        assert!(err.contains(expected), "{err:?} should contain {expected:?}");
    }
    assert_eq!(store.things().unwrap().len(), 1, "refusals add nothing");
}

#[test]
fn with_one_thing_tracked_logging_never_asks_which() {
    let (mut store, _) = store_at_t0();
    assert_eq!(store.log_urge(urge(3)).unwrap().tracked_id, None, "nothing tracked: no thing");
    let only = store.add_thing(NewThing { name: "betting".into(), goal: Goal::Stop }).unwrap();
    assert_eq!(store.log_urge(urge(3)).unwrap().tracked_id, Some(only.id.clone()));
    let other = store.add_thing(NewThing { name: "scrolling".into(), goal: Goal::Safer }).unwrap();
    store.log_urge(NewUrge { tracked_id: Some(other.id.clone()), ..urge(4) }).unwrap();
    assert_eq!(
        store.log_urge(urge(5)).unwrap().tracked_id,
        Some(other.id),
        "with several, the one used last is the default"
    );
}

#[test]
fn chips_come_with_defaults_and_can_be_added_renamed_reordered_and_hidden() {
    let (mut store, _) = store_at_t0();
    let chips = store.chips().unwrap();
    let feelings: Vec<_> =
        chips.iter().filter(|c| c.kind == ChipKind::Feeling).map(|c| c.label.as_str()).collect();
    for expected in
        ["Stressed", "Bored", "Lonely", "Angry", "Tired", "Hungry", "Anxious", "Low", "Celebrating"]
    {
        assert!(feelings.contains(&expected), "care.md §3 feeling {expected} is built in");
    }
    let company: Vec<_> =
        chips.iter().filter(|c| c.kind == ChipKind::Company).map(|c| c.label.as_str()).collect();
    assert_eq!(company, ["Alone", "With others", "With others who use"]);

    let own = store.add_chip(ChipKind::Trigger, " Sunday scaries ").unwrap();
    assert_eq!(own.label, "Sunday scaries");
    assert!(!own.builtin);
    let err = message(store.add_chip(ChipKind::Feeling, "bored").unwrap_err());
    assert_eq!(err, "There is already a feeling called \u{201c}bored\u{201d}.");
    assert!(
        store.add_chip(ChipKind::Trigger, "Bored").is_ok(),
        "the same words may be a trigger too"
    );
    let err = message(store.add_chip(ChipKind::Place, "").unwrap_err());
    assert_eq!(err, "A label needs at least one letter or number.");

    let moved = store
        .update_chip(ChipUpdate {
            id: own.id.clone(),
            label: Some("Sunday evening".into()),
            hidden: None,
            position: Some(0),
        })
        .unwrap();
    assert_eq!((moved.label.as_str(), moved.position), ("Sunday evening", 0));
    let triggers: Vec<_> = store
        .chips()
        .unwrap()
        .into_iter()
        .filter(|c| c.kind == ChipKind::Trigger)
        .map(|c| (c.position, c.label))
        .collect();
    assert_eq!(triggers[0], (0, "Sunday evening".to_owned()), "moved to the front");
    let positions: Vec<u32> = triggers.iter().map(|t| t.0).collect();
    assert_eq!(
        positions,
        (0..triggers.len() as u32).collect::<Vec<_>>(),
        "renumbered without gaps"
    );

    let hidden = store
        .update_chip(ChipUpdate {
            id: "builtin-feeling-hungry".into(),
            label: None,
            hidden: Some(true),
            position: None,
        })
        .unwrap();
    assert!(hidden.hidden, "built-ins can be hidden");
    let err = message(
        store
            .update_chip(ChipUpdate {
                id: own.id,
                label: Some("after work".into()),
                hidden: None,
                position: None,
            })
            .unwrap_err(),
    );
    assert!(err.contains("already a trigger called"), "{err}");
}

#[test]
fn chips_are_saved_on_the_craving_one_tap_at_a_time() {
    let (mut store, _) = store_at_t0();
    let saved = store.log_urge(urge(8)).unwrap();
    store.set_urge_chip(&saved.id, "builtin-feeling-stressed", true).unwrap();
    store.set_urge_chip(&saved.id, "builtin-trigger-after-work", true).unwrap();
    let ids = store.set_urge_chip(&saved.id, "builtin-feeling-stressed", true).unwrap();
    assert_eq!(ids.len(), 2, "tapping a chip twice on does not duplicate it");
    let page = store.urges_page(None, 10).unwrap();
    assert_eq!(page.urges[0].chip_ids, ["builtin-feeling-stressed", "builtin-trigger-after-work"]);
    let ids = store.set_urge_chip(&saved.id, "builtin-feeling-stressed", false).unwrap();
    assert_eq!(ids, ["builtin-trigger-after-work"], "a second tap takes it off");
    let err = store.set_urge_chip(&saved.id, "no-such-chip", true).unwrap_err();
    assert_eq!(err.code(), "not_found");
}

#[test]
fn deleting_a_craving_removes_its_chips_and_outcome_for_real() {
    let (mut store, _) = store_at_t0();
    let saved = store.log_urge(urge(8)).unwrap();
    store.set_urge_chip(&saved.id, "builtin-place-home", true).unwrap();
    store
        .set_outcome(OutcomeInput {
            intensity_after: Some(Intensity::try_from(3).unwrap()),
            ..outcome(&saved.id)
        })
        .unwrap();
    store.delete_urge(&saved.id).unwrap();
    let conn = store.connection();
    for table in ["urge_chips", "outcomes"] {
        let left: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE urge_id = ?1"),
                [&saved.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0, "{table} keeps nothing of a deleted craving");
    }
    let err = store
        .set_outcome(OutcomeInput { action: Some(UseAction::DidntUse), ..outcome(&saved.id) })
        .unwrap_err();
    assert_eq!(err.code(), "not_found", "an outcome on a deleted craving is refused: {err}");
}

#[test]
fn a_craving_logged_over_an_hour_later_is_flagged_late() {
    let (mut store, _) = store_at_t0();
    let on_time = store
        .log_urge(NewUrge { occurred_at: Some(t0() - Duration::minutes(59)), ..urge(5) })
        .unwrap();
    let late = store
        .log_urge(NewUrge { occurred_at: Some(t0() - Duration::minutes(61)), ..urge(5) })
        .unwrap();
    assert!(!on_time.logged_late, "59 minutes late is still in the moment");
    assert!(late.logged_late, "over an hour after it happened is flagged");
    let edited = store
        .edit_urge(UrgeEdit {
            id: late.id.clone(),
            intensity: Intensity::try_from(6).unwrap(),
            occurred_at: t0() - Duration::minutes(10),
            note: Some("actually just now".into()),
            tracked_id: None,
        })
        .unwrap();
    assert!(!edited.logged_late, "correcting the time recomputes the flag");
    assert_eq!((edited.intensity, edited.note.as_deref()), (6, Some("actually just now")));
}

#[test]
fn outcome_actions_follow_the_goal() {
    let (mut store, _) = store_at_t0();
    let quit = store.add_thing(NewThing { name: "smoking".into(), goal: Goal::Stop }).unwrap();
    let wine =
        store.add_thing(NewThing { name: "wine".into(), goal: cut_down(2.0, "glasses") }).unwrap();
    let smoke = store.log_urge(NewUrge { tracked_id: Some(quit.id), ..urge(7) }).unwrap();
    let drink = store.log_urge(NewUrge { tracked_id: Some(wine.id), ..urge(7) }).unwrap();

    let err = store
        .set_outcome(OutcomeInput { action: Some(UseAction::UsedLess), ..outcome(&smoke.id) })
        .unwrap_err();
    assert!(message(err).contains("With a goal to stop"), "a stop goal has no plan to be under");
    let ok = store
        .set_outcome(OutcomeInput { action: Some(UseAction::Used), ..outcome(&smoke.id) })
        .unwrap();
    assert_eq!(ok.action, Some(UseAction::Used));

    let err =
        store.set_outcome(OutcomeInput { action: Some(UseAction::Used), ..outcome(&drink.id) });
    assert!(message(err.unwrap_err()).contains("used less than planned, as planned"));
    let win = store
        .set_outcome(OutcomeInput {
            intensity_after: Some(Intensity::try_from(3).unwrap()),
            action: Some(UseAction::UsedLess),
            amount: Some(1.0),
            note: Some("one glass, then tea".into()),
            ..outcome(&drink.id)
        })
        .unwrap();
    assert_eq!(
        (win.intensity_after, win.action, win.amount),
        (Some(3), Some(UseAction::UsedLess), Some(1.0))
    );
    let listed = store.urge(&drink.id).unwrap().outcome.unwrap();
    assert_eq!(
        listed.note.as_deref(),
        Some("one glass, then tea"),
        "the outcome shows with the craving"
    );

    for (input, expected) in [
        (outcome(&drink.id), "Nothing to save yet"),
        (OutcomeInput { amount: Some(-2.0), ..outcome(&drink.id) }, "from 0 to 10,000; got -2"),
        (OutcomeInput { note: Some("n".repeat(10_001)), ..outcome(&drink.id) }, "10,001"),
    ] {
        let err = message(store.set_outcome(input).unwrap_err());
        assert!(err.contains(expected), "{err:?} should contain {expected:?}");
    }
    assert_eq!(
        store.urge(&drink.id).unwrap().outcome.unwrap().amount,
        Some(1.0),
        "refusals change nothing"
    );
}

#[test]
fn the_rerate_prompt_comes_due_after_the_interval_and_never_nags_twice() {
    let (mut store, clock) = store_at_t0();
    assert_eq!(store.rerate().unwrap(), None, "nothing logged, nothing to ask");
    let saved = store.log_urge(urge(8)).unwrap();
    let pending = store.rerate().unwrap().unwrap();
    assert_eq!(pending.due_at, t0() + Duration::minutes(10), "default interval: 10 minutes");
    assert!(!pending.due, "not due right after logging");
    clock.advance(Duration::minutes(10));
    assert!(store.rerate().unwrap().unwrap().due, "due once the interval has passed");
    store.dismiss_rerate(&saved.id).unwrap();
    assert_eq!(store.rerate().unwrap(), None, "\"not now\" means it won't ask again");

    let second = store.log_urge(urge(6)).unwrap();
    store
        .update_settings(SettingsUpdate { rerate_minutes: Some(30), ..Default::default() })
        .unwrap();
    assert_eq!(store.rerate().unwrap().unwrap().due_at, clock_now(&store) + Duration::minutes(30));
    clock.advance(Duration::minutes(31));
    store
        .set_outcome(OutcomeInput {
            intensity_after: Some(Intensity::try_from(2).unwrap()),
            ..outcome(&second.id)
        })
        .unwrap();
    assert_eq!(store.rerate().unwrap(), None, "answered: nothing more to ask");

    let third = store.log_urge(urge(4)).unwrap();
    clock.advance(Duration::hours(13));
    assert_eq!(store.rerate().unwrap(), None, "after 12 hours Now stops asking");
    assert!(store.urge(&third.id).unwrap().outcome.is_none(), "History can still take the outcome");
}

fn clock_now(store: &ebb_core::Store) -> chrono::DateTime<chrono::Utc> {
    // The newest craving was logged "now" on the test clock.
    store.urges_page(None, 1).unwrap().urges[0].created_at
}

#[test]
fn settings_refuse_out_of_range_values() {
    let (mut store, _) = store_at_t0();
    for bad in [0, 241] {
        let err = store.update_settings(SettingsUpdate {
            rerate_minutes: Some(bad),
            setup_done: Some(true),
            reminders: Some(true),
            ..Default::default()
        });
        assert!(message(err.unwrap_err()).contains(&format!("got {bad}")));
    }
    let settings = store.settings().unwrap();
    assert_eq!(
        (settings.rerate_minutes, settings.setup_done, settings.reminders),
        (10, false, false),
        "a refusal changes nothing; reminders stay off until the person turns them on"
    );
}
