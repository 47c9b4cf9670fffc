// Generated from the Rust types by `make bindings` (src-tauri/src/bindings.rs).
// Do not edit by hand: a test fails when this file and the Rust types differ.

export type IpcError = { 
/**
 * `invalid_input`, `not_found`, `data_too_new`, `data_unreadable`, `storage`,
 * `store_unavailable`, `internal`, or from the lock: `locked`, `wrong_passcode`,
 * `wrong_recovery_code`, `try_later`, `no_passcode`, `key_missing`, `keys_unreadable`,
 * `wrong_key`; `damaged` (the store's file is damaged), `busy`.
 */
code: string, 
/**
 * A sentence for the person.
 */
message: string, 
/**
 * For `invalid_input`: the request field at fault (`to`, `talkAbout` …), so the UI can
 * show the message beside it.
 */
field?: string, };

export type AppStatus = { 
/**
 * The database file.
 */
dataPath: string, 
/**
 * Why it could not be opened, if it could not.
 */
problem: IpcError | null, 
/**
 * A passcode is set and Ebb is locked: only the unlock pad and Help now are shown.
 */
locked: boolean, };

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
limit: number, 
/**
 * Only the cravings that match (History's filters).
 */
filter?: UrgeFilter, };

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
theme: Theme, 
/**
 * The journal shows a rotating prompt above the editor (on by default).
 */
journalPrompts: boolean, 
/**
 * Opt-in: a gentle weekly reflection, offered once 7 days have passed (off by default).
 */
weeklyReflection: boolean, 
/**
 * The region whose crisis numbers Help now shows (`US`, `UK`, `CA` or `other`); `None`
 * until the person chooses (the UI proposes one from the system language and asks once).
 */
region: string | null, 
/**
 * With a passcode set: minutes in the background before Ebb locks (0 = at once, 1, 5 or
 * 15; default 1).
 */
lockAfterMinutes: number, 
/**
 * Cover Ebb's screen with a plain one whenever it loses focus or goes to the background
 * (off by default; turned on when a passcode is first set).
 */
coverWhenAway: boolean, };

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
theme?: Theme, 
/**
 * Journal prompts on or off.
 */
journalPrompts?: boolean, 
/**
 * The weekly reflection on or off.
 */
weeklyReflection?: boolean, 
/**
 * The region for Help now's numbers: a built-in code or `other`.
 */
region?: string, 
/**
 * Minutes in the background before Ebb locks: 0, 1, 5 or 15.
 */
lockAfterMinutes?: number, 
/**
 * The plain cover when Ebb loses focus, on or off.
 */
coverWhenAway?: boolean, };

export type TechniqueKind = "breathing" | "urgeSurfing" | "steps" | "waiting" | "journaling" | "reachingOut";

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
 * The evidence-based prior for "what helps": the expected change of the re-rated craving
 * against just waiting, in points (negative = lower). `None` for the person's own patterns
 * (their own average is used).
 */
prior: number | null, 
/**
 * One line of evidence in plain words, for suggesting it before there is personal data.
 */
evidence: string | null, 
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

export type UrgeFilter = { 
/**
 * About this tracked thing.
 */
trackedId?: string, 
/**
 * On or after this local date.
 */
from?: string, 
/**
 * On or before this local date.
 */
to?: string, 
/**
 * With every one of these chips (a trigger, a feeling, a place, company).
 */
chipIds?: Array<string>, 
/**
 * Where this technique was used; `waiting` means nothing but waiting.
 */
techniqueId?: string, 
/**
 * With this outcome.
 */
action?: UseAction, 
/**
 * At least this strong.
 */
minIntensity?: number, 
/**
 * At most this strong.
 */
maxIntensity?: number, 
/**
 * Words in the craving's note or the note on how it went (case-insensitive).
 */
text?: string, };

export type CountMatchingRequest = { 
/**
 * History's filters.
 */
filter: UrgeFilter, };

