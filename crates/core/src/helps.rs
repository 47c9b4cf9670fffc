//! "What helps me" and suggestions: honest statistics on the person's own records (care.md §5).
//!
//! People log at a peak, so a craving falls afterwards whatever they do. A raw before → after drop
//! flatters every technique; instead, for every re-rated craving the model is
//!
//! ```text
//! after = a + b·before + Σ effect(technique used)        ("just waited" is the baseline: 0)
//! ```
//!
//! fitted by weighted least squares with a hierarchical Gaussian prior on the effects: each is
//! centred on the catalog's evidence-based prior (the person's own average effect for their own
//! patterns), and the spread of true effects around those centres, τ, is learned from the
//! person's own data (empirical Bayes, EM with a weak prior on τ), so a technique that truly
//! helps a lot is found quickly while a few lucky uses are still held back. Recent cravings
//! weigh more (half-life [`HALF_LIFE_DAYS`]): benefits fade with habituation.
//!
//! Only like-for-like check-ins are compared: a re-rate counts when it came within
//! [`rerate_window_minutes`] of the craving (a craving re-rated two days later has passed
//! whatever anyone did); later ones stay in History but not in the fit.
//!
//! The list is ranked by the 90% interval's lower end, techniques with fewer than
//! [`EARLY_DAYS_USES`] uses after the rest: a lucky evening never outranks what helped fifty
//! times.
//!
//! Per context (a trigger or feeling chip, the time of day, the craving's strength) the residuals
//! of each technique are shrunk toward its overall effect, and say nothing until there are
//! enough. The first suggestion is what has surely helped (the list's rule, in this situation);
//! the others are Thompson samples from these posteriors with a small exploration floor.
//!
//! The fit needs only sums over the re-rated cravings, and those are stored (`sums.rs`, kept
//! per bucket of about 12 days and marked for recomputing by triggers whenever a write touches
//! them), so opening "what helps" reads a few hundred small rows, not every craving, and a
//! check-in re-reads one bucket. The fitted model is kept in memory until the stored sums
//! change; logging a new craving doesn't change them, so the suggestion right after a log costs
//! no refit.

mod sums;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Timelike, Utc};
use rand::Rng;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalog::TechniqueKind;
use crate::{Result, Store, builtin_technique};

/// Recent cravings count more: a craving this many days older than the newest weighs half.
pub const HALF_LIFE_DAYS: f64 = 180.0;
/// Where the spread of true effects around their priors (τ, points) starts, and the weak prior
/// it is pulled toward when a person has used only a few techniques.
const TAU_PRIOR: f64 = 2.0;
/// How many techniques' worth of weight that prior on τ carries.
const TAU_PRIOR_WEIGHT: f64 = 2.0;
/// The range τ is kept in, points.
const TAU_RANGE: (f64, f64) = (0.3, 3.0);
/// In suggestions, the spread of a never-used technique's draw (points²).
const UNUSED_VARIANCE: f64 = 0.25;
/// Techniques with fewer uses than this are "early days": listed after the rest.
pub const EARLY_DAYS_USES: u32 = 5;
/// How many pseudo-uses a per-context estimate starts from (its overall effect).
const CONTEXT_PSEUDO_USES: f64 = 5.0;
/// A situation is reported once it has this many re-rated cravings.
pub const CONTEXT_MIN_RATED: u32 = 10;
/// A technique's result in a situation is named once it was used this often there.
const CONTEXT_MIN_USES: u32 = 3;
/// The chance that a suggestion slot goes to a technique picked at random (exploration floor).
pub const EXPLORATION: f64 = 0.1;
/// How many suggestions are offered.
pub const SUGGESTIONS: usize = 3;
/// The z value of a 90% interval.
const Z90: f64 = 1.645;

