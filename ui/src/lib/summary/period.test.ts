import { describe, expect, it } from 'vitest';
import { addDays, dayLabel, defaultPaper, periodEnding, summaryFileName, usableLocale } from './period';

describe('periods', () => {
  it('end today and count today in: 14, 30 and 91 days', () => {
    expect(periodEnding('twoWeeks', '2026-11-26')).toEqual({ from: '2026-11-13', to: '2026-11-26' });
    expect(periodEnding('month', '2026-11-26')).toEqual({ from: '2026-10-28', to: '2026-11-26' });
    expect(periodEnding('threeMonths', '2026-11-26')).toEqual({ from: '2026-08-28', to: '2026-11-26' });
  });

  it('cross month and year ends, and leap days, by the calendar', () => {
    expect(periodEnding('twoWeeks', '2026-03-05'), 'February has 28 days in 2026').toEqual({
      from: '2026-02-20',
      to: '2026-03-05',
    });
    expect(periodEnding('twoWeeks', '2028-03-05'), 'and 29 in 2028').toEqual({ from: '2028-02-21', to: '2028-03-05' });
    expect(periodEnding('month', '2027-01-10')).toEqual({ from: '2026-12-12', to: '2027-01-10' });
    expect(periodEnding('threeMonths', '2026-05-31')).toEqual({ from: '2026-03-02', to: '2026-05-31' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it("aren't moved by a clock change", () => {
    // Europe and the US change their clocks in late March and late October: a day is still a day.
    expect(addDays('2026-03-30', -13)).toBe('2026-03-17');
    expect(addDays('2026-11-02', -13)).toBe('2026-10-20');
  });
});

describe('paper', () => {
  it('is Letter in the US and Canada, A4 elsewhere and when unsure', () => {
    expect(defaultPaper('en-US')).toBe('letter');
    expect(defaultPaper('fr-CA')).toBe('letter');
    expect(defaultPaper('en-GB')).toBe('a4');
    expect(defaultPaper('sv-SE')).toBe('a4');
    expect(defaultPaper('en'), 'no region: A4').toBe('a4');
    expect(defaultPaper(undefined)).toBe('a4');
    expect(defaultPaper('not a tag')).toBe('a4');
  });
});

describe('names', () => {
  it("name the file after the year and month the period ends", () => {
    expect(summaryFileName('2026-11-26')).toBe('summary-2026-11.pdf');
    expect(summaryFileName('2027-01-03')).toBe('summary-2027-01.pdf');
  });

  it('show a date as a calendar date in the reader\'s order', () => {
    expect(dayLabel('2026-11-27', 'en-GB')).toBe('27 Nov 2026');
    expect(dayLabel('2026-11-27', 'en-US')).toBe('Nov 27, 2026');
  });
});

describe('usableLocale', () => {
  it('keeps a real tag and drops what Intl rejects (LANG=C reports "C")', () => {
    expect(usableLocale('en-GB')).toBe('en-GB');
    expect(usableLocale('C')).toBeUndefined();
    expect(usableLocale('')).toBeUndefined();
    expect(usableLocale(undefined)).toBeUndefined();
    expect(() => (1234).toLocaleString(usableLocale('C'))).not.toThrow();
  });
});