export type TechniqueEffect = { 
/**
 * The technique's id.
 */
techniqueId: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Re-rated cravings it was used for.
 */
uses: number, 
/**
 * How much lower the craving was at re-rate than waiting would predict, in points
 * (positive = lower); 0 for the baseline itself.
 */
benefit: number, 
/**
 * The 90% interval of `benefit`.
 */
low: number, 
/**
 * The 90% interval of `benefit`.
 */
high: number, 
/**
 * Share of those cravings where the person didn't use or used less than planned.
 */
winShare: number | null, 
/**
 * How many of those cravings had what-they-did recorded.
 */
winOf: number, 
/**
 * "based on 3 uses — early days".
 */
confidence: string, 
/**
 * "Just waited": the baseline everything is compared with.
 */
baseline: boolean, };

export type ContextBest = { 
/**
 * The technique's id.
 */
techniqueId: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Points lower than waiting in this situation: its overall effect plus what this
 * situation adds, shrunk toward the overall effect.
 */
benefit: number, 
/**
 * The 90% interval of `benefit`.
 */
low: number, 
/**
 * The 90% interval of `benefit`.
 */
high: number, 
/**
 * Uses in this situation.
 */
uses: number, 
/**
 * Something other than the list's leader did credibly better here (its benefit minus the
 * leader's, in this situation, has a 90% interval above 0). When false, this is the
 * leader: the situation doesn't differ.
 */
differs: boolean, };

export type ContextResult = { 
/**
 * "After work", "In the evening", "Strong cravings (8–10)".
 */
label: string, 
/**
 * Re-rated cravings in this situation.
 */
rated: number, 
/**
 * What helped most here, if anything was used often enough.
 */
best: ContextBest | null, };

export type WhatHelps = { 
/**
 * Every technique used at least once, and "just waited", best first.
 */
techniques: Array<TechniqueEffect>, 
/**
 * Re-rated cravings the estimates rest on.
 */
rated: number, 
/**
 * Situations with enough data, most data first.
 */
contexts: Array<ContextResult>, 
/**
 * What to say when there isn't enough for situations yet.
 */
contextsNote: string | null, };

export type Suggestion = { 
/**
 * The technique's id.
 */
techniqueId: string, 
/**
 * Its name.
 */
name: string, 
/**
 * One line: why this, now.
 */
reason: string, };

export type SuggestRequest = { 
/**
 * The craving, if there is one.
 */
urgeId?: string, };

export type SuggestionResponse = { 
/**
 * The craving they were shown for, if any.
 */
urgeId?: string, 
/**
 * The techniques offered, in order (1–5).
 */
offered: Array<string>, 
/**
 * The one chosen, or none for "not now".
 */
chosen?: string, };

export type InsightsRange = "fourWeeks" | "threeMonths" | "year" | "all";

export type InsightsRequest = { 
/**
 * How far back.
 */
range: InsightsRange, };

export type WeekPoint = { 
/**
 * The Monday the week starts on (local), `YYYY-MM-DD`.
 */
weekStart: string, 
/**
 * Cravings logged that week.
 */
cravings: number, 
/**
 * Their median intensity, if any.
 */
medianIntensity: number | null, };

export type HourCell = { 
/**
 * 0 = Monday … 6 = Sunday.
 */
weekday: number, 
/**
 * 0–23, local.
 */
hour: number, 
/**
 * Cravings then.
 */
cravings: number, };

export type ChipStat = { 
/**
 * The chip.
 */
chipId: string, 
/**
 * Its label.
 */
label: string, 
/**
 * Trigger or feeling.
 */
kind: ChipKind, 
/**
 * Cravings with it.
 */
cravings: number, 
/**
 * Their mean intensity.
 */
meanIntensity: number, };

export type OutcomeWeek = { 
/**
 * The Monday the week starts on.
 */
weekStart: string, 
/**
 * Cravings with what-they-did recorded.
 */
recorded: number, 
/**
 * Of which: didn't use (ridden out).
 */
riddenOut: number, 
/**
 * Of which: used less than planned.
 */
usedLess: number, };

