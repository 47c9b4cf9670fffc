// When cravings come: hour of day × weekday, shaded by count on a few steps of one hue.
import type { HourCell } from '../ipc/bindings';
import { hourLabel } from './words';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const WEEKDAY_PLURALS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
/** Shades above "none": few enough to tell apart, light or dark. */
export const HEAT_LEVELS = 4;

/** A 7 × 24 grid (Monday first) of counts; cells outside it are ignored. */
export function heatGrid(hours: readonly HourCell[]): number[][] {
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const cell of hours) {
    const row = grid[cell.weekday];
    if (row && cell.hour >= 0 && cell.hour < 24) row[cell.hour] = (row[cell.hour] ?? 0) + cell.cravings;
  }
  return grid;
}

/** 0 for no cravings, else 1…levels by share of the busiest cell (any craving shows as at least 1). */
export function heatLevel(count: number, max: number, levels = HEAT_LEVELS): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(levels, Math.max(1, Math.ceil((count / max) * levels)));
}

/** The heatmap in words: the total, the busiest times, the busiest day. */
export function heatSummary(grid: readonly (readonly number[])[]): string {
  const cells = grid.flatMap((row, day) => row.map((count, hour) => ({ day, hour, count })));
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) return 'No cravings logged in this time.';
  const top = cells
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.day - b.day || a.hour - b.hour)
    .slice(0, 3)
    .map((c) => `${WEEKDAY_PLURALS[c.day]} at ${hourLabel(c.hour)} (${c.count})`);
  const perDay = grid.map((row) => row.reduce((a, b) => a + b, 0));
  const busiestDay = perDay.indexOf(Math.max(...perDay));
  const perHour = Array.from({ length: 24 }, (_, h) => grid.reduce((sum, row) => sum + (row[h] ?? 0), 0));
  const busiestHour = perHour.indexOf(Math.max(...perHour));
  return [
    `${total} ${total === 1 ? 'craving' : 'cravings'}.`,
    `Most often: ${top.join(', ')}.`,
    `Busiest day: ${WEEKDAY_PLURALS[busiestDay]} (${perDay[busiestDay]}).`,
    `Busiest hour: ${hourLabel(busiestHour)} (${perHour[busiestHour]}).`,
  ].join(' ');
}
