// The journal entries written about History's cravings, shown on their cards. Asked for a page
// at a time as the list grows (never again for every craving already listed), and kept in a
// SvelteMap: a card follows its own craving's entry, and no deep proxy is built over every
// entry as a $state object would (issue #13, "History memory").
import { SvelteMap } from 'svelte/reactivity';
import type { JournalEntry } from '../ipc/bindings';
import type { EbbClient } from '../ipc/client';

/** The core answers for up to this many cravings at a time. */
export const ENTRIES_BATCH = 200;
const NONE: JournalEntry[] = [];

export class EntriesByUrge {
  private readonly byUrge = new SvelteMap<string, JournalEntry[]>();
  /** The cravings asked about so far, in list order. */
  private asked: string[] = [];
  /** Bumped by `clear`: answers for an older list are dropped. */
  private generation = 0;

  constructor(private readonly client: EbbClient) {}

  /**
   * Follows the list: when it has grown at its end, asks only about the new cravings; when it
   * is another list (a reload, new filters), starts again. If asking goes wrong, the cards
   * show their cravings without the entries (which are still in the Journal).
   */
  async follow(urgeIds: readonly string[]): Promise<void> {
    if (!startsWith(urgeIds, this.asked)) this.clear();
    const fresh = urgeIds.slice(this.asked.length);
    if (fresh.length === 0) return;
    this.asked = [...urgeIds];
    const generation = this.generation;
    try {
      for (let i = 0; i < fresh.length; i += ENTRIES_BATCH) {
        const entries = await this.client.journalForUrges({ urgeIds: fresh.slice(i, i + ENTRIES_BATCH) });
        if (generation !== this.generation) return;
        for (const entry of entries) {
          // A new list each time: a card given the old one must see the change.
          if (entry.urge) this.byUrge.set(entry.urge.id, [...this.of(entry.urge.id), entry]);
        }
      }
    } catch {
      // The cards still show the cravings; their entries are in the Journal.
    }
  }

  /** The entries about one craving (an empty list if none, or not loaded). */
  of(urgeId: string): JournalEntry[] {
    return this.byUrge.get(urgeId) ?? NONE;
  }

  /** Forgets everything (leaving History, or coming back from a craving whose entries may
   *  have changed). */
  clear(): void {
    this.generation += 1;
    this.asked = [];
    this.byUrge.clear();
  }
}

/** Whether `list` starts with every id of `prefix`, in order. */
function startsWith(list: readonly string[], prefix: readonly string[]): boolean {
  if (prefix.length > list.length) return false;
  for (let i = 0; i < prefix.length; i++) if (list[i] !== prefix[i]) return false;
  return true;
}
