// The Now screen's state: one tap logs a craving; then Undo for a few seconds and an optional note.
import type { Urge } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

/** How long Undo stays offered after a craving is saved. */
export const UNDO_MS = 8_000;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class NowState {
  /** The craving just saved, while its "Saved" panel is shown. */
  saved = $state<Urge | null>(null);
  /** Whether Undo is still offered for `saved`. */
  canUndo = $state(false);
  /** A request is on its way: further taps are ignored (a shaky double tap logs once). */
  busy = $state(false);
  /** The last refusal or error, in words for the person. */
  error = $state<string | null>(null);
  /** A short confirmation, e.g. after Undo or a saved note. */
  notice = $state<string | null>(null);
  /** The note being typed; kept when saving it fails. */
  noteDraft = $state('');
  /** The tracked thing the next craving is about (null: none, or the store's default). */
  thingId = $state<string | null>(null);

  private undoTimer: unknown = null;

  constructor(
    private readonly client: EbbClient,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Logs a craving of `intensity` now. One tap, no other field needed. */
  async log(intensity: number): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      this.saved = await this.client.logUrge(
        this.thingId ? { intensity, trackedId: this.thingId } : { intensity },
      );
      this.noteDraft = '';
      this.offerUndo();
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.busy = false;
    }
  }

  /** Removes the craving just saved, for real. */
  async undo(): Promise<void> {
    const saved = this.saved;
    if (!saved || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      await this.client.deleteUrge({ id: saved.id });
      this.clearUndo();
      this.saved = null;
      this.noteDraft = '';
      this.notice = 'Removed. Nothing was kept.';
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.busy = false;
    }
  }

  /** Saves the typed note on the craving just saved. The draft stays if it fails. */
  async saveNote(): Promise<void> {
    const saved = this.saved;
    if (!saved || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      this.saved = await this.client.setUrgeNote({ id: saved.id, note: this.noteDraft });
      this.notice = this.saved.note ? 'Note saved.' : 'Note cleared.';
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.busy = false;
    }
  }

  /** Puts a chip on the craving just saved, or takes it off: saved at once. */
  async toggleChip(chipId: string): Promise<void> {
    const saved = this.saved;
    if (!saved || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const on = !saved.chipIds.includes(chipId);
      const chipIds = await this.client.setUrgeChip({ urgeId: saved.id, chipId, on });
      this.saved = { ...saved, chipIds };
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.busy = false;
    }
  }

  /** "It was earlier": moves the craving just saved to `at`. */
  async moveTo(at: Date): Promise<void> {
    const saved = this.saved;
    if (!saved || this.busy) return;
    if (Number.isNaN(at.getTime())) {
      this.error = 'That time could not be read; please pick it again.';
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      this.saved = await this.client.editUrge({
        id: saved.id,
        intensity: saved.intensity,
        occurredAt: at.toISOString(),
        note: saved.note ?? undefined,
        trackedId: saved.trackedId ?? undefined,
      });
      this.notice = 'Time updated.';
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.busy = false;
    }
  }

  /** Back to the scale, ready for the next craving. */
  logAnother(): void {
    this.clearUndo();
    this.saved = null;
    this.noteDraft = '';
    this.error = null;
    this.notice = null;
  }

  private offerUndo(): void {
    this.clearUndo();
    this.canUndo = true;
    this.undoTimer = this.timers.setTimeout(() => {
      this.canUndo = false;
      this.undoTimer = null;
    }, UNDO_MS);
  }

  private clearUndo(): void {
    if (this.undoTimer !== null) this.timers.clearTimeout(this.undoTimer);
    this.undoTimer = null;
    this.canUndo = false;
  }
}
