//! "What helps me", calibrated by simulation (issue #15): over many generated people with
//! planted effects (`ebb-generate`'s TRUE_EFFECTS: box −2.0, urge surfing −1.5, extended
//! exhale −1.0, grounding −0.5, 4-7-8 0), the 90% intervals hold the truth about 90% of the
//! time, a null technique is rarely called better than waiting, and lucky streaks never lead.
//! `make test` runs a small number of seeds; `make bench` (benches/helps.rs) the full sizes.

use ebb_core::{GenerateOptions, Store, TRUE_EFFECTS, WhatHelps};

use crate::support::{store_at_t0, t0};

fn generated(options: &GenerateOptions) -> Store {
    let (mut store, _) = store_at_t0();
    store.generate(options).unwrap();
    store
}

/// Per planted technique: how often its interval held the truth, over `seeds` people of
/// `cravings` each; and how often the null one was shown as surely better than waiting.
fn coverage(cravings: usize, seeds: u64) -> (Vec<(String, f64)>, f64) {
    let mut held = vec![0u32; TRUE_EFFECTS.len()];
    let mut seen = vec![0u32; TRUE_EFFECTS.len()];
    let mut null_better = 0u32;
    for seed in 0..seeds {
        let helps: WhatHelps =
            generated(&GenerateOptions::new(cravings, 1_000 + seed, t0())).what_helps().unwrap();
        for (i, (id, effect)) in TRUE_EFFECTS.iter().enumerate() {
            let Some(t) = helps.techniques.iter().find(|t| t.technique_id == *id) else { continue };
            seen[i] += 1;
            let truth = -effect;
            held[i] += u32::from(t.low <= truth && truth <= t.high);
            if *effect == 0.0 && t.low > 0.0 {
                null_better += 1;
            }
        }
    }
    let shares = TRUE_EFFECTS
        .iter()
        .enumerate()
        .map(|(i, (id, _))| ((*id).to_owned(), f64::from(held[i]) / f64::from(seen[i].max(1))))
        .collect();
    (shares, f64::from(null_better) / seeds as f64)
}

/// The band a coverage figure over `seeds` people must fall in: the goal, 85–95%, widened by
/// how far a figure from fewer than 400 seeds strays by chance alone (two binomial standard
/// errors beyond the goal's own ±5 points).
fn band(seeds: u64) -> (f64, f64) {
    let slack = (2.0 * (0.09 / seeds as f64).sqrt() - 0.03).max(0.0);
    (0.85 - slack, 0.95 + slack)
}

#[test]
fn intervals_hold_the_truth_about_as_often_as_they_say() {
    // `make test` runs these sizes; `make bench` asks for more, as "cravings:seeds" pairs
    // (EBB_CALIBRATION_SIZES=60:1000,300:1000,3000:200).
    let sizes: Vec<(usize, u64)> = std::env::var("EBB_CALIBRATION_SIZES")
        .ok()
        .map(|s| {
            s.split(',')
                .filter_map(|pair| {
                    let (n, seeds) = pair.split_once(':')?;
                    Some((n.trim().parse().ok()?, seeds.trim().parse().ok()?))
                })
                .collect()
        })
        .unwrap_or_else(|| vec![(60, 400), (300, 100)]);
    assert!(!sizes.is_empty(), "EBB_CALIBRATION_SIZES reads as cravings:seeds pairs");
    let results: Vec<_> = sizes.iter().map(|&(n, seeds)| (n, seeds, coverage(n, seeds))).collect();
    for (cravings, seeds, (shares, null_better)) in &results {
        let shown: Vec<String> =
            shares.iter().map(|(id, share)| format!("{id} {:.1}%", share * 100.0)).collect();
        eprintln!(
            "{cravings} cravings × {seeds} seeds: {}; the null technique called better than \
             waiting in {:.1}%",
            shown.join(", "),
            null_better * 100.0
        );
    }
    for (cravings, seeds, (shares, null_better)) in results {
        let (low, high) = band(seeds);
        for (id, share) in &shares {
            assert!(
                (low..=high).contains(share),
                "{cravings} cravings × {seeds} seeds: {id}'s 90% interval held the truth {:.1}% \
                 of the time, outside {:.1}–{:.1}% (too narrow below, needlessly wide above)",
                share * 100.0,
                low * 100.0,
                high * 100.0
            );
        }
        assert!(
            null_better <= 0.1,
            "{cravings}: a null technique was called better than waiting in {:.0}% of people",
            null_better * 100.0
        );
    }
}

