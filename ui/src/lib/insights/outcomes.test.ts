import { describe, expect, it } from 'vitest';
import type { OutcomeWeek } from '../ipc/bindings';
import {
  OUTCOMES_BOX,
  fitLabels,
  outcomeShares,
  outcomesLayout,
  outcomesSummary,
  outcomeTotals,
  weekLabelIndices,
} from './outcomes';

const weeks: OutcomeWeek[] = [
  { weekStart: '2025-03-03', recorded: 4, riddenOut: 2, usedLess: 1 },
  { weekStart: '2025-03-10', recorded: 0, riddenOut: 0, usedLess: 0 },
  { weekStart: '2025-03-17', recorded: 5, riddenOut: 5, usedLess: 0 },
];

describe('outcome shares', () => {
  it('are shares of the cravings where what they did was recorded', () => {
    expect(outcomeShares(weeks[0]!)).toEqual({ riddenOut: 0.5, usedLess: 0.25 });
  });

  it('are missing, not 0%, for a week with nothing recorded', () => {
    expect(outcomeShares(weeks[1]!), 'no data is not a bad week').toBeNull();
  });
});

describe('outcomesLayout', () => {
  const layout = outcomesLayout(weeks);

  it('stacks "used less" on top of "didn\'t use"', () => {
    const bar = layout.bars[0]!;
    expect(bar.riddenY + bar.riddenHeight, 'ridden out starts at the base').toBeCloseTo(layout.baseY);
    expect(bar.lessY + bar.lessHeight, 'used less sits right on top').toBeCloseTo(bar.riddenY);
    expect(bar.lessHeight * 2, '25% is half of 50%').toBeCloseTo(bar.riddenHeight);
  });

  it('draws a full bar when every recorded craving was ridden out', () => {
    const full = layout.bars[2]!;
    const top = layout.shareTicks.find((t) => t.value === 1)!;
    expect(full.riddenY).toBeCloseTo(top.y);
    expect(full.lessHeight).toBe(0);
  });

  it('labels the share axis in percent', () => {
    expect(layout.shareTicks.map((t) => t.text)).toEqual(['0%', '50%', '100%']);
  });
});

describe('outcomesSummary', () => {
  it('gives the totals and each recorded week', () => {
    expect(outcomeTotals(weeks)).toEqual({ recorded: 9, riddenOut: 7, usedLess: 1 });
    const text = outcomesSummary('Evening wine', weeks);
    expect(text).toContain("Evening wine: 9 cravings with what you did recorded; didn't use 7 (78%), used less than planned 1 (11%).");
    expect(text).toContain("week of 17 Mar: didn't use 5 and used less 0 of 5");
    expect(text, 'weeks with nothing recorded are left out').not.toContain('10 Mar');
  });

  it('is kind when nothing was recorded', () => {
    expect(outcomesSummary('Vaping', [weeks[1]!])).toBe('Vaping: nothing recorded in this time yet.');
  });
});

describe('fitLabels: room for the labels as drawn (issue #14: "100%" clipped to ".00%")', () => {
  it('keeps the default margins while labels fit them, or before they are measured', () => {
    expect(fitLabels(OUTCOMES_BOX, { width: 0, height: 0 }), 'nothing measured yet').toEqual(OUTCOMES_BOX);
    expect(fitLabels(OUTCOMES_BOX, { width: 20, height: 12 }), 'small labels fit the defaults').toEqual(OUTCOMES_BOX);
  });

  it('widens the left margin to the widest share label, so "100%" is whole', () => {
    // "100%" at 12 px is about 30 px wide: more than the default 34 px margin leaves after the gap.
    const box = fitLabels(OUTCOMES_BOX, { width: 31, height: 15 });
    expect(box.left - 5, 'the label ends 5 px before the plot and starts inside the chart').toBeGreaterThanOrEqual(31);
  });

  it('at 200% text, makes room around the plot and keeps the plot its height', () => {
    const box = fitLabels(OUTCOMES_BOX, { width: 62, height: 30 });
    expect(box.left, 'the wide label fits left of the plot').toBeGreaterThanOrEqual(62 + 5);
    expect(box.top, 'half the top label fits above the top line').toBeGreaterThanOrEqual(15);
    expect(box.bottom, 'a whole week label fits under the base').toBeGreaterThanOrEqual(30);
    const plot = (b: typeof box) => b.height - b.top - b.bottom;
    expect(plot(box), 'the bars keep their height; the chart grows instead').toBe(plot(OUTCOMES_BOX));
    const layout = outcomesLayout(weeks, box);
    expect(layout.bars[0]!.x, 'the first bar starts right of the labels').toBeGreaterThan(62 + 5);
  });
});

describe('week labels never overlap, whatever the text size', () => {
  const week = (i: number): OutcomeWeek => ({ weekStart: `2025-03-${String(3 + i).padStart(2, '0')}`, recorded: 1, riddenOut: 1, usedLess: 0 });
  const four = [0, 1, 2, 3].map(week);

  it('draws every label while they fit, and the usual at most 4 before they are measured', () => {
    expect(weekLabelIndices(4, 75, 38, 18), 'four short labels fit four 75 px slots').toEqual([0, 1, 2, 3]);
    expect(weekLabelIndices(13, 20, 0, 18), 'unmeasured: evenly spaced, at most 4').toEqual([0, 4, 8, 12]);
  });

  it('skips labels when large text makes them wider than a slot', () => {
    // 200% text: "16 Nov" is about 76 px wide, the slots about 75 px.
    const picked = weekLabelIndices(4, 75, 76, 38);
    expect(picked, 'every other week').toEqual([0, 2]);
    const layout = outcomesLayout(four, { ...OUTCOMES_BOX, width: 358 }, 76);
    const xs = layout.labels.map((l) => l.x);
    for (let i = 1; i < xs.length; i++) {
      expect(xs[i]! - xs[i - 1]!, 'centres at least a label and a gap apart').toBeGreaterThanOrEqual(76 + 8);
    }
    expect(xs[0]! - 38, 'the first label starts inside the plot').toBeGreaterThanOrEqual(OUTCOMES_BOX.left);
  });
});
