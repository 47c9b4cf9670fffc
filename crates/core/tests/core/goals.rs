//! The goals review: the last 14 local days of a tracked thing, on an injected clock, including
//! across a daylight-saving change.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use ebb_core::{
    Clock, Goal, Intensity, NewThing, NewUrge, OutcomeInput, SeededIds, Store, ThingUpdate,
    UseAction,
};

use crate::support::store_at_t0;

/// Europe/London in 2026: GMT (UTC+0) until 01:00 UTC on Sunday 29 March, then BST (UTC+1).
struct LondonClock {
    now: Mutex<DateTime<Utc>>,
}

impl LondonClock {
    fn change() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap()
    }
}

impl Clock for LondonClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap()
    }

    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        let hours = if at >= Self::change() { 1 } else { 0 };
        FixedOffset::east_opt(hours * 3600).unwrap()
    }
}

fn intensity(n: i64) -> Intensity {
    Intensity::try_from(n).unwrap()
}

fn log_with(
    store: &mut Store,
    thing: &str,
    at: DateTime<Utc>,
    action: UseAction,
    amount: Option<f64>,
) {
    let urge = store
        .log_urge(NewUrge {
            occurred_at: Some(at),
            tracked_id: Some(thing.to_owned()),
            ..NewUrge::now(intensity(6))
        })
        .unwrap();
    store
        .set_outcome(OutcomeInput {
            urge_id: urge.id,
            intensity_after: None,
            action: Some(action),
            amount,
            note: None,
        })
        .unwrap();
}

#[test]
fn fourteen_local_days_across_the_spring_change_each_count_once() {
    // "Now" is Friday 3 April 2026, 23:45 BST: the window is 21 March – 3 April, across the
    // change on 29 March (a 23-hour day).
    let now = Utc.with_ymd_and_hms(2026, 4, 3, 22, 45, 0).unwrap();
    let clock = Arc::new(LondonClock { now: Mutex::new(now) });
    let mut store = Store::open_in_memory_with(clock, Box::new(SeededIds::new(3))).unwrap();
    let wine = store
        .add_thing(NewThing {
            name: "wine".into(),
            goal: Goal::CutDown { planned_amount: 2.0, unit: "glasses".into() },
        })
        .unwrap();
    let first = NaiveDate::from_ymd_opt(2026, 3, 21).unwrap();
    // Every local day: one craving at 00:30 local and one at 23:30 local, the amounts adding to
    // 1 glass (within plan) on even days and 3 (over) on odd ones.
    for i in -1..14 {
        let date = first + Duration::days(i);
        for (hour, minute, amount) in [(0, 30, 0.5), (23, 30, if i % 2 == 0 { 0.5 } else { 2.5 })] {
            let naive = date.and_hms_opt(hour, minute, 0).unwrap();
            let guess = naive.and_utc();
            let offset = if guess - Duration::hours(1) >= LondonClock::change() { 1 } else { 0 };
            let at = guess - Duration::hours(offset);
            let action = if amount > 1.0 { UseAction::UsedMore } else { UseAction::UsedLess };
            log_with(&mut store, &wine.id, at, action, Some(amount));
        }
    }
    let review = store.goal_review(&wine.id).unwrap();
    let dates: Vec<NaiveDate> = review.days.iter().map(|d| d.date).collect();
    let expected: Vec<NaiveDate> = (0..14).map(|i| first + Duration::days(i)).collect();
    assert_eq!(dates, expected, "14 consecutive local days ending today");
    for day in &review.days {
        assert_eq!(
            (day.cravings, day.recorded),
            (2, 2),
            "{}: both of its cravings, and none of a neighbour's",
            day.date
        );
    }
    let within: Vec<Option<bool>> = review.days.iter().map(|d| d.within).collect();
    let expected_within: Vec<Option<bool>> = (0..14).map(|i| Some(i % 2 == 0)).collect();
    assert_eq!(within, expected_within);
    let plan = review.plan.unwrap();
    assert_eq!((plan.within, plan.recorded, plan.of), (7, 14, 14));
    assert_eq!(plan.actual_mean, Some(2.0), "(1 + 3) / 2 a day");
    assert_eq!(review.days[8].date, NaiveDate::from_ymd_opt(2026, 3, 29).unwrap());
    assert_eq!(review.days[8].amount, Some(1.0), "the short day is one day");
    assert_eq!((review.cravings, review.used_less), (28, 21));
    // The same figure as Insights.
    let insights = store
        .insights(&ebb_core::InsightsRequest { range: ebb_core::InsightsRange::FourWeeks })
        .unwrap();
    assert_eq!(insights.outcomes[0].plan.as_ref().unwrap().within, 7);
}

#[test]
fn a_review_counts_what_happened_and_follows_an_adjusted_goal() {
    let (mut store, clock) = store_at_t0();
    let vape = store.add_thing(NewThing { name: "vaping".into(), goal: Goal::Stop }).unwrap();
    let now = clock.now();
    log_with(&mut store, &vape.id, now - Duration::days(1), UseAction::DidntUse, None);
    log_with(&mut store, &vape.id, now - Duration::days(2), UseAction::DidntUse, None);
    log_with(
        &mut store,
        &vape.id,
        now - Duration::days(2) - Duration::hours(2),
        UseAction::Used,
        None,
    );
    log_with(&mut store, &vape.id, now - Duration::days(20), UseAction::DidntUse, None);
    store
        .log_urge(NewUrge { tracked_id: Some(vape.id.clone()), ..NewUrge::now(intensity(4)) })
        .unwrap();
    let review = store.goal_review(&vape.id).unwrap();
    assert_eq!(review.goal, Goal::Stop);
    assert_eq!(review.days.len(), 14);
    assert_eq!(
        (review.cravings, review.ridden_out, review.used_less),
        (4, 2, 0),
        "20 days ago is outside"
    );
    assert!(review.plan.is_none(), "days within plan are for a planned amount");
    assert_eq!(review.days[13].cravings, 1, "today's craving, nothing recorded yet");
    assert_eq!(review.days[13].recorded, 0);

    store
        .update_thing(ThingUpdate {
            id: vape.id.clone(),
            name: None,
            goal: Some(Goal::Safer),
            archived: None,
        })
        .unwrap();
    assert_eq!(store.goal_review(&vape.id).unwrap().goal, Goal::Safer);
    assert_eq!(
        store.goal_review("nope").unwrap_err().to_string(),
        "That tracked thing isn't here any more (it may have been deleted)."
    );
}
