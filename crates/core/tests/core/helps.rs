//! "What helps me" and suggestions on generated data with a known ground truth (care.md §5).

use chrono::Duration;
use ebb_core::{
    GenerateOptions, Intensity, NewSession, NewUrge, OutcomeInput, SuggestRequest,
    SuggestionResponse, TechniqueVisibility, UseAction,
};
use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::support::{store_at_t0, t0};

fn generated(cravings: usize, seed: u64) -> ebb_core::Store {
    let (mut store, _) = store_at_t0();
    store.generate(&GenerateOptions::new(cravings, seed, t0())).unwrap();
    store
}

fn ids(store: &ebb_core::Store) -> Vec<String> {
    store
        .what_helps()
        .unwrap()
        .techniques
        .into_iter()
        .filter(|t| !t.baseline)
        .map(|t| t.technique_id)
        .collect()
}

#[test]
fn the_estimator_recovers_the_true_ranking() {
    let store = generated(4_000, 1);
    let helps = store.what_helps().unwrap();
    assert!(helps.rated > 2_000, "about 70% have a check-in: {}", helps.rated);
    let order = ids(&store);
    assert_eq!(
        &order[..4],
        ["breathing.box", "urge-surfing", "breathing.extended-exhale", "steps.grounding-54321"],
        "the true order (-2, -1.5, -1, -0.5) is recovered: {helps:#?}"
    );
    let box_breathing = &helps.techniques[0];
    assert!(
        (box_breathing.benefit - 2.0).abs() < 0.4,
        "about 2 points lower than waiting: {}",
        box_breathing.benefit
    );
    assert!(box_breathing.low > 1.0 && box_breathing.confidence.starts_with("based on"));
    let null = helps.techniques.iter().find(|t| t.technique_id == "breathing.4-7-8").unwrap();
    assert!(null.low < 0.0 && null.high > 0.0, "no true effect: its interval holds 0: {null:?}");
    let waiting = helps.techniques.iter().find(|t| t.baseline).unwrap();
    assert_eq!(waiting.technique_id, "waiting");
    assert!(waiting.uses > 1_000, "cravings with no technique are the baseline");
    let box_wins = box_breathing.win_share.unwrap();
    assert!(
        box_wins > waiting.win_share.unwrap(),
        "lower cravings: more often didn't use or used less"
    );
    assert!(!helps.contexts.is_empty(), "with thousands of check-ins, situations are reported");
    let evening = helps.contexts.iter().find(|c| c.label == "In the evening").expect("evenings");
    assert_eq!(evening.best.as_ref().map(|b| b.technique_id.as_str()), Some("breathing.box"));
}

#[test]
fn two_lucky_uses_do_not_top_the_list() {
    let (mut store, clock) = store_at_t0();
    store.generate(&GenerateOptions::new(1_500, 3, t0())).unwrap();
    crate::support::lucky_halt_uses(&mut store, &clock, 2);
    let helps = store.what_helps().unwrap();
    let halt = helps.techniques.iter().find(|t| t.technique_id == "steps.halt").unwrap();
    assert_eq!(halt.uses, 2);
    assert_eq!(halt.confidence, "based on 2 uses — early days");
    // Predicted after 9 is about 1 + 0.55·9 ≈ 6; the raw gain of the two lucky uses is ≈ 5.
    assert!(halt.benefit < 4.5, "shrunk below its raw gain of about 5: {}", halt.benefit);
    let first = &helps.techniques[0];
    assert_ne!(first.technique_id, "steps.halt", "two lucky uses never lead: {helps:#?}");
    assert_eq!(
        helps.techniques[0].technique_id, "breathing.box",
        "the well-used winner stays first"
    );
}

