import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { SupportPeople } from './people.svelte';
import { HelpNowState } from './helpnow.svelte';
import { Reacher, REACHING_OUT } from './reach.svelte';
import { looksLikePhone, proposeRegion } from './region';
import { checkedDate } from './dates';
import { OVERDOSE_STEPS, SAFER_USE_TIPS } from './safety-text';

describe('SupportPeople', () => {
  it('adds, edits, reorders and removes people with their messages', async () => {
    const client = new FakeClient();
    const people = new SupportPeople(client);
    await people.load();
    expect(people.people).toEqual([]);
    expect(await people.add('Sam', '+44 7700 900123', 'calls back fast')).toBe(true);
    expect(await people.add('Ana', '555 0100', '')).toBe(true);
    expect(people.people[0]?.links.tel).toBe('tel:+447700900123');
    const sam = people.people[0]!.id;
    expect(await people.addMessage(sam, 'Rough evening — can you talk?')).toBe(true);
    expect(people.people[0]?.messages[0]?.sms).toBe(
      'sms:+447700900123?body=Rough%20evening%20%E2%80%94%20can%20you%20talk%3F',
    );
    expect(await people.move(sam, 1)).toBe(true);
    expect(people.people.map((p) => p.name)).toEqual(['Ana', 'Sam']);
    expect(await people.move(sam, 1)).toBe(false);
    expect(await people.update(sam, 'Sam B', '07700 900123', '')).toBe(true);
    expect(people.people[1]?.note).toBeNull();
    const message = people.people[1]!.messages[0]!.id;
    expect(await people.updateMessage(message, 'Call me?')).toBe(true);
    expect(people.people[1]?.messages[0]?.text).toBe('Call me?');
    expect(await people.removeMessage(message)).toBe(true);
    expect(await people.remove(sam)).toBe(true);
    expect(people.people.map((p) => p.name)).toEqual(['Ana']);
  });

  it('shows a refusal in place and changes nothing', async () => {
    const client = new FakeClient();
    const people = new SupportPeople(client);
    expect(await people.add('Jo', 'call me', '')).toBe(false);
    expect(people.error).toBe("A phone number can have digits, spaces, - . ( ) and a + at the start; “c” isn't one of them.");
    expect(people.people).toEqual([]);
    expect(await people.add('Jo', '12', '')).toBe(false);
    expect(people.error).toBe('A phone number has 3 to 20 digits; this one has 2.');
    await people.add('Jo', '999', '');
    expect(people.error).toBeNull();
    const id = people.people[0]!.id;
    for (let i = 0; i < 5; i++) await people.addMessage(id, `m${i}`);
    expect(await people.addMessage(id, 'sixth')).toBe(false);
    expect(people.error).toContain('up to 5 ready-made messages');
    expect(people.people[0]?.messages).toHaveLength(5);
  });
});

describe('Reacher', () => {
  it('opens the link and records one reaching-out use for the craving', async () => {
    const client = new FakeClient();
    const reacher = new Reacher(client, true);
    const urge = await client.logUrge({ intensity: 8 });
    await reacher.reach('tel:999', 'Emergency', '999', urge.id);
    await reacher.reach('sms:999', 'Emergency', '999', urge.id);
    expect(client.support.opened).toEqual(['tel:999', 'sms:999']);
    const used = client.sessions.filter((s) => s.techniqueId === REACHING_OUT);
    expect(used).toHaveLength(1);
    expect(used[0]?.urgeId).toBe(urge.id);
    expect(used[0]?.completed).toBe(true);
    expect(reacher.fallback).toBeNull();
  });

  it('records nothing without a craving', async () => {
    const client = new FakeClient();
    await new Reacher(client, true).reach('tel:999', 'Emergency', '999');
    expect(client.sessions).toHaveLength(0);
  });

  it('shows the number to copy when the link cannot open, and on desktop', async () => {
    const client = new FakeClient();
    const reacher = new Reacher(client, true);
    client.support.openFails = true;
    await reacher.reach('tel:116123', 'Samaritans', '116 123');
    expect(reacher.fallback).toEqual({ label: 'Samaritans', number: '116 123', reason: 'failed' });
    const copied: string[] = [];
    expect(await reacher.copy(async (t) => void copied.push(t))).toBe(true);
    expect(copied).toEqual(['116 123']);
    expect(reacher.copied).toBe(true);
    expect(await reacher.copy(null)).toBe(false);
    reacher.close();
    expect(reacher.fallback).toBeNull();

    const desktop = new Reacher(new FakeClient(), false);
    await desktop.reach('tel:999', 'Emergency', '999');
    expect(desktop.fallback?.reason).toBe('desktop');
  });
});

