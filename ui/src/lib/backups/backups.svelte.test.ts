import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../ipc/bindings';
import { IpcFailure } from '../ipc/client';
import { FakeClient } from '../ipc/fake';
import { BACKED_UP, BackupsState } from './backups.svelte';

const reading = { locale: 'en-GB', timeZone: 'UTC', now: new Date('2026-11-30T10:00:00Z') };

function backup(name: string, madeAt: string, over: Partial<BackupInfo> = {}): BackupInfo {
  return { name, madeAt, reason: 'daily', bytes: 200_000, cravings: 40, ...over };
}

const NOV28 = backup('ebb-20261128-214000-daily.db', '2026-11-28T21:40:00Z', { cravings: 1204 });
const NOV27 = backup('ebb-20261127-090000-daily.db', '2026-11-27T09:00:00Z', { cravings: 1190 });
const NOV20 = backup('ebb-20261120-080000-manual.db', '2026-11-20T08:00:00Z', { reason: 'manual', cravings: 1100 });
const BROKEN = backup('ebb-20261129-210000-daily.db', '2026-11-29T21:00:00Z', { cravings: null });

function setup(list: BackupInfo[] = [NOV28, NOV27, NOV20], damaged = false) {
  const client = new FakeClient();
  client.backups = structuredClone(list);
  const restored: BackupInfo[] = [];
  const backups = new BackupsState(client, { damaged, reading, onrestored: (b) => void restored.push(b) });
  return { client, backups, restored };
}

