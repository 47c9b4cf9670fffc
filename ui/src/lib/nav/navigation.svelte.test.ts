import { describe, expect, it } from 'vitest';
import { Navigation, STEP_TIMEOUT_MS, depthOf, type HistoryLike, type KeyLike, type Level } from './navigation.svelte';

/** A browser's session history as the webview keeps it: a list of entries and where we are.
 *  Steps asked for by code (history.back(), go()) are taken later, as in a real webview. */
class FakeHistory implements HistoryLike {
  entries: unknown[] = [null];
  index = 0;
  /** Steps asked for and not taken yet. */
  asked: number[] = [];
  /** The person went Back from the first entry: the platform's own Back (Android: the app
   *  goes to the background). */
  leftApp = false;
  private listener: ((state: unknown) => void) | null = null;

  get state(): unknown {
    return this.entries[this.index];
  }
  get length(): number {
    return this.entries.length;
  }
  onpopstate(listener: (state: unknown) => void): void {
    this.listener = listener;
  }
  pushState(data: unknown): void {
    this.entries.splice(this.index + 1);
    this.entries.push(data);
    this.index += 1;
  }
  replaceState(data: unknown): void {
    this.entries[this.index] = data;
  }
  back(): void {
    this.asked.push(-1);
  }
  go(delta: number): void {
    this.asked.push(delta);
  }
  /** Takes the steps code asked for, each with its popstate. */
  takeSteps(): void {
    while (this.asked.length > 0) this.step(this.asked.shift()!);
  }
  /** The platform's Back: Android's back button, a mouse's back button, Alt+Left. */
  pressBack(): void {
    this.step(-1);
  }
  pressForward(): void {
    this.step(1);
  }
  private step(delta: number): void {
    const to = this.index + delta;
    if (to < 0) {
      this.leftApp = true;
      return;
    }
    if (to >= this.entries.length) return;
    this.index = to;
    this.listener?.(this.state);
  }
}

/** A microtask: the closes made together are consumed by then. */
const settle = () => Promise.resolve();

function setup() {
  const history = new FakeHistory();
  let timer: (() => void) | null = null;
  const nav = new Navigation(history, {
    wait: (fn) => {
      timer = fn;
      return () => (timer = null);
    },
  });
  history.onpopstate((state) => nav.popstate(state));
  /** Lets the fallback timer fire, as if the step back never reported. */
  const timeout = () => timer?.();
  return { history, nav, timeout };
}

/** A screen's sub-screen: its state, and the level that follows it (as useLevel does). */
function screen(nav: Navigation, name: string) {
  const s = {
    open: false,
    backs: 0,
    level: null as unknown as Level,
    show() {
      s.open = true;
      s.level.set(true);
    },
    /** Its own Back / Close / Cancel button. */
    closeByButton() {
      s.open = false;
      s.level.set(false);
    },
  };
  s.level = nav.level(name, () => {
    s.backs += 1;
    s.open = false;
  });
  return s;
}

function key(overrides: Partial<KeyLike> = {}): KeyLike & { prevented: boolean } {
  const event = {
    key: 'Escape',
    defaultPrevented: false,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
    ...overrides,
  };
  return event;
}

