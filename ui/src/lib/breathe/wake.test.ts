import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepAwake } from './wake';

describe('keepAwake', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('holds a screen wake lock and releases it, even when released before it arrived', async () => {
    const released: number[] = [];
    let n = 0;
    vi.stubGlobal('navigator', {
      wakeLock: { request: async () => ({ release: async () => void released.push(++n) }) },
    });
    const release = keepAwake();
    await Promise.resolve();
    await Promise.resolve();
    release();
    expect(released, 'the lock that was granted is released').toEqual([1]);
    const early = keepAwake();
    early();
    await Promise.resolve();
    await Promise.resolve();
    expect(released.length, 'a lock granted after the session ended is released at once').toBe(2);
  });

  it('does nothing, without errors, where there is no Wake Lock API', () => {
    vi.stubGlobal('navigator', {});
    expect(() => keepAwake()()).not.toThrow();
  });
});
