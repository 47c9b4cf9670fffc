// An in-memory EbbClient for unit tests: behaves like the store for the calls the UI makes,
// including the refusals the UI reacts to, so state classes are tested against real rules.
import { IpcFailure, type EbbClient, type FileFilter } from './client';
import type {
  Chip,
  ChipUpdate,
  ListUrgesRequest,
  NewSession,
  NewThing,
  NewUrge,
  Outcome,
  OutcomeInput,
  Rerate,
  SessionEnd,
  Settings,
  SettingsUpdate,
  Technique,
  TechniqueSession,
  ThingUpdate,
  TrackedThing,
  Urge,
  UrgeEdit,
  UrgePage,
  Library,
  PatternInput,
  PatternEdit,
  TechniqueVisibility,
  NewCheckIn,
  CheckIn,
  IdRequest,
  UrgeFilter,
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
  GoalDay,
  JournalQuery,
  JournalPage,
  JournalEntry,
  NewJournalEntry,
  JournalEdit,
  JournalForUrges,
  NewReflection,
  ReflectionStatus,
} from './bindings';
import { planMatches } from '../plans/match';
import type {
  CrisisNumberEdit,
  CrisisNumberVisibility,
  NewCrisisNumber,
  NewSupportMessage,
  NewSupportPerson,
  ReorderRequest,
  SafetyPlanUpdate,
  SupportMessageEdit,
  SupportPersonEdit,
} from './bindings';
import type {
  ChangePasscodeRequest,
  KeyProtection,
  LockStatus,
  LockedHelp,
  PasscodeKind,
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
  ImportMode,
  ImportPreview,
  ImportPreviewRequest,
  ImportReport,
  ImportRequest,
} from './bindings';
import { FakeSupport } from './fake-support';
import { FakeSummary } from './fake-summary';
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

/** The calls the shell answers while locked (issue #10), and the platform's own (links, file
 *  dialogs), which its gate never sees; every other one answers `locked`. */
const ANSWERS_LOCKED = new Set(['appStatus', 'lockStatus', 'unlock', 'recover', 'lockNow', 'appHidden', 'appShown', 'lockedHelp', 'openContact', 'chooseSaveFile', 'chooseOpenFile']);
/** The calls that answer while the data is damaged (issue #11); every other one answers
 *  `damaged`. Help now's built-in numbers and About need no store; the backups are what mends it. */
const ANSWERS_DAMAGED = new Set([
  'appStatus',
  'uiReady',
  'about',
  'lockStatus',
  'appHidden',
  'appShown',
  'lockedHelp',
  'openContact',
  'chooseSaveFile',
  'chooseOpenFile',
  'listBackups',
  'restoreBackup',
  'recoverDamaged',
]);

/** The fake's filter: the same rules the core applies, on the in-memory cravings. */
export function matchesFilter(u: Urge, f: UrgeFilter | undefined | null): boolean {
  if (!f) return true;
  const text = f.text?.trim().toLowerCase();
  return (
    (f.trackedId == null || u.trackedId === f.trackedId) &&
    (f.chipIds ?? []).every((c) => u.chipIds.includes(c)) &&
    (f.techniqueId == null ||
      (f.techniqueId === 'waiting'
        ? u.techniques.every((t) => t.techniqueId === 'waiting')
        : u.techniques.some((t) => t.techniqueId === f.techniqueId))) &&
    (f.action == null || u.outcome?.action === f.action) &&
    (f.minIntensity == null || u.intensity >= f.minIntensity) &&
    (f.maxIntensity == null || u.intensity <= f.maxIntensity) &&
    (f.from == null || u.occurredAt.slice(0, 10) >= f.from) &&
    (f.to == null || u.occurredAt.slice(0, 10) <= f.to) &&
    (!text || (u.note ?? '').toLowerCase().includes(text) || (u.outcome?.note ?? '').toLowerCase().includes(text))
  );
}

const BUILTIN_CHIPS: [Chip['kind'], string][] = [
  ['trigger', 'After work'],
  ['trigger', 'Someone offered'],
  ['feeling', 'Stressed'],
  ['feeling', 'Bored'],
  ['place', 'Home'],
  ['company', 'Alone'],
];

export class FakeClient implements EbbClient {
  urges: Urge[] = [];
  things: TrackedThing[] = [];
  chips: Chip[] = BUILTIN_CHIPS.map(([kind, label], i) => ({
    id: `builtin-${kind}-${label.toLowerCase().replace(/ /g, '-')}`,
    kind,
    label,
    position: i,
    hidden: false,
    builtin: true,
  }));
  settings: Settings = {
    rerateMinutes: 10,
    setupDone: false,
    reminders: false,
    defaultTechniqueId: 'breathing.box',
    tones: false,
    haptics: true,
    reduceMotion: false,
    theme: 'system',
    journalPrompts: true,
    weeklyReflection: false,
    region: null,
    lockAfterMinutes: 1,
    coverWhenAway: false,
  };
  /** Support people, crisis numbers and the safety plan (fake-support.ts). */
  support = new FakeSupport(() => this.settings.region);
  dismissed = new Set<string>();
  calls: string[] = [];
  failNext: IpcFailure | null = null;
  now = new Date('2026-11-26T20:40:00Z');
  private seq = 0;

  private check(name: string): void {
    this.calls.push(name);
    if (this.locked && !ANSWERS_LOCKED.has(name)) {
      throw new IpcFailure('locked', 'Ebb is locked. Unlock it to see your data.');
    }
    if (this.damaged !== null && !ANSWERS_DAMAGED.has(name)) {
      throw new IpcFailure('damaged', this.damaged);
    }
    const refusal = this.failNext;
    if (refusal) {
      this.failNext = null;
      throw refusal;
    }
  }

  private nextId(prefix: string): string {
    return `${prefix}-${++this.seq}`;
  }

  async appStatus() {
    this.check('appStatus');
    const problem = this.damaged !== null ? { code: 'damaged', message: this.damaged } : null;
    return { dataPath: this.dataPath, problem, locked: this.locked };
  }

  async uiReady() {
    this.check('uiReady');
  }

  /** What Settings → About reads: tests set it (the shell owns every fact in it). */
  aboutInfo: About = {
    version: '0.1.0',
    license: 'AGPL-3.0-or-later',
    dataFolder: '/home/sam/.local/share/app.ebb.companion',
    licences: [
      { name: 'serde', version: '1.0.228', license: 'MIT OR Apache-2.0', kind: 'crate' },
      { name: 'tauri', version: '2.9.5', license: 'Apache-2.0 OR MIT', kind: 'crate' },
      { name: 'rusqlite', version: '0.37.0', license: 'MIT', kind: 'crate' },
      { name: 'thiserror', version: '2.0.17', license: 'MIT OR Apache-2.0', kind: 'crate' },
      { name: 'uuid', version: '1.18.1', license: 'Apache-2.0 OR MIT', kind: 'crate' },
      { name: 'svelte', version: '5.57.3', license: 'MIT', kind: 'npm' },
      { name: '@tauri-apps/api', version: '2.12.5', license: 'Apache-2.0 OR MIT', kind: 'npm' },
      { name: 'Noto Sans', version: '2.015', license: 'OFL-1.1', kind: 'font' },
    ],
  };

