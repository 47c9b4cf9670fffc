//! A generator of realistic, seeded data with a known ground truth, for tests, benchmarks and
//! screenshots (feature `generator`, on for this crate's own tests and tools; the app depends on
//! the core without it, so it is not in the app's build).
//!
//! It writes cravings across months or years with daily rhythms (evenings and "after work" peak),
//! chips that fit the hour, techniques used for about 60% of them, and re-rated outcomes where
//! some techniques truly lower the craving more than others ([`TRUE_EFFECTS`]). People log at
//! a peak, so every craving falls afterwards whatever they do (after ≈ 1 + 0.55·before): the
//! honest statistics must see through that.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::params;

use crate::helps::normal;
use crate::{IdSource, Result, SeededIds, Store};

/// The true effect of each technique on the re-rated intensity, in points (negative = lower
/// than just waiting). Box breathing truly helps most; 4-7-8 does nothing beyond waiting.
pub const TRUE_EFFECTS: &[(&str, f64)] = &[
    ("breathing.box", -2.0),
    ("urge-surfing", -1.5),
    ("breathing.extended-exhale", -1.0),
    ("steps.grounding-54321", -0.5),
    ("breathing.4-7-8", 0.0),
];

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// How many cravings.
    pub cravings: usize,
    /// The random seed: the same seed gives the same data.
    pub seed: u64,
    /// The cravings fill the days before this instant's date (its own day is left empty, so
    /// nothing lands in the future).
    pub end: DateTime<Utc>,
    /// How many days the cravings spread over (at least 1).
    pub days: u32,
    /// Each technique's true effect; techniques not listed are not used.
    pub effects: Vec<(String, f64)>,
    /// Share of cravings with a technique (the rest just waited), 0–1.
    pub technique_share: f64,
    /// The noise of the re-rating, in points (standard deviation).
    pub noise: f64,
    /// Re-rate every craving that just waited two days late instead of after 10 minutes, by
    /// when it had mostly passed (3 points lower): what comparing unlike check-ins would do.
    pub late_waiting_rerates: bool,
    /// Re-rate at the varied times people really do: after a technique, mostly as it ends;
    /// after just waiting, often much later (half within half an hour, some hours later, a
    /// fifth days later), by when the craving had partly passed on its own (3·(1 − e^(−h/6))
    /// points lower after h hours).
    pub varied_rerates: bool,
    /// Extra effects (points, negative = lower) a technique has only on cravings after work
    /// (the "After work" trigger): a situation where something else helps more.
    pub after_work_effects: Vec<(String, f64)>,
    /// Share of cravings with a technique that get a second, different one too (their effects
    /// add up), 0–1.
    pub together_share: f64,
}

impl GenerateOptions {
    /// `cravings` over a plausible span (about six a day, between a month and ten years), with
    /// [`TRUE_EFFECTS`].
    pub fn new(cravings: usize, seed: u64, end: DateTime<Utc>) -> Self {
        let days = (cravings / 6).clamp(30, 3_650) as u32;
        Self {
            cravings,
            seed,
            end,
            days,
            effects: TRUE_EFFECTS.iter().map(|(id, e)| ((*id).to_owned(), *e)).collect(),
            technique_share: 0.6,
            noise: 1.2,
            late_waiting_rerates: false,
            varied_rerates: false,
            after_work_effects: Vec::new(),
            together_share: 0.0,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateReport {
    /// Cravings written.
    pub cravings: usize,
    /// Of which with a re-rated outcome.
    pub rated: usize,
    /// Technique sessions written.
    pub sessions: usize,
}

const TRIGGERS: &[&str] = &[
    "builtin-trigger-after-work",
    "builtin-trigger-saw-it",
    "builtin-trigger-offered",
    "builtin-trigger-argument",
    "builtin-trigger-payday",
    "builtin-trigger-party",
    "builtin-trigger-wind-down",
    "builtin-trigger-pain",
];
const FEELINGS: &[&str] = &[
    "builtin-feeling-stressed",
    "builtin-feeling-bored",
    "builtin-feeling-lonely",
    "builtin-feeling-angry",
    "builtin-feeling-tired",
    "builtin-feeling-anxious",
    "builtin-feeling-low",
    "builtin-feeling-celebrating",
];
const PLACES: &[&str] = &[
    "builtin-place-home",
    "builtin-place-work",
    "builtin-place-social",
    "builtin-place-outside",
    "builtin-place-commute",
];
const COMPANY: &[&str] =
    &["builtin-company-alone", "builtin-company-others", "builtin-company-others-use"];
const NOTES: &[&str] = &[
    "long day, everyone at the bar",
    "rough call with mum",
    "couldn't sleep",
    "payday, old habits",
    "walked past the shop",
    "bored on the sofa",
    "felt it in my chest, passed after a while",
];

/// An hour of the day for a craving: few in the morning, most in the evening.
fn hour(rng: &mut StdRng) -> u32 {
    const WEIGHTS: [u32; 24] =
        [2, 1, 1, 0, 0, 0, 1, 2, 2, 2, 2, 3, 4, 3, 3, 4, 5, 8, 10, 10, 9, 7, 5, 3];
    let total: u32 = WEIGHTS.iter().sum();
    let mut pick = rng.random_range(0..total);
    for (h, w) in WEIGHTS.iter().enumerate() {
        if pick < *w {
            return h as u32;
        }
        pick -= w;
    }
    20
}

fn pick<'a>(rng: &mut StdRng, from: &[&'a str]) -> &'a str {
    from[rng.random_range(0..from.len())]
}

