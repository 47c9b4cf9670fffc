//! "Bring it to your next session" (#12): a summary the person chooses to share, as a PDF.
//!
//! The person picks a period of local days and ticks the sections; journal entries are left out
//! unless ticked one by one. [`Store::summary_figures`] reads the figures for the period (local
//! days by each craving's own UTC offset, as Insights counts them), [`SummaryRequest`] is
//! checked before anything is read, and [`summary_pages`] lays them out as [`crate::render`]
//! pages, drawn as a PDF ([`summary_pdf`]) or as preview images ([`summary_preview`]).
//!
//! Words follow care.md §2 (no verdicts, "used less than planned" is progress, a harder week is
//! information, no streaks) and §5 (intervals and uses beside every "what helps" figure, never a
//! promise).

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::insights::{DayOutcomes, chip_stats, day_within, median, monday};
use crate::render::{self, Item, Page, Rgb, Weight, fit, text_width, wrap};
use crate::{
    ChipStat, Goal, Invalid, JournalEntry, JournalKind, Result, Store, WeekPoint, WhatHelps,
};

/// The longest period a summary covers, in days (three years).
pub const MAX_SUMMARY_DAYS: i64 = 1096;
/// The most journal entries one summary includes.
pub const MAX_SUMMARY_ENTRIES: usize = 50;
/// The longest "What I'd like to talk about", in characters.
pub const MAX_TALK_ABOUT_CHARS: usize = 2000;
/// The longest name or initials on the cover, in characters.
pub const MAX_SUMMARY_NAME_CHARS: usize = 40;

/// A part of the summary the person can tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SummarySection {
    /// "What I'd like to talk about": their own lines, first.
    TalkAbout,
    /// Cravings per week and their median strength.
    Cravings,
    /// When cravings come: weekday × hour.
    When,
    /// Triggers and feelings.
    Triggers,
    /// What helps me: intervals and uses.
    Helps,
    /// Each tracked thing's goal and how the period went.
    Goals,
    /// If-then plans and how those cravings went.
    Plans,
    /// Techniques used and minutes of practice.
    Practice,
    /// The journal entries ticked one by one.
    Journal,
}

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub(crate) fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// A period of local days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SummaryPeriod {
    /// The first local day, `YYYY-MM-DD`.
    #[serde(deserialize_with = "crate::text::iso_date")]
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// The last local day, `YYYY-MM-DD`.
    #[serde(deserialize_with = "crate::text::iso_date")]
    #[ts(type = "string")]
    pub to: NaiveDate,
}

/// What to put in a summary.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SummaryRequest {
    /// The first local day, `YYYY-MM-DD`.
    #[serde(deserialize_with = "crate::text::iso_date")]
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// The last local day, `YYYY-MM-DD`.
    #[serde(deserialize_with = "crate::text::iso_date")]
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// The sections ticked (drawn in a fixed order, whatever order they come in).
    pub sections: Vec<SummarySection>,
    /// Journal entries to include, ticked one by one (only with [`SummarySection::Journal`]).
    #[serde(default)]
    pub journal_ids: Vec<String>,
    /// "What I'd like to talk about", up to 2,000 characters.
    #[serde(default)]
    #[ts(optional)]
    pub talk_about: Option<String>,
    /// A name or initials for the cover, up to 40 characters.
    #[serde(default)]
    #[ts(optional)]
    pub name: Option<String>,
    /// A4 or Letter.
    pub paper: Paper,
    /// The person's locale (`en-GB`, `en-US`, `sv-SE`), for the order of day, month and year.
    #[serde(default)]
    #[ts(optional)]
    pub locale: Option<String>,
}

/// A journal entry the person may tick for a summary.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct JournalChoice {
    /// The entry's id.
    pub id: String,
    /// The local day it was written, `YYYY-MM-DD`.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Free writing or a weekly reflection.
    pub kind: JournalKind,
    /// Its beginning.
    pub excerpt: String,
}

/// One page drawn for the preview: the image and the same page's text, for screen readers.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewPage {
    /// The page as a PNG.
    pub png: Vec<u8>,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// Every line of text on it, top to bottom.
    pub text: Vec<String>,
}

/// One tracked thing over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalPeriod {
    /// Its name.
    pub name: String,
    /// The goal the person chose.
    pub goal: Goal,
    /// Cravings logged for it.
    pub cravings: u32,
    /// Counts of what they did: didn't use, used less than planned, as planned, more, used.
    pub actions: [u32; 5],
    /// For "cut down": days within plan, of days with something recorded.
    pub days_within: Option<(u32, u32)>,
    /// For "cut down": the mean amount on days with an amount.
    pub actual_mean: Option<f64>,
}

/// One if-then plan over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanPeriod {
    /// "If …".
    pub if_text: String,
    /// "then I will …".
    pub then_text: String,
    /// Cravings it was shown for.
    pub shown: u32,
    /// Of which acted on.
    pub acted: u32,
    /// Of which followed (yes or partly).
    pub followed: u32,
    /// Of which "did you follow your plan?" was answered.
    pub answered: u32,
    /// Of which what-they-did was recorded.
    pub with_outcome: u32,
    /// Of which: didn't use or used less.
    pub went_well: u32,
    /// The mean fall in strength, over those re-rated.
    pub mean_drop: Option<f64>,
}

/// Practice of one technique over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeRow {
    /// The technique's name.
    pub name: String,
    /// Sessions with any practice.
    pub sessions: u32,
    /// Seconds of practice.
    pub seconds: i64,
}

/// Every figure a summary can show, for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryFigures {
    /// The first local day.
    pub from: NaiveDate,
    /// The last local day.
    pub to: NaiveDate,
    /// The local day it was made.
    pub made_on: NaiveDate,
    /// Cravings per week (weeks start on Monday; the first and last may be partial).
    pub weeks: Vec<WeekPoint>,
    /// Strength histograms of the first and second half of the period.
    pub halves: [[u32; 11]; 2],
    /// Cravings by weekday (0 = Monday) and local hour.
    pub hours: [[u32; 24]; 7],
    /// Triggers, most often first.
    pub triggers: Vec<ChipStat>,
    /// Feelings, most often first.
    pub feelings: Vec<ChipStat>,
    /// Tracked things (not archived).
    pub goals: Vec<GoalPeriod>,
    /// If-then plans, in the person's order.
    pub plans: Vec<PlanPeriod>,
    /// Techniques practised, most minutes first.
    pub practice: Vec<PracticeRow>,
}

impl SummaryFigures {
    /// Cravings in the period.
    pub fn cravings(&self) -> u32 {
        self.weeks.iter().map(|w| w.cravings).sum()
    }
}

/// A request, checked: what the summary will hold.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedSummary {
    request: SummaryRequest,
    talk_about: Option<String>,
    name: Option<String>,
}

