// The one door to the Rust side. Components never call `invoke` directly: they get an
// `EbbClient` (see context.ts), which tests replace with an in-memory fake.
import { invoke } from '@tauri-apps/api/core';
import { takeEarly } from '../../boot/early';
import type {
  AddChipRequest,
  AppStatus,
  Chip,
  ChipUpdate,
  DismissRerateRequest,
  IpcError,
  ListUrgesRequest,
  NewSession,
  NewThing,
  NewUrge,
  Outcome,
  OutcomeInput,
  Rerate,
  SessionEnd,
  SetUrgeChipRequest,
  SetUrgeNoteRequest,
  Settings,
  SettingsUpdate,
  Technique,
  TechniqueSession,
  ThingUpdate,
  TrackedThing,
  Urge,
  UrgeEdit,
  IdRequest,
  UrgePage,
  Library,
  PatternInput,
  PatternEdit,
  TechniqueVisibility,
  NewCheckIn,
  CheckIn,
  CountMatchingRequest,
  WhatHelps,
  Suggestion,
  SuggestRequest,
  SuggestionResponse,
  Insights,
  InsightsRequest,
  Plan,
  PlanInput,
  PlanEdit,
  PlanMove,
  PlanPause,
  PlanUse,
  PlanUseRequest,
  PlanFollowedInput,
  GoalReview,
  JournalQuery,
  JournalPage,
  JournalEntry,
  NewJournalEntry,
  JournalEdit,
  JournalForUrges,
  NewReflection,
  ReflectionStatus,
} from './bindings';
import type {
  CrisisNumberEdit,
  CrisisNumberVisibility,
  CrisisNumbers,
  NewCrisisNumber,
  NewSupportMessage,
  NewSupportPerson,
  ReorderRequest,
  SafetyPlanStep,
  SafetyPlanUpdate,
  SupportMessageEdit,
  SupportPerson,
  SupportPersonEdit,
} from './bindings';
import type {
  ChangePasscodeRequest,
  LockStatus,
  LockedHelp,
  RecoverRequest,
  RecoveryCode,
  RemovePasscodeRequest,
  SetPasscodeRequest,
  UnlockRequest,
} from './bindings';
import type { BackupInfo, Recovered, RestoreRequest } from './bindings';
import type {
  CsvExportRequest,
  ExportReport,
  ExportRequest,
  ImportPreview,
  ImportPreviewRequest,
  ImportReport,
  ImportRequest,
} from './bindings';
import type {
  CardPreviewRequest,
  CopingCard,
  JournalChoice,
  PreviewImage,
  SaveCardRequest,
  SaveSummaryRequest,
  SavedFile,
  SummaryPeriod,
  SummaryPreview,
  SummaryRequest,
} from '../summary/types';
import type { About } from '../about/types';
import { openUrl } from '@tauri-apps/plugin-opener';
import { open as openDialog, save as saveDialog } from '@tauri-apps/plugin-dialog';

/** A kind of file the platform's save and open dialogs offer: its name and extensions (no dot). */
export type FileFilter = { name: string; extensions: string[] };

/** Offered beside an export's own kind in the open dialog: a file a phone's file app renamed
 *  still opens (the core checks what it really is). */
export const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };

