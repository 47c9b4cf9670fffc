// Generated from the Rust types by `make bindings` (src-tauri/src/bindings.rs).
// Do not edit by hand: a test fails when this file and the Rust types differ.

export type IpcError = { 
/**
 * `invalid_input`, `not_found`, `data_too_new`, `data_unreadable`, `storage`,
 * `store_unavailable` or `internal`.
 */
code: string, 
/**
 * A sentence for the person.
 */
message: string, };

export type AppStatus = { 
/**
 * The database file.
 */
dataPath: string, 
/**
 * Why it could not be opened, if it could not.
 */
problem: IpcError | null, };

export type NewUrge = { 
/**
 * 0–10.
 */
intensity: number, 
/**
 * The person's own words, if any.
 */
note?: string, 
/**
 * When it happened, if not now (backdating).
 */
occurredAt?: string, 
/**
 * Which tracked thing it is about; absent means the one used last (or the only one).
 */
trackedId?: string, };

export type UsedTechnique = { 
/**
 * The technique's catalog id.
 */
techniqueId: string, 
/**
 * Its name (a deleted custom pattern keeps its name here).
 */
name: string, 
/**
 * How strong the craving was right after, if the person said.
 */
intensityAfter: number | null, 
/**
 * Ran to its end.
 */
completed: boolean, };

export type Urge = { 
/**
 * UUIDv7.
 */
id: string, 
/**
 * When it happened (UTC).
 */
occurredAt: string, 
/**
 * The person's local offset from UTC when it happened, in minutes east.
 */
utcOffsetMinutes: number, 
/**
 * 0–10.
 */
intensity: number, 
/**
 * The person's own words, if any.
 */
note: string | null, 
/**
 * When it was logged.
 */
createdAt: string, 
/**
 * When it was last changed.
 */
updatedAt: string, 
/**
 * Which tracked thing it is about, if any.
 */
trackedId: string | null, 
/**
 * Logged more than an hour after it happened.
 */
loggedLate: boolean, 
/**
 * The chips on it (ids), in kind and chip order.
 */
chipIds: Array<string>, 
/**
 * What came of it, once recorded.
 */
outcome: Outcome | null, 
/**
 * The techniques used for it, oldest first.
 */
techniques: Array<UsedTechnique>, };

export type UrgeCursor = { 
/**
 * The last craving's time.
 */
occurredAt: string, 
/**
 * The last craving's id (breaks ties between cravings at the same instant).
 */
id: string, };

export type UrgePage = { 
/**
 * The cravings on this page, newest first.
 */
urges: Array<Urge>, 
/**
 * Where the next page starts; `None` on the last page.
 */
next: UrgeCursor | null, };

export type ListUrgesRequest = { 
/**
 * Where the previous page ended; absent for the first page.
 */
after?: UrgeCursor, 
/**
 * How many cravings, 1–200.
 */
limit: number, };

export type IdRequest = { 
/**
 * The record's id.
 */
id: string, };

export type SetUrgeNoteRequest = { 
/**
 * The craving's id.
 */
id: string, 
/**
 * The note; absent, null or blank clears it.
 */
note?: string, };

export type UrgeEdit = { 
/**
 * The craving's id.
 */
id: string, 
/**
 * 0–10.
 */
intensity: number, 
/**
 * When it happened.
 */
occurredAt: string, 
/**
 * The note; absent or blank clears it.
 */
note?: string, 
/**
 * Which tracked thing it is about; absent means none.
 */
trackedId?: string, };

export type SetUrgeChipRequest = { 
/**
 * The craving's id.
 */
urgeId: string, 
/**
 * The chip's id.
 */
chipId: string, 
/**
 * On or off.
 */
on: boolean, };

export type Goal = { "kind": "stop" } | { "kind": "cutDown", 
/**
 * How much, in `unit`, a day.
 */
plannedAmount: number, 
/**
 * The person's own unit ("drinks", "cigarettes", "€").
 */
unit: string, } | { "kind": "safer" };

export type TrackedThing = { 
/**
 * UUIDv7.
 */
id: string, 
/**
 * In the person's own words.
 */
name: string, 
/**
 * What they aim for.
 */
goal: Goal, 
/**
 * Hidden from logging; its history stays.
 */
archived: boolean, 
/**
 * When it was added.
 */
createdAt: string, 
/**
 * When it was last changed.
 */
updatedAt: string, };

export type NewThing = { 
/**
 * In the person's own words, 1–60 characters.
 */
name: string, 
/**
 * What they aim for.
 */
goal: Goal, };

