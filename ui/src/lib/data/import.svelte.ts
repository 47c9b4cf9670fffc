// Settings → Your data (issue #11): importing an export. The person picks the file and types
// its passphrase; "Check the file" shows what it holds and how much is already here; then
// Merge (adds what isn't here, keeps the newer of each) or Replace (for a new device; asks
// once more). Once imported, the app reloads everything it shows, with a short notice. The
// core checks everything (passphrase, damaged files, newer Ebb…): its messages are shown as
// they are, and nothing typed is lost on any of them.
import { getContext, setContext } from 'svelte';
import type { ImportMode, ImportPreview } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import { EXPORT_FILTER, fileName, hasRecords, importedNotice, previewItems, previewSentence, type Reading } from './format';
import { CANCELLED, type Transfer } from './transfer.svelte';

export type ImportOptions = {
  /** An import is in: the app reloads everything it shows, then says `notice`. */
  onimported?: (notice: string) => void | Promise<void>;
  /** Locale for numbers (the device's unless a test says). */
  reading?: Reading;
};

export class ImportState {
  /** The export chosen in the open dialog. */
  path = $state<string | null>(null);
  passphrase = $state('');
  /** What the file holds, once checked; the core keeps that file ready to import. */
  preview = $state<ImportPreview | null>(null);
  /** Replace was chosen: asking once more before anything happens. */
  confirming = $state(false);
  /** The last refusal, as the core worded it. */
  error = $state<string | null>(null);

  readonly reading: Reading;
  private readonly onimported: (notice: string) => void | Promise<void>;

  constructor(
    private readonly client: EbbClient,
    readonly transfer: Transfer,
    options: ImportOptions = {},
  ) {
    this.reading = options.reading ?? {};
    this.onimported = options.onimported ?? (() => {});
  }

  /** The chosen file's name, without its folder. */
  get fileName(): string {
    return this.path ? fileName(this.path) : '';
  }

  get checking(): boolean {
    return this.transfer.job === 'preview';
  }

  get importing(): boolean {
    return this.transfer.job === 'merge' || this.transfer.job === 'replace';
  }

  /** The preview in one sentence, and its short list. */
  get sentence(): string {
    return this.preview ? previewSentence(this.preview, this.reading) : '';
  }

  get items(): string[] {
    return this.preview ? previewItems(this.preview, this.reading) : [];
  }

  /** The file was checked and holds something to import: Merge and Replace are offered. */
  get canImport(): boolean {
    return this.preview !== null && hasRecords(this.preview);
  }

  /** The open dialog. A file chosen starts afresh (passphrase, preview); closing the dialog
   *  changes nothing. Returns whether a file was chosen. */
  async choose(): Promise<boolean> {
    if (this.transfer.busy) return false;
    let path: string | null;
    try {
      path = await this.transfer.choose(() => this.client.chooseOpenFile(EXPORT_FILTER));
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    }
    if (path === null) return false;
    this.path = path;
    this.passphrase = '';
    this.preview = null;
    this.confirming = false;
    this.error = null;
    this.transfer.clear('import');
    return true;
  }

  /** "Check the file": opens it with the passphrase and shows what it holds. Returns whether
   *  it opened. */
  async check(): Promise<boolean> {
    const path = this.path;
    if (path === null || this.transfer.busy) return false;
    this.error = null;
    this.preview = null;
    this.confirming = false;
    const passphrase = this.passphrase;
    const outcome = await this.transfer.run('import', 'preview', () => this.client.previewImport({ path, passphrase }));
    if (!outcome.ok) {
      if (outcome.code !== CANCELLED) this.error = outcome.message;
      return false;
    }
    this.preview = outcome.value;
    return true;
  }

  /** Merge: adds what isn't here, keeps the newer of each (a Replace question still open goes).
   *  Returns whether it imported. */
  merge(): Promise<boolean> {
    if (this.transfer.busy) return Promise.resolve(false);
    this.confirming = false;
    return this.import('merge');
  }

  /** Replace: asks once more first (`replace()` then imports). */
  askReplace(): void {
    if (!this.canImport || this.transfer.busy) return;
    this.confirming = true;
    this.error = null;
  }

  /** "Keep what's here": the question goes, nothing happens. */
  keep(): void {
    if (this.importing) return;
    this.confirming = false;
  }

  /** Replaces everything with the file, once asked. Returns whether it imported. */
  replace(): Promise<boolean> {
    if (!this.confirming) return Promise.resolve(false);
    return this.import('replace');
  }

  /** Starts over: no file, no passphrase, no preview. */
  reset(): void {
    if (this.transfer.job !== null) return;
    this.path = null;
    this.passphrase = '';
    this.preview = null;
    this.confirming = false;
    this.error = null;
    this.transfer.clear('import');
  }

  private async import(mode: ImportMode): Promise<boolean> {
    const preview = this.preview;
    if (!preview || !this.canImport || this.transfer.busy) return false;
    this.error = null;
    const outcome = await this.transfer.run('import', mode, () => this.client.importData({ mode }));
    if (!outcome.ok) {
      // The core lets go of the file it checked whatever happened (refused, cancelled): it is
      // checked again, with the passphrase still typed, before another try.
      this.preview = null;
      this.confirming = false;
      if (outcome.code !== CANCELLED) this.error = outcome.message;
      return false;
    }
    const notice = importedNotice(mode, preview, outcome.value, this.reading);
    this.path = null;
    this.passphrase = '';
    this.preview = null;
    this.confirming = false;
    await this.onimported(notice);
    return true;
  }
}

const key = Symbol('ebb-after-import');

/** What the app does once an import is in (App.svelte: reload everything it shows, then say
 *  `notice`). */
export function provideAfterImport(fn: (notice: string) => void | Promise<void>): void {
  setContext(key, fn);
}

export function useAfterImport(): (notice: string) => void | Promise<void> {
  const fn = getContext<((notice: string) => void | Promise<void>) | undefined>(key);
  if (!fn) throw new Error('No import handler provided: App.svelte must call provideAfterImport');
  return fn;
}