export interface EbbClient {
  appStatus(): Promise<AppStatus>;
  /** Tells the shell the first screen has rendered its first data (startup probe). */
  uiReady(): Promise<void>;
  /** Settings → About: Ebb's version and licence, the data folder, and the licences of what it ships. */
  about(): Promise<About>;
  logUrge(request: NewUrge): Promise<Urge>;
  setUrgeNote(request: SetUrgeNoteRequest): Promise<Urge>;
  deleteUrge(request: IdRequest): Promise<void>;
  listUrges(request: ListUrgesRequest): Promise<UrgePage>;
  countUrges(): Promise<number>;
  getUrge(request: IdRequest): Promise<Urge>;
  editUrge(request: UrgeEdit): Promise<Urge>;
  /** Returns the craving's chip ids after the change. */
  setUrgeChip(request: SetUrgeChipRequest): Promise<string[]>;
  listThings(): Promise<TrackedThing[]>;
  /** The thing a new craving is about unless the person picks another. */
  defaultThing(): Promise<string | null>;
  addThing(request: NewThing): Promise<TrackedThing>;
  updateThing(request: ThingUpdate): Promise<TrackedThing>;
  listChips(): Promise<Chip[]>;
  addChip(request: AddChipRequest): Promise<Chip>;
  updateChip(request: ChipUpdate): Promise<Chip>;
  setOutcome(request: OutcomeInput): Promise<Outcome>;
  getRerate(): Promise<Rerate | null>;
  dismissRerate(request: DismissRerateRequest): Promise<void>;
  getSettings(): Promise<Settings>;
  updateSettings(request: SettingsUpdate): Promise<Settings>;
  /** Built-ins and the person's own patterns, what is hidden, and the one-tap default. */
  listTechniques(): Promise<Library>;
  createPattern(request: PatternInput): Promise<Technique>;
  updatePattern(request: PatternEdit): Promise<Technique>;
  deletePattern(request: IdRequest): Promise<void>;
  setTechniqueHidden(request: TechniqueVisibility): Promise<Library>;
  startSession(request: NewSession): Promise<TechniqueSession>;
  recordCheckIn(request: NewCheckIn): Promise<CheckIn>;
  /** How many cravings match History's filters. */
  countMatching(request: CountMatchingRequest): Promise<number>;
  whatHelps(): Promise<WhatHelps>;
  /** The top 2–3 techniques for this moment, each with a plain reason. */
  suggest(request: SuggestRequest): Promise<Suggestion[]>;
  /** "Not now", or the suggestion chosen. */
  recordSuggestion(request: SuggestionResponse): Promise<void>;
  getInsights(request: InsightsRequest): Promise<Insights>;
  finishSession(request: SessionEnd): Promise<TechniqueSession>;
  /** If-then plans, in the person's order, with their figures. */
  listPlans(): Promise<Plan[]>;
  addPlan(request: PlanInput): Promise<Plan>;
  updatePlan(request: PlanEdit): Promise<Plan>;
  /** Returns every plan in the new order. */
  movePlan(request: PlanMove): Promise<Plan[]>;
  setPlanPaused(request: PlanPause): Promise<Plan>;
  deletePlan(request: IdRequest): Promise<void>;
  /** The plans a craving (`id`) matches, in the person's order. */
  matchingPlans(request: IdRequest): Promise<Plan[]>;
  recordPlanShown(request: PlanUseRequest): Promise<PlanUse>;
  recordPlanActed(request: PlanUseRequest): Promise<PlanUse>;
  setPlanFollowed(request: PlanFollowedInput): Promise<PlanUse>;
  /** The plans shown for a craving (`id`). */
  planUsesForUrge(request: IdRequest): Promise<PlanUse[]>;
  /** A tracked thing's (`id`) goal and its last 14 local days. */
  goalReview(request: IdRequest): Promise<GoalReview>;
  /** A page of the journal, newest first, as excerpts. */
  listJournal(request: JournalQuery): Promise<JournalPage>;
  /** One whole entry. */
  getJournalEntry(request: IdRequest): Promise<JournalEntry>;
  /** Writes an entry; naming a running journaling session finishes it. */
  createJournalEntry(request: NewJournalEntry): Promise<JournalEntry>;
  editJournalEntry(request: JournalEdit): Promise<JournalEntry>;
  deleteJournalEntry(request: IdRequest): Promise<void>;
  /** The entries about these cravings (History's cards, a craving's detail), as excerpts. */
  journalForUrges(request: JournalForUrges): Promise<JournalEntry[]>;
  saveReflection(request: NewReflection): Promise<JournalEntry>;
  reflectionStatus(): Promise<ReflectionStatus>;
  /** The rotating journal prompts, in order. */
  journalPrompts(): Promise<string[]>;
  // Support people, crisis numbers and the safety plan (Help now).
  listSupportPeople(): Promise<SupportPerson[]>;
  addSupportPerson(request: NewSupportPerson): Promise<SupportPerson>;
  updateSupportPerson(request: SupportPersonEdit): Promise<SupportPerson>;
  deleteSupportPerson(request: IdRequest): Promise<void>;
  reorderSupportPeople(request: ReorderRequest): Promise<SupportPerson[]>;
  addSupportMessage(request: NewSupportMessage): Promise<SupportPerson>;
  updateSupportMessage(request: SupportMessageEdit): Promise<SupportPerson>;
  deleteSupportMessage(request: IdRequest): Promise<SupportPerson>;
  getCrisisNumbers(): Promise<CrisisNumbers>;
  addCrisisNumber(request: NewCrisisNumber): Promise<CrisisNumbers>;
  editCrisisNumber(request: CrisisNumberEdit): Promise<CrisisNumbers>;
  resetCrisisNumber(request: IdRequest): Promise<CrisisNumbers>;
  setCrisisNumberHidden(request: CrisisNumberVisibility): Promise<CrisisNumbers>;
  deleteCrisisNumber(request: IdRequest): Promise<CrisisNumbers>;
  getSafetyPlan(): Promise<SafetyPlanStep[]>;
  setSafetyPlanStep(request: SafetyPlanUpdate): Promise<SafetyPlanStep[]>;
  /** Hands a `tel:` or `sms:` link to the platform (the only schemes the capability allows). */
  openContact(url: string): Promise<void>;
  // The app lock (issue #10). These answer while Ebb is locked; every other call then fails
  // with the code `locked` (see lib/lock/watch.ts).
  /** Whether Ebb is locked, how the data key is kept, and how long until another try. */
  lockStatus(): Promise<LockStatus>;
  /** Opens the store with the PIN or passphrase (`wrong_passcode`, `try_later`). */
  unlock(request: UnlockRequest): Promise<void>;
  /** Opens the store with the recovery code and sets a new passcode (`wrong_recovery_code`). */
  recover(request: RecoverRequest): Promise<void>;
  /** Sets the first passcode; the recovery code comes back once and is never shown again. */
  setPasscode(request: SetPasscodeRequest): Promise<RecoveryCode>;
  changePasscode(request: ChangePasscodeRequest): Promise<void>;
  removePasscode(request: RemovePasscodeRequest): Promise<void>;
  /** Closes the store now. */
  lockNow(): Promise<void>;
  /** The window was hidden or lost focus: the shell starts its "Lock after" clock. */
  appHidden(): Promise<void>;
  /** The window is back: the shell says whether Ebb locked meanwhile. */
  appShown(): Promise<LockStatus>;
  /** Every region's built-in crisis numbers, for Help now while Ebb is locked. */
  lockedHelp(): Promise<LockedHelp>;
  // Backups (issue #11). These also answer while the data is damaged (every other call then
  // fails with the code `damaged`, see lib/backups/damaged.ts).
  /** Every backup in the data folder's backups/, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /** Makes a backup now (a few seconds on a big store) and returns it. */
  backUpNow(): Promise<BackupInfo>;
  /** Puts a backup in place of the data: with the data open, the data is backed up first
   *  ("beforeRestore"); when it is damaged, the damaged file is moved aside and kept. */
  restoreBackup(request: RestoreRequest): Promise<void>;
  /** Damaged data only: saves what can still be read into a new store (the damaged file is kept). */
  recoverDamaged(): Promise<Recovered>;
  // Export and import (issue #11). Each can take seconds on a big store; `cancelTransfer`
  // stops the one running now, which then fails with the code `cancelled`.
  /** Saves everything to `path`, encrypted with the passphrase. */
  exportData(request: ExportRequest): Promise<ExportReport>;
  /** Saves cravings, exercise sessions and the journal as CSV files in one zip: NOT encrypted. */
  exportCsv(request: CsvExportRequest): Promise<ExportReport>;
  /** Opens an export with its passphrase and says what importing it would bring. */
  previewImport(request: ImportPreviewRequest): Promise<ImportPreview>;
  /** Imports the export last previewed: merged in, or in place of everything (after a backup). */
  importData(request: ImportRequest): Promise<ImportReport>;
  /** Cancels the export or import running now. */
  cancelTransfer(): Promise<void>;
  // The summary for a therapist and the coping plan card (issue #12): open formats (PDF, PNG),
  // saved only where the person chooses.
  /** The journal entries written in a period, newest first, for ticking one by one. */
  summaryJournalChoices(request: SummaryPeriod): Promise<JournalChoice[]>;
  /** The summary's pages drawn small, each with its text. */
  previewSummary(request: SummaryRequest): Promise<SummaryPreview>;
  /** Saves the summary as a PDF at `path`. */
  saveSummary(request: SaveSummaryRequest): Promise<SavedFile>;
  /** A first draft of the card from the person's own records. */
  copingCardDraft(): Promise<CopingCard>;
  /** The card drawn small, with its text. */
  previewCard(request: CardPreviewRequest): Promise<PreviewImage>;
  /** Saves the card as a PDF or a PNG at `path`. */
  saveCard(request: SaveCardRequest): Promise<SavedFile>;
  /** The platform's save dialog, starting at `defaultName`: the chosen path, or null when the
   *  person closed it. */
  chooseSaveFile(defaultName: string, filter: FileFilter): Promise<string | null>;
  /** The platform's open dialog (one file; `filter`, then all files): the chosen path, or
   *  null when the person closed it. */
  chooseOpenFile(filter: FileFilter): Promise<string | null>;
}

