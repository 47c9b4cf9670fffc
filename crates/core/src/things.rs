//! What a person tracks, in their own words, and the goal they chose for it (care.md §1):
//! stop, cut down to a planned amount, or use more safely. Ebb never assumes abstinence.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::millis_to_time;
use crate::{Error, Invalid, Result, Store};

/// The largest planned amount: beyond this it is surely a typo.
pub const MAX_PLANNED_AMOUNT: f64 = 10_000.0;

/// The goal a person chose for one thing they track.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase", try_from = "GoalWire")]
pub enum Goal {
    /// Not to use at all.
    Stop,
    /// To use no more than a planned amount a day.
    CutDown {
        /// How much, in `unit`, a day.
        #[serde(rename = "plannedAmount")]
        planned_amount: f64,
        /// The person's own unit ("drinks", "cigarettes", "€").
        unit: String,
    },
    /// To keep using, more safely.
    Safer,
}

/// A goal as it arrives: one flat object, so that a field a goal of that kind doesn't have is
/// refused (serde's internally tagged unit variants would drop `{"kind":"stop","plannedAmount":2}`
/// silently).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GoalWire {
    kind: GoalKind,
    #[serde(default)]
    planned_amount: Option<f64>,
    #[serde(default)]
    unit: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
enum GoalKind {
    Stop,
    CutDown,
    Safer,
}

impl TryFrom<GoalWire> for Goal {
    type Error = &'static str;

    fn try_from(wire: GoalWire) -> std::result::Result<Self, Self::Error> {
        match (wire.kind, wire.planned_amount, wire.unit) {
            (GoalKind::CutDown, Some(planned_amount), Some(unit)) => {
                Ok(Goal::CutDown { planned_amount, unit })
            }
            (GoalKind::CutDown, _, _) => Err("A cut-down goal needs a planned amount and a unit."),
            (GoalKind::Stop, None, None) => Ok(Goal::Stop),
            (GoalKind::Safer, None, None) => Ok(Goal::Safer),
            (_, _, _) => Err("Only a cut-down goal has a planned amount and a unit."),
        }
    }
}

impl Goal {
    fn column(&self) -> &'static str {
        match self {
            Goal::Stop => "stop",
            Goal::CutDown { .. } => "cut_down",
            Goal::Safer => "safer",
        }
    }

    fn validated(self) -> Result<Self, Invalid> {
        match self {
            Goal::CutDown { planned_amount, unit } => {
                if !planned_amount.is_finite()
                    || !(0.0..=MAX_PLANNED_AMOUNT).contains(&planned_amount)
                {
                    return Err(Invalid::new(
                        "plannedAmount",
                        format!(
                            "A planned amount is a number from 0 to 10,000; got {planned_amount}."
                        ),
                    ));
                }
                let unit = crate::text::label("unit", "A unit", &unit)?;
                Ok(Goal::CutDown { planned_amount, unit })
            }
            other => Ok(other),
        }
    }
}

/// Something a person tracks.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct TrackedThing {
    /// UUIDv7.
    pub id: String,
    /// In the person's own words.
    pub name: String,
    /// What they aim for.
    pub goal: Goal,
    /// Hidden from logging; its history stays.
    pub archived: bool,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// A thing to start tracking.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct NewThing {
    /// In the person's own words, 1–60 characters.
    pub name: String,
    /// What they aim for.
    pub goal: Goal,
}

/// A change to a tracked thing; absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct ThingUpdate {
    /// The thing's id.
    pub id: String,
    /// A new name (history keeps pointing at the same thing).
    #[serde(default)]
    #[ts(optional)]
    pub name: Option<String>,
    /// A new goal.
    #[serde(default)]
    #[ts(optional)]
    pub goal: Option<Goal>,
    /// Archive (true) or bring back (false).
    #[serde(default)]
    #[ts(optional)]
    pub archived: Option<bool>,
}

const THING_COLUMNS: &str =
    "id, name, goal, planned_amount, planned_unit, archived, created_at, updated_at";

fn thing_from_row(row: &Row<'_>) -> rusqlite::Result<TrackedThing> {
    let goal: String = row.get(2)?;
    let goal = match goal.as_str() {
        "cut_down" => Goal::CutDown {
            planned_amount: row.get::<_, Option<f64>>(3)?.unwrap_or(0.0),
            unit: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
        },
        "safer" => Goal::Safer,
        _ => Goal::Stop,
    };
    Ok(TrackedThing {
        id: row.get(0)?,
        name: row.get(1)?,
        goal,
        archived: row.get(5)?,
        created_at: millis_to_time(row.get(6)?)?,
        updated_at: millis_to_time(row.get(7)?)?,
    })
}

