import { describe, expect, it, vi } from 'vitest';
import { IpcFailure } from '../ipc/client';
import { FakeClient } from '../ipc/fake';
import { Transfer } from './transfer.svelte';

describe('Transfer', () => {
  it('runs one at a time, shown by the part that started it', async () => {
    const client = new FakeClient();
    client.holdTransfers = true;
    const transfer = new Transfer(client);
    const first = transfer.run('export', 'export', () => client.exportData({ path: '/x/a.ebbx', passphrase: 'p' }));
    expect(transfer.part).toBe('export');
    expect(transfer.busy).toBe(true);
    const second = await transfer.run('csv', 'csv', () => client.exportCsv({ path: '/x/a.zip' }));
    expect(second.ok, 'a second one is refused').toBe(false);
    expect(transfer.part, 'the first keeps its place').toBe('export');
    client.finishTransfer();
    expect((await first).ok).toBe(true);
    expect(client.exports.map((e) => e.kind)).toEqual(['encrypted']);
  });

  it('opens one dialog at a time, and nothing starts while it is up', async () => {
    const client = new FakeClient();
    const transfer = new Transfer(client);
    let answer: (path: string | null) => void = () => {};
    const open = transfer.choose(() => new Promise((resolve) => (answer = resolve)));
    expect(transfer.choosing).toBe(true);
    expect(transfer.busy).toBe(true);
    expect(await transfer.choose(() => client.chooseSaveFile('x', { name: 'x', extensions: ['x'] }))).toBeNull();
    expect(client.calls).not.toContain('chooseSaveFile');
    answer('/x/chosen.ebbx');
    expect(await open).toBe('/x/chosen.ebbx');
    expect(transfer.busy).toBe(false);
  });

  it("shows Cancel's own refusal as it is, and Cancel can be tried again", async () => {
    const client = new FakeClient();
    client.holdTransfers = true;
    const transfer = new Transfer(client);
    const running = transfer.run('csv', 'csv', () => client.exportCsv({ path: '/x/a.zip' }));
    vi.spyOn(client, 'cancelTransfer').mockRejectedValueOnce(new IpcFailure('locked', 'Ebb is locked. Unlock it to see your data.'));
    expect(await transfer.cancel()).toBe(false);
    expect(transfer.cancelError).toBe('Ebb is locked. Unlock it to see your data.');
    expect(transfer.cancelling).toBe(false);
    expect(await transfer.cancel()).toBe(true);
    expect((await running).ok).toBe(false);
    expect(transfer.status).toBe('Cancelled. Nothing was changed.');
    expect(transfer.cancelError, 'gone once Cancel worked').toBeNull();
  });

  it('does nothing on Cancel when nothing is running', async () => {
    const client = new FakeClient();
    const transfer = new Transfer(client);
    expect(await transfer.cancel()).toBe(false);
    expect(client.calls).not.toContain('cancelTransfer');
  });
});
