import { describe, expect, it } from 'vitest';
import type { OutcomeWeek } from '../ipc/bindings';
import { outcomeShares, outcomesLayout, outcomesSummary, outcomeTotals } from './outcomes';

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
