// The record of one use of a technique: started, ended (completed or stopped early), and the
// answers after ("How strong is the craving now?", "Did this help?"). Shared by every player.
// Recording never gets in the way (cope first, log later, care.md §1): the start is written
// alongside the exercise, never before it, and tried again quietly when the store is busy
// (another connection holding SQLite's write lock) or briefly failing. Everything written
// later (the end, check-ins, the answers) waits for the start and goes in order, so it still
// attaches to the record once it exists. A record that can't be written shows a calm message
// after the exercise; nothing here ever rejects.
import type { TechniqueSession } from '../ipc/bindings';
import { toFailure, type EbbClient, type IpcFailure } from '../ipc/client';

/** The waits before each new try of a start that failed: a few, growing, 7.5 s in all (each
 *  try also waits up to the store's own 5 s busy timeout), so a store locked for a while still
 *  gets the record while the exercise runs. */
export const START_RETRY_DELAYS_MS: readonly number[] = [500, 1_000, 2_000, 4_000];

/** Refusals that another try cannot change (a technique that isn't there, a bad length, a
 *  locked or damaged store): no retry for these. */
const FINAL = new Set(['invalid_input', 'not_found', 'locked', 'damaged', 'data_too_new']);

/** Said after the exercise when the start record could not be written at all. */
export const NOT_SAVED = "Ebb couldn't save this session just now. Nothing else was affected.";

export type Wait = (ms: number) => Promise<void>;
const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

type Length = { actualSeconds?: number; plannedSeconds?: number };

export class SessionRecorder {
  session = $state<TechniqueSession | null>(null);
  intensityAfter = $state<number | null>(null);
  helped = $state<boolean | null>(null);
  /** Why something couldn't be saved; for after the exercise, never in its way. */
  error = $state<string | null>(null);
  /** Why the start record could not be written, when Ebb gave up on it (for debugging: the
   *  person reads `NOT_SAVED`). */
  startFailure: IpcFailure | null = null;
  /** The start being written (with its retries); never rejects. */
  private starting: Promise<void> | null = null;
  /** The writes after the start, one after another in the order they were asked for. */
  private queue: Promise<void> = Promise.resolve();
  /** How the exercise ended, as the person saw it: sent again with each answer, so an end
   *  whose own write failed is still recorded. */
  private ending: ({ completed: boolean } & Length) | null = null;

  constructor(
    private readonly client: EbbClient,
    readonly techniqueId: string,
    readonly plannedSeconds: number,
    readonly urgeId: string | null,
    private readonly wait: Wait = sleep,
  ) {}

  /** Writes the start record. Callers must not wait for it before the exercise starts: it
   *  resolves once the record exists, or once Ebb has given up on it. */
  start(): Promise<void> {
    this.starting ??= this.write();
    return this.starting;
  }

  private async write(): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        this.session = await this.client.startSession({
          techniqueId: this.techniqueId,
          urgeId: this.urgeId ?? undefined,
          plannedSeconds: this.plannedSeconds,
        });
        this.error = null;
        return;
      } catch (error) {
        const refusal = toFailure(error);
        const delay = START_RETRY_DELAYS_MS[attempt];
        if (delay === undefined || FINAL.has(refusal.code)) {
          this.startFailure = refusal;
          this.error = NOT_SAVED;
          return;
        }
        await this.wait(delay);
      }
    }
  }

  /** Runs `write` once the start record exists, after every write asked for before it. Does
   *  nothing when there is no record (the start failed for good, or was never asked for). */
  attach(write: (session: TechniqueSession) => Promise<void>): Promise<void> {
    const run = async () => {
      await this.starting;
      const session = this.session;
      if (session) await write(session);
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  /** Resolves once every write asked for so far is done (or given up on). */
  settled(): Promise<void> {
    return this.queue;
  }

  private finish(end: (session: TechniqueSession) => Promise<TechniqueSession>): Promise<void> {
    return this.attach(async (session) => {
      try {
        this.session = await end(session);
      } catch (error) {
        this.error = toFailure(error).message;
      }
    });
  }

  /** Records the end: completed or stopped early, with the seconds practised and any extension.
   *  Waits for the start when it is still being written (Stop, or Back, in the first moment). */
  end(completed: boolean, length: Length = {}): Promise<void> {
    this.ending = { completed, ...length };
    return this.finish((session) => this.client.finishSession({ id: session.id, completed, ...length }));
  }

  /** Each answer is optional, kept at once on screen and saved on tap (once the record exists). */
  answer(change: { intensityAfter?: number; helped?: boolean }): Promise<void> {
    if (change.intensityAfter !== undefined) this.intensityAfter = change.intensityAfter;
    if (change.helped !== undefined) this.helped = change.helped;
    return this.finish((session) =>
      this.client.finishSession({
        id: session.id,
        ...(this.ending ?? { completed: session.completed }),
        intensityAfter: this.intensityAfter ?? undefined,
        helped: this.helped ?? undefined,
      }),
    );
  }
}
