import { describe, expect, it, vi } from 'vitest';
import { IpcFailure } from '../ipc/client';
import { FakeClient } from '../ipc/fake';
import { CsvExport, EncryptedExport } from './export.svelte';
import { CSV_FILTER, EXPORT_FILTER, PASSPHRASES_DIFFER } from './format';
import { Transfer } from './transfer.svelte';

const reading = { locale: 'en-GB' };
const now = () => new Date(2026, 10, 30, 21, 15).getTime();

function setup() {
  const client = new FakeClient();
  const transfer = new Transfer(client);
  const encrypted = new EncryptedExport(client, transfer, { now, reading });
  const csv = new CsvExport(client, transfer, { now, reading });
  return { client, transfer, encrypted, csv };
}

function typed(encrypted: EncryptedExport, passphrase: string, again = passphrase) {
  encrypted.start();
  encrypted.passphrase = passphrase;
  encrypted.again = again;
}

describe('EncryptedExport', () => {
  it('asks where to save (ebb-<date>.ebbx), saves with the passphrase, then says what it saved', async () => {
    const { client, transfer, encrypted } = setup();
    typed(encrypted, 'river stones at dawn');
    client.savePath = '/media/usb/ebb-2026-11-30.ebbx';
    expect(await encrypted.save()).toBe(true);
    expect(client.dialogs).toEqual([{ kind: 'save', defaultName: 'ebb-2026-11-30.ebbx', filter: EXPORT_FILTER }]);
    expect(client.exports).toEqual([
      { kind: 'encrypted', path: '/media/usb/ebb-2026-11-30.ebbx', passphrase: 'river stones at dawn' },
    ]);
    expect(transfer.status).toBe('Saved: 1,204 cravings, 3.2 MB.');
    expect(transfer.part).toBe('export');
    expect(encrypted.open, 'the form closes').toBe(false);
    expect(encrypted.passphrase, 'and the passphrase goes with it').toBe('');
    expect(encrypted.again).toBe('');
  });

  it('shows a progress meanwhile, and nothing else can start', async () => {
    const { client, transfer, encrypted, csv } = setup();
    client.holdTransfers = true;
    typed(encrypted, 'river stones at dawn');
    const saving = encrypted.save();
    await vi.waitFor(() => expect(transfer.job).toBe('export'));
    expect(encrypted.saving).toBe(true);
    expect(transfer.busy).toBe(true);
    expect(transfer.cancellable).toBe(true);
    expect(await encrypted.save(), 'a second press does nothing').toBe(false);
    csv.start();
    expect(await csv.saveAnyway(), 'nor does the CSV zip').toBe(false);
    encrypted.close();
    expect(encrypted.open, "the form can't close under it").toBe(true);
    client.finishTransfer();
    expect(await saving).toBe(true);
    expect(transfer.busy).toBe(false);
    expect(client.exports).toHaveLength(1);
  });

  it('does nothing when the save dialog is closed', async () => {
    const { client, transfer, encrypted } = setup();
    typed(encrypted, 'river stones at dawn');
    client.savePath = null;
    expect(await encrypted.save()).toBe(false);
    expect(client.calls).not.toContain('exportData');
    expect(transfer.status).toBeNull();
    expect(transfer.part).toBeNull();
    expect(encrypted.error).toBeNull();
    expect(encrypted.open, 'the form stays, as typed').toBe(true);
    expect(encrypted.passphrase).toBe('river stones at dawn');
  });

  it('catches two different passphrases before asking where to save', async () => {
    const { client, encrypted } = setup();
    typed(encrypted, 'river stones at dawn', 'river stones at dusk');
    expect(await encrypted.save()).toBe(false);
    expect(encrypted.error).toBe(PASSPHRASES_DIFFER);
    expect(client.calls, 'no dialog, no export').not.toContain('chooseSaveFile');
    expect(client.calls).not.toContain('exportData');
    encrypted.again = 'river stones at dawn';
    expect(await encrypted.save()).toBe(true);
    expect(encrypted.error).toBeNull();
  });

  it("shows the core's message as it is, and keeps what was typed", async () => {
    const { client, transfer, encrypted } = setup();
    typed(encrypted, 'short');
    const message = 'The passphrase needs at least 8 characters (not counting spaces at either end).';
    // The dialog answers, then the core refuses.
    vi.spyOn(client, 'exportData').mockRejectedValueOnce(new IpcFailure('invalid_input', message));
    expect(await encrypted.save()).toBe(false);
    expect(encrypted.error).toBe(message);
    expect(transfer.status).toBeNull();
    expect(encrypted.open).toBe(true);
    expect(encrypted.passphrase).toBe('short');
    expect(encrypted.again).toBe('short');
  });

  it('cancels: the core stops, "Cancelled. Nothing was changed." as the status, the form as it was', async () => {
    const { client, transfer, encrypted } = setup();
    client.holdTransfers = true;
    typed(encrypted, 'river stones at dawn');
    const saving = encrypted.save();
    await vi.waitFor(() => expect(transfer.job).toBe('export'));
    const cancel = transfer.cancel();
    expect(transfer.cancelling, 'Cancel says it is on its way').toBe(true);
    expect(await transfer.cancel(), 'a second press does nothing more').toBe(false);
    expect(await cancel).toBe(true);
    expect(await saving).toBe(false);
    expect(client.calls.filter((c) => c === 'cancelTransfer')).toHaveLength(1);
    expect(transfer.status).toBe('Cancelled. Nothing was changed.');
    expect(encrypted.error, 'not an error: the person asked for it').toBeNull();
    expect(transfer.job).toBeNull();
    expect(transfer.cancelling).toBe(false);
    expect(encrypted.open).toBe(true);
    expect(encrypted.passphrase).toBe('river stones at dawn');
  });

  it("shows the dialog's own refusal as it is", async () => {
    const { client, encrypted } = setup();
    typed(encrypted, 'river stones at dawn');
    client.failNext = new IpcFailure('internal', 'Something went wrong inside Ebb: no portal.');
    expect(await encrypted.save()).toBe(false);
    expect(encrypted.error).toBe('Something went wrong inside Ebb: no portal.');
    expect(client.calls).not.toContain('exportData');
  });

  it('starts afresh each time the form opens', async () => {
    const { transfer, encrypted } = setup();
    typed(encrypted, 'river stones at dawn');
    await encrypted.save();
    expect(transfer.status).not.toBeNull();
    encrypted.start();
    expect(transfer.status, 'the last result goes').toBeNull();
    expect(encrypted.passphrase).toBe('');
  });
});