#[test]
fn late_waiting_rerates_are_not_compared() {
    let on_time = GenerateOptions::new(600, 42, t0());
    let late = GenerateOptions { late_waiting_rerates: true, ..on_time.clone() };
    let order = |options: &GenerateOptions| -> Vec<String> {
        let helps = generated(options).what_helps().unwrap();
        helps
            .techniques
            .iter()
            .filter(|t| !t.baseline)
            .map(|t| t.technique_id.clone())
            .take(3)
            .collect()
    };
    let raw_late = generated(&late).what_helps().unwrap();
    let waiting = raw_late.techniques.iter().find(|t| t.baseline).unwrap();
    assert_eq!(waiting.uses, 0, "re-rates two days late are left out of the comparison");
    assert_eq!(order(&late).first(), order(&on_time).first(), "and the leader is the same");
}

#[test]
fn re_rates_at_varied_times_are_compared_like_for_like() {
    // After just waiting people often check in hours or days later, when the craving has
    // mostly passed; compared with re-rates right after a technique, that would make waiting
    // look better than it is. Only re-rates within the window are compared.
    for seed in 0..5 {
        let on_time = GenerateOptions::new(3_000, 5_000 + seed, t0());
        let varied = GenerateOptions { varied_rerates: true, ..on_time.clone() };
        let (a, b) =
            (generated(&on_time).what_helps().unwrap(), generated(&varied).what_helps().unwrap());
        let waiting = |h: &WhatHelps| h.techniques.iter().find(|t| t.baseline).unwrap().uses;
        assert!(
            waiting(&b) * 10 < waiting(&a) * 8,
            "seed {seed}: waiting's late re-rates are left out ({} compared, {} on time)",
            waiting(&b),
            waiting(&a)
        );
        let leader = |h: &WhatHelps| h.techniques[0].technique_id.clone();
        assert_eq!(leader(&b), leader(&a), "seed {seed}: the same technique leads");
        for (id, effect) in TRUE_EFFECTS {
            let t = b.techniques.iter().find(|t| t.technique_id == *id).unwrap();
            assert!(
                (t.benefit + effect).abs() < 0.4,
                "seed {seed}: {id} (planted {effect}) is read as {:.2} with varied check-in times",
                -t.benefit
            );
        }
    }
}

#[test]
fn two_or_three_lucky_evenings_never_outrank_what_helped_many_times() {
    for lucky in [2, 3] {
        for seed in 0..10 {
            let (mut store, clock) = store_at_t0();
            store.generate(&GenerateOptions::new(300, 2_000 + seed, t0())).unwrap();
            crate::support::lucky_halt_uses(&mut store, &clock, lucky);
            let helps = store.what_helps().unwrap();
            let strong =
                helps.techniques.iter().find(|t| t.technique_id == "breathing.box").unwrap();
            assert!(
                strong.uses >= 10,
                "seed {seed}: box breathing (planted −2) was used {} times",
                strong.uses
            );
            let halt =
                helps.techniques.iter().position(|t| t.technique_id == "steps.halt").unwrap();
            let by_box =
                helps.techniques.iter().position(|t| t.technique_id == "breathing.box").unwrap();
            assert!(
                by_box < halt,
                "seed {seed}: {lucky} lucky uses of HALT rank below box breathing's {} uses",
                strong.uses
            );
        }
    }
}

#[test]
fn lucky_evenings_are_never_the_first_suggestion() {
    use rand::SeedableRng;
    for lucky in [2, 3] {
        for seed in 0..5 {
            let (mut store, clock) = store_at_t0();
            store.generate(&GenerateOptions::new(300, 2_000 + seed, t0())).unwrap();
            crate::support::lucky_halt_uses(&mut store, &clock, lucky);
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let (mut halt_anywhere, mut box_first) = (0, 0);
            for _ in 0..200 {
                let offered = store
                    .suggest_with(&ebb_core::SuggestRequest { urge_id: None }, &mut rng)
                    .unwrap();
                assert_ne!(
                    offered[0].technique_id, "steps.halt",
                    "seed {seed}: {lucky} lucky uses of HALT were suggested first"
                );
                halt_anywhere += u32::from(offered.iter().any(|s| s.technique_id == "steps.halt"));
                box_first += u32::from(offered[0].technique_id == "breathing.box");
            }
            assert!(
                box_first >= 150,
                "seed {seed}: box breathing (planted −2, the surest) came first {box_first} of 200 \
                 times"
            );
            assert!(
                halt_anywhere > 0,
                "seed {seed}: HALT, tried {lucky} times, still gets its turn further down"
            );
        }
    }
}