describe('Navigation: every screen opened inside a place is a history entry', () => {
  it('stacks one entry per level, each saying its depth', () => {
    const { history, nav } = setup();
    const detail = screen(nav, 'craving');
    const entry = screen(nav, 'journal-entry');
    detail.show();
    entry.show();
    expect(history.entries, 'the place, then one entry per level').toEqual([null, { ebb: 1 }, { ebb: 2 }]);
    expect(nav.depth).toBe(2);
    expect(nav.names).toEqual(['craving', 'journal-entry']);
    entry.level.open();
    expect(history.length, 'opening an open level twice adds nothing').toBe(3);
  });

  it('Back closes the top level only, with its own back; at the root Back is the platform’s', async () => {
    const { history, nav } = setup();
    const detail = screen(nav, 'craving');
    const entry = screen(nav, 'journal-entry');
    detail.show();
    entry.show();

    history.pressBack();
    expect(entry, 'the top level closed').toMatchObject({ open: false, backs: 1 });
    expect(detail, 'the one under it stays').toMatchObject({ open: true, backs: 0 });
    expect(nav.depth).toBe(1);

    history.pressBack();
    expect(detail).toMatchObject({ open: false, backs: 1 });
    expect(nav.depth).toBe(0);
    await settle();
    expect(history.asked, 'Back already left those entries: nothing more to consume').toEqual([]);

    history.pressBack();
    expect(history.leftApp, 'from a place’s root, Back is left to the platform').toBe(true);
    expect(entry.backs + detail.backs, 'and closes nothing more').toBe(2);
  });

  it('a level closed by its own button consumes its entry, so Back never lands on a dead one', async () => {
    const { history, nav } = setup();
    const plans = screen(nav, 'plans');
    plans.show();
    plans.closeByButton();
    expect(nav.depth, 'closed at once').toBe(0);
    await settle();
    expect(history.asked, 'one history.back() for the one entry').toEqual([-1]);
    history.takeSteps();
    expect(history.index, 'back on the place’s entry').toBe(0);
    expect(plans.backs, 'the button already closed it: its back is not run again').toBe(0);

    history.pressBack();
    expect(history.leftApp, 'the next Back is the platform’s: no entry was left behind').toBe(true);
  });

  it('a screen closed together with what was open in it consumes both entries in one step', async () => {
    const { history, nav } = setup();
    const list = screen(nav, 'now-choose');
    const technique = screen(nav, 'breathe-technique');
    list.show();
    technique.show();
    // "Done" after a technique started from a craving's list goes straight back to Now; the
    // list's component goes away (useLevel closes its level when it is destroyed).
    technique.closeByButton();
    list.closeByButton();
    await settle();
    expect(history.asked).toEqual([-2]);
    history.takeSteps();
    expect(history.index).toBe(0);
    expect(nav.depth).toBe(0);
  });

  it('switching places stacks nothing: the old place’s levels are consumed, the new one pushes none', async () => {
    const { history, nav } = setup();
    // On Now, a technique is running.
    const technique = screen(nav, 'now-technique');
    technique.show();
    // The bottom nav: the place changes, Now's screens go away (their levels close), and the
    // new place opens nothing.
    technique.level.close();
    await settle();
    history.takeSteps();
    expect(history.entries.slice(0, history.index + 1), 'only the root entry is behind').toEqual([null]);
    expect(nav.depth).toBe(0);
    // Again, from place to place with nothing open: history is untouched.
    const before = [...history.entries];
    await settle();
    expect(history.entries).toEqual(before);
    expect(history.asked).toEqual([]);
    history.pressBack();
    expect(history.leftApp, 'Back from the new place’s root does not cycle through places').toBe(true);
  });

  it('Help now opened over a sub-screen: Back closes Help now first, then the sub-screen', () => {
    const { history, nav } = setup();
    const detail = screen(nav, 'craving');
    const help = screen(nav, 'help-now');
    detail.show();
    help.show();
    history.pressBack();
    expect(help.open).toBe(false);
    expect(detail.open, 'still on the craving').toBe(true);
    history.pressBack();
    expect(detail.open).toBe(false);
  });

  it('a level closed under Help now keeps its entry until Help now closes; Back then passes over it', async () => {
    const { history, nav } = setup();
    const detail = screen(nav, 'craving');
    const help = screen(nav, 'help-now');
    detail.show();
    help.show();
    // Ebb locks: History goes away under Help now, which stays open.
    detail.level.close();
    await settle();
    expect(history.asked, 'Help now’s entry is above: nothing can be consumed yet').toEqual([]);
    expect(nav.names).toEqual(['help-now']);

    history.pressBack();
    expect(help.open).toBe(false);
    await settle();
    expect(history.asked, 'the craving’s dead entry is passed over').toEqual([-1]);
    history.takeSteps();
    expect(history.index, 'one press landed on the place’s entry').toBe(0);
    expect(detail.backs, 'a screen that went away is not closed again').toBe(0);
  });

  it('Forward onto a closed level’s entry reopens nothing and leaves no trap', async () => {
    const { history, nav } = setup();
    const detail = screen(nav, 'craving');
    detail.show();
    history.pressBack();
    history.pressForward();
    expect(detail.open, 'a level is only opened by its screen').toBe(false);
    expect(history.state, 'that entry now stands for the place').toEqual({ ebb: 0 });
    await settle();
    expect(history.asked, 'nothing is stepped on its own').toEqual([]);
    // Opening again replaces the forward entry.
    detail.show();
    expect(history.state).toEqual({ ebb: 1 });
    history.pressBack();
    expect(detail.open).toBe(false);
  });

  it('a level opened while a step back is on its way waits for it, then gets its entry', async () => {
    const { history, nav } = setup();
    const a = screen(nav, 'a');
    const b = screen(nav, 'b');
    a.show();
    a.closeByButton();
    await settle();
    b.show();
    expect(nav.depth, 'shown at once').toBe(1);
    expect(history.entries, 'no entry pushed while the step back is pending').toEqual([null, { ebb: 1 }]);
    history.takeSteps();
    expect(history.entries).toEqual([null, { ebb: 1 }]);
    expect(history.index, 'pushed once the step landed').toBe(1);
    history.pressBack();
    expect(b.open).toBe(false);
  });

  it('a step back that never reports does not hold new entries for ever', async () => {
    const { history, nav, timeout } = setup();
    const a = screen(nav, 'a');
    const b = screen(nav, 'b');
    a.show();
    a.closeByButton();
    await settle();
    history.asked = []; // the webview dropped the step
    b.show();
    expect(history.index).toBe(1);
    timeout();
    expect(STEP_TIMEOUT_MS).toBeGreaterThan(0);
    expect(history.entries, 'b pushed after the wait').toEqual([null, { ebb: 1 }, { ebb: 1 }]);
    // At worst one press lands on the entry the dropped step left; Back still closes b and
    // never leaves the app while it is open.
    history.pressBack();
    history.pressBack();
    expect(b.open).toBe(false);
    expect(history.leftApp).toBe(false);
  });
});

