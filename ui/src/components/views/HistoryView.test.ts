// History with a thousand cravings loaded (issue #13, "History memory"), drawn as the app
// draws it (on the server, so no browser is needed): only a window of rows is in the markup,
// with spacers for the rest, and the screen gives back what it loaded when it goes away.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { FakeClient } from '../../lib/ipc/fake';
import { provideClient } from '../../lib/ipc/context';
import { Navigation, provideNavigation } from '../../lib/nav/navigation.svelte';
import { HistoryState, provideHistory } from '../../lib/urges/history.svelte';
import WithContext from '../shared/WithContext.svelte';
import HistoryView from './HistoryView.svelte';

const ROWS = 1_000;
const browserHistory = { state: null, pushState() {}, replaceState() {}, back() {}, go() {} };

/** A store of `n` cravings, ten minutes apart (a few days' worth), every page of them loaded. */
async function loaded(n: number): Promise<{ client: FakeClient; history: HistoryState }> {
  const client = new FakeClient();
  const start = client.now.getTime();
  for (let i = 0; i < n; i++) {
    client.now = new Date(start - (n - i) * 600_000);
    await client.logUrge({ intensity: i % 11, note: i % 3 === 0 ? `note ${i}` : undefined });
  }
  client.now = new Date(start);
  const history = new HistoryState(client);
  await history.refresh();
  while (history.hasMore) await history.loadMore();
  return { client, history };
}

function draw(client: FakeClient, history: HistoryState): string {
  const { body } = render(WithContext, {
    props: {
      view: HistoryView,
      setup: () => {
        provideClient(client);
        provideNavigation(new Navigation(browserHistory));
        provideHistory(history);
      },
    },
  });
  return body;
}

describe('HistoryView with a thousand cravings', () => {
  it('puts a window of rows in the page, not every row loaded', async () => {
    const { client, history } = await loaded(ROWS);
    expect(history.urges.length, 'every page is loaded').toBe(ROWS);
    const newest = history.urges[0]!.id;
    const html = draw(client, history);
    const rows = [...html.matchAll(/<li class="urge[^"]*"[^>]*data-urge-id="([^"]+)"/g)].map((m) => m[1]);
    expect(rows.length, `${rows.length} of ${ROWS} rows drawn`).toBeGreaterThan(10);
    expect(rows.length, `${rows.length} of ${ROWS} rows drawn`).toBeLessThan(60);
    expect(rows[0], 'from the newest').toBe(newest);
    const days = [...html.matchAll(/<h2 class="day[^"]*"[^>]*>([^<]+)<\/h2>(?:\s|<!--[^>]*-->)*<ol class="list[^"]*" aria-label="Cravings, ([^"]+)">/g)];
    expect(days.length, 'each day drawn keeps its heading, then its list').toBeGreaterThan(0);
    for (const [, heading, list] of days) expect(list, 'the list is named after its day').toBe(heading!.trim());
    const spacers = [...html.matchAll(/<div class="space[^"]*" aria-hidden="true"(?: style="height: ([\d.]+)px;")?>/g)];
    expect(spacers.length, 'a spacer above, a spacer below').toBe(2);
    expect(Number(spacers[1]![1]), 'the spacer below stands in for the rest').toBeGreaterThan(50_000);
  });

  it('gives back its rows when it goes away (another place, the lock)', async () => {
    const { client, history } = await loaded(ROWS);
    // Drawing on the server ends by destroying the component, as leaving History does.
    draw(client, history);
    expect(history.urges, 'no craving is kept once History is gone').toEqual([]);
    expect(history.loaded, 'coming back loads the newest again').toBe(false);
  });
});