describe('BackupsState', () => {
  it('lists the backups as the core does, newest first, and finds the newest that can be read', async () => {
    const { backups } = setup([BROKEN, NOV28, NOV27]);
    expect(backups.loaded).toBe(false);
    await backups.load();
    expect(backups.loaded).toBe(true);
    expect(backups.list.map((b) => b.name)).toEqual([BROKEN.name, NOV28.name, NOV27.name]);
    expect(backups.newest?.name, 'one that can be read').toBe(NOV28.name);
    expect(backups.others.map((b) => b.name), 'the rest, unreadable one included').toEqual([BROKEN.name, NOV27.name]);
  });

  it('has no newest when none can be read', async () => {
    const { backups } = setup([BROKEN]);
    await backups.load();
    expect(backups.newest).toBeNull();
    expect(backups.others).toHaveLength(1);
  });

  it("shows the core's message when the list can't be read", async () => {
    const { client, backups } = setup();
    client.failNext = new IpcFailure('storage', "Ebb couldn't read the backups folder.");
    await backups.load();
    expect(backups.error).toBe("Ebb couldn't read the backups folder.");
    expect(backups.loaded).toBe(false);
    expect(backups.loading).toBe(false);
    await backups.load();
    expect(backups.error, 'trying again clears it').toBeNull();
    expect(backups.list).toHaveLength(3);
  });

  it('backs up now: busy meanwhile, then the new one at the top and a short "Backed up."', async () => {
    const { client, backups } = setup();
    await backups.load();
    client.now = new Date('2026-11-30T09:15:00Z');
    client.urges = [];
    const pending = backups.backUpNow();
    expect(backups.backingUp, 'busy while the core copies').toBe(true);
    expect(backups.busy).toBe(true);
    expect(await backups.backUpNow(), 'a second tap meanwhile does nothing').toBe(false);
    expect(await pending).toBe(true);
    expect(backups.backingUp).toBe(false);
    expect(backups.status).toBe(BACKED_UP);
    expect(backups.list[0]).toMatchObject({ reason: 'manual', madeAt: '2026-11-30T09:15:00.000Z', cravings: 0 });
    expect(backups.list).toHaveLength(4);
    expect(client.calls.filter((c) => c === 'backUpNow'), 'one backup').toHaveLength(1);
  });

  it('shows what the core really kept after a backup (an older one may have gone)', async () => {
    const { client, backups } = setup();
    await backups.load();
    // The core keeps the newest of each day, week and month: this one goes with the new one.
    client.backups = client.backups.filter((b) => b.name !== NOV20.name);
    expect(await backups.backUpNow()).toBe(true);
    expect(backups.list.map((b) => b.reason)).toEqual(['manual', 'daily', 'daily']);
    expect(backups.list.some((b) => b.name === NOV20.name)).toBe(false);
  });

  it("shows the core's message when a backup can't be made, and changes nothing", async () => {
    const { client, backups } = setup();
    await backups.load();
    client.failNext = new IpcFailure('storage', 'There is not enough space on this device for a backup.');
    expect(await backups.backUpNow()).toBe(false);
    expect(backups.error).toBe('There is not enough space on this device for a backup.');
    expect(backups.status).toBeNull();
    expect(backups.backingUp).toBe(false);
    expect(backups.list).toHaveLength(3);
  });

  it('asks once before restoring, in plain words, and Cancel leaves everything as it was', async () => {
    const { client, backups, restored } = setup();
    await backups.load();
    backups.ask(NOV28.name);
    expect(backups.asking).toBe(NOV28.name);
    expect(backups.question).toBe(
      'Restore the backup from 28 Nov, 21:40? What you have now is backed up first, so you can go back.',
    );
    backups.cancel();
    expect(backups.asking).toBeNull();
    expect(backups.question).toBe('');
    expect(client.restored).toEqual([]);
    expect(restored).toEqual([]);
  });

  it('restores the chosen backup, then the app reloads', async () => {
    const { client, backups, restored } = setup();
    await backups.load();
    backups.ask(NOV27.name);
    const pending = backups.restore();
    expect(backups.restoring).toBe(true);
    expect(backups.target).toBe(NOV27.name);
    expect(await pending).toBe(true);
    expect(client.restored).toEqual([NOV27.name]);
    expect(restored.map((b) => b.name), 'the app is told once, with the backup').toEqual([NOV27.name]);
    expect(backups.asking).toBeNull();
    expect(backups.restoring).toBe(false);
  });

  it("keeps the question open with the core's message when a restore is refused", async () => {
    const { client, backups, restored } = setup();
    await backups.load();
    backups.ask(NOV28.name);
    client.failNext = new IpcFailure('storage', 'Ebb could not back up your data first, so nothing was restored.');
    expect(await backups.restore()).toBe(false);
    expect(backups.restoreError).toBe('Ebb could not back up your data first, so nothing was restored.');
    expect(backups.target, 'shown by that backup').toBe(NOV28.name);
    expect(backups.asking, 'the person can try again or cancel').toBe(NOV28.name);
    expect(restored).toEqual([]);
    backups.ask(NOV27.name);
    expect(backups.restoreError, 'a new question starts clean').toBeNull();
  });

  it("never offers or restores one that can't be read", async () => {
    const { client, backups } = setup([BROKEN, NOV28]);
    await backups.load();
    backups.ask(BROKEN.name);
    expect(backups.asking).toBeNull();
    expect(await backups.restore(BROKEN.name)).toBe(false);
    expect(client.calls).not.toContain('restoreBackup');
  });

  it('does not restore while a backup is being made', async () => {
    const { client, backups } = setup();
    await backups.load();
    const making = backups.backUpNow();
    expect(await backups.restore(NOV28.name)).toBe(false);
    await making;
    expect(client.calls).not.toContain('restoreBackup');
  });

  it('on damaged data: lists and restores (the damaged file is moved aside, not backed up first)', async () => {
    const { client, backups, restored } = setup([BROKEN, NOV28, NOV27], true);
    client.damaged = 'Your data file is damaged: a page of it could not be read.';
    await backups.load();
    expect(backups.error, 'the backups answer while the data is damaged').toBeNull();
    expect(backups.newest?.name).toBe(NOV28.name);
    backups.ask(NOV27.name);
    expect(backups.question).toContain('Restore the backup from 27 Nov, 09:00?');
    expect(backups.question).toContain("Anything you logged after that isn't in it.");
    expect(backups.question).not.toContain('backed up first');
    backups.cancel();
    expect(await backups.restore(NOV28.name), 'the newest, straight from its button').toBe(true);
    expect(client.restored).toEqual([NOV28.name]);
    expect(restored.map((b) => b.name)).toEqual([NOV28.name]);
    expect(client.damaged, 'the data is fine again').toBeNull();
  });
});
