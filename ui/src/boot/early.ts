// The first screen's reads, asked for by the entry (main.ts) before anything else runs: the
// Rust side answers them while the static first screen paints and the app's own code loads, so
// the app finds its first data already there instead of asking once it has mounted. Only reads
// that take no arguments and change nothing, each used at most once, by the first call for it,
// within EARLY_FOR_MS of the page's start; an error is never used (that call simply asks again).

/** What Now (and App, before it) read to draw the first screen. */
export const EARLY_COMMANDS = [
  'app_status',
  'list_things',
  'default_thing',
  'list_chips',
  'get_settings',
  'list_techniques',
  'get_rerate',
] as const;

/** Past this an early answer is too old to stand for a fresh one (ms from the page's start). */
export const EARLY_FOR_MS = 3000;

interface Internals {
  invoke(command: string, args: Record<string, unknown>): Promise<unknown>;
}

interface Early {
  calls: Map<string, Promise<unknown>>;
}

interface Host {
  __TAURI_INTERNALS__?: Internals;
  __ebbEarly?: Early;
}

/** Asks for every early read now, if the page runs inside the app. */
export function startEarly(host: Host = window as unknown as Host): void {
  const internals = host.__TAURI_INTERNALS__;
  if (!internals || typeof internals.invoke !== 'function') return;
  const calls = new Map<string, Promise<unknown>>();
  for (const command of EARLY_COMMANDS) {
    const answer = internals.invoke(command, {});
    // Unused or failed answers must not surface as unhandled rejections.
    answer.catch(() => {});
    calls.set(command, answer);
  }
  host.__ebbEarly = { calls };
}

/** The early answer for `command` (once), if it was asked for and is still fresh. */
export function takeEarly(
  command: string,
  host: Host = window as unknown as Host,
  now: () => number = () => performance.now(),
): Promise<unknown> | undefined {
  const calls = host.__ebbEarly?.calls;
  const answer = calls?.get(command);
  if (!calls || !answer) return undefined;
  calls.delete(command);
  return now() <= EARLY_FOR_MS ? answer : undefined;
}
