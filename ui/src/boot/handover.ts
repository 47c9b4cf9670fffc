// The static first screen (src/boot/now-static.html, in index.html) hands over to the app. The
// app waits until the copy has been painted, then mounts into #app hidden, behind it; when it
// draws its first screen (App's `onshown`, in the task that makes that DOM update) the static copy
// goes and #app shows, before the next paint: no flash, no jump, and never two copies of the
// screen (or of its landmarks) at once.

/** How long the static copy may wait for the app's first screen. Past this the app shows as it
 *  is (Help now, and the screen once it comes): Help now on the static copy can't open until
 *  the app runs, and it must never wait long. */
export const HANDOVER_DEADLINE_MS = 500;

/** How long the app waits for the static copy's first paint before it starts anyway. */
export const FIRST_PAINT_WAIT_MS = 100;

/** The static copy's container, as index.html and painted.html mark it. */
export const STATIC_BOOT = '[data-static-boot]';

/**
 * Resolves once the browser has painted the page as parsed, the static copy included. A module
 * script otherwise runs before the first paint (the HTML parser ends, deferred scripts run, and
 * only then does WebKit paint), so the app's start would hold the first screen back by the
 * whole of its own work. rAF runs just before a paint; a task queued from it runs after.
 * A hidden page paints nothing: then, or if no frame comes soon, it resolves anyway.
 */
export function afterFirstPaint(
  win: Pick<Window, 'requestAnimationFrame' | 'setTimeout' | 'clearTimeout'> = window,
  hidden: () => boolean = () => document.visibilityState === 'hidden',
): Promise<void> {
  return new Promise((resolve) => {
    if (hidden()) return resolve();
    const done = () => {
      win.clearTimeout(limit);
      resolve();
    };
    const limit = win.setTimeout(done, FIRST_PAINT_WAIT_MS);
    win.requestAnimationFrame(() => win.setTimeout(done, 0));
  });
}

interface Page {
  querySelector(selectors: string): { remove(): void } | null;
}

interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Hides `app` behind the static copy, if the page has one, and returns `shown`: call it once
 *  the app has drawn its first screen (later calls do nothing). */
export function handOver(
  app: { hidden: boolean },
  page: Page = document,
  timers: Timers = {
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  },
): () => void {
  const boot = page.querySelector(STATIC_BOOT);
  if (!boot) return () => {};
  app.hidden = true;
  let done = false;
  const shown = () => {
    if (done) return;
    done = true;
    timers.clearTimeout(deadline);
    boot.remove();
    app.hidden = false;
  };
  const deadline = timers.setTimeout(shown, HANDOVER_DEADLINE_MS);
  return shown;
}
