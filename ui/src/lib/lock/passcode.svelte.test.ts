import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import type { LockStatus } from '../ipc/bindings';
import { Preferences } from '../settings/preferences.svelte';
import { LockState } from './lock.svelte';
import { PasscodeSettings, protectionSentence, recoveryGroups } from './passcode.svelte';

async function setup() {
  const client = new FakeClient();
  const lock = new LockState(client);
  const preferences = new Preferences(client);
  await Promise.all([lock.load(), preferences.load()]);
  const passcodes = new PasscodeSettings(client, lock, () => preferences.load());
  return { client, lock, preferences, passcodes };
}

describe('PasscodeSettings: setting a PIN', () => {
  it('asks for it twice, then shows the recovery code once, until "I\'ve written it down"', async () => {
    const { client, lock, preferences, passcodes } = await setup();
    expect(lock.hasPasscode).toBe(false);
    passcodes.open('set', 'pin');
    passcodes.passcode = '2468';
    passcodes.again = '2486';
    expect(await passcodes.save()).toBe(false);
    expect(passcodes.error).toBe('The two PINs are different. Type the same one twice.');
    expect(client.calls, 'nothing is sent until both match').not.toContain('setPasscode');

    passcodes.again = '2468';
    expect(await passcodes.save()).toBe(true);
    expect(passcodes.recoveryCode).toBe('K7QM-3XJ9-ABCD-EFGH-JKMN-PQRS');
    expect(recoveryGroups(passcodes.recoveryCode!)).toEqual(['K7QM', '3XJ9', 'ABCD', 'EFGH', 'JKMN', 'PQRS']);
    expect(passcodes.form, 'the form closes; the code takes its place').toBeNull();
    expect(passcodes.passcode, 'nothing typed is kept').toBe('');
    expect(lock.hasPasscode, 'the lock status is asked again').toBe(true);
    expect(preferences.settings?.coverWhenAway, 'the core turned the cover on: Settings shows it').toBe(true);

    // Leaving Settings before writing it down doesn't lose it.
    const again = new PasscodeSettings(client, lock);
    expect(again.recoveryCode).toBe('K7QM-3XJ9-ABCD-EFGH-JKMN-PQRS');

    passcodes.done();
    expect(passcodes.recoveryCode, 'never shown again').toBeNull();
    expect(new PasscodeSettings(client, lock).recoveryCode).toBeNull();
    expect(passcodes.notice).toBe('Your PIN is set.');
    expect(client.calls.filter((c) => c === 'setPasscode')).toHaveLength(1);
  });

  it("shows the core's message as it is, and keeps what was typed", async () => {
    const { client, passcodes } = await setup();
    passcodes.open('set', 'pin');
    passcodes.passcode = '12';
    passcodes.again = '12';
    client.failNext = new IpcFailure('invalid_input', 'A PIN is 4 to 8 digits; this one has 2.');
    expect(await passcodes.save()).toBe(false);
    expect(passcodes.error).toBe('A PIN is 4 to 8 digits; this one has 2.');
    expect(passcodes.recoveryCode).toBeNull();
    expect(passcodes.form).toBe('set');
    expect(passcodes.passcode).toBe('12');
  });

  it('sets a passphrase the same way', async () => {
    const { client, lock, passcodes } = await setup();
    passcodes.open('set', 'passphrase');
    passcodes.passcode = 'quiet river stone';
    passcodes.again = 'quiet river stone';
    expect(await passcodes.save()).toBe(true);
    expect(client.passcodeKind).toBe('passphrase');
    expect(lock.kind).toBe('passphrase');
    passcodes.done();
    expect(passcodes.notice).toBe('Your passphrase is set.');
  });
});

describe('PasscodeSettings: change, remove, lock now', () => {
  async function withPin() {
    const s = await setup();
    s.passcodes.open('set', 'pin');
    s.passcodes.passcode = '2468';
    s.passcodes.again = '2468';
    await s.passcodes.save();
    s.passcodes.done();
    return s;
  }

  it('changes the PIN only with the current one', async () => {
    const { client, passcodes } = await withPin();
    passcodes.open('change');
    expect(passcodes.kind, 'the same kind unless changed').toBe('pin');
    passcodes.current = '1111';
    passcodes.passcode = '1357';
    passcodes.again = '1357';
    expect(await passcodes.save()).toBe(false);
    expect(passcodes.error).toBe("That isn't your current PIN or passphrase.");
    passcodes.current = '2468';
    expect(await passcodes.save()).toBe(true);
    expect(client.passcode).toBe('1357');
    expect(passcodes.notice).toBe('Your new PIN is saved. Your recovery code still works.');
    expect(passcodes.recoveryCode, 'changing shows no code').toBeNull();
  });

  it('removes it with the current one, and says plainly what protects the data then', async () => {
    const { client, lock, passcodes } = await withPin();
    passcodes.open('remove');
    passcodes.current = '2468';
    expect(await passcodes.save()).toBe(true);
    expect(client.passcode).toBeNull();
    expect(lock.hasPasscode).toBe(false);
    expect(passcodes.notice).toBe('Your PIN is removed. Ebb opens without one now; your data stays encrypted.');
  });

  it('locks now', async () => {
    const { client, lock, passcodes } = await withPin();
    expect(await passcodes.lockNow()).toBe(true);
    expect(client.locked).toBe(true);
    expect(lock.locked, 'the unlock screen comes up').toBe(true);
  });
});

describe('protectionSentence', () => {
  const base: LockStatus = {
    locked: false,
    protection: 'keystore',
    passcodeKind: null,
    keystoreName: 'Secret Service',
    retryInSeconds: 0,
  } as LockStatus;

  it('says how the data is protected, in plain words', () => {
    expect(protectionSentence(base)).toBe(
      "Your data is encrypted. The key is kept in this device's keystore (Secret Service).",
    );
    expect(protectionSentence({ ...base, protection: 'file', keystoreName: null })).toBe(
      'Your data is encrypted, but this device has no keystore Ebb can use, so the key is kept in a file only your account can read. Set a PIN or passphrase to protect it if someone copies your files.',
    );
    expect(protectionSentence({ ...base, protection: 'passcode', passcodeKind: 'pin', keystoreName: null })).toBe(
      'Your data is encrypted and opens only with your PIN (or your recovery code).',
    );
    expect(protectionSentence({ ...base, protection: 'passcode', passcodeKind: 'passphrase' })).toBe(
      'Your data is encrypted and opens only with your passphrase (or your recovery code).',
    );
  });
});
