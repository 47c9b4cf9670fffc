import { describe, expect, it, vi } from 'vitest';
import type { ImportPreview } from '../ipc/bindings';
import { ALL_FILES, IpcFailure } from '../ipc/client';
import { FakeClient } from '../ipc/fake';
import { EXPORT_FILTER } from './format';
import { ImportState } from './import.svelte';
import { Transfer } from './transfer.svelte';

const reading = { locale: 'en-GB' };

const PREVIEW: ImportPreview = {
  counts: [
    { what: 'cravings', inFile: 3120, alreadyHere: 12 },
    { what: 'check-ins', inFile: 0, alreadyHere: 0 },
    { what: 'journal entries', inFile: 410, alreadyHere: 0 },
    { what: 'plans', inFile: 2, alreadyHere: 0 },
  ],
  fromVersion: 9,
};

function setup() {
  const client = new FakeClient();
  client.importPreview = structuredClone(PREVIEW);
  client.importReport = { added: 3600, updated: 4 };
  const transfer = new Transfer(client);
  const notices: string[] = [];
  const importing = new ImportState(client, transfer, { reading, onimported: (n) => void notices.push(n) });
  return { client, transfer, importing, notices };
}

/** A file chosen, its passphrase typed and checked. */
async function checked(importing: ImportState) {
  expect(await importing.choose()).toBe(true);
  importing.passphrase = 'river stones at dawn';
  expect(await importing.check()).toBe(true);
}