/// The 90% multiplier for an effect estimated from `uses` uses: Student's t with `2·uses − 1`
/// degrees of freedom.
///
/// The noise σ² is pooled over every re-rated craving, but the spread of effects τ is learned
/// from a handful of techniques, so the interval needs more than the normal's 1.645 with few
/// uses and about that with many. The degrees of freedom are calibrated by simulation
/// (`tests/core/calibration.rs`, 1,000 generated people of 60 cravings each): with the
/// technique's own `uses − 1` the intervals held the truth 94–97% of the time, with the pooled
/// residual degrees of freedom 79–94% (the strongest technique, shrunk toward its prior, fell
/// short); with `2·uses − 1`, 89–94% for every planted technique.
fn t90(uses: u32) -> f64 {
    const SMALL: [f64; 10] = [6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812];
    match (2 * uses).saturating_sub(1) {
        0 => SMALL[0],
        df @ 1..=10 => SMALL[df as usize - 1],
        df => {
            // Cornish–Fisher beyond 10 (within 0.001 of the table).
            let (z, n) = (Z90, f64::from(df));
            z + (z.powi(3) + z) / (4.0 * n)
                + (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / (96.0 * n * n)
        }
    }
}
const WAITING: &str = "waiting";

/// One technique's result, as "What helps me" lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct TechniqueEffect {
    /// The technique's id.
    pub technique_id: String,
    /// Its name.
    pub name: String,
    /// Re-rated cravings it was used for.
    pub uses: u32,
    /// How much lower the craving was at re-rate than waiting would predict, in points
    /// (positive = lower); 0 for the baseline itself.
    pub benefit: f64,
    /// The 90% interval of `benefit`.
    pub low: f64,
    /// The 90% interval of `benefit`.
    pub high: f64,
    /// Share of those cravings where the person didn't use or used less than planned.
    pub win_share: Option<f64>,
    /// How many of those cravings had what-they-did recorded.
    pub win_of: u32,
    /// "based on 3 uses — early days".
    pub confidence: String,
    /// "Just waited": the baseline everything is compared with.
    pub baseline: bool,
}

/// The best technique in one situation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ContextBest {
    /// The technique's id.
    pub technique_id: String,
    /// Its name.
    pub name: String,
    /// Points lower than waiting in this situation: its overall effect plus what this
    /// situation adds, shrunk toward the overall effect.
    pub benefit: f64,
    /// The 90% interval of `benefit`.
    pub low: f64,
    /// The 90% interval of `benefit`.
    pub high: f64,
    /// Uses in this situation.
    pub uses: u32,
    /// Something other than the list's leader did credibly better here (its benefit minus the
    /// leader's, in this situation, has a 90% interval above 0). When false, this is the
    /// leader: the situation doesn't differ.
    pub differs: bool,
}

/// One situation (a trigger, a feeling, a time of day, a strength) with enough data.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ContextResult {
    /// "After work", "In the evening", "Strong cravings (8–10)".
    pub label: String,
    /// Re-rated cravings in this situation.
    pub rated: u32,
    /// What helped most here, if anything was used often enough.
    pub best: Option<ContextBest>,
}

/// "What helps me".
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct WhatHelps {
    /// Every technique used at least once, and "just waited", best first.
    pub techniques: Vec<TechniqueEffect>,
    /// Re-rated cravings the estimates rest on.
    pub rated: u32,
    /// Situations with enough data, most data first.
    pub contexts: Vec<ContextResult>,
    /// What to say when there isn't enough for situations yet.
    pub contexts_note: Option<String>,
}

/// A technique offered for this moment, with its reason in plain words.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Suggestion {
    /// The technique's id.
    pub technique_id: String,
    /// Its name.
    pub name: String,
    /// One line: why this, now.
    pub reason: String,
}

/// Ask for suggestions, for a craving just logged (its chips, hour and strength tailor them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SuggestRequest {
    /// The craving, if there is one.
    #[serde(default)]
    #[ts(optional)]
    pub urge_id: Option<String>,
}

/// What the person did with the suggestions shown.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SuggestionResponse {
    /// The craving they were shown for, if any.
    #[serde(default)]
    #[ts(optional)]
    pub urge_id: Option<String>,
    /// The techniques offered, in order (1–5).
    pub offered: Vec<String>,
    /// The one chosen, or none for "not now".
    #[serde(default)]
    #[ts(optional)]
    pub chosen: Option<String>,
}

/// A situation a craving can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Context {
    /// A chip, by its position in `Model::chips`.
    Chip(u32),
    Time(u8),
    Strength(u8),
}

impl Context {
    /// A situation from its key in the stored sums ("chip:<id>", "time:<band>",
    /// "strength:<band>").
    fn parse(key: &str, chips: &HashMap<String, u32>) -> Option<Context> {
        if let Some(id) = key.strip_prefix("chip:") {
            return chips.get(id).map(|&n| Context::Chip(n));
        }
        if let Some(band) = key.strip_prefix("time:") {
            return band.parse().ok().filter(|b| *b < 4).map(Context::Time);
        }
        key.strip_prefix("strength:")?.parse().ok().filter(|b| *b < 3).map(Context::Strength)
    }
}

const TIME_BANDS: [&str; 4] = ["In the morning", "In the afternoon", "In the evening", "At night"];
const TIME_REASONS: [&str; 4] =
    ["in the morning", "in the afternoon", "in the evening", "at night"];
const STRENGTHS: [&str; 3] =
    ["Milder cravings (0–4)", "Medium cravings (5–7)", "Strong cravings (8–10)"];
const STRENGTH_REASONS: [&str; 3] =
    ["with milder cravings", "with medium cravings", "with strong cravings"];

