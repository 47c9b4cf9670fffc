//! The journal: the person's own writing, free or answering a prompt, standing alone or about a
//! craving, and the opt-in weekly reflection (care.md §1, §4: journaling is a technique too).
//!
//! Writing after a craving counts as a use of the `journaling` technique: the UI starts a
//! session when the editor opens ([`Store::start_session`]) and names it when saving, and saving
//! finishes that session (completed) in the same transaction, so "what helps me" counts it like
//! any other technique.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rusqlite::{OptionalExtension, Row, ToSql, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::millis_to_time;
use crate::{Error, Invalid, Result, Store};

/// The longest entry, in characters (not bytes).
pub const MAX_ENTRY_CHARS: usize = 50_000;
/// The longest prompt kept with an entry, in characters.
pub const MAX_PROMPT_CHARS: usize = 200;
/// The longest optional line of a weekly reflection, in characters.
pub const MAX_REFLECTION_LINE_CHARS: usize = 1_000;
/// How many characters of an entry a list shows.
pub const EXCERPT_CHARS: u32 = 200;
/// The largest journal page one request may ask for.
pub const MAX_JOURNAL_PAGE: u32 = 100;
/// The technique id writing counts as.
pub const JOURNALING_TECHNIQUE_ID: &str = "journaling";
/// Days between weekly reflections.
pub const REFLECTION_EVERY_DAYS: i64 = 7;
/// The prompts the journal rotates through (issue #6), in order. Which one shows is the
/// UI's choice (by day, or another on request); the person can switch them off.
pub const JOURNAL_PROMPTS: [&str; 4] = [
    "What was going on before the urge?",
    "What did you need in that moment?",
    "What went better than you expected this week?",
    "What would you tell a friend in your place?",
];
/// A UTC offset is at most 18 hours: the widest a local date can stray from UTC.
const MAX_OFFSET_MS: i64 = 18 * 3_600_000;

/// What kind of entry it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum JournalKind {
    /// Anything the person writes.
    Free,
    /// The weekly reflection.
    Reflection,
}

impl JournalKind {
    fn column(self) -> &'static str {
        match self {
            JournalKind::Free => "free",
            JournalKind::Reflection => "reflection",
        }
    }

    fn parse(s: &str) -> Self {
        if s == "reflection" { JournalKind::Reflection } else { JournalKind::Free }
    }
}

/// How the week went, in the person's own judgement. A harder week is information, never a
/// verdict (care.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum WeekWent {
    /// Harder than usual.
    Harder,
    /// Some of each.
    Mixed,
    /// Better than usual.
    Better,
}

impl WeekWent {
    fn column(self) -> &'static str {
        match self {
            WeekWent::Harder => "harder",
            WeekWent::Mixed => "mixed",
            WeekWent::Better => "better",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "harder" => Some(WeekWent::Harder),
            "mixed" => Some(WeekWent::Mixed),
            "better" => Some(WeekWent::Better),
            _ => None,
        }
    }

    fn sentence(self) -> &'static str {
        match self {
            WeekWent::Harder => "This week felt harder. That is worth knowing, not a verdict.",
            WeekWent::Mixed => "This week was mixed.",
            WeekWent::Better => "This week went better.",
        }
    }
}

/// A new entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct NewJournalEntry {
    /// The person's words: trimmed, 1–50,000 characters.
    pub body: String,
    /// The craving it is about, if any.
    #[serde(default)]
    #[ts(optional)]
    pub urge_id: Option<String>,
    /// The prompt it answers, as shown; blank means none.
    #[serde(default)]
    #[ts(optional)]
    pub prompt: Option<String>,
    /// The running `journaling` session this writing finishes (started when the editor
    /// opened for a craving); saving marks it completed.
    #[serde(default)]
    #[ts(optional)]
    pub session_id: Option<String>,
}

/// A change to an entry's words (its link, prompt and kind stay).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct JournalEdit {
    /// The entry's id.
    pub id: String,
    /// The new words: trimmed, 1–50,000 characters.
    pub body: String,
}

