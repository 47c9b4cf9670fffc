import { describe, expect, it } from 'vitest';
import { singularUnit, unitFor, withUnit } from './units';

describe('units agree with their count (issue #14: "1 glasses")', () => {
  it('undoes the common English plural endings people type for units', () => {
    const cases: [string, string][] = [
      ['glasses', 'glass'],
      ['drinks', 'drink'],
      ['cigarettes', 'cigarette'],
      ['bets', 'bet'],
      ['units', 'unit'],
      ['grams', 'gram'],
      ['pouches', 'pouch'],
      ['boxes', 'box'],
      ['doses', 'dose'],
      ['cookies', 'cookie'],
    ];
    for (const [plural, singular] of cases) {
      expect(singularUnit(plural), `one of "${plural}" reads "${singular}"`).toBe(singular);
    }
  });

  it('leaves a word it cannot read as the person typed it', () => {
    for (const word of ['ml', 'mg', 'g', 'wine', 'glass', 'hummus', 'THC', 'beer']) {
      expect(singularUnit(word), `"${word}" is not a plural Ebb knows: unchanged`).toBe(word);
    }
  });

  it('makes the counted word singular in a phrase, keeping the rest and its case', () => {
    expect(singularUnit('cans of cider'), 'the word before "of" is the one counted').toBe('can of cider');
    expect(singularUnit('standard drinks'), 'otherwise the last word').toBe('standard drink');
    expect(singularUnit('Glasses'), 'the person’s capital stays').toBe('Glass');
    expect(singularUnit(' pints '), 'stray spaces go').toBe('pint');
  });

  it('is singular for exactly one and as typed for any other count (English plural rules)', () => {
    expect(unitFor(1, 'glasses'), 'one glass').toBe('glass');
    expect(unitFor(0, 'glasses'), 'zero takes the plural in English').toBe('glasses');
    expect(unitFor(2, 'glasses'), 'two glasses').toBe('glasses');
    expect(unitFor(1.5, 'glasses'), 'a fraction takes the plural').toBe('glasses');
  });

  it('writes the count with its unit, agreeing with the number as shown', () => {
    expect(withUnit(1, 'glasses')).toBe('1 glass');
    expect(withUnit('1', 'drinks'), 'a number already formatted for display').toBe('1 drink');
    expect(withUnit('2.5', 'glasses')).toBe('2.5 glasses');
    expect(withUnit(3, ''), 'no unit: the number alone, no trailing space').toBe('3');
  });
});
