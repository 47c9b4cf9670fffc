//! Insights: the person's own patterns, as numbers for pictures. Weeks and days are local (each
//! craving's own UTC offset), weeks start on Monday. Counters only ever grow: nothing resets.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ChipKind, Goal, Result, Store};

/// How far back Insights look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum InsightsRange {
    /// The last 4 weeks.
    FourWeeks,
    /// The last 3 months (13 weeks).
    ThreeMonths,
    /// The last year (52 weeks).
    Year,
    /// Everything.
    All,
}

impl InsightsRange {
    fn weeks(self) -> Option<i64> {
        match self {
            InsightsRange::FourWeeks => Some(4),
            InsightsRange::ThreeMonths => Some(13),
            InsightsRange::Year => Some(52),
            InsightsRange::All => None,
        }
    }
}

/// Ask for Insights over a range.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct InsightsRequest {
    /// How far back.
    pub range: InsightsRange,
}

/// One week of cravings.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct WeekPoint {
    /// The Monday the week starts on (local), `YYYY-MM-DD`.
    #[ts(type = "string")]
    pub week_start: NaiveDate,
    /// Cravings logged that week.
    pub cravings: u32,
    /// Their median intensity, if any.
    pub median_intensity: Option<f64>,
}

/// Cravings at one hour of one weekday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct HourCell {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// 0–23, local.
    pub hour: u8,
    /// Cravings then.
    pub cravings: u32,
}

/// How often a chip came with a craving, and how strong those cravings were.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ChipStat {
    /// The chip.
    pub chip_id: String,
    /// Its label.
    pub label: String,
    /// Trigger or feeling.
    pub kind: ChipKind,
    /// Cravings with it.
    pub cravings: u32,
    /// Their mean intensity.
    pub mean_intensity: f64,
}

/// One week of outcomes for a tracked thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct OutcomeWeek {
    /// The Monday the week starts on.
    #[ts(type = "string")]
    pub week_start: NaiveDate,
    /// Cravings with what-they-did recorded.
    pub recorded: u32,
    /// Of which: didn't use (ridden out).
    pub ridden_out: u32,
    /// Of which: used less than planned.
    pub used_less: u32,
}

/// For a "cut down" goal: the last 14 days against the plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PlanDays {
    /// Days with something recorded that stayed within the plan.
    pub within: u32,
    /// Days with something recorded.
    pub recorded: u32,
    /// The window, in days (14).
    pub of: u32,
    /// The plan, a day.
    pub planned: f64,
    /// In the person's unit.
    pub unit: String,
    /// The mean recorded amount on days with amounts, if any.
    pub actual_mean: Option<f64>,
}

/// Outcomes over time for one tracked thing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ThingOutcomes {
    /// The thing.
    pub tracked_id: String,
    /// Its name.
    pub name: String,
    /// Its goal.
    pub goal: Goal,
    /// Week by week.
    pub weeks: Vec<OutcomeWeek>,
    /// For "cut down": the last 14 days.
    pub plan: Option<PlanDays>,
}

/// Counters that only ever grow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Counters {
    /// Cravings logged.
    pub cravings: u64,
    /// Cravings ridden out (didn't use).
    pub ridden_out: u64,
    /// Times used less than planned.
    pub used_less: u64,
    /// Minutes of practice (breathing, surfing, steps).
    pub practice_minutes: u64,
}

/// Everything the Insights place draws.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Insights {
    /// The range asked for.
    pub range: InsightsRange,
    /// Cravings and median intensity per week, oldest first (every week of the range).
    pub weeks: Vec<WeekPoint>,
    /// 7 × 24 cells: when cravings come.
    pub hours: Vec<HourCell>,
    /// Triggers by how often, then how strong.
    pub triggers: Vec<ChipStat>,
    /// Feelings by how often, then how strong.
    pub feelings: Vec<ChipStat>,
    /// Per tracked thing (not archived).
    pub outcomes: Vec<ThingOutcomes>,
    /// All time, never reset.
    pub counters: Counters,
}

