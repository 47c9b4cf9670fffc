import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Urge } from '../ipc/bindings';
import { historyItems, type Item } from './items';
import { DEFAULT_VIEW_HEIGHT, PINNED_NEIGHBOURS, WindowedList } from './windowed.svelte';
import { FALLBACK_HEIGHTS } from './window';

const now = new Date('2026-11-26T20:00:00Z');

/** `n` cravings a quarter of an hour apart, newest first (about 4 days of 24 with 100). */
function cravings(n: number): Urge[] {
  return Array.from(
    { length: n },
    (_, i) =>
      ({
        id: `urge-${i}`,
        occurredAt: new Date(now.getTime() - i * 3_600_000).toISOString(),
        utcOffsetMinutes: 0,
      }) as Urge,
  );
}

function windowOver(n: number): { list: WindowedList; items: Item[] } {
  const items = historyItems(cravings(n), now);
  return { list: new WindowedList(() => items), items };
}

const rows = (list: WindowedList) => list.plan.placed.filter((p) => list.items[p.index]!.kind === 'urge');

describe('WindowedList', () => {
  it('draws a window of a thousand rows, not the thousand', () => {
    const { list, items } = windowOver(1_000);
    expect(items.length, 'a heading a day on top of the rows').toBeGreaterThan(1_000);
    const drawn = rows(list).length;
    expect(drawn).toBeGreaterThan(10);
    expect(drawn, `${drawn} rows drawn at the top`).toBeLessThan(40);
    list.scrolled(40_000, 800);
    expect(rows(list).length, 'mid-list: the screen and two screens either side').toBeLessThan(60);
    expect(list.plan.top + list.plan.bottom, 'spacers stand in for the rest').toBeGreaterThan(70_000);
  });

  it('assumes a phone’s screen until it knows the viewport', () => {
    const { list } = windowOver(10);
    expect(list.viewHeight).toBe(DEFAULT_VIEW_HEIGHT);
    list.scrolled(0, 0);
    expect(list.viewHeight, 'a viewport of no height is not believed').toBe(DEFAULT_VIEW_HEIGHT);
  });

  it('measures rows and lays the list out with their heights', () => {
    const { list, items } = windowOver(50);
    const first = items[1]!.key;
    expect(list.offsets[2]! - list.offsets[1]!).toBe(FALLBACK_HEIGHTS.urge);
    list.measured([[first, 130]]);
    expect(list.offsets[2]! - list.offsets[1]!, 'a measured row has its height').toBe(130);
    expect(list.offsets[3]! - list.offsets[2]!, 'unmeasured rows are estimated from the measured ones').toBe(130);
    expect(list.measuredCount).toBe(1);
    list.measured([['no-such-item', 50]]);
    expect(list.measuredCount, 'a key not in the list is ignored').toBe(1);
  });

  it('keeps what is on screen in place when rows above it turn out taller (the scroll shift)', () => {
    const { list, items } = windowOver(200);
    list.measured(items.map((i) => [i.key, FALLBACK_HEIGHTS[i.kind]] as const));
    list.scrolled(5_000, 800);
    const anchor = list.plan.placed.find((p) => list.offsets[p.index + 1]! > 5_000)!.index;
    const above = items.slice(0, anchor).filter((i) => i.kind === 'urge').slice(-3);
    const shift = list.measured(above.map((i) => [i.key, FALLBACK_HEIGHTS.urge + 20] as const));
    expect(shift, 'three rows 20 px taller above the viewport').toBeCloseTo(60, 6);
    expect(list.viewTop, 'the viewport moved with the page').toBeCloseTo(5_060, 6);
    const below = items.slice(anchor + 1, anchor + 4);
    expect(list.measured(below.map((i) => [i.key, 300] as const)), 'rows below the screen’s top move nothing').toBe(0);
  });

  it('keeps its place when the estimate for unmeasured rows above changes (after a jump)', () => {
    const { list, items } = windowOver(200);
    list.scrolled(9_000, 800);
    const anchor = list.plan.placed.find((p) => list.offsets[p.index + 1]! > 9_000)!.index;
    const top = list.offsets[anchor]!;
    const drawn = list.plan.placed.map((p) => items[p.index]!);
    // The first rows measured after jumping mid-list are 100 px: every unmeasured row above
    // is now assumed to be 100 px too, and the page moves by as much.
    const shift = list.measured(drawn.filter((i) => i.kind === 'urge').map((i) => [i.key, 100] as const));
    expect(shift).toBeCloseTo(list.offsets[anchor]! - top, 6);
    expect(shift, 'the rows above are taller than first assumed').toBeGreaterThan(0);
  });

  it('does not shift while the list’s top is on screen', () => {
    const { list, items } = windowOver(200);
    list.scrolled(-200, 800);
    expect(list.measured([[items[1]!.key, 300]])).toBe(0);
    list.scrolled(5_000, 800);
    expect(list.measured([[items[1]!.key, 300]]), 'the same height again changes nothing').toBe(0);
  });

  it('keeps the focused row, with its neighbours, drawn wherever the page scrolls', () => {
    const { list, items } = windowOver(1_000);
    const focused = items[3]!.key;
    list.focus(focused);
    list.scrolled(60_000, 800);
    const drawn = list.plan.placed.map((p) => items[p.index]!.key);
    expect(drawn).toContain(focused);
    const around = items.slice(0, 3 + PINNED_NEIGHBOURS + 1).map((i) => i.key);
    expect(drawn.slice(0, around.length), 'Tab and Shift+Tab from it find the next rows').toEqual(around);
    expect(list.plan.placed[around.length]!.space, 'then room for the rows between').toBeGreaterThan(50_000);
    expect(list.plan.placed.length, 'and not everything in between').toBeLessThan(80);
    list.focus(null);
    expect(list.plan.placed.map((p) => items[p.index]!.key)).not.toContain(focused);
  });

  it('forgets heights when the width changes, keeping those of the rows still drawn', () => {
    const { list, items } = windowOver(100);
    list.measured(items.slice(0, 20).map((i) => [i.key, 120] as const));
    expect(list.measuredCount).toBe(20);
    list.remeasure([[items[1]!.key, 90]]);
    expect(list.measuredCount).toBe(1);
    expect(list.offsets[2]! - list.offsets[1]!).toBe(90);
  });

  it('drops every height, the focus and the position on reset (leaving History)', () => {
    const { list, items } = windowOver(100);
    list.measured(items.map((i) => [i.key, 77] as const));
    list.focus(items[5]!.key);
    list.scrolled(3_000, 800);
    list.reset();
    expect(list.measuredCount).toBe(0);
    expect(list.focused).toBeNull();
    expect(list.viewTop).toBe(0);
  });

  it('draws nothing for an empty list', () => {
    const { list } = windowOver(0);
    expect(list.plan.placed).toEqual([]);
    expect(list.plan.top + list.plan.bottom).toBe(0);
  });
});

