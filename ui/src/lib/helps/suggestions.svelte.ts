// Suggestions for this moment: 2–3 techniques with a plain reason each, from the person's own
// "what helps" (the surest first, then Thompson samples, in the core). Choosing one or "not now" is recorded so Ebb
// learns; recording never stands in the way of starting the technique. Where a technique's
// parameters come from (its sources, citations) sit behind "Why?", looked up in the library,
// never in the reason read in a craving moment.
import type { Suggestion, Technique } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

export class SuggestionsState {
  list = $state<Suggestion[]>([]);
  /** "Not now" was chosen, or one was started: the card goes away. */
  done = $state(false);
  error = $state<string | null>(null);
  /** The library, for "Why?"; loaded beside the suggestions, never before them. */
  techniques = $state<Technique[]>([]);
  /** The suggestion whose "Why?" is open, if any. */
  open = $state<string | null>(null);
  private urgeId: string | null = null;

  constructor(private readonly client: EbbClient) {}

  async load(urgeId: string | null): Promise<void> {
    this.urgeId = urgeId;
    this.done = false;
    this.error = null;
    this.open = null;
    // The library is asked for alongside, so "Why?" never delays the suggestions themselves.
    const library = this.loadLibrary();
    try {
      this.list = await this.client.suggest(urgeId ? { urgeId } : {});
    } catch (error) {
      this.list = [];
      this.error = toFailure(error).message;
    }
    await library;
  }

  private async loadLibrary(): Promise<void> {
    try {
      this.techniques = (await this.client.listTechniques()).techniques;
    } catch {
      // Without the library there is no "Why?" to show; the suggestions work all the same.
      this.techniques = [];
    }
  }

  /** What "Why?" shows for a suggestion: why it helps and where that comes from, from the
   *  library. Null when the library doesn't have it (then no "Why?" is offered). The technique's
   *  own `why` is left out when it is the very reason already shown. */
  why(suggestion: Suggestion): { why: string | null; evidence: string | null; source: string | null } | null {
    const technique = this.techniques.find((t) => t.id === suggestion.techniqueId);
    if (!technique) return null;
    const distinct = (text: string | null | undefined) => {
      const trimmed = text?.trim() ?? '';
      return trimmed && trimmed !== suggestion.reason.trim() ? trimmed : null;
    };
    const why = distinct(technique.why);
    const evidence = distinct(technique.evidence);
    const source = plainSource(technique.source) || null;
    if (!why && !evidence && !source) return null;
    return { why, evidence: evidence === why ? null : evidence, source };
  }

  /** Opens or closes one suggestion's "Why?" (one at a time). */
  toggleWhy(techniqueId: string): void {
    this.open = this.open === techniqueId ? null : techniqueId;
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

/** A catalog source as a person reads it: the references to Ebb's own design notes
 *  ("care.md §4:", "(care.md §2)") dropped, the rest kept and capitalised. */
export function plainSource(source: string): string {
  const text = source
    .replace(/\(\s*care\.md §[\d–-]+\s*\)/g, '')
    .replace(/care\.md §[\d–-]+:?\s*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;)])/g, '$1')
    .trim()
    .replace(/^[,;:]\s*/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
