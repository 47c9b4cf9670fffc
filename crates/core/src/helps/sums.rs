//! The stored sums "what helps" is fitted from (migration 0010).
//!
//! The fit ([`super::Model::fit`]) needs only sums over the re-rated cravings: the weighted
//! normal equations, per technique its uses, weights and wins, and per situation and technique
//! the sums its residuals are made of (a residual is linear in the coefficients, so
//! `Σ w·(after − a − b·before − Σ effects)` is `Σw·after − a·Σw − b·Σw·before − Σ effect·Σw`).
//! Recency weights factor too: a craving's weight relative to the newest is its weight relative
//! to any reference times that reference's. So sums are kept per bucket of 2^30 ms of when the
//! cravings happened (about 12 days), each relative to its bucket's start, and added up
//! relative to the newest craving when the model is fitted.
//!
//! Triggers mark a bucket dirty in the same transaction as any write that can change it
//! (`0010_helps_sums.sql`); [`bring_up_to_date`] recomputes each dirty bucket from the records
//! in one transaction with clearing its mark. So a stored bucket is right unless it is marked,
//! whoever wrote and whenever the process stopped.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::{HALF_LIFE_DAYS, WAITING, local_hour, strength_band, time_band};
use crate::Result;
use crate::store::millis_to_time;

/// Cravings are summed per 2^BUCKET_SHIFT ms by when they happened (`occurred_at >> 30` in the
/// triggers).
pub(super) const BUCKET_SHIFT: u32 = 30;
const HALF_LIFE_MS: f64 = HALF_LIFE_DAYS * 86_400_000.0;

/// The recency weight of a craving at `at` relative to one at `reference`: 1 there, half for
/// every half-life earlier.
fn recency(at: i64, reference: i64) -> f64 {
    ((at - reference) as f64 / HALF_LIFE_MS).exp2()
}

/// Sums over one situation's cravings on which one technique (or nothing: waiting) was used.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct GroupSums {
    pub count: u32,
    /// Σw, Σw·before, Σw·after.
    pub w: f64,
    pub w_before: f64,
    pub w_after: f64,
    /// Σw per technique used on these cravings (the group's own included).
    pub with: BTreeMap<String, f64>,
}

/// One situation: how many re-rated cravings, and its groups by technique id ("" = waiting).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct ContextSums {
    pub rated: u32,
    pub groups: BTreeMap<String, GroupSums>,
}

/// One technique's cravings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct TechniqueSums {
    pub uses: u32,
    pub w: f64,
    pub w_before: f64,
    pub w_after: f64,
    /// Of its cravings with what-they-did recorded: the wins, and how many.
    pub wins: u32,
    pub of: u32,
}

/// Sums over some re-rated cravings, with weights relative to `reference`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Sums {
    /// When the weights are 1 (ms since the epoch).
    pub reference: i64,
    /// When the newest craving summed happened.
    pub newest: i64,
    pub rated: u32,
    /// Σw, Σw², Σw·before, Σw·before², Σw·after, Σw·before·after, Σw·after².
    pub w: f64,
    pub w2: f64,
    pub w_before: f64,
    pub w_before2: f64,
    pub w_after: f64,
    pub w_before_after: f64,
    pub w_after2: f64,
    pub techniques: BTreeMap<String, TechniqueSums>,
    /// Σw of the cravings two techniques were both used on: a → b → Σw, with a < b.
    pub pairs: BTreeMap<String, BTreeMap<String, f64>>,
    pub baseline_uses: u32,
    pub baseline_wins: u32,
    pub baseline_of: u32,
    /// By situation: "chip:<id>", "time:<band>", "strength:<band>".
    pub contexts: BTreeMap<String, ContextSums>,
}

/// One re-rated craving, as the sums take it.
#[derive(Debug)]
struct Row {
    at: i64,
    before: f64,
    after: f64,
    /// Technique ids, sorted, without waiting.
    techniques: Vec<String>,
    contexts: Vec<String>,
    win: Option<bool>,
}

impl Sums {
    fn empty(reference: i64) -> Sums {
        Sums {
            reference,
            newest: i64::MIN,
            rated: 0,
            w: 0.0,
            w2: 0.0,
            w_before: 0.0,
            w_before2: 0.0,
            w_after: 0.0,
            w_before_after: 0.0,
            w_after2: 0.0,
            techniques: BTreeMap::new(),
            pairs: BTreeMap::new(),
            baseline_uses: 0,
            baseline_wins: 0,
            baseline_of: 0,
            contexts: BTreeMap::new(),
        }
    }

