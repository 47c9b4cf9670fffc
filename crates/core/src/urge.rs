//! Cravings ("urges"): logging one in the moment, listing them, undoing a log.

use std::fmt;

use chrono::{DateTime, Duration, TimeZone, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

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
                Err(E::custom(Intensity::rejected(format!("the text {v:?}"))))
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
}

impl NewUrge {
    /// A craving of `intensity` happening now, with no note.
    pub fn now(intensity: Intensity) -> Self {
        Self { intensity, note: None, occurred_at: None }
    }
}

/// A logged craving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
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
    let Some(note) = note else { return Ok(None) };
    let trimmed = note.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let chars = trimmed.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(Invalid::new(
            "note",
            format!(
                "A note can be up to {} characters; this one has {}. Nothing was saved.",
                group_thousands(MAX_NOTE_CHARS),
                group_thousands(chars)
            ),
        ));
    }
    Ok(Some(trimmed.to_owned()))
}

fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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

fn millis_to_time(ms: i64) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Integer,
            format!("time out of range: {ms}").into(),
        )
    })
}

const URGE_COLUMNS: &str =
    "id, occurred_at, utc_offset_minutes, intensity, note, created_at, updated_at";

fn urge_from_row(row: &Row<'_>) -> rusqlite::Result<Urge> {
    Ok(Urge {
        id: row.get(0)?,
        occurred_at: millis_to_time(row.get(1)?)?,
        utc_offset_minutes: row.get(2)?,
        intensity: row.get(3)?,
        note: row.get(4)?,
        created_at: millis_to_time(row.get(5)?)?,
        updated_at: millis_to_time(row.get(6)?)?,
    })
}

impl Store {
    /// Logs a craving durably: when this returns, it survives a crash or power cut.
    pub fn log_urge(&mut self, new: NewUrge) -> Result<Urge> {
        let now = self.clock.now();
        let note = clean_note(new.note)?;
        let occurred_at = new.occurred_at.unwrap_or(now);
        check_time(occurred_at, now)?;
        let offset = self.clock.offset_at(occurred_at).local_minus_utc() / 60;
        let urge = Urge {
            id: self.ids.next_id(now).to_string(),
            occurred_at,
            utc_offset_minutes: offset,
            intensity: new.intensity.get(),
            note,
            created_at: now,
            updated_at: now,
        };
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO urges (id, occurred_at, utc_offset_minutes, intensity, note, created_at, \
             updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            urge.id,
            urge.occurred_at.timestamp_millis(),
            urge.utc_offset_minutes,
            urge.intensity,
            urge.note,
            urge.created_at.timestamp_millis(),
            urge.updated_at.timestamp_millis(),
        ])?;
        tx.commit()?;
        Ok(urge)
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
            return Err(Error::UrgeNotFound { id: id.to_owned() });
        }
        tx.commit()?;
        self.urge(id)
    }

    /// Deletes a craving for real (no hidden copy is kept): used by Undo.
    pub fn delete_urge(&mut self, id: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed = tx.prepare_cached("DELETE FROM urges WHERE id = ?1")?.execute([id])?;
        if changed == 0 {
            return Err(Error::UrgeNotFound { id: id.to_owned() });
        }
        tx.commit()?;
        Ok(())
    }

    /// One craving by id.
    pub fn urge(&self, id: &str) -> Result<Urge> {
        self.conn
            .prepare_cached(&format!("SELECT {URGE_COLUMNS} FROM urges WHERE id = ?1"))?
            .query_row([id], urge_from_row)
            .optional()?
            .ok_or_else(|| Error::UrgeNotFound { id: id.to_owned() })
    }

    /// A page of History, newest first, starting after `after` (or at the newest).
    ///
    /// Keyset pagination on `(occurred_at, id)`: each page costs the same however deep it is,
    /// and a craving logged meanwhile never shifts or repeats rows.
    pub fn urges_page(&self, after: Option<&UrgeCursor>, limit: u32) -> Result<UrgePage> {
        if limit == 0 || limit > MAX_PAGE_SIZE {
            return Err(Invalid::new(
                "limit",
                format!("A page holds 1 to {MAX_PAGE_SIZE} cravings; got {limit}."),
            )
            .into());
        }
        let fetch = i64::from(limit) + 1;
        let mut urges = match after {
            None => self
                .conn
                .prepare_cached(&format!(
                    "SELECT {URGE_COLUMNS} FROM urges ORDER BY occurred_at DESC, id DESC LIMIT ?1"
                ))?
                .query_map([fetch], urge_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?,
            Some(cursor) => self
                .conn
                .prepare_cached(&format!(
                    "SELECT {URGE_COLUMNS} FROM urges WHERE (occurred_at, id) < (?1, ?2) \
                     ORDER BY occurred_at DESC, id DESC LIMIT ?3"
                ))?
                .query_map(
                    params![cursor.occurred_at.timestamp_millis(), cursor.id, fetch],
                    urge_from_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?,
        };
        let next = if urges.len() > limit as usize {
            urges.truncate(limit as usize);
            urges.last().map(|u| UrgeCursor { occurred_at: u.occurred_at, id: u.id.clone() })
        } else {
            None
        };
        Ok(UrgePage { urges, next })
    }

    /// How many cravings have been logged in all.
    pub fn count_urges(&self) -> Result<u64> {
        Ok(self.conn.prepare_cached("SELECT count(*) FROM urges")?.query_row([], |r| r.get(0))?)
    }
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

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(7), "7");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }
}
