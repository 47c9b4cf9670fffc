// The words of "What helps me" (care.md §2, §5): plain, said once, and never a promise. "Just
// waited" is what everything is compared with, so it is called that ("just waiting", "waiting
// it out"), never "the baseline". Counts read with thousands separators ("1,273 times").
import type { ContextBest, ContextResult, TechniqueEffect } from '../ipc/bindings';
import { intervalText, oneDecimal, percent } from '../insights/words';

const counts = new Intl.NumberFormat('en');

/** 1273 → "1,273". */
export function count(n: number): string {
  return counts.format(n);
}

/** "once", "2 times", "1,273 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : `${count(n)} times`;
}

function points(magnitude: string): string {
  return `${magnitude} ${magnitude === '1' ? 'point' : 'points'}`;
}

/** "about 2 points lower than waiting", "about the same as waiting"; for just waiting itself,
 *  what it is for. */
export function benefitText(t: Pick<TechniqueEffect, 'benefit' | 'baseline'>): string {
  if (t.baseline) return 'the others are compared with this';
  const size = oneDecimal(Math.abs(t.benefit));
  if (size === '0') return 'about the same as waiting';
  return `about ${points(size)} ${t.benefit > 0 ? 'lower' : 'higher'} than waiting`;
}

/** "Didn't use, or used less: 76% of 272 times": said once, with its count. */
export function winShareText(t: Pick<TechniqueEffect, 'winShare' | 'winOf'>): string {
  if (t.winShare === null || t.winOf === 0) return "Didn't use, or used less: not noted yet";
  return `Didn't use, or used less: ${percent(t.winShare)} of ${times(t.winOf)}`;
}

/** Fewer uses than this are "early days" (as the core's `confidence()` in helps.rs). */
export const EARLY_DAYS_BELOW = 5;

/** What the count of uses adds to the line above, if anything: "early days" with few, or the
 *  whole count when what the person did wasn't noted every time. Null when it would only say
 *  the same number again. */
export function usesNote(t: Pick<TechniqueEffect, 'uses' | 'winOf' | 'baseline'>): string | null {
  const did = t.baseline ? 'waited it out' : 'tried';
  if (t.uses === 0) return t.baseline ? 'nothing to compare yet' : 'not tried yet';
  if (t.uses < EARLY_DAYS_BELOW) return t.winOf === t.uses ? 'early days' : `early days: ${did} ${times(t.uses)}`;
  if (t.winOf !== t.uses) return `${did} ${times(t.uses)} in all`;
  return null;
}

/** The line under a technique: what the person did, and how much it rests on, each said once. */
export function outcomeLine(t: Pick<TechniqueEffect, 'winShare' | 'winOf' | 'uses' | 'baseline'>): string {
  const note = usesNote(t);
  return note ? `${winShareText(t)} · ${note}` : winShareText(t);
}

/** Everything the list says about one technique, for its visually hidden summary. */
export function techniqueSummary(t: TechniqueEffect): string {
  const parts = [t.name, benefitText(t)];
  if (!t.baseline) parts.push(intervalText(t));
  parts.push(outcomeLine(t));
  return parts.join('; ') + '.';
}

/** An axis tick as a change in the craving against waiting: a technique `value` points better
 *  than waiting leaves the craving lower, so it reads "−2"; worse reads "+1"; waiting "0".
 *  With a real minus sign (U+2212). */
export function tickLabel(value: number): string {
  const size = oneDecimal(Math.abs(value));
  if (size === '0') return '0';
  return `${value > 0 ? '\u2212' : '+'}${size}`;
}

/** The axis for screen readers (its domain always holds 0, at least −1..1): "The scale runs
 *  from 1 point higher than waiting on the left to 2 points lower on the right." */
export function axisText([lo, hi]: readonly [number, number]): string {
  return `The scale runs from ${points(oneDecimal(Math.abs(lo)))} higher than waiting on the left to ${points(oneDecimal(Math.abs(hi)))} lower on the right.`;
}

/** "Box breathing: about 2 points lower than waiting, 9 times". */
export function contextBestText(best: ContextBest | null): string {
  if (!best) return 'No technique used often enough here yet to compare.';
  return `${best.name}: ${benefitText({ benefit: best.benefit, baseline: false })}, ${times(best.uses)}`;
}

/** The situations, with what helped most in most of them said once. */
export interface SituationsView {
  /** "Box breathing helped most in 11 of 12 situations." Null when no one technique leads in
   *  most of them (then every situation is listed). */
  common: string | null;
  /** The technique `common` names. */
  commonId: string | null;
  /** The situations left to list: where something else helped most, or nothing yet. */
  rows: ContextResult[];
}

export function situationsView(contexts: readonly ContextResult[]): SituationsView {
  const tally = new Map<string, { name: string; n: number }>();
  for (const c of contexts) {
    if (!c.best) continue;
    const seen = tally.get(c.best.techniqueId);
    tally.set(c.best.techniqueId, { name: c.best.name, n: (seen?.n ?? 0) + 1 });
  }
  let top: [string, { name: string; n: number }] | null = null;
  for (const entry of tally) if (!top || entry[1].n > top[1].n) top = entry;
  // Worth saying once only when it names the same technique in most situations, and in more
  // than one.
  if (!top || top[1].n < 2 || top[1].n * 2 <= contexts.length) {
    return { common: null, commonId: null, rows: [...contexts] };
  }
  const [id, { name, n }] = top;
  const where = n === contexts.length ? `all ${count(n)} situations` : `${count(n)} of ${count(contexts.length)} situations`;
  return {
    common: `${name} helped most in ${where}.`,
    commonId: id,
    rows: contexts.filter((c) => c.best?.techniqueId !== id),
  };
}
