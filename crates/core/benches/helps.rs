//! `make bench`: History with filters, Insights, "what helps me", suggestions, the summary and
//! the coping card on generated data (`GenerateOptions`) of 100,000 and 1,000,000 cravings.
//! Databases are generated once into `target/bench-data/` and reused. Prints median and p99 per
//! operation against its goal.
//!
//! `cargo bench -p ebb-core --bench helps [-- 100000]` runs one size only.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::Utc;
use ebb_core::card::card_png;
use ebb_core::summary::summary_preview;
use ebb_core::{
    CardTheme, GenerateOptions, InsightsRange, InsightsRequest, Paper, Store, SuggestRequest,
    SummaryRequest, SummarySection, UrgeFilter,
};
use rand::SeedableRng;

fn data_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The benchmarks' data key (the generated stores are encrypted like a person's).
fn bench_key() -> ebb_core::DataKey {
    ebb_core::DataKey::from_hex(&"5e".repeat(32)).unwrap()
}

fn store_with(cravings: usize) -> (Store, PathBuf) {
    let path = data_dir().join(format!("generated-{cravings}-encrypted.db"));
    let ready = path.with_extension("ready");
    if !ready.exists() {
        let _ = std::fs::remove_file(&path);
        let started = Instant::now();
        let mut store = Store::open(&path, &bench_key()).unwrap();
        store.generate(&GenerateOptions::new(cravings, 2026, Utc::now())).unwrap();
        drop(store);
        std::fs::write(&ready, b"").unwrap();
        println!("(generated {cravings} cravings in {:.1} s)", started.elapsed().as_secs_f64());
    }
    let started = Instant::now();
    let store = Store::open(&path, &bench_key()).unwrap();
    let opened = started.elapsed();
    if opened > Duration::from_millis(500) {
        println!("(opened in {:.1} s: an upgrade of the data ran)", opened.as_secs_f64());
    }
    (store, path)
}

fn time<T>(samples: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..samples)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    let p99 = times[((times.len() as f64 * 0.99).ceil() as usize).min(times.len()) - 1];
    (times[times.len() / 2], p99)
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1_000.0)
}

fn row(what: &str, (median, p99): (Duration, Duration), goal: Duration) {
    let ok = if p99 < goal { "✔" } else { "✘" };
    println!("| {what} | {} | {} | < {} {ok} |", ms(median), ms(p99), ms(goal));
}

/// A row with no goal: work done once per store, in the background in the app.
fn once_row(what: &str, (median, p99): (Duration, Duration)) {
    println!("| {what} | {} | {} | once, in the background |", ms(median), ms(p99));
}

