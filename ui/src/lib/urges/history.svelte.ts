// History's state: pages of cravings, newest first, loaded on demand (keyset cursor), narrowed
// by filters that combine; the count of matches is shown with them. It lives as long as the
// History screen: leaving History drops what was loaded (issue #13, "History memory"), and
// coming back starts again from the newest.
import { getContext, setContext } from 'svelte';
import type { Urge, UrgeCursor, UrgeFilter } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';
export { byDay, dayLabel } from '../time/when';

export const PAGE_SIZE = 30;

export class HistoryState {
  /** Replaced whole, never changed in place: raw, so no proxy is built over every craving. */
  urges = $state.raw<Urge[]>([]);
  /** Where the next page starts; null when everything is loaded. */
  next = $state<UrgeCursor | null>(null);
  loading = $state(false);
  /** True once the first page has arrived. */
  loaded = $state(false);
  error = $state<string | null>(null);
  /** The filters in force (all must hold). */
  filter = $state<UrgeFilter>({});
  /** How many cravings match them; null while unknown. */
  count = $state<number | null>(null);

  constructor(private readonly client: EbbClient) {}

  get filtering(): boolean {
    return activeFilterKeys(this.filter).length > 0;
  }

  /** Applies a change to the filters and reloads; a refusal is shown and the list stays. */
  async setFilter(change: Partial<UrgeFilter>): Promise<void> {
    const next = onlySet({ ...this.filter, ...change });
    const before = this.filter;
    this.filter = next;
    await this.refresh();
    if (this.error) this.filter = before;
  }

  /** Removes one filter (a chip id, or a whole field). */
  removeFilter(key: FilterKey, chipId?: string): Promise<void> {
    if (key === 'chipIds') {
      return this.setFilter({ chipIds: (this.filter.chipIds ?? []).filter((c) => c !== chipId) });
    }
    return this.setFilter({ [key]: undefined });
  }

  clearFilters(): Promise<void> {
    this.filter = {};
    return this.refresh();
  }

  get hasMore(): boolean {
    return this.next !== null;
  }

  /** Loads the newest page, replacing what is shown. */
  async refresh(): Promise<void> {
    await this.load(null, true);
  }

  /** Appends the next page, if any. Calls while one is loading are ignored. */
  async loadMore(): Promise<void> {
    if (this.next) await this.load(this.next, false);
  }

  /** Forgets everything loaded (leaving History): rows, cursor, count and filters, as new.
   *  A page still on its way is dropped when it comes. */
  reset(): void {
    this.generation += 1;
    this.urges = [];
    this.next = null;
    this.loading = false;
    this.loaded = false;
    this.error = null;
    this.filter = {};
    this.count = null;
  }

  /** Bumped by every reload: an answer for an older filter is dropped, never shown. */
  private generation = 0;

  private async load(after: UrgeCursor | null, replace: boolean): Promise<void> {
    // "More" waits for the page in flight; a reload (a new filter) always goes ahead.
    if (this.loading && !replace) return;
    const generation = replace ? ++this.generation : this.generation;
    this.loading = true;
    this.error = null;
    try {
      const filter = this.filtering ? $state.snapshot(this.filter) : undefined;
      const [page, count] = await Promise.all([
        this.client.listUrges(after ? { after, limit: PAGE_SIZE, filter } : { limit: PAGE_SIZE, filter }),
        replace ? (filter ? this.client.countMatching({ filter }) : this.client.countUrges()) : this.count,
      ]);
      if (generation !== this.generation) return;
      this.count = count;
      this.urges = replace ? page.urges : [...this.urges, ...page.urges];
      this.next = page.next;
      this.loaded = true;
    } catch (error) {
      if (generation === this.generation) this.error = toFailure(error).message;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }
}

const key = Symbol('ebb-history');

/** Gives History a state to show instead of making its own (tests: a long list already
 *  loaded). The app provides none: each visit to History makes its own. */
export function provideHistory(history: HistoryState): void {
  setContext(key, history);
}

/** History's state: the one provided, else a new one (call while the component initialises). */
export function historyState(client: EbbClient): HistoryState {
  return getContext<HistoryState | undefined>(key) ?? new HistoryState(client);
}

export type FilterKey = keyof UrgeFilter;

/** The filter fields that are set, in a stable order. */
export function activeFilterKeys(filter: UrgeFilter): FilterKey[] {
  const keys: FilterKey[] = ['text', 'trackedId', 'chipIds', 'techniqueId', 'action', 'minIntensity', 'maxIntensity', 'from', 'to'];
  return keys.filter((k) => {
    const v = filter[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '';
  });
}

/** Drops empty fields so the request carries only what filters. */
function onlySet(filter: UrgeFilter): UrgeFilter {
  const out: UrgeFilter = {};
  for (const key of activeFilterKeys(filter)) {
    (out as Record<string, unknown>)[key] = key === 'text' ? filter.text?.trim() : filter[key];
  }
  if (out.text === '') delete out.text;
  return out;
}
