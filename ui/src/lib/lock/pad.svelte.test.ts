import { describe, expect, it } from 'vitest';
import { PIN_MAX, PinEntry } from './pad.svelte';

describe('PinEntry', () => {
  it('takes digits from the keys, deletes the last one, and only counts them aloud', () => {
    const entry = new PinEntry();
    expect(entry.announcement).toBe('No digits entered');
    entry.press('2');
    expect(entry.announcement, 'one digit, singular').toBe('1 digit entered');
    entry.press('4');
    entry.press('6');
    expect(entry.digits).toBe('246');
    expect(entry.announcement, 'the count, never the digits').toBe('3 digits entered');
    entry.back();
    expect(entry.digits).toBe('24');
    entry.clear();
    expect(entry.count).toBe(0);
    entry.back();
    expect(entry.digits, 'Delete on nothing does nothing').toBe('');
  });

  it('ignores anything but a digit, and presses past the longest PIN', () => {
    const entry = new PinEntry();
    for (const key of ['a', '', '12', '٣', ' ']) entry.press(key);
    expect(entry.count).toBe(0);
    for (let i = 0; i < PIN_MAX + 3; i++) entry.press('7');
    expect(entry.count).toBe(PIN_MAX);
  });

  it('works from the keyboard: digits, Backspace and Enter', () => {
    const entry = new PinEntry();
    expect(entry.key('1')).toBe('digit');
    expect(entry.key('9')).toBe('digit');
    expect(entry.key('Backspace')).toBe('delete');
    expect(entry.key('0')).toBe('digit');
    expect(entry.digits).toBe('10');
    expect(entry.key('Enter'), 'Enter asks to unlock').toBe('submit');
    expect(entry.digits, 'Enter adds nothing').toBe('10');
    expect(entry.key('x'), 'other keys are not the pad’s').toBeNull();
    expect(entry.key('Tab')).toBeNull();
  });
});
