import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { RerateState } from './rerate.svelte';
import type { Timers } from '../urges/now.svelte';

class Timers1 implements Timers {
  queue: { fn: () => void; ms: number }[] = [];
  setTimeout(fn: () => void, ms: number) {
    this.queue.push({ fn, ms });
    return this.queue.length;
  }
  clearTimeout() {
    this.queue = [];
  }
}

describe('RerateState', () => {
  it('waits until the interval has passed, then asks once', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 8 });
    const timers = new Timers1();
    const rerate = new RerateState(client, timers, () => client.now.getTime());
    await rerate.refresh();
    expect(rerate.due, 'not due right after logging').toBeNull();
    expect(timers.queue[0]?.ms, 'checks again within a minute (waits are capped)').toBe(60_000);

    client.now = new Date(client.now.getTime() + 10 * 60_000);
    await rerate.refresh();
    expect(rerate.due?.urgeId).toBe(urge.id);
    await rerate.notNow();
    expect(rerate.due).toBeNull();
    await rerate.refresh();
    expect(rerate.due, '"Not now" means it does not ask again').toBeNull();
  });
});
