// History's windowed list (issue #13): only the items within about two screens of the
// viewport are in the DOM, plus the row holding keyboard focus; spacers stand in for the rest.
// The page scrolls (not the list), so the viewport is read from the list's place on the page.
// Rendered items are measured as they appear and whenever they change size (ResizeObserver);
// when heights above the viewport turn out other than assumed, the page is scrolled by the
// difference, so what the person is looking at stays put.
import type { Attachment } from 'svelte/attachments';
import { indexByKey, type Item } from './items';
import { HeightCache, anchorAt, layout, windowPlan, type Plan } from './window';

/** Before the viewport is known (drawn on the server, or the first frame): a phone's screen. */
export const DEFAULT_VIEW_HEIGHT = 800;
/** Rendered beyond the viewport, above and below, in screens. */
export const OVERSCAN_SCREENS = 2;
/** Kept either side of the focused row. */
export const PINNED_NEIGHBOURS = 3;

export class WindowedList {
  /** The viewport's top in list coordinates. */
  viewTop = $state(0);
  viewHeight = $state(DEFAULT_VIEW_HEIGHT);
  /** The key of the item holding keyboard focus, if any: it stays rendered. */
  focused = $state<string | null>(null);
  /** Bumped whenever a height changes: the cache itself is a plain Map, outside the runes. */
  private version = $state(0);
  private readonly heights = new HeightCache();
  private observer: ResizeObserver | null = null;

  readonly items: Item[] = $derived.by(() => this.source());
  /** Each item's index by key. */
  private readonly indices = $derived(indexByKey(this.items));
  readonly offsets: Float64Array = $derived.by(() => {
    void this.version;
    const items = this.items;
    return layout(items.length, (i) => this.heights.get(items[i]!.key, items[i]!.kind));
  });
  readonly plan: Plan = $derived(
    windowPlan(
      this.offsets,
      { top: this.viewTop, height: this.viewHeight },
      {
        overscan: OVERSCAN_SCREENS * this.viewHeight,
        pinned: this.focused === null ? null : (this.indices.get(this.focused) ?? null),
        pinnedNeighbours: PINNED_NEIGHBOURS,
      },
    ),
  );

  /** @param source the items, read reactively (History's cravings as items). */
  constructor(private readonly source: () => Item[]) {}

  /** The page scrolled or resized: where the viewport now is. */
  scrolled(viewTop: number, viewHeight: number): void {
    this.viewTop = viewTop;
    this.viewHeight = viewHeight > 0 ? viewHeight : DEFAULT_VIEW_HEIGHT;
  }

  /** Focus moved into the list (an item's key) or out of it (null). */
  focus(key: string | null): void {
    this.focused = key;
  }

  /**
   * Records measured heights (item key → border-box height). Returns how far the page must
   * scroll for the item at the viewport's top to stay where it is on screen (0 if nothing
   * above it moved); the viewport is taken to have moved with it.
   */
  measured(heights: Iterable<readonly [string, number]>): number {
    return this.keepingPlace(() => {
      let changed = false;
      for (const [key, height] of heights) {
        const index = this.indices.get(key);
        const item = index === undefined ? undefined : this.items[index];
        if (item && this.heights.set(key, item.kind, height)) changed = true;
      }
      return changed;
    });
  }

  /** Forgets every height (the list's width changed, so every row may wrap differently),
   *  then records those of the items still rendered. Returns the scroll shift, as `measured`. */
  remeasure(heights: Iterable<readonly [string, number]>): number {
    return this.keepingPlace(() => {
      if (this.heights.size === 0) return false;
      this.heights.clear();
      for (const [key, height] of heights) {
        const index = this.indices.get(key);
        const item = index === undefined ? undefined : this.items[index];
        if (item) this.heights.set(key, item.kind, height);
      }
      return true;
    });
  }

  /** Leaving History: every height and position is dropped. */
  reset(): void {
    this.heights.clear();
    this.focused = null;
    this.viewTop = 0;
    this.version += 1;
  }

  /** How many items have a measured height (for tests). */
  get measuredCount(): number {
    return this.heights.size;
  }

  /** Runs `change` (true if heights changed) and works out the scroll shift that keeps the
   *  item at the viewport's top in place. */
  private keepingPlace(change: () => boolean): number {
    const before = this.offsets;
    const anchor = anchorAt(before, this.viewTop);
    if (!change()) return 0;
    this.version += 1;
    if (anchor === null) return 0;
    const shift = this.offsets[anchor]! - before[anchor]!;
    if (Math.abs(shift) < 0.5) return 0;
    this.viewTop += shift;
    return shift;
  }

  /**
   * Follows the page for `list` (the element the items are drawn in): scrolling, resizing,
   * and the size of every item `track` is attached to. Returns the way to stop.
   */
  follow(list: HTMLElement): () => void {
    const read = () => {
      this.scrolled(-list.getBoundingClientRect().top, window.innerHeight);
    };
    const scrollBy = (shift: number) => {
      if (shift !== 0) window.scrollBy(0, shift);
    };
    let width = list.getBoundingClientRect().width;
    const drawn = () => [...list.querySelectorAll<HTMLElement>(DRAWN_ITEMS)];
    const rendered = () => drawn().map((el) => [keyOf(el), el.getBoundingClientRect().height] as const);
    const onresize = () => {
      read();
      const now = list.getBoundingClientRect().width;
      if (Math.abs(now - width) >= 1) {
        width = now;
        scrollBy(this.remeasure(rendered()));
      }
    };
    window.addEventListener('scroll', read, { passive: true });
    window.addEventListener('resize', onresize);
    // Every engine Ebb targets has ResizeObserver (Safari 13.1, Chrome 64); without it the
    // estimates stand in for measurements.
    if (typeof ResizeObserver !== 'undefined') {
      this.observer = new ResizeObserver((entries) => {
        const heights: (readonly [string, number])[] = [];
        for (const entry of entries) {
          const el = entry.target as HTMLElement;
          // A box taken out of the page reports 0: it was unrendered, not resized.
          if (!el.isConnected) continue;
          const box = entry.borderBoxSize?.[0];
          heights.push([keyOf(el), box ? box.blockSize : el.getBoundingClientRect().height]);
        }
        scrollBy(this.measured(heights));
      });
      // Items drawn before this ran (their `track` found no observer yet).
      for (const el of drawn()) this.observer.observe(el);
    }
    read();
    return () => {
      window.removeEventListener('scroll', read);
      window.removeEventListener('resize', onresize);
      this.observer?.disconnect();
      this.observer = null;
    };
  }

  /** Attach to every drawn item (a heading with `data-key`, a row with `data-urge-id`): it is
   *  measured while it is in the DOM, and no longer observed once it leaves. */
  readonly track: Attachment<HTMLElement> = (el) => {
    this.observer?.observe(el);
    return () => this.observer?.unobserve(el);
  };
}

/** The drawn items in the list element: day headings and craving rows. */
const DRAWN_ITEMS = '[data-key], [data-urge-id]';

/** A drawn item's key: a heading's `data-key`, a row's craving id. */
function keyOf(el: HTMLElement): string {
  return el.dataset.key ?? el.dataset.urgeId ?? '';
}
