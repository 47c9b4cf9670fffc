//! Bad input refused in plain words, changing nothing: texts that show nothing, fields a goal
//! doesn't have, dates with short years, another region's numbers, and messages that never
//! repeat megabytes back.

use ebb_core::{
    CrisisNumberVisibility, Goal, Intensity, NewThing, NewUrge, PlanInput, SettingsUpdate,
    UrgeFilter,
};

use crate::support::store_at_t0;

const INVISIBLE: [&str; 7] = [
    "\0\0\0",
    "\u{200B}\u{200B}",
    "\u{200F}",
    "\u{FEFF}",
    "\u{0301}",
    "\u{202E}\u{202C}",
    " \u{3164}\t",
];

#[test]
fn texts_that_show_nothing_are_refused_by_the_rule_not_by_sqlite() {
    let (mut store, _) = store_at_t0();
    for text in INVISIBLE {
        let plan = store.add_plan(PlanInput {
            if_text: text.into(),
            then_text: "call Sam".into(),
            technique_id: None,
            person_id: None,
            chip_ids: vec![],
            time_band: None,
        });
        let error = plan.expect_err("an invisible 'if' part is not a plan");
        assert_eq!(error.code(), "invalid_input", "{text:?}: a refusal, not a storage error");
        assert_eq!(
            error.to_string(),
            "The \u{201c}if\u{201d} part needs at least one letter or number."
        );
        let thing = store.add_thing(NewThing { name: text.into(), goal: Goal::Stop });
        assert_eq!(thing.unwrap_err().code(), "invalid_input", "{text:?} is not a name");
        let urge = store
            .log_urge(NewUrge {
                note: Some(text.into()),
                ..NewUrge::now(Intensity::try_from(4).unwrap())
            })
            .expect("an invisible note is no note: the craving is still logged");
        assert_eq!(urge.note, None, "{text:?}: nothing that shows is kept as a note");
    }
    assert!(store.plans().unwrap().is_empty(), "no refused plan was stored");
    let urge = store
        .log_urge(NewUrge {
            note: Some("\u{200B} rough\0 day \u{FEFF}".into()),
            ..NewUrge::now(Intensity::try_from(4).unwrap())
        })
        .unwrap();
    assert_eq!(urge.note.as_deref(), Some("rough day"), "controls and invisible ends are dropped");
}

#[test]
fn a_goal_refuses_fields_its_kind_does_not_have() {
    let stop: Result<Goal, _> = serde_json::from_str(r#"{"kind":"stop","plannedAmount":2}"#);
    let message = stop.expect_err("a stop goal has no planned amount").to_string();
    assert!(message.contains("Only a cut-down goal"), "said plainly: {message}");
    let cut: Result<Goal, _> = serde_json::from_str(r#"{"kind":"cutDown","unit":"drinks"}"#);
    assert!(cut.is_err(), "a cut-down goal needs its amount");
    let cut: Goal =
        serde_json::from_str(r#"{"kind":"cutDown","plannedAmount":2,"unit":"drinks"}"#).unwrap();
    assert_eq!(cut, Goal::CutDown { planned_amount: 2.0, unit: "drinks".into() });
    let json = serde_json::to_string(&cut).unwrap();
    assert_eq!(
        json, r#"{"kind":"cutDown","plannedAmount":2.0,"unit":"drinks"}"#,
        "sent back unchanged"
    );
}

#[test]
fn filter_dates_need_four_digit_years() {
    let short: Result<UrgeFilter, _> = serde_json::from_str(r#"{"from":"24-01-01"}"#);
    let message = short.expect_err("the year 24 is a typo, not a date").to_string();
    assert!(message.contains("year-month-day"), "{message}");
    let ok: UrgeFilter = serde_json::from_str(r#"{"from":"2024-01-01"}"#).unwrap();
    assert_eq!(ok.from.map(|d| d.to_string()).as_deref(), Some("2024-01-01"));
}

#[test]
fn another_regions_numbers_cannot_be_changed_from_here() {
    let (mut store, _) = store_at_t0();
    store
        .update_settings(SettingsUpdate { region: Some("UK".into()), ..Default::default() })
        .unwrap();
    let before = store.crisis_numbers().unwrap();
    let error = store
        .set_crisis_number_hidden(CrisisNumberVisibility { id: "us.988".into(), hidden: true })
        .expect_err("a US number is not on a UK Help now");
    assert_eq!(error.code(), "invalid_input");
    assert!(error.to_string().contains("United States"), "names where it belongs: {error}");
    let error = store.reset_crisis_number("us.988").expect_err("nor can it be reset");
    assert_eq!(error.code(), "invalid_input");
    assert_eq!(store.crisis_numbers().unwrap(), before, "nothing changed");
    let uk = before.numbers[0].id.clone();
    store
        .set_crisis_number_hidden(CrisisNumberVisibility { id: uk.clone(), hidden: true })
        .expect("the region's own numbers can still be hidden");
}

#[test]
fn refusals_quote_at_most_a_short_prefix() {
    let (mut store, _) = store_at_t0();
    let huge = "z".repeat(1_000_000);
    let errors = [
        store.reset_crisis_number(&huge).unwrap_err().to_string(),
        store
            .count_matching(&UrgeFilter { technique_id: Some(huge.clone()), ..Default::default() })
            .unwrap_err()
            .to_string(),
        store
            .update_settings(SettingsUpdate { region: Some(huge.clone()), ..Default::default() })
            .unwrap_err()
            .to_string(),
    ];
    for message in errors {
        assert!(
            message.chars().count() < 240,
            "a refusal is a sentence, not the input: {} chars",
            message.len()
        );
    }
}
