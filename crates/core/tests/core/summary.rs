//! The summary and the coping card (#12), read back from the PDFs they make: each ticked
//! section with its figures, nothing that wasn't ticked, local-day boundaries across a clock
//! change, friendly empty periods, and clear refusals of bad requests.

use std::sync::Arc;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use ebb_core::card::{CARD_MIN_USES, card_pdf, card_png, check_card};
use ebb_core::summary::save_open_file;
use ebb_core::{
    CardSection, CardTheme, Clock, CopingCard, Error, Goal, Intensity, NewJournalEntry, NewSession,
    NewSupportPerson, NewThing, NewUrge, OutcomeInput, Paper, PlanInput, PlanUseRequest, SeededIds,
    SessionEnd, SettingsUpdate, Store, SummaryPeriod, SummaryRequest, SummarySection, UseAction,
};

use crate::support::{store_at_t0, t0};

/// The PDF's text with every run of whitespace made one space (extraction breaks lines where
/// the layout does).
fn pdf_text(bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"%PDF-"), "a PDF starts with its header");
    let text = pdf_extract::extract_text_from_mem(bytes).expect("the PDF reads back");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Without any whitespace: extraction may join a wrapped line to the next without a space.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn all_sections() -> Vec<SummarySection> {
    use SummarySection::*;
    vec![TalkAbout, Cravings, When, Triggers, Helps, Goals, Plans, Practice, Journal]
}

fn request(from: NaiveDate, to: NaiveDate, sections: Vec<SummarySection>) -> SummaryRequest {
    SummaryRequest {
        from,
        to,
        sections,
        journal_ids: Vec::new(),
        talk_about: None,
        name: None,
        paper: Paper::A4,
        locale: Some("en-GB".into()),
    }
}

struct Fixture {
    store: Store,
    ticked_entry: String,
    unticked_entry: String,
}

