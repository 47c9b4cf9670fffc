import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import { NowPlans, PlanDraft, PlanFollowState, PlansState, statsLine } from './plans.svelte';
import { planMatches } from './match';

const AFTER_WORK = 'builtin-trigger-after-work';
const STRESSED = 'builtin-feeling-stressed';

function draft(ifText: string, thenText: string, chips: string[] = []): PlanDraft {
  const d = new PlanDraft();
  d.ifText = ifText;
  d.thenText = thenText;
  for (const c of chips) d.toggleChip(c);
  return d;
}

describe('PlansState', () => {
  it('adds, edits, reorders, pauses and deletes plans', async () => {
    const client = new FakeClient();
    const plans = new PlansState(client);
    await plans.load();
    expect(plans.list).toEqual([]);
    expect(await plans.save(draft('after work', 'walk home', [AFTER_WORK]))).toBe(true);
    expect(await plans.save(draft('stressed', 'box breathing', [STRESSED]))).toBe(true);
    expect(plans.list.map((p) => p.ifText)).toEqual(['after work', 'stressed']);

    const edit = new PlanDraft(plans.list[0]!);
    edit.thenText = 'walk the long way';
    edit.timeBand = 'evening';
    expect(await plans.save(edit)).toBe(true);
    expect(plans.list[0]!.thenText).toBe('walk the long way');
    expect(plans.list[0]!.timeBand).toBe('evening');

    await plans.move(plans.list[1]!.id, -1);
    expect(plans.list.map((p) => p.ifText)).toEqual(['stressed', 'after work']);
    expect(await plans.move(plans.list[0]!.id, -1)).toBe(false);

    await plans.setPaused(plans.list[0]!.id, true);
    expect(plans.list[0]!.paused).toBe(true);
    expect(plans.notice).toMatch(/Paused/);

    await plans.remove(plans.list[0]!.id);
    expect(plans.list.map((p) => p.ifText)).toEqual(['after work']);
  });

  it('shows a refusal in place and keeps the draft', async () => {
    const client = new FakeClient();
    const plans = new PlansState(client);
    const d = draft('  ', 'walk');
    expect(await plans.save(d)).toBe(false);
    expect(plans.error).toBe('The “if” part needs at least one letter or number.');
    expect(d.thenText).toBe('walk');
    expect(plans.list).toEqual([]);
  });
});

describe('PlanDraft', () => {
  it('toggles chips and knows whether Ebb can recognise the moment', () => {
    const d = draft('a', 'b');
    expect(d.hasCondition).toBe(false);
    d.toggleChip(AFTER_WORK);
    expect(d.hasCondition).toBe(true);
    d.toggleChip(AFTER_WORK);
    d.timeBand = 'night';
    expect(d.input()).toEqual({ ifText: 'a', thenText: 'b', chipIds: [], timeBand: 'night' });
  });
});

describe('NowPlans', () => {
  it('shows matching plans after chip taps, records each showing once, and acting', async () => {
    const client = new FakeClient();
    const plans = new PlansState(client);
    await plans.save(draft('after work', 'walk home', [AFTER_WORK]));
    const urge = await client.logUrge({ intensity: 7 });
    const now = new NowPlans(client);
    await now.refresh(urge.id);
    expect(now.list).toEqual([]);
    await client.setUrgeChip({ urgeId: urge.id, chipId: AFTER_WORK, on: true });
    await now.refresh(urge.id);
    await now.refresh(urge.id);
    expect(now.list.map((p) => p.thenText)).toEqual(['walk home']);
    expect(client.calls.filter((c) => c === 'recordPlanShown')).toHaveLength(1);
    expect(await now.act(now.list[0]!.id)).toBe(true);
    expect(now.acted).toEqual([now.list[0]!.id]);
    await plans.load();
    expect(plans.list[0]!.stats.acted).toBe(1);
    now.clear();
    expect(now.list).toEqual([]);
  });
});

describe('PlanFollowState', () => {
  it('asks only about plans shown for the craving and saves the answer', async () => {
    const client = new FakeClient();
    const plans = new PlansState(client);
    await plans.save(draft('after work', 'walk home', [AFTER_WORK]));
    const urge = await client.logUrge({ intensity: 7 });
    const follow = new PlanFollowState(client, urge.id);
    await follow.load();
    expect(follow.uses).toEqual([]);
    await client.recordPlanShown({ planId: plans.list[0]!.id, urgeId: urge.id });
    await follow.load();
    await follow.answer(plans.list[0]!.id, 'partly');
    expect(follow.uses[0]!.followed).toBe('partly');
    client.failNext = new IpcFailure('invalid_input', 'No.');
    await follow.answer(plans.list[0]!.id, 'yes');
    expect(follow.error).toBe('No.');
    expect(follow.uses[0]!.followed).toBe('partly');
  });
});

describe('words and matching', () => {
  it('says how a plan went in plain words', () => {
    const none = { shown: 0, acted: 0, followed: 0, answered: 0, withOutcome: 0, wentWell: 0, meanDrop: null };
    expect(statsLine(none)).toMatch(/Not used yet/);
    expect(statsLine({ ...none, shown: 5, followed: 4, answered: 5, withOutcome: 4, wentWell: 3, meanDrop: 2.25 })).toBe(
      'Shown 5 times · followed 4 of 5 · 3 of 4 went the way you hoped · eased by 2.3 on average',
    );
  });

  it('matches like the core: every kind named, the band across midnight, never paused or empty', async () => {
    const client = new FakeClient();
    const base = await client.addPlan({ ifText: 'a', thenText: 'b', chipIds: [AFTER_WORK, STRESSED] });
    expect(planMatches(base, client.chips, [AFTER_WORK], 18)).toBe(false);
    expect(planMatches(base, client.chips, [AFTER_WORK, STRESSED], 18)).toBe(true);
    const night = { ...base, chipIds: [], timeBand: 'night' as const };
    expect(planMatches(night, client.chips, [], 23)).toBe(true);
    expect(planMatches(night, client.chips, [], 3)).toBe(true);
    expect(planMatches(night, client.chips, [], 12)).toBe(false);
    expect(planMatches({ ...base, paused: true }, client.chips, [AFTER_WORK, STRESSED], 18)).toBe(false);
    expect(planMatches({ ...base, chipIds: [] }, client.chips, [AFTER_WORK], 18)).toBe(false);
  });
});
