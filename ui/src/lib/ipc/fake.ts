// An in-memory EbbClient for unit tests: behaves like the store for the calls the UI makes,
// including the refusals the UI reacts to, so state classes are tested against real rules.
import { IpcFailure, type EbbClient } from './client';
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
} from './bindings';
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
import { FakeSupport } from './fake-support';

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
    region: null,
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
    return { dataPath: '/tmp/ebb.db', problem: null };
  }

  async uiReady() {
    this.check('uiReady');
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
      source: 'care.md §4',
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
      source: 'care.md §4',
      custom: false,
      prior: null,
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
      source: 'care.md §4',
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
      source: 'care.md §4',
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

  private find(id: string): Urge {
    const urge = this.urges.find((u) => u.id === id);
    if (!urge) throw new IpcFailure('not_found', "That craving isn't here any more.");
    return urge;
  }
}
