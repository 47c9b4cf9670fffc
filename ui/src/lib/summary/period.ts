// Periods, paper and file names for the summary and the card (issue #12). Dates are local
// calendar days as `YYYY-MM-DD`: a period ends today on the device's calendar, whatever the
// time zone, and counting back never trips over a month's end or a clock change.
import type { FileFilter } from '../ipc/client';
import type { Paper, SummaryPeriod } from './types';

export { localDate } from '../data/format';

/** The periods offered; "custom" lets the person pick both dates. */
export type PeriodChoice = 'twoWeeks' | 'month' | 'threeMonths' | 'custom';

export const PERIODS: readonly { id: PeriodChoice; label: string }[] = [
  { id: 'twoWeeks', label: 'Last 2 weeks' },
  { id: 'month', label: 'Last month' },
  { id: 'threeMonths', label: 'Last 3 months' },
  { id: 'custom', label: 'Custom dates' },
];

/** Days before today each fixed period starts: 14 days, 30 days and 91 days, today included. */
const DAYS_BACK: Record<Exclude<PeriodChoice, 'custom'>, number> = {
  twoWeeks: 13,
  month: 29,
  threeMonths: 90,
};

/** `date` moved by `days` calendar days (negative: back). Counted on a UTC calendar, so a
 *  daylight-saving change has no say in it. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}

/** The days a fixed period covers, ending `today`. */
export function periodEnding(choice: Exclude<PeriodChoice, 'custom'>, today: string): SummaryPeriod {
  return { from: addDays(today, -DAYS_BACK[choice]), to: today };
}

/** The device's language tag when the platform's Intl accepts it, else undefined: a desktop
 *  started with `LANG=C` reports "C", which `toLocaleString` rejects with a RangeError. */
export function usableLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The region of a language tag (`en-US` → `US`), or null when it has none. */
function region(language: string): string | null {
  try {
    return new Intl.Locale(language).region ?? null;
  } catch {
    return /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(language)?.[1]?.toUpperCase() ?? null;
  }
}

/** Letter in the United States and Canada, A4 elsewhere. */
export function defaultPaper(language: string | undefined): Paper {
  const r = language ? region(language) : null;
  return r === 'US' || r === 'CA' ? 'letter' : 'a4';
}

export const PAPERS: readonly { id: Paper; label: string }[] = [
  { id: 'a4', label: 'A4' },
  { id: 'letter', label: 'Letter' },
];

/** `summary-2026-11.pdf`: the year and month the period ends. */
export function summaryFileName(to: string): string {
  return `summary-${to.slice(0, 7)}.pdf`;
}

export const CARD_FILE_NAMES = { png: 'coping-plan.png', pdf: 'coping-plan.pdf' } as const;

export const PDF_FILTER: FileFilter = { name: 'PDF document', extensions: ['pdf'] };
export const PNG_FILTER: FileFilter = { name: 'PNG image', extensions: ['png'] };

/** "27 Nov 2026" (in the person's order) for a local date, read as a calendar date. */
export function dayLabel(date: string, locale?: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at);
}