/// Two weeks ending at t0 (Thu 26 Nov 2026, UTC+1) with figures checkable by eye:
/// five cravings for "wine" (cut down to 2 glasses), chips, outcomes, a plan shown twice,
/// five minutes of box breathing and two journal entries; and one craving before the period.
fn fixture() -> Fixture {
    let (mut store, clock) = store_at_t0();
    let wine = store
        .add_thing(NewThing {
            name: "wine".into(),
            goal: Goal::CutDown { planned_amount: 2.0, unit: "glasses".into() },
        })
        .unwrap();
    let mut log = |days_ago: i64, intensity: i64, action: Option<(UseAction, Option<f64>)>| {
        let urge = store
            .log_urge(NewUrge {
                occurred_at: Some(t0() - Duration::days(days_ago)),
                tracked_id: Some(wine.id.clone()),
                ..NewUrge::now(Intensity::try_from(intensity).unwrap())
            })
            .unwrap();
        if let Some((action, amount)) = action {
            store
                .set_outcome(OutcomeInput {
                    urge_id: urge.id.clone(),
                    intensity_after: Some(Intensity::try_from(intensity - 3).unwrap()),
                    action: Some(action),
                    amount,
                    note: None,
                })
                .unwrap();
        }
        urge.id
    };
    let a = log(0, 8, Some((UseAction::UsedLess, Some(1.0))));
    let b = log(1, 6, Some((UseAction::UsedMore, Some(5.0))));
    log(2, 7, Some((UseAction::DidntUse, None)));
    log(5, 4, None);
    log(9, 5, None);
    log(30, 9, Some((UseAction::UsedMore, Some(9.0)))); // before the period
    for urge in [&a, &b] {
        store.set_urge_chip(urge, "builtin-trigger-after-work", true).unwrap();
    }
    store.set_urge_chip(&a, "builtin-feeling-stressed", true).unwrap();
    let plan = store
        .add_plan(PlanInput {
            if_text: "it's after work".into(),
            then_text: "walk the long way home".into(),
            technique_id: None,
            person_id: None,
            chip_ids: vec!["builtin-trigger-after-work".into()],
            time_band: None,
        })
        .unwrap();
    for urge in [&a, &b] {
        store
            .record_plan_shown(PlanUseRequest { plan_id: plan.id.clone(), urge_id: urge.clone() })
            .unwrap();
    }
    clock.set(t0() - Duration::days(3));
    let session = store
        .start_session(NewSession {
            technique_id: "breathing.box".into(),
            urge_id: None,
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
    let ticked = store
        .create_journal_entry(NewJournalEntry {
            body: "Talked to Sam about the evenings; it helped to say it out loud.".into(),
            ..Default::default()
        })
        .unwrap();
    clock.advance(Duration::days(1));
    let unticked = store
        .create_journal_entry(NewJournalEntry {
            body: "Private: the thing with my brother that I am not ready to share.".into(),
            ..Default::default()
        })
        .unwrap();
    clock.set(t0());
    Fixture { store, ticked_entry: ticked.id, unticked_entry: unticked.id }
}

#[test]
fn a_summary_holds_each_ticked_section_with_its_figures() {
    let f = fixture();
    let mut req = request(day(2026, 11, 13), day(2026, 11, 26), all_sections());
    req.journal_ids = vec![f.ticked_entry.clone()];
    req.talk_about = Some("Sleep, and what to do on Friday nights.".into());
    req.name = Some("  J.   D. ".into());
    let helps = f.store.what_helps().unwrap();
    let text = pdf_text(&f.store.summary_pdf(&req, &helps).unwrap());

    for (expected, why) in [
        ("Summary for J. D.", "the name on the cover, its spaces tidied"),
        ("13 Nov – 26 Nov 2026 (14 days)", "the period in the person's date order"),
        ("Made with Ebb on 26 Nov 2026", "when it was made"),
        ("Sleep, and what to do on Friday nights.", "their own lines for the session"),
        (
            "5 cravings logged, about 1.7 a week",
            "the period's 5 cravings over 3 weeks, not the older one",
        ),
        ("Median strength 6 of 10", "median of 4, 5, 6, 7, 8"),
        ("Most in the week of 23 Nov (3)", "the busiest week"),
        ("After work", "the trigger"),
        ("2 times · average strength 7", "after work came with the 8 and the 6"),
        ("Stressed", "the feeling"),
        ("What helps me", "the helps section"),
        ("wine: my goal is to cut down, to 2 glasses a day at most", "the goal, in plain words"),
        ("didn't use 1 · used less than planned 1 · used more than planned 1", "what they did"),
        ("Days within my plan: 2 of the 3 days with something recorded", "days within plan"),
        ("Used less than planned 1 time: that is progress.", "reduced use counts as a win"),
        ("If it's after work, then I will walk the long way home.", "the plan in their words"),
        ("Shown for 2 cravings; acted on 0.", "how often the plan came up"),
        ("Didn't use or used less: 1 of 2 with what I did recorded.", "how those cravings went"),
        ("Strength fell 3.0 points on average.", "8→5 and 6→3"),
        ("5 minutes of practice in 1 session.", "five minutes of box breathing"),
        ("Box breathing", "the technique practised"),
        ("Talked to Sam about the evenings", "the journal entry ticked"),
        ("Page 1 of", "page numbers"),
    ] {
        assert!(
            squeezed(&text).contains(&squeezed(expected)),
            "{why}: expected {expected:?} in:\n{text}"
        );
    }
    assert!(!text.contains("not ready to share"), "an entry not ticked is never in the summary");
    for word in ["relapse", "failure", "streak", "clean"] {
        assert!(!text.to_lowercase().contains(word), "care.md §2: no {word:?} in a summary");
    }
}

#[test]
fn sections_not_ticked_are_absent() {
    let f = fixture();
    let mut req = request(
        day(2026, 11, 13),
        day(2026, 11, 26),
        vec![SummarySection::Cravings, SummarySection::Practice],
    );
    // Given but not ticked: neither the entry nor the talk-about text may appear.
    req.journal_ids = vec![f.ticked_entry.clone(), f.unticked_entry.clone()];
    req.talk_about = Some("Something only for me".into());
    let helps = f.store.what_helps().unwrap();
    let text = pdf_text(&f.store.summary_pdf(&req, &helps).unwrap());
    assert!(text.contains("Cravings over time") && text.contains("Techniques and practice"));
    for absent in [
        "What I'd like to talk about",
        "Something only for me",
        "When cravings come",
        "Triggers and feelings",
        "After work",
        "What helps me",
        "My goals",
        "wine",
        "If-then",
        "walk the long way",
        "From my journal",
        "Talked to Sam",
        "not ready to share",
        "Summary for",
    ] {
        assert!(!text.contains(absent), "{absent:?} was not ticked, so it is not in:\n{text}");
    }
    assert!(text.contains("My summary"), "no name given: a neutral title");
}

/// Europe/London: BST (+1) until 01:00 UTC on Sunday 25 Oct 2026, GMT after.
struct London(std::sync::Mutex<DateTime<Utc>>);

impl Clock for London {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        let change = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        FixedOffset::east_opt(if at < change { 3600 } else { 0 }).unwrap()
    }
}

#[test]
fn the_period_is_the_persons_local_days_across_a_clock_change() {
    let clock = Arc::new(London(std::sync::Mutex::new(
        Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).unwrap(),
    )));
    let mut store = Store::open_in_memory_with(clock, Box::new(SeededIds::new(3))).unwrap();
    for (at, why) in [
        (Utc.with_ymd_and_hms(2026, 10, 24, 22, 30, 0).unwrap(), "23:30 BST on the 24th: before"),
        (Utc.with_ymd_and_hms(2026, 10, 24, 23, 30, 0).unwrap(), "00:30 BST on the 25th: in"),
        (Utc.with_ymd_and_hms(2026, 10, 31, 23, 30, 0).unwrap(), "23:30 GMT on the 31st: in"),
        (Utc.with_ymd_and_hms(2026, 11, 1, 0, 10, 0).unwrap(), "00:10 GMT on 1 Nov: after"),
    ] {
        let _ = why;
        store
            .log_urge(NewUrge {
                occurred_at: Some(at),
                ..NewUrge::now(Intensity::try_from(5).unwrap())
            })
            .unwrap();
    }
    let req = request(
        day(2026, 10, 25),
        day(2026, 10, 31),
        vec![SummarySection::Cravings, SummarySection::When],
    );
    let checked = store.check_summary(&req).unwrap();
    let figures = store.summary_figures(&checked).unwrap();
    assert_eq!(
        figures.cravings(),
        2,
        "00:30 BST on the 25th (still the 24th in UTC) is in, 23:30 BST on the 24th is out, \
         and the last local day ends at its own midnight"
    );
    assert_eq!(figures.hours[6][0], 1, "the Sunday 00:30 craving sits at 00:00 local");
    assert_eq!(figures.hours[5][23], 1, "the Saturday 23:30 GMT craving sits at 23:00 local");
    let text = pdf_text(&store.summary_pdf(&req, &store.what_helps().unwrap()).unwrap());
    assert!(text.contains("2 cravings logged"), "the PDF says the same: {text}");
}

