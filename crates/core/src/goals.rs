//! The goals review (care.md §1): for one tracked thing, the goal the person chose and what
//! happened over the last 14 local days — days within plan, planned against actual amounts,
//! cravings ridden out and times used less. Rolling and forgiving: nothing here resets, and a
//! harder week is information.
//!
//! Days are local: "today" is the clock's local date now, and each craving falls on the local
//! date of its own recorded UTC offset, so a day-light saving change neither drops nor doubles a
//! day. The day rule for "within plan" is Insights' ([`crate::PlanDays`]).

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::insights::{DayOutcomes, day_within, plan_days};
use crate::{Goal, PlanDays, Result, Store};

/// The review window, in local days.
pub const REVIEW_DAYS: u32 = 14;

/// One local day of the review.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct GoalDay {
    /// The local date, `YYYY-MM-DD`.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Cravings logged that day.
    pub cravings: u32,
    /// Cravings with what-they-did recorded.
    pub recorded: u32,
    /// The amount recorded that day (summed), if any amount was.
    pub amount: Option<f64>,
    /// For "cut down": whether a recorded day stayed within the plan (None: nothing recorded,
    /// or another goal).
    pub within: Option<bool>,
}

/// A tracked thing's goal and its last 14 local days.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct GoalReview {
    /// The thing.
    pub tracked_id: String,
    /// Its name.
    pub name: String,
    /// Its goal.
    pub goal: Goal,
    /// The 14 local days, oldest first, ending today.
    pub days: Vec<GoalDay>,
    /// For "cut down": days within plan (Insights' figure).
    pub plan: Option<PlanDays>,
    /// Cravings in the window.
    pub cravings: u32,
    /// Of which: didn't use (ridden out).
    pub ridden_out: u32,
    /// Of which: used less than planned.
    pub used_less: u32,
}

impl Store {
    /// The goals review for one tracked thing (archived ones too: their history stays).
    pub fn goal_review(&self, tracked_id: &str) -> Result<GoalReview> {
        let thing = self.thing(tracked_id)?;
        let now = self.clock.now();
        let today = now.with_timezone(&self.clock.offset_at(now)).date_naive();
        let first = today - Duration::days(i64::from(REVIEW_DAYS) - 1);
        let since = first.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis());
        let mut days: BTreeMap<NaiveDate, GoalDay> = (0..i64::from(REVIEW_DAYS))
            .map(|i| {
                let date = first + Duration::days(i);
                (date, GoalDay { date, cravings: 0, recorded: 0, amount: None, within: None })
            })
            .collect();
        let mut outcomes: BTreeMap<NaiveDate, DayOutcomes> = BTreeMap::new();
        let (mut ridden_out, mut used_less) = (0, 0);
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT u.occurred_at + u.utc_offset_minutes * 60000, o.action, o.amount \
                 FROM urges u LEFT JOIN outcomes o ON o.urge_id = u.id \
                 WHERE u.tracked_id = ?1 AND u.occurred_at >= ?2",
            )?;
            // No zone is more than 18 hours from UTC: the bound narrows, the date decides.
            let mut rows = stmt.query(rusqlite::params![tracked_id, since - 18 * 3_600_000])?;
            while let Some(r) = rows.next()? {
                let local: i64 = r.get(0)?;
                let action: Option<String> = r.get(1)?;
                let amount: Option<f64> = r.get(2)?;
                let Some(date) =
                    chrono::DateTime::from_timestamp_millis(local).map(|t| t.date_naive())
                else {
                    continue;
                };
                let Some(day) = days.get_mut(&date) else { continue };
                day.cravings += 1;
                let Some(action) = action else { continue };
                day.recorded += 1;
                if let Some(amount) = amount {
                    day.amount = Some(day.amount.unwrap_or(0.0) + amount);
                }
                ridden_out += u32::from(action == "didnt_use");
                used_less += u32::from(action == "used_less");
                let entry = outcomes.entry(date).or_insert((0.0, false, false));
                entry.0 += amount.unwrap_or(0.0);
                entry.1 |= amount.is_some();
                entry.2 |= action == "used_more";
            }
        }
        let plan = match &thing.goal {
            Goal::CutDown { planned_amount, unit } => {
                for (date, day) in &outcomes {
                    if let Some(d) = days.get_mut(date) {
                        d.within = Some(day_within(day, *planned_amount));
                    }
                }
                Some(plan_days(*planned_amount, unit, Some(&outcomes)))
            }
            _ => None,
        };
        let days: Vec<GoalDay> = days.into_values().collect();
        Ok(GoalReview {
            cravings: days.iter().map(|d| d.cravings).sum(),
            tracked_id: thing.id,
            name: thing.name,
            goal: thing.goal,
            days,
            plan,
            ridden_out,
            used_less,
        })
    }
}
