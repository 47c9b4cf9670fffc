//! Insights on a small, hand-made history whose numbers can be checked by eye.

use chrono::Duration;
use ebb_core::{
    Goal, InsightsRange, InsightsRequest, Intensity, NewSession, NewThing, NewUrge, OutcomeInput,
    SessionEnd, UseAction,
};

use crate::support::{store_at_t0, t0};

#[test]
fn insights_count_weeks_hours_chips_outcomes_and_never_reset_counters() {
    let (mut store, clock) = store_at_t0();
    let wine = store
        .add_thing(NewThing {
            name: "wine".into(),
            goal: Goal::CutDown { planned_amount: 2.0, unit: "glasses".into() },
        })
        .unwrap();
    // t0 is Thursday 26 Nov 2026 20:40 UTC = 21:40 local (UTC+1).
    let mut log = |days_ago: i64, intensity: i64, action: Option<(UseAction, Option<f64>)>| {
        let at = t0() - Duration::days(days_ago);
        let urge = store
            .log_urge(NewUrge {
                occurred_at: Some(at),
                tracked_id: Some(wine.id.clone()),
                ..NewUrge::now(Intensity::try_from(intensity).unwrap())
            })
            .unwrap();
        if let Some((action, amount)) = action {
            store
                .set_outcome(OutcomeInput {
                    urge_id: urge.id.clone(),
                    intensity_after: None,
                    action: Some(action),
                    amount,
                    note: None,
                })
                .unwrap();
        }
        urge.id
    };
    let a = log(0, 8, Some((UseAction::UsedLess, Some(1.0))));
    log(0, 4, Some((UseAction::DidntUse, None)));
    log(1, 6, Some((UseAction::UsedMore, Some(5.0))));
    log(10, 9, None);
    log(40, 3, Some((UseAction::DidntUse, None)));
    store.set_urge_chip(&a, "builtin-trigger-after-work", true).unwrap();
    store.set_urge_chip(&a, "builtin-feeling-stressed", true).unwrap();
    let session = store
        .start_session(NewSession {
            technique_id: "breathing.box".into(),
            urge_id: Some(a),
            planned_seconds: 300,
        })
        .unwrap();
    clock.advance(Duration::minutes(5));
    store
        .finish_session(SessionEnd {
            id: session.id,
            completed: true,
            actual_seconds: Some(300),
            ..Default::default()
        })
        .unwrap();

    let four = store.insights(&InsightsRequest { range: InsightsRange::FourWeeks }).unwrap();
    assert_eq!(four.weeks.len(), 4, "every week of the range, empty ones too");
    assert_eq!(four.weeks[0].week_start.to_string(), "2026-11-02", "weeks start on Monday");
    let counts: Vec<u32> = four.weeks.iter().map(|w| w.cravings).collect();
    assert_eq!(
        counts,
        [0, 0, 1, 3],
        "10 days ago is Monday 16 Nov; 40 days ago is outside 4 weeks"
    );
    assert_eq!(four.weeks[3].median_intensity, Some(6.0), "median of 8, 4, 6");
    let thursday_21 = four.hours.iter().find(|c| c.weekday == 3 && c.hour == 21).unwrap();
    assert_eq!(thursday_21.cravings, 2, "two cravings on Thursday at 21:xx local");
    assert_eq!(four.hours.len(), 7 * 24);
    assert_eq!(four.triggers[0].label, "After work");
    assert_eq!((four.triggers[0].cravings, four.triggers[0].mean_intensity), (1, 8.0));
    let outcomes = &four.outcomes[0];
    assert_eq!(outcomes.name, "wine");
    let last = outcomes.weeks.last().unwrap();
    assert_eq!((last.recorded, last.ridden_out, last.used_less), (3, 1, 1));
    let plan = outcomes.plan.as_ref().expect("a cut-down goal has a plan view");
    assert_eq!(
        (plan.within, plan.recorded, plan.of),
        (1, 2, 14),
        "today within 2 glasses; yesterday over"
    );
    assert_eq!(plan.actual_mean, Some(3.0), "1 glass today, 5 yesterday");

    let all = store.insights(&InsightsRequest { range: InsightsRange::All }).unwrap();
    assert_eq!(all.weeks.iter().map(|w| w.cravings).sum::<u32>(), 5, "all of it");
    let c = &all.counters;
    assert_eq!((c.cravings, c.ridden_out, c.used_less, c.practice_minutes), (5, 2, 1, 5));
}

