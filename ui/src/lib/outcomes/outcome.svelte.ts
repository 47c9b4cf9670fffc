// Recording what came of a craving. Each tap (how strong now, what you did) is saved at once;
// the amount and note are saved with a button. A refusal leaves what was typed in place.
import type { Goal, Outcome, Urge, UseAction } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import { replyFor } from './words';

export class OutcomeEditor {
  intensityAfter = $state<number | null>(null);
  action = $state<UseAction | null>(null);
  amount = $state('');
  note = $state('');
  /** Ebb's reply to the last save. */
  reply = $state<string | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);

  constructor(
    private readonly client: EbbClient,
    readonly urgeId: string,
    readonly before: number,
    readonly goal: Goal | null,
    existing: Outcome | null = null,
  ) {
    if (existing) {
      this.intensityAfter = existing.intensityAfter;
      this.action = existing.action;
      this.amount = existing.amount === null ? '' : String(existing.amount);
      this.note = existing.note ?? '';
    }
  }

  static forUrge(client: EbbClient, urge: Urge, goal: Goal | null): OutcomeEditor {
    return new OutcomeEditor(client, urge.id, urge.intensity, goal, urge.outcome);
  }

  async setIntensity(value: number): Promise<void> {
    const previous = this.intensityAfter;
    this.intensityAfter = value;
    if (!(await this.save())) this.intensityAfter = previous;
  }

  async setAction(value: UseAction): Promise<void> {
    const previous = this.action;
    this.action = value;
    if (!(await this.save())) this.action = previous;
  }

  /** Saves everything as it stands (used for the amount and note). */
  async save(): Promise<boolean> {
    if (this.busy) return false;
    const amountText = this.amount.trim().replace(',', '.');
    const amount = amountText === '' ? null : Number(amountText);
    if (amount !== null && !Number.isFinite(amount)) {
      this.error = `An amount is a number; “${this.amount}” isn't one.`;
      return false;
    }
    this.busy = true;
    this.error = null;
    try {
      const saved = await this.client.setOutcome({
        urgeId: this.urgeId,
        intensityAfter: this.intensityAfter ?? undefined,
        action: this.action ?? undefined,
        amount: amount ?? undefined,
        note: this.note.trim() === '' ? undefined : this.note,
      });
      this.reply = replyFor(saved.action, this.before, saved.intensityAfter);
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