describe('HelpNowState', () => {
  it('lists the region’s numbers once chosen, without hidden ones', async () => {
    const client = new FakeClient();
    const help = new HelpNowState(client);
    await help.load();
    expect(help.crisis?.region).toBeNull();
    expect(help.shown).toEqual([]);
    await client.updateSettings({ region: 'US' });
    await help.load();
    expect(help.shown.map((n) => n.number)).toEqual(['911', '988', '1-800-484-3731', '1-800-222-1222', '1-800-662-4357']);
    expect(help.regionName).toBe('United States');
    expect(help.lastChecked).toBe('2026-11-27');
    await help.hideNumber('us.samhsa', true);
    expect(help.shown.map((n) => n.id)).not.toContain('us.samhsa');
    await help.editNumber('us.988', '988 Lifeline', '988');
    expect(help.shown.find((n) => n.id === 'us.988')?.edited).toBe(true);
    expect(await help.addNumber('My clinic', 'clinic')).toBe(false);
    expect(help.error).toContain('isn\'t one of them');
    expect(await help.addNumber('My clinic', '020 7946 0000')).toBe(true);
    expect(help.shown.at(-1)?.links.tel).toBe('tel:02079460000');
    expect(await help.deleteNumber('us.emergency')).toBe(false);
    expect(help.error).toContain('not deleted');
  });

  it('saves each step of the safety plan and shows a refusal per step', async () => {
    const help = new HelpNowState(new FakeClient());
    await help.load();
    expect(help.plan.map((s) => s.title)).toEqual([
      'Warning signs',
      'Things I can do on my own',
      'People and places that distract me',
      'People I can ask for help',
      'Professionals and crisis lines',
      'Making my surroundings safer',
    ]);
    expect(await help.saveStep(1, 'Pacing, not sleeping')).toBe(true);
    expect(help.plan[0]?.text).toBe('Pacing, not sleeping');
    expect(help.planSaved[1]).toBe(true);
    expect(await help.saveStep(2, 'x'.repeat(4001))).toBe(false);
    expect(help.planErrors[2]).toBe('Each step of the plan can be up to 4,000 characters; this one has 4,001. Nothing was saved.');
    expect(help.plan[1]?.text).toBe('');
  });
});

describe('region and texts', () => {
  it('proposes a region from the language, or none when unsure', () => {
    expect(proposeRegion('en-US')).toBe('US');
    expect(proposeRegion('en-GB')).toBe('UK');
    expect(proposeRegion('fr-CA')).toBe('CA');
    expect(proposeRegion('de-DE')).toBeNull();
    expect(proposeRegion('en')).toBeNull();
    expect(proposeRegion(undefined)).toBeNull();
  });

  it('tells phones from desktops by user agent', () => {
    expect(looksLikePhone('Mozilla/5.0 (Linux; Android 14)')).toBe(true);
    expect(looksLikePhone('Mozilla/5.0 (X11; Linux x86_64)')).toBe(false);
  });

  it('shows dates as written and keeps care.md’s overdose steps in order', () => {
    expect(checkedDate('2026-11-27')).toBe('27 Nov 2026');
    expect(OVERDOSE_STEPS[0]).toContain('respond');
    expect(OVERDOSE_STEPS[1]).toContain('emergency services');
    expect(OVERDOSE_STEPS[2]).toContain('one breath every 5 seconds');
    expect(OVERDOSE_STEPS[4]).toContain('2–3 minutes');
    expect(OVERDOSE_STEPS.at(-1)).toContain('does not reverse benzodiazepines or alcohol');
    expect(SAFER_USE_TIPS).toHaveLength(3);
  });
});
