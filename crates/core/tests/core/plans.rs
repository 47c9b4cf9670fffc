//! If-then plans: making, editing, ordering, pausing and deleting them; which plans match which
//! cravings; what was shown, acted on and followed; each plan's figures.

use chrono::{Duration, TimeZone, Utc};
use ebb_core::{
    ChipKind, Followed, Intensity, NewSupportPerson, NewUrge, OutcomeInput, Plan, PlanConditions,
    PlanEdit, PlanFollowedInput, PlanInput, PlanMove, PlanPause, PlanUseRequest, Store, TimeBand,
    UseAction, plan_matches,
};

use crate::support::store_at_t0;

const AFTER_WORK: &str = "builtin-trigger-after-work";
const PARTY: &str = "builtin-trigger-party";
const STRESSED: &str = "builtin-feeling-stressed";
const BORED: &str = "builtin-feeling-bored";
const HOME: &str = "builtin-place-home";

fn input(if_text: &str, then_text: &str, chips: &[&str]) -> PlanInput {
    PlanInput {
        if_text: if_text.into(),
        then_text: then_text.into(),
        technique_id: None,
        person_id: None,
        chip_ids: chips.iter().map(|c| (*c).to_owned()).collect(),
        time_band: None,
    }
}

fn edit_of(plan: &Plan) -> PlanEdit {
    PlanEdit {
        id: plan.id.clone(),
        if_text: plan.if_text.clone(),
        then_text: plan.then_text.clone(),
        technique_id: plan.technique_id.clone(),
        person_id: plan.person_id.clone(),
        chip_ids: plan.chip_ids.clone(),
        time_band: plan.time_band,
    }
}