const DAY_MS: i64 = 86_400_000;
/// No zone is more than 18 hours from UTC: bounds on UTC narrow, local times decide.
const ZONE_MS: i64 = 18 * 3_600_000;

fn local_ms(date: NaiveDate) -> i64 {
    date.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis())
}

impl Store {
    /// Checks a summary request against today: a real period (the end not before the start,
    /// not after today, at most three years), at least one section, journal entries that still
    /// exist, and texts within their lengths. Nothing is read or written when it is refused.
    pub fn check_summary(&self, request: &SummaryRequest) -> Result<CheckedSummary> {
        let today = self.today();
        check_period(request.from, request.to, today)?;
        if request.sections.is_empty() {
            return Err(Invalid::new("sections", "Tick at least one thing to include.").into());
        }
        if request.journal_ids.len() > MAX_SUMMARY_ENTRIES {
            return Err(Invalid::new(
                "journalIds",
                format!(
                    "A summary can include up to {MAX_SUMMARY_ENTRIES} journal entries; {} are \
                     ticked.",
                    request.journal_ids.len()
                ),
            )
            .into());
        }
        if request.sections.contains(&SummarySection::Journal) {
            for id in &request.journal_ids {
                if self.journal_entry(id).is_err() {
                    return Err(Invalid::new(
                        "journalIds",
                        "One of the journal entries you ticked isn't here any more (it may have \
                         been deleted). Untick it and try again.",
                    )
                    .into());
                }
            }
        }
        let talk_about = crate::text::optional(
            "talkAbout",
            "What you'd like to talk about",
            MAX_TALK_ABOUT_CHARS,
            request.talk_about.clone(),
        )?;
        let name = crate::text::optional(
            "name",
            "A name on the cover",
            MAX_SUMMARY_NAME_CHARS,
            request.name.clone(),
        )?
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "));
        if request.locale.as_ref().is_some_and(|l| l.chars().count() > 35) {
            return Err(Invalid::new("locale", "A locale is a short tag such as en-GB.").into());
        }
        Ok(CheckedSummary { request: request.clone(), talk_about, name })
    }

    fn today(&self) -> NaiveDate {
        let now = self.clock.now();
        now.with_timezone(&self.clock.offset_at(now)).date_naive()
    }

