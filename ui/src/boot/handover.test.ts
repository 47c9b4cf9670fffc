// The static first screen gives way to the app once, in the same task as the app's first
// screen is drawn, or at the deadline (Help now must not wait on a slow start).
import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_WAIT_MS, HANDOVER_DEADLINE_MS, STATIC_BOOT, afterFirstPaint, handOver } from './handover';

function page(withCopy = true) {
  const state = { removed: 0, asked: [] as string[] };
  return {
    state,
    querySelector(selectors: string) {
      state.asked.push(selectors);
      return withCopy ? { remove: () => void state.removed++ } : null;
    },
  };
}

function timers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    pending,
    setTimeout: (fn: () => void, ms: number) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout: (handle: unknown) => void pending.delete(handle as number),
    fire() {
      for (const [id, { fn }] of [...pending]) {
        pending.delete(id);
        fn();
      }
    },
  };
}

describe('handOver', () => {
  it('hides the app behind the static copy until its first screen, then swaps them once', () => {
    const app = { hidden: false };
    const doc = page();
    const clock = timers();
    const shown = handOver(app, doc, clock);
    expect(doc.state.asked).toEqual([STATIC_BOOT]);
    expect(app.hidden, 'never two first screens at once').toBe(true);
    expect(doc.state.removed).toBe(0);

    shown();
    expect(app.hidden).toBe(false);
    expect(doc.state.removed, 'the copy is gone in the same task').toBe(1);
    expect(clock.pending.size, 'the deadline is called off').toBe(0);

    app.hidden = true;
    shown();
    expect(app.hidden, 'a later call (a restart) changes nothing').toBe(true);
    expect(doc.state.removed).toBe(1);
  });

  it('shows the app at the deadline if its first screen is slow, so Help now works', () => {
    const app = { hidden: false };
    const doc = page();
    const clock = timers();
    const shown = handOver(app, doc, clock);
    expect([...clock.pending.values()].map((t) => t.ms)).toEqual([HANDOVER_DEADLINE_MS]);
    clock.fire();
    expect(app.hidden).toBe(false);
    expect(doc.state.removed).toBe(1);
    shown();
    expect(doc.state.removed, 'once only').toBe(1);
  });

  it('leaves a page without the static copy alone (dev, tests)', () => {
    const app = { hidden: false };
    const clock = timers();
    handOver(app, page(false), clock)();
    expect(app.hidden).toBe(false);
    expect(clock.pending.size).toBe(0);
  });
});

describe('afterFirstPaint', () => {
  function frames() {
    const clock = timers();
    const callbacks: (() => void)[] = [];
    return {
      clock,
      win: {
        requestAnimationFrame: (fn: FrameRequestCallback) => callbacks.push(() => fn(0)),
        setTimeout: clock.setTimeout,
        clearTimeout: clock.clearTimeout,
      } as unknown as Pick<Window, 'requestAnimationFrame' | 'setTimeout' | 'clearTimeout'>,
      paint: () => callbacks.splice(0).forEach((fn) => fn()),
    };
  }
  const settled = async (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    return done;
  };

  it('waits for the frame, then for the task after it: the paint has happened by then', async () => {
    const { clock, win, paint } = frames();
    const painted = afterFirstPaint(win, () => false);
    expect(await settled(painted), 'not before the frame').toBe(false);
    paint();
    expect(await settled(painted), 'not inside it, before the paint').toBe(false);
    const [after] = [...clock.pending.entries()].find(([, t]) => t.ms === 0)!;
    clock.pending.get(after)!.fn();
    expect(await settled(painted)).toBe(true);
  });

  it('doesn’t wait for a frame that doesn’t come soon, nor on a hidden page', async () => {
    const { clock, win } = frames();
    const painted = afterFirstPaint(win, () => false);
    expect([...clock.pending.values()].map((t) => t.ms)).toEqual([FIRST_PAINT_WAIT_MS]);
    clock.fire();
    expect(await settled(painted)).toBe(true);
    expect(await settled(afterFirstPaint(frames().win, () => true)), 'a hidden page paints nothing').toBe(true);
  });
});
