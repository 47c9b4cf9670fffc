//! History's count of matches from stored bitmaps (`0011_history_counts.sql`).
//!
//! Cravings are grouped in buckets of 2^30 ms (about 12 days) of `occurred_at` and numbered
//! within a bucket by `(occurred_at, id)`. For every key a craving can be filtered by (a chip,
//! a technique used, "nothing but waiting", an outcome, a strength, a tracked thing) a bucket
//! stores one bit per craving. A count ANDs the filter's bitmaps bucket by bucket: a few hundred
//! small rows per key at a million cravings, instead of two lookups per craving.
//!
//! A date range counts the buckets wholly inside it from their bitmaps and the two or three at
//! its edges (a local date strays up to 18 hours from UTC) with the plain query, limited to those
//! buckets' time. A note search always takes the plain query: words are not indexed.
//!
//! Triggers mark a bucket dirty whenever a write can change it; [`bring_up_to_date`] rebuilds
//! the marked buckets from the records, each in one transaction with clearing its mark.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

use crate::{Result, UseAction};

/// A bucket holds the cravings of `occurred_at >> BUCKET_BITS`.
pub(super) const BUCKET_BITS: u32 = 30;

/// More marked buckets than this and a count doesn't wait for them: it takes the plain query,
/// and the shell's warm-up (`Store::refresh_counts`) rebuilds them on its own connection.
pub(super) const MAX_REBUILT_IN_A_COUNT: i64 = 16;

/// The first and last millisecond-instant of bucket `b`.
pub(super) fn bucket_span(b: i64) -> (i64, i64) {
    (b << BUCKET_BITS, ((b + 1) << BUCKET_BITS) - 1)
}

/// The key of a chip.
pub(super) fn chip_key(id: &str) -> String {
    format!("chip:{id}")
}

/// The key of a technique used for the craving (`waiting`: nothing else was).
pub(super) fn technique_key(id: &str) -> String {
    format!("tech:{id}")
}

/// The key of an outcome.
pub(super) fn action_key(action: UseAction) -> String {
    format!("act:{}", action.column())
}

/// The key of a strength.
pub(super) fn intensity_key(intensity: u8) -> String {
    format!("int:{intensity}")
}

/// The key of a tracked thing.
pub(super) fn thing_key(id: &str) -> String {
    format!("thing:{id}")
}

/// How many buckets are marked for rebuilding.
pub(super) fn dirty(conn: &Connection) -> Result<i64> {
    Ok(conn.prepare_cached("SELECT count(*) FROM count_dirty")?.query_row([], |r| r.get(0))?)
}

/// Rebuilds every marked bucket, each in its own short write transaction.
pub(super) fn bring_up_to_date(conn: &Connection) -> Result<()> {
    loop {
        let marked: Vec<i64> = conn
            .prepare_cached("SELECT bucket FROM count_dirty ORDER BY bucket LIMIT 64")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if marked.is_empty() {
            return Ok(());
        }
        for bucket in marked {
            let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
            let still: Option<i64> = tx
                .prepare_cached("SELECT bucket FROM count_dirty WHERE bucket = ?1")?
                .query_row([bucket], |r| r.get(0))
                .optional()?;
            if still.is_some() {
                rebuild(&tx, bucket)?;
                tx.prepare_cached("DELETE FROM count_dirty WHERE bucket = ?1")?
                    .execute([bucket])?;
            }
            tx.commit()?;
        }
    }
}

/// Sets craving `i`'s bit (of `len`) in `key`'s bitmap.
fn set(bits: &mut HashMap<String, Vec<u8>>, key: String, i: usize, len: usize) {
    let bytes = bits.entry(key).or_insert_with(|| vec![0; len.div_ceil(8)]);
    bytes[i / 8] |= 1 << (i % 8);
}

