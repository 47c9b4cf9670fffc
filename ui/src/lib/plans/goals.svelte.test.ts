import { describe, expect, it } from 'vitest';
import type { GoalReview } from '../ipc/bindings';
import { FakeClient } from '../ipc/fake';
import { ThingDraft } from '../capture/thing-draft.svelte';
import { GoalReviewState, reviewLines } from './goals.svelte';

describe('GoalReviewState', () => {
  it('counts days within plan from recorded outcomes and adjusts the goal in place', async () => {
    const client = new FakeClient();
    const wine = await client.addThing({ name: 'wine', goal: { kind: 'cutDown', plannedAmount: 2, unit: 'glasses' } });
    for (const [day, amount] of [
      ['2026-11-26T19:00:00Z', 1],
      ['2026-11-25T19:00:00Z', 3],
    ] as const) {
      const urge = await client.logUrge({ intensity: 6, trackedId: wine.id, occurredAt: day });
      await client.setOutcome({ urgeId: urge.id, action: amount > 2 ? 'usedAsPlanned' : 'usedLess', amount });
    }
    const state = new GoalReviewState(client, wine.id);
    await state.load();
    expect(state.review?.days).toHaveLength(14);
    expect(state.review?.plan?.within).toBe(1);
    const lines = reviewLines(state.review!);
    expect(lines[0]).toBe('1 of the last 14 days within plan (2 with something recorded).');
    expect(lines.join(' ')).toMatch(/used less than planned\. That counts\./);

    const draft = new ThingDraft(wine);
    draft.amount = '3';
    expect(await state.adjust(draft)).toBe(true);
    expect(state.review?.plan?.within).toBe(2);
    draft.amount = 'two';
    expect(await state.adjust(draft)).toBe(false);
    expect(state.error).toMatch(/as a number/);
  });

  it('never uses words of failure', async () => {
    const client = new FakeClient();
    const thing = await client.addThing({ name: 'vaping', goal: { kind: 'stop' } });
    const state = new GoalReviewState(client, thing.id);
    await state.load();
    expect(reviewLines(state.review!)).toEqual(['0 cravings logged in the last 14 days.']);
  });

  it('says "1 glass", not "1 glasses", for a plan of one', () => {
    const plan = { within: 1, recorded: 1, of: 14, planned: 1, unit: 'glasses', actualMean: 1 };
    const review: GoalReview = {
      trackedId: 't1',
      name: 'wine',
      goal: { kind: 'cutDown', plannedAmount: 1, unit: 'glasses' },
      days: [],
      plan,
      cravings: 1,
      riddenOut: 0,
      usedLess: 0,
    };
    expect(reviewLines(review)[1], 'the unit agrees with the planned amount').toBe(
      'You planned 1 glass a day; on days with an amount it was 1 on average.',
    );
  });
});