fn conditions(chips: &[(&str, ChipKind)], band: Option<TimeBand>, paused: bool) -> PlanConditions {
    PlanConditions {
        chips: chips.iter().map(|(id, k)| ((*id).to_owned(), *k)).collect(),
        time_band: band,
        paused,
    }
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn matching_table() {
    use ChipKind::{Feeling, Place, Trigger};
    let after_work = conditions(&[(AFTER_WORK, Trigger)], None, false);
    let two_triggers = conditions(&[(AFTER_WORK, Trigger), (PARTY, Trigger)], None, false);
    let trigger_and_feeling =
        conditions(&[(AFTER_WORK, Trigger), (STRESSED, Feeling), (BORED, Feeling)], None, false);
    let night_home = conditions(&[(HOME, Place)], Some(TimeBand::Night), false);
    let evening_only = conditions(&[], Some(TimeBand::Evening), false);
    let paused = conditions(&[(AFTER_WORK, Trigger)], None, true);
    let nothing = conditions(&[], None, false);
    #[rustfmt::skip]
    let table: &[(&PlanConditions, &[&str], u32, bool, &str)] = &[
        (&after_work, &[AFTER_WORK], 18, true, "its one chip"),
        (&after_work, &[AFTER_WORK, STRESSED, HOME], 18, true, "extra chips don't matter"),
        (&after_work, &[PARTY], 18, false, "another trigger"),
        (&after_work, &[], 18, false, "no chips on the craving"),
        (&two_triggers, &[PARTY], 9, true, "any one of a kind's chips"),
        (&trigger_and_feeling, &[AFTER_WORK], 18, false, "a kind it names is missing"),
        (&trigger_and_feeling, &[AFTER_WORK, BORED], 18, true, "one of each kind it names"),
        (&trigger_and_feeling, &[STRESSED, BORED], 18, false, "feelings without the trigger"),
        (&night_home, &[HOME], 23, true, "night, before midnight"),
        (&night_home, &[HOME], 0, true, "night, after midnight"),
        (&night_home, &[HOME], 4, true, "night ends at 05:00"),
        (&night_home, &[HOME], 5, false, "05:00 is morning"),
        (&night_home, &[HOME], 21, false, "21:00 is evening"),
        (&night_home, &[], 23, false, "the time fits but the place doesn't"),
        (&evening_only, &[], 17, true, "a time alone is a condition"),
        (&evening_only, &[], 22, false, "22:00 is night"),
        (&paused, &[AFTER_WORK], 18, false, "paused plans never match"),
        (&nothing, &[AFTER_WORK], 18, false, "no conditions: never shown"),
    ];
    for (plan, chips, hour, expected, why) in table {
        assert_eq!(plan_matches(plan, &ids(chips), *hour), *expected, "{why}");
    }
}

#[test]
fn plans_are_made_edited_ordered_paused_and_deleted() {
    let (mut store, _) = store_at_t0();
    let sam = sam(&mut store);
    let mut first = input("  Friday drinks ", " alternate with water ", &[PARTY, PARTY, STRESSED]);
    first.technique_id = Some("breathing.box".into());
    first.time_band = Some(TimeBand::Evening);
    first.person_id = Some(sam.clone());
    let a = store.add_plan(first).unwrap();
    assert_eq!(
        (a.if_text.as_str(), a.then_text.as_str()),
        ("Friday drinks", "alternate with water")
    );
    assert_eq!(a.chip_ids, ids(&[PARTY, STRESSED]), "chips are kept once, in kind order");
    assert_eq!(a.technique_id.as_deref(), Some("breathing.box"));
    assert_eq!(a.person_id.as_deref(), Some(sam.as_str()));
    assert_eq!((a.position, a.paused, a.time_band), (0, false, Some(TimeBand::Evening)));
    assert_eq!(a.stats.shown, 0);

    let b = store.add_plan(input("home alone after 10", "call Sam", &[HOME])).unwrap();
    let c = store.add_plan(input("after work", "walk home the long way", &[AFTER_WORK])).unwrap();
    assert_eq!(b.position, 1);
    assert_eq!(c.position, 2);

    let mut edit = edit_of(&b);
    edit.then_text = "do box breathing".into();
    edit.time_band = Some(TimeBand::Night);
    edit.chip_ids = ids(&[HOME, BORED]);
    let b2 = store.update_plan(edit).unwrap();
    assert_eq!(b2.then_text, "do box breathing");
    assert_eq!(b2.chip_ids, ids(&[BORED, HOME]));
    assert_eq!(b2.position, 1, "an edit keeps the place");

    let order = store.move_plan(PlanMove { id: c.id.clone(), position: 0 }).unwrap();
    let order: Vec<&str> = order.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(order, [c.id.as_str(), a.id.as_str(), b.id.as_str()]);
    let order = store.move_plan(PlanMove { id: c.id.clone(), position: 99 }).unwrap();
    assert_eq!(order.last().unwrap().id, c.id, "clamped to the end");

    assert!(store.set_plan_paused(PlanPause { id: a.id.clone(), paused: true }).unwrap().paused);
    assert!(!store.set_plan_paused(PlanPause { id: a.id.clone(), paused: false }).unwrap().paused);

    store.delete_plan(&b.id).unwrap();
    assert_eq!(store.plans().unwrap().len(), 2);
    assert!(matches!(store.plan(&b.id), Err(ebb_core::Error::NotFound { .. })));
}

fn sam(store: &mut Store) -> String {
    store
        .add_support_person(NewSupportPerson {
            name: "Sam".into(),
            phone: "+44 7700 900123".into(),
            note: None,
        })
        .unwrap()
        .id
}

#[test]
fn a_plan_links_to_a_support_person_and_is_unlinked_when_they_are_deleted() {
    // "If I'm home alone after 10 pm, then I'll call Sam or do box breathing."
    let (mut store, _) = store_at_t0();
    let sam = sam(&mut store);
    let mut alone = input("home alone after 10 pm", "do box breathing", &[HOME]);
    alone.time_band = Some(TimeBand::Night);
    alone.technique_id = Some("breathing.box".into());
    alone.person_id = Some(sam.clone());
    let plan = store.add_plan(alone).unwrap();
    assert_eq!(plan.person_id.as_deref(), Some(sam.as_str()));

    // Unlinked by an edit, linked again.
    let mut edit = edit_of(&plan);
    edit.person_id = None;
    assert_eq!(store.update_plan(edit.clone()).unwrap().person_id, None);
    edit.person_id = Some(sam.clone());
    assert_eq!(store.update_plan(edit).unwrap().person_id.as_deref(), Some(sam.as_str()));

    // An unknown person is refused on edit too, and the link stays as it was.
    let before = snapshot(&store);
    let mut stranger = edit_of(&plan);
    stranger.person_id = Some("someone-else".into());
    assert_eq!(
        store.update_plan(stranger).unwrap_err().to_string(),
        "There is no support person \u{201c}someone-else\u{201d}; pick someone from your list."
    );
    assert_eq!(snapshot(&store), before, "nothing changed");

    // Deleting Sam keeps the plan, without the person; everything else stays.
    store.delete_support_person(&sam).unwrap();
    let after = store.plan(&plan.id).unwrap();
    assert_eq!(after.person_id, None, "the plan is unlinked");
    assert_eq!(
        (after.then_text.as_str(), after.technique_id.as_deref(), after.chip_ids.clone()),
        ("do box breathing", Some("breathing.box"), ids(&[HOME]))
    );
}

fn snapshot(store: &Store) -> Vec<Plan> {
    store.plans().unwrap()
}

#[test]
fn refusals_say_why_and_change_nothing() {
    let (mut store, _) = store_at_t0();
    let plan = store.add_plan(input("after work", "walk", &[AFTER_WORK])).unwrap();
    let before = snapshot(&store);

    let cases: Vec<(PlanInput, &str)> = vec![
        (
            input("  ", "walk", &[]),
            "The \u{201c}if\u{201d} part needs at least one letter or number.",
        ),
        (
            input("after work", "", &[]),
            "The \u{201c}then\u{201d} part needs at least one letter or number.",
        ),
        (
            input(&"x".repeat(61), "walk", &[]),
            "The \u{201c}if\u{201d} part can be up to 60 characters; this one has 61.",
        ),
        (
            input("a", "b", &["no-such-chip"]),
            "There is no chip \u{201c}no-such-chip\u{201d}; pick from your chips.",
        ),
        (
            PlanInput { technique_id: Some("breathing.nope".into()), ..input("a", "b", &[]) },
            "There is no technique called \u{201c}breathing.nope\u{201d}.",
        ),
        (
            PlanInput { person_id: Some("person-nobody".into()), ..input("a", "b", &[]) },
            "There is no support person \u{201c}person-nobody\u{201d}; pick someone from your list.",
        ),
    ];
    for (bad, message) in cases {
        assert_eq!(store.add_plan(bad.clone()).unwrap_err().to_string(), message);
        let edit = PlanEdit {
            id: plan.id.clone(),
            if_text: bad.if_text,
            then_text: bad.then_text,
            technique_id: bad.technique_id,
            person_id: bad.person_id,
            chip_ids: bad.chip_ids,
            time_band: bad.time_band,
        };
        assert_eq!(store.update_plan(edit).unwrap_err().to_string(), message);
        assert_eq!(snapshot(&store), before, "nothing changed after: {message}");
    }
    let too_many: Vec<String> = store.chips().unwrap().into_iter().map(|c| c.id).take(25).collect();
    let many = PlanInput { chip_ids: too_many, ..input("a", "b", &[]) };
    assert_eq!(
        store.add_plan(many).unwrap_err().to_string(),
        "A plan can be tied to up to 24 chips; this one has 25."
    );
    let gone = "That plan isn't here any more (it may have been deleted).";
    assert_eq!(store.delete_plan("nope").unwrap_err().to_string(), gone);
    assert_eq!(
        store.move_plan(PlanMove { id: "nope".into(), position: 0 }).unwrap_err().to_string(),
        gone
    );
    assert_eq!(
        store
            .set_plan_paused(PlanPause { id: "nope".into(), paused: true })
            .unwrap_err()
            .to_string(),
        gone
    );
    assert_eq!(
        store
            .update_plan(PlanEdit { id: "nope".into(), ..edit_of(&plan) })
            .unwrap_err()
            .to_string(),
        gone
    );
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(5).unwrap())).unwrap();
    let pair = PlanUseRequest { plan_id: plan.id.clone(), urge_id: urge.id.clone() };
    assert_eq!(
        store
            .set_plan_followed(PlanFollowedInput {
                plan_id: plan.id.clone(),
                urge_id: urge.id.clone(),
                followed: Some(Followed::Yes)
            })
            .unwrap_err()
            .to_string(),
        "That plan wasn't shown for this craving, so there is nothing to answer about it."
    );
    assert_eq!(
        store
            .record_plan_shown(PlanUseRequest { urge_id: "nope".into(), ..pair.clone() })
            .unwrap_err()
            .to_string(),
        "That craving isn't here any more (it may have been deleted)."
    );
    assert_eq!(
        store
            .record_plan_acted(PlanUseRequest { plan_id: "nope".into(), ..pair })
            .unwrap_err()
            .to_string(),
        gone
    );
    assert_eq!(snapshot(&store), before, "nothing changed");
    assert!(store.plan_uses_for_urge(&urge.id).unwrap().is_empty());
}

