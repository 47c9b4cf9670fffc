// "How strong is it now?" on Now, a fixed interval after a craving (care.md §3). Asks about the
// newest craving only, once: "Not now" or an answer settles it.
import type { Rerate } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import type { Timers } from '../urges/now.svelte';

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The longest single wait before checking again (timers drift while a laptop sleeps). */
const MAX_WAIT_MS = 60_000;

export class RerateState {
  /** The craving being asked about, once due. */
  due = $state<Rerate | null>(null);
  error = $state<string | null>(null);
  private timer: unknown = null;

  constructor(
    private readonly client: EbbClient,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = Date.now,
  ) {}

  /** Asks the store what is pending, shows it when due, and otherwise checks again then. */
  async refresh(): Promise<void> {
    this.stop();
    try {
      const pending = await this.client.getRerate();
      this.due = pending?.due ? pending : null;
      if (pending && !pending.due) {
        const wait = Math.min(Math.max(Date.parse(pending.dueAt) - this.now(), 0) + 250, MAX_WAIT_MS);
        this.timer = this.timers.setTimeout(() => void this.refresh(), wait);
      }
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** "Not now": never asks about this craving again. */
  async notNow(): Promise<void> {
    const due = this.due;
    if (!due) return;
    try {
      await this.client.dismissRerate({ urgeId: due.urgeId });
      this.due = null;
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** The person answered (the outcome editor saved): stop asking. */
  answered(): void {
    this.due = null;
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
