//! The built-in technique catalog (care.md §4): breathing patterns, urge surfing, step-by-step
//! practices and "just waited", as versioned data embedded in the binary. Every number in it
//! comes from care.md and cites it in `source`.
//!
//! Breathing patterns are validated by the same rules as the person's own patterns will be
//! ([`BreathingPattern::validate`]), so a built-in can never break them.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Invalid;

/// The longest phase of a breathing pattern, in seconds.
pub const MAX_PHASE_SECONDS: f64 = 20.0;
/// The shortest breath (a whole cycle), in seconds: Ebb's patterns are slow breathing, never
/// fast or hyperventilation patterns (care.md §4: slow breathing is under 10 breaths a minute).
pub const MIN_CYCLE_SECONDS: f64 = 6.0;

/// What kind of technique it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TechniqueKind {
    /// A paced breathing pattern.
    Breathing,
    /// Urge surfing with its guided script and check-ins.
    UrgeSurfing,
    /// A step-by-step practice, one step a screen.
    Steps,
    /// Just waiting: the baseline.
    Waiting,
    /// Writing it down: the journal editor, linked to the craving.
    Journaling,
    /// Calling or texting a support person (its player is the support-people list).
    ReachingOut,
}

/// A breathing pattern, in seconds per phase.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct BreathingPattern {
    /// Breathing in.
    pub inhale: f64,
    /// A short second breath in on top (cyclic sighing); 0 for none.
    #[serde(default)]
    pub top_up: f64,
    /// Holding after breathing in; 0 for none.
    #[serde(default)]
    pub hold_in: f64,
    /// Breathing out.
    pub exhale: f64,
    /// Holding after breathing out; 0 for none.
    #[serde(default)]
    pub hold_out: f64,
}

impl BreathingPattern {
    /// One whole breath, in seconds.
    pub fn cycle_seconds(&self) -> f64 {
        self.inhale + self.top_up + self.hold_in + self.exhale + self.hold_out
    }

    /// Each phase 0–20 s in half-second steps; at least 1 s in and out; a slow breath overall.
    pub fn validate(&self) -> Result<(), Invalid> {
        let phases = [
            ("inhale", "Breathing in", self.inhale),
            ("topUp", "The top-up breath", self.top_up),
            ("holdIn", "The hold after breathing in", self.hold_in),
            ("exhale", "Breathing out", self.exhale),
            ("holdOut", "The hold after breathing out", self.hold_out),
        ];
        for (field, what, seconds) in phases {
            let half_steps = seconds * 2.0;
            if !seconds.is_finite()
                || !(0.0..=MAX_PHASE_SECONDS).contains(&seconds)
                || half_steps.fract() != 0.0
            {
                return Err(Invalid::new(
                    field,
                    format!("{what} is 0 to 20 seconds in half-second steps; got {seconds}."),
                ));
            }
        }
        for (field, what, seconds) in
            [("inhale", "Breathing in", self.inhale), ("exhale", "Breathing out", self.exhale)]
        {
            if seconds < 1.0 {
                return Err(Invalid::new(
                    field,
                    format!("{what} needs at least 1 second; got {seconds}."),
                ));
            }
        }
        let cycle = self.cycle_seconds();
        if cycle < MIN_CYCLE_SECONDS {
            return Err(Invalid::new(
                "pattern",
                format!(
                    "Ebb's patterns are slow breathing: one breath takes at least \
                     {MIN_CYCLE_SECONDS} seconds; this one takes {cycle}."
                ),
            ));
        }
        Ok(())
    }
}

/// One screen of a step-by-step practice or of the urge-surfing script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A few words.
    pub title: String,
    /// What to do, in a sentence or two.
    pub text: String,
}

/// A technique from the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct Technique {
    /// Stable id (`breathing.box`, `steps.rain`, `waiting` …): records refer to it.
    pub id: String,
    /// What kind it is.
    pub kind: TechniqueKind,
    /// Its name.
    pub name: String,
    /// One line: why it helps, in plain words.
    pub why: String,
    /// For breathing: the pattern.
    #[serde(default)]
    pub pattern: Option<BreathingPattern>,
    /// Session lengths offered, in seconds.
    #[serde(default)]
    pub durations: Vec<u32>,
    /// The length used with one tap, in seconds.
    #[serde(default)]
    pub default_duration: Option<u32>,
    /// Steps, for step-by-step practices and urge surfing.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Safety notes shown with it.
    #[serde(default)]
    pub safety: Vec<String>,
    /// Where its parameters come from.
    pub source: String,
    /// The evidence-based prior for "what helps": the expected change of the re-rated craving
    /// against just waiting, in points (negative = lower). `None` for the person's own patterns
    /// (their own average is used).
    #[serde(default)]
    pub prior: Option<f64>,
    /// One line of evidence in plain words, for suggesting it before there is personal data.
    #[serde(default)]
    pub evidence: Option<String>,
    /// One of the person's own patterns (never set by the catalog file).
    #[serde(default, skip_deserializing)]
    pub custom: bool,
}

/// The whole built-in catalog.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalog {
    version: u32,
    techniques: Vec<Technique>,
}