  async about(): Promise<About> {
    this.check('about');
    return structuredClone(this.aboutInfo);
  }

  async logUrge(request: NewUrge): Promise<Urge> {
    this.check('logUrge');
    if (!Number.isInteger(request.intensity) || request.intensity < 0 || request.intensity > 10) {
      throw new IpcFailure(
        'invalid_input',
        `Intensity is a whole number from 0 to 10; got ${request.intensity}.`,
      );
    }
    const at = request.occurredAt ?? this.now.toISOString();
    const urge: Urge = {
      id: this.nextId('urge'),
      occurredAt: at,
      utcOffsetMinutes: 0,
      intensity: request.intensity,
      note: request.note?.trim() || null,
      createdAt: this.now.toISOString(),
      updatedAt: this.now.toISOString(),
      trackedId: request.trackedId ?? null,
      loggedLate: this.now.getTime() - Date.parse(at) > 3_600_000,
      chipIds: [],
      outcome: null,
      techniques: [],
    };
    this.urges.push(urge);
    return structuredClone(urge);
  }

  async setUrgeNote(request: { id: string; note?: string | null }): Promise<Urge> {
    this.check('setUrgeNote');
    const urge = this.find(request.id);
    urge.note = request.note?.trim() || null;
    return structuredClone(urge);
  }

  async deleteUrge(request: { id: string }): Promise<void> {
    this.check('deleteUrge');
    this.find(request.id);
    this.urges = this.urges.filter((u) => u.id !== request.id);
  }

  async listUrges(request: ListUrgesRequest): Promise<UrgePage> {
    this.check('listUrges');
    const sorted = this.urges.filter((u) => matchesFilter(u, request.filter)).sort((a, b) =>
      a.occurredAt === b.occurredAt
        ? b.id.localeCompare(a.id)
        : b.occurredAt.localeCompare(a.occurredAt),
    );
    const after = request.after;
    const start = after ? sorted.findIndex((u) => u.id === after.id) + 1 : 0;
    const urges = sorted.slice(start, start + request.limit);
    const more = start + request.limit < sorted.length;
    const last = urges[urges.length - 1];
    return {
      urges: structuredClone(urges),
      next: more && last ? { occurredAt: last.occurredAt, id: last.id } : null,
    };
  }

  async countUrges(): Promise<number> {
    this.check('countUrges');
    return this.urges.length;
  }

  async countMatching(request: CountMatchingRequest): Promise<number> {
    this.check('countMatching');
    return this.urges.filter((u) => matchesFilter(u, request.filter)).length;
  }

  whatHelpsAnswer: WhatHelps = { techniques: [], rated: 0, contexts: [], contextsNote: 'Not enough yet.' };
  async whatHelps(): Promise<WhatHelps> {
    this.check('whatHelps');
    return structuredClone(this.whatHelpsAnswer);
  }

  suggestions: Suggestion[] = [
    { techniqueId: 'breathing.box', name: 'Box breathing', reason: 'Often helps with strong urges' },
    { techniqueId: 'urge-surfing', name: 'Urge surfing', reason: 'Something new to try' },
  ];
  suggestRequests: SuggestRequest[] = [];
  async suggest(request: SuggestRequest): Promise<Suggestion[]> {
    this.check('suggest');
    this.suggestRequests.push(request);
    return structuredClone(this.suggestions.filter((s) => !this.hidden.includes(s.techniqueId)));
  }

  responses: SuggestionResponse[] = [];
  async recordSuggestion(request: SuggestionResponse): Promise<void> {
    this.check('recordSuggestion');
    if (request.chosen && !request.offered.includes(request.chosen)) {
      throw new IpcFailure('invalid_input', `“${request.chosen}” wasn't among the suggestions shown.`);
    }
    this.responses.push(structuredClone(request));
  }

  insightsAnswer: Insights | null = null;
  insightsRequests: InsightsRequest[] = [];
  async getInsights(request: InsightsRequest): Promise<Insights> {
    this.check('getInsights');
    this.insightsRequests.push(request);
    if (!this.insightsAnswer) throw new IpcFailure('storage', 'No insights in this fake.');
    return structuredClone({ ...this.insightsAnswer, range: request.range });
  }

  async getUrge(request: { id: string }): Promise<Urge> {
    this.check('getUrge');
    return structuredClone(this.find(request.id));
  }

  async editUrge(request: UrgeEdit): Promise<Urge> {
    this.check('editUrge');
    const urge = this.find(request.id);
    urge.intensity = request.intensity;
    urge.occurredAt = request.occurredAt;
    urge.note = request.note?.trim() || null;
    urge.trackedId = request.trackedId ?? null;
    return structuredClone(urge);
  }

  async setUrgeChip(request: { urgeId: string; chipId: string; on: boolean }): Promise<string[]> {
    this.check('setUrgeChip');
    const urge = this.find(request.urgeId);
    const ids = new Set(urge.chipIds);
    if (request.on) ids.add(request.chipId);
    else ids.delete(request.chipId);
    urge.chipIds = [...ids];
    return [...urge.chipIds];
  }

  async listThings(): Promise<TrackedThing[]> {
    this.check('listThings');
    return structuredClone(this.things);
  }

  async defaultThing(): Promise<string | null> {
    this.check('defaultThing');
    const active = this.things.filter((t) => !t.archived);
    const last = [...this.urges]
      .reverse()
      .find((u) => active.some((t) => t.id === u.trackedId));
    return last?.trackedId ?? (active.length === 1 ? active[0]!.id : null);
  }

  async addThing(request: NewThing): Promise<TrackedThing> {
    this.check('addThing');
    const name = request.name.trim();
    if (!name) throw new IpcFailure('invalid_input', 'A name needs at least one letter or number.');
    if (this.things.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
      throw new IpcFailure('invalid_input', `You already track “${name}”; pick another name.`);
    }
    const at = this.now.toISOString();
    const thing: TrackedThing = {
      id: this.nextId('thing'),
      name,
      goal: request.goal,
      archived: false,
      createdAt: at,
      updatedAt: at,
    };
    this.things.push(thing);
    return structuredClone(thing);
  }

  async updateThing(request: ThingUpdate): Promise<TrackedThing> {
    this.check('updateThing');
    const thing = this.things.find((t) => t.id === request.id);
    if (!thing) throw new IpcFailure('not_found', "That tracked thing isn't here any more.");
    if (request.name != null) thing.name = request.name.trim();
    if (request.goal != null) thing.goal = request.goal;
    if (request.archived != null) thing.archived = request.archived;
    return structuredClone(thing);
  }

  async listChips(): Promise<Chip[]> {
    this.check('listChips');
    return structuredClone(this.chips);
  }

