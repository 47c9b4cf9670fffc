// Back, one level at a time (issue #13). Every screen opened inside a place (a craving's
// detail, My plans, a technique, the summary builder…) and every sheet over it (Help now) is a
// level: opening one pushes a browser history entry, so the platform's Back — Android's back
// button (in the webview it is history.back()), a mouse's back button, Alt+Left — closes the
// top level and never leaves the app from a sub-screen. Escape does what Back does.
//
// The stack of levels mirrors our history entries: the level at index i owns the entry whose
// state is `{ ebb: i + 1 }` (the place's own entry is depth 0). Three ways a level ends:
// - Back (popstate): the browser has already left the entry; the level's `back` runs (the
//   screen's own one-level-back: the same path as its Back or Close button).
// - Escape, or `back()`: the top level's `back` runs at once, and its entry is consumed with
//   history.back(), so the next Back doesn't land on a dead entry.
// - The screen closes itself (a button, a save, its owner going away: another place, the
//   lock): its entry is consumed too. A level closed under another one (Help now over it)
//   keeps its entry until the ones above close; Back then passes over it.
// Switching places pushes nothing, so Back from a place's root is the platform's own.
import { getContext, onDestroy, setContext, untrack } from 'svelte';

/** The part of `window.history` this needs: tests pass a fake. */
export interface HistoryLike {
  readonly state: unknown;
  pushState(data: unknown, unused: string): void;
  replaceState(data: unknown, unused: string): void;
  back(): void;
  go(delta: number): void;
}

/** The parts of a keydown event Escape is judged on. */
export interface KeyLike {
  readonly key: string;
  readonly defaultPrevented: boolean;
  readonly isComposing?: boolean;
  readonly keyCode?: number;
  readonly repeat?: boolean;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly target?: unknown;
  preventDefault(): void;
}

/** Where `listen` hears popstate and keydown: the window. */
export interface WindowLike {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

export interface NavigationOptions {
  /** Runs `fn` once the current change has settled (a microtask): closes made together (a
   *  screen and what was open in it) consume their entries in one step. */
  later?: (fn: () => void) => void;
  /** A fallback timer for a history step that never reports back (see `stepping`). */
  wait?: (fn: () => void, ms: number) => () => void;
}

/** How long a step back may take before new entries stop waiting for it. */
export const STEP_TIMEOUT_MS = 500;

/** The depth a history entry's state says: ours are `{ ebb: n }`; anything else is a root. */
export function depthOf(state: unknown): number {
  const ebb = (state as { ebb?: unknown } | null)?.ebb;
  return typeof ebb === 'number' && Number.isInteger(ebb) && ebb > 0 ? ebb : 0;
}

/** One open level on the stack. */
interface Node {
  readonly name: string;
  /** Closed by the screen but its entry not consumed yet (another level is above it). */
  live: boolean;
  /** Its history entry exists (pushes wait while a step back of ours is on its way). */
  pushed: boolean;
  readonly back: () => void;
}

export class Navigation {
  /** Levels open now (what the person sees), 0 at a place's root. */
  depth = $state(0);
  private stack: Node[] = [];
  /** Steps back of ours not yet reported by popstate: new entries wait for them, since a
   *  pushState racing a pending history.back() lands differently across webviews. */
  private stepping = 0;
  private cancelWait: (() => void) | null = null;
  private flushing = false;
  private readonly later: (fn: () => void) => void;
  private readonly wait: (fn: () => void, ms: number) => () => void;

  constructor(
    private readonly history: HistoryLike,
    options: NavigationOptions = {},
  ) {
    this.later = options.later ?? ((fn) => queueMicrotask(fn));
    this.wait =
      options.wait ??
      ((fn, ms) => {
        const id = setTimeout(fn, ms);
        return () => clearTimeout(id);
      });
  }

  /** A level a screen can open and close; `back` is what one Back does to it. */
  level(name: string, back: () => void): Level {
    return new Level(this, name, back);
  }

  /** The names of the open levels, bottom first (for tests and debugging). */
  get names(): string[] {
    return this.stack.filter((n) => n.live).map((n) => n.name);
  }

  /** Escape, or any "go back one level" in code: the top level's own back runs now and its
   *  entry is consumed. Returns false at a place's root (nothing to close). */
  back(): boolean {
    const top = this.topLive();
    if (!top) return false;
    this.end(top);
    top.back();
    this.schedule();
    return true;
  }

  /** The browser moved to another entry (Back, Forward, or our own history.back()). */
  popstate(state: unknown): void {
    if (this.stepping > 0) this.stepping -= 1;
    const depth = depthOf(state);
    const pushed = this.pushedCount();
    if (depth < pushed) {
      // Back: every level above the entry now shown closes, the top one first.
      const closing = this.stack.splice(depth).reverse();
      for (const node of closing) {
        if (!node.live) continue;
        node.live = false;
        node.back();
      }
      this.count();
    } else if (depth > pushed) {
      // An entry whose level is gone (Forward after Back, or a step of ours still arriving):
      // it becomes this depth's, so a later Back doesn't act on it twice.
      this.history.replaceState({ ebb: pushed }, '');
    }
    if (this.stepping === 0) this.settled();
    // What was closed beneath a level just closed (Help now over it) is passed over too.
    this.flush();
  }

