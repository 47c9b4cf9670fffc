//! One-tap chips that describe a craving: trigger, feeling, place, company (care.md §3).
//! Built-ins come from care.md; people add, rename, reorder and hide their own.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Invalid, Result, Store};

/// Which question a chip answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ChipKind {
    /// What set it off ("after work", "someone offered").
    Trigger,
    /// How the person felt ("stressed", "bored").
    Feeling,
    /// Where they were ("home", "commute").
    Place,
    /// Who they were with ("alone", "with others who use").
    Company,
}

impl ChipKind {
    fn column(self) -> &'static str {
        match self {
            ChipKind::Trigger => "trigger",
            ChipKind::Feeling => "feeling",
            ChipKind::Place => "place",
            ChipKind::Company => "company",
        }
    }

    fn from_column(text: &str) -> Self {
        match text {
            "trigger" => ChipKind::Trigger,
            "feeling" => ChipKind::Feeling,
            "place" => ChipKind::Place,
            _ => ChipKind::Company,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            ChipKind::Trigger => "trigger",
            ChipKind::Feeling => "feeling",
            ChipKind::Place => "place",
            ChipKind::Company => "company option",
        }
    }
}

/// A chip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Chip {
    /// Stable id (`builtin-…` for built-ins, a UUIDv7 for the person's own).
    pub id: String,
    /// Which question it answers.
    pub kind: ChipKind,
    /// The words shown, 1–60 characters.
    pub label: String,
    /// Order within its kind, from 0.
    pub position: u32,
    /// Hidden from logging; past cravings keep it.
    pub hidden: bool,
    /// Came with Ebb.
    pub builtin: bool,
}

/// A change to a chip; absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct ChipUpdate {
    /// The chip's id.
    pub id: String,
    /// A new label.
    #[serde(default)]
    #[ts(optional)]
    pub label: Option<String>,
    /// Hide (true) or show (false).
    #[serde(default)]
    #[ts(optional)]
    pub hidden: Option<bool>,
    /// A new place in its kind's order, from 0 (clamped to the end).
    #[serde(default)]
    #[ts(optional)]
    pub position: Option<u32>,
}

const CHIP_COLUMNS: &str = "id, kind, label, position, hidden, builtin";

fn chip_from_row(row: &Row<'_>) -> rusqlite::Result<Chip> {
    Ok(Chip {
        id: row.get(0)?,
        kind: ChipKind::from_column(&row.get::<_, String>(1)?),
        label: row.get(2)?,
        position: row.get(3)?,
        hidden: row.get(4)?,
        builtin: row.get(5)?,
    })
}

impl Store {
    /// Every chip, grouped by kind, in the person's order (hidden ones included, flagged).
    pub fn chips(&self) -> Result<Vec<Chip>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {CHIP_COLUMNS} FROM chips ORDER BY \
                 CASE kind WHEN 'trigger' THEN 0 WHEN 'feeling' THEN 1 WHEN 'place' THEN 2 ELSE 3 END, \
                 position, label"
            ))?
            .query_map([], chip_from_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// One chip by id.
    pub fn chip(&self, id: &str) -> Result<Chip> {
        self.conn
            .prepare_cached(&format!("SELECT {CHIP_COLUMNS} FROM chips WHERE id = ?1"))?
            .query_row([id], chip_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound { what: "chip", id: id.to_owned() })
    }

    /// Adds the person's own chip at the end of its kind.
    pub fn add_chip(&mut self, kind: ChipKind, label: &str) -> Result<Chip> {
        let label = crate::text::label("label", "A label", label)?;
        self.check_label_free(kind, &label, None)?;
        let now = self.clock.now();
        let id = self.ids.next_id(now).to_string();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO chips (id, kind, label, position, created_at, updated_at) VALUES \
             (?1, ?2, ?3, (SELECT coalesce(max(position) + 1, 0) FROM chips WHERE kind = ?2), ?4, ?4)",
            params![id, kind.column(), label, now.timestamp_millis()],
        )?;
        tx.commit()?;
        self.chip(&id)
    }

    /// Renames, hides or shows, or moves a chip.
    pub fn update_chip(&mut self, update: ChipUpdate) -> Result<Chip> {
        let current = self.chip(&update.id)?;
        let label = match update.label {
            Some(label) => crate::text::label("label", "A label", &label)?,
            None => current.label.clone(),
        };
        self.check_label_free(current.kind, &label, Some(&current.id))?;
        let hidden = update.hidden.unwrap_or(current.hidden);
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE chips SET label = ?2, hidden = ?3, updated_at = ?4 WHERE id = ?1",
            params![current.id, label, hidden, now],
        )?;
        if let Some(target) = update.position {
            // Renumber the kind 0..n with this chip at `target`.
            let mut ids: Vec<String> = tx
                .prepare(
                    "SELECT id FROM chips WHERE kind = ?1 AND id != ?2 ORDER BY position, label",
                )?
                .query_map(params![current.kind.column(), current.id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let at = (target as usize).min(ids.len());
            ids.insert(at, current.id.clone());
            let mut renumber = tx.prepare("UPDATE chips SET position = ?2 WHERE id = ?1")?;
            for (position, id) in ids.iter().enumerate() {
                renumber.execute(params![id, position as i64])?;
            }
        }
        tx.commit()?;
        self.chip(&update.id)
    }

    /// Puts a chip on a craving or takes it off, at once (each tap is saved). Returns the
    /// craving's chip ids afterwards.
    pub fn set_urge_chip(&mut self, urge_id: &str, chip_id: &str, on: bool) -> Result<Vec<String>> {
        self.urge(urge_id)?;
        self.chip(chip_id)?;
        let tx = self.conn.transaction()?;
        if on {
            tx.execute(
                "INSERT OR IGNORE INTO urge_chips (urge_id, chip_id) VALUES (?1, ?2)",
                params![urge_id, chip_id],
            )?;
        } else {
            tx.execute(
                "DELETE FROM urge_chips WHERE urge_id = ?1 AND chip_id = ?2",
                params![urge_id, chip_id],
            )?;
        }
        tx.execute(
            "UPDATE urges SET updated_at = ?2 WHERE id = ?1",
            params![urge_id, self.clock.now().timestamp_millis()],
        )?;
        tx.commit()?;
        // The same query History uses, so the order of chips is the same everywhere.
        Ok(self.urge(urge_id)?.chip_ids)
    }

    fn check_label_free(&self, kind: ChipKind, label: &str, except: Option<&str>) -> Result<()> {
        let taken: bool = self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM chips WHERE kind = ?1 AND label = ?2 COLLATE NOCASE \
                 AND id IS NOT ?3)",
            )?
            .query_row(params![kind.column(), label, except], |r| r.get(0))?;
        if taken {
            return Err(Invalid::new(
                "label",
                format!("There is already a {} called \u{201c}{label}\u{201d}.", kind.noun()),
            )
            .into());
        }
        Ok(())
    }
}
