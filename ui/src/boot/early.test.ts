// The entry asks for the first screen's reads at once; the client uses each answer once, only
// while fresh, and never a failure.
import { describe, expect, it } from 'vitest';
import { EARLY_COMMANDS, EARLY_FOR_MS, startEarly, takeEarly } from './early';

function host(answer: (command: string) => Promise<unknown> = (c) => Promise.resolve(`answer to ${c}`)) {
  const asked: Array<[string, Record<string, unknown>]> = [];
  return {
    asked,
    __TAURI_INTERNALS__: {
      invoke(command: string, args: Record<string, unknown>) {
        asked.push([command, args]);
        return answer(command);
      },
    },
  } as { asked: typeof asked; __TAURI_INTERNALS__: { invoke: (c: string, a: Record<string, unknown>) => Promise<unknown> } };
}

describe('early reads', () => {
  it('asks for every first-screen read at once, with no arguments', () => {
    const h = host();
    startEarly(h);
    expect(h.asked.map(([c]) => c)).toEqual([...EARLY_COMMANDS]);
    expect(h.asked.every(([, args]) => Object.keys(args).length === 0)).toBe(true);
  });

  it('hands each answer over once, to the first call for it', async () => {
    const h = host();
    startEarly(h);
    const first = takeEarly('list_chips', h, () => 10);
    await expect(first).resolves.toBe('answer to list_chips');
    expect(takeEarly('list_chips', h, () => 10), 'a second call asks afresh').toBeUndefined();
    expect(takeEarly('save_urge', h, () => 10), 'never a command it did not ask for').toBeUndefined();
  });

  it('drops an answer that is too old to stand for a fresh one', () => {
    const h = host();
    startEarly(h);
    expect(takeEarly('app_status', h, () => EARLY_FOR_MS + 1)).toBeUndefined();
    expect(takeEarly('app_status', h, () => 10), 'and it is gone').toBeUndefined();
  });

  it('does nothing outside the app (no Tauri internals)', () => {
    const bare = {} as Parameters<typeof startEarly>[0];
    startEarly(bare);
    expect(takeEarly('app_status', bare, () => 10)).toBeUndefined();
  });

  it('keeps a failed early answer from surfacing as an unhandled rejection', async () => {
    const h = host(() => Promise.reject(new Error('locked')));
    startEarly(h);
    const failed = takeEarly('get_settings', h, () => 10);
    await expect(failed).rejects.toThrow('locked');
  });
});