/// The weekly reflection's three taps and an optional line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct NewReflection {
    /// How the week went.
    pub week: WeekWent,
    /// What helped: a technique id; absent means "Not sure".
    #[serde(default)]
    #[ts(optional)]
    pub helped_technique_id: Option<String>,
    /// What to try next week: a technique id; absent means "Keep going as I am".
    #[serde(default)]
    #[ts(optional)]
    pub next_technique_id: Option<String>,
    /// Anything else, up to 1,000 characters; blank means none.
    #[serde(default)]
    #[ts(optional)]
    pub line: Option<String>,
}

/// A weekly reflection's answers as stored beside its readable text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ReflectionAnswers {
    /// How the week went.
    pub week: WeekWent,
    /// What helped (a technique id), or `None` for "Not sure".
    pub helped_technique_id: Option<String>,
    /// What to try next week (a technique id), or `None` for "Keep going as I am".
    pub next_technique_id: Option<String>,
}

/// The craving an entry is about, as the journal shows it ("about a craving at 21:40").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct LinkedUrge {
    /// The craving's id.
    pub id: String,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// The person's offset from UTC then, in minutes east.
    pub utc_offset_minutes: i32,
    /// How strong it was, 0–10.
    pub intensity: u8,
}

/// A journal entry. In lists `text` is an excerpt (the first 200 characters) and `excerpt` is
/// true; opened, it is the whole entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct JournalEntry {
    /// UUIDv7.
    pub id: String,
    /// Free writing or the weekly reflection.
    pub kind: JournalKind,
    /// The craving it is about, if any (and if it still exists).
    pub urge: Option<LinkedUrge>,
    /// The journaling session it finished, if any.
    pub session_id: Option<String>,
    /// The prompt it answered, if any.
    pub prompt: Option<String>,
    /// The words (or, in lists, their beginning).
    pub text: String,
    /// Whether `text` is only the beginning of a longer entry.
    pub excerpt: bool,
    /// How many characters the whole entry has.
    pub chars: u32,
    /// A weekly reflection's answers.
    pub reflection: Option<ReflectionAnswers>,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// The person's offset from UTC when it was written, in minutes east.
    pub utc_offset_minutes: i32,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// Which entries the journal shows; every part is optional and they all must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct JournalFilter {
    /// Words in the entry (case-insensitive), up to 200 characters.
    #[serde(default)]
    #[ts(optional)]
    pub text: Option<String>,
    /// Only entries about a craving (`true`) or only standalone ones (`false`).
    #[serde(default)]
    #[ts(optional)]
    pub linked: Option<bool>,
    /// Only this kind.
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<JournalKind>,
    /// Written on or after this local date.
    #[serde(default, deserialize_with = "crate::text::iso_date_opt")]
    #[ts(optional, type = "string")]
    pub from: Option<NaiveDate>,
    /// Written on or before this local date.
    #[serde(default, deserialize_with = "crate::text::iso_date_opt")]
    #[ts(optional, type = "string")]
    pub to: Option<NaiveDate>,
}

/// Where a journal page ends: the next page starts strictly after this entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct JournalCursor {
    /// The last entry's time.
    pub created_at: DateTime<Utc>,
    /// The last entry's id.
    pub id: String,
}

/// Asks for a page of the journal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct JournalQuery {
    /// Search and filters.
    #[serde(default)]
    #[ts(optional)]
    pub filter: Option<JournalFilter>,
    /// Where the previous page ended; absent for the first page.
    #[serde(default)]
    #[ts(optional)]
    pub after: Option<JournalCursor>,
    /// How many entries, 1–100.
    pub limit: u32,
}

/// One page of the journal, newest first, each entry as an excerpt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct JournalPage {
    /// The entries, newest first.
    pub entries: Vec<JournalEntry>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<JournalCursor>,
}

