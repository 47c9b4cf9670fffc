//! The person's own library: the built-in catalog plus their named custom breathing patterns,
//! minus what they chose to hide, and which breathing exercise one tap starts.
//!
//! A custom pattern is a technique like any other: its id (`custom.<uuid>`) is what sessions
//! record. Deleting one takes it off the Breathe list but keeps its row (marked deleted), so
//! History can still say "My 3-5 · 8 → 4" for the times it was used.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::catalog::{BreathingPattern, Technique, TechniqueKind, builtin_technique};
use crate::{Error, Invalid, Result, Store, builtin_techniques, text};

/// The name History gives a technique id Ebb doesn't know (from a newer catalog, say).
pub(crate) const UNKNOWN_TECHNIQUE: &str = "A technique no longer in Ebb";
/// The prefix of every custom pattern's id.
pub const CUSTOM_PREFIX: &str = "custom.";
/// What one tap on "Breathe with me" starts until the person picks something else.
pub const DEFAULT_TECHNIQUE_ID: &str = "breathing.box";
/// The most custom patterns one person keeps (a list, not a database).
pub const MAX_CUSTOM_PATTERNS: usize = 50;
/// The lengths offered for a custom pattern, in seconds (as for the built-ins: care.md §4).
const CUSTOM_DURATIONS: [u32; 4] = [60, 180, 300, 600];

/// Everything the Breathe place lists.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Library {
    /// Built-ins in catalog order, then custom patterns oldest first; hidden ones included
    /// (so they can be shown again) and listed in `hidden`.
    pub techniques: Vec<Technique>,
    /// Ids the person hid.
    pub hidden: Vec<String>,
    /// The breathing exercise one tap starts.
    pub default_technique_id: String,
}

/// A custom breathing pattern to create, or its new name and numbers.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct PatternInput {
    /// The person's name for it ("My 3-5"), 1–60 characters, unique among their patterns.
    pub name: String,
    /// Seconds breathing in, 1–20 in half-second steps.
    pub inhale: f64,
    /// Seconds holding after breathing in, 0–20.
    pub hold_in: f64,
    /// Seconds breathing out, 1–20.
    pub exhale: f64,
    /// Seconds holding after breathing out, 0–20.
    pub hold_out: f64,
}

/// A change to a custom pattern: all of it at once, as the editor shows it.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct PatternEdit {
    /// The pattern's id (`custom.…`).
    pub id: String,
    /// Its new name and numbers.
    pub pattern: PatternInput,
}

/// Show or hide a technique on Breathe.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct TechniqueVisibility {
    /// Any technique id.
    pub technique_id: String,
    /// Hide it (true) or show it again (false).
    pub hidden: bool,
}

const PATTERN_COLUMNS: &str = "id, name, inhale, hold_in, exhale, hold_out";

fn custom_technique(row: &Row<'_>) -> rusqlite::Result<Technique> {
    let pattern = BreathingPattern {
        inhale: row.get(2)?,
        top_up: 0.0,
        hold_in: row.get(3)?,
        exhale: row.get(4)?,
        hold_out: row.get(5)?,
    };
    Ok(custom_from(row.get(0)?, row.get(1)?, pattern))
}

fn seconds(s: f64) -> String {
    if s.fract() == 0.0 { format!("{s:.0}") } else { format!("{s:.1}") }
}

fn custom_from(id: String, name: String, pattern: BreathingPattern) -> Technique {
    let mut parts = vec![format!("in {}", seconds(pattern.inhale))];
    if pattern.hold_in > 0.0 {
        parts.push(format!("hold {}", seconds(pattern.hold_in)));
    }
    parts.push(format!("out {}", seconds(pattern.exhale)));
    if pattern.hold_out > 0.0 {
        parts.push(format!("hold {}", seconds(pattern.hold_out)));
    }
    let mut safety = vec!["Dizzy or tingly? Stop and breathe normally.".to_owned()];
    if pattern.hold_in + pattern.hold_out > 0.0 {
        safety.push(
            "Holding your breath is optional: skip the holds with panic, asthma or in pregnancy."
                .to_owned(),
        );
    }
    Technique {
        id,
        kind: TechniqueKind::Breathing,
        name,
        why: format!("Your own pattern: {}.", parts.join(", ")),
        pattern: Some(pattern),
        durations: CUSTOM_DURATIONS.to_vec(),
        default_duration: Some(300),
        steps: Vec::new(),
        safety,
        source: "Made by you, within Ebb's bounds for slow breathing (care.md §4).".to_owned(),
        prior: None,
        evidence: None,
        custom: true,
    }
}

