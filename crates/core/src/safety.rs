//! Help now (care.md §6): emergency and crisis numbers per region as embedded data with a "last
//! checked" date, the person's own changes to them and their own numbers, and the personal
//! safety plan (Stanley–Brown's six steps). Everything works with no network.

use std::sync::LazyLock;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::support::{ContactLinks, contact_links, validate_phone};
use crate::{Error, Invalid, Result, Store, text};

/// The region setting's value when none of the built-in regions fits: only the person's own
/// numbers are shown.
pub const OTHER_REGION: &str = "other";
/// The longest text of one safety-plan step, in characters.
pub const MAX_SAFETY_STEP_CHARS: usize = 4_000;
/// The most numbers a person adds of their own.
pub const MAX_OWN_NUMBERS: usize = 20;

/// Stanley–Brown's six steps, in order (care.md §6).
pub const SAFETY_PLAN_STEPS: [&str; 6] = [
    "Warning signs",
    "Things I can do on my own",
    "People and places that distract me",
    "People I can ask for help",
    "Professionals and crisis lines",
    "Making my surroundings safer",
];

/// One built-in number, as stored in `safety/crisis_numbers.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BuiltinNumber {
    id: String,
    label: String,
    number: String,
    /// The line takes text messages too.
    text: bool,
    last_checked: String,
    source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RegionData {
    code: String,
    name: String,
    emergency: String,
    numbers: Vec<BuiltinNumber>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct CrisisData {
    version: u32,
    regions: Vec<RegionData>,
}

const CRISIS_JSON: &str = include_str!("safety/crisis_numbers.json");

static CRISIS: LazyLock<CrisisData> = LazyLock::new(|| {
    // Embedded at build time and checked by the tests: it cannot fail in a tested build.
    serde_json::from_str(CRISIS_JSON).expect("the embedded crisis numbers are valid JSON")
});

fn builtin(id: &str) -> Option<(&'static RegionData, &'static BuiltinNumber)> {
    CRISIS.regions.iter().find_map(|r| r.numbers.iter().find(|n| n.id == id).map(|n| (r, n)))
}

/// A region with built-in numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Region {
    /// `US`, `UK`, `CA`.
    pub code: String,
    /// "United Kingdom".
    pub name: String,
    /// The emergency number there ("999").
    pub emergency: String,
}

/// The built-in regions, in the data's order.
pub fn regions() -> Vec<Region> {
    CRISIS
        .regions
        .iter()
        .map(|r| Region {
            code: r.code.clone(),
            name: r.name.clone(),
            emergency: r.emergency.clone(),
        })
        .collect()
}

/// One region's built-in numbers, as Help now shows them while Ebb is locked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RegionNumbers {
    /// The region.
    pub region: Region,
    /// Its built-in numbers, unchanged by the person (their changes are their data).
    pub numbers: Vec<CrisisNumber>,
}

/// What Help now shows while Ebb is locked: every region's built-in numbers, and nothing of
/// the person's (their own numbers, people and safety plan are in the locked store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct LockedHelp {
    /// Every region Ebb has numbers for, in the data's order.
    pub regions: Vec<RegionNumbers>,
}

/// Every region's built-in numbers, with no store: for Help now on the lock screen.
pub fn locked_help() -> LockedHelp {
    LockedHelp {
        regions: CRISIS
            .regions
            .iter()
            .map(|r| RegionNumbers {
                region: Region {
                    code: r.code.clone(),
                    name: r.name.clone(),
                    emergency: r.emergency.clone(),
                },
                numbers: r.numbers.iter().map(builtin_number).collect(),
            })
            .collect(),
    }
}

fn builtin_number(n: &BuiltinNumber) -> CrisisNumber {
    CrisisNumber {
        id: n.id.clone(),
        label: n.label.clone(),
        links: contact_links(&n.number, None),
        number: n.number.clone(),
        textable: n.text,
        builtin: true,
        edited: false,
        hidden: false,
        last_checked: Some(n.last_checked.clone()),
        source: Some(n.source.clone()),
    }
}

/// The crisis data's version (raised when a number changes).
pub fn crisis_data_version() -> u32 {
    CRISIS.version
}