  async addChip(request: { kind: Chip['kind']; label: string }): Promise<Chip> {
    this.check('addChip');
    const label = request.label.trim();
    if (!label) throw new IpcFailure('invalid_input', 'A label needs at least one letter or number.');
    if (this.chips.some((c) => c.kind === request.kind && c.label.toLowerCase() === label.toLowerCase())) {
      throw new IpcFailure('invalid_input', `There is already a ${request.kind} called “${label}”.`);
    }
    const chip: Chip = {
      id: this.nextId('chip'),
      kind: request.kind,
      label,
      position: this.chips.filter((c) => c.kind === request.kind).length,
      hidden: false,
      builtin: false,
    };
    this.chips.push(chip);
    return structuredClone(chip);
  }

  async updateChip(request: ChipUpdate): Promise<Chip> {
    this.check('updateChip');
    const chip = this.chips.find((c) => c.id === request.id);
    if (!chip) throw new IpcFailure('not_found', "That chip isn't here any more.");
    if (request.label != null) chip.label = request.label.trim();
    if (request.hidden != null) chip.hidden = request.hidden;
    if (request.position != null) {
      const same = this.chips
        .filter((c) => c.kind === chip.kind && c.id !== chip.id)
        .sort((a, b) => a.position - b.position);
      same.splice(Math.min(request.position, same.length), 0, chip);
      same.forEach((c, i) => (c.position = i));
    }
    return structuredClone(chip);
  }

  async setOutcome(request: OutcomeInput): Promise<Outcome> {
    this.check('setOutcome');
    const urge = this.find(request.urgeId);
    const at = this.now.toISOString();
    const outcome: Outcome = {
      intensityAfter: request.intensityAfter ?? null,
      action: request.action ?? null,
      amount: request.amount ?? null,
      note: request.note?.trim() || null,
      recordedAt: urge.outcome?.recordedAt ?? at,
      updatedAt: at,
    };
    urge.outcome = outcome;
    return structuredClone(outcome);
  }

  async getRerate(): Promise<Rerate | null> {
    this.check('getRerate');
    const newest = [...this.urges].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (!newest || newest.outcome || this.dismissed.has(newest.id)) return null;
    const dueAt = new Date(Date.parse(newest.createdAt) + this.settings.rerateMinutes * 60_000);
    return {
      urgeId: newest.id,
      intensity: newest.intensity,
      dueAt: dueAt.toISOString(),
      due: dueAt.getTime() <= this.now.getTime(),
    };
  }

  async dismissRerate(request: { urgeId: string }): Promise<void> {
    this.check('dismissRerate');
    this.find(request.urgeId);
    this.dismissed.add(request.urgeId);
  }

  async getSettings(): Promise<Settings> {
    this.check('getSettings');
    return { ...this.settings };
  }

  async updateSettings(request: SettingsUpdate): Promise<Settings> {
    this.check('updateSettings');
    if (request.rerateMinutes != null) {
      if (request.rerateMinutes < 1 || request.rerateMinutes > 240) {
        throw new IpcFailure(
          'invalid_input',
          `The check-in time is 1 to 240 minutes after a craving; got ${request.rerateMinutes}.`,
        );
      }
      this.settings.rerateMinutes = request.rerateMinutes;
    }
    if (request.setupDone != null) this.settings.setupDone = request.setupDone;
    if (request.region != null) {
      if (!['US', 'UK', 'CA', 'other'].includes(request.region)) {
        throw new IpcFailure(
          'invalid_input',
          `Ebb has numbers for US, UK, CA so far; pick one of them, or “other” to keep only your own numbers. “${request.region}” isn't one.`,
        );
      }
      this.settings.region = request.region;
    }
    if (request.defaultTechniqueId != null) {
      const t = this.techniques.find((x) => x.id === request.defaultTechniqueId);
      if (!t) throw new IpcFailure('invalid_input', `There is no technique called “${request.defaultTechniqueId}”.`);
      if (t.kind !== 'breathing') {
        throw new IpcFailure('invalid_input', `One tap starts a breathing exercise; ${t.name} isn't one.`);
      }
    }
    if (request.reminders != null) this.settings.reminders = request.reminders;
    if (request.defaultTechniqueId != null) this.settings.defaultTechniqueId = request.defaultTechniqueId;
    if (request.tones != null) this.settings.tones = request.tones;
    if (request.haptics != null) this.settings.haptics = request.haptics;
    if (request.reduceMotion != null) this.settings.reduceMotion = request.reduceMotion;
    if (request.theme != null) this.settings.theme = request.theme;
    if (request.journalPrompts != null) this.settings.journalPrompts = request.journalPrompts;
    if (request.weeklyReflection != null) this.settings.weeklyReflection = request.weeklyReflection;
    if (request.lockAfterMinutes != null) this.settings.lockAfterMinutes = request.lockAfterMinutes;
    if (request.coverWhenAway != null) this.settings.coverWhenAway = request.coverWhenAway;
    return { ...this.settings };
  }

  techniques: Technique[] = [
    {
      id: 'breathing.box',
      kind: 'breathing',
      name: 'Box breathing',
      why: 'Four even sides.',
      pattern: { inhale: 4, topUp: 0, holdIn: 4, exhale: 4, holdOut: 4 },
      durations: [60, 180, 300, 600],
      defaultDuration: 300,
      steps: [],
      safety: ['Dizzy or tingly? Stop and breathe normally.'],
      source: 'care.md §4: a study of daily practice (Balban et al. 2023)',
      custom: false,
      prior: null,
      evidence: null,
    },
    {
      id: 'urge-surfing',
      kind: 'urgeSurfing',
      name: 'Urge surfing',
      why: 'Ride the wave.',
      pattern: null,
      durations: [300, 600, 900, 1200],
      defaultDuration: 600,
      steps: [
        { title: 'Settle', text: 'Sit comfortably.' },
        { title: 'Notice', text: 'Name the urge.' },
        { title: 'Ride it', text: 'Breathe with it.' },
      ],
      safety: [],
      source: 'care.md §4: a study of daily practice (Balban et al. 2023)',
      custom: false,
      prior: null,
      evidence: null,
    },
    {
      id: 'journaling',
      kind: 'journaling',
      name: 'Write it down',
      why: 'Putting the urge into words gives you a little distance from it.',
      pattern: null,
      durations: [600],
      defaultDuration: 600,
      steps: [],
      safety: [],
      source: 'care.md §4: a study of daily practice (Balban et al. 2023)',
      custom: false,
      prior: -0.3,
      evidence: null,
    },
    {
      id: 'waiting',
      kind: 'waiting',
      name: 'Just waited',
      why: 'Let time pass.',
      pattern: null,
      durations: [],
      defaultDuration: null,
      steps: [],
      safety: [],
      source: 'care.md §4: a study of daily practice (Balban et al. 2023)',
      custom: false,
      prior: null,
      evidence: null,
    },
    {
      id: 'reaching-out',
      kind: 'reachingOut',
      name: 'Reach out to someone',
      why: 'A call or a short text to someone who gets it.',
      pattern: null,
      durations: [],
      defaultDuration: null,
      steps: [],
      safety: [],
      source: 'care.md §4: a study of daily practice (Balban et al. 2023)',
      custom: false,
      prior: -0.2,
      evidence: null,
    },
  ];
  hidden: string[] = [];
  sessions: TechniqueSession[] = [];
  checkIns: (CheckIn & { sessionId: string })[] = [];

