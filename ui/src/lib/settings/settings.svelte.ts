// Settings: the things a person tracks and their goals, their chips, the check-in time.
// Every change goes to the store; a refusal is shown in place and nothing typed is lost.
import type { ChipKind } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import { Vocab } from '../capture/vocab.svelte';
import type { ThingDraft } from '../capture/thing-draft.svelte';
import type { Notifier } from '../outcomes/reminder';

export class SettingsState {
  readonly vocab: Vocab;
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  busy = $state(false);

  constructor(private readonly client: EbbClient) {
    this.vocab = new Vocab(client);
  }

  load(): Promise<void> {
    return this.vocab.load();
  }

  /** Runs one change; reloads what logging offers on success. Returns whether it worked. */
  private async change(work: () => Promise<unknown>, notice: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      await work();
      await this.vocab.load();
      this.notice = notice;
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }

  async addThing(draft: ThingDraft): Promise<boolean> {
    const goal = draft.goal();
    if ('error' in goal) {
      this.error = goal.error;
      return false;
    }
    return this.change(
      () => this.client.addThing({ name: draft.name, goal: goal.goal }),
      `Now tracking “${draft.name.trim()}”.`,
    );
  }

  async saveThing(id: string, draft: ThingDraft): Promise<boolean> {
    const goal = draft.goal();
    if ('error' in goal) {
      this.error = goal.error;
      return false;
    }
    return this.change(() => this.client.updateThing({ id, name: draft.name, goal: goal.goal }), 'Saved.');
  }

  setArchived(id: string, archived: boolean): Promise<boolean> {
    return this.change(
      () => this.client.updateThing({ id, archived }),
      archived ? 'Archived. Its history stays.' : 'Back in the list.',
    );
  }

  addChip(kind: ChipKind, label: string): Promise<boolean> {
    return this.change(() => this.client.addChip({ kind, label }), `Added “${label.trim()}”.`);
  }

  renameChip(id: string, label: string): Promise<boolean> {
    return this.change(() => this.client.updateChip({ id, label }), 'Renamed.');
  }

  setChipHidden(id: string, hidden: boolean): Promise<boolean> {
    return this.change(
      () => this.client.updateChip({ id, hidden }),
      hidden ? 'Hidden from logging.' : 'Shown when logging.',
    );
  }

  /** Moves a chip one place up (-1) or down (+1) within its kind. */
  moveChip(id: string, delta: -1 | 1): Promise<boolean> {
    const chip = this.vocab.chips.find((c) => c.id === id);
    if (!chip) return Promise.resolve(false);
    const position = Math.max(0, chip.position + delta);
    return this.change(() => this.client.updateChip({ id, position }), 'Moved.');
  }

  /** Turns check-in reminders on (asking the platform's permission first) or off. */
  async setReminders(on: boolean, notifier: Notifier): Promise<boolean> {
    if (on) {
      const allowed = await notifier.permit().catch(() => false);
      if (!allowed) {
        this.error =
          'Notifications are off for Ebb in your system settings. Now will still ask when you open Ebb.';
        return false;
      }
    }
    return this.change(
      () => this.client.updateSettings({ reminders: on }),
      on ? 'Ebb will remind you to check in.' : 'No reminders.',
    );
  }

  setRerateMinutes(text: string): Promise<boolean> {
    const minutes = Number(text.trim());
    if (!Number.isInteger(minutes)) {
      this.error = `The check-in time is a whole number of minutes; “${text}” isn't one.`;
      return Promise.resolve(false);
    }
    return this.change(
      () => this.client.updateSettings({ rerateMinutes: minutes }),
      `Ebb will check in ${minutes} minutes after a craving.`,
    );
  }
}
