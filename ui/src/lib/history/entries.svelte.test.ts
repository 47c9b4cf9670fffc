import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import type { JournalForUrges } from '../ipc/bindings';
import { ENTRIES_BATCH, EntriesByUrge } from './entries.svelte';

/** A fake that also records which cravings each journalForUrges call asked about. */
class CountingClient extends FakeClient {
  asked: string[][] = [];
  override async journalForUrges(request: JournalForUrges) {
    this.asked.push([...request.urgeIds]);
    return super.journalForUrges(request);
  }
}

async function withCravings(n: number): Promise<{ client: CountingClient; ids: string[] }> {
  const client = new CountingClient();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await client.logUrge({ intensity: i % 11 })).id);
  return { client, ids };
}

describe('EntriesByUrge', () => {
  it('groups the entries about the listed cravings by craving', async () => {
    const { client, ids } = await withCravings(2);
    await client.createJournalEntry({ body: 'one', urgeId: ids[0] });
    await client.createJournalEntry({ body: 'two', urgeId: ids[0] });
    const entries = new EntriesByUrge(client);
    await entries.follow(ids);
    expect(entries.of(ids[0]!).map((e) => e.text)).toEqual(['one', 'two']);
    expect(entries.of(ids[1]!)).toEqual([]);
  });

  it('asks only about the new cravings as the list grows, never again about the whole list', async () => {
    const { client, ids } = await withCravings(90);
    const entries = new EntriesByUrge(client);
    await entries.follow(ids.slice(0, 30));
    await entries.follow(ids.slice(0, 60));
    await entries.follow(ids.slice(0, 60));
    await entries.follow(ids);
    expect(client.asked.map((a) => a.length), 'a page at a time').toEqual([30, 30, 30]);
    expect(client.asked.flat()).toEqual(ids);
  });

  it('asks in batches the core accepts', async () => {
    const { client, ids } = await withCravings(ENTRIES_BATCH + 10);
    await new EntriesByUrge(client).follow(ids);
    expect(client.asked.map((a) => a.length)).toEqual([ENTRIES_BATCH, 10]);
  });

  it('starts again for another list (a reload, new filters), and after clear', async () => {
    const { client, ids } = await withCravings(5);
    const entries = new EntriesByUrge(client);
    await entries.follow(ids);
    await entries.follow(ids.slice(2));
    expect(client.asked[1], 'not a longer list: asked again from its start').toEqual(ids.slice(2));
    await client.createJournalEntry({ body: 'written in the detail', urgeId: ids[3] });
    entries.clear();
    expect(entries.of(ids[3]!)).toEqual([]);
    await entries.follow(ids.slice(2));
    expect(entries.of(ids[3]!).map((e) => e.text)).toEqual(['written in the detail']);
  });

  it('drops an answer that comes after clear (History was left meanwhile)', async () => {
    const { client, ids } = await withCravings(2);
    await client.createJournalEntry({ body: 'late', urgeId: ids[0] });
    const entries = new EntriesByUrge(client);
    const asking = entries.follow(ids);
    entries.clear();
    await asking;
    expect(entries.of(ids[0]!)).toEqual([]);
  });

  it('leaves the cards as they are when asking goes wrong', async () => {
    const { client, ids } = await withCravings(2);
    const entries = new EntriesByUrge(client);
    client.failNext = new IpcFailure('io', 'The disk is busy.');
    await expect(entries.follow(ids)).resolves.toBeUndefined();
    expect(entries.of(ids[0]!)).toEqual([]);
  });
});
