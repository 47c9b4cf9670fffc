//! The IPC contract as a property: whatever JSON arrives as a command's `request`, decoding
//! it gives either a request or an `invalid_input` refusal with a short sentence for a person:
//! never serde's words, never the input repeated back, never an array read as a struct.
//!
//! `make test` runs a few thousand cases; `make fuzz` sets `EBB_FUZZ_CASES` to a million.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::decode::decode;

/// What a decode attempt came to, for the property.
enum Outcome {
    Accepted,
    Refused { code: String, message: String },
}

fn check<T: DeserializeOwned>(value: Value) -> Outcome {
    match decode::<T>(Some(value)) {
        Ok(_) => Outcome::Accepted,
        Err(e) => Outcome::Refused { code: e.code, message: e.message },
    }
}

type Decoder = fn(Value) -> Outcome;

/// Every request type a command decodes (`let request: T = decode(request)?`).
const REQUESTS: &[(&str, Decoder)] = &[
    ("AddChipRequest", |v| check::<crate::ipc::AddChipRequest>(v)),
    ("CardPreviewRequest", |v| check::<crate::ipc::CardPreviewRequest>(v)),
    ("ChangePasscodeRequest", |v| check::<crate::ipc::ChangePasscodeRequest>(v)),
    ("ChipUpdate", |v| check::<ebb_core::ChipUpdate>(v)),
    ("CountMatchingRequest", |v| check::<crate::ipc::CountMatchingRequest>(v)),
    ("CrisisNumberEdit", |v| check::<ebb_core::CrisisNumberEdit>(v)),
    ("CrisisNumberVisibility", |v| check::<ebb_core::CrisisNumberVisibility>(v)),
    ("CsvExportRequest", |v| check::<crate::ipc::CsvExportRequest>(v)),
    ("DismissRerateRequest", |v| check::<crate::ipc::DismissRerateRequest>(v)),
    ("ExportRequest", |v| check::<crate::ipc::ExportRequest>(v)),
    ("IdRequest", |v| check::<crate::ipc::IdRequest>(v)),
    ("ImportPreviewRequest", |v| check::<crate::ipc::ImportPreviewRequest>(v)),
    ("ImportRequest", |v| check::<crate::ipc::ImportRequest>(v)),
    ("InsightsRequest", |v| check::<ebb_core::InsightsRequest>(v)),
    ("JournalEdit", |v| check::<ebb_core::JournalEdit>(v)),
    ("JournalForUrges", |v| check::<ebb_core::JournalForUrges>(v)),
    ("JournalQuery", |v| check::<ebb_core::JournalQuery>(v)),
    ("ListUrgesRequest", |v| check::<crate::ipc::ListUrgesRequest>(v)),
    ("NewCheckIn", |v| check::<ebb_core::NewCheckIn>(v)),
    ("NewCrisisNumber", |v| check::<ebb_core::NewCrisisNumber>(v)),
    ("NewJournalEntry", |v| check::<ebb_core::NewJournalEntry>(v)),
    ("NewReflection", |v| check::<ebb_core::NewReflection>(v)),
    ("NewSession", |v| check::<ebb_core::NewSession>(v)),
    ("NewSupportMessage", |v| check::<ebb_core::NewSupportMessage>(v)),
    ("NewSupportPerson", |v| check::<ebb_core::NewSupportPerson>(v)),
    ("NewThing", |v| check::<ebb_core::NewThing>(v)),
    ("NewUrge", |v| check::<ebb_core::NewUrge>(v)),
    ("OutcomeInput", |v| check::<ebb_core::OutcomeInput>(v)),
    ("PatternEdit", |v| check::<ebb_core::PatternEdit>(v)),
    ("PatternInput", |v| check::<ebb_core::PatternInput>(v)),
    ("PlanEdit", |v| check::<ebb_core::PlanEdit>(v)),
    ("PlanFollowedInput", |v| check::<ebb_core::PlanFollowedInput>(v)),
    ("PlanInput", |v| check::<ebb_core::PlanInput>(v)),
    ("PlanMove", |v| check::<ebb_core::PlanMove>(v)),
    ("PlanPause", |v| check::<ebb_core::PlanPause>(v)),
    ("PlanUseRequest", |v| check::<ebb_core::PlanUseRequest>(v)),
    ("RecoverRequest", |v| check::<crate::ipc::RecoverRequest>(v)),
    ("RemovePasscodeRequest", |v| check::<crate::ipc::RemovePasscodeRequest>(v)),
    ("ReorderRequest", |v| check::<crate::commands::support::ReorderRequest>(v)),
    ("RestoreRequest", |v| check::<crate::ipc::RestoreRequest>(v)),
    ("SafetyPlanUpdate", |v| check::<ebb_core::SafetyPlanUpdate>(v)),
    ("SaveCardRequest", |v| check::<crate::ipc::SaveCardRequest>(v)),
    ("SaveSummaryRequest", |v| check::<crate::ipc::SaveSummaryRequest>(v)),
    ("SessionEnd", |v| check::<ebb_core::SessionEnd>(v)),
    ("SetPasscodeRequest", |v| check::<crate::ipc::SetPasscodeRequest>(v)),
    ("SetUrgeChipRequest", |v| check::<crate::ipc::SetUrgeChipRequest>(v)),
    ("SetUrgeNoteRequest", |v| check::<crate::ipc::SetUrgeNoteRequest>(v)),
    ("SettingsUpdate", |v| check::<ebb_core::SettingsUpdate>(v)),
    ("SuggestRequest", |v| check::<ebb_core::SuggestRequest>(v)),
    ("SuggestionResponse", |v| check::<ebb_core::SuggestionResponse>(v)),
    ("SummaryPeriod", |v| check::<ebb_core::SummaryPeriod>(v)),
    ("SupportMessageEdit", |v| check::<ebb_core::SupportMessageEdit>(v)),
    ("SupportPersonEdit", |v| check::<ebb_core::SupportPersonEdit>(v)),
    ("TechniqueVisibility", |v| check::<ebb_core::TechniqueVisibility>(v)),
    ("ThingUpdate", |v| check::<ebb_core::ThingUpdate>(v)),
    ("UnlockRequest", |v| check::<crate::ipc::UnlockRequest>(v)),
    ("UrgeEdit", |v| check::<ebb_core::UrgeEdit>(v)),
];

