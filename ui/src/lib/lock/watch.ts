// While Ebb is locked, the shell answers every call but the lock's own with the code `locked`.
// Noticing that here, once, for every call, means no screen has to: whichever call meets the
// lock first sends the app to the unlock screen.
import type { EbbClient } from '../ipc/client';
import { watchRefusals } from '../ipc/watch';

/** The code the shell answers with while Ebb is locked. */
export const LOCKED = 'locked';

/** `client`, with `onlocked` called whenever any of its calls is refused because Ebb is locked.
 *  The refusal still reaches the caller as before. */
export function watchLocked(client: EbbClient, onlocked: () => void): EbbClient {
  return watchRefusals(client, LOCKED, () => onlocked());
}