const CATALOG_JSON: &str = include_str!("catalog/techniques.json");

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    // Embedded at build time and checked by `every_builtin_technique_is_valid`: it cannot fail
    // in a build whose tests passed.
    serde_json::from_str(CATALOG_JSON).expect("the embedded technique catalog is valid JSON")
});

/// The built-in techniques, in the catalog's order.
pub fn builtin_techniques() -> &'static [Technique] {
    &CATALOG.techniques
}

/// The catalog's data version (raised when a built-in's text or numbers change).
pub fn catalog_version() -> u32 {
    CATALOG.version
}

/// A built-in technique by id.
pub fn builtin_technique(id: &str) -> Option<&'static Technique> {
    builtin_techniques().iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reason_is_its_own_and_cites_nothing() {
        // A reason is read in a craving moment: plain, varied, with sources behind "Why?".
        let all = builtin_techniques();
        let reasons: Vec<&str> = all.iter().filter_map(|t| t.evidence.as_deref()).collect();
        let mut unique = reasons.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), reasons.len(), "no two techniques give the same reason");
        for reason in reasons {
            let cites = reason.contains("et al")
                || reason.chars().filter(char::is_ascii_digit).count() >= 4;
            assert!(!cites, "a reason quotes no study: {reason}");
        }
        assert!(
            all.iter().all(|t| !t.name.to_lowercase().contains("sober")),
            "no name reads as a sobriety verdict (care.md §2)"
        );
    }

    #[test]
    fn every_builtin_technique_is_valid() {
        let all = builtin_techniques();
        assert!(catalog_version() >= 1);
        let mut ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len(), "technique ids are unique");
        for t in all {
            assert!(!t.name.is_empty() && !t.why.is_empty() && !t.source.is_empty(), "{}", t.id);
            assert!(t.source.contains("care.md"), "{}: every number cites care.md", t.id);
            match t.kind {
                TechniqueKind::Breathing => {
                    let pattern = t.pattern.unwrap_or_else(|| panic!("{} has a pattern", t.id));
                    pattern.validate().unwrap_or_else(|e| panic!("{}: {e}", t.id));
                    assert!(t.safety.iter().any(|s| s.contains("Stop and breathe normally")));
                    let default = t.default_duration.expect("a one-tap length");
                    assert!(t.durations.contains(&default), "{}: default is offered", t.id);
                }
                TechniqueKind::Steps | TechniqueKind::UrgeSurfing => {
                    assert!(t.steps.len() >= 3, "{}: a practice has steps", t.id);
                }
                TechniqueKind::Waiting | TechniqueKind::Journaling => {
                    assert!(t.pattern.is_none() && t.steps.is_empty(), "{}", t.id);
                }
                TechniqueKind::ReachingOut => {
                    assert!(t.pattern.is_none() && t.prior.is_some() && t.evidence.is_some());
                }
            }
            if t.pattern.is_some() && (t.pattern.map(|p| p.hold_in + p.hold_out) != Some(0.0)) {
                assert!(
                    t.safety.iter().any(|s| s.contains("optional")),
                    "{}: breath holds are offered as optional (care.md §4)",
                    t.id
                );
            }
        }
    }

    #[test]
    fn the_catalog_keeps_care_md_numbers() {
        let p = |id| builtin_technique(id).and_then(|t| t.pattern).expect(id);
        assert_eq!(p("breathing.box").cycle_seconds(), 16.0);
        assert_eq!(p("breathing.4-7-8").hold_in, 7.0);
        assert_eq!(p("breathing.resonance").inhale, 5.5);
        assert_eq!(p("breathing.cyclic-sighing").top_up, 1.0);
        assert_eq!(p("breathing.extended-exhale").exhale, 6.0);
        let surfing = builtin_technique("urge-surfing").expect("urge surfing");
        assert_eq!(surfing.durations, [300, 600, 900, 1200], "5/10/15/20 minutes");
        assert!(builtin_technique("waiting").is_some(), "\"just waited\" is a technique");
        let grounding = builtin_technique("steps.grounding-54321").expect("grounding");
        assert_eq!(grounding.steps.len(), 5);
    }

    #[test]
    fn patterns_outside_their_bounds_are_refused_with_a_reason() {
        let ok =
            BreathingPattern { inhale: 4.0, top_up: 0.0, hold_in: 0.0, exhale: 6.0, hold_out: 0.0 };
        assert!(ok.validate().is_ok());
        let cases = [
            (
                BreathingPattern { inhale: 0.5, ..ok },
                "Breathing in needs at least 1 second; got 0.5.",
            ),
            (
                BreathingPattern { exhale: 21.0, ..ok },
                "Breathing out is 0 to 20 seconds in half-second steps; got 21.",
            ),
            (BreathingPattern { hold_in: 2.25, ..ok }, "half-second steps; got 2.25"),
            (BreathingPattern { hold_out: -1.0, ..ok }, "got -1"),
            (BreathingPattern { inhale: f64::NAN, ..ok }, "got NaN"),
            (
                BreathingPattern { inhale: 1.0, exhale: 1.0, ..ok },
                "at least 6 seconds; this one takes 2",
            ),
        ];
        for (pattern, expected) in cases {
            let err = pattern.validate().expect_err("must be refused");
            assert!(
                err.message.contains(expected),
                "{:?} should contain {expected:?}",
                err.message
            );
        }
    }
}
