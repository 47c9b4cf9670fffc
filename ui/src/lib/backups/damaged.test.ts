import { describe, expect, it } from 'vitest';
import type { AppStatus, IpcError } from '../ipc/bindings';
import { IpcFailure } from '../ipc/client';
import { FakeClient } from '../ipc/fake';
import { NowState } from '../urges/now.svelte';
import { HistoryState } from '../urges/history.svelte';
import { Preferences } from '../settings/preferences.svelte';
import { LockState } from '../lock/lock.svelte';
import { watchLocked } from '../lock/watch';
import { BackupsState } from './backups.svelte';
import { isDamaged, watchDamaged, withDamage } from './damaged';

const MESSAGE = 'Your data file is damaged: part of it could not be read. Ebb stopped writing to it.';

describe('watchDamaged', () => {
  it("notices `damaged` on any call, with the core's message, and still hands the refusal to the caller", async () => {
    const client = new FakeClient();
    const seen: IpcError[] = [];
    const watched = watchDamaged(client, (p) => seen.push(p));
    client.damaged = MESSAGE;
    await expect(watched.countUrges()).rejects.toMatchObject({ code: 'damaged', message: MESSAGE });
    await expect(watched.listThings()).rejects.toMatchObject({ code: 'damaged' });
    expect(seen).toEqual([
      { code: 'damaged', message: MESSAGE },
      { code: 'damaged', message: MESSAGE },
    ]);
  });

  it('lets answers and other refusals through untouched', async () => {
    const client = new FakeClient();
    let noticed = 0;
    const watched = watchDamaged(client, () => noticed++);
    expect(await watched.countUrges()).toBe(0);
    client.failNext = new IpcFailure('invalid_input', 'Intensity is 0 to 10; got 12.');
    await expect(watched.logUrge({ intensity: 12 })).rejects.toThrow('Intensity is 0 to 10');
    client.locked = true;
    await expect(watched.countUrges()).rejects.toMatchObject({ code: 'locked' });
    expect(noticed, 'only `damaged` sends the app to the damaged screen').toBe(0);
  });

  it('keeps each method the same function, bound to the client', async () => {
    const watched = watchDamaged(new FakeClient(), () => {});
    expect(watched.listBackups).toBe(watched.listBackups);
    const { countUrges } = watched;
    expect(await countUrges()).toBe(0);
  });
});

describe('withDamage', () => {
  const open: AppStatus = { dataPath: '/home/a/.local/share/ebb/ebb.db', problem: null, locked: false };

  it("puts the core's message on the status, keeping where the file is", () => {
    const next = withDamage(open, { code: 'damaged', message: MESSAGE });
    expect(next).toEqual({ ...open, problem: { code: 'damaged', message: MESSAGE } });
    expect(isDamaged(next?.problem)).toBe(true);
    expect(isDamaged(open.problem)).toBe(false);
    expect(isDamaged({ code: 'data_too_new', message: 'Newer.' })).toBe(false);
  });

  it('changes nothing more once damage is shown, or while the app is still asking', () => {
    const shown = withDamage(open, { code: 'damaged', message: MESSAGE });
    expect(withDamage(shown, { code: 'damaged', message: 'Another call met it too.' })).toBe(shown);
    expect(withDamage(null, { code: 'damaged', message: MESSAGE })).toBeNull();
  });
});

describe('the central switch to the damaged screen (as App.svelte wires it)', () => {
  /** The app shell's wiring: both watchers around the client, the status they change. */
  async function app(client = new FakeClient()) {
    const lock = new LockState(client);
    let status: AppStatus | null = await client.appStatus();
    let switches = 0;
    const watched = watchDamaged(
      watchLocked(client, () => lock.lockedOut()),
      (problem) => {
        const next = withDamage(status, problem);
        if (next !== status) switches++;
        status = next;
      },
    );
    return { client, lock, watched, status: () => status, switches: () => switches };
  }

  it('any screen meeting damaged data sends the app to the damaged screen, once', async () => {
    const a = await app();
    expect(a.status()?.problem).toBeNull();

    // Found damaged later, while the person is using Ebb.
    a.client.damaged = MESSAGE;
    await new NowState(a.watched).log(7);
    expect(a.status()?.problem, 'a tap on Now met it').toEqual({ code: 'damaged', message: MESSAGE });
    expect(a.status()?.dataPath).toBe('/tmp/ebb/ebb.db');

    await new HistoryState(a.watched).refresh();
    await new Preferences(a.watched).load();
    expect(a.switches(), 'later refusals change nothing more').toBe(1);
    expect(a.lock.locked, 'damage is not the lock').toBe(false);
  });

  it('at start, app_status says so; the backups still answer and a restore mends it', async () => {
    const client = new FakeClient();
    client.damaged = MESSAGE;
    client.backups = [
      { name: 'ebb-20261128-214000-daily.db', madeAt: '2026-11-28T21:40:00Z', reason: 'daily', bytes: 9e5, cravings: 12 },
    ];
    const a = await app(client);
    expect(a.status()?.problem).toEqual({ code: 'damaged', message: MESSAGE });

    const backups = new BackupsState(a.watched, { damaged: true });
    await backups.load();
    expect(backups.newest?.cravings).toBe(12);
    expect(await backups.restore(backups.newest?.name)).toBe(true);
    expect((await client.appStatus()).problem, 'the app starts again on the restored data').toBeNull();
    expect(await a.watched.countUrges()).toBe(0);
  });

  it('`locked` still goes to the unlock screen, not the damaged one', async () => {
    const client = new FakeClient();
    client.protection = 'passcode';
    client.passcodeKind = 'pin';
    client.passcode = '2468';
    const a = await app(client);
    client.locked = true;
    await new NowState(a.watched).log(5);
    expect(a.lock.locked).toBe(true);
    expect(a.status()?.problem).toBeNull();
    a.lock.dispose();
  });
});
