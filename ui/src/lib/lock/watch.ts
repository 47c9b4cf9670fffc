// While Ebb is locked, the shell answers every call but the lock's own with the code `locked`.
// Noticing that here, once, for every call, means no screen has to: whichever call meets the
// lock first sends the app to the unlock screen.
import { toFailure, type EbbClient } from '../ipc/client';

/** The code the shell answers with while Ebb is locked. */
export const LOCKED = 'locked';

/** `client`, with `onlocked` called whenever any of its calls is refused because Ebb is locked.
 *  The refusal still reaches the caller as before. */
export function watchLocked(client: EbbClient, onlocked: () => void): EbbClient {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!wrapped.has(prop)) {
        wrapped.set(prop, (...args: unknown[]) => {
          const result: unknown = value.apply(target, args);
          if (!(result instanceof Promise)) return result;
          return result.catch((error: unknown) => {
            if (toFailure(error).code === LOCKED) onlocked();
            throw error;
          });
        });
      }
      return wrapped.get(prop);
    },
  });
}
