import { describe, expect, it } from 'vitest';
import type { ChipStat } from '../ipc/bindings';
import { CHIPS_BOX, TOP_CHIPS, chipRows, chipSummary, clip } from './chips';

function stat(label: string, cravings: number, meanIntensity: number): ChipStat {
  return { chipId: label.toLowerCase(), label, kind: 'trigger', cravings, meanIntensity };
}

describe('chipRows', () => {
  const list = [stat('Work', 6, 5), stat('Alone', 12, 6.44), stat('Evening', 6, 7)];

  it('ranks by how often, then by how strong', () => {
    expect(chipRows(list).map((r) => r.label)).toEqual(['Alone', 'Evening', 'Work']);
  });

  it('scales bars to the most frequent, which fills the width', () => {
    const rows = chipRows(list);
    expect(rows[0]!.barWidth).toBe(CHIPS_BOX.width);
    expect(rows[2]!.barWidth, 'half as often, half as long').toBeCloseTo(CHIPS_BOX.width / 2);
  });

  it('shows the mean strength as text', () => {
    expect(chipRows(list)[0]!.figures).toBe('12 · strength 6.4');
  });

  it('keeps only the top 8 so the chart fits a phone', () => {
    const many = Array.from({ length: 12 }, (_, i) => stat(`Chip ${i}`, 20 - i, 5));
    const rows = chipRows(many);
    expect(rows.length).toBe(TOP_CHIPS);
    expect(rows.map((r) => r.y), 'one row under another').toEqual(rows.map((_, i) => i * CHIPS_BOX.rowHeight));
  });

  it('clips a long label so it cannot run into the figures', () => {
    const clipped = clip('Scrolling social media late at night', 24);
    expect(clipped, 'cut at a word end, with an ellipsis').toBe('Scrolling social media…');
    expect([...clipped].length).toBeLessThanOrEqual(24);
    expect(clip('Short', 24)).toBe('Short');
  });

  it('summarises each bar in words', () => {
    expect(chipSummary(list)).toBe(
      'Alone: 12 times, average strength 6.4; Evening: 6 times, average strength 7; Work: 6 times, average strength 5.',
    );
  });
});
