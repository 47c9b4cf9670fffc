// What the person did, per tracked thing and week (care.md §1): the share ridden out and the
// share used less than planned, both wins, stacked. Weeks with nothing recorded show no bar.
import type { OutcomeWeek } from '../ipc/bindings';
import { linear, sparseIndices } from './scale';
import { percent, weekLabel } from './words';
import { MAX_WEEK_LABELS, type ChartBox } from './weeks';

export const OUTCOMES_BOX: Readonly<ChartBox> = { width: 340, height: 130, left: 34, right: 6, top: 8, bottom: 22 };

/** Shares of the week's recorded cravings (0…1), or null when nothing was recorded. */
export function outcomeShares(w: OutcomeWeek): { riddenOut: number; usedLess: number } | null {
  if (w.recorded <= 0) return null;
  return { riddenOut: w.riddenOut / w.recorded, usedLess: w.usedLess / w.recorded };
}

export interface OutcomeBar {
  weekStart: string;
  x: number;
  width: number;
  /** Ridden out, from the base up. */
  riddenY: number;
  riddenHeight: number;
  /** Used less, stacked on top. */
  lessY: number;
  lessHeight: number;
  recorded: number;
}

export interface OutcomesLayout {
  bars: OutcomeBar[];
  shareTicks: { value: number; y: number; text: string }[];
  labels: { x: number; text: string }[];
  baseY: number;
}

export function outcomesLayout(weeks: readonly OutcomeWeek[], box: Readonly<ChartBox> = OUTCOMES_BOX): OutcomesLayout {
  const baseY = box.height - box.bottom;
  const y = linear([0, 1], [baseY, box.top]);
  const slot = (box.width - box.left - box.right) / Math.max(1, weeks.length);
  const width = Math.max(1, slot * 0.7);
  const centre = (i: number) => box.left + slot * i + slot / 2;
  const inset = 18;
  return {
    bars: weeks.map((w, i) => {
      const s = outcomeShares(w) ?? { riddenOut: 0, usedLess: 0 };
      const riddenTop = y(s.riddenOut);
      const lessTop = y(Math.min(1, s.riddenOut + s.usedLess));
      return {
        weekStart: w.weekStart,
        x: centre(i) - width / 2,
        width,
        riddenY: riddenTop,
        riddenHeight: baseY - riddenTop,
        lessY: lessTop,
        lessHeight: riddenTop - lessTop,
        recorded: w.recorded,
      };
    }),
    shareTicks: [0, 0.5, 1].map((value) => ({ value, y: y(value), text: percent(value) })),
    labels: sparseIndices(weeks.length, MAX_WEEK_LABELS).map((i) => ({
      x: Math.min(box.width - box.right - inset, Math.max(box.left + inset, centre(i))),
      text: weekLabel(weeks[i]!.weekStart, weeks.length > 26),
    })),
    baseY,
  };
}

export function outcomeTotals(weeks: readonly OutcomeWeek[]): { recorded: number; riddenOut: number; usedLess: number } {
  return weeks.reduce(
    (t, w) => ({ recorded: t.recorded + w.recorded, riddenOut: t.riddenOut + w.riddenOut, usedLess: t.usedLess + w.usedLess }),
    { recorded: 0, riddenOut: 0, usedLess: 0 },
  );
}

/** The chart in words: totals over the range, then each week that has something recorded. */
export function outcomesSummary(name: string, weeks: readonly OutcomeWeek[]): string {
  const t = outcomeTotals(weeks);
  if (t.recorded === 0) return `${name}: nothing recorded in this time yet.`;
  const parts = [
    `${name}: ${t.recorded} ${t.recorded === 1 ? 'craving' : 'cravings'} with what you did recorded;`,
    `didn't use ${t.riddenOut} (${percent(t.riddenOut / t.recorded)}),`,
    `used less than planned ${t.usedLess} (${percent(t.usedLess / t.recorded)}).`,
  ];
  const recordedWeeks = weeks.filter((w) => w.recorded > 0);
  if (recordedWeeks.length <= 13) {
    const list = recordedWeeks.map(
      (w) => `week of ${weekLabel(w.weekStart)}: didn't use ${w.riddenOut} and used less ${w.usedLess} of ${w.recorded}`,
    );
    parts.push(`Week by week: ${list.join('; ')}.`);
  }
  return parts.join(' ');
}
