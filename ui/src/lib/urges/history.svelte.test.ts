import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { HistoryState, PAGE_SIZE } from './history.svelte';

async function clientWith(count: number): Promise<FakeClient> {
  const client = new FakeClient();
  for (let i = 0; i < count; i++) {
    client.now = new Date(Date.UTC(2026, 10, 1) + i * 60_000);
    await client.logUrge({ intensity: i % 11 });
  }
  client.calls = [];
  return client;
}

describe('HistoryState', () => {
  it('loads newest first, then the next pages until none is left', async () => {
    const client = await clientWith(PAGE_SIZE * 2 + 5);
    const history = new HistoryState(client);
    await history.refresh();
    expect(history.urges.length).toBe(PAGE_SIZE);
    expect(history.urges[0]?.id, 'the newest craving comes first').toBe(`urge-${PAGE_SIZE * 2 + 5}`);
    expect(history.hasMore).toBe(true);
    await history.loadMore();
    await history.loadMore();
    expect(history.urges.length, 'every craving is reachable').toBe(PAGE_SIZE * 2 + 5);
    expect(new Set(history.urges.map((u) => u.id)).size, 'no craving is listed twice').toBe(
      PAGE_SIZE * 2 + 5,
    );
    expect(history.hasMore).toBe(false);
  });

  it('does not ask for the same page twice when scrolling fires repeatedly', async () => {
    const client = await clientWith(PAGE_SIZE + 1);
    const history = new HistoryState(client);
    await history.refresh();
    await Promise.all([history.loadMore(), history.loadMore()]);
    expect(client.calls.filter((c) => c === 'listUrges').length).toBe(2);
  });

  it('shows an empty, loaded history when nothing is logged', async () => {
    const history = new HistoryState(new FakeClient());
    await history.refresh();
    expect(history.loaded).toBe(true);
    expect(history.urges).toEqual([]);
  });
});