/** A refusal or error from the Rust side, with its stable code and a message for people. */
export class IpcFailure extends Error implements IpcError {
  readonly code: string;
  /** The request's field at fault (`from`, `talkAbout`…), when the refusal names one. */
  readonly field?: string;
  /** What the runtime or a plugin really said, for debugging only: never shown to the person
   *  (it can be serde's or Tauri's wording, which means nothing to them). */
  readonly detail?: string;

  constructor(code: string, message: string, field?: string, detail?: string) {
    super(message);
    this.name = 'IpcFailure';
    this.code = code;
    this.field = field;
    this.detail = detail;
  }
}

/** What the person reads when the problem is not one of Ebb's own refusals (the runtime
 *  rejected the call before Ebb ran, a plugin failed): short, calm and true, since such a
 *  call changed nothing. */
export const INTERNAL_MESSAGE = "Ebb couldn't handle that just now, so nothing was changed. Please try again.";

/** Turns whatever a rejected `invoke` threw into an `IpcFailure` with a readable message.
 *  Only Ebb's own `{ code, message }` errors keep their message; anything else (a bare string
 *  from the Tauri runtime such as "invalid args `request` for command …", serde's text, a
 *  plugin's or a JS error) becomes `internal` with `INTERNAL_MESSAGE`, the raw text kept on
 *  `detail` only. */
