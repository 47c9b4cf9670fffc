import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { BreathingPlayer } from './player.svelte';
import { NOT_SAVED } from './recorder.svelte';

describe('BreathingPlayer', () => {
  it('records a session, announces each phase once, and completes on time', async () => {
    const client = new FakeClient();
    const box = client.techniques[0]!;
    const player = new BreathingPlayer(client, box, 16);
    await player.start(0);
    expect(client.sessions).toHaveLength(1);
    expect(player.announcement).toBe('Breathe in');
    player.tick(3_999);
    expect(player.announcement).toBe('Breathe in');
    player.tick(4_001);
    expect(player.announcement, 'box: hold after 4 s').toBe('Hold');
    player.tick(8_010);
    expect(player.announcement).toBe('Breathe out');
    player.tick(16_000);
    await player.record.settled();
    expect(player.stage).toBe('after');
    expect(client.sessions[0]?.completed, 'ran to its end').toBe(true);
  });

  it('Stop ends early and records it as not completed; answers are saved after', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 8 });
    const player = new BreathingPlayer(client, client.techniques[0]!, 300, urge.id);
    await player.start(0);
    player.tick(5_000);
    await player.stop();
    expect(client.sessions[0]?.completed).toBe(false);
    expect(client.sessions[0]?.intensityBefore).toBe(8);
    await player.record.answer({ intensityAfter: 4 });
    await player.record.answer({ helped: true });
    expect(client.sessions[0]).toMatchObject({ completed: false, intensityAfter: 4, helped: true });
  });

  it('keeps breathing even when the record cannot be written', async () => {
    const client = new FakeClient();
    const player = new BreathingPlayer(client, { ...client.techniques[0]!, id: 'breathing.gone' }, 60);
    await player.start(0);
    expect(player.record.error, 'a calm line for after the exercise, not the core’s wording').toBe(NOT_SAVED);
    expect(player.record.startFailure?.message, 'the reason is kept for debugging').toContain('no technique called');
    player.tick(4_500);
    expect(player.moment?.phase.name, 'the exercise goes on').toBe('holdIn');
    await player.stop();
    expect(player.stage, 'Stop still ends it, without throwing at the person').toBe('after');
  });

  it('leaving in the first moment (Back as Stop, before the start is written) still records it stopped', async () => {
    const client = new FakeClient();
    const player = new BreathingPlayer(client, client.techniques[0]!, 300);
    const started = player.start(0);
    await player.stop();
    await started;
    expect(client.sessions).toHaveLength(1);
    expect(client.sessions[0]?.endedAt, 'the end waits for the start').not.toBeNull();
    expect(client.sessions[0]?.completed).toBe(false);
  });

  it('leaving after the end (the screen going away after Done) records nothing more', async () => {
    const client = new FakeClient();
    const player = new BreathingPlayer(client, client.techniques[0]!, 300);
    await player.start(0);
    await player.stop();
    await player.record.answer({ helped: true });
    const calls = client.calls.length;
    await player.stop();
    expect(client.calls.length, 'Stop after the end is a no-op').toBe(calls);
    expect(client.sessions[0]).toMatchObject({ completed: false, helped: true });
  });
});