    fn add_row(&mut self, row: &Row) {
        let w = recency(row.at, self.reference);
        let (before, after) = (row.before, row.after);
        self.newest = self.newest.max(row.at);
        self.rated += 1;
        self.w += w;
        self.w2 += w * w;
        self.w_before += w * before;
        self.w_before2 += w * before * before;
        self.w_after += w * after;
        self.w_before_after += w * before * after;
        self.w_after2 += w * after * after;
        let (wins, of) = row.win.map_or((0, 0), |win| (u32::from(win), 1));
        for (i, id) in row.techniques.iter().enumerate() {
            let t = self.techniques.entry(id.clone()).or_default();
            t.uses += 1;
            t.w += w;
            t.w_before += w * before;
            t.w_after += w * after;
            t.wins += wins;
            t.of += of;
            for other in &row.techniques[i + 1..] {
                *self.pairs.entry(id.clone()).or_default().entry(other.clone()).or_default() += w;
            }
        }
        if row.techniques.is_empty() {
            self.baseline_uses += 1;
            self.baseline_wins += wins;
            self.baseline_of += of;
        }
        let waiting = [String::new()];
        let columns = if row.techniques.is_empty() { &waiting[..] } else { &row.techniques[..] };
        for context in &row.contexts {
            let c = self.contexts.entry(context.clone()).or_default();
            c.rated += 1;
            for column in columns {
                let g = c.groups.entry(column.clone()).or_default();
                g.count += 1;
                g.w += w;
                g.w_before += w * before;
                g.w_after += w * after;
                for id in &row.techniques {
                    *g.with.entry(id.clone()).or_default() += w;
                }
            }
        }
    }

    /// Adds `other`'s sums, re-weighted to this reference.
    fn add(&mut self, other: &Sums) {
        let f = recency(other.reference, self.reference);
        self.newest = self.newest.max(other.newest);
        self.rated += other.rated;
        self.w += f * other.w;
        self.w2 += f * f * other.w2;
        self.w_before += f * other.w_before;
        self.w_before2 += f * other.w_before2;
        self.w_after += f * other.w_after;
        self.w_before_after += f * other.w_before_after;
        self.w_after2 += f * other.w_after2;
        for (id, o) in &other.techniques {
            let t = self.techniques.entry(id.clone()).or_default();
            t.uses += o.uses;
            t.w += f * o.w;
            t.w_before += f * o.w_before;
            t.w_after += f * o.w_after;
            t.wins += o.wins;
            t.of += o.of;
        }
        for (a, bs) in &other.pairs {
            let mine = self.pairs.entry(a.clone()).or_default();
            for (b, w) in bs {
                *mine.entry(b.clone()).or_default() += f * w;
            }
        }
        self.baseline_uses += other.baseline_uses;
        self.baseline_wins += other.baseline_wins;
        self.baseline_of += other.baseline_of;
        for (key, o) in &other.contexts {
            let c = self.contexts.entry(key.clone()).or_default();
            c.rated += o.rated;
            for (column, og) in &o.groups {
                let g = c.groups.entry(column.clone()).or_default();
                g.count += og.count;
                g.w += f * og.w;
                g.w_before += f * og.w_before;
                g.w_after += f * og.w_after;
                for (id, w) in &og.with {
                    *g.with.entry(id.clone()).or_default() += f * w;
                }
            }
        }
    }
}

/// The latest a re-rate may come after its craving and still be compared (ms), from the
/// person's check-in interval.
pub(super) fn window_ms(conn: &Connection) -> Result<i64> {
    let rerate: u32 = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'rerate_minutes'")?
        .query_row([], |r| r.get::<_, String>(0))
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(crate::DEFAULT_RERATE_MINUTES);
    Ok(i64::from(super::rerate_window_minutes(rerate)) * 60_000)
}

