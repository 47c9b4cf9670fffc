import { describe, expect, it } from 'vitest';
import { brokenLine, countTicks, linear, niceStep, pointsDomain, pointsTicks, sparseIndices } from './scale';

describe('linear', () => {
  it('maps the ends of the domain onto the ends of the range, inverted ranges included', () => {
    const y = linear([0, 10], [100, 0]);
    expect(y(0), 'zero sits at the bottom of an SVG plot').toBe(100);
    expect(y(10), 'the top value sits at the top').toBe(0);
    expect(y(2.5), 'values in between are proportional').toBe(75);
  });

  it('does not divide by zero when every value is the same', () => {
    expect(linear([3, 3], [10, 50])(3), 'a flat domain maps to the range start, not NaN').toBe(10);
  });
});

describe('ticks', () => {
  it('steps in 1, 2, 5 × 10ⁿ and never in fractions of a craving', () => {
    expect([0.3, 1, 1.5, 3, 7, 40, 120].map(niceStep), 'readable steps').toEqual([1, 1, 2, 5, 10, 50, 200]);
  });

  it('gives count ticks from 0 that reach the largest count', () => {
    expect(countTicks(7), '7 rounds up to 10 in steps of 5').toEqual([0, 5, 10]);
    expect(countTicks(3), 'small counts get every whole number').toEqual([0, 1, 2, 3]);
    expect(countTicks(23), 'larger counts step by 10').toEqual([0, 10, 20, 30]);
    expect(countTicks(0), 'an empty chart still has a scale to draw').toEqual([0, 1]);
  });

  it('keeps at most the asked number of labels, evenly spaced, starting with the first', () => {
    expect(sparseIndices(4, 4), 'few weeks: every label').toEqual([0, 1, 2, 3]);
    expect(sparseIndices(13, 4), '3 months: every 4th week').toEqual([0, 4, 8, 12]);
    const year = sparseIndices(52, 4);
    expect(year.length, 'a year still fits 360 px').toBeLessThanOrEqual(4);
    expect(year[0]).toBe(0);
    expect(sparseIndices(0, 4), 'no weeks, no labels').toEqual([]);
  });
});

describe('points scale for "what helps me"', () => {
  it('holds every interval and 0, in whole points', () => {
    expect(pointsDomain([{ low: 0.4, high: 3.2 }, { low: -0.6, high: 1.1 }]), 'rounded outwards').toEqual([-1, 4]);
  });

  it('is at least −1..1 so waiting is never at the edge', () => {
    expect(pointsDomain([{ low: 0, high: 0 }]), 'only the baseline').toEqual([-1, 1]);
    expect(pointsDomain([]), 'nothing at all').toEqual([-1, 1]);
  });

  it('ignores a value that is not a number instead of stretching the scale to infinity', () => {
    expect(pointsDomain([{ low: Number.NaN, high: 2.5 }])).toEqual([-1, 3]);
  });

  it('ticks every point on a narrow scale and always includes 0', () => {
    expect(pointsTicks([-1, 4])).toEqual([-1, 0, 1, 2, 3, 4]);
    const wide = pointsTicks([-3, 9]);
    expect(wide, '0 is waiting: it must be labelled').toContain(0);
    expect(wide.length, 'a wide scale thins its ticks').toBeLessThanOrEqual(8);
  });
});

describe('brokenLine', () => {
  it('lifts the pen over weeks without a value', () => {
    expect(
      brokenLine([
        { x: 0, y: 10 },
        { x: 5, y: 20 },
        { x: 10, y: null },
        { x: 15, y: 30 },
      ]),
      'a missing median must not be drawn as a joined line',
    ).toBe('M0,10L5,20M15,30');
    expect(brokenLine([{ x: 1, y: null }]), 'nothing to draw').toBe('');
  });
});
