import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { Preferences, reducedMotion, resolvedTheme } from './preferences.svelte';

describe('preferences', () => {
  it('reduces motion when the system asks or the person did', () => {
    expect(reducedMotion(false, { matches: false })).toBe(false);
    expect(reducedMotion(false, { matches: true }), 'the system setting is respected').toBe(true);
    expect(reducedMotion(true, { matches: false }), 'the in-app setting alone is enough').toBe(true);
    expect(reducedMotion(false, null), 'no media queries: motion stays').toBe(false);
  });

  it('paints the chosen scheme, or the system one when left to the system', () => {
    expect(resolvedTheme('system', { matches: true })).toBe('dark');
    expect(resolvedTheme('system', { matches: false })).toBe('light');
    expect(resolvedTheme('light', { matches: true })).toBe('light');
    expect(resolvedTheme('dark', null)).toBe('dark');
  });

  it('keeps a refused default and says why', async () => {
    const client = new FakeClient();
    const preferences = new Preferences(client);
    await preferences.load();
    expect(await preferences.set({ defaultTechniqueId: 'urge-surfing' })).toBe(false);
    expect(preferences.error).toContain("isn't one");
    expect(preferences.defaultTechniqueId).toBe('breathing.box');
    expect(await preferences.set({ reduceMotion: true })).toBe(true);
    expect(preferences.settings?.reduceMotion).toBe(true);
  });
});
