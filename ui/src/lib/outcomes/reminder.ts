// Opt-in check-in reminders (care.md §7, issue: "a moment to check in"): when a craving's
// check-in comes due while Ebb is in the background, one local notification with neutral text
// that reveals nothing. Nothing nags twice: one notification per craving, only around the
// moment it comes due, never for a check-in that was already due when Ebb opened.
import type { EbbClient } from '../ipc/client';
import type { Timers } from '../urges/now.svelte';

/** The platform's notifications (tauri-plugin-notification), behind an interface for tests. */
export interface Notifier {
  /** Whether Ebb may notify, asking the person if the platform has not asked yet. */
  permit(): Promise<boolean>;
  send(title: string, body: string): Promise<void>;
}

/** The words of the notification: they say nothing about cravings (discreet by design). */
export const REMINDER_TITLE = 'Ebb';
export const REMINDER_BODY = 'A moment to check in';

/** How often to look for a check-in coming due. */
export const POLL_MS = 30_000;
/** A check-in is "just due" for this long; later, Now asks when the person opens Ebb. */
const FRESH_MS = 2 * 60_000;

export class CheckInReminder {
  private readonly notified = new Set<string>();
  private readonly seenAtStart = new Set<string>();
  private handle: unknown = null;
  private started = false;

  constructor(
    private readonly client: EbbClient,
    private readonly notifier: Notifier,
    private readonly away: () => boolean,
    private readonly timers: Timers,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts looking (every 30 s) while the app runs. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    // A check-in already due at launch is Now's to ask, not a notification's.
    const pending = await this.client.getRerate().catch(() => null);
    if (pending?.due) this.seenAtStart.add(pending.urgeId);
    this.schedule();
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.started = false;
  }

  private schedule(): void {
    this.handle = this.timers.setTimeout(async () => {
      await this.check();
      if (this.started) this.schedule();
    }, POLL_MS);
  }

  /** One look: notify if a check-in has just come due, the person is away, and they opted in. */
  async check(): Promise<boolean> {
    try {
      const pending = await this.client.getRerate();
      if (!pending?.due || this.notified.has(pending.urgeId) || this.seenAtStart.has(pending.urgeId)) {
        return false;
      }
      if (this.now() - Date.parse(pending.dueAt) > FRESH_MS || !this.away()) return false;
      const settings = await this.client.getSettings();
      if (!settings.reminders) return false;
      this.notified.add(pending.urgeId);
      if (!(await this.notifier.permit())) return false;
      await this.notifier.send(REMINDER_TITLE, REMINDER_BODY);
      return true;
    } catch {
      // A reminder that can't be shown must never disturb the app; Now still asks.
      return false;
    }
  }
}
