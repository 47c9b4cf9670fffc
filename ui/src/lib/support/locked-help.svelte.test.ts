import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { LockedHelpState } from './locked-help.svelte';

describe('LockedHelpState', () => {
  it("shows every region's numbers while locked, the system language's region first", async () => {
    const client = new FakeClient();
    client.settings.region = 'US';
    client.locked = true;
    const help = new LockedHelpState(client);
    await help.load('UK');
    expect(help.error).toBeNull();
    expect(help.regions.map((r) => r.region.code), 'every region, none left out').toEqual(['UK', 'US', 'CA']);
    expect(help.regions[0]?.numbers.map((n) => n.number)).toContain('116 123');
    expect(client.calls, "nothing of the person's is asked for").toEqual(['lockedHelp']);
  });

  it('keeps the order when the region is unknown', async () => {
    const client = new FakeClient();
    const help = new LockedHelpState(client);
    await help.load(null);
    expect(help.regions.map((r) => r.region.code)).toEqual(['US', 'UK', 'CA']);
  });
});