pub(crate) fn monday(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// The median strength of a histogram of strengths 0–10.
pub(crate) fn median(histogram: &[u32; 11]) -> Option<f64> {
    let n: u32 = histogram.iter().sum();
    if n == 0 {
        return None;
    }
    let at = |k: u32| {
        let mut seen = 0;
        for (v, c) in histogram.iter().enumerate() {
            seen += c;
            if seen > k {
                return v as f64;
            }
        }
        10.0
    };
    Some(if n % 2 == 1 { at(n / 2) } else { (at(n / 2 - 1) + at(n / 2)) / 2.0 })
}

const DAY_MS: i64 = 86_400_000;

/// The key of a local week in the all-time totals (0006_speed.sql): `(local day + 3) / 7`,
/// since 1970-01-01 was a Thursday, so each key starts on a Monday.
fn week_key(monday: NaiveDate) -> i64 {
    (monday - NaiveDate::default()).num_days().div_euclid(7) + 1
}

/// The Monday a week key starts on.
fn week_monday(key: i64) -> NaiveDate {
    NaiveDate::default() + Duration::days(7 * key - 3)
}

/// One local day of outcomes for a thing: the amounts recorded (summed), whether any amount
/// was recorded, and whether any outcome said "used more than planned".
pub(crate) type DayOutcomes = (f64, bool, bool);

/// Whether a recorded day stayed within a plan of `planned` a day.
pub(crate) fn day_within(day: &DayOutcomes, planned: f64) -> bool {
    !day.2 && day.0 <= planned
}

/// The last 14 days against a "cut down" plan, from each recorded local day's outcomes (shared
/// by Insights and the goals review, so both count days the same way).
pub(crate) fn plan_days(
    planned: f64,
    unit: &str,
    days: Option<&BTreeMap<NaiveDate, DayOutcomes>>,
) -> PlanDays {
    let list: Vec<&DayOutcomes> = days.map(|d| d.values().collect()).unwrap_or_default();
    let within = list.iter().filter(|d| day_within(d, planned)).count() as u32;
    let with_amounts: Vec<f64> = list.iter().filter(|d| d.1).map(|d| d.0).collect();
    PlanDays {
        within,
        recorded: list.len() as u32,
        of: 14,
        planned,
        unit: unit.to_owned(),
        actual_mean: (!with_amounts.is_empty())
            .then(|| with_amounts.iter().sum::<f64>() / with_amounts.len() as f64),
    }
}

/// Rows of (chip id, label, kind, cravings, mean strength), split into triggers and feelings
/// (shared by Insights and the summary, whose queries differ only in their period).
pub(crate) fn chip_stats(rows: &mut rusqlite::Rows<'_>) -> Result<(Vec<ChipStat>, Vec<ChipStat>)> {
    let (mut triggers, mut feelings) = (Vec::new(), Vec::new());
    while let Some(r) = rows.next()? {
        let kind: String = r.get(2)?;
        let stat = ChipStat {
            chip_id: r.get(0)?,
            label: r.get(1)?,
            kind: if kind == "trigger" { ChipKind::Trigger } else { ChipKind::Feeling },
            cravings: r.get(3)?,
            mean_intensity: r.get(4)?,
        };
        if kind == "trigger" { triggers.push(stat) } else { feelings.push(stat) }
    }
    Ok((triggers, feelings))
}

const LOCAL_MS: &str = "(u.occurred_at + u.utc_offset_minutes * 60000)";

impl Store {
    /// The person's patterns over `range`.
    pub fn insights(&self, request: &InsightsRequest) -> Result<Insights> {
        let now = self.clock.now();
        let today = now.with_timezone(&self.clock.offset_at(now)).date_naive();
        let this_week = monday(today);
        let first_week = match request.range.weeks() {
            Some(n) => this_week - Duration::weeks(n - 1),
            None => {
                let oldest: Option<i64> = self
                    .conn
                    .prepare_cached("SELECT min(week) FROM insight_weeks WHERE cravings > 0")?
                    .query_row([], |r| r.get(0))?;
                oldest.map_or(this_week, week_monday)
            }
        };
        // "All" reads the all-time totals the triggers keep (0006_speed.sql), not every craving.
        let all = request.range.weeks().is_none();
        let since = first_week.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis());
        // The time index narrows the scan; the local condition makes it exact.
        let bound = since - 18 * 3_600_000;
        // Plain arithmetic on local milliseconds (a local day is exactly 24 h; `since` is the
        // first Monday's local midnight): no calendar conversion per craving.
        let week_index = |local_ms: i64| -> Option<usize> {
            usize::try_from((local_ms - since).div_euclid(7 * DAY_MS)).ok()
        };
        let weeks_count = usize::try_from((this_week - first_week).num_weeks() + 1).unwrap_or(1);

        let mut histograms = vec![[0u32; 11]; weeks_count];
        let mut hours = [[0u32; 24]; 7];
        if all {
            let first = week_key(first_week);
            let mut stmt = self.conn.prepare_cached(
                "SELECT week, intensity, cravings FROM insight_weeks WHERE cravings > 0",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (week, intensity, n): (i64, i64, u32) = (r.get(0)?, r.get(1)?, r.get(2)?);
                if let Some(h) =
                    usize::try_from(week - first).ok().and_then(|w| histograms.get_mut(w))
                {
                    h[intensity.clamp(0, 10) as usize] += n;
                }
            }
            let mut stmt = self.conn.prepare_cached(
                "SELECT weekday, hour, cravings FROM insight_hours WHERE cravings > 0",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (weekday, hour, n): (usize, usize, u32) = (r.get(0)?, r.get(1)?, r.get(2)?);
                if let Some(cell) = hours.get_mut(weekday).and_then(|row| row.get_mut(hour)) {
                    *cell += n;
                }
            }
        } else {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT {LOCAL_MS}, u.intensity FROM urges u \
                 WHERE u.occurred_at >= ?1 AND {LOCAL_MS} >= ?2"
            ))?;
            let mut rows = stmt.query([bound, since])?;
            while let Some(r) = rows.next()? {
                let local: i64 = r.get(0)?;
                let intensity: usize = r.get::<_, i64>(1)?.clamp(0, 10) as usize;
                if let Some(w) = week_index(local).filter(|w| *w < weeks_count) {
                    histograms[w][intensity] += 1;
                }
                // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
                let weekday = (local.div_euclid(DAY_MS) + 3).rem_euclid(7) as usize;
                let hour = (local.rem_euclid(DAY_MS) / 3_600_000) as usize;
                hours[weekday][hour] += 1;
            }
        }
        let weeks = histograms
            .iter()
            .enumerate()
            .map(|(i, h)| WeekPoint {
                week_start: first_week + Duration::weeks(i as i64),
                cravings: h.iter().sum(),
                median_intensity: median(h),
            })
            .collect();
        let hours = hours
            .iter()
            .enumerate()
            .flat_map(|(d, row)| {
                row.iter().enumerate().map(move |(h, n)| HourCell {
                    weekday: d as u8,
                    hour: h as u8,
                    cravings: *n,
                })
            })
            .collect();

        let (mut triggers, mut feelings);
        {
            // Each chip link carries its craving's time and strength (0006_speed.sql): one
            // covering index range per chip, no craving looked up.
            // (Two subqueries per chip walk its index range in order; a GROUP BY would sort
            // every link first.)
            let mut stmt = self.conn.prepare_cached(if all {
                "SELECT c.id, c.label, c.kind, i.cravings, 1.0 * i.intensity_sum / i.cravings \
                 FROM chips c JOIN insight_chips i ON i.chip_id = c.id \
                 WHERE c.kind IN ('trigger', 'feeling') AND i.cravings > 0 AND ?1 = ?1 AND ?2 = ?2"
            } else {
                "SELECT c.id, c.label, c.kind, \
                 (SELECT count(*) FROM urge_chips uc WHERE uc.chip_id = c.id \
                  AND uc.occurred_at >= ?1 AND uc.local_ms >= ?2) AS n, \
                 (SELECT avg(uc.intensity) FROM urge_chips uc WHERE uc.chip_id = c.id \
                  AND uc.occurred_at >= ?1 AND uc.local_ms >= ?2) \
                 FROM chips c WHERE c.kind IN ('trigger', 'feeling') AND n > 0"
            })?;
            let mut rows = stmt.query([bound, since])?;
            (triggers, feelings) = chip_stats(&mut rows)?;
        }
        for list in [&mut triggers, &mut feelings] {
            list.sort_by(|a, b| {
                b.cravings.cmp(&a.cravings).then(b.mean_intensity.total_cmp(&a.mean_intensity))
            });
        }

        let things: Vec<_> = self.things()?.into_iter().filter(|t| !t.archived).collect();
        let mut by_thing: HashMap<String, Vec<OutcomeWeek>> = things
            .iter()
            .map(|t| {
                let weeks = (0..weeks_count)
                    .map(|i| OutcomeWeek {
                        week_start: first_week + Duration::weeks(i as i64),
                        recorded: 0,
                        ridden_out: 0,
                        used_less: 0,
                    })
                    .collect();
                (t.id.clone(), weeks)
            })
            .collect();
        let plan_start = today - Duration::days(13);
        // Per thing and local day of the last 14: (anything recorded, amount, over the plan).
        let mut days: HashMap<String, BTreeMap<NaiveDate, DayOutcomes>> = HashMap::new();
        {
            // Each outcome carries its craving's time and thing (0006_speed.sql).
            let mut stmt = self.conn.prepare_cached(
                "SELECT o.tracked_id, o.local_ms, o.action, o.amount FROM outcomes o \
                 WHERE o.action IS NOT NULL AND o.tracked_id IS NOT NULL \
                 AND o.occurred_at >= ?1 AND o.local_ms >= ?2",
            )?;
            let plan_since =
                plan_start.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis());
            let earliest = if all { plan_since } else { since.min(plan_since) };
            let mut rows = stmt.query([earliest - 18 * 3_600_000, earliest])?;
            while let Some(r) = rows.next()? {
                let thing: String = r.get(0)?;
                let local: i64 = r.get(1)?;
                let action: String = r.get(2)?;
                let amount: Option<f64> = r.get(3)?;
                if !all
                    && local >= since
                    && let Some(week) = by_thing
                        .get_mut(&thing)
                        .and_then(|w| week_index(local).and_then(|i| w.get_mut(i)))
                {
                    week.recorded += 1;
                    week.ridden_out += u32::from(action == "didnt_use");
                    week.used_less += u32::from(action == "used_less");
                }
                if let Some(date) =
                    chrono::DateTime::from_timestamp_millis(local).map(|t| t.date_naive())
                    && date >= plan_start
                    && date <= today
                {
                    let day =
                        days.entry(thing).or_default().entry(date).or_insert((0.0, false, false));
                    day.0 += amount.unwrap_or(0.0);
                    day.1 |= amount.is_some();
                    day.2 |= action == "used_more";
                }
            }
        }
        if all {
            let first = week_key(first_week);
            let mut stmt = self.conn.prepare_cached(
                "SELECT tracked_id, week, recorded, ridden_out, used_less \
                 FROM insight_outcome_weeks WHERE recorded > 0",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let thing: String = r.get(0)?;
                let week: i64 = r.get(1)?;
                if let Some(w) = by_thing.get_mut(&thing).and_then(|weeks| {
                    usize::try_from(week - first).ok().and_then(|i| weeks.get_mut(i))
                }) {
                    w.recorded += r.get::<_, u32>(2)?;
                    w.ridden_out += r.get::<_, u32>(3)?;
                    w.used_less += r.get::<_, u32>(4)?;
                }
            }
        }
        let outcomes = things
            .into_iter()
            .map(|t| {
                let plan = match &t.goal {
                    Goal::CutDown { planned_amount, unit } => {
                        Some(plan_days(*planned_amount, unit, days.get(&t.id)))
                    }
                    _ => None,
                };
                ThingOutcomes {
                    weeks: by_thing.remove(&t.id).unwrap_or_default(),
                    tracked_id: t.id,
                    name: t.name,
                    goal: t.goal,
                    plan,
                }
            })
            .collect();

        Ok(Insights {
            range: request.range,
            weeks,
            hours,
            triggers,
            feelings,
            outcomes,
            counters: self.counters()?,
        })
    }

    /// The counters that only ever grow.
    pub fn counters(&self) -> Result<Counters> {
        let (ridden_out, used_less): (i64, i64) = self
            .conn
            .prepare_cached(
                "SELECT count(*) FILTER (WHERE action = 'didnt_use'), \
             count(*) FILTER (WHERE action = 'used_less') FROM outcomes",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let seconds: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT sum(coalesce(actual_seconds, \
             min(planned_seconds, max(0, (ended_at - started_at) / 1000)))) \
             FROM technique_sessions WHERE technique_id <> 'waiting' AND ended_at IS NOT NULL",
            )?
            .query_row([], |r| r.get(0))?;
        Ok(Counters {
            cravings: self.count_urges()?,
            ridden_out: ridden_out as u64,
            used_less: used_less as u64,
            practice_minutes: (seconds.unwrap_or(0) / 60) as u64,
        })
    }
}