/// Asks for the entries about some cravings (History's cards, a craving's detail).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct JournalForUrges {
    /// The cravings' ids, up to 200.
    pub urge_ids: Vec<String>,
}

/// A technique the person used, for the reflection's "what helped".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct UsedThisWeek {
    /// The technique's id.
    pub technique_id: String,
    /// Its name.
    pub name: String,
    /// How many times in the last 7 days.
    pub uses: u32,
}

/// Whether the weekly reflection is due, and what it can offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ReflectionStatus {
    /// The person opted in (Settings).
    pub enabled: bool,
    /// Opted in, and 7 days or more since the last reflection (or none yet).
    pub due: bool,
    /// When the last reflection was written.
    pub last_at: Option<DateTime<Utc>>,
    /// Techniques used in the last 7 days, most used first.
    pub used_techniques: Vec<UsedThisWeek>,
}

/// The rotating prompts, in order.
pub fn journal_prompts() -> Vec<String> {
    JOURNAL_PROMPTS.iter().map(|p| (*p).to_owned()).collect()
}

fn checked_body(field: &'static str, body: &str) -> Result<String, Invalid> {
    crate::text::optional(field, "An entry", MAX_ENTRY_CHARS, Some(body.to_owned()))?.ok_or_else(
        || Invalid::new(field, "An entry needs at least one letter or number. Nothing was saved."),
    )
}

/// Columns for a row; `{text}` is the whole body or its excerpt.
fn select(text: &str) -> String {
    format!(
        "SELECT j.id, j.kind, j.urge_id, u.occurred_at, u.utc_offset_minutes, u.intensity, \
         j.session_id, j.prompt, {text}, length(j.body), j.week_went, j.helped_technique, \
         j.next_technique, j.created_at, j.utc_offset_minutes, j.updated_at \
         FROM journal_entries j LEFT JOIN urges u ON u.id = j.urge_id"
    )
}

fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<JournalEntry> {
    let urge = match row.get::<_, Option<String>>(2)? {
        Some(id) => Some(LinkedUrge {
            id,
            occurred_at: millis_to_time(row.get(3)?)?,
            utc_offset_minutes: row.get(4)?,
            intensity: row.get(5)?,
        }),
        None => None,
    };
    let text: String = row.get(8)?;
    let chars: u32 = row.get(9)?;
    let reflection = row.get::<_, Option<String>>(10)?.and_then(|w| WeekWent::parse(&w)).map(
        |week| -> rusqlite::Result<ReflectionAnswers> {
            Ok(ReflectionAnswers {
                week,
                helped_technique_id: row.get(11)?,
                next_technique_id: row.get(12)?,
            })
        },
    );
    Ok(JournalEntry {
        id: row.get(0)?,
        kind: JournalKind::parse(&row.get::<_, String>(1)?),
        urge,
        session_id: row.get(6)?,
        prompt: row.get(7)?,
        excerpt: (text.chars().count() as u32) < chars,
        text,
        chars,
        reflection: reflection.transpose()?,
        created_at: millis_to_time(row.get(13)?)?,
        utc_offset_minutes: row.get(14)?,
        updated_at: millis_to_time(row.get(15)?)?,
    })
}

fn not_found(id: &str) -> Error {
    Error::NotFound { what: "journal entry", id: id.to_owned() }
}

