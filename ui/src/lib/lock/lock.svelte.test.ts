import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import type { Timers } from '../urges/now.svelte';
import { LockState, formatWait, normaliseRecoveryCode } from './lock.svelte';

/** Timers and a clock that move only when the test says so. */
class ManualClock implements Timers {
  pending = new Map<number, { fn: () => void; at: number }>();
  now = 1_000_000;
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
    const end = this.now + ms;
    for (;;) {
      const next = [...this.pending].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.pending.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
    }
    this.now = end;
  }
}

function lockedClient(kind: 'pin' | 'passphrase' = 'pin', passcode = '2468') {
  const client = new FakeClient();
  client.protection = 'passcode';
  client.passcodeKind = kind;
  client.passcode = passcode;
  client.locked = true;
  return client;
}

function setup(client = lockedClient()) {
  const clock = new ManualClock();
  const lock = new LockState(client, clock, () => clock.now);
  return { client, clock, lock };
}

describe('LockState', () => {
  it('opens with the right PIN and tells the app once', async () => {
    const { client, lock } = setup();
    await lock.load();
    expect(lock.locked, 'the shell said locked').toBe(true);
    expect(lock.kind).toBe('pin');
    let opened = 0;
    lock.onUnlock(() => opened++);
    expect(await lock.unlock('2468')).toBe(true);
    expect(lock.locked).toBe(false);
    expect(client.locked, 'the store is open again').toBe(false);
    expect(opened, 'the app reloads what it shows, once').toBe(1);
    expect(lock.error).toBeNull();
  });

  it("shows the shell's message after a wrong PIN, and stays locked", async () => {
    const { client, lock } = setup();
    await lock.load();
    expect(await lock.unlock('1111')).toBe(false);
    expect(lock.locked).toBe(true);
    expect(lock.error, "the shell's words, as they are").toBe('That PIN or passphrase is not right.');
    expect(client.wrongTries).toBe(1);
    expect(lock.waiting, 'no wait after one wrong try').toBe(false);
  });

  it('counts the wait down live, refuses tries meanwhile, and allows them again at 0', async () => {
    const { client, clock, lock } = setup();
    await lock.load();
    client.retryInSeconds = 42;
    expect(await lock.unlock('2468')).toBe(false);
    expect(lock.error).toContain('try again');
    expect(lock.retryIn, 'the wait comes from lockStatus').toBe(42);
    expect(formatWait(lock.retryIn)).toBe('0:42');
    clock.advance(1000);
    expect(lock.retryIn, 'one second later').toBe(41);
    clock.advance(11_500);
    expect(formatWait(lock.retryIn)).toBe('0:30');

    const calls = client.calls.length;
    expect(await lock.unlock('2468'), 'no try while waiting').toBe(false);
    expect(client.calls.length, 'nothing was sent to the shell').toBe(calls);

    client.retryInSeconds = 0;
    clock.advance(30_000);
    expect(lock.retryIn).toBe(0);
    expect(lock.waiting).toBe(false);
    expect(lock.error, 'the wait is over, its message goes').toBeNull();
    expect(await lock.unlock('2468')).toBe(true);
  });

  it('counts from a deadline, so a late timer never stretches the wait', async () => {
    const { client, clock, lock } = setup();
    client.retryInSeconds = 10;
    await lock.load();
    // The timer fires 3 s late (a busy or suspended webview): the countdown catches up.
    const [id, timer] = [...clock.pending][0]!;
    clock.pending.delete(id);
    clock.now += 4000;
    timer.fn();
    expect(lock.retryIn).toBe(6);
  });

  it('a wait that survives a restart shows at once', async () => {
    const client = lockedClient();
    client.retryInSeconds = 300;
    const { lock } = setup(client);
    await lock.load();
    expect(lock.waiting).toBe(true);
    expect(formatWait(lock.retryIn)).toBe('5:00');
  });

  it('recovers with the code typed loosely, and the new PIN opens Ebb from then on', async () => {
    const { client, lock } = setup();
    await lock.load();
    let opened = 0;
    lock.onUnlock(() => opened++);
    expect(await lock.recover(' k7qm 3xj9abcd-efgh  jkmn–pqrs ', 'pin', '1357', '1357')).toBe(true);
    expect(lock.locked).toBe(false);
    expect(opened).toBe(1);
    expect(client.passcode, 'the new PIN is set').toBe('1357');
    expect(client.passcodeKind).toBe('pin');
  });

  it('can choose a passphrase when recovering', async () => {
    const { client, lock } = setup();
    await lock.load();
    expect(await lock.recover('K7QM-3XJ9-ABCD-EFGH-JKMN-PQRS', 'passphrase', 'quiet river stone', 'quiet river stone')).toBe(
      true,
    );
    expect(client.passcodeKind).toBe('passphrase');
  });

  it('asks again when the two new PINs differ, without sending anything', async () => {
    const { client, lock } = setup();
    await lock.load();
    const calls = client.calls.length;
    expect(await lock.recover('K7QM-3XJ9-ABCD-EFGH-JKMN-PQRS', 'pin', '1357', '1375')).toBe(false);
    expect(lock.error).toBe('The two new PINs are different. Type the same one twice.');
    expect(client.calls.length).toBe(calls);
    expect(lock.locked).toBe(true);
  });

  it("shows the shell's words for a wrong recovery code", async () => {
    const { lock } = setup();
    await lock.load();
    expect(await lock.recover('AAAA-BBBB', 'pin', '1357', '1357')).toBe(false);
    expect(lock.error).toBe("That recovery code doesn't match.");
    expect(lock.locked).toBe(true);
  });

  it('knows a passphrase from a PIN', async () => {
    const { lock } = setup(lockedClient('passphrase', 'quiet river stone'));
    await lock.load();
    expect(lock.kind).toBe('passphrase');
    expect(await lock.unlock('quiet river stone')).toBe(true);
  });

  it('locks when the shell says so on return, and tells it when the window goes', async () => {
    const client = new FakeClient();
    client.protection = 'passcode';
    client.passcodeKind = 'pin';
    client.passcode = '2468';
    const { lock } = setup(client);
    await lock.load();
    expect(lock.locked).toBe(false);
    await lock.hidden();
    expect(client.calls).toContain('appHidden');
    client.lockOnShow = true;
    await lock.shown();
    expect(lock.locked, '"Lock after" passed while away').toBe(true);
  });

  it('goes to the unlock screen at once when a call meets the lock, asking the shell once', async () => {
    const { client, lock } = setup();
    lock.lockedOut();
    lock.lockedOut();
    expect(lock.locked).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(client.calls.filter((c) => c === 'lockStatus').length, 'many refusals, one question').toBe(1);
  });

  it('keeps the pad usable when the shell cannot say', async () => {
    const { client, lock } = setup();
    client.failNext = new IpcFailure('internal', 'Something went wrong inside Ebb: keystore');
    await lock.load();
    expect(lock.error).toContain('keystore');
    expect(lock.kind, 'a PIN unless told otherwise').toBe('pin');
  });
});

describe('formatWait', () => {
  it('shows minutes and seconds, and hours for long waits', () => {
    expect(formatWait(0)).toBe('0:00');
    expect(formatWait(9)).toBe('0:09');
    expect(formatWait(42)).toBe('0:42');
    expect(formatWait(245)).toBe('4:05');
    expect(formatWait(3600)).toBe('1:00:00');
    expect(formatWait(41.2), 'never shows less than is left').toBe('0:42');
  });
});

describe('normaliseRecoveryCode', () => {
  it('forgives spaces, dashes and small letters', () => {
    const code = 'K7QM-3XJ9-ABCD-EFGH-JKMN-PQRS';
    expect(normaliseRecoveryCode(code)).toBe(code);
    expect(normaliseRecoveryCode('k7qm3xj9abcdefghjkmnpqrs')).toBe(code);
    expect(normaliseRecoveryCode(' K7QM 3XJ9 ABCD\nEFGH JKMN PQRS ')).toBe(code);
    expect(normaliseRecoveryCode('k7qm—3xj9–abcd_efgh.jkmn-pqrs')).toBe(code);
  });
});