export type ThingUpdate = { 
/**
 * The thing's id.
 */
id: string, 
/**
 * A new name (history keeps pointing at the same thing).
 */
name?: string, 
/**
 * A new goal.
 */
goal?: Goal, 
/**
 * Archive (true) or bring back (false).
 */
archived?: boolean, };

export type ChipKind = "trigger" | "feeling" | "place" | "company";

export type Chip = { 
/**
 * Stable id (`builtin-…` for built-ins, a UUIDv7 for the person's own).
 */
id: string, 
/**
 * Which question it answers.
 */
kind: ChipKind, 
/**
 * The words shown, 1–60 characters.
 */
label: string, 
/**
 * Order within its kind, from 0.
 */
position: number, 
/**
 * Hidden from logging; past cravings keep it.
 */
hidden: boolean, 
/**
 * Came with Ebb.
 */
builtin: boolean, };

export type AddChipRequest = { 
/**
 * Which question it answers.
 */
kind: ChipKind, 
/**
 * Its words.
 */
label: string, };

export type ChipUpdate = { 
/**
 * The chip's id.
 */
id: string, 
/**
 * A new label.
 */
label?: string, 
/**
 * Hide (true) or show (false).
 */
hidden?: boolean, 
/**
 * A new place in its kind's order, from 0 (clamped to the end).
 */
position?: number, };

export type UseAction = "didntUse" | "usedLess" | "usedAsPlanned" | "usedMore" | "used";

export type Outcome = { 
/**
 * How strong the craving was at the re-rate, 0–10.
 */
intensityAfter: number | null, 
/**
 * What the person did.
 */
action: UseAction | null, 
/**
 * How much, in the tracked thing's unit.
 */
amount: number | null, 
/**
 * The person's own words.
 */
note: string | null, 
/**
 * When it was first recorded.
 */
recordedAt: string, 
/**
 * When it was last changed.
 */
updatedAt: string, };

export type OutcomeInput = { 
/**
 * The craving's id.
 */
urgeId: string, 
/**
 * How strong it is now, 0–10.
 */
intensityAfter?: number, 
/**
 * What the person did.
 */
action?: UseAction, 
/**
 * How much, in their unit.
 */
amount?: number, 
/**
 * Their own words.
 */
note?: string, };

export type Rerate = { 
/**
 * The craving.
 */
urgeId: string, 
/**
 * Its intensity when logged.
 */
intensity: number, 
/**
 * When the re-rate is (or was) due.
 */
dueAt: string, 
/**
 * Whether it is due now.
 */
due: boolean, };

export type DismissRerateRequest = { 
/**
 * The craving's id.
 */
urgeId: string, };

export type Settings = { 
/**
 * Minutes after a log to ask "How strong is it now?" (default 10).
 */
rerateMinutes: number, 
/**
 * Whether the first-run question ("What would you like to track?") was answered or skipped.
 */
setupDone: boolean, 
/**
 * Opt-in: a notification with neutral text when a check-in comes due while Ebb is in the
 * background (off by default).
 */
reminders: boolean, 
/**
 * The breathing exercise one tap on "Breathe with me" starts.
 */
defaultTechniqueId: string, 
/**
 * A soft tone per breathing phase (off by default: people may be in company).
 */
tones: boolean, 
/**
 * A vibration per phase where the device has one (on by default; phones only).
 */
haptics: boolean, 
/**
 * No scaling in the breathing player, whatever the system says (the system's
 * reduced-motion setting is always respected too).
 */
reduceMotion: boolean, 
/**
 * Light, dark, or as the system is.
 */
theme: Theme, };

export type SettingsUpdate = { 
/**
 * 1–240 minutes.
 */
rerateMinutes?: number, 
/**
 * The first-run question was answered or skipped.
 */
setupDone?: boolean, 
/**
 * Check-in reminders on or off.
 */
reminders?: boolean, 
/**
 * A breathing technique's id.
 */
defaultTechniqueId?: string, 
/**
 * Tones on or off.
 */
tones?: boolean, 
/**
 * Vibration on or off.
 */
haptics?: boolean, 
/**
 * In-app reduced motion on or off.
 */
reduceMotion?: boolean, 
/**
 * The colour scheme.
 */
theme?: Theme, };

export type TechniqueKind = "breathing" | "urgeSurfing" | "steps" | "waiting";

export type BreathingPattern = { 
/**
 * Breathing in.
 */
inhale: number, 
/**
 * A short second breath in on top (cyclic sighing); 0 for none.
 */
topUp: number, 
/**
 * Holding after breathing in; 0 for none.
 */
holdIn: number, 
/**
 * Breathing out.
 */
exhale: number, 
/**
 * Holding after breathing out; 0 for none.
 */
holdOut: number, };

