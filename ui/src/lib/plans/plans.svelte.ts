// If-then plans: the person's list (make, edit, reorder, pause, delete), the plans Now shows for
// a craving just logged, and "Did you follow your plan?" with the outcome. The core judges every
// input; its refusals are shown in place and what was typed stays.
import type { Followed, Plan, PlanInput, PlanStats, PlanUse, SupportPerson, TimeBand } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import { BANDS } from './match';
import type { Reacher } from '../support/reach.svelte';

/** A plan being written or edited. */
export class PlanDraft {
  ifText = $state('');
  thenText = $state('');
  chipIds = $state<string[]>([]);
  timeBand = $state<TimeBand | null>(null);
  techniqueId = $state<string | null>(null);
  /** A support person to call or text from the plan (one of theirs), if any. */
  personId = $state<string | null>(null);

  constructor(readonly plan: Plan | null = null) {
    if (!plan) return;
    this.ifText = plan.ifText;
    this.thenText = plan.thenText;
    this.chipIds = [...plan.chipIds];
    this.timeBand = plan.timeBand;
    this.techniqueId = plan.techniqueId;
    this.personId = plan.personId;
  }

  toggleChip(id: string): void {
    this.chipIds = this.chipIds.includes(id) ? this.chipIds.filter((c) => c !== id) : [...this.chipIds, id];
  }

  /** Whether Ebb will be able to recognise the moment (a chip or a time). */
  get hasCondition(): boolean {
    return this.chipIds.length > 0 || this.timeBand !== null;
  }

  input(): PlanInput {
    return {
      ifText: this.ifText,
      thenText: this.thenText,
      chipIds: this.chipIds,
      ...(this.timeBand ? { timeBand: this.timeBand } : {}),
      ...(this.techniqueId ? { techniqueId: this.techniqueId } : {}),
      ...(this.personId ? { personId: this.personId } : {}),
    };
  }
}

/** "Shown 5 times · followed 4 of 5 · 3 of 4 went the way you hoped", in plain words. */
export function statsLine(stats: PlanStats): string {
  if (stats.shown === 0) return 'Not used yet. Ebb shows it on Now when a craving matches.';
  const parts = [`Shown ${stats.shown} ${stats.shown === 1 ? 'time' : 'times'}`];
  if (stats.answered > 0) parts.push(`followed ${stats.followed} of ${stats.answered}`);
  if (stats.withOutcome > 0) {
    parts.push(`${stats.wentWell} of ${stats.withOutcome} went the way you hoped`);
  }
  if (stats.meanDrop !== null && stats.meanDrop > 0) {
    parts.push(`eased by ${Math.round(stats.meanDrop * 10) / 10} on average`);
  }
  return parts.join(' · ');
}

/** "…or call Sam": the plan's linked person, in the plan's words; empty if none (or gone). */
export function reachLine(plan: Plan, people: SupportPerson[]): string {
  const person = plan.personId ? people.find((p) => p.id === plan.personId) : undefined;
  return person ? `…or call ${person.name}` : '';
}

/** "Evening (5 pm – 10 pm)". */
export function bandLabel(band: TimeBand): string {
  const b = BANDS.find((x) => x.band === band);
  return b ? `${b.label} (${b.hours})` : band;
}

/** The list on "My plans". */
export class PlansState {
  list = $state<Plan[]>([]);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  busy = $state(false);
  loaded = $state(false);
  /** The support people a plan can name ("…or reach out to"). */
  people = $state<SupportPerson[]>([]);

  constructor(private readonly client: EbbClient) {}

  async load(): Promise<void> {
    try {
      [this.list, this.people] = await Promise.all([
        this.client.listPlans(),
        // Without the list, plans still show, just without "…or call Sam".
        this.client.listSupportPeople().catch(() => this.people),
      ]);
      this.error = null;
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.loaded = true;
    }
  }

  private async change(work: () => Promise<unknown>, notice: string | null): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      await work();
      this.list = await this.client.listPlans();
      this.notice = notice;
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Saves a new plan, or the edit of `draft.plan`. */
  save(draft: PlanDraft): Promise<boolean> {
    const plan = draft.plan;
    return plan
      ? this.change(() => this.client.updatePlan({ id: plan.id, ...draft.input() }), 'Plan saved.')
      : this.change(() => this.client.addPlan(draft.input()), 'Plan added.');
  }

