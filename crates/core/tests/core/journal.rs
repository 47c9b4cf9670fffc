//! The journal: entries written, edited, deleted for real, searched, filtered and paged; linked
//! to a craving (and kept when it is deleted); writing as a technique; the weekly reflection.

use chrono::{Duration, NaiveDate};
use ebb_core::{
    Error, Intensity, JournalEdit, JournalFilter, JournalForUrges, JournalKind, JournalQuery,
    NewJournalEntry, NewReflection, NewSession, NewUrge, SettingsUpdate, Store, WeekWent,
};

use crate::support::{store_at_t0, t0};

fn entry(body: &str) -> NewJournalEntry {
    NewJournalEntry { body: body.into(), ..Default::default() }
}

fn query(filter: JournalFilter) -> JournalQuery {
    JournalQuery { filter: Some(filter), after: None, limit: 50 }
}

/// Journal rows (id, body, updated) and session rows (id, ended).
type Snapshot = (Vec<(String, String, i64)>, Vec<(String, Option<i64>)>);

/// Every journal row and every session row, for "nothing changed".
fn snapshot(store: &Store) -> Snapshot {
    let conn = store.connection();
    let entries = conn
        .prepare("SELECT id, body, updated_at FROM journal_entries ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let sessions = conn
        .prepare("SELECT id, ended_at FROM technique_sessions ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    (entries, sessions)
}

fn message(error: Error) -> String {
    error.to_string()
}

#[test]
fn an_entry_is_written_read_edited_and_deleted_for_real() {
    let (mut store, clock) = store_at_t0();
    let written = store
        .create_journal_entry(NewJournalEntry {
            body: "  A long day; the usual pull at six.  ".into(),
            prompt: Some("What was going on before the urge?".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(written.text, "A long day; the usual pull at six.", "trimmed");
    assert_eq!(written.kind, JournalKind::Free);
    assert_eq!(written.prompt.as_deref(), Some("What was going on before the urge?"));
    assert_eq!((written.created_at, written.utc_offset_minutes), (t0(), 60));
    assert_eq!((written.urge.clone(), written.excerpt, written.chars), (None, false, 34));
    assert_eq!(store.journal_entry(&written.id).unwrap(), written);

    clock.advance(Duration::minutes(3));
    let edited = store
        .edit_journal_entry(JournalEdit { id: written.id.clone(), body: "Better now.".into() })
        .unwrap();
    assert_eq!(edited.text, "Better now.");
    assert_eq!(edited.created_at, t0(), "editing keeps when it was written");
    assert_eq!(edited.updated_at, t0() + Duration::minutes(3));
    assert_eq!(edited.prompt, written.prompt, "the prompt stays");

    store.delete_journal_entry(&written.id).unwrap();
    let rows: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM journal_entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0, "a deleted entry leaves no row behind");
    assert!(matches!(store.journal_entry(&written.id), Err(Error::NotFound { .. })));
}

#[test]
fn refusals_name_the_problem_and_change_nothing() {
    let (mut store, _) = store_at_t0();
    let kept = store.create_journal_entry(entry("kept")).unwrap();
    let waiting = store
        .start_session(NewSession {
            technique_id: "breathing.box".into(),
            urge_id: None,
            planned_seconds: 60,
        })
        .unwrap();
    let before = snapshot(&store);
    let cases: Vec<(NewJournalEntry, &str)> = vec![
        (entry("   \n "), "An entry needs at least one letter or number. Nothing was saved."),
        (
            entry(&"a".repeat(50_001)),
            "An entry can be up to 50,000 characters; this one has 50,001. Nothing was saved.",
        ),
        (
            NewJournalEntry { urge_id: Some("nope".into()), ..entry("x") },
            "That craving isn't here any more (it may have been deleted). Nothing was saved.",
        ),
        (
            NewJournalEntry { prompt: Some("p".repeat(201)), ..entry("x") },
            "A prompt can be up to 200 characters; this one has 201. Nothing was saved.",
        ),
        (
            NewJournalEntry { session_id: Some("nope".into()), ..entry("x") },
            "That journaling session isn't here any more. Nothing was saved.",
        ),
        (
            NewJournalEntry { session_id: Some(waiting.id.clone()), ..entry("x") },
            "That session is for another technique, not for writing. Nothing was saved.",
        ),
    ];
    for (new, expected) in cases {
        let err = store.create_journal_entry(new).expect_err(expected);
        assert!(matches!(err, Error::Invalid(_)), "{expected}");
        assert_eq!(message(err), expected);
        assert_eq!(snapshot(&store), before, "a refused entry changes nothing: {expected}");
    }
    let err = store
        .edit_journal_entry(JournalEdit { id: kept.id.clone(), body: " ".into() })
        .unwrap_err();
    assert_eq!(message(err), "An entry needs at least one letter or number. Nothing was saved.");
    let err = store
        .edit_journal_entry(JournalEdit { id: kept.id.clone(), body: "b".repeat(50_001) })
        .unwrap_err();
    assert!(message(err).contains("up to 50,000 characters"));
    let err =
        store.edit_journal_entry(JournalEdit { id: "nope".into(), body: "x".into() }).unwrap_err();
    assert_eq!(message(err), "That journal entry isn't here any more (it may have been deleted).");
    let err = store.delete_journal_entry("nope").unwrap_err();
    assert!(matches!(err, Error::NotFound { what: "journal entry", .. }));
    assert_eq!(snapshot(&store), before, "refused edits and deletes change nothing");
}

#[test]
fn fifty_thousand_characters_fit_and_lists_carry_only_an_excerpt() {
    let (mut store, _) = store_at_t0();
    let long = "é".repeat(50_000);
    let written = store.create_journal_entry(entry(&long)).unwrap();
    assert_eq!(written.chars, 50_000, "counted in characters, not bytes");
    assert_eq!(store.journal_entry(&written.id).unwrap().text, long, "read back whole");
    let listed = &store.journal_page(&query(JournalFilter::default())).unwrap().entries[0];
    assert_eq!(listed.text.chars().count(), 200, "lists carry the first 200 characters");
    assert!(listed.excerpt && listed.chars == 50_000);
}

#[test]
fn search_filters_and_pages_are_exact() {
    let (mut store, clock) = store_at_t0();
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(7).unwrap())).unwrap();
    let mut ids = Vec::new();
    for i in 0..7 {
        clock.advance(Duration::hours(6));
        let body = match i {
            0 => "Work was loud".to_owned(),
            1 => "100% tired, not_sure why".to_owned(),
            _ => format!("entry {i}"),
        };
        let linked = i % 2 == 0;
        let new = NewJournalEntry { urge_id: linked.then(|| urge.id.clone()), ..entry(&body) };
        ids.push(store.create_journal_entry(new).unwrap().id);
    }
    let found = |filter: JournalFilter| -> Vec<String> {
        store.journal_page(&query(filter)).unwrap().entries.into_iter().map(|e| e.id).collect()
    };
    let text = |t: &str| JournalFilter { text: Some(t.into()), ..Default::default() };
    assert_eq!(found(text("WORK")), [ids[0].clone()], "search ignores case");
    assert_eq!(found(text("100%")), [ids[1].clone()], "% is a character, not a wildcard");
    assert_eq!(found(text("k_w")), Vec::<String>::new(), "_ is a character, not a wildcard");
    assert_eq!(found(text("not_sure")), [ids[1].clone()]);
    let linked: Vec<String> = [6, 4, 2, 0].iter().map(|&i| ids[i].clone()).collect();
    assert_eq!(found(JournalFilter { linked: Some(true), ..Default::default() }), linked);
    let alone: Vec<String> = [5, 3, 1].iter().map(|&i| ids[i].clone()).collect();
    assert_eq!(found(JournalFilter { linked: Some(false), ..Default::default() }), alone);
    // Entries are 6 h apart from 27 Nov 02:40 UTC (03:40 local, UTC+1): 27 Nov holds 0–3.
    let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let on_day = JournalFilter { from: Some(day), to: Some(day), ..Default::default() };
    let expected: Vec<String> = [3, 2, 1, 0].iter().map(|&i| ids[i].clone()).collect();
    assert_eq!(found(on_day), expected, "local dates, both ends included");
    assert_eq!(
        found(JournalFilter { kind: Some(JournalKind::Reflection), ..Default::default() }),
        Vec::<String>::new()
    );

    // Pages of 3: newest first, no gaps, no repeats, even with an entry written meanwhile.
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .journal_page(&JournalQuery { filter: None, after: after.clone(), limit: 3 })
            .unwrap();
        seen.extend(page.entries.iter().map(|e| e.id.clone()));
        if seen.len() == 3 {
            store.create_journal_entry(entry("written while paging")).unwrap();
        }
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    let newest_first: Vec<String> = ids.iter().rev().cloned().collect();
    assert_eq!(seen, newest_first);

    let refusals = [
        (JournalQuery { limit: 0, ..Default::default() }, "A page holds 1 to 100 entries; got 0."),
        (
            JournalQuery { limit: 101, ..Default::default() },
            "A page holds 1 to 100 entries; got 101.",
        ),
        (query(text(&"s".repeat(201))), "A search is up to 200 characters; this one has 201."),
        (
            query(JournalFilter { from: Some(day), to: day.pred_opt(), ..Default::default() }),
            "The start date (2026-11-27) is after the end date (2026-11-26): swap them?",
        ),
    ];
    for (q, expected) in refusals {
        assert_eq!(message(store.journal_page(&q).unwrap_err()), expected);
    }
}

#[test]
fn a_cravings_entries_show_with_it_and_outlive_it() {
    let (mut store, clock) = store_at_t0();
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(8).unwrap())).unwrap();
    let other = store.log_urge(NewUrge::now(Intensity::try_from(3).unwrap())).unwrap();
    clock.advance(Duration::minutes(2));
    let written = store
        .create_journal_entry(NewJournalEntry {
            urge_id: Some(urge.id.clone()),
            ..entry("about it")
        })
        .unwrap();
    let linked = written.urge.clone().expect("linked");
    assert_eq!(
        (linked.id.as_str(), linked.intensity, linked.occurred_at),
        (urge.id.as_str(), 8, t0())
    );
    let for_urges = |store: &Store, ids: Vec<String>| {
        store.journal_for_urges(&JournalForUrges { urge_ids: ids }).unwrap()
    };
    assert_eq!(for_urges(&store, vec![urge.id.clone(), other.id.clone()]).len(), 1);
    assert!(for_urges(&store, vec![other.id.clone()]).is_empty());
    assert!(for_urges(&store, vec![]).is_empty());
    let too_many =
        store.journal_for_urges(&JournalForUrges { urge_ids: vec!["x".into(); 201] }).unwrap_err();
    assert_eq!(message(too_many), "Ask for the entries of up to 200 cravings at once; got 201.");

    store.delete_urge(&urge.id).unwrap();
    let kept = store.journal_entry(&written.id).expect("the writing survives the craving");
    assert_eq!((kept.urge, kept.text.as_str()), (None, "about it"), "unlinked, words kept");
    assert!(for_urges(&store, vec![urge.id]).is_empty());
}

