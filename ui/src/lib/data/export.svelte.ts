// Settings → Your data (issue #11): saving everything, encrypted with a passphrase typed twice
// (to move to a new phone, or keep a copy on a USB stick), and saving the CSV zip after a
// plain warning that it isn't encrypted. The core checks the passphrase and the place; its
// messages are shown as they are, and what was typed stays after any refusal.
import { toFailure, type EbbClient } from '../ipc/client';
import {
  CSV_FILTER,
  EXPORT_FILTER,
  PASSPHRASES_DIFFER,
  csvFileName,
  exportFileName,
  savedSentence,
  type Reading,
} from './format';
import { CANCELLED, type Transfer } from './transfer.svelte';

export type ExportOptions = {
  /** "Now" (ms since the epoch), for the file's default name (the device's clock unless a
   *  test says). */
  now?: () => number;
  /** Locale for numbers (the device's unless a test says). */
  reading?: Reading;
};

/** "Save everything, encrypted". */
export class EncryptedExport {
  /** The passphrase form is open. */
  open = $state(false);
  passphrase = $state('');
  again = $state('');
  /** The last refusal: the two entries differ, or the core's message as it is. */
  error = $state<string | null>(null);

  private readonly now: () => number;
  private readonly reading: Reading;

  constructor(
    private readonly client: EbbClient,
    readonly transfer: Transfer,
    options: ExportOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.reading = options.reading ?? {};
  }

  /** This export is running. */
  get saving(): boolean {
    return this.transfer.job === 'export';
  }

  /** Opens (or closes) the form with nothing typed in it. */
  private reset(open: boolean): void {
    this.open = open;
    this.passphrase = '';
    this.again = '';
    this.error = null;
  }

  start(): void {
    this.reset(true);
    this.transfer.clear('export');
  }

  /** Closes the form; what was typed goes with it. */
  close(): void {
    if (this.saving) return;
    this.reset(false);
  }

  /** Checks the two entries match, asks where to save, then saves. Returns whether it saved;
   *  closing the dialog changes nothing. */
  async save(): Promise<boolean> {
    if (!this.open || this.transfer.busy) return false;
    if (this.passphrase !== this.again) {
      this.error = PASSPHRASES_DIFFER;
      return false;
    }
    this.error = null;
    let path: string | null;
    try {
      path = await this.transfer.choose(() => this.client.chooseSaveFile(exportFileName(this.now()), EXPORT_FILTER));
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    }
    if (path === null) return false;
    const passphrase = this.passphrase;
    const outcome = await this.transfer.run('export', 'export', () => this.client.exportData({ path, passphrase }));
    if (!outcome.ok) {
      // Cancelled: the status says so. Refused: the core's message; the passphrase stays.
      if (outcome.code !== CANCELLED) this.error = outcome.message;
      return false;
    }
    this.transfer.say('export', savedSentence(outcome.value, this.reading));
    this.reset(false);
    return true;
  }
}

/** "Save as spreadsheets (CSV)": asks first, since the file isn't encrypted. */
export class CsvExport {
  /** The warning is shown, waiting for "Save it anyway" or "Cancel". */
  asking = $state(false);
  /** The last refusal, as the core worded it. */
  error = $state<string | null>(null);

  private readonly now: () => number;
  private readonly reading: Reading;

  constructor(
    private readonly client: EbbClient,
    readonly transfer: Transfer,
    options: ExportOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.reading = options.reading ?? {};
  }

  get saving(): boolean {
    return this.transfer.job === 'csv';
  }

  /** Shows the warning; nothing is saved until it is acknowledged. */
  start(): void {
    this.asking = true;
    this.error = null;
    this.transfer.clear('csv');
  }

  cancel(): void {
    if (this.saving) return;
    this.asking = false;
    this.error = null;
  }

  /** "Save it anyway": only once the warning is shown. Asks where, then saves. Returns whether
   *  it saved; closing the dialog changes nothing. */
  async saveAnyway(): Promise<boolean> {
    if (!this.asking || this.transfer.busy) return false;
    this.error = null;
    let path: string | null;
    try {
      path = await this.transfer.choose(() => this.client.chooseSaveFile(csvFileName(this.now()), CSV_FILTER));
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    }
    if (path === null) return false;
    const outcome = await this.transfer.run('csv', 'csv', () => this.client.exportCsv({ path }));
    if (!outcome.ok) {
      if (outcome.code !== CANCELLED) this.error = outcome.message;
      return false;
    }
    this.transfer.say('csv', savedSentence(outcome.value, this.reading));
    this.asking = false;
    return true;
  }
}
