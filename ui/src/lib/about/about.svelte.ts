// Settings → About Ebb: read once when Settings opens (the version, the data folder, the
// licences), and "Copy" for the data folder's path. The shell owns the facts; this class
// groups the licences once and keeps the words of the last refusal as the shell put them.
import { toFailure, type EbbClient } from '../ipc/client';
import { componentCount, groupLicences, type LicenceGroup } from './licences';
import type { About } from './types';

/** Said (politely, in a live region) once the path is on the clipboard. */
export const COPIED = 'Copied';
/** Said when this device won't let Ebb copy: the path is selected instead. */
export const COPY_UNAVAILABLE = "This device didn't let Ebb copy. The path is selected, so you can copy it from there.";

/** Puts text on the clipboard (navigator.clipboard.writeText where there is one). */
export type ClipboardWrite = (text: string) => Promise<void>;

export class AboutState {
  /** What the shell said, once read. */
  info = $state.raw<About | null>(null);
  /** The licences by expression, the largest group first (grouped once, on load). */
  groups = $state.raw<LicenceGroup[]>([]);
  /** How many components the groups hold. */
  total = $state(0);
  loading = $state(false);
  /** The last refusal of a load, as the shell worded it. */
  error = $state<string | null>(null);
  /** A short word after "Copy" ("Copied", or why not), for a live region. */
  copyStatus = $state<string | null>(null);

  constructor(private readonly client: EbbClient) {}

  /** Reads what the shell says about Ebb (again, after a refusal: "Try again"). */
  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.error = null;
    try {
      const info = await this.client.about();
      this.groups = groupLicences(info.licences);
      this.total = componentCount(this.groups);
      this.info = info;
    } catch (error) {
      this.error = toFailure(error).message;
    } finally {
      this.loading = false;
    }
  }

  /** Copies the data folder's path. `write` is null where there is no clipboard. Returns
   *  whether it was copied; if not, the screen selects the path for the person to copy. */
  async copyFolder(write: ClipboardWrite | null): Promise<boolean> {
    if (!this.info) return false;
    // Cleared first, so a second "Copied" is announced again.
    this.copyStatus = null;
    if (write) {
      try {
        await write(this.info.dataFolder);
        this.copyStatus = COPIED;
        return true;
      } catch {
        // Refused (no permission, no focus): the same as no clipboard.
      }
    }
    this.copyStatus = COPY_UNAVAILABLE;
    return false;
  }
}
