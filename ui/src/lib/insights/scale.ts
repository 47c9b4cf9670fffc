// Numbers to geometry for Insights' charts: linear scales, tick values a person can read, and
// which of many labels to keep so they stay legible on a 360 px screen.

/** Maps `domain` onto `range` in a straight line; a domain of one value maps to the range's start. */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => r0;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** The smallest of 1, 2, 5, 10, 20, 50… that is at least `raw` (and at least 1: counts are whole). */
export function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

/** Whole-number ticks from 0 that reach at least `max`, about `target` steps apart. */
export function countTicks(max: number, target = 3): number[] {
  const step = niceStep(Math.max(0, max) / target);
  const top = Math.max(step, Math.ceil(Math.max(0, max) / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/** Which of `n` labels to draw so that at most `max` show, evenly spaced, the first always among them. */
export function sparseIndices(n: number, max: number): number[] {
  if (n <= 0) return [];
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil((n - 1) / Math.max(1, max - 1));
  const picked: number[] = [];
  for (let i = 0; i < n; i += step) picked.push(i);
  return picked;
}

/** A domain in whole points that holds every interval and 0 (waiting), at least −1..1. */
export function pointsDomain(intervals: readonly { low: number; high: number }[]): [number, number] {
  const finite = (v: number) => (Number.isFinite(v) ? v : 0);
  let lo = Math.floor(Math.min(0, ...intervals.map((i) => finite(i.low))));
  let hi = Math.ceil(Math.max(0, ...intervals.map((i) => finite(i.high))));
  lo = Math.min(lo, -1);
  hi = Math.max(hi, 1);
  return [lo, hi];
}

/** Whole-point ticks across a points domain: every point, or every 2nd/5th when the span is wide. */
export function pointsTicks([lo, hi]: readonly [number, number]): number[] {
  const step = niceStep((hi - lo) / 6);
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) ticks.push(v);
  if (!ticks.includes(0)) ticks.push(0);
  return ticks.sort((a, b) => a - b);
}

/** A polyline through the points that have a value, broken where one is missing. */
export function brokenLine(points: readonly { x: number; y: number | null }[]): string {
  let path = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${round2(p.x)},${round2(p.y)}`;
    pen = true;
  }
  return path;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