export type PlanDays = { 
/**
 * Days with something recorded that stayed within the plan.
 */
within: number, 
/**
 * Days with something recorded.
 */
recorded: number, 
/**
 * The window, in days (14).
 */
of: number, 
/**
 * The plan, a day.
 */
planned: number, 
/**
 * In the person's unit.
 */
unit: string, 
/**
 * The mean recorded amount on days with amounts, if any.
 */
actualMean: number | null, };

export type ThingOutcomes = { 
/**
 * The thing.
 */
trackedId: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Its goal.
 */
goal: Goal, 
/**
 * Week by week.
 */
weeks: Array<OutcomeWeek>, 
/**
 * For "cut down": the last 14 days.
 */
plan: PlanDays | null, };

export type Counters = { 
/**
 * Cravings logged.
 */
cravings: number, 
/**
 * Cravings ridden out (didn't use).
 */
riddenOut: number, 
/**
 * Times used less than planned.
 */
usedLess: number, 
/**
 * Minutes of practice (breathing, surfing, steps).
 */
practiceMinutes: number, };

export type Insights = { 
/**
 * The range asked for.
 */
range: InsightsRange, 
/**
 * Cravings and median intensity per week, oldest first (every week of the range).
 */
weeks: Array<WeekPoint>, 
/**
 * 7 × 24 cells: when cravings come.
 */
hours: Array<HourCell>, 
/**
 * Triggers by how often, then how strong.
 */
triggers: Array<ChipStat>, 
/**
 * Feelings by how often, then how strong.
 */
feelings: Array<ChipStat>, 
/**
 * Per tracked thing (not archived).
 */
outcomes: Array<ThingOutcomes>, 
/**
 * All time, never reset.
 */
counters: Counters, };

export type TimeBand = "morning" | "afternoon" | "evening" | "night";

export type Followed = "yes" | "partly" | "no";

export type PlanStats = { 
/**
 * Cravings it was shown for.
 */
shown: number, 
/**
 * Of which the person acted on it (started its technique or chose "I'll do this").
 */
acted: number, 
/**
 * Of which they said they followed it (yes or partly).
 */
followed: number, 
/**
 * Of which they answered "did you follow your plan?".
 */
answered: number, 
/**
 * Of the cravings it was shown for: those with what-they-did recorded.
 */
withOutcome: number, 
/**
 * Of those: didn't use, or used less than planned.
 */
wentWell: number, 
/**
 * The mean drop in intensity (before − after) over those re-rated, if any.
 */
meanDrop: number | null, };

export type Plan = { 
/**
 * UUIDv7.
 */
id: string, 
/**
 * "If …", in the person's words.
 */
ifText: string, 
/**
 * "then I will …", in the person's words.
 */
thenText: string, 
/**
 * A technique to start from the plan.
 */
techniqueId: string | null, 
/**
 * A support person to reach (an id from the support people list).
 */
personId: string | null, 
/**
 * The chips it is tied to, in kind and chip order.
 */
chipIds: Array<string>, 
/**
 * The time of day it is for, if any.
 */
timeBand: TimeBand | null, 
/**
 * Its place in the person's order, from 0.
 */
position: number, 
/**
 * Paused: kept, but not shown on Now.
 */
paused: boolean, 
/**
 * When it was made.
 */
createdAt: string, 
/**
 * When it was last changed.
 */
updatedAt: string, 
/**
 * How it has been used.
 */
stats: PlanStats, };

export type PlanInput = { 
/**
 * "If …", 1–60 characters.
 */
ifText: string, 
/**
 * "then I will …", 1–60 characters.
 */
thenText: string, 
/**
 * A technique to start from the plan (catalog id or a custom pattern's id).
 */
techniqueId?: string, 
/**
 * A support person's id.
 */
personId?: string, 
/**
 * The chips it is tied to (ids, any kinds).
 */
chipIds: Array<string>, 
/**
 * The time of day it is for.
 */
timeBand?: TimeBand, };