#[test]
fn writing_after_a_craving_is_recorded_as_a_journaling_session() {
    let (mut store, clock) = store_at_t0();
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(9).unwrap())).unwrap();
    let session = store
        .start_session(NewSession {
            technique_id: "journaling".into(),
            urge_id: Some(urge.id.clone()),
            planned_seconds: 600,
        })
        .unwrap();
    assert_eq!(session.intensity_before, Some(9));
    clock.advance(Duration::minutes(4));
    let written = store
        .create_journal_entry(NewJournalEntry {
            session_id: Some(session.id.clone()),
            ..entry("Wrote it out.")
        })
        .unwrap();
    assert_eq!(written.urge.map(|u| u.id), Some(urge.id.clone()), "linked through the session");
    assert_eq!(written.session_id.as_deref(), Some(session.id.as_str()));
    let done = store.session(&session.id).unwrap();
    assert_eq!(
        (done.ended_at, done.completed, done.actual_seconds),
        (Some(t0() + Duration::minutes(4)), true, Some(240)),
        "started when the editor opened, finished and completed on save"
    );
    let used = &store.urge(&urge.id).unwrap().techniques;
    assert_eq!(used.len(), 1);
    assert_eq!(
        (used[0].technique_id.as_str(), used[0].name.as_str()),
        ("journaling", "Write it down")
    );

    // The usual after-step still works on it: "How strong is the craving now?"
    let rated = store
        .finish_session(ebb_core::SessionEnd {
            id: session.id.clone(),
            completed: true,
            intensity_after: Some(Intensity::try_from(5).unwrap()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((rated.intensity_after, rated.ended_at), (Some(5), done.ended_at));

    // A finished session can't be finished twice; one for another craving can't be borrowed.
    let before = snapshot(&store);
    let again = store
        .create_journal_entry(NewJournalEntry {
            session_id: Some(session.id.clone()),
            ..entry("x")
        })
        .unwrap_err();
    assert_eq!(message(again), "That journaling session has already ended. Nothing was saved.");
    let other = store.log_urge(NewUrge::now(Intensity::try_from(2).unwrap())).unwrap();
    let open = store
        .start_session(NewSession {
            technique_id: "journaling".into(),
            urge_id: Some(urge.id.clone()),
            planned_seconds: 600,
        })
        .unwrap();
    let before_open = snapshot(&store);
    let mismatch = store
        .create_journal_entry(NewJournalEntry {
            session_id: Some(open.id.clone()),
            urge_id: Some(other.id),
            ..entry("x")
        })
        .unwrap_err();
    assert_eq!(
        message(mismatch),
        "That journaling session is for another craving. Nothing was saved."
    );
    assert_eq!(snapshot(&store), before_open);
    assert_ne!(before, before_open, "(the open session was started in between)");
}

#[test]
fn the_weekly_reflection_is_opt_in_due_weekly_and_saved_as_an_entry() {
    let (mut store, clock) = store_at_t0();
    let status = store.reflection_status().unwrap();
    assert!(!status.enabled && !status.due, "off until the person opts in");
    store
        .update_settings(SettingsUpdate { weekly_reflection: Some(true), ..Default::default() })
        .unwrap();
    assert!(store.settings().unwrap().journal_prompts, "prompts are on by default");
    let box_session =
        NewSession { technique_id: "breathing.box".into(), urge_id: None, planned_seconds: 60 };
    store.start_session(box_session.clone()).unwrap();
    store.start_session(box_session).unwrap();
    let status = store.reflection_status().unwrap();
    assert!(status.due, "opted in and none yet");
    assert_eq!(status.used_techniques.len(), 1);
    assert_eq!(
        (status.used_techniques[0].name.as_str(), status.used_techniques[0].uses),
        ("Box breathing", 2)
    );

    let before = snapshot(&store);
    let bad = [
        (
            NewReflection {
                week: WeekWent::Mixed,
                helped_technique_id: Some("nope".into()),
                next_technique_id: None,
                line: None,
            },
            "There is no technique called \u{201c}nope\u{201d}.",
        ),
        (
            NewReflection {
                week: WeekWent::Mixed,
                helped_technique_id: None,
                next_technique_id: None,
                line: Some("l".repeat(1001)),
            },
            "The line can be up to 1,000 characters; this one has 1,001. Nothing was saved.",
        ),
    ];
    for (new, expected) in bad {
        assert_eq!(message(store.save_reflection(new).unwrap_err()), expected);
        assert_eq!(snapshot(&store), before);
    }

    let saved = store
        .save_reflection(NewReflection {
            week: WeekWent::Harder,
            helped_technique_id: Some("breathing.box".into()),
            next_technique_id: None,
            line: Some("  Sleep more.  ".into()),
        })
        .unwrap();
    assert_eq!(saved.kind, JournalKind::Reflection);
    assert_eq!(
        saved.text,
        "This week felt harder. That is worth knowing, not a verdict.\n\
         What helped: Box breathing.\nNext week: keep going as I am.\n\nSleep more."
    );
    let answers = saved.reflection.expect("answers stored");
    assert_eq!(
        (answers.week, answers.helped_technique_id.as_deref(), answers.next_technique_id),
        (WeekWent::Harder, Some("breathing.box"), None)
    );
    let status = store.reflection_status().unwrap();
    assert_eq!((status.due, status.last_at), (false, Some(t0())), "done for this week");
    clock.advance(Duration::days(7) - Duration::minutes(1));
    assert!(!store.reflection_status().unwrap().due, "not before 7 days");
    clock.advance(Duration::minutes(1));
    assert!(store.reflection_status().unwrap().due, "due again after 7 days");
    let reflections = store
        .journal_page(&query(JournalFilter {
            kind: Some(JournalKind::Reflection),
            ..Default::default()
        }))
        .unwrap();
    assert_eq!(reflections.entries.len(), 1, "found with the reflection filter");
}

#[test]
fn prompts_are_the_four_from_the_issue() {
    assert_eq!(
        ebb_core::journal_prompts(),
        [
            "What was going on before the urge?",
            "What did you need in that moment?",
            "What went better than you expected this week?",
            "What would you tell a friend in your place?",
        ]
    );
}
