//! Uses of a technique: started, ended (completed or stopped early), and what came of it.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::millis_to_time;
use crate::{Error, Intensity, Invalid, Result, Store};

/// The longest session, in seconds (2 hours).
pub const MAX_SESSION_SECONDS: u32 = 7_200;

/// A session to start.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct NewSession {
    /// The technique's catalog id.
    pub technique_id: String,
    /// The craving it is for, if any.
    #[serde(default)]
    #[ts(optional)]
    pub urge_id: Option<String>,
    /// How long it is meant to last, 1–7200 seconds.
    pub planned_seconds: u32,
}

/// How a session ended, and what the person said after (each part skippable).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SessionEnd {
    /// The session's id.
    pub id: String,
    /// Ran to its end (true) or was stopped early (false).
    pub completed: bool,
    /// How strong the craving is now, 0–10.
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub intensity_after: Option<Intensity>,
    /// "Did this help?"
    #[serde(default)]
    #[ts(optional)]
    pub helped: Option<bool>,
    /// Seconds actually practised, pauses not counted (0–7200).
    #[serde(default)]
    #[ts(optional)]
    pub actual_seconds: Option<u32>,
    /// The planned length after the person extended it (urge surfing's "5 more minutes"):
    /// never shorter than planned at the start, at most 7200.
    #[serde(default)]
    #[ts(optional)]
    pub planned_seconds: Option<u32>,
}

/// An urge-surfing check-in: "Has it passed? How strong is it now?"
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct NewCheckIn {
    /// The running session's id.
    pub session_id: String,
    /// Has the urge passed?
    pub passed: bool,
    /// How strong it is now, 0–10, if the person said.
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub intensity: Option<Intensity>,
}

/// A recorded check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CheckIn {
    /// UUIDv7.
    pub id: String,
    /// When it was answered.
    pub at: DateTime<Utc>,
    /// Had the urge passed?
    pub passed: bool,
    /// How strong it was, if said.
    pub intensity: Option<u8>,
}

/// A recorded session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct TechniqueSession {
    /// UUIDv7.
    pub id: String,
    /// The technique's catalog id.
    pub technique_id: String,
    /// The craving it was for, if any.
    pub urge_id: Option<String>,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// When it ended; `None` while running (or if the app closed mid-session).
    pub ended_at: Option<DateTime<Utc>>,
    /// How long it was meant to last, in seconds.
    pub planned_seconds: u32,
    /// Ran to its end.
    pub completed: bool,
    /// The craving's intensity when the session started, if linked.
    pub intensity_before: Option<u8>,
    /// How strong it was after.
    pub intensity_after: Option<u8>,
    /// "Did this help?"
    pub helped: Option<bool>,
    /// Seconds actually practised, if known.
    pub actual_seconds: Option<u32>,
    /// Urge-surfing check-ins, oldest first.
    pub check_ins: Vec<CheckIn>,
}

const SESSION_COLUMNS: &str = "id, technique_id, urge_id, started_at, ended_at, planned_seconds, \
     completed, intensity_before, intensity_after, helped, actual_seconds";

fn session_from_row(row: &Row<'_>) -> rusqlite::Result<TechniqueSession> {
    Ok(TechniqueSession {
        id: row.get(0)?,
        technique_id: row.get(1)?,
        urge_id: row.get(2)?,
        started_at: millis_to_time(row.get(3)?)?,
        ended_at: row.get::<_, Option<i64>>(4)?.map(millis_to_time).transpose()?,
        planned_seconds: row.get(5)?,
        completed: row.get(6)?,
        intensity_before: row.get(7)?,
        intensity_after: row.get(8)?,
        helped: row.get(9)?,
        actual_seconds: row.get(10)?,
        check_ins: Vec::new(),
    })
}

/// SQL: whether the session `s` counts as a use of its technique for its craving (in History,
/// its filters and "what helps me"). Completed counts, and so does one the person rated
/// afterwards ("How strong is it now?"); stopped early counts if it ran at least 15 seconds (a
/// few breaths); one still running counts (its end may never be recorded if Ebb
/// is closed). "Write it down" is a use only once something is saved: opened and left with
/// "Not now", it is not.
pub(crate) const COUNTS_AS_USE: &str = "(s.completed = 1 OR s.intensity_after IS NOT NULL \
     OR (s.technique_id <> 'journaling' \
     AND (s.ended_at IS NULL OR coalesce(s.actual_seconds, 0) >= 15)))";