export function toFailure(error: unknown): IpcFailure {
  if (error instanceof IpcFailure) return error;
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as IpcError).code === 'string' &&
    typeof (error as IpcError).message === 'string'
  ) {
    const { code, message } = error as IpcError;
    const field = (error as { field?: unknown }).field;
    return new IpcFailure(code, message, typeof field === 'string' ? field : undefined);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new IpcFailure('internal', INTERNAL_MESSAGE, undefined, detail);
}

const REPLACEMENT = '\uFFFD';

/** `text` with every lone UTF-16 surrogate (half of a pair with no other half, as a cut or
 *  badly pasted emoji leaves) replaced by U+FFFD. Tauri's JSON parser refuses a lone surrogate
 *  before Ebb runs, so the whole note would be lost. Written as a loop: WebKitGTK may lack
 *  `String.prototype.toWellFormed`. */
export function wellFormedText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1; // A whole pair: keep both halves.
        continue;
      }
    }
    out += text.slice(from, i) + REPLACEMENT;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** `value` with `wellFormedText` applied to every string in it, keys included, through plain
 *  objects and arrays at any depth. Anything else (numbers, booleans, null, binary buffers) is
 *  passed as it is. */
export function wellFormedArgs<T>(value: T): T {
  if (typeof value === 'string') return wellFormedText(value) as T;
  if (Array.isArray(value)) return value.map((item) => wellFormedArgs(item)) as T;
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[wellFormedText(key)] = wellFormedArgs(item);
    return out as T;
  }
  return value;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  // The first screen's reads were asked for by the entry already (boot/early.ts).
  const early = args === undefined ? takeEarly(command) : undefined;
  if (early) {
    try {
      return (await early) as T;
    } catch {
      // Never an early error: ask again, now.
    }
  }
  try {
    return await invoke<T>(command, args === undefined ? undefined : wellFormedArgs(args));
  } catch (error) {
    throw toFailure(error);
  }
}

