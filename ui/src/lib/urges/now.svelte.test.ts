import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import { NowState, UNDO_MS, type Timers } from './now.svelte';

/** Timers that fire only when the test says so. */
class ManualTimers implements Timers {
  pending = new Map<number, { fn: () => void; at: number }>();
  now = 0;
  private seq = 0;
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.seq;
    this.pending.set(id, { fn, at: this.now + ms });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.pending.delete(handle as number);
  }
  advance(ms: number) {
    this.now += ms;
    for (const [id, t] of [...this.pending]) {
      if (t.at <= this.now) {
        this.pending.delete(id);
        t.fn();
      }
    }
  }
}

describe('NowState', () => {
  it('logs a craving with one call and offers Undo for a few seconds', async () => {
    const client = new FakeClient();
    const timers = new ManualTimers();
    const now = new NowState(client, timers);
    await now.log(7);
    expect(client.urges.map((u) => u.intensity), 'one tap saves one craving of 7').toEqual([7]);
    expect(now.saved?.intensity).toBe(7);
    expect(now.canUndo, 'Undo is offered right after saving').toBe(true);
    timers.advance(UNDO_MS - 1);
    expect(now.canUndo, 'Undo is still there just before it expires').toBe(true);
    timers.advance(1);
    expect(now.canUndo, 'Undo goes away after a few seconds').toBe(false);
  });

  it('ignores a second tap while the first is saving (a shaky double tap logs once)', async () => {
    const client = new FakeClient();
    const now = new NowState(client, new ManualTimers());
    await Promise.all([now.log(6), now.log(7)]);
    expect(client.urges.length, 'only the first tap is logged').toBe(1);
  });

  it('Undo deletes the craving for real', async () => {
    const client = new FakeClient();
    const now = new NowState(client, new ManualTimers());
    await now.log(4);
    await now.undo();
    expect(client.urges, 'nothing is kept after Undo').toEqual([]);
    expect(now.saved).toBeNull();
    expect(now.notice).toContain('Removed');
  });

  it('shows a refusal in place and keeps the note being typed', async () => {
    const client = new FakeClient();
    const now = new NowState(client, new ManualTimers());
    await now.log(5);
    now.noteDraft = 'after the call with mum';
    client.failNext = new IpcFailure('invalid_input', 'A note can be up to 10,000 characters.');
    await now.saveNote();
    expect(now.error).toBe('A note can be up to 10,000 characters.');
    expect(now.noteDraft, 'what the person typed is not lost').toBe('after the call with mum');
    await now.saveNote();
    expect(client.urges[0]?.note).toBe('after the call with mum');
    expect(now.error, 'a later success clears the message').toBeNull();
  });

  it('turns an unexpected error into a readable message', async () => {
    const client = new FakeClient();
    const now = new NowState(client, new ManualTimers());
    client.failNext = new IpcFailure('storage', 'Ebb couldn’t read or write its data: disk full');
    await now.log(3);
    expect(now.saved, 'nothing is shown as saved when saving failed').toBeNull();
    expect(now.error).toContain('disk full');
  });
});
