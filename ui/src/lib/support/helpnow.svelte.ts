// Help now: the person's people, their region's crisis numbers, and their safety plan.
import type { CrisisNumber, CrisisNumbers, SafetyPlanStep } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

export class HelpNowState {
  crisis = $state<CrisisNumbers | null>(null);
  plan = $state<SafetyPlanStep[]>([]);
  error = $state<string | null>(null);
  /** Per step, the refusal of its last save. */
  planErrors = $state<Record<number, string>>({});
  /** Per step, "Saved" after a save. */
  planSaved = $state<Record<number, boolean>>({});

  constructor(private readonly client: EbbClient) {}

  async load(): Promise<void> {
    try {
      const [crisis, plan] = await Promise.all([this.client.getCrisisNumbers(), this.client.getSafetyPlan()]);
      this.crisis = crisis;
      this.plan = plan;
      this.error = null;
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** The numbers to offer: hidden ones left out. */
  get shown(): CrisisNumber[] {
    return (this.crisis?.numbers ?? []).filter((n) => !n.hidden);
  }

  get regionName(): string | null {
    const code = this.crisis?.region;
    if (!code) return null;
    if (code === 'other') return 'Somewhere else';
    return this.crisis?.regions.find((r) => r.code === code)?.name ?? code;
  }

  /** The most recent "last checked" date among the shown built-in numbers. */
  get lastChecked(): string | null {
    const dates = this.shown.map((n) => n.lastChecked).filter((d): d is string => !!d);
    return dates.sort().at(-1) ?? null;
  }

  private async change(action: () => Promise<CrisisNumbers>): Promise<boolean> {
    this.error = null;
    try {
      this.crisis = await action();
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    }
  }

  addNumber(label: string, number: string) {
    return this.change(() => this.client.addCrisisNumber({ label, number }));
  }
  editNumber(id: string, label: string, number: string) {
    return this.change(() => this.client.editCrisisNumber({ id, label, number }));
  }
  resetNumber(id: string) {
    return this.change(() => this.client.resetCrisisNumber({ id }));
  }
  hideNumber(id: string, hidden: boolean) {
    return this.change(() => this.client.setCrisisNumberHidden({ id, hidden }));
  }
  deleteNumber(id: string) {
    return this.change(() => this.client.deleteCrisisNumber({ id }));
  }

  /** Saves one step of the safety plan. */
  async saveStep(step: number, text: string): Promise<boolean> {
    this.planErrors = Object.fromEntries(Object.entries(this.planErrors).filter(([k]) => Number(k) !== step));
    this.planSaved = { ...this.planSaved, [step]: false };
    try {
      this.plan = await this.client.setSafetyPlanStep({ step, text });
      this.planSaved = { ...this.planSaved, [step]: true };
      return true;
    } catch (error) {
      this.planErrors = { ...this.planErrors, [step]: toFailure(error).message };
      return false;
    }
  }
}
