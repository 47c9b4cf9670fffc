// Settings → Privacy and lock: set a PIN or passphrase (typed twice), show the recovery code
// once, change or remove the passcode (each asks for the current one), lock now. The core
// checks every passcode and its messages are shown as they are.
import type { LockStatus, PasscodeKind } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import { kindWord, type LockState } from './lock.svelte';

/** Which form is open: set a first passcode, change it, or remove it. */
export type PasscodeForm = 'set' | 'change' | 'remove';

/** How the data is protected now, in plain words. */
export function protectionSentence(status: LockStatus): string {
  switch (status.protection) {
    case 'keystore':
      return status.keystoreName
        ? `Your data is encrypted. The key is kept in this device's keystore (${status.keystoreName}).`
        : "Your data is encrypted. The key is kept in this device's keystore.";
    case 'file':
      return 'Your data is encrypted, but this device has no keystore Ebb can use, so the key is kept in a file only your account can read. Set a PIN or passphrase to protect it if someone copies your files.';
    case 'passcode':
      return `Your data is encrypted and opens only with your ${kindWord(status.passcodeKind ?? 'pin')} (or your recovery code).`;
  }
}

/** The recovery code in its groups of four, for showing large. */
export function recoveryGroups(code: string): string[] {
  return code.split('-').filter((g) => g.length > 0);
}

export class PasscodeSettings {
  form = $state<PasscodeForm | null>(null);
  /** The kind of the new passcode (set, change). */
  kind = $state<PasscodeKind>('pin');
  current = $state('');
  passcode = $state('');
  again = $state('');
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  busy = $state(false);

  constructor(
    private readonly client: EbbClient,
    private readonly lock: LockState,
    /** Settings may have changed with the passcode (the core turns the cover on with the first
     *  one): reload what the app shows from them. */
    private readonly settingsChanged: () => Promise<void> = async () => {},
  ) {}

  /** The recovery code to show, once, until the person says they wrote it down. */
  get recoveryCode(): string | null {
    return this.lock.newRecoveryCode;
  }

  open(form: PasscodeForm, kind: PasscodeKind = this.lock.kind): void {
    this.form = form;
    this.kind = kind;
    this.current = '';
    this.passcode = '';
    this.again = '';
    this.error = null;
    this.notice = null;
  }

  cancel(): void {
    this.form = null;
    this.current = '';
    this.passcode = '';
    this.again = '';
    this.error = null;
  }

  /** Saves the open form; returns whether it worked. */
  async save(): Promise<boolean> {
    const form = this.form;
    if (!form || this.busy) return false;
    if (form !== 'remove' && this.passcode !== this.again) {
      this.error = `The two ${kindWord(this.kind)}s are different. Type the same one twice.`;
      return false;
    }
    const word = kindWord(this.kind);
    const was = kindWord(this.lock.kind);
    return this.run(async () => {
      if (form === 'set') {
        const { code } = await this.client.setPasscode({ kind: this.kind, passcode: this.passcode });
        this.lock.newRecoveryCode = code;
        return null;
      }
      if (form === 'change') {
        await this.client.changePasscode({ current: this.current, kind: this.kind, passcode: this.passcode });
        return `Your new ${word} is saved. Your recovery code still works.`;
      }
      await this.client.removePasscode({ current: this.current });
      return `Your ${was} is removed. Ebb opens without one now; your data stays encrypted.`;
    });
  }

  /** The person wrote the recovery code down: it goes, and is never shown again. */
  done(): void {
    this.lock.newRecoveryCode = null;
    this.notice = `Your ${kindWord(this.lock.kind)} is set.`;
  }

  /** Locks Ebb at once (only offered with a passcode set). */
  async lockNow(): Promise<boolean> {
    this.error = null;
    try {
      await this.client.lockNow();
      this.lock.lockedOut();
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    }
  }

  private async run(work: () => Promise<string | null>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      const notice = await work();
      this.cancel();
      this.notice = notice;
      await this.lock.load();
      await this.settingsChanged();
      return true;
    } catch (error) {
      // The core's message, as it is ("A PIN is 4 to 8 digits; …"); what was typed stays.
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
