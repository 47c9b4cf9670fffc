import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { CheckInReminder, REMINDER_BODY, type Notifier } from './reminder';

class FakeNotifier implements Notifier {
  sent: string[] = [];
  allowed = true;
  async permit() {
    return this.allowed;
  }
  async send(title: string, body: string) {
    this.sent.push(`${title}: ${body}`);
  }
}

const noTimers = { setTimeout: () => 0, clearTimeout: () => {} };

async function setup(reminders: boolean, away = true) {
  const client = new FakeClient();
  client.settings.reminders = reminders;
  const notifier = new FakeNotifier();
  const reminder = new CheckInReminder(client, notifier, () => away, noTimers, () => client.now.getTime());
  await reminder.start();
  await client.logUrge({ intensity: 8 });
  return { client, notifier, reminder };
}

function advance(client: FakeClient, minutes: number) {
  client.now = new Date(client.now.getTime() + minutes * 60_000);
}

describe('CheckInReminder', () => {
  it('notifies once, with neutral words, when a check-in comes due while away', async () => {
    const { client, notifier, reminder } = await setup(true);
    expect(await reminder.check(), 'not due yet').toBe(false);
    advance(client, 10);
    expect(await reminder.check()).toBe(true);
    expect(notifier.sent).toEqual([`Ebb: ${REMINDER_BODY}`]);
    expect(notifier.sent[0], 'the text reveals nothing about cravings').not.toMatch(/crav|urge|drink|use/i);
    advance(client, 0.5);
    expect(await reminder.check(), 'nothing nags twice').toBe(false);
    expect(notifier.sent).toHaveLength(1);
  });

  it('stays silent unless the person opted in', async () => {
    const { client, notifier, reminder } = await setup(false);
    advance(client, 10);
    expect(await reminder.check()).toBe(false);
    expect(notifier.sent).toEqual([]);
  });

  it('stays silent while the person is looking at Ebb (Now asks instead)', async () => {
    const { client, notifier, reminder } = await setup(true, false);
    advance(client, 10);
    expect(await reminder.check()).toBe(false);
    expect(notifier.sent).toEqual([]);
  });

  it('does not notify for a check-in long past its moment', async () => {
    const { client, notifier, reminder } = await setup(true);
    advance(client, 60);
    expect(await reminder.check()).toBe(false);
    expect(notifier.sent).toEqual([]);
  });
});
