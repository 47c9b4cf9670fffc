//! TypeScript declarations for every type that crosses IPC, generated from the Rust types.
//!
//! The output is committed as `ui/src/lib/ipc/bindings.ts`. `make bindings` rewrites it; the
//! test below fails when the committed file differs from what the types generate.

use ts_rs::{Config, TS};

use crate::ipc::{
    AddChipRequest, AppStatus, CountMatchingRequest, DismissRerateRequest, IdRequest, IpcError,
    ListUrgesRequest, SetUrgeChipRequest, SetUrgeNoteRequest,
};
use ebb_core::{
    BreathingPattern, CheckIn, Chip, ChipKind, ChipStat, ChipUpdate, ContextBest, ContextResult,
    Counters, Goal, HourCell, Insights, InsightsRange, InsightsRequest, Library, NewCheckIn,
    NewSession, NewThing, NewUrge, Outcome, OutcomeInput, OutcomeWeek, PatternEdit, PatternInput,
    PlanDays, Rerate, SessionEnd, Settings, SettingsUpdate, Step, SuggestRequest, Suggestion,
    SuggestionResponse, Technique, TechniqueEffect, TechniqueKind, TechniqueSession,
    TechniqueVisibility, Theme, ThingOutcomes, ThingUpdate, TrackedThing, Urge, UrgeCursor,
    UrgeEdit, UrgeFilter, UrgePage, UseAction, UsedTechnique, WeekPoint, WhatHelps,
};
use ebb_core::{
    Followed, GoalDay, GoalReview, JournalCursor, JournalEdit, JournalEntry, JournalFilter,
    JournalForUrges, JournalKind, JournalPage, JournalQuery, LinkedUrge, NewJournalEntry,
    NewReflection, Plan, PlanEdit, PlanFollowedInput, PlanInput, PlanMove, PlanPause, PlanStats,
    PlanUse, PlanUseRequest, ReflectionAnswers, ReflectionStatus, TimeBand, UsedThisWeek, WeekWent,
};

/// Where the generated file lives, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/ipc/bindings.ts";

fn declare<T: TS>(cfg: &Config) -> String {
    format!("export {}\n", T::decl(cfg))
}

