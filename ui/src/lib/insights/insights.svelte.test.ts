import { describe, expect, it } from 'vitest';
import type { Insights, WhatHelps } from '../ipc/bindings';
import { IpcFailure } from '../ipc/client';
import { FakeClient } from '../ipc/fake';
import { InsightsState } from './insights.svelte';

const answer: Insights = {
  range: 'fourWeeks',
  weeks: [{ weekStart: '2025-03-03', cravings: 3, medianIntensity: 6 }],
  hours: [{ weekday: 0, hour: 18, cravings: 3 }],
  triggers: [],
  feelings: [],
  outcomes: [],
  counters: { cravings: 3, riddenOut: 1, usedLess: 1, practiceMinutes: 12 },
};

const helps: WhatHelps = {
  techniques: [
    {
      techniqueId: 'waiting',
      name: 'Just waited',
      uses: 3,
      benefit: 0,
      low: 0,
      high: 0,
      winShare: 0.5,
      winOf: 2,
      confidence: 'based on 3 uses — early days',
      baseline: true,
    },
  ],
  rated: 3,
  contexts: [],
  contextsNote: 'Not enough yet.',
};

function setup(): { client: FakeClient; state: InsightsState } {
  const client = new FakeClient();
  client.insightsAnswer = answer;
  client.whatHelpsAnswer = helps;
  return { client, state: new InsightsState(client) };
}

describe('InsightsState', () => {
  it('loads what helps and the last 4 weeks first', async () => {
    const { client, state } = setup();
    await state.load();
    expect(client.insightsRequests, 'the default range is 4 weeks').toEqual([{ range: 'fourWeeks' }]);
    expect(state.helps?.rated).toBe(3);
    expect(state.insights?.counters.cravings).toBe(3);
    expect(state.loading).toBe(false);
    expect(state.current, 'the charts match the range picked').toBe(true);
  });

  it('reloads the patterns, not what helps, when the range changes', async () => {
    const { client, state } = setup();
    await state.load();
    const callsBefore = client.calls.filter((c) => c === 'whatHelps').length;
    await state.setRange('year');
    expect(client.insightsRequests.map((r) => r.range)).toEqual(['fourWeeks', 'year']);
    expect(state.insights?.range).toBe('year');
    expect(client.calls.filter((c) => c === 'whatHelps').length, 'what helps is all-time').toBe(callsBefore);
  });

  it('does not ask again for the range already shown', async () => {
    const { client, state } = setup();
    await state.load();
    await state.setRange('fourWeeks');
    expect(client.insightsRequests.length).toBe(1);
  });

  it('keeps the newest range when an older answer arrives last', async () => {
    const { client, state } = setup();
    await state.load();
    // Hold back the answer for "all" until the answer for 3 months has landed.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const answerFor = client.getInsights.bind(client);
    client.getInsights = async (request) => {
      const result = await answerFor(request);
      if (request.range === 'all') await held;
      return result;
    };
    const slow = state.setRange('all');
    await state.setRange('threeMonths');
    expect(state.insights?.range).toBe('threeMonths');
    release();
    await slow;
    expect(state.range).toBe('threeMonths');
    expect(state.insights?.range, 'the charts show the range the button says').toBe('threeMonths');
    expect(client.insightsRequests.map((r) => r.range)).toEqual(['fourWeeks', 'all', 'threeMonths']);
  });

  it('shows the message and keeps what helps when the patterns cannot load', async () => {
    const { client, state } = setup();
    client.insightsAnswer = null;
    await state.load();
    expect(state.error).toBe('No insights in this fake.');
    expect(state.helps?.rated, 'one half failing leaves the other').toBe(3);
    expect(state.loading).toBe(false);
  });

  it('shows a refusal from what helps on its own', async () => {
    const { client, state } = setup();
    client.failNext = new IpcFailure('storage', 'The data could not be read.');
    await state.load();
    expect(state.helpsError).toBe('The data could not be read.');
    expect(state.error).toBeNull();
    expect(state.insights?.range).toBe('fourWeeks');
  });
});