/// How long after a craving its re-rate still counts as a like-for-like check-in, in minutes:
/// three times the person's check-in interval, at least an hour.
pub fn rerate_window_minutes(rerate_minutes: u32) -> u32 {
    (rerate_minutes.saturating_mul(3)).max(60)
}

fn time_band(local_hour: u32) -> u8 {
    match local_hour {
        5..=11 => 0,
        12..=16 => 1,
        17..=21 => 2,
        _ => 3,
    }
}

fn strength_band(intensity: u8) -> u8 {
    match intensity {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

fn local_hour(at: DateTime<Utc>, offset_minutes: i64) -> u32 {
    (at + chrono::Duration::minutes(offset_minutes)).hour()
}

#[derive(Debug, Clone, Default)]
struct Group {
    weight: f64,
    residuals: f64,
    count: u32,
}

impl Group {
    /// The residual mean shrunk toward 0 (the overall effect).
    fn shift(&self) -> f64 {
        self.residuals / (self.weight + CONTEXT_PSEUDO_USES)
    }

    /// The posterior variance of [`Group::shift`] for residual variance `sigma2`.
    fn variance(&self, sigma2: f64) -> f64 {
        sigma2 / (self.weight + CONTEXT_PSEUDO_USES)
    }
}

/// The fitted model: cached by the store until a write could change it.
#[derive(Debug, Default)]
pub(crate) struct Model {
    sigma2: f64,
    /// Per technique, the sum of its uses' recency weights (the evidence as the fit counts it).
    weight: Vec<f64>,
    /// Technique ids, in column order (waiting is not a column: it is the baseline).
    ids: Vec<String>,
    index: HashMap<String, usize>,
    effect: Vec<f64>,
    variance: Vec<f64>,
    uses: Vec<u32>,
    wins: Vec<(u32, u32)>,
    baseline_uses: u32,
    baseline_wins: (u32, u32),
    rated: u32,
    /// Per (situation, technique column or None for waiting).
    groups: HashMap<(Context, Option<usize>), Group>,
    context_rated: HashMap<Context, u32>,
    /// Chip ids seen on rated cravings, in `Context::Chip` order.
    chips: Vec<String>,
    chip_index: HashMap<String, u32>,
}

/// Solves `m · x = v` for a symmetric positive-definite `m` (Cholesky) and returns `x` and the
/// diagonal of `m⁻¹`.
fn solve(m: &[Vec<f64>], v: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = v.len();
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let sum: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                l[i][j] = (m[i][i] - sum).max(1e-12).sqrt();
            } else {
                l[i][j] = (m[i][j] - sum) / l[j][j];
            }
        }
    }
    let forward = |b: &[f64]| {
        let mut y = vec![0.0; n];
        for i in 0..n {
            y[i] = (b[i] - (0..i).map(|k| l[i][k] * y[k]).sum::<f64>()) / l[i][i];
        }
        y
    };
    let back = |y: &[f64]| {
        let mut x = vec![0.0; n];
        for i in (0..n).rev() {
            x[i] = (y[i] - (i + 1..n).map(|k| l[k][i] * x[k]).sum::<f64>()) / l[i][i];
        }
        x
    };
    let x = back(&forward(v));
    let mut diag = vec![0.0; n];
    for (i, d) in diag.iter_mut().enumerate() {
        let mut e = vec![0.0; n];
        e[i] = 1.0;
        *d = back(&forward(&e))[i];
    }
    (x, diag)
}

/// The prior effect of a technique (points; negative = lower than waiting): the catalog's.
fn catalog_prior(id: &str) -> Option<f64> {
    builtin_technique(id).and_then(|t| t.prior)
}

/// The weighted normal equations of `after = a + b·before + Σ effect`, before any prior or σ²:
/// built once per fit, so the prior's spread can be learned without re-reading the rows.
struct Normal {
    m: Vec<Vec<f64>>,
    v: Vec<f64>,
    /// Σ w·after², for the residual sum of squares.
    yy: f64,
    /// Σ w: the effective number of cravings.
    total: f64,
}