#[test]
fn an_empty_period_gives_a_friendly_page_not_an_error() {
    let (store, _) = store_at_t0();
    let req = request(day(2026, 11, 1), day(2026, 11, 26), all_sections());
    let text = pdf_text(&store.summary_pdf(&req, &store.what_helps().unwrap()).unwrap());
    assert!(
        text.contains("No cravings were logged in this period"),
        "an empty period is said kindly: {text}"
    );
    assert!(text.contains("Nothing has been re-rated yet"), "no figures invented: {text}");
    assert!(text.contains("Page 1 of 1"), "one page is enough: {text}");
}

fn refusal(store: &Store, req: &SummaryRequest) -> (String, String) {
    match store.summary_pdf(req, &store.what_helps().unwrap()) {
        Err(Error::Invalid(invalid)) => (invalid.field.to_owned(), invalid.message),
        other => panic!("expected a refusal, got {:?}", other.map(|b| b.len())),
    }
}

#[test]
fn bad_requests_get_a_clear_message() {
    let f = fixture();
    let (field, message) =
        refusal(&f.store, &request(day(2026, 11, 20), day(2026, 11, 10), all_sections()));
    assert_eq!(field, "to");
    assert!(message.contains("before the start"), "{message}");

    let (field, message) =
        refusal(&f.store, &request(day(1926, 11, 26), day(2026, 11, 26), all_sections()));
    assert_eq!(field, "from");
    assert!(message.contains("up to three years") && message.contains("36,526 days"), "{message}");

    let (field, message) =
        refusal(&f.store, &request(day(2026, 11, 20), day(2026, 11, 27), all_sections()));
    assert_eq!(field, "to", "t0 is the 26th: the 27th is tomorrow");
    assert!(message.contains("after today"), "{message}");

    let (field, message) =
        refusal(&f.store, &request(day(2026, 11, 20), day(2026, 11, 26), vec![]));
    assert_eq!(
        (field.as_str(), message.as_str()),
        ("sections", "Tick at least one thing to include.")
    );

    let mut f = f;
    let mut req = request(day(2026, 11, 13), day(2026, 11, 26), all_sections());
    req.journal_ids = vec![f.ticked_entry.clone()];
    f.store.delete_journal_entry(&f.ticked_entry).unwrap();
    let (field, message) = refusal(&f.store, &req);
    assert_eq!(field, "journalIds");
    assert!(message.contains("isn't here any more"), "{message}");

    let mut req = request(day(2026, 11, 13), day(2026, 11, 26), all_sections());
    req.talk_about = Some("x".repeat(2001));
    let (field, message) = refusal(&f.store, &req);
    assert_eq!(field, "talkAbout");
    assert!(message.contains("2,000") && message.contains("2,001"), "{message}");

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere").join("summary.pdf");
    let Err(Error::Invalid(invalid)) = save_open_file(&missing, b"%PDF-") else {
        panic!("a folder that doesn't exist is refused");
    };
    assert_eq!(invalid.message, "That folder doesn't exist.");
    assert!(!missing.exists());
    let Err(Error::Invalid(_)) = save_open_file(std::path::Path::new("summary.pdf"), b"%PDF-")
    else {
        panic!("a relative path is refused");
    };
}

