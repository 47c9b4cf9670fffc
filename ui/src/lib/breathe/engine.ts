// The breathing timing engine. Phase boundaries are computed from the session's start instant
// (performance.now()), never by adding up timeouts or frames, so nothing drifts: a frame only
// asks "where are we now?". Pausing shifts the whole schedule by the time spent paused.
// Patterns and their numbers come from care.md §4.

export type PhaseName = 'in' | 'topUp' | 'holdIn' | 'out' | 'holdOut';

export interface Phase {
  name: PhaseName;
  seconds: number;
}

/** A breathing pattern: in, optional top-up, optional hold, out, optional hold (seconds). */
export interface Pattern {
  inhale: number;
  topUp?: number;
  holdIn?: number;
  exhale: number;
  holdOut?: number;
}

/** What to say for each phase (shown, and announced to screen readers). */
export const PHASE_WORDS: Record<PhaseName, string> = {
  in: 'Breathe in',
  topUp: 'A little more in',
  holdIn: 'Hold',
  out: 'Breathe out',
  holdOut: 'Hold',
};

/** The phases of one breath, in order, leaving out those of zero length. */
export function phasesOf(pattern: Pattern): Phase[] {
  const all: Phase[] = [
    { name: 'in', seconds: pattern.inhale },
    { name: 'topUp', seconds: pattern.topUp ?? 0 },
    { name: 'holdIn', seconds: pattern.holdIn ?? 0 },
    { name: 'out', seconds: pattern.exhale },
    { name: 'holdOut', seconds: pattern.holdOut ?? 0 },
  ];
  return all.filter((p) => p.seconds > 0);
}

/** Where a session is at one instant. */
export interface Moment {
  phase: Phase;
  phaseIndex: number;
  /** Breath number, from 0. */
  cycle: number;
  /** 0 → 1 through the current phase. */
  progress: number;
  /** Whole seconds left in this phase, for the countdown (at least 1 while running). */
  countdown: number;
  /** Milliseconds of breathing done (pauses excluded). */
  elapsedMs: number;
  /** Milliseconds of breathing left. */
  remainingMs: number;
  done: boolean;
}

export class BreathingTimer {
  readonly phases: Phase[];
  readonly cycleMs: number;
  /** The session's length: whole breaths, at least the asked duration (never cut mid-breath). */
  readonly totalMs: number;
  private startMs: number;
  private pausedAt: number | null = null;

  constructor(pattern: Pattern, durationSeconds: number, startMs: number) {
    this.phases = phasesOf(pattern);
    this.cycleMs = this.phases.reduce((sum, p) => sum + p.seconds * 1000, 0);
    if (this.cycleMs <= 0) throw new Error('A breathing pattern needs some breathing in and out.');
    this.totalMs = Math.max(1, Math.ceil((durationSeconds * 1000) / this.cycleMs)) * this.cycleMs;
    this.startMs = startMs;
  }

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  pause(nowMs: number): void {
    if (this.pausedAt === null) this.pausedAt = nowMs;
  }

  /** Resumes where it paused: the schedule moves later by the time spent paused. */
  resume(nowMs: number): void {
    if (this.pausedAt === null) return;
    this.startMs += nowMs - this.pausedAt;
    this.pausedAt = null;
  }

  /** Milliseconds of breathing done at `nowMs` (frozen while paused). */
  elapsed(nowMs: number): number {
    const at = this.pausedAt ?? nowMs;
    return Math.min(Math.max(at - this.startMs, 0), this.totalMs);
  }

  at(nowMs: number): Moment {
    const elapsedMs = this.elapsed(nowMs);
    const done = elapsedMs >= this.totalMs;
    // At the very end, report the last phase complete rather than the start of a new breath.
    const t = done ? this.totalMs - 1e-6 : elapsedMs;
    const cycle = Math.floor(t / this.cycleMs);
    let within = t - cycle * this.cycleMs;
    let phaseIndex = 0;
    for (; phaseIndex < this.phases.length - 1; phaseIndex++) {
      const length = this.phases[phaseIndex]!.seconds * 1000;
      if (within < length) break;
      within -= length;
    }
    const phase = this.phases[phaseIndex]!;
    const phaseMs = phase.seconds * 1000;
    return {
      phase,
      phaseIndex,
      cycle,
      progress: done ? 1 : Math.min(within / phaseMs, 1),
      countdown: done ? 0 : Math.max(1, Math.ceil((phaseMs - within) / 1000)),
      elapsedMs,
      remainingMs: this.totalMs - elapsedMs,
      done,
    };
  }

  /** Every scheduled phase start, in ms from the start of breathing (pauses excluded). */
  boundaries(): number[] {
    const out: number[] = [];
    for (let start = 0; start < this.totalMs; start += this.cycleMs) {
      let t = start;
      for (const phase of this.phases) {
        out.push(t);
        t += phase.seconds * 1000;
      }
    }
    return out;
  }
}
