//! Cravings ("urges"): logging one in the moment, listing them, undoing a log.

use std::collections::HashMap;
use std::fmt;

use chrono::{DateTime, Duration, TimeZone, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use crate::filter::UrgeFilter;
use crate::outcome::{Outcome, outcome_from_columns};
use crate::store::millis_to_time;
use crate::{Error, Invalid, Result, Store};

/// The longest note, in characters (not bytes): room for a real reflection, not for a dump.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// The largest History page one request may ask for.
pub const MAX_PAGE_SIZE: u32 = 200;
/// How far in the future a time may be and still count as "now": phones' clocks drift.
pub const MAX_FUTURE_SKEW: Duration = Duration::minutes(5);

/// How strong a craving is, 0 (none) to 10 (strongest): the single-item EMA standard
/// (care.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Intensity(u8);

impl Intensity {
    /// The strongest craving on the scale.
    pub const MAX: u8 = 10;

    /// The intensity as a number 0–10.
    pub fn get(self) -> u8 {
        self.0
    }

    fn rejected(got: impl fmt::Display) -> Invalid {
        Invalid::new("intensity", format!("Intensity is a whole number from 0 to 10; got {got}."))
    }
}

impl TryFrom<i64> for Intensity {
    type Error = Invalid;

    fn try_from(value: i64) -> Result<Self, Invalid> {
        u8::try_from(value)
            .ok()
            .filter(|v| *v <= Self::MAX)
            .map(Intensity)
            .ok_or_else(|| Self::rejected(value))
    }
}

impl<'de> Deserialize<'de> for Intensity {
    /// Accepts only whole numbers 0–10, and says so in plain words for anything else
    /// (`"7"`, `7.5`, `true`, `null`…), since raw IPC can send any JSON.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Intensity;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number from 0 to 10")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Intensity, E> {
                Intensity::try_from(v).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Intensity, E> {
                let v = i64::try_from(v).unwrap_or(i64::MAX);
                Intensity::try_from(v).map_err(E::custom)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Intensity, E> {
                Err(E::custom(Intensity::rejected(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Intensity, E> {
                // Quote only the start: raw IPC can send megabytes.
                let start: String = v.chars().take(12).collect();
                let more = if v.chars().nth(12).is_some() { "…" } else { "" };
                Err(E::custom(Intensity::rejected(format!("the text {start:?}{more}"))))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Intensity, E> {
                Err(E::custom(Intensity::rejected(v)))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Intensity, E> {
                Err(E::custom(Intensity::rejected("nothing")))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A craving to log. Only the intensity is needed: cope first, log later (care.md §1).
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct NewUrge {
    /// 0–10.
    #[ts(type = "number")]
    pub intensity: Intensity,
    /// The person's own words, if any.
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
    /// When it happened, if not now (backdating).
    #[serde(default)]
    #[ts(optional)]
    pub occurred_at: Option<DateTime<Utc>>,
    /// Which tracked thing it is about; absent means the one used last (or the only one).
    #[serde(default)]
    #[ts(optional)]
    pub tracked_id: Option<String>,
}

impl NewUrge {
    /// A craving of `intensity` happening now, with no note.
    pub fn now(intensity: Intensity) -> Self {
        Self { intensity, note: None, occurred_at: None, tracked_id: None }
    }
}

/// A correction to a logged craving: the fields it replaces.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct UrgeEdit {
    /// The craving's id.
    pub id: String,
    /// 0–10.
    #[ts(type = "number")]
    pub intensity: Intensity,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// The note; absent or blank clears it.
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
    /// Which tracked thing it is about; absent means none.
    #[serde(default)]
    #[ts(optional)]
    pub tracked_id: Option<String>,
}

/// A craving logged more than this long after the time it describes is flagged as late
/// (care.md §3: delayed reports differ).
pub const LATE_AFTER: Duration = Duration::hours(1);

/// A logged craving.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Urge {
    /// UUIDv7.
    pub id: String,
    /// When it happened (UTC).
    pub occurred_at: DateTime<Utc>,
    /// The person's local offset from UTC when it happened, in minutes east.
    pub utc_offset_minutes: i32,
    /// 0–10.
    pub intensity: u8,
    /// The person's own words, if any.
    pub note: Option<String>,
    /// When it was logged.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
    /// Which tracked thing it is about, if any.
    pub tracked_id: Option<String>,
    /// Logged more than an hour after it happened.
    pub logged_late: bool,
    /// The chips on it (ids), in kind and chip order.
    pub chip_ids: Vec<String>,
    /// What came of it, once recorded.
    pub outcome: Option<Outcome>,
    /// The techniques used for it, oldest first.
    pub techniques: Vec<UsedTechnique>,
}

/// A technique used for a craving, as History shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct UsedTechnique {
    /// The technique's catalog id.
    pub technique_id: String,
    /// Its name (a deleted custom pattern keeps its name here).
    pub name: String,
    /// How strong the craving was right after, if the person said.
    pub intensity_after: Option<u8>,
    /// Ran to its end.
    pub completed: bool,
}

/// Where a History page ends: the next page starts strictly after this craving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct UrgeCursor {
    /// The last craving's time.
    pub occurred_at: DateTime<Utc>,
    /// The last craving's id (breaks ties between cravings at the same instant).
    pub id: String,
}

/// One page of History, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct UrgePage {
    /// The cravings on this page, newest first.
    pub urges: Vec<Urge>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<UrgeCursor>,
}

/// Trims a note; an empty or blank note is no note. Refuses one that is too long.
fn clean_note(note: Option<String>) -> Result<Option<String>, Invalid> {
    crate::text::note("note", MAX_NOTE_CHARS, note)
}

/// The earliest time a craving may be logged at: earlier is surely a typo.
fn earliest() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).single().unwrap_or(DateTime::<Utc>::MIN_UTC)
}

fn check_time(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), Invalid> {
    if at > now + MAX_FUTURE_SKEW {
        return Err(Invalid::new(
            "occurredAt",
            format!(
                "That time ({}) is in the future; a craving can be logged for now or earlier.",
                at.format("%Y-%m-%d %H:%M UTC")
            ),
        ));
    }
    if at < earliest() {
        return Err(Invalid::new(
            "occurredAt",
            format!("That time ({}) is before 2000; please check the date.", at.format("%Y-%m-%d")),
        ));
    }
    Ok(())
}

const URGE_SELECT: &str = "SELECT u.id, u.occurred_at, u.utc_offset_minutes, u.intensity, \
     u.note, u.created_at, u.updated_at, u.tracked_id, u.logged_late, o.intensity_after, o.action, \
     o.amount, o.note, o.recorded_at, o.updated_at \
     FROM urges u LEFT JOIN outcomes o ON o.urge_id = u.id";

fn urge_from_row(row: &Row<'_>) -> rusqlite::Result<Urge> {
    Ok(Urge {
        id: row.get(0)?,
        occurred_at: millis_to_time(row.get(1)?)?,
        utc_offset_minutes: row.get(2)?,
        intensity: row.get(3)?,
        note: row.get(4)?,
        created_at: millis_to_time(row.get(5)?)?,
        updated_at: millis_to_time(row.get(6)?)?,
        tracked_id: row.get(7)?,
        logged_late: row.get(8)?,
        chip_ids: Vec::new(),
        techniques: Vec::new(),
        outcome: outcome_from_columns(
            row.get(9)?,
            row.get(10)?,
            row.get(11)?,
            row.get(12)?,
            row.get(13)?,
            row.get(14)?,
        )?,
    })
}

impl Store {
    /// Logs a craving durably: when this returns, it survives a crash or power cut.
    pub fn log_urge(&mut self, new: NewUrge) -> Result<Urge> {
        let now = self.clock.now();
        let note = clean_note(new.note)?;
        let occurred_at = new.occurred_at.unwrap_or(now);
        check_time(occurred_at, now)?;
        let tracked_id = match new.tracked_id {
            Some(id) => {
                self.check_thing_for_logging(&id)?;
                Some(id)
            }
            None => self.default_thing_id()?,
        };
        let offset = self.clock.offset_at(occurred_at).local_minus_utc() / 60;
        let id = self.ids.next_id(now).to_string();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO urges (id, occurred_at, utc_offset_minutes, intensity, note, created_at, \
             updated_at, tracked_id, logged_late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8)",
        )?
        .execute(params![
            id,
            occurred_at.timestamp_millis(),
            offset,
            new.intensity.get(),
            note,
            now.timestamp_millis(),
            tracked_id,
            now - occurred_at > LATE_AFTER,
        ])?;
        if let Some(thing) = &tracked_id {
            // Remembered for the next log's default (see `default_thing_id`).
            tx.prepare_cached(
                "INSERT INTO settings (key, value) VALUES ('last_thing_id', ?1) \
                 ON CONFLICT (key) DO UPDATE SET value = ?1",
            )?
            .execute([thing])?;
        }
        tx.commit()?;
        Ok(Urge {
            id,
            occurred_at,
            utc_offset_minutes: offset,
            intensity: new.intensity.get(),
            note,
            created_at: now,
            updated_at: now,
            tracked_id,
            logged_late: now - occurred_at > LATE_AFTER,
            chip_ids: Vec::new(),
            outcome: None,
            techniques: Vec::new(),
        })
    }

    /// Corrects a logged craving: intensity, time, note, tracked thing. Chips and the outcome
    /// stay. The late flag is recomputed against when it was logged.
    pub fn edit_urge(&mut self, edit: UrgeEdit) -> Result<Urge> {
        let current = self.urge(&edit.id)?;
        let note = clean_note(edit.note)?;
        let now = self.clock.now();
        check_time(edit.occurred_at, now)?;
        if let Some(thing) = &edit.tracked_id {
            // Keeping an archived thing on an old craving is fine; moving one onto it is not.
            if current.tracked_id.as_deref() != Some(thing) {
                self.check_thing_for_logging(thing)?;
            }
        }
        let offset = if edit.occurred_at == current.occurred_at {
            current.utc_offset_minutes
        } else {
            self.clock.offset_at(edit.occurred_at).local_minus_utc() / 60
        };
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "UPDATE urges SET intensity = ?2, occurred_at = ?3, utc_offset_minutes = ?4, \
             note = ?5, tracked_id = ?6, logged_late = ?7, updated_at = ?8 WHERE id = ?1",
        )?
        .execute(params![
            edit.id,
            edit.intensity.get(),
            edit.occurred_at.timestamp_millis(),
            offset,
            note,
            edit.tracked_id,
            current.created_at - edit.occurred_at > LATE_AFTER,
            now.timestamp_millis(),
        ])?;
        tx.commit()?;
        self.urge(&edit.id)
    }

    /// Sets or clears a craving's note (`None` or blank clears it).
    pub fn set_urge_note(&mut self, id: &str, note: Option<String>) -> Result<Urge> {
        let note = clean_note(note)?;
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        let changed = tx
            .prepare_cached("UPDATE urges SET note = ?2, updated_at = ?3 WHERE id = ?1")?
            .execute(params![id, note, now])?;
        if changed == 0 {
            return Err(not_found(id));
        }
        tx.commit()?;
        self.urge(id)
    }

    /// Deletes a craving for real, with its chips and outcome (no hidden copy is kept).
    pub fn delete_urge(&mut self, id: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        // urge_chips and outcomes go with it (ON DELETE CASCADE).
        let changed = tx.prepare_cached("DELETE FROM urges WHERE id = ?1")?.execute([id])?;
        if changed == 0 {
            return Err(not_found(id));
        }
        tx.commit()?;
        Ok(())
    }

    /// One craving by id, with its chips and outcome.
    pub fn urge(&self, id: &str) -> Result<Urge> {
        let mut urge = self
            .conn
            .prepare_cached(&format!("{URGE_SELECT} WHERE u.id = ?1"))?
            .query_row([id], urge_from_row)
            .optional()?
            .ok_or_else(|| not_found(id))?;
        self.attach_links(std::slice::from_mut(&mut urge))?;
        Ok(urge)
    }

    /// A page of History, newest first, starting after `after` (or at the newest), each craving
    /// with its chips and outcome.
    ///
    /// Keyset pagination on `(occurred_at, id)`: each page costs the same however deep it is,
    /// and a craving logged meanwhile never shifts or repeats rows.
    pub fn urges_page(&self, after: Option<&UrgeCursor>, limit: u32) -> Result<UrgePage> {
        self.urges_page_matching(&UrgeFilter::default(), after, limit)
    }

    /// A page of the cravings that match `filter`, newest first (see [`Store::urges_page`]).
    pub fn urges_page_matching(
        &self,
        filter: &UrgeFilter,
        after: Option<&UrgeCursor>,
        limit: u32,
    ) -> Result<UrgePage> {
        if limit == 0 || limit > MAX_PAGE_SIZE {
            return Err(Invalid::new(
                "limit",
                format!("A page holds 1 to {MAX_PAGE_SIZE} cravings; got {limit}."),
            )
            .into());
        }
        let fetch = i64::from(limit) + 1;
        let mut w = self.filter_sql(filter)?;
        // With an outcome filter, the outcome's copy of the craving's time (0006_speed.sql) walks
        // the (action, time) index in order; the same rows, in the same order, without a sort.
        let (time, id) = if filter.action.is_some() {
            ("o.occurred_at", "o.urge_id")
        } else {
            ("u.occurred_at", "u.id")
        };
        if let Some(cursor) = after {
            w.also(
                &format!("({time}, {id}) < (?, ?)"),
                vec![Box::new(cursor.occurred_at.timestamp_millis()), Box::new(cursor.id.clone())],
            );
        }
        w.params.push(Box::new(fetch));
        let mut urges = self
            .conn
            .prepare_cached(&format!(
                "{URGE_SELECT}{} ORDER BY {time} DESC, {id} DESC LIMIT ?",
                w.sql
            ))?
            .query_map(rusqlite::params_from_iter(w.params.iter()), urge_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let next = if urges.len() > limit as usize {
            urges.truncate(limit as usize);
            urges.last().map(|u| UrgeCursor { occurred_at: u.occurred_at, id: u.id.clone() })
        } else {
            None
        };
        self.attach_links(&mut urges)?;
        Ok(UrgePage { urges, next })
    }

    /// Fills in the chips and techniques of a page of cravings: one query for each.
    fn attach_links(&self, urges: &mut [Urge]) -> Result<()> {
        if urges.is_empty() {
            return Ok(());
        }
        let placeholders = vec!["?"; urges.len()].join(",");
        let ids = || urges.iter().map(|u| u.id.clone()).collect::<Vec<_>>();
        let mut chips: HashMap<String, Vec<String>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT uc.urge_id, uc.chip_id FROM urge_chips uc JOIN chips c ON c.id = uc.chip_id \
             WHERE uc.urge_id IN ({placeholders}) ORDER BY c.kind, c.position"
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(ids()), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (urge_id, chip_id) = row?;
            chips.entry(urge_id).or_default().push(chip_id);
        }
        let mut techniques: HashMap<String, Vec<UsedTechnique>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT urge_id, technique_id, intensity_after, completed FROM technique_sessions s \
             WHERE urge_id IN ({placeholders}) AND {} ORDER BY started_at",
            crate::sessions::COUNTS_AS_USE
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(ids()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                UsedTechnique {
                    technique_id: r.get(1)?,
                    name: String::new(),
                    intensity_after: r.get(2)?,
                    completed: r.get(3)?,
                },
            ))
        })?;
        let mut names: HashMap<String, String> = HashMap::new();
        for row in rows {
            let (urge_id, mut used) = row?;
            used.name = match names.get(&used.technique_id) {
                Some(name) => name.clone(),
                None => {
                    let name = self.technique_name(&used.technique_id)?;
                    names.insert(used.technique_id.clone(), name.clone());
                    name
                }
            };
            techniques.entry(urge_id).or_default().push(used);
        }
        for urge in urges {
            urge.chip_ids = chips.remove(&urge.id).unwrap_or_default();
            urge.techniques = techniques.remove(&urge.id).unwrap_or_default();
        }
        Ok(())
    }

    /// How many cravings have been logged in all.
    pub fn count_urges(&self) -> Result<u64> {
        Ok(self.conn.prepare_cached("SELECT count(*) FROM urges")?.query_row([], |r| r.get(0))?)
    }
}