impl Normal {
    /// The equations from the stored sums, for technique columns `index`.
    ///
    /// Recency weights say how much each craving counts, not how noisy it is: scaled so they
    /// sum to the effective number of cravings (Kish: (Σw)²/Σw²), the fit's variances are those
    /// of the weighted estimate rather than of a sample that large.
    fn of(sums: &sums::Sums, index: &HashMap<String, usize>) -> Normal {
        let n = 2 + index.len();
        let mut m = vec![vec![0.0; n]; n];
        let mut v = vec![0.0; n];
        m[0][0] = sums.w;
        m[0][1] = sums.w_before;
        m[1][0] = sums.w_before;
        m[1][1] = sums.w_before2;
        v[0] = sums.w_after;
        v[1] = sums.w_before_after;
        for (id, t) in &sums.techniques {
            let c = 2 + index[id];
            m[0][c] = t.w;
            m[c][0] = t.w;
            m[1][c] = t.w_before;
            m[c][1] = t.w_before;
            m[c][c] = t.w;
            v[c] = t.w_after;
        }
        for (a, bs) in &sums.pairs {
            for (b, w) in bs {
                let (i, j) = (2 + index[a], 2 + index[b]);
                m[i][j] += w;
                m[j][i] += w;
            }
        }
        let scale = if sums.w2 > 0.0 { sums.w / sums.w2 } else { 1.0 };
        for row in &mut m {
            for x in row.iter_mut() {
                *x *= scale;
            }
        }
        for x in &mut v {
            *x *= scale;
        }
        Normal {
            m,
            v,
            yy: sums.w_after2 * scale,
            total: if sums.w2 > 0.0 { sums.w * sums.w / sums.w2 } else { 0.0 },
        }
    }

    /// The posterior means and variances with each effect's prior `priors[t]` and spread
    /// `tau`, for residual variance `sigma2`.
    fn solve(&self, priors: &[f64], tau: f64, sigma2: f64) -> (Vec<f64>, Vec<f64>) {
        let mut m: Vec<Vec<f64>> =
            self.m.iter().map(|r| r.iter().map(|x| x / sigma2).collect()).collect();
        let mut v: Vec<f64> = self.v.iter().map(|x| x / sigma2).collect();
        // Weak priors on the intercept and slope; the effects' priors carry the shrinkage.
        m[0][0] += 1.0 / 100.0;
        v[0] += 1.0 / 100.0;
        m[1][1] += 1.0;
        v[1] += 0.5;
        let precision = 1.0 / (tau * tau);
        for (t, prior) in priors.iter().enumerate() {
            m[2 + t][2 + t] += precision;
            v[2 + t] += precision * prior;
        }
        solve(&m, &v)
    }

    /// Σ w·(after − predicted)² for coefficients `coef`.
    fn sse(&self, coef: &[f64]) -> f64 {
        let mut quad = 0.0;
        for (i, row) in self.m.iter().enumerate() {
            for (j, mij) in row.iter().enumerate() {
                quad += coef[i] * mij * coef[j];
            }
        }
        let cross: f64 = coef.iter().zip(&self.v).map(|(c, v)| c * v).sum();
        (self.yy - 2.0 * cross + quad).max(0.0)
    }
}

/// What the store keeps between requests (see [`Store::helps_model`]): the last fit, and the
/// stored sums' generation it was made from.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    model: Option<(Arc<Model>, i64)>,
}

