// How a craving's time reads in History: in the person's local time *when it happened*
// (stored offset), relative to today where that reads best: "Today 21:40", "Tue 08:15".

import type { Urge } from '../ipc/bindings';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** A wall-clock reading: the instant shifted by an offset, read with UTC getters. */
function wall(instantMs: number, offsetMinutes: number): Date {
  return new Date(instantMs + offsetMinutes * 60_000);
}

function dayNumber(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "21:40" in the given offset. */
export function clockTime(iso: string, offsetMinutes: number): string {
  const w = wall(Date.parse(iso), offsetMinutes);
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/**
 * A short, relative label for when a craving happened.
 * @param iso the UTC instant
 * @param offsetMinutes the person's offset east of UTC when it happened
 * @param now the current instant
 * @param nowOffsetMinutes the person's offset now (defaults to the device's)
 */
export function formatWhen(
  iso: string,
  offsetMinutes: number,
  now: Date,
  nowOffsetMinutes: number = -now.getTimezoneOffset(),
): string {
  const then = wall(Date.parse(iso), offsetMinutes);
  const today = wall(now.getTime(), nowOffsetMinutes);
  const daysAgo = dayNumber(today) - dayNumber(then);
  const time = clockTime(iso, offsetMinutes);
  if (daysAgo === 0) return `Today ${time}`;
  if (daysAgo === 1) return `Yesterday ${time}`;
  if (daysAgo > 1 && daysAgo < 7) return `${WEEKDAYS[then.getUTCDay()]} ${time}`;
  const date = `${then.getUTCDate()} ${MONTHS[then.getUTCMonth()]}`;
  if (then.getUTCFullYear() === today.getUTCFullYear()) return `${date} ${time}`;
  return `${date} ${then.getUTCFullYear()} ${time}`;
}

/** An instant as the value of an `<input type="datetime-local">`, in the device's local time. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a `datetime-local` value means in the device's local time, or null if unreadable. */
export function fromLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Groups cravings by local day, newest first: [label, cravings][]. */
export function byDay(urges: Urge[], now: Date): [string, Urge[]][] {
  const groups: [string, Urge[]][] = [];
  for (const urge of urges) {
    const label = dayLabel(urge, now);
    const last = groups[groups.length - 1];
    if (last && last[0] === label) last[1].push(urge);
    else groups.push([label, [urge]]);
  }
  return groups;
}

function localDate(iso: string, offsetMinutes: number): Date {
  return new Date(Date.parse(iso) + offsetMinutes * 60_000);
}

/** "Today", "Yesterday", or "Mon 23 Nov" (with the year when it isn't this year).
 *
 *  Built from the calendar fields, never `toLocaleDateString`: WebKit makes a new ICU date
 *  formatter for every such call with options, and History asks again for every day each time
 *  a page arrives; those formatters' memory outlived the page (issue #13). */
export function dayLabel(urge: Urge, now: Date, nowOffsetMinutes: number = -now.getTimezoneOffset()): string {
  const d = localDate(urge.occurredAt, urge.utcOffsetMinutes);
  const today = localDate(now.toISOString(), nowOffsetMinutes);
  const daysAgo = dayNumber(today) - dayNumber(d);
  if (daysAgo === 0) return 'Today';
  if (daysAgo === 1) return 'Yesterday';
  const year = d.getUTCFullYear() === today.getUTCFullYear() ? '' : ` ${d.getUTCFullYear()}`;
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year}`;
}