  async listTechniques(): Promise<Library> {
    this.check('listTechniques');
    return structuredClone({
      techniques: this.techniques,
      hidden: this.hidden,
      defaultTechniqueId: this.settings.defaultTechniqueId,
    });
  }

  private checkPattern(p: PatternInput): void {
    if (!p.name.trim()) throw new IpcFailure('invalid_input', "A pattern's name needs at least one letter or number.");
    for (const [what, v, min] of [
      ['Breathing in', p.inhale, 1],
      ['The hold after breathing in', p.holdIn, 0],
      ['Breathing out', p.exhale, 1],
      ['The hold after breathing out', p.holdOut, 0],
    ] as const) {
      if (!(v >= 0 && v <= 20) || (v * 2) % 1 !== 0) {
        throw new IpcFailure('invalid_input', `${what} is 0 to 20 seconds in half-second steps; got ${v}.`);
      }
      if (v < min) throw new IpcFailure('invalid_input', `${what} needs at least 1 second; got ${v}.`);
    }
  }

  private custom(id: string, p: PatternInput): Technique {
    return {
      id,
      kind: 'breathing',
      name: p.name.trim(),
      why: `Your own pattern: in ${p.inhale}, out ${p.exhale}.`,
      pattern: { inhale: p.inhale, topUp: 0, holdIn: p.holdIn, exhale: p.exhale, holdOut: p.holdOut },
      durations: [60, 180, 300, 600],
      defaultDuration: 300,
      steps: [],
      safety: ['Dizzy or tingly? Stop and breathe normally.'],
      source: 'Made by you',
      custom: true,
      prior: null,
      evidence: null,
    };
  }

  async createPattern(request: PatternInput): Promise<Technique> {
    this.check('createPattern');
    this.checkPattern(request);
    const made = this.custom(this.nextId('custom.'), request);
    this.techniques.push(made);
    return structuredClone(made);
  }

  async updatePattern(request: PatternEdit): Promise<Technique> {
    this.check('updatePattern');
    const i = this.techniques.findIndex((t) => t.id === request.id && t.custom);
    if (i < 0) throw new IpcFailure('not_found', "That pattern isn't here any more.");
    this.checkPattern(request.pattern);
    this.techniques[i] = this.custom(request.id, request.pattern);
    return structuredClone(this.techniques[i]);
  }

  async deletePattern(request: IdRequest): Promise<void> {
    this.check('deletePattern');
    const i = this.techniques.findIndex((t) => t.id === request.id && t.custom);
    if (i < 0) throw new IpcFailure('not_found', "That pattern isn't here any more.");
    this.techniques.splice(i, 1);
    if (this.settings.defaultTechniqueId === request.id) this.settings.defaultTechniqueId = 'breathing.box';
  }

  async setTechniqueHidden(request: TechniqueVisibility): Promise<Library> {
    this.check('setTechniqueHidden');
    if (!this.techniques.some((t) => t.id === request.techniqueId)) {
      throw new IpcFailure('invalid_input', `There is no technique called “${request.techniqueId}”.`);
    }
    this.hidden = this.hidden.filter((id) => id !== request.techniqueId);
    if (request.hidden) this.hidden.push(request.techniqueId);
    return this.listTechniques();
  }

  async recordCheckIn(request: NewCheckIn): Promise<CheckIn> {
    this.check('recordCheckIn');
    const session = this.sessions.find((s) => s.id === request.sessionId);
    if (!session) throw new IpcFailure('not_found', "That session isn't here any more.");
    if (session.endedAt) throw new IpcFailure('invalid_input', 'That session has already ended; its check-ins are closed.');
    const checkIn = {
      id: this.nextId('check-in'),
      at: this.now.toISOString(),
      passed: request.passed,
      intensity: request.intensity ?? null,
    };
    this.checkIns.push({ ...checkIn, sessionId: session.id });
    session.checkIns.push(checkIn);
    return structuredClone(checkIn);
  }

  async startSession(request: NewSession): Promise<TechniqueSession> {
    this.check('startSession');
    if (!this.techniques.some((t) => t.id === request.techniqueId)) {
      throw new IpcFailure('invalid_input', `There is no technique called “${request.techniqueId}”.`);
    }
    const before = request.urgeId ? this.find(request.urgeId).intensity : null;
    const session: TechniqueSession = {
      id: this.nextId('session'),
      techniqueId: request.techniqueId,
      urgeId: request.urgeId ?? null,
      startedAt: this.now.toISOString(),
      endedAt: null,
      plannedSeconds: request.plannedSeconds,
      completed: false,
      intensityBefore: before,
      intensityAfter: null,
      helped: null,
      actualSeconds: null,
      checkIns: [],
    };
    this.sessions.push(session);
    return structuredClone(session);
  }

  async finishSession(request: SessionEnd): Promise<TechniqueSession> {
    this.check('finishSession');
    const session = this.sessions.find((s) => s.id === request.id);
    if (!session) throw new IpcFailure('not_found', "That session isn't here any more.");
    if (!session.endedAt) {
      session.endedAt = this.now.toISOString();
      session.completed = request.completed;
    }
    session.intensityAfter = request.intensityAfter ?? session.intensityAfter;
    session.helped = request.helped ?? session.helped;
    session.actualSeconds = request.actualSeconds ?? session.actualSeconds;
    session.plannedSeconds = request.plannedSeconds ?? session.plannedSeconds;
    return structuredClone(session);
  }

  plans: Plan[] = [];
  planUses: PlanUse[] = [];

  private checkPlanInput(request: PlanInput): void {
    for (const [field, text] of [
      ['if', request.ifText],
      ['then', request.thenText],
    ] as const) {
      const trimmed = text.trim();
      if (!trimmed) throw new IpcFailure('invalid_input', `The “${field}” part needs at least one letter or number.`);
      if ([...trimmed].length > 60) {
        throw new IpcFailure('invalid_input', `The “${field}” part can be up to 60 characters; this one has ${[...trimmed].length}.`);
      }
    }
    for (const id of request.chipIds) {
      if (!this.chips.some((c) => c.id === id)) {
        throw new IpcFailure('invalid_input', `There is no chip “${id}”; pick from your chips.`);
      }
    }
    const personId = request.personId;
    if (personId != null && !this.support.people.some((p) => p.id === personId)) {
      throw new IpcFailure('invalid_input', `There is no support person “${personId}”; pick someone from your list.`);
    }
  }

  private findPlan(id: string): Plan {
    const plan = this.plans.find((p) => p.id === id);
    if (!plan) throw new IpcFailure('not_found', "That plan isn't here any more (it may have been deleted).");
    return plan;
  }

