import { describe, expect, it } from 'vitest';
import type { WeekPoint } from '../ipc/bindings';
import { MAX_WEEK_LABELS, WEEKS_BOX, weeksLayout, weeksSummary } from './weeks';

const weeks: WeekPoint[] = [
  { weekStart: '2025-03-03', cravings: 4, medianIntensity: 6 },
  { weekStart: '2025-03-10', cravings: 0, medianIntensity: null },
  { weekStart: '2025-03-17', cravings: 8, medianIntensity: 5.5 },
  { weekStart: '2025-03-24', cravings: 2, medianIntensity: 4 },
];

function weeksOf(n: number): WeekPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    weekStart: new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10),
    cravings: i % 5,
    medianIntensity: i % 5 ? 5 : null,
  }));
}

describe('weeksLayout', () => {
  const layout = weeksLayout(weeks);

  it('draws taller bars for more cravings, from a shared zero line', () => {
    const [a, none, busiest] = layout.bars;
    expect(busiest!.height, '8 cravings is twice 4').toBeCloseTo(a!.height * 2);
    expect(none!.height, 'a week without cravings has no bar height').toBe(0);
    expect(a!.y + a!.height).toBeCloseTo(layout.baseY);
  });

  it('keeps bars inside the plot and in week order', () => {
    const xs = layout.bars.map((b) => b.x);
    expect([...xs].sort((p, q) => p - q), 'oldest week first').toEqual(xs);
    expect(xs[0]).toBeGreaterThanOrEqual(WEEKS_BOX.left);
    const last = layout.bars[layout.bars.length - 1]!;
    expect(last.x + last.width).toBeLessThanOrEqual(WEEKS_BOX.width - WEEKS_BOX.right);
  });

  it('puts the median on its own 0–10 scale and skips weeks without one', () => {
    expect(layout.dots.map((d) => d.value), 'no dot for the empty week').toEqual([6, 5.5, 4]);
    const ten = layout.intensityTicks.find((t) => t.value === 10)!;
    const zero = layout.intensityTicks.find((t) => t.value === 0)!;
    expect(ten.y).toBe(WEEKS_BOX.top);
    expect(zero.y).toBe(layout.baseY);
    expect(layout.line.match(/M/g)?.length, 'the line breaks over the empty week').toBe(2);
  });

  it('keeps week labels sparse enough for 360 px, even over a year or more', () => {
    for (const n of [4, 13, 52, 160]) {
      const labels = weeksLayout(weeksOf(n)).labels;
      expect(labels.length, `${n} weeks`).toBeLessThanOrEqual(MAX_WEEK_LABELS);
      for (let i = 1; i < labels.length; i++) {
        expect(labels[i]!.x - labels[i - 1]!.x, `labels ${n} weeks apart must not overlap`).toBeGreaterThanOrEqual(50);
      }
    }
    expect(weeksLayout(weeksOf(52)).labels[0]!.text, 'a year names months and years').toBe('Jan 2024');
  });

  it('follows the measured width', () => {
    const wide = weeksLayout(weeks, { ...WEEKS_BOX, width: 500 });
    expect(wide.bars[3]!.x).toBeGreaterThan(layout.bars[3]!.x);
  });
});

describe('weeksSummary', () => {
  it('gives the total, the weekly average, the busiest week and each week', () => {
    const text = weeksSummary(weeks);
    expect(text).toContain('14 cravings over 4 weeks, about 3.5 a week.');
    expect(text).toContain('Most in the week of 17 Mar: 8.');
    expect(text).toContain('week of 3 Mar: 4, median strength 6');
  });

  it('says plainly when there were none', () => {
    expect(weeksSummary(weeks.map((w) => ({ ...w, cravings: 0, medianIntensity: null })))).toBe(
      'No cravings logged in these 4 weeks.',
    );
  });

  it('does not read out a whole year week by week', () => {
    expect(weeksSummary(weeksOf(52)), 'too long to listen to').not.toContain('Week by week');
  });
});
