import { describe, expect, it } from 'vitest';
import type { TechniqueEffect } from '../ipc/bindings';
import { PLOT, intervalMarks, intervalScale } from './helps';

function effect(over: Partial<TechniqueEffect>): TechniqueEffect {
  return {
    techniqueId: 'breathing.box',
    name: 'Box breathing',
    uses: 9,
    benefit: 2,
    low: 1,
    high: 3,
    winShare: 0.5,
    winOf: 8,
    confidence: 'based on 9 uses',
    baseline: false,
    ...over,
  };
}

describe('interval plots', () => {
  const box = effect({});
  const worse = effect({ techniqueId: 'x', benefit: -0.5, low: -1.5, high: 0.5 });
  const waiting = effect({ techniqueId: 'waiting', benefit: 0, low: 0, high: 0, baseline: true });
  const scale = intervalScale([box, worse, waiting], 300);

  it('puts every row on one scale that holds all intervals, inside the margins', () => {
    expect(scale.domain).toEqual([-2, 3]);
    expect(scale.x(-2)).toBe(PLOT.pad);
    expect(scale.x(3)).toBe(300 - PLOT.pad);
  });

  it('draws lower cravings to the right of waiting and higher to the left', () => {
    const helps = intervalMarks(box, scale);
    const hurts = intervalMarks(worse, scale);
    expect(helps.dotX, 'benefit 2 is right of 0').toBeGreaterThan(helps.zeroX);
    expect(hurts.dotX, 'benefit −0.5 is left of 0').toBeLessThan(hurts.zeroX);
    expect(helps.zeroX, 'the waiting line is the same on every row').toBe(hurts.zeroX);
  });

  it('spans the bar from low to high with the dot at the estimate', () => {
    const m = intervalMarks(box, scale);
    expect(m.barX).toBeCloseTo(scale.x(1));
    expect(m.barX + m.barWidth).toBeCloseTo(scale.x(3));
    expect(m.dotX).toBeCloseTo(scale.x(2));
  });

  it('keeps a bar visible when the interval is a single point', () => {
    expect(intervalMarks(waiting, scale).barWidth, 'a zero-width bar would vanish').toBeGreaterThanOrEqual(2);
  });
});