/// Reads one bucket's re-rated cravings from the records and sums them: three range reads
/// (cravings with their outcomes, the sessions that count as uses, trigger and feeling chips),
/// each walking the outcomes' time index first (CROSS JOIN fixes that order: left to itself,
/// SQLite walked every trigger chip's links for every bucket, 100 times slower).
fn bucket_sums(conn: &Connection, bucket: i64, window_ms: i64) -> Result<Sums> {
    let (from, to) = (bucket << BUCKET_SHIFT, (bucket + 1) << BUCKET_SHIFT);
    let mut rows: Vec<Row> = Vec::new();
    let mut by_urge: HashMap<String, usize> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT u.id, u.intensity, u.occurred_at, u.utc_offset_minutes, o.intensity_after, \
         o.action, o.recorded_at FROM outcomes o CROSS JOIN urges u ON u.id = o.urge_id \
         WHERE o.occurred_at >= ?1 AND o.occurred_at < ?2 AND o.intensity_after IS NOT NULL \
         AND u.occurred_at >= ?1 AND u.occurred_at < ?2 ORDER BY o.occurred_at, o.urge_id",
    )?;
    let mut found = stmt.query([from, to])?;
    while let Some(r) = found.next()? {
        let before: i64 = r.get(1)?;
        let at: i64 = r.get(2)?;
        let offset: i64 = r.get(3)?;
        let after: i64 = r.get(4)?;
        let action: Option<String> = r.get(5)?;
        let recorded: i64 = r.get(6)?;
        // Only like-for-like check-ins are compared (a re-rate days later has passed anyway).
        if recorded - at > window_ms {
            continue;
        }
        by_urge.insert(r.get(0)?, rows.len());
        rows.push(Row {
            at,
            before: before as f64,
            after: after as f64,
            techniques: Vec::new(),
            contexts: vec![
                format!("time:{}", time_band(local_hour(millis_to_time(at)?, offset))),
                format!("strength:{}", strength_band(u8::try_from(before).unwrap_or(10))),
            ],
            win: action.map(|a| a == "didnt_use" || a == "used_less"),
        });
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT s.urge_id, s.technique_id FROM outcomes o \
         CROSS JOIN technique_sessions s ON s.urge_id = o.urge_id \
         WHERE o.occurred_at >= ?1 AND o.occurred_at < ?2 AND o.intensity_after IS NOT NULL \
         AND {}",
        crate::sessions::COUNTS_AS_USE
    ))?;
    let mut found = stmt.query([from, to])?;
    while let Some(r) = found.next()? {
        let (urge, technique): (String, String) = (r.get(0)?, r.get(1)?);
        if let Some(&row) = by_urge.get(&urge)
            && technique != WAITING
        {
            rows[row].techniques.push(technique);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT uc.urge_id, uc.chip_id FROM outcomes o \
         CROSS JOIN urge_chips uc ON uc.urge_id = o.urge_id CROSS JOIN chips c ON c.id = uc.chip_id \
         WHERE o.occurred_at >= ?1 AND o.occurred_at < ?2 AND o.intensity_after IS NOT NULL \
         AND c.kind IN ('trigger', 'feeling')",
    )?;
    let mut found = stmt.query([from, to])?;
    while let Some(r) = found.next()? {
        let (urge, chip): (String, String) = (r.get(0)?, r.get(1)?);
        if let Some(&row) = by_urge.get(&urge) {
            rows[row].contexts.push(format!("chip:{chip}"));
        }
    }
    let mut sums = Sums::empty(from);
    for row in &mut rows {
        // A technique used twice on one craving is one use; the order never depends on the
        // order rows were read in.
        row.techniques.sort();
        row.techniques.dedup();
        row.contexts.sort();
        row.contexts.dedup();
        sums.add_row(row);
    }
    Ok(sums)
}

/// Every bucket that holds a re-rated craving.
fn all_buckets(conn: &Connection) -> Result<Vec<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT DISTINCT occurred_at >> 30 FROM outcomes \
             WHERE intensity_after IS NOT NULL AND occurred_at IS NOT NULL ORDER BY 1",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Recomputes and stores every dirty bucket (all of them when the check-in window changed), each
