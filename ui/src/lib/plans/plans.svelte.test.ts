import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import { NowPlans, PlanDraft, PlanFollowState, PlansState, reachLine, statsLine } from './plans.svelte';
import { Reacher, REACHING_OUT } from '../support/reach.svelte';
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

describe('a plan that names a support person', () => {
  const HOME = 'builtin-place-home';

  it('links a person in the editor, says "…or call Sam", and is unlinked when they go', async () => {
    const client = new FakeClient();
    const sam = await client.addSupportPerson({ name: 'Sam', phone: '+44 7700 900123' });
    const plans = new PlansState(client);
    await plans.load();
    expect(plans.people.map((p) => p.name)).toEqual(['Sam']);
    const d = draft("I'm home alone after 10 pm", 'do box breathing', [HOME]);
    d.personId = sam.id;
    expect(await plans.save(d)).toBe(true);
    expect(plans.list[0]!.personId).toBe(sam.id);
    expect(reachLine(plans.list[0]!, plans.people)).toBe('…or call Sam');
    expect(new PlanDraft(plans.list[0]!).personId).toBe(sam.id);

    const stranger = new PlanDraft(plans.list[0]!);
    stranger.personId = 'person-nobody';
    expect(await plans.save(stranger)).toBe(false);
    expect(plans.error).toBe('There is no support person “person-nobody”; pick someone from your list.');
    expect(plans.list[0]!.personId).toBe(sam.id);

    await client.deleteSupportPerson({ id: sam.id });
    await plans.load();
    expect(plans.list[0]!.personId).toBeNull();
    expect(reachLine(plans.list[0]!, plans.people)).toBe('');
  });

  it('calls from Now as Reach out does, and records the plan as acted on', async () => {
    const client = new FakeClient();
    const sam = await client.addSupportPerson({ name: 'Sam', phone: '+44 7700 900123' });
    const plan = await client.addPlan({ ifText: 'home alone', thenText: 'breathe', chipIds: [HOME], personId: sam.id });
    const urge = await client.logUrge({ intensity: 8 });
    await client.setUrgeChip({ urgeId: urge.id, chipId: HOME, on: true });
    const now = new NowPlans(client);
    await now.refresh(urge.id);
    expect(now.personOf(now.list[0]!)?.name).toBe('Sam');
    expect(now.acted).toEqual([]);

    const reacher = new Reacher(client, true);
    await now.reach(plan.id, reacher, 'tel');
    await now.reach(plan.id, reacher, 'sms');
    expect(client.support.opened).toEqual([sam.links.tel, sam.links.sms]);
    expect(sam.links.tel).toBe('tel:+447700900123');
    const reaching = client.sessions.filter((s) => s.techniqueId === REACHING_OUT);
    expect(reaching).toHaveLength(1);
    expect(reaching[0]?.urgeId).toBe(urge.id);
    expect(now.acted).toEqual([plan.id]);
    expect((await client.listPlans())[0]!.stats.acted).toBe(1);

    // A desktop with no dialler: the number to copy, and the plan still counts as acted on.
    client.support.openFails = true;
    await now.reach(plan.id, reacher, 'tel');
    expect(reacher.fallback).toEqual({ label: 'Sam', number: '+44 7700 900123', reason: 'failed' });
  });

  it('shows a plan without a person as before, without asking for the list', async () => {
    const client = new FakeClient();
    await client.addPlan({ ifText: 'home alone', thenText: 'breathe', chipIds: [HOME] });
    const urge = await client.logUrge({ intensity: 5 });
    await client.setUrgeChip({ urgeId: urge.id, chipId: HOME, on: true });
    const now = new NowPlans(client);
    await now.refresh(urge.id);
    expect(now.personOf(now.list[0]!)).toBeUndefined();
    expect(client.calls).not.toContain('listSupportPeople');
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
