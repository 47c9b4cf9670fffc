import { describe, expect, it } from 'vitest';
import {
  FALLBACK_HEIGHTS,
  HeightCache,
  anchorAt,
  indexAt,
  layout,
  planOf,
  totalOf,
  visibleRun,
  windowPlan,
  windowRuns,
  type Plan,
} from './window';

/** Offsets for these heights. */
const offsetsOf = (heights: number[]) => layout(heights.length, (i) => heights[i]!);
/** `n` items of `height` each. */
const even = (n: number, height = 100) => offsetsOf(Array.from({ length: n }, () => height));
const indices = (plan: Plan) => plan.placed.map((p) => p.index);
/** Whatever is drawn, spacers and gaps included, adds up to the whole list. */
function drawnHeight(plan: Plan, offsets: Float64Array): number {
  return plan.top + plan.placed.reduce((sum, p) => sum + p.space + (offsets[p.index + 1]! - offsets[p.index]!), 0) + plan.bottom;
}

describe('HeightCache', () => {
  it('gives the fallback for a kind until one of that kind is measured, then their average', () => {
    const cache = new HeightCache();
    expect(cache.get('a', 'urge')).toBe(FALLBACK_HEIGHTS.urge);
    expect(cache.get('d', 'day')).toBe(FALLBACK_HEIGHTS.day);
    expect(cache.set('a', 'urge', 60)).toBe(true);
    expect(cache.set('b', 'urge', 140)).toBe(true);
    expect(cache.get('a', 'urge'), 'a measured item is its own height').toBe(60);
    expect(cache.get('unmeasured', 'urge'), 'an unmeasured row: the average of the rows measured').toBe(100);
    expect(cache.get('d', 'day'), 'headings are estimated apart from rows').toBe(FALLBACK_HEIGHTS.day);
  });

  it('says whether a measurement changes anything, and keeps the average right when one does', () => {
    const cache = new HeightCache();
    cache.set('a', 'urge', 80);
    expect(cache.set('a', 'urge', 80.3), 'sub-pixel rounding is no change').toBe(false);
    expect(cache.set('a', 'urge', 120), 'a real change (a note grew, larger text)').toBe(true);
    expect(cache.estimate('urge'), 'the old height no longer counts').toBe(120);
    expect(cache.size).toBe(1);
  });

  it('ignores heights of boxes not laid out, and forgets everything on clear', () => {
    const cache = new HeightCache();
    expect(cache.set('a', 'urge', 0), 'a detached box reports 0').toBe(false);
    expect(cache.set('a', 'urge', Number.NaN)).toBe(false);
    expect(cache.has('a')).toBe(false);
    cache.set('a', 'urge', 90);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get('a', 'urge'), 'back to the fallback').toBe(FALLBACK_HEIGHTS.urge);
  });
});

describe('layout and indexAt', () => {
  it('lays variable heights end to end', () => {
    const offsets = offsetsOf([40, 100, 60]);
    expect([...offsets]).toEqual([0, 40, 140, 200]);
    expect(totalOf(offsets)).toBe(200);
  });

  it('finds the item at a point, clamped to the list', () => {
    const offsets = offsetsOf([40, 100, 60]);
    expect(indexAt(offsets, 0)).toBe(0);
    expect(indexAt(offsets, 39.9)).toBe(0);
    expect(indexAt(offsets, 40), 'an item starts where the last ends').toBe(1);
    expect(indexAt(offsets, 199)).toBe(2);
    expect(indexAt(offsets, -50), 'above the list: the first').toBe(0);
    expect(indexAt(offsets, 5_000), 'below it: the last').toBe(2);
    expect(indexAt(layout(0, () => 1), 10), 'an empty list has no item').toBe(-1);
  });

  it('agrees with a linear scan on a thousand uneven items', () => {
    const heights = Array.from({ length: 1_000 }, (_, i) => 44 + ((i * 37) % 90));
    const offsets = offsetsOf(heights);
    for (const y of [0, 1, 523.5, 12_345, 60_000, totalOf(offsets) - 1]) {
      let scan = 0;
      while (scan + 1 < heights.length && offsets[scan + 1]! <= y) scan += 1;
      expect(indexAt(offsets, y), `at ${y}`).toBe(scan);
    }
  });
});

describe('visibleRun', () => {
  it('renders what meets the viewport stretched by the overscan', () => {
    const offsets = even(1_000);
    expect(visibleRun(offsets, { top: 5_000, height: 800 }, 0), 'rows 50 to 57 are on screen').toEqual({
      start: 50,
      end: 58,
    });
    expect(visibleRun(offsets, { top: 5_000, height: 800 }, 1_600), 'two screens either side').toEqual({
      start: 34,
      end: 74,
    });
  });

  it('counts a row cut by the viewport’s edge, not one that only touches it', () => {
    const offsets = even(10);
    expect(visibleRun(offsets, { top: 150, height: 200 }, 0), 'rows 1 (half), 2, 3 (half)').toEqual({ start: 1, end: 4 });
    expect(visibleRun(offsets, { top: 100, height: 200 }, 0), 'row 3 starts at the bottom edge').toEqual({
      start: 1,
      end: 3,
    });
  });

  it('starts at the first row while the list begins below the top of the screen', () => {
    const offsets = even(1_000);
    expect(visibleRun(offsets, { top: -300, height: 800 }, 1_600)).toEqual({ start: 0, end: 21 });
  });

  it('is empty when the list is out of reach, above or below', () => {
    const offsets = even(10);
    expect(visibleRun(offsets, { top: -5_000, height: 800 }, 1_600), 'far below the screen').toEqual({ start: 0, end: 0 });
    expect(visibleRun(offsets, { top: 5_000, height: 800 }, 1_600), 'scrolled far past it').toEqual({ start: 10, end: 10 });
    expect(visibleRun(layout(0, () => 1), { top: 0, height: 800 }, 1_600), 'no items').toEqual({ start: 0, end: 0 });
  });

  it('reaches the last row at the end of the list', () => {
    const offsets = even(1_000);
    const end = totalOf(offsets) - 800;
    expect(visibleRun(offsets, { top: end, height: 800 }, 1_600)).toEqual({ start: 976, end: 1_000 });
  });
});

