// A step-by-step practice (SOBER, RAIN, 5-4-3-2-1 …): one step a screen, at the person's pace.
// Reaching the last step and finishing counts as completed; leaving earlier as stopped early.
import type { Technique } from '../ipc/bindings';
import type { EbbClient } from '../ipc/client';
import { SessionRecorder } from './recorder.svelte';

/** A practice has no timer; a minute a step is the planned length the record keeps. */
const SECONDS_PER_STEP = 60;

export class StepsPlayer {
  index = $state(0);
  finished = $state(false);
  /** Went through every step (true) or left early (false); null until finished. Known at once,
   *  whatever the record is doing. */
  completed = $state<boolean | null>(null);
  readonly record: SessionRecorder;

  constructor(
    client: EbbClient,
    readonly technique: Technique,
    urgeId: string | null = null,
  ) {
    const planned = Math.max(1, technique.steps.length) * SECONDS_PER_STEP;
    this.record = new SessionRecorder(client, technique.id, planned, urgeId);
  }

  get step() {
    return this.technique.steps[this.index];
  }

  get isLast(): boolean {
    return this.index >= this.technique.steps.length - 1;
  }

  /** Writes the start record; the first step is shown without waiting for it. */
  start(): Promise<void> {
    return this.record.start();
  }

  back(): void {
    if (this.index > 0) this.index -= 1;
  }

  /** Next step, or on the last one, finish (completed). */
  async next(): Promise<void> {
    if (!this.isLast) {
      this.index += 1;
      return;
    }
    await this.finish(true);
  }

  /** Leaving before the end: recorded as stopped early. */
  stop(): Promise<void> {
    return this.finish(false);
  }

  private async finish(completed: boolean): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.completed = completed;
    await this.record.end(completed);
  }
}
