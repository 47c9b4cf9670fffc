import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import type { Recovered } from '../ipc/bindings';
import { RecoverState } from './recover.svelte';
import { recoveredNotice } from './format';

describe('saving what can still be read', () => {
  it('asks first, then recovers and hands over what was saved', async () => {
    const client = new FakeClient();
    client.damaged = 'Part of your data file is damaged.';
    const got: Recovered[] = [];
    const state = new RecoverState(client, (saved) => void got.push(saved));
    state.ask();
    expect(state.asking).toBe(true);
    expect(await state.confirm()).toBe(true);
    expect(got).toEqual([client.recovered]);
    expect(state.asking).toBe(false);
  });

  it("shows the core's message as it is and keeps the screen", async () => {
    const client = new FakeClient();
    const state = new RecoverState(client, () => {});
    state.ask();
    expect(await state.confirm()).toBe(false);
    expect(state.error).toBe("Your data isn't damaged, so there is nothing to recover.");
    expect(state.asking).toBe(true);
  });

  it('says how much was saved and lost, in plain words', () => {
    const notice = recoveredNotice({ cravings: 2874, records: 9000, lost: 1, damagedFile: '/x' }, { locale: 'en-GB' });
    expect(notice).toBe(
      "Saved 2,874 cravings from the damaged file. 1 record couldn't be read. The damaged file is kept in your data folder.",
    );
  });
});