describe('ImportState', () => {
  it('opens the dialog for an Ebb export (all files as well), and shows the file chosen', async () => {
    const { client, importing } = setup();
    client.openPath = '/home/sam/Downloads/ebb-2026-11-20.ebbx';
    expect(await importing.choose()).toBe(true);
    expect(client.dialogs).toEqual([{ kind: 'open', defaultName: null, filter: EXPORT_FILTER }]);
    expect(importing.path).toBe('/home/sam/Downloads/ebb-2026-11-20.ebbx');
    expect(importing.fileName).toBe('ebb-2026-11-20.ebbx');
    expect(ALL_FILES.extensions, 'the real client adds "All files" after it').toEqual(['*']);
  });

  it('does nothing when the open dialog is closed', async () => {
    const { client, importing } = setup();
    client.openPath = null;
    expect(await importing.choose()).toBe(false);
    expect(importing.path).toBeNull();
    // With a file already chosen and checked, closing the dialog keeps it all.
    client.openPath = '/home/sam/ebb.ebbx';
    await checked(importing);
    client.openPath = null;
    expect(await importing.choose()).toBe(false);
    expect(importing.path).toBe('/home/sam/ebb.ebbx');
    expect(importing.preview).not.toBeNull();
    expect(importing.passphrase).toBe('river stones at dawn');
  });

  it('checks the file with its passphrase, then shows a sentence and a short list', async () => {
    const { client, importing } = setup();
    await checked(importing);
    expect(client.previews).toEqual([{ path: client.openPath, passphrase: 'river stones at dawn' }]);
    expect(importing.sentence).toBe('Ebb opened the file. 12 of the things it holds are already here:');
    expect(importing.items).toEqual(['3,120 cravings, 12 already here', '410 journal entries', '2 plans']);
    expect(importing.canImport).toBe(true);
    expect(client.calls, 'nothing imported yet').not.toContain('importData');
  });

  it('merges, then the app reloads with a short notice', async () => {
    const { client, importing, notices } = setup();
    await checked(importing);
    expect(await importing.merge()).toBe(true);
    expect(client.imports).toEqual(['merge']);
    expect(notices).toEqual(['Imported: 3,108 cravings, 410 journal entries and 2 plans added. 4 updated to a newer version.']);
    expect(importing.path, 'done: the part starts afresh').toBeNull();
    expect(importing.passphrase).toBe('');
    expect(importing.preview).toBeNull();
  });

  it('asks once more before replacing, and "Keep what\'s here" changes nothing', async () => {
    const { client, importing, notices } = setup();
    await checked(importing);
    expect(await importing.replace(), 'not without asking').toBe(false);
    importing.askReplace();
    expect(importing.confirming).toBe(true);
    expect(client.calls).not.toContain('importData');
    importing.keep();
    expect(importing.confirming).toBe(false);
    expect(await importing.replace(), 'asked again each time').toBe(false);
    expect(client.imports).toEqual([]);
    expect(notices).toEqual([]);
    importing.askReplace();
    expect(await importing.replace()).toBe(true);
    expect(client.imports).toEqual(['replace']);
    expect(notices).toEqual(['Imported: 3,120 cravings. What was here before is kept in Backups.']);
  });

  it('merges even with the Replace question open (the question goes)', async () => {
    const { client, importing } = setup();
    await checked(importing);
    importing.askReplace();
    expect(await importing.merge()).toBe(true);
    expect(client.imports).toEqual(['merge']);
    expect(importing.confirming).toBe(false);
  });

  it('offers nothing to import from an empty export', async () => {
    const { client, importing } = setup();
    client.importPreview = { counts: [{ what: 'cravings', inFile: 0, alreadyHere: 0 }], fromVersion: 9 };
    await checked(importing);
    expect(importing.sentence).toBe('Ebb opened the file, but there is nothing in it to import.');
    expect(importing.canImport).toBe(false);
    expect(await importing.merge()).toBe(false);
    importing.askReplace();
    expect(importing.confirming).toBe(false);
    expect(client.calls).not.toContain('importData');
  });

  it("shows the core's message about a file as it is, and keeps the file and passphrase", async () => {
    const { client, importing } = setup();
    expect(await importing.choose()).toBe(true);
    importing.passphrase = 'wrong words here';
    const message = "That passphrase doesn't open this export. Check it and try again.";
    client.failNext = new IpcFailure('invalid_input', message);
    expect(await importing.check()).toBe(false);
    expect(importing.error).toBe(message);
    expect(importing.preview).toBeNull();
    expect(importing.path).not.toBeNull();
    expect(importing.passphrase).toBe('wrong words here');
    importing.passphrase = 'river stones at dawn';
    expect(await importing.check()).toBe(true);
    expect(importing.error, 'a new try starts afresh').toBeNull();
  });

  it('after a refused import, asks for the file to be checked again (the core let it go)', async () => {
    const { client, importing, notices } = setup();
    await checked(importing);
    const message = "That export couldn't be merged: it links to records that aren't in it. Nothing was changed.";
    client.failNext = new IpcFailure('invalid_input', message);
    expect(await importing.merge()).toBe(false);
    expect(importing.error).toBe(message);
    expect(importing.preview).toBeNull();
    expect(importing.passphrase, 'nothing typed is lost').toBe('river stones at dawn');
    expect(importing.path).not.toBeNull();
    expect(notices).toEqual([]);
  });

  it('cancels a merge: "Cancelled. Nothing was changed." and no reload', async () => {
    const { client, transfer, importing, notices } = setup();
    await checked(importing);
    client.holdTransfers = true;
    const merging = importing.merge();
    await vi.waitFor(() => expect(transfer.job).toBe('merge'));
    expect(importing.importing).toBe(true);
    expect(transfer.cancellable).toBe(true);
    importing.reset();
    expect(importing.path, "the part can't start over under it").not.toBeNull();
    await transfer.cancel();
    expect(await merging).toBe(false);
    expect(transfer.status).toBe('Cancelled. Nothing was changed.');
    expect(importing.error).toBeNull();
    expect(importing.preview, 'checked again before another try').toBeNull();
    expect(importing.passphrase).toBe('river stones at dawn');
    expect(notices).toEqual([]);
  });

  it('offers no Cancel while it reads a file or replaces everything (the core runs those to the end)', async () => {
    const { client, transfer, importing } = setup();
    expect(await importing.choose()).toBe(true);
    client.holdTransfers = true;
    const checking = importing.check();
    await vi.waitFor(() => expect(transfer.job).toBe('preview'));
    expect(importing.checking).toBe(true);
    expect(transfer.cancellable).toBe(false);
    expect(await transfer.cancel()).toBe(false);
    expect(client.calls).not.toContain('cancelTransfer');
    client.finishTransfer();
    expect(await checking).toBe(true);
    importing.askReplace();
    const replacing = importing.replace();
    await vi.waitFor(() => expect(transfer.job).toBe('replace'));
    expect(transfer.cancellable).toBe(false);
    importing.keep();
    expect(importing.confirming, "the question can't close under it").toBe(true);
    client.finishTransfer();
    expect(await replacing).toBe(true);
  });

  it('starts over with reset', async () => {
    const { importing } = setup();
    await checked(importing);
    importing.reset();
    expect(importing.path).toBeNull();
    expect(importing.passphrase).toBe('');
    expect(importing.preview).toBeNull();
    expect(importing.sentence).toBe('');
    expect(importing.items).toEqual([]);
  });
});
