// The record of one use of a technique: started, ended (completed or stopped early), and the
// answers after ("How strong is the craving now?", "Did this help?"). Shared by every player.
// Recording never gets in the way: a failed write shows a message, the exercise goes on.
import type { TechniqueSession } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

export class SessionRecorder {
  session = $state<TechniqueSession | null>(null);
  intensityAfter = $state<number | null>(null);
  helped = $state<boolean | null>(null);
  error = $state<string | null>(null);
  /** The start being written: an end that comes first (Stop, or Back, in the first moment)
   *  waits for it, so the session is still recorded as ended. */
  private starting: Promise<void> | null = null;

  constructor(
    private readonly client: EbbClient,
    readonly techniqueId: string,
    readonly plannedSeconds: number,
    readonly urgeId: string | null,
  ) {}

  start(): Promise<void> {
    this.starting ??= this.write();
    return this.starting;
  }

  private async write(): Promise<void> {
    try {
      this.session = await this.client.startSession({
        techniqueId: this.techniqueId,
        urgeId: this.urgeId ?? undefined,
        plannedSeconds: this.plannedSeconds,
      });
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** Records the end: completed or stopped early, with the seconds practised and any extension. */
  async end(completed: boolean, length: { actualSeconds?: number; plannedSeconds?: number } = {}): Promise<void> {
    await this.starting;
    if (!this.session) return;
    try {
      this.session = await this.client.finishSession({ id: this.session.id, completed, ...length });
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** Each answer is optional and saved on tap. */
  async answer(change: { intensityAfter?: number; helped?: boolean }): Promise<void> {
    if (change.intensityAfter !== undefined) this.intensityAfter = change.intensityAfter;
    if (change.helped !== undefined) this.helped = change.helped;
    if (!this.session) return;
    try {
      this.session = await this.client.finishSession({
        id: this.session.id,
        completed: this.session.completed,
        intensityAfter: this.intensityAfter ?? undefined,
        helped: this.helped ?? undefined,
      });
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }
}
