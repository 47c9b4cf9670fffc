// Export and import in words (issue #11): the files' default names, what a finished export
// says, the preview of an import, and the notice once one is in. Numbers in the person's
// locale (Intl), as Backups shows them.
import type { ExportReport, ImportMode, ImportPreview, ImportReport } from '../ipc/bindings';
import type { FileFilter } from '../ipc/client';
import { cravingsLabel, sizeLabel, type Reading } from '../backups/format';

export type { Reading };

/** The encrypted export's kind, in the save and open dialogs. */
export const EXPORT_FILTER: FileFilter = { name: 'Ebb export', extensions: ['ebbx'] };
/** The CSV zip's kind, in the save dialog. */
export const CSV_FILTER: FileFilter = { name: 'Zip file of spreadsheets (CSV)', extensions: ['zip'] };

/** Said before the passphrase is chosen: honest about what losing it means. */
export const PASSPHRASE_NOTE = "You'll need this passphrase to open the file. Nobody, not even Ebb, can open it without it.";
/** Said (and acknowledged) before the CSV zip is saved. */
export const CSV_WARNING = 'This file is not encrypted: anyone who opens it can read everything in it.';
/** The UI's one check of its own: the passphrase typed twice. */
export const PASSPHRASES_DIFFER = 'The two passphrases are different. Type the same one twice.';
export const MERGE_EXPLAINED =
  "Adds what isn't here. For something in both, keeps the newer version. Something you deleted here after the export was made would come back.";
export const REPLACE_EXPLAINED =
  'For moving to a new device: everything here is replaced by the file. What is here now is backed up first.';
/** Asked once more before a replace. */
export const REPLACE_QUESTION =
  'Replace everything here with this file? You can get what is here now back from Backups.';

/** A date as YYYY-MM-DD on the device's calendar (local, not UTC: a file saved at 23:30 is
 *  named after that day). */
export function localDate(at: Date | number): string {
  const now = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `ebb-2026-11-30.ebbx` */
export function exportFileName(now: Date | number): string {
  return `ebb-${localDate(now)}.ebbx`;
}

/** `ebb-csv-2026-11-30.zip` */
export function csvFileName(now: Date | number): string {
  return `ebb-csv-${localDate(now)}.zip`;
}

/** The last part of a path the dialog gave (`/home/sam/ebb.ebbx` → `ebb.ebbx`), to show which
 *  file was chosen without the whole folder. */
export function fileName(path: string): string {
  const last = path.split(/[/\\]/).filter((p) => p.length > 0).pop() ?? path;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function count(n: number, r: Reading): string {
  return new Intl.NumberFormat(r.locale).format(n);
}

/** "Saved: 1,204 cravings, 3.2 MB." */
export function savedSentence(report: ExportReport, r: Reading = {}): string {
  return `Saved: ${cravingsLabel(report.cravings, r)}, ${sizeLabel(report.bytes, r)}.`;
}

/** One kind of record in the core's words, with its number: "3,120 cravings", "1 plan". The
 *  core names each kind in the plural; one of it drops the plural. */
export function kindCount(n: number, what: string, r: Reading = {}): string {
  return `${count(n, r)} ${n === 1 ? singular(what) : what}`;
}

const SINGULAR: Record<string, string> = {
  cravings: 'craving',
  'check-ins': 'check-in',
  'exercise sessions': 'exercise session',
  'journal entries': 'journal entry',
  plans: 'plan',
  'support people': 'support person',
  'tracked things': 'tracked thing',
  'own breathing patterns': 'own breathing pattern',
};

function singular(what: string): string {
  return SINGULAR[what] ?? what;
}

function total(preview: ImportPreview, of: 'inFile' | 'alreadyHere'): number {
  return preview.counts.reduce((sum, c) => sum + c[of], 0);
}

/** Whether the file holds anything to import. */
export function hasRecords(preview: ImportPreview): boolean {
  return total(preview, 'inFile') > 0;
}

/** The preview in one plain sentence: that the file opened, and how much of it is here. */
export function previewSentence(preview: ImportPreview, r: Reading = {}): string {
  const inFile = total(preview, 'inFile');
  const here = total(preview, 'alreadyHere');
  if (inFile === 0) return 'Ebb opened the file, but there is nothing in it to import.';
  if (here === 0) return 'Ebb opened the file. None of what it holds is here yet:';
  if (here >= inFile) return 'Ebb opened the file. All of what it holds is already here:';
  return `Ebb opened the file. ${count(here, r)} of the things it holds ${here === 1 ? 'is' : 'are'} already here:`;
}

/** The preview's short list: each kind in the file, and how many of those are already here
 *  ("410 journal entries, 12 already here"). Kinds the file doesn't have are left out. */
export function previewItems(preview: ImportPreview, r: Reading = {}): string[] {
  return preview.counts
    .filter((c) => c.inFile > 0)
    .map((c) => {
      const line = kindCount(c.inFile, c.what, r);
      if (c.alreadyHere === 0) return line;
      return c.alreadyHere >= c.inFile ? `${line}, all already here` : `${line}, ${count(c.alreadyHere, r)} already here`;
    });
}

function listed(items: string[], r: Reading): string {
  return new Intl.ListFormat(r.locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** Said once the app has reloaded after an import: "Imported: 3,120 cravings added." A merge
 *  names what it added by kind, from the preview (each record of a kind the file has and this
 *  device hasn't is added); a replace names what is here now and where the rest went. */
export function importedNotice(mode: ImportMode, preview: ImportPreview, report: ImportReport, r: Reading = {}): string {
  if (mode === 'replace') {
    const cravings = preview.counts.find((c) => c.what === 'cravings')?.inFile ?? 0;
    const what = cravings > 0 ? kindCount(cravings, 'cravings', r) : 'everything in the file';
    return `Imported: ${what}. What was here before is kept in Backups.`;
  }
  const fresh = preview.counts
    .map((c) => ({ what: c.what, n: c.inFile - c.alreadyHere }))
    .filter((c) => c.n > 0);
  const freshTotal = fresh.reduce((sum, c) => sum + c.n, 0);
  const updated = report.updated > 0 ? ` ${count(report.updated, r)} updated to a newer version.` : '';
  if (report.added === 0) {
    return report.updated > 0 ? `Imported: nothing new to add.${updated}` : 'Imported: everything in the file was already here.';
  }
  // The preview's kinds, when they agree with what the core added (they always should; the
  // core's own number is said otherwise).
  const added =
    fresh.length > 0 && freshTotal <= report.added
      ? listed(fresh.map((c) => kindCount(c.n, c.what, r)), r)
      : `${count(report.added, r)} ${report.added === 1 ? 'record' : 'records'}`;
  return `Imported: ${added} added.${updated}`;
}
