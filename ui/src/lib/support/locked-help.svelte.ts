// Help now while the person's data can't be read (Ebb is locked, or the store didn't open):
// every region's built-in numbers, since the person's region is part of their data. The
// region the system language suggests comes first; none is left out.
import type { RegionNumbers } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

export class LockedHelpState {
  regions = $state<RegionNumbers[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly client: EbbClient) {}

  /** Loads the numbers, `first` (a region code, or null) ahead of the others. */
  async load(first: string | null): Promise<void> {
    try {
      const help = await this.client.lockedHelp();
      this.regions = [
        ...help.regions.filter((r) => r.region.code === first),
        ...help.regions.filter((r) => r.region.code !== first),
      ];
      this.error = null;
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.loaded = true;
    }
  }
}