/// Checks a region setting: a built-in code or "other".
pub(crate) fn validate_region(code: &str) -> Result<(), Invalid> {
    if code == OTHER_REGION || CRISIS.regions.iter().any(|r| r.code == code) {
        return Ok(());
    }
    let codes: Vec<&str> = CRISIS.regions.iter().map(|r| r.code.as_str()).collect();
    Err(Invalid::new(
        "region",
        format!(
            "Ebb has numbers for {} so far; pick one of them, or \u{201c}other\u{201d} to keep \
             only your own numbers. \u{201c}{}\u{201d} isn't one.",
            codes.join(", "),
            text::quoted(code)
        ),
    ))
}

/// One number shown in Help now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CrisisNumber {
    /// `us.988` for a built-in, a UUIDv7 for the person's own.
    pub id: String,
    /// What it is, with the person's change if they made one.
    pub label: String,
    /// The number, with the person's change if they made one.
    pub number: String,
    /// Call and text links.
    pub links: ContactLinks,
    /// The line takes texts (offer "Text" beside "Call").
    pub textable: bool,
    /// From Ebb's data (true) or added by the person (false).
    pub builtin: bool,
    /// A built-in the person changed (their own label or number).
    pub edited: bool,
    /// A built-in the person hid (kept here so it can be shown again).
    pub hidden: bool,
    /// When the built-in number was last checked (`YYYY-MM-DD`); `None` for their own.
    pub last_checked: Option<String>,
    /// Where the built-in number comes from.
    pub source: Option<String>,
}

/// Everything Help now lists under "Emergency and crisis numbers".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CrisisNumbers {
    /// The chosen region (`US`, `UK`, `CA` or `other`); `None` until the person chooses.
    pub region: Option<String>,
    /// The regions Ebb has numbers for.
    pub regions: Vec<Region>,
    /// The region's built-in numbers (hidden ones flagged), then the person's own.
    pub numbers: Vec<CrisisNumber>,
}

/// A number the person adds.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct NewCrisisNumber {
    /// What it is ("My clinic"), 1–60 characters.
    pub label: String,
    /// Validated like a support person's phone.
    pub number: String,
}

/// A new label and number for a built-in (kept as the person's override) or one of their own.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct CrisisNumberEdit {
    /// The number's id.
    pub id: String,
    /// 1–60 characters.
    pub label: String,
    /// Validated like a phone.
    pub number: String,
}

/// Hide a built-in number from Help now, or show it again.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct CrisisNumberVisibility {
    /// A built-in number's id.
    pub id: String,
    /// Hide (true) or show again (false).
    pub hidden: bool,
}

/// One step of the safety plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SafetyPlanStep {
    /// 1–6.
    pub step: u8,
    /// Its heading ("Warning signs").
    pub title: String,
    /// What the person wrote; empty if nothing yet.
    pub text: String,
}

/// New text for one step; blank clears it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SafetyPlanUpdate {
    /// 1–6.
    pub step: u8,
    /// Up to 4,000 characters.
    pub text: String,
}

fn builtin_field(id: &str) -> Invalid {
    Invalid::new(
        "id",
        format!(
            "Ebb's own numbers can be changed or hidden, not deleted; \u{201c}{}\u{201d} is one \
             of them.",
            text::quoted(id)
        ),
    )
}

impl Store {
    /// The chosen region, if the person chose one (an unknown stored value counts as none).
    pub fn region(&self) -> Result<Option<String>> {
        Ok(self.setting("region")?.filter(|r| validate_region(r).is_ok()))
    }