export type Step = { 
/**
 * A few words.
 */
title: string, 
/**
 * What to do, in a sentence or two.
 */
text: string, };

export type Technique = { 
/**
 * Stable id (`breathing.box`, `steps.rain`, `waiting` …): records refer to it.
 */
id: string, 
/**
 * What kind it is.
 */
kind: TechniqueKind, 
/**
 * Its name.
 */
name: string, 
/**
 * One line: why it helps, in plain words.
 */
why: string, 
/**
 * For breathing: the pattern.
 */
pattern: BreathingPattern | null, 
/**
 * Session lengths offered, in seconds.
 */
durations: Array<number>, 
/**
 * The length used with one tap, in seconds.
 */
defaultDuration: number | null, 
/**
 * Steps, for step-by-step practices and urge surfing.
 */
steps: Array<Step>, 
/**
 * Safety notes shown with it.
 */
safety: Array<string>, 
/**
 * Where its parameters come from.
 */
source: string, 
/**
 * One of the person's own patterns (never set by the catalog file).
 */
custom: boolean, };

export type NewSession = { 
/**
 * The technique's catalog id.
 */
techniqueId: string, 
/**
 * The craving it is for, if any.
 */
urgeId?: string, 
/**
 * How long it is meant to last, 1–7200 seconds.
 */
plannedSeconds: number, };

export type SessionEnd = { 
/**
 * The session's id.
 */
id: string, 
/**
 * Ran to its end (true) or was stopped early (false).
 */
completed: boolean, 
/**
 * How strong the craving is now, 0–10.
 */
intensityAfter?: number, 
/**
 * "Did this help?"
 */
helped?: boolean, 
/**
 * Seconds actually practised, pauses not counted (0–7200).
 */
actualSeconds?: number, 
/**
 * The planned length after the person extended it (urge surfing's "5 more minutes"):
 * never shorter than planned at the start, at most 7200.
 */
plannedSeconds?: number, };

export type CheckIn = { 
/**
 * UUIDv7.
 */
id: string, 
/**
 * When it was answered.
 */
at: string, 
/**
 * Had the urge passed?
 */
passed: boolean, 
/**
 * How strong it was, if said.
 */
intensity: number | null, };

export type TechniqueSession = { 
/**
 * UUIDv7.
 */
id: string, 
/**
 * The technique's catalog id.
 */
techniqueId: string, 
/**
 * The craving it was for, if any.
 */
urgeId: string | null, 
/**
 * When it started.
 */
startedAt: string, 
/**
 * When it ended; `None` while running (or if the app closed mid-session).
 */
endedAt: string | null, 
/**
 * How long it was meant to last, in seconds.
 */
plannedSeconds: number, 
/**
 * Ran to its end.
 */
completed: boolean, 
/**
 * The craving's intensity when the session started, if linked.
 */
intensityBefore: number | null, 
/**
 * How strong it was after.
 */
intensityAfter: number | null, 
/**
 * "Did this help?"
 */
helped: boolean | null, 
/**
 * Seconds actually practised, if known.
 */
actualSeconds: number | null, 
/**
 * Urge-surfing check-ins, oldest first.
 */
checkIns: Array<CheckIn>, };

export type NewCheckIn = { 
/**
 * The running session's id.
 */
sessionId: string, 
/**
 * Has the urge passed?
 */
passed: boolean, 
/**
 * How strong it is now, 0–10, if the person said.
 */
intensity?: number, };

export type Library = { 
/**
 * Built-ins in catalog order, then custom patterns oldest first; hidden ones included
 * (so they can be shown again) and listed in `hidden`.
 */
techniques: Array<Technique>, 
/**
 * Ids the person hid.
 */
hidden: Array<string>, 
/**
 * The breathing exercise one tap starts.
 */
defaultTechniqueId: string, };

export type PatternInput = { 
/**
 * The person's name for it ("My 3-5"), 1–60 characters, unique among their patterns.
 */
name: string, 
/**
 * Seconds breathing in, 1–20 in half-second steps.
 */
inhale: number, 
/**
 * Seconds holding after breathing in, 0–20.
 */
holdIn: number, 
/**
 * Seconds breathing out, 1–20.
 */
exhale: number, 
/**
 * Seconds holding after breathing out, 0–20.
 */
holdOut: number, };

export type PatternEdit = { 
/**
 * The pattern's id (`custom.…`).
 */
id: string, 
/**
 * Its new name and numbers.
 */
pattern: PatternInput, };

export type TechniqueVisibility = { 
/**
 * Any technique id.
 */
techniqueId: string, 
/**
 * Hide it (true) or show it again (false).
 */
hidden: boolean, };

export type Theme = "system" | "light" | "dark";
