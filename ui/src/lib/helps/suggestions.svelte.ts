// Suggestions for this moment: 2–3 techniques with a plain reason each, from the person's own
// "what helps" (Thompson sampling in the core). Choosing one or "not now" is recorded so Ebb
// learns; recording never stands in the way of starting the technique.
import type { Suggestion } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

export class SuggestionsState {
  list = $state<Suggestion[]>([]);
  /** "Not now" was chosen, or one was started: the card goes away. */
  done = $state(false);
  error = $state<string | null>(null);
  private urgeId: string | null = null;

  constructor(private readonly client: EbbClient) {}

  async load(urgeId: string | null): Promise<void> {
    this.urgeId = urgeId;
    this.done = false;
    this.error = null;
    try {
      this.list = await this.client.suggest(urgeId ? { urgeId } : {});
    } catch (error) {
      this.list = [];
      this.error = toFailure(error).message;
    }
  }

  private async record(chosen: string | null): Promise<void> {
    this.done = true;
    if (this.list.length === 0) return;
    try {
      await this.client.recordSuggestion({
        urgeId: this.urgeId ?? undefined,
        offered: this.list.map((s) => s.techniqueId),
        chosen: chosen ?? undefined,
      });
    } catch (error) {
      this.error = toFailure(error).message;
    }
  }

  /** The person picked one: recorded, and the caller starts it. */
  choose(techniqueId: string): Promise<void> {
    return this.record(techniqueId);
  }

  notNow(): Promise<void> {
    return this.record(null);
  }
}
