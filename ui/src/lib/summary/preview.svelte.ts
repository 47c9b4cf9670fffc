// A live preview that follows the person's choices (issue #12): each change waits a moment
// (so typing a line asks once, not per key), then the core draws the pages. An answer that
// comes after a newer question was asked is dropped, so the pages always match the choices
// shown; an unchanged choice isn't drawn twice.
import { toFailure } from '../ipc/client';
import type { Timers } from '../urges/now.svelte';

/** A refusal to show: the core's message as it is, next to the field it names when it names
 *  one (`from`, `talkAbout`, `title`…). */
export type Problem = { field: string | null; message: string };

export function problemOf(error: unknown): Problem {
  const refusal = toFailure(error);
  return { field: refusal.field ?? null, message: refusal.message };
}

/** How long a change waits for the next one before the preview is drawn. */
export const PREVIEW_DELAY_MS = 300;

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type PreviewOptions = { timers?: Timers; delay?: number };

export class LivePreview<T> {
  /** The last drawing that matched the choices when it was asked for. */
  value = $state<T | null>(null);
  /** A drawing is on its way (or waiting for the choices to settle). */
  busy = $state(false);
  /** Why the last drawing couldn't be made. */
  problem = $state<Problem | null>(null);

  private asked = 0;
  private timer: unknown = null;
  /** The choices last asked to be drawn, and those `value` shows. */
  private wanted: string | null = null;
  private drawn: string | null = null;
  private readonly timers: Timers;
  private readonly delay: number;

  /**
   * @param key the choices now, as a string: unchanged choices aren't drawn again.
   * @param draw asks the core; `current()` says whether this drawing is still wanted (to stop
   *   between steps).
   */
  constructor(
    private readonly key: () => string,
    private readonly draw: (current: () => boolean) => Promise<T>,
    options: PreviewOptions = {},
  ) {
    this.timers = options.timers ?? realTimers;
    this.delay = options.delay ?? PREVIEW_DELAY_MS;
  }

  /** The choices may have changed: draw them once they have settled for a moment (the first
   *  time, at once). */
  schedule(): void {
    const key = this.key();
    if (key === this.wanted) return;
    if (this.wanted === null) {
      void this.refresh();
      return;
    }
    this.cancelTimer();
    this.wanted = key;
    if (key === this.drawn && this.problem === null) {
      // Back to the choices shown (a change undone): a drawing of others on its way is dropped.
      this.asked++;
      this.busy = false;
      return;
    }
    this.busy = true;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, this.delay);
  }

  /** Draws the choices now. */
  async refresh(): Promise<void> {
    this.cancelTimer();
    const ask = ++this.asked;
    const current = () => ask === this.asked;
    const key = this.key();
    this.wanted = key;
    this.busy = true;
    try {
      const value = await this.draw(current);
      if (!current()) return;
      this.value = value;
      this.drawn = key;
      this.problem = null;
    } catch (error) {
      if (!current()) return;
      // Nothing shown rather than pages that no longer match the choices.
      this.value = null;
      this.drawn = null;
      this.problem = problemOf(error);
    } finally {
      if (current()) this.busy = false;
    }
  }

  /** The screen closed: nothing more is drawn, and late answers are dropped. */
  stop(): void {
    this.cancelTimer();
    this.asked++;
    this.busy = false;
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