impl PatternInput {
    /// Checks the name and the numbers; the numbers by the same rules as the built-ins.
    fn validated(&self) -> Result<(String, BreathingPattern), Invalid> {
        let name = text::label("name", "A pattern's name", &self.name)?;
        let pattern = BreathingPattern {
            inhale: self.inhale,
            top_up: 0.0,
            hold_in: self.hold_in,
            exhale: self.exhale,
            hold_out: self.hold_out,
        };
        pattern.validate()?;
        Ok((name, pattern))
    }
}

impl Store {
    /// The Breathe list: built-ins and the person's patterns, what is hidden, and the default.
    pub fn library(&self) -> Result<Library> {
        let mut techniques = builtin_techniques().to_vec();
        techniques.extend(
            self.conn
                .prepare_cached(&format!(
                    "SELECT {PATTERN_COLUMNS} FROM custom_patterns WHERE deleted_at IS NULL \
                     ORDER BY created_at, id"
                ))?
                .query_map([], custom_technique)?
                .collect::<rusqlite::Result<Vec<_>>>()?,
        );
        let hidden = self
            .conn
            .prepare_cached("SELECT technique_id FROM hidden_techniques ORDER BY hidden_at")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(Library { techniques, hidden, default_technique_id: self.default_technique_id()? })
    }