/** Stands in for the browser's ResizeObserver: the test reports sizes itself. */
class FakeResizeObserver {
  static made: (callback: (entries: unknown[]) => void, observer: FakeResizeObserver) => void = () => {};
  observed = new Set<unknown>();
  constructor(callback: (entries: unknown[]) => void) {
    FakeResizeObserver.made(callback, this);
  }
  observe(el: unknown) {
    this.observed.add(el);
  }
  unobserve(el: unknown) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
}

describe('WindowedList.follow (the page)', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A page with a window, a list element at `top`, and a ResizeObserver the test drives. */
  function page(top: number) {
    const listeners = new Map<string, () => void>();
    const scrolls: number[] = [];
    const win = {
      innerHeight: 700,
      addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
      removeEventListener: (type: string) => listeners.delete(type),
      scrollBy: (_x: number, y: number) => scrolls.push(y),
    };
    const observed = new Set<unknown>();
    let report: ((entries: unknown[]) => void) | null = null;
    FakeResizeObserver.made = (callback, observer) => {
      report = callback;
      observer.observed = observed;
    };
    vi.stubGlobal('window', win);
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    const drawn: HTMLElement[] = [];
    const element = {
      top,
      getBoundingClientRect: () => ({ top: element.top, width: 360, height: 0 }),
      querySelectorAll: () => drawn,
    };
    const item = (data: Record<string, string>, height: number) =>
      ({ dataset: data, isConnected: true, getBoundingClientRect: () => ({ height }) }) as unknown as HTMLElement;
    return { win, listeners, scrolls, observed, element, drawn, item, report: (entries: unknown[]) => report!(entries) };
  }

  it('reads the viewport from the list’s place on the page, on start and as the page scrolls', () => {
    const { list } = windowOver(300);
    const p = page(250);
    const stop = list.follow(p.element as unknown as HTMLElement);
    expect([list.viewTop, list.viewHeight], 'the list starts 250 px down a 700 px screen').toEqual([-250, 700]);
    p.element.top = -9_000;
    p.listeners.get('scroll')!();
    expect(list.viewTop).toBe(9_000);
    expect(rows(list).length, `${rows(list).length} rows drawn`).toBeLessThan(50);
    stop();
    expect(p.listeners.size, 'no listener left behind').toBe(0);
  });

  it('observes drawn items while they are drawn, and scrolls by what their heights shift', () => {
    const { list, items } = windowOver(300);
    list.measured(items.map((i) => [i.key, FALLBACK_HEIGHTS[i.kind]] as const));
    const p = page(0);
    list.follow(p.element as unknown as HTMLElement);
    p.element.top = -5_000;
    p.listeners.get('scroll')!();
    const anchor = list.plan.placed.find((x) => list.offsets[x.index + 1]! > 5_000)!.index;
    const above = items[anchor - 1]!;
    const el = p.item(above.kind === 'urge' ? { urgeId: above.key } : { key: above.key }, 0);
    const untrack = list.track(el) as () => void;
    expect(p.observed.has(el)).toBe(true);
    p.report([{ target: el, borderBoxSize: [{ blockSize: FALLBACK_HEIGHTS[above.kind] + 40 }] }]);
    expect(p.scrolls, 'the page moves 40 px with the taller item above the screen').toEqual([40]);
    untrack();
    expect(p.observed.has(el), 'an item leaving the DOM is no longer observed').toBe(false);
  });

  it('forgets heights when the page gets narrower or wider, not when it only gets taller', () => {
    const { list, items } = windowOver(100);
    const p = page(0);
    list.follow(p.element as unknown as HTMLElement);
    list.measured(items.slice(0, 10).map((i) => [i.key, 120] as const));
    p.win.innerHeight = 900;
    p.listeners.get('resize')!();
    expect([list.viewHeight, list.measuredCount]).toEqual([900, 10]);
    p.drawn.push(p.item({ urgeId: items[1]!.key }, 95));
    p.element.getBoundingClientRect = () => ({ top: 0, width: 720, height: 0 });
    p.listeners.get('resize')!();
    expect(list.measuredCount, 'all forgotten but the row still drawn, measured again').toBe(1);
    expect(list.offsets[2]! - list.offsets[1]!).toBe(95);
  });

  it('observes the items drawn before it started following the page', () => {
    const { list, items } = windowOver(30);
    const p = page(0);
    const early = p.item({ urgeId: items[1]!.key }, 0);
    p.drawn.push(early);
    expect(list.track(early), 'no observer yet: nothing to do but clean up later').toBeTypeOf('function');
    const stop = list.follow(p.element as unknown as HTMLElement);
    expect(p.observed.has(early)).toBe(true);
    stop();
    expect(p.observed.size, 'stopping lets go of every item').toBe(0);
  });

  it('ignores the zero size of an item taken out of the page', () => {
    const { list, items } = windowOver(30);
    const p = page(0);
    list.follow(p.element as unknown as HTMLElement);
    const el = { ...p.item({ urgeId: items[1]!.key }, 0), isConnected: false } as HTMLElement;
    p.report([{ target: el, borderBoxSize: [{ blockSize: 0 }] }]);
    expect(list.measuredCount).toBe(0);
  });
});
