// A craving's detail: correct it, change its chips, delete it (asked once, then for real).
import type { Urge } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import { fromLocalInput, toLocalInput } from '../time/when';

export class UrgeDetailState {
  urge = $state<Urge | null>(null);
  intensity = $state(0);
  when = $state('');
  note = $state('');
  thingId = $state<string | null>(null);
  confirmingDelete = $state(false);
  deleted = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);

  constructor(private readonly client: EbbClient) {}

  async load(id: string): Promise<void> {
    try {
      this.reset(await this.client.getUrge({ id }));
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  private reset(urge: Urge): void {
    this.urge = urge;
    this.intensity = urge.intensity;
    this.when = toLocalInput(urge.occurredAt);
    this.note = urge.note ?? '';
    this.thingId = urge.trackedId;
  }

  /** Saves the corrected fields. What was typed stays when the store refuses it. */
  async save(): Promise<void> {
    const urge = this.urge;
    if (!urge || this.busy) return;
    const at = fromLocalInput(this.when);
    if (!at) {
      this.error = 'That time could not be read; please pick a date and time.';
      return;
    }
    await this.run(async () => {
      const saved = await this.client.editUrge({
        id: urge.id,
        intensity: this.intensity,
        occurredAt: at.toISOString(),
        note: this.note,
        trackedId: this.thingId ?? undefined,
      });
      this.reset(saved);
      this.notice = 'Changes saved.';
    });
  }

  async toggleChip(chipId: string): Promise<void> {
    const urge = this.urge;
    if (!urge) return;
    await this.run(async () => {
      const on = !urge.chipIds.includes(chipId);
      const chipIds = await this.client.setUrgeChip({ urgeId: urge.id, chipId, on });
      this.urge = { ...urge, chipIds };
    });
  }

  async delete(): Promise<void> {
    const urge = this.urge;
    if (!urge) return;
    if (!this.confirmingDelete) {
      this.confirmingDelete = true;
      return;
    }
    await this.run(async () => {
      await this.client.deleteUrge({ id: urge.id });
      this.deleted = true;
    });
    this.confirmingDelete = false;
  }

  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      await work();
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.busy = false;
    }
  }
}