fn goal_params(goal: &Goal) -> (&'static str, Option<f64>, Option<&str>) {
    match goal {
        Goal::CutDown { planned_amount, unit } => ("cut_down", Some(*planned_amount), Some(unit)),
        other => (other.column(), None, None),
    }
}

impl Store {
    /// Starts tracking a thing.
    pub fn add_thing(&mut self, new: NewThing) -> Result<TrackedThing> {
        let name = crate::text::label("name", "A name", &new.name)?;
        let goal = new.goal.validated()?;
        self.check_thing_name_free(&name, None)?;
        let now = self.clock.now();
        let id = self.ids.next_id(now).to_string();
        let (goal_column, amount, unit) = goal_params(&goal);
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO tracked_things (id, name, goal, planned_amount, planned_unit, position, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, \
             (SELECT coalesce(max(position) + 1, 0) FROM tracked_things), ?6, ?6)",
            params![id, name, goal_column, amount, unit, now.timestamp_millis()],
        )?;
        tx.commit()?;
        self.thing(&id)
    }

    /// Renames, changes the goal of, archives or brings back a tracked thing.
    pub fn update_thing(&mut self, update: ThingUpdate) -> Result<TrackedThing> {
        let current = self.thing(&update.id)?;
        let name = match update.name {
            Some(name) => crate::text::label("name", "A name", &name)?,
            None => current.name,
        };
        let goal = match update.goal {
            Some(goal) => goal.validated()?,
            None => current.goal,
        };
        self.check_thing_name_free(&name, Some(&update.id))?;
        let archived = update.archived.unwrap_or(current.archived);
        let (goal_column, amount, unit) = goal_params(&goal);
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE tracked_things SET name = ?2, goal = ?3, planned_amount = ?4, \
             planned_unit = ?5, archived = ?6, updated_at = ?7 WHERE id = ?1",
            params![
                update.id,
                name,
                goal_column,
                amount,
                unit,
                archived,
                self.clock.now().timestamp_millis()
            ],
        )?;
        tx.commit()?;
        self.thing(&update.id)
    }

    /// One tracked thing by id.
    pub fn thing(&self, id: &str) -> Result<TrackedThing> {
        self.conn
            .prepare_cached(&format!("SELECT {THING_COLUMNS} FROM tracked_things WHERE id = ?1"))?
            .query_row([id], thing_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound { what: "tracked thing", id: id.to_owned() })
    }

    /// Every tracked thing in the person's order, archived ones last.
    pub fn things(&self) -> Result<Vec<TrackedThing>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {THING_COLUMNS} FROM tracked_things ORDER BY archived, position"
            ))?
            .query_map([], thing_from_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The thing a new craving is about when the person didn't say: with one thing tracked,
    /// that one; with several, the one used last if it is still tracked, else none.
    ///
    /// Runs on every log, so it costs two indexed lookups, never a scan of history: the last
    /// thing used is remembered in `settings` by [`Store::log_urge`].
    pub fn default_thing_id(&self) -> Result<Option<String>> {
        let active: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT id FROM tracked_things WHERE archived = 0 ORDER BY position LIMIT 2",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if active.len() < 2 {
            return Ok(active.into_iter().next());
        }
        Ok(self
            .conn
            .prepare_cached(
                "SELECT t.id FROM settings s JOIN tracked_things t ON t.id = s.value \
                 WHERE s.key = 'last_thing_id' AND t.archived = 0",
            )?
            .query_row([], |r| r.get(0))
            .optional()?)
    }

    /// Refuses a thing a new craving can't be logged against (unknown or archived).
    pub(crate) fn check_thing_for_logging(&self, id: &str) -> Result<()> {
        let thing = self.thing(id)?;
        if thing.archived {
            return Err(Invalid::new(
                "trackedId",
                format!(
                    "\u{201c}{}\u{201d} is archived; bring it back in Settings to log it.",
                    thing.name
                ),
            )
            .into());
        }
        Ok(())
    }

    fn check_thing_name_free(&self, name: &str, except: Option<&str>) -> Result<()> {
        let taken: bool = self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM tracked_things WHERE name = ?1 COLLATE NOCASE \
                 AND id IS NOT ?2)",
            )?
            .query_row(params![name, except], |r| r.get(0))?;
        if taken {
            return Err(Invalid::new(
                "name",
                format!("You already track \u{201c}{name}\u{201d}; pick another name."),
            )
            .into());
        }
        Ok(())
    }
}