/// Field names the requests use, so generated objects reach past the first check.
const KEYS: &[&str] = &[
    "intensity",
    "intensityAfter",
    "intensityBefore",
    "note",
    "id",
    "urgeId",
    "techniqueId",
    "chipId",
    "chipIds",
    "limit",
    "after",
    "filter",
    "from",
    "to",
    "kind",
    "goal",
    "plannedAmount",
    "unit",
    "name",
    "label",
    "number",
    "phone",
    "text",
    "body",
    "passcode",
    "newPasscode",
    "completed",
    "actualSeconds",
    "plannedSeconds",
    "action",
    "amount",
    "region",
    "theme",
    "sections",
    "paper",
    "hidden",
    "on",
    "step",
    "ifText",
    "thenText",
    "trackedId",
    "occurredAt",
    "loggedAt",
    "sessionId",
    "prompt",
    "line",
    "lines",
    "title",
    "heading",
    "format",
    "path",
    "ids",
    "offered",
    "chosen",
    "followed",
    "paused",
    "direction",
    "journalIds",
    "talkAbout",
    "inhale",
    "exhale",
    "holdIn",
    "holdOut",
    "helped",
    "cursor",
    "query",
    "recoveryCode",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0i64..=12).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter_map("JSON numbers are finite", |f| Number::from_f64(f).map(Value::Number)),
        any::<String>().prop_map(Value::String),
        prop::sample::select(vec![
            String::new(),
            "\0\0\0".to_owned(),
            "\u{200B}\u{FEFF}".to_owned(),
            "\u{202E}\u{0301}".to_owned(),
            "x".repeat(100_000),
            "24-01-01".to_owned(),
            "2024-01-01".to_owned(),
            "2026-11-29T10:00:00Z".to_owned(),
            "us.988".to_owned(),
            "breathing.box".to_owned(),
            "stop".to_owned(),
            "cutDown".to_owned(),
            "didntUse".to_owned(),
            "dark".to_owned(),
            "a4".to_owned(),
            "UK".to_owned(),
        ])
        .prop_map(Value::String),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            3 => prop::sample::select(KEYS).prop_map(str::to_owned),
            1 => any::<String>(),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..7)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// serde's and Rust's words that must never reach a person.
const NOT_FOR_PEOPLE: &[&str] = &[
    "invalid type",
    "invalid value",
    "expected",
    "unknown field",
    "missing field",
    "serde",
    "`",
    "struct ",
    "u8",
    "u32",
    "f64",
];

/// The message without what it quotes of the input (between “ and ”), which may be anything.
fn own_words(message: &str) -> String {
    let mut out = String::new();
    let mut quoting = false;
    for c in message.chars() {
        match c {
            '\u{201c}' => quoting = true,
            '\u{201d}' => quoting = false,
            c if !quoting => out.push(c),
            _ => {}
        }
    }
    out
}

fn cases() -> u32 {
    std::env::var("EBB_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(3_000)
}

#[test]
fn every_request_decodes_or_is_refused_in_words() {
    let mut runner =
        TestRunner::new(Config { cases: cases(), failure_persistence: None, ..Config::default() });
    let strategy = (0..REQUESTS.len(), json());
    runner
        .run(&strategy, |(which, value)| {
            let (name, decoder) = REQUESTS[which];
            let was_array = value.is_array();
            match decoder(value) {
                Outcome::Accepted => {
                    prop_assert!(!was_array, "{name}: an array is never read as a request");
                }
                Outcome::Refused { code, message } => {
                    prop_assert_eq!(
                        &code,
                        "invalid_input",
                        "{}: a malformed request is invalid input",
                        name
                    );
                    prop_assert!(
                        message.chars().count() <= 240,
                        "{name}: short, not the input back: {} chars",
                        message.len()
                    );
                    prop_assert!(
                        message.ends_with("Nothing was changed."),
                        "{name}: says nothing changed: {message}"
                    );
                    let own = own_words(&message);
                    for words in NOT_FOR_PEOPLE {
                        prop_assert!(
                            !own.contains(words),
                            "{name}: {words:?} is not for people: {message}"
                        );
                    }
                }
            }
            Ok(())
        })
        .unwrap_or_else(|failure| panic!("the IPC contract broke: {failure}"));
}

#[test]
fn arrays_are_never_requests_for_any_command() {
    // serde reads a sequence as a struct's fields in order: `log_urge [5, "x"]` would log.
    for (name, decoder) in REQUESTS {
        for value in
            [serde_json::json!([]), serde_json::json!([5, "x", null]), serde_json::json!(["id"])]
        {
            assert!(
                matches!(decoder(value), Outcome::Refused { .. }),
                "{name}: an array in place of the request is refused"
            );
        }
    }
}
