import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../ipc/bindings';
import {
  cravingsLabel,
  lostSentence,
  madeAtLabel,
  readable,
  reasonLabel,
  restoreQuestion,
  restoredNotice,
  sizeLabel,
} from './format';

const gb = { locale: 'en-GB', timeZone: 'UTC', now: new Date('2026-11-30T10:00:00Z') };

function backup(over: Partial<BackupInfo> = {}): BackupInfo {
  return {
    name: 'ebb-20261128-214000-daily.db',
    madeAt: '2026-11-28T21:40:00Z',
    reason: 'daily',
    bytes: 245_760,
    cravings: 1204,
    ...over,
  };
}

describe('how a backup reads', () => {
  it("says when, in the person's locale and time zone, with the year only when it isn't this one", () => {
    expect(madeAtLabel('2026-11-28T21:40:00Z', gb)).toBe('28 Nov, 21:40');
    expect(madeAtLabel('2025-12-31T08:05:00Z', gb)).toBe('31 Dec 2025, 08:05');
    expect(madeAtLabel('2026-11-28T21:40:00Z', { ...gb, locale: 'en-US' })).toBe('Nov 28, 9:40 PM');
    expect(madeAtLabel('2026-11-28T08:05:00Z', { ...gb, locale: 'en-US' }), 'a 12-hour clock').toBe('Nov 28, 8:05 AM');
    expect(madeAtLabel('2026-11-28T08:05:00Z', { ...gb, locale: 'de-DE' })).toBe('28. Nov., 08:05');
    expect(madeAtLabel('2026-11-28T21:40:00Z', { ...gb, timeZone: 'Asia/Tokyo' }), 'the local day').toBe(
      '29 Nov, 06:40',
    );
    expect(madeAtLabel('not a date', gb), 'never throws').toBe('not a date');
  });

  it('says the size in kB, MB or GB', () => {
    expect(sizeLabel(245_760, gb)).toBe('246 kB');
    expect(sizeLabel(300, gb), 'never "0 kB"').toBe('1 kB');
    expect(sizeLabel(1_250_000, gb)).toBe('1.3 MB');
    expect(sizeLabel(48_000_000, gb)).toBe('48 MB');
    expect(sizeLabel(2_100_000_000, gb)).toBe('2.1 GB');
    expect(sizeLabel(1_250_000, { locale: 'de-DE' }), "the locale's decimal sign").toBe('1,3 MB');
  });

  it('counts cravings, and says when a backup cannot be read', () => {
    expect(cravingsLabel(1204, gb)).toBe('1,204 cravings');
    expect(cravingsLabel(1, gb)).toBe('1 craving');
    expect(cravingsLabel(0, gb)).toBe('0 cravings');
    expect(cravingsLabel(null, gb)).toBe("Can't be read");
    expect(readable(backup({ cravings: null }))).toBe(false);
    expect(readable(backup({ cravings: 0 })), 'an empty backup is still a backup').toBe(true);
  });

  it('names why each was made in a few words', () => {
    expect(reasonLabel('daily')).toBe('Daily');
    expect(reasonLabel('manual')).toBe('You made it');
    expect(reasonLabel('beforeUpgrade')).toBe('Before an update');
    expect(reasonLabel('beforeRestore')).toBe('Before a restore');
  });

  it('asks once, in plain words, and is honest about what a backup lacks', () => {
    expect(restoreQuestion(backup(), false, gb)).toBe(
      'Restore the backup from 28 Nov, 21:40? What you have now is backed up first, so you can go back.',
    );
    const damaged = restoreQuestion(backup(), true, gb);
    expect(damaged, 'damaged data is not backed up first').not.toContain('backed up first');
    expect(damaged).toContain("Anything you logged after that isn't in it.");
    expect(damaged).toContain('The damaged file is kept');
    expect(lostSentence(backup(), gb)).toBe("Anything you logged after 28 Nov, 21:40 isn't in it.");
    expect(restoredNotice(backup(), gb)).toBe('Your backup from 28 Nov, 21:40 is restored.');
  });
});
