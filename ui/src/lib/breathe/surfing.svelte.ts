// Urge surfing (care.md §4): the guided script one step at a time at the person's pace, on a
// 5/10/15/20-minute timer that can be extended, with a gentle check-in every few minutes
// ("Has it passed? How strong is it now?") whose answers are recorded. Time is computed from the
// start instant like the breathing engine, so nothing drifts; pausing shifts it.
import type { Technique } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import { SessionRecorder } from './recorder.svelte';

/** A check-in every three minutes: often enough to notice the wave fall, rare enough to rest. */
export const CHECK_IN_EVERY_MS = 3 * 60_000;
/** "Five more minutes." */
export const EXTEND_MS = 5 * 60_000;
const MAX_MS = 7200 * 1000;

export type SurfStage = 'running' | 'after';

export class UrgeSurfer {
  stage = $state<SurfStage>('running');
  /** How it ended, as the person saw it (the record may still be on its way): null while running. */
  completed = $state<boolean | null>(null);
  step = $state(0);
  elapsedMs = $state(0);
  plannedMs = $state(0);
  paused = $state(false);
  /** A check-in is being asked now. */
  asking = $state(false);
  /** The last answer, for a kind reply. */
  reply = $state<string | null>(null);
  error = $state<string | null>(null);
  readonly record: SessionRecorder;
  private startMs = 0;
  private pausedAt: number | null = null;
  private nextCheckInMs = CHECK_IN_EVERY_MS;

  constructor(
    private readonly client: EbbClient,
    readonly technique: Technique,
    durationSeconds: number,
    urgeId: string | null = null,
  ) {
    this.plannedMs = durationSeconds * 1000;
    this.record = new SessionRecorder(client, technique.id, durationSeconds, urgeId);
  }

  get remainingMs(): number {
    return Math.max(0, this.plannedMs - this.elapsedMs);
  }

  get isLastStep(): boolean {
    return this.step >= this.technique.steps.length - 1;
  }

  /** Starts the timer at `nowMs` at once; the record is written alongside (the returned
   *  promise is the record's, which nothing needs to wait for). */
  start(nowMs: number): Promise<void> {
    this.startMs = nowMs;
    return this.record.start();
  }

  /** Called by a timer: where are we now? Asks a check-in when one is due; ends at the end. */
  tick(nowMs: number): void {
    if (this.stage !== 'running' || this.pausedAt !== null) return;
    this.elapsedMs = Math.min(this.plannedMs, nowMs - this.startMs);
    if (!this.asking && this.elapsedMs >= this.nextCheckInMs && this.remainingMs > 0) {
      this.asking = true;
    }
    if (this.remainingMs === 0) void this.end(true);
  }

  pause(nowMs: number): void {
    if (this.pausedAt === null) this.pausedAt = nowMs;
    this.paused = true;
  }

  resume(nowMs: number): void {
    if (this.pausedAt !== null) this.startMs += nowMs - this.pausedAt;
    this.pausedAt = null;
    this.paused = false;
  }

  next(): void {
    if (!this.isLastStep) this.step += 1;
  }

  back(): void {
    if (this.step > 0) this.step -= 1;
  }

  /** The person asks to check in now ("re-rating as you go"), or answers a due check-in. */
  openCheckIn(): void {
    this.asking = true;
  }

  /** Records an answer; the next check-in comes a few minutes from now. "It passed" ends the
   *  session at once; the answer is saved once the start record exists, before the end. */
  async checkIn(passed: boolean, intensity: number | null): Promise<void> {
    this.asking = false;
    this.nextCheckInMs = this.elapsedMs + CHECK_IN_EVERY_MS;
    this.reply = passed
      ? 'It passed. You rode it out.'
      : intensity !== null
        ? `Noted: ${intensity} now. Keep breathing with it; urges usually peak and ease.`
        : 'Noted. Keep breathing with it.';
    const saved = this.record.attach(async (session) => {
      try {
        await this.client.recordCheckIn({ sessionId: session.id, passed, intensity: intensity ?? undefined });
      } catch (error) {
        this.error = toFailure(error).message;
      }
    });
    // Queued after the check-in: the core closes check-ins once a session has ended.
    if (passed) await Promise.all([saved, this.end(true)]);
    else await saved;
  }

  /** Skips a due check-in without answering. */
  notNow(): void {
    this.asking = false;
    this.nextCheckInMs = this.elapsedMs + CHECK_IN_EVERY_MS;
  }

  /** Five more minutes (up to two hours in all). */
  extend(): void {
    this.plannedMs = Math.min(MAX_MS, this.plannedMs + EXTEND_MS);
  }

  stop(): Promise<void> {
    return this.end(false);
  }

  private async end(completed: boolean): Promise<void> {
    if (this.stage !== 'running') return;
    this.stage = 'after';
    this.completed = completed;
    this.asking = false;
    await this.record.end(completed, {
      actualSeconds: Math.min(7200, Math.round(this.elapsedMs / 1000)),
      plannedSeconds: Math.round(this.plannedMs / 1000),
    });
  }
}