impl Store {
    /// Records the start of a session.
    pub fn start_session(&mut self, new: NewSession) -> Result<TechniqueSession> {
        self.usable_technique("techniqueId", &new.technique_id)?;
        if !(1..=MAX_SESSION_SECONDS).contains(&new.planned_seconds) {
            return Err(Invalid::new(
                "plannedSeconds",
                format!(
                    "A session lasts 1 second to 2 hours ({MAX_SESSION_SECONDS} seconds); got {}.",
                    new.planned_seconds
                ),
            )
            .into());
        }
        let before = match &new.urge_id {
            Some(id) => Some(self.urge(id)?.intensity),
            None => None,
        };
        let now = self.clock.now();
        let id = self.ids.next_id(now).to_string();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO technique_sessions (id, technique_id, urge_id, started_at, \
             planned_seconds, intensity_before, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?4, ?4)",
        )?
        .execute(params![
            id,
            new.technique_id,
            new.urge_id,
            now.timestamp_millis(),
            new.planned_seconds,
            before
        ])?;
        tx.commit()?;
        self.session(&id)
    }

    /// Records how a session ended. Called again (to add the rating after Stop), it keeps the
    /// first end time and whether it was completed, and updates the answers.
    pub fn finish_session(&mut self, end: SessionEnd) -> Result<TechniqueSession> {
        let current = self.session(&end.id)?;
        if let Some(actual) = end.actual_seconds
            && actual > MAX_SESSION_SECONDS
        {
            return Err(Invalid::new(
                "actualSeconds",
                format!(
                    "A session lasts at most 2 hours ({MAX_SESSION_SECONDS} seconds); got {actual}."
                ),
            )
            .into());
        }
        if let Some(planned) = end.planned_seconds
            && !(current.planned_seconds..=MAX_SESSION_SECONDS).contains(&planned)
        {
            return Err(Invalid::new(
                "plannedSeconds",
                format!(
                    "An extended session lasts from its first plan ({} seconds) to 2 hours \
                     ({MAX_SESSION_SECONDS} seconds); got {planned}.",
                    current.planned_seconds
                ),
            )
            .into());
        }
        let now = self.clock.now().timestamp_millis();
        let ended_at = current.ended_at.map_or(now, |t| t.timestamp_millis());
        let completed = if current.ended_at.is_some() { current.completed } else { end.completed };
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "UPDATE technique_sessions SET ended_at = ?2, completed = ?3, \
             intensity_after = coalesce(?4, intensity_after), helped = coalesce(?5, helped), \
             updated_at = ?6, actual_seconds = coalesce(?7, actual_seconds), \
             planned_seconds = coalesce(?8, planned_seconds) WHERE id = ?1",
        )?
        .execute(params![
            end.id,
            ended_at,
            completed,
            end.intensity_after.map(Intensity::get),
            end.helped,
            now,
            end.actual_seconds,
            end.planned_seconds
        ])?;
        tx.commit()?;
        self.session(&end.id)
    }

    /// Records an urge-surfing check-in on a running session.
    pub fn record_check_in(&mut self, new: NewCheckIn) -> Result<CheckIn> {
        let session = self.session(&new.session_id)?;
        if session.ended_at.is_some() {
            return Err(Invalid::new(
                "sessionId",
                "That session has already ended; its check-ins are closed.",
            )
            .into());
        }
        let now = self.clock.now();
        let check_in = CheckIn {
            id: self.ids.next_id(now).to_string(),
            at: now,
            passed: new.passed,
            intensity: new.intensity.map(Intensity::get),
        };
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO session_check_ins (id, session_id, at, passed, intensity) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            check_in.id,
            new.session_id,
            now.timestamp_millis(),
            check_in.passed,
            check_in.intensity
        ])?;
        tx.prepare_cached("UPDATE technique_sessions SET updated_at = ?2 WHERE id = ?1")?
            .execute(params![new.session_id, now.timestamp_millis()])?;
        tx.commit()?;
        Ok(check_in)
    }

    fn check_ins(&self, session_id: &str) -> Result<Vec<CheckIn>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, at, passed, intensity FROM session_check_ins WHERE session_id = ?1 \
                 ORDER BY at, id",
            )?
            .query_map([session_id], |r| {
                Ok(CheckIn {
                    id: r.get(0)?,
                    at: millis_to_time(r.get(1)?)?,
                    passed: r.get(2)?,
                    intensity: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// One session by id, with its check-ins.
    pub fn session(&self, id: &str) -> Result<TechniqueSession> {
        let mut session = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM technique_sessions WHERE id = ?1"
            ))?
            .query_row([id], session_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound { what: "session", id: id.to_owned() })?;
        session.check_ins = self.check_ins(id)?;
        Ok(session)
    }

    /// The sessions used for a craving, oldest first, with their check-ins.
    pub fn sessions_for_urge(&self, urge_id: &str) -> Result<Vec<TechniqueSession>> {
        let mut sessions = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM technique_sessions WHERE urge_id = ?1 \
                 ORDER BY started_at"
            ))?
            .query_map([urge_id], session_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for session in &mut sessions {
            session.check_ins = self.check_ins(&session.id)?;
        }
        Ok(sessions)
    }
}
