//! History's filters: they combine (all must hold), and the same filter pages and counts.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::ToSql;
use serde::Deserialize;
use ts_rs::TS;

use crate::{Error, Intensity, Invalid, Result, Store, UseAction};

/// The longest search text, in characters.
pub const MAX_SEARCH_CHARS: usize = 200;
/// A UTC offset is at most 18 hours: the widest a local date can stray from UTC.
const MAX_OFFSET_MS: i64 = 18 * 3_600_000;

/// Which cravings History shows; every part is optional and they all must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct UrgeFilter {
    /// About this tracked thing.
    #[serde(default)]
    #[ts(optional)]
    pub tracked_id: Option<String>,
    /// On or after this local date.
    #[serde(default, deserialize_with = "crate::text::iso_date_opt")]
    #[ts(optional, type = "string")]
    pub from: Option<NaiveDate>,
    /// On or before this local date.
    #[serde(default, deserialize_with = "crate::text::iso_date_opt")]
    #[ts(optional, type = "string")]
    pub to: Option<NaiveDate>,
    /// With every one of these chips (a trigger, a feeling, a place, company).
    #[serde(default)]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub chip_ids: Vec<String>,
    /// Where this technique was used; `waiting` means nothing but waiting.
    #[serde(default)]
    #[ts(optional)]
    pub technique_id: Option<String>,
    /// With this outcome.
    #[serde(default)]
    #[ts(optional)]
    pub action: Option<UseAction>,
    /// At least this strong.
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub min_intensity: Option<Intensity>,
    /// At most this strong.
    #[serde(default)]
    #[ts(optional, type = "number")]
    pub max_intensity: Option<Intensity>,
    /// Words in the craving's note or the note on how it went (case-insensitive).
    #[serde(default)]
    #[ts(optional)]
    pub text: Option<String>,
}

impl UrgeFilter {
    /// Whether it filters nothing.
    pub fn is_empty(&self) -> bool {
        *self == UrgeFilter::default()
            || (self.text.as_deref().is_some_and(|t| t.trim().is_empty())
                && UrgeFilter { text: None, ..self.clone() } == UrgeFilter::default())
    }
}

/// A filter turned into SQL conditions on `u` (urges) with their parameters.
pub(crate) struct Where {
    pub(crate) sql: String,
    pub(crate) params: Vec<Box<dyn ToSql>>,
}

impl Where {
    fn and(&mut self, condition: &str, params: Vec<Box<dyn ToSql>>) {
        self.sql.push_str(if self.sql.is_empty() { " WHERE " } else { " AND " });
        self.sql.push_str(condition);
        self.params.extend(params);
    }

    /// Adds one more condition (the keyset cursor).
    pub(crate) fn also(&mut self, condition: &str, params: Vec<Box<dyn ToSql>>) {
        self.and(condition, params);
    }
}

/// A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` matched literally
/// (`ESCAPE '\'`).
pub(crate) fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

impl Store {
    /// Checks a filter and turns it into SQL; a refusal names what is wrong.
    pub(crate) fn filter_sql(&self, filter: &UrgeFilter) -> Result<Where> {
        let mut w = Where { sql: String::new(), params: Vec::new() };
        if let Some(id) = &filter.tracked_id {
            self.thing(id).map_err(|_| {
                Error::from(Invalid::new("trackedId", "That tracked thing isn't here any more."))
            })?;
            w.and("u.tracked_id = ?", vec![Box::new(id.clone())]);
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
        let local = "(u.occurred_at + u.utc_offset_minutes * 60000)";
        if let Some(from) = filter.from {
            let ms = from.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
            // The first condition can use the time index; the second is exact in local time.
            w.and(
                &format!("u.occurred_at >= ? AND {local} >= ?"),
                vec![Box::new(ms - MAX_OFFSET_MS), Box::new(ms)],
            );
        }
        if let Some(to) = filter.to {
            let ms =
                to.succ_opt().unwrap_or(to).and_time(NaiveTime::MIN).and_utc().timestamp_millis();
            w.and(
                &format!("u.occurred_at < ? AND {local} < ?"),
                vec![Box::new(ms + MAX_OFFSET_MS), Box::new(ms)],
            );
        }
        for id in &filter.chip_ids {
            self.chip(id).map_err(|_| {
                Error::from(Invalid::new(
                    "chipIds",
                    format!("There is no chip \u{201c}{}\u{201d}.", crate::text::quoted(id)),
                ))
            })?;
            w.and(
                "EXISTS (SELECT 1 FROM urge_chips uc WHERE uc.urge_id = u.id AND uc.chip_id = ?)",
                vec![Box::new(id.clone())],
            );
        }
        if let Some(id) = &filter.technique_id {
            if self.technique_name(id)? == crate::library::UNKNOWN_TECHNIQUE {
                return Err(Invalid::new(
                    "techniqueId",
                    format!(
                        "There is no technique called \u{201c}{}\u{201d}.",
                        crate::text::quoted(id)
                    ),
                )
                .into());
            }
            if id == "waiting" {
                w.and(
                    &format!(
                        "NOT EXISTS (SELECT 1 FROM technique_sessions s WHERE s.urge_id = u.id \
                         AND s.technique_id <> 'waiting' AND {})",
                        crate::sessions::COUNTS_AS_USE
                    ),
                    vec![],
                );
            } else {
                // `+` keeps SQLite on the by-urge index: the by-technique one scans every
                // session of that technique for each craving (1.7 s at 100,000 cravings).
                w.and(
                    &format!(
                        "EXISTS (SELECT 1 FROM technique_sessions s WHERE s.urge_id = u.id \
                         AND +s.technique_id = ? AND {})",
                        crate::sessions::COUNTS_AS_USE
                    ),
                    vec![Box::new(id.clone())],
                );
            }
        }
        if let Some(action) = filter.action {
            w.and("o.action = ?", vec![Box::new(action.column())]);
        }
        let min = filter.min_intensity.map_or(0, Intensity::get);
        let max = filter.max_intensity.map_or(Intensity::MAX, Intensity::get);
        if min > max {
            return Err(Invalid::new(
                "minIntensity",
                format!("The lowest strength ({min}) is above the highest ({max})."),
            )
            .into());
        }
        if min > 0 || max < Intensity::MAX {
            w.and("u.intensity BETWEEN ? AND ?", vec![Box::new(min), Box::new(max)]);
        }
        if let Some(text) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            let chars = text.chars().count();
            if chars > MAX_SEARCH_CHARS {
                return Err(Invalid::new(
                    "text",
                    format!(
                        "A search is up to {MAX_SEARCH_CHARS} characters; this one has {chars}."
                    ),
                )
                .into());
            }
            let pattern = escape_like(text);
            w.and(
                "(u.note LIKE ? ESCAPE '\\' OR o.note LIKE ? ESCAPE '\\')",
                vec![Box::new(pattern.clone()), Box::new(pattern)],
            );
        }
        Ok(w)
    }

    /// How many cravings match a filter.
    pub fn count_matching(&self, filter: &UrgeFilter) -> Result<u64> {
        if filter.is_empty() {
            return self.count_urges();
        }
        let w = self.filter_sql(filter)?;
        let sql = format!(
            "SELECT count(*) FROM urges u LEFT JOIN outcomes o ON o.urge_id = u.id{}",
            w.sql
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(w.params.iter()), |r| r.get(0))?)
    }
}