  /** Escape goes back one level — unless something has the key for itself: a handler that
   *  called preventDefault (an inline "Delete this?" that Escape cancels, a field keeping
   *  unsaved typing), an IME composition, a native <select>, a held-down key. */
  keydown(event: KeyLike): void {
    if (event.key !== 'Escape' || event.defaultPrevented || event.repeat) return;
    if (event.isComposing || event.keyCode === 229) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (inSelect(event.target)) return;
    if (!this.topLive()) return;
    event.preventDefault();
    this.back();
  }

  /** Hears popstate and Escape on `target` (the window); returns the way to stop. A reload
   *  in the middle of a stack starts again from a root. */
  listen(target: WindowLike): () => void {
    if (depthOf(this.history.state) > 0 && this.stack.length === 0) this.history.replaceState({ ebb: 0 }, '');
    const onpop = (event: Event) => this.popstate((event as PopStateEvent).state);
    const onkey = (event: Event) => this.keydown(event as KeyboardEvent);
    target.addEventListener('popstate', onpop);
    target.addEventListener('keydown', onkey);
    return () => {
      target.removeEventListener('popstate', onpop);
      target.removeEventListener('keydown', onkey);
      this.cancelWait?.();
    };
  }

  // For Level.

  /** @internal */
  push(name: string, back: () => void): Node {
    const node: Node = { name, live: true, pushed: false, back };
    this.stack.push(node);
    if (this.stepping === 0) this.enter(node);
    this.count();
    return node;
  }

  /** @internal Closed by its screen (or its owner went away): no `back`, entry consumed. */
  drop(node: Node): void {
    if (!node.live) return;
    this.end(node);
    this.schedule();
  }

  private end(node: Node): void {
    node.live = false;
    this.count();
  }

  private enter(node: Node): void {
    node.pushed = true;
    this.history.pushState({ ebb: this.stack.indexOf(node) + 1 }, '');
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = true;
    this.later(() => {
      this.flushing = false;
      this.flush();
    });
  }

  /** Consumes the entries of closed levels at the top, in one step. */
  private flush(): void {
    let entries = 0;
    while (this.stack.length > 0 && !this.stack.at(-1)!.live) {
      if (this.stack.pop()!.pushed) entries += 1;
    }
    if (entries === 0) return;
    this.stepping += 1;
    if (entries === 1) this.history.back();
    else this.history.go(-entries);
    this.cancelWait?.();
    this.cancelWait = this.wait(() => {
      // The step never reported back: stop holding new entries for it.
      this.cancelWait = null;
      if (this.stepping === 0) return;
      this.stepping = 0;
      this.settled();
    }, STEP_TIMEOUT_MS);
  }

  /** No step of ours is on its way: entries held meanwhile are pushed, in order. */
  private settled(): void {
    this.cancelWait?.();
    this.cancelWait = null;
    this.stack = this.stack.filter((n) => n.pushed || n.live);
    for (const node of this.stack) if (!node.pushed) this.enter(node);
  }

  private topLive(): Node | undefined {
    for (let i = this.stack.length - 1; i >= 0; i -= 1) if (this.stack[i]!.live) return this.stack[i];
    return undefined;
  }

  private pushedCount(): number {
    return this.stack.filter((n) => n.pushed).length;
  }

  private count(): void {
    this.depth = this.stack.filter((n) => n.live).length;
  }
}

/** A screen's handle on one level: opened and closed as the screen's own state says. */
export class Level {
  private node: Node | null = null;

  constructor(
    private readonly nav: Navigation,
    readonly name: string,
    private readonly back: () => void,
  ) {}

  get isOpen(): boolean {
    return this.node?.live ?? false;
  }

  /** Opens the level: a new history entry. Nothing if it is open already. */
  open(): void {
    if (this.isOpen) return;
    this.node = this.nav.push(this.name, () => {
      this.node = null;
      this.back();
    });
  }

  /** Closed by the screen itself (its button, a save, its owner gone): the entry is consumed
   *  and `back` isn't called (the screen has already done what closing means). */
  close(): void {
    const node = this.node;
    this.node = null;
    if (node) this.nav.drop(node);
  }

  /** Follows the screen's state: open while it says so. */
  set(open: boolean): void {
    if (open) this.open();
    else this.close();
  }
}

function inSelect(target: unknown): boolean {
  const el = target as { closest?: (selector: string) => unknown } | null | undefined;
  return typeof el?.closest === 'function' && !!el.closest('select');
}

const key = Symbol('ebb-navigation');

export function provideNavigation(nav: Navigation): void {
  setContext(key, nav);
}

export function useNavigation(): Navigation {
  const nav = getContext<Navigation | undefined>(key);
  if (!nav) throw new Error('No Navigation provided: App.svelte must call provideNavigation');
  return nav;
}

/**
 * Makes a screen's sub-screen or sheet a level (call it while the component initialises):
 * while `isOpen()` is true the level is open and has its history entry; Back or Escape call
 * `back`, which must make `isOpen()` false (the same thing the screen's own Back button does
 * for one level). When the screen closes it itself, or the component goes away, the entry is
 * consumed.
 */
export function useLevel(name: string, isOpen: () => boolean, back: () => void): Level {
  const level = useNavigation().level(name, back);
  $effect(() => {
    const open = isOpen();
    untrack(() => level.set(open));
  });
  onDestroy(() => level.close());
  return level;
}