impl Model {
    /// Fits the model to the sums over every re-rated craving (weights relative to the newest).
    fn fit(sums: &sums::Sums) -> Model {
        // Every technique used, and the built-ins never used (a prior-only estimate, for
        // suggestions), in one fixed order.
        let mut ids: Vec<String> = sums.techniques.keys().cloned().collect();
        ids.extend(
            crate::builtin_techniques()
                .iter()
                .filter(|t| t.kind != TechniqueKind::Waiting)
                .map(|t| t.id.clone()),
        );
        ids.sort();
        ids.dedup();
        let index: HashMap<String, usize> =
            ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
        let ids = &ids;
        let k = ids.len();

        let normal = Normal::of(sums, &index);
        let weight = normal.total;

        // Pass 1: catalog priors, 0 for the person's own patterns; σ² from its residuals.
        let first: Vec<f64> = ids.iter().map(|id| catalog_prior(id).unwrap_or(0.0)).collect();
        let (coef, _) = normal.solve(&first, TAU_PRIOR, 1.5);
        let sigma2 =
            if weight > 3.0 { (normal.sse(&coef) / (weight - 2.0)).clamp(0.25, 9.0) } else { 1.5 };
        // The person's own overall effect: the prior for their own patterns.
        let mut uses = vec![0u32; k];
        let mut use_weight = vec![0.0; k];
        let mut wins = vec![(0, 0); k];
        for (id, t) in &sums.techniques {
            let c = index[id];
            uses[c] = t.uses;
            use_weight[c] = t.w;
            wins[c] = (t.wins, t.of);
        }
        let (sum, count) = ids
            .iter()
            .enumerate()
            .filter(|(_, id)| catalog_prior(id).is_some())
            .fold((0.0, 0u32), |(s, c), (t, _)| {
                (s + coef[2 + t] * f64::from(uses[t]), c + uses[t])
            });
        let own = if count > 0 { sum / f64::from(count) } else { 0.0 };
        let priors: Vec<f64> = ids.iter().map(|id| catalog_prior(id).unwrap_or(own)).collect();
        // The spread of true effects around their priors, learned by EM over the techniques
        // the person has used (a weak prior keeps it sane with one or two of them).
        let used: Vec<usize> = (0..k).filter(|&t| uses[t] > 0).collect();
        let mut tau = TAU_PRIOR;
        for _ in 0..50 {
            let (coef, diag) = normal.solve(&priors, tau, sigma2);
            let spread: f64 = used
                .iter()
                .map(|&t| (coef[2 + t] - priors[t]).powi(2) + diag[2 + t].max(0.0))
                .sum();
            let next = ((spread + TAU_PRIOR_WEIGHT * TAU_PRIOR * TAU_PRIOR)
                / (used.len() as f64 + TAU_PRIOR_WEIGHT))
                .sqrt()
                .clamp(TAU_RANGE.0, TAU_RANGE.1);
            let done = (next - tau).abs() < 1e-4;
            tau = next;
            if done {
                break;
            }
        }
        // The final fit.
        let (coef, diag) = normal.solve(&priors, tau, sigma2);

        // Situations: chips by id in a fixed order, then each group's residual sum from the
        // final coefficients (a residual is linear in them).
        let chips: Vec<String> = sums
            .contexts
            .keys()
            .filter_map(|k| k.strip_prefix("chip:"))
            .map(str::to_owned)
            .collect();
        let chip_index: HashMap<String, u32> =
            chips.iter().enumerate().map(|(i, id)| (id.clone(), i as u32)).collect();
        let mut groups = HashMap::new();
        let mut context_rated = HashMap::new();
        for (key, c) in &sums.contexts {
            let Some(context) = Context::parse(key, &chip_index) else { continue };
            context_rated.insert(context, c.rated);
            for (column, g) in &c.groups {
                let column = if column.is_empty() { None } else { Some(index[column]) };
                let effects: f64 = g.with.iter().map(|(id, w)| coef[2 + index[id]] * w).sum();
                let residuals = g.w_after - coef[0] * g.w - coef[1] * g.w_before - effects;
                groups.insert((context, column), Group { weight: g.w, residuals, count: g.count });
            }
        }
        Model {
            sigma2,
            weight: use_weight,
            effect: coef[2..].to_vec(),
            variance: diag[2..].to_vec(),
            uses,
            wins,
            baseline_uses: sums.baseline_uses,
            baseline_wins: (sums.baseline_wins, sums.baseline_of),
            rated: sums.rated,
            ids: ids.clone(),
            index,
            groups,
            context_rated,
            chips,
            chip_index,
        }
    }

    fn column(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The effect of `column` (None = waiting) in `context`, relative to waiting there.
    fn context_benefit(&self, context: &Context, column: usize) -> Option<(f64, u32)> {
        self.context_estimate(context, column).map(|(benefit, _, uses)| (benefit, uses))
    }

    /// [`Model::context_benefit`] with the variance of what the situation adds (the
    /// technique's and waiting's shrunk shifts there).
    fn context_estimate(&self, context: &Context, column: usize) -> Option<(f64, f64, u32)> {
        let g = self.groups.get(&(*context, Some(column)))?;
        let base = self.groups.get(&(*context, None));
        let shift = g.shift() - base.map_or(0.0, Group::shift);
        let variance = g.variance(self.sigma2) + base.map_or(0.0, |b| b.variance(self.sigma2));
        Some((-(self.effect[column] + shift), variance, g.count))
    }
}

fn confidence(uses: u32) -> String {
    match uses {
        0 => "not used yet".to_owned(),
        1 => "based on 1 use — early days".to_owned(),
        2..=4 => format!("based on {uses} uses — early days"),
        _ => format!("based on {} uses", crate::text::group_thousands(uses as usize)),
    }
}

/// [`confidence`], saying so when recency weighting leaves much of the count behind: with years
/// of data the fit rests mostly on the recent months, and the words shouldn't claim more.
fn confidence_weighted(uses: u32, weight: f64) -> String {
    if uses >= EARLY_DAYS_USES && weight < 0.7 * f64::from(uses) {
        format!("{}, mostly from the last few months", confidence(uses))
    } else {
        confidence(uses)
    }
}

fn points(benefit: f64) -> String {
    let rounded = benefit.round().max(1.0) as i64;
    if rounded == 1 { "about 1 point".to_owned() } else { format!("about {rounded} points") }
}

impl Store {
    /// The fitted model: from the stored sums (dirty buckets recomputed and stored first), kept
    /// in memory until they change.
    pub(crate) fn helps_model(&self) -> Result<Arc<Model>> {
        let mut cache = self.helps.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let window = sums::window_ms(&self.conn)?;
        if let Err(e) = sums::bring_up_to_date(&self.conn, window) {
            // A store that can't be written just now (a full disk, a long lock elsewhere)
            // still answers: what couldn't be stored is recomputed in memory below.
            eprintln!("ebb: what helps couldn't store its sums ({e}); reading them afresh");
        }
        // One snapshot: where the sums stand, and the sums.
        let tx = self.conn.unchecked_transaction()?;
        let stamp = sums::stamp(&tx, window)?;
        if stamp.current()
            && let Some((model, generation)) = &cache.model
            && *generation == stamp.generation
        {
            return Ok(model.clone());
        }
        let total = sums::total(&tx, window, &stamp)?;
        tx.commit()?;
        let model = Arc::new(Model::fit(&total));
        cache.model = stamp.current().then(|| (model.clone(), stamp.generation));
        Ok(model)
    }

