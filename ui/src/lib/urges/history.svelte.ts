// History's state: pages of cravings, newest first, loaded on demand (keyset cursor).
import type { Urge, UrgeCursor } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

export const PAGE_SIZE = 30;

export class HistoryState {
  urges = $state<Urge[]>([]);
  /** Where the next page starts; null when everything is loaded. */
  next = $state<UrgeCursor | null>(null);
  loading = $state(false);
  /** True once the first page has arrived. */
  loaded = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly client: EbbClient) {}

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

  private async load(after: UrgeCursor | null, replace: boolean): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.client.listUrges(
        after ? { after, limit: PAGE_SIZE } : { limit: PAGE_SIZE },
      );
      this.urges = replace ? page.urges : [...this.urges, ...page.urges];
      this.next = page.next;
      this.loaded = true;
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.loading = false;
    }
  }
}
