import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import type { Technique } from '../ipc/bindings';
import { StepsPlayer } from './steps.svelte';

const grounding: Technique = {
  id: 'steps.grounding-54321',
  kind: 'steps',
  name: '5-4-3-2-1 grounding',
  why: 'Your senses bring you back.',
  pattern: null,
  durations: [],
  defaultDuration: null,
  steps: ['5 things you see', '4 things you can touch', '3 things you hear', '2 things you smell', '1 thing you taste'].map(
    (title) => ({ title, text: '…' }),
  ),
  safety: [],
  source: 'care.md §4',
  custom: false,
  prior: null,
  evidence: null,
};

function client(): FakeClient {
  const c = new FakeClient();
  c.techniques.push(grounding);
  return c;
}

describe('StepsPlayer', () => {
  it('walks every step at the person’s pace, with Back, and records completion', async () => {
    const c = client();
    const player = new StepsPlayer(c, grounding);
    await player.start();
    expect(player.step?.title).toBe('5 things you see');
    await player.next();
    player.back();
    expect(player.step?.title, 'Back returns a step').toBe('5 things you see');
    for (let i = 0; i < 4; i++) await player.next();
    expect(player.step?.title).toBe('1 thing you taste');
    expect(player.isLast).toBe(true);
    await player.next();
    expect(player.finished).toBe(true);
    expect(c.sessions[0]).toMatchObject({ techniqueId: 'steps.grounding-54321', completed: true, plannedSeconds: 300 });
  });

  it('records leaving early as not completed', async () => {
    const c = client();
    const player = new StepsPlayer(c, grounding);
    await player.start();
    await player.next();
    await player.stop();
    expect(c.sessions[0]?.completed).toBe(false);
  });

  it('knows at once that the practice was completed, whatever the store is doing, and records it after', async () => {
    const c = client();
    const write = c.startSession.bind(c);
    let release: () => void = () => {};
    c.startSession = (request) =>
      new Promise((resolve, reject) => {
        release = () => void write(request).then(resolve, reject);
      });
    const player = new StepsPlayer(c, grounding);
    const started = player.start();
    for (let i = 0; i < 5; i++) void player.next();
    expect(player.finished).toBe(true);
    expect(player.completed, '"Well done" shows without waiting for the record').toBe(true);
    release();
    await started;
    await player.record.settled();
    expect(c.sessions[0], 'the end attaches once the start exists').toMatchObject({ completed: true });
  });
});
