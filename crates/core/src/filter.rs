//! History's filters: they combine (all must hold), and the same filter pages and counts.
//! Counts come from stored bitmaps where they can (`counts.rs`).

mod counts;

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
    ///
    /// From the stored bitmaps (`counts.rs`) unless the filter searches notes or many buckets
    /// wait to be rebuilt (just after an upgrade, until the shell's warm-up has run); the
    /// plain query gives the same number, only slower.
    pub fn count_matching(&self, filter: &UrgeFilter) -> Result<u64> {
        if filter.is_empty() {
            return self.count_urges();
        }
        let w = self.filter_sql(filter)?;
        let searches = filter.text.as_deref().is_some_and(|t| !t.trim().is_empty());
        if !searches && self.counts_ready() {
            return self.count_from_bitmaps(filter);
        }
        self.count_by_query(w, None)
    }

    /// Rebuilds the count bitmaps that writes have marked: the shell calls it on a second
    /// connection once the first screen is up, so after an upgrade the person's own connection
    /// never waits for every craving to be read. Each bucket is its own short transaction.
    pub fn refresh_counts(&self) -> Result<()> {
        counts::bring_up_to_date(&self.conn)
    }

    /// Marks every count bitmap for rebuilding from the records (as an upgrade does); the next
    /// [`Store::refresh_counts`] rebuilds them all.
    pub fn rebuild_counts(&self) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO count_dirty (bucket) \
             SELECT DISTINCT occurred_at >> 30 FROM urges UNION SELECT bucket FROM count_buckets",
            [],
        )?;
        Ok(())
    }

    /// Whether the bitmaps can answer: the few marked buckets rebuilt first.
    fn counts_ready(&self) -> bool {
        match counts::dirty(&self.conn) {
            Ok(0) => true,
            Ok(n) if n <= counts::MAX_REBUILT_IN_A_COUNT => {
                match counts::bring_up_to_date(&self.conn) {
                    Ok(()) => true,
                    Err(e) => {
                        // A store that can't be written just now still counts: the buckets
                        // still marked are counted by the plain query.
                        eprintln!("ebb: History's counts couldn't be rebuilt ({e})");
                        true
                    }
                }
            }
            _ => false,
        }
    }

    /// The plain count, over the cravings between `span` (UTC milliseconds) when given.
    fn count_by_query(&self, mut w: Where, span: Option<(i64, i64)>) -> Result<u64> {
        if let Some((first, last)) = span {
            w.also("u.occurred_at BETWEEN ? AND ?", vec![Box::new(first), Box::new(last)]);
        }
        let sql = format!(
            "SELECT count(*) FROM urges u LEFT JOIN outcomes o ON o.urge_id = u.id{}",
            w.sql
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(w.params.iter()), |r| r.get(0))?)
    }

    /// The count from the bitmaps: buckets wholly inside the date range (every bucket, without
    /// one) by ANDing the filter's bitmaps; those at the range's edges, and any still marked,
    /// by the plain query over their time. One read transaction: one snapshot.
    fn count_from_bitmaps(&self, filter: &UrgeFilter) -> Result<u64> {
        let tx = self.conn.unchecked_transaction()?;
        let day_ms = |d: NaiveDate| d.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
        // Local dates: every craving of the range lies in [lo, hi] UTC; every craving in
        // [inner_lo, inner_hi] UTC is in the range whatever its offset.
        let (lo, inner_lo) = match filter.from {
            Some(from) => (day_ms(from) - MAX_OFFSET_MS, day_ms(from) + MAX_OFFSET_MS),
            None => (i64::MIN, i64::MIN),
        };
        let (hi, inner_hi) = match filter.to {
            Some(to) => {
                let end = day_ms(to.succ_opt().unwrap_or(to));
                (end + MAX_OFFSET_MS - 1, end - MAX_OFFSET_MS - 1)
            }
            None => (i64::MAX, i64::MAX),
        };
        let (first, last) = (lo >> counts::BUCKET_BITS, hi >> counts::BUCKET_BITS);
        let stale: Vec<i64> = tx
            .prepare_cached(
                "SELECT bucket FROM count_dirty WHERE bucket BETWEEN ?1 AND ?2 ORDER BY bucket",
            )?
            .query_map([first, last], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut inside = Vec::new();
        let mut edges = stale.clone();
        for (bucket, cravings) in counts::buckets(&tx, first, last)? {
            let (start, end) = counts::bucket_span(bucket);
            if stale.binary_search(&bucket).is_ok() {
                continue;
            }
            if start >= inner_lo && end <= inner_hi {
                inside.push((bucket, cravings));
            } else {
                edges.push(bucket);
            }
        }
        let mut all = Vec::new();
        if let Some(id) = &filter.tracked_id {
            all.push(counts::thing_key(id));
        }
        all.extend(filter.chip_ids.iter().map(|id| counts::chip_key(id)));
        if let Some(id) = &filter.technique_id {
            all.push(counts::technique_key(id));
        }
        if let Some(action) = filter.action {
            all.push(counts::action_key(action));
        }
        let min = filter.min_intensity.map_or(0, Intensity::get);
        let max = filter.max_intensity.map_or(Intensity::MAX, Intensity::get);
        let any: Option<Vec<String>> = (min > 0 || max < Intensity::MAX)
            .then(|| (min..=max).map(counts::intensity_key).collect());
        let mut total = counts::count_inside(&tx, &inside, &all, any.as_deref())?;
        for bucket in edges {
            let (start, end) = counts::bucket_span(bucket);
            let span = (start.max(lo), end.min(hi));
            total += self.count_by_query(self.filter_sql(filter)?, Some(span))?;
        }
        tx.commit()?;
        Ok(total)
    }
}