describe('windowRuns: focus pinning', () => {
  const offsets = even(1_000);
  const view = { top: 50_000, height: 800 };

  it('keeps the focused row and its neighbours as a second run while the viewport is far away', () => {
    const runs = windowRuns(offsets, view, { overscan: 1_600, pinned: 3, pinnedNeighbours: 3 });
    expect(runs).toEqual([
      { start: 0, end: 7 },
      { start: 484, end: 524 },
    ]);
  });

  it('merges the pinned run into the viewport’s when they meet', () => {
    const runs = windowRuns(offsets, view, { overscan: 1_600, pinned: 524, pinnedNeighbours: 3 });
    expect(runs, 'one run, stretched to the focused row’s neighbours').toEqual([{ start: 484, end: 528 }]);
    const inside = windowRuns(offsets, view, { overscan: 1_600, pinned: 500, pinnedNeighbours: 3 });
    expect(inside).toEqual([{ start: 484, end: 524 }]);
  });

  it('keeps a pinned row even when the viewport meets no row at all', () => {
    expect(windowRuns(offsets, { top: -9_000, height: 800 }, { overscan: 1_600, pinned: 999, pinnedNeighbours: 3 })).toEqual([
      { start: 996, end: 1_000 },
    ]);
  });

  it('ignores a pin outside the list (a row no longer loaded)', () => {
    expect(windowRuns(offsets, view, { overscan: 0, pinned: 5_000 })).toEqual([{ start: 500, end: 508 }]);
    expect(windowRuns(offsets, view, { overscan: 0, pinned: -1 })).toEqual([{ start: 500, end: 508 }]);
  });
});

describe('planOf and windowPlan', () => {
  it('puts spacers above and below so the drawn list is as tall as the whole one', () => {
    const heights = Array.from({ length: 1_000 }, (_, i) => (i % 7 === 0 ? 44 : 70 + (i % 5) * 20));
    const offsets = offsetsOf(heights);
    for (const top of [-400, 0, 3_333, 40_000, totalOf(offsets) - 800, totalOf(offsets) + 500]) {
      const plan = windowPlan(offsets, { top, height: 800 }, { overscan: 1_600 });
      expect(drawnHeight(plan, offsets), `scrolled to ${top}`).toBeCloseTo(totalOf(offsets), 6);
      expect(plan.placed.length, `scrolled to ${top}: a window, not the list`).toBeLessThan(80);
      const first = plan.placed[0];
      if (first) expect(plan.top, 'the top spacer ends where the first drawn item starts').toBe(offsets[first.index]);
    }
  });

  it('keeps the room between two runs above the second one’s first item', () => {
    const offsets = even(100);
    const plan = planOf(offsets, [
      { start: 0, end: 3 },
      { start: 50, end: 53 },
    ]);
    expect(indices(plan)).toEqual([0, 1, 2, 50, 51, 52]);
    expect(plan.top).toBe(0);
    expect(plan.placed.map((p) => p.space)).toEqual([0, 0, 0, 4_700, 0, 0]);
    expect(plan.bottom).toBe(4_700);
    expect(drawnHeight(plan, offsets)).toBe(10_000);
  });

  it('draws nothing for an empty list', () => {
    const plan = windowPlan(layout(0, () => 1), { top: 0, height: 800 }, { overscan: 1_600, pinned: 0 });
    expect(plan).toEqual({ top: 0, bottom: 0, total: 0, placed: [] });
  });

  it('follows a resize: a taller viewport draws more', () => {
    const offsets = even(1_000);
    const phone = windowPlan(offsets, { top: 10_000, height: 700 }, { overscan: 1_400 });
    const tablet = windowPlan(offsets, { top: 10_000, height: 1_400 }, { overscan: 2_800 });
    expect(phone.placed.length).toBe(35);
    expect(tablet.placed.length).toBe(70);
    expect(drawnHeight(tablet, offsets)).toBe(100_000);
  });

  it('moves with measurements: rows measured taller than estimated push the window’s start', () => {
    const cache = new HeightCache();
    const keys = Array.from({ length: 200 }, (_, i) => `u${i}`);
    const offsets = () => layout(keys.length, (i) => cache.get(keys[i]!, 'urge'));
    const before = windowPlan(offsets(), { top: 8_400, height: 800 }, { overscan: 0 });
    expect(indices(before)[0], 'at the 84 px estimate').toBe(100);
    for (const key of keys.slice(0, 100)) cache.set(key, 'urge', 168);
    const after = windowPlan(offsets(), { top: 8_400, height: 800 }, { overscan: 0 });
    expect(indices(after)[0], 'twice as tall: the same place is halfway').toBe(50);
  });
});

describe('anchorAt', () => {
  it('is the item at the top of the viewport, or none while the list’s top is on screen', () => {
    const offsets = even(100);
    expect(anchorAt(offsets, 250)).toBe(2);
    expect(anchorAt(offsets, 0)).toBeNull();
    expect(anchorAt(offsets, -300)).toBeNull();
    expect(anchorAt(layout(0, () => 1), 300)).toBeNull();
  });
});