impl Store {
    /// Writes generated data (see the module docs) in one transaction, beside whatever is there.
    pub fn generate(&mut self, options: &GenerateOptions) -> Result<GenerateReport> {
        let mut rng = StdRng::seed_from_u64(options.seed);
        let mut ids = SeededIds::new(options.seed);
        let span = Duration::days(i64::from(options.days.max(1)));
        // Local midnight `days` days before `end`'s date.
        let start = (options.end - span).date_naive().and_time(NaiveTime::MIN).and_utc();
        let offset = 60; // UTC+1
        let tx = self.conn.transaction()?;
        let things: [(&str, &str, Option<f64>, Option<&str>); 2] = [
            ("gen-thing-wine", "cut_down", Some(2.0), Some("glasses")),
            ("gen-thing-cigarettes", "stop", None, None),
        ];
        for (position, (id, goal, amount, unit)) in things.iter().enumerate() {
            let name =
                if id.ends_with("wine") { "Wine (generated)" } else { "Cigarettes (generated)" };
            tx.execute(
                "INSERT OR IGNORE INTO tracked_things (id, name, goal, planned_amount, planned_unit, \
                 position, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![id, name, goal, amount, unit, position as i64 + 100, start.timestamp_millis()],
            )?;
        }
        let mut report = GenerateReport { cravings: 0, rated: 0, sessions: 0 };
        {
            let mut urge = tx.prepare(
                "INSERT INTO urges (id, occurred_at, utc_offset_minutes, intensity, note, \
                 created_at, updated_at, tracked_id) VALUES (?1, ?2, ?3, ?4, ?5, ?2, ?2, ?6)",
            )?;
            let mut chip =
                tx.prepare("INSERT INTO urge_chips (urge_id, chip_id) VALUES (?1, ?2)")?;
            let mut outcome = tx.prepare(
                "INSERT INTO outcomes (urge_id, intensity_after, action, amount, recorded_at, \
                 updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            )?;
            let mut session = tx.prepare(
                "INSERT INTO technique_sessions (id, technique_id, urge_id, started_at, ended_at, \
                 planned_seconds, completed, intensity_before, intensity_after, helped, \
                 created_at, updated_at, actual_seconds) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, NULL, ?4, ?5, ?9)",
            )?;
            let span_days = span.num_days().max(1);
            for i in 0..options.cravings {
                // Spread evenly over the days, at an hour that follows the daily rhythm.
                let day = (i as i64 * span_days) / options.cravings.max(1) as i64;
                let h = hour(&mut rng);
                let local = start
                    + Duration::days(day)
                    + Duration::hours(i64::from(h))
                    + Duration::minutes(rng.random_range(0..60));
                let at = local - Duration::minutes(offset);
                let id = ids.next_id(at).to_string();
                let wine = rng.random_bool(0.6);
                let thing = if wine { things[0].0 } else { things[1].0 };
                let before: i64 = (6.5 + 1.8 * normal(&mut rng)).round().clamp(2.0, 10.0) as i64;
                let note = rng.random_bool(0.08).then(|| pick(&mut rng, NOTES));
                urge.execute(params![id, at.timestamp_millis(), offset, before, note, thing])?;
                report.cravings += 1;

                let after_work = (17..=19).contains(&h) && rng.random_bool(0.6);
                let trigger = if after_work { TRIGGERS[0] } else { pick(&mut rng, TRIGGERS) };
                let tagged = rng.random_bool(0.8);
                if tagged {
                    chip.execute(params![id, trigger])?;
                }
                let after_work_chip = tagged && trigger == TRIGGERS[0];
                if rng.random_bool(0.7) {
                    chip.execute(params![id, pick(&mut rng, FEELINGS)])?;
                }
                if rng.random_bool(0.4) {
                    chip.execute(params![id, pick(&mut rng, PLACES)])?;
                }
                if rng.random_bool(0.3) {
                    chip.execute(params![id, pick(&mut rng, COMPANY)])?;
                }

                let mut effect = 0.0;
                let mut waited = true;
                if !options.effects.is_empty() && rng.random_bool(options.technique_share) {
                    let (technique, true_effect) =
                        &options.effects[rng.random_range(0..options.effects.len())];
                    effect = *true_effect;
                    waited = false;
                    if after_work_chip {
                        effect += options
                            .after_work_effects
                            .iter()
                            .find(|(t, _)| t == technique)
                            .map_or(0.0, |(_, e)| *e);
                    }
                    let started = at + Duration::minutes(1);
                    let seconds: i64 = if technique == "urge-surfing" { 600 } else { 300 };
                    let completed = rng.random_bool(0.8);
                    let actual = if completed { seconds } else { seconds / 3 };
                    session.execute(params![
                        ids.next_id(started).to_string(),
                        technique,
                        id,
                        started.timestamp_millis(),
                        (started + Duration::seconds(actual)).timestamp_millis(),
                        seconds,
                        completed,
                        before,
                        actual
                    ])?;
                    report.sessions += 1;
                    // A second technique as well (drawn only when asked for, so other data
                    // sets stay the same for a seed).
                    if options.effects.len() > 1
                        && options.together_share > 0.0
                        && rng.random_bool(options.together_share.clamp(0.0, 1.0))
                    {
                        let others: Vec<&(String, f64)> =
                            options.effects.iter().filter(|(t, _)| t != technique).collect();
                        let (second, second_effect) = others[rng.random_range(0..others.len())];
                        effect += *second_effect;
                        let also = started + Duration::seconds(actual + 30);
                        session.execute(params![
                            ids.next_id(also).to_string(),
                            second,
                            id,
                            also.timestamp_millis(),
                            (also + Duration::seconds(seconds)).timestamp_millis(),
                            seconds,
                            true,
                            before,
                            seconds
                        ])?;
                        report.sessions += 1;
                    }
                }
                if rng.random_bool(0.7) {
                    let late = waited && options.late_waiting_rerates;
                    // Minutes after the craving it was re-rated (drawn only when asked for).
                    let delay: i64 = if late {
                        2 * 24 * 60
                    } else if !options.varied_rerates {
                        10
                    } else if !waited {
                        rng.random_range(6..=20)
                    } else {
                        match rng.random_range(0..10) {
                            0..=4 => rng.random_range(10..=30),
                            5..=7 => rng.random_range(60..=360),
                            _ => rng.random_range(24 * 60..=3 * 24 * 60),
                        }
                    };
                    let passed = if late {
                        3.0
                    } else if options.varied_rerates {
                        3.0 * (1.0 - (-(delay as f64) / 360.0).exp())
                    } else {
                        0.0
                    };
                    let after = (1.0 + 0.55 * before as f64 + effect - passed
                        + options.noise * normal(&mut rng))
                    .round()
                    .clamp(0.0, 10.0) as i64;
                    // Lower cravings after make not using (or using less) likelier.
                    let p_win = (0.9 - 0.07 * after as f64).clamp(0.1, 0.9);
                    let (action, amount) = if wine {
                        if rng.random_bool(p_win) {
                            if rng.random_bool(0.5) {
                                ("didnt_use", None)
                            } else {
                                ("used_less", Some(1.0))
                            }
                        } else if rng.random_bool(0.7) {
                            ("used_as_planned", Some(2.0))
                        } else {
                            ("used_more", Some(4.0))
                        }
                    } else if rng.random_bool(p_win) {
                        ("didnt_use", None)
                    } else {
                        ("used", None)
                    };
                    let recorded = at + Duration::minutes(delay);
                    outcome.execute(params![
                        id,
                        after,
                        action,
                        amount,
                        recorded.timestamp_millis()
                    ])?;
                    report.rated += 1;
                }
            }
        }
        tx.commit()?;
        self.forget_helps();
        Ok(report)
    }
}