  private withStats(plan: Plan): Plan {
    const uses = this.planUses.filter((u) => u.planId === plan.id);
    const outcomes = uses.map((u) => this.urges.find((x) => x.id === u.urgeId)).filter((u) => u?.outcome?.action);
    const drops = uses
      .map((u) => this.urges.find((x) => x.id === u.urgeId))
      .filter((u) => u?.outcome?.intensityAfter != null)
      .map((u) => u!.intensity - u!.outcome!.intensityAfter!);
    return structuredClone({
      ...plan,
      stats: {
        shown: uses.length,
        acted: uses.filter((u) => u.acted).length,
        followed: uses.filter((u) => u.followed === 'yes' || u.followed === 'partly').length,
        answered: uses.filter((u) => u.followed !== null).length,
        withOutcome: outcomes.length,
        wentWell: outcomes.filter((u) => u!.outcome!.action === 'didntUse' || u!.outcome!.action === 'usedLess').length,
        meanDrop: drops.length ? drops.reduce((a, b) => a + b, 0) / drops.length : null,
      },
    });
  }

  private ordered(): Plan[] {
    return [...this.plans].sort((a, b) => a.position - b.position).map((p) => this.withStats(p));
  }

  async listPlans(): Promise<Plan[]> {
    this.check('listPlans');
    return this.ordered();
  }

  async addPlan(request: PlanInput): Promise<Plan> {
    this.check('addPlan');
    this.checkPlanInput(request);
    const plan: Plan = {
      id: this.nextId('plan'),
      ifText: request.ifText.trim(),
      thenText: request.thenText.trim(),
      techniqueId: request.techniqueId ?? null,
      personId: request.personId ?? null,
      chipIds: [...new Set(request.chipIds)],
      timeBand: request.timeBand ?? null,
      position: this.plans.length,
      paused: false,
      createdAt: this.now.toISOString(),
      updatedAt: this.now.toISOString(),
      stats: { shown: 0, acted: 0, followed: 0, answered: 0, withOutcome: 0, wentWell: 0, meanDrop: null },
    };
    this.plans.push(plan);
    return this.withStats(plan);
  }

  async updatePlan(request: PlanEdit): Promise<Plan> {
    this.check('updatePlan');
    const plan = this.findPlan(request.id);
    this.checkPlanInput(request);
    Object.assign(plan, {
      ifText: request.ifText.trim(),
      thenText: request.thenText.trim(),
      techniqueId: request.techniqueId ?? null,
      personId: request.personId ?? null,
      chipIds: [...new Set(request.chipIds)],
      timeBand: request.timeBand ?? null,
    });
    return this.withStats(plan);
  }

  async movePlan(request: PlanMove): Promise<Plan[]> {
    this.check('movePlan');
    const plan = this.findPlan(request.id);
    const rest = [...this.plans].sort((a, b) => a.position - b.position).filter((p) => p !== plan);
    rest.splice(Math.min(request.position, rest.length), 0, plan);
    rest.forEach((p, i) => (p.position = i));
    return this.ordered();
  }

  async setPlanPaused(request: PlanPause): Promise<Plan> {
    this.check('setPlanPaused');
    const plan = this.findPlan(request.id);
    plan.paused = request.paused;
    return this.withStats(plan);
  }

  async deletePlan(request: IdRequest): Promise<void> {
    this.check('deletePlan');
    this.findPlan(request.id);
    this.plans = this.plans.filter((p) => p.id !== request.id);
    this.planUses = this.planUses.filter((u) => u.planId !== request.id);
  }

  async matchingPlans(request: IdRequest): Promise<Plan[]> {
    this.check('matchingPlans');
    const urge = this.find(request.id);
    const local = new Date(Date.parse(urge.occurredAt) + urge.utcOffsetMinutes * 60_000);
    return this.ordered().filter((p) => planMatches(p, this.chips, urge.chipIds, local.getUTCHours()));
  }

  private use(request: PlanUseRequest): PlanUse {
    const plan = this.findPlan(request.planId);
    this.find(request.urgeId);
    let use = this.planUses.find((u) => u.planId === request.planId && u.urgeId === request.urgeId);
    if (!use) {
      use = {
        planId: plan.id,
        urgeId: request.urgeId,
        ifText: plan.ifText,
        thenText: plan.thenText,
        shownAt: this.now.toISOString(),
        acted: false,
        followed: null,
      };
      this.planUses.push(use);
    }
    return use;
  }

  async recordPlanShown(request: PlanUseRequest): Promise<PlanUse> {
    this.check('recordPlanShown');
    return structuredClone(this.use(request));
  }

  async recordPlanActed(request: PlanUseRequest): Promise<PlanUse> {
    this.check('recordPlanActed');
    const use = this.use(request);
    use.acted = true;
    return structuredClone(use);
  }

  async setPlanFollowed(request: PlanFollowedInput): Promise<PlanUse> {
    this.check('setPlanFollowed');
    this.findPlan(request.planId);
    this.find(request.urgeId);
    const use = this.planUses.find((u) => u.planId === request.planId && u.urgeId === request.urgeId);
    if (!use) {
      throw new IpcFailure('invalid_input', "That plan wasn't shown for this craving, so there is nothing to answer about it.");
    }
    use.followed = request.followed ?? null;
    return structuredClone(use);
  }

  async planUsesForUrge(request: IdRequest): Promise<PlanUse[]> {
    this.check('planUsesForUrge');
    this.find(request.id);
    return structuredClone(this.planUses.filter((u) => u.urgeId === request.id));
  }

  /** Days are UTC dates here; the core uses each craving's own offset. */
  async goalReview(request: IdRequest): Promise<GoalReview> {
    this.check('goalReview');
    const thing = this.things.find((t) => t.id === request.id);
    if (!thing) throw new IpcFailure('not_found', "That tracked thing isn't here any more (it may have been deleted).");
    const today = Date.parse(this.now.toISOString().slice(0, 10));
    const days: GoalDay[] = Array.from({ length: 14 }, (_, i) => ({
      date: new Date(today - (13 - i) * 86_400_000).toISOString().slice(0, 10),
      cravings: 0,
      recorded: 0,
      amount: null,
      within: null,
    }));
    let riddenOut = 0;
    let usedLess = 0;
    const more = new Set<string>();
    for (const u of this.urges.filter((x) => x.trackedId === thing.id)) {
      const day = days.find((d) => d.date === u.occurredAt.slice(0, 10));
      if (!day) continue;
      day.cravings += 1;
      const action = u.outcome?.action;
      if (!action) continue;
      day.recorded += 1;
      if (u.outcome!.amount != null) day.amount = (day.amount ?? 0) + u.outcome!.amount;
      if (action === 'didntUse') riddenOut += 1;
      if (action === 'usedLess') usedLess += 1;
      if (action === 'usedMore') more.add(day.date);
    }
    let plan: GoalReview['plan'] = null;
    if (thing.goal.kind === 'cutDown') {
      const planned = thing.goal.plannedAmount;
      const recorded = days.filter((d) => d.recorded > 0);
      for (const d of recorded) d.within = !more.has(d.date) && (d.amount ?? 0) <= planned;
      const amounts = recorded.filter((d) => d.amount !== null).map((d) => d.amount!);
      plan = {
        within: recorded.filter((d) => d.within).length,
        recorded: recorded.length,
        of: 14,
        planned,
        unit: thing.goal.unit,
        actualMean: amounts.length ? amounts.reduce((a, b) => a + b, 0) / amounts.length : null,
      };
    }
    return structuredClone({
      trackedId: thing.id,
      name: thing.name,
      goal: thing.goal,
      days,
      plan,
      cravings: days.reduce((a, d) => a + d.cravings, 0),
      riddenOut,
      usedLess,
    });
  }

