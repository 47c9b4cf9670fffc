//! What came of a craving (care.md §3): how strong it was at the re-rate, and what the person
//! did. "Used less than planned" is a win and is recorded as one.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::millis_to_time;
use crate::things::Goal;
use crate::urge::MAX_NOTE_CHARS;
use crate::{Intensity, Invalid, Result, Store};

/// The largest amount an outcome may record.
pub const MAX_AMOUNT: f64 = 10_000.0;
/// The re-rate interval when the person hasn't chosen one (care.md §3: 10 minutes, the same for
/// every technique, so a long exercise isn't credited for natural fading).
pub const DEFAULT_RERATE_MINUTES: u32 = 10;
/// After this long without an outcome, Now stops asking; History still offers "Add how it went".
pub const RERATE_WINDOW: Duration = Duration::hours(12);

/// What the person did about a craving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum UseAction {
    /// Didn't use: the urge was ridden out.
    DidntUse,
    /// Used less than planned: a win.
    UsedLess,
    /// Used as planned.
    UsedAsPlanned,
    /// Used more than planned.
    UsedMore,
    /// Used (for a goal to stop, where there is no planned amount).
    Used,
}

impl UseAction {
    pub(crate) fn column(self) -> &'static str {
        match self {
            UseAction::DidntUse => "didnt_use",
            UseAction::UsedLess => "used_less",
            UseAction::UsedAsPlanned => "used_as_planned",
            UseAction::UsedMore => "used_more",
            UseAction::Used => "used",
        }
    }

    pub(crate) fn from_column(text: &str) -> Option<Self> {
        Some(match text {
            "didnt_use" => UseAction::DidntUse,
            "used_less" => UseAction::UsedLess,
            "used_as_planned" => UseAction::UsedAsPlanned,
            "used_more" => UseAction::UsedMore,
            "used" => UseAction::Used,
            _ => return None,
        })
    }

    /// Which actions fit a goal: for "stop", didn't use / used; otherwise (a plan, safer use,
    /// or no tracked thing) the four answers of care.md §3.
    pub fn fits(self, goal: Option<&Goal>) -> bool {
        match goal {
            Some(Goal::Stop) => matches!(self, UseAction::DidntUse | UseAction::Used),
            _ => self != UseAction::Used,
        }
    }
}

/// A recorded outcome.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Outcome {
    /// How strong the craving was at the re-rate, 0–10.
    pub intensity_after: Option<u8>,
    /// What the person did.
    pub action: Option<UseAction>,
    /// How much, in the tracked thing's unit.
    pub amount: Option<f64>,
    /// The person's own words.
    pub note: Option<String>,
    /// When it was first recorded.
    pub recorded_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// An outcome to record or replace for a craving. Every part is optional, but not all of them.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct OutcomeInput {
    /// The craving's id.
    pub urge_id: String,
    /// How strong it is now, 0–10.
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub intensity_after: Option<Intensity>,
    /// What the person did.
    #[serde(default)]
    #[ts(optional)]
    pub action: Option<UseAction>,
    /// How much, in their unit.
    #[serde(default)]
    #[ts(optional)]
    pub amount: Option<f64>,
    /// Their own words.
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
}

/// A craving waiting for "How strong is it now?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Rerate {
    /// The craving.
    pub urge_id: String,
    /// Its intensity when logged.
    pub intensity: u8,
    /// When the re-rate is (or was) due.
    pub due_at: DateTime<Utc>,
    /// Whether it is due now.
    pub due: bool,
}

pub(crate) fn outcome_from_columns(
    intensity_after: Option<u8>,
    action: Option<String>,
    amount: Option<f64>,
    note: Option<String>,
    recorded_at: Option<i64>,
    updated_at: Option<i64>,
) -> rusqlite::Result<Option<Outcome>> {
    let (Some(recorded_at), Some(updated_at)) = (recorded_at, updated_at) else {
        return Ok(None);
    };
    Ok(Some(Outcome {
        intensity_after,
        action: action.as_deref().and_then(UseAction::from_column),
        amount,
        note,
        recorded_at: millis_to_time(recorded_at)?,
        updated_at: millis_to_time(updated_at)?,
    }))
}