    /// The journal entries written in a period (local days), newest first, for ticking.
    pub fn summary_journal_choices(&self, period: &SummaryPeriod) -> Result<Vec<JournalChoice>> {
        check_period(period.from, period.to, self.today())?;
        let (from, to) = (local_ms(period.from), local_ms(period.to) + DAY_MS);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, substr(body, 1, 160), created_at + utc_offset_minutes * 60000 \
             FROM journal_entries WHERE created_at >= ?1 AND created_at < ?2 \
             AND created_at + utc_offset_minutes * 60000 >= ?3 \
             AND created_at + utc_offset_minutes * 60000 < ?4 \
             ORDER BY created_at DESC, id DESC LIMIT 500",
        )?;
        let rows = stmt.query_map([from - ZONE_MS, to + ZONE_MS, from, to], |r| {
            let kind: String = r.get(1)?;
            let local: i64 = r.get(3)?;
            let body: String = r.get(2)?;
            Ok(JournalChoice {
                id: r.get(0)?,
                date: chrono::DateTime::from_timestamp_millis(local)
                    .map_or(period.from, |t| t.date_naive()),
                kind: if kind == "reflection" {
                    JournalKind::Reflection
                } else {
                    JournalKind::Free
                },
                excerpt: excerpt(&body, 120),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The figures of a checked summary's period.
    pub fn summary_figures(&self, checked: &CheckedSummary) -> Result<SummaryFigures> {
        let (from_day, to_day) = (checked.request.from, checked.request.to);
        let (from, to) = (local_ms(from_day), local_ms(to_day) + DAY_MS);
        let (lo, hi) = (from - ZONE_MS, to + ZONE_MS);
        let first_monday = monday(from_day);
        let weeks_count = ((monday(to_day) - first_monday).num_weeks() + 1) as usize;
        let first_ms = local_ms(first_monday);
        let half = from + (to - from) / 2;

        let mut histograms = vec![[0u32; 11]; weeks_count];
        let mut halves = [[0u32; 11]; 2];
        let mut hours = [[0u32; 24]; 7];
        let mut per_thing: HashMap<String, u32> = HashMap::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT u.occurred_at + u.utc_offset_minutes * 60000, u.intensity, u.tracked_id \
                 FROM urges u WHERE u.occurred_at >= ?1 AND u.occurred_at < ?2",
            )?;
            let mut rows = stmt.query([lo, hi])?;
            while let Some(r) = rows.next()? {
                let local: i64 = r.get(0)?;
                if local < from || local >= to {
                    continue;
                }
                let intensity = r.get::<_, i64>(1)?.clamp(0, 10) as usize;
                let week = ((local - first_ms).div_euclid(7 * DAY_MS)) as usize;
                if let Some(h) = histograms.get_mut(week) {
                    h[intensity] += 1;
                }
                halves[usize::from(local >= half)][intensity] += 1;
                // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
                let weekday = (local.div_euclid(DAY_MS) + 3).rem_euclid(7) as usize;
                let hour = (local.rem_euclid(DAY_MS) / 3_600_000) as usize;
                hours[weekday][hour] += 1;
                if let Some(thing) = r.get::<_, Option<String>>(2)? {
                    *per_thing.entry(thing).or_default() += 1;
                }
            }
        }
        let weeks = histograms
            .iter()
            .enumerate()
            .map(|(i, h)| WeekPoint {
                week_start: first_monday + Duration::weeks(i as i64),
                cravings: h.iter().sum(),
                median_intensity: median(h),
            })
            .collect();

        let (mut triggers, mut feelings);
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT c.id, c.label, c.kind, \
                 (SELECT count(*) FROM urge_chips uc WHERE uc.chip_id = c.id \
                  AND uc.occurred_at >= ?1 AND uc.occurred_at < ?2 \
                  AND uc.local_ms >= ?3 AND uc.local_ms < ?4) AS n, \
                 (SELECT avg(uc.intensity) FROM urge_chips uc WHERE uc.chip_id = c.id \
                  AND uc.occurred_at >= ?1 AND uc.occurred_at < ?2 \
                  AND uc.local_ms >= ?3 AND uc.local_ms < ?4) \
                 FROM chips c WHERE c.kind IN ('trigger', 'feeling') AND n > 0",
            )?;
            let mut rows = stmt.query([lo, hi, from, to])?;
            (triggers, feelings) = chip_stats(&mut rows)?;
        }
        for list in [&mut triggers, &mut feelings] {
            list.sort_by(|a, b| {
                b.cravings
                    .cmp(&a.cravings)
                    .then(b.mean_intensity.total_cmp(&a.mean_intensity))
                    .then(a.label.cmp(&b.label))
            });
        }

        // What they did, per thing and per local day (for "days within plan").
        let mut actions: HashMap<String, [u32; 5]> = HashMap::new();
        let mut days: HashMap<String, BTreeMap<NaiveDate, DayOutcomes>> = HashMap::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT o.tracked_id, o.local_ms, o.action, o.amount FROM outcomes o \
                 WHERE o.action IS NOT NULL AND o.tracked_id IS NOT NULL \
                 AND o.occurred_at >= ?1 AND o.occurred_at < ?2 \
                 AND o.local_ms >= ?3 AND o.local_ms < ?4",
            )?;
            let mut rows = stmt.query([lo, hi, from, to])?;
            while let Some(r) = rows.next()? {
                let thing: String = r.get(0)?;
                let local: i64 = r.get(1)?;
                let action: String = r.get(2)?;
                let amount: Option<f64> = r.get(3)?;
                let slot = match action.as_str() {
                    "didnt_use" => 0,
                    "used_less" => 1,
                    "used_as_planned" => 2,
                    "used_more" => 3,
                    _ => 4,
                };
                actions.entry(thing.clone()).or_default()[slot] += 1;
                if let Some(date) =
                    chrono::DateTime::from_timestamp_millis(local).map(|t| t.date_naive())
                {
                    let day =
                        days.entry(thing).or_default().entry(date).or_insert((0.0, false, false));
                    day.0 += amount.unwrap_or(0.0);
                    day.1 |= amount.is_some();
                    day.2 |= action == "used_more";
                }
            }
        }
        let goals = self
            .things()?
            .into_iter()
            .filter(|t| !t.archived)
            .map(|t| {
                let (days_within, actual_mean) = match &t.goal {
                    Goal::CutDown { planned_amount, .. } => {
                        let list: Vec<&DayOutcomes> =
                            days.get(&t.id).map(|d| d.values().collect()).unwrap_or_default();
                        let within = list.iter().filter(|d| day_within(d, *planned_amount)).count();
                        let amounts: Vec<f64> = list.iter().filter(|d| d.1).map(|d| d.0).collect();
                        (
                            Some((within as u32, list.len() as u32)),
                            (!amounts.is_empty())
                                .then(|| amounts.iter().sum::<f64>() / amounts.len() as f64),
                        )
                    }
                    _ => (None, None),
                };
                GoalPeriod {
                    cravings: per_thing.get(&t.id).copied().unwrap_or(0),
                    actions: actions.get(&t.id).copied().unwrap_or_default(),
                    name: t.name,
                    goal: t.goal,
                    days_within,
                    actual_mean,
                }
            })
            .collect();

        let mut plan_rows: HashMap<String, PlanPeriod> = HashMap::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT pu.plan_id, count(*), count(pu.acted_at), \
                 count(*) FILTER (WHERE pu.followed IN ('yes', 'partly')), count(pu.followed), \
                 count(o.action), count(*) FILTER (WHERE o.action IN ('didnt_use', 'used_less')), \
                 avg(u.intensity - o.intensity_after) \
                 FROM urges u CROSS JOIN plan_uses pu ON pu.urge_id = u.id \
                 LEFT JOIN outcomes o ON o.urge_id = u.id \
                 WHERE u.occurred_at >= ?1 AND u.occurred_at < ?2 \
                 AND u.occurred_at + u.utc_offset_minutes * 60000 >= ?3 \
                 AND u.occurred_at + u.utc_offset_minutes * 60000 < ?4 \
                 GROUP BY pu.plan_id",
            )?;
            let mut rows = stmt.query([lo, hi, from, to])?;
            while let Some(r) = rows.next()? {
                plan_rows.insert(
                    r.get(0)?,
                    PlanPeriod {
                        if_text: String::new(),
                        then_text: String::new(),
                        shown: r.get(1)?,
                        acted: r.get(2)?,
                        followed: r.get(3)?,
                        answered: r.get(4)?,
                        with_outcome: r.get(5)?,
                        went_well: r.get(6)?,
                        mean_drop: r.get(7)?,
                    },
                );
            }
        }
        let plans = self
            .plans()?
            .into_iter()
            .map(|p| {
                let mut row = plan_rows.remove(&p.id).unwrap_or(PlanPeriod {
                    if_text: String::new(),
                    then_text: String::new(),
                    shown: 0,
                    acted: 0,
                    followed: 0,
                    answered: 0,
                    with_outcome: 0,
                    went_well: 0,
                    mean_drop: None,
                });
                row.if_text = p.if_text;
                row.then_text = p.then_text;
                row
            })
            .collect();

        // Sessions carry no offset of their own: today's offset places them (an hour off at
        // most across a clock change, for minutes of practice only).
        let offset_ms = i64::from(self.clock.offset_at(self.clock.now()).local_minus_utc()) * 1000;
        let mut practice = Vec::new();
        {
            let mut ids: Vec<(String, String)> = crate::builtin_techniques()
                .iter()
                .filter(|t| t.id != "waiting")
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect();
            let mut stmt = self.conn.prepare_cached("SELECT id, name FROM custom_patterns")?;
            let custom = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            for row in custom {
                ids.push(row?);
            }
            let mut stmt = self.conn.prepare_cached(
                "SELECT count(*), coalesce(sum(s), 0) FROM (SELECT coalesce(actual_seconds, \
                 min(planned_seconds, max(0, (ended_at - started_at) / 1000))) AS s \
                 FROM technique_sessions WHERE technique_id = ?1 AND started_at >= ?2 \
                 AND started_at < ?3 AND ended_at IS NOT NULL) WHERE s > 0",
            )?;
            for (id, name) in ids {
                let (sessions, seconds): (u32, i64) = stmt
                    .query_row(rusqlite::params![id, from - offset_ms, to - offset_ms], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })?;
                if sessions > 0 {
                    practice.push(PracticeRow { name, sessions, seconds });
                }
            }
        }
        practice.sort_by(|a, b| b.seconds.cmp(&a.seconds).then(a.name.cmp(&b.name)));

        Ok(SummaryFigures {
            from: from_day,
            to: to_day,
            made_on: self.today(),
            weeks,
            halves,
            hours,
            triggers,
            feelings,
            goals,
            plans,
            practice,
        })
    }

    /// The summary as a PDF: checks the request, reads the period's figures, and lays out the
    /// ticked sections. `helps` is "what helps me" as the app shows it now.
    pub fn summary_pdf(&self, request: &SummaryRequest, helps: &WhatHelps) -> Result<Vec<u8>> {
        let checked = self.check_summary(request)?;
        let figures = self.summary_figures(&checked)?;
        let journal = self.summary_journal(&checked)?;
        summary_pdf(&checked, &figures, helps, &journal)
    }

    /// The journal entries a checked summary includes, in the order written.
    pub fn summary_journal(&self, checked: &CheckedSummary) -> Result<Vec<JournalEntry>> {
        if !checked.request.sections.contains(&SummarySection::Journal) {
            return Ok(Vec::new());
        }
        let mut entries = checked
            .request
            .journal_ids
            .iter()
            .map(|id| self.journal_entry(id))
            .collect::<Result<Vec<_>>>()?;
        entries.sort_by_key(|e| e.created_at);
        entries.dedup_by(|a, b| a.id == b.id);
        Ok(entries)
    }
}