export type PlanEdit = { 
/**
 * The plan's id.
 */
id: string, 
/**
 * "If …", 1–60 characters.
 */
ifText: string, 
/**
 * "then I will …", 1–60 characters.
 */
thenText: string, 
/**
 * A technique to start from the plan.
 */
techniqueId?: string, 
/**
 * A support person's id.
 */
personId?: string, 
/**
 * The chips it is tied to.
 */
chipIds: Array<string>, 
/**
 * The time of day it is for.
 */
timeBand?: TimeBand, };

export type PlanMove = { 
/**
 * The plan's id.
 */
id: string, 
/**
 * The new place, from 0 (clamped to the end).
 */
position: number, };

export type PlanPause = { 
/**
 * The plan's id.
 */
id: string, 
/**
 * Pause (true) or resume (false).
 */
paused: boolean, };

export type PlanUseRequest = { 
/**
 * The plan.
 */
planId: string, 
/**
 * The craving.
 */
urgeId: string, };

export type PlanFollowedInput = { 
/**
 * The plan.
 */
planId: string, 
/**
 * The craving it was shown for.
 */
urgeId: string, 
/**
 * The answer; absent clears it.
 */
followed?: Followed, };

export type PlanUse = { 
/**
 * The plan.
 */
planId: string, 
/**
 * The craving.
 */
urgeId: string, 
/**
 * The plan's "if".
 */
ifText: string, 
/**
 * The plan's "then".
 */
thenText: string, 
/**
 * When it was shown.
 */
shownAt: string, 
/**
 * The person acted on it.
 */
acted: boolean, 
/**
 * Whether they followed it, once answered.
 */
followed: Followed | null, };

export type GoalDay = { 
/**
 * The local date, `YYYY-MM-DD`.
 */
date: string, 
/**
 * Cravings logged that day.
 */
cravings: number, 
/**
 * Cravings with what-they-did recorded.
 */
recorded: number, 
/**
 * The amount recorded that day (summed), if any amount was.
 */
amount: number | null, 
/**
 * For "cut down": whether a recorded day stayed within the plan (None: nothing recorded,
 * or another goal).
 */
within: boolean | null, };

export type GoalReview = { 
/**
 * The thing.
 */
trackedId: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Its goal.
 */
goal: Goal, 
/**
 * The 14 local days, oldest first, ending today.
 */
days: Array<GoalDay>, 
/**
 * For "cut down": days within plan (Insights' figure).
 */
plan: PlanDays | null, 
/**
 * Cravings in the window.
 */
cravings: number, 
/**
 * Of which: didn't use (ridden out).
 */
riddenOut: number, 
/**
 * Of which: used less than planned.
 */
usedLess: number, };

export type JournalKind = "free" | "reflection";

export type WeekWent = "harder" | "mixed" | "better";

export type LinkedUrge = { 
/**
 * The craving's id.
 */
id: string, 
/**
 * When it happened.
 */
occurredAt: string, 
/**
 * The person's offset from UTC then, in minutes east.
 */
utcOffsetMinutes: number, 
/**
 * How strong it was, 0–10.
 */
intensity: number, };

export type ReflectionAnswers = { 
/**
 * How the week went.
 */
week: WeekWent, 
/**
 * What helped (a technique id), or `None` for "Not sure".
 */
helpedTechniqueId: string | null, 
/**
 * What to try next week (a technique id), or `None` for "Keep going as I am".
 */
nextTechniqueId: string | null, };

export type JournalEntry = { 
/**
 * UUIDv7.
 */
id: string, 
/**
 * Free writing or the weekly reflection.
 */
kind: JournalKind, 
/**
 * The craving it is about, if any (and if it still exists).
 */
urge: LinkedUrge | null, 
/**
 * The journaling session it finished, if any.
 */
sessionId: string | null, 
/**
 * The prompt it answered, if any.
 */
prompt: string | null, 
/**
 * The words (or, in lists, their beginning).
 */
text: string, 
/**
 * Whether `text` is only the beginning of a longer entry.
 */
excerpt: boolean, 
/**
 * How many characters the whole entry has.
 */
chars: number, 
/**
 * A weekly reflection's answers.
 */
reflection: ReflectionAnswers | null, 
/**
 * When it was written.
 */
createdAt: string, 
/**
 * The person's offset from UTC when it was written, in minutes east.
 */
utcOffsetMinutes: number, 
/**
 * When it was last changed.
 */
updatedAt: string, };

