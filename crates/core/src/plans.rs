//! If-then plans (care.md §1: the person's own goals; deciding ahead): "If [situation], then I
//! will [action]", in the person's words. A plan can be tied to chips (any kinds) and a
//! time-of-day band so Ebb recognises the moment: when a craving is logged whose chips match,
//! Now shows the plan first. Each showing is recorded, with whether the person acted on it and,
//! with the outcome, whether they followed it; a plan's figures say how often it was used and
//! how those cravings went.
//!
//! A plan may name a support person (`person_id`, from `support_people`, support.rs): Now then
//! offers to call or text them. Deleting the person unlinks the plan; the plan stays.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Timelike, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::millis_to_time;
use crate::{ChipKind, Error, Invalid, Result, Store};

/// The most chips one plan may be tied to.
pub const MAX_PLAN_CHIPS: usize = 24;
/// The most plans a person may keep: a short list they can read in a moment.
pub const MAX_PLANS: usize = 100;

/// A time of day a plan is for, in the person's local hours (start included, end excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TimeBand {
    /// 05:00–12:00.
    Morning,
    /// 12:00–17:00.
    Afternoon,
    /// 17:00–22:00.
    Evening,
    /// 22:00–05:00 (across midnight).
    Night,
}

impl TimeBand {
    /// Whether a local hour (0–23) falls in this band.
    pub fn contains(self, hour: u32) -> bool {
        match self {
            TimeBand::Morning => (5..12).contains(&hour),
            TimeBand::Afternoon => (12..17).contains(&hour),
            TimeBand::Evening => (17..22).contains(&hour),
            TimeBand::Night => !(5..22).contains(&hour),
        }
    }

    fn column(self) -> &'static str {
        match self {
            TimeBand::Morning => "morning",
            TimeBand::Afternoon => "afternoon",
            TimeBand::Evening => "evening",
            TimeBand::Night => "night",
        }
    }

    fn from_column(text: &str) -> Option<Self> {
        Some(match text {
            "morning" => TimeBand::Morning,
            "afternoon" => TimeBand::Afternoon,
            "evening" => TimeBand::Evening,
            "night" => TimeBand::Night,
            _ => return None,
        })
    }
}

/// Whether the person followed a plan shown for a craving, asked with the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Followed {
    /// Yes.
    Yes,
    /// Partly: some of it counts too.
    Partly,
    /// Not this time.
    No,
}

impl Followed {
    fn column(self) -> &'static str {
        match self {
            Followed::Yes => "yes",
            Followed::Partly => "partly",
            Followed::No => "no",
        }
    }

    fn from_column(text: &str) -> Option<Self> {
        Some(match text {
            "yes" => Followed::Yes,
            "partly" => Followed::Partly,
            "no" => Followed::No,
            _ => return None,
        })
    }
}

/// How a plan has been used, counted from its showings.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PlanStats {
    /// Cravings it was shown for.
    pub shown: u32,
    /// Of which the person acted on it (started its technique or chose "I'll do this").
    pub acted: u32,
    /// Of which they said they followed it (yes or partly).
    pub followed: u32,
    /// Of which they answered "did you follow your plan?".
    pub answered: u32,
    /// Of the cravings it was shown for: those with what-they-did recorded.
    pub with_outcome: u32,
    /// Of those: didn't use, or used less than planned.
    pub went_well: u32,
    /// The mean drop in intensity (before − after) over those re-rated, if any.
    pub mean_drop: Option<f64>,
}

/// An if-then plan.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Plan {
    /// UUIDv7.
    pub id: String,
    /// "If …", in the person's words.
    pub if_text: String,
    /// "then I will …", in the person's words.
    pub then_text: String,
    /// A technique to start from the plan.
    pub technique_id: Option<String>,
    /// A support person to reach (an id from the support people list).
    pub person_id: Option<String>,
    /// The chips it is tied to, in kind and chip order.
    pub chip_ids: Vec<String>,
    /// The time of day it is for, if any.
    pub time_band: Option<TimeBand>,
    /// Its place in the person's order, from 0.
    pub position: u32,
    /// Paused: kept, but not shown on Now.
    pub paused: bool,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
    /// How it has been used.
    pub stats: PlanStats,
}

