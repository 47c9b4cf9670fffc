import { describe, expect, it } from 'vitest';
import type { ContextResult, TechniqueEffect } from '../ipc/bindings';
import {
  axisText,
  benefitText,
  contextBestText,
  count,
  outcomeLine,
  situationsView,
  techniqueSummary,
  tickLabel,
  times,
  winShareText,
} from './words';

const effect = (over: Partial<TechniqueEffect>): TechniqueEffect => ({
  techniqueId: 'breathing.box',
  name: 'Box breathing',
  uses: 272,
  benefit: 2,
  low: 1,
  high: 3,
  winShare: 0.76,
  winOf: 272,
  confidence: 'based on 272 uses',
  baseline: false,
  ...over,
});

const context = (label: string, best: { id: string; name: string } | null, rated = 20): ContextResult => ({
  label,
  rated,
  best: best ? { techniqueId: best.id, name: best.name, benefit: 1.6, low: 0.8, high: 2.4, uses: 9, differs: false } : null,
});

const BOX = { id: 'breathing.box', name: 'Box breathing' };
const SURF = { id: 'urge-surfing', name: 'Urge surfing' };

describe('counts', () => {
  it('reads with thousands separators', () => {
    expect(count(1273), 'four digits need a separator to be read at a glance').toBe('1,273');
    expect(count(999)).toBe('999');
    expect(times(1273)).toBe('1,273 times');
    expect(times(1), 'one time reads as "once"').toBe('once');
  });
});

describe('the line under a technique', () => {
  it('says what the person did once, capitalised, in "times"', () => {
    const line = outcomeLine(effect({}));
    expect(line, 'one sentence, no repeat of the same count').toBe("Didn't use, or used less: 76% of 272 times");
    expect(line).not.toMatch(/uses|based on/);
  });

  it('adds the count of uses only when it says something new', () => {
    expect(outcomeLine(effect({ uses: 3, winOf: 3, winShare: 2 / 3 })), 'few uses are flagged, the count said once').toBe(
      "Didn't use, or used less: 67% of 3 times · early days",
    );
    expect(outcomeLine(effect({ uses: 3, winOf: 2, winShare: 0.5 }))).toBe(
      "Didn't use, or used less: 50% of 2 times · early days: tried 3 times",
    );
    expect(outcomeLine(effect({ uses: 1273, winOf: 1200 })), 'the whole count, when it differs').toBe(
      "Didn't use, or used less: 76% of 1,200 times · tried 1,273 times in all",
    );
    expect(winShareText(effect({ winShare: null, winOf: 0 }))).toBe("Didn't use, or used less: not noted yet");
  });

  it('calls waiting "waiting", never "the baseline"', () => {
    const waiting = effect({ techniqueId: 'waiting', name: 'Just waited', baseline: true, benefit: 0, uses: 4, winOf: 4 });
    expect(benefitText(waiting), 'jargon-free').toBe('the others are compared with this');
    expect(outcomeLine({ ...waiting, winOf: 3 })).toBe("Didn't use, or used less: 76% of 3 times · early days: waited it out 4 times");
    expect(techniqueSummary(waiting), 'screen readers get the same plain words').not.toMatch(/baseline/i);
  });

  it('summarises a technique for screen readers with its interval', () => {
    expect(techniqueSummary(effect({ uses: 1273, winOf: 1273 }))).toBe(
      "Box breathing; about 2 points lower than waiting; likely between 1 lower and 3 lower than waiting; Didn't use, or used less: 76% of 1,273 times.",
    );
  });
});

describe('the axis', () => {
  it('signs every tick as the craving’s change against waiting, with a real minus sign', () => {
    expect([-1, 0, 1, 2].map(tickLabel), 'left of 0 is a higher craving, right of it lower').toEqual([
      '+1',
      '0',
      '\u22121',
      '\u22122',
    ]);
    expect(tickLabel(2), 'U+2212, not a hyphen').not.toContain('-');
    expect(tickLabel(0.04), 'rounds to 0 without a sign').toBe('0');
  });

  it('describes both ends in words', () => {
    expect(axisText([-1, 2])).toBe('The scale runs from 1 point higher than waiting on the left to 2 points lower on the right.');
  });
});

describe('situations', () => {
  it('names the technique that helped most in most situations once, then lists only the others', () => {
    const contexts = [
      ...Array.from({ length: 11 }, (_, i) => context(`Situation ${i + 1}`, BOX)),
      context('Medium cravings (5–7)', SURF),
    ];
    const view = situationsView(contexts);
    expect(view.common, 'said once instead of 11 times').toBe('Box breathing helped most in 11 of 12 situations.');
    expect(view.commonId).toBe('breathing.box');
    expect(view.rows.map((c) => c.label), 'only the exception is listed').toEqual(['Medium cravings (5–7)']);
  });

  it('says "all" when every situation names it, and lists situations with nothing yet', () => {
    expect(situationsView([context('A', BOX), context('B', BOX)]).common).toBe('Box breathing helped most in all 2 situations.');
    const withGap = situationsView([context('A', BOX), context('B', BOX), context('C', null)]);
    expect(withGap.rows.map((c) => c.label), 'a situation with too little data is still shown').toEqual(['C']);
  });

  it('lists every situation when no technique leads in most of them', () => {
    const view = situationsView([context('A', BOX), context('B', SURF), context('C', BOX), context('D', SURF)]);
    expect(view.common, 'half is not most').toBeNull();
    expect(view.rows).toHaveLength(4);
    expect(situationsView([context('A', BOX)]).common, 'one situation is not worth summarising').toBeNull();
  });

  it('words a situation’s best with separators', () => {
    expect(contextBestText({ techniqueId: 'x', name: 'Box breathing', benefit: 2, low: 1.5, high: 2.5, uses: 1273, differs: false })).toBe(
      'Box breathing: about 2 points lower than waiting, 1,273 times',
    );
  });
});