#[test]
fn with_no_true_effect_intervals_miss_zero_only_as_often_as_chance_allows() {
    let mut misses = 0;
    let mut intervals = 0;
    let mut raw_drop = 0.0;
    for seed in 0..20 {
        let (mut store, _) = store_at_t0();
        let mut options = GenerateOptions::new(600, 100 + seed, t0());
        for effect in &mut options.effects {
            effect.1 = 0.0;
        }
        store.generate(&options).unwrap();
        let drop: f64 = store
            .connection()
            .query_row(
                "SELECT avg(u.intensity - o.intensity_after) FROM urges u JOIN outcomes o \
                 ON o.urge_id = u.id",
                [],
                |r| r.get(0),
            )
            .unwrap();
        raw_drop += drop / 20.0;
        for t in store.what_helps().unwrap().techniques.iter().filter(|t| !t.baseline) {
            intervals += 1;
            if t.low > 0.0 || t.high < 0.0 {
                misses += 1;
            }
        }
    }
    assert!(
        raw_drop > 1.5,
        "people log at a peak: a raw drop of {raw_drop:.1} flatters everything"
    );
    assert_eq!(intervals, 100, "5 techniques × 20 seeds");
    assert!(misses <= 15, "90% intervals: about 10 of 100 may miss by chance; {misses} did");
}

#[test]
fn thompson_sampling_explores_everything_and_exploits_the_best() {
    let store = generated(3_000, 5);
    let mut rng = StdRng::seed_from_u64(42);
    let mut offered = std::collections::HashMap::<String, u32>::new();
    let mut first = std::collections::HashMap::<String, u32>::new();
    for _ in 0..400 {
        let s = store.suggest_with(&SuggestRequest { urge_id: None }, &mut rng).unwrap();
        assert_eq!(s.len(), 3, "the top 3");
        *first.entry(s[0].technique_id.clone()).or_default() += 1;
        for x in s {
            *offered.entry(x.technique_id).or_default() += 1;
        }
    }
    let candidates =
        store.library().unwrap().techniques.into_iter().filter(|t| t.id != "waiting").count();
    assert_eq!(offered.len(), candidates, "every technique is offered sometimes: {offered:?}");
    let top = first.iter().max_by_key(|(_, n)| **n).unwrap();
    assert_eq!(top.0, "breathing.box", "the best is offered first most often: {first:?}");
    assert!(*top.1 > 200, "exploits: {first:?}");
    let again: Vec<_> = (0..2)
        .map(|_| {
            store
                .suggest_with(&SuggestRequest { urge_id: None }, &mut StdRng::seed_from_u64(9))
                .unwrap()
        })
        .collect();
    assert_eq!(again[0], again[1], "deterministic under a seeded random source");
}

#[test]
fn suggestions_give_plain_reasons_and_never_offer_hidden_techniques() {
    let (mut store, _) = store_at_t0();
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(9).unwrap())).unwrap();
    let fresh = store
        .suggest_with(
            &SuggestRequest { urge_id: Some(urge.id.clone()) },
            &mut StdRng::seed_from_u64(1),
        )
        .unwrap();
    assert!(
        fresh.iter().all(|s| !s.reason.is_empty() && !s.reason.contains("lower than waiting")),
        "with no data, reasons come from the catalog's evidence, never a personal claim: {fresh:?}"
    );
    let mut store = generated(3_000, 8);
    store
        .set_technique_hidden(TechniqueVisibility {
            technique_id: "breathing.box".into(),
            hidden: true,
        })
        .unwrap();
    let mut rng = StdRng::seed_from_u64(3);
    for _ in 0..100 {
        let s = store.suggest_with(&SuggestRequest { urge_id: None }, &mut rng).unwrap();
        assert!(s.iter().all(|x| x.technique_id != "breathing.box"), "hidden: never suggested");
    }
    store
        .set_technique_hidden(TechniqueVisibility {
            technique_id: "breathing.box".into(),
            hidden: false,
        })
        .unwrap();
    let s = store
        .suggest_with(&SuggestRequest { urge_id: None }, &mut StdRng::seed_from_u64(4))
        .unwrap();
    let reasons: Vec<&str> = s.iter().map(|x| x.reason.as_str()).collect();
    assert!(
        s.iter().any(|x| x.technique_id == "breathing.box"
            && x.reason.contains("points lower than waiting, over")),
        "a personal reason in plain words: {reasons:?}"
    );
}