/// A plan to make, or what an edit replaces.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct PlanInput {
    /// "If …", 1–60 characters.
    pub if_text: String,
    /// "then I will …", 1–60 characters.
    pub then_text: String,
    /// A technique to start from the plan (catalog id or a custom pattern's id).
    #[serde(default)]
    #[ts(optional)]
    pub technique_id: Option<String>,
    /// A support person's id.
    #[serde(default)]
    #[ts(optional)]
    pub person_id: Option<String>,
    /// The chips it is tied to (ids, any kinds).
    #[serde(default)]
    pub chip_ids: Vec<String>,
    /// The time of day it is for.
    #[serde(default)]
    #[ts(optional)]
    pub time_band: Option<TimeBand>,
}

/// An edit: the plan's id and everything it now says (absent optional parts are cleared).
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct PlanEdit {
    /// The plan's id.
    pub id: String,
    /// "If …", 1–60 characters.
    pub if_text: String,
    /// "then I will …", 1–60 characters.
    pub then_text: String,
    /// A technique to start from the plan.
    #[serde(default)]
    #[ts(optional)]
    pub technique_id: Option<String>,
    /// A support person's id.
    #[serde(default)]
    #[ts(optional)]
    pub person_id: Option<String>,
    /// The chips it is tied to.
    #[serde(default)]
    pub chip_ids: Vec<String>,
    /// The time of day it is for.
    #[serde(default)]
    #[ts(optional)]
    pub time_band: Option<TimeBand>,
}

/// Moves a plan to a place in the order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct PlanMove {
    /// The plan's id.
    pub id: String,
    /// The new place, from 0 (clamped to the end).
    pub position: u32,
}

/// Pauses or resumes a plan.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct PlanPause {
    /// The plan's id.
    pub id: String,
    /// Pause (true) or resume (false).
    pub paused: bool,
}

/// A plan and a craving: "shown for" or "acted on for".
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct PlanUseRequest {
    /// The plan.
    pub plan_id: String,
    /// The craving.
    pub urge_id: String,
}

/// "Did you follow your plan?" for one craving.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct PlanFollowedInput {
    /// The plan.
    pub plan_id: String,
    /// The craving it was shown for.
    pub urge_id: String,
    /// The answer; absent clears it.
    #[serde(default)]
    #[ts(optional)]
    pub followed: Option<Followed>,
}

/// A plan shown for a craving, as the outcome form asks about it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PlanUse {
    /// The plan.
    pub plan_id: String,
    /// The craving.
    pub urge_id: String,
    /// The plan's "if".
    pub if_text: String,
    /// The plan's "then".
    pub then_text: String,
    /// When it was shown.
    pub shown_at: DateTime<Utc>,
    /// The person acted on it.
    pub acted: bool,
    /// Whether they followed it, once answered.
    pub followed: Option<Followed>,
}

/// What a plan needs of a craving, for [`plan_matches`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanConditions {
    /// The plan's chips with their kinds.
    pub chips: Vec<(String, ChipKind)>,
    /// Its time band, if any.
    pub time_band: Option<TimeBand>,
    /// Paused plans never match.
    pub paused: bool,
}

/// Whether a plan matches a craving with these chips at this local hour (0–23): the plan isn't
/// paused, has at least one condition, and for every chip kind it names the craving has at
/// least one of the plan's chips of that kind, and the hour is in its band if it has one.
pub fn plan_matches(plan: &PlanConditions, urge_chip_ids: &[String], local_hour: u32) -> bool {
    if plan.paused || (plan.chips.is_empty() && plan.time_band.is_none()) {
        return false;
    }
    if plan.time_band.is_some_and(|band| !band.contains(local_hour)) {
        return false;
    }
    let on: HashSet<&str> = urge_chip_ids.iter().map(String::as_str).collect();
    let kinds: HashSet<ChipKind> = plan.chips.iter().map(|(_, kind)| *kind).collect();
    kinds
        .into_iter()
        .all(|kind| plan.chips.iter().any(|(id, k)| *k == kind && on.contains(id.as_str())))
}