fn bench(cravings: usize) {
    let (mut store, path) = store_with(cravings);
    let big = cravings >= 1_000_000;
    let goal = |small: u64, large: u64| Duration::from_millis(if big { large } else { small });
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!();
    println!(
        "### {cravings} generated cravings ({:.1} MB on disk, {} rated)",
        size as f64 / 1e6,
        store.what_helps().unwrap().rated
    );
    println!("| operation | median | p99 | goal |");
    println!("|---|---|---|---|");
    let samples = if big { 40 } else { 200 };
    let after_work = UrgeFilter {
        chip_ids: vec!["builtin-trigger-after-work".into()],
        technique_id: Some("breathing.box".into()),
        ..Default::default()
    };
    row(
        "History first page: trigger + technique",
        time(samples, || store.urges_page_matching(&after_work, None, 30).unwrap()),
        goal(20, 50),
    );
    let strong = UrgeFilter {
        min_intensity: Some(ebb_core::Intensity::try_from(9).unwrap()),
        action: Some(ebb_core::UseAction::UsedLess),
        ..Default::default()
    };
    row(
        "History first page: strength + outcome",
        time(samples, || store.urges_page_matching(&strong, None, 30).unwrap()),
        goal(20, 50),
    );
    let text = UrgeFilter { text: Some("couldn't sleep".into()), ..Default::default() };
    row(
        "History first page: note search",
        time(samples, || store.urges_page_matching(&text, None, 30).unwrap()),
        goal(20, 50),
    );
    // Once per store after the upgrade that brought the count bitmaps (in the background, on a
    // second connection, in the app): no goal, reported for what it costs.
    once_row(
        "History counts (once after the upgrade: build every bucket's bitmaps)",
        time(if big { 2 } else { 5 }, || {
            store.rebuild_counts().unwrap();
            store.refresh_counts().unwrap()
        }),
    );
    row(
        "History: count of matches (trigger + technique)",
        time(samples, || store.count_matching(&after_work).unwrap()),
        goal(50, 50),
    );
    let newest = store.urges_page(None, 1).unwrap().urges[0].id.clone();
    let mut on = false;
    row(
        "History: count after a write (a chip toggled on the newest craving: its bucket rebuilt)",
        time(samples / 4, || {
            on = !on;
            store.set_urge_chip(&newest, "builtin-trigger-after-work", on).unwrap();
            store.count_matching(&after_work).unwrap()
        }),
        goal(50, 50),
    );
    let today = Utc::now().date_naive();
    let recent = UrgeFilter {
        from: Some(today - chrono::Duration::days(90)),
        to: Some(today),
        min_intensity: Some(ebb_core::Intensity::try_from(4).unwrap()),
        max_intensity: Some(ebb_core::Intensity::try_from(7).unwrap()),
        ..Default::default()
    };
    row(
        "History: count of matches (last 3 months, strength 4–7)",
        time(samples, || store.count_matching(&recent).unwrap()),
        goal(50, 50),
    );
    for range in [
        InsightsRange::FourWeeks,
        InsightsRange::ThreeMonths,
        InsightsRange::Year,
        InsightsRange::All,
    ] {
        row(
            &format!("Insights, {range:?}"),
            time(if big { 5 } else { 20 }, || store.insights(&InsightsRequest { range }).unwrap()),
            goal(100, 1_000),
        );
    }
    // Once per store after the upgrade that brought the stored sums (in the background, on a
    // second connection, in the app): no goal, reported for what it costs.
    once_row(
        "What helps me (once after the upgrade: sum every craving, store the sums)",
        time(if big { 2 } else { 5 }, || {
            store.rebuild_helps().unwrap();
            store.what_helps().unwrap()
        }),
    );
    row(
        "What helps me (first after opening: read the stored sums, fit)",
        time(if big { 20 } else { 50 }, || {
            store.forget_helps();
            store.what_helps().unwrap()
        }),
        goal(100, 1_000),
    );
    store.what_helps().unwrap();
    row(
        "What helps me (fitted model cached)",
        time(200, || store.what_helps().unwrap()),
        goal(100, 1_000),
    );
    let urge = store.urges_page(None, 1).unwrap().urges[0].id.clone();
    let mut level = 0;
    row(
        "What helps me (after a new check-in: its bucket summed again, refit)",
        time(if big { 10 } else { 40 }, || {
            level = (level + 3) % 11;
            store
                .set_outcome(ebb_core::OutcomeInput {
                    urge_id: urge.clone(),
                    intensity_after: Some(ebb_core::Intensity::try_from(level).unwrap()),
                    // (Any goal accepts a check-in with no action.)
                    action: None,
                    amount: None,
                    note: None,
                })
                .unwrap();
            store.what_helps().unwrap()
        }),
        goal(100, 1_000),
    );
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let request = SuggestRequest { urge_id: Some(urge) };
    row(
        "One suggestion for a craving (model cached)",
        time(2_000, || store.suggest_with(&request, &mut rng).unwrap()),
        goal(5, 20),
    );

    // The summary (#12): a year, every section but the journal, as Save makes it.
    let newest = store.urges_page(None, 1).unwrap().urges[0].id.clone();
    let mut on = false;
    row(
        "History: count after a write (a chip toggled on the newest craving: its bucket rebuilt)",
        time(samples / 4, || {
            on = !on;
            store.set_urge_chip(&newest, "builtin-trigger-after-work", on).unwrap();
            store.count_matching(&after_work).unwrap()
        }),
        goal(50, 50),
    );
    let today = Utc::now().date_naive();
    let year = SummaryRequest {
        from: today - chrono::Duration::days(364),
        to: today,
        sections: vec![
            SummarySection::TalkAbout,
            SummarySection::Cravings,
            SummarySection::When,
            SummarySection::Triggers,
            SummarySection::Helps,
            SummarySection::Goals,
            SummarySection::Plans,
            SummarySection::Practice,
        ],
        journal_ids: Vec::new(),
        talk_about: Some("Weekends, and sleep.".into()),
        name: None,
        paper: Paper::A4,
        locale: Some("en-GB".into()),
    };
    let helps = store.what_helps().unwrap();
    let mut bytes = 0;
    row(
        "Summary of a year: figures, layout, PDF",
        time(if big { 5 } else { 10 }, || bytes = store.summary_pdf(&year, &helps).unwrap().len()),
        goal(3_000, 3_000),
    );
    let checked = store.check_summary(&year).unwrap();
    let figures = store.summary_figures(&checked).unwrap();
    row(
        "Summary preview of a year: layout, PNG pages (figures read)",
        time(5, || summary_preview(&checked, &figures, &helps, &[], 1.5).unwrap()),
        goal(1_000, 1_000),
    );
    let card = store.coping_card_draft(&helps).unwrap();
    row(
        "Coping card as a lock-screen PNG (1080 × 2340)",
        time(10, || card_png(&card, CardTheme::Dark).unwrap()),
        goal(500, 500),
    );
    println!("(the year's summary PDF: {:.0} KB, goal < 1,000 KB)", bytes as f64 / 1024.0);
}

fn main() {
    let only: Option<usize> = std::env::args().skip(1).find_map(|a| a.parse().ok());
    for cravings in [100_000, 1_000_000] {
        if only.is_none_or(|n| n == cravings) {
            bench(cravings);
        }
    }
}