  /** Journal entries, whole, newest last. */
  journal: JournalEntry[] = [];
  prompts = [
    'What was going on before the urge?',
    'What did you need in that moment?',
    'What went better than you expected this week?',
    'What would you tell a friend in your place?',
  ];

  private journalBody(body: string): string {
    const text = body.trim();
    if (!text) throw new IpcFailure('invalid_input', 'An entry needs at least one letter or number. Nothing was saved.');
    const chars = [...text].length;
    if (chars > 50_000) {
      throw new IpcFailure(
        'invalid_input',
        `An entry can be up to 50,000 characters; this one has ${chars.toLocaleString('en')}. Nothing was saved.`,
      );
    }
    return text;
  }

  private excerptOf(entry: JournalEntry): JournalEntry {
    const chars = [...entry.text];
    return { ...structuredClone(entry), text: chars.slice(0, 200).join(''), excerpt: chars.length > 200 };
  }

  private journalEntry(id: string): JournalEntry {
    const entry = this.journal.find((e) => e.id === id);
    if (!entry) throw new IpcFailure('not_found', "That journal entry isn't here any more (it may have been deleted).");
    return entry;
  }

  async listJournal(request: JournalQuery): Promise<JournalPage> {
    this.check('listJournal');
    if (request.limit < 1 || request.limit > 100) {
      throw new IpcFailure('invalid_input', `A page holds 1 to 100 entries; got ${request.limit}.`);
    }
    const f = request.filter ?? {};
    const text = f.text?.trim().toLowerCase();
    const all = [...this.journal]
      .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)))
      .filter(
        (e) =>
          (!text || e.text.toLowerCase().includes(text)) &&
          (f.linked == null || (e.urge !== null) === f.linked) &&
          (f.kind == null || e.kind === f.kind) &&
          (f.from == null || e.createdAt.slice(0, 10) >= f.from) &&
          (f.to == null || e.createdAt.slice(0, 10) <= f.to) &&
          (!request.after ||
            e.createdAt < request.after.createdAt ||
            (e.createdAt === request.after.createdAt && e.id < request.after.id)),
      );
    const entries = all.slice(0, request.limit).map((e) => this.excerptOf(e));
    const last = entries[entries.length - 1];
    return { entries, next: all.length > request.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
  }

  async getJournalEntry(request: IdRequest): Promise<JournalEntry> {
    this.check('getJournalEntry');
    return structuredClone(this.journalEntry(request.id));
  }

  async createJournalEntry(request: NewJournalEntry): Promise<JournalEntry> {
    this.check('createJournalEntry');
    const text = this.journalBody(request.body);
    let urgeId = request.urgeId ?? null;
    if (urgeId && !this.urges.some((u) => u.id === urgeId)) {
      throw new IpcFailure('invalid_input', "That craving isn't here any more (it may have been deleted). Nothing was saved.");
    }
    const session = request.sessionId ? this.sessions.find((s) => s.id === request.sessionId) : undefined;
    if (request.sessionId) {
      if (!session) throw new IpcFailure('invalid_input', "That journaling session isn't here any more. Nothing was saved.");
      if (session.endedAt) throw new IpcFailure('invalid_input', 'That journaling session has already ended. Nothing was saved.');
      urgeId = urgeId ?? session.urgeId;
    }
    const urge = urgeId ? this.urges.find((u) => u.id === urgeId) : undefined;
    const at = this.now.toISOString();
    const entry: JournalEntry = {
      id: this.nextId('entry'),
      kind: 'free',
      urge: urge
        ? { id: urge.id, occurredAt: urge.occurredAt, utcOffsetMinutes: urge.utcOffsetMinutes, intensity: urge.intensity }
        : null,
      sessionId: session?.id ?? null,
      prompt: request.prompt?.trim() || null,
      text,
      excerpt: false,
      chars: [...text].length,
      reflection: null,
      createdAt: at,
      utcOffsetMinutes: 60,
      updatedAt: at,
    };
    if (session) {
      session.endedAt = at;
      session.completed = true;
    }
    this.journal.push(entry);
    return structuredClone(entry);
  }

  async editJournalEntry(request: JournalEdit): Promise<JournalEntry> {
    this.check('editJournalEntry');
    const entry = this.journalEntry(request.id);
    entry.text = this.journalBody(request.body);
    entry.chars = [...entry.text].length;
    entry.updatedAt = this.now.toISOString();
    return structuredClone(entry);
  }

  async deleteJournalEntry(request: IdRequest): Promise<void> {
    this.check('deleteJournalEntry');
    this.journalEntry(request.id);
    this.journal = this.journal.filter((e) => e.id !== request.id);
  }

  async journalForUrges(request: JournalForUrges): Promise<JournalEntry[]> {
    this.check('journalForUrges');
    return this.journal.filter((e) => e.urge && request.urgeIds.includes(e.urge.id)).map((e) => this.excerptOf(e));
  }

  async saveReflection(request: NewReflection): Promise<JournalEntry> {
    this.check('saveReflection');
    const name = (id: string | undefined) => {
      if (id == null) return null;
      const t = this.techniques.find((x) => x.id === id);
      if (!t) throw new IpcFailure('invalid_input', `There is no technique called “${id}”.`);
      return t.name;
    };
    const helped = name(request.helpedTechniqueId);
    const next = name(request.nextTechniqueId);
    const week = {
      harder: 'This week felt harder. That is worth knowing, not a verdict.',
      mixed: 'This week was mixed.',
      better: 'This week went better.',
    }[request.week];
    const line = request.line?.trim();
    const text = [
      week,
      helped ? `What helped: ${helped}.` : 'What helped: not sure yet.',
      next ? `Next week I'll try: ${next}.` : 'Next week: keep going as I am.',
    ].join('\n') + (line ? `\n\n${line}` : '');
    const at = this.now.toISOString();
    const entry: JournalEntry = {
      id: this.nextId('entry'),
      kind: 'reflection',
      urge: null,
      sessionId: null,
      prompt: null,
      text,
      excerpt: false,
      chars: [...text].length,
      reflection: {
        week: request.week,
        helpedTechniqueId: request.helpedTechniqueId ?? null,
        nextTechniqueId: request.nextTechniqueId ?? null,
      },
      createdAt: at,
      utcOffsetMinutes: 60,
      updatedAt: at,
    };
    this.journal.push(entry);
    return structuredClone(entry);
  }

  async reflectionStatus(): Promise<ReflectionStatus> {
    this.check('reflectionStatus');
    const last = this.journal
      .filter((e) => e.kind === 'reflection')
      .map((e) => e.createdAt)
      .sort()
      .pop();
    const weekAgo = new Date(this.now.getTime() - 7 * 86_400_000).toISOString();
    const counts = new Map<string, number>();
    for (const s of this.sessions.filter((x) => x.startedAt >= weekAgo)) {
      counts.set(s.techniqueId, (counts.get(s.techniqueId) ?? 0) + 1);
    }
    return {
      enabled: this.settings.weeklyReflection,
      due: this.settings.weeklyReflection && (!last || last <= weekAgo),
      lastAt: last ?? null,
      usedTechniques: [...counts].map(([techniqueId, uses]) => ({
        techniqueId,
        name: this.techniques.find((t) => t.id === techniqueId)?.name ?? techniqueId,
        uses,
      })),
    };
  }

  async journalPrompts(): Promise<string[]> {
    this.check('journalPrompts');
    return [...this.prompts];
  }

  async listSupportPeople() {
    this.check('listSupportPeople');
    return this.support.list();
  }
  async addSupportPerson(request: NewSupportPerson) {
    this.check('addSupportPerson');
    return this.support.add(request);
  }
  async updateSupportPerson(request: SupportPersonEdit) {
    this.check('updateSupportPerson');
    return this.support.update(request);
  }
  async deleteSupportPerson(request: IdRequest) {
    this.check('deleteSupportPerson');
    this.support.remove(request.id);
    // As the core's ON DELETE SET NULL: the person's plans stay, unlinked.
    for (const plan of this.plans) if (plan.personId === request.id) plan.personId = null;
  }
  async reorderSupportPeople(request: ReorderRequest) {
    this.check('reorderSupportPeople');
    return this.support.reorder(request.ids);
  }
  async addSupportMessage(request: NewSupportMessage) {
    this.check('addSupportMessage');
    return this.support.addMessage(request);
  }
  async updateSupportMessage(request: SupportMessageEdit) {
    this.check('updateSupportMessage');
    return this.support.updateMessage(request);
  }
  async deleteSupportMessage(request: IdRequest) {
    this.check('deleteSupportMessage');
    return this.support.removeMessage(request.id);
  }
  async getCrisisNumbers() {
    this.check('getCrisisNumbers');
    return this.support.numbers();
  }
  async addCrisisNumber(request: NewCrisisNumber) {
    this.check('addCrisisNumber');
    return this.support.addNumber(request);
  }
  async editCrisisNumber(request: CrisisNumberEdit) {
    this.check('editCrisisNumber');
    return this.support.editNumber(request);
  }
  async resetCrisisNumber(request: IdRequest) {
    this.check('resetCrisisNumber');
    return this.support.resetNumber(request.id);
  }
  async setCrisisNumberHidden(request: CrisisNumberVisibility) {
    this.check('setCrisisNumberHidden');
    return this.support.hideNumber(request);
  }
  async deleteCrisisNumber(request: IdRequest) {
    this.check('deleteCrisisNumber');
    return this.support.deleteNumber(request.id);
  }
  async getSafetyPlan() {
    this.check('getSafetyPlan');
    return this.support.safetyPlan();
  }
  async setSafetyPlanStep(request: SafetyPlanUpdate) {
    this.check('setSafetyPlanStep');
    return this.support.setStep(request);
  }
  async openContact(url: string) {
    this.check('openContact');
    this.support.open(url);
  }

  // The app lock: stores what tests set up and compares passcodes; the core owns every rule
  // (lengths, delays), so tests set `retryInSeconds` or `failNext` to see its answers.
  /** While true, every call but the lock's own answers `locked`. */
  locked = false;
  protection: KeyProtection = 'keystore';
  keystoreName: string | null = 'Secret Service';
  passcode: string | null = null;
  passcodeKind: PasscodeKind | null = null;
  /** Wrong tries since the last right one. */
  wrongTries = 0;
  retryInSeconds = 0;
  recoveryCode = 'K7QM-3XJ9-ABCD-EFGH-JKMN-PQRS';
  /** What `appShown` does: lock (as the shell does once "Lock after" has passed) or not. */
  lockOnShow = false;

  private lockStatusNow(): LockStatus {
    return {
      locked: this.locked,
      protection: this.protection,
      passcodeKind: this.passcodeKind,
      keystoreName: this.protection === 'keystore' ? this.keystoreName : null,
      wrongTries: this.wrongTries,
      retryInSeconds: this.retryInSeconds,
    };
  }

  private waitFirst(): void {
    if (this.retryInSeconds > 0) {
      throw new IpcFailure('try_later', `Too many tries. You can try again in ${this.retryInSeconds} seconds.`);
    }
  }

  private currentIs(current: string): void {
    if (current !== this.passcode) throw new IpcFailure('wrong_passcode', "That isn't your current PIN or passphrase.");
  }

  async lockStatus(): Promise<LockStatus> {
    this.check('lockStatus');
    return this.lockStatusNow();
  }

  async unlock(request: UnlockRequest): Promise<void> {
    this.check('unlock');
    this.waitFirst();
    if (request.passcode !== this.passcode) {
      this.wrongTries += 1;
      throw new IpcFailure('wrong_passcode', 'That PIN or passphrase is not right.');
    }
    this.wrongTries = 0;
    this.locked = false;
  }

  async recover(request: RecoverRequest): Promise<void> {
    this.check('recover');
    this.waitFirst();
    if (request.recoveryCode !== this.recoveryCode) {
      this.wrongTries += 1;
      throw new IpcFailure('wrong_recovery_code', "That recovery code doesn't match.");
    }
    this.passcode = request.passcode;
    this.passcodeKind = request.kind;
    this.wrongTries = 0;
    this.locked = false;
  }

  async setPasscode(request: SetPasscodeRequest): Promise<RecoveryCode> {
    this.check('setPasscode');
    if (this.passcode !== null) throw new IpcFailure('invalid_input', 'A passcode is already set; change it instead.');
    this.passcode = request.passcode;
    this.passcodeKind = request.kind;
    this.protection = 'passcode';
    this.settings.coverWhenAway = true;
    return { code: this.recoveryCode };
  }

  async changePasscode(request: ChangePasscodeRequest): Promise<void> {
    this.check('changePasscode');
    this.currentIs(request.current);
    this.passcode = request.passcode;
    this.passcodeKind = request.kind;
  }

  async removePasscode(request: RemovePasscodeRequest): Promise<void> {
    this.check('removePasscode');
    this.currentIs(request.current);
    this.passcode = null;
    this.passcodeKind = null;
    this.protection = 'keystore';
  }

  async lockNow(): Promise<void> {
    this.check('lockNow');
    this.locked = true;
  }

  async appHidden(): Promise<void> {
    this.check('appHidden');
  }

  async appShown(): Promise<LockStatus> {
    this.check('appShown');
    if (this.lockOnShow) this.locked = true;
    return this.lockStatusNow();
  }

  async lockedHelp(): Promise<LockedHelp> {
    this.check('lockedHelp');
    return this.support.lockedHelp();
  }

  // Backups: stores what tests set up and what "Back up now" makes; the core owns every rule
  // (what is kept, what a restore backs up first), so tests set `backups` to see its answers.
  dataPath = '/tmp/ebb/ebb.db';
  /** Newest first, as the core lists them. */
  backups: BackupInfo[] = [];
  /** The size "Back up now" reports. */
  backupBytes = 245_760;
  /** The names restored, in order. */
  restored: string[] = [];
  /** The core's message while the data is damaged: every call but appStatus, Help now's and the
   *  backups' answers `damaged`; null while the data is fine. */
  damaged: string | null = null;

  async listBackups(): Promise<BackupInfo[]> {
    this.check('listBackups');
    return structuredClone(this.backups);
  }

  async backUpNow(): Promise<BackupInfo> {
    this.check('backUpNow');
    const stamp = this.now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const backup: BackupInfo = {
      name: `ebb-${stamp}-manual.db`,
      madeAt: this.now.toISOString(),
      reason: 'manual',
      bytes: this.backupBytes,
      cravings: this.urges.length,
    };
    this.backups = [backup, ...this.backups.filter((b) => b.name !== backup.name)];
    return structuredClone(backup);
  }

  async restoreBackup(request: RestoreRequest): Promise<void> {
    this.check('restoreBackup');
    const backup = this.backups.find((b) => b.name === request.name);
    if (!backup) throw new IpcFailure('not_found', "That backup isn't in the backups folder any more.");
    if (backup.cravings === null) throw new IpcFailure('data_unreadable', "That backup can't be read, so it can't be restored.");
    this.restored.push(request.name);
    this.damaged = null;
  }

  /** What recovering damaged data reports. */
  recovered: Recovered = { cravings: 1180, records: 5200, lost: 14, damagedFile: '/data/ebb-damaged-20261129-101500.db' };

  async recoverDamaged(): Promise<Recovered> {
    this.check('recoverDamaged');
    if (!this.damaged) throw new IpcFailure('invalid_input', "Your data isn't damaged, so there is nothing to recover.");
    this.damaged = null;
    return structuredClone(this.recovered);
  }

  // Export and import: stores what tests set up and what each call was asked; the core owns
  // every rule (passphrases, what a file may be, what a merge keeps), so tests set `failNext`
  // or the answers below to see what it says.
  /** What the save dialog answers: a path, or null (the person closed it). */
  savePath: string | null = '/home/sam/Documents/ebb-export.ebbx';
  /** What the open dialog answers: a path, or null (the person closed it). */
  openPath: string | null = '/home/sam/Downloads/ebb-2026-11-20.ebbx';
  /** What each dialog was opened with, in order. */
  dialogs: { kind: 'save' | 'open'; defaultName: string | null; filter: FileFilter }[] = [];
  /** What an export (encrypted or CSV) reports; its path is the one asked for. */
  exportReport: ExportReport = { path: '', bytes: 3_200_000, cravings: 1204 };
  /** The exports asked for, in order (`passphrase` null for CSV). */
  exports: { kind: 'encrypted' | 'csv'; path: string; passphrase: string | null }[] = [];
  /** What a preview answers. */
  importPreview: ImportPreview = { counts: [], fromVersion: 9 };
  /** The previews asked for, in order. */
  previews: ImportPreviewRequest[] = [];
  /** What an import reports. */
  importReport: ImportReport = { added: 0, updated: 0 };
  /** The imports asked for, in order. */
  imports: ImportMode[] = [];
  /** While true, exports, previews and imports wait for `finishTransfer()` (or Cancel) before
   *  answering, so a test can look at what is shown meanwhile. */
  holdTransfers = false;
  private held: { resolve: () => void; reject: (refusal: IpcFailure) => void } | null = null;

  /** Lets the export or import being held answer. */
  finishTransfer(): void {
    this.held?.resolve();
    this.held = null;
  }

  private async transfer<T>(name: string, answer: () => T): Promise<T> {
    this.check(name);
    if (this.holdTransfers) {
      await new Promise<void>((resolve, reject) => (this.held = { resolve, reject }));
    }
    return answer();
  }

  async exportData(request: ExportRequest): Promise<ExportReport> {
    return this.transfer('exportData', () => {
      this.exports.push({ kind: 'encrypted', path: request.path, passphrase: request.passphrase });
      return { ...this.exportReport, path: request.path };
    });
  }

  async exportCsv(request: CsvExportRequest): Promise<ExportReport> {
    return this.transfer('exportCsv', () => {
      this.exports.push({ kind: 'csv', path: request.path, passphrase: null });
      return { ...this.exportReport, path: request.path };
    });
  }

  async previewImport(request: ImportPreviewRequest): Promise<ImportPreview> {
    return this.transfer('previewImport', () => {
      this.previews.push({ ...request });
      return structuredClone(this.importPreview);
    });
  }

  async importData(request: ImportRequest): Promise<ImportReport> {
    return this.transfer('importData', () => {
      this.imports.push(request.mode);
      return { ...this.importReport };
    });
  }

  async cancelTransfer(): Promise<void> {
    this.check('cancelTransfer');
    // The core's answer to the call that was running.
    this.held?.reject(new IpcFailure('cancelled', 'Cancelled. Nothing was changed.'));
    this.held = null;
  }

  // The summary and the coping plan card (fake-summary.ts). Days are UTC dates here.
  summary = new FakeSummary(
    () => this.journal,
    () => this.now.toISOString().slice(0, 10),
  );

  async summaryJournalChoices(request: SummaryPeriod): Promise<JournalChoice[]> {
    this.check('summaryJournalChoices');
    return this.summary.choices(request);
  }

  async previewSummary(request: SummaryRequest): Promise<SummaryPreview> {
    this.check('previewSummary');
    return this.summary.preview(request);
  }

  async saveSummary(request: SaveSummaryRequest): Promise<SavedFile> {
    this.check('saveSummary');
    return this.summary.saveSummary(request);
  }

  async copingCardDraft(): Promise<CopingCard> {
    this.check('copingCardDraft');
    return structuredClone(this.summary.draft);
  }

  async previewCard(request: CardPreviewRequest): Promise<PreviewImage> {
    this.check('previewCard');
    return this.summary.previewCard(request);
  }

  async saveCard(request: SaveCardRequest): Promise<SavedFile> {
    this.check('saveCard');
    return this.summary.saveCard(request);
  }

  async chooseSaveFile(defaultName: string, filter: FileFilter): Promise<string | null> {
    this.check('chooseSaveFile');
    this.dialogs.push({ kind: 'save', defaultName, filter });
    return this.savePath;
  }

  async chooseOpenFile(filter: FileFilter): Promise<string | null> {
    this.check('chooseOpenFile');
    this.dialogs.push({ kind: 'open', defaultName: null, filter });
    return this.openPath;
  }

  private find(id: string): Urge {
    const urge = this.urges.find((u) => u.id === id);
    if (!urge) throw new IpcFailure('not_found', "That craving isn't here any more.");
    return urge;
  }
}