describe('Navigation: Escape', () => {
  it('goes back one level at once and consumes its entry', async () => {
    const { history, nav } = setup();
    const detail = screen(nav, 'craving');
    const help = screen(nav, 'help-now');
    detail.show();
    help.show();
    const event = key();
    nav.keydown(event);
    expect(event.prevented).toBe(true);
    expect(help, 'closed synchronously, through its own back').toMatchObject({ open: false, backs: 1 });
    expect(detail.open).toBe(true);
    await settle();
    expect(history.asked).toEqual([-1]);
    history.takeSteps();
    expect(history.state).toEqual({ ebb: 1 });
    expect(detail.open, 'the step landing closes nothing more').toBe(true);
  });

  it('does nothing at a place’s root and leaves the key alone', () => {
    const { nav } = setup();
    const event = key();
    nav.keydown(event);
    expect(event.prevented).toBe(false);
    expect(nav.back(), 'back() says there was nothing to close').toBe(false);
  });

  it('is left to whatever has it: a handler, an IME, a native select, a held key, other keys', () => {
    const { nav } = setup();
    const detail = screen(nav, 'craving');
    detail.show();
    const select = { closest: (s: string) => (s === 'select' ? {} : null) };
    const textarea = { closest: () => null };
    for (const [why, event] of [
      ['an inline "Delete this?" cancelled by Escape', key({ defaultPrevented: true })],
      ['an IME composition', key({ isComposing: true })],
      ['an IME on older webviews', key({ keyCode: 229 })],
      ['a native select', key({ target: select })],
      ['a held-down key', key({ repeat: true })],
      ['a shortcut', key({ ctrlKey: true })],
      ['another key', key({ key: 'Enter' })],
    ] as const) {
      nav.keydown(event);
      expect(detail.open, why).toBe(true);
      expect(event.prevented, why).toBe(false);
    }
    nav.keydown(key({ target: textarea }));
    expect(detail.open, 'in a text field Escape goes back, as the screen’s Back button would').toBe(false);
  });
});

describe('Navigation: listening and depths', () => {
  it('hears popstate and keydown on the window, and stops', () => {
    const history = new FakeHistory();
    const nav = new Navigation(history);
    const listeners = new Map<string, (event: Event) => void>();
    const stop = nav.listen({
      addEventListener: (type, fn) => listeners.set(type, fn),
      removeEventListener: (type) => listeners.delete(type),
    });
    const detail = screen(nav, 'craving');
    detail.show();
    listeners.get('popstate')?.({ state: null } as PopStateEvent);
    expect(detail.open).toBe(false);
    detail.show();
    listeners.get('keydown')?.(key() as unknown as KeyboardEvent);
    expect(detail.open).toBe(false);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('starts from a root after a reload in the middle of a stack', () => {
    const history = new FakeHistory();
    history.pushState({ ebb: 1 });
    history.pushState({ ebb: 2 });
    const nav = new Navigation(history);
    nav.listen({ addEventListener: () => {}, removeEventListener: () => {} });
    expect(history.state).toEqual({ ebb: 0 });
    const detail = screen(nav, 'craving');
    detail.show();
    expect(history.state).toEqual({ ebb: 1 });
  });

  it('reads only its own depths from history states', () => {
    expect(depthOf({ ebb: 3 })).toBe(3);
    expect(depthOf(null)).toBe(0);
    expect(depthOf({ other: 'app' })).toBe(0);
    expect(depthOf({ ebb: -1 })).toBe(0);
    expect(depthOf({ ebb: '2' })).toBe(0);
  });
});
