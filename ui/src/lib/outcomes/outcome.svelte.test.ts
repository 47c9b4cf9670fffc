import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { IpcFailure } from '../ipc/client';
import { OutcomeEditor } from './outcome.svelte';

async function logged(client: FakeClient, intensity = 8) {
  return client.logUrge({ intensity });
}

describe('OutcomeEditor', () => {
  it('saves each tap at once and answers warmly', async () => {
    const client = new FakeClient();
    const urge = await logged(client);
    const editor = OutcomeEditor.forUrge(client, urge, { kind: 'cutDown', plannedAmount: 2, unit: 'glasses' });
    await editor.setIntensity(3);
    expect(client.urges[0]?.outcome?.intensityAfter, 'the re-rate is saved with one tap').toBe(3);
    await editor.setAction('usedLess');
    expect(client.urges[0]?.outcome?.action).toBe('usedLess');
    expect(editor.reply).toContain('win');
  });

  it('keeps the previous choice and shows the message when a save is refused', async () => {
    const client = new FakeClient();
    const urge = await logged(client);
    const editor = OutcomeEditor.forUrge(client, urge, { kind: 'stop' });
    await editor.setAction('didntUse');
    client.failNext = new IpcFailure('invalid_input', 'With a goal to stop, the choices are …');
    await editor.setAction('usedMore');
    expect(editor.action, 'the refused choice is not shown as chosen').toBe('didntUse');
    expect(editor.error).toContain('goal to stop');
  });

  it('refuses an amount that is not a number without calling the store, keeping the text', async () => {
    const client = new FakeClient();
    const urge = await logged(client);
    const editor = OutcomeEditor.forUrge(client, urge, null);
    editor.amount = 'two';
    client.calls = [];
    expect(await editor.save()).toBe(false);
    expect(editor.error).toContain('“two”');
    expect(editor.amount).toBe('two');
    expect(client.calls).toEqual([]);
    editor.amount = '1,5';
    expect(await editor.save(), 'a decimal comma is read as a decimal point').toBe(true);
    expect(client.urges[0]?.outcome?.amount).toBe(1.5);
  });

  it('starts from the recorded outcome when editing later', async () => {
    const client = new FakeClient();
    const urge = await logged(client);
    await client.setOutcome({ urgeId: urge.id, intensityAfter: 2, action: 'didntUse', note: 'walked' });
    const editor = OutcomeEditor.forUrge(client, client.urges[0]!, null);
    expect([editor.intensityAfter, editor.action, editor.note]).toEqual([2, 'didntUse', 'walked']);
  });
});
