// How a backup reads (issue #11): its date and time, size and cravings in the person's locale
// (Intl), why it was made, and the plain sentences around restoring it.
import type { BackupInfo, BackupReason, Recovered } from '../ipc/bindings';

/** Where to read dates and numbers: the device's locale and time zone unless a test says. */
export type Reading = {
  locale?: string | string[];
  timeZone?: string;
  /** "Now", to leave the year out of this year's dates. */
  now?: Date;
};

const REASONS: Record<BackupReason, string> = {
  daily: 'Daily',
  manual: 'You made it',
  beforeUpgrade: 'Before an update',
  beforeRestore: 'Before a restore',
};

/** Why a backup was made, in two or three words. */
export function reasonLabel(reason: BackupReason): string {
  return REASONS[reason] ?? reason;
}

function year(date: Date, r: Reading): string {
  return new Intl.DateTimeFormat(r.locale, { year: 'numeric', timeZone: r.timeZone }).format(date);
}

/** Hours as the locale writes them: "08:05" on a 24-hour clock, "8:05 AM" on a 12-hour one. */
function hourStyle(r: Reading): '2-digit' | 'numeric' {
  const cycle = new Intl.DateTimeFormat(r.locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric';
}

/** "28 Nov, 21:40" (en-GB), "Nov 28, 9:40 PM" (en-US); with the year when it isn't this one. */
export function madeAtLabel(iso: string, r: Reading = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const now = r.now ?? new Date();
  return new Intl.DateTimeFormat(r.locale, {
    day: 'numeric',
    month: 'short',
    year: year(date, r) === year(now, r) ? undefined : 'numeric',
    hour: hourStyle(r),
    minute: '2-digit',
    timeZone: r.timeZone,
  }).format(date);
}

/** Size on disk: "240 kB", "1.3 MB", "2.1 GB" (decimal units, as file managers show them). */
export function sizeLabel(bytes: number, r: Reading = {}): string {
  const units = [
    { unit: 'gigabyte', size: 1e9 },
    { unit: 'megabyte', size: 1e6 },
  ];
  for (const { unit, size } of units) {
    if (bytes >= size) {
      return new Intl.NumberFormat(r.locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / size);
    }
  }
  const kb = Math.max(1, Math.round(bytes / 1e3));
  return new Intl.NumberFormat(r.locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(kb);
}

/** "1,204 cravings", "1 craving"; "Can't be read" when the backup can't be opened. */
export function cravingsLabel(cravings: number | null, r: Reading = {}): string {
  if (cravings === null) return "Can't be read";
  const n = new Intl.NumberFormat(r.locale).format(cravings);
  return `${n} ${cravings === 1 ? 'craving' : 'cravings'}`;
}

/** Whether a backup can be restored: only one Ebb can read. */
export function readable(backup: BackupInfo): boolean {
  return backup.cravings !== null;
}

/** The one question before a restore, in plain words. `damaged`: the data can't be read now,
 *  so nothing of it is backed up first; the damaged file is moved aside and kept instead. */
export function restoreQuestion(backup: BackupInfo, damaged: boolean, r: Reading = {}): string {
  const when = madeAtLabel(backup.madeAt, r);
  return damaged
    ? `Restore the backup from ${when}? Anything you logged after that isn't in it. The damaged file is kept in your data folder.`
    : `Restore the backup from ${when}? What you have now is backed up first, so you can go back.`;
}

/** What a backup doesn't have, said honestly before restoring it over damaged data. */
export function lostSentence(backup: BackupInfo, r: Reading = {}): string {
  return `Anything you logged after ${madeAtLabel(backup.madeAt, r)} isn't in it.`;
}

/** Shown once the app has reloaded with a restored backup. */
export function restoredNotice(backup: BackupInfo, r: Reading = {}): string {
  return `Your backup from ${madeAtLabel(backup.madeAt, r)} is restored.`;
}

/** After saving what could be read from damaged data. */
export function recoveredNotice(saved: Recovered, r: Reading = {}): string {
  const nf = new Intl.NumberFormat(r.locale);
  const lost =
    saved.lost === 0
      ? 'Nothing was lost.'
      : `${nf.format(saved.lost)} ${saved.lost === 1 ? 'record' : 'records'} couldn't be read.`;
  return `Saved ${nf.format(saved.cravings)} ${saved.cravings === 1 ? 'craving' : 'cravings'} from the damaged file. ${lost} The damaged file is kept in your data folder.`;
}
