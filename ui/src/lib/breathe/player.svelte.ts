// A breathing session from start to "did this help?": records the session, drives the timing
// engine from the frame clock, and records how it ended and what the person said after.
import type { Technique, TechniqueSession } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import { BreathingTimer, PHASE_WORDS, type Moment } from './engine';

export type Stage = 'running' | 'after' | 'closed';

export class BreathingPlayer {
  stage = $state<Stage>('running');
  moment = $state<Moment | null>(null);
  paused = $state(false);
  /** What screen readers hear: the phase, announced once per phase. */
  announcement = $state('');
  session = $state<TechniqueSession | null>(null);
  intensityAfter = $state<number | null>(null);
  helped = $state<boolean | null>(null);
  error = $state<string | null>(null);
  private timer: BreathingTimer | null = null;
  private lastPhase = '';

  constructor(
    private readonly client: EbbClient,
    readonly technique: Technique,
    readonly durationSeconds: number,
    readonly urgeId: string | null = null,
  ) {}

  /** Records the session and starts breathing at `nowMs` (performance.now()). */
  async start(nowMs: number): Promise<void> {
    const pattern = this.technique.pattern;
    if (!pattern) {
      this.error = `${this.technique.name} is not a breathing pattern.`;
      return;
    }
    // Breathing starts at once; the record is written alongside (cope first, log later).
    this.timer = new BreathingTimer(pattern, this.durationSeconds, nowMs);
    this.tick(nowMs);
    try {
      this.session = await this.client.startSession({
        techniqueId: this.technique.id,
        urgeId: this.urgeId ?? undefined,
        plannedSeconds: this.durationSeconds,
      });
    } catch (error) {
      this.error = toFailure(error).message;
    }
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
    if (!this.session) return;
    try {
      this.session = await this.client.finishSession({ id: this.session.id, completed });
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** "How strong is the craving now?" and "Did this help?", each optional, saved on tap. */
  async answer(change: { intensityAfter?: number; helped?: boolean }): Promise<void> {
    if (!this.session) return;
    if (change.intensityAfter !== undefined) this.intensityAfter = change.intensityAfter;
    if (change.helped !== undefined) this.helped = change.helped;
    try {
      this.session = await this.client.finishSession({
        id: this.session.id,
        completed: this.session.completed,
        intensityAfter: this.intensityAfter ?? undefined,
        helped: this.helped ?? undefined,
      });
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  close(): void {
    this.stage = 'closed';
  }
}
