import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { ContextResult, TechniqueEffect, WhatHelps } from '../../lib/ipc/bindings';
import { FakeClient } from '../../lib/ipc/fake';
import { SuggestionsState } from '../../lib/helps/suggestions.svelte';
import SuggestionsCard from './SuggestionsCard.svelte';
import WhatHelpsSection from './WhatHelpsSection.svelte';
import HelpsAxis from './HelpsAxis.svelte';
import { intervalScale } from '../../lib/insights/helps';

// What these components render (server-side, no DOM needed): the words a person reads and
// what a screen reader and the keyboard get.

const text = (html: string) =>
  html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

const effect = (id: string, name: string, over: Partial<TechniqueEffect> = {}): TechniqueEffect => ({
  techniqueId: id,
  name,
  uses: 1273,
  benefit: 2,
  low: 1,
  high: 3,
  winShare: 0.76,
  winOf: 1273,
  confidence: 'based on 1273 uses',
  baseline: false,
  ...over,
});
const context = (label: string, id: string, name: string): ContextResult => ({
  label,
  rated: 1273,
  best: { techniqueId: id, name, benefit: 2, low: 1.5, high: 2.5, uses: 40, differs: false },
});

const HELPS: WhatHelps = {
  rated: 1400,
  techniques: [
    effect('breathing.box', 'Box breathing'),
    effect('waiting', 'Just waited', { baseline: true, benefit: 0, low: 0, high: 0 }),
  ],
  contexts: [
    ...['After work', 'In the evening', 'At night', 'Alone', 'At home'].map((l) => context(l, 'breathing.box', 'Box breathing')),
    context('Strong urges (8–10)', 'urge-surfing', 'Urge surfing'),
  ],
  contextsNote: null,
};

describe('WhatHelpsSection', () => {
  const body = text(render(WhatHelpsSection, { props: { helps: HELPS, error: null } }).body);

  it('says what the person did once, capitalised, with thousands separators', () => {
    expect(body).toContain("Didn't use, or used less: 76% of 1,273 times");
    expect(body, 'no second count in other words').not.toMatch(/based on|uses\b/);
    expect(body, 'every number is readable at a glance').not.toMatch(/\b1273\b/);
  });

  it('never says "baseline"', () => {
    expect(body).not.toMatch(/baseline/i);
    expect(body, 'waiting is named in plain words').toContain('Dashed line: just waiting');
  });

  it('names the technique that helped most in most situations once, then only the other one', () => {
    expect(body).toContain('Box breathing helped most in 5 of 6 situations.');
    const before = body.slice(0, body.indexOf('Every situation'));
    expect(before.match(/Box breathing: about/g) ?? [], 'not repeated row by row above the full list').toHaveLength(0);
    expect(before, 'the exception is listed').toContain('Strong urges (8–10) 1,273 with a check-in Urge surfing: about 2 points lower');
    expect(body, 'every situation is still one tap away').toContain('Every situation (6)');
  });

  it('labels both ends of the axis and signs its ticks', () => {
    const axis = render(HelpsAxis, { props: { scale: intervalScale([{ low: -1, high: 2 }]) } }).body;
    expect(text(axis), 'ticks read as the change in the craving').toMatch(/\+1 0 \u22121 \u22122/);
    expect(text(axis), 'both ends in words').toMatch(/higher than waiting.*lower than waiting/);
  });
});

describe('SuggestionsCard', () => {
  it('offers a keyboard-usable "Why?" per suggestion, collapsed, naming what it opens', async () => {
    const client = new FakeClient();
    const state = new SuggestionsState(client);
    await state.load(null);
    const html = render(SuggestionsCard, { props: { suggestions: state, onstart: () => {} } }).body;
    const whys = [...html.matchAll(/<button[^>]*data-why="([^"]+)"[^>]*>([^]*?)<\/button>/g)];
    expect(whys.map((m) => m[1]), 'one per suggestion').toEqual(['breathing.box', 'urge-surfing']);
    for (const [button] of whys) {
      expect(button, 'a real button: reachable and usable by keyboard').toMatch(/type="button"/);
      expect(button, 'closed until asked: nothing extra in a craving moment').toMatch(/aria-expanded="false"/);
      const controls = /aria-controls="([^"]+)"/.exec(button)?.[1];
      expect(controls && ids(html).includes(controls), 'it names the panel it opens').toBe(true);
      expect(text(button).startsWith('Why?'), 'the accessible name starts with the visible text').toBe(true);
    }
    expect(html, 'the panels are there but hidden').toMatch(/data-why-panel="breathing.box"[^>]*hidden|hidden[^>]*data-why-panel="breathing.box"/);
    expect(text(html), 'the source sits behind "Why?"').toContain('Where this comes from: ');
    expect(text(html), 'without references to the design notes').not.toContain('care.md');
    const all = ids(html);
    expect(new Set(all).size, `no duplicate ids: ${all.join(', ')}`).toBe(all.length);
  });

  it('shows the open one as expanded', async () => {
    const state = new SuggestionsState(new FakeClient());
    await state.load(null);
    state.toggleWhy('urge-surfing');
    const html = render(SuggestionsCard, { props: { suggestions: state, onstart: () => {} } }).body;
    expect(html).toMatch(/data-why="urge-surfing"[^>]*aria-expanded="true"|aria-expanded="true"[^>]*data-why="urge-surfing"/);
  });
});
