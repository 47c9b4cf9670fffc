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

/** Space around the plot for labels as they are drawn (measured): the widest share label
 *  ("100%") left of the plot, half a label above the top line, a label under the base. At 390 px
 *  and at 200% text a fixed margin clipped "100%" to ".00%" (issue #14). */
export function fitLabels(box: Readonly<ChartBox>, label: { width: number; height: number }): ChartBox {
  if (!(label.width > 0) || !(label.height > 0)) return { ...box };
  const left = Math.max(box.left, Math.ceil(label.width) + SHARE_LABEL_GAP + 2);
  const top = Math.max(box.top, Math.ceil(label.height / 2) + 2);
  const bottom = Math.max(box.bottom, Math.ceil(label.height) + 8);
  return { ...box, left, top, bottom, height: box.height + (top - box.top) + (bottom - box.bottom) };
}

/** How far the share labels' right end keeps from the plot. */
export const SHARE_LABEL_GAP = 5;

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

/** The space kept between two week labels. */
const WEEK_LABEL_GAP = 8;

/** Which week labels to draw: the first, then evenly spaced, at most MAX_WEEK_LABELS, and
 *  (once their drawn width is known) never overlapping, however large the person's text. */
export function weekLabelIndices(n: number, slot: number, labelWidth: number, inset: number): number[] {
  const byCount = sparseIndices(n, MAX_WEEK_LABELS);
  if (!(labelWidth > 0) || n <= 1 || !(slot > 0)) return byCount;
  // The first and last labels are pulled in by `inset`, so they may sit that much closer.
  const need = labelWidth + WEEK_LABEL_GAP + Math.max(0, inset - slot / 2);
  const step = Math.max((byCount[1] ?? n) - (byCount[0] ?? 0), Math.ceil(need / slot));
  const picked: number[] = [];
  for (let i = 0; i < n; i += step) picked.push(i);
  return picked;
}

export function outcomesLayout(
  weeks: readonly OutcomeWeek[],
  box: Readonly<ChartBox> = OUTCOMES_BOX,
  /** The widest week label as drawn (0 before it is measured). */
  weekLabelWidth = 0,
): OutcomesLayout {
  const baseY = box.height - box.bottom;
  const y = linear([0, 1], [baseY, box.top]);
  const slot = (box.width - box.left - box.right) / Math.max(1, weeks.length);
  const width = Math.max(1, slot * 0.7);
  const centre = (i: number) => box.left + slot * i + slot / 2;
  const inset = Math.max(18, Math.ceil(weekLabelWidth / 2));
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
    labels: weekLabelIndices(weeks.length, slot, weekLabelWidth, inset).map((i) => ({
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
