import { describe, expect, it } from 'vitest';
import { clockTime, dayLabel, formatWhen } from './when';
import type { Urge } from '../ipc/bindings';

// Thursday 26 Nov 2026, 21:40 in a zone one hour east of UTC.
const now = new Date('2026-11-26T20:40:00Z');
const CET = 60;

describe('formatWhen', () => {
  it('labels today and yesterday by name, in the local time of the craving', () => {
    expect(formatWhen('2026-11-26T20:40:00Z', CET, now, CET)).toBe('Today 21:40');
    expect(formatWhen('2026-11-25T07:15:00Z', CET, now, CET)).toBe('Yesterday 08:15');
  });

  it('uses the weekday within the last week', () => {
    expect(formatWhen('2026-11-24T07:15:00Z', CET, now, CET)).toBe('Tue 08:15');
  });

  it('uses the date beyond a week, and the year only when it differs', () => {
    expect(formatWhen('2026-11-12T07:15:00Z', CET, now, CET)).toBe('12 Nov 08:15');
    expect(formatWhen('2025-03-02T07:15:00Z', CET, now, CET)).toBe('2 Mar 2025 08:15');
  });

  it('decides "today" by local dates, not UTC dates', () => {
    // 23:30 local on the 26th is already the 27th in UTC+1... but 22:30 UTC on the 26th.
    expect(formatWhen('2026-11-26T22:30:00Z', CET, new Date('2026-11-26T22:45:00Z'), CET)).toBe(
      'Today 23:30',
    );
    // 00:30 local on the 27th, seen at 00:45 local the same night, is "Today", though UTC says the 26th.
    expect(formatWhen('2026-11-26T23:30:00Z', CET, new Date('2026-11-26T23:45:00Z'), CET)).toBe(
      'Today 00:30',
    );
  });

  it('keeps the clock time of where the person was, after travelling', () => {
    // Logged at 08:00 in New York (UTC-5), read later in a UTC+1 zone: still 08:00.
    expect(clockTime('2026-11-20T13:00:00Z', -300)).toBe('08:00');
  });
});

describe('datetime-local round trip', () => {
  it('reads back the same minute it shows', async () => {
    const { toLocalInput, fromLocalInput } = await import('./when');
    const shown = toLocalInput('2026-11-26T20:40:00Z');
    expect(fromLocalInput(shown)?.toISOString()).toBe('2026-11-26T20:40:00.000Z');
  });

  it('refuses what is not a time', async () => {
    const { fromLocalInput } = await import('./when');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
  });
});

describe('dayLabel', () => {
  const at = (occurredAt: string, utcOffsetMinutes = CET) => ({ occurredAt, utcOffsetMinutes }) as Urge;
  it('names today and yesterday, in the local time of the craving', () => {
    expect(dayLabel(at('2026-11-26T08:00:00Z'), now, CET)).toBe('Today');
    expect(dayLabel(at('2026-11-25T22:30:00Z'), now, CET), '23:30 on the 25th in CET').toBe('Yesterday');
  });

  it('reads "Mon 23 Nov", with the year only when it differs, as en-GB would', () => {
    expect(dayLabel(at('2026-11-23T10:00:00Z'), now, CET)).toBe('Mon 23 Nov');
    expect(dayLabel(at('2025-03-02T10:00:00Z'), now, CET)).toBe('Sun 2 Mar 2025');
    expect(dayLabel(at('2026-09-07T10:00:00Z'), now, CET), 'one spelling of September everywhere').toBe('Mon 7 Sep');
    expect(dayLabel(at('2025-12-31T23:30:00Z', 60), now, CET), 'the local date, not the UTC one').toBe('Thu 1 Jan');
  });
});