impl Store {
    /// Records (or replaces) what came of a craving.
    pub fn set_outcome(&mut self, input: OutcomeInput) -> Result<Outcome> {
        let urge = self.urge(&input.urge_id)?;
        let note = crate::text::note("note", MAX_NOTE_CHARS, input.note)?;
        if input.intensity_after.is_none()
            && input.action.is_none()
            && input.amount.is_none()
            && note.is_none()
        {
            return Err(Invalid::new(
                "outcome",
                "Nothing to save yet: add how strong it is now, or what you did.",
            )
            .into());
        }
        if let Some(amount) = input.amount
            && (!amount.is_finite() || !(0.0..=MAX_AMOUNT).contains(&amount))
        {
            return Err(Invalid::new(
                "amount",
                format!("An amount is a number from 0 to 10,000; got {amount}."),
            )
            .into());
        }
        if let Some(action) = input.action {
            let goal = match &urge.tracked_id {
                Some(id) => Some(self.thing(id)?.goal),
                None => None,
            };
            if !action.fits(goal.as_ref()) {
                let message = match goal {
                    Some(Goal::Stop) => {
                        "With a goal to stop, the choices are \u{201c}didn't use\u{201d} or \u{201c}used\u{201d}."
                    }
                    _ => {
                        "Choose didn't use, used less than planned, as planned, or more than planned."
                    }
                };
                return Err(Invalid::new("action", message).into());
            }
        }
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO outcomes (urge_id, intensity_after, action, amount, note, recorded_at, \
             updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) \
             ON CONFLICT (urge_id) DO UPDATE SET intensity_after = ?2, action = ?3, amount = ?4, \
             note = ?5, updated_at = ?6",
            params![
                input.urge_id,
                input.intensity_after.map(Intensity::get),
                input.action.map(UseAction::column),
                input.amount,
                note,
                now
            ],
        )?;
        tx.commit()?;
        self.urge(&input.urge_id)?
            .outcome
            .ok_or_else(|| crate::Error::NotFound { what: "outcome", id: input.urge_id })
    }

    /// The craving Now should ask about ("How strong is it now?"): the most recently logged one
    /// without an outcome, not dismissed, logged within the last 12 hours. `due` says whether
    /// its interval has passed; before then `due_at` tells when to ask.
    pub fn rerate(&self) -> Result<Option<Rerate>> {
        let now = self.clock.now();
        let interval = Duration::minutes(i64::from(self.settings()?.rerate_minutes));
        let since = (now - RERATE_WINDOW).timestamp_millis();
        let newest: Option<(String, u8, i64)> = self
            .conn
            .prepare_cached(
                "SELECT u.id, u.intensity, u.created_at FROM urges u \
                 WHERE u.created_at >= ?1 ORDER BY u.created_at DESC, u.rowid DESC LIMIT 1",
            )?
            .query_row([since], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((urge_id, intensity, created_at)) = newest else { return Ok(None) };
        // Only the newest craving is asked about: an older one is not asked after a newer one.
        let settled: bool = self
            .conn
            .prepare_cached(
                "SELECT rerate_dismissed OR EXISTS (SELECT 1 FROM outcomes WHERE urge_id = ?1) \
                 FROM urges WHERE id = ?1",
            )?
            .query_row([&urge_id], |r| r.get(0))?;
        if settled {
            return Ok(None);
        }
        let due_at = millis_to_time(created_at)? + interval;
        Ok(Some(Rerate { urge_id, intensity, due_at, due: due_at <= now }))
    }

    /// "Not now" on the re-rate prompt: it won't ask about this craving again.
    pub fn dismiss_rerate(&mut self, urge_id: &str) -> Result<()> {
        self.urge(urge_id)?;
        let tx = self.conn.transaction()?;
        tx.execute("UPDATE urges SET rerate_dismissed = 1 WHERE id = ?1", [urge_id])?;
        tx.commit()?;
        Ok(())
    }
}
