import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { ThingDraft } from '../capture/thing-draft.svelte';
import { SettingsState } from './settings.svelte';

describe('SettingsState', () => {
  it('adds a thing with its goal, and shows a duplicate name as a message', async () => {
    const client = new FakeClient();
    const settings = new SettingsState(client);
    await settings.load();
    const draft = new ThingDraft();
    draft.name = 'evening wine';
    draft.amount = '2';
    draft.unit = 'glasses';
    expect(await settings.addThing(draft)).toBe(true);
    expect(settings.vocab.things.map((t) => t.name)).toEqual(['evening wine']);
    expect(await settings.addThing(draft)).toBe(false);
    expect(settings.error).toContain('already track');
    expect(draft.name, 'the typed name stays').toBe('evening wine');
  });

  it('moves a chip within its kind and hides it from logging', async () => {
    const client = new FakeClient();
    const settings = new SettingsState(client);
    await settings.load();
    const second = settings.vocab.visible('trigger')[1]!;
    await settings.moveChip(second.id, -1);
    expect(settings.vocab.visible('trigger')[0]?.id, 'moved to the top').toBe(second.id);
    await settings.setChipHidden(second.id, true);
    expect(settings.vocab.visible('trigger').some((c) => c.id === second.id)).toBe(false);
  });

  it('explains a check-in time that is not a whole number', async () => {
    const client = new FakeClient();
    const settings = new SettingsState(client);
    await settings.load();
    expect(await settings.setRerateMinutes('ten')).toBe(false);
    expect(settings.error).toContain('whole number');
    expect(await settings.setRerateMinutes('500')).toBe(false);
    expect(settings.error).toContain('1 to 240');
    expect(await settings.setRerateMinutes('15')).toBe(true);
    expect(client.settings.rerateMinutes).toBe(15);
  });
});

describe('reminders', () => {
  it('turns on only once the platform allows notifications', async () => {
    const client = new FakeClient();
    const settings = new SettingsState(client);
    await settings.load();
    const denied = { permit: async () => false, send: async () => {} };
    expect(await settings.setReminders(true, denied)).toBe(false);
    expect(settings.error).toContain('system settings');
    expect(client.settings.reminders, 'nothing saved when not allowed').toBe(false);
    const allowed = { permit: async () => true, send: async () => {} };
    expect(await settings.setReminders(true, allowed)).toBe(true);
    expect(client.settings.reminders).toBe(true);
  });
});