    /// Forgets the fit kept in memory: the next one starts from the stored sums (benchmarks
    /// call it to time the first fit after opening).
    pub fn forget_helps(&self) {
        let mut cache = self.helps.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *cache = Cache::default();
    }

    /// Brings the stored sums up to date, recomputing what writes have marked: the shell calls
    /// it on a second connection once the first screen is up, so after an upgrade (every bucket
    /// to sum once) the person's own connection never waits for a long history to be read.
    /// Each bucket is its own short write transaction.
    pub fn refresh_helps(&self) -> Result<()> {
        let window = sums::window_ms(&self.conn)?;
        sums::bring_up_to_date(&self.conn, window)
    }

    /// Marks every stored sum for recomputing from the records (as an upgrade does). The next
    /// fit, or [`Store::refresh_helps`], sums every re-rated craving again.
    pub fn rebuild_helps(&self) -> Result<()> {
        self.conn.execute("UPDATE helps_meta SET window_ms = -1", [])?;
        self.forget_helps();
        Ok(())
    }

    fn label_of(&self, model: &Model, context: &Context, for_reason: bool) -> Result<String> {
        Ok(match context {
            Context::Chip(n) => {
                let id = model.chips.get(*n as usize).map_or("", String::as_str);
                let label = self.chip(id)?.label;
                if for_reason { format!("with \u{201c}{label}\u{201d}") } else { label }
            }
            Context::Time(band) => {
                let labels = if for_reason { TIME_REASONS } else { TIME_BANDS };
                labels[usize::from(*band)].to_owned()
            }
            Context::Strength(band) => {
                let labels = if for_reason { STRENGTH_REASONS } else { STRENGTHS };
                labels[usize::from(*band)].to_owned()
            }
        })
    }