    /// The crisis numbers for the person's region, with their changes, then their own numbers.
    pub fn crisis_numbers(&self) -> Result<CrisisNumbers> {
        let region = self.region()?;
        let mut numbers = Vec::new();
        if let Some(data) =
            region.as_deref().and_then(|c| CRISIS.regions.iter().find(|r| r.code == c))
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT label, number, hidden FROM crisis_overrides WHERE number_id = ?1",
            )?;
            for n in &data.numbers {
                let over: Option<(Option<String>, Option<String>, bool)> = stmt
                    .query_row([&n.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()?;
                let (label, number, hidden) = over.unwrap_or((None, None, false));
                let edited = label.is_some() || number.is_some();
                let number = number.unwrap_or_else(|| n.number.clone());
                numbers.push(CrisisNumber {
                    id: n.id.clone(),
                    label: label.unwrap_or_else(|| n.label.clone()),
                    links: contact_links(&number, None),
                    number,
                    textable: n.text,
                    builtin: true,
                    edited,
                    hidden,
                    last_checked: Some(n.last_checked.clone()),
                    source: Some(n.source.clone()),
                });
            }
        }
        numbers.extend(
            self.conn
                .prepare_cached(
                    "SELECT id, label, number FROM own_crisis_numbers ORDER BY created_at, id",
                )?
                .query_map([], |r| {
                    let number: String = r.get(2)?;
                    Ok(CrisisNumber {
                        id: r.get(0)?,
                        label: r.get(1)?,
                        links: contact_links(&number, None),
                        number,
                        textable: true,
                        builtin: false,
                        edited: false,
                        hidden: false,
                        last_checked: None,
                        source: None,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?,
        );
        Ok(CrisisNumbers { region, regions: regions(), numbers })
    }

    fn own_number_exists(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM own_crisis_numbers WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Adds a number of the person's own.
    pub fn add_crisis_number(&mut self, new: NewCrisisNumber) -> Result<CrisisNumbers> {
        let label = text::label("label", "A label", &new.label)?;
        let number = validate_phone("number", &new.number)?;
        let count: usize = self
            .conn
            .prepare_cached("SELECT count(*) FROM own_crisis_numbers")?
            .query_row([], |r| r.get(0))?;
        if count >= MAX_OWN_NUMBERS {
            return Err(Invalid::new(
                "label",
                format!("You have {MAX_OWN_NUMBERS} numbers of your own, the most Ebb keeps: remove one first."),
            )
            .into());
        }
        let now = self.clock.now();
        let id = self.ids.next_id(now).to_string();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO own_crisis_numbers (id, label, number, created_at) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![id, label, number, now.timestamp_millis()])?;
        tx.commit()?;
        self.crisis_numbers()
    }

    /// The built-in number `id`, if it is one: refused when it belongs to a region other than
    /// the person's (Help now lists only their region's, so a change there is a mistake).
    fn builtin_here(&self, id: &str) -> Result<Option<&'static BuiltinNumber>> {
        let Some((region, number)) = builtin(id) else { return Ok(None) };
        if self.region()?.as_deref() != Some(region.code.as_str()) {
            return Err(Invalid::new(
                "id",
                format!(
                    "That number is one of Ebb's for {}, not for the region chosen in Help now. \
                     Nothing was changed.",
                    region.name
                ),
            )
            .into());
        }
        Ok(Some(number))
    }

    /// Changes a number: a built-in's label and number are kept as the person's override (its
    /// data stays, so "Use Ebb's number" can bring it back); their own is changed in place.
    pub fn edit_crisis_number(&mut self, edit: CrisisNumberEdit) -> Result<CrisisNumbers> {
        let here = self.builtin_here(&edit.id)?;
        if here.is_none() && !self.own_number_exists(&edit.id)? {
            return Err(Error::NotFound { what: "number", id: edit.id });
        }
        let label = text::label("label", "A label", &edit.label)?;
        let number = validate_phone("number", &edit.number)?;
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        if let Some(data) = here {
            // Only what differs from Ebb's data is kept as the person's own.
            let label = (label != data.label).then_some(label);
            let number = (number != data.number).then_some(number);
            tx.prepare_cached(
                "INSERT INTO crisis_overrides (number_id, label, number, hidden, updated_at) \
                 VALUES (?1, ?2, ?3, 0, ?4) ON CONFLICT (number_id) DO UPDATE \
                 SET label = ?2, number = ?3, updated_at = ?4",
            )?
            .execute(params![edit.id, label, number, now])?;
        } else {
            tx.prepare_cached(
                "UPDATE own_crisis_numbers SET label = ?2, number = ?3 WHERE id = ?1",
            )?
            .execute(params![edit.id, label, number])?;
        }
        tx.commit()?;
        self.crisis_numbers()
    }

    /// Brings a built-in number back to Ebb's label and number (and shows it again).
    pub fn reset_crisis_number(&mut self, id: &str) -> Result<CrisisNumbers> {
        if self.builtin_here(id)?.is_none() {
            return Err(Invalid::new(
                "id",
                format!(
                    "Only Ebb's own numbers can be reset; \u{201c}{}\u{201d} isn't one of them.",
                    text::quoted(id)
                ),
            )
            .into());
        }
        let tx = self.conn.transaction()?;
        tx.prepare_cached("DELETE FROM crisis_overrides WHERE number_id = ?1")?.execute([id])?;
        tx.commit()?;
        self.crisis_numbers()
    }

    /// Hides a built-in number from Help now, or shows it again.
    pub fn set_crisis_number_hidden(
        &mut self,
        change: CrisisNumberVisibility,
    ) -> Result<CrisisNumbers> {
        if self.builtin_here(&change.id)?.is_none() {
            return Err(Invalid::new(
                "id",
                format!(
                    "Only Ebb's own numbers can be hidden (yours can be deleted); \
                     \u{201c}{}\u{201d} isn't one of Ebb's.",
                    text::quoted(&change.id)
                ),
            )
            .into());
        }
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO crisis_overrides (number_id, hidden, updated_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT (number_id) DO UPDATE SET hidden = ?2, updated_at = ?3",
        )?
        .execute(params![change.id, change.hidden, now])?;
        tx.commit()?;
        self.crisis_numbers()
    }

    /// Deletes one of the person's own numbers.
    pub fn delete_crisis_number(&mut self, id: &str) -> Result<CrisisNumbers> {
        if builtin(id).is_some() {
            return Err(builtin_field(id).into());
        }
        if !self.own_number_exists(id)? {
            return Err(Error::NotFound { what: "number", id: id.to_owned() });
        }
        let tx = self.conn.transaction()?;
        tx.prepare_cached("DELETE FROM own_crisis_numbers WHERE id = ?1")?.execute([id])?;
        tx.commit()?;
        self.crisis_numbers()
    }

    /// The six steps of the safety plan, each with what the person wrote (empty if nothing).
    pub fn safety_plan(&self) -> Result<Vec<SafetyPlanStep>> {
        let mut stmt = self.conn.prepare_cached("SELECT body FROM safety_plan WHERE step = ?1")?;
        let mut steps = Vec::with_capacity(SAFETY_PLAN_STEPS.len());
        for (i, title) in SAFETY_PLAN_STEPS.iter().enumerate() {
            let step = i as u8 + 1;
            let text: Option<String> = stmt.query_row([step], |r| r.get(0)).optional()?;
            steps.push(SafetyPlanStep {
                step,
                title: (*title).to_owned(),
                text: text.unwrap_or_default(),
            });
        }
        Ok(steps)
    }

    /// Saves one step of the safety plan; blank text clears it.
    pub fn set_safety_plan_step(
        &mut self,
        update: SafetyPlanUpdate,
    ) -> Result<Vec<SafetyPlanStep>> {
        if !(1..=6).contains(&update.step) {
            return Err(Invalid::new(
                "step",
                format!("A safety plan has six steps, 1 to 6; got {}.", update.step),
            )
            .into());
        }
        let cleaned = text::clean(&update.text);
        let body = if text::written(&cleaned) { cleaned.as_str() } else { "" };
        let chars = body.chars().count();
        if chars > MAX_SAFETY_STEP_CHARS {
            return Err(Invalid::new(
                "text",
                format!(
                    "Each step of the plan can be up to {} characters; this one has {}. \
                     Nothing was saved.",
                    text::group_thousands(MAX_SAFETY_STEP_CHARS),
                    text::group_thousands(chars)
                ),
            )
            .into());
        }
        let now = self.clock.now().timestamp_millis();
        let tx = self.conn.transaction()?;
        if body.is_empty() {
            tx.prepare_cached("DELETE FROM safety_plan WHERE step = ?1")?.execute([update.step])?;
        } else {
            tx.prepare_cached(
                "INSERT INTO safety_plan (step, body, updated_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (step) DO UPDATE SET body = ?2, updated_at = ?3",
            )?
            .execute(params![update.step, body, now])?;
        }
        tx.commit()?;
        self.safety_plan()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_number_is_valid_and_dated() {
        assert!(crisis_data_version() >= 1);
        for region in &CRISIS.regions {
            assert!(!region.numbers.is_empty(), "{}", region.code);
            assert!(region.numbers.iter().any(|n| n.number == region.emergency), "{}", region.code);
            for n in &region.numbers {
                validate_phone("number", &n.number).unwrap_or_else(|e| panic!("{}: {e}", n.id));
                assert!(n.id.starts_with(&region.code.to_lowercase()), "{}", n.id);
                assert!(chrono::NaiveDate::parse_from_str(&n.last_checked, "%Y-%m-%d").is_ok());
                assert!(n.source.contains("care.md"), "{}: cites care.md", n.id);
            }
        }
    }
}