#[test]
fn matching_plans_follow_the_cravings_chips_local_time_and_the_persons_order() {
    // store_at_t0: 20:40 UTC in UTC+1, so 21:40 local: evening.
    let (mut store, _) = store_at_t0();
    let walk = store.add_plan(input("after work", "walk", &[AFTER_WORK])).unwrap();
    let mut night = input("home at night", "call Sam", &[HOME]);
    night.time_band = Some(TimeBand::Night);
    let night = store.add_plan(night).unwrap();
    let mut evening = input("evenings", "make tea", &[]);
    evening.time_band = Some(TimeBand::Evening);
    let evening = store.add_plan(evening).unwrap();
    let stressed = store
        .add_plan(input("after work and stressed", "box breathing", &[AFTER_WORK, STRESSED]))
        .unwrap();
    let _no_conditions = store.add_plan(input("whenever", "breathe", &[])).unwrap();

    let urge = store.log_urge(NewUrge::now(Intensity::try_from(7).unwrap())).unwrap();
    let names = |store: &Store| -> Vec<String> {
        store.matching_plans(&urge.id).unwrap().into_iter().map(|p| p.id).collect()
    };
    assert_eq!(names(&store), [evening.id.as_str()], "no chips yet: only the evening plan");
    store.set_urge_chip(&urge.id, AFTER_WORK, true).unwrap();
    store.set_urge_chip(&urge.id, HOME, true).unwrap();
    assert_eq!(names(&store), [walk.id.clone(), evening.id.clone()], "night plan waits for 22:00");
    store.set_urge_chip(&urge.id, STRESSED, true).unwrap();
    assert_eq!(names(&store), [walk.id.clone(), evening.id.clone(), stressed.id.clone()]);
    store.move_plan(PlanMove { id: stressed.id.clone(), position: 0 }).unwrap();
    assert_eq!(names(&store)[0], stressed.id, "the person's order");
    store.set_plan_paused(PlanPause { id: stressed.id.clone(), paused: true }).unwrap();
    assert_eq!(names(&store), [walk.id.clone(), evening.id.clone()], "paused: not shown");

    // Home at 23:30 local the night before (22:30 UTC): night, not evening.
    let late = store
        .log_urge(NewUrge {
            occurred_at: Some(Utc.with_ymd_and_hms(2026, 11, 25, 22, 30, 0).unwrap()),
            ..NewUrge::now(Intensity::try_from(6).unwrap())
        })
        .unwrap();
    store.set_urge_chip(&late.id, HOME, true).unwrap();
    let late_ids: Vec<String> =
        store.matching_plans(&late.id).unwrap().into_iter().map(|p| p.id).collect();
    assert_eq!(late_ids, [night.id.as_str()], "a band across midnight, in local time");
}

