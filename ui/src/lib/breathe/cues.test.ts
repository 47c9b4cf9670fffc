import { describe, expect, it } from 'vitest';
import { Cues, PHASE_BUZZES, PHASE_TONES } from './cues';
import type { PhaseName } from './engine';

describe('Cues', () => {
  it('plays a distinct tone and vibration per phase when each is on', () => {
    const tones: number[] = [];
    const buzzes: number[][] = [];
    const cues = new Cues({ tone: (hz) => tones.push(hz), vibrate: (p) => buzzes.push(p) }, { tones: true, haptics: true });
    cues.phase('in');
    cues.phase('out');
    expect(tones).toEqual([PHASE_TONES.in, PHASE_TONES.out]);
    expect(tones[0], 'in and out sound different').not.toBe(tones[1]);
    expect(buzzes).toEqual([[60], [60, 120, 60]]);
    const phases: PhaseName[] = ['in', 'topUp', 'holdIn', 'out', 'holdOut'];
    expect(phases.every((p) => PHASE_BUZZES[p].length > 0)).toBe(true);
  });

  it('is silent when off (tones are off by default) and never throws without audio or vibration', () => {
    const played: unknown[] = [];
    new Cues({ tone: (hz) => played.push(hz), vibrate: (p) => played.push(p) }, { tones: false, haptics: false }).phase('in');
    expect(played).toEqual([]);
    const broken = new Cues(
      {
        tone: () => {
          throw new Error('no audio device');
        },
        vibrate: () => {
          throw new Error('no motor');
        },
      },
      { tones: true, haptics: true },
    );
    expect(() => broken.phase('in')).not.toThrow();
    expect(() => new Cues({}, { tones: true, haptics: true }).phase('out')).not.toThrow();
  });
});
