import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import type { NewSession, TechniqueSession } from '../ipc/bindings';
import { NOT_SAVED, SessionRecorder, START_RETRY_DELAYS_MS } from './recorder.svelte';

/** Records the waits asked for instead of sleeping. */
function waits(): { asked: number[]; wait: (ms: number) => Promise<void> } {
  const asked: number[] = [];
  return { asked, wait: async (ms) => void asked.push(ms) };
}

/** startSession fails with `code` this many times, then writes. */
function failing(client: FakeClient, times: number, code = 'storage'): void {
  const write = client.startSession.bind(client);
  let left = times;
  client.startSession = async (request: NewSession): Promise<TechniqueSession> => {
    if (left-- > 0) throw new IpcFailure(code, 'The database is locked.');
    return write(request);
  };
}

describe('SessionRecorder', () => {
  it('tries a busy store again with growing waits, then writes the start once', async () => {
    const client = new FakeClient();
    failing(client, 2);
    const { asked, wait } = waits();
    const record = new SessionRecorder(client, 'breathing.box', 300, null, wait);
    await record.start();
    expect(asked, 'two failures: the first two waits, growing').toEqual(START_RETRY_DELAYS_MS.slice(0, 2));
    expect(client.sessions, 'one record, not one per try').toHaveLength(1);
    expect(record.error, 'a brief failure is not the person’s concern').toBeNull();
  });

  it('gives up after a few tries with a calm message, and never rejects', async () => {
    const client = new FakeClient();
    failing(client, 99);
    const { asked, wait } = waits();
    const record = new SessionRecorder(client, 'breathing.box', 300, null, wait);
    await expect(record.start(), 'recording never throws at the person').resolves.toBeUndefined();
    expect(asked, 'a few retries, then stop').toEqual([...START_RETRY_DELAYS_MS]);
    expect(record.error).toBe(NOT_SAVED);
    expect(record.startFailure?.code, 'the real reason kept for debugging').toBe('storage');
    await expect(record.end(true), 'an end with no record does nothing').resolves.toBeUndefined();
    expect(client.calls).not.toContain('finishSession');
  });

  it('does not try again what another try cannot change', async () => {
    const client = new FakeClient();
    failing(client, 99, 'invalid_input');
    const { asked, wait } = waits();
    const record = new SessionRecorder(client, 'breathing.box', 300, null, wait);
    await record.start();
    expect(asked, 'a refusal is final: no retries').toEqual([]);
    expect(record.error).toBe(NOT_SAVED);
  });

  it('writes the end and each answer in order once the start exists; an answer carries a failed end', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 7 });
    const record = new SessionRecorder(client, 'breathing.box', 300, urge.id);
    const started = record.start();
    const finish = client.finishSession.bind(client);
    let endFails = true;
    client.finishSession = async (request) => {
      if (endFails) {
        endFails = false;
        throw new IpcFailure('storage', 'The disk is full.');
      }
      return finish(request);
    };
    const ended = record.end(true, { actualSeconds: 240 });
    const answered = record.answer({ intensityAfter: 2 });
    await Promise.all([started, ended, answered]);
    expect(client.sessions[0], 'the answer recorded the end its own write lost').toMatchObject({
      completed: true,
      actualSeconds: 240,
      intensityAfter: 2,
    });
    await record.answer({ helped: true });
    expect(client.sessions[0], 'each answer keeps the others').toMatchObject({ intensityAfter: 2, helped: true });
    expect(record.session?.helped, 'the record on screen follows the store').toBe(true);
  });
});