/** The real client, over Tauri's IPC. */
export function tauriClient(): EbbClient {
  return {
    appStatus: () => call('app_status'),
    uiReady: () => call('ui_ready'),
    about: () => call('about'),
    logUrge: (request) => call('log_urge', { request }),
    setUrgeNote: (request) => call('set_urge_note', { request }),
    deleteUrge: (request) => call('delete_urge', { request }),
    listUrges: (request) => call('list_urges', { request }),
    countUrges: () => call('count_urges'),
    getUrge: (request) => call('get_urge', { request }),
    editUrge: (request) => call('edit_urge', { request }),
    setUrgeChip: (request) => call('set_urge_chip', { request }),
    listThings: () => call('list_things'),
    defaultThing: () => call('default_thing'),
    addThing: (request) => call('add_thing', { request }),
    updateThing: (request) => call('update_thing', { request }),
    listChips: () => call('list_chips'),
    addChip: (request) => call('add_chip', { request }),
    updateChip: (request) => call('update_chip', { request }),
    setOutcome: (request) => call('set_outcome', { request }),
    getRerate: () => call('get_rerate'),
    dismissRerate: (request) => call('dismiss_rerate', { request }),
    getSettings: () => call('get_settings'),
    updateSettings: (request) => call('update_settings', { request }),
    listTechniques: () => call('list_techniques'),
    createPattern: (request) => call('create_pattern', { request }),
    updatePattern: (request) => call('update_pattern', { request }),
    deletePattern: (request) => call('delete_pattern', { request }),
    setTechniqueHidden: (request) => call('set_technique_hidden', { request }),
    startSession: (request) => call('start_session', { request }),
    recordCheckIn: (request) => call('record_check_in', { request }),
    countMatching: (request) => call('count_matching', { request }),
    whatHelps: () => call('what_helps'),
    suggest: (request) => call('suggest', { request }),
    recordSuggestion: (request) => call('record_suggestion', { request }),
    getInsights: (request) => call('get_insights', { request }),
    finishSession: (request) => call('finish_session', { request }),
    listPlans: () => call('list_plans'),
    addPlan: (request) => call('add_plan', { request }),
    updatePlan: (request) => call('update_plan', { request }),
    movePlan: (request) => call('move_plan', { request }),
    setPlanPaused: (request) => call('set_plan_paused', { request }),
    deletePlan: (request) => call('delete_plan', { request }),
    matchingPlans: (request) => call('matching_plans', { request }),
    recordPlanShown: (request) => call('record_plan_shown', { request }),
    recordPlanActed: (request) => call('record_plan_acted', { request }),
    setPlanFollowed: (request) => call('set_plan_followed', { request }),
    planUsesForUrge: (request) => call('plan_uses_for_urge', { request }),
    goalReview: (request) => call('goal_review', { request }),
    listJournal: (request) => call('list_journal', { request }),
    getJournalEntry: (request) => call('get_journal_entry', { request }),
    createJournalEntry: (request) => call('create_journal_entry', { request }),
    editJournalEntry: (request) => call('edit_journal_entry', { request }),
    deleteJournalEntry: (request) => call('delete_journal_entry', { request }),
    journalForUrges: (request) => call('journal_for_urges', { request }),
    saveReflection: (request) => call('save_reflection', { request }),
    reflectionStatus: () => call('reflection_status'),
    journalPrompts: () => call('journal_prompts'),
    listSupportPeople: () => call('list_support_people'),
    addSupportPerson: (request) => call('add_support_person', { request }),
    updateSupportPerson: (request) => call('update_support_person', { request }),
    deleteSupportPerson: (request) => call('delete_support_person', { request }),
    reorderSupportPeople: (request) => call('reorder_support_people', { request }),
    addSupportMessage: (request) => call('add_support_message', { request }),
    updateSupportMessage: (request) => call('update_support_message', { request }),
    deleteSupportMessage: (request) => call('delete_support_message', { request }),
    getCrisisNumbers: () => call('get_crisis_numbers'),
    addCrisisNumber: (request) => call('add_crisis_number', { request }),
    editCrisisNumber: (request) => call('edit_crisis_number', { request }),
    resetCrisisNumber: (request) => call('reset_crisis_number', { request }),
    setCrisisNumberHidden: (request) => call('set_crisis_number_hidden', { request }),
    deleteCrisisNumber: (request) => call('delete_crisis_number', { request }),
    getSafetyPlan: () => call('get_safety_plan'),
    setSafetyPlanStep: (request) => call('set_safety_plan_step', { request }),
    lockStatus: () => call('lock_status'),
    unlock: (request) => call('unlock', { request }),
    recover: (request) => call('recover', { request }),
    setPasscode: (request) => call('set_passcode', { request }),
    changePasscode: (request) => call('change_passcode', { request }),
    removePasscode: (request) => call('remove_passcode', { request }),
    lockNow: () => call('lock_now'),
    appHidden: () => call('app_hidden'),
    appShown: () => call('app_shown'),
    lockedHelp: () => call('locked_help'),
    listBackups: () => call('list_backups'),
    backUpNow: () => call('back_up_now'),
    restoreBackup: (request) => call('restore_backup', { request }),
    recoverDamaged: () => call('recover_damaged'),
    exportData: (request) => call('export_data', { request }),
    exportCsv: (request) => call('export_csv', { request }),
    previewImport: (request) => call('preview_import', { request }),
    importData: (request) => call('import_data', { request }),
    cancelTransfer: () => call('cancel_transfer'),
    summaryJournalChoices: (request) => call('summary_journal_choices', { request }),
    previewSummary: (request) => call('preview_summary', { request }),
    saveSummary: (request) => call('save_summary', { request }),
    copingCardDraft: () => call('coping_card_draft'),
    previewCard: (request) => call('preview_card', { request }),
    saveCard: (request) => call('save_card', { request }),
    chooseSaveFile: async (defaultName, filter) => {
      try {
        // The name can come from the person's words: a lone surrogate would fail the same way.
        return await saveDialog({ defaultPath: wellFormedText(defaultName), filters: [filter] });
      } catch (error) {
        throw toFailure(error);
      }
    },
    chooseOpenFile: async (filter) => {
      try {
        return await openDialog({ multiple: false, directory: false, filters: [filter, ALL_FILES] });
      } catch (error) {
        throw toFailure(error);
      }
    },
    openContact: async (url) => {
      // Defence in depth: the capability scope already refuses anything else.
      if (!/^(tel|sms):/.test(url)) throw new IpcFailure('invalid_input', 'Only phone and text links can be opened.');
      try {
        await openUrl(url);
      } catch (error) {
        throw toFailure(error);
      }
    },
  };
}