#[test]
fn responses_to_suggestions_are_recorded_and_checked() {
    let (mut store, _) = store_at_t0();
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(7).unwrap())).unwrap();
    let offered = vec!["breathing.box".to_owned(), "urge-surfing".to_owned()];
    store
        .record_suggestion(SuggestionResponse {
            urge_id: Some(urge.id.clone()),
            offered: offered.clone(),
            chosen: None,
        })
        .unwrap();
    let bad = [
        (SuggestionResponse { urge_id: None, offered: vec![], chosen: None }, "got 0"),
        (
            SuggestionResponse { urge_id: None, offered: vec!["nope".into()], chosen: None },
            "no technique called",
        ),
        (
            SuggestionResponse {
                urge_id: None,
                offered: offered.clone(),
                chosen: Some("steps.rain".into()),
            },
            "wasn't among the suggestions",
        ),
        (
            SuggestionResponse { urge_id: Some("gone".into()), offered, chosen: None },
            "isn't here any more",
        ),
    ];
    for (response, expected) in bad {
        let err = store.record_suggestion(response).unwrap_err().to_string();
        assert!(err.contains(expected), "{err} should contain {expected:?}");
    }
    let rows: Vec<(Option<String>, String, Option<String>)> = store
        .connection()
        .prepare("SELECT urge_id, offered, chosen FROM suggestion_responses")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows,
        [(Some(urge.id), "[\"breathing.box\",\"urge-surfing\"]".to_owned(), None)],
        "\"not now\" is recorded once; refusals record nothing"
    );
}

#[test]
fn a_new_check_in_refits_what_helps() {
    let (mut store, _) = store_at_t0();
    assert_eq!(store.what_helps().unwrap().rated, 0);
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(8).unwrap())).unwrap();
    assert_eq!(store.what_helps().unwrap().rated, 0, "logging alone adds nothing to rest on");
    store
        .set_outcome(OutcomeInput {
            urge_id: urge.id,
            intensity_after: Some(Intensity::try_from(5).unwrap()),
            action: None,
            amount: None,
            note: None,
        })
        .unwrap();
    let helps = store.what_helps().unwrap();
    assert_eq!(helps.rated, 1, "the cached model was refitted after the check-in");
    assert!(helps.contexts_note.is_some_and(|n| n.contains("so far there are 1")));
}

#[test]
fn refitting_after_writes_matches_a_fit_from_scratch() {
    let mut store = generated(1_500, 7);
    store.what_helps().unwrap();
    // A new craving with a chip, a technique and a check-in.
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(9).unwrap())).unwrap();
    store.set_urge_chip(&urge.id, "builtin-trigger-after-work", true).unwrap();
    let session = store
        .start_session(NewSession {
            technique_id: "breathing.box".into(),
            urge_id: Some(urge.id.clone()),
            planned_seconds: 60,
        })
        .unwrap();
    store
        .finish_session(ebb_core::SessionEnd {
            id: session.id,
            completed: true,
            ..Default::default()
        })
        .unwrap();
    store
        .set_outcome(OutcomeInput {
            urge_id: urge.id,
            intensity_after: Some(Intensity::try_from(2).unwrap()),
            action: Some(UseAction::UsedLess),
            amount: None,
            note: None,
        })
        .unwrap();
    // An older rated craving edited, another deleted.
    let page = store.urges_page(None, 200).unwrap();
    let rated: Vec<_> = page
        .urges
        .iter()
        .filter(|u| u.outcome.as_ref().is_some_and(|o| o.intensity_after.is_some()))
        .collect();
    let (edited, deleted) = (rated[3].clone(), rated[7].id.clone());
    store
        .edit_urge(ebb_core::UrgeEdit {
            id: edited.id.clone(),
            intensity: Intensity::try_from(1).unwrap(),
            occurred_at: edited.occurred_at - Duration::days(40),
            note: edited.note.clone(),
            tracked_id: edited.tracked_id.clone(),
        })
        .unwrap();
    store.delete_urge(&deleted).unwrap();

    let incremental = store.what_helps().unwrap();
    store.rebuild_helps().unwrap();
    let scratch = store.what_helps().unwrap();
    assert_eq!(
        incremental, scratch,
        "the stored sums, kept up to date bucket by bucket, must give exactly the fit that \
         summing every craving again gives"
    );
    assert_eq!(incremental.rated, scratch.rated, "the same cravings are counted");
    assert_eq!(incremental.techniques.len(), scratch.techniques.len());
    for (a, b) in incremental.techniques.iter().zip(&scratch.techniques) {
        assert_eq!(
            (&a.technique_id, a.uses, a.win_of),
            (&b.technique_id, b.uses, b.win_of),
            "the same ranking and counts after refitting from memory"
        );
        assert!((a.benefit - b.benefit).abs() < 1e-6, "the same estimate: {a:?} vs {b:?}");
    }
    assert_eq!(
        incremental.contexts.iter().map(|c| (&c.label, c.rated)).collect::<Vec<_>>(),
        scratch.contexts.iter().map(|c| (&c.label, c.rated)).collect::<Vec<_>>(),
        "the same situations"
    );
}

