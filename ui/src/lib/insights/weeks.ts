// Cravings per week as bars, with the week's median intensity as a line on a second 0–10 scale.
import type { WeekPoint } from '../ipc/bindings';
import { brokenLine, countTicks, linear, sparseIndices } from './scale';
import { oneDecimal, weekLabel } from './words';

/** A chart's size and margins, in SVG units (the component draws at its measured width). */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const WEEKS_BOX: Readonly<ChartBox> = { width: 340, height: 190, left: 30, right: 30, top: 12, bottom: 26 };
/** At most this many week labels: each needs about 60 px to stay legible at 360 px. */
export const MAX_WEEK_LABELS = 4;
/** Past half a year, labels name the month and year instead of the day. */
const LONG_RANGE_WEEKS = 26;

export interface WeeksLayout {
  bars: { x: number; y: number; width: number; height: number; weekStart: string }[];
  countTicks: { value: number; y: number }[];
  intensityTicks: { value: number; y: number }[];
  line: string;
  dots: { x: number; y: number; value: number }[];
  labels: { x: number; text: string }[];
  /** The bottom of the plot (the zero line). */
  baseY: number;
}

export function weeksLayout(weeks: readonly WeekPoint[], box: Readonly<ChartBox> = WEEKS_BOX): WeeksLayout {
  const plotWidth = box.width - box.left - box.right;
  const baseY = box.height - box.bottom;
  const slot = plotWidth / Math.max(1, weeks.length);
  const barWidth = Math.max(1, slot * 0.7);
  const ticks = countTicks(Math.max(0, ...weeks.map((w) => w.cravings)));
  const top = ticks[ticks.length - 1] ?? 1;
  const countY = linear([0, top], [baseY, box.top]);
  const intensityY = linear([0, 10], [baseY, box.top]);
  const centre = (i: number) => box.left + slot * i + slot / 2;

  const points = weeks.map((w, i) => ({
    x: centre(i),
    y: w.medianIntensity === null ? null : intensityY(w.medianIntensity),
  }));
  const withYear = weeks.length > LONG_RANGE_WEEKS;
  // Keep a label's middle far enough in that "30 Dec" never runs off the plot.
  const inset = 18;
  return {
    bars: weeks.map((w, i) => ({
      x: centre(i) - barWidth / 2,
      y: countY(w.cravings),
      width: barWidth,
      height: baseY - countY(w.cravings),
      weekStart: w.weekStart,
    })),
    countTicks: ticks.map((value) => ({ value, y: countY(value) })),
    intensityTicks: [0, 5, 10].map((value) => ({ value, y: intensityY(value) })),
    line: brokenLine(points),
    dots: weeks.flatMap((w, i) =>
      w.medianIntensity === null ? [] : [{ x: centre(i), y: intensityY(w.medianIntensity), value: w.medianIntensity }],
    ),
    labels: sparseIndices(weeks.length, MAX_WEEK_LABELS).map((i) => ({
      x: Math.min(box.width - box.right - inset, Math.max(box.left + inset, centre(i))),
      text: weekLabel(weeks[i]!.weekStart, withYear),
    })),
    baseY,
  };
}

/** The chart in words, for screen readers. Lists every week when there are few enough to hear. */
export function weeksSummary(weeks: readonly WeekPoint[]): string {
  const total = weeks.reduce((sum, w) => sum + w.cravings, 0);
  const n = weeks.length;
  if (total === 0) return `No cravings logged in ${n === 1 ? 'this week' : `these ${n} weeks`}.`;
  const busiest = weeks.reduce((a, b) => (b.cravings > a.cravings ? b : a));
  const parts = [
    `${total} ${total === 1 ? 'craving' : 'cravings'} over ${n} ${n === 1 ? 'week' : 'weeks'}, about ${oneDecimal(total / n)} a week.`,
    `Most in the week of ${weekLabel(busiest.weekStart)}: ${busiest.cravings}.`,
  ];
  if (n <= 13) {
    const list = weeks.map((w) => {
      const strength = w.medianIntensity === null ? '' : `, median strength ${oneDecimal(w.medianIntensity)}`;
      return `week of ${weekLabel(w.weekStart)}: ${w.cravings}${strength}`;
    });
    parts.push(`Week by week: ${list.join('; ')}.`);
  }
  return parts.join(' ');
}
