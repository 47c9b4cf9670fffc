import { describe, expect, it } from 'vitest';
import { actionsFor, outcomeSummary, replyFor } from './words';

describe('outcome words', () => {
  it('offers didn’t use / used for a goal to stop, and the planned answers for a plan', () => {
    expect(actionsFor({ kind: 'stop' })).toEqual(['didntUse', 'used']);
    expect(actionsFor({ kind: 'cutDown', plannedAmount: 2, unit: 'glasses' })).toEqual([
      'didntUse',
      'usedLess',
      'usedAsPlanned',
      'usedMore',
    ]);
    expect(actionsFor(null), 'with nothing tracked, the four answers of care.md §3').toHaveLength(4);
  });

  it('acknowledges using less than planned as a win', () => {
    expect(replyFor('usedLess', 8, 3)).toContain('win');
  });

  it('meets using more with kindness and a pointer, never blame', () => {
    const reply = replyFor('usedMore', 8, 6);
    expect(reply).toMatch(/information/);
    expect(reply).toMatch(/next time/i);
    expect(reply).not.toMatch(/should|fail|bad|wrong/i);
  });

  it('summarises before, after and what happened', () => {
    expect(outcomeSummary(8, 4, 'usedLess')).toBe('8 → 4 · used less than planned');
    expect(outcomeSummary(8, null, 'didntUse')).toBe("didn't use");
  });
});
