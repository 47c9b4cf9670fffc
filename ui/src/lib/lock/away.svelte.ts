// Switching away from Ebb (issue #10): the shell is told each time (it runs the "Lock after"
// clock and decides on return whether Ebb locks), and a plain cover hides the app meanwhile
// when the person asked for it, or while Ebb is locked, so the app switcher's preview and a
// glance over the shoulder show only the word "Ebb".
import type { LockState } from './lock.svelte';

export class AwayWatch {
  /** The window is hidden or not focused. */
  away = $state(false);

  constructor(
    private readonly lock: LockState,
    /** The person's "Cover Ebb when you switch away" setting. */
    private readonly coverWhenAway: () => boolean,
  ) {}

  /** Back, and waiting for the shell to say whether Ebb locked meanwhile. */
  returning = $state(false);

  /** The plain cover is up: while away if the person asked for it (or Ebb is locked), and on
   *  return until the shell has answered whenever a passcode is set, so what was on screen
   *  never flashes up before the unlock screen replaces it. */
  get covered(): boolean {
    const asked = this.coverWhenAway() || this.lock.locked;
    return (this.away && asked) || (this.returning && (asked || this.lock.hasPasscode));
  }

  /** Window blur or the document hidden. A second signal for the same leaving is ignored. */
  hide(): Promise<void> {
    if (this.away) return Promise.resolve();
    this.away = true;
    return this.lock.hidden();
  }

  /** Window focus or the document visible again. */
  async show(): Promise<void> {
    if (!this.away) return;
    this.away = false;
    this.returning = true;
    try {
      await this.lock.shown();
    } finally {
      this.returning = false;
    }
  }
}
