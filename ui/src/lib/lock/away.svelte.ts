// Switching away from Ebb (issue #10): the shell is told each time (it runs the "Lock after"
// clock and decides on return whether Ebb locks), and a plain cover hides the app meanwhile
// when the person asked for it, or while Ebb is locked, so the app switcher's preview and a
// glance over the shoulder show only the word "Ebb".
import type { EbbClient } from '../ipc/client';
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

  /** How many of Ebb's own dialogs are up (choosing where to save an export, or which file
   *  to import). The platform's picker takes the focus (on phones, the whole screen), but the
   *  person is still in Ebb, answering Ebb's question: that isn't switching away, so "Lock
   *  after" doesn't start and the cover stays down. Otherwise "Immediately" would lock Ebb
   *  the moment a file is chosen, before it could be saved. */
  private dialogs = 0;

  /** Runs `open` (one of Ebb's own dialogs); leaving signals meanwhile are ignored. */
  async whileDialog<T>(open: () => Promise<T>): Promise<T> {
    this.dialogs += 1;
    try {
      return await open();
    } finally {
      this.dialogs -= 1;
    }
  }

  /** Window blur or the document hidden. A second signal for the same leaving is ignored, and
   *  so is one while Ebb's own dialog is up. */
  hide(): Promise<void> {
    if (this.away || this.dialogs > 0) return Promise.resolve();
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

/** `client`, with its file dialogs run through `away.whileDialog`: the platform's picker is
 *  part of Ebb, not a switch away. Every other call is the client's own. */
export function keepDialogsIn(client: EbbClient, away: AwayWatch): EbbClient {
  const wrapped: Partial<EbbClient> = {
    chooseSaveFile: (defaultName, filter) => away.whileDialog(() => client.chooseSaveFile(defaultName, filter)),
    chooseOpenFile: (filter) => away.whileDialog(() => client.chooseOpenFile(filter)),
  };
  return new Proxy(client, {
    get(target, prop) {
      if (Object.prototype.hasOwnProperty.call(wrapped, prop)) return wrapped[prop as keyof EbbClient];
      return Reflect.get(target, prop, target);
    },
  });
}