#[test]
fn a_saved_summary_is_the_pdf_and_nothing_else_is_left_beside_it() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("summary-2026-11.pdf");
    let req = request(day(2026, 11, 13), day(2026, 11, 26), all_sections());
    let bytes = f.store.summary_pdf(&req, &f.store.what_helps().unwrap()).unwrap();
    let size = save_open_file(&path, &bytes).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "the file is the PDF, byte for byte");
    assert_eq!(size, bytes.len() as u64);
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    assert!(
        bytes.len() < 1_000_000,
        "without journal entries it stays under 1 MB: {}",
        bytes.len()
    );
}

#[test]
fn journal_choices_list_the_periods_entries_newest_first() {
    let f = fixture();
    let choices = f
        .store
        .summary_journal_choices(&SummaryPeriod { from: day(2026, 11, 13), to: day(2026, 11, 26) })
        .unwrap();
    let ids: Vec<_> = choices.iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids, [f.unticked_entry.clone(), f.ticked_entry.clone()], "both, newest first");
    assert_eq!(choices[0].date, day(2026, 11, 24), "the local day it was written");
    let none = f
        .store
        .summary_journal_choices(&SummaryPeriod { from: day(2026, 11, 1), to: day(2026, 11, 12) })
        .unwrap();
    assert!(none.is_empty(), "entries outside the period are not offered");
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (w, h)
}

#[test]
fn the_card_draft_starts_from_the_catalog_and_the_persons_own_people_and_plans() {
    let (mut store, _) = store_at_t0();
    store
        .update_settings(SettingsUpdate { region: Some("UK".into()), ..Default::default() })
        .unwrap();
    store
        .add_support_person(NewSupportPerson {
            name: "Sam".into(),
            phone: "07700 900123".into(),
            note: None,
        })
        .unwrap();
    for (if_text, chip) in
        [("I'm bored", "builtin-feeling-bored"), ("it's after work", "builtin-trigger-after-work")]
    {
        store
            .add_plan(PlanInput {
                if_text: if_text.into(),
                then_text: "call Sam".into(),
                technique_id: None,
                person_id: None,
                chip_ids: vec![chip.into()],
                time_band: None,
            })
            .unwrap();
    }
    for _ in 0..3 {
        let urge = store.log_urge(NewUrge::now(Intensity::try_from(6).unwrap())).unwrap();
        store.set_urge_chip(&urge.id, "builtin-trigger-after-work", true).unwrap();
    }
    let card = store.coping_card_draft(&store.what_helps().unwrap()).unwrap();
    assert_eq!(card.title, "When a craving comes");
    let section = |heading: &str| {
        card.sections
            .iter()
            .find(|s| s.heading == heading)
            .unwrap_or_else(|| panic!("{heading} in {card:?}"))
    };
    let first = section("Try first");
    assert!(
        first.lines.len() == 3
            && first.lines[0].starts_with("Box breathing: Four even sides")
            && first.lines[1].starts_with("Urge surfing: ")
            && first.lines[2].starts_with("5-4-3-2-1"),
        "with no data yet: their one-tap breathing, then one of each other kind by evidence: \
         {first:?}"
    );
    assert_eq!(
        section("My plans").lines[0],
        "If it's after work, then I will call Sam.",
        "the plan for the most common trigger comes first"
    );
    assert_eq!(section("People I can call").lines, ["Sam: 07700 900123"]);
    assert!(
        section("If I need help now").lines.iter().any(|l| l.contains("999")),
        "the UK's emergency number: {card:?}"
    );
}