export type NewJournalEntry = { 
/**
 * The person's words: trimmed, 1–50,000 characters.
 */
body: string, 
/**
 * The craving it is about, if any.
 */
urgeId?: string, 
/**
 * The prompt it answers, as shown; blank means none.
 */
prompt?: string, 
/**
 * The running `journaling` session this writing finishes (started when the editor
 * opened for a craving); saving marks it completed.
 */
sessionId?: string, };

export type JournalEdit = { 
/**
 * The entry's id.
 */
id: string, 
/**
 * The new words: trimmed, 1–50,000 characters.
 */
body: string, };

export type JournalFilter = { 
/**
 * Words in the entry (case-insensitive), up to 200 characters.
 */
text?: string, 
/**
 * Only entries about a craving (`true`) or only standalone ones (`false`).
 */
linked?: boolean, 
/**
 * Only this kind.
 */
kind?: JournalKind, 
/**
 * Written on or after this local date.
 */
from?: string, 
/**
 * Written on or before this local date.
 */
to?: string, };

export type JournalCursor = { 
/**
 * The last entry's time.
 */
createdAt: string, 
/**
 * The last entry's id.
 */
id: string, };

export type JournalQuery = { 
/**
 * Search and filters.
 */
filter?: JournalFilter, 
/**
 * Where the previous page ended; absent for the first page.
 */
after?: JournalCursor, 
/**
 * How many entries, 1–100.
 */
limit: number, };

export type JournalPage = { 
/**
 * The entries, newest first.
 */
entries: Array<JournalEntry>, 
/**
 * Where the next page starts; `None` on the last page.
 */
next: JournalCursor | null, };

export type JournalForUrges = { 
/**
 * The cravings' ids, up to 200.
 */
urgeIds: Array<string>, };

export type NewReflection = { 
/**
 * How the week went.
 */
week: WeekWent, 
/**
 * What helped: a technique id; absent means "Not sure".
 */
helpedTechniqueId?: string, 
/**
 * What to try next week: a technique id; absent means "Keep going as I am".
 */
nextTechniqueId?: string, 
/**
 * Anything else, up to 1,000 characters; blank means none.
 */
line?: string, };

export type UsedThisWeek = { 
/**
 * The technique's id.
 */
techniqueId: string, 
/**
 * Its name.
 */
name: string, 
/**
 * How many times in the last 7 days.
 */
uses: number, };

export type ReflectionStatus = { 
/**
 * The person opted in (Settings).
 */
enabled: boolean, 
/**
 * Opted in, and 7 days or more since the last reflection (or none yet).
 */
due: boolean, 
/**
 * When the last reflection was written.
 */
lastAt: string | null, 
/**
 * Techniques used in the last 7 days, most used first.
 */
usedTechniques: Array<UsedThisWeek>, };

export type ContactLinks = { 
/**
 * `tel:+441234567890`: opens the dialler with the number, never dials by itself.
 */
tel: string, 
/**
 * `sms:+441234567890` (with `?body=…` when a message is given).
 */
sms: string, };

export type SupportMessage = { 
/**
 * UUIDv7.
 */
id: string, 
/**
 * The message as the person wrote it.
 */
text: string, 
/**
 * `sms:` link with this message pre-filled.
 */
sms: string, };

export type SupportPerson = { 
/**
 * UUIDv7.
 */
id: string, 
/**
 * Their name, as the person calls them.
 */
name: string, 
/**
 * The number as typed.
 */
phone: string, 
/**
 * An optional note ("calls back fast").
 */
note: string | null, 
/**
 * 0 first, in the person's order.
 */
position: number, 
/**
 * Call and text (without a message) links.
 */
links: ContactLinks, 
/**
 * Ready-made messages, in order.
 */
messages: Array<SupportMessage>, };