/// Every craving, newest first (through History's pages).
fn every_urge(store: &ebb_core::Store) -> Vec<ebb_core::Urge> {
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let page = store.urges_page(after.as_ref(), 200).unwrap();
        out.extend(page.urges);
        match page.next {
            Some(next) => after = Some(next),
            None => return out,
        }
    }
}

#[test]
fn all_time_totals_kept_by_triggers_match_counting_every_craving() {
    let (mut store, _) = store_at_t0();
    let mut options = ebb_core::GenerateOptions::new(1_500, 21, t0());
    options.days = 200;
    store.generate(&options).unwrap();
    // Edits, deletes, changed outcomes and chips: every trigger path (0006_speed.sql).
    let things: Vec<String> = store.things().unwrap().into_iter().map(|t| t.id).collect();
    let urges = every_urge(&store);
    for (i, u) in urges.iter().enumerate().step_by(23) {
        let moved = if i % 2 == 0 { Duration::days(-9) } else { Duration::hours(-5) };
        let thing =
            if i % 3 == 0 { Some(things[i % things.len()].clone()) } else { u.tracked_id.clone() };
        store
            .edit_urge(ebb_core::UrgeEdit {
                id: u.id.clone(),
                intensity: Intensity::try_from(i64::from((u.intensity + 4) % 11)).unwrap(),
                occurred_at: u.occurred_at + moved,
                note: u.note.clone(),
                tracked_id: thing,
            })
            .unwrap();
    }
    for u in urges.iter().skip(5).step_by(31) {
        store.delete_urge(&u.id).unwrap();
    }
    for u in urges.iter().skip(7).step_by(29) {
        let _ = store.set_outcome(OutcomeInput {
            urge_id: u.id.clone(),
            intensity_after: Some(Intensity::try_from(2).unwrap()),
            action: Some(UseAction::DidntUse),
            amount: None,
            note: None,
        });
    }
    for u in urges.iter().skip(11).step_by(37) {
        let on = !u.chip_ids.iter().any(|c| c == "builtin-trigger-after-work");
        let _ = store.set_urge_chip(&u.id, "builtin-trigger-after-work", on);
    }

    let all = store.insights(&InsightsRequest { range: InsightsRange::All }).unwrap();
    let year = store.insights(&InsightsRequest { range: InsightsRange::Year }).unwrap();
    let first = all.weeks[0].week_start;
    assert!(
        year.weeks.iter().filter(|w| w.week_start < first).all(|w| w.cravings == 0),
        "nothing before the first week of All"
    );
    let tail = |weeks: &[ebb_core::WeekPoint]| {
        weeks
            .iter()
            .filter(|w| w.week_start >= first)
            .map(|w| (w.week_start, w.cravings, w.median_intensity))
            .collect::<Vec<_>>()
    };
    assert_eq!(tail(&all.weeks), tail(&year.weeks), "weeks from the totals = weeks counted");
    assert_eq!(all.hours, year.hours, "hour × weekday from the totals = counted");
    for (a, b) in [(&all.triggers, &year.triggers), (&all.feelings, &year.feelings)] {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert_eq!((&x.chip_id, x.cravings), (&y.chip_id, y.cravings), "chip counts");
            assert!(
                (x.mean_intensity - y.mean_intensity).abs() < 1e-9,
                "chip strength: {x:?} {y:?}"
            );
        }
    }
    for (a, b) in all.outcomes.iter().zip(&year.outcomes) {
        let tail = |weeks: &[ebb_core::OutcomeWeek]| {
            weeks
                .iter()
                .filter(|w| w.week_start >= first)
                .map(|w| (w.week_start, w.recorded, w.ridden_out, w.used_less))
                .collect::<Vec<_>>()
        };
        assert_eq!(tail(&a.weeks), tail(&b.weeks), "outcomes per week of {}", a.name);
        assert_eq!(a.plan, b.plan, "days within plan of {}", a.name);
    }
    assert!(all.weeks.iter().map(|w| w.cravings).sum::<u32>() > 1_400, "the data is all there");
}