/// Whatever the raw tables hold about "what helps": the stored sums and the marks.
fn stored(store: &ebb_core::Store) -> (i64, i64) {
    let conn = store.connection();
    let buckets = conn.query_row("SELECT count(*) FROM helps_buckets", [], |r| r.get(0)).unwrap();
    let dirty = conn.query_row("SELECT count(*) FROM helps_dirty", [], |r| r.get(0)).unwrap();
    (buckets, dirty)
}

#[test]
fn a_warm_up_on_another_connection_misses_no_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ebb.db");
    let clock = std::sync::Arc::new(ebb_core::ManualClock::new(t0(), 60));
    let mut store = ebb_core::Store::open_with(
        &path,
        &crate::test_key(),
        clock,
        Box::new(ebb_core::SeededIds::new(3)),
    )
    .unwrap();
    store.generate(&GenerateOptions::new(600, 5, t0())).unwrap();
    // The other connection sums every bucket and stores them …
    ebb_core::Store::open_another(&path, &crate::test_key()).unwrap().refresh_helps().unwrap();
    let (buckets, dirty) = stored(&store);
    assert!(buckets > 5, "the warm-up stored the sums of every bucket; {buckets} stored");
    assert_eq!(dirty, 0, "nothing is left to recompute after a warm-up");
    let rated = store.what_helps().unwrap().rated;
    // … then the person logs and rates a craving.
    let urge = store.log_urge(NewUrge::now(Intensity::try_from(10).unwrap())).unwrap();
    store
        .set_outcome(OutcomeInput {
            urge_id: urge.id,
            intensity_after: Some(Intensity::try_from(1).unwrap()),
            action: Some(UseAction::DidntUse),
            amount: None,
            note: None,
        })
        .unwrap();
    assert_eq!(stored(&store).1, 1, "the check-in marked its bucket, in its own transaction");
    let warmed = store.what_helps().unwrap();
    assert_eq!(stored(&store).1, 0, "the fit recomputed and stored the marked bucket");
    store.rebuild_helps().unwrap();
    let scratch = store.what_helps().unwrap();
    assert_eq!(warmed.rated, rated + 1, "the craving rated after the warm-up is counted");
    assert_eq!(warmed, scratch, "the same fit as summing everything afresh");
}

#[test]
fn a_write_on_another_connection_reaches_a_fit_kept_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ebb.db");
    let mut store = ebb_core::Store::open(&path, &crate::test_key()).unwrap();
    store.generate(&GenerateOptions::new(300, 9, t0())).unwrap();
    let before = store.what_helps().unwrap();
    let mut other = ebb_core::Store::open_another(&path, &crate::test_key()).unwrap();
    let urge = other.log_urge(NewUrge::now(Intensity::try_from(8).unwrap())).unwrap();
    other
        .set_outcome(OutcomeInput {
            urge_id: urge.id,
            intensity_after: Some(Intensity::try_from(3).unwrap()),
            action: None,
            amount: None,
            note: None,
        })
        .unwrap();
    let after = store.what_helps().unwrap();
    assert_eq!(
        after.rated,
        before.rated + 1,
        "a check-in saved by another connection (an import, a second window) must not be missed \
         by the fit this one kept in memory"
    );
}

