import { describe, expect, it } from 'vitest';
import type { HourCell } from '../ipc/bindings';
import { HEAT_LEVELS, heatGrid, heatLevel, heatSummary } from './heatmap';

function cells(counts: [number, number, number][]): HourCell[] {
  return counts.map(([weekday, hour, cravings]) => ({ weekday, hour, cravings }));
}

describe('heatGrid', () => {
  it('lays out 7 weekdays (Monday first) × 24 hours', () => {
    const grid = heatGrid(cells([[4, 18, 5], [0, 0, 1]]));
    expect(grid.length).toBe(7);
    expect(grid.every((row) => row.length === 24)).toBe(true);
    expect(grid[4]![18], 'Friday 18:00').toBe(5);
    expect(grid[0]![0], 'Monday midnight').toBe(1);
  });

  it('ignores a cell outside the week instead of breaking the grid', () => {
    const grid = heatGrid(cells([[7, 3, 9], [2, 24, 9]]));
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('heatLevel', () => {
  it('shades none for no cravings and the darkest for the busiest cell', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(10, 10)).toBe(HEAT_LEVELS);
  });

  it('shows any craving at all, however rare, as at least the lightest shade', () => {
    expect(heatLevel(1, 100), 'one craving must not look like none').toBe(1);
  });

  it('rises with the count', () => {
    const levels = [1, 3, 6, 10].map((n) => heatLevel(n, 10));
    expect([...levels].sort((a, b) => a - b), 'more cravings never look lighter').toEqual(levels);
  });
});

describe('heatSummary', () => {
  it('names the busiest times and day', () => {
    const text = heatSummary(heatGrid(cells([[4, 18, 5], [4, 19, 2], [5, 20, 3], [0, 8, 1]])));
    expect(text).toContain('11 cravings.');
    expect(text).toContain('Most often: Fridays at 18:00 (5), Saturdays at 20:00 (3), Fridays at 19:00 (2).');
    expect(text).toContain('Busiest day: Fridays (7).');
    expect(text).toContain('Busiest hour: 18:00 (5).');
  });

  it('says so when there is nothing', () => {
    expect(heatSummary(heatGrid([]))).toBe('No cravings logged in this time.');
  });
});
