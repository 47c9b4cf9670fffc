import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { HistoryState, PAGE_SIZE, activeFilterKeys, byDay } from './history.svelte';
import { IpcFailure } from '../ipc/client';
import type { Urge } from '../ipc/bindings';

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

  it('forgets everything on reset (leaving History), and drops a page still on its way', async () => {
    const client = await clientWith(PAGE_SIZE * 3);
    const history = new HistoryState(client);
    await history.refresh();
    await history.loadMore();
    await history.setFilter({ minIntensity: 2 });
    const more = history.loadMore();
    history.reset();
    await more;
    expect(history.urges, 'no craving kept').toEqual([]);
    expect([history.loaded, history.loading, history.hasMore, history.count]).toEqual([false, false, false, null]);
    expect(activeFilterKeys(history.filter), 'filters start again too').toEqual([]);
    await history.refresh();
    expect(history.urges[0]?.id, 'coming back starts from the newest').toBe(`urge-${PAGE_SIZE * 3}`);
  });

  it('shows an empty, loaded history when nothing is logged', async () => {
    const history = new HistoryState(new FakeClient());
    await history.refresh();
    expect(history.loaded).toBe(true);
    expect(history.urges).toEqual([]);
  });
});

describe('History filters', () => {
  it('combine, show the count of matches, and can be removed one by one', async () => {
    const client = await clientWith(40);
    const history = new HistoryState(client);
    await history.refresh();
    expect(history.count).toBe(40);
    await history.setFilter({ minIntensity: 8 });
    expect(history.urges.every((u) => u.intensity >= 8), 'only strong cravings').toBe(true);
    const strong = history.count;
    expect(strong, 'intensities 8, 9 or 10 among i % 11 for 40 cravings').toBe(9);
    await history.setFilter({ maxIntensity: 9 });
    expect(history.count, 'both hold: 8 or 9').toBe(6);
    expect(activeFilterKeys(history.filter)).toEqual(['minIntensity', 'maxIntensity']);
    await history.removeFilter('minIntensity');
    expect(history.count).toBe(37);
    await history.setFilter({ text: '   ' });
    expect(activeFilterKeys(history.filter), 'blank search is no filter').toEqual(['maxIntensity']);
    await history.clearFilters();
    expect(history.count).toBe(40);
  });

  it('keeps the list and the filters when a filter is refused', async () => {
    const client = await clientWith(5);
    const history = new HistoryState(client);
    await history.refresh();
    client.failNext = new IpcFailure('invalid_input', 'The start date (2026-12-01) is after the end date (2026-11-01): swap them?');
    await history.setFilter({ from: '2026-12-01', to: '2026-11-01' });
    expect(history.error).toContain('swap them');
    expect(activeFilterKeys(history.filter), 'the refused filter is not kept').toEqual([]);
  });

  it('groups cravings by local day with plain labels', () => {
    const now = new Date('2026-11-26T20:00:00Z');
    const urge = (iso: string) => ({ occurredAt: iso, utcOffsetMinutes: 0 }) as Urge;
    const groups = byDay(
      [urge('2026-11-26T19:00:00Z'), urge('2026-11-26T08:00:00Z'), urge('2026-11-25T22:00:00Z'), urge('2026-11-20T10:00:00Z'), urge('2025-12-31T10:00:00Z')],
      now,
    );
    expect(groups.map(([label, list]) => [label, list.length])).toEqual([
      ['Today', 2],
      ['Yesterday', 1],
      ['Fri 20 Nov', 1],
      ['Wed 31 Dec 2025', 1],
    ]);
  });
});

describe('History filters changed quickly', () => {
  it('shows the answer for the last filter, not one that arrived late', async () => {
    const client = await clientWith(40);
    const history = new HistoryState(client);
    await history.refresh();
    const first = history.setFilter({ minIntensity: 8 });
    const second = history.setFilter({ maxIntensity: 9 });
    await Promise.all([first, second]);
    expect(history.count, 'both filters hold: 8 or 9').toBe(6);
    expect(history.urges.every((u) => u.intensity >= 8 && u.intensity <= 9)).toBe(true);
  });
});
