// Settings → Your data (issue #11): one export or import at a time. The core runs it (seconds
// on a big store) and Cancel stops it, with nothing changed; this class knows which one is
// running, where its progress and result are shown, and says the result in words. The core
// owns every rule; its messages are shown as they are.
import { toFailure, type EbbClient } from '../ipc/client';

/** The parts of "Your data": each shows the progress and result of the transfer it started. */
export type Part = 'export' | 'csv' | 'import';

/** What is running: an export, the CSV zip, reading a file before an import, or the import. */
export type Job = 'export' | 'csv' | 'preview' | 'merge' | 'replace';

/** What the progress bar is called while each job runs, and the line under it. */
export const PROGRESS: Record<Job, { label: string; hint: string }> = {
  export: { label: 'Saving your encrypted export', hint: 'This can take a few seconds.' },
  csv: { label: 'Saving the spreadsheets', hint: 'This can take a few seconds.' },
  preview: { label: 'Checking the file', hint: 'This can take a few seconds.' },
  merge: { label: 'Importing', hint: "This can take a moment. Keep Ebb open until it's done." },
  replace: { label: 'Importing', hint: "This can take a moment. Keep Ebb open until it's done." },
};

/** The code the core answers a cancelled export or import with. */
export const CANCELLED = 'cancelled';

/** The jobs Cancel can stop: the core checks for Cancel while it exports or merges; reading a
 *  file before an import and replacing everything run to their end. */
const CANCELLABLE: ReadonlySet<Job> = new Set<Job>(['export', 'csv', 'merge']);

/** How a transfer ended: its answer, or the core's refusal (`cancelled` when the person
 *  cancelled it). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export class Transfer {
  /** The export or import running now, if any. */
  job = $state<Job | null>(null);
  /** The part that started the last one: where its progress, Cancel and result are shown. */
  part = $state<Part | null>(null);
  /** A platform dialog (save, open) is up: nothing else starts meanwhile. */
  choosing = $state(false);
  /** Cancel was pressed and the core hasn't stopped yet. */
  cancelling = $state(false);
  /** The last result, in words ("Saved: 1,204 cravings, 3.2 MB.", "Cancelled. Nothing was
   *  changed."), for a polite live region by `part`. */
  status = $state<string | null>(null);
  /** A refusal of Cancel itself, as the core worded it. */
  cancelError = $state<string | null>(null);

  constructor(private readonly client: EbbClient) {}

  /** Something is running, or a dialog is up: no other export or import may start. */
  get busy(): boolean {
    return this.job !== null || this.choosing;
  }

  /** Whether Cancel can stop what is running now. */
  get cancellable(): boolean {
    return this.job !== null && CANCELLABLE.has(this.job);
  }

  /** Opens a platform dialog (`open`), one at a time. Returns the path chosen, null when the
   *  person closed the dialog (or another transfer is busy). A dialog that fails throws, with
   *  its message, for the part to show. */
  async choose(open: () => Promise<string | null>): Promise<string | null> {
    if (this.busy) return null;
    this.choosing = true;
    try {
      return await open();
    } catch (error) {
      throw toFailure(error);
    } finally {
      this.choosing = false;
    }
  }

  /** Runs `job` for `part`: its progress and result show there from now on. A cancelled one
   *  says so as the status; any other refusal is for the part to show. */
  async run<T>(part: Part, job: Job, work: () => Promise<T>): Promise<Outcome<T>> {
    if (this.job !== null) {
      return { ok: false, code: 'busy', message: 'Something else is being saved or imported. Try again when it is done.' };
    }
    this.job = job;
    this.part = part;
    this.status = null;
    this.cancelError = null;
    this.cancelling = false;
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      const { code, message } = toFailure(error);
      if (code === CANCELLED) this.status = message;
      return { ok: false, code, message };
    } finally {
      this.job = null;
      this.cancelling = false;
    }
  }

  /** Says `text` as the result of `part` (once its transfer is done). */
  say(part: Part, text: string): void {
    this.part = part;
    this.status = text;
  }

  /** Forgets `part`'s last result (a new attempt starts afresh). */
  clear(part: Part): void {
    if (this.part === part && this.job === null) {
      this.status = null;
      this.cancelError = null;
    }
  }

  /** Cancel: the core stops what is running (it then fails with `cancelled`). Does nothing
   *  when nothing Cancel can stop is running, or Cancel is already on its way. */
  async cancel(): Promise<boolean> {
    if (!this.cancellable || this.cancelling) return false;
    this.cancelling = true;
    this.cancelError = null;
    try {
      await this.client.cancelTransfer();
      return true;
    } catch (error) {
      this.cancelError = toFailure(error).message;
      this.cancelling = false;
      return false;
    }
  }
}