#[test]
fn what_helps_opens_from_the_stored_sums_inside_the_encrypted_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ebb.db");
    let mut store = ebb_core::Store::open(&path, &crate::test_key()).unwrap();
    store.generate(&GenerateOptions::new(900, 4, t0())).unwrap();
    let first = store.what_helps().unwrap();
    drop(store);
    let store = ebb_core::Store::open(&path, &crate::test_key()).unwrap();
    assert_eq!(stored(&store).1, 0, "nothing is marked after a clean close");
    // Break the records behind the sums' back (no trigger fires for a schema-level change
    // like this): a fit that re-read the records would see it, one from the sums must not.
    store.connection().execute_batch("DROP TRIGGER helps_outcome_changed; UPDATE outcomes SET intensity_after = 10 WHERE intensity_after IS NOT NULL;").unwrap();
    assert_eq!(
        store.what_helps().unwrap(),
        first,
        "after reopening, the fit comes from the stored sums, not from every craving"
    );
    drop(store);
    let bytes = std::fs::read(&path).unwrap();
    for plain in [&b"w_after"[..], b"strength:", b"breathing.box"] {
        assert!(
            !bytes.windows(plain.len()).any(|w| w == plain),
            "the stored sums are inside the encrypted store: {:?} must not appear in its bytes",
            String::from_utf8_lossy(plain)
        );
    }
}

#[test]
fn a_refresh_killed_midway_leaves_sums_that_still_match_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ebb.db");
    let key = ebb_core::keys::tool_key(&db).unwrap();
    let mut store = ebb_core::Store::open(&db, &key).unwrap();
    store.generate(&GenerateOptions::new(6_000, 11, t0())).unwrap();
    let expected = store.what_helps().unwrap();
    // Kill `ebb-cli helps` (which sums every bucket first) ever later until it stops midway:
    // some buckets stored, some still marked.
    let partial = crate::support::kill_cli_midway(
        "helps",
        &db,
        || store.rebuild_helps().unwrap(),
        || {
            let (buckets, dirty) = stored(&store);
            buckets > 0 && dirty > 0
        },
    );
    assert!(partial, "some kill must have landed between two buckets");
    store.forget_helps();
    assert_eq!(
        store.what_helps().unwrap(),
        expected,
        "after a kill midway, the stored buckets and the marks left must still give the fit \
         of the records"
    );
    assert_eq!(stored(&store).1, 0, "the next fit finished what the killed one left");
}

#[test]
fn an_upgraded_store_sums_its_history_once_and_gives_the_same_fit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ebb.db");
    let mut store = ebb_core::Store::open(&path, &crate::test_key()).unwrap();
    store.generate(&GenerateOptions::new(1_200, 21, t0())).unwrap();
    let expected = store.what_helps().unwrap();
    // The same records as a v9 Ebb left them: no stored sums, no marks, no triggers.
    crate::support::drop_derived(
        store.connection(),
        "helps",
        9,
        &["helps_buckets", "helps_dirty", "helps_meta"],
    );
    crate::support::drop_counts(store.connection());
    store.connection().execute_batch("PRAGMA user_version = 9;").unwrap();
    drop(store);
    let store = ebb_core::Store::open(&path, &crate::test_key()).unwrap();
    assert_eq!(
        store.what_helps().unwrap(),
        expected,
        "after the upgrade the history is summed once and gives the fit it gave before"
    );
    let (buckets, dirty) = stored(&store);
    assert!(buckets > 0 && dirty == 0, "the sums are stored for next time: {buckets}, {dirty}");
}
