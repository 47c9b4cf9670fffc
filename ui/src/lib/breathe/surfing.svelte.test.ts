import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { CHECK_IN_EVERY_MS, EXTEND_MS, UrgeSurfer } from './surfing.svelte';

const surfing = (client: FakeClient) => client.techniques.find((t) => t.id === 'urge-surfing')!;

describe('UrgeSurfer', () => {
  it('asks a check-in every few minutes and records each answer', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 9 });
    const surfer = new UrgeSurfer(client, surfing(client), 600, urge.id);
    await surfer.start(0);
    surfer.tick(CHECK_IN_EVERY_MS - 1);
    expect(surfer.asking, 'not before three minutes').toBe(false);
    surfer.tick(CHECK_IN_EVERY_MS);
    expect(surfer.asking, 'due at three minutes').toBe(true);
    await surfer.checkIn(false, 7);
    expect(surfer.asking).toBe(false);
    expect(surfer.reply).toContain('7 now');
    surfer.tick(CHECK_IN_EVERY_MS + 1000);
    expect(surfer.asking, 'the next one is three minutes after the answer').toBe(false);
    surfer.tick(2 * CHECK_IN_EVERY_MS);
    expect(surfer.asking).toBe(true);
    await surfer.checkIn(true, null);
    expect(client.checkIns.map((c) => [c.passed, c.intensity])).toEqual([
      [false, 7],
      [true, null],
    ]);
    expect(surfer.stage, 'passed: the session ends, completed').toBe('after');
    expect(client.sessions[0]).toMatchObject({ completed: true, actualSeconds: 360, plannedSeconds: 600 });
  });

  it('extends by five minutes, pauses without losing time, and records the longer plan', async () => {
    const client = new FakeClient();
    const surfer = new UrgeSurfer(client, surfing(client), 300, null);
    await surfer.start(1_000);
    surfer.extend();
    expect(surfer.plannedMs).toBe(300_000 + EXTEND_MS);
    surfer.tick(61_000);
    surfer.pause(61_000);
    surfer.tick(500_000);
    expect(surfer.elapsedMs, 'time stands still while paused').toBe(60_000);
    surfer.resume(500_000);
    surfer.tick(500_000 + 60_000);
    expect(surfer.elapsedMs).toBe(120_000);
    surfer.notNow();
    surfer.tick(500_000 + 540_000);
    await surfer.record.settled();
    expect(surfer.stage, 'the extended timer ran out').toBe('after');
    expect(client.sessions[0]).toMatchObject({ completed: true, plannedSeconds: 600, actualSeconds: 600 });
  });

  it('Stop ends early; a check-in that cannot be saved says so and surfing goes on', async () => {
    const client = new FakeClient();
    const surfer = new UrgeSurfer(client, surfing(client), 300, null);
    await surfer.start(0);
    surfer.openCheckIn();
    expect(surfer.asking, '"Check in now" asks at once').toBe(true);
    client.checkIns = [];
    const original = client.recordCheckIn.bind(client);
    client.recordCheckIn = async () => {
      throw new Error('disk full');
    };
    await surfer.checkIn(false, 5);
    expect(surfer.error).toBeTruthy();
    expect(surfer.stage).toBe('running');
    client.recordCheckIn = original;
    await surfer.stop();
    expect(client.sessions[0]?.completed).toBe(false);
  });

  it('a check-in answered while the start is still being written is saved, before the end "It passed" makes at once', async () => {
    const client = new FakeClient();
    const write = client.startSession.bind(client);
    let release: () => void = () => {};
    client.startSession = (request) =>
      new Promise((resolve, reject) => {
        release = () => void write(request).then(resolve, reject);
      });
    const surfer = new UrgeSurfer(client, surfing(client), 300, null);
    const started = surfer.start(0);
    surfer.tick(1_000);
    expect(surfer.elapsedMs, 'the timer runs while the store is busy').toBe(1_000);
    surfer.openCheckIn();
    const answered = surfer.checkIn(true, 2);
    expect(surfer.stage, '"It passed" ends the session at once, not when the store answers').toBe('after');
    expect(surfer.completed, 'the closing words know it was completed').toBe(true);
    release();
    await Promise.all([started, answered]);
    expect(client.checkIns.map((c) => [c.passed, c.intensity]), 'the answer is attached to the record').toEqual([[true, 2]]);
    expect(client.sessions[0], 'and the end after it').toMatchObject({ completed: true });
    expect(surfer.error, 'the check-in went in before the end closed check-ins').toBeNull();
  });
});
