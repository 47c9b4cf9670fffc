import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import { UrgeDetailState } from './detail.svelte';

describe('UrgeDetailState', () => {
  it('corrects a craving and keeps the typed values when refused', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 7, note: 'first' });
    const detail = new UrgeDetailState(client);
    await detail.load(urge.id);
    detail.intensity = 5;
    detail.note = 'after the meeting';
    client.failNext = new IpcFailure('invalid_input', 'That time (…) is in the future');
    await detail.save();
    expect(detail.error).toContain('future');
    expect(detail.note, 'what was typed is kept').toBe('after the meeting');
    await detail.save();
    expect(client.urges[0]?.intensity).toBe(5);
    expect(client.urges[0]?.note).toBe('after the meeting');
    expect(detail.notice).toBe('Changes saved.');
  });

  it('asks once before deleting, then deletes for real', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 7 });
    const detail = new UrgeDetailState(client);
    await detail.load(urge.id);
    await detail.delete();
    expect(detail.confirmingDelete, 'the first tap only asks').toBe(true);
    expect(client.urges).toHaveLength(1);
    await detail.delete();
    expect(client.urges, 'the second tap deletes').toHaveLength(0);
    expect(detail.deleted).toBe(true);
  });

  it('refuses an unreadable time without calling the store', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 7 });
    const detail = new UrgeDetailState(client);
    await detail.load(urge.id);
    detail.when = '';
    client.calls = [];
    await detail.save();
    expect(detail.error).toContain('could not be read');
    expect(client.calls).toEqual([]);
  });
});