impl Store {
    /// Writes a new entry. With `session_id`, the running journaling session it names is
    /// finished (completed) in the same transaction.
    pub fn create_journal_entry(&mut self, new: NewJournalEntry) -> Result<JournalEntry> {
        let body = checked_body("body", &new.body)?;
        let prompt = crate::text::optional("prompt", "A prompt", MAX_PROMPT_CHARS, new.prompt)?;
        let mut urge_id = new.urge_id;
        if let Some(id) = &urge_id {
            self.check_urge_for_journal(id)?;
        }
        let now = self.clock.now();
        let session = match &new.session_id {
            Some(session_id) => {
                let session = self.session(session_id).map_err(|_| {
                    Invalid::new(
                        "sessionId",
                        "That journaling session isn't here any more. Nothing was saved.",
                    )
                })?;
                if session.technique_id != JOURNALING_TECHNIQUE_ID {
                    return Err(Invalid::new(
                        "sessionId",
                        "That session is for another technique, not for writing. Nothing was saved.",
                    )
                    .into());
                }
                if session.ended_at.is_some() {
                    return Err(Invalid::new(
                        "sessionId",
                        "That journaling session has already ended. Nothing was saved.",
                    )
                    .into());
                }
                match (&urge_id, &session.urge_id) {
                    (Some(a), Some(b)) if a != b => {
                        return Err(Invalid::new(
                            "sessionId",
                            "That journaling session is for another craving. Nothing was saved.",
                        )
                        .into());
                    }
                    (None, Some(b)) => urge_id = Some(b.clone()),
                    _ => {}
                }
                Some(session)
            }
            None => None,
        };
        let offset = self.clock.offset_at(now).local_minus_utc() / 60;
        let id = self.ids.next_id(now).to_string();
        let ms = now.timestamp_millis();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO journal_entries (id, urge_id, session_id, kind, prompt, body, \
             created_at, utc_offset_minutes, updated_at) \
             VALUES (?1, ?2, ?3, 'free', ?4, ?5, ?6, ?7, ?6)",
        )?
        .execute(params![id, urge_id, new.session_id, prompt, body, ms, offset])?;
        if let Some(session) = &session {
            let practised = (now - session.started_at)
                .num_seconds()
                .clamp(0, i64::from(crate::MAX_SESSION_SECONDS));
            tx.prepare_cached(
                "UPDATE technique_sessions SET ended_at = ?2, completed = 1, actual_seconds = ?3, \
                 updated_at = ?2 WHERE id = ?1",
            )?
            .execute(params![session.id, ms, practised])?;
        }
        tx.commit()?;
        self.journal_entry(&id)
    }

    /// Changes an entry's words.
    pub fn edit_journal_entry(&mut self, edit: JournalEdit) -> Result<JournalEntry> {
        let body = checked_body("body", &edit.body)?;
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        let changed = tx
            .prepare_cached("UPDATE journal_entries SET body = ?2, updated_at = ?3 WHERE id = ?1")?
            .execute(params![edit.id, body, now])?;
        if changed == 0 {
            return Err(not_found(&edit.id));
        }
        tx.commit()?;
        self.journal_entry(&edit.id)
    }

    /// Deletes an entry for real (no hidden copy is kept).
    pub fn delete_journal_entry(&mut self, id: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed =
            tx.prepare_cached("DELETE FROM journal_entries WHERE id = ?1")?.execute([id])?;
        if changed == 0 {
            return Err(not_found(id));
        }
        tx.commit()?;
        Ok(())
    }

    /// One whole entry by id.
    pub fn journal_entry(&self, id: &str) -> Result<JournalEntry> {
        self.conn
            .prepare_cached(&format!("{} WHERE j.id = ?1", select("j.body")))?
            .query_row([id], entry_from_row)
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    /// A page of the journal, newest first, as excerpts. Keyset pagination on
    /// `(created_at, id)`: every page costs the same, and an entry written meanwhile never
    /// shifts or repeats rows.
    pub fn journal_page(&self, query: &JournalQuery) -> Result<JournalPage> {
        let limit = query.limit;
        if limit == 0 || limit > MAX_JOURNAL_PAGE {
            return Err(Invalid::new(
                "limit",
                format!("A page holds 1 to {MAX_JOURNAL_PAGE} entries; got {limit}."),
            )
            .into());
        }
        let filter = query.filter.clone().unwrap_or_default();
        let mut sql = String::new();
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        let mut and = |condition: &str, mut values: Vec<Box<dyn ToSql>>| {
            sql.push_str(if sql.is_empty() { " WHERE " } else { " AND " });
            sql.push_str(condition);
            args.append(&mut values);
        };
        if let Some(text) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            let chars = text.chars().count();
            if chars > crate::MAX_SEARCH_CHARS {
                return Err(Invalid::new(
                    "text",
                    format!(
                        "A search is up to {} characters; this one has {chars}.",
                        crate::MAX_SEARCH_CHARS
                    ),
                )
                .into());
            }
            // SQLite's LIKE ignores case for ASCII letters ("Work" finds "work").
            and("j.body LIKE ? ESCAPE '\\'", vec![Box::new(crate::filter::escape_like(text))]);
        }
        match filter.linked {
            Some(true) => and("j.urge_id IS NOT NULL", vec![]),
            Some(false) => and("j.urge_id IS NULL", vec![]),
            None => {}
        }
        if let Some(kind) = filter.kind {
            and("j.kind = ?", vec![Box::new(kind.column())]);
        }
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && from > to
        {
            return Err(Invalid::new(
                "from",
                format!("The start date ({from}) is after the end date ({to}): swap them?"),
            )
            .into());
        }
        let local = "(j.created_at + j.utc_offset_minutes * 60000)";
        if let Some(from) = filter.from {
            let ms = from.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
            and(
                &format!("j.created_at >= ? AND {local} >= ?"),
                vec![Box::new(ms - MAX_OFFSET_MS), Box::new(ms)],
            );
        }
        if let Some(to) = filter.to {
            let ms =
                to.succ_opt().unwrap_or(to).and_time(NaiveTime::MIN).and_utc().timestamp_millis();
            and(
                &format!("j.created_at < ? AND {local} < ?"),
                vec![Box::new(ms + MAX_OFFSET_MS), Box::new(ms)],
            );
        }
        if let Some(cursor) = &query.after {
            and(
                "(j.created_at, j.id) < (?, ?)",
                vec![Box::new(cursor.created_at.timestamp_millis()), Box::new(cursor.id.clone())],
            );
        }
        args.push(Box::new(i64::from(limit) + 1));
        let mut entries = self
            .conn
            .prepare_cached(&format!(
                "{}{sql} ORDER BY j.created_at DESC, j.id DESC LIMIT ?",
                select(&format!("substr(j.body, 1, {EXCERPT_CHARS})"))
            ))?
            .query_map(rusqlite::params_from_iter(args.iter()), entry_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let next = if entries.len() > limit as usize {
            entries.truncate(limit as usize);
            entries.last().map(|e| JournalCursor { created_at: e.created_at, id: e.id.clone() })
        } else {
            None
        };
        Ok(JournalPage { entries, next })
    }

    /// The entries about these cravings, oldest first, as excerpts (History's cards and a
    /// craving's detail). Unknown ids simply have none.
    pub fn journal_for_urges(&self, request: &JournalForUrges) -> Result<Vec<JournalEntry>> {
        let count = request.urge_ids.len();
        if count > crate::MAX_PAGE_SIZE as usize {
            return Err(Invalid::new(
                "urgeIds",
                format!(
                    "Ask for the entries of up to {} cravings at once; got {count}.",
                    crate::MAX_PAGE_SIZE
                ),
            )
            .into());
        }
        if count == 0 {
            return Ok(Vec::new());
        }
        let placeholders = vec!["?"; count].join(",");
        Ok(self
            .conn
            .prepare_cached(&format!(
                "{} WHERE j.urge_id IN ({placeholders}) ORDER BY j.created_at, j.id",
                select(&format!("substr(j.body, 1, {EXCERPT_CHARS})"))
            ))?
            .query_map(rusqlite::params_from_iter(request.urge_ids.iter()), entry_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Saves the weekly reflection as an entry: a readable text and the answers beside it.
    pub fn save_reflection(&mut self, new: NewReflection) -> Result<JournalEntry> {
        let line =
            crate::text::optional("line", "The line", MAX_REFLECTION_LINE_CHARS, new.line.clone())?;
        let mut names = Vec::new();
        for (field, id) in [
            ("helpedTechniqueId", &new.helped_technique_id),
            ("nextTechniqueId", &new.next_technique_id),
        ] {
            names.push(match id {
                Some(id) => Some(self.usable_technique(field, id)?.name),
                None => None,
            });
        }
        let mut body = String::from(new.week.sentence());
        body.push('\n');
        body.push_str(&match &names[0] {
            Some(name) => format!("What helped: {name}."),
            None => "What helped: not sure yet.".to_owned(),
        });
        body.push('\n');
        body.push_str(&match &names[1] {
            Some(name) => format!("Next week I'll try: {name}."),
            None => "Next week: keep going as I am.".to_owned(),
        });
        if let Some(line) = &line {
            body.push_str("\n\n");
            body.push_str(line);
        }
        let now = self.clock.now();
        let offset = self.clock.offset_at(now).local_minus_utc() / 60;
        let id = self.ids.next_id(now).to_string();
        let ms = now.timestamp_millis();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO journal_entries (id, kind, body, week_went, helped_technique, \
             next_technique, created_at, utc_offset_minutes, updated_at) \
             VALUES (?1, 'reflection', ?2, ?3, ?4, ?5, ?6, ?7, ?6)",
        )?
        .execute(params![
            id,
            body,
            new.week.column(),
            new.helped_technique_id,
            new.next_technique_id,
            ms,
            offset
        ])?;
        tx.commit()?;
        self.journal_entry(&id)
    }

    /// Whether the weekly reflection is due (opted in, and 7+ days since the last one or none
    /// yet), with the techniques used in the last 7 days.
    pub fn reflection_status(&self) -> Result<ReflectionStatus> {
        let enabled = self.settings()?.weekly_reflection;
        let now = self.clock.now();
        let last_at = self
            .conn
            .prepare_cached(
                "SELECT max(created_at) FROM journal_entries WHERE kind = 'reflection'",
            )?
            .query_row([], |r| r.get::<_, Option<i64>>(0))?
            .map(millis_to_time)
            .transpose()?;
        let due =
            enabled && last_at.is_none_or(|t| now - t >= Duration::days(REFLECTION_EVERY_DAYS));
        let since = (now - Duration::days(REFLECTION_EVERY_DAYS)).timestamp_millis();
        let counts = self
            .conn
            .prepare_cached(
                "SELECT technique_id, count(*) AS n FROM technique_sessions \
                 WHERE started_at >= ?1 GROUP BY technique_id ORDER BY n DESC, technique_id",
            )?
            .query_map([since], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut used_techniques = Vec::with_capacity(counts.len());
        for (technique_id, uses) in counts {
            let name = self.technique_name(&technique_id)?;
            used_techniques.push(UsedThisWeek { technique_id, name, uses });
        }
        Ok(ReflectionStatus { enabled, due, last_at, used_techniques })
    }

    fn check_urge_for_journal(&self, id: &str) -> Result<()> {
        let exists = self
            .conn
            .prepare_cached("SELECT 1 FROM urges WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some();
        if !exists {
            return Err(Invalid::new(
                "urgeId",
                "That craving isn't here any more (it may have been deleted). Nothing was saved.",
            )
            .into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_trimmed_and_counted_in_characters() {
        assert_eq!(checked_body("body", "  hi \n"), Ok("hi".to_owned()));
        assert!(checked_body("body", &"é".repeat(MAX_ENTRY_CHARS)).is_ok(), "50,000 fit");
        assert_eq!(
            checked_body("body", &"é".repeat(MAX_ENTRY_CHARS + 1)).unwrap_err().message,
            "An entry can be up to 50,000 characters; this one has 50,001. Nothing was saved."
        );
        assert_eq!(
            checked_body("body", " \n\t ").unwrap_err().message,
            "An entry needs at least one letter or number. Nothing was saved."
        );
    }

    #[test]
    fn search_wildcards_are_taken_literally() {
        assert_eq!(crate::filter::escape_like("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
