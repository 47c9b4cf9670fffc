import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import { NowState } from '../urges/now.svelte';
import { HistoryState } from '../urges/history.svelte';
import { Preferences } from '../settings/preferences.svelte';
import { LockState } from './lock.svelte';
import { watchLocked } from './watch';

describe('watchLocked', () => {
  it('notices `locked` on any call and still hands the refusal to the caller', async () => {
    const client = new FakeClient();
    let noticed = 0;
    const watched = watchLocked(client, () => noticed++);
    client.locked = true;
    await expect(watched.countUrges()).rejects.toMatchObject({ code: 'locked' });
    await expect(watched.listThings()).rejects.toMatchObject({ code: 'locked' });
    expect(noticed, 'each refused call is noticed').toBe(2);
  });

  it('lets answers and other refusals through untouched', async () => {
    const client = new FakeClient();
    let noticed = 0;
    const watched = watchLocked(client, () => noticed++);
    expect(await watched.countUrges()).toBe(0);
    client.failNext = new IpcFailure('invalid_input', 'Intensity is 0 to 10; got 12.');
    await expect(watched.logUrge({ intensity: 12 })).rejects.toThrow('Intensity is 0 to 10');
    expect(noticed, 'only `locked` sends the app to the unlock screen').toBe(0);
  });

  it('keeps each method the same function, bound to the client', async () => {
    const client = new FakeClient();
    const watched = watchLocked(client, () => {});
    expect(watched.countUrges).toBe(watched.countUrges);
    const { countUrges } = watched;
    expect(await countUrges(), 'works detached, as screens pass methods around').toBe(0);
  });

  it('any screen meeting the lock sends the app to the unlock screen', async () => {
    const client = new FakeClient();
    client.protection = 'passcode';
    client.passcodeKind = 'pin';
    client.passcode = '2468';
    const lock = new LockState(client);
    const watched = watchLocked(client, () => lock.lockedOut());
    await lock.load();
    expect(lock.locked).toBe(false);

    // The shell locked on its own (say, "Lock after" passed while a screen was open).
    client.locked = true;
    await new NowState(watched).log(7);
    expect(lock.locked, 'a tap on Now met the lock').toBe(true);

    expect(await lock.unlock('2468')).toBe(true);
    client.locked = true;
    await new HistoryState(watched).refresh();
    expect(lock.locked, 'History met it too').toBe(true);

    expect(await lock.unlock('2468')).toBe(true);
    client.locked = true;
    await new Preferences(watched).load();
    expect(lock.locked, 'and so does anything else').toBe(true);
    lock.dispose();
  });
});
