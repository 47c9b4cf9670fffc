import { describe, expect, it } from 'vitest';
import { FakeClient } from '../ipc/fake';
import { SuggestionsState } from './suggestions.svelte';

describe('SuggestionsState', () => {
  it('asks for this craving and records "not now" with what was offered', async () => {
    const client = new FakeClient();
    const urge = await client.logUrge({ intensity: 8 });
    const state = new SuggestionsState(client);
    await state.load(urge.id);
    expect(client.suggestRequests, 'suggestions are tailored to the craving').toEqual([{ urgeId: urge.id }]);
    expect(state.list.map((s) => s.techniqueId)).toEqual(['breathing.box', 'urge-surfing']);
    expect(state.list.every((s) => s.reason.length > 0), 'each has a reason').toBe(true);
    await state.notNow();
    expect(state.done).toBe(true);
    expect(client.responses).toEqual([{ urgeId: urge.id, offered: ['breathing.box', 'urge-surfing'] }]);
  });

  it('records the one chosen, and a failed record does not block it', async () => {
    const client = new FakeClient();
    const state = new SuggestionsState(client);
    await state.load(null);
    await state.choose('urge-surfing');
    expect(client.responses[0]?.chosen).toBe('urge-surfing');
    await state.load(null);
    client.recordSuggestion = async () => {
      throw new Error('disk full');
    };
    await state.choose('breathing.box');
    expect(state.done, 'the card still goes away and the technique starts').toBe(true);
    expect(state.error).toBeTruthy();
  });
});
