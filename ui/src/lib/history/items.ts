// History's list as the window sees it: one flat run of items, a day's heading before that
// day's cravings; and, back from a drawing plan, the days to draw (a heading, then the day's
// list of the rows in the window), so the page keeps its headings and per-day lists.
import type { Urge } from '../ipc/bindings';
import { dayLabel } from '../time/when';
import type { ItemKind, Plan } from './window';

interface ItemBase {
  kind: ItemKind;
  /** Unique and stable while the list grows: a craving's id, or its day's `day-<n>`. */
  key: string;
  /** The key of the day it belongs to (a heading's own key). */
  group: string;
  /** "Today", "Yesterday", "Fri 20 Nov"… */
  day: string;
}

export interface DayItem extends ItemBase {
  kind: 'day';
}

export interface UrgeItem extends ItemBase {
  kind: 'urge';
  urge: Urge;
}

export type Item = DayItem | UrgeItem;

/** The local calendar day a craving happened on, as `dayLabel` reads it (cheap: no Intl). */
function localDay(urge: Urge): string {
  return new Date(Date.parse(urge.occurredAt) + urge.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Cravings, newest first, as items: a heading whenever the day changes (as `byDay` groups). A
 *  day's label is worked out once, however many cravings it holds. */
export function historyItems(urges: readonly Urge[], now: Date): Item[] {
  const items: Item[] = [];
  let current: DayItem | null = null;
  let currentDay = '';
  for (const urge of urges) {
    const day = localDay(urge);
    if (!current || day !== currentDay) {
      const key = `day-${items.length}`;
      current = { kind: 'day', key, group: key, day: dayLabel(urge, now) };
      currentDay = day;
      items.push(current);
    }
    items.push({ kind: 'urge', key: urge.id, group: current.key, day: current.day, urge });
  }
  return items;
}

/** Each item's index, by key. */
export function indexByKey(items: readonly Item[]): ReadonlyMap<string, number> {
  return new Map(items.map((item, i) => [item.key, i]));
}

/** A craving row to draw, with the space kept free above it (see `Placed`). */
export interface DrawnRow {
  urge: Urge;
  index: number;
  space: number;
}

/** One day as drawn: its heading if it is in the window, then its rows in the window. */
export interface DrawnDay {
  key: string;
  day: string;
  heading: { index: number; space: number } | null;
  rows: DrawnRow[];
}

/** Groups a plan's placed items by day, in order. A day whose heading is above the window
 *  still gets its list (named after the day), without the heading. */
export function drawnDays(items: readonly Item[], plan: Plan): DrawnDay[] {
  const days: DrawnDay[] = [];
  for (const { index, space } of plan.placed) {
    const item = items[index];
    if (!item) continue;
    let last = days[days.length - 1];
    if (!last || last.key !== item.group) {
      last = { key: item.group, day: item.day, heading: null, rows: [] };
      days.push(last);
    }
    if (item.kind === 'day') last.heading = { index, space };
    else last.rows.push({ urge: item.urge, index, space });
  }
  return days;
}