/// in one write transaction with clearing its mark, so others' writes wait for one bucket at a
/// time. Cheap when nothing is marked: one read.
pub(super) fn bring_up_to_date(conn: &Connection, window_ms: i64) -> Result<()> {
    let pending: bool = conn
        .prepare_cached(
            "SELECT (SELECT window_ms FROM helps_meta) IS NOT ?1 \
             OR EXISTS (SELECT 1 FROM helps_dirty)",
        )?
        .query_row([window_ms], |r| r.get(0))?;
    if !pending {
        return Ok(());
    }
    {
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let stored: i64 = tx.query_row("SELECT window_ms FROM helps_meta", [], |r| r.get(0))?;
        if stored != window_ms {
            tx.execute("DELETE FROM helps_buckets", [])?;
            tx.execute(
                "INSERT OR IGNORE INTO helps_dirty (bucket) SELECT DISTINCT occurred_at >> 30 \
                 FROM outcomes WHERE intensity_after IS NOT NULL AND occurred_at IS NOT NULL",
                [],
            )?;
            tx.execute(
                "UPDATE helps_meta SET window_ms = ?1, generation = generation + 1",
                [window_ms],
            )?;
        }
        tx.commit()?;
    }
    loop {
        let dirty: Vec<i64> = conn
            .prepare_cached("SELECT bucket FROM helps_dirty ORDER BY bucket LIMIT 64")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if dirty.is_empty() {
            return Ok(());
        }
        for bucket in dirty {
            let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
            let still: Option<i64> = tx
                .prepare_cached("SELECT bucket FROM helps_dirty WHERE bucket = ?1")?
                .query_row([bucket], |r| r.get(0))
                .optional()?;
            let window: i64 = tx.query_row("SELECT window_ms FROM helps_meta", [], |r| r.get(0))?;
            if window != window_ms {
                // Another connection summed with a newer check-in window meanwhile: its pass
                // decides (going on here would only skip the same marks over and over).
                tx.commit()?;
                return Ok(());
            }
            if still.is_none() {
                // Another connection got there first.
                tx.commit()?;
                continue;
            }
            let sums = bucket_sums(&tx, bucket, window_ms)?;
            if sums.rated == 0 {
                tx.prepare_cached("DELETE FROM helps_buckets WHERE bucket = ?1")?
                    .execute([bucket])?;
            } else {
                // (Plain numbers and strings always serialise; were it ever to fail, the empty
                // body doesn't parse and the bucket is recomputed from the records when read.)
                let body = serde_json::to_string(&sums).unwrap_or_default();
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO helps_buckets (bucket, body) VALUES (?1, ?2)",
                )?
                .execute(rusqlite::params![bucket, body])?;
            }
            tx.prepare_cached("DELETE FROM helps_dirty WHERE bucket = ?1")?.execute([bucket])?;
            tx.prepare_cached("UPDATE helps_meta SET generation = generation + 1")?.execute([])?;
            tx.commit()?;
        }
    }
}

/// Where the stored sums stand: the counter bumped at every change, and whether they can be
/// used as they are.
pub(super) struct Stamp {
    pub generation: i64,
    /// Buckets to recompute in memory (their stored sums are out of date), or `None` when all
    /// are (the window changed and nothing could be stored).
    pub stale: Option<Vec<i64>>,
}

impl Stamp {
    /// Nothing to recompute: the stored sums are the records'.
    pub fn current(&self) -> bool {
        self.stale.as_ref().is_some_and(Vec::is_empty)
    }
}

/// Reads where the stored sums stand (inside the caller's read transaction).
pub(super) fn stamp(conn: &Connection, window_ms: i64) -> Result<Stamp> {
    let (window, generation): (i64, i64) = conn
        .prepare_cached("SELECT window_ms, generation FROM helps_meta")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let stale = if window == window_ms {
        Some(
            conn.prepare_cached("SELECT bucket FROM helps_dirty ORDER BY bucket")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?,
        )
    } else {
        None
    };
    Ok(Stamp { generation, stale })
}

/// The sums over every re-rated craving, relative to the newest: the stored buckets, with those
/// `stamp` says are out of date recomputed here (when they couldn't be stored).
pub(super) fn total(conn: &Connection, window_ms: i64, stamp: &Stamp) -> Result<Sums> {
    let mut buckets: BTreeMap<i64, Sums> = BTreeMap::new();
    let mut recompute = match &stamp.stale {
        Some(stale) => stale.clone(),
        None => all_buckets(conn)?,
    };
    if stamp.stale.is_some() {
        let mut stmt = conn.prepare_cached("SELECT bucket, body FROM helps_buckets")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let bucket: i64 = r.get(0)?;
            let body = r.get_ref(1)?.as_str().unwrap_or("");
            match serde_json::from_str::<Sums>(body) {
                Ok(sums) => {
                    buckets.insert(bucket, sums);
                }
                // Unreadable sums (never written so by Ebb) are simply recomputed.
                Err(_) => recompute.push(bucket),
            }
        }
    }
    for bucket in recompute {
        let sums = bucket_sums(conn, bucket, window_ms)?;
        if sums.rated == 0 {
            buckets.remove(&bucket);
        } else {
            buckets.insert(bucket, sums);
        }
    }
    let newest = buckets.values().map(|s| s.newest).max().unwrap_or(0);
    let mut total = Sums::empty(newest);
    // In bucket order: the same records always give the same fit, to the last bit.
    for sums in buckets.values() {
        total.add(sums);
    }
    Ok(total)
}