/// Over `seeds` generated people: in how many the "After work" line named `technique`, and in
/// how many any situation claimed that something other than the list's leader did better.
fn situation_claims(
    options: &dyn Fn(u64) -> GenerateOptions,
    seeds: u64,
    technique: &str,
) -> (u64, u64) {
    let (mut named, mut any) = (0, 0);
    for seed in 0..seeds {
        let helps = generated(&options(seed)).what_helps().unwrap();
        let best = |c: &ebb_core::ContextResult| c.best.clone();
        any += u64::from(helps.contexts.iter().filter_map(best).any(|b| b.differs));
        named += u64::from(helps.contexts.iter().any(|c| {
            c.label == "After work" && best(c).is_some_and(|b| b.technique_id == technique)
        }));
    }
    (named, any)
}

#[test]
fn a_situation_is_named_only_where_it_really_differs() {
    let seeds = 20;
    let planted = |seed| GenerateOptions {
        after_work_effects: vec![("breathing.extended-exhale".to_owned(), -3.0)],
        ..GenerateOptions::new(3_000, 3_000 + seed, t0())
    };
    // Extended exhale (−1 overall) is planted 3 points stronger after work, where it beats
    // box breathing (−2), the list's leader.
    let (named, claimed) = situation_claims(&planted, seeds, "breathing.extended-exhale");
    assert!(
        named * 10 >= seeds * 8,
        "extended exhale, planted stronger after work, is named there in {named} of {seeds}"
    );
    eprintln!("planted after work: named in {named} of {seeds}, a difference claimed in {claimed}");
    assert!(claimed >= named, "as a situation that differs from the list");
    let plain = |seed| GenerateOptions::new(3_000, 3_000 + seed, t0());
    let (_, any) = situation_claims(&plain, seeds, "breathing.extended-exhale");
    eprintln!("nothing planted: a difference claimed in {any} of {seeds}");
    assert!(
        any * 10 <= seeds,
        "with no situation effect planted, {any} of {seeds} people were told a situation differs"
    );
}

/// How often each planted technique's interval held the truth over `seeds` people made by
/// `options`, and how often the top of the list was `leader`.
fn held_and_led(
    options: &dyn Fn(&mut Store, u64) -> GenerateOptions,
    seeds: u64,
    leader: &str,
) -> (Vec<(String, f64)>, u64) {
    let mut held: Vec<(String, u32)> = Vec::new();
    let mut led = 0;
    for seed in 0..seeds {
        let (mut store, _) = store_at_t0();
        let options = options(&mut store, seed);
        store.generate(&options).unwrap();
        let helps = store.what_helps().unwrap();
        led += u64::from(helps.techniques.first().is_some_and(|t| t.technique_id == leader));
        for (id, effect) in &options.effects {
            let t = helps.techniques.iter().find(|t| &t.technique_id == id).unwrap();
            let hit = t.low <= -effect && -effect <= t.high;
            match held.iter_mut().find(|(h, _)| h == id) {
                Some((_, n)) => *n += u32::from(hit),
                None => held.push((id.clone(), u32::from(hit))),
            }
        }
    }
    let shares = held.into_iter().map(|(id, n)| (id, f64::from(n) / seeds as f64)).collect();
    (shares, led)
}

#[test]
fn techniques_used_together_are_each_credited_their_own_effect() {
    // A third of the cravings with a technique get a second one, and the two effects add.
    let seeds = 20;
    let together = |_: &mut Store, seed| GenerateOptions {
        together_share: 0.33,
        ..GenerateOptions::new(3_000, 4_000 + seed, t0())
    };
    let (shares, led) = held_and_led(&together, seeds, "breathing.box");
    eprintln!("together: {shares:?}; box first in {led} of {seeds}");
    // Two strong techniques together push many re-rates to the scale's floor (0), where their
    // effects stop adding up, so the strongest one's interval holds its truth less often than
    // alone (70% over these seeds; issue #15 keeps this open). The ranking is what must hold.
    for (id, share) in &shares {
        assert!(
            *share >= 0.6,
            "used together, {id}'s interval held its own effect {share:.2} of the time"
        );
    }
    assert!(led * 10 >= seeds * 9, "box breathing (−2) still leads: {led} of {seeds}");
}

#[test]
fn a_persons_own_pattern_is_estimated_like_any_other() {
    let seeds = 20;
    let own = |store: &mut Store, seed| {
        let mine = store
            .create_pattern(ebb_core::PatternInput {
                name: "My 5-7".into(),
                inhale: 5.0,
                hold_in: 0.0,
                exhale: 7.0,
                hold_out: 0.0,
            })
            .unwrap();
        let mut options = GenerateOptions::new(300, 5_000 + seed, t0());
        options.effects.push((mine.id, -2.5));
        options
    };
    let (shares, _) = held_and_led(&own, seeds, "");
    eprintln!("own pattern: {shares:?}");
    for (id, share) in &shares {
        assert!(
            *share >= 0.8,
            "with an own pattern among them, {id}'s interval held the truth {share:.2}"
        );
    }
}
