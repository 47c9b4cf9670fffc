// Some refusals concern the whole app, not the screen that met them: `locked` (the unlock
// screen, lib/lock/watch.ts) and `damaged` (the damaged-data screen, lib/backups/damaged.ts).
// Noticing them here, once, for every call, means no screen has to.
import { toFailure, type EbbClient, type IpcFailure } from './client';

/** `client`, with `onrefused` called whenever any of its calls is refused with `code`. The
 *  refusal still reaches the caller as before; each method stays one function, bound to the
 *  client, so screens can pass methods around. */
export function watchRefusals(
  client: EbbClient,
  code: string,
  onrefused: (refusal: IpcFailure) => void,
): EbbClient {
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
            const refusal = toFailure(error);
            if (refusal.code === code) onrefused(refusal);
            throw error;
          });
        });
      }
      return wrapped.get(prop);
    },
  });
}
