// A place in its own chunk: nothing until it has loaded, then at once; a failed load says so
// and the next visit tries again.
import { describe, expect, it } from 'vitest';
import { LOAD_FAILED, Lazy } from './lazy.svelte';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Lazy', () => {
  it('asks for the chunk once, on first use, and then gives the component at once', async () => {
    const component = { name: 'InsightsView' };
    let asked = 0;
    const place = new Lazy(async () => {
      asked++;
      return { default: component };
    });
    expect(asked, 'nothing is loaded until the place is opened').toBe(0);
    expect(place.get()).toBeNull();
    expect(place.get()).toBeNull();
    await settle();
    expect(place.get()).toBe(component);
    expect(await place.load()).toBe(component);
    expect(asked, 'one request, however often it is drawn').toBe(1);
  });

  it('says when the chunk can’t be read, and tries again next time', async () => {
    const component = { name: 'SettingsView' };
    let fail = true;
    const place = new Lazy(async () => {
      if (fail) throw new Error('no such file');
      return { default: component };
    });
    expect(place.get()).toBeNull();
    await settle();
    expect(place.error).toBe(LOAD_FAILED);
    fail = false;
    expect(place.get()).toBeNull();
    await settle();
    expect(place.get()).toBe(component);
    expect(place.error).toBeNull();
  });
});
