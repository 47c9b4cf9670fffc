import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { LockState } from './lock.svelte';
import { AwayWatch, keepDialogsIn } from './away.svelte';

function setup(cover: boolean, passcode = false) {
  const client = new FakeClient();
  if (passcode) {
    client.protection = 'passcode';
    client.passcodeKind = 'pin';
    client.passcode = '2468';
  }
  const lock = new LockState(client);
  let coverWhenAway = cover;
  const away = new AwayWatch(lock, () => coverWhenAway);
  return { client, lock, away, setCover: (on: boolean) => (coverWhenAway = on) };
}

describe('AwayWatch', () => {
  it('tells the shell once per leaving and once per return, cover or not', async () => {
    const { client, away } = setup(false);
    await away.hide(); // window blur
    await away.hide(); // then visibilitychange → hidden
    await away.show(); // visibilitychange → visible
    await away.show(); // then focus
    expect(client.calls.filter((c) => c === 'appHidden')).toHaveLength(1);
    expect(client.calls.filter((c) => c === 'appShown')).toHaveLength(1);
    expect(away.covered, 'no cover unless asked for').toBe(false);
  });

  it('covers the app while away when the person asked for it', async () => {
    const { away, setCover } = setup(true);
    expect(away.covered, 'not while Ebb is in front').toBe(false);
    await away.hide();
    expect(away.covered).toBe(true);
    await away.show();
    expect(away.covered).toBe(false);
    setCover(false);
    await away.hide();
    expect(away.covered).toBe(false);
  });

  it('covers a locked app while away, even with the cover off', async () => {
    const { lock, away } = setup(false);
    lock.locked = true;
    await away.hide();
    expect(away.covered).toBe(true);
  });

  it('keeps the cover up on return until the shell has answered, then shows the unlock screen', async () => {
    const { client, lock, away } = setup(false, true);
    await lock.load();
    await away.hide();
    expect(away.covered, 'cover off: the app stays visible in the switcher').toBe(false);
    client.lockOnShow = true;
    const back = away.show();
    expect(away.covered, 'with a passcode, nothing flashes up before the answer').toBe(true);
    await back;
    expect(lock.locked, '"Lock after" passed: the unlock screen').toBe(true);
    expect(away.covered).toBe(false);
  });
});

describe("Ebb's own dialogs", () => {
  it("aren't switching away: no appHidden, no cover, no lock while a file is chosen", async () => {
    const { client, lock, away } = setup(true, true);
    await lock.load();
    client.lockOnShow = true; // "Immediately"
    const dialogs = keepDialogsIn(client, away);
    let answer: (path: string | null) => void = () => {};
    client.chooseSaveFile = () => new Promise((resolve) => (answer = resolve));
    const choosing = dialogs.chooseSaveFile('ebb-2026-11-30.ebbx', { name: 'Ebb export', extensions: ['ebbx'] });
    await away.hide(); // the platform's picker takes the focus
    expect(away.covered).toBe(false);
    await away.show(); // and gives it back
    answer('/media/usb/ebb-2026-11-30.ebbx');
    expect(await choosing).toBe('/media/usb/ebb-2026-11-30.ebbx');
    expect(client.calls).not.toContain('appHidden');
    expect(client.calls).not.toContain('appShown');
    expect(lock.locked).toBe(false);
    // Once it is closed, leaving is leaving again.
    await away.hide();
    expect(client.calls).toContain('appHidden');
    expect(away.covered).toBe(true);
  });

  it('count the open dialog too, and pass every other call through', async () => {
    const { client, away } = setup(false);
    const dialogs = keepDialogsIn(client, away);
    client.openPath = null;
    expect(await dialogs.chooseOpenFile({ name: 'Ebb export', extensions: ['ebbx'] })).toBeNull();
    expect(client.dialogs.map((d) => d.kind)).toEqual(['open']);
    expect(await dialogs.countUrges()).toBe(0);
    await away.hide();
    expect(client.calls).toContain('appHidden');
  });
});