export type NewSupportPerson = { 
/**
 * 1–60 characters.
 */
name: string, 
/**
 * Digits, spaces, `-`, `.`, brackets, `+` at the start; 3–20 digits.
 */
phone: string, 
/**
 * Up to 200 characters; blank means none.
 */
note?: string, };

export type SupportPersonEdit = { 
/**
 * The person's id.
 */
id: string, 
/**
 * New name.
 */
name: string, 
/**
 * New number.
 */
phone: string, 
/**
 * New note; blank or absent clears it.
 */
note?: string, };

export type NewSupportMessage = { 
/**
 * The person it is for.
 */
personId: string, 
/**
 * 1–160 characters.
 */
text: string, };

export type SupportMessageEdit = { 
/**
 * The message's id.
 */
id: string, 
/**
 * 1–160 characters.
 */
text: string, };

export type ReorderRequest = { 
/**
 * Ids in the new order.
 */
ids: Array<string>, };

export type Region = { 
/**
 * `US`, `UK`, `CA`.
 */
code: string, 
/**
 * "United Kingdom".
 */
name: string, 
/**
 * The emergency number there ("999").
 */
emergency: string, };

export type CrisisNumber = { 
/**
 * `us.988` for a built-in, a UUIDv7 for the person's own.
 */
id: string, 
/**
 * What it is, with the person's change if they made one.
 */
label: string, 
/**
 * The number, with the person's change if they made one.
 */
number: string, 
/**
 * Call and text links.
 */
links: ContactLinks, 
/**
 * The line takes texts (offer "Text" beside "Call").
 */
textable: boolean, 
/**
 * From Ebb's data (true) or added by the person (false).
 */
builtin: boolean, 
/**
 * A built-in the person changed (their own label or number).
 */
edited: boolean, 
/**
 * A built-in the person hid (kept here so it can be shown again).
 */
hidden: boolean, 
/**
 * When the built-in number was last checked (`YYYY-MM-DD`); `None` for their own.
 */
lastChecked: string | null, 
/**
 * Where the built-in number comes from.
 */
source: string | null, };

export type CrisisNumbers = { 
/**
 * The chosen region (`US`, `UK`, `CA` or `other`); `None` until the person chooses.
 */
region: string | null, 
/**
 * The regions Ebb has numbers for.
 */
regions: Array<Region>, 
/**
 * The region's built-in numbers (hidden ones flagged), then the person's own.
 */
numbers: Array<CrisisNumber>, };

export type NewCrisisNumber = { 
/**
 * What it is ("My clinic"), 1–60 characters.
 */
label: string, 
/**
 * Validated like a support person's phone.
 */
number: string, };

export type CrisisNumberEdit = { 
/**
 * The number's id.
 */
id: string, 
/**
 * 1–60 characters.
 */
label: string, 
/**
 * Validated like a phone.
 */
number: string, };

export type CrisisNumberVisibility = { 
/**
 * A built-in number's id.
 */
id: string, 
/**
 * Hide (true) or show again (false).
 */
hidden: boolean, };

export type SafetyPlanStep = { 
/**
 * 1–6.
 */
step: number, 
/**
 * Its heading ("Warning signs").
 */
title: string, 
/**
 * What the person wrote; empty if nothing yet.
 */
text: string, };

export type SafetyPlanUpdate = { 
/**
 * 1–6.
 */
step: number, 
/**
 * Up to 4,000 characters.
 */
text: string, };

export type KeyProtection = "keystore" | "file" | "passcode";

export type PasscodeKind = "pin" | "passphrase";

