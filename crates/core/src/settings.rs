//! The person's settings, kept in the store beside their records.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::outcome::DEFAULT_RERATE_MINUTES;
use crate::{Invalid, Result, Store};

/// The shortest and longest re-rate intervals, in minutes.
pub const RERATE_MINUTES_RANGE: std::ops::RangeInclusive<u32> = 1..=240;

/// Everything the person can set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Settings {
    /// Minutes after a log to ask "How strong is it now?" (default 10).
    pub rerate_minutes: u32,
    /// Whether the first-run question ("What would you like to track?") was answered or skipped.
    pub setup_done: bool,
    /// Opt-in: a notification with neutral text when a check-in comes due while Ebb is in the
    /// background (off by default).
    pub reminders: bool,
    /// The breathing exercise one tap on "Breathe with me" starts.
    pub default_technique_id: String,
    /// A soft tone per breathing phase (off by default: people may be in company).
    pub tones: bool,
    /// A vibration per phase where the device has one (on by default; phones only).
    pub haptics: bool,
    /// No scaling in the breathing player, whatever the system says (the system's
    /// reduced-motion setting is always respected too).
    pub reduce_motion: bool,
    /// Light, dark, or as the system is.
    pub theme: Theme,
    /// The journal shows a rotating prompt above the editor (on by default).
    pub journal_prompts: bool,
    /// Opt-in: a gentle weekly reflection, offered once 7 days have passed (off by default).
    pub weekly_reflection: bool,
    /// The region whose crisis numbers Help now shows (`US`, `UK`, `CA` or `other`); `None`
    /// until the person chooses (the UI proposes one from the system language and asks once).
    pub region: Option<String>,
    /// With a passcode set: minutes in the background before Ebb locks (0 = at once, 1, 5 or
    /// 15; default 1).
    pub lock_after_minutes: u32,
    /// Cover Ebb's screen with a plain one whenever it loses focus or goes to the background
    /// (off by default; turned on when a passcode is first set).
    pub cover_when_away: bool,
}

/// The choices for [`Settings::lock_after_minutes`].
pub const LOCK_AFTER_CHOICES: [u32; 4] = [0, 1, 5, 15];
/// The default for [`Settings::lock_after_minutes`].
pub const DEFAULT_LOCK_AFTER_MINUTES: u32 = 1;

/// The colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    /// Follow the system.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// A change to the settings; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename_all = "camelCase")]
pub struct SettingsUpdate {
    /// 1–240 minutes.
    #[serde(default)]
    #[ts(optional)]
    pub rerate_minutes: Option<u32>,
    /// The first-run question was answered or skipped.
    #[serde(default)]
    #[ts(optional)]
    pub setup_done: Option<bool>,
    /// Check-in reminders on or off.
    #[serde(default)]
    #[ts(optional)]
    pub reminders: Option<bool>,
    /// A breathing technique's id.
    #[serde(default)]
    #[ts(optional)]
    pub default_technique_id: Option<String>,
    /// Tones on or off.
    #[serde(default)]
    #[ts(optional)]
    pub tones: Option<bool>,
    /// Vibration on or off.
    #[serde(default)]
    #[ts(optional)]
    pub haptics: Option<bool>,
    /// In-app reduced motion on or off.
    #[serde(default)]
    #[ts(optional)]
    pub reduce_motion: Option<bool>,
    /// The colour scheme.
    #[serde(default)]
    #[ts(optional)]
    pub theme: Option<Theme>,
    /// Journal prompts on or off.
    #[serde(default)]
    #[ts(optional)]
    pub journal_prompts: Option<bool>,
    /// The weekly reflection on or off.
    #[serde(default)]
    #[ts(optional)]
    pub weekly_reflection: Option<bool>,
    /// The region for Help now's numbers: a built-in code or `other`.
    #[serde(default)]
    #[ts(optional)]
    pub region: Option<String>,
    /// Minutes in the background before Ebb locks: 0, 1, 5 or 15.
    #[serde(default)]
    #[ts(optional)]
    pub lock_after_minutes: Option<u32>,
    /// The plain cover when Ebb loses focus, on or off.
    #[serde(default)]
    #[ts(optional)]
    pub cover_when_away: Option<bool>,
}

