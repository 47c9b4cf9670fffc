// "Save what can still be read" on the damaged-data screen (issue #11): the core copies every
// record it can still read into a new store and keeps the damaged file; then the app reloads.
import type { EbbClient } from '../ipc/client';
import { toFailure } from '../ipc/client';
import type { Recovered } from '../ipc/bindings';

export class RecoverState {
  /** Asked once before anything happens. */
  asking = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);

  constructor(
    private readonly client: EbbClient,
    private readonly onrecovered: (saved: Recovered) => void | Promise<void>,
  ) {}

  ask(): void {
    this.error = null;
    this.asking = true;
  }

  cancel(): void {
    this.asking = false;
  }

  /** Runs the recovery; true when the new store is in place. */
  async confirm(): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      const saved = await this.client.recoverDamaged();
      this.asking = false;
      await this.onrecovered(saved);
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
