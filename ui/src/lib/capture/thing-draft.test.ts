import { describe, expect, it } from 'vitest';
import { ThingDraft, goalSummary } from './thing-draft.svelte';

describe('ThingDraft', () => {
  it('reads a planned amount, with a decimal comma too', () => {
    const draft = new ThingDraft();
    draft.amount = '1,5';
    draft.unit = 'glasses';
    expect(draft.goal()).toEqual({ goal: { kind: 'cutDown', plannedAmount: 1.5, unit: 'glasses' } });
  });

  it('asks for a number when the amount is not one', () => {
    const draft = new ThingDraft();
    draft.amount = 'two';
    expect(draft.goal()).toHaveProperty('error');
  });

  it('needs no amount for stop or safer use', () => {
    const draft = new ThingDraft();
    draft.goalKind = 'safer';
    expect(draft.goal()).toEqual({ goal: { kind: 'safer' } });
  });

  it('summarises a goal in plain words', () => {
    expect(goalSummary({ kind: 'cutDown', plannedAmount: 2, unit: 'glasses' })).toBe('Cut down · 2 glasses a day');
    expect(goalSummary({ kind: 'stop' })).toBe('Stop');
    expect(
      goalSummary({ kind: 'cutDown', plannedAmount: 1, unit: 'glasses' }),
      'one takes the singular (issue #14: "1 glasses")',
    ).toBe('Cut down · 1 glass a day');
  });
});