/// The whole generated file.
pub fn typescript() -> String {
    // Counts are u64 in Rust but arrive as JSON numbers, not bigints.
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by `make bindings` (src-tauri/src/bindings.rs).\n\
         // Do not edit by hand: a test fails when this file and the Rust types differ.\n\n",
    );
    for decl in [
        declare::<IpcError>(&cfg),
        declare::<AppStatus>(&cfg),
        declare::<NewUrge>(&cfg),
        declare::<UsedTechnique>(&cfg),
        declare::<Urge>(&cfg),
        declare::<UrgeCursor>(&cfg),
        declare::<UrgePage>(&cfg),
        declare::<ListUrgesRequest>(&cfg),
        declare::<IdRequest>(&cfg),
        declare::<SetUrgeNoteRequest>(&cfg),
        declare::<UrgeEdit>(&cfg),
        declare::<SetUrgeChipRequest>(&cfg),
        declare::<Goal>(&cfg),
        declare::<TrackedThing>(&cfg),
        declare::<NewThing>(&cfg),
        declare::<ThingUpdate>(&cfg),
        declare::<ChipKind>(&cfg),
        declare::<Chip>(&cfg),
        declare::<AddChipRequest>(&cfg),
        declare::<ChipUpdate>(&cfg),
        declare::<UseAction>(&cfg),
        declare::<Outcome>(&cfg),
        declare::<OutcomeInput>(&cfg),
        declare::<Rerate>(&cfg),
        declare::<DismissRerateRequest>(&cfg),
        declare::<Settings>(&cfg),
        declare::<SettingsUpdate>(&cfg),
        declare::<TechniqueKind>(&cfg),
        declare::<BreathingPattern>(&cfg),
        declare::<Step>(&cfg),
        declare::<Technique>(&cfg),
        declare::<NewSession>(&cfg),
        declare::<SessionEnd>(&cfg),
        declare::<CheckIn>(&cfg),
        declare::<TechniqueSession>(&cfg),
        declare::<NewCheckIn>(&cfg),
        declare::<Library>(&cfg),
        declare::<PatternInput>(&cfg),
        declare::<PatternEdit>(&cfg),
        declare::<TechniqueVisibility>(&cfg),
        declare::<Theme>(&cfg),
        declare::<UrgeFilter>(&cfg),
        declare::<CountMatchingRequest>(&cfg),
        declare::<TechniqueEffect>(&cfg),
        declare::<ContextBest>(&cfg),
        declare::<ContextResult>(&cfg),
        declare::<WhatHelps>(&cfg),
        declare::<Suggestion>(&cfg),
        declare::<SuggestRequest>(&cfg),
        declare::<SuggestionResponse>(&cfg),
        declare::<InsightsRange>(&cfg),
        declare::<InsightsRequest>(&cfg),
        declare::<WeekPoint>(&cfg),
        declare::<HourCell>(&cfg),
        declare::<ChipStat>(&cfg),
        declare::<OutcomeWeek>(&cfg),
        declare::<PlanDays>(&cfg),
        declare::<ThingOutcomes>(&cfg),
        declare::<Counters>(&cfg),
        declare::<Insights>(&cfg),
        declare::<TimeBand>(&cfg),
        declare::<Followed>(&cfg),
        declare::<PlanStats>(&cfg),
        declare::<Plan>(&cfg),
        declare::<PlanInput>(&cfg),
        declare::<PlanEdit>(&cfg),
        declare::<PlanMove>(&cfg),
        declare::<PlanPause>(&cfg),
        declare::<PlanUseRequest>(&cfg),
        declare::<PlanFollowedInput>(&cfg),
        declare::<PlanUse>(&cfg),
        declare::<GoalDay>(&cfg),
        declare::<GoalReview>(&cfg),
        declare::<JournalKind>(&cfg),
        declare::<WeekWent>(&cfg),
        declare::<LinkedUrge>(&cfg),
        declare::<ReflectionAnswers>(&cfg),
        declare::<JournalEntry>(&cfg),
        declare::<NewJournalEntry>(&cfg),
        declare::<JournalEdit>(&cfg),
        declare::<JournalFilter>(&cfg),
        declare::<JournalCursor>(&cfg),
        declare::<JournalQuery>(&cfg),
        declare::<JournalPage>(&cfg),
        declare::<JournalForUrges>(&cfg),
        declare::<NewReflection>(&cfg),
        declare::<UsedThisWeek>(&cfg),
        declare::<ReflectionStatus>(&cfg),
        declare::<ebb_core::ContactLinks>(&cfg),
        declare::<ebb_core::SupportMessage>(&cfg),
        declare::<ebb_core::SupportPerson>(&cfg),
        declare::<ebb_core::NewSupportPerson>(&cfg),
        declare::<ebb_core::SupportPersonEdit>(&cfg),
        declare::<ebb_core::NewSupportMessage>(&cfg),
        declare::<ebb_core::SupportMessageEdit>(&cfg),
        declare::<crate::commands::support::ReorderRequest>(&cfg),
        declare::<ebb_core::Region>(&cfg),
        declare::<ebb_core::CrisisNumber>(&cfg),
        declare::<ebb_core::CrisisNumbers>(&cfg),
        declare::<ebb_core::NewCrisisNumber>(&cfg),
        declare::<ebb_core::CrisisNumberEdit>(&cfg),
        declare::<ebb_core::CrisisNumberVisibility>(&cfg),
        declare::<ebb_core::SafetyPlanStep>(&cfg),
        declare::<ebb_core::SafetyPlanUpdate>(&cfg),
        declare::<ebb_core::KeyProtection>(&cfg),
        declare::<ebb_core::PasscodeKind>(&cfg),
        declare::<ebb_core::LockStatus>(&cfg),
        declare::<crate::ipc::UnlockRequest>(&cfg),
        declare::<crate::ipc::RecoverRequest>(&cfg),
        declare::<crate::ipc::SetPasscodeRequest>(&cfg),
        declare::<crate::ipc::ChangePasscodeRequest>(&cfg),
        declare::<crate::ipc::RemovePasscodeRequest>(&cfg),
        declare::<ebb_core::RecoveryCode>(&cfg),
        declare::<ebb_core::RegionNumbers>(&cfg),
        declare::<ebb_core::LockedHelp>(&cfg),
        declare::<ebb_core::BackupReason>(&cfg),
        declare::<ebb_core::BackupInfo>(&cfg),
        declare::<ebb_core::Recovered>(&cfg),
        declare::<crate::ipc::RestoreRequest>(&cfg),
        declare::<ebb_core::transfer::ExportReport>(&cfg),
        declare::<ebb_core::transfer::ImportCount>(&cfg),
        declare::<ebb_core::transfer::ImportPreview>(&cfg),
        declare::<ebb_core::transfer::ImportReport>(&cfg),
        declare::<crate::ipc::ExportRequest>(&cfg),
        declare::<crate::ipc::CsvExportRequest>(&cfg),
        declare::<ebb_core::SummarySection>(&cfg),
        declare::<ebb_core::Paper>(&cfg),
        declare::<ebb_core::SummaryPeriod>(&cfg),
        declare::<ebb_core::SummaryRequest>(&cfg),
        declare::<ebb_core::JournalChoice>(&cfg),
        declare::<crate::ipc::PreviewImage>(&cfg),
        declare::<crate::ipc::SummaryPreview>(&cfg),
        declare::<crate::ipc::SaveSummaryRequest>(&cfg),
        declare::<crate::ipc::SavedFile>(&cfg),
        declare::<ebb_core::CopingCard>(&cfg),
        declare::<ebb_core::CardSection>(&cfg),
        declare::<ebb_core::CardTheme>(&cfg),
        declare::<ebb_core::CardFormat>(&cfg),
        declare::<crate::ipc::CardPreviewRequest>(&cfg),
        declare::<crate::ipc::SaveCardRequest>(&cfg),
        declare::<crate::ipc::Licence>(&cfg),
        declare::<crate::ipc::About>(&cfg),
        declare::<crate::ipc::ImportPreviewRequest>(&cfg),
        declare::<crate::ipc::ImportMode>(&cfg),
        declare::<crate::ipc::ImportRequest>(&cfg),
    ] {
        out.push_str(&decl);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_bindings_match_the_rust_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
        let fresh = typescript();
        if std::env::var_os("EBB_WRITE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).expect("write bindings");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/ipc/bindings.ts is stale: the UI would compile against types the app no \
             longer sends. Run `make bindings` and commit the result."
        );
    }
}
