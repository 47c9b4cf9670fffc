// "What helps me" as pictures (care.md §5): each technique's 90% interval as a bar, its estimate
// as a dot, and waiting at 0, every row on one scale so rows can be compared by eye.
import type { TechniqueEffect } from '../ipc/bindings';
import { linear, pointsDomain, pointsTicks } from './scale';

/** The interval plots' width in SVG units, and the margin kept free at either end. */
export const PLOT = { width: 300, pad: 14 } as const;

export interface IntervalScale {
  width: number;
  domain: [number, number];
  ticks: { value: number; x: number }[];
  x: (points: number) => number;
}

/** One scale for all the rows, `width` units wide: it holds every interval and 0. */
export function intervalScale(
  techniques: readonly Pick<TechniqueEffect, 'low' | 'high'>[],
  width: number = PLOT.width,
): IntervalScale {
  const domain = pointsDomain(techniques);
  const x = linear(domain, [PLOT.pad, Math.max(PLOT.pad + 1, width - PLOT.pad)]);
  return { width, domain, x, ticks: pointsTicks(domain).map((value) => ({ value, x: x(value) })) };
}

export interface IntervalMarks {
  barX: number;
  barWidth: number;
  dotX: number;
  zeroX: number;
}

/** Where one technique's bar, dot and the waiting line go; a bar is never narrower than 2 units. */
export function intervalMarks(t: Pick<TechniqueEffect, 'low' | 'high' | 'benefit'>, scale: IntervalScale): IntervalMarks {
  const [lo, hi] = scale.domain;
  const clamp = (v: number) => Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : 0));
  const a = scale.x(clamp(Math.min(t.low, t.high)));
  const b = scale.x(clamp(Math.max(t.low, t.high)));
  const width = Math.max(2, b - a);
  return { barX: (a + b) / 2 - width / 2, barWidth: width, dotX: scale.x(clamp(t.benefit)), zeroX: scale.x(0) };
}