const PLAN_COLUMNS: &str = "id, if_text, then_text, technique_id, person_id, time_band, position, \
     paused, created_at, updated_at";

fn plan_from_row(row: &Row<'_>) -> rusqlite::Result<Plan> {
    Ok(Plan {
        id: row.get(0)?,
        if_text: row.get(1)?,
        then_text: row.get(2)?,
        technique_id: row.get(3)?,
        person_id: row.get(4)?,
        time_band: row.get::<_, Option<String>>(5)?.as_deref().and_then(TimeBand::from_column),
        position: row.get(6)?,
        paused: row.get(7)?,
        created_at: millis_to_time(row.get(8)?)?,
        updated_at: millis_to_time(row.get(9)?)?,
        chip_ids: Vec::new(),
        stats: PlanStats {
            shown: 0,
            acted: 0,
            followed: 0,
            answered: 0,
            with_outcome: 0,
            went_well: 0,
            mean_drop: None,
        },
    })
}

/// A plan's checked parts, ready to write.
struct CheckedPlan {
    if_text: String,
    then_text: String,
    technique_id: Option<String>,
    person_id: Option<String>,
    chip_ids: Vec<String>,
    time_band: Option<TimeBand>,
}

fn not_found(id: &str) -> Error {
    Error::NotFound { what: "plan", id: id.to_owned() }
}

impl Store {
    fn check_plan(
        &self,
        if_text: &str,
        then_text: &str,
        technique_id: Option<String>,
        person_id: Option<String>,
        chip_ids: Vec<String>,
        time_band: Option<TimeBand>,
    ) -> Result<CheckedPlan> {
        let if_text = crate::text::label("ifText", "The \u{201c}if\u{201d} part", if_text)?;
        let then_text = crate::text::label("thenText", "The \u{201c}then\u{201d} part", then_text)?;
        let technique_id = match technique_id {
            Some(id) => Some(self.usable_technique("techniqueId", &id)?.id),
            None => None,
        };
        // The person must be on the support people list (support.rs); deleting them later
        // unlinks the plan (ON DELETE SET NULL).
        let person_id = match person_id {
            Some(id) => {
                let known = self
                    .conn
                    .prepare_cached("SELECT 1 FROM support_people WHERE id = ?1")?
                    .query_row([&id], |_| Ok(()))
                    .optional()?
                    .is_some();
                if !known {
                    return Err(Invalid::new(
                        "personId",
                        format!(
                            "There is no support person \u{201c}{}\u{201d}; pick someone from \
                             your list.",
                            crate::text::quoted(&id)
                        ),
                    )
                    .into());
                }
                Some(id)
            }
            None => None,
        };
        let mut unique = Vec::new();
        for id in chip_ids {
            if !unique.contains(&id) {
                unique.push(id);
            }
        }
        if unique.len() > MAX_PLAN_CHIPS {
            return Err(Invalid::new(
                "chipIds",
                format!(
                    "A plan can be tied to up to {MAX_PLAN_CHIPS} chips; this one has {}.",
                    unique.len()
                ),
            )
            .into());
        }
        for id in &unique {
            if self.chip(id).is_err() {
                return Err(Invalid::new(
                    "chipIds",
                    format!(
                        "There is no chip \u{201c}{}\u{201d}; pick from your chips.",
                        crate::text::quoted(id)
                    ),
                )
                .into());
            }
        }
        Ok(CheckedPlan { if_text, then_text, technique_id, person_id, chip_ids: unique, time_band })
    }

