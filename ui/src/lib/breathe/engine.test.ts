import { describe, expect, it } from 'vitest';
import { BreathingTimer, PHASE_WORDS, phasesOf, type Pattern } from './engine';

// care.md §4.
const PRESETS: Record<string, Pattern> = {
  cyclicSighing: { inhale: 2, topUp: 1, exhale: 6 },
  extendedExhale: { inhale: 4, exhale: 6 },
  resonance: { inhale: 5.5, exhale: 5.5 },
  box: { inhale: 4, holdIn: 4, exhale: 4, holdOut: 4 },
  boxNoHolds: { inhale: 4, exhale: 4 },
  fourSevenEight: { inhale: 4, holdIn: 7, exhale: 8 },
};

/** A deterministic frame clock: ~60 fps with up to ±3 ms of jitter. */
function* frames(totalMs: number, seed = 1): Generator<number> {
  let t = 0;
  let s = seed;
  while (t <= totalMs + 100) {
    yield t;
    s = (s * 1103515245 + 12345) % 2147483648;
    t += 16.667 + ((s / 2147483648) * 6 - 3);
  }
}

describe('phases', () => {
  it('follows each preset’s sequence', () => {
    expect(phasesOf(PRESETS.cyclicSighing!).map((p) => p.name)).toEqual(['in', 'topUp', 'out']);
    expect(phasesOf(PRESETS.box!).map((p) => p.name)).toEqual(['in', 'holdIn', 'out', 'holdOut']);
    expect(phasesOf(PRESETS.boxNoHolds!).map((p) => p.name)).toEqual(['in', 'out']);
    expect(phasesOf(PRESETS.fourSevenEight!).map((p) => [p.name, p.seconds])).toEqual([
      ['in', 4],
      ['holdIn', 7],
      ['out', 8],
    ]);
    expect(PHASE_WORDS.holdIn).toBe('Hold');
  });
});

describe('BreathingTimer', () => {
  it('sees every phase boundary of a 5-minute session within 20 ms, for every preset', () => {
    for (const [name, pattern] of Object.entries(PRESETS)) {
      const start = 1_000; // performance.now() when the session began
      const timer = new BreathingTimer(pattern, 300, start);
      const scheduled = timer.boundaries();
      const seen: number[] = [];
      let last = -1;
      let lastCycle = -1;
      for (const t of frames(timer.totalMs)) {
        const m = timer.at(start + t);
        if (m.done) break;
        if (m.phaseIndex !== last || m.cycle !== lastCycle) {
          seen.push(t);
          last = m.phaseIndex;
          lastCycle = m.cycle;
        }
      }
      expect(seen.length, `${name}: every phase is seen`).toBe(scheduled.length);
      const worst = Math.max(...seen.map((t, i) => t - scheduled[i]!));
      expect(worst, `${name}: a boundary is noticed within 20 ms`).toBeLessThan(20);
      expect(Math.min(...seen.map((t, i) => t - scheduled[i]!)), `${name}: never early`).toBeGreaterThanOrEqual(0);
    }
  });

  it('ends on a whole breath, never mid-exhale', () => {
    const timer = new BreathingTimer(PRESETS.fourSevenEight!, 60, 0);
    expect(timer.totalMs).toBe(4 * 19_000); // 60 s asks for 3.2 breaths: 4 whole ones
    const end = timer.at(timer.totalMs + 5);
    expect(end.done).toBe(true);
    expect(end.phase.name).toBe('out');
  });

  it('pauses without losing its place and shifts the schedule on resume', () => {
    const timer = new BreathingTimer(PRESETS.box!, 300, 0);
    timer.pause(10_000);
    const frozen = timer.at(10_000);
    expect(timer.at(14_000), 'nothing moves while paused').toEqual(frozen);
    timer.resume(15_000);
    expect(timer.at(15_000).elapsedMs, 'resumes where it paused').toBe(10_000);
    expect(timer.at(16_000).phase.name, '11 s into box (4-4-4-4): breathing out').toBe('out');
    expect(timer.at(17_000).phase.name, '12 s into box: the hold after breathing out').toBe('holdOut');
    const end = 15_000 + timer.totalMs - 10_000;
    expect(timer.at(end - 1).done, 'the pause is added to the end').toBe(false);
    expect(timer.at(end).done).toBe(true);
  });

  it('counts down whole seconds within a phase', () => {
    const timer = new BreathingTimer(PRESETS.extendedExhale!, 60, 0);
    expect(timer.at(0).countdown).toBe(4);
    expect(timer.at(3_100).countdown).toBe(1);
    expect(timer.at(4_000).phase.name).toBe('out');
    expect(timer.at(4_000).countdown).toBe(6);
    expect(timer.at(5_500).progress).toBeCloseTo(0.25, 5);
  });

  it('refuses a pattern with no breathing', () => {
    expect(() => new BreathingTimer({ inhale: 0, exhale: 0 }, 60, 0)).toThrow(/breathing in and out/);
  });
});