export type LockStatus = { 
/**
 * The store is closed: only the unlock pad and Help now are shown.
 */
locked: boolean, 
/**
 * Where the data key is kept.
 */
protection: KeyProtection, 
/**
 * The kind of passcode, when there is one.
 */
passcodeKind: PasscodeKind | null, 
/**
 * The keystore's name, when the key is in one.
 */
keystoreName: string | null, 
/**
 * Wrong tries since the last right one.
 */
wrongTries: number, 
/**
 * Seconds until another try is allowed (0: now).
 */
retryInSeconds: number, };

export type UnlockRequest = { 
/**
 * What the person typed.
 */
passcode: string, };

export type RecoverRequest = { 
/**
 * The code as typed (any case, spaces or dashes).
 */
recoveryCode: string, 
/**
 * The kind of the new passcode.
 */
kind: PasscodeKind, 
/**
 * The new passcode.
 */
passcode: string, };

export type SetPasscodeRequest = { 
/**
 * PIN or passphrase.
 */
kind: PasscodeKind, 
/**
 * The passcode.
 */
passcode: string, };

export type ChangePasscodeRequest = { 
/**
 * The current passcode.
 */
current: string, 
/**
 * The new one's kind.
 */
kind: PasscodeKind, 
/**
 * The new passcode.
 */
passcode: string, };

export type RemovePasscodeRequest = { 
/**
 * The current passcode.
 */
current: string, };

export type RecoveryCode = { 
/**
 * Six groups of four characters, e.g. `K7QM-3XJ9-…`.
 */
code: string, };

export type RegionNumbers = { 
/**
 * The region.
 */
region: Region, 
/**
 * Its built-in numbers, unchanged by the person (their changes are their data).
 */
numbers: Array<CrisisNumber>, };

export type LockedHelp = { 
/**
 * Every region Ebb has numbers for, in the data's order.
 */
regions: Array<RegionNumbers>, };

export type BackupReason = "daily" | "manual" | "beforeUpgrade" | "beforeRestore";

export type BackupInfo = { 
/**
 * The file's name in `backups/` (what "Restore this one" names).
 */
name: string, 
/**
 * When it was made.
 */
madeAt: string, 
/**
 * Why.
 */
reason: BackupReason, 
/**
 * Its size on disk.
 */
bytes: number, 
/**
 * How many cravings it holds; `None` if it can't be read with this key (damaged, or from
 * another device), in which case it can't be restored either.
 */
cravings: number | null, };

export type Recovered = { 
/**
 * Cravings that could still be read and are in the new store.
 */
cravings: number, 
/**
 * Records of every kind that were read and kept.
 */
records: number, 
/**
 * Records that couldn't be read (on damaged pages), or that pointed at one of those.
 */
lost: number, 
/**
 * Where the damaged file now is (kept, never deleted).
 */
damagedFile: string, };

export type RestoreRequest = { 
/**
 * The backup's file name, as listed.
 */
name: string, };

export type ExportReport = { 
/**
 * Where it is.
 */
path: string, 
/**
 * Its size.
 */
bytes: number, 
/**
 * Cravings in it.
 */
cravings: number, };

export type ImportCount = { 
/**
 * "cravings", "journal entries", …
 */
what: string, 
/**
 * In the file.
 */
inFile: number, 
/**
 * Of those, already here (same id).
 */
alreadyHere: number, };

export type ImportPreview = { 
/**
 * Per kind of record.
 */
counts: Array<ImportCount>, 
/**
 * The schema version the file was written at (older ones are brought up to date).
 */
fromVersion: number, };

export type ImportReport = { 
/**
 * Records added.
 */
added: number, 
/**
 * Records here replaced by a newer version from the file.
 */
updated: number, };

export type ExportRequest = { 
/**
 * Where to save it (from the save dialog).
 */
path: string, 
/**
 * The passphrase that will open it (8 or more characters).
 */
passphrase: string, };

export type CsvExportRequest = { 
/**
 * Where to save it (from the save dialog).
 */
path: string, };

export type SummarySection = "talkAbout" | "cravings" | "when" | "triggers" | "helps" | "goals" | "plans" | "practice" | "journal";

export type Paper = "a4" | "letter";