describe('CsvExport', () => {
  it('needs the warning acknowledged before anything is saved', async () => {
    const { client, csv } = setup();
    expect(await csv.saveAnyway(), 'not without the warning shown').toBe(false);
    expect(client.calls).not.toContain('chooseSaveFile');
    csv.start();
    expect(csv.asking).toBe(true);
    csv.cancel();
    expect(csv.asking).toBe(false);
    expect(await csv.saveAnyway(), 'nor after Cancel').toBe(false);
    expect(client.calls).not.toContain('chooseSaveFile');
    expect(client.calls).not.toContain('exportCsv');
  });

  it('asks where (ebb-csv-<date>.zip) once acknowledged, then says what it saved', async () => {
    const { client, transfer, csv } = setup();
    csv.start();
    client.savePath = '/home/sam/ebb-csv-2026-11-30.zip';
    client.exportReport = { path: '', bytes: 240_000, cravings: 87 };
    expect(await csv.saveAnyway()).toBe(true);
    expect(client.dialogs).toEqual([{ kind: 'save', defaultName: 'ebb-csv-2026-11-30.zip', filter: CSV_FILTER }]);
    expect(client.exports).toEqual([{ kind: 'csv', path: '/home/sam/ebb-csv-2026-11-30.zip', passphrase: null }]);
    expect(transfer.status).toBe('Saved: 87 cravings, 240 kB.');
    expect(transfer.part).toBe('csv');
    expect(csv.asking).toBe(false);
  });

  it('does nothing when the save dialog is closed', async () => {
    const { client, transfer, csv } = setup();
    csv.start();
    client.savePath = null;
    expect(await csv.saveAnyway()).toBe(false);
    expect(client.calls).not.toContain('exportCsv');
    expect(transfer.status).toBeNull();
    expect(csv.error).toBeNull();
  });

  it("shows the core's message as it is", async () => {
    const { client, csv } = setup();
    csv.start();
    const message = "Save it somewhere else than Ebb's own data folder, so it is a real second copy.";
    vi.spyOn(client, 'exportCsv').mockRejectedValueOnce(new IpcFailure('invalid_input', message));
    expect(await csv.saveAnyway()).toBe(false);
    expect(csv.error).toBe(message);
    expect(csv.asking, 'the warning stays; nothing was saved').toBe(true);
  });

  it('cancels like the encrypted export', async () => {
    const { client, transfer, csv } = setup();
    client.holdTransfers = true;
    csv.start();
    const saving = csv.saveAnyway();
    await vi.waitFor(() => expect(transfer.job).toBe('csv'));
    csv.cancel();
    expect(csv.asking, "the warning can't close under it").toBe(true);
    await transfer.cancel();
    expect(await saving).toBe(false);
    expect(transfer.status).toBe('Cancelled. Nothing was changed.');
    expect(csv.error).toBeNull();
  });
});
