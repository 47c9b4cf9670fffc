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
