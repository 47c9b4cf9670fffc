import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../ipc/bindings';
import {
  csvFileName,
  exportFileName,
  fileName,
  hasRecords,
  importedNotice,
  kindCount,
  localDate,
  previewItems,
  previewSentence,
  savedSentence,
} from './format';

const r = { locale: 'en-GB' };

function preview(counts: [string, number, number][]): ImportPreview {
  return { counts: counts.map(([what, inFile, alreadyHere]) => ({ what, inFile, alreadyHere })), fromVersion: 9 };
}

const FULL = preview([
  ['cravings', 3120, 12],
  ['check-ins', 0, 0],
  ['exercise sessions', 0, 0],
  ['journal entries', 410, 0],
  ['plans', 2, 0],
  ['support people', 0, 0],
  ['tracked things', 1, 1],
  ['own breathing patterns', 0, 0],
]);

describe('file names', () => {
  it("use the device's own date, not UTC's", () => {
    // Built from local parts: 23:30 on 30 November wherever the test runs.
    const late = new Date(2026, 10, 30, 23, 30);
    expect(localDate(late)).toBe('2026-11-30');
    expect(exportFileName(late)).toBe('ebb-2026-11-30.ebbx');
    expect(csvFileName(new Date(2027, 0, 5, 0, 10))).toBe('ebb-csv-2027-01-05.zip');
  });

  it('show only the chosen file, without its folder', () => {
    expect(fileName('/home/sam/Downloads/ebb-2026-11-20.ebbx')).toBe('ebb-2026-11-20.ebbx');
    expect(fileName('C:\\Users\\Sam\\ebb.ebbx')).toBe('ebb.ebbx');
    expect(fileName('content://downloads/My%20copy.ebbx')).toBe('My copy.ebbx');
    expect(fileName('ebb.ebbx')).toBe('ebb.ebbx');
  });
});

describe('what an export says', () => {
  it('says how many cravings and how big, in the locale', () => {
    expect(savedSentence({ path: '/x/ebb.ebbx', bytes: 3_200_000, cravings: 1204 }, r)).toBe('Saved: 1,204 cravings, 3.2 MB.');
    expect(savedSentence({ path: '/x/ebb.ebbx', bytes: 48_000, cravings: 1 }, r)).toBe('Saved: 1 craving, 48 kB.');
  });
});

describe('the preview', () => {
  it('is one plain sentence and a short list of what the file holds', () => {
    expect(previewSentence(FULL, r)).toBe('Ebb opened the file. 13 of the things it holds are already here:');
    expect(previewItems(FULL, r)).toEqual([
      '3,120 cravings, 12 already here',
      '410 journal entries',
      '2 plans',
      '1 tracked thing, all already here',
    ]);
    expect(hasRecords(FULL)).toBe(true);
  });

  it('says when none, or all, of it is here', () => {
    expect(previewSentence(preview([['cravings', 5, 0]]), r)).toBe('Ebb opened the file. None of what it holds is here yet:');
    expect(previewSentence(preview([['cravings', 5, 5]]), r)).toBe('Ebb opened the file. All of what it holds is already here:');
    expect(previewSentence(preview([['cravings', 5, 1]]), r)).toBe('Ebb opened the file. 1 of the things it holds is already here:');
  });

  it('says when there is nothing to import', () => {
    const empty = preview([['cravings', 0, 0]]);
    expect(previewSentence(empty, r)).toBe('Ebb opened the file, but there is nothing in it to import.');
    expect(previewItems(empty, r)).toEqual([]);
    expect(hasRecords(empty)).toBe(false);
  });

  it('names one of a kind in the singular', () => {
    expect(kindCount(1, 'journal entries', r)).toBe('1 journal entry');
    expect(kindCount(1, 'support people', r)).toBe('1 support person');
    expect(kindCount(2, 'support people', r)).toBe('2 support people');
    expect(kindCount(1, 'something new', r), 'a kind it does not know stays as the core said').toBe('1 something new');
  });
});

describe('the notice after an import', () => {
  it('names what a merge added, by kind', () => {
    expect(importedNotice('merge', preview([['cravings', 3120, 0]]), { added: 3400, updated: 0 }, r)).toBe(
      'Imported: 3,120 cravings added.',
    );
    expect(importedNotice('merge', FULL, { added: 3600, updated: 7 }, r)).toBe(
      'Imported: 3,108 cravings, 410 journal entries and 2 plans added. 7 updated to a newer version.',
    );
  });

  it("says the core's number when the preview's doesn't fit, and when nothing was new", () => {
    expect(importedNotice('merge', preview([['cravings', 10, 0]]), { added: 4, updated: 0 }, r)).toBe(
      'Imported: 4 records added.',
    );
    expect(importedNotice('merge', preview([['cravings', 10, 10]]), { added: 0, updated: 0 }, r)).toBe(
      'Imported: everything in the file was already here.',
    );
    expect(importedNotice('merge', preview([['cravings', 10, 10]]), { added: 0, updated: 3 }, r)).toBe(
      'Imported: nothing new to add. 3 updated to a newer version.',
    );
  });

  it('says what a replace brought and where the rest went', () => {
    expect(importedNotice('replace', FULL, { added: 0, updated: 0 }, r)).toBe(
      'Imported: 3,120 cravings. What was here before is kept in Backups.',
    );
    expect(importedNotice('replace', preview([['plans', 2, 0]]), { added: 0, updated: 0 }, r)).toBe(
      'Imported: everything in the file. What was here before is kept in Backups.',
    );
  });
});
