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