#[test]
fn techniques_that_helped_replace_the_catalog_once_used_enough() {
    let (mut store, clock) = store_at_t0();
    // Urge surfing, used often, each time 8 → 2; waiting, 8 → 7.
    for i in 0..12 {
        clock.set(t0() - Duration::days(30) + Duration::hours(i * 20));
        let urge = store.log_urge(NewUrge::now(Intensity::try_from(8).unwrap())).unwrap();
        let technique = if i % 2 == 0 { "urge-surfing" } else { "waiting" };
        let session = store
            .start_session(NewSession {
                technique_id: technique.into(),
                urge_id: Some(urge.id.clone()),
                planned_seconds: 300,
            })
            .unwrap();
        clock.advance(Duration::minutes(10));
        store
            .finish_session(SessionEnd {
                id: session.id,
                completed: true,
                actual_seconds: Some(300),
                ..Default::default()
            })
            .unwrap();
        store
            .set_outcome(OutcomeInput {
                urge_id: urge.id,
                intensity_after: Some(Intensity::try_from(if i % 2 == 0 { 2 } else { 7 }).unwrap()),
                action: Some(UseAction::DidntUse),
                amount: None,
                note: None,
            })
            .unwrap();
    }
    clock.set(t0());
    let helps = store.what_helps().unwrap();
    let card = store.coping_card_draft(&helps).unwrap();
    let first = &card.sections[0];
    assert!(
        first.lines[0].starts_with("Urge surfing: about")
            && first.lines[0].contains("over 6 times"),
        "their own figure once used at least {CARD_MIN_USES} times: {first:?}"
    );
}

#[test]
fn the_card_is_drawn_as_edited_in_pdf_and_phone_sized_png_light_and_dark() {
    let card = CopingCard {
        title: "  When it hits  ".into(),
        sections: vec![
            CardSection {
                heading: "Try first".into(),
                lines: vec!["Breathe out longer than in".into(), "   ".into()],
            },
            CardSection { heading: "Call".into(), lines: vec!["Sam: 07700 900123".into()] },
        ],
    };
    let text = pdf_text(&card_pdf(&card, CardTheme::Light, Paper::Letter).unwrap());
    for expected in ["When it hits", "Try first", "Breathe out longer than in", "Sam: 07700 900123"]
    {
        assert!(text.contains(expected), "the person's own wording, {expected:?}, in: {text}");
    }
    let light = card_png(&card, CardTheme::Light).unwrap();
    let dark = card_png(&card, CardTheme::Dark).unwrap();
    assert_eq!(png_size(&light), (1080, 2340), "sized for a phone's lock screen");
    assert_eq!(png_size(&dark), (1080, 2340));
    assert_ne!(light, dark, "light and dark differ");
    let checked = check_card(&card).unwrap();
    assert_eq!(checked.title, "When it hits", "trimmed");
    assert_eq!(checked.sections[0].lines, ["Breathe out longer than in"], "blank lines dropped");
}

#[test]
fn a_card_with_too_much_or_nothing_is_refused_with_what_to_change() {
    let long = CopingCard {
        title: "When a craving comes".into(),
        sections: vec![CardSection { heading: "Try first".into(), lines: vec!["x".repeat(161)] }],
    };
    let Err(Error::Invalid(invalid)) = card_png(&long, CardTheme::Light) else {
        panic!("too long")
    };
    assert!(
        invalid.message.contains("160") && invalid.message.contains("161"),
        "{}",
        invalid.message
    );
    let empty = CopingCard {
        title: "Card".into(),
        sections: vec![CardSection { heading: "Try".into(), lines: vec![" ".into()] }],
    };
    let Err(Error::Invalid(invalid)) = card_pdf(&empty, CardTheme::Dark, Paper::A4) else {
        panic!("empty")
    };
    assert_eq!(invalid.message, "Add at least one line to the card.");
    let untitled = CopingCard { title: " ".into(), sections: long.sections.clone() };
    let Err(Error::Invalid(invalid)) = check_card(&untitled) else { panic!("untitled") };
    assert_eq!(invalid.field, "title");
}
