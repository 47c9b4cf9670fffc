import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../ipc/client';
import { FakeClient } from '../ipc/fake';
import { AboutState, COPIED, COPY_UNAVAILABLE } from './about.svelte';

function setup() {
  const client = new FakeClient();
  client.aboutInfo = {
    version: '0.1.0',
    license: 'AGPL-3.0-or-later',
    dataFolder: '/home/sam/.local/share/app.ebb.companion',
    licences: [
      { name: 'tauri', version: '2.9.5', license: 'Apache-2.0 OR MIT', kind: 'crate' },
      { name: 'serde', version: '1.0.228', license: 'MIT OR Apache-2.0', kind: 'crate' },
      { name: 'anyhow', version: '1.0.100', license: 'MIT OR Apache-2.0', kind: 'crate' },
      { name: 'svelte', version: '5.57.3', license: 'MIT', kind: 'npm' },
    ],
  };
  return { client, about: new AboutState(client) };
}

describe('AboutState', () => {
  it('reads what the shell says once, busy meanwhile, with the licences grouped', async () => {
    const { client, about } = setup();
    expect(about.info).toBeNull();
    const pending = about.load();
    expect(about.loading, 'a loading state while the shell answers').toBe(true);
    await pending;
    expect(about.loading).toBe(false);
    expect(about.info?.dataFolder).toBe('/home/sam/.local/share/app.ebb.companion');
    expect(about.total).toBe(4);
    expect(about.groups.map((g) => g.license), 'the largest group first').toEqual([
      'MIT OR Apache-2.0',
      'Apache-2.0 OR MIT',
      'MIT',
    ]);
    expect(client.calls.filter((c) => c === 'about')).toHaveLength(1);
  });

  it('asks once while a load is under way', async () => {
    const { client, about } = setup();
    await Promise.all([about.load(), about.load()]);
    expect(client.calls.filter((c) => c === 'about'), 'a second call meanwhile does nothing').toHaveLength(1);
  });

  it("shows the shell's message when it can't answer, and trying again clears it", async () => {
    const { client, about } = setup();
    client.failNext = new IpcFailure('internal', 'Something went wrong inside Ebb: the licence list is damaged.');
    await about.load();
    expect(about.error).toBe('Something went wrong inside Ebb: the licence list is damaged.');
    expect(about.info).toBeNull();
    expect(about.loading).toBe(false);
    await about.load();
    expect(about.error).toBeNull();
    expect(about.info?.version).toBe('0.1.0');
  });

  it('answers while the data is damaged: it needs no store', async () => {
    const { client, about } = setup();
    client.damaged = "Ebb's data file is damaged.";
    await about.load();
    expect(about.error).toBeNull();
    expect(about.info).not.toBeNull();
  });

  it('copies the data folder and says so', async () => {
    const { about } = setup();
    await about.load();
    const copied: string[] = [];
    expect(await about.copyFolder(async (t) => void copied.push(t))).toBe(true);
    expect(copied).toEqual(['/home/sam/.local/share/app.ebb.companion']);
    expect(about.copyStatus).toBe(COPIED);
  });

  it('says so plainly when there is no clipboard, or it refuses', async () => {
    const { about } = setup();
    await about.load();
    expect(await about.copyFolder(null)).toBe(false);
    expect(about.copyStatus).toBe(COPY_UNAVAILABLE);
    expect(await about.copyFolder(async () => Promise.reject(new Error('NotAllowedError')))).toBe(false);
    expect(about.copyStatus).toBe(COPY_UNAVAILABLE);
    expect(await about.copyFolder(async () => {}), 'and "Copied" once it works again').toBe(true);
    expect(about.copyStatus).toBe(COPIED);
  });

  it('copies nothing before the folder is known', async () => {
    const { about } = setup();
    let wrote = false;
    expect(await about.copyFolder(async () => void (wrote = true))).toBe(false);
    expect(wrote).toBe(false);
    expect(about.copyStatus).toBeNull();
  });
});