#[test]
fn shown_acted_and_followed_make_each_plans_figures() {
    let (mut store, clock) = store_at_t0();
    let plan = store.add_plan(input("after work", "walk", &[AFTER_WORK])).unwrap();
    let mut went = Vec::new();
    for (before, after, action, followed, acted) in [
        (8, Some(3), UseAction::DidntUse, Some(Followed::Yes), true),
        (6, Some(5), UseAction::UsedLess, Some(Followed::Partly), true),
        (7, None, UseAction::UsedMore, Some(Followed::No), false),
        (5, Some(5), UseAction::UsedAsPlanned, None, false),
    ] {
        clock.advance(Duration::minutes(30));
        let urge = store.log_urge(NewUrge::now(Intensity::try_from(before).unwrap())).unwrap();
        let pair = PlanUseRequest { plan_id: plan.id.clone(), urge_id: urge.id.clone() };
        let shown = store.record_plan_shown(pair.clone()).unwrap();
        assert!(!shown.acted);
        assert_eq!(store.record_plan_shown(pair.clone()).unwrap().shown_at, shown.shown_at, "once");
        if acted {
            assert!(store.record_plan_acted(pair.clone()).unwrap().acted);
        }
        store
            .set_outcome(OutcomeInput {
                urge_id: urge.id.clone(),
                intensity_after: after.map(|a| Intensity::try_from(a).unwrap()),
                action: Some(action),
                amount: None,
                note: None,
            })
            .unwrap();
        if followed.is_some() {
            let answer = store
                .set_plan_followed(PlanFollowedInput {
                    plan_id: plan.id.clone(),
                    urge_id: urge.id.clone(),
                    followed,
                })
                .unwrap();
            assert_eq!(answer.followed, followed);
        }
        went.push(urge.id);
    }
    let stats = store.plan(&plan.id).unwrap().stats;
    assert_eq!(
        (
            stats.shown,
            stats.acted,
            stats.followed,
            stats.answered,
            stats.with_outcome,
            stats.went_well
        ),
        (4, 2, 2, 3, 4, 2)
    );
    // Drops: 8→3 = 5, 6→5 = 1, 5→5 = 0: mean 2.
    assert_eq!(stats.mean_drop, Some(2.0));
    let uses = store.plan_uses_for_urge(&went[0]).unwrap();
    assert_eq!(uses.len(), 1);
    assert_eq!(
        (uses[0].if_text.as_str(), uses[0].acted, uses[0].followed),
        ("after work", true, Some(Followed::Yes))
    );

    // Acting without a showing first counts as shown too; clearing an answer works.
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(4).unwrap())).unwrap();
    let pair = PlanUseRequest { plan_id: plan.id.clone(), urge_id: urge.id.clone() };
    assert!(store.record_plan_acted(pair).unwrap().acted);
    let cleared = store
        .set_plan_followed(PlanFollowedInput {
            plan_id: plan.id.clone(),
            urge_id: urge.id.clone(),
            followed: None,
        })
        .unwrap();
    assert_eq!(cleared.followed, None);
    assert_eq!(store.plan(&plan.id).unwrap().stats.shown, 5);

    // Deleting a craving takes its uses with it; deleting the plan takes them all.
    store.delete_urge(&urge.id).unwrap();
    assert_eq!(store.plan(&plan.id).unwrap().stats.shown, 4);
    store.delete_plan(&plan.id).unwrap();
    assert!(store.plan_uses_for_urge(&went[0]).unwrap().is_empty());
    let left: i64 =
        store.connection().query_row("SELECT count(*) FROM plan_uses", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 0, "deleted for real");
}

#[test]
fn a_custom_pattern_can_be_a_plans_technique() {
    let (mut store, _) = store_at_t0();
    let pattern = store
        .create_pattern(ebb_core::PatternInput {
            name: "my calm".into(),
            inhale: 4.0,
            hold_in: 0.0,
            exhale: 6.0,
            hold_out: 0.0,
        })
        .unwrap();
    let plan = store
        .add_plan(PlanInput { technique_id: Some(pattern.id.clone()), ..input("a", "b", &[HOME]) })
        .unwrap();
    assert_eq!(plan.technique_id, Some(pattern.id));
}