    /// Makes a plan, at the end of the person's list.
    pub fn add_plan(&mut self, input: PlanInput) -> Result<Plan> {
        let checked = self.check_plan(
            &input.if_text,
            &input.then_text,
            input.technique_id,
            input.person_id,
            input.chip_ids,
            input.time_band,
        )?;
        let count: i64 =
            self.conn.prepare_cached("SELECT count(*) FROM plans")?.query_row([], |r| r.get(0))?;
        if count as usize >= MAX_PLANS {
            return Err(Invalid::new(
                "plan",
                format!("You can keep up to {MAX_PLANS} plans; delete one to make room."),
            )
            .into());
        }
        let now = self.clock.now();
        let id = self.ids.next_id(now).to_string();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO plans (id, if_text, then_text, technique_id, person_id, time_band, \
             position, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, \
             (SELECT coalesce(max(position) + 1, 0) FROM plans), ?7, ?7)",
            params![
                id,
                checked.if_text,
                checked.then_text,
                checked.technique_id,
                checked.person_id,
                checked.time_band.map(TimeBand::column),
                now.timestamp_millis()
            ],
        )?;
        for chip in &checked.chip_ids {
            tx.execute("INSERT INTO plan_chips (plan_id, chip_id) VALUES (?1, ?2)", [&id, chip])?;
        }
        tx.commit()?;
        self.plan(&id)
    }

    /// Replaces what a plan says and what it is tied to. Its place, pause and uses stay.
    pub fn update_plan(&mut self, edit: PlanEdit) -> Result<Plan> {
        self.plan(&edit.id)?;
        let checked = self.check_plan(
            &edit.if_text,
            &edit.then_text,
            edit.technique_id,
            edit.person_id,
            edit.chip_ids,
            edit.time_band,
        )?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE plans SET if_text = ?2, then_text = ?3, technique_id = ?4, person_id = ?5, \
             time_band = ?6, updated_at = ?7 WHERE id = ?1",
            params![
                edit.id,
                checked.if_text,
                checked.then_text,
                checked.technique_id,
                checked.person_id,
                checked.time_band.map(TimeBand::column),
                self.clock.now().timestamp_millis()
            ],
        )?;
        tx.execute("DELETE FROM plan_chips WHERE plan_id = ?1", [&edit.id])?;
        for chip in &checked.chip_ids {
            tx.execute(
                "INSERT INTO plan_chips (plan_id, chip_id) VALUES (?1, ?2)",
                [&edit.id, chip],
            )?;
        }
        tx.commit()?;
        self.plan(&edit.id)
    }

    /// Moves a plan to `position` in the person's order (clamped to the end).
    pub fn move_plan(&mut self, change: PlanMove) -> Result<Vec<Plan>> {
        self.plan(&change.id)?;
        let tx = self.conn.transaction()?;
        let mut ids: Vec<String> = tx
            .prepare("SELECT id FROM plans WHERE id != ?1 ORDER BY position, created_at")?
            .query_map([&change.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let at = (change.position as usize).min(ids.len());
        ids.insert(at, change.id.clone());
        {
            let mut renumber = tx.prepare("UPDATE plans SET position = ?2 WHERE id = ?1")?;
            for (position, id) in ids.iter().enumerate() {
                renumber.execute(params![id, position as i64])?;
            }
        }
        tx.commit()?;
        self.plans()
    }

    /// Pauses (kept, not shown on Now) or resumes a plan.
    pub fn set_plan_paused(&mut self, change: PlanPause) -> Result<Plan> {
        self.plan(&change.id)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE plans SET paused = ?2, updated_at = ?3 WHERE id = ?1",
            params![change.id, change.paused, self.clock.now().timestamp_millis()],
        )?;
        tx.commit()?;
        self.plan(&change.id)
    }

    /// Deletes a plan for real, with its chips and its record of uses.
    pub fn delete_plan(&mut self, id: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute("DELETE FROM plans WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(not_found(id));
        }
        tx.commit()?;
        Ok(())
    }

    /// One plan by id, with its chips and figures.
    pub fn plan(&self, id: &str) -> Result<Plan> {
        let mut plan = self
            .conn
            .prepare_cached(&format!("SELECT {PLAN_COLUMNS} FROM plans WHERE id = ?1"))?
            .query_row([id], plan_from_row)
            .optional()?
            .ok_or_else(|| not_found(id))?;
        self.fill_plan(&mut plan)?;
        Ok(plan)
    }

    /// Every plan in the person's order, with chips and figures.
    pub fn plans(&self) -> Result<Vec<Plan>> {
        let mut plans: Vec<Plan> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {PLAN_COLUMNS} FROM plans ORDER BY position, created_at"
            ))?
            .query_map([], plan_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for plan in &mut plans {
            self.fill_plan(plan)?;
        }
        Ok(plans)
    }

    fn plan_chips(&self, plan_id: &str) -> Result<Vec<(String, ChipKind)>> {
        let ids: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT c.id FROM plan_chips pc JOIN chips c ON c.id = pc.chip_id \
                 WHERE pc.plan_id = ?1 ORDER BY CASE c.kind WHEN 'trigger' THEN 0 \
                 WHEN 'feeling' THEN 1 WHEN 'place' THEN 2 ELSE 3 END, c.position, c.label",
            )?
            .query_map([plan_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter()
            .map(|id| {
                let kind = self.chip(&id)?.kind;
                Ok((id, kind))
            })
            .collect()
    }

    fn fill_plan(&self, plan: &mut Plan) -> Result<()> {
        plan.chip_ids = self.plan_chips(&plan.id)?.into_iter().map(|(id, _)| id).collect();
        plan.stats = self
            .conn
            .prepare_cached(
                "SELECT count(*), count(pu.acted_at), \
                 count(*) FILTER (WHERE pu.followed IN ('yes', 'partly')), count(pu.followed), \
                 count(o.action), count(*) FILTER (WHERE o.action IN ('didnt_use', 'used_less')), \
                 avg(u.intensity - o.intensity_after) \
                 FROM plan_uses pu JOIN urges u ON u.id = pu.urge_id \
                 LEFT JOIN outcomes o ON o.urge_id = pu.urge_id WHERE pu.plan_id = ?1",
            )?
            .query_row([&plan.id], |r| {
                Ok(PlanStats {
                    shown: r.get(0)?,
                    acted: r.get(1)?,
                    followed: r.get(2)?,
                    answered: r.get(3)?,
                    with_outcome: r.get(4)?,
                    went_well: r.get(5)?,
                    mean_drop: r.get(6)?,
                })
            })?;
        Ok(())
    }

    /// The plans whose conditions a craving meets (see [`plan_matches`]), in the person's order.
    pub fn matching_plans(&self, urge_id: &str) -> Result<Vec<Plan>> {
        let urge = self.urge(urge_id)?;
        let local = urge.occurred_at + Duration::minutes(i64::from(urge.utc_offset_minutes));
        let hour = local.hour();
        let mut matches = Vec::new();
        for plan in self.plans()? {
            let conditions = PlanConditions {
                chips: self.plan_chips(&plan.id)?,
                time_band: plan.time_band,
                paused: plan.paused,
            };
            if plan_matches(&conditions, &urge.chip_ids, hour) {
                matches.push(plan);
            }
        }
        Ok(matches)
    }

    fn check_use_pair(&self, request: &PlanUseRequest) -> Result<()> {
        self.plan(&request.plan_id)?;
        self.urge(&request.urge_id)?;
        Ok(())
    }

    /// Records that Now showed a plan for a craving (once per pair; again changes nothing).
    pub fn record_plan_shown(&mut self, request: PlanUseRequest) -> Result<PlanUse> {
        self.check_use_pair(&request)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT OR IGNORE INTO plan_uses (plan_id, urge_id, shown_at) VALUES (?1, ?2, ?3)",
            params![request.plan_id, request.urge_id, self.clock.now().timestamp_millis()],
        )?;
        tx.commit()?;
        self.plan_use(&request.plan_id, &request.urge_id)
    }

    /// Records that the person acted on a plan for a craving (started its technique, or chose
    /// "I'll do this"); counts as shown too.
    pub fn record_plan_acted(&mut self, request: PlanUseRequest) -> Result<PlanUse> {
        self.check_use_pair(&request)?;
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO plan_uses (plan_id, urge_id, shown_at, acted_at) VALUES (?1, ?2, ?3, ?3) \
             ON CONFLICT (plan_id, urge_id) DO UPDATE SET acted_at = coalesce(acted_at, ?3)",
            params![request.plan_id, request.urge_id, now],
        )?;
        tx.commit()?;
        self.plan_use(&request.plan_id, &request.urge_id)
    }

    /// Records (or clears) whether the person followed a plan shown for a craving.
    pub fn set_plan_followed(&mut self, input: PlanFollowedInput) -> Result<PlanUse> {
        let pair = PlanUseRequest { plan_id: input.plan_id, urge_id: input.urge_id };
        self.check_use_pair(&pair)?;
        if self.plan_use(&pair.plan_id, &pair.urge_id).is_err() {
            return Err(Invalid::new(
                "planId",
                "That plan wasn't shown for this craving, so there is nothing to answer about it.",
            )
            .into());
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE plan_uses SET followed = ?3 WHERE plan_id = ?1 AND urge_id = ?2",
            params![pair.plan_id, pair.urge_id, input.followed.map(Followed::column)],
        )?;
        tx.commit()?;
        self.plan_use(&pair.plan_id, &pair.urge_id)
    }

    fn plan_use(&self, plan_id: &str, urge_id: &str) -> Result<PlanUse> {
        self.conn
            .prepare_cached(
                "SELECT pu.plan_id, pu.urge_id, p.if_text, p.then_text, pu.shown_at, \
                 pu.acted_at IS NOT NULL, pu.followed FROM plan_uses pu \
                 JOIN plans p ON p.id = pu.plan_id WHERE pu.plan_id = ?1 AND pu.urge_id = ?2",
            )?
            .query_row([plan_id, urge_id], plan_use_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound { what: "plan use", id: format!("{plan_id}/{urge_id}") })
    }

    /// The plans shown for a craving, in the person's order: what the outcome form asks about.
    pub fn plan_uses_for_urge(&self, urge_id: &str) -> Result<Vec<PlanUse>> {
        self.urge(urge_id)?;
        Ok(self
            .conn
            .prepare_cached(
                "SELECT pu.plan_id, pu.urge_id, p.if_text, p.then_text, pu.shown_at, \
                 pu.acted_at IS NOT NULL, pu.followed FROM plan_uses pu \
                 JOIN plans p ON p.id = pu.plan_id WHERE pu.urge_id = ?1 \
                 ORDER BY p.position, p.created_at",
            )?
            .query_map([urge_id], plan_use_from_row)?
            .collect::<rusqlite::Result<_>>()?)
    }
}

fn plan_use_from_row(r: &Row<'_>) -> rusqlite::Result<PlanUse> {
    Ok(PlanUse {
        plan_id: r.get(0)?,
        urge_id: r.get(1)?,
        if_text: r.get(2)?,
        then_text: r.get(3)?,
        shown_at: millis_to_time(r.get(4)?)?,
        acted: r.get(5)?,
        followed: r.get::<_, Option<String>>(6)?.as_deref().and_then(Followed::from_column),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_cover_every_hour_once() {
        let bands = [TimeBand::Morning, TimeBand::Afternoon, TimeBand::Evening, TimeBand::Night];
        for hour in 0..24 {
            assert_eq!(bands.iter().filter(|b| b.contains(hour)).count(), 1, "hour {hour}");
        }
        assert!(TimeBand::Night.contains(23) && TimeBand::Night.contains(0));
        assert!(TimeBand::Night.contains(4) && !TimeBand::Night.contains(5));
    }
}