/// Rebuilds one bucket's bitmaps from the records.
fn rebuild(conn: &Connection, bucket: i64) -> Result<()> {
    let (start, end) = bucket_span(bucket);
    let mut position: HashMap<String, usize> = HashMap::new();
    let mut bits: HashMap<String, Vec<u8>> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT id, intensity, tracked_id FROM urges \
             WHERE occurred_at BETWEEN ?1 AND ?2 ORDER BY occurred_at, id",
        )?;
        let rows: Vec<(String, i64, Option<String>)> = stmt
            .query_map([start, end], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let len = rows.len();
        for (i, (id, intensity, thing)) in rows.into_iter().enumerate() {
            position.insert(id, i);
            set(&mut bits, intensity_key(intensity.clamp(0, 10) as u8), i, len);
            if let Some(thing) = thing {
                set(&mut bits, thing_key(&thing), i, len);
            }
        }
    }
    let len = position.len();
    conn.prepare_cached("DELETE FROM count_bits WHERE bucket = ?1")?.execute([bucket])?;
    if len == 0 {
        conn.prepare_cached("DELETE FROM count_buckets WHERE bucket = ?1")?.execute([bucket])?;
        return Ok(());
    }
    // `CROSS JOIN` keeps the craving's time index first (the planner otherwise walks a chip's
    // or a technique's every link).
    let links = [
        "SELECT u.id, 'chip:' || c.chip_id FROM urges u CROSS JOIN urge_chips c \
         ON c.urge_id = u.id WHERE u.occurred_at BETWEEN ?1 AND ?2"
            .to_owned(),
        format!(
            "SELECT u.id, 'tech:' || s.technique_id FROM urges u CROSS JOIN technique_sessions s \
             ON s.urge_id = u.id WHERE u.occurred_at BETWEEN ?1 AND ?2 \
             AND s.technique_id <> 'waiting' AND {}",
            crate::sessions::COUNTS_AS_USE
        ),
        "SELECT u.id, 'act:' || o.action FROM urges u CROSS JOIN outcomes o \
         ON o.urge_id = u.id WHERE u.occurred_at BETWEEN ?1 AND ?2 AND o.action IS NOT NULL"
            .to_owned(),
    ];
    let mut used = vec![false; len];
    for sql in &links {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query([start, end])?;
        while let Some(r) = rows.next()? {
            let id = r.get_ref(0)?.as_str().unwrap_or("");
            let Some(&i) = position.get(id) else { continue };
            let key: String = r.get(1)?;
            if key.starts_with("tech:") {
                used[i] = true;
            }
            set(&mut bits, key, i, len);
        }
    }
    for (i, used) in used.iter().enumerate() {
        if !used {
            set(&mut bits, technique_key("waiting"), i, len);
        }
    }
    let mut insert = conn.prepare_cached(
        "INSERT OR REPLACE INTO count_bits (key, bucket, bits) VALUES (?1, ?2, ?3)",
    )?;
    for (key, bytes) in &bits {
        insert.execute(rusqlite::params![key, bucket, bytes])?;
    }
    conn.prepare_cached("INSERT OR REPLACE INTO count_buckets (bucket, cravings) VALUES (?1, ?2)")?
        .execute(rusqlite::params![bucket, len as i64])?;
    Ok(())
}

/// The buckets from `first` to `last` and how many cravings each holds.
pub(super) fn buckets(conn: &Connection, first: i64, last: i64) -> Result<Vec<(i64, u64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT bucket, cravings FROM count_buckets WHERE bucket BETWEEN ?1 AND ?2 \
             ORDER BY bucket",
        )?
        .query_map([first, last], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The bitmaps of `key` in buckets `first` to `last`.
pub(super) fn bitmaps(
    conn: &Connection,
    key: &str,
    first: i64,
    last: i64,
) -> Result<HashMap<i64, Vec<u8>>> {
    Ok(conn
        .prepare_cached(
            "SELECT bucket, bits FROM count_bits WHERE key = ?1 AND bucket BETWEEN ?2 AND ?3",
        )?
        .query_map(rusqlite::params![key, first, last], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// How many cravings of the buckets `inside` have every one of `all` and, when `any` is given,
/// at least one of its keys (a strength range).
pub(super) fn count_inside(
    conn: &Connection,
    inside: &[(i64, u64)],
    all: &[String],
    any: Option<&[String]>,
) -> Result<u64> {
    let (Some(&(first, _)), Some(&(last, _))) = (inside.first(), inside.last()) else {
        return Ok(0);
    };
    if all.is_empty() && any.is_none() {
        return Ok(inside.iter().map(|(_, n)| n).sum());
    }
    let all: Vec<HashMap<i64, Vec<u8>>> =
        all.iter().map(|k| bitmaps(conn, k, first, last)).collect::<Result<_>>()?;
    let any: Option<Vec<HashMap<i64, Vec<u8>>>> = any
        .map(|keys| keys.iter().map(|k| bitmaps(conn, k, first, last)).collect::<Result<_>>())
        .transpose()?;
    let mut total = 0u64;
    for &(bucket, cravings) in inside {
        let bytes = (cravings as usize).div_ceil(8);
        let mut acc = vec![0xffu8; bytes];
        if let Some(any) = &any {
            let mut union = vec![0u8; bytes];
            for map in any {
                if let Some(b) = map.get(&bucket) {
                    union.iter_mut().zip(b).for_each(|(u, x)| *u |= x);
                }
            }
            acc.iter_mut().zip(&union).for_each(|(a, u)| *a &= u);
        }
        for map in &all {
            match map.get(&bucket) {
                Some(b) => acc
                    .iter_mut()
                    .zip(b.iter().chain(std::iter::repeat(&0)))
                    .for_each(|(a, x)| *a &= x),
                None => acc.fill(0),
            }
        }
        // Bits past the bucket's last craving are never set in a stored bitmap; the all-ones
        // start can only keep them when no key narrowed it, which returned above.
        total += acc.iter().map(|b| u64::from(b.count_ones())).sum::<u64>();
    }
    Ok(total)
}