export type SummaryPeriod = { 
/**
 * The first local day, `YYYY-MM-DD`.
 */
from: string, 
/**
 * The last local day, `YYYY-MM-DD`.
 */
to: string, };

export type SummaryRequest = { 
/**
 * The first local day, `YYYY-MM-DD`.
 */
from: string, 
/**
 * The last local day, `YYYY-MM-DD`.
 */
to: string, 
/**
 * The sections ticked (drawn in a fixed order, whatever order they come in).
 */
sections: Array<SummarySection>, 
/**
 * Journal entries to include, ticked one by one (only with [`SummarySection::Journal`]).
 */
journalIds: Array<string>, 
/**
 * "What I'd like to talk about", up to 2,000 characters.
 */
talkAbout?: string, 
/**
 * A name or initials for the cover, up to 40 characters.
 */
name?: string, 
/**
 * A4 or Letter.
 */
paper: Paper, 
/**
 * The person's locale (`en-GB`, `en-US`, `sv-SE`), for the order of day, month and year.
 */
locale?: string, };

export type JournalChoice = { 
/**
 * The entry's id.
 */
id: string, 
/**
 * The local day it was written, `YYYY-MM-DD`.
 */
date: string, 
/**
 * Free writing or a weekly reflection.
 */
kind: JournalKind, 
/**
 * Its beginning.
 */
excerpt: string, };

export type PreviewImage = { 
/**
 * `data:image/png;base64,…`.
 */
dataUrl: string, 
/**
 * Width in pixels.
 */
width: number, 
/**
 * Height in pixels.
 */
height: number, 
/**
 * Every line of text on the page, top to bottom.
 */
text: Array<string>, };

export type SummaryPreview = { 
/**
 * Every page, in order.
 */
pages: Array<PreviewImage>, };

export type SaveSummaryRequest = { 
/**
 * What goes in it.
 */
summary: SummaryRequest, 
/**
 * Where to save it.
 */
path: string, };

export type SavedFile = { 
/**
 * Where it was saved.
 */
path: string, 
/**
 * Its size in bytes.
 */
bytes: number, };

export type CopingCard = { 
/**
 * "When a craving comes".
 */
title: string, 
/**
 * Its parts, in order.
 */
sections: Array<CardSection>, };

export type CardSection = { 
/**
 * "Try first", "My plans", "People I can call", "Help now".
 */
heading: string, 
/**
 * The lines, in the person's words.
 */
lines: Array<string>, };

export type CardTheme = "light" | "dark";

export type CardFormat = "pdf" | "png";

export type CardPreviewRequest = { 
/**
 * The card as edited.
 */
card: CopingCard, 
/**
 * Light or dark.
 */
theme: CardTheme, };

export type SaveCardRequest = { 
/**
 * The card as edited.
 */
card: CopingCard, 
/**
 * Light or dark.
 */
theme: CardTheme, 
/**
 * PDF or PNG.
 */
format: CardFormat, 
/**
 * For the PDF: A4 or Letter.
 */
paper: Paper, 
/**
 * Where to save it.
 */
path: string, };

export type Licence = { 
/**
 * The crate, npm package or font.
 */
name: string, 
/**
 * Its version.
 */
version: string, 
/**
 * Its SPDX licence expression.
 */
license: string, 
/**
 * `crate`, `npm` or `font`.
 */
kind: string, };

export type About = { 
/**
 * Ebb's version.
 */
version: string, 
/**
 * Ebb's own licence.
 */
license: string, 
/**
 * The folder holding the data file, its keys and backups.
 */
dataFolder: string, 
/**
 * Every component Ebb ships, by name.
 */
licences: Array<Licence>, };

export type ImportPreviewRequest = { 
/**
 * The export file (from the open dialog).
 */
path: string, 
/**
 * Its passphrase.
 */
passphrase: string, };

export type ImportMode = "merge" | "replace";

export type ImportRequest = { 
/**
 * Merge or replace.
 */
mode: ImportMode, };
