// The app lock (issue #10): whether Ebb is locked, unlocking with the PIN or passphrase or the
// recovery code, and the wait after too many wrong tries, counted down live. The shell owns
// every rule (lengths, delays, when to lock); this class asks it and shows what it says.
import { getContext, setContext } from 'svelte';
import type { LockStatus, PasscodeKind } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
import type { Timers } from '../urges/now.svelte';

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** "PIN" or "passphrase", for sentences. */
export function kindWord(kind: PasscodeKind): string {
  return kind === 'pin' ? 'PIN' : 'passphrase';
}

/** A wait as the unlock screen shows it: `0:42`, `4:05`, `1:00:00`. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The recovery code as the core writes it (groups of four, upper case, dashes), whatever
 *  spaces, dashes or lower case the person typed it with. */
export function normaliseRecoveryCode(text: string): string {
  const plain = text.replace(/[\s\-‐‑‒–—_.]/g, '').toUpperCase();
  return plain.match(/.{1,4}/g)?.join('-') ?? '';
}

export class LockState {
  /** The shell's last answer; null until asked. */
  status = $state<LockStatus | null>(null);
  /** Whether the unlock screen is up. Nothing of the person's data is shown meanwhile. */
  locked = $state(false);
  /** The last refusal, as the shell worded it (or a mismatch between two entries). */
  error = $state<string | null>(null);
  busy = $state(false);
  /** Seconds until another try is allowed, counted down live; 0 when a try is allowed now. */
  retryIn = $state(0);
  /** A recovery code just set, until the person says they wrote it down. Kept here (not in
   *  Settings) so leaving Settings before then doesn't lose it; it is never fetched again. */
  newRecoveryCode = $state<string | null>(null);

  private deadline = 0;
  private handle: unknown = null;
  private refreshing: Promise<void> | null = null;
  private unlockedListeners: (() => void)[] = [];

  constructor(
    private readonly client: EbbClient,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = Date.now,
  ) {}

  /** The kind of passcode the pad asks for (a PIN unless the shell says passphrase). */
  get kind(): PasscodeKind {
    return this.status?.passcodeKind ?? 'pin';
  }

  get hasPasscode(): boolean {
    return this.status?.protection === 'passcode';
  }

  /** Tries are paused until the countdown ends. */
  get waiting(): boolean {
    return this.retryIn > 0;
  }

  /** Runs `fn` each time Ebb opens after being locked; returns a function that stops it. */
  onUnlock(fn: () => void): () => void {
    this.unlockedListeners.push(fn);
    return () => {
      this.unlockedListeners = this.unlockedListeners.filter((f) => f !== fn);
    };
  }

  /** Asks the shell; keeps the last answer if it can't say. */
  async load(): Promise<void> {
    try {
      this.apply(await this.client.lockStatus());
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** Some call was refused because Ebb is locked: show the unlock screen at once, then learn
   *  the passcode kind and any wait. Many refusals at once ask only once. */
  lockedOut(): void {
    if (!this.locked) {
      this.locked = true;
      this.error = null;
    }
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
  }

  /** The window was hidden or lost focus. Never in the way of anything. */
  async hidden(): Promise<void> {
    await this.client.appHidden().catch(() => {});
  }

  /** The window is back: the shell says whether "Lock after" has passed meanwhile. */
  async shown(): Promise<void> {
    try {
      this.apply(await this.client.appShown());
    } catch {
      // Nothing to do: if Ebb is locked, the next call says so (see watch.ts).
    }
  }

  /** Unlocks with the PIN or passphrase; returns whether Ebb is open. */
  async unlock(passcode: string): Promise<boolean> {
    return this.attempt(() => this.client.unlock({ passcode }));
  }

  /** Unlocks with the recovery code and sets a new PIN or passphrase, typed twice. */
  async recover(recoveryCode: string, kind: PasscodeKind, passcode: string, again: string): Promise<boolean> {
    if (passcode !== again) {
      this.error = `The two new ${kindWord(kind)}s are different. Type the same one twice.`;
      return false;
    }
    return this.attempt(() =>
      this.client.recover({ recoveryCode: normaliseRecoveryCode(recoveryCode), kind, passcode }),
    );
  }

  /** Stops the countdown's timer (the app shell never goes away; tests do). */
  dispose(): void {
    this.stopWait();
  }

  private async attempt(work: () => Promise<void>): Promise<boolean> {
    if (this.busy || this.waiting) return false;
    this.busy = true;
    this.error = null;
    try {
      await work();
      this.opened();
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      // A wrong try may start a wait; the shell says how long.
      await this.refresh();
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async refresh(): Promise<void> {
    try {
      this.apply(await this.client.lockStatus());
    } catch {
      // Keep what we knew; the pad still works and the shell still decides.
    }
  }

  private apply(status: LockStatus): void {
    this.status = status;
    if (status.locked) this.locked = true;
    else if (this.locked) this.opened();
    this.startWait(status.retryInSeconds);
  }

  private opened(): void {
    const wasLocked = this.locked;
    this.locked = false;
    this.error = null;
    this.stopWait();
    if (this.status) this.status = { ...this.status, locked: false, retryInSeconds: 0 };
    if (wasLocked) for (const fn of this.unlockedListeners) fn();
  }

  private startWait(seconds: number): void {
    this.stopWait();
    if (seconds <= 0) {
      this.retryIn = 0;
      return;
    }
    // Counted from a deadline, not by adding up ticks, so a late timer never stretches it.
    this.deadline = this.now() + seconds * 1000;
    this.tick();
  }

  private tick(): void {
    const left = this.deadline - this.now();
    this.retryIn = Math.max(0, Math.ceil(left / 1000));
    if (this.retryIn === 0) {
      this.handle = null;
      // The wait is over: its message (and the wrong try before it) no longer applies.
      this.error = null;
      return;
    }
    this.handle = this.timers.setTimeout(() => this.tick(), left % 1000 || 1000);
  }

  private stopWait(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.retryIn = 0;
  }
}

const key = Symbol('ebb-lock');

export function provideLock(lock: LockState): void {
  setContext(key, lock);
}

export function useLock(): LockState {
  const lock = getContext<LockState | undefined>(key);
  if (!lock) throw new Error('No LockState provided: App.svelte must call provideLock');
  return lock;
}