fn not_found(id: &str) -> Error {
    Error::NotFound { what: "craving", id: id.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intensity_accepts_only_whole_numbers_zero_to_ten() {
        for ok in 0..=10 {
            assert!(Intensity::try_from(ok).is_ok(), "{ok} is on the 0-10 scale");
        }
        for bad in [-1, 11, 255, 256, i64::MIN, i64::MAX] {
            let err = Intensity::try_from(bad).expect_err("off the scale must be refused");
            assert_eq!(
                err.message,
                format!("Intensity is a whole number from 0 to 10; got {bad}.")
            );
        }
    }

    #[test]
    fn intensity_from_json_explains_wrong_types() {
        let cases = [
            ("\"7\"", "got the text \"7\""),
            ("7.5", "got 7.5"),
            ("true", "got true"),
            ("null", "got nothing"),
            ("11", "got 11"),
            ("-1", "got -1"),
        ];
        for (json, expected) in cases {
            let err = serde_json::from_str::<Intensity>(json).expect_err("must be refused");
            assert!(
                err.to_string().contains(expected),
                "{json}: the message should say what was sent ({expected}); was {err}"
            );
        }
        assert_eq!(serde_json::from_str::<Intensity>("7").ok(), Some(Intensity(7)));
    }

    #[test]
    fn notes_are_trimmed_and_blank_means_none() {
        assert_eq!(clean_note(Some("  wine at 9  ".into())), Ok(Some("wine at 9".into())));
        assert_eq!(clean_note(Some(" \n\t ".into())), Ok(None), "a blank note is no note");
        assert_eq!(clean_note(None), Ok(None));
    }

    #[test]
    fn note_length_is_counted_in_characters_not_bytes() {
        let emoji_note = "🌊".repeat(MAX_NOTE_CHARS);
        assert!(clean_note(Some(emoji_note)).is_ok(), "10,000 emoji are 10,000 characters");
        let err = clean_note(Some("a".repeat(MAX_NOTE_CHARS + 1))).expect_err("too long");
        assert_eq!(
            err.message,
            "A note can be up to 10,000 characters; this one has 10,001. Nothing was saved."
        );
    }
}
