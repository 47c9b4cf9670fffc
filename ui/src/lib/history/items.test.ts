import { describe, expect, it } from 'vitest';
import type { Urge } from '../ipc/bindings';
import { byDay } from '../time/when';
import { drawnDays, historyItems, type Item } from './items';
import { planOf, layout } from './window';

const now = new Date('2026-11-26T20:00:00Z');
let next = 0;
const urge = (iso: string, utcOffsetMinutes = 0) => ({ id: `u${next++}`, occurredAt: iso, utcOffsetMinutes }) as Urge;
const even = (items: Item[]) => layout(items.length, () => 10);

describe('historyItems', () => {
  it('puts a heading before each day, with the labels and groups byDay gives', () => {
    const urges = [
      urge('2026-11-26T19:00:00Z'),
      urge('2026-11-26T08:00:00Z'),
      urge('2026-11-25T22:00:00Z'),
      urge('2026-11-20T10:00:00Z'),
      urge('2025-12-31T10:00:00Z'),
    ];
    const items = historyItems(urges, now);
    expect(items.map((i) => (i.kind === 'day' ? `# ${i.day}` : i.key))).toEqual([
      '# Today',
      urges[0]!.id,
      urges[1]!.id,
      '# Yesterday',
      urges[2]!.id,
      '# Fri 20 Nov',
      urges[3]!.id,
      '# Wed 31 Dec 2025',
      urges[4]!.id,
    ]);
    const groups = byDay(urges, now).map(([day, list]) => [day, list.map((u) => u.id)]);
    const fromItems = items
      .filter((i) => i.kind === 'day')
      .map((h) => [h.day, items.filter((i) => i.kind === 'urge' && i.group === h.key).map((i) => i.key)]);
    expect(fromItems, 'the same days, the same cravings in each, as before the window').toEqual(groups);
  });

  it('reads the day in the offset the craving was logged in', () => {
    // 23:30 UTC on the 25th is already the 26th at UTC+2.
    const items = historyItems([urge('2026-11-25T23:30:00Z', 120)], now);
    expect(items[0]).toMatchObject({ kind: 'day', day: 'Today' });
  });

  it('keeps every key when the list grows at its end (rows and headings stay the same elements)', () => {
    const first = [urge('2026-11-26T19:00:00Z'), urge('2026-11-25T19:00:00Z')];
    const more = [urge('2026-11-25T09:00:00Z'), urge('2026-11-24T09:00:00Z')];
    const before = historyItems(first, now).map((i) => i.key);
    const after = historyItems([...first, ...more], now).map((i) => i.key);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(new Set(after).size, 'no key twice').toBe(after.length);
  });

  it('is empty for no cravings', () => {
    expect(historyItems([], now)).toEqual([]);
  });
});

describe('drawnDays', () => {
  const urges = [
    urge('2026-11-26T19:00:00Z'),
    urge('2026-11-26T18:00:00Z'),
    urge('2026-11-26T17:00:00Z'),
    urge('2026-11-25T19:00:00Z'),
    urge('2026-11-25T18:00:00Z'),
  ];
  const items = historyItems(urges, now); // 0 #Today, 1-3, 4 #Yesterday, 5-6

  it('draws a heading, then the day’s rows in its own list', () => {
    const days = drawnDays(items, planOf(even(items), [{ start: 0, end: items.length }]));
    expect(days.map((d) => [d.day, d.heading?.index ?? null, d.rows.map((r) => r.index)])).toEqual([
      ['Today', 0, [1, 2, 3]],
      ['Yesterday', 4, [5, 6]],
    ]);
  });

  it('draws a day whose heading is above the window as its list alone, still named for the day', () => {
    const days = drawnDays(items, planOf(even(items), [{ start: 2, end: 6 }]));
    expect(days.map((d) => [d.day, d.heading?.index ?? null, d.rows.map((r) => r.index)])).toEqual([
      ['Today', null, [2, 3]],
      ['Yesterday', 4, [5]],
    ]);
  });

  it('keeps a day in one list when the focused row and the viewport are both in it', () => {
    const days = drawnDays(items, planOf(even(items), [{ start: 1, end: 2 }, { start: 3, end: 5 }]));
    expect(days.map((d) => d.key), 'each day once: its list is never drawn twice').toEqual([items[0]!.key, items[4]!.key]);
    expect(days[0]!.rows.map((r) => [r.index, r.space]), 'the room for row 2 is kept above row 3').toEqual([
      [1, 0],
      [3, 10],
    ]);
  });
});