    /// "What helps me": every technique used, against "just waited", best first, and the
    /// situations with enough data.
    pub fn what_helps(&self) -> Result<WhatHelps> {
        let model = self.helps_model()?;
        let mut techniques = Vec::new();
        for (t, id) in model.ids.iter().enumerate() {
            if model.uses[t] == 0 {
                continue;
            }
            let benefit = -model.effect[t];
            let sd = model.variance[t].max(0.0).sqrt();
            let (wins, of) = model.wins[t];
            techniques.push(TechniqueEffect {
                technique_id: id.clone(),
                name: self.technique_name(id)?,
                uses: model.uses[t],
                benefit,
                low: benefit - t90(model.uses[t]) * sd,
                high: benefit + t90(model.uses[t]) * sd,
                win_share: (of > 0).then(|| f64::from(wins) / f64::from(of)),
                win_of: of,
                confidence: confidence_weighted(model.uses[t], model.weight[t]),
                baseline: false,
            });
        }
        let (wins, of) = model.baseline_wins;
        techniques.push(TechniqueEffect {
            technique_id: WAITING.to_owned(),
            name: self.technique_name(WAITING)?,
            uses: model.baseline_uses,
            benefit: 0.0,
            low: 0.0,
            high: 0.0,
            win_share: (of > 0).then(|| f64::from(wins) / f64::from(of)),
            win_of: of,
            confidence: confidence(model.baseline_uses),
            baseline: true,
        });
        // Robust to small numbers: by the interval's lower end (how much better than waiting
        // it surely is), early days after the rest, so a few lucky uses never lead.
        let early = |t: &TechniqueEffect| !t.baseline && t.uses < EARLY_DAYS_USES;
        techniques.sort_by(|a, b| {
            early(a)
                .cmp(&early(b))
                .then(b.low.total_cmp(&a.low))
                .then(b.benefit.total_cmp(&a.benefit))
                .then(b.uses.cmp(&a.uses))
        });

        let mut situations = Vec::new();
        for (context, rated) in &model.context_rated {
            if *rated >= CONTEXT_MIN_RATED {
                situations.push((context, *rated, self.label_of(&model, context, false)?));
            }
        }
        // Most data first; ties by name, so the order never depends on how the fit was reached.
        situations.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2)));
        // The list's leader: a situation names something else only where that did credibly
        // better than the leader there.
        let leader =
            techniques.iter().find(|t| !t.baseline).and_then(|t| model.column(&t.technique_id));
        let mut contexts = Vec::new();
        for (context, rated, label) in situations.into_iter().take(12) {
            let estimate = |t: usize| {
                model.context_estimate(context, t).filter(|(_, _, uses)| *uses >= CONTEXT_MIN_USES)
            };
            let top = (0..model.ids.len())
                .filter_map(|t| estimate(t).map(|e| (t, e)))
                .max_by(|a, b| a.1.0.total_cmp(&b.1.0));
            let chosen = match (top, leader) {
                (Some((t, (benefit, _, _))), Some(l)) if t != l => {
                    // Waiting's shift in this situation is common to both and cancels; what can
                    // differ are the two overall effects and the two situation shifts.
                    let leader_benefit = estimate(l).map_or(-model.effect[l], |(b, _, _)| b);
                    let shift_variance = |c: usize| {
                        model
                            .groups
                            .get(&(*context, Some(c)))
                            .map_or(0.0, |g| g.variance(model.sigma2))
                    };
                    let sd = (model.variance[t]
                        + model.variance[l]
                        + shift_variance(t)
                        + shift_variance(l))
                    .max(0.0)
                    .sqrt();
                    if benefit - leader_benefit - Z90 * sd > 0.0 {
                        Some((t, true))
                    } else {
                        estimate(l).map(|_| (l, false))
                    }
                }
                (Some((t, _)), _) => Some((t, false)),
                (None, _) => None,
            };
            let best = match chosen {
                Some((t, differs)) => {
                    let (benefit, variance, uses) = estimate(t).unwrap_or_default();
                    let sd = (variance + model.variance[t]).max(0.0).sqrt();
                    let id = &model.ids[t];
                    Some(ContextBest {
                        technique_id: id.clone(),
                        name: self.technique_name(id)?,
                        benefit,
                        low: benefit - Z90 * sd,
                        high: benefit + Z90 * sd,
                        uses,
                        differs,
                    })
                }
                None => None,
            };
            contexts.push(ContextResult { label, rated, best });
        }
        let contexts_note = contexts.is_empty().then(|| {
            format!(
                "Results for situations (a trigger, a feeling, the time of day) show once one has \
                 about {CONTEXT_MIN_RATED} cravings with a check-in; so far there are {} in all.",
                model.rated
            )
        });
        Ok(WhatHelps { techniques, rated: model.rated, contexts, contexts_note })
    }

    /// The top techniques for this moment, by Thompson sampling (randomness from the system).
    pub fn suggest(&self, request: &SuggestRequest) -> Result<Vec<Suggestion>> {
        self.suggest_with(request, &mut rand::rng())
    }

    /// [`Store::suggest`] with a given random source (seeded in tests: deterministic).
    pub fn suggest_with(
        &self,
        request: &SuggestRequest,
        rng: &mut impl Rng,
    ) -> Result<Vec<Suggestion>> {
        let model = self.helps_model()?;
        let mut contexts = Vec::new();
        let mut strong = false;
        if let Some(id) = &request.urge_id {
            let urge = self.urge(id)?;
            strong = urge.intensity >= 7;
            // A chip no rated craving has carries no information yet.
            contexts.extend(
                urge.chip_ids
                    .iter()
                    .filter_map(|c| model.chip_index.get(c))
                    .map(|&n| Context::Chip(n)),
            );
            contexts.push(Context::Time(time_band(local_hour(
                urge.occurred_at,
                i64::from(urge.utc_offset_minutes),
            ))));
            contexts.push(Context::Strength(strength_band(urge.intensity)));
        }
        let library = self.library()?;
        let hidden: HashSet<&String> = library.hidden.iter().collect();
        struct Candidate {
            id: String,
            name: String,
            mean: f64,
            sd: f64,
            column: Option<usize>,
            evidence: Option<String>,
        }
        let mut candidates: Vec<Candidate> = library
            .techniques
            .iter()
            .filter(|t| t.kind != TechniqueKind::Waiting && !hidden.contains(&t.id))
            .map(|t| {
                let column = model.column(&t.id);
                // A technique never used keeps the catalog's narrow spread here: the exploration
                // floor, not a wide prior, is what makes sure it gets tried.
                let (mut mean, var) = column.map_or((0.0, UNUSED_VARIANCE), |c| {
                    let var = model.variance[c];
                    let var = if model.uses[c] == 0 { var.min(UNUSED_VARIANCE) } else { var };
                    (-model.effect[c], var)
                });
                if let Some(c) = column {
                    let shifts: Vec<f64> = contexts
                        .iter()
                        .filter_map(|ctx| model.context_benefit(ctx, c))
                        .map(|(benefit, _)| benefit - mean)
                        .collect();
                    if !shifts.is_empty() {
                        mean += shifts.iter().sum::<f64>() / shifts.len() as f64;
                    }
                }
                Candidate {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    mean,
                    sd: (var + model.sigma2 / (CONTEXT_PSEUDO_USES * 4.0)).sqrt(),
                    column,
                    evidence: t.evidence.clone(),
                }
            })
            .collect();
        let mut chosen: Vec<Candidate> = Vec::new();
        // First, what has surely helped: the highest 90% lower end (as the list ranks) among
        // techniques past their early days and surely better than waiting. A few lucky uses
        // can't take this place; they can still come up below, where Thompson sampling and the
        // exploration floor give everything its turn.
        let uses_of = |c: &Candidate| c.column.map_or(0, |t| model.uses[t]);
        let surest = candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| uses_of(c) >= EARLY_DAYS_USES)
            .map(|(i, c)| (i, c.mean - t90(uses_of(c)) * c.sd))
            .filter(|(_, low)| *low > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, _)) = surest {
            chosen.push(candidates.swap_remove(i));
        }
        while chosen.len() < SUGGESTIONS && !candidates.is_empty() {
            let pick = if rng.random_bool(EXPLORATION) {
                rng.random_range(0..candidates.len())
            } else {
                let mut best = (0, f64::NEG_INFINITY);
                for (i, c) in candidates.iter().enumerate() {
                    let z = normal(rng);
                    let sample = c.mean + c.sd * z;
                    if sample > best.1 {
                        best = (i, sample);
                    }
                }
                best.0
            };
            chosen.push(candidates.swap_remove(pick));
        }
        let mut out = Vec::with_capacity(chosen.len());
        for c in chosen {
            let uses = uses_of(&c);
            let reason = if uses >= 3 && c.mean >= 0.5 {
                // Name the situation it was used in most often now, if any.
                let best_context = c.column.and_then(|t| {
                    contexts
                        .iter()
                        .filter_map(|ctx| model.context_benefit(ctx, t).map(|(_, n)| (ctx, n)))
                        .filter(|(_, n)| *n >= CONTEXT_MIN_USES)
                        .max_by_key(|(_, n)| *n)
                });
                match best_context {
                    Some((ctx, n)) => format!(
                        "{} lower than waiting, {} times {}",
                        capitalise(&points(c.mean)),
                        crate::text::group_thousands(n as usize),
                        self.label_of(&model, ctx, true)?
                    ),
                    None => format!(
                        "{} lower than waiting, over {} times",
                        capitalise(&points(c.mean)),
                        crate::text::group_thousands(uses as usize)
                    ),
                }
            } else if uses >= 3 {
                format!(
                    "Tried {} times; no clear difference from waiting yet",
                    crate::text::group_thousands(uses as usize)
                )
            } else if uses >= 1 {
                format!(
                    "Tried {} — early days",
                    if uses == 1 { "once".to_owned() } else { format!("{uses} times") }
                )
            } else if strong {
                c.evidence.clone().unwrap_or_else(|| "Often helps with strong cravings".to_owned())
            } else {
                c.evidence.clone().unwrap_or_else(|| "Something new to try".to_owned())
            };
            out.push(Suggestion { technique_id: c.id, name: c.name, reason });
        }
        Ok(out)
    }

    /// Records what the person did with suggestions: chose one, or "not now".
    pub fn record_suggestion(&mut self, response: SuggestionResponse) -> Result<()> {
        if response.offered.is_empty() || response.offered.len() > 5 {
            return Err(crate::Invalid::new(
                "offered",
                format!("Between 1 and 5 suggestions are shown; got {}.", response.offered.len()),
            )
            .into());
        }
        for id in &response.offered {
            self.usable_technique("offered", id)?;
        }
        if let Some(chosen) = &response.chosen
            && !response.offered.contains(chosen)
        {
            return Err(crate::Invalid::new(
                "chosen",
                format!(
                    "\u{201c}{}\u{201d} wasn't among the suggestions shown.",
                    crate::text::quoted(chosen)
                ),
            )
            .into());
        }
        if let Some(id) = &response.urge_id {
            self.urge(id)?;
        }
        let now = self.clock.now();
        let id = self.ids.next_id(now).to_string();
        let offered = serde_json::to_string(&response.offered).map_err(|e| {
            crate::Invalid::new("offered", format!("The suggestions couldn't be read: {e}"))
        })?;
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO suggestion_responses (id, urge_id, offered, chosen, at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            id,
            response.urge_id,
            offered,
            response.chosen,
            now.timestamp_millis()
        ])?;
        tx.commit()?;
        Ok(())
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().collect::<String>() + chars.as_str())
}

/// A standard normal sample (Box–Muller).
pub(crate) fn normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}
