// Backups (issue #11): the list (Settings → Backups, and the damaged screen), "Back up now",
// and restoring one after a single plain question. The core owns every rule (what is kept,
// what a restore backs up first, what can be read); this class shows what it says, its
// messages as they are.
import { getContext, setContext } from 'svelte';
import type { BackupInfo } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import { readable, restoreQuestion, type Reading } from './format';

/** Said (politely, in a live region) once "Back up now" has worked. */
export const BACKED_UP = 'Backed up.';

export type BackupsOptions = {
  /** The data is damaged (the damaged screen): a restore moves it aside instead of backing it
   *  up first, and the question says so. */
  damaged?: boolean;
  /** A backup is restored: the app reloads everything it shows. */
  onrestored?: (backup: BackupInfo) => void | Promise<void>;
  /** Locale and time zone for dates and numbers (the device's unless a test says). */
  reading?: Reading;
};

export class BackupsState {
  /** Newest first, as the core lists them. */
  list = $state<BackupInfo[]>([]);
  /** The list has been read at least once. */
  loaded = $state(false);
  loading = $state(false);
  backingUp = $state(false);
  /** The backup whose "Restore this one?" is being asked, by name. */
  asking = $state<string | null>(null);
  restoring = $state(false);
  /** The backup being (or last) restored, by name: where a refusal is shown. */
  target = $state<string | null>(null);
  /** The last refusal of a load or "Back up now", as the core worded it. */
  error = $state<string | null>(null);
  /** The last refusal of a restore, as the core worded it (shown by `target`). */
  restoreError = $state<string | null>(null);
  /** A short word after an action ("Backed up."), for a live region. */
  status = $state<string | null>(null);

  readonly damaged: boolean;
  readonly reading: Reading;
  private readonly onrestored: (backup: BackupInfo) => void | Promise<void>;

  constructor(
    private readonly client: EbbClient,
    options: BackupsOptions = {},
  ) {
    this.damaged = options.damaged ?? false;
    this.reading = options.reading ?? {};
    this.onrestored = options.onrestored ?? (() => {});
  }

  /** Something is under way that another backup or restore must wait for. */
  get busy(): boolean {
    return this.backingUp || this.restoring;
  }

  /** The newest backup Ebb can read: the one the damaged screen offers first. */
  get newest(): BackupInfo | null {
    return this.list.find(readable) ?? null;
  }

  /** Every backup but `newest`, newest first (those that can't be read included). */
  get others(): BackupInfo[] {
    const newest = this.newest?.name;
    return this.list.filter((b) => b.name !== newest);
  }

  /** Reads the list from the core. */
  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.list = await this.client.listBackups();
      this.loaded = true;
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.loading = false;
    }
  }

  /** Makes a backup now; the new one goes to the top. Returns whether it worked. */
  async backUpNow(): Promise<boolean> {
    if (this.busy) return false;
    this.backingUp = true;
    this.error = null;
    this.status = null;
    try {
      const made = await this.client.backUpNow();
      this.list = [made, ...this.list.filter((b) => b.name !== made.name)];
      this.loaded = true;
      this.status = BACKED_UP;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.backingUp = false;
    }
    // Keeping the newest of each day, week and month may have let an older one go: show what
    // is really there, quietly (the new one is already shown if this can't be read).
    try {
      this.list = await this.client.listBackups();
    } catch {
      // The list above stays.
    }
    return true;
  }

  /** "Restore this one": asks once before anything happens. */
  ask(name: string): void {
    const backup = this.find(name);
    if (!backup || !readable(backup)) return;
    this.asking = name;
    this.target = null;
    this.restoreError = null;
    this.status = null;
  }

  cancel(): void {
    this.asking = null;
  }

  /** The question for the backup being asked about (empty when none is). */
  get question(): string {
    const backup = this.asking ? this.find(this.asking) : null;
    return backup ? restoreQuestion(backup, this.damaged, this.reading) : '';
  }

  /** Restores a backup (the one being asked about unless named); on success the app reloads.
   *  Returns whether it worked. */
  async restore(name: string | null = this.asking): Promise<boolean> {
    const backup = name ? this.find(name) : null;
    if (!backup || !readable(backup) || this.busy) return false;
    this.restoring = true;
    this.target = backup.name;
    this.restoreError = null;
    this.status = null;
    try {
      await this.client.restoreBackup({ name: backup.name });
    } catch (error) {
      this.restoreError = toFailure(error).message;
      return false;
    } finally {
      this.restoring = false;
    }
    this.asking = null;
    await this.onrestored(backup);
    return true;
  }

  private find(name: string): BackupInfo | null {
    return this.list.find((b) => b.name === name) ?? null;
  }
}

const key = Symbol('ebb-after-restore');

/** What the app does once a backup is restored (App.svelte: reload everything it shows). */
export function provideAfterRestore(fn: (backup: BackupInfo) => void | Promise<void>): void {
  setContext(key, fn);
}

export function useAfterRestore(): (backup: BackupInfo) => void | Promise<void> {
  const fn = getContext<((backup: BackupInfo) => void | Promise<void>) | undefined>(key);
  if (!fn) throw new Error('No restore handler provided: App.svelte must call provideAfterRestore');
  return fn;
}
