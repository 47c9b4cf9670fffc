//! `ebb-core`: Ebb's domain and its SQLite store.
//!
//! Ebb is an offline craving and coping companion. This crate holds everything that is true of
//! a person's records whatever screen shows them: what a craving (an *urge*) is, which inputs are
//! valid, and how records are kept durably in SQLite. It knows nothing of Tauri, IPC or screens,
//! so it can be driven from the app shell, a test, a benchmark or a future CLI alike.
//!
//! # Shape
//! - [`Store`] owns one SQLite connection. [`Store::open`] is the only way in: it sets every
//!   pragma and applies the migrations (see `store.rs`). Reads take `&self`, writes `&mut self`
//!   and run inside a transaction.
//! - [`Clock`] and [`IdSource`] are injected so tests control "now" and the ids.
//! - Every rejected input is an [`Error::Invalid`] carrying a human message and changes nothing.
//!
//! # Changing it
//! - A new table or column: append a migration file under `src/migrations/` and list it in
//!   `store::MIGRATIONS`. Never edit a shipped migration; the schema test compares an upgraded
//!   v1 fixture with a fresh database.
//! - A new kind of record: a module beside `urge.rs` (`things.rs`, `chips.rs`, `outcome.rs`,
//!   `settings.rs`), with its validation next to its type.
#![deny(missing_docs)]

pub mod backup;
pub mod card;
mod catalog;
mod chips;
mod cipher;
mod clock;
mod error;
mod files;
mod filter;
#[cfg(feature = "generator")]
mod generate;
mod goals;
mod helps;
mod ids;
mod insights;
mod journal;
pub mod keys;
mod library;
mod outcome;
mod plans;
mod render;
mod safety;
mod sessions;
mod settings;
mod store;
pub mod summary;
mod support;
mod text;
mod things;
pub mod transfer;
mod urge;

pub use backup::{BackupInfo, BackupReason, Recovered};
pub use card::{CardFormat, CardSection, CardTheme, CopingCard};
pub use catalog::{
    BreathingPattern, MAX_PHASE_SECONDS, MIN_CYCLE_SECONDS, Step, Technique, TechniqueKind,
    builtin_technique, builtin_techniques, catalog_version,
};
pub use chips::{Chip, ChipKind, ChipUpdate};
pub use cipher::{encrypting_path, open_keyed_connection};
pub use clock::{Clock, ManualClock, OffsetClock, SystemClock};
pub use error::{Error, Invalid, Result, duration_words};
pub use filter::{MAX_SEARCH_CHARS, UrgeFilter};
#[cfg(feature = "generator")]
pub use generate::{GenerateOptions, GenerateReport, TRUE_EFFECTS};
pub use goals::{GoalDay, GoalReview, REVIEW_DAYS};
pub use helps::{
    CONTEXT_MIN_RATED, ContextBest, ContextResult, EARLY_DAYS_USES, EXPLORATION, HALF_LIFE_DAYS,
    SUGGESTIONS, SuggestRequest, Suggestion, SuggestionResponse, TechniqueEffect, WhatHelps,
    rerate_window_minutes,
};
pub use ids::{IdSource, RandomIds, SeededIds};
pub use insights::{
    ChipStat, Counters, HourCell, Insights, InsightsRange, InsightsRequest, OutcomeWeek, PlanDays,
    ThingOutcomes, WeekPoint,
};
pub use journal::{
    EXCERPT_CHARS, JOURNAL_PROMPTS, JOURNALING_TECHNIQUE_ID, JournalCursor, JournalEdit,
    JournalEntry, JournalFilter, JournalForUrges, JournalKind, JournalPage, JournalQuery,
    LinkedUrge, MAX_ENTRY_CHARS, MAX_JOURNAL_PAGE, MAX_PROMPT_CHARS, MAX_REFLECTION_LINE_CHARS,
    NewJournalEntry, NewReflection, REFLECTION_EVERY_DAYS, ReflectionAnswers, ReflectionStatus,
    UsedThisWeek, WeekWent, journal_prompts,
};
pub use keys::{DataKey, KeyProtection, Keystore, LockStatus, PasscodeKind, RecoveryCode, Vault};
pub use library::{
    CUSTOM_PREFIX, DEFAULT_TECHNIQUE_ID, Library, MAX_CUSTOM_PATTERNS, PatternEdit, PatternInput,
    TechniqueVisibility, counted_techniques,
};
pub use outcome::{
    DEFAULT_RERATE_MINUTES, MAX_AMOUNT, Outcome, OutcomeInput, RERATE_WINDOW, Rerate, UseAction,
};
pub use plans::{
    Followed, MAX_PLAN_CHIPS, MAX_PLANS, Plan, PlanConditions, PlanEdit, PlanFollowedInput,
    PlanInput, PlanMove, PlanPause, PlanStats, PlanUse, PlanUseRequest, TimeBand, plan_matches,
};
pub use safety::{
    CrisisNumber, CrisisNumberEdit, CrisisNumberVisibility, CrisisNumbers, LockedHelp,
    MAX_OWN_NUMBERS, MAX_SAFETY_STEP_CHARS, NewCrisisNumber, OTHER_REGION, Region, RegionNumbers,
    SAFETY_PLAN_STEPS, SafetyPlanStep, SafetyPlanUpdate, crisis_data_version, locked_help, regions,
};
pub use sessions::{
    CheckIn, MAX_SESSION_SECONDS, NewCheckIn, NewSession, SessionEnd, TechniqueSession,
};
pub use settings::{
    DEFAULT_LOCK_AFTER_MINUTES, LOCK_AFTER_CHOICES, RERATE_MINUTES_RANGE, Settings, SettingsUpdate,
    Theme,
};
pub use store::{SCHEMA_VERSION, Store};
pub use summary::{
    JournalChoice, Paper, PreviewPage, SummaryPeriod, SummaryRequest, SummarySection,
};
pub use support::{
    ContactLinks, MAX_MESSAGE_CHARS, MAX_MESSAGES_PER_PERSON, MAX_PERSON_NOTE_CHARS,
    MAX_SUPPORT_PEOPLE, NewSupportMessage, NewSupportPerson, PHONE_DIGITS, SupportMessage,
    SupportMessageEdit, SupportPerson, SupportPersonEdit, contact_links, dial_string,
    validate_phone,
};
pub use text::{MAX_LABEL_CHARS, quoted};
pub use things::{Goal, MAX_PLANNED_AMOUNT, NewThing, ThingUpdate, TrackedThing};
pub use urge::{
    Intensity, LATE_AFTER, MAX_FUTURE_SKEW, MAX_NOTE_CHARS, MAX_PAGE_SIZE, NewUrge, Urge,
    UrgeCursor, UrgeEdit, UrgePage, UsedTechnique,
};
