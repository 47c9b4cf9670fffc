import { describe, expect, it } from 'vitest';
import type { PlanDays } from '../ipc/bindings';
import {
  intervalText,
  oneDecimal,
  planAmountText,
  planWithinText,
  weekLabel,
} from './words';

describe('oneDecimal', () => {
  it('keeps one decimal at most and never shows -0', () => {
    expect(oneDecimal(1.96), 'rounded, with no trailing .0').toBe('2');
    expect(oneDecimal(1.24)).toBe('1.2');
    expect(oneDecimal(-0.01), 'a tiny negative is 0, not -0').toBe('0');
  });
});

describe('interval and shares', () => {
  it('says the likely range in plain words', () => {
    expect(intervalText({ low: -0.5, high: 3, baseline: false })).toBe('likely between 0.5 higher and 3 lower than waiting');
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
    expect(planAmountText({ ...plan, planned: 1, actualMean: null }), 'one drink, not "1 drinks"').toBe(
      'Planned 1 drink a day.',
    );
  });
});

describe('weekLabel', () => {
  it('reads the local date as written, without time-zone shifts', () => {
    expect(weekLabel('2025-03-03')).toBe('3 Mar');
    expect(weekLabel('2024-12-30', true), 'long ranges name month and year').toBe('Dec 2024');
  });
});
