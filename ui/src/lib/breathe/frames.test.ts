import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import type { NewSession, TechniqueSession } from '../ipc/bindings';
import { BreathingPlayer } from './player.svelte';
import { runFrames, type FrameClock } from './frames';
import { NOT_SAVED, START_RETRY_DELAYS_MS } from './recorder.svelte';

// Issue #14: with another connection holding SQLite's write lock for 4.5 s, the screen froze on
// "Breathe in / 4" and then jumped, because frames only began once the start was written.

/** A store that takes this long to write the start (the other connection's lock). */
const LOCK_MS = 4_500;

/** Frames every 16 ms on fake timers, with the fake clock's time. */
const frames: FrameClock = {
  now: () => Date.now(),
  request: (frame) => setTimeout(() => frame(Date.now()), 16) as unknown as number,
  cancel: (handle) => clearTimeout(handle),
};

/** A fake client whose startSession answers only after `ms`. */
function slowStore(ms: number): FakeClient {
  const client = new FakeClient();
  const write = client.startSession.bind(client);
  client.startSession = (request: NewSession) =>
    new Promise<TechniqueSession>((resolve, reject) => setTimeout(() => write(request).then(resolve, reject), ms));
  return client;
}

const box = (client: FakeClient) => client.techniques.find((t) => t.id === 'breathing.box')!;

describe('runFrames with a slow store', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reaches the first phase boundary on time while the start record is still being written', async () => {
    const client = slowStore(LOCK_MS);
    const player = new BreathingPlayer(client, box(client), 300);
    const stop = runFrames(player, frames);
    expect(player.announcement, 'the first phase shows in the same moment').toBe('Breathe in');
    expect(player.moment?.countdown).toBe(4);

    await vi.advanceTimersByTimeAsync(1_100);
    expect(player.moment?.countdown, 'the countdown moves at once, not after the record').toBe(3);

    await vi.advanceTimersByTimeAsync(4_020 - 1_100);
    expect(client.sessions, 'the store is still busy with the start').toHaveLength(0);
    expect(player.announcement, 'box breathing: Hold at 4 s, whatever the store is doing').toBe('Hold');

    await vi.advanceTimersByTimeAsync(8_020 - 4_020);
    expect(player.announcement, 'and the phases go on on time').toBe('Breathe out');
    expect(client.sessions, 'the start is written alongside').toHaveLength(1);
    stop();
  });

  it('records the end after the start resolves, when Stop comes first', async () => {
    const client = slowStore(LOCK_MS);
    const player = new BreathingPlayer(client, box(client), 300);
    const stop = runFrames(player, frames);
    await vi.advanceTimersByTimeAsync(2_000);
    const ended = player.stop();
    expect(player.stage, 'the after-step shows at once').toBe('after');
    expect(client.calls, 'the end waits for the start: nothing to attach it to yet').not.toContain('finishSession');

    // The re-rate is answered while the start is still on its way.
    const answered = player.record.answer({ intensityAfter: 3 });
    expect(player.record.intensityAfter, 'the answer shows at once').toBe(3);

    await vi.advanceTimersByTimeAsync(LOCK_MS);
    await ended;
    await answered;
    expect(client.sessions).toHaveLength(1);
    expect(client.sessions[0], 'the end and the re-rate attach to the record once it exists').toMatchObject({
      completed: false,
      actualSeconds: 2,
      intensityAfter: 3,
    });
    expect(client.sessions[0]?.endedAt, 'recorded as ended').not.toBeNull();
    expect(client.calls.indexOf('finishSession'), 'finish only after start').toBeGreaterThan(
      client.calls.indexOf('startSession'),
    );
    stop();
  });

  it('tries a failing start again quietly, the exercise untouched', async () => {
    const client = new FakeClient();
    const write = client.startSession.bind(client);
    let failures = 2;
    client.startSession = async (request) => {
      if (failures-- > 0) throw new IpcFailure('storage', 'The database is locked.');
      return write(request);
    };
    const player = new BreathingPlayer(client, box(client), 300);
    const stop = runFrames(player, frames);
    await vi.advanceTimersByTimeAsync(600);
    expect(player.record.error, 'quiet while it tries again').toBeNull();
    await vi.advanceTimersByTimeAsync(4_020 - 600);
    expect(player.announcement, 'breathing went on meanwhile').toBe('Hold');
    expect(client.sessions, 'the third try wrote it').toHaveLength(1);
    expect(player.record.error, 'nothing to tell the person').toBeNull();
    stop();
  });

  it('gives up after a few tries without ever stopping the exercise or throwing', async () => {
    const client = new FakeClient();
    let tries = 0;
    client.startSession = async () => {
      tries += 1;
      throw 'database is locked';
    };
    const player = new BreathingPlayer(client, box(client), 60);
    const stop = runFrames(player, frames);
    const giveUpMs = START_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    await vi.advanceTimersByTimeAsync(giveUpMs + 100);
    expect(tries, 'one try and one per retry delay').toBe(START_RETRY_DELAYS_MS.length + 1);
    expect(player.record.error, 'a calm line, shown after the exercise').toBe(NOT_SAVED);
    expect(player.record.startFailure?.detail, 'the raw reason kept for debugging').toBe('database is locked');
    expect(player.stage, 'still breathing').toBe('running');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(player.stage, 'it ran to its end on time').toBe('after');
    await expect(player.record.answer({ helped: true }), 'answering never throws at the person').resolves.toBeUndefined();
    expect(client.calls, 'nothing to attach the end to').not.toContain('finishSession');
    stop();
  });
});