    /// Any technique by id, built-in or custom; a deleted custom pattern is still found (its
    /// sessions need its name) unless `live_only`.
    fn find_technique(&self, id: &str, live_only: bool) -> Result<Option<Technique>> {
        if let Some(t) = builtin_technique(id) {
            return Ok(Some(t.clone()));
        }
        if !id.starts_with(CUSTOM_PREFIX) {
            return Ok(None);
        }
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {PATTERN_COLUMNS} FROM custom_patterns WHERE id = ?1 \
                 AND (deleted_at IS NULL OR NOT ?2)"
            ))?
            .query_row(params![id, live_only], custom_technique)
            .optional()?)
    }

    /// A technique that can be used now (built-in, or a custom pattern not deleted), or a
    /// specific refusal naming `field`.
    pub fn usable_technique(&self, field: &'static str, id: &str) -> Result<Technique> {
        self.find_technique(id, true)?.ok_or_else(|| {
            Invalid::new(
                field,
                format!("There is no technique called \u{201c}{}\u{201d}.", text::quoted(id)),
            )
            .into()
        })
    }

    /// The name History shows for a technique id, deleted custom patterns included.
    pub fn technique_name(&self, id: &str) -> Result<String> {
        Ok(self.find_technique(id, false)?.map_or_else(|| UNKNOWN_TECHNIQUE.to_owned(), |t| t.name))
    }

    /// What one tap on "Breathe with me" starts: the person's choice while it still exists,
    /// otherwise box breathing.
    pub fn default_technique_id(&self) -> Result<String> {
        let chosen = self.setting("default_technique_id")?;
        if let Some(id) = chosen
            && self.find_technique(&id, true)?.is_some_and(|t| t.kind == TechniqueKind::Breathing)
        {
            return Ok(id);
        }
        Ok(DEFAULT_TECHNIQUE_ID.to_owned())
    }

    /// Checks that `id` can be the one-tap default: a breathing exercise that exists.
    pub(crate) fn check_default_technique(&self, id: &str) -> Result<()> {
        let technique = self.usable_technique("defaultTechniqueId", id)?;
        if technique.kind != TechniqueKind::Breathing {
            return Err(Invalid::new(
                "defaultTechniqueId",
                format!(
                    "One tap starts a breathing exercise; {} isn't one. Pick a breathing pattern.",
                    technique.name
                ),
            )
            .into());
        }
        Ok(())
    }

    fn check_unique_name(&self, name: &str, except: Option<&str>) -> Result<()> {
        let taken: bool = self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM custom_patterns WHERE deleted_at IS NULL \
                 AND lower(name) = lower(?1) AND id IS NOT ?2)",
            )?
            .query_row(params![name, except], |r| r.get(0))?;
        let builtin = builtin_techniques().iter().any(|t| t.name.eq_ignore_ascii_case(name));
        if taken || builtin {
            return Err(Invalid::new(
                "name",
                format!(
                    "There is already a pattern called \u{201c}{name}\u{201d}: pick another name."
                ),
            )
            .into());
        }
        Ok(())
    }

    /// Creates a named custom breathing pattern.
    pub fn create_pattern(&mut self, input: PatternInput) -> Result<Technique> {
        let (name, pattern) = input.validated()?;
        self.check_unique_name(&name, None)?;
        let count: usize = self
            .conn
            .prepare_cached("SELECT count(*) FROM custom_patterns WHERE deleted_at IS NULL")?
            .query_row([], |r| r.get(0))?;
        if count >= MAX_CUSTOM_PATTERNS {
            return Err(Invalid::new(
                "name",
                format!(
                    "You have {MAX_CUSTOM_PATTERNS} patterns, the most Ebb keeps: delete one \
                     you no longer use first."
                ),
            )
            .into());
        }
        let now = self.clock.now();
        let id = format!("{CUSTOM_PREFIX}{}", self.ids.next_id(now));
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO custom_patterns (id, name, inhale, hold_in, exhale, hold_out, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        )?
        .execute(params![
            id,
            name,
            pattern.inhale,
            pattern.hold_in,
            pattern.exhale,
            pattern.hold_out,
            now.timestamp_millis()
        ])?;
        tx.commit()?;
        Ok(custom_from(id, name, pattern))
    }

    /// Renames or re-times a custom pattern. Sessions already recorded keep their technique id,
    /// so History shows the new name for them.
    pub fn update_pattern(&mut self, edit: PatternEdit) -> Result<Technique> {
        self.live_pattern(&edit.id)?;
        let (name, pattern) = edit.pattern.validated()?;
        self.check_unique_name(&name, Some(&edit.id))?;
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "UPDATE custom_patterns SET name = ?2, inhale = ?3, hold_in = ?4, exhale = ?5, \
             hold_out = ?6, updated_at = ?7 WHERE id = ?1",
        )?
        .execute(params![
            edit.id,
            name,
            pattern.inhale,
            pattern.hold_in,
            pattern.exhale,
            pattern.hold_out,
            now
        ])?;
        tx.commit()?;
        Ok(custom_from(edit.id, name, pattern))
    }

    /// Takes a custom pattern off the Breathe list for good. Its past sessions keep its name.
    pub fn delete_pattern(&mut self, id: &str) -> Result<()> {
        self.live_pattern(id)?;
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "UPDATE custom_patterns SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
        )?
        .execute(params![id, now])?;
        tx.prepare_cached("DELETE FROM hidden_techniques WHERE technique_id = ?1")?
            .execute([id])?;
        tx.commit()?;
        Ok(())
    }

    fn live_pattern(&self, id: &str) -> Result<Technique> {
        self.find_technique(id, true)?
            .filter(|t| t.custom)
            .ok_or_else(|| Error::NotFound { what: "pattern", id: id.to_owned() })
    }

    /// Hides a technique from Breathe, or shows it again. Hidden techniques are never offered;
    /// their records stay.
    pub fn set_technique_hidden(&mut self, change: TechniqueVisibility) -> Result<Library> {
        self.usable_technique("techniqueId", &change.technique_id)?;
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        if change.hidden {
            tx.prepare_cached(
                "INSERT INTO hidden_techniques (technique_id, hidden_at) VALUES (?1, ?2) \
                 ON CONFLICT (technique_id) DO NOTHING",
            )?
            .execute(params![change.technique_id, now])?;
        } else {
            tx.prepare_cached("DELETE FROM hidden_techniques WHERE technique_id = ?1")?
                .execute([&change.technique_id])?;
        }
        tx.commit()?;
        self.library()
    }
}

/// The techniques that count for a craving in "what helps": the ones used, or "just waited"
/// when none was (care.md §4: waiting is the honest baseline).
pub fn counted_techniques(used: &[String]) -> Vec<String> {
    if used.is_empty() { vec!["waiting".to_owned()] } else { used.to_vec() }
}