  /** One place up (-1) or down (+1). */
  move(id: string, by: -1 | 1): Promise<boolean> {
    const at = this.list.findIndex((p) => p.id === id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= this.list.length) return Promise.resolve(false);
    return this.change(() => this.client.movePlan({ id, position: to }), null);
  }

  setPaused(id: string, paused: boolean): Promise<boolean> {
    return this.change(
      () => this.client.setPlanPaused({ id, paused }),
      paused ? 'Paused. It stays here until you resume it.' : 'Resumed.',
    );
  }

  remove(id: string): Promise<boolean> {
    return this.change(() => this.client.deletePlan({ id }), 'Plan deleted.');
  }
}

/** The plans Now shows first for the craving just logged. Each showing is recorded once. */
export class NowPlans {
  list = $state<Plan[]>([]);
  /** Plans acted on for this craving. */
  acted = $state<string[]>([]);
  error = $state<string | null>(null);
  /** The support people, loaded once a shown plan names one (for "Call Sam"). */
  people = $state<SupportPerson[]>([]);
  private urgeId: string | null = null;
  private shown: string[] = [];
  private peopleLoaded = false;

  constructor(private readonly client: EbbClient) {}

  /** The craving the plans are shown for. */
  get currentUrge(): string | null {
    return this.urgeId;
  }

  /** The support person a plan names, if they are still on the list. */
  personOf(plan: Plan): SupportPerson | undefined {
    return plan.personId ? this.people.find((p) => p.id === plan.personId) : undefined;
  }

  /** Asks again which plans match (after logging, and after each chip tap). */
  async refresh(urgeId: string): Promise<void> {
    if (urgeId !== this.urgeId) {
      this.urgeId = urgeId;
      this.shown = [];
      this.acted = [];
      this.list = [];
      this.peopleLoaded = false;
    }
    try {
      const list = await this.client.matchingPlans({ id: urgeId });
      if (this.urgeId !== urgeId) return;
      if (!this.peopleLoaded && list.some((p) => p.personId)) {
        this.peopleLoaded = true;
        // Without the list the plan still shows, just without "Call …".
        this.people = await this.client.listSupportPeople().catch(() => []);
      }
      this.list = list;
      for (const plan of list) {
        if (this.shown.includes(plan.id)) continue;
        this.shown.push(plan.id);
        await this.client.recordPlanShown({ planId: plan.id, urgeId });
      }
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** "I'll do this" or starting the plan's technique. */
  async act(planId: string): Promise<boolean> {
    const urgeId = this.urgeId;
    if (!urgeId) return false;
    try {
      await this.client.recordPlanActed({ planId, urgeId });
      if (!this.acted.includes(planId)) this.acted = [...this.acted, planId];
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    }
  }

  /**
   * "Call Sam" / "Text Sam" on a plan: exactly the support helper's reach out (the link handed
   * to the phone, one reaching-out use recorded for the craving, the number shown to copy when
   * it can't open), and the plan recorded as acted on.
   */
  async reach(planId: string, reacher: Reacher, how: 'tel' | 'sms'): Promise<void> {
    const plan = this.list.find((p) => p.id === planId);
    const person = plan ? this.personOf(plan) : undefined;
    if (!person) return;
    const acting = this.act(planId);
    await reacher.reach(person.links[how], person.name, person.phone, this.urgeId);
    await acting;
  }

  clear(): void {
    this.urgeId = null;
    this.shown = [];
    this.list = [];
    this.acted = [];
    this.error = null;
  }
}

export const FOLLOWED_LABELS: Record<Followed, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'Not this time',
};

/** "Did you follow your plan?" for each plan shown for a craving. */
export class PlanFollowState {
  uses = $state<PlanUse[]>([]);
  error = $state<string | null>(null);
  busy = $state(false);

  constructor(
    private readonly client: EbbClient,
    readonly urgeId: string,
  ) {}

  async load(): Promise<void> {
    try {
      this.uses = await this.client.planUsesForUrge({ id: this.urgeId });
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  async answer(planId: string, followed: Followed): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const saved = await this.client.setPlanFollowed({ planId, urgeId: this.urgeId, followed });
      this.uses = this.uses.map((u) => (u.planId === planId ? saved : u));
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.busy = false;
    }
  }
}