fn check_period(from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Result<()> {
    if to < from {
        return Err(Invalid::new(
            "to",
            "The end date is before the start date. Choose an end on or after the start.",
        )
        .into());
    }
    if to > today {
        return Err(Invalid::new(
            "to",
            "The period can't end after today. Choose today or an earlier day as the end.",
        )
        .into());
    }
    let days = (to - from).num_days() + 1;
    if days > MAX_SUMMARY_DAYS {
        return Err(Invalid::new(
            "from",
            format!(
                "A summary covers up to three years; this period is {} days. Choose a shorter \
                 one.",
                crate::text::group_thousands(days as usize)
            ),
        )
        .into());
    }
    Ok(())
}

/// Saves a file the person asked for in an open format (a summary, a card) to `to`: a full path
/// in a folder that exists, written atomically (nothing half-written is ever left under that
/// name). Returns its size in bytes.
pub fn save_open_file(to: &std::path::Path, bytes: &[u8]) -> Result<u64> {
    if !to.is_absolute() || to.file_name().is_none() {
        return Err(Invalid::new("path", "Choose a file to save to (a full path).").into());
    }
    if !to.parent().is_some_and(std::path::Path::is_dir) {
        return Err(Invalid::new("path", "That folder doesn't exist.").into());
    }
    if to.is_dir() {
        return Err(Invalid::new("path", "That is a folder; choose a file name.").into());
    }
    crate::files::write_atomic(to, bytes).map_err(crate::Error::Io)?;
    Ok(bytes.len() as u64)
}

pub(crate) fn excerpt(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// Draws a checked summary as a PDF.
pub fn summary_pdf(
    checked: &CheckedSummary,
    figures: &SummaryFigures,
    helps: &WhatHelps,
    journal: &[JournalEntry],
) -> Result<Vec<u8>> {
    let pages = summary_pages(checked, figures, helps, journal);
    let style = DateStyle::of(checked.request.locale.as_deref());
    let title = format!("Summary, {}", style.period(figures.from, figures.to));
    let made = figures.made_on.and_hms_opt(12, 0, 0).unwrap_or_default();
    render::pdf::document(&pages, &render::pdf::PdfInfo { title, made })
}

/// Draws a checked summary as preview images, `scale` pixels per point.
pub fn summary_preview(
    checked: &CheckedSummary,
    figures: &SummaryFigures,
    helps: &WhatHelps,
    journal: &[JournalEntry],
    scale: f32,
) -> Result<Vec<PreviewPage>> {
    summary_pages(checked, figures, helps, journal)
        .iter()
        .map(|page| {
            Ok(PreviewPage {
                png: render::png::image(page, scale)?,
                width: (page.width * scale).round() as u32,
                height: (page.height * scale).round() as u32,
                text: page.text_lines(),
            })
        })
        .collect()
}

/// How the person's locale orders a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateStyle {
    /// 29 Nov 2026.
    DayMonth,
    /// Nov 29, 2026.
    MonthDay,
    /// 2026-11-29.
    YearFirst,
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl DateStyle {
    /// The style of a BCP 47 locale: month first in the United States and a few places that
    /// write it so, year first where that is the custom, otherwise day first.
    pub(crate) fn of(locale: Option<&str>) -> Self {
        let Some(locale) = locale else { return DateStyle::DayMonth };
        let mut parts = locale.split(['-', '_']);
        let language = parts.next().unwrap_or("").to_ascii_lowercase();
        let region = parts.find(|p| p.len() == 2).map(str::to_ascii_uppercase);
        match (language.as_str(), region.as_deref()) {
            (_, Some("US" | "PH" | "FM" | "MH" | "PW")) => DateStyle::MonthDay,
            ("en", None) => DateStyle::MonthDay,
            ("zh" | "ja" | "ko" | "hu" | "lt" | "mn", _) => DateStyle::YearFirst,
            (_, Some("SE")) | ("fr", Some("CA")) => DateStyle::YearFirst,
            _ => DateStyle::DayMonth,
        }
    }

    pub(crate) fn date(self, d: NaiveDate) -> String {
        let month = MONTHS[d.month0() as usize];
        match self {
            DateStyle::DayMonth => format!("{} {month} {}", d.day(), d.year()),
            DateStyle::MonthDay => format!("{month} {}, {}", d.day(), d.year()),
            DateStyle::YearFirst => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// A date without its year ("29 Nov").
    pub(crate) fn short(self, d: NaiveDate) -> String {
        let month = MONTHS[d.month0() as usize];
        match self {
            DateStyle::DayMonth => format!("{} {month}", d.day()),
            DateStyle::MonthDay => format!("{month} {}", d.day()),
            DateStyle::YearFirst => d.format("%m-%d").to_string(),
        }
    }

    pub(crate) fn period(self, from: NaiveDate, to: NaiveDate) -> String {
        if from == to {
            return self.date(from);
        }
        if from.year() == to.year() && self != DateStyle::YearFirst {
            format!("{} – {}", self.short(from), self.date(to))
        } else {
            format!("{} – {}", self.date(from), self.date(to))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Layout

const INK: Rgb = Rgb(0x1f, 0x23, 0x28);
const MUTED: Rgb = Rgb(0x4f, 0x57, 0x5f);
const ACCENT: Rgb = Rgb(0x1f, 0x5f, 0x63);
const ACCENT_SOFT: Rgb = Rgb(0xb9, 0xd6, 0xd8);
const LINE: Rgb = Rgb(0xd0, 0xd7, 0xde);
const TINT: Rgb = Rgb(0xf1, 0xf6, 0xf6);
const MEDIAN: Rgb = Rgb(0x8a, 0x4b, 0x0f);

const MARGIN: f32 = 54.0;
const BODY: f32 = 10.5;
const SMALL: f32 = 8.5;
const LEADING: f32 = 1.4;

/// A column of text and pictures flowing onto as many pages as it needs.
struct Flow {
    pages: Vec<Page>,
    width: f32,
    height: f32,
    y: f32,
}

impl Flow {
    fn new(paper: Paper) -> Self {
        let (width, height) = paper.size();
        Self { pages: vec![Page::new(width, height)], width, height, y: MARGIN }
    }

    fn column(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN - 14.0
    }

    fn page(&mut self) -> &mut Page {
        let (w, h) = (self.width, self.height);
        if self.pages.is_empty() {
            self.pages.push(Page::new(w, h));
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Starts a new page unless `height` more fits on this one.
    fn room(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > MARGIN + 1.0 {
            self.pages.push(Page::new(self.width, self.height));
            self.y = MARGIN;
        }
    }

    fn text_at(&mut self, x: f32, y: f32, size: f32, weight: Weight, color: Rgb, text: &str) {
        self.page().items.push(Item::Text { x, y, size, weight, color, text: text.to_owned() });
    }

    /// A wrapped paragraph at `indent` from the left margin.
    fn paragraph(&mut self, text: &str, size: f32, weight: Weight, color: Rgb, indent: f32) {
        let lines = wrap(text, size, weight, self.column() - indent);
        for line in lines {
            self.room(size * LEADING);
            self.y += size * LEADING;
            if !line.is_empty() {
                self.text_at(MARGIN + indent, self.y - size * 0.3, size, weight, color, &line);
            }
        }
    }

    fn body(&mut self, text: &str) {
        self.paragraph(text, BODY, Weight::Regular, INK, 0.0);
    }

    fn note(&mut self, text: &str) {
        self.paragraph(text, SMALL + 0.5, Weight::Regular, MUTED, 0.0);
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    /// A section heading, kept with at least `keep` points of what follows.
    fn heading(&mut self, text: &str, keep: f32) {
        self.gap(14.0);
        self.room(30.0 + keep);
        self.y += 16.0;
        self.text_at(MARGIN, self.y, 13.5, Weight::Bold, ACCENT, text);
        self.y += 5.0;
        let y = self.y;
        self.page().items.push(Item::Line {
            from: (MARGIN, y),
            to: (MARGIN + 40.0, y),
            width: 1.5,
            color: ACCENT,
        });
        self.y += 4.0;
    }

    /// Reserves `height` points for a picture and returns its top.
    fn block(&mut self, height: f32) -> f32 {
        self.room(height);
        let top = self.y;
        self.y += height;
        top
    }

    /// One row of a bar list: the label (shortened to fit `label_w`), a bar `bar_w` long, and
    /// its figures after it.
    fn bar_row(&mut self, label: &str, label_w: f32, bar_w: f32, note: &str) {
        let top = self.block(16.0);
        let y = top + 11.0;
        let label = fit(label, BODY, Weight::Regular, label_w - 8.0);
        self.text_at(MARGIN, y, BODY, Weight::Regular, INK, &label);
        let fill = ACCENT_SOFT;
        self.push(Item::Rect {
            x: MARGIN + label_w,
            y: top + 3.0,
            w: bar_w.max(1.5),
            h: 10.0,
            fill,
        });
        self.text_at(MARGIN + label_w + bar_w + 6.0, y, SMALL + 0.5, Weight::Regular, MUTED, note);
    }

    fn push(&mut self, item: Item) {
        self.page().items.push(item);
    }

    /// The pages, each with its footer: the period, when it was made, and "Page i of n".
    fn finish(mut self, footer: &str) -> Vec<Page> {
        let n = self.pages.len();
        let (w, h) = (self.width, self.height);
        for (i, page) in self.pages.iter_mut().enumerate() {
            let y = h - MARGIN + 10.0;
            page.items.push(Item::Line {
                from: (MARGIN, y - 12.0),
                to: (w - MARGIN, y - 12.0),
                width: 0.5,
                color: LINE,
            });
            let number = format!("Page {} of {n}", i + 1);
            let number_width = text_width(&number, SMALL, Weight::Regular);
            let left = fit(footer, SMALL, Weight::Regular, w - 2.0 * MARGIN - number_width - 16.0);
            page.items.push(Item::Text {
                x: MARGIN,
                y,
                size: SMALL,
                weight: Weight::Regular,
                color: MUTED,
                text: left,
            });
            page.items.push(Item::Text {
                x: w - MARGIN - number_width,
                y,
                size: SMALL,
                weight: Weight::Regular,
                color: MUTED,
                text: number,
            });
        }
        self.pages
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{} {}", crate::text::group_thousands(n as usize), if n == 1 { one } else { many })
}

fn points(x: f64) -> String {
    format!("{:.1}", x.abs())
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_LONG: [&str; 7] =
    ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];

/// Lays out a summary. Sections come in a fixed order, whatever order they were ticked in.
pub(crate) fn summary_pages(
    checked: &CheckedSummary,
    figures: &SummaryFigures,
    helps: &WhatHelps,
    journal: &[JournalEntry],
) -> Vec<Page> {
    let request = &checked.request;
    let style = DateStyle::of(request.locale.as_deref());
    let mut flow = Flow::new(request.paper);
    let period = style.period(figures.from, figures.to);
    let days = (figures.to - figures.from).num_days() + 1;

    // The cover.
    flow.y += 22.0;
    let title = match &checked.name {
        Some(name) => format!("Summary for {name}"),
        None => "My summary".to_owned(),
    };
    let y = flow.y;
    flow.text_at(
        MARGIN,
        y,
        21.0,
        Weight::Bold,
        INK,
        &fit(&title, 21.0, Weight::Bold, flow.column()),
    );
    flow.gap(8.0);
    flow.paragraph(
        &format!("{period} ({})", plural(days as u32, "day", "days")),
        12.5,
        Weight::Regular,
        MUTED,
        0.0,
    );
    flow.gap(2.0);
    flow.note(&format!(
        "Made with Ebb on {}. I chose what goes in here. It shows patterns, not promises.",
        style.date(figures.made_on)
    ));
    let total = figures.cravings();
    if total == 0 {
        flow.gap(10.0);
        flow.body(
            "No cravings were logged in this period. A quieter stretch and a pause in logging \
             are both worth a word.",
        );
    }
    let has = |s: SummarySection| request.sections.contains(&s);

    if has(SummarySection::TalkAbout) {
        flow.heading("What I'd like to talk about", 30.0);
        match &checked.talk_about {
            Some(text) => {
                flow.gap(2.0);
                for line in text.lines() {
                    flow.paragraph(line, 11.0, Weight::Regular, INK, 0.0);
                }
            }
            None => flow.note("(Nothing written yet.)"),
        }
    }
    if has(SummarySection::Cravings) {
        cravings_section(&mut flow, figures, style);
    }
    if has(SummarySection::When) {
        when_section(&mut flow, figures);
    }
    if has(SummarySection::Triggers) {
        triggers_section(&mut flow, figures);
    }
    if has(SummarySection::Helps) {
        helps_section(&mut flow, helps, figures, style);
    }
    if has(SummarySection::Goals) {
        goals_section(&mut flow, figures);
    }
    if has(SummarySection::Plans) {
        plans_section(&mut flow, figures);
    }
    if has(SummarySection::Practice) {
        practice_section(&mut flow, figures);
    }
    if has(SummarySection::Journal) {
        flow.heading("From my journal", 40.0);
        if journal.is_empty() {
            flow.note("(No entries chosen.)");
        }
        for entry in journal {
            let local =
                entry.created_at.timestamp_millis() + i64::from(entry.utc_offset_minutes) * 60_000;
            let date = chrono::DateTime::from_timestamp_millis(local)
                .map_or(figures.from, |t| t.date_naive());
            flow.gap(6.0);
            flow.room(40.0);
            let label = match entry.kind {
                JournalKind::Reflection => format!("{} · weekly reflection", style.date(date)),
                JournalKind::Free => style.date(date),
            };
            flow.paragraph(&label, BODY, Weight::Bold, INK, 0.0);
            if let Some(prompt) = &entry.prompt {
                flow.paragraph(prompt, SMALL + 0.5, Weight::Regular, MUTED, 0.0);
            }
            flow.body(&entry.text);
        }
    }

    let footer = format!("{period} · Made with Ebb on {}", style.date(figures.made_on));
    flow.finish(&footer)
}

fn cravings_section(flow: &mut Flow, figures: &SummaryFigures, style: DateStyle) {
    flow.heading("Cravings over time", 150.0);
    let total = figures.cravings();
    if total == 0 {
        flow.note("No cravings logged in this period.");
        return;
    }
    let weeks = figures.weeks.len().max(1) as f64;
    let all: [u32; 11] = std::array::from_fn(|i| figures.halves[0][i] + figures.halves[1][i]);
    let mut text = format!(
        "{} logged, about {} a week.",
        plural(total, "craving", "cravings"),
        format_one(f64::from(total) / weeks)
    );
    if let Some(m) = median(&all) {
        text.push_str(&format!(" Median strength {} of 10.", format_one(m)));
    }
    if let (Some(a), Some(b)) = (median(&figures.halves[0]), median(&figures.halves[1])) {
        text.push_str(&format!(
            " First half of the period: median {}; second half: {}.",
            format_one(a),
            format_one(b)
        ));
    }
    if let Some(busiest) =
        figures.weeks.iter().max_by_key(|w| (w.cravings, std::cmp::Reverse(w.week_start)))
        && figures.weeks.len() > 1
    {
        text.push_str(&format!(
            " Most in the week of {} ({}).",
            style.short(busiest.week_start),
            busiest.cravings
        ));
    }
    flow.body(&text);
    flow.gap(8.0);

    // Bars: cravings per week; the line: median strength on a 0–10 scale.
    let chart_h = 110.0;
    let top = flow.block(chart_h + 30.0);
    let left = MARGIN + 28.0;
    let right = MARGIN + flow.column() - 28.0;
    let base = top + chart_h;
    let max = figures.weeks.iter().map(|w| w.cravings).max().unwrap_or(1).max(1);
    let n = figures.weeks.len();
    let slot = (right - left) / n as f32;
    flow.push(Item::Line { from: (left, base), to: (right, base), width: 0.6, color: LINE });
    flow.push(Item::Line { from: (left, top), to: (right, top), width: 0.3, color: LINE });
    for (label, y) in [(max.to_string(), top + 3.0), ("0".to_owned(), base)] {
        let w = text_width(&label, SMALL, Weight::Regular);
        flow.text_at(left - 4.0 - w, y, SMALL, Weight::Regular, ACCENT, &label);
    }
    for (label, y) in [("10", top + 3.0), ("0", base)] {
        flow.text_at(right + 4.0, y, SMALL, Weight::Regular, MEDIAN, label);
    }
    let mut line = Vec::new();
    for (i, week) in figures.weeks.iter().enumerate() {
        let x = left + slot * i as f32;
        let h = chart_h * week.cravings as f32 / max as f32;
        if week.cravings > 0 {
            flow.push(Item::Rect {
                x: x + slot * 0.15,
                y: base - h,
                w: slot * 0.7,
                h,
                fill: ACCENT_SOFT,
            });
        }
        if let Some(m) = week.median_intensity {
            line.push((x + slot / 2.0, base - chart_h * m as f32 / 10.0));
        }
    }
    if line.len() > 1 {
        flow.push(Item::Polyline { points: line.clone(), width: 1.4, color: MEDIAN });
    }
    for (cx, cy) in line {
        flow.push(Item::Dot { cx, cy, r: 2.0, fill: MEDIAN });
    }
    let first = style.short(figures.weeks[0].week_start);
    let last = style.short(figures.weeks[n - 1].week_start);
    flow.text_at(left, base + 11.0, SMALL, Weight::Regular, MUTED, &format!("Week of {first}"));
    if n > 1 {
        let label = format!("Week of {last}");
        let w = text_width(&label, SMALL, Weight::Regular);
        flow.text_at(right - w, base + 11.0, SMALL, Weight::Regular, MUTED, &label);
    }
    flow.text_at(
        left,
        base + 24.0,
        SMALL,
        Weight::Regular,
        MUTED,
        "Bars: cravings each week (left scale). Line: their median strength, 0–10 (right scale).",
    );
}

fn format_one(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

fn when_section(flow: &mut Flow, figures: &SummaryFigures) {
    flow.heading("When cravings come", 140.0);
    let total: u32 = figures.hours.iter().flatten().sum();
    if total == 0 {
        flow.note("No cravings logged in this period.");
        return;
    }
    let by_day: Vec<u32> = figures.hours.iter().map(|row| row.iter().sum()).collect();
    let busiest_day = (0..7).max_by_key(|d| (by_day[*d], std::cmp::Reverse(*d))).unwrap_or(0);
    let blocks: Vec<u32> = (0..8)
        .map(|b| figures.hours.iter().map(|row| row[b * 3..b * 3 + 3].iter().sum::<u32>()).sum())
        .collect();
    let busiest_block = (0..8).max_by_key(|b| (blocks[*b], std::cmp::Reverse(*b))).unwrap_or(0);
    flow.body(&format!(
        "Most often on {} ({}), and between {:02}:00 and {:02}:00 ({} across the week). Times \
         are local.",
        WEEKDAYS_LONG[busiest_day],
        by_day[busiest_day],
        busiest_block * 3,
        (busiest_block * 3 + 3) % 24,
        blocks[busiest_block]
    ));
    flow.gap(8.0);
    let cell_h = 13.0;
    let top = flow.block(cell_h * 7.0 + 16.0);
    let left = MARGIN + 30.0;
    let cell_w = (flow.column() - 30.0) / 24.0;
    let max = figures.hours.iter().flatten().copied().max().unwrap_or(1).max(1);
    for (d, row) in figures.hours.iter().enumerate() {
        let y = top + cell_h * d as f32;
        flow.text_at(MARGIN, y + cell_h * 0.72, SMALL, Weight::Regular, MUTED, WEEKDAYS[d]);
        for (h, n) in row.iter().enumerate() {
            let x = left + cell_w * h as f32;
            let t = *n as f32 / max as f32;
            let shade = |soft: u8, strong: u8| {
                (f32::from(soft) + (f32::from(strong) - f32::from(soft)) * t) as u8
            };
            let fill = if *n == 0 {
                TINT
            } else {
                Rgb(shade(0xd4, ACCENT.0), shade(0xe8, ACCENT.1), shade(0xe9, ACCENT.2))
            };
            flow.push(Item::Rect {
                x: x + 0.5,
                y: y + 0.5,
                w: cell_w - 1.0,
                h: cell_h - 1.0,
                fill,
            });
        }
    }
    for h in (0..24).step_by(3) {
        let x = left + cell_w * h as f32;
        flow.text_at(
            x,
            top + cell_h * 7.0 + 10.0,
            SMALL,
            Weight::Regular,
            MUTED,
            &format!("{h:02}:00"),
        );
    }
}

fn triggers_section(flow: &mut Flow, figures: &SummaryFigures) {
    flow.heading("Triggers and feelings", 60.0);
    if figures.triggers.is_empty() && figures.feelings.is_empty() {
        flow.note("No triggers or feelings were noted with cravings in this period.");
        return;
    }
    for (title, list) in [("Triggers", &figures.triggers), ("Feelings", &figures.feelings)] {
        if list.is_empty() {
            continue;
        }
        flow.gap(4.0);
        flow.paragraph(title, BODY, Weight::Bold, INK, 0.0);
        let max = list.iter().map(|c| c.cravings).max().unwrap_or(1).max(1);
        let label_w = 150.0;
        let bar_max = flow.column() - label_w - 150.0;
        for chip in list.iter().take(6) {
            let note = format!(
                "{} · average strength {}",
                plural(chip.cravings, "time", "times"),
                format_one(chip.mean_intensity)
            );
            flow.bar_row(&chip.label, label_w, bar_max * chip.cravings as f32 / max as f32, &note);
        }
    }
}

/// "about 1.8 points lower than waiting (likely between 0.9 and 2.6 lower)".
fn benefit_words(benefit: f64, low: f64, high: f64) -> String {
    let main = if benefit.abs() < 0.05 {
        "about the same as just waiting".to_owned()
    } else if benefit > 0.0 {
        format!("about {} points lower than just waiting", points(benefit))
    } else {
        format!("about {} points higher than just waiting", points(benefit))
    };
    let range = if low >= 0.0 {
        format!("likely between {} and {} lower", points(low), points(high))
    } else if high <= 0.0 {
        format!("likely between {} and {} higher", points(high), points(low))
    } else {
        format!("likely between {} higher and {} lower", points(low), points(high))
    };
    format!("{main} ({range})")
}

fn helps_section(flow: &mut Flow, helps: &WhatHelps, figures: &SummaryFigures, style: DateStyle) {
    flow.heading("What helps me", 60.0);
    let used: Vec<_> = helps.techniques.iter().filter(|t| !t.baseline && t.uses > 0).collect();
    if used.is_empty() || helps.rated == 0 {
        flow.note(
            "Nothing has been re-rated yet, so there is nothing to compare. Re-rating a craving \
             after a technique, or after just waiting, builds this up over time.",
        );
        return;
    }
    flow.note(&format!(
        "From {} up to {}, newer ones counting more. Each technique is compared with just \
         waiting, from the same starting strength; in the picture the thin line is just \
         waiting, dots further right mean lower cravings, bars are 90% intervals. A pattern in \
         my own data, not a promise.",
        plural(helps.rated, "re-rated craving", "re-rated cravings"),
        style.date(figures.made_on)
    ));
    flow.gap(6.0);
    // A small interval plot beside each line: 0 is "just waiting", right is lower.
    let lo = used.iter().map(|t| t.low).fold(-1.0_f64, f64::min).floor();
    let hi = used.iter().map(|t| t.high).fold(1.0_f64, f64::max).ceil();
    let plot_w = 130.0;
    let text_w = flow.column() - plot_w - 16.0;
    let plot_x = MARGIN + text_w + 16.0;
    let to_x = |v: f64| plot_x + plot_w * ((v - lo) / (hi - lo)) as f32;
    for t in used.iter().take(8) {
        let mut lines = wrap(&t.name, BODY, Weight::Bold, text_w);
        let mut details = format!("{}.", capitalise(&benefit_words(t.benefit, t.low, t.high)));
        if let Some(share) = t.win_share {
            details.push_str(&format!(
                " Didn't use or used less: {} of the {}.",
                format_percent(share),
                plural(t.win_of, "time", "times")
            ));
        }
        let detail_lines = wrap(&details, SMALL + 0.5, Weight::Regular, text_w);
        let confidence = wrap(&capitalise(&t.confidence), SMALL + 0.5, Weight::Regular, text_w);
        let height = lines.len() as f32 * BODY * LEADING
            + (detail_lines.len() + confidence.len()) as f32 * (SMALL + 0.5) * LEADING
            + 6.0;
        let top = flow.block(height);
        let mut y = top;
        for line in lines.drain(..) {
            y += BODY * LEADING;
            flow.text_at(MARGIN, y - 3.0, BODY, Weight::Bold, INK, &line);
        }
        for line in detail_lines.iter().chain(confidence.iter()) {
            y += (SMALL + 0.5) * LEADING;
            flow.text_at(MARGIN, y - 3.0, SMALL + 0.5, Weight::Regular, MUTED, line);
        }
        let mid = top + 12.0;
        flow.push(Item::Line {
            from: (to_x(0.0), top + 3.0),
            to: (to_x(0.0), top + 21.0),
            width: 0.6,
            color: LINE,
        });
        flow.push(Item::Line {
            from: (to_x(t.low), mid),
            to: (to_x(t.high), mid),
            width: 2.0,
            color: ACCENT_SOFT,
        });
        flow.push(Item::Dot { cx: to_x(t.benefit), cy: mid, r: 3.0, fill: ACCENT });
    }
    let top = flow.block(14.0);
    let axis = format!("{} higher", points(lo));
    flow.text_at(plot_x, top + 9.0, SMALL - 0.5, Weight::Regular, MUTED, &axis);
    let axis = format!("{} lower", points(hi));
    let w = text_width(&axis, SMALL - 0.5, Weight::Regular);
    flow.text_at(plot_x + plot_w - w, top + 9.0, SMALL - 0.5, Weight::Regular, MUTED, &axis);
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn format_percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

fn goal_words(goal: &Goal) -> String {
    match goal {
        Goal::Stop => "not to use".to_owned(),
        Goal::CutDown { planned_amount, unit } => {
            format!("to cut down, to {} {unit} a day at most", format_one(*planned_amount))
        }
        Goal::Safer => "to use more safely".to_owned(),
    }
}

fn goals_section(flow: &mut Flow, figures: &SummaryFigures) {
    flow.heading("My goals", 50.0);
    if figures.goals.is_empty() {
        flow.note("No tracked things yet.");
        return;
    }
    for goal in &figures.goals {
        flow.gap(4.0);
        flow.room(50.0);
        flow.paragraph(
            &format!("{}: my goal is {}", goal.name, goal_words(&goal.goal)),
            BODY,
            Weight::Bold,
            INK,
            0.0,
        );
        let [didnt, less, planned, more, used] = goal.actions;
        let recorded = didnt + less + planned + more + used;
        let mut text = format!("{} logged.", plural(goal.cravings, "craving", "cravings"));
        if goal.cravings == 0 && recorded == 0 {
            text = "No cravings logged for it in this period.".to_owned();
        } else if recorded == 0 {
            text.push_str(" What I did afterwards wasn't recorded for any of them.");
        } else {
            let mut parts = vec![format!("didn't use {didnt}")];
            if matches!(goal.goal, Goal::CutDown { .. }) || less > 0 {
                parts.push(format!("used less than planned {less}"));
            }
            if planned > 0 {
                parts.push(format!("used as planned {planned}"));
            }
            if more > 0 {
                parts.push(format!("used more than planned {more}"));
            }
            if used > 0 {
                parts.push(format!("used {used}"));
            }
            text.push_str(&format!(" What I did, recorded for {recorded}: {}.", parts.join(" · ")));
        }
        if let (Goal::CutDown { planned_amount, unit }, Some((within, days))) =
            (&goal.goal, goal.days_within)
        {
            if days > 0 {
                text.push_str(&format!(
                    " Days within my plan: {within} of the {} with something recorded.",
                    plural(days, "day", "days")
                ));
            }
            if let Some(mean) = goal.actual_mean {
                text.push_str(&format!(
                    " Planned {} {unit} a day; on days with an amount, {} on average.",
                    format_one(*planned_amount),
                    format_one(mean)
                ));
            }
        }
        if less > 0 {
            text.push_str(&format!(
                " Used less than planned {}: that is progress.",
                plural(less, "time", "times")
            ));
        }
        flow.body(&text);
    }
}

fn plans_section(flow: &mut Flow, figures: &SummaryFigures) {
    flow.heading("My if-then plans", 50.0);
    if figures.plans.is_empty() {
        flow.note("No if-then plans yet.");
        return;
    }
    for plan in &figures.plans {
        flow.gap(4.0);
        flow.room(40.0);
        flow.paragraph(
            &format!("If {}, then I will {}.", plan.if_text, plan.then_text),
            BODY,
            Weight::Bold,
            INK,
            0.0,
        );
        if plan.shown == 0 {
            flow.note("Not shown for a craving in this period.");
            continue;
        }
        let mut text = format!(
            "Shown for {}; acted on {}.",
            plural(plan.shown, "craving", "cravings"),
            plan.acted
        );
        if plan.answered > 0 {
            text.push_str(&format!(
                " Followed, fully or partly: {} of {} answered.",
                plan.followed, plan.answered
            ));
        }
        if plan.with_outcome > 0 {
            text.push_str(&format!(
                " Didn't use or used less: {} of {} with what I did recorded.",
                plan.went_well, plan.with_outcome
            ));
        }
        if let Some(drop) = plan.mean_drop {
            if drop >= 0.05 {
                text.push_str(&format!(" Strength fell {} points on average.", points(drop)));
            } else if drop <= -0.05 {
                text.push_str(&format!(" Strength rose {} points on average.", points(drop)));
            }
        }
        flow.body(&text);
    }
}

fn practice_section(flow: &mut Flow, figures: &SummaryFigures) {
    flow.heading("Techniques and practice", 50.0);
    if figures.practice.is_empty() {
        flow.note("No techniques practised in this period.");
        return;
    }
    let minutes: i64 = figures.practice.iter().map(|p| p.seconds).sum::<i64>() / 60;
    let sessions: u32 = figures.practice.iter().map(|p| p.sessions).sum();
    flow.body(&format!(
        "{} of practice in {}.",
        plural(minutes as u32, "minute", "minutes"),
        plural(sessions, "session", "sessions")
    ));
    flow.gap(4.0);
    let max = figures.practice.iter().map(|p| p.seconds).max().unwrap_or(1).max(1);
    let label_w = 170.0;
    let bar_max = flow.column() - label_w - 140.0;
    for row in figures.practice.iter().take(10) {
        let minutes = row.seconds as f64 / 60.0;
        let note = format!(
            "{} · {} min",
            plural(row.sessions, "time", "times"),
            format_one((minutes * 10.0).round() / 10.0)
        );
        flow.bar_row(&row.name, label_w, bar_max * row.seconds as f32 / max as f32, &note);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_locale_order() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap_or_default();
        assert_eq!(DateStyle::of(Some("en-GB")).date(d), "3 Nov 2026");
        assert_eq!(DateStyle::of(Some("en-US")).date(d), "Nov 3, 2026");
        assert_eq!(DateStyle::of(Some("sv-SE")).date(d), "2026-11-03");
        assert_eq!(DateStyle::of(Some("ja")).date(d), "2026-11-03");
        assert_eq!(DateStyle::of(Some("de-DE")).date(d), "3 Nov 2026");
        assert_eq!(DateStyle::of(None).date(d), "3 Nov 2026", "no locale: day first");
        let e = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        assert_eq!(DateStyle::of(Some("en-GB")).period(d, e), "3 Nov – 29 Nov 2026");
    }

    #[test]
    fn interval_words_say_which_way_and_never_promise() {
        assert_eq!(
            benefit_words(1.84, 0.9, 2.6),
            "about 1.8 points lower than just waiting (likely between 0.9 and 2.6 lower)"
        );
        assert_eq!(
            benefit_words(0.3, -0.4, 1.1),
            "about 0.3 points lower than just waiting (likely between 0.4 higher and 1.1 lower)"
        );
        assert_eq!(
            benefit_words(-0.6, -1.2, -0.1),
            "about 0.6 points higher than just waiting (likely between 0.1 and 1.2 higher)"
        );
    }
}
