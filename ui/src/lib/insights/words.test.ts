import { describe, expect, it } from 'vitest';
import type { PlanDays } from '../ipc/bindings';
import {
  benefitText,
  contextBestText,
  intervalText,
  oneDecimal,
  planAmountText,
  planWithinText,
  weekLabel,
  winShareText,
} from './words';

describe('benefitText (care.md §5: "about 2 points lower than waiting")', () => {
  it('rounds to one decimal, or whole when that is what it is', () => {
    expect(benefitText({ benefit: 1.96, baseline: false })).toBe('about 2 points lower than waiting');
    expect(benefitText({ benefit: 1.24, baseline: false })).toBe('about 1.2 points lower than waiting');
  });

  it('says "point" for one', () => {
    expect(benefitText({ benefit: 1.02, baseline: false }), 'no "1 points"').toBe('about 1 point lower than waiting');
  });

  it('says higher when a technique did worse than waiting, without judging', () => {
    expect(benefitText({ benefit: -0.54, baseline: false })).toBe('about 0.5 points higher than waiting');
  });

  it('does not claim a difference that rounds away', () => {
    expect(benefitText({ benefit: 0.03, baseline: false })).toBe('about the same as waiting');
    expect(oneDecimal(-0.01), 'no "-0"').toBe('0');
  });

  it('marks the baseline as the baseline, whatever its number', () => {
    expect(benefitText({ benefit: 0, baseline: true })).toBe('the baseline');
  });
});

describe('interval and shares', () => {
  it('says the likely range in plain words', () => {
    expect(intervalText({ low: -0.5, high: 3, baseline: false })).toBe('likely between 0.5 higher and 3 lower than waiting');
  });

  it('gives the share who did not use or used less, with what it rests on', () => {
    expect(winShareText({ winShare: 0.64, winOf: 25 })).toBe("didn't use or used less: 64% of 25");
    expect(winShareText({ winShare: null, winOf: 0 }), 'no made-up 0%').not.toContain('%');
  });

  it('names the best technique in a situation with how often it was used', () => {
    expect(contextBestText({ techniqueId: 'b', name: 'Box breathing', benefit: 2.1, uses: 9 })).toBe(
      'Box breathing: about 2.1 points lower than waiting, 9 times',
    );
    expect(contextBestText(null), 'something kind, never empty').not.toBe('');
  });
});

describe('plan to cut down', () => {
  const plan: PlanDays = { within: 9, recorded: 11, of: 14, planned: 3, unit: 'drinks', actualMean: 2.44 };

  it('counts days within the plan out of the last 14, with how many were recorded', () => {
    expect(planWithinText(plan)).toBe('Within your plan on 9 of the last 14 days (11 days recorded).');
    expect(planWithinText({ ...plan, within: 1, recorded: 1 })).toContain('(1 day recorded)');
  });

  it('does not call an empty fortnight "0 of 14"', () => {
    expect(planWithinText({ ...plan, within: 0, recorded: 0 }), 'nothing recorded is not a verdict').not.toContain('0 of');
  });

  it('gives the plan and the mean on days with amounts, only where there were amounts', () => {
    expect(planAmountText(plan)).toBe('Planned 3 drinks a day, about 2.4 on days with amounts.');
    expect(planAmountText({ ...plan, actualMean: null })).toBe('Planned 3 drinks a day.');
  });
});

describe('weekLabel', () => {
  it('reads the local date as written, without time-zone shifts', () => {
    expect(weekLabel('2025-03-03')).toBe('3 Mar');
    expect(weekLabel('2024-12-30', true), 'long ranges name month and year').toBe('Dec 2024');
  });
});
