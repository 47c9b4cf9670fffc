// The arithmetic of History's windowed list (issue #13, "History memory"): which items are in
// the DOM for a scroll position, and how much space stands in for the ones that aren't. Items
// are of variable height (day headings, notes of different lengths, large text), so heights
// come from a cache of measured boxes, keyed by item, with an estimate for the unmeasured.
// Pure: no DOM, no runes; `windowed.svelte.ts` wires it to the page.

/** What an item is: its estimate depends on it. */
export type ItemKind = 'day' | 'urge';

/** Heights to assume before anything of a kind is measured (px at 100% text: a day heading is
 *  one line plus its padding, a craving row its 44 px button, a second line and padding). */
export const FALLBACK_HEIGHTS: Readonly<Record<ItemKind, number>> = { day: 44, urge: 84 };

/** Smaller changes than this are rounding, not a new height (no re-layout, no scroll shift). */
const SAME_HEIGHT_PX = 0.5;

/**
 * Measured heights by item key. An unmeasured item is assumed to be as tall as the average of
 * those measured of its kind so far (the scrollbar then settles quickly), else the fallback.
 */
export class HeightCache {
  private readonly known = new Map<string, { kind: ItemKind; height: number }>();
  private readonly totals: Record<ItemKind, { sum: number; count: number }> = {
    day: { sum: 0, count: 0 },
    urge: { sum: 0, count: 0 },
  };

  constructor(private readonly fallback: Readonly<Record<ItemKind, number>> = FALLBACK_HEIGHTS) {}

  /** How many items have been measured. */
  get size(): number {
    return this.known.size;
  }

  has(key: string): boolean {
    return this.known.has(key);
  }

  /** The item's measured height, or the estimate for its kind. */
  get(key: string, kind: ItemKind): number {
    return this.known.get(key)?.height ?? this.estimate(kind);
  }

  estimate(kind: ItemKind): number {
    const { sum, count } = this.totals[kind];
    return count > 0 ? sum / count : this.fallback[kind];
  }

  /** Records a measurement; returns whether it changes anything (a first measurement of an
   *  item, or a height that moved by more than rounding). Zero or nonsense heights are boxes
   *  not laid out (detached, hidden), never an item's height: ignored. */
  set(key: string, kind: ItemKind, height: number): boolean {
    if (!Number.isFinite(height) || height <= 0) return false;
    const before = this.known.get(key);
    if (before && Math.abs(before.height - height) <= SAME_HEIGHT_PX) return false;
    if (before) {
      this.totals[before.kind].sum -= before.height;
      this.totals[before.kind].count -= 1;
    }
    this.known.set(key, { kind, height });
    this.totals[kind].sum += height;
    this.totals[kind].count += 1;
    return true;
  }

  /** Forgets every measurement (the width changed: every wrap may differ). */
  clear(): void {
    this.known.clear();
    for (const kind of Object.keys(this.totals) as ItemKind[]) this.totals[kind] = { sum: 0, count: 0 };
  }
}

/** Where each item starts: `offsets[i]` is the top of item i, `offsets[n]` the total height. */
export function layout(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + heightOf(i);
  return offsets;
}

/** The total height of the laid-out items. */
export function totalOf(offsets: Float64Array): number {
  return offsets[offsets.length - 1] ?? 0;
}

/** The item at `y` (list coordinates): the last one starting at or above it, clamped to the
 *  list; -1 for an empty list. */
export function indexAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return -1;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A stretch of items in the DOM: indices `start` to `end`, end excluded. */
export interface Run {
  start: number;
  end: number;
}

export interface View {
  /** The viewport's top in list coordinates (negative while the list starts below it). */
  top: number;
  /** The viewport's height. */
  height: number;
}

export interface WindowOptions {
  /** How far beyond the viewport, above and below, items are still rendered (px). */
  overscan: number;
  /** An item kept rendered wherever the viewport is (the one holding keyboard focus). */
  pinned?: number | null;
  /** How many items either side of the pinned one are kept too, so Tab and Shift+Tab from it
   *  always find the next row in the DOM. */
  pinnedNeighbours?: number;
}

/** The items meeting the viewport stretched by `overscan` on both sides: every item whose box
 *  overlaps [top - overscan, top + height + overscan). Empty when none does. */
export function visibleRun(offsets: Float64Array, view: View, overscan: number): Run {
  const count = offsets.length - 1;
  const from = view.top - overscan;
  const to = view.top + Math.max(0, view.height) + overscan;
  if (count <= 0 || to <= 0 || from >= totalOf(offsets)) {
    const at = count > 0 && from >= totalOf(offsets) ? count : 0;
    return { start: at, end: at };
  }
  const start = indexAt(offsets, Math.max(0, from));
  // The first item starting at or below `to` is the first one left out.
  let end = indexAt(offsets, to) + 1;
  if (offsets[end - 1]! >= to) end -= 1;
  return { start, end: Math.max(start, end) };
}

/**
 * The runs to render, in order and never overlapping: the viewport's, and the pinned item's
 * (with its neighbours) when it lies elsewhere. Touching or overlapping runs are one.
 */
export function windowRuns(offsets: Float64Array, view: View, options: WindowOptions): Run[] {
  const count = offsets.length - 1;
  const runs: Run[] = [];
  const main = visibleRun(offsets, view, options.overscan);
  if (main.end > main.start) runs.push(main);
  const pinned = options.pinned;
  if (pinned !== null && pinned !== undefined && pinned >= 0 && pinned < count) {
    const around = Math.max(0, options.pinnedNeighbours ?? 0);
    runs.push({ start: Math.max(0, pinned - around), end: Math.min(count, pinned + around + 1) });
  }
  runs.sort((a, b) => a.start - b.start);
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && run.start <= last.end) last.end = Math.max(last.end, run.end);
    else merged.push({ ...run });
  }
  return merged;
}

/** One rendered item and the space kept free above it for items not rendered (0 unless a run
 *  of the window starts there after another: the space above the first run is `top`). */
export interface Placed {
  index: number;
  space: number;
}

/** What to draw: a spacer `top` high, the placed items, a spacer `bottom` high. */
export interface Plan {
  top: number;
  bottom: number;
  total: number;
  placed: Placed[];
}

/** Turns runs into a drawing plan whose parts add up to the list's whole height, so the
 *  scrollbar and the scroll position are the same as with every item in the DOM. */
export function planOf(offsets: Float64Array, runs: Run[]): Plan {
  const total = totalOf(offsets);
  const placed: Placed[] = [];
  const first = runs[0];
  if (!first) return { top: total, bottom: 0, total, placed };
  let edge = offsets[first.start]!;
  const top = edge;
  for (const run of runs) {
    for (let index = run.start; index < run.end; index++) {
      const space = index === run.start ? offsets[index]! - edge : 0;
      placed.push({ index, space });
      edge = offsets[index + 1]!;
    }
  }
  return { top, bottom: total - edge, total, placed };
}

/** The drawing plan for a viewport: `windowRuns`, then `planOf`. */
export function windowPlan(offsets: Float64Array, view: View, options: WindowOptions): Plan {
  return planOf(offsets, windowRuns(offsets, view, options));
}

/**
 * The item that keeps its place on screen when heights above it change: the one at the
 * viewport's top, or null while the list's top is itself on screen (nothing above to move).
 */
export function anchorAt(offsets: Float64Array, viewTop: number): number | null {
  if (viewTop <= 0 || offsets.length <= 1) return null;
  return indexAt(offsets, viewTop);
}
