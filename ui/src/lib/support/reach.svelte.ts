// Calling or texting: hands the link to the platform, records reaching out for the craving it
// is for, and when the link can't open (a desktop with no dialler) shows the number to copy.
import { toFailure, type EbbClient } from '../ipc/client';

/** The catalog id of reaching out (care.md §4: reaching a support person is a technique). */
export const REACHING_OUT = 'reaching-out';

export interface Shown {
  label: string;
  number: string;
  /** Why it is shown: the link did not open, or this device may have no dialler. */
  reason: 'failed' | 'desktop';
}

export class Reacher {
  /** The number shown large with a Copy button, if any. */
  fallback = $state<Shown | null>(null);
  copied = $state(false);
  /** The reaching-out session already recorded for this craving (one per craving and screen). */
  private recordedFor: string | null = null;

  constructor(
    private readonly client: EbbClient,
    private readonly onPhone: boolean,
  ) {}

  /** Records one reaching-out use for the craving (its outcome then counts in "what helps"). */
  async record(urgeId: string | null): Promise<void> {
    if (!urgeId || this.recordedFor === urgeId) return;
    this.recordedFor = urgeId;
    try {
      const session = await this.client.startSession({ techniqueId: REACHING_OUT, urgeId, plannedSeconds: 60 });
      await this.client.finishSession({ id: session.id, completed: true });
    } catch {
      // Recording must never stand between the person and the call.
      this.recordedFor = null;
    }
  }

  /** Opens a `tel:`/`sms:` link for `label`/`number`, linked to `urgeId` if there is one. */
  async reach(url: string, label: string, number: string, urgeId: string | null = null): Promise<void> {
    this.copied = false;
    const recording = this.record(urgeId);
    try {
      await this.client.openContact(url);
      this.fallback = this.onPhone ? null : { label, number, reason: 'desktop' };
    } catch (error) {
      void toFailure(error);
      this.fallback = { label, number, reason: 'failed' };
    }
    await recording;
  }

  /** Copies the shown number; falls back to selecting it where the clipboard is unavailable. */
  async copy(write: ((text: string) => Promise<void>) | null): Promise<boolean> {
    if (!this.fallback || !write) return false;
    try {
      await write(this.fallback.number);
      this.copied = true;
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    this.fallback = null;
    this.copied = false;
  }
}