impl Store {
    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// The current settings, with defaults for anything never set.
    pub fn settings(&self) -> Result<Settings> {
        Ok(Settings {
            rerate_minutes: self
                .setting("rerate_minutes")?
                .and_then(|v| v.parse().ok())
                .filter(|v| RERATE_MINUTES_RANGE.contains(v))
                .unwrap_or(DEFAULT_RERATE_MINUTES),
            setup_done: self.setting("setup_done")?.is_some_and(|v| v == "true"),
            reminders: self.flag("reminders", false)?,
            default_technique_id: self.default_technique_id()?,
            tones: self.flag("tones", false)?,
            haptics: self.flag("haptics", true)?,
            reduce_motion: self.flag("reduce_motion", false)?,
            theme: self.setting("theme")?.map_or(Theme::System, |v| Theme::parse(&v)),
            journal_prompts: self.flag("journal_prompts", true)?,
            weekly_reflection: self.flag("weekly_reflection", false)?,
            region: self.region()?,
            lock_after_minutes: self
                .setting("lock_after_minutes")?
                .and_then(|v| v.parse().ok())
                .filter(|v| LOCK_AFTER_CHOICES.contains(v))
                .unwrap_or(DEFAULT_LOCK_AFTER_MINUTES),
            cover_when_away: self.flag("cover_when_away", false)?,
        })
    }

    fn flag(&self, key: &str, default: bool) -> Result<bool> {
        Ok(self.setting(key)?.map_or(default, |v| v == "true"))
    }

    /// Changes settings; a refused value changes nothing.
    pub fn update_settings(&mut self, update: SettingsUpdate) -> Result<Settings> {
        if let Some(minutes) = update.rerate_minutes
            && !RERATE_MINUTES_RANGE.contains(&minutes)
        {
            return Err(Invalid::new(
                "rerateMinutes",
                format!("The check-in time is 1 to 240 minutes after a craving; got {minutes}."),
            )
            .into());
        }
        if let Some(id) = &update.default_technique_id {
            self.check_default_technique(id)?;
        }
        if let Some(region) = &update.region {
            crate::safety::validate_region(region)?;
        }
        if let Some(minutes) = update.lock_after_minutes
            && !LOCK_AFTER_CHOICES.contains(&minutes)
        {
            return Err(Invalid::new(
                "lockAfterMinutes",
                format!(
                    "Ebb can lock at once, or after 1, 5 or 15 minutes away; {minutes} minutes \
                     isn't one of them."
                ),
            )
            .into());
        }
        let tx = self.conn.transaction()?;
        {
            let mut put = tx.prepare_cached(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = ?2",
            )?;
            if let Some(minutes) = update.rerate_minutes {
                put.execute(params!["rerate_minutes", minutes.to_string()])?;
            }
            if let Some(done) = update.setup_done {
                put.execute(params!["setup_done", done.to_string()])?;
            }
            if let Some(on) = update.reminders {
                put.execute(params!["reminders", on.to_string()])?;
            }
            if let Some(id) = &update.default_technique_id {
                put.execute(params!["default_technique_id", id])?;
            }
            for (key, value) in [
                ("tones", update.tones),
                ("haptics", update.haptics),
                ("reduce_motion", update.reduce_motion),
                ("journal_prompts", update.journal_prompts),
                ("weekly_reflection", update.weekly_reflection),
                ("cover_when_away", update.cover_when_away),
            ] {
                if let Some(on) = value {
                    put.execute(params![key, on.to_string()])?;
                }
            }
            if let Some(theme) = update.theme {
                put.execute(params!["theme", theme.as_str()])?;
            }
            if let Some(region) = &update.region {
                put.execute(params!["region", region])?;
            }
            if let Some(minutes) = update.lock_after_minutes {
                put.execute(params!["lock_after_minutes", minutes.to_string()])?;
            }
        }
        tx.commit()?;
        self.settings()
    }
}
