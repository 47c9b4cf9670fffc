import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import type { Region } from '../../lib/ipc/bindings';
import { FakeClient } from '../../lib/ipc/fake';
import { Reacher } from '../../lib/support/reach.svelte';
import { emergencyLines } from '../../lib/support/region';
import EmergencyNumbers from './EmergencyNumbers.svelte';
import RegionPicker from './RegionPicker.svelte';
import TwoRegionPickers from './TwoRegionPickers.test.svelte';

// The markup these components render (server-side, no DOM needed): what a person and a screen
// reader get.

const REGIONS: Region[] = [
  { code: 'US', name: 'United States', emergency: '911' },
  { code: 'UK', name: 'United Kingdom', emergency: '999' },
  { code: 'CA', name: 'Canada', emergency: '911' },
];

const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
const text = (html: string) =>
  html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('EmergencyNumbers', () => {
  it('labels every region’s emergency number and offers Call with its tel: link', () => {
    const reacher = new Reacher(new FakeClient(), true);
    const { body } = render(EmergencyNumbers, { props: { lines: emergencyLines(REGIONS, null), reacher } });
    expect(text(body), 'each number says whose it is').toContain('Emergency — United Kingdom: 999');
    expect(text(body)).toContain('Emergency — United States: 911');
    expect(text(body)).toContain('Emergency — Canada: 911');
    const hrefs = [...body.matchAll(/data-href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs, 'one call link per region, as the other numbers').toEqual(['tel:911', 'tel:999', 'tel:911']);
    const names = [...body.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1]!);
    expect(names, 'a distinct name for each Call').toHaveLength(3);
    for (const name of names) {
      expect(name.startsWith('Call '), 'the accessible name contains the visible "Call" (label-content-name-mismatch)').toBe(true);
    }
    expect(names[1]).toBe('Call Emergency — United Kingdom: 999');
  });
});

describe('RegionPicker', () => {
  it('asks "Are you in the United States?" with the article the name needs', () => {
    vi.stubGlobal('navigator', { language: 'en-US' });
    const { body } = render(RegionPicker, { props: { regions: REGIONS, current: null, onpick: () => {} } });
    expect(text(body)).toContain('Are you in the United States? Ebb shows the emergency numbers there.');
    expect(text(body), 'the button reads as the question does').toContain('Yes, the United States');
  });

  it('says "Canada" without one', () => {
    vi.stubGlobal('navigator', { language: 'fr-CA' });
    const { body } = render(RegionPicker, { props: { regions: REGIONS, current: null, onpick: () => {} } });
    expect(text(body)).toContain('Are you in Canada?');
    expect(text(body)).not.toContain('the Canada');
  });

  it('gives each picker its own id, so Help now over Settings has no duplicate ids', () => {
    const { body } = render(TwoRegionPickers, { props: { regions: REGIONS } });
    const all = ids(body);
    expect(all.filter((id) => id.startsWith('region-select')), 'two pickers, two selects').toHaveLength(2);
    expect(new Set(all).size, `ids must be unique: ${all.join(', ')}`).toBe(all.length);
    const fors = [...body.matchAll(/\sfor="([^"]+)"/g)].map((m) => m[1]);
    expect(fors, 'each label still names its own select').toEqual(all.filter((id) => id.startsWith('region-select')));
  });
});
