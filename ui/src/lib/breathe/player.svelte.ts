// A breathing session from start to "did this help?": records the session, drives the timing
// engine from the frame clock, and records how it ended and what the person said after.
import type { Technique } from '../ipc/bindings';
import type { EbbClient } from '../ipc/client';
import { BreathingTimer, PHASE_WORDS, type Moment } from './engine';
import { SessionRecorder } from './recorder.svelte';
import type { Cues } from './cues';

export type Stage = 'running' | 'after' | 'closed';

export class BreathingPlayer {
  stage = $state<Stage>('running');
  moment = $state<Moment | null>(null);
  paused = $state(false);
  /** What screen readers hear: the phase, announced once per phase. */
  announcement = $state('');
  /** Pattern problems; recording problems are on `record.error`. */
  error = $state<string | null>(null);
  readonly record: SessionRecorder;
  private timer: BreathingTimer | null = null;
  private lastPhase = '';

  constructor(
    client: EbbClient,
    readonly technique: Technique,
    readonly durationSeconds: number,
    urgeId: string | null = null,
    private readonly cues: Pick<Cues, 'phase'> | null = null,
  ) {
    this.record = new SessionRecorder(client, technique.id, durationSeconds, urgeId);
  }

  /** Starts breathing at `nowMs` (performance.now()) at once, and writes the record alongside.
   *  The breathing never waits for the record: the returned promise is only the record's (it
   *  resolves once it is written or given up on, and never rejects). */
  start(nowMs: number): Promise<void> {
    const pattern = this.technique.pattern;
    if (!pattern) {
      this.error = `${this.technique.name} is not a breathing pattern.`;
      return Promise.resolve();
    }
    // Breathing starts at once; the record is written alongside (cope first, log later).
    this.timer = new BreathingTimer(pattern, this.durationSeconds, nowMs);
    this.tick(nowMs);
    return this.record.start();
  }

  /** Called every frame: works out where the session is from the clock alone. */
  tick(nowMs: number): void {
    if (!this.timer || this.stage !== 'running') return;
    const moment = this.timer.at(nowMs);
    this.moment = moment;
    const key = `${moment.cycle}:${moment.phaseIndex}`;
    if (key !== this.lastPhase && !moment.done) {
      this.lastPhase = key;
      this.announcement = PHASE_WORDS[moment.phase.name];
      this.cues?.phase(moment.phase.name);
    }
    if (moment.done) void this.end(true);
  }

  pause(nowMs: number): void {
    this.timer?.pause(nowMs);
    this.paused = true;
  }

  resume(nowMs: number): void {
    this.timer?.resume(nowMs);
    this.paused = false;
  }

  /** The always-visible Stop. */
  stop(): Promise<void> {
    return this.end(false);
  }

  private async end(completed: boolean): Promise<void> {
    if (this.stage !== 'running') return;
    this.stage = 'after';
    this.announcement = completed ? 'Well done. The session is over.' : 'Stopped.';
    const elapsed = this.moment?.elapsedMs ?? 0;
    await this.record.end(completed, { actualSeconds: Math.min(7200, Math.round(elapsed / 1000)) });
  }

  close(): void {
    this.stage = 'closed';
  }
}
